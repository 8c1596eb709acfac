package channel

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/big"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/ethereum/go-ethereum/common"
	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/proofs/channelstate"
	"github.com/watchtower-l2/watchtower/watcher/store"
)

// Reasons a delegation is refused. Callers map them to user-facing errors with errors.Is.
var (
	ErrInvalidState    = errors.New("invalid state")
	ErrUnknownChannel  = errors.New("unknown channel")
	ErrChannelSettled  = errors.New("channel already settled")
	ErrNotOpen         = errors.New("channel not open yet")
	ErrBalanceMismatch = errors.New("balances do not add up to the channel's deposits")
	ErrBadSignature    = channelstate.ErrBadSignature
	ErrStaleNonce      = errors.New("nonce not higher than the state the tower holds")
	ErrNotParticipant  = errors.New("not a participant of the channel")
)

// Accepted describes a stored delegation.
type Accepted struct {
	ChannelID common.Hash    `json:"channel_id"`
	Nonce     uint64         `json:"nonce"`
	Previous  uint64         `json:"previous_nonce"`
	PartyA    common.Address `json:"party_a"`
	PartyB    common.Address `json:"party_b"`
	// Challenging is true when the channel was already closing with an older
	// state and the tower queued a challenge right away.
	Challenging bool `json:"challenging"`
}

// DelegateOptions refine a delegation.
type DelegateOptions struct {
	// Admit runs once every check has passed (L1 record, balances, both
	// signatures, nonce higher than the held one) and before anything is
	// stored; an error refuses the delegation and is returned as is, with
	// nothing stored. The delegation API checks participation, quota and
	// replay here.
	Admit func(ctx context.Context, info Info) error
	// Owned marks a delegation by a registered user, who accounts for it. A
	// state ever delegated without an owner is kept until the channel settles,
	// whatever its owners do (see Held.Anonymous).
	Owned bool
}

// Candidate is a state of a DelegateMany call that passed every check and
// waits to be admitted.
type Candidate struct {
	// Index is the state's position in the call.
	Index int
	State channelstate.Signed
	// Info is the channel's L1 record the state was checked against.
	Info Info
}

// ManyOptions refine a DelegateMany call.
type ManyOptions struct {
	// Admit runs once, after every per-state check and before anything is
	// stored, with the states still in the running. It returns one error per
	// candidate (nil admits it; an error refuses that state and is reported
	// as is) or a non-nil error that refuses the whole call.
	Admit func(ctx context.Context, cands []Candidate) ([]error, error)
	// Owned is DelegateOptions.Owned.
	Owned bool
}

// Result is the outcome of one state of a DelegateMany call: Err is nil when
// the state was stored.
type Result struct {
	Accepted
	// StateDigest is the EIP-712 digest both parties signed (set once the
	// signatures are checked).
	StateDigest common.Hash
	Err         error
}

// Delegate verifies a co-signed state against the channel recorded on L1 and,
// when its nonce is higher than the one held, stores it as the proof the tower
// will answer a stale close with. If the channel is already closing with an
// older state and the window is open, the challenge is queued at once. The
// state is held without an owner (see DelegateWith).
func (k *Kind) Delegate(ctx context.Context, s channelstate.Signed) (Accepted, error) {
	return k.DelegateWith(ctx, s, DelegateOptions{})
}

// DelegateWith is Delegate with options.
func (k *Kind) DelegateWith(ctx context.Context, s channelstate.Signed, opts DelegateOptions) (Accepted, error) {
	many := ManyOptions{Owned: opts.Owned}
	if opts.Admit != nil {
		many.Admit = func(ctx context.Context, cands []Candidate) ([]error, error) {
			return nil, opts.Admit(ctx, cands[0].Info)
		}
	}
	res, err := k.DelegateMany(ctx, []channelstate.Signed{s}, many)
	if err != nil {
		return Accepted{}, err
	}
	return res[0].Accepted, res[0].Err
}

