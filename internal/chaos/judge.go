package chaos

import (
	"bytes"
	"context"
	"fmt"
	"math/big"

	"github.com/watchtower-l2/watchtower/internal/stats"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/watchtower-l2/watchtower/deployments/contracts/bindings"
	"github.com/watchtower-l2/watchtower/internal/anvil"
	"github.com/watchtower-l2/watchtower/internal/scenario"
)

// Verdict is the storm's outcome, read from L1 only: the adjudicator's (and
// PlasmaFramework's) logs and every challenge transaction mined, never the
// towers' own stores.
type Verdict struct {
	// Setup describes the system and the storm: towers, NATS, Redis, window.
	Setup     string `json:"setup"`
	Closes    int    `json:"closes"`
	Honest    int    `json:"honest"`
	Unwatched int    `json:"undelegated"`
	// Tally is the channels' outcome: frauds are stale closes, a challenge
	// counts when it answers with the delegated state by the deadline, false
	// challenges are against honest or undelegated closes, and the delays
	// are blocks from close to challenge; a storm error is a channel the
	// harness could not play to its close.
	Tally
	// HeldRetries counts delegations that failed (a killed tower, a write
	// not confirmed) although a tower stored the state, and whose retry of
	// that same state got a receipt (the storm's own count, not read from L1).
	HeldRetries int            `json:"held_retries"`
	Kills       map[string]int `json:"kills"`
	FromBlock   uint64         `json:"from_block"`
	ToBlock     uint64         `json:"to_block"`
	Seconds     float64        `json:"seconds"`
	// Unkilled names the infrastructure targets never killed during the storm.
	Unkilled []string `json:"unkilled,omitempty"`
	// Slowest lists the frauds challenged last after their close.
	Slowest []string `json:"slowest,omitempty"`
	// Plasma is the Plasma exits' outcome (nil: the storm had no exits).
	Plasma *PlasmaVerdict `json:"plasma,omitempty"`
	// slow is every fraud's blocks to challenge, Slowest's source.
	slow []slowOne
	// Timeline is every kill and restart with its L1 block (JSON only).
	Timeline []Event `json:"timeline,omitempty"`
	// Problems lists the first failures in words.
	Problems []string `json:"problems,omitempty"`
}

// OK is true when every fraud (stale close or exit of a spent output) was
// challenged in time, once, and nothing else was challenged or reverted,
// and the harness played every channel and exit.
func (v Verdict) OK() bool {
	return v.Tally.ok() && len(v.Unkilled) == 0 && (v.Plasma == nil || v.Plasma.Tally.ok())
}

// Tally is one kind of dispute's outcome on L1.
type Tally struct {
	Frauds int `json:"frauds"`
	// Challenged counts frauds answered by their deadline.
	Challenged int `json:"challenged_in_time"`
	Missed     int `json:"missed"`
	// Duplicates counts disputes with more than one challenge transaction mined.
	Duplicates int `json:"duplicates"`
	// Reverted counts challenge transactions mined and reverted.
	Reverted int `json:"reverted"`
	// FalseChallenges counts challenge transactions against what is no fraud.
	FalseChallenges int `json:"false_challenges"`
	ChallengeTxs    int `json:"challenge_txs"`
	// P50, P99 and Max are blocks from a fraud's start (close, startExit)
	// to its challenge.
	P50 uint64 `json:"p50_blocks"`
	P99 uint64 `json:"p99_blocks"`
	Max uint64 `json:"max_blocks"`
	// StormErrors counts disputes the harness could not play to their start.
	StormErrors int `json:"storm_errors"`
}

func (t *Tally) ok() bool {
	return t.Missed == 0 && t.Duplicates == 0 && t.FalseChallenges == 0 && t.Reverted == 0 &&
		t.StormErrors == 0 && t.Challenged == t.Frauds
}

// attempt is a challenge transaction mined: in block, answering the fraud
// (mined without reverting, with the right evidence) or not.
type attempt struct {
	block uint64
	good  bool
}

