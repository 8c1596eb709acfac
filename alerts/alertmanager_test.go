package alerts

import (
	"context"
	"encoding/json"
	"net/http"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/watchtower-l2/watchtower/watcher/bus/bustest"
)

// amModel is a fake Alertmanager keeping alerts as the real one does: by
// label set, each firing until its endsAt. It validates every post.
type amModel struct {
	mu     sync.Mutex
	alerts map[string]AMAlert // by label set
	posts  [][]AMAlert
	*fakeService
}

func labelKey(l map[string]string) string {
	var ks []string
	for k, v := range l {
		ks = append(ks, k+"="+v)
	}
	sort.Strings(ks)
	return strings.Join(ks, ",")
}

func newAMModel(t *testing.T) *amModel {
	m := &amModel{alerts: map[string]AMAlert{}}
	m.fakeService = newFake(t, nil)
	m.fakeService.ok = func(w http.ResponseWriter, c captured) {
		var as []AMAlert
		if err := json.Unmarshal(c.Body, &as); err != nil || len(as) == 0 {
			t.Errorf("body %s: %v", c.Body, err)
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		m.mu.Lock()
		defer m.mu.Unlock()
		for _, a := range as {
			s, err1 := time.Parse(time.RFC3339Nano, a.StartsAt)
			e, err2 := time.Parse(time.RFC3339Nano, a.EndsAt)
			if err1 != nil || err2 != nil || e.Before(s) || len(a.Labels) == 0 {
				t.Errorf("invalid alert %+v", a) // Alertmanager answers 400
				w.WriteHeader(http.StatusBadRequest)
				return
			}
			m.alerts[labelKey(a.Labels)] = a
		}
		m.posts = append(m.posts, as)
	}
	return m
}

// firing lists the alerts still firing at now.
func (m *amModel) firing(now time.Time) []AMAlert {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []AMAlert
	for _, a := range m.alerts {
		if e, _ := time.Parse(time.RFC3339Nano, a.EndsAt); e.After(now) {
			out = append(out, a)
		}
	}
	return out
}

func (m *amModel) allPosts() [][]AMAlert {
	m.mu.Lock()
	defer m.mu.Unlock()
	return slices.Clone(m.posts)
}

// TestAlertmanagerEscalatedIncidentResolves: an escalated incident is the
// same Alertmanager alert as before its escalation, so the resolve ends it.
func TestAlertmanagerEscalatedIncidentResolves(t *testing.T) {
	t.Parallel()
	am := newAMModel(t)
	r := mustReceiver(t, ReceiverConfig{Name: "am", Alertmanager: &AlertmanagerConfig{URL: am.srv.URL}})
	a := testAlert()
	a.At, a.Severity = time.Now(), Warning
	esc := Escalation{BlockTime: 12 * time.Second, Thresholds: []Threshold{{BlocksLeft: 100, sev: Critical}}}
	up, ok := Escalate(a, a.DeadlineBlock-50, time.Now(), esc, 0)
	if !ok {
		t.Fatal("no escalation")
	}
	mined := a
	mined.State, mined.At = StateChallengeMined, time.Now()
	for _, x := range []Alert{a, up, mined} {
		if err := r.Send(context.Background(), []Alert{x}); err != nil {
			t.Fatal(err)
		}
	}
	if f := am.firing(time.Now()); len(f) != 0 {
		t.Errorf("still firing after the resolve: %+v", f)
	}
	posts := am.allPosts()
	if len(posts) != 3 || posts[1][0].Annotations["escalation"] != "1" || posts[1][0].Annotations["severity"] != "critical" {
		t.Errorf("escalation not in annotations: %+v", posts)
	}
}

// TestAlertmanagerOneAlertPerIncident: a post carries one alert per
// incident, with no phantom resolved alerts for other severities.
func TestAlertmanagerOneAlertPerIncident(t *testing.T) {
	t.Parallel()
	am := newAMModel(t)
	r := mustReceiver(t, ReceiverConfig{Name: "am", Alertmanager: &AlertmanagerConfig{URL: am.srv.URL}})
	a, b := testAlert(), testAlert()
	b.Fingerprint = "0xdead02"
	sent := a
	sent.State = StateChallengeSent
	if err := r.Send(context.Background(), []Alert{a, b, sent}); err != nil {
		t.Fatal(err)
	}
	posts := am.allPosts()
	if len(posts) != 1 || len(posts[0]) != 2 {
		t.Fatalf("posts %+v, want one post of 2 alerts", posts)
	}
	for _, x := range posts[0] {
		if x.Labels["incident"] == "0xdead01" && x.Annotations["state"] != StateChallengeSent {
			t.Errorf("incident 0xdead01 posted as %q, want its latest state", x.Annotations["state"])
		}
	}
}

// TestAlertmanagerFailedStaysOpen: a failed incident is re-sent with a
// fresh endsAt every resend interval and never resolved by the tower.
func TestAlertmanagerFailedStaysOpen(t *testing.T) {
	_, url := bustest.Start(t)
	b := connect(t, url)
	defer b.Close()
	am := newAMModel(t)
	every := 100 * time.Millisecond
	cfg := Config{Delivery: fastDelivery(), Global: testGlobal, Route: Route{Receiver: "am"}, Receivers: []ReceiverConfig{
		{Name: "am", MinInterval: zero(), Alertmanager: &AlertmanagerConfig{URL: am.srv.URL, ResendInterval: &every}},
	}}
	m := newTestManager(t, cfg, b)
	running(t, m)
	a := testAlert()
	a.At = time.Time{}
	if err := m.Notify(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	failed := a
	failed.State = StateFailed
	if err := m.Notify(context.Background(), failed); err != nil {
		t.Fatal(err)
	}
	failedPosts := func() int {
		n := 0
		for _, p := range am.allPosts() {
			if p[0].Annotations["state"] == StateFailed {
				n++
			}
		}
		return n
	}
	waitFor(t, "the failed incident re-sent three times", func() bool { return failedPosts() >= 4 })
	for _, p := range am.allPosts() {
		if len(p) != 1 || p[0].Labels["incident"] != "0xdead01" {
			t.Errorf("post %+v", p)
		}
		s, _ := time.Parse(time.RFC3339Nano, p[0].StartsAt)
		e, _ := time.Parse(time.RFC3339Nano, p[0].EndsAt)
		if !e.After(s) {
			t.Errorf("post resolves the incident: %+v", p[0])
		}
	}
}

// TestSendTestAlertmanagerFiresLongEnough: the test alert fires for the
// hold time and is not resolved right away, so Alertmanager notifies.
func TestSendTestAlertmanagerFiresLongEnough(t *testing.T) {
	t.Parallel()
	am := newAMModel(t)
	cfg := Config{Receivers: []ReceiverConfig{{Name: "am", MinInterval: zero(), Alertmanager: &AlertmanagerConfig{URL: am.srv.URL}}}, Route: Route{Receiver: "am"}}
	res, err := SendTestWith(context.Background(), cfg, "am", 10*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	posts := am.allPosts()
	if len(posts) != 1 || len(posts[0]) != 1 || res.Held != 10*time.Minute {
		t.Fatalf("posts %+v, held %s: want one firing test alert", posts, res.Held)
	}
	s, _ := time.Parse(time.RFC3339Nano, posts[0][0].StartsAt)
	e, _ := time.Parse(time.RFC3339Nano, posts[0][0].EndsAt)
	if e.Sub(s) < 9*time.Minute {
		t.Errorf("test alert fires from %s to %s, want about the 10m hold", s, e)
	}
}

func TestAlertmanagerReceiver(t *testing.T) {
	t.Parallel()
	var firing, resolved []AMAlert
	var mu sync.Mutex
	f := newFake(t, func(t *testing.T, c captured) {
		if c.Method != http.MethodPost || c.Path != "/am/api/v2/alerts" || c.Header.Get("Authorization") != "Bearer amtok" {
			t.Errorf("bad request %s %s %q", c.Method, c.Path, c.Header.Get("Authorization"))
		}
		var raw []map[string]any
		if err := json.Unmarshal(c.Body, &raw); err != nil || len(raw) == 0 {
			t.Fatalf("body is not a JSON array: %v %s", err, c.Body)
		}
		for _, e := range raw {
			for k := range e {
				if !slices.Contains([]string{"labels", "annotations", "startsAt", "endsAt", "generatorURL"}, k) {
					t.Errorf("unexpected key %q", k)
				}
			}
		}
		var as []AMAlert
		json.Unmarshal(c.Body, &as)
		mu.Lock()
		defer mu.Unlock()
		firing, resolved = nil, nil
		for _, a := range as {
			s, err1 := time.Parse(time.RFC3339Nano, a.StartsAt)
			e, err2 := time.Parse(time.RFC3339Nano, a.EndsAt)
			if err1 != nil || err2 != nil || e.Before(s) {
				t.Errorf("times %q %q", a.StartsAt, a.EndsAt)
			}
			if a.Labels["alertname"] != "WatchtowerDispute" || a.Labels["incident"] != "0xdead01" || a.GeneratorURL != "http://tower.local" || a.Annotations["summary"] == "" {
				t.Errorf("alert %+v", a)
			}
			for k, v := range a.Labels {
				if v == "" || strings.ContainsAny(k, "-./ ") {
					t.Errorf("label %q=%q", k, v)
				}
			}
			if e.After(s) {
				firing = append(firing, a)
			} else {
				resolved = append(resolved, a)
			}
		}
	}, status(429, "Retry-After", "1"), status(503))
	r := mustReceiver(t, ReceiverConfig{Name: "am", Alertmanager: &AlertmanagerConfig{URL: f.srv.URL + "/am/", BearerToken: "amtok"}})
	// endsAt is counted from each attempt; the rest must not change.
	sendThroughFailuresNorm(t, f, r, testAlert(), time.Second, func(b []byte) string {
		var as []AMAlert
		json.Unmarshal(b, &as)
		for i := range as {
			as[i].EndsAt = ""
		}
		out, _ := json.Marshal(as)
		return string(out)
	})
	mu.Lock()
	if len(firing) != 1 || firing[0].Annotations["severity"] != "critical" || len(resolved) != 0 {
		t.Errorf("firing %v resolved %v: want the incident firing, nothing else", firing, resolved)
	}
	mu.Unlock()
	res := testAlert()
	res.State = StateChallengeMined
	if err := SendWithRetry(context.Background(), r, []Alert{res}, fastPolicy, nil); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(firing) != 0 || len(resolved) != 1 {
		t.Errorf("after resolve: firing %d resolved %d", len(firing), len(resolved))
	}
}
