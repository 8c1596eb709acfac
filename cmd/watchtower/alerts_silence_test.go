package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/watchtower-l2/watchtower/watcher/bus/bustest"
)

// `alerts silence add|list|expire` manage the silences every tower on the
// NATS honours.
func TestAlertsSilenceCommand(t *testing.T) {
	_, url := bustest.Start(t)
	cfg := filepath.Join(t.TempDir(), "tower.yaml")
	yaml := fmt.Sprintf("nats:\n  url: %s\nalerts:\n  receivers:\n    - name: hook\n      webhook: {url: 'http://127.0.0.1:9/hook'}\n  route: {receiver: hook}\n", url)
	if err := os.WriteFile(cfg, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	code, out, errOut := runCLI(ctx, "alerts", "silence", "add", "--config", cfg, "--match", "subject=channel 0x9", "--duration", "1h", "--comment", "maintenance", "--author", "alice")
	if code != 0 || !strings.HasPrefix(out, "silence ") {
		t.Fatalf("add: exit %d, out %q, err %q", code, out, errOut)
	}
	id := strings.Fields(out)[1]
	code, out, errOut = runCLI(ctx, "alerts", "silence", "list", "--config", cfg)
	if code != 0 || !strings.Contains(out, id) || !strings.Contains(out, "active") || !strings.Contains(out, "subject=channel 0x9") || !strings.Contains(out, "alice") {
		t.Fatalf("list: exit %d, out %q, err %q", code, out, errOut)
	}
	if code, out, errOut = runCLI(ctx, "alerts", "silence", "expire", "--config", cfg, id); code != 0 {
		t.Fatalf("expire: exit %d, out %q, err %q", code, out, errOut)
	}
	if _, out, _ = runCLI(ctx, "alerts", "silence", "list", "--config", cfg); !strings.Contains(out, "expired") || strings.Contains(out, "active") {
		t.Errorf("after expire: %q", out)
	}
	if code, _, _ = runCLI(ctx, "alerts", "silence", "add", "--config", cfg); code == 0 {
		t.Error("a silence without matchers was added")
	}
	if code, _, errOut = runCLI(ctx, "alerts", "silence", "expire", "--config", cfg, "nope"); code != 1 || !strings.Contains(errOut, "nope") {
		t.Errorf("unknown id: exit %d, err %q", code, errOut)
	}
}