// count counts one dispute started in block start with its deadline and
// its challenge transactions (a fraud or not), and returns the blocks from
// start to the first good challenge of a fraud challenged in time.
func (t *Tally) count(fraud bool, start, deadline uint64, cs []attempt) (uint64, bool) {
	if len(cs) > 1 {
		t.Duplicates++
	}
	if !fraud {
		t.FalseChallenges += len(cs)
		return 0, false
	}
	t.Frauds++
	for _, c := range cs {
		if c.good && c.block <= deadline {
			t.Challenged++
			return c.block - start, true
		}
	}
	t.Missed++
	return 0, false
}

// slowOne is a fraud's blocks to challenge, described.
type slowOne struct {
	blocks uint64
	what   string
}

// closeLog is a ChannelClosed log.
type closeLog struct{ block, deadline, nonce uint64 }

// score counts one closed channel with its challenge transactions, and
// returns the blocks from close to challenge of a fraud challenged in time.
func (v *Verdict) score(ch *Channel, cl closeLog, cs []challengeTx) (uint64, bool) {
	v.Closes++
	if len(cs) > 1 {
		v.problem("channel %s (%s): %d challenge transactions mined", ch.ID.Hex(), ch.Role, len(cs))
	}
	as := make([]attempt, len(cs))
	for i, c := range cs {
		as[i] = attempt{block: c.block, good: c.ok && c.nonce == ch.Latest}
	}
	fraud := ch.Role == scenario.Stale
	d, ok := v.count(fraud, cl.block, cl.deadline, as)
	switch {
	case fraud && !ok:
		seen := make([]string, 0, len(cs))
		for _, c := range cs {
			seen = append(seen, fmt.Sprintf("nonce %d in block %d (ok %v)", c.nonce, c.block, c.ok))
		}
		v.problem("fraud %s (closed nonce %d in block %d, deadline %d, delegated nonce %d): MISSED; challenges: %v",
			ch.ID.Hex(), cl.nonce, cl.block, cl.deadline, ch.Latest, seen)
	case ch.Role == scenario.Honest:
		v.Honest++
	case ch.Role == scenario.Unwatched:
		v.Unwatched++
	}
	if !fraud && len(cs) > 0 {
		v.problem("%s close of %s: FALSE CHALLENGE (%d txs)", ch.Role, ch.ID.Hex(), len(cs))
	}
	return d, ok
}

// challengeTx is one challenge transaction mined on L1.
type challengeTx struct {
	hash    common.Hash
	from    common.Address
	block   uint64
	ok      bool
	nonce   uint64 // from its ChannelChallenged log, when it succeeded
	channel common.Hash
}

// judge reads the closes and every challenge transaction from L1 between
// from and to and scores the storm's channels.
func judge(ctx context.Context, l1 *L1, adjAddr common.Address, chans []*Channel, from, to uint64) (Verdict, error) {
	v := Verdict{FromBlock: from, ToBlock: to}
	adj, err := bindings.NewChannelAdjudicator(adjAddr, l1.Client)
	if err != nil {
		return v, fmt.Errorf("chaos: bind adjudicator: %w", err)
	}
	closes := map[common.Hash]closeLog{}
	it, err := adj.FilterChannelClosed(&bind.FilterOpts{Start: from, End: &to, Context: ctx}, nil, nil)
	if err != nil {
		return v, fmt.Errorf("chaos: read closes: %w", err)
	}
	for it.Next() {
		closes[it.Event.ChannelId] = closeLog{it.Event.Raw.BlockNumber, it.Event.Deadline, it.Event.Nonce}
	}
	if err := it.Error(); err != nil {
		return v, fmt.Errorf("chaos: read closes: %w", err)
	}
	txs, err := challengeTxs(ctx, l1, adj, adjAddr, from, to)
	if err != nil {
		return v, err
	}
	byChannel := map[common.Hash][]challengeTx{}
	for _, c := range txs {
		byChannel[c.channel] = append(byChannel[c.channel], c)
		if !c.ok {
			v.Reverted++
			v.problem("challenge %s of %s by %s reverted in block %d", c.hash.Hex(), c.channel.Hex(), c.from.Hex(), c.block)
		}
	}
	v.ChallengeTxs = len(txs)
	var delays []uint64
	for _, ch := range chans {
		if ch.Err != nil {
			v.StormErrors++
			v.problem("channel %d not played: %v", ch.Index, ch.Err)
			continue
		}
		cl, ok := closes[ch.ID]
		if !ok {
			v.StormErrors++
			v.problem("channel %s: no ChannelClosed log on L1", ch.ID.Hex())
			continue
		}
		if d, ok := v.score(ch, cl, byChannel[ch.ID]); ok {
			delays = append(delays, d)
			v.slow = append(v.slow, slowOne{d, fmt.Sprintf("%s: closed in block %d, challenged %d blocks later", ch.ID.Hex(), cl.block, d)})
		}
	}
	v.P50, v.P99, v.Max = stats.Percentiles(delays)
	v.sortSlowest()
	return v, nil
}

