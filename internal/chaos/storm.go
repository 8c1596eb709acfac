package chaos

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"math/rand/v2"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/watchtower-l2/watchtower/deployments/contracts/bindings"
	"github.com/watchtower-l2/watchtower/internal/anvil"
	"github.com/watchtower-l2/watchtower/internal/scenario"
	"github.com/watchtower-l2/watchtower/proofs/channelstate"
	"github.com/watchtower-l2/watchtower/watcher/delegation/client"
)

const (
	txTimeout       = 2 * time.Minute
	delegateTimeout = 2 * time.Minute
)

// deposit is each party's deposit (1 ETH).
var deposit = big.NewInt(1e18)

// Channel is one channel of the storm, as the harness played it.
type Channel struct {
	Index int
	ID    common.Hash
	// Role is scenario.Stale, scenario.Honest or scenario.Unwatched.
	Role string
	// Latest is the newest co-signed nonce; Closed the nonce closed with.
	Latest, Closed uint64
	// Err is why the harness could not play the channel to its close.
	Err error
}

// storm opens channels, delegates their latest states through the towers'
// APIs and closes them (stale, honest or never delegated), starting rate
// channels a second, while the killers run.
type storm struct {
	l1      *L1
	adj     *bindings.ChannelAdjudicator
	domain  channelstate.Domain
	clients []*client.Client
	window  uint64
	seed    uint64

	opened, delegated, closed, failed atomic.Int64
	// heldRetries counts delegations that failed although a tower stored
	// the state, and whose retry got the receipt.
	heldRetries atomic.Int64
}

func newStorm(l1 *L1, adjAddr common.Address, towers []*Tower, window, seed uint64) (*storm, error) {
	adj, err := bindings.NewChannelAdjudicator(adjAddr, l1.Client)
	if err != nil {
		return nil, fmt.Errorf("chaos: bind adjudicator: %w", err)
	}
	s := &storm{l1: l1, adj: adj, window: window, seed: seed,
		domain: channelstate.Domain{ChainID: big.NewInt(anvil.ChainID), Contract: adjAddr}}
	for _, t := range towers {
		c := client.New(t.APIURL, &http.Client{Timeout: 5 * time.Second})
		c.Retries = 0 // the storm fails over to another tower instead
		s.clients = append(s.clients, c)
	}
	return s, nil
}

// run plays n channels, starting one every 1/rate seconds, and returns them
// once every one is closed (or failed).
func (s *storm) run(ctx context.Context, n int, rate float64) []*Channel {
	chans := make([]*Channel, n)
	for i := range chans {
		chans[i] = &Channel{Index: i, Role: scenario.ChannelRole(i)}
	}
	pace(ctx, n, rate, func(i int) {
		if err := s.play(ctx, chans[i]); err != nil {
			chans[i].Err = err
			s.failed.Add(1)
		}
	})
	return chans
}

// pace runs play(0..n-1), each in its own goroutine, starting one every
// 1/rate seconds, and returns once every one has returned.
func pace(ctx context.Context, n int, rate float64, play func(i int)) {
	var wg sync.WaitGroup
	tick := time.NewTicker(time.Duration(float64(time.Second) / rate))
	defer tick.Stop()
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			play(i)
		}()
		select {
		case <-ctx.Done():
		case <-tick.C:
		}
	}
	wg.Wait()
}

// play is one channel's life: fund, open, join, co-sign, delegate, close.
func (s *storm) play(ctx context.Context, ch *Channel) error {
	rng := rand.New(rand.NewPCG(s.seed, uint64(ch.Index)))
	a, b, err := s.fundedPair(ctx)
	if err != nil {
		return err
	}
	opts := s.opts(ctx, a)
	opts.Value = deposit
	rc, err := s.send(ctx, "open", func() (*types.Transaction, error) {
		return s.adj.Open(opts, addrOf(b), s.window)
	})
	if err != nil {
		return err
	}
	for _, l := range rc.Logs {
		if ev, err := s.adj.ParseChannelOpened(*l); err == nil {
			ch.ID = ev.ChannelId
		}
	}
	if ch.ID == (common.Hash{}) {
		return errors.New("chaos: open: no ChannelOpened log")
	}
	opts = s.opts(ctx, b)
	opts.Value = deposit
	if _, err := s.send(ctx, "join", func() (*types.Transaction, error) { return s.adj.Join(opts, ch.ID) }); err != nil {
		return err
	}
	s.opened.Add(1)
	states, err := s.sign(ch.ID, a, b, 3+rng.IntN(6))
	if err != nil {
		return err
	}
	if ch.Role != scenario.Unwatched {
		// A wallet delegates after every update; the last two are enough here.
		if err := s.delegate(ctx, rng, states, len(states)-2); err != nil {
			return err
		}
		s.delegated.Add(1)
	}
	latest := states[len(states)-1]
	closed := latest
	if ch.Role != scenario.Honest {
		closed = states[rng.IntN(len(states)-1)]
	}
	ch.Latest, ch.Closed = latest.Nonce, closed.Nonce
	// The party the closed state favours closes.
	closer := a
	if closed.BalanceB.Cmp(latest.BalanceB) > 0 {
		closer = b
	}
	copts := s.opts(ctx, closer)
	if _, err := s.send(ctx, "close", func() (*types.Transaction, error) {
		return s.adj.Close(copts, bindings.ChannelAdjudicatorState{ChannelId: ch.ID, Nonce: closed.Nonce,
			BalanceA: closed.BalanceA, BalanceB: closed.BalanceB}, closed.SigA, closed.SigB)
	}); err != nil {
		return err
	}
	s.closed.Add(1)
	return nil
}

