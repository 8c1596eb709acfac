// Package scenario plays the dev command's scenarios against a running tower:
// it opens channels on the devnet, delegates their latest co-signed states
// through the tower's API, has dishonest parties close with stale states, and
// then judges the tower from what is on chain.
package scenario

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"io"
	"math/big"
	"math/rand/v2"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/watchtower-l2/watchtower/deployments/contracts/bindings"
	"github.com/watchtower-l2/watchtower/internal/devnet"
	"github.com/watchtower-l2/watchtower/proofs/channelstate"
	"github.com/watchtower-l2/watchtower/watcher/delegation"
)

// Role of a channel in the scenario.
const (
	Stale     = "stale"     // closed with an old state; the tower holds a newer one
	Honest    = "honest"    // closed with the latest state
	Unwatched = "unwatched" // closed with an old state that was never delegated
)

// Result is one row of the report: one dispute subject of any L2 kind.
type Result struct {
	Subject string `json:"subject"`
	Role    string `json:"role"`
	// Claimed is what the event on L1 claimed (for a channel: the closed nonce).
	Claimed string `json:"claimed"`
	// Truth is what the tower knew (for a channel: the latest delegated nonce).
	Truth       string `json:"truth"`
	Verdict     string `json:"verdict"`
	ChallengeTx string `json:"challenge_tx,omitempty"`
	EventBlock  uint64 `json:"event_block"`
	Deadline    uint64 `json:"deadline_block"`
	MinedBlock  uint64 `json:"challenge_block,omitempty"`
	// BlocksToMined counts blocks from the event to the challenge's inclusion.
	BlocksToMined uint64 `json:"blocks_to_challenge,omitempty"`
	OK            bool   `json:"ok"`
}

// Summary is one kind's outcome.
type Summary struct {
	Kind string `json:"kind"`
	// Columns name Result.Subject, Claimed and Truth in the table.
	Columns         [3]string `json:"-"`
	Subjects        int       `json:"subjects"`
	Frauds          int       `json:"frauds"`
	Challenged      int       `json:"challenged"`
	Missed          int       `json:"missed"`
	FalseChallenges int       `json:"false_challenges"`
	Honest          int       `json:"honest"`
	Unwatched       int       `json:"unwatched"`
	Results         []Result  `json:"results"`
}

// OK reports whether every fraud was challenged in time and no honest close was.
func (s Summary) OK() bool {
	return s.Missed == 0 && s.FalseChallenges == 0 && s.Challenged == s.Frauds
}

// Channels configures the channel scenario.
type Channels struct {
	Net         *devnet.Devnet
	Adjudicator common.Address
	Tower       *delegation.Client
	// TowerAddrs are the tower's signer keys: challenges sent by others are
	// not the tower's.
	TowerAddrs []common.Address
	// Parties holds two keys per channel.
	Parties []*ecdsa.PrivateKey
	Count   int
	Window  uint64
	// Progress receives one-line progress updates (nil: none).
	Progress io.Writer
	Seed     uint64
}

type chanRun struct {
	id       common.Hash
	a, b     *ecdsa.PrivateKey
	role     string
	states   []channelstate.Signed
	closed   channelstate.Signed
	closeBlk uint64
	deadline uint64
}

