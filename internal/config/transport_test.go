package config

import (
	"github.com/watchtower-l2/watchtower/watcher/l2/kinds"
	"slices"
	"strings"
	"testing"
)

// A complete secured transport configuration passes check; the CA and
// client certificates may be world-readable, keys and passwords may not.
func TestTransportKeysValid(t *testing.T) {
	dir := t.TempDir()
	ca := writeFile(t, dir, "ca.pem", "pem", 0o644)
	cert := writeFile(t, dir, "client.pem", "pem", 0o644)
	key := writeFile(t, dir, "client.key", "pem", 0o600)
	pw := writeFile(t, dir, "pw", "secret", 0o600)
	p := writeFile(t, dir, "c.yaml", `roles: [verify]
l1:
  rpc_url: wss://l1.internal
events:
  trusted_keys: ["R+9oYTeFwT9fQWniGydCq4WO4yEUZGsBQ5dKlAdt5Fc="]
nats:
  url: tls://n1:4222,tls://n2:4222
  user: verify
  password_file: `+pw+`
  tls_ca_file: `+ca+`
  tls_cert_file: `+cert+`
  tls_key_file: `+key+`
  tls_server_name: nats.internal
store:
  redis_url: rediss://redis:6380/0
  redis_username: tower
  redis_password_file: `+pw+`
  redis_tls_ca_file: `+ca+`
  redis_tls_cert_file: `+cert+`
  redis_tls_key_file: `+key+`
sidechain:
  manager: "0x5FbDB2315678afecb367f032d93F642f64180aa3"
  id: 7
  rpc_url: http://sidechain:8545
  attestations_url: http://validators
`, 0o600)
	if ps := Check(kinds.Builtin(), p, nil); len(ps) > 0 {
		t.Fatalf("valid transport settings refused:\n%v", ps)
	}
	cfg, err := Resolve(p, nil, NoFlags(kinds.Builtin()))
	if err != nil {
		t.Fatal(err)
	}
	if f := cfg.NATS.TLSFiles(); f.CAFile != ca || f.KeyFile != key || f.ServerName != "nats.internal" {
		t.Fatalf("NATS TLS files %+v", f)
	}
	if f := cfg.Store.TLSFiles(); f.CertFile != cert || f.KeyFile != key {
		t.Fatalf("Redis TLS files %+v", f)
	}
	if got := cfg.NATS.AuthKeys(); got != "nats.user and nats.password_file" {
		t.Fatalf("AuthKeys = %q", got)
	}
}

func TestTransportKeysProblems(t *testing.T) {
	dir := t.TempDir()
	world := writeFile(t, dir, "world.key", "k", 0o644)
	for _, tc := range []struct {
		name string
		body string
		want map[string]string
	}{
		{"two ways to authenticate", "nats:\n  url: nats://n:4222\n  user: u\n  password_file: /p\n  token_file: /t\n",
			map[string]string{"nats.token_file": "set with nats.user: choose one way to authenticate"}},
		{"creds and nkey", "nats:\n  url: nats://n:4222\n  creds_file: /c\n  nkey_seed_file: /s\n",
			map[string]string{"nats.nkey_seed_file": "set with nats.creds_file"}},
		{"user without password", "nats:\n  url: nats://n:4222\n  user: u\n",
			map[string]string{"nats.password_file": "required with nats.user"}},
		{"password without user", "nats:\n  url: nats://n:4222\n  password_file: /p\n",
			map[string]string{"nats.user": "required with nats.password_file"}},
		{"credentials in the URL too", "nats:\n  url: nats://u:pw@n:4222\n  token_file: /t\n",
			map[string]string{"nats.url": "holds credentials and nats.token_file is set"}},
		{"NATS cert without key", "nats:\n  url: nats://n:4222\n  tls_cert_file: /c\n",
			map[string]string{"nats.tls_cert_file": "together"}},
		{"NATS auth for the embedded server", "nats:\n  token_file: /t\n  tls_ca_file: /ca\n",
			map[string]string{"nats.token_file": "nats.url is empty", "nats.tls_ca_file": "nats.url is empty"}},
		{"Redis TLS over redis://", "store:\n  redis_url: redis://r:6379/0\n  redis_tls_ca_file: /ca\n",
			map[string]string{"store.redis_url": "use a rediss://"}},
		{"Redis key without cert", "store:\n  redis_url: rediss://r:6379/0\n  redis_tls_key_file: /k\n",
			map[string]string{"store.redis_tls_cert_file": "together"}},
		{"Redis user for the embedded store", "store:\n  redis_username: u\n  redis_password_file: /p\n",
			map[string]string{"store.redis_username": "redis_url is empty", "store.redis_password_file": "redis_url is empty"}},
		{"world-readable TLS key", "nats:\n  url: nats://n:4222\n  tls_cert_file: " + world + "\n  tls_key_file: " + world + "\n",
			map[string]string{"nats.tls_key_file": "readable by every user"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := writeFile(t, t.TempDir(), "c.yaml", "roles: [verify]\n"+tc.body, 0o600)
			ps := Check(kinds.Builtin(), p, nil)
			for path, frag := range tc.want {
				i := slices.IndexFunc(ps, func(p Problem) bool { return p.Path == path && strings.Contains(p.Msg, frag) })
				if i < 0 {
					t.Errorf("no problem %q reported for %s; got:\n%v", frag, path, ps)
				}
			}
			for _, p := range ps {
				if p.Path == "nats.tls_cert_file" && strings.Contains(p.Msg, "readable by every user") {
					t.Errorf("a certificate is public, yet: %v", p)
				}
			}
		})
	}
}
