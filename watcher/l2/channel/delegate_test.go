package channel_test

import (
	"context"
	"errors"
	"math/big"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/internal/testutil/chantest"
	"github.com/watchtower-l2/watchtower/proofs/channelstate"
	"github.com/watchtower-l2/watchtower/watcher/challenge"
	"github.com/watchtower-l2/watchtower/watcher/l2"
	"github.com/watchtower-l2/watchtower/watcher/l2/channel"
	"github.com/watchtower-l2/watchtower/watcher/store"
	"github.com/watchtower-l2/watchtower/watcher/store/pebblestore"
)

type fixture struct {
	chain *chantest.Chain
	st    store.Store
	queue *challenge.Queue
	kind  *channel.Kind
}

func newFixture(t *testing.T, parties int) *fixture {
	t.Helper()
	c := chantest.New(t, parties)
	st, err := pebblestore.Open(t.TempDir(), zap.NewNop())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	q := challenge.NewQueue(st, c.Net.ChainID.Uint64(), "test")
	return &fixture{chain: c, st: st, queue: q, kind: c.Plugin(st, q, zap.NewNop())}
}

// verify runs the plug-in on the close log of r, as the verify role would.
func (f *fixture) verify(t *testing.T, r *types.Receipt) l2.Verdict {
	t.Helper()
	return f.chain.Verdict(f.kind, r, channel.EventClosed)
}

// The tower reads an open channel's parties and deposits from L1 once. A close
// the verify role has judged makes the next delegation read L1 afresh and
// queue the challenge itself.
func TestDelegationAfterJudgedCloseIsChallenged(t *testing.T) {
	f := newFixture(t, 2)
	ctx := context.Background()
	ch := f.chain.Open(40, 4)
	if _, err := f.kind.Delegate(ctx, ch.States[1]); err != nil { // caches the open channel
		t.Fatal(err)
	}
	v := f.verify(t, f.chain.Close(ch, ch.States[0]))
	if v.Outcome != l2.Fraud || v.Challenge == nil {
		t.Fatalf("verdict %+v, want fraud with the held nonce 2", v)
	}
	acc, err := f.kind.Delegate(ctx, ch.Latest())
	if err != nil {
		t.Fatal(err)
	}
	if !acc.Challenging || acc.Previous != 2 {
		t.Fatalf("accepted %+v, want a challenge queued with nonce 4 over nonce 2", acc)
	}
	j, err := f.queue.Get(ctx, channel.DisputeID(ch.ID, 4, f.chain.OnChain(ch).Deadline))
	if err != nil || j.Status != challenge.Pending || j.DeadlineBlock != f.chain.OnChain(ch).Deadline {
		t.Fatalf("job %+v %v", j, err)
	}
}

// A delegation that lands between a close on L1 and the verify role judging
// it is not lost: the verify role finds it and challenges with it.
func TestDelegationBeforeCloseIsJudgedIsUsed(t *testing.T) {
	f := newFixture(t, 2)
	ctx := context.Background()
	ch := f.chain.Open(40, 4)
	if _, err := f.kind.Delegate(ctx, ch.States[1]); err != nil {
		t.Fatal(err)
	}
	r := f.chain.Close(ch, ch.States[0])
	acc, err := f.kind.Delegate(ctx, ch.Latest()) // the cache still says open
	if err != nil {
		t.Fatal(err)
	}
	if acc.Challenging {
		t.Fatalf("accepted %+v: nothing marked the channel disputed yet", acc)
	}
	v := f.verify(t, r)
	if v.Outcome != l2.Fraud || v.Challenge == nil || v.Challenge.DisputeID != channel.DisputeID(ch.ID, 4, f.chain.OnChain(ch).Deadline) {
		t.Fatalf("verdict %+v, want fraud answered with nonce 4", v)
	}
}

// A settled channel refuses delegations even when its open record is cached,
// and keeps no state: its settlement forgets the held state.
func TestDelegationAfterSettleIsRefused(t *testing.T) {
	f := newFixture(t, 2)
	ctx := context.Background()
	ch := f.chain.Open(3, 4)
	if _, err := f.kind.Delegate(ctx, ch.States[1]); err != nil {
		t.Fatal(err)
	}
	f.verify(t, f.chain.Close(ch, ch.States[1]))
	for range 4 {
		f.chain.Net.Mine()
	}
	tx, err := f.chain.Adj.Settle(f.chain.Net.Transactor(ctx, ch.A), ch.ID)
	if err != nil {
		t.Fatal(err)
	}
	f.chain.Net.Mine()
	f.chain.Verdict(f.kind, f.chain.Receipt(tx), channel.EventSettled) // Receipt requires success
	for _, key := range channel.HeldKeys(ch.ID) {
		if _, err := f.st.Get(ctx, key); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("%s kept after the channel settled: %v", key, err)
		}
	}
	// The dispute mark stays: it is what tells every process whose cache
	// still has the channel open to read L1 again (and refuse).
	if _, err := f.st.Get(ctx, channel.DisputedKey(ch.ID)); err != nil {
		t.Fatalf("dispute mark after settlement: %v", err)
	}
	_, err = f.kind.Delegate(ctx, ch.Latest())
	if !errors.Is(err, channel.ErrChannelSettled) {
		t.Fatalf("got %v, want ErrChannelSettled", err)
	}
	if _, err := f.kind.Latest(ctx, ch.ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("held state after a refused delegation of a settled channel: %v", err)
	}
}

