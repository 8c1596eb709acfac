package config

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/watchtower-l2/watchtower/internal/transport"
)

// natsAuthKeys are the ways to authenticate to NATS, each by the keys it sets.
var natsAuthKeys = []struct {
	key  string
	set  func(NATS) bool
	keys string
}{
	{"nats.creds_file", func(n NATS) bool { return n.CredsFile != "" }, "nats.creds_file"},
	{"nats.nkey_seed_file", func(n NATS) bool { return n.NKeySeedFile != "" }, "nats.nkey_seed_file"},
	{"nats.user", func(n NATS) bool { return n.User != "" || n.PasswordFile != "" }, "nats.user and nats.password_file"},
	{"nats.token_file", func(n NATS) bool { return n.TokenFile != "" }, "nats.token_file"},
}

// transportProblems checks the NATS and Redis credentials and TLS keys:
// one way to authenticate, pairs set together, and nothing set for an
// embedded server or store that would ignore it.
func (c Config) transportProblems() Problems {
	var ps Problems
	add := func(path, format string, a ...any) {
		ps = append(ps, Problem{Path: path, Msg: fmt.Sprintf(format, a...)})
	}
	n := c.NATS
	var methods []string
	for _, m := range natsAuthKeys {
		if m.set(n) {
			methods = append(methods, m.key)
		}
	}
	if len(methods) > 1 {
		add(methods[1], "set with %s: choose one way to authenticate (creds_file, nkey_seed_file, user with password_file, or token_file)", methods[0])
	}
	if n.User != "" && n.PasswordFile == "" {
		add("nats.password_file", "required with nats.user")
	}
	if n.PasswordFile != "" && n.User == "" {
		add("nats.user", "required with nats.password_file")
	}
	if (n.TLSCertFile == "") != (n.TLSKeyFile == "") {
		add("nats.tls_cert_file", "set nats.tls_cert_file and nats.tls_key_file together")
	}
	if n.URL == "" {
		for _, k := range []struct{ key, v string }{
			{"nats.creds_file", n.CredsFile}, {"nats.nkey_seed_file", n.NKeySeedFile}, {"nats.user", n.User},
			{"nats.password_file", n.PasswordFile}, {"nats.token_file", n.TokenFile}, {"nats.tls_ca_file", n.TLSCAFile},
			{"nats.tls_cert_file", n.TLSCertFile}, {"nats.tls_key_file", n.TLSKeyFile}, {"nats.tls_server_name", n.TLSServerName},
		} {
			if k.v != "" {
				add(k.key, "set but nats.url is empty (the embedded server has no authentication or TLS)")
			}
		}
	} else if len(methods) > 0 {
		for _, raw := range strings.Split(n.URL, ",") {
			if u, err := url.Parse(strings.TrimSpace(raw)); err == nil && u.User != nil {
				add("nats.url", "holds credentials and %s is set: keep the secret in the file only", methods[0])
				break
			}
		}
	}

	s := c.Store
	if (s.RedisTLSCertFile == "") != (s.RedisTLSKeyFile == "") {
		add("store.redis_tls_cert_file", "set store.redis_tls_cert_file and store.redis_tls_key_file together")
	}
	tlsSet := !s.TLSFiles().IsZero()
	if s.RedisURL == "" {
		for _, k := range []struct{ key, v string }{
			{"store.redis_username", s.RedisUsername}, {"store.redis_password_file", s.RedisPasswordFile},
			{"store.redis_tls_ca_file", s.RedisTLSCAFile}, {"store.redis_tls_cert_file", s.RedisTLSCertFile},
			{"store.redis_tls_key_file", s.RedisTLSKeyFile}, {"store.redis_tls_server_name", s.RedisTLSServerName},
		} {
			if k.v != "" {
				add(k.key, "set but store.redis_url is empty (the embedded store has no password or TLS)")
			}
		}
	} else if tlsSet && !hasScheme(s.RedisURL, "rediss", "rediss+cluster", "rediss+sentinel") {
		add("store.redis_url", "the redis_tls_* keys need TLS: use a rediss:// (or rediss+cluster://, rediss+sentinel://) URL")
	}
	return ps
}

// TLSFiles returns the client TLS settings of nats.tls_* (zero: no TLS
// unless the URL or the server asks for it).
func (n NATS) TLSFiles() transport.TLSFiles {
	return transport.TLSFiles{CAFile: n.TLSCAFile, CertFile: n.TLSCertFile, KeyFile: n.TLSKeyFile, ServerName: n.TLSServerName}
}

// AuthKeys names the keys that hold the NATS credentials in use, for an
// operator whose credentials were refused.
func (n NATS) AuthKeys() string {
	for _, m := range natsAuthKeys {
		if m.set(n) {
			return m.keys
		}
	}
	return "the nats credentials: none is set (creds_file, nkey_seed_file, user with password_file, or token_file)"
}

// TLSKeys names the NATS TLS keys, for an operator whose handshake failed.
func (NATS) TLSKeys() string {
	return "nats.tls_ca_file, nats.tls_cert_file and nats.tls_key_file (and nats.tls_server_name)"
}

// TLSFiles returns the client TLS settings of store.redis_tls_*.
func (s Store) TLSFiles() transport.TLSFiles {
	return transport.TLSFiles{CAFile: s.RedisTLSCAFile, CertFile: s.RedisTLSCertFile, KeyFile: s.RedisTLSKeyFile, ServerName: s.RedisTLSServerName}
}

// AuthKeys names the keys that hold the Redis credentials.
func (Store) AuthKeys() string {
	return "store.redis_username and store.redis_password_file"
}

// TLSKeys names the Redis TLS keys.
func (Store) TLSKeys() string {
	return "store.redis_url (rediss://), store.redis_tls_ca_file, store.redis_tls_cert_file and store.redis_tls_key_file"
}
