package challenge

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/core/types"
	"go.uber.org/zap"
	"go.uber.org/zap/zaptest"

	"github.com/watchtower-l2/watchtower/alerts"
	"github.com/watchtower-l2/watchtower/deployments/contracts/bindings"
	"github.com/watchtower-l2/watchtower/internal/testutil/chantest"
	"github.com/watchtower-l2/watchtower/internal/testutil/redistest"
	"github.com/watchtower-l2/watchtower/proofs/channelstate"
	"github.com/watchtower-l2/watchtower/watcher/l2"
	"github.com/watchtower-l2/watchtower/watcher/l2/channel"
	"github.com/watchtower-l2/watchtower/watcher/store"
	"github.com/watchtower-l2/watchtower/watcher/store/redisstore"
	"github.com/watchtower-l2/watchtower/watcher/txmgr"
)

type fixture struct {
	chain *chantest.Chain
	st    store.Store
	kind  *channel.Kind
	kinds l2.Registry
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	c := chantest.New(t, 4)
	st, err := redisstore.Open(context.Background(), redistest.Start(t), "wt:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	kind := c.Plugin(st, NewQueue(st, c.Net.ChainID.Uint64(), "test"), zap.NewNop())
	kinds, err := l2.NewRegistry(kind)
	if err != nil {
		t.Fatal(err)
	}
	return &fixture{chain: c, st: st, kind: kind, kinds: kinds}
}

// verdictOf runs the plug-in on the close log of r, as the verify role would.
func (f *fixture) verdictOf(t *testing.T, r *types.Receipt) l2.Verdict {
	t.Helper()
	return f.chain.Verdict(f.kind, r, channel.EventClosed)
}

func (f *fixture) runner(t *testing.T, owner string, signer int, sink alerts.Sink) (*Runner, *Queue) {
	t.Helper()
	ctx := context.Background()
	log := zaptest.NewLogger(t, zaptest.Level(zap.WarnLevel)).Named(owner)
	m, err := txmgr.New(ctx, f.chain.Net.Client, f.chain.TowerKey(signer), txmgr.Config{ReceiptPollInterval: 20 * time.Millisecond}, log)
	if err != nil {
		t.Fatal(err)
	}
	q := NewQueue(f.st, f.chain.Net.ChainID.Uint64(), owner)
	return NewRunner(q, m, f.chain.Net.Client, f.kinds, sink, f.chain.Net.ChainID.Uint64(),
		Config{Poll: 20 * time.Millisecond, LeaseTTL: time.Second, RetryDelay: 50 * time.Millisecond}, log), q
}

func run(t *testing.T, r *Runner) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- r.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
	})
}

