package channel_test

import (
	"context"
	"errors"
	"math/big"
	"testing"
	"time"

	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/internal/testutil/chantest"
	"github.com/watchtower-l2/watchtower/internal/testutil/redistest"
	"github.com/watchtower-l2/watchtower/proofs/channelstate"
	"github.com/watchtower-l2/watchtower/watcher/challenge"
	"github.com/watchtower-l2/watchtower/watcher/l2/channel"
	"github.com/watchtower-l2/watchtower/watcher/store"
	"github.com/watchtower-l2/watchtower/watcher/store/redisstore"
)

// The state held, delegated again (a retry after a lost answer), is
// accepted again and shows it was held: Previous equals its nonce. Another
// state at that nonce, or an older one, is still refused.
func TestDelegateSameStateAgain(t *testing.T) {
	f := newFixture(t, 2)
	ctx := context.Background()
	ch := f.chain.Open(40, 3)
	latest := ch.Latest()
	if acc, err := f.kind.Delegate(ctx, latest); err != nil || acc.Previous != 0 {
		t.Fatalf("first delegation: %+v, %v", acc, err)
	}
	for range 2 {
		acc, err := f.kind.Delegate(ctx, latest)
		if err != nil || acc.Nonce != latest.Nonce || acc.Previous != latest.Nonce {
			t.Fatalf("the same state again: %+v, %v; want accepted with previous nonce %d", acc, err, latest.Nonce)
		}
	}
	total := new(big.Int).Mul(chantest.Deposit, big.NewInt(2))
	other := f.chain.Sign(ch, latest.Nonce, big.NewInt(7), new(big.Int).Sub(total, big.NewInt(7)))
	for name, s := range map[string]channelstate.Signed{"another state at the nonce held": other, "an older state": ch.States[0]} {
		if _, err := f.kind.Delegate(ctx, s); !errors.Is(err, channel.ErrStaleNonce) {
			t.Errorf("%s: %v, want %v", name, err, channel.ErrStaleNonce)
		}
	}
}

// TestDelegationRetryIsDurable: writes wait for a replica that is down, so
// a delegation reaches the primary but fails as not durable; its retry
// fails the same way while the replica is down (it is not taken for done,
// as a refusal of a nonce held would have it), and once the replica is back
// the retry is accepted and the replica holds the state.
func TestDelegationRetryIsDurable(t *testing.T) {
	rep := redistest.StartReplicated(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	st := rep.Store(300 * time.Millisecond)
	c := chantest.New(t, 2)
	kind := c.Plugin(st, challenge.NewQueue(st, c.Net.ChainID.Uint64(), "test"), zap.NewNop())
	ch := c.Open(40, 3)
	if _, err := kind.Delegate(ctx, ch.States[0]); err != nil { // reads the channel from L1 while all is well
		t.Fatal(err)
	}

	rep.Replica.Stop()
	for try := range 2 {
		if _, err := kind.Delegate(ctx, ch.Latest()); !errors.Is(err, store.ErrNotDurable) {
			t.Fatalf("delegation %d with the replica down: %v, want an error wrapping store.ErrNotDurable", try+1, err)
		}
	}
	if n, err := kind.LatestNonce(ctx, ch.ID); err != nil || n != ch.Latest().Nonce {
		t.Fatalf("the primary holds nonce %d (%v), want %d", n, err, ch.Latest().Nonce)
	}

	rep.Replica.Start()
	rep.WaitInSync()
	acc, err := kind.Delegate(ctx, ch.Latest())
	if err != nil || acc.Previous != ch.Latest().Nonce {
		t.Fatalf("the retry once the replica is back: %+v, %v", acc, err)
	}
	onReplica, err := redisstore.OpenWith(ctx, "redis://"+rep.Replica.Addr()+"/0", "wt:", redisstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer onReplica.Close()
	replicaKind := c.Plugin(onReplica, challenge.NewQueue(onReplica, c.Net.ChainID.Uint64(), "test"), zap.NewNop())
	if n, err := replicaKind.LatestNonce(ctx, ch.ID); err != nil || n != ch.Latest().Nonce {
		t.Fatalf("the replica holds nonce %d (%v), want %d", n, err, ch.Latest().Nonce)
	}
}
