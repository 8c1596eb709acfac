package verify_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/internal/testutil/redistest"
	"github.com/watchtower-l2/watchtower/watcher/bus"
	"github.com/watchtower-l2/watchtower/watcher/store"
	"github.com/watchtower-l2/watchtower/watcher/verify"
)

// TestRedeliveryAcksOnlyADurableVerdict: writes wait for a replica, which
// goes down after a fraud's challenge was queued and before its verdict is
// recorded, so the verdict reaches the primary only. A redelivered event
// then finds that verdict, and must still not be acked (a failover would
// lose the verdict), neither one at a time nor in a batch; once the replica
// is back, it is, and the replica holds the verdict and the challenge.
func TestRedeliveryAcksOnlyADurableVerdict(t *testing.T) {
	rep := redistest.StartReplicated(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	rs := rep.Store(300 * time.Millisecond)
	st := &stopBeforeVerdict{Store: rs, stop: rep.Replica.Stop}
	e := newBenchEnvOn(t, 2, st)
	v, err := verify.New(e.bus, e.st, e.kinds, e.queue, &countSink{}, e.config(), zap.NewNop())
	if err != nil {
		t.Fatal(err)
	}
	stale := e.msg(0)

	if err := v.Handle(ctx, stale); !errors.Is(err, store.ErrNotDurable) {
		t.Fatalf("Handle losing the replica before the verdict: %v, want an error wrapping store.ErrNotDurable", err)
	}
	if _, err := rs.Get(ctx, verify.VerdictKey(e.ids[0])); err != nil {
		t.Fatalf("the verdict did not reach the primary: %v", err)
	}
	if err := v.Handle(ctx, stale); !errors.Is(err, store.ErrNotDurable) {
		t.Fatalf("redelivery finding an unconfirmed verdict: %v, want it not acked (store.ErrNotDurable)", err)
	}
	if errs := v.HandleBatch(ctx, []bus.Msg{stale}); !errors.Is(errs[0], store.ErrNotDurable) {
		t.Fatalf("batch redelivery finding an unconfirmed verdict: %v, want it not acked (store.ErrNotDurable)", errs[0])
	}

	rep.Replica.Start()
	rep.WaitInSync()
	if err := waitNil(ctx, func() error { return v.Handle(ctx, stale) }); err != nil {
		t.Fatalf("redelivery once the replica is back: %v", err)
	}
	if errs := v.HandleBatch(ctx, []bus.Msg{stale}); errs[0] != nil {
		t.Fatalf("batch redelivery once the replica is back: %v", errs[0])
	}
	rc := redis.NewClient(&redis.Options{Addr: rep.Replica.Addr()})
	defer rc.Close()
	if n, err := rc.Exists(ctx, "wt:"+verify.VerdictKey(e.ids[0])).Result(); err != nil || n != 1 {
		t.Fatalf("verdict on the replica: %d, %v", n, err)
	}
	if jobs, err := rc.Keys(ctx, "wt:job:*").Result(); err != nil || len(jobs) != 1 {
		t.Fatalf("jobs on the replica: %v, %v; want the stale close's", jobs, err)
	}
}

// stopBeforeVerdict is a store that calls stop once, before the first
// verdict is written through Put.
type stopBeforeVerdict struct {
	store.Store
	stop    func()
	stopped bool
}

func (s *stopBeforeVerdict) Put(ctx context.Context, key string, value []byte) error {
	if !s.stopped && strings.HasPrefix(key, verify.VerdictKey("")) {
		s.stopped = true
		s.stop()
	}
	return s.Store.Put(ctx, key, value)
}

// waitNil calls f until it returns nil or ctx ends, returning its last error.
func waitNil(ctx context.Context, f func() error) error {
	for {
		err := f()
		if err == nil || ctx.Err() != nil {
			return err
		}
		select {
		case <-ctx.Done():
		case <-time.After(50 * time.Millisecond):
		}
	}
}