// DelegateMany is Delegate for many states at once (a channel node updating
// all its channels): each state is checked and stored on its own, as
// DelegateWith would, but the store is read and written in a few round trips
// for the whole call and the L1 record of an open channel is read once per
// process. A state of a channel that appears earlier in the call is refused.
// The error is non-nil only when the call as a whole failed: Admit refused
// it (nothing is stored then), or the store or L1 could not be reached
// (retry the call: a state stored before the failure is refused as stale,
// which leaves what the tower holds right).
//
// A channel's parties and deposits never change once it is open, so they are
// cached; whether it is still open is not. The verify role marks a channel as
// disputed (in the store) before it reads the held state to judge a close,
// and a delegation reads that mark after storing its state: whichever comes
// second sees the other, so either the verify role challenges with the new
// state or the delegation reads L1 afresh and queues the challenge itself.
func (k *Kind) DelegateMany(ctx context.Context, states []channelstate.Signed, opts ManyOptions) ([]Result, error) {
	res := make([]Result, len(states))
	infos := make([]Info, len(states))
	seen := make(map[common.Hash]bool, len(states))
	var live []int // states still in the running
	for i, s := range states {
		res[i].ChannelID, res[i].Nonce = s.ChannelID, s.Nonce
		switch err := s.Validate(); {
		case err != nil:
			res[i].Err = fmt.Errorf("%w: %v", ErrInvalidState, err)
			continue
		case s.Nonce == 0:
			res[i].Err = fmt.Errorf("%w: nonce must be at least 1", ErrInvalidState)
			continue
		case seen[s.ChannelID]:
			res[i].Err = fmt.Errorf("%w: channel %s appears earlier in the same call; send only its latest state", ErrInvalidState, s.ChannelID.Hex())
			continue
		}
		seen[s.ChannelID] = true
		live = append(live, i)
	}
	if err := k.readInfos(ctx, states, live, infos); err != nil {
		return nil, err
	}
	// The signature checks are most of a delegation's work: spread them over
	// the cores, so one large call does not wait on one.
	parallel(len(live), func(j int) {
		i := live[j]
		res[i].StateDigest, res[i].Err = k.check(states[i], infos[i])
	})
	kept := live[:0]
	for _, i := range live {
		if res[i].Err == nil {
			res[i].PartyA, res[i].PartyB = infos[i].PartyA, infos[i].PartyB
			kept = append(kept, i)
		}
	}
	live = kept
	if len(live) == 0 {
		return res, nil
	}

	// Refuse a stale nonce before Admit, so a refused state changes nothing;
	// the versioned write below settles a race between two updates.
	ids := make([]common.Hash, len(live))
	for j, i := range live {
		ids[j] = states[i].ChannelID
	}
	held, err := k.heldMany(ctx, ids)
	if err != nil {
		return nil, err
	}
	prev := make([]heldState, len(states))
	kept = live[:0]
	for j, i := range live {
		h := held[j]
		prev[i] = h
		// The state held, delegated again, is a retry (its receipt was lost
		// with a killed tower, or its write not confirmed): it goes through
		// as a new one would, written again.
		if h.found && h.Nonce >= states[i].Nonce && !(h.Nonce == states[i].Nonce && sameState(h.Signed, states[i])) {
			res[i].Err = fmt.Errorf("%w: the tower holds nonce %d for %s, got %d", ErrStaleNonce, h.Nonce, states[i].ChannelID.Hex(), states[i].Nonce)
			continue
		}
		kept = append(kept, i)
	}
	live = kept
	if opts.Admit != nil && len(live) > 0 {
		cands := make([]Candidate, len(live))
		for j, i := range live {
			cands[j] = Candidate{Index: i, State: states[i], Info: infos[i]}
		}
		errs, err := opts.Admit(ctx, cands)
		if err != nil {
			return nil, err
		}
		if errs != nil {
			if len(errs) != len(cands) {
				return nil, fmt.Errorf("channel: admit returned %d errors for %d states", len(errs), len(cands))
			}
			kept := live[:0]
			for j, i := range live {
				if res[i].Err = errs[j]; res[i].Err == nil {
					kept = append(kept, i)
				}
			}
			live = kept
		}
	}
	if len(live) == 0 {
		return res, nil
	}

	ops := make([]store.Op, len(live))
	heldNew := make([]Held, len(states))
	for j, i := range live {
		s := states[i]
		h := Held{Signed: s, PartyA: infos[i].PartyA, PartyB: infos[i].PartyB, Anonymous: !opts.Owned || prev[i].Anonymous}
		heldNew[i] = h
		ops[j] = store.PutVersionedIdempotentOp(stateKey(s.ChannelID), s.Nonce, encodeHeld(h))
	}
	applied, err := store.Apply(ctx, k.store, ops)
	if err != nil {
		return nil, fmt.Errorf("channel: store %d states: %w", len(ops), err)
	}
	kept = live[:0]
	for j, i := range live {
		if !applied[j] {
			res[i].Err = fmt.Errorf("%w: a concurrent update of %s stored a nonce at least %d", ErrStaleNonce, states[i].ChannelID.Hex(), states[i].Nonce)
			continue
		}
		kept = append(kept, i)
	}
	live = kept
	// The state held under the earlier key is older than the one just stored.
	for _, i := range live {
		res[i].Previous = prev[i].Nonce
		if prev[i].legacy {
			if err := k.store.Delete(ctx, legacyStateKey(states[i].ChannelID)); err != nil {
				return nil, fmt.Errorf("channel: drop the earlier state of %s: %w", states[i].ChannelID.Hex(), err)
			}
		}
	}
	if err := k.afterWrite(ctx, live, heldNew, infos, res); err != nil {
		return nil, err
	}
	for _, i := range live {
		if res[i].Err == nil {
			k.log.Debug("delegation accepted", zap.String("channel", states[i].ChannelID.Hex()), zap.Uint64("nonce", states[i].Nonce), zap.Uint64("previous", res[i].Previous))
		}
	}
	return res, nil
}

