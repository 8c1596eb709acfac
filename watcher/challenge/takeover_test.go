package challenge

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/core/types"
	"go.uber.org/zap"
	"go.uber.org/zap/zaptest"

	"github.com/watchtower-l2/watchtower/alerts"
	"github.com/watchtower-l2/watchtower/internal/testutil/chantest"
	"github.com/watchtower-l2/watchtower/watcher/l2"
	"github.com/watchtower-l2/watchtower/watcher/store"
	"github.com/watchtower-l2/watchtower/watcher/txmgr"
)

// sendLog is a Sender (a real txmgr.Manager) that records the transactions
// it broadcast, and can hold Prepare after signing until released, as if the
// process froze between signing and recording.
type sendLog struct {
	Sender
	mu       sync.Mutex
	sent     []sent
	prepares int

	hold     bool          // hold Prepare after signing
	prepared chan struct{} // closed when a Prepare is held
	release  chan struct{} // closing it lets the held Prepare return
	once     sync.Once
}

type sent struct {
	tx *types.Transaction
	at time.Time
}

func newSendLog(s Sender, hold bool) *sendLog {
	return &sendLog{Sender: s, hold: hold, prepared: make(chan struct{}), release: make(chan struct{})}
}

func (s *sendLog) Prepare(ctx context.Context, c txmgr.Candidate) (*types.Transaction, error) {
	s.mu.Lock()
	s.prepares++
	s.mu.Unlock()
	tx, err := s.Sender.Prepare(ctx, c)
	if err != nil || !s.hold {
		return tx, err
	}
	s.once.Do(func() { close(s.prepared) })
	<-s.release // frozen: ctx is not looked at, as a paused process would not
	return tx, nil
}

func (s *sendLog) Broadcast(ctx context.Context, tx *types.Transaction) error {
	err := s.Sender.Broadcast(ctx, tx)
	if err == nil {
		s.mu.Lock()
		s.sent = append(s.sent, sent{tx: tx, at: time.Now()})
		s.mu.Unlock()
	}
	return err
}

func (s *sendLog) Prepares() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.prepares
}

func (s *sendLog) Sent() []sent {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]sent(nil), s.sent...)
}

// freezable is a real store seen through one process whose lease renewals
// can be frozen: after freeze, every AcquireLeaseToken blocks, ignoring its
// context as a stopped process would, until thaw. Other calls go through,
// so a process that wakes up reaches the store with its pending write
// before its heartbeat runs again. It records the last lease renewal that
// succeeded before the freeze and the fenced writes the store refused.
type freezable struct {
	store.Store
	mu          sync.Mutex
	frozen      chan struct{} // nil: running
	lastRenewal time.Time
	refused     int
}

func (f *freezable) wait() {
	f.mu.Lock()
	ch := f.frozen
	f.mu.Unlock()
	if ch != nil {
		<-ch
	}
}

// freeze blocks every later AcquireLeaseToken until the returned thaw is called.
func (f *freezable) freeze() (thaw func()) {
	ch := make(chan struct{})
	f.mu.Lock()
	f.frozen = ch
	f.mu.Unlock()
	var once sync.Once
	return func() {
		once.Do(func() {
			f.mu.Lock()
			f.frozen = nil
			f.mu.Unlock()
			close(ch)
		})
	}
}

func (f *freezable) AcquireLeaseToken(ctx context.Context, key, owner string, ttl time.Duration) (uint64, bool, error) {
	f.wait()
	tok, ok, err := f.Store.AcquireLeaseToken(ctx, key, owner, ttl)
	if err == nil && ok {
		f.mu.Lock()
		if f.frozen == nil {
			f.lastRenewal = time.Now()
		}
		f.mu.Unlock()
	}
	return tok, ok, err
}

func (f *freezable) PutFenced(ctx context.Context, key string, value []byte, leaseKey, owner string, token uint64) (bool, error) {
	ok, err := f.Store.PutFenced(ctx, key, value, leaseKey, owner, token)
	if err == nil && !ok {
		f.mu.Lock()
		f.refused++
		f.mu.Unlock()
	}
	return ok, err
}

func (f *freezable) Refused() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.refused
}

func (f *freezable) LastRenewal() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.lastRenewal
}

