package config

import (
	"slices"
	"strings"
	"testing"

	"github.com/watchtower-l2/watchtower/watcher/l2/kinds"
)

// A tower may guard any one kind alone: a configuration with only that
// kind's section (its sample values) passes the checks with every role, and
// builds only that kind.
func TestAnyKindAlone(t *testing.T) {
	for _, name := range kinds.Builtin().Names() {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			cfg := Default(kinds.Builtin())
			cfg.L1.RPCURL = "ws://127.0.0.1:8546"
			cfg.NATS.URL = "nats://127.0.0.1:4222"
			cfg.Events.SigningKeyFile = writeFile(t, dir, "events.key", "00", 0o600)
			cfg.Signer.KeyFile = writeFile(t, dir, "signer.key", "00", 0o600)
			cfg.API.IdentityKeyFile = writeFile(t, dir, "identity.key", "00", 0o600)
			if err := cfg.Sample(name); err != nil {
				t.Fatal(err)
			}
			if ps := append(cfg.Problems(), cfg.CheckFiles()...); len(ps) > 0 {
				t.Fatalf("only %s: %v", name, ps)
			}
			if got := cfg.Kinds.Enabled().Names(); !slices.Equal(got, []string{name}) || len(cfg.Kinds.Factories()) != 1 {
				t.Fatalf("enabled kinds %v, want only %s", got, name)
			}
		})
	}
	// No kind at all is refused, naming the sections to set.
	p := writeFile(t, t.TempDir(), "c.yaml", "roles: [verify]\nl1:\n  rpc_url: ws://x\n", 0o600)
	ps := Check(kinds.Builtin(), p, nil)
	if len(ps) != 1 || !strings.Contains(ps[0].Error(), "no L2 kind to guard") || !strings.Contains(ps[0].Path, "channel") {
		t.Fatalf("no kind: %v", ps)
	}
}