// Run plays the scenario and judges the tower.
func (sc *Channels) Run(ctx context.Context) (Summary, error) {
	if len(sc.Parties) < 2*sc.Count {
		return Summary{}, fmt.Errorf("scenario: need %d party keys, have %d", 2*sc.Count, len(sc.Parties))
	}
	adj, err := bindings.NewChannelAdjudicator(sc.Adjudicator, sc.Net.Client)
	if err != nil {
		return Summary{}, fmt.Errorf("scenario: bind adjudicator: %w", err)
	}
	domain := channelstate.Domain{ChainID: sc.Net.ChainID, Contract: sc.Adjudicator}
	rng := rand.New(rand.NewPCG(sc.Seed, 7))
	runs := make([]*chanRun, sc.Count)
	// Every ten channels: six stale closes, three honest, one never
	// delegated, interleaved so that even a few channels mix the roles.
	pattern := [10]string{Stale, Honest, Stale, Stale, Honest, Stale, Unwatched, Stale, Honest, Stale}
	for i := range runs {
		runs[i] = &chanRun{a: sc.Parties[2*i], b: sc.Parties[2*i+1], role: pattern[i%10]}
	}
	deposit := big.NewInt(1e18)

	// 1. A opens, B joins.
	if err := sc.each(ctx, "opening channels", runs, func(r *chanRun) error {
		opts := sc.Net.Transactor(ctx, r.a)
		opts.Value = deposit
		tx, err := adj.Open(opts, crypto.PubkeyToAddress(r.b.PublicKey), sc.Window)
		if err != nil {
			return fmt.Errorf("open: %w", err)
		}
		rc, err := mined(ctx, sc.Net, tx.Hash())
		if err != nil {
			return fmt.Errorf("open: %w", err)
		}
		for _, l := range rc.Logs {
			if ev, err := adj.ParseChannelOpened(*l); err == nil {
				r.id = ev.ChannelId
			}
		}
		if r.id == (common.Hash{}) {
			return errors.New("open: no ChannelOpened event")
		}
		return nil
	}); err != nil {
		return Summary{}, err
	}
	if err := sc.each(ctx, "joining channels", runs, func(r *chanRun) error {
		opts := sc.Net.Transactor(ctx, r.b)
		opts.Value = deposit
		tx, err := adj.Join(opts, r.id)
		if err != nil {
			return fmt.Errorf("join: %w", err)
		}
		_, err = mined(ctx, sc.Net, tx.Hash())
		return err
	}); err != nil {
		return Summary{}, err
	}

	// 2. Off-chain updates; the parties delegate as they go.
	total := new(big.Int).Mul(deposit, big.NewInt(2))
	for _, r := range runs {
		n := 3 + rng.IntN(6)
		for nonce := 1; nonce <= n; nonce++ {
			a := new(big.Int).Mul(big.NewInt(int64(rng.IntN(1001))), big.NewInt(2e15)) // 0..2 ETH
			st := channelstate.State{ChannelID: r.id, Nonce: uint64(nonce), BalanceA: a, BalanceB: new(big.Int).Sub(total, a)}
			sa, err := domain.Sign(st, r.a)
			if err != nil {
				return Summary{}, err
			}
			sb, err := domain.Sign(st, r.b)
			if err != nil {
				return Summary{}, err
			}
			r.states = append(r.states, channelstate.Signed{State: st, SigA: sa, SigB: sb})
		}
		// Decided here, not in the concurrent close step: rng is not goroutine-safe.
		r.closed = r.states[len(r.states)-1]
		if r.role != Honest {
			r.closed = r.states[rng.IntN(len(r.states)-1)]
		}
	}
	if err := sc.each(ctx, "delegating states", runs, func(r *chanRun) error {
		if r.role == Unwatched {
			return nil
		}
		// A wallet delegates after every update; the last two are enough here.
		for _, s := range r.states[len(r.states)-2:] {
			if _, err := sc.Tower.DelegateState(ctx, s); err != nil {
				return fmt.Errorf("delegate nonce %d: %w", s.Nonce, err)
			}
		}
		return nil
	}); err != nil {
		return Summary{}, err
	}

	// 3. Closes: stale ones by the party the old state favours.
	if err := sc.each(ctx, "closing channels", runs, func(r *chanRun) error {
		latest := r.states[len(r.states)-1]
		closer := r.a
		if r.closed.BalanceB.Cmp(latest.BalanceB) > 0 {
			closer = r.b
		}
		tx, err := adj.Close(sc.Net.Transactor(ctx, closer), bindings.ChannelAdjudicatorState{
			ChannelId: r.id, Nonce: r.closed.Nonce, BalanceA: r.closed.BalanceA, BalanceB: r.closed.BalanceB,
		}, r.closed.SigA, r.closed.SigB)
		if err != nil {
			return fmt.Errorf("close: %w", err)
		}
		rc, err := mined(ctx, sc.Net, tx.Hash())
		if err != nil {
			return fmt.Errorf("close: %w", err)
		}
		for _, l := range rc.Logs {
			if ev, err := adj.ParseChannelClosed(*l); err == nil {
				r.closeBlk, r.deadline = l.BlockNumber, ev.Deadline
			}
		}
		return nil
	}); err != nil {
		return Summary{}, err
	}

	// 4. Wait for every dispute window to end, then settle.
	var last uint64
	for _, r := range runs {
		last = max(last, r.deadline)
	}
	if err := sc.waitBlock(ctx, last+1); err != nil {
		return Summary{}, err
	}
	if err := sc.each(ctx, "settling channels", runs, func(r *chanRun) error {
		tx, err := adj.Settle(sc.Net.Transactor(ctx, r.a), r.id)
		if err != nil {
			return fmt.Errorf("settle: %w", err)
		}
		_, err = mined(ctx, sc.Net, tx.Hash())
		return err
	}); err != nil {
		return Summary{}, err
	}
	return sc.judge(ctx, adj, runs)
}

