package alerts

import (
	"context"
	"encoding/json"
	"net/http"
	"sync"
	"testing"
	"time"

	"go.uber.org/zap"
	"go.uber.org/zap/zaptest/observer"

	"github.com/watchtower-l2/watchtower/watcher/bus/bustest"
)

// TestPermanentRejectionIsPerAlert: a service refusing one alert of a
// batch (400) loses only that alert; the others are delivered and counted,
// and with no fallback the log does not claim one.
func TestPermanentRejectionIsPerAlert(t *testing.T) {
	_, url := bustest.Start(t)
	b := connect(t, url)
	defer b.Close()
	var mu sync.Mutex
	got := map[string]bool{}
	f := newFake(t, nil)
	f.ok = func(w http.ResponseWriter, c captured) {
		var p WebhookPayload
		json.Unmarshal(c.Body, &p)
		for _, a := range p.Alerts {
			if a.Fingerprint == "poison" {
				statusBody(http.StatusBadRequest, `{"error":"unprocessable alert"}`)(w)
				return
			}
		}
		mu.Lock()
		for _, a := range p.Alerts {
			got[a.Fingerprint] = true
		}
		mu.Unlock()
	}
	wait := 300 * time.Millisecond
	cfg := Config{Delivery: fastDelivery(), Global: testGlobal, Route: Route{Receiver: "wh", GroupWait: &wait},
		Receivers: []ReceiverConfig{{Name: "wh", MinInterval: zero(), MaxBatch: 10, Webhook: &WebhookConfig{URL: f.srv.URL}}}}
	core, logs := observer.New(zap.InfoLevel)
	m, err := New(context.Background(), cfg, b, zap.New(core))
	if err != nil {
		t.Fatal(err)
	}
	for _, fp := range []string{"good-1", "good-2", "poison", "good-3", "good-4"} {
		a := testAlert()
		a.Fingerprint, a.At = fp, time.Time{}
		if err := m.Notify(context.Background(), a); err != nil {
			t.Fatal(err)
		}
	}
	running(t, m)
	waitFor(t, "4 sent and the poison dropped", func() bool {
		return m.Counters().Get("wh", "sent", "") == 4 && m.Counters().Sum("wh", "dropped") == 1
	})
	mu.Lock()
	defer mu.Unlock()
	if len(got) != 4 || got["poison"] {
		t.Errorf("service accepted %v", got)
	}
	if n := logs.FilterMessageSnippet("fallback").FilterMessageSnippet("sent to").Len(); n != 0 {
		t.Errorf("log claims a fallback %d times, none is configured", n)
	}
	if logs.FilterMessageSnippet("no fallback configured").Len() != 1 {
		t.Errorf("the drop is not logged as such: %v", logs.All())
	}
}

// TestSlowRequestDoesNotBlockOthers: while PagerDuty holds one request,
// the receiver's other alerts are delivered.
func TestSlowRequestDoesNotBlockOthers(t *testing.T) {
	_, url := bustest.Start(t)
	b := connect(t, url)
	defer b.Close()
	release := make(chan struct{})
	var mu sync.Mutex
	got := map[string]bool{}
	f := newFake(t, nil)
	f.ok = func(w http.ResponseWriter, c captured) {
		var ev pdEvent
		json.Unmarshal(c.Body, &ev)
		mu.Lock()
		got[ev.DedupKey] = true
		mu.Unlock()
		if ev.DedupKey == "slow" {
			<-release
		}
		w.WriteHeader(http.StatusAccepted)
	}
	t.Cleanup(func() { close(release) }) // runs before the server closes
	g := testGlobal
	g.HTTPTimeout = 5 * time.Minute
	cfg := Config{Delivery: fastDelivery(), Global: g, Route: Route{Receiver: "pd"},
		Receivers: []ReceiverConfig{{Name: "pd", MinInterval: zero(), PagerDuty: &PagerDutyConfig{RoutingKey: "rk", URL: f.srv.URL}}}}
	m := newTestManager(t, cfg, b)
	running(t, m)
	notify := func(fp string) {
		a := testAlert()
		a.Fingerprint, a.At = fp, time.Time{}
		if err := m.Notify(context.Background(), a); err != nil {
			t.Fatal(err)
		}
	}
	seen := func(fps ...string) bool {
		mu.Lock()
		defer mu.Unlock()
		for _, fp := range fps {
			if !got[fp] {
				return false
			}
		}
		return true
	}
	notify("slow")
	waitFor(t, "the slow request to arrive", func() bool { return seen("slow") })
	for _, fp := range []string{"a", "b", "c"} {
		notify(fp)
	}
	waitFor(t, "the other alerts delivered while the slow one is held", func() bool {
		return seen("a", "b", "c") && m.Counters().Get("pd", "sent", "") == 3
	})
}

// TestChunksMostSevereFirst: a fetched batch is delivered most severe
// first, the most severe alert's group leading.
func TestChunksMostSevereFirst(t *testing.T) {
	mk := func(fp, group string, s Severity) item {
		a := testAlert()
		a.Fingerprint, a.Severity = fp, s
		return item{job: job{Alert: a, GroupKey: group}}
	}
	items := []item{mk("i1", "g1", Info), mk("w1", "g2", Warning), mk("c1", "g3", Critical), mk("i2", "g3", Info), mk("c2", "g1", Critical)}
	var order []string
	for _, c := range chunks(items, 1) {
		order = append(order, c[0].job.Alert.Fingerprint)
	}
	want := []string{"c1", "c2", "w1", "i2", "i1"}
	if len(order) != len(want) {
		t.Fatalf("order %v", order)
	}
	// Chunks by their most severe alert; ties keep their group order.
	for i := range want {
		if order[i] != want[i] {
			t.Fatalf("order %v, want %v", order, want)
		}
	}
}
