package alerts

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/watchtower-l2/watchtower/watcher/bus/bustest"
)

// Reload moves routing to another receiver for the alerts that follow, and
// refuses a config whose receivers changed.
func TestReloadSwapsRouting(t *testing.T) {
	_, url := bustest.Start(t)
	b := connect(t, url)
	defer b.Close()
	var mu sync.Mutex
	got := map[string][]string{} // receiver path -> subjects
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var p WebhookPayload
		if err := json.NewDecoder(r.Body).Decode(&p); err != nil {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		mu.Lock()
		for _, a := range p.Alerts {
			got[r.URL.Path] = append(got[r.URL.Path], a.Subject)
		}
		mu.Unlock()
	}))
	defer srv.Close()
	cfgFor := func(to string) Config {
		return Config{
			Delivery: fastDelivery(),
			Receivers: []ReceiverConfig{
				{Name: "a", Webhook: &WebhookConfig{URL: srv.URL + "/a"}},
				{Name: "b", Webhook: &WebhookConfig{URL: srv.URL + "/b"}},
			},
			Route: Route{Receiver: to},
		}
	}
	m := newTestManager(t, cfgFor("a"), b)
	running(t, m)
	ctx := context.Background()
	notify := func(subject string) {
		t.Helper()
		if err := m.Notify(ctx, Alert{Fingerprint: "fp-" + subject, Severity: Warning, Kind: "channel", ChainID: 1, Subject: subject, State: StateDetected, Summary: "s"}); err != nil {
			t.Fatal(err)
		}
	}
	seen := func(path, subject string) bool {
		mu.Lock()
		defer mu.Unlock()
		for _, s := range got[path] {
			if s == subject {
				return true
			}
		}
		return false
	}
	notify("first")
	waitFor(t, "the first alert at receiver a", func() bool { return seen("/a", "first") })
	if err := m.Reload(cfgFor("b")); err != nil {
		t.Fatal(err)
	}
	notify("second")
	waitFor(t, "the second alert at receiver b", func() bool { return seen("/b", "second") })
	if seen("/a", "second") {
		t.Fatal("the second alert still went to receiver a")
	}
	changed := cfgFor("a")
	changed.Receivers = changed.Receivers[:1]
	if err := m.Reload(changed); err == nil || !strings.Contains(err.Error(), "receivers changed") {
		t.Fatalf("reload with other receivers: %v, want a refusal", err)
	}
}
