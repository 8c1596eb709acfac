package bus_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nkeys"

	"github.com/watchtower-l2/watchtower/internal/testutil/tlstest"
	"github.com/watchtower-l2/watchtower/internal/transport"
	"github.com/watchtower-l2/watchtower/watcher/bus"
	"github.com/watchtower-l2/watchtower/watcher/bus/bustest"
)

// connectTimeout is far longer than a refusal should take: a refused
// connection must fail on its own, not when the context expires.
const connectTimeout = 60 * time.Second

func secretFile(t *testing.T, name, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(body+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// connect dials u with opts and, when it succeeds, checks JetStream works
// over the connection.
func connect(t *testing.T, u string, opts bus.Options) error {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), connectTimeout)
	defer cancel()
	b, err := bus.Connect(ctx, u, opts)
	if err != nil {
		if ctx.Err() != nil {
			t.Fatalf("connect did not fail fast: %v", err)
		}
		if strings.Contains(err.Error(), "\n") {
			t.Errorf("error is not one line: %q", err)
		}
		return err
	}
	defer b.Close()
	if err := b.EnsureStream(ctx, bus.StreamConfig{Name: "T", Subjects: []string{"t.>"}}); err != nil {
		t.Fatalf("JetStream over the secured connection: %v", err)
	}
	if _, err := b.Publish(ctx, "t.1", "id-1", []byte("x")); err != nil {
		t.Fatalf("publish over the secured connection: %v", err)
	}
	return nil
}

// A server requiring TLS with client certificates and a user: the right
// CA, certificate and password connect; each wrong piece fails at once with
// an error saying which.
func TestConnectMutualTLSAndUser(t *testing.T) {
	t.Parallel()
	ca := tlstest.NewCA(t, "nats")
	srvPair := ca.Server("nats-server")
	_, u := bustest.StartWith(t, func(o *server.Options) {
		bustest.ServerTLS(t, srvPair.CertFile, srvPair.KeyFile, ca.CAFile, true)(o)
		o.Users = []*server.User{{Username: "verify", Password: "right-password"}}
	})
	client := ca.Client("verify")
	good := transport.TLSFiles{CAFile: ca.CAFile, CertFile: client.CertFile, KeyFile: client.KeyFile}
	right := secretFile(t, "right", "right-password")
	wrong := secretFile(t, "wrong", "wrong-password")

	if err := connect(t, u, bus.Options{Name: "ok", User: "verify", PasswordFile: right, TLS: good}); err != nil {
		t.Fatalf("right credentials refused: %v", err)
	}
	// A nats:// URL is upgraded to TLS as the server asks.
	if err := connect(t, strings.Replace(u, "tls://", "nats://", 1), bus.Options{User: "verify", PasswordFile: right, TLS: good}); err != nil {
		t.Fatalf("nats:// URL refused: %v", err)
	}

	err := connect(t, u, bus.Options{User: "verify", PasswordFile: wrong, TLS: good})
	if !errors.Is(err, transport.ErrAuth) || !strings.Contains(err.Error(), `user "verify"`) ||
		!strings.Contains(strings.ToLower(err.Error()), "authorization violation") || strings.Contains(err.Error(), "wrong-password") {
		t.Fatalf("wrong password: %v", err)
	}
	err = connect(t, u, bus.Options{User: "intruder", PasswordFile: right, TLS: good})
	if !errors.Is(err, transport.ErrAuth) {
		t.Fatalf("unknown user: %v", err)
	}
	err = connect(t, u, bus.Options{TLS: good})
	if !errors.Is(err, transport.ErrAuth) || !strings.Contains(err.Error(), "anonymous") {
		t.Fatalf("no credentials: %v", err)
	}

	// TLS problems. Without a CA the system roots do not know the test CA.
	err = connect(t, strings.Replace(u, "tls://", "nats://", 1), bus.Options{User: "verify", PasswordFile: right})
	if !errors.Is(err, transport.ErrTLS) || !strings.Contains(err.Error(), "not signed by a trusted CA") {
		t.Fatalf("no TLS settings: %v", err)
	}
	err = connect(t, u, bus.Options{User: "verify", PasswordFile: right, TLS: transport.TLSFiles{CAFile: ca.CAFile}})
	if !errors.Is(err, transport.ErrTLS) || !strings.Contains(err.Error(), "client certificate") {
		t.Fatalf("no client certificate: %v", err)
	}
	t.Logf("no client certificate: %v", err)
	other := tlstest.NewCA(t, "other")
	err = connect(t, u, bus.Options{User: "verify", PasswordFile: right, TLS: transport.TLSFiles{CAFile: other.CAFile, CertFile: client.CertFile, KeyFile: client.KeyFile}})
	if !errors.Is(err, transport.ErrTLS) || !strings.Contains(err.Error(), "not signed by a trusted CA") {
		t.Fatalf("untrusted server certificate: %v", err)
	}
	stranger := other.Client("verify")
	err = connect(t, u, bus.Options{User: "verify", PasswordFile: right, TLS: transport.TLSFiles{CAFile: ca.CAFile, CertFile: stranger.CertFile, KeyFile: stranger.KeyFile}})
	if !errors.Is(err, transport.ErrTLS) || !strings.Contains(err.Error(), "client certificate") {
		t.Fatalf("client certificate from another CA: %v", err)
	}
	err = connect(t, u, bus.Options{User: "verify", PasswordFile: right, TLS: transport.TLSFiles{CAFile: ca.CAFile, ServerName: "nats.example"}})
	if !errors.Is(err, transport.ErrTLS) || !strings.Contains(err.Error(), "not valid for nats.example") {
		t.Fatalf("server name mismatch: %v", err)
	}
}

