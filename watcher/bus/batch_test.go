package bus_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/watcher/bus"
	"github.com/watchtower-l2/watchtower/watcher/bus/bustest"
)

const (
	bStream  = "BATCH"
	bDurable = "verify"
)

func batchSetup(t *testing.T) *bus.Bus {
	t.Helper()
	_, url := bustest.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	b, err := bus.Connect(ctx, url, bus.Options{Name: t.Name(), Logger: zap.NewNop()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(b.Close)
	if err := b.EnsureStream(ctx, bus.StreamConfig{Name: bStream, Subjects: []string{"wt.>"}}); err != nil {
		t.Fatal(err)
	}
	return b
}

func publishN(t *testing.T, b *bus.Bus, prefix string, n int) []string {
	t.Helper()
	ctx := context.Background()
	ids := make([]string, n)
	for i := range n {
		ids[i] = fmt.Sprintf("%s-%d", prefix, i)
		if _, err := b.Publish(ctx, "wt.1.test.ev", ids[i], []byte(ids[i])); err != nil {
			t.Fatal(err)
		}
	}
	return ids
}

func runBatch(t *testing.T, b *bus.Bus, cfg bus.ConsumerConfig, h bus.BatchHandler) (stop func() error) {
	t.Helper()
	if cfg.Stream == "" {
		cfg.Stream, cfg.Durable = bStream, bDurable
	}
	stop, _ = bus.RunAsync(t, "ConsumeBatch", func(ctx context.Context) error { return b.ConsumeBatch(ctx, cfg, h) })
	return stop
}

func waitUntil(t *testing.T, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %s waiting for %s", timeout, what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func drained(t *testing.T, b *bus.Bus) func() bool {
	return func() bool {
		p, ap, err := b.ConsumerPending(context.Background(), bStream, bDurable)
		return err == nil && p == 0 && ap == 0
	}
}

type tally struct {
	mu      sync.Mutex
	calls   map[string]int
	sizes   []int
	lastDel map[string]uint64
}

func newTally() *tally { return &tally{calls: map[string]int{}, lastDel: map[string]uint64{}} }

func (c *tally) record(msgs []bus.Msg) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.sizes = append(c.sizes, len(msgs))
	for _, m := range msgs {
		c.calls[m.MsgID]++
		c.lastDel[m.MsgID] = m.Delivered
	}
}

func (c *tally) count(id string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.calls[id]
}

func (c *tally) distinct() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.calls)
}

// A backlog is handled in batches no larger than Batch, each message once,
// and everything is acked.
func TestConsumeBatchHandlesBacklogInBatches(t *testing.T) {
	b := batchSetup(t)
	ids := publishN(t, b, "m", 1000)
	c := newTally()
	stop := runBatch(t, b, bus.ConsumerConfig{Batch: 64, Workers: 2}, func(_ context.Context, msgs []bus.Msg) []error {
		c.record(msgs)
		for _, m := range msgs {
			if string(m.Data) != m.MsgID || m.StreamSeq == 0 || m.Delivered != 1 || m.Subject != "wt.1.test.ev" {
				t.Errorf("message %+v", m)
			}
		}
		return make([]error, len(msgs))
	})
	waitUntil(t, 20*time.Second, "every message handled", func() bool { return c.distinct() == len(ids) })
	waitUntil(t, 10*time.Second, "consumer drained", drained(t, b))
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		if n := c.count(id); n != 1 {
			t.Fatalf("%s handled %d times", id, n)
		}
	}
	biggest := 0
	for _, s := range c.sizes {
		if s > 64 || s < 1 {
			t.Fatalf("batch of %d messages (Batch 64)", s)
		}
		biggest = max(biggest, s)
	}
	if biggest < 2 {
		t.Fatalf("a backlog of 1000 was handled one message at a time (%d calls)", len(c.sizes))
	}
	t.Logf("%d messages in %d batches, largest %d", len(ids), len(c.sizes), biggest)
}

