package bus

import (
	"errors"
	"fmt"
	"strings"

	"github.com/nats-io/nats.go"

	"github.com/watchtower-l2/watchtower/internal/transport"
)

// authMethods lists the authentication methods opts sets, by name.
func (o Options) authMethods() []string {
	var m []string
	if o.CredsFile != "" {
		m = append(m, "credentials file")
	}
	if o.NKeySeedFile != "" {
		m = append(m, "nkey seed file")
	}
	if o.User != "" || o.PasswordFile != "" {
		m = append(m, "user and password")
	}
	if o.TokenFile != "" {
		m = append(m, "token file")
	}
	return m
}

// securityOptions returns the options that authenticate the client and
// secure the connection. Secret files are read here, before dialing, so a
// missing or empty one is reported as such rather than as a refusal.
func securityOptions(o Options) ([]nats.Option, error) {
	if m := o.authMethods(); len(m) > 1 {
		return nil, fmt.Errorf("several authentication methods set (%s): choose one", strings.Join(m, ", "))
	}
	var out []nats.Option
	switch {
	case o.CredsFile != "":
		out = append(out, nats.UserCredentials(o.CredsFile))
	case o.NKeySeedFile != "":
		opt, err := nats.NkeyOptionFromSeed(o.NKeySeedFile)
		if err != nil {
			return nil, fmt.Errorf("nkey seed file %s: %w", o.NKeySeedFile, err)
		}
		out = append(out, opt)
	case o.User != "" || o.PasswordFile != "":
		if o.User == "" || o.PasswordFile == "" {
			return nil, errors.New("a user needs both a name and a password file")
		}
		pw, err := transport.ReadSecret(o.PasswordFile)
		if err != nil {
			return nil, fmt.Errorf("password file: %w", err)
		}
		out = append(out, nats.UserInfo(o.User, pw))
	case o.TokenFile != "":
		tok, err := transport.ReadSecret(o.TokenFile)
		if err != nil {
			return nil, fmt.Errorf("token file: %w", err)
		}
		out = append(out, nats.Token(tok))
	}
	if !o.TLS.IsZero() {
		cfg, err := o.TLS.Config()
		if err != nil {
			return nil, err
		}
		out = append(out, nats.Secure(cfg))
	}
	return out, nil
}

// explainConnect adds to a failed dial what the operator should look at:
// the credentials the server refused, or why TLS failed.
func explainConnect(err error, o Options) error {
	who := "an anonymous connection (this server requires credentials)"
	switch {
	case o.CredsFile != "":
		who = "the credentials file " + o.CredsFile
	case o.NKeySeedFile != "":
		who = "the nkey in " + o.NKeySeedFile
	case o.User != "":
		who = fmt.Sprintf("user %q with the password in %s", o.User, o.PasswordFile)
	case o.TokenFile != "":
		who = "the token in " + o.TokenFile
	}
	switch {
	case errors.Is(err, nats.ErrAuthorization), errors.Is(err, nats.ErrAuthExpired),
		errors.Is(err, nats.ErrAuthRevoked), errors.Is(err, nats.ErrAccountAuthExpired):
		return &transport.Explained{Kind: transport.ErrAuth, Reason: "the server refused " + who, Err: err}
	case errors.Is(err, nats.ErrNkeysNotSupported):
		return &transport.Explained{Kind: transport.ErrAuth, Reason: "the server does not accept nkeys", Err: err}
	case errors.Is(err, nats.ErrSecureConnRequired):
		return &transport.Explained{Kind: transport.ErrTLS, Reason: "the server requires TLS: set a CA file (and a client certificate if it asks for one)", Err: err}
	case errors.Is(err, nats.ErrTLS) && strings.Contains(err.Error(), "after TLS handshake"):
		return &transport.Explained{Kind: transport.ErrTLS, Reason: "the server closed the connection after the TLS handshake: " +
			"it probably refused the client certificate (it needs one signed by the CA the server trusts)", Err: err}
	case errors.Is(err, nats.ErrSecureConnWanted):
		return &transport.Explained{Kind: transport.ErrTLS, Reason: "TLS is configured but the server does not offer it", Err: err}
	}
	if r := transport.TLSReason(err); r != "" {
		return &transport.Explained{Kind: transport.ErrTLS, Reason: r, Err: err}
	}
	return err
}
