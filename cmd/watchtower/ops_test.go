package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"github.com/watchtower-l2/watchtower/watcher/l2/kinds"
	"io"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/internal/config"
	"github.com/watchtower-l2/watchtower/watcher/challenge"
	"github.com/watchtower-l2/watchtower/watcher/l2"
	"github.com/watchtower-l2/watchtower/watcher/store/pebblestore"
)

func TestConfigCheckCommand(t *testing.T) {
	dir := t.TempDir()
	var out, errb bytes.Buffer
	if code := call(cmdConfig, []string{"example"}, &out, &errb); code != 0 {
		t.Fatalf("config example: exit %d: %s", code, errb.String())
	}
	ex := out.String()
	// Point the example's key files at real files: then it checks clean.
	key := filepath.Join(dir, "signer.json")
	pw := filepath.Join(dir, "signer.password")
	id := filepath.Join(dir, "identity.key")
	for _, p := range []string{key, pw, id} {
		if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	events := filepath.Join(dir, "events.key")
	var kout bytes.Buffer
	if code := call(cmdKeys, []string{"events", "--out", events}, &kout, &errb); code != 0 {
		t.Fatalf("keys events: exit %d: %s", code, errb.String())
	}
	ex = strings.ReplaceAll(ex, "/etc/watchtower/events.key", events)
	ex = strings.ReplaceAll(ex, "/etc/watchtower/signer.json", key)
	ex = strings.ReplaceAll(ex, "/etc/watchtower/signer.password", pw)
	ex = strings.ReplaceAll(ex, "/etc/watchtower/identity.key", id)
	good := filepath.Join(dir, "good.yaml")
	if err := os.WriteFile(good, []byte(ex), 0o600); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if code := call(cmdConfig, []string{"check", good}, &out, &errb); code != 0 {
		t.Fatalf("example fails check (exit %d):\n%s%s", code, out.String(), errb.String())
	}
	if !strings.Contains(out.String(), "OK") {
		t.Fatalf("output %q", out.String())
	}

	bad := filepath.Join(dir, "bad.yaml")
	body := "roles: [verify]\nl1:\n  confirmation: 2\nlog:\n  level: loud\nalerts:\n  receivers:\n    - name: chat\n      slack:\n        webhook_url: https://hooks.example/x\n  route:\n    receiver: nobody\n"
	typo := filepath.Join(dir, "typo.yaml")
	if err := os.WriteFile(typo, []byte("roles: [verify]\n\nalerts:\n  receivers:\n    - name: chat\n      slack:\n        webhok_url: https://hooks.example/x\n  route:\n    receiver: chat\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	// An unknown key inside the alerts section is reported at its line in the file.
	if code := call(cmdConfig, []string{"check", typo}, &out, &errb); code != 1 || !strings.Contains(out.String(), "alerts.receivers[0].slack.webhok_url: unknown key (line 7)") {
		t.Fatalf("typo in alerts: exit %d\n%s", code, out.String())
	}
	if err := os.WriteFile(bad, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	code := call(cmdConfig, []string{"check", bad}, &out, &errb)
	if code != 1 {
		t.Fatalf("bad file: exit %d, want 1\n%s", code, out.String())
	}
	for _, want := range []string{
		`l1.confirmation: unknown key; did you mean "l1.confirmations"? (line 3)`,
		`log.level: want debug, info, warn or error, got "loud"`,
		`alerts.route.receiver: unknown receiver "nobody"`,
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	if code := call(cmdConfig, []string{"check"}, &out, &errb); code != 2 {
		t.Fatalf("missing FILE: exit %d, want 2", code)
	}
}

func TestStatusFromStoreAndL1(t *testing.T) {
	ctx := context.Background()
	backend := simulated.NewBackend(types.GenesisAlloc{})
	defer backend.Close()
	for range 70 {
		backend.Commit()
	}
	l1 := backend.Client()
	id, err := l1.ChainID(ctx)
	if err != nil {
		t.Fatal(err)
	}
	chainID := id.Uint64()
	head, _ := l1.HeaderByNumber(ctx, nil)

	dataDir := t.TempDir()
	st, err := pebblestore.Open(filepath.Join(dataDir, "store"), zap.NewNop())
	if err != nil {
		t.Fatal(err)
	}
	q := challenge.NewQueue(st, chainID, "test")
	adj := common.HexToAddress("0x5FbDB2315678afecb367f032d93F642f64180aa3")
	for i, c := range []l2.Challenge{
		{DisputeID: "chan-a:7", Kind: "channel", Subject: "0xaaaa", To: adj, DeadlineBlock: head.Number.Uint64() + 40},
		{DisputeID: "chan-b:3", Kind: "channel", Subject: "0xbbbb", To: adj, DeadlineBlock: head.Number.Uint64() + 5},
	} {
		if err := q.Enqueue(ctx, c); err != nil {
			t.Fatal(i, err)
		}
	}
	cursor, _ := json.Marshal(map[string]any{"number": head.Number.Uint64() - 12, "hash": common.Hash{}})
	if err := st.Put(ctx, "ingest:"+id.String()+":cursor", cursor); err != nil {
		t.Fatal(err)
	}

	cfg := config.Default(kinds.Builtin())
	cfg.DataDir = dataDir
	mustSet(t, &cfg, "channel.adjudicator", adj.Hex())
	cfg.L1.Confirmations = 2
	s := gatherStatus(ctx, cfg, l1, chainID, st)
	if len(s.Problems) != 0 {
		t.Fatalf("problems: %v", s.Problems)
	}
	if len(s.Disputes) != 2 || s.Disputes[0].Dispute != "chan-b:3" || *s.Disputes[0].BlocksLeft != 5 {
		t.Fatalf("disputes %+v", s.Disputes)
	}
	if *s.BehindBlocks != 12 {
		t.Fatalf("behind %d", *s.BehindBlocks)
	}
	var out bytes.Buffer
	printStatus(&out, s)
	for _, want := range []string{"ChannelAdjudicator " + adj.Hex(), "Open disputes: 2", "chan-b:3", "10 block(s) behind the confirmed head", "BLOCKS LEFT"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("status lacks %q:\n%s", want, out.String())
		}
	}

	// The same view over a running tower's /status.
	srv := httptest.NewServer(statusHandler(cfg, l1, chainID, st))
	defer srv.Close()
	remote, err := fetchStatus(ctx, srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	if len(remote.Disputes) != 2 || remote.L1Head != head.Number.Uint64() {
		t.Fatalf("remote status %+v", remote)
	}
	st.Close()

	// The CLI reads the stopped tower's data dir directly.
	out.Reset()
	var errb bytes.Buffer
	code := call(cmdStatus, []string{"--data-dir", dataDir, "--l1.chain-id", id.String(), "--channel.adjudicator", adj.Hex()}, &out, &errb)
	if code != 0 {
		t.Fatalf("status: exit %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), "Open disputes: 2") {
		t.Fatalf("status output:\n%s", out.String())
	}
}

// call runs a command function the way run does and returns its exit code
// (main.go's dispatch reaches the same functions).
func call(cmd func(context.Context, []string, io.Writer, io.Writer) error, args []string, stdout, stderr io.Writer) int {
	err := cmd(context.Background(), args, stdout, stderr)
	if err == nil {
		return 0
	}
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	io.WriteString(stderr, err.Error())
	return 1
}

// mustSet sets a configuration key.
func mustSet(t *testing.T, cfg *config.Config, path, value string) {
	t.Helper()
	if err := cfg.Set(path, value); err != nil {
		t.Fatal(err)
	}
}
