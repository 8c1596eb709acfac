package delegation_test

import (
	"context"
	"maps"
	"sync"
	"testing"

	"github.com/watchtower-l2/watchtower/watcher/delegation"
)

// countMetrics records what the API reports, as "kind/new", "kind/update"
// and "kind/released" counts.
type countMetrics struct {
	mu sync.Mutex
	n  map[string]int
}

func (c *countMetrics) DelegationAccepted(kind string, isNew bool) {
	t := "update"
	if isNew {
		t = "new"
	}
	c.add(kind + "/" + t)
}

func (c *countMetrics) DelegationReleased(kind string) { c.add(kind + "/released") }

func (c *countMetrics) add(k string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.n == nil {
		c.n = map[string]int{}
	}
	c.n[k]++
}

func (c *countMetrics) snapshot() map[string]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return maps.Clone(c.n)
}

// TestMetricsCountAcceptedAndReleased: a new subject and an update of one are
// told apart, for channel states and subscriptions, and a revoke releases.
func TestMetricsCountAcceptedAndReleased(t *testing.T) {
	m := &countMetrics{}
	f := newFixture(t, 2, delegation.Config{SubscriptionBlocks: 100, Metrics: m})
	ctx := context.Background()
	ch := f.chain.Open(20, 4)
	a := f.user(ch.A)
	if _, err := a.Register(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := a.DelegateState(ctx, ch.States[2]); err != nil {
		t.Fatal(err)
	}
	if _, err := a.DelegateState(ctx, ch.Latest()); err != nil {
		t.Fatal(err)
	}
	if _, err := a.DelegateState(ctx, ch.States[1]); err == nil {
		t.Fatal("a stale state was accepted")
	}
	for range 2 {
		if _, err := a.Subscribe(ctx, "plasma", "0xabc:7"); err != nil {
			t.Fatal(err)
		}
	}
	if rv, err := a.Revoke(ctx, ch.ID); err != nil || !rv.Pruned {
		t.Fatalf("revoke %+v %v", rv, err)
	}
	if rv, err := a.Unsubscribe(ctx, "plasma", "0xabc:7"); err != nil || !rv.Pruned {
		t.Fatalf("unsubscribe %+v %v", rv, err)
	}
	want := map[string]int{
		"channel/new": 1, "channel/update": 1, "channel/released": 1,
		"plasma/new": 1, "plasma/update": 1, "plasma/released": 1,
	}
	if got := m.snapshot(); !maps.Equal(got, want) {
		t.Fatalf("counted %v, want %v", got, want)
	}
}