// fundedPair makes two fresh party keys with 10 ETH each (anvil_setBalance).
func (s *storm) fundedPair(ctx context.Context) (*ecdsa.PrivateKey, *ecdsa.PrivateKey, error) {
	var keys [2]*ecdsa.PrivateKey
	ten := hexutil.EncodeBig(new(big.Int).Mul(big.NewInt(1e18), big.NewInt(10)))
	for i := range keys {
		k, err := crypto.GenerateKey()
		if err != nil {
			return nil, nil, fmt.Errorf("chaos: party key: %w", err)
		}
		if err := s.l1.RPC.CallContext(ctx, nil, "anvil_setBalance", crypto.PubkeyToAddress(k.PublicKey), ten); err != nil {
			return nil, nil, fmt.Errorf("chaos: anvil_setBalance: %w", err)
		}
		keys[i] = k
	}
	return keys[0], keys[1], nil
}

// sign co-signs states 1..n with random balances.
func (s *storm) sign(id common.Hash, a, b *ecdsa.PrivateKey, n int) ([]channelstate.Signed, error) {
	total := new(big.Int).Mul(deposit, big.NewInt(2))
	out := make([]channelstate.Signed, 0, n)
	for nonce := 1; nonce <= n; nonce++ {
		balA := new(big.Int).Mul(big.NewInt(int64((nonce*379)%1001)), big.NewInt(2e15)) // 0..2 ETH
		st, err := s.signState(id, a, b, uint64(nonce), balA, new(big.Int).Sub(total, balA))
		if err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	return out, nil
}

// signState co-signs one state.
func (s *storm) signState(id common.Hash, a, b *ecdsa.PrivateKey, nonce uint64, balA, balB *big.Int) (channelstate.Signed, error) {
	st := channelstate.State{ChannelID: id, Nonce: nonce, BalanceA: balA, BalanceB: balB}
	sa, err := s.domain.Sign(st, a)
	if err != nil {
		return channelstate.Signed{}, fmt.Errorf("chaos: sign: %w", err)
	}
	sb, err := s.domain.Sign(st, b)
	if err != nil {
		return channelstate.Signed{}, fmt.Errorf("chaos: sign: %w", err)
	}
	return channelstate.Signed{State: st, SigA: sa, SigB: sb}, nil
}

// delegate hands states[from:] (in order) to a random tower, failing over
// to the others while towers are killed. Only a signed receipt counts. A
// state a tower stored without answering (it was killed, or its store could
// not confirm the write) is delegated again: a tower answers the state it
// holds with a receipt.
func (s *storm) delegate(ctx context.Context, rng *rand.Rand, states []channelstate.Signed, from int) error {
	deadline := time.Now().Add(delegateTimeout)
	for i := from; i < len(states); i++ {
		st := states[i]
		var last error
		wasHeld := false
		for attempt := 1; ; attempt++ {
			c := s.clients[rng.IntN(len(s.clients))]
			cctx, cancel := context.WithTimeout(ctx, 10*time.Second)
			_, err := c.DelegateState(cctx, st)
			held := uint64(0)
			if err != nil {
				if h, herr := c.HeldNonce(cctx, st.ChannelID); herr == nil {
					held = h.Nonce
				}
			}
			cancel()
			if err == nil {
				if wasHeld {
					s.heldRetries.Add(1)
				}
				break
			}
			last = err
			if held >= st.Nonce && i < len(states)-1 {
				break // a newer state follows and will get its own receipt
			}
			wasHeld = wasHeld || held >= st.Nonce
			if ctx.Err() != nil || time.Now().After(deadline) {
				return fmt.Errorf("chaos: delegate nonce %d of %s: no tower took it in %s (%d attempts): %w",
					st.Nonce, st.ChannelID.Hex(), delegateTimeout, attempt, last)
			}
			select {
			case <-ctx.Done():
			case <-time.After(200 * time.Millisecond): // retry pacing
			}
		}
	}
	return nil
}

// opts signs transactions of key on anvil.
func (s *storm) opts(ctx context.Context, key *ecdsa.PrivateKey) *bind.TransactOpts {
	o, _ := bind.NewKeyedTransactorWithChainID(key, s.domain.ChainID) // only fails on a nil chain id
	o.Context = ctx
	return o
}

// send sends a transaction and waits for its successful receipt.
func (s *storm) send(ctx context.Context, what string, tx func() (*types.Transaction, error)) (*types.Receipt, error) {
	t, err := tx()
	if err != nil {
		return nil, fmt.Errorf("chaos: %s: %w", what, err)
	}
	var rc *types.Receipt
	err = waitFor(ctx, what+" "+t.Hash().Hex()+" to be mined", txTimeout, func(ctx context.Context) error {
		r, err := s.l1.Client.TransactionReceipt(ctx, t.Hash())
		if err != nil {
			return err
		}
		rc = r
		return nil
	})
	if err != nil {
		return nil, err
	}
	if rc.Status != types.ReceiptStatusSuccessful {
		return rc, fmt.Errorf("chaos: %s %s reverted in block %s", what, t.Hash().Hex(), rc.BlockNumber)
	}
	return rc, nil
}

// addrOf is the address of key.
func addrOf(key *ecdsa.PrivateKey) common.Address { return crypto.PubkeyToAddress(key.PublicKey) }