// check verifies a state against its channel's L1 record and returns its digest.
func (k *Kind) check(s channelstate.Signed, info Info) (common.Hash, error) {
	switch info.Status {
	case StatusNone:
		return common.Hash{}, fmt.Errorf("%w: %s is not open on adjudicator %s", ErrUnknownChannel, s.ChannelID.Hex(), k.contract.Hex())
	case StatusOpening:
		return common.Hash{}, fmt.Errorf("%w: %s is waiting for party B to join; delegate once it is open", ErrNotOpen, s.ChannelID.Hex())
	case StatusSettled:
		return common.Hash{}, fmt.Errorf("%w: %s", ErrChannelSettled, s.ChannelID.Hex())
	}
	if sum := new(big.Int).Add(s.BalanceA, s.BalanceB); sum.Cmp(info.Total) != 0 {
		return common.Hash{}, fmt.Errorf("%w: balances sum to %s wei, deposits are %s wei", ErrBalanceMismatch, sum, info.Total)
	}
	return k.domain.VerifyBothDigest(s, info.PartyA, info.PartyB)
}

// afterWrite handles the stored states of channels that are no longer open:
// those L1 reported closing, and those the verify role marked as disputed
// (then L1 is read afresh). A state that improves on an open close is
// challenged at once; one of a settled channel is dropped and refused.
func (k *Kind) afterWrite(ctx context.Context, live []int, held []Held, infos []Info, res []Result) error {
	keys := make([]string, len(live))
	for j, i := range live {
		keys[j] = disputedKey(held[i].ChannelID)
	}
	marks, err := store.GetMany(ctx, k.store, keys)
	if err != nil {
		return fmt.Errorf("channel: read dispute marks: %w", err)
	}
	var head uint64
	for j, i := range live {
		info := infos[i]
		if marks[j] != nil {
			if info, err = k.chain.Channel(ctx, held[i].ChannelID); err != nil {
				return fmt.Errorf("channel: read %s on L1: %w", held[i].ChannelID.Hex(), err)
			}
		}
		switch {
		case info.Status == StatusSettled:
			if err := k.deleteHeld(ctx, held[i].ChannelID); err != nil {
				return err
			}
			res[i].Err = fmt.Errorf("%w: %s", ErrChannelSettled, held[i].ChannelID.Hex())
			continue
		case info.Status != StatusClosing || held[i].Nonce <= info.Nonce:
			continue
		}
		if head == 0 {
			if head, err = k.chain.Head(ctx); err != nil {
				return fmt.Errorf("channel: read L1 head: %w", err)
			}
		}
		if head > info.Deadline {
			continue
		}
		ch, err := k.challengeFor(held[i], info.Deadline, head)
		if err != nil {
			return err
		}
		if err := k.queue.Enqueue(ctx, ch); err != nil {
			return fmt.Errorf("channel: queue challenge for %s: %w", held[i].ChannelID.Hex(), err)
		}
		res[i].Challenging = true
	}
	return nil
}

