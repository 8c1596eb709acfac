package main

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/alerts"
	"github.com/watchtower-l2/watchtower/internal/config"
	"github.com/watchtower-l2/watchtower/watcher/bus"
	"github.com/watchtower-l2/watchtower/watcher/bus/bustest"
	"github.com/watchtower-l2/watchtower/watcher/l2/kinds"
	"github.com/watchtower-l2/watchtower/watcher/metrics"
)

// The operations listener lists the run-time silences, read only: adding
// or expiring one goes through `watchtower alerts silence` (NATS).
func TestOpsListsSilencesReadOnly(t *testing.T) {
	ctx := context.Background()
	_, url := bustest.Start(t)
	b, err := bus.Connect(ctx, url, bus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	st, err := alerts.OpenSilences(ctx, b, alerts.Delivery{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Add(ctx, alerts.Silence{Match: map[string]string{"kind": "plasma"}, EndsAt: time.Now().Add(time.Hour), Comment: "maintenance"}, "test"); err != nil {
		t.Fatal(err)
	}
	m, err := metrics.New(prometheus.NewRegistry())
	if err != nil {
		t.Fatal(err)
	}
	cfg := config.Default(kinds.Builtin())
	cfg.Roles = []string{"api"}
	cfg.Metrics.Listen = freeAddr(t)
	stop, err := startOps(ctx, opsDeps{Config: cfg, Metrics: m, Log: zap.NewNop(), Silences: st})
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	base := "http://" + cfg.Metrics.Listen
	var body string
	waitUntil(t, "GET /silences", func() bool {
		resp, err := http.Get(base + "/silences")
		if err != nil {
			return false
		}
		defer resp.Body.Close()
		buf := new(strings.Builder)
		_, _ = io.Copy(buf, resp.Body)
		body = buf.String()
		return resp.StatusCode == http.StatusOK
	})
	if !strings.Contains(body, "maintenance") {
		t.Fatalf("GET /silences: %s", body)
	}
	resp, err := http.Post(base+"/silences", "application/json", strings.NewReader(`{}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode == http.StatusOK || resp.StatusCode == http.StatusCreated {
		t.Fatalf("POST /silences on the unauthenticated listener answered %d", resp.StatusCode)
	}
}
