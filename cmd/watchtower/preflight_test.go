package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/watchtower-l2/watchtower/internal/devnet"
	"github.com/watchtower-l2/watchtower/internal/testutil/chantest"
)

// verifyConfig writes a verify-only config on the embedded NATS for the
// adjudicator address adj, with l1Extra in the l1 section and extra YAML.
func verifyConfig(t *testing.T, dir, rpcURL, adj, l1Extra, extra string) string {
	t.Helper()
	p := filepath.Join(dir, "watchtower.yaml")
	yaml := fmt.Sprintf("data_dir: %s\nroles: [verify]\nl1:\n  rpc_url: %s\n%schannel:\n  adjudicator: %q\nmetrics:\n  enabled: false\n%s",
		filepath.Join(dir, "data"), rpcURL, l1Extra, adj, extra)
	if err := os.WriteFile(p, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// run and `config check --online` refuse an adjudicator address without
// code, a wrong chain id, and (run, like config check) a world-readable key.
func TestPreflightRefuses(t *testing.T) {
	c := chantest.New(t, 2, devnet.Options{RPCPort: 0, WSPort: -1})
	noCode := c.Net.Address(1).Hex()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()

	good := verifyConfig(t, t.TempDir(), c.Net.RPCURL, c.Addr.Hex(), "", "")
	if code, stdout, stderr := runCLI(ctx, "config", "check", "--online", good); code != 0 || !strings.Contains(stdout, "OK") {
		t.Fatalf("good config: exit %d, %q %q", code, stdout, stderr)
	}

	world := filepath.Join(t.TempDir(), "signer.key")
	if err := os.WriteFile(world, []byte("00\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(world, 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, adj, l1Extra, extra, want string
	}{
		{"no code", noCode, "", "", "channel.adjudicator: no contract code at " + noCode},
		{"chain id", c.Addr.Hex(), fmt.Sprintf("  chain_id: %d\n", c.Net.ChainID.Uint64()+1), "", "l1.chain_id: configured"},
		{"key mode", c.Addr.Hex(), "", "signer:\n  key_file: " + world + "\n", "signer.key_file: " + world + " is readable by every user"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cfg := verifyConfig(t, t.TempDir(), c.Net.RPCURL, tc.adj, tc.l1Extra, tc.extra)
			code, _, stderr := runCLI(ctx, "run", "--config", cfg)
			if code != 1 || !strings.Contains(stderr, "watchtower run: preflight failed: "+tc.want) {
				t.Errorf("run: exit %d, stderr %q; want exit 1 with %q", code, stderr, tc.want)
			}
			code, stdout, _ := runCLI(ctx, "config", "check", "--online", cfg)
			if code != 1 || !strings.Contains(stdout, tc.want) {
				t.Errorf("config check --online: exit %d, stdout %q; want exit 1 with %q", code, stdout, tc.want)
			}
		})
	}
}

// The zero address fails `config check` offline, as it fails run.
func TestConfigCheckZeroAddress(t *testing.T) {
	cfg := verifyConfig(t, t.TempDir(), "http://127.0.0.1:1", "0x0000000000000000000000000000000000000000", "", "")
	code, stdout, _ := runCLI(context.Background(), "config", "check", cfg)
	if code != 1 || !strings.Contains(stdout, "channel.adjudicator: is the zero address") {
		t.Fatalf("exit %d, stdout %q", code, stdout)
	}
	code, _, stderr := runCLI(context.Background(), "run", "--config", cfg)
	if code != 2 || !strings.Contains(stderr, "zero address") {
		t.Fatalf("run: exit %d, stderr %q", code, stderr)
	}
}