func TestConnectToken(t *testing.T) {
	t.Parallel()
	ca := tlstest.NewCA(t, "nats")
	srvPair := ca.Server("nats-server")
	_, u := bustest.StartWith(t, func(o *server.Options) {
		bustest.ServerTLS(t, srvPair.CertFile, srvPair.KeyFile, ca.CAFile, false)(o)
		o.Authorization = "s3cret-token"
	})
	tlsFiles := transport.TLSFiles{CAFile: ca.CAFile}
	if err := connect(t, u, bus.Options{TokenFile: secretFile(t, "token", "s3cret-token"), TLS: tlsFiles}); err != nil {
		t.Fatalf("right token refused: %v", err)
	}
	err := connect(t, u, bus.Options{TokenFile: secretFile(t, "bad", "other-token"), TLS: tlsFiles})
	if !errors.Is(err, transport.ErrAuth) || !strings.Contains(err.Error(), "the token in") || strings.Contains(err.Error(), "other-token") {
		t.Fatalf("wrong token: %v", err)
	}
}

func TestConnectNKey(t *testing.T) {
	t.Parallel()
	user, err := nkeys.CreateUser()
	if err != nil {
		t.Fatal(err)
	}
	pub, _ := user.PublicKey()
	seed, _ := user.Seed()
	_, u := bustest.StartWith(t, func(o *server.Options) {
		o.Nkeys = []*server.NkeyUser{{Nkey: pub}}
	})
	if err := connect(t, u, bus.Options{NKeySeedFile: secretFile(t, "seed", string(seed))}); err != nil {
		t.Fatalf("right nkey refused: %v", err)
	}
	other, _ := nkeys.CreateUser()
	otherSeed, _ := other.Seed()
	err = connect(t, u, bus.Options{NKeySeedFile: secretFile(t, "other", string(otherSeed))})
	if !errors.Is(err, transport.ErrAuth) || !strings.Contains(err.Error(), "the nkey in") {
		t.Fatalf("unknown nkey: %v", err)
	}
	err = connect(t, u, bus.Options{NKeySeedFile: secretFile(t, "garbage", "not a seed")})
	if err == nil || !strings.Contains(err.Error(), "nkey seed file") {
		t.Fatalf("unreadable seed: %v", err)
	}
}

// Settings that cannot work are refused before dialing.
func TestConnectRefusesBadSettings(t *testing.T) {
	t.Parallel()
	pw := secretFile(t, "pw", "x")
	empty := filepath.Join(t.TempDir(), "empty")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string]struct {
		opts bus.Options
		want string
	}{
		"two methods":      {bus.Options{User: "u", PasswordFile: pw, TokenFile: pw}, "several authentication methods"},
		"user only":        {bus.Options{User: "u"}, "needs both a name and a password file"},
		"empty password":   {bus.Options{User: "u", PasswordFile: empty}, "is empty"},
		"missing token":    {bus.Options{TokenFile: filepath.Join(t.TempDir(), "nope")}, "no such file"},
		"missing CA":       {bus.Options{TLS: transport.TLSFiles{CAFile: filepath.Join(t.TempDir(), "nope")}}, "TLS CA file"},
		"CA not PEM":       {bus.Options{TLS: transport.TLSFiles{CAFile: pw}}, "holds no PEM certificate"},
		"cert without key": {bus.Options{TLS: transport.TLSFiles{CertFile: pw}}, "without its key file"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := bus.Connect(context.Background(), "nats://127.0.0.1:1", c.opts)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v, want an error containing %q", err, c.want)
			}
		})
	}
}
