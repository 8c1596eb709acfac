package main

import (
	"bytes"
	"context"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/nats-io/nats-server/v2/server"

	"github.com/watchtower-l2/watchtower/internal/devnet"
	"github.com/watchtower-l2/watchtower/internal/testutil/chantest"
	"github.com/watchtower-l2/watchtower/internal/testutil/redistest"
	"github.com/watchtower-l2/watchtower/internal/testutil/tlstest"
	"github.com/watchtower-l2/watchtower/watcher/bus/bustest"
	"github.com/watchtower-l2/watchtower/watcher/delegation"
)

// A tower talks to NATS and Redis over mutual TLS, logged in as its users;
// with a wrong password for either it exits 1 at start with one line saying
// which keys to check.
func TestRunOverTLSWithAuthentication(t *testing.T) {
	c := chantest.New(t, 2, devnet.Options{RPCPort: 0, WSPort: 0})
	dir := t.TempDir()
	secret := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	keyFile := secret("tower.key", "0x"+hex.EncodeToString(crypto.FromECDSA(c.TowerKey(0))))
	_, idFile := writeIdentityKey(t, dir)
	eventsFile := filepath.Join(dir, "events.key")
	if code := call(cmdKeys, []string{"events", "--out", eventsFile}, &bytes.Buffer{}, &bytes.Buffer{}); code != 0 {
		t.Fatalf("keys events: exit %d", code)
	}

	ca := tlstest.NewCA(t, "transport")
	natsCert, redisCert, client := ca.Server("nats"), ca.Server("redis"), ca.Client("tower")
	nsrv, natsURL := bustest.StartWith(t, func(o *server.Options) {
		bustest.ServerTLS(t, natsCert.CertFile, natsCert.KeyFile, ca.CAFile, true)(o)
		o.Users = []*server.User{{Username: "tower", Password: "nats password"}}
	})
	redis := redistest.StartTLS(t, redistest.TLSOptions{
		CertFile: redisCert.CertFile, KeyFile: redisCert.KeyFile, CAFile: ca.CAFile,
		ClientCertFile: client.CertFile, ClientKeyFile: client.KeyFile,
		User: "tower", Password: "redis password",
	})

	api := freeAddr(t)
	config := func(natsPW, redisPW string) string {
		p := filepath.Join(dir, fmt.Sprintf("watchtower-%d.yaml", time.Now().UnixNano()))
		yaml := fmt.Sprintf(`data_dir: %s
roles: [ingest, verify, challenge, api]
l1:
  rpc_url: %s
  confirmations: 1
  poll_interval: 100ms
nats:
  url: %s
  user: tower
  password_file: %s
  tls_ca_file: %s
  tls_cert_file: %s
  tls_key_file: %s
store:
  redis_url: %s
  redis_username: tower
  redis_password_file: %s
  redis_tls_ca_file: %s
  redis_tls_cert_file: %s
  redis_tls_key_file: %s
events:
  signing_key_file: %s
signer:
  key_file: %s
channel:
  adjudicator: %s
api:
  listen: %s
  identity_key_file: %s
metrics:
  listen: %s
log:
  level: warn
`, filepath.Join(dir, "data"), c.Net.WSURL,
			natsURL, secret("nats.pw", natsPW), ca.CAFile, client.CertFile, client.KeyFile,
			redis.URL(), secret("redis.pw", redisPW), ca.CAFile, client.CertFile, client.KeyFile,
			eventsFile, keyFile, c.Addr.Hex(), api, idFile, freeAddr(t))
		if err := os.WriteFile(p, []byte(yaml), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}

	// Wrong credentials: exit 1 at start, one line naming the keys, no secret.
	for _, tc := range []struct {
		name            string
		natsPW, redisPW string
		flags           []string
		want            []string
	}{
		{"wrong NATS password", "guess", "redis password", nil,
			[]string{"authorization violation", `user "tower"`, "check nats.user and nats.password_file"}},
		{"wrong Redis password", "nats password", "guess", nil,
			[]string{"WRONGPASS", "check store.redis_username and store.redis_password_file"}},
		{"no NATS client certificate", "nats password", "redis password", []string{"--nats.tls-cert-file=", "--nats.tls-key-file="},
			[]string{"client certificate", "check nats.tls_ca_file, nats.tls_cert_file and nats.tls_key_file"}},
		{"Redis CA unknown", "nats password", "redis password", []string{"--store.redis-tls-ca-file=" + tlstest.NewCA(t, "other").CAFile},
			[]string{"not signed by a trusted CA", "check store.redis_url (rediss://), store.redis_tls_ca_file"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			code, _, stderr := runCLI(ctx, append([]string{"run", "--config", config(tc.natsPW, tc.redisPW)}, tc.flags...)...)
			line := strings.TrimSpace(stderr)
			t.Logf("stderr: %s", line)
			if code != 1 || strings.Count(line, "\n") != 0 {
				t.Fatalf("exit %d, stderr %q; want exit 1 and one line", code, stderr)
			}
			for _, w := range tc.want {
				if !strings.Contains(strings.ToLower(line), strings.ToLower(w)) {
					t.Errorf("stderr %q lacks %q", line, w)
				}
			}
			if strings.Contains(line, "password\"") || strings.Contains(line, "guess") {
				t.Errorf("stderr leaks a password: %q", line)
			}
		})
	}

	// Right credentials: the tower runs, its API answers, and it keeps its
	// connection to NATS until stopped.
	cfg := config("nats password", "redis password")
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	var stderr bytes.Buffer
	go func() { done <- run(ctx, []string{"run", "--config", cfg}, &bytes.Buffer{}, &stderr) }()
	defer func() {
		cancel()
		select {
		case code := <-done:
			if code != 0 {
				t.Errorf("run exited %d: %s", code, stderr.String())
			}
		case <-time.After(30 * time.Second):
			t.Error("run did not stop after cancel")
		}
	}()
	waitUntil(t, "the API to answer over the secured bus and store", func() bool {
		select {
		case code := <-done:
			t.Fatalf("run exited %d: %s", code, stderr.String())
		default:
		}
		_, err := delegation.NewClient("http://"+api, nil).HeldNonce(context.Background(), [32]byte{1})
		return err != nil && delegation.IsRefusal(err)
	})
	if n := nsrv.NumClients(); n < 1 {
		t.Fatalf("NATS server has %d clients", n)
	}
	// The probe's own connection is one; the tower's pool holds the others.
	if list, err := redis.Command("CLIENT LIST"); err != nil || strings.Count(list, "user=tower") < 2 {
		t.Fatalf("redis CLIENT LIST = %q, %v; want the tower's connections as user tower", list, err)
	}
}