// judge reads the ChannelChallenged events on chain and scores the tower.
func (sc *Channels) judge(ctx context.Context, adj *bindings.ChannelAdjudicator, runs []*chanRun) (Summary, error) {
	type challenge struct {
		nonce uint64
		block uint64
		tx    common.Hash
	}
	byTower := map[common.Hash][]challenge{}
	it, err := adj.FilterChannelChallenged(&bind.FilterOpts{Start: 0, Context: ctx}, nil, sc.TowerAddrs)
	if err != nil {
		return Summary{}, fmt.Errorf("scenario: read challenges: %w", err)
	}
	for it.Next() {
		e := it.Event
		byTower[e.ChannelId] = append(byTower[e.ChannelId], challenge{e.Nonce, e.Raw.BlockNumber, e.Raw.TxHash})
	}
	if err := it.Error(); err != nil {
		return Summary{}, fmt.Errorf("scenario: read challenges: %w", err)
	}
	s := Summary{Kind: "channel", Columns: [3]string{"CHANNEL", "CLOSED NONCE", "LATEST NONCE"}, Subjects: len(runs)}
	for _, r := range runs {
		latest := r.states[len(r.states)-1].Nonce
		res := Result{Subject: r.id.Hex(), Role: r.role, Claimed: fmt.Sprint(r.closed.Nonce), Truth: fmt.Sprint(latest), EventBlock: r.closeBlk, Deadline: r.deadline}
		chs := byTower[r.id]
		if len(chs) > 0 {
			c := chs[0]
			res.ChallengeTx, res.MinedBlock, res.BlocksToMined = c.tx.Hex(), c.block, c.block-r.closeBlk
		}
		switch r.role {
		case Stale:
			s.Frauds++
			if len(chs) == 1 && chs[0].nonce == latest && chs[0].block <= r.deadline {
				s.Challenged++
				res.Verdict, res.OK = "fraud: challenged", true
			} else {
				s.Missed++
				res.Verdict = fmt.Sprintf("fraud: MISSED (%d challenges)", len(chs))
			}
		case Honest:
			s.Honest++
			if len(chs) > 0 {
				s.FalseChallenges++
				res.Verdict = "honest: FALSE CHALLENGE"
			} else {
				res.Verdict, res.OK = "honest: left alone", true
			}
		case Unwatched:
			s.Unwatched++
			if len(chs) > 0 {
				s.FalseChallenges++
				res.Verdict = "not delegated: FALSE CHALLENGE"
			} else {
				res.Verdict, res.OK = "not delegated: left alone", true
			}
		}
		s.Results = append(s.Results, res)
	}
	return s, nil
}

// each runs f for every channel, 32 at a time, showing progress.
func (sc *Channels) each(ctx context.Context, what string, runs []*chanRun, f func(*chanRun) error) error {
	return forEach(ctx, sc.Progress, what, len(runs), func(i int) error {
		if err := f(runs[i]); err != nil {
			return fmt.Errorf("channel %s: %w", runs[i].id.Hex(), err)
		}
		return nil
	})
}

func (sc *Channels) waitBlock(ctx context.Context, n uint64) error {
	if sc.Progress != nil {
		fmt.Fprintf(sc.Progress, "  waiting for the dispute windows to end (block %d)\n", n)
	}
	return waitHead(ctx, sc.Net, n)
}