func (v *Verdict) problem(format string, args ...any) {
	if len(v.Problems) < 20 {
		v.Problems = append(v.Problems, fmt.Sprintf(format, args...))
	}
}

// call is one transaction mined on L1 calling a contract's method.
type call struct {
	hash  common.Hash
	from  common.Address
	block uint64
	// arg0 is the first 32 bytes of the arguments (a channel id, an exit's position).
	arg0 common.Hash
	rc   *types.Receipt
}

// calls scans blocks from..to for transactions to contract whose calldata
// starts with selector and has a first argument, with their receipts. A
// reverted call leaves no log, so only the blocks' transactions show it.
func calls(ctx context.Context, l1 *L1, contract common.Address, selector []byte, from, to uint64) ([]call, error) {
	signer := types.LatestSignerForChainID(big.NewInt(anvil.ChainID))
	var out []call
	for n := from; n <= to; n++ {
		b, err := l1.Client.BlockByNumber(ctx, new(big.Int).SetUint64(n))
		if err != nil {
			return nil, fmt.Errorf("chaos: read block %d: %w", n, err)
		}
		for _, tx := range b.Transactions() {
			data := tx.Data()
			if tx.To() == nil || *tx.To() != contract || len(data) < 36 || !bytes.Equal(data[:4], selector) {
				continue
			}
			c := call{hash: tx.Hash(), block: n, arg0: common.BytesToHash(data[4:36])}
			if c.from, err = types.Sender(signer, tx); err != nil {
				return nil, fmt.Errorf("chaos: sender of %s: %w", tx.Hash().Hex(), err)
			}
			if c.rc, err = l1.Client.TransactionReceipt(ctx, tx.Hash()); err != nil {
				return nil, fmt.Errorf("chaos: receipt of %s: %w", tx.Hash().Hex(), err)
			}
			out = append(out, c)
		}
	}
	return out, nil
}

// challengeTxs scans blocks from..to for transactions calling challenge on
// the adjudicator.
func challengeTxs(ctx context.Context, l1 *L1, adj *bindings.ChannelAdjudicator, adjAddr common.Address, from, to uint64) ([]challengeTx, error) {
	meta, err := bindings.ChannelAdjudicatorMetaData.GetAbi()
	if err != nil {
		return nil, fmt.Errorf("chaos: adjudicator ABI: %w", err)
	}
	cs, err := calls(ctx, l1, adjAddr, meta.Methods["challenge"].ID, from, to)
	if err != nil {
		return nil, err
	}
	out := make([]challengeTx, 0, len(cs))
	for _, c := range cs {
		t := challengeTx{hash: c.hash, from: c.from, block: c.block, channel: c.arg0, ok: c.rc.Status == types.ReceiptStatusSuccessful}
		for _, l := range c.rc.Logs {
			if ev, err := adj.ParseChannelChallenged(*l); err == nil {
				t.nonce = ev.Nonce
			}
		}
		out = append(out, t)
	}
	return out, nil
}
