package alerts

import (
	"context"
	"net/http"
	"sync/atomic"
	"testing"

	"github.com/watchtower-l2/watchtower/watcher/bus/bustest"
)

// TestUndeliveredCountsTheOutbox: an alert counts as undelivered while its
// receiver fails, and the outbox reads empty once the receiver took it.
func TestUndeliveredCountsTheOutbox(t *testing.T) {
	_, url := bustest.Start(t)
	b := connect(t, url)
	defer b.Close()
	var failing atomic.Bool
	failing.Store(true)
	hook := newFake(t, nil)
	hook.ok = func(w http.ResponseWriter, _ captured) {
		if failing.Load() {
			w.WriteHeader(http.StatusBadGateway)
		}
	}
	m := newTestManager(t, Config{
		Delivery:  fastDelivery(),
		Receivers: []ReceiverConfig{{Name: "hook", MinInterval: zero(), Webhook: &WebhookConfig{URL: hook.srv.URL}}},
		Route:     Route{Receiver: "hook"},
	}, b)
	running(t, m)
	ctx := context.Background()
	if err := m.Notify(ctx, Alert{Fingerprint: "u1", State: StateDetected, Kind: "channel", Severity: Critical, Summary: "s"}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "a failed delivery", func() bool { return len(hook.requests()) > 0 })
	if n, err := m.Undelivered(ctx); err != nil || n == 0 {
		t.Fatalf("Undelivered = %d, %v while the receiver fails; want more than 0", n, err)
	}
	failing.Store(false)
	waitFor(t, "the outbox to empty", func() bool {
		n, err := m.Undelivered(ctx)
		return err == nil && n == 0
	})
	if got := m.Counters().Get("hook", "sent", ""); got != 1 {
		t.Errorf("sent %d times, want 1", got)
	}
}