// DelegateMany checks and stores each state on its own: good ones are kept,
// each bad one is refused with its own reason.
func TestDelegateManyReportsEachState(t *testing.T) {
	f := newFixture(t, 10)
	ctx := context.Background()
	chans := make([]*chantest.Channel, 5)
	for i := range chans {
		chans[i] = f.chain.Open(40, 3)
	}
	if _, err := f.kind.Delegate(ctx, chans[1].Latest()); err != nil {
		t.Fatal(err)
	}
	forged := chans[2].Latest()
	forged.SigB = chans[2].Latest().SigA
	total := new(big.Int).Mul(chantest.Deposit, big.NewInt(2))
	off := f.chain.Sign(chans[4], 5, total, big.NewInt(1))
	other := f.chain.Sign(chans[1], chans[1].Latest().Nonce, big.NewInt(7), new(big.Int).Sub(total, big.NewInt(7)))
	states := []channelstate.Signed{
		chans[0].Latest(),  // good
		other,              // equal nonce, another state
		forged,             // party B's signature is A's
		off,                // balances exceed deposits
		chans[0].States[0], // chans[0] appears earlier in the call
		f.chain.Sign(chans[3], 6, big.NewInt(1), new(big.Int).Sub(total, big.NewInt(1))), // good
	}
	res, err := f.kind.DelegateMany(ctx, states, channel.ManyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := []error{nil, channel.ErrStaleNonce, channel.ErrBadSignature, channel.ErrBalanceMismatch, channel.ErrInvalidState, nil}
	for i, w := range want {
		if (w == nil) != (res[i].Err == nil) || (w != nil && !errors.Is(res[i].Err, w)) {
			t.Errorf("state %d: got %v, want %v", i, res[i].Err, w)
		}
	}
	for _, c := range []struct {
		ch    *chantest.Channel
		nonce uint64
	}{{chans[0], 3}, {chans[1], 3}, {chans[3], 6}} {
		if n, err := f.kind.LatestNonce(ctx, c.ch.ID); err != nil || n != c.nonce {
			t.Errorf("held nonce of %s: %d %v, want %d", c.ch.ID.Hex(), n, err, c.nonce)
		}
	}
	if _, err := f.kind.LatestNonce(ctx, chans[2].ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a forged state was stored: %v", err)
	}
	// Admit can refuse one state, or the whole call.
	next := []channelstate.Signed{f.chain.Sign(chans[0], 7, big.NewInt(2), new(big.Int).Sub(total, big.NewInt(2))),
		f.chain.Sign(chans[3], 7, big.NewInt(2), new(big.Int).Sub(total, big.NewInt(2)))}
	refused := errors.New("not yours")
	res, err = f.kind.DelegateMany(ctx, next, channel.ManyOptions{Admit: func(_ context.Context, cands []channel.Candidate) ([]error, error) {
		return []error{nil, refused}, nil
	}})
	if err != nil || res[0].Err != nil || !errors.Is(res[1].Err, refused) {
		t.Fatalf("admit one of two: %+v %v", res, err)
	}
	if _, err := f.kind.DelegateMany(ctx, next, channel.ManyOptions{Admit: func(context.Context, []channel.Candidate) ([]error, error) {
		return nil, refused
	}}); !errors.Is(err, refused) {
		t.Fatalf("admit none: %v", err)
	}
	if n, _ := f.kind.LatestNonce(ctx, chans[3].ID); n != 6 {
		t.Fatalf("held nonce %d after refusals, want 6", n)
	}
}

// slowChain is an L1 reader that takes 20 ms per channel and records how
// many reads overlapped.
type slowChain struct {
	channel.Chain
	mu             sync.Mutex
	inFlight, peak int
	reads          int
}

func (c *slowChain) Channel(ctx context.Context, id common.Hash) (channel.Info, error) {
	c.mu.Lock()
	c.inFlight++
	c.reads++
	c.peak = max(c.peak, c.inFlight)
	c.mu.Unlock()
	time.Sleep(20 * time.Millisecond)
	defer func() { c.mu.Lock(); c.inFlight--; c.mu.Unlock() }()
	return c.Chain.Channel(ctx, id)
}

// A first batch of channels the tower has not seen reads them from L1
// concurrently, once each; the next batch reads none.
func TestDelegateManyReadsNewChannelsConcurrently(t *testing.T) {
	f := newFixture(t, 33)
	ctx := context.Background()
	l1, err := channel.NewChain(f.chain.Net.Client, f.chain.Addr)
	if err != nil {
		t.Fatal(err)
	}
	slow := &slowChain{Chain: l1}
	kind := f.chain.PluginOn(slow, f.st, f.queue, zap.NewNop())
	a := f.chain.Net.Keys[len(f.chain.Net.Keys)-1]
	var first, second []channelstate.Signed
	for range 32 {
		ch := f.chain.OpenFrom(a, 40, 3)
		first, second = append(first, ch.States[1]), append(second, ch.States[2])
	}
	for round, states := range [][]channelstate.Signed{first, second} {
		res, err := kind.DelegateMany(ctx, states, channel.ManyOptions{})
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range res {
			if r.Err != nil {
				t.Fatalf("round %d state %d: %v", round, i, r.Err)
			}
		}
	}
	if slow.reads != 32 || slow.peak < 2 {
		t.Fatalf("%d L1 reads, at most %d at once; want 32 (one per new channel), several at once", slow.reads, slow.peak)
	}
}