// process is one watcher process of a takeover test: its view of the store,
// its sender and its runner.
func (f *fixture) process(t *testing.T, owner string, signer int, st store.Store, hold bool, ttl time.Duration) (*Runner, *Queue, *sendLog) {
	t.Helper()
	ctx := context.Background()
	log := zaptest.NewLogger(t, zaptest.Level(zap.WarnLevel)).Named(owner)
	m, err := txmgr.New(ctx, f.chain.Net.Client, f.chain.TowerKey(signer), txmgr.Config{ReceiptPollInterval: 20 * time.Millisecond}, log)
	if err != nil {
		t.Fatal(err)
	}
	s := newSendLog(m, hold)
	q := NewQueue(st, f.chain.Net.ChainID.Uint64(), owner)
	r := NewRunner(q, s, f.chain.Net.Client, f.kinds, &alerts.Recorder{}, f.chain.Net.ChainID.Uint64(),
		Config{Poll: 20 * time.Millisecond, LeaseTTL: ttl, RetryDelay: 50 * time.Millisecond}, log)
	return r, q, s
}

func closeOnce(ch chan struct{}) {
	select {
	case <-ch:
	default:
		close(ch)
	}
}

// fraudChallenge opens a channel, closes it on an old state and returns the
// channel and the challenge the verify role would queue.
func (f *fixture) fraudChallenge(t *testing.T) (*chantest.Channel, l2.Challenge) {
	t.Helper()
	c := f.chain
	ch := c.Open(600, 3)
	if _, err := f.kind.Delegate(context.Background(), ch.Latest()); err != nil {
		t.Fatal(err)
	}
	v := f.verdictOf(t, c.Close(ch, ch.States[0]))
	if v.Outcome != l2.Fraud || v.Challenge == nil {
		t.Fatalf("verdict %+v, want fraud", v)
	}
	return ch, *v.Challenge
}

// A process signs a challenge and freezes (a long GC pause, a stopped VM)
// before recording it, its lease renewals frozen with it. Its lease expires,
// a second process takes the job over and sends its own challenge. When the
// first wakes up its fenced write of the signed transaction is refused and
// it broadcasts nothing: exactly one transaction reaches the chain.
func TestPausedHolderIsFencedOff(t *testing.T) {
	f := newFixture(t)
	c := f.chain
	ch, chal := f.fraudChallenge(t)
	c.Net.AutoMine(30 * time.Millisecond)

	st1 := &freezable{Store: f.st}
	r1, q1, s1 := f.process(t, "paused", 0, st1, true, time.Second)
	if err := q1.Enqueue(context.Background(), chal); err != nil {
		t.Fatal(err)
	}
	run(t, r1)
	<-s1.prepared // signed, not recorded: from now on the process is frozen
	thaw := st1.freeze()
	t.Cleanup(func() { closeOnce(s1.release); thaw() }) // before run's cleanup

	r2, q2, s2 := f.process(t, "successor", 1, f.st, false, time.Second)
	run(t, r2)
	j := waitJob(t, q2, chal.DisputeID, Mined)

	// The paused process wakes up: it records the signed transaction
	// before broadcasting it, and the store refuses the write.
	close(s1.release)
	waitUntil(t, "the paused holder's fenced write to be refused", func() bool { return st1.Refused() >= 1 })
	thaw()
	waitUntil(t, "the paused holder to drop the job", func() bool { return r1.InFlight() == 0 })

	if n := len(s1.Sent()); n != 0 {
		t.Fatalf("the paused holder broadcast %d transaction(s) after losing its lease", n)
	}
	if got := s2.Sent(); len(got) != 1 || got[0].tx.Hash() != j.TxHash {
		t.Fatalf("successor broadcast %d transaction(s), want exactly the mined %s", len(got), j.TxHash.Hex())
	}
	if got, err := q1.Get(context.Background(), chal.DisputeID); err != nil || got.Status != Mined || got.TxHash != j.TxHash {
		t.Fatalf("job after the paused holder woke: %+v %v, want mined %s", got, err, j.TxHash.Hex())
	}
	if evs := c.Challenges(ch); len(evs) != 1 || evs[0].Raw.TxHash != j.TxHash {
		t.Fatalf("%d challenges on chain, want exactly the successor's", len(evs))
	}
}

