package main

import (
	"context"
	"github.com/watchtower-l2/watchtower/watcher/l2/kinds"
	"testing"
	"time"

	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/alerts"
	"github.com/watchtower-l2/watchtower/internal/config"
	"github.com/watchtower-l2/watchtower/internal/testutil/chantest"
	"github.com/watchtower-l2/watchtower/watcher/store/pebblestore"
)

// The operational loop raises a critical alert while the store is unreachable.
func TestOpsAlertsStoreUnreachable(t *testing.T) {
	c := chantest.New(t, 0)
	dir := t.TempDir()
	st, err := pebblestore.Open(dir, zap.NewNop())
	if err != nil {
		t.Fatal(err)
	}
	st.Close() // unreachable from the start
	cfg := config.Default(kinds.Builtin())
	cfg.Roles = []string{"verify"}
	rec := &alerts.Recorder{}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go runOpsAlerts(ctx, opsAlertDeps{Config: cfg, ChainID: 1337, Owner: "t", L1: c.Net.Client, Store: st, Sink: rec, Log: zap.NewNop()}, 20*time.Millisecond)
	waitUntil(t, "a store alert", func() bool {
		for _, a := range rec.Alerts() {
			if a.Kind == alerts.KindTower && a.Labels["check"] == "store_unreachable" && a.Severity == alerts.Critical {
				return true
			}
		}
		return false
	})
}
