package preflight_test

import (
	"context"
	"github.com/watchtower-l2/watchtower/watcher/l2/kinds"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"

	"github.com/watchtower-l2/watchtower/internal/config"
	"github.com/watchtower-l2/watchtower/internal/preflight"
	"github.com/watchtower-l2/watchtower/internal/testutil/chantest"
	"github.com/watchtower-l2/watchtower/watcher/bus/bustest"
)

func TestCheckNATSVersion(t *testing.T) {
	for v, ok := range map[string]bool{
		"2.9.10": false, "2.9.25": false, "1.4.1": false, "2.10.0": true, "2.10.0-RC.3": true,
		"2.11.4": true, "2.15.2": true, "3.0.0": true, "": false, "two.ten": false, "2.10": false,
	} {
		err := preflight.CheckNATSVersion(v)
		if (err == nil) != ok {
			t.Errorf("CheckNATSVersion(%q) = %v, want ok=%v", v, err, ok)
		}
	}
	err := preflight.CheckNATSVersion("2.9.10")
	if err == nil || err.Error() != "nats-server 2.9.10 is too old: the tower needs JetStream from nats-server 2.10 or newer" {
		t.Fatalf("message: %v", err)
	}
}

// baseConfig is a valid verify-only configuration on c's devnet.
func baseConfig(c *chantest.Chain) config.Config {
	cfg := config.Default(kinds.Builtin())
	cfg.Roles = []string{"verify"}
	cfg.L1.RPCURL = "ws://127.0.0.1:1"
	set(&cfg, "channel.adjudicator", c.Addr.Hex())
	return cfg
}

func TestOnline(t *testing.T) {
	c := chantest.New(t, 2)
	_, url := bustest.Start(t)
	nc, err := nats.Connect(url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	ctx := context.Background()
	deps := preflight.Deps{L1: c.Net.Client, NATS: nc, CallTimeout: 30 * time.Second}

	if ps := preflight.Check(ctx, baseConfig(c), deps); len(ps) != 0 {
		t.Fatalf("a good configuration has problems:\n%v", ps)
	}

	cases := []struct {
		name   string
		change func(*config.Config)
		want   map[string]string // key path -> fragment
	}{
		{"wrong chain id", func(cfg *config.Config) { cfg.L1.ChainID = c.Net.ChainID.Uint64() + 1 },
			map[string]string{"l1.chain_id": "configured"}},
		{"no code", func(cfg *config.Config) { set(cfg, "channel.adjudicator", c.Net.Address(1).Hex()) },
			map[string]string{"channel.adjudicator": "no contract code at " + c.Net.Address(1).Hex()}},
		{"another contract", func(cfg *config.Config) {
			set(cfg, "plasma.contract", c.Addr.Hex())
			set(cfg, "plasma.feed_url", "http://127.0.0.1:1")
		}, map[string]string{"plasma.contract": "does not answer as a PlasmaFramework"}},
		{"sidechain manager that is no manager", func(cfg *config.Config) {
			set(cfg, "sidechain.manager", c.Addr.Hex())
			set(cfg, "sidechain.id", "7")
			set(cfg, "sidechain.rpc_url", "http://x")
			set(cfg, "sidechain.attestations_url", "http://y")
		}, map[string]string{"sidechain.manager": "CheckpointManager"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cfg := baseConfig(c)
			tc.change(&cfg)
			ps := preflight.Check(ctx, cfg, deps)
			if len(ps) != len(tc.want) {
				t.Errorf("got %d problems, want %d:\n%v", len(ps), len(tc.want), ps)
			}
			for path, frag := range tc.want {
				i := slices.IndexFunc(ps, func(p config.Problem) bool { return p.Path == path })
				if i < 0 || !strings.Contains(ps[i].Msg, frag) {
					t.Errorf("want a problem on %s with %q, got:\n%v", path, frag, ps)
				}
			}
		})
	}
}

func TestNATSWithoutJetStream(t *testing.T) {
	_, url := bustest.StartWith(t, func(o *server.Options) { o.JetStream = false })
	nc, err := nats.Connect(url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	ps := preflight.Online(context.Background(), config.Default(kinds.Builtin()), preflight.Deps{NATS: nc})
	if len(ps) != 1 || ps[0].Path != "nats.url" || !strings.Contains(ps[0].Msg, "runs without JetStream") {
		t.Fatalf("got %v", ps)
	}
}

func TestOfflineRefusesWorldReadableKey(t *testing.T) {
	key := filepath.Join(t.TempDir(), "signer.key")
	if err := os.WriteFile(key, []byte("00"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(key, 0o644); err != nil { // whatever the umask
		t.Fatal(err)
	}
	cfg := config.Default(kinds.Builtin())
	cfg.Roles = []string{"verify"}
	cfg.L1.RPCURL = "ws://127.0.0.1:1"
	cfg.Signer.KeyFile = key
	set(&cfg, "channel.adjudicator", "0x5FbDB2315678afecb367f032d93F642f64180aa3")
	ps := preflight.Offline(cfg)
	if len(ps) != 1 || ps[0].Path != "signer.key_file" || !strings.Contains(ps[0].Msg, "chmod 600") {
		t.Fatalf("got %v", ps)
	}
	cfg.InsecureSecretModes = true // a dev stack with bind-mounted secrets
	if ps := preflight.Offline(cfg); len(ps) != 0 {
		t.Fatalf("insecure_secret_modes: got %v", ps)
	}
}

// set sets a key the test knows to exist.
func set(cfg *config.Config, path, value string) {
	if err := cfg.Set(path, value); err != nil {
		panic(err)
	}
}