// A process holding a job dies mid-work (it stops renewing its lease and
// never releases it). Another process takes the job over once the lease
// expires and sends the challenge. With the default lease TTL the takeover
// is logged (dead holder's last renewal to the successor's broadcast) as an
// indication; the test asserts only that it happens.
func TestTakeoverAfterHolderDies(t *testing.T) {
	f := newFixture(t)
	c := f.chain
	ch, chal := f.fraudChallenge(t)
	c.Net.AutoMine(30 * time.Millisecond)

	st1 := &freezable{Store: f.st}
	r1, q1, s1 := f.process(t, "dead", 0, st1, true, 0) // 0: the default TTL
	if err := q1.Enqueue(context.Background(), chal); err != nil {
		t.Fatal(err)
	}
	run(t, r1)
	<-s1.prepared
	thaw := st1.freeze() // killed: no more renewals, no release
	t.Cleanup(func() { closeOnce(s1.release); thaw() })
	if r1.InFlight() != 1 {
		t.Fatalf("dead process works on %d jobs, want 1", r1.InFlight())
	}

	r2, q2, s2 := f.process(t, "survivor", 1, f.st, false, 0)
	run(t, r2)
	j := waitJob(t, q2, chal.DisputeID, Mined)
	got := s2.Sent()
	if len(got) != 1 || got[0].tx.Hash() != j.TxHash {
		t.Fatalf("survivor broadcast %d transaction(s), want exactly the mined %s", len(got), j.TxHash.Hex())
	}
	if evs := c.Challenges(ch); len(evs) != 1 {
		t.Fatalf("%d challenges on chain, want 1", len(evs))
	}
	t.Logf("takeover with the default %s lease: %s from the dead holder's last renewal to the survivor's broadcast",
		r2.cfg.LeaseTTL, got[0].at.Sub(st1.LastRenewal()).Round(time.Millisecond))
}

// lossyRenewals is a real store behind a network that loses every other
// lease renewal: the call hangs until its context ends, as a round trip
// whose reply never comes.
type lossyRenewals struct {
	store.Store
	mu    sync.Mutex
	calls int
	lost  int
}

func (l *lossyRenewals) AcquireLeaseToken(ctx context.Context, key, owner string, ttl time.Duration) (uint64, bool, error) {
	l.mu.Lock()
	l.calls++
	drop := l.calls > 1 && l.calls%2 == 0 // the first call takes the lease
	l.mu.Unlock()
	if drop {
		<-ctx.Done()
		l.mu.Lock()
		l.lost++
		l.mu.Unlock()
		return 0, false, ctx.Err()
	}
	return l.Store.AcquireLeaseToken(ctx, key, owner, ttl)
}

func (l *lossyRenewals) Lost() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.lost
}

// A holder whose renewals are slow or lost now and then keeps its lease: each
// renewal has its own timeout, shorter than the renewal interval, so a hung
// round trip does not stop the next one. The job is prepared once and sent
// once, by the one holder.
func TestHeartbeatSurvivesLostRenewals(t *testing.T) {
	f := newFixture(t)
	c := f.chain
	ch, chal := f.fraudChallenge(t)
	c.Net.AutoMine(30 * time.Millisecond)

	st := &lossyRenewals{Store: f.st}
	// 9s: renewals every 3s, each given 2.25s; with every other one lost, the
	// lease is renewed every 6s, 3s before it would expire (a margin a loaded
	// CI machine's scheduler does not eat).
	r, q, s := f.process(t, "steady", 0, st, true, 9*time.Second)
	if err := q.Enqueue(context.Background(), chal); err != nil {
		t.Fatal(err)
	}
	run(t, r)
	t.Cleanup(func() { closeOnce(s.release) })
	<-s.prepared
	waitUntil(t, "two renewals to be lost", func() bool { return st.Lost() >= 2 })
	close(s.release)
	j := waitJob(t, q, chal.DisputeID, Mined)
	if n := s.Prepares(); n != 1 {
		t.Fatalf("the job was prepared %d times, want once (the lease was never lost)", n)
	}
	if got := s.Sent(); len(got) != 1 || got[0].tx.Hash() != j.TxHash {
		t.Fatalf("%d transaction(s) broadcast, want exactly the mined %s", len(got), j.TxHash.Hex())
	}
	if evs := c.Challenges(ch); len(evs) != 1 {
		t.Fatalf("%d challenges on chain, want 1", len(evs))
	}
}
