package alerts

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"go.uber.org/zap/zaptest"

	"github.com/watchtower-l2/watchtower/watcher/bus"
	"github.com/watchtower-l2/watchtower/watcher/bus/bustest"
)

func connect(t *testing.T, url string) *bus.Bus {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	b, err := bus.Connect(ctx, url, bus.Options{Name: "alerts-test"})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func fastDelivery() Delivery {
	return Delivery{Attempts: 2, Backoff: 20 * time.Millisecond, MaxBackoff: 100 * time.Millisecond, MaxRetryAfter: 2 * time.Second, AckWait: time.Second, FallbackAfter: 2}
}

// running starts m.Run and returns a function that stops it and waits.
func running(t *testing.T, m *Manager) (stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := m.Run(ctx); err != nil {
			t.Errorf("Run: %v", err)
		}
	}()
	var once sync.Once
	stop = func() {
		once.Do(func() {
			cancel()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				t.Error("Run did not return after cancel")
			}
		})
	}
	t.Cleanup(stop)
	return stop
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func newTestManager(t *testing.T, cfg Config, b *bus.Bus) *Manager {
	t.Helper()
	m, err := New(context.Background(), cfg, b, zaptest.NewLogger(t))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestIncidentLifecycleAndEscalation(t *testing.T) {
	_, url := bustest.Start(t)
	b := connect(t, url)
	defer b.Close()

	var mu sync.Mutex
	var pd []map[string]any
	pdSrv := newFake(t, nil)
	pdSrv.ok = func(w http.ResponseWriter, c captured) {
		var ev map[string]any
		json.Unmarshal(c.Body, &ev)
		mu.Lock()
		pd = append(pd, ev)
		mu.Unlock()
		w.WriteHeader(http.StatusAccepted)
	}
	var slack []string
	slackSrv := newFake(t, nil)
	slackSrv.ok = func(w http.ResponseWriter, c captured) {
		var m slackMessage
		json.Unmarshal(c.Body, &m)
		mu.Lock()
		slack = append(slack, m.Text)
		mu.Unlock()
	}
	counts := func() (int, int) { mu.Lock(); defer mu.Unlock(); return len(pd), len(slack) }

	cfg := Config{
		Delivery: fastDelivery(),
		Receivers: []ReceiverConfig{
			{Name: "slack", MinInterval: zero(), Slack: &SlackConfig{WebhookURL: slackSrv.srv.URL}},
			{Name: "pd", MinInterval: zero(), PagerDuty: &PagerDutyConfig{RoutingKey: "rk", URL: pdSrv.srv.URL}},
		},
		Route: Route{Receiver: "slack", Routes: []Route{
			{MinSeverity: "critical", Receiver: "pd", Continue: true},
			{Receiver: "slack"},
		}},
		Escalation: Escalation{Thresholds: []Threshold{{BlocksLeft: 20, Severity: "critical"}, {BlocksLeft: 100, Severity: "warning"}}},
	}
	m := newTestManager(t, cfg, b)
	running(t, m)
	ctx := context.Background()

	a := Alert{Fingerprint: "dispute-1", Severity: Warning, Kind: "channel", ChainID: 1, Subject: "channel 0x1", State: StateDetected, Summary: "stale close", DeadlineBlock: 1000}
	if err := m.Notify(ctx, a); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "detected in slack", func() bool { _, s := counts(); return s == 1 })

	if err := m.ObserveHead(ctx, 850, time.Now()); err != nil { // 150 left: nothing
		t.Fatal(err)
	}
	if err := m.ObserveHead(ctx, 920, time.Now()); err != nil { // 80 left: warning step
		t.Fatal(err)
	}
	waitFor(t, "first escalation in slack", func() bool { _, s := counts(); return s == 2 })
	if err := m.ObserveHead(ctx, 930, time.Now()); err != nil { // same step: nothing
		t.Fatal(err)
	}
	if err := m.ObserveHead(ctx, 985, time.Now()); err != nil { // 15 left: page
		t.Fatal(err)
	}
	waitFor(t, "page", func() bool { p, s := counts(); return p == 1 && s == 3 })

	sent := a
	sent.State, sent.TxHash = StateChallengeSent, "0xabc"
	if err := m.Notify(ctx, sent); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "challenge sent update", func() bool { p, s := counts(); return p == 2 && s == 4 })
	mined := sent
	mined.State, mined.Severity = StateChallengeMined, Info
	for range 2 { // the pipeline may notify twice: delivered once
		if err := m.Notify(ctx, mined); err != nil {
			t.Fatal(err)
		}
	}
	waitFor(t, "resolve", func() bool { p, s := counts(); return p == 3 && s == 5 })
	late := a // a stale "detected" must not re-open the incident
	late.Summary = "late"
	late.Seq = 9
	if err := m.Notify(ctx, late); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "stale drop", func() bool { return m.Counters().Sum("", "stale") == 1 })
	time.Sleep(300 * time.Millisecond)

	mu.Lock()
	defer mu.Unlock()
	if len(pd) != 3 || len(slack) != 5 {
		t.Fatalf("pd %d slack %d, want 3 and 5", len(pd), len(slack))
	}
	wantPD := []string{"trigger critical", "trigger warning", "resolve "}
	for i, ev := range pd {
		sev := ""
		if p, ok := ev["payload"].(map[string]any); ok {
			sev, _ = p["severity"].(string)
		}
		if got := fmt.Sprint(ev["event_action"], " ", sev); got != wantPD[i] || ev["dedup_key"] != "dispute-1" {
			t.Errorf("pd event %d: %s %v, want %s", i, got, ev["dedup_key"], wantPD[i])
		}
	}
	for i, want := range []string{"fraud detected", "[WARNING]", "[CRITICAL]", "challenge sent", "challenge mined"} {
		if !strings.Contains(slack[i], want) {
			t.Errorf("slack message %d %q lacks %q", i, slack[i], want)
		}
	}
	c := m.Counters()
	if c.Get("pd", "sent", "") != 3 || c.Get("slack", "sent", "") != 5 {
		t.Errorf("counters %v", c.Snapshot())
	}
}