// Each message of a batch is settled by its own result: acked, redelivered
// (with its delivery count) or terminated.
func TestConsumeBatchSettlesEachMessageByItsResult(t *testing.T) {
	b := batchSetup(t)
	ok := publishN(t, b, "ok", 10)
	flaky := publishN(t, b, "flaky", 5)
	poison := publishN(t, b, "poison", 3)
	c := newTally()
	var failedOnce sync.Map
	runBatch(t, b, bus.ConsumerConfig{Batch: 32, RetryDelay: 50 * time.Millisecond}, func(_ context.Context, msgs []bus.Msg) []error {
		c.record(msgs)
		errs := make([]error, len(msgs))
		for i, m := range msgs {
			switch {
			case strings.HasPrefix(m.MsgID, "poison"):
				errs[i] = bus.Permanent(errors.New("unreadable"))
			case strings.HasPrefix(m.MsgID, "flaky"):
				if _, done := failedOnce.LoadOrStore(m.MsgID, true); !done {
					errs[i] = errors.New("store down")
				}
			}
		}
		return errs
	})
	waitUntil(t, 20*time.Second, "flaky messages retried", func() bool {
		for _, id := range flaky {
			if c.count(id) < 2 {
				return false
			}
		}
		return true
	})
	waitUntil(t, 10*time.Second, "consumer drained", drained(t, b))
	if n := b.Terminated(); n != uint64(len(poison)) {
		t.Fatalf("%d messages terminated, want %d", n, len(poison))
	}
	time.Sleep(300 * time.Millisecond) // room for a wrong redelivery
	for _, id := range ok {
		if n := c.count(id); n != 1 {
			t.Fatalf("%s handled %d times, want 1", id, n)
		}
	}
	for _, id := range poison {
		if n := c.count(id); n != 1 {
			t.Fatalf("poison %s handled %d times, want 1", id, n)
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, id := range flaky {
		if c.calls[id] != 2 || c.lastDel[id] != 2 {
			t.Fatalf("flaky %s handled %d times, last delivery %d; want 2, 2", id, c.calls[id], c.lastDel[id])
		}
	}
}

// A panicking handler or one breaking the result contract fails the whole
// batch with a retryable error.
func TestConsumeBatchPanicAndBadResultsAreRetried(t *testing.T) {
	b := batchSetup(t)
	ids := publishN(t, b, "m", 20)
	var calls atomic.Int64
	c := newTally()
	runBatch(t, b, bus.ConsumerConfig{Batch: 32, RetryDelay: 20 * time.Millisecond}, func(_ context.Context, msgs []bus.Msg) []error {
		switch calls.Add(1) {
		case 1:
			panic("boom")
		case 2:
			return nil // wrong length
		}
		c.record(msgs)
		return make([]error, len(msgs))
	})
	waitUntil(t, 20*time.Second, "every message handled", func() bool { return c.distinct() == len(ids) })
	waitUntil(t, 10*time.Second, "consumer drained", drained(t, b))
	if b.Terminated() != 0 {
		t.Fatalf("%d messages terminated", b.Terminated())
	}
}

// A batch running longer than AckWait is kept in progress, not redelivered.
func TestConsumeBatchKeepsLongBatchInProgress(t *testing.T) {
	b := batchSetup(t)
	ids := publishN(t, b, "m", 5)
	c := newTally()
	var first atomic.Bool
	const ackWait = 2 * time.Second
	runBatch(t, b, bus.ConsumerConfig{Batch: 8, AckWait: ackWait}, func(_ context.Context, msgs []bus.Msg) []error {
		c.record(msgs)
		if first.CompareAndSwap(false, true) {
			time.Sleep(5 * time.Second) // 2.5x AckWait: the batch's own work
		}
		return make([]error, len(msgs))
	})
	waitUntil(t, 60*time.Second, "every message handled", func() bool { return c.distinct() == len(ids) })
	waitUntil(t, 30*time.Second, "consumer drained", drained(t, b))
	// A redelivery would come at most AckWait after the last in-progress ack.
	time.Sleep(ackWait + 500*time.Millisecond)
	for _, id := range ids {
		if n := c.count(id); n != 1 {
			t.Fatalf("%s handled %d times (redelivered during a long batch)", id, n)
		}
	}
}

// Cancelling lets the batch in flight finish and be acked; ConsumeBatch
// waits for it, and what was fetched but not started goes to the next
// consumer.
func TestConsumeBatchCancelFinishesInFlightBatch(t *testing.T) {
	b := batchSetup(t)
	ids := publishN(t, b, "m", 50)
	started := make(chan int, 1)
	release := make(chan struct{})
	c := newTally()
	var once sync.Once
	stop := runBatch(t, b, bus.ConsumerConfig{Batch: 10}, func(ctx context.Context, msgs []bus.Msg) []error {
		once.Do(func() {
			started <- len(msgs)
			<-release
			if ctx.Err() != nil {
				t.Error("handler context cancelled with ConsumeBatch's")
			}
		})
		c.record(msgs)
		return make([]error, len(msgs))
	})
	<-started
	returned := make(chan error, 1)
	go func() { returned <- stop() }()
	select {
	case err := <-returned:
		t.Fatalf("ConsumeBatch returned (%v) while a batch was in flight", err)
	case <-time.After(300 * time.Millisecond):
	}
	close(release)
	if err := <-returned; err != nil {
		t.Fatal(err)
	}
	handled := c.distinct()
	if handled == 0 || handled == len(ids) {
		t.Fatalf("%d of %d handled before shutdown", handled, len(ids))
	}
	// A new consumer gets the rest at once (naked, not waiting out AckWait).
	c2 := newTally()
	runBatch(t, b, bus.ConsumerConfig{Batch: 10}, func(_ context.Context, msgs []bus.Msg) []error {
		c2.record(msgs)
		return make([]error, len(msgs))
	})
	waitUntil(t, 30*time.Second, "the rest handled by the next consumer", func() bool { return handled+c2.distinct() == len(ids) })
	waitUntil(t, 10*time.Second, "consumer drained", drained(t, b))
	for _, id := range ids {
		if c.count(id)+c2.count(id) != 1 {
			t.Fatalf("%s handled %d+%d times", id, c.count(id), c2.count(id))
		}
	}
}

func TestConsumeBatchValidates(t *testing.T) {
	b := batchSetup(t)
	ctx := context.Background()
	if err := b.ConsumeBatch(ctx, bus.ConsumerConfig{Stream: bStream, Durable: bDurable}, nil); err == nil {
		t.Fatal("nil handler accepted")
	}
	h := func(context.Context, []bus.Msg) []error { return nil }
	if err := b.ConsumeBatch(ctx, bus.ConsumerConfig{Stream: bStream}, h); err == nil {
		t.Fatal("missing durable accepted")
	}
	if err := b.ConsumeBatch(ctx, bus.ConsumerConfig{Stream: "NOSUCH", Durable: bDurable}, h); err == nil {
		t.Fatal("missing stream accepted")
	}
}

// A closed connection ends ConsumeBatch with an error (not a silent return).
func TestConsumeBatchReturnsErrorWhenConnectionCloses(t *testing.T) {
	b := batchSetup(t)
	publishN(t, b, "m", 3)
	ch := make(chan error, 1)
	go func() {
		ch <- b.ConsumeBatch(context.Background(), bus.ConsumerConfig{Stream: bStream, Durable: bDurable, Workers: 2},
			func(_ context.Context, msgs []bus.Msg) []error { return make([]error, len(msgs)) })
	}()
	waitUntil(t, 10*time.Second, "consumer drained", drained(t, b))
	b.Close()
	select {
	case err := <-ch:
		if err == nil {
			t.Fatal("ConsumeBatch returned nil after the connection closed")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("ConsumeBatch did not return after the connection closed")
	}
}