func waitJob(t *testing.T, q *Queue, id string, want Status) Job {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		j, err := q.Get(context.Background(), id)
		if err == nil && j.Status == want {
			return j
		}
		if time.Now().After(deadline) {
			t.Fatalf("job %s: status %q (%v), want %q", id, j.Status, err, want)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// A process recorded a signed challenge and died before broadcasting it,
// still holding the lease. When the lease expires a second process (with
// another key) broadcasts exactly the recorded transaction: one challenge.
func TestCrashAfterSigningIsResumed(t *testing.T) {
	f := newFixture(t)
	c := f.chain
	ch := c.Open(60, 3)
	ctx := context.Background()
	if _, err := f.kind.Delegate(ctx, ch.Latest()); err != nil {
		t.Fatal(err)
	}
	v := f.verdictOf(t, c.Close(ch, ch.States[0]))
	if v.Outcome != l2.Fraud || v.Challenge == nil {
		t.Fatalf("verdict %+v, want fraud", v)
	}
	c.Net.AutoMine(30 * time.Millisecond)

	// The process that dies: it queues, signs and records, then vanishes.
	dead := NewQueue(f.st, c.Net.ChainID.Uint64(), "dead")
	if err := dead.Enqueue(ctx, *v.Challenge); err != nil {
		t.Fatal(err)
	}
	m, err := txmgr.New(ctx, c.Net.Client, c.TowerKey(0), txmgr.Config{}, zap.NewNop())
	if err != nil {
		t.Fatal(err)
	}
	tx, err := m.Prepare(ctx, txmgr.Candidate{To: v.Challenge.To, Data: v.Challenge.Data})
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := tx.MarshalBinary()
	j, err := dead.Get(ctx, v.Challenge.DisputeID)
	if err != nil {
		t.Fatal(err)
	}
	j.Status, j.TxHash, j.RawTx, j.Attempts = Sending, tx.Hash(), raw, 1
	if err := dead.put(ctx, j); err != nil {
		t.Fatal(err)
	}
	if ok, err := f.st.AcquireLease(ctx, leaseKey(j.DisputeID), "dead", time.Second); err != nil || !ok {
		t.Fatalf("dead process lease: %v %v", ok, err)
	}

	r, q := f.runner(t, "survivor", 1, &alerts.Recorder{})
	run(t, r)
	got := waitJob(t, q, j.DisputeID, Mined)
	if got.TxHash != tx.Hash() {
		t.Fatalf("mined %s, want the recorded %s", got.TxHash.Hex(), tx.Hash().Hex())
	}
	evs := c.Challenges(ch)
	if len(evs) != 1 || evs[0].Raw.TxHash != tx.Hash() {
		t.Fatalf("%d challenges on chain; want exactly the recorded tx", len(evs))
	}
}

// Two runners race for the same queue: the lease lets exactly one send.
func TestOneChallengePerDisputeAcrossProcesses(t *testing.T) {
	f := newFixture(t)
	c := f.chain
	ch := c.Open(60, 4)
	ctx := context.Background()
	if _, err := f.kind.Delegate(ctx, ch.Latest()); err != nil {
		t.Fatal(err)
	}
	v := f.verdictOf(t, c.Close(ch, ch.States[1]))
	c.Net.AutoMine(30 * time.Millisecond)
	r1, q1 := f.runner(t, "p1", 0, &alerts.Recorder{})
	r2, _ := f.runner(t, "p2", 1, &alerts.Recorder{})
	// Enqueue twice (a redelivered event), then start both at once.
	for i := 0; i < 2; i++ {
		if err := q1.Enqueue(ctx, *v.Challenge); err != nil {
			t.Fatal(err)
		}
	}
	run(t, r1)
	run(t, r2)
	waitJob(t, q1, v.Challenge.DisputeID, Mined)
	// Give a duplicate time to show up before the deadline.
	end := c.OnChain(ch).Deadline
	for c.Head() <= end {
		time.Sleep(30 * time.Millisecond)
	}
	if n := len(c.Challenges(ch)); n != 1 {
		t.Fatalf("%d challenges on chain, want 1", n)
	}
}

// A dispute already answered on chain (by the user or another tower) is
// closed as obsolete without sending anything.
func TestAnsweredDisputeIsObsolete(t *testing.T) {
	f := newFixture(t)
	c := f.chain
	ch := c.Open(60, 3)
	ctx := context.Background()
	if _, err := f.kind.Delegate(ctx, ch.States[1]); err != nil {
		t.Fatal(err)
	}
	v := f.verdictOf(t, c.Close(ch, ch.States[0]))
	// Party B answers with the newest state itself.
	s := ch.Latest()
	tx, err := c.Adj.Challenge(c.Net.Transactor(ctx, ch.B), bindingsState(s), s.SigA, s.SigB)
	if err != nil {
		t.Fatal(err)
	}
	c.Net.Mine()
	c.Receipt(tx)
	c.Net.AutoMine(30 * time.Millisecond)
	rec := &alerts.Recorder{}
	r, q := f.runner(t, "p1", 0, rec)
	if err := q.Enqueue(ctx, *v.Challenge); err != nil {
		t.Fatal(err)
	}
	run(t, r)
	j := waitJob(t, q, v.Challenge.DisputeID, Obsolete)
	if j.TxHash != ([32]byte{}) {
		t.Fatalf("obsolete job has a tx %s", j.TxHash.Hex())
	}
	if n := len(c.Challenges(ch)); n != 1 {
		t.Fatalf("%d challenges on chain, want only B's", n)
	}
	// The alert follows the recorded status: give it a moment.
	for deadline := time.Now().Add(30 * time.Second); len(rec.Alerts()) == 0 && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	b, _ := json.Marshal(rec.Alerts())
	if len(rec.Alerts()) != 1 || rec.Alerts()[0].State != alerts.StateResolved {
		t.Fatalf("alerts %s, want one resolved", b)
	}
}

func bindingsState(s channelstate.Signed) bindings.ChannelAdjudicatorState {
	return bindings.ChannelAdjudicatorState{ChannelId: s.ChannelID, Nonce: s.Nonce, BalanceA: s.BalanceA, BalanceB: s.BalanceB}
}

// A dispute is declared missed only when the contract refuses the challenge,
// never from the recorded deadline alone: a job whose recorded deadline is
// wrong (as a forged event would make it) is still sent and mined, a job
// past the real deadline ends missed, and proving a missed dispute again
// reopens it.
func TestMissedOnlyWhenTheContractRefuses(t *testing.T) {
	f := newFixture(t)
	c := f.chain
	ctx := context.Background()
	wrong, late := c.Open(600, 3), c.Open(3, 3) // wrong: 18 s of 30 ms blocks to answer
	for _, ch := range []*chantest.Channel{wrong, late} {
		if _, err := f.kind.Delegate(ctx, ch.Latest()); err != nil {
			t.Fatal(err)
		}
	}
	vw := f.verdictOf(t, c.Close(wrong, wrong.States[0]))
	vl := f.verdictOf(t, c.Close(late, late.States[0]))
	for c.Head() <= c.OnChain(late).Deadline {
		c.Net.Mine()
	}
	rec := &alerts.Recorder{}
	r, q := f.runner(t, "p1", 0, rec)

	// Proving a missed dispute again reopens it.
	if err := q.Enqueue(ctx, *vl.Challenge); err != nil {
		t.Fatal(err)
	}
	j, err := q.Get(ctx, vl.Challenge.DisputeID)
	if err != nil {
		t.Fatal(err)
	}
	j.Status = Missed
	if err := q.put(ctx, j); err != nil {
		t.Fatal(err)
	}
	if err := q.Enqueue(ctx, *vl.Challenge); err != nil {
		t.Fatal(err)
	}
	if j, err = q.Get(ctx, vl.Challenge.DisputeID); err != nil || j.Status != Pending {
		t.Fatalf("missed job enqueued again: %+v %v, want pending", j, err)
	}

	bogus := *vw.Challenge
	bogus.DeadlineBlock = 1 // what a payload claimed; the contract says otherwise
	if err := q.Enqueue(ctx, bogus); err != nil {
		t.Fatal(err)
	}
	c.Net.AutoMine(30 * time.Millisecond)
	run(t, r)
	waitJob(t, q, bogus.DisputeID, Mined)
	if n := len(c.Challenges(wrong)); n != 1 {
		t.Fatalf("%d challenges of the channel with a wrong recorded deadline, want 1", n)
	}
	j = waitJob(t, q, vl.Challenge.DisputeID, Missed)
	if !strings.Contains(j.Reason, "DisputeWindowOver") {
		t.Fatalf("missed for %q, want the contract's refusal", j.Reason)
	}
	if n := len(c.Challenges(late)); n != 0 {
		t.Fatalf("%d challenges past the deadline", n)
	}
}

// A job this process opens wakes its runner: with a scan interval far
// beyond the test's deadline, the challenge is still sent and mined.
func TestEnqueueWakesTheRunner(t *testing.T) {
	f := newFixture(t)
	c := f.chain
	ch := c.Open(60, 3)
	ctx := context.Background()
	if _, err := f.kind.Delegate(ctx, ch.Latest()); err != nil {
		t.Fatal(err)
	}
	v := f.verdictOf(t, c.Close(ch, ch.States[0]))
	if v.Challenge == nil {
		t.Fatalf("verdict %+v, want fraud", v)
	}
	c.Net.AutoMine(30 * time.Millisecond)
	log := zaptest.NewLogger(t, zaptest.Level(zap.WarnLevel))
	m, err := txmgr.New(ctx, c.Net.Client, c.TowerKey(0), txmgr.Config{ReceiptPollInterval: 20 * time.Millisecond}, log)
	if err != nil {
		t.Fatal(err)
	}
	q := NewQueue(f.st, c.Net.ChainID.Uint64(), "woken")
	r := NewRunner(q, m, c.Net.Client, f.kinds, &alerts.Recorder{}, c.Net.ChainID.Uint64(),
		Config{Poll: time.Hour, LeaseTTL: time.Second, RetryDelay: 50 * time.Millisecond}, log)
	run(t, r)
	// The runner's first scan happens at start; wait until it is idle on
	// an empty queue before opening the job.
	waitUntil(t, "the first scan", func() bool { return r.scans.Load() >= 1 })
	if err := q.Enqueue(ctx, *v.Challenge); err != nil {
		t.Fatal(err)
	}
	waitJob(t, q, v.Challenge.DisputeID, Mined)
}

// waitUntil polls cond with a generous deadline.
func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
