package alerts

import (
	"context"
	"errors"
	"math/big"
	"strings"
	"testing"
	"time"
)

func TestEscalate(t *testing.T) {
	e := Escalation{BlockTime: 12 * time.Second, Thresholds: []Threshold{{BlocksLeft: 300, sev: Warning}, {BlocksLeft: 100, sev: Critical}}}
	a := Alert{Fingerprint: "d", Kind: "channel", State: StateDetected, Severity: Info, DeadlineBlock: 1000, Summary: "fraud"}
	at := time.Unix(1_700_000_000, 0)
	if _, ok := Escalate(a, 600, at, e, 0); ok {
		t.Error("escalated with 400 blocks left")
	}
	up, ok := Escalate(a, 750, at, e, 0)
	if !ok || up.Severity != Warning || up.Seq != 1 || !up.DeadlineTime.Equal(at.Add(250*12*time.Second)) || !strings.HasPrefix(up.Summary, "250 blocks") || up.Labels["escalation"] != "1" {
		t.Errorf("first step: %+v %v", up, ok)
	}
	if _, ok := Escalate(a, 760, at, e, 1); ok {
		t.Error("same step raised twice")
	}
	up, ok = Escalate(a, 950, at, e, 1)
	if !ok || up.Severity != Critical || up.Seq != 2 || !strings.Contains(up.Action, "ACT NOW") {
		t.Errorf("second step: %+v", up)
	}
	// Both thresholds crossed at once: straight to the last.
	if up, ok := Escalate(a, 990, at, e, 0); !ok || up.Seq != 2 || up.Severity != Critical {
		t.Errorf("jump: %+v", up)
	}
	// Severity never drops below the alert's own.
	crit := a
	crit.Severity = Critical
	if up, _ := Escalate(crit, 750, at, e, 0); up.Severity != Critical {
		t.Errorf("lowered to %v", up.Severity)
	}
	for _, s := range []string{StateChallengeMined, StateResolved, StateFailed} {
		b := a
		b.State = s
		if _, ok := Escalate(b, 999, at, e, 0); ok {
			t.Errorf("escalated a %s incident", s)
		}
	}
	ops := a
	ops.Kind = KindTower
	if _, ok := Escalate(ops, 999, at, e, 0); ok {
		t.Error("escalated an operational alert")
	}
}

func TestHealthEpisodes(t *testing.T) {
	rec := &Recorder{}
	h := NewHealth(rec, "tower-1")
	ctx := context.Background()
	steps := []Check{
		IngestLag(1, 100, 100, 10, 50), // fine
		IngestLag(1, 120, 100, 10, 50), // warning: fires
		IngestLag(1, 125, 100, 10, 50), // still warning: quiet
		IngestLag(1, 200, 100, 10, 50), // critical: raised
		IngestLag(1, 200, 140, 10, 50), // back to warning: quiet
		IngestLag(1, 200, 199, 10, 50), // cleared: resolved
		IngestLag(1, 300, 200, 10, 50), // fires again: a new incident
	}
	for _, c := range steps {
		if err := h.Report(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	got := rec.Alerts()
	if len(got) != 4 {
		t.Fatalf("%d notifications, want 4: %+v", len(got), got)
	}
	want := []struct {
		state string
		sev   Severity
		seq   uint64
	}{{StateDetected, Warning, 0}, {StateDetected, Critical, 1}, {StateResolved, Info, 0}, {StateDetected, Critical, 0}}
	for i, w := range want {
		if got[i].State != w.state || got[i].Severity != w.sev || got[i].Seq != w.seq || got[i].Kind != KindTower || got[i].Labels["instance"] != "tower-1" {
			t.Errorf("notification %d: %+v, want %+v", i, got[i], w)
		}
	}
	if got[0].Fingerprint != got[2].Fingerprint || got[3].Fingerprint == got[0].Fingerprint || !strings.HasPrefix(got[0].Fingerprint, "tower/ingest_lag/1/ingest@tower-1#") {
		t.Errorf("fingerprints %q %q %q", got[0].Fingerprint, got[2].Fingerprint, got[3].Fingerprint)
	}
	// A failed notify is retried on the next report.
	h2 := NewHealth(failingSink{}, "")
	if err := h2.Report(ctx, StoreUnreachable(1, "redis", errors.New("dial tcp: refused"))); err == nil {
		t.Error("notify error swallowed")
	}
	if len(h2.open) != 0 {
		t.Error("episode recorded although nobody was told")
	}
}

type failingSink struct{}

func (failingSink) Notify(context.Context, Alert) error { return errors.New("down") }

func TestOperationalChecks(t *testing.T) {
	eth := func(x int64) *big.Int { return new(big.Int).Mul(big.NewInt(x), big.NewInt(1e15)) }
	for _, tc := range []struct {
		c      Check
		firing bool
		sev    Severity
	}{
		{SignerBalanceLow(1, "0xs", eth(10), eth(1), 2, 3), false, Info},
		{SignerBalanceLow(1, "0xs", eth(4), eth(1), 2, 3), true, Warning},
		{SignerBalanceLow(1, "0xs", eth(1), eth(1), 2, 3), true, Critical},
		{SignerBalanceLow(1, "0xs", nil, nil, 0, 0), false, Info},
		{ConsumerLag(1, "WATCHTOWER", "verify", 5, 100, 1000), false, Info},
		{ConsumerLag(1, "WATCHTOWER", "verify", 1500, 100, 1000), true, Critical},
		{StoreUnreachable(1, "redis", nil), false, Critical},
		{StoreUnreachable(1, "redis", errors.New("timeout")), true, Critical},
		{Stalled(1, "ingest", time.Unix(0, 0), time.Unix(90, 0), time.Minute), true, Warning},
		{Stalled(1, "ingest", time.Unix(0, 0), time.Unix(200, 0), time.Minute), true, Critical},
		{Stalled(1, "ingest", time.Unix(0, 0), time.Unix(30, 0), time.Minute), false, Info},
	} {
		if tc.c.Firing != tc.firing || (tc.firing && tc.c.Alert.Severity != tc.sev) || tc.c.Alert.Kind != KindTower || tc.c.Alert.Action == "" || tc.c.Alert.Labels["check"] == "" {
			t.Errorf("%s: firing %v severity %v", tc.c.Alert.Summary, tc.c.Firing, tc.c.Alert.Severity)
		}
	}
}