func TestFallbackWhenReceiverKeepsFailing(t *testing.T) {
	_, url := bustest.Start(t)
	b := connect(t, url)
	defer b.Close()
	primary := newFake(t, nil)
	primary.ok = func(w http.ResponseWriter, _ captured) { w.WriteHeader(http.StatusBadGateway) }
	rejecting := newFake(t, nil)
	rejecting.ok = func(w http.ResponseWriter, _ captured) { w.WriteHeader(http.StatusForbidden) }
	var got []WebhookPayload
	var mu sync.Mutex
	fb := newFake(t, nil)
	fb.ok = func(w http.ResponseWriter, c captured) {
		var p WebhookPayload
		json.Unmarshal(c.Body, &p)
		mu.Lock()
		got = append(got, p)
		mu.Unlock()
	}
	cfg := Config{
		Delivery: fastDelivery(),
		Receivers: []ReceiverConfig{
			{Name: "primary", MinInterval: zero(), Fallback: "backup", Webhook: &WebhookConfig{URL: primary.srv.URL}},
			{Name: "rejecting", MinInterval: zero(), Webhook: &WebhookConfig{URL: rejecting.srv.URL}},
			{Name: "backup", MinInterval: zero(), Webhook: &WebhookConfig{URL: fb.srv.URL}},
		},
		Route: Route{Receiver: "primary", Routes: []Route{{Match: map[string]string{"team": "x"}, Receiver: "rejecting"}}},
	}
	cfg.Delivery.Fallback = "backup"
	m := newTestManager(t, cfg, b)
	running(t, m)
	ctx := context.Background()
	if err := m.Notify(ctx, Alert{Fingerprint: "f1", State: StateDetected, Kind: "channel", Severity: Critical, Summary: "s"}); err != nil {
		t.Fatal(err)
	}
	if err := m.Notify(ctx, Alert{Fingerprint: "f2", State: StateDetected, Kind: "channel", Severity: Critical, Summary: "s", Labels: map[string]string{"team": "x"}}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "fallback deliveries", func() bool { mu.Lock(); defer mu.Unlock(); return len(got) == 2 })
	time.Sleep(400 * time.Millisecond) // primary keeps retrying; fallback stays at one each
	mu.Lock()
	defer mu.Unlock()
	if len(got) != 2 {
		t.Fatalf("fallback got %d deliveries, want 2", len(got))
	}
	seen := map[string]string{}
	for _, p := range got {
		seen[p.Alerts[0].Fingerprint] = p.Alerts[0].Summary
	}
	if !strings.Contains(seen["f1"], "[via fallback: receiver primary is failing]") || !strings.Contains(seen["f2"], "receiver rejecting") {
		t.Errorf("fallback summaries %v", seen)
	}
	c := m.Counters()
	if c.Get("primary", "failed", "http_5xx") < 2 || c.Get("primary", "fallback", "http_5xx") != 1 ||
		c.Get("rejecting", "dropped", "http_4xx") != 1 || c.Get("rejecting", "fallback", "http_4xx") != 1 || len(rejecting.requests()) != 1 {
		t.Errorf("counters %v, rejecting saw %d requests", c.Snapshot(), len(rejecting.requests()))
	}
}

