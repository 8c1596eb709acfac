package verify_test

import (
	"context"
	"sync/atomic"
	"testing"

	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/watcher/bus"
	"github.com/watchtower-l2/watchtower/watcher/event"
	"github.com/watchtower-l2/watchtower/watcher/l2"
	"github.com/watchtower-l2/watchtower/watcher/verify"
)

// batchKind gives a kind a VerifyBatch (Verify per event) and counts calls.
type batchKind struct {
	l2.Kind
	calls, events atomic.Int64
}

func (k *batchKind) VerifyBatch(ctx context.Context, evs []event.Event) ([]l2.Verdict, []error) {
	k.calls.Add(1)
	k.events.Add(int64(len(evs)))
	vds, errs := make([]l2.Verdict, len(evs)), make([]error, len(evs))
	for i, ev := range evs {
		vds[i], errs[i] = k.Kind.Verify(ctx, ev)
	}
	return vds, errs
}

// HandleBatch gives each message Handle's result: one verdict and one
// challenge per event however often it comes (twice in a batch, again in a
// later batch), poison terminated, whether the kind verifies in batches or
// one event at a time.
func TestHandleBatchIsIdempotentAndTerminatesPoison(t *testing.T) {
	for _, batched := range []bool{false, true} {
		name := "verify-per-event"
		if batched {
			name = "verify-batch"
		}
		t.Run(name, func(t *testing.T) {
			e := newBenchEnvT(t, 3)
			ctx := context.Background()
			kinds := e.kinds
			var bk *batchKind
			if batched {
				bk = &batchKind{Kind: kinds["channel"]}
				kinds = l2.Registry{"channel": bk}
			}
			sink := &countSink{}
			cfg := e.config()
			cfg.Batch = 16
			v, err := verify.New(e.bus, e.st, kinds, e.queue, sink, cfg, zap.NewNop())
			if err != nil {
				t.Fatal(err)
			}
			m := e.msg
			msgs := []bus.Msg{
				m(0), m(1), m(0), // the stale close twice
				e.sealed(t, event.Subject(benchChain, "channel", "closed"), "poison-1", []byte("{not json")),
				e.sealed(t, event.Subject(benchChain, "nosuchkind", "x"), "poison-2", []byte(`{"chain_id":1337,"kind":"nosuchkind","name":"x"}`)),
			}
			errs := v.HandleBatch(ctx, msgs)
			if len(errs) != len(msgs) {
				t.Fatalf("%d results for %d messages", len(errs), len(msgs))
			}
			for i := range 3 {
				if errs[i] != nil {
					t.Fatalf("message %d: %v", i, errs[i])
				}
			}
			for i := 3; i < 5; i++ {
				if !bus.IsPermanent(errs[i]) {
					t.Fatalf("poison message %d: error %v, want a permanent one", i, errs[i])
				}
			}
			// Again, with the third close: only that one is judged.
			errs = v.HandleBatch(ctx, []bus.Msg{m(1), m(0), m(2)})
			for i, err := range errs {
				if err != nil {
					t.Fatalf("second batch, message %d: %v", i, err)
				}
			}
			open, err := e.queue.Open(ctx, 0)
			if err != nil || len(open) != 2 {
				t.Fatalf("open challenges %v (%v), want two (closes 0 and 2 are stale)", open, err)
			}
			if n := sink.n.Load(); n != 2 {
				t.Fatalf("%d fraud alerts, want 2", n)
			}
			for i := range 3 {
				if _, err := e.st.Get(ctx, verify.VerdictKey(e.ids[i])); err != nil {
					t.Fatalf("close %d has no recorded verdict: %v", i, err)
				}
			}
			if bk != nil && (bk.calls.Load() != 2 || bk.events.Load() != 3) {
				t.Fatalf("VerifyBatch called %d times for %d events, want 2 for 3", bk.calls.Load(), bk.events.Load())
			}
		})
	}
}