// l1Readers bounds the concurrent L1 reads of one call: a hub's first batch
// may name 256 channels the tower has not seen yet.
const l1Readers = 16

// readInfos fills infos[i] for each i in live with the L1 record of
// states[i]'s channel: from the cache when the channel was seen open, else
// from L1, the channels missing from the cache read concurrently.
func (k *Kind) readInfos(ctx context.Context, states []channelstate.Signed, live []int, infos []Info) error {
	var miss []int
	for _, i := range live {
		if info, ok := k.facts.get(states[i].ChannelID); ok {
			infos[i] = info
		} else {
			miss = append(miss, i)
		}
	}
	errs := make([]error, len(miss))
	fanOut(len(miss), l1Readers, func(j int) {
		i := miss[j]
		infos[i], errs[j] = k.fetchInfo(ctx, states[i].ChannelID)
	})
	for j, err := range errs {
		if err != nil {
			return fmt.Errorf("channel: read %s on L1: %w", states[miss[j]].ChannelID.Hex(), err)
		}
	}
	return nil
}

// fetchInfo reads a channel's L1 record and caches it when the channel is
// open (its parties and deposits cannot change then).
func (k *Kind) fetchInfo(ctx context.Context, id common.Hash) (Info, error) {
	info, err := k.chain.Channel(ctx, id)
	if err == nil && info.Status == StatusOpen {
		k.facts.put(id, info)
	}
	return info, err
}

// Head returns the L1 head block number as the plug-in's chain reader sees it.
func (k *Kind) Head(ctx context.Context) (uint64, error) { return k.chain.Head(ctx) }

// Channel returns the channel's record on L1.
func (k *Kind) Channel(ctx context.Context, id common.Hash) (Info, error) {
	return k.chain.Channel(ctx, id)
}

// ChainID is the L1 chain id.
func (k *Kind) ChainID() uint64 { return k.chainID }

// Adjudicator is the watched contract.
func (k *Kind) Adjudicator() common.Address { return k.contract }

// Forget removes the held state of a channel (a revoked or expired delegation
// nobody else relies on). Forgetting a channel the tower does not hold is not an error.
func (k *Kind) Forget(ctx context.Context, id common.Hash) error {
	return k.deleteHeld(ctx, id)
}

// deleteHeld removes the held state of a channel under both keys.
func (k *Kind) deleteHeld(ctx context.Context, id common.Hash) error {
	for _, key := range []string{stateKey(id), legacyStateKey(id)} {
		if err := k.store.Delete(ctx, key); err != nil {
			return fmt.Errorf("channel: forget state of %s: %w", id.Hex(), err)
		}
	}
	return nil
}

// parallel runs f(0..n-1) on up to GOMAXPROCS goroutines; small n runs inline.
func parallel(n int, f func(int)) { fanOut(n, min(runtime.GOMAXPROCS(0), n/8), f) }

// fanOut runs f(0..n-1) on up to workers goroutines (inline when workers <= 1).
func fanOut(n, workers int, f func(int)) {
	workers = min(workers, n)
	if workers <= 1 {
		for j := range n {
			f(j)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := int(next.Add(1) - 1); j < n; j = int(next.Add(1) - 1) {
				f(j)
			}
		}()
	}
	wg.Wait()
}

// sameState reports whether a and b are the same co-signed state, byte for
// byte in their signatures.
func sameState(a, b channelstate.Signed) bool {
	return a.ChannelID == b.ChannelID && a.Nonce == b.Nonce &&
		a.BalanceA.Cmp(b.BalanceA) == 0 && a.BalanceB.Cmp(b.BalanceB) == 0 &&
		bytes.Equal(a.SigA, b.SigA) && bytes.Equal(a.SigB, b.SigB)
}