func TestSilenceAndRepeat(t *testing.T) {
	_, url := bustest.Start(t)
	b := connect(t, url)
	defer b.Close()
	var mu sync.Mutex
	var msgs []string
	srv := newFake(t, nil)
	srv.ok = func(w http.ResponseWriter, c captured) {
		var p WebhookPayload
		json.Unmarshal(c.Body, &p)
		mu.Lock()
		for _, a := range p.Alerts {
			msgs = append(msgs, a.Fingerprint+" "+a.State+" "+a.Summary)
		}
		mu.Unlock()
	}
	rep := 250 * time.Millisecond
	cfg := Config{
		Delivery:  fastDelivery(),
		Receivers: []ReceiverConfig{{Name: "hook", MinInterval: zero(), Webhook: &WebhookConfig{URL: srv.srv.URL}}},
		Route:     Route{Receiver: "hook", RepeatInterval: &rep},
		Silences:  []Silence{{Match: map[string]string{"kind": "noisy"}, EndsAt: time.Now().Add(time.Hour)}},
	}
	m := newTestManager(t, cfg, b)
	running(t, m)
	ctx := context.Background()
	n := func() int { mu.Lock(); defer mu.Unlock(); return len(msgs) }
	m.Notify(ctx, Alert{Fingerprint: "quiet", State: StateDetected, Kind: "noisy", Summary: "muted"})
	m.Notify(ctx, Alert{Fingerprint: "loud", State: StateDetected, Kind: "channel", Summary: "open"})
	waitFor(t, "a reminder", func() bool {
		mu.Lock()
		defer mu.Unlock()
		for _, s := range msgs {
			if strings.Contains(s, "[still open, reminder") {
				return true
			}
		}
		return false
	})
	m.Notify(ctx, Alert{Fingerprint: "loud", State: StateResolved, Kind: "channel", Summary: "done"})
	waitFor(t, "resolution", func() bool {
		mu.Lock()
		defer mu.Unlock()
		return strings.HasPrefix(msgs[len(msgs)-1], "loud resolved")
	})
	before := n()
	time.Sleep(3 * rep)
	mu.Lock()
	defer mu.Unlock()
	if len(msgs) != before {
		t.Errorf("reminders continued after resolution: %v", msgs[before:])
	}
	for _, s := range msgs {
		if strings.HasPrefix(s, "quiet") {
			t.Errorf("silenced alert delivered: %s", s)
		}
	}
	if m.Counters().Get("", "silenced", "") != 1 {
		t.Errorf("counters %v", m.Counters().Snapshot())
	}
}

