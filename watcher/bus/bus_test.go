package bus

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest/observer"
)

const (
	testStream  = "EVENTS"
	testSubject = "wt.1.channel.closed"
	testDurable = "verify"
)

// startServer runs an embedded JetStream server in a fresh temp dir.
func startServer(t testing.TB) (*Embedded, string) {
	t.Helper()
	e, err := StartEmbedded(EmbeddedOptions{Dir: t.TempDir()})
	if err != nil {
		t.Fatalf("start embedded: %v", err)
	}
	t.Cleanup(e.Shutdown)
	return e, e.ClientURL()
}

func connect(t testing.TB, serverURL string, log *zap.Logger) *Bus {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	b, err := Connect(ctx, serverURL, Options{Name: t.Name(), Logger: log})
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	t.Cleanup(b.Close)
	return b
}

func ensureStream(t testing.TB, b *Bus) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := b.EnsureStream(ctx, StreamConfig{Name: testStream, Subjects: []string{"wt.>"}}); err != nil {
		t.Fatalf("ensure stream: %v", err)
	}
}

// setup starts a server, connects and creates the test stream.
func setup(t *testing.T) (*Bus, string) {
	t.Helper()
	_, u := startServer(t)
	b := connect(t, u, nil)
	ensureStream(t, b)
	return b, u
}

func publish(t *testing.T, b *Bus, msgID string, data []byte) bool {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	dup, err := b.Publish(ctx, testSubject, msgID, data)
	if err != nil {
		t.Fatalf("publish %s: %v", msgID, err)
	}
	return dup
}

// consumeAsync runs Consume in the background. The returned stop cancels it
// and returns Consume's result; it also runs at cleanup.
func consumeAsync(t *testing.T, b *Bus, cfg ConsumerConfig, h Handler) (stop func() error, done <-chan error) {
	t.Helper()
	return runAsync(t, "Consume", func(ctx context.Context) error { return b.Consume(ctx, cfg, h) })
}

// runAsync runs run (a consume loop called what) in the background until the
// returned stop cancels its context; stop returns run's result, or an error if
// it did not return within 15 s. stop also runs at cleanup.
func runAsync(t *testing.T, what string, run func(context.Context) error) (stop func() error, done <-chan error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ch := make(chan error, 1)
	go func() { ch <- run(ctx) }()
	var once sync.Once
	var res error
	stop = func() error {
		once.Do(func() {
			cancel()
			select {
			case res = <-ch:
			case <-time.After(15 * time.Second):
				res = fmt.Errorf("%s did not return within 15s of cancel", what)
			}
		})
		return res
	}
	t.Cleanup(func() { _ = stop() })
	return stop, ch
}

func waitFor(t *testing.T, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %s waiting for %s", timeout, what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// pending reads the test durable's backlog, retrying for up to 30 s while
// the server cannot answer (a just restarted JetStream recovers its
// streams first; a loaded machine can take seconds).
func pending(t *testing.T, b *Bus) (uint64, int) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		p, ap, err := b.ConsumerPending(ctx, testStream, testDurable)
		cancel()
		if err == nil {
			return p, ap
		}
		if time.Now().After(deadline) {
			t.Fatalf("consumer pending: %v", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func assertDrained(t *testing.T, b *Bus) {
	t.Helper()
	// Acks are synchronous, but give the server a moment to settle.
	waitFor(t, 15*time.Second, "consumer drained (pending=0, ackPending=0)", func() bool {
		p, ap := pending(t, b)
		return p == 0 && ap == 0
	})
}

// counter counts handler invocations per message id.
type counter struct {
	mu sync.Mutex
	m  map[string]int
}

func newCounter() *counter { return &counter{m: map[string]int{}} }

func (c *counter) inc(id string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[id]++
	return c.m[id]
}

func (c *counter) get(id string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.m[id]
}

func (c *counter) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.m)
}

func (c *counter) snapshot() map[string]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make(map[string]int, len(c.m))
	for k, v := range c.m {
		out[k] = v
	}
	return out
}

