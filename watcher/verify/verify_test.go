package verify_test

import (
	"context"
	"testing"
	"time"

	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/watcher/bus"
	"github.com/watchtower-l2/watchtower/watcher/event"
	"github.com/watchtower-l2/watchtower/watcher/verify"
)

// The same event handled twice (a redelivery or a republish) yields one
// verdict and one challenge; an unreadable message is terminated, not retried
// forever and not silently dropped.
func TestVerifyIsIdempotentAndTerminatesPoison(t *testing.T) {
	e := newBenchEnvT(t, 2)
	ctx := context.Background()
	if err := e.bus.EnsureStream(ctx, bus.StreamConfig{Name: "WT", Subjects: []string{event.ChainSubjects(benchChain)}}); err != nil {
		t.Fatal(err)
	}
	sink := &countSink{}
	v, err := verify.New(e.bus, e.st, e.kinds, e.queue, sink, e.config(), zap.NewNop())
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2; i++ { // the stale close (index 0), twice
		if err := v.Handle(ctx, e.msg(0)); err != nil {
			t.Fatal(err)
		}
	}
	if err := v.Handle(ctx, e.msg(1)); err != nil {
		t.Fatal(err)
	}
	open, err := e.queue.Open(ctx, 0)
	if err != nil || len(open) != 1 {
		t.Fatalf("open challenges %v (%v), want exactly one", open, err)
	}
	if n := sink.n.Load(); n != 1 {
		t.Fatalf("%d fraud alerts, want 1", n)
	}
	if _, err := e.st.Get(ctx, verify.VerdictKey(e.ids[1])); err != nil {
		t.Fatalf("honest close has no recorded verdict: %v", err)
	}

	// Poison, sealed by the trusted key: published to the stream, consumed
	// by the running role.
	for _, p := range []bus.Msg{
		e.sealed(t, event.Subject(benchChain, "channel", "closed"), "poison-1", []byte("{not json")),
		e.sealed(t, event.Subject(benchChain, "nosuchkind", "x"), "poison-2", []byte(`{"chain_id":1337,"kind":"nosuchkind","name":"x"}`)),
	} {
		if _, err := e.bus.PublishHeader(ctx, p.Subject, p.MsgID, p.Data, flat(p.Header)); err != nil {
			t.Fatal(err)
		}
	}
	rctx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- v.Run(rctx) }()
	deadline := time.Now().Add(10 * time.Second)
	for e.bus.Terminated() < 2 {
		if time.Now().After(deadline) {
			t.Fatalf("poison messages terminated: %d, want 2", e.bus.Terminated())
		}
		time.Sleep(20 * time.Millisecond)
	}
	stop()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

func flat(h map[string][]string) map[string]string {
	out := map[string]string{}
	for k, v := range h {
		out[k] = v[0]
	}
	return out
}