// TestRestartDeliversExactlyOnce stops the alerting process (and its NATS
// server) with alerts pending, restarts both on the same store and checks
// that every alert reaches the receiver exactly once.
func TestRestartDeliversExactlyOnce(t *testing.T) {
	dir := t.TempDir()
	emb, err := bus.StartEmbedded(bus.EmbeddedOptions{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	b := connect(t, emb.ClientURL())

	var up atomic.Bool
	var mu sync.Mutex
	got := map[string]int{} // alert key -> successful deliveries
	var refused atomic.Int64
	srv := newFake(t, nil)
	srv.ok = func(w http.ResponseWriter, c captured) {
		if !up.Load() {
			refused.Add(1)
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		var p WebhookPayload
		if err := json.Unmarshal(c.Body, &p); err != nil {
			t.Errorf("payload: %v", err)
		}
		mu.Lock()
		for _, a := range p.Alerts {
			got[a.Key]++
		}
		mu.Unlock()
	}
	cfg := Config{
		Delivery:  fastDelivery(),
		Receivers: []ReceiverConfig{{Name: "hook", MinInterval: zero(), Webhook: &WebhookConfig{URL: srv.srv.URL, Secret: "k"}}},
		Route:     Route{Receiver: "hook"},
	}
	alert := func(i int) Alert {
		return Alert{Fingerprint: fmt.Sprintf("d%d", i), State: StateDetected, Severity: Critical, Kind: "channel", Summary: "fraud"}
	}
	ctx := context.Background()

	m1 := newTestManager(t, cfg, b)
	// The first delivery "crashes" after it is recorded but before the ack.
	var crashed atomic.Bool
	m1.beforeAck = func(job) error {
		if crashed.CompareAndSwap(false, true) {
			return errors.New("simulated crash before ack")
		}
		return nil
	}
	stop1 := running(t, m1)
	up.Store(true)
	if err := m1.Notify(ctx, alert(0)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "first delivery", func() bool { mu.Lock(); defer mu.Unlock(); return got[alert(0).Key()] == 1 })

	up.Store(false) // receiver down: everything else stays pending
	for i := 1; i <= 5; i++ {
		if err := m1.Notify(ctx, alert(i)); err != nil {
			t.Fatal(err)
		}
	}
	for _, i := range []int{2, 4} { // the pipeline repeating itself
		if err := m1.Notify(ctx, alert(i)); err != nil {
			t.Fatal(err)
		}
	}
	waitFor(t, "refused deliveries", func() bool { return refused.Load() >= 3 })

	// Kill: stop the consumer, the connection and the NATS server.
	stop1()
	b.Close()
	emb.Shutdown()
	mu.Lock()
	if len(got) != 1 {
		t.Fatalf("delivered before restart: %v", got)
	}
	mu.Unlock()

	emb2, err := bus.StartEmbedded(bus.EmbeddedOptions{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(emb2.Shutdown)
	b2 := connect(t, emb2.ClientURL())
	defer b2.Close()
	up.Store(true)
	m2 := newTestManager(t, cfg, b2)
	stop2 := running(t, m2)
	waitFor(t, "all alerts after restart", func() bool { mu.Lock(); defer mu.Unlock(); return len(got) == 6 })
	time.Sleep(2 * cfg.Delivery.AckWait) // any redelivery would show up now
	stop2()

	mu.Lock()
	defer mu.Unlock()
	for i := 0; i <= 5; i++ {
		if n := got[alert(i).Key()]; n != 1 {
			t.Errorf("alert %d delivered %d times, want exactly once", i, n)
		}
	}
	if dup := m1.Counters().Sum("hook", "duplicate") + m2.Counters().Sum("hook", "duplicate"); dup < 1 {
		t.Errorf("the unacknowledged delivery was not recognised by its record (duplicates %d)", dup)
	}
	if m2.Counters().Get("hook", "sent", "") != 5 {
		t.Errorf("sent after restart: %v", m2.Counters().Snapshot())
	}
}

func TestNotifyValidates(t *testing.T) {
	_, url := bustest.Start(t)
	b := connect(t, url)
	defer b.Close()
	m := newTestManager(t, WebhookOnly("http://127.0.0.1:1/"), b)
	if err := m.Notify(context.Background(), Alert{State: StateDetected}); err == nil {
		t.Error("alert without fingerprint accepted")
	}
	if _, err := New(context.Background(), Config{}, b, nil); err == nil || !strings.Contains(err.Error(), "receivers") {
		t.Errorf("empty config: %v", err)
	}
	if _, err := New(context.Background(), WebhookOnly("x"), nil, nil); err == nil {
		t.Error("nil bus accepted")
	}
}

func TestSendTest(t *testing.T) {
	var actions []string
	var mu sync.Mutex
	srv := newFake(t, nil, status(503))
	srv.ok = func(w http.ResponseWriter, c captured) {
		var ev pdEvent
		json.Unmarshal(c.Body, &ev)
		mu.Lock()
		actions = append(actions, ev.EventAction+" "+ev.DedupKey[:15])
		mu.Unlock()
		w.WriteHeader(http.StatusAccepted)
	}
	cfg := Config{
		Delivery:  fastDelivery(),
		Receivers: []ReceiverConfig{{Name: "pd", MinInterval: zero(), PagerDuty: &PagerDutyConfig{RoutingKey: "rk", URL: srv.srv.URL}}},
		Route:     Route{Receiver: "pd"},
	}
	if err := SendTest(context.Background(), cfg, "pd"); err != nil {
		t.Fatal(err)
	}
	if len(actions) != 2 || actions[0] != "trigger watchtower-test" || actions[1] != "resolve watchtower-test" {
		t.Errorf("actions %v", actions)
	}
	if err := SendTest(context.Background(), cfg, "nope"); err == nil || !strings.Contains(err.Error(), `"nope"`) {
		t.Errorf("unknown receiver: %v", err)
	}
}
