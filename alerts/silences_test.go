package alerts

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/watchtower-l2/watchtower/watcher/bus/bustest"
)

// hookCapture records the fingerprints a generic webhook received.
func hookCapture(t *testing.T) (*fakeService, func(fp string) bool) {
	var mu sync.Mutex
	got := map[string]bool{}
	f := newFake(t, nil)
	f.ok = func(w http.ResponseWriter, c captured) {
		var p WebhookPayload
		json.Unmarshal(c.Body, &p)
		mu.Lock()
		for _, a := range p.Alerts {
			got[a.Fingerprint] = true
		}
		mu.Unlock()
	}
	return f, func(fp string) bool { mu.Lock(); defer mu.Unlock(); return got[fp] }
}

func notifyFP(t *testing.T, m *Manager, fp, subject string, s Severity) {
	t.Helper()
	a := testAlert()
	a.Fingerprint, a.Subject, a.Severity, a.At = fp, subject, s, time.Time{}
	if err := m.Notify(context.Background(), a); err != nil {
		t.Fatal(err)
	}
}

// TestInhibitRule: an open critical incident about a subject inhibits a
// warning about the same subject, not one about another subject.
func TestInhibitRule(t *testing.T) {
	_, url := bustest.Start(t)
	b := connect(t, url)
	defer b.Close()
	f, got := hookCapture(t)
	cfg := Config{Delivery: fastDelivery(), Global: testGlobal, Route: Route{Receiver: "wh"},
		Receivers:    []ReceiverConfig{{Name: "wh", MinInterval: zero(), Webhook: &WebhookConfig{URL: f.srv.URL}}},
		InhibitRules: []InhibitRule{{SourceMatch: map[string]string{"severity": "critical"}, TargetMatch: map[string]string{"severity": "warning"}, Equal: []string{"subject"}}}}
	m := newTestManager(t, cfg, b)
	running(t, m)
	notifyFP(t, m, "crit", "channel 0x1", Critical)
	waitFor(t, "the critical alert", func() bool { return got("crit") })
	notifyFP(t, m, "warn-same", "channel 0x1", Warning)
	waitFor(t, "the warning inhibited", func() bool { return m.Counters().Get("", "inhibited", "") == 1 })
	notifyFP(t, m, "warn-other", "channel 0x2", Warning)
	waitFor(t, "the other warning", func() bool { return got("warn-other") })
	if got("warn-same") {
		t.Error("inhibited warning delivered")
	}
}

// TestRuntimeSilences: a silence added at run time mutes matching alerts in
// every manager on the stream; once expired, alerts flow again.
func TestRuntimeSilences(t *testing.T) {
	_, url := bustest.Start(t)
	b := connect(t, url)
	defer b.Close()
	f, got := hookCapture(t)
	cfg := Config{Delivery: fastDelivery(), Global: testGlobal, Route: Route{Receiver: "wh"},
		Receivers: []ReceiverConfig{{Name: "wh", MinInterval: zero(), Webhook: &WebhookConfig{URL: f.srv.URL}}}}
	m := newTestManager(t, cfg, b)
	running(t, m)
	ctx := context.Background()
	// Another process (the CLI) adds the silence through its own store.
	st, err := OpenSilences(ctx, b, cfg.Delivery)
	if err != nil {
		t.Fatal(err)
	}
	s, err := st.Add(ctx, Silence{Match: map[string]string{"subject": "channel 0x9"}, EndsAt: time.Now().Add(time.Hour), Comment: "maintenance"}, "alice")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Add(ctx, Silence{Match: map[string]string{"subject": "x"}}, "bob"); err == nil {
		t.Error("silence without an end accepted")
	}
	list, err := st.List(ctx)
	if err != nil || len(list) != 1 || list[0].ID != s.ID || list[0].CreatedBy != "alice" || !list[0].Active(time.Now()) {
		t.Fatalf("list %+v: %v", list, err)
	}
	notifyFP(t, m, "muted", "channel 0x9", Critical)
	waitFor(t, "the alert silenced", func() bool { return m.Counters().Get("", "silenced", "") == 1 })
	if err := st.Expire(ctx, s.ID); err != nil {
		t.Fatal(err)
	}
	if err := st.Expire(ctx, "nope"); err == nil {
		t.Error("expiring an unknown silence succeeded")
	}
	notifyFP(t, m, "after", "channel 0x9", Critical)
	waitFor(t, "the alert after the silence expired", func() bool { return got("after") })
	if got("muted") {
		t.Error("silenced alert delivered")
	}
	list, _ = st.List(ctx)
	if len(list) != 1 || list[0].Active(time.Now()) {
		t.Errorf("expired silence listed as %+v", list)
	}
}

// TestSilenceHandler drives the admin API over HTTP.
func TestSilenceHandler(t *testing.T) {
	_, url := bustest.Start(t)
	b := connect(t, url)
	defer b.Close()
	st, err := OpenSilences(context.Background(), b, Delivery{})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(SilenceHandler(st))
	defer srv.Close()
	body := `{"match":{"kind":"tower"},"ends_at":"` + time.Now().Add(time.Hour).UTC().Format(time.RFC3339) + `","comment":"resync","created_by":"ops"}`
	resp, err := http.Post(srv.URL+"/silences", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	var s SilenceJSON
	json.NewDecoder(resp.Body).Decode(&s)
	resp.Body.Close()
	if resp.StatusCode != http.StatusCreated || s.ID == "" || !s.Active {
		t.Fatalf("add: %d %+v", resp.StatusCode, s)
	}
	resp, _ = http.Post(srv.URL+"/silences", "application/json", strings.NewReader(`{"match":{"kind":"tower"}}`))
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("silence without end: %d", resp.StatusCode)
	}
	req, _ := http.NewRequest(http.MethodDelete, srv.URL+"/silences/"+s.ID, nil)
	resp, err = http.DefaultClient.Do(req)
	if err != nil || resp.StatusCode != http.StatusNoContent {
		t.Fatalf("expire: %v %v", resp, err)
	}
	resp.Body.Close()
	resp, err = http.Get(srv.URL + "/silences")
	if err != nil {
		t.Fatal(err)
	}
	var list []SilenceJSON
	json.NewDecoder(resp.Body).Decode(&list)
	resp.Body.Close()
	if len(list) != 1 || list[0].ID != s.ID || list[0].Active {
		t.Errorf("list %+v", list)
	}
}