func TestPublishDeduplicatesByMsgID(t *testing.T) {
	b, _ := setup(t)

	if dup := publish(t, b, "close-0xabc-1", []byte("first")); dup {
		t.Fatal("first publish reported duplicate")
	}
	if dup := publish(t, b, "close-0xabc-1", []byte("second")); !dup {
		t.Fatal("republish with same msg id not reported as duplicate")
	}
	if dup := publish(t, b, "close-0xabc-2", []byte("other")); dup {
		t.Fatal("publish with a new msg id reported duplicate")
	}

	ctx := context.Background()
	s, err := b.JetStream().Stream(ctx, testStream)
	if err != nil {
		t.Fatal(err)
	}
	info, err := s.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if info.State.Msgs != 2 {
		t.Fatalf("stream holds %d messages, want 2", info.State.Msgs)
	}
	if info.Config.Duplicates != 24*time.Hour {
		t.Fatalf("duplicate window %s, want 24h", info.Config.Duplicates)
	}
	if info.Config.Storage.String() != "File" {
		t.Fatalf("storage %s, want file", info.Config.Storage)
	}
	raw, err := s.GetMsg(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if string(raw.Data) != "first" {
		t.Fatalf("stored payload %q, want the first publish", raw.Data)
	}

	if _, err := b.Publish(ctx, testSubject, "", []byte("x")); err == nil {
		t.Fatal("publish without msg id succeeded")
	}
}

func TestEnsureStreamValidatesAndUpdates(t *testing.T) {
	b, _ := setup(t)
	ctx := context.Background()
	if err := b.EnsureStream(ctx, StreamConfig{Subjects: []string{"x"}}); err == nil {
		t.Fatal("missing name accepted")
	}
	if err := b.EnsureStream(ctx, StreamConfig{Name: "S"}); err == nil {
		t.Fatal("missing subjects accepted")
	}
	if err := b.EnsureStream(ctx, StreamConfig{Name: "S", Subjects: []string{"s.>"}, MaxAge: time.Hour, DuplicateWindow: 2 * time.Hour}); err == nil {
		t.Fatal("duplicate window larger than max age accepted")
	}
	// Update: add a subject and a max age; the default window shrinks to MaxAge.
	if err := b.EnsureStream(ctx, StreamConfig{Name: testStream, Subjects: []string{"wt.>", "extra.>"}, MaxAge: time.Hour}); err != nil {
		t.Fatalf("update stream: %v", err)
	}
	s, err := b.JetStream().Stream(ctx, testStream)
	if err != nil {
		t.Fatal(err)
	}
	cfg := s.CachedInfo().Config
	if len(cfg.Subjects) != 2 || cfg.MaxAge != time.Hour || cfg.Duplicates != time.Hour {
		t.Fatalf("stream not updated: subjects=%v maxAge=%s dup=%s", cfg.Subjects, cfg.MaxAge, cfg.Duplicates)
	}
}

func TestConsumeAcksEachMessageExactlyOnce(t *testing.T) {
	b, _ := setup(t)
	const n = 100
	for i := range n {
		publish(t, b, fmt.Sprintf("m-%d", i), []byte(fmt.Sprintf("payload-%d", i)))
	}

	calls := newCounter()
	var bad atomic.Value
	h := func(_ context.Context, m Msg) error {
		calls.inc(m.MsgID)
		i, _ := strconv.Atoi(strings.TrimPrefix(m.MsgID, "m-"))
		if m.Subject != testSubject || string(m.Data) != fmt.Sprintf("payload-%d", i) ||
			m.Delivered != 1 || m.StreamSeq != uint64(i+1) {
			bad.Store(fmt.Sprintf("unexpected msg %+v", m))
		}
		return nil
	}
	// Short AckWait: a missing ack would show up as a redelivery below.
	stop, _ := consumeAsync(t, b, ConsumerConfig{Stream: testStream, Durable: testDurable, Workers: 4, AckWait: time.Second}, h)

	waitFor(t, 30*time.Second, "all messages handled", func() bool { return calls.len() == n })
	time.Sleep(1500 * time.Millisecond) // > AckWait
	if v := bad.Load(); v != nil {
		t.Fatal(v)
	}
	for id, c := range calls.snapshot() {
		if c != 1 {
			t.Errorf("%s handled %d times", id, c)
		}
	}
	assertDrained(t, b)
	if err := stop(); err != nil {
		t.Fatalf("Consume returned %v after cancel, want nil", err)
	}
}

func TestHandlerErrorRedeliversWithBackoff(t *testing.T) {
	b, _ := setup(t)
	publish(t, b, "flaky", []byte("x"))

	var mu sync.Mutex
	var delivered []uint64
	var at []time.Time
	h := func(_ context.Context, m Msg) error {
		mu.Lock()
		defer mu.Unlock()
		delivered = append(delivered, m.Delivered)
		at = append(at, time.Now())
		if m.Delivered < 3 {
			return errors.New("L1 RPC unavailable")
		}
		return nil
	}
	consumeAsync(t, b, ConsumerConfig{Stream: testStream, Durable: testDurable, RetryDelay: 100 * time.Millisecond}, h)

	waitFor(t, 10*time.Second, "third delivery", func() bool {
		mu.Lock()
		defer mu.Unlock()
		return len(delivered) >= 3
	})
	assertDrained(t, b)
	time.Sleep(300 * time.Millisecond)

	mu.Lock()
	defer mu.Unlock()
	if fmt.Sprint(delivered) != "[1 2 3]" {
		t.Fatalf("deliveries %v, want [1 2 3]", delivered)
	}
	// Nak delays are 100ms then 200ms (exponential in Delivered).
	if d := at[1].Sub(at[0]); d < 90*time.Millisecond {
		t.Errorf("first redelivery after %s, want >= 100ms", d)
	}
	if d := at[2].Sub(at[1]); d < 190*time.Millisecond {
		t.Errorf("second redelivery after %s, want >= 200ms", d)
	}
}

func TestTwoProcessesShareDurable(t *testing.T) {
	_, u := startServer(t)
	b1 := connect(t, u, nil)
	b2 := connect(t, u, nil)
	ensureStream(t, b1)

	const n = 500
	success := newCounter()
	attempts := newCounter()
	var perProc [2]atomic.Int64
	handler := func(proc int) Handler {
		return func(_ context.Context, m Msg) error {
			// Every 10th message fails on its first delivery, so some are
			// redelivered, possibly to the other process.
			if attempts.inc(m.MsgID) == 1 && strings.HasSuffix(m.MsgID, "0") {
				return errors.New("transient")
			}
			time.Sleep(200 * time.Microsecond)
			success.inc(m.MsgID)
			perProc[proc].Add(1)
			return nil
		}
	}
	cfg := ConsumerConfig{Stream: testStream, Durable: testDurable, Workers: 4, RetryDelay: 20 * time.Millisecond}
	stop1, done1 := consumeAsync(t, b1, cfg, handler(0))
	stop2, done2 := consumeAsync(t, b2, cfg, handler(1))
	// Both processes must be pulling before anything is published. The bound
	// is generous: CI runs every package at once under -race on two cores,
	// and 5 s was once not enough there.
	var waiting int
	var infoErr error
	waitFor(t, 30*time.Second, "both consumers pulling", func() bool {
		for i, done := range []<-chan error{done1, done2} {
			select {
			case err := <-done:
				t.Fatalf("process %d stopped consuming before anything was published: %v", i+1, err)
			default:
			}
		}
		c, err := b1.JetStream().Consumer(context.Background(), testStream, testDurable)
		if err != nil {
			infoErr = err
			return false
		}
		info, err := c.Info(context.Background())
		if err != nil {
			infoErr = err
			return false
		}
		waiting = info.NumWaiting
		return waiting >= 2
	})
	t.Logf("pull requests waiting before publishing: %d (last info error: %v)", waiting, infoErr)

	for i := range n {
		publish(t, b1, fmt.Sprintf("ev-%d", i), make([]byte, 200))
	}
	waitFor(t, 60*time.Second, "all messages handled", func() bool { return success.len() == n })
	assertDrained(t, b1)
	time.Sleep(300 * time.Millisecond)

	snap := success.snapshot()
	if len(snap) != n {
		t.Fatalf("%d distinct messages handled, want %d", len(snap), n)
	}
	for id, c := range snap {
		if c != 1 {
			t.Errorf("%s handled successfully %d times", id, c)
		}
	}
	p1, p2 := perProc[0].Load(), perProc[1].Load()
	if p1+p2 != n || p1 == 0 || p2 == 0 {
		t.Fatalf("split %d/%d, want both > 0 summing to %d", p1, p2, n)
	}
	t.Logf("process split: %d / %d", p1, p2)
	if err := stop1(); err != nil {
		t.Fatal(err)
	}
	if err := stop2(); err != nil {
		t.Fatal(err)
	}
}

func TestCancelLetsInFlightHandlerFinishAndAck(t *testing.T) {
	b, _ := setup(t)
	started := make(chan struct{})
	release := make(chan struct{})
	var calls atomic.Int32
	var handlerCtxErr atomic.Value
	h := func(ctx context.Context, m Msg) error {
		calls.Add(1)
		close(started)
		<-release
		time.Sleep(50 * time.Millisecond) // still running after cancel propagated
		handlerCtxErr.Store(fmt.Sprint(ctx.Err()))
		return nil
	}
	stop, done := consumeAsync(t, b, ConsumerConfig{Stream: testStream, Durable: testDurable}, h)
	publish(t, b, "verdict", []byte("x"))

	select {
	case <-started:
	case <-time.After(5 * time.Second):
		t.Fatal("handler not started")
	}
	stopped := make(chan error, 1)
	go func() { stopped <- stop() }()
	select {
	case err := <-done:
		t.Fatalf("Consume returned (%v) while a handler was in flight", err)
	case <-time.After(300 * time.Millisecond):
	}
	close(release)
	select {
	case err := <-stopped:
		if err != nil {
			t.Fatalf("Consume returned %v, want nil", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Consume did not return after the handler finished")
	}
	if got := handlerCtxErr.Load(); got != "<nil>" {
		t.Fatalf("handler context error = %v, want nil (not cancelled)", got)
	}
	// Acked before Consume returned: nothing pending or outstanding.
	if p, ap := pending(t, b); p != 0 || ap != 0 {
		t.Fatalf("pending=%d ackPending=%d after shutdown, want 0/0", p, ap)
	}
	if c := calls.Load(); c != 1 {
		t.Fatalf("handler called %d times", c)
	}
}

func TestRestartKeepsUnackedMessageForDurable(t *testing.T) {
	dir := t.TempDir()
	e1, err := StartEmbedded(EmbeddedOptions{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	u1, err := url.Parse(e1.ClientURL())
	if err != nil {
		t.Fatal(err)
	}
	port, _ := strconv.Atoi(u1.Port())
	restarted := false
	t.Cleanup(func() {
		if !restarted {
			e1.Shutdown()
		}
	})

	b := connect(t, e1.ClientURL(), nil)
	ensureStream(t, b)
	got := make(chan Msg, 10)
	h := func(_ context.Context, m Msg) error { got <- m; return nil }
	cfg := ConsumerConfig{Stream: testStream, Durable: testDurable}

	// Create the durable and ack m1.
	stop, _ := consumeAsync(t, b, cfg, h)
	publish(t, b, "m1", []byte("one"))
	select {
	case m := <-got:
		if m.MsgID != "m1" {
			t.Fatalf("got %s, want m1", m.MsgID)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("m1 not delivered")
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	// m2 is stored but never delivered/acked.
	publish(t, b, "m2", []byte("two"))
	if p, ap := pending(t, b); p != 1 || ap != 0 {
		t.Fatalf("before restart pending=%d ackPending=%d, want 1/0", p, ap)
	}

	e1.Shutdown()
	restarted = true
	e2, err := StartEmbedded(EmbeddedOptions{Dir: dir, Port: port})
	if err != nil {
		t.Fatalf("restart on port %d: %v", port, err)
	}
	t.Cleanup(e2.Shutdown)

	// The same Bus reconnects on its own.
	waitFor(t, 15*time.Second, "bus reconnect", b.Conn().IsConnected)
	if p, ap := pending(t, b); p != 1 || ap != 0 {
		t.Fatalf("after restart pending=%d ackPending=%d, want 1/0", p, ap)
	}
	// Dedup state survives too.
	if dup := publish(t, b, "m1", []byte("one")); !dup {
		t.Fatal("republished m1 not detected as duplicate after restart")
	}

	consumeAsync(t, b, cfg, h)
	select {
	case m := <-got:
		if m.MsgID != "m2" || string(m.Data) != "two" || m.StreamSeq != 2 {
			t.Fatalf("after restart got %+v, want m2 at seq 2", m)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("m2 not delivered after restart")
	}
	assertDrained(t, b)
	select {
	case m := <-got:
		t.Fatalf("unexpected extra delivery %s", m.MsgID)
	case <-time.After(200 * time.Millisecond):
	}
}

func TestPermanentErrorTerminatesAndCounts(t *testing.T) {
	core, logs := observer.New(zapcore.DebugLevel)
	_, u := startServer(t)
	b := connect(t, u, zap.New(core))
	ensureStream(t, b)

	calls := newCounter()
	h := func(_ context.Context, m Msg) error {
		calls.inc(m.MsgID)
		if m.MsgID == "poison" {
			return fmt.Errorf("decode event: %w", Permanent(errors.New("bad ABI")))
		}
		return nil
	}
	consumeAsync(t, b, ConsumerConfig{Stream: testStream, Durable: testDurable, AckWait: time.Second, RetryDelay: 10 * time.Millisecond}, h)
	publish(t, b, "poison", []byte("garbage"))
	publish(t, b, "good", []byte("ok"))

	waitFor(t, 20*time.Second, "good handled and poison terminated", func() bool {
		return calls.get("good") == 1 && b.Terminated() == 1
	})
	time.Sleep(1500 * time.Millisecond) // > AckWait: would expose a redelivery
	if c := calls.get("poison"); c != 1 {
		t.Fatalf("poison handled %d times, want 1", c)
	}
	if n := b.Terminated(); n != 1 {
		t.Fatalf("Terminated() = %d, want 1", n)
	}
	assertDrained(t, b)

	entries := logs.FilterLevelExact(zapcore.ErrorLevel).FilterMessageSnippet("terminated").All()
	if len(entries) != 1 {
		t.Fatalf("%d error logs about termination, want 1", len(entries))
	}
	f := entries[0].ContextMap()
	if f["subject"] != testSubject || f["msg_id"] != "poison" || !strings.Contains(fmt.Sprint(f["error"]), "bad ABI") {
		t.Fatalf("termination log fields %v", f)
	}
}

func TestMaxDeliverExhaustedTerminates(t *testing.T) {
	b, _ := setup(t)
	var calls atomic.Int32
	h := func(context.Context, Msg) error { calls.Add(1); return errors.New("always fails") }
	consumeAsync(t, b, ConsumerConfig{Stream: testStream, Durable: testDurable, MaxDeliver: 2, RetryDelay: 10 * time.Millisecond}, h)
	publish(t, b, "doomed", nil)

	waitFor(t, 20*time.Second, "terminated", func() bool { return b.Terminated() == 1 })
	assertDrained(t, b)
	time.Sleep(200 * time.Millisecond)
	if c := calls.Load(); c != 2 {
		t.Fatalf("handler called %d times, want MaxDeliver=2", c)
	}
}

func TestHandlerPanicIsRecoveredAndRetried(t *testing.T) {
	core, logs := observer.New(zapcore.DebugLevel)
	_, u := startServer(t)
	b := connect(t, u, zap.New(core))
	ensureStream(t, b)

	okAt := make(chan uint64, 1)
	h := func(_ context.Context, m Msg) error {
		if m.Delivered == 1 {
			panic("nil receipt")
		}
		okAt <- m.Delivered
		return nil
	}
	stop, _ := consumeAsync(t, b, ConsumerConfig{Stream: testStream, Durable: testDurable, RetryDelay: 10 * time.Millisecond}, h)
	publish(t, b, "boom", nil)

	select {
	case d := <-okAt:
		if d != 2 {
			t.Fatalf("succeeded on delivery %d, want 2", d)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("message not redelivered after panic")
	}
	assertDrained(t, b)
	if n := logs.FilterMessage("handler panicked").Len(); n != 1 {
		t.Fatalf("%d panic logs, want 1", n)
	}
	if b.Terminated() != 0 {
		t.Fatal("a panic must not terminate the message")
	}
	if err := stop(); err != nil {
		t.Fatalf("Consume returned %v after a recovered panic", err)
	}
}

func TestSlowHandlerIsKeptInProgress(t *testing.T) {
	b, _ := setup(t)
	var calls atomic.Int32
	finished := make(chan struct{})
	const ackWait = 2 * time.Second
	h := func(context.Context, Msg) error {
		if calls.Add(1) == 1 {
			time.Sleep(5 * time.Second) // 2.5x AckWait: the handler's own work, not a wait of the test
			close(finished)
		}
		return nil
	}
	// Two workers: a redelivery would be picked up while the first runs.
	consumeAsync(t, b, ConsumerConfig{Stream: testStream, Durable: testDurable, AckWait: ackWait, Workers: 2}, h)
	publish(t, b, "slow", nil)

	select {
	case <-finished:
	case <-time.After(60 * time.Second):
		t.Fatal("slow handler did not finish")
	}
	assertDrained(t, b)
	// A redelivery would come at most AckWait after the last in-progress ack.
	time.Sleep(ackWait + 500*time.Millisecond)
	if c := calls.Load(); c != 1 {
		t.Fatalf("slow handler ran %d times, want 1 (no redelivery)", c)
	}
}

func TestConsumeValidatesConfig(t *testing.T) {
	b, _ := setup(t)
	ctx := context.Background()
	nop := func(context.Context, Msg) error { return nil }
	if err := b.Consume(ctx, ConsumerConfig{Stream: testStream}, nop); err == nil {
		t.Fatal("missing durable accepted")
	}
	if err := b.Consume(ctx, ConsumerConfig{Stream: testStream, Durable: testDurable}, nil); err == nil {
		t.Fatal("nil handler accepted")
	}
	if err := b.Consume(ctx, ConsumerConfig{Stream: "NOPE", Durable: testDurable}, nop); err == nil {
		t.Fatal("consume on missing stream succeeded")
	}
	if _, _, err := b.ConsumerPending(ctx, testStream, "missing"); err == nil {
		t.Fatal("pending of a missing consumer succeeded")
	}
}

func TestConsumeReturnsErrorWhenConnectionCloses(t *testing.T) {
	_, u := startServer(t)
	b, err := Connect(context.Background(), u, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ensureStream(t, b)
	done := make(chan error, 1)
	go func() {
		done <- b.Consume(context.Background(), ConsumerConfig{Stream: testStream, Durable: testDurable},
			func(context.Context, Msg) error { return nil })
	}()
	waitFor(t, 20*time.Second, "consumer created", func() bool {
		_, err := b.JetStream().Consumer(context.Background(), testStream, testDurable)
		return err == nil
	})
	b.Close()
	select {
	case err := <-done:
		if err == nil {
			t.Fatal("Consume returned nil after its connection closed")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Consume did not return after the connection closed")
	}
}

func TestConnectErrors(t *testing.T) {
	_, err := Connect(context.Background(), "nats://alice:s3cret@127.0.0.1:1", Options{})
	if err == nil {
		t.Fatal("connect to a closed port succeeded")
	}
	if !strings.Contains(err.Error(), "127.0.0.1:1") || strings.Contains(err.Error(), "s3cret") {
		t.Fatalf("error should name the URL without credentials: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Connect(ctx, "nats://127.0.0.1:1", Options{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled connect returned %v", err)
	}
}

func TestStartEmbeddedErrors(t *testing.T) {
	if _, err := StartEmbedded(EmbeddedOptions{}); err == nil {
		t.Fatal("empty Dir accepted")
	}
	// A regular file where the store directory should be.
	f := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(f, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if e, err := StartEmbedded(EmbeddedOptions{Dir: f}); err == nil {
		e.Shutdown()
		t.Fatal("store dir that is a file accepted")
	} else {
		t.Logf("expected error: %v", err)
	}
}

func TestPermanent(t *testing.T) {
	base := errors.New("bad")
	if Permanent(nil) != nil {
		t.Fatal("Permanent(nil) != nil")
	}
	p := Permanent(base)
	if !IsPermanent(p) || !IsPermanent(fmt.Errorf("wrap: %w", p)) {
		t.Fatal("IsPermanent missed a permanent error")
	}
	if IsPermanent(base) || IsPermanent(nil) {
		t.Fatal("IsPermanent true for a plain error")
	}
	if !errors.Is(p, base) || p.Error() != "bad" {
		t.Fatal("Permanent must wrap transparently")
	}
}

func TestRetryDelay(t *testing.T) {
	base := 500 * time.Millisecond
	for _, tc := range []struct {
		delivered uint64
		want      time.Duration
	}{{0, base}, {1, base}, {2, time.Second}, {3, 2 * time.Second}, {7, 30 * time.Second}, {1 << 40, 30 * time.Second}} {
		if got := retryDelay(base, tc.delivered); got != tc.want {
			t.Errorf("retryDelay(%s, %d) = %s, want %s", base, tc.delivered, got, tc.want)
		}
	}
}

func TestEmbeddedForwardsServerLogsToZap(t *testing.T) {
	core, logs := observer.New(zapcore.DebugLevel)
	e, err := StartEmbedded(EmbeddedOptions{Dir: t.TempDir(), Logger: zap.New(core)})
	if err != nil {
		t.Fatal(err)
	}
	e.Shutdown()
	if logs.FilterMessageSnippet("Starting nats-server").FilterLevelExact(zapcore.DebugLevel).Len() == 0 {
		t.Fatalf("server start-up notice not forwarded at debug; got %d entries", logs.Len())
	}
	if logs.FilterLoggerName("nats-server").Len() != logs.Len() {
		t.Fatal("server logs not under the nats-server logger name")
	}
}

// A stream the server refuses (three replicas on a single server) fails at
// once; only a JetStream that is not ready yet is waited for.
func TestEnsureStreamRefusalIsNotRetried(t *testing.T) {
	_, url := startServer(t)
	b, err := Connect(context.Background(), url, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	err = b.EnsureStream(ctx, StreamConfig{Name: "R3", Subjects: []string{"r3.>"}, Replicas: 3})
	if err == nil || ctx.Err() != nil || strings.Contains(err.Error(), "did not accept it within") {
		t.Fatalf("three replicas on one server: %v (ctx %v), want an immediate refusal", err, ctx.Err())
	}
}
