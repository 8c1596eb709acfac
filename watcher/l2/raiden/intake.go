package raiden

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/watcher/l2"
	"github.com/watchtower-l2/watchtower/watcher/store"
)

var _ l2.Intake = (*Kind)(nil)

// ParseProof reads a balance proof in its JSON form (ProofJSON).
func (k *Kind) ParseProof(raw json.RawMessage) (l2.Proof, error) {
	p, err := ParseProofJSON(raw)
	if err != nil {
		return nil, err
	}
	return p, nil
}

// Hold checks each proof (both signatures, the channel and its participants
// on L1, a nonce above the one held), admits the survivors through
// opts.Admit and stores them. A proof of a channel the closer already closed
// with an older proof of its own on chain is submitted at once: its update
// is queued and the result says Challenging.
func (k *Kind) Hold(ctx context.Context, proofs []l2.Proof, opts l2.HoldOptions) ([]l2.HoldResult, error) {
	ps := make([]Proof, len(proofs))
	res := make([]l2.HoldResult, len(proofs))
	seen := make(map[string]bool, len(proofs))
	var live []int
	for i, p := range proofs {
		pr, ok := p.(Proof)
		if !ok {
			return nil, fmt.Errorf("raiden: proof %d is a %T, not a Raiden balance proof", i, p)
		}
		ps[i] = pr
		res[i].Subject, res[i].Nonce = pr.Subject(), pr.Nonce
		if seen[pr.Subject()] {
			res[i].Err = l2.Refuse(fmt.Errorf("%s appears earlier in the same call; send only its latest balance proof", pr.Subject()), l2.ErrInvalidProof)
			continue
		}
		seen[pr.Subject()] = true
		d, err := pr.verify(k.contract, k.chainID)
		if err != nil {
			res[i].Err = l2.Refuse(err, l2.ErrInvalidProof)
			continue
		}
		res[i].Digest = d
		live = append(live, i)
	}
	prev, live, err := k.checkHeld(ctx, ps, live, res)
	if err != nil {
		return nil, err
	}
	if live, err = k.admit(ctx, ps, live, res, opts.Admit); err != nil {
		return nil, err
	}
	if live, err = k.store1(ctx, ps, live, prev, res, opts.Owned); err != nil {
		return nil, err
	}
	for _, i := range live {
		if err := k.afterWrite(ctx, Held{Proof: ps[i]}, &res[i]); err != nil {
			return nil, err
		}
		if res[i].Err == nil {
			res[i].Parties = []common.Address{ps[i].NonClosing, ps[i].Closing}
			k.log.Debug("balance proof held", zap.String("subject", ps[i].Subject()), zap.Uint64("nonce", ps[i].Nonce),
				zap.Uint64("previous", res[i].Previous), zap.Bool("challenging", res[i].Challenging))
		}
	}
	return res, nil
}

// checkHeld checks the live proofs against L1 and the proofs held, and
// returns what is held for each (by index) and the proofs still in the running.
func (k *Kind) checkHeld(ctx context.Context, ps []Proof, live []int, res []l2.HoldResult) ([]Held, []int, error) {
	prev := make([]Held, len(ps))
	kept := live[:0]
	for _, i := range live {
		p := ps[i]
		ch, err := k.chain.channel(ctx, p.ChannelID, p.Closing, p.NonClosing)
		if err != nil {
			return nil, nil, fmt.Errorf("raiden: read channel %s on L1: %w", p.ChannelID, err)
		}
		if res[i].Err = k.checkChannel(p, ch); res[i].Err != nil {
			continue
		}
		h, err := k.held(ctx, p.ChannelID, p.Closing)
		switch {
		case errors.Is(err, store.ErrNotFound):
		case err != nil:
			return nil, nil, err
		case h.Nonce > p.Nonce || (h.Nonce == p.Nonce && !sameProof(h.Proof, p)):
			res[i].Err = l2.Refuse(fmt.Errorf("the tower holds nonce %d for %s, got %d", h.Nonce, p.Subject(), p.Nonce), l2.ErrConflict)
			continue
		default:
			// A newer proof, or the one held delegated again: a retry (its
			// receipt lost with a killed tower, or its write not confirmed)
			// goes through as a new one would, written again.
			prev[i] = h
		}
		kept = append(kept, i)
	}
	return prev, kept, nil
}

// checkChannel refuses a proof of a channel L1 does not show between its
// two participants, or one that can no longer be submitted.
func (k *Kind) checkChannel(p Proof, ch Channel) error {
	switch {
	case ch.State.settled():
		return l2.Refuse(fmt.Errorf("channel %s is already %s on token network %s", p.ChannelID, ch.State, k.contract.Hex()), l2.ErrConflict)
	case !ch.Exists(p.ChannelID) || (ch.State != StateOpened && ch.State != StateClosed):
		return l2.Refuse(fmt.Errorf("token network %s has no channel %s between %s and %s", k.contract.Hex(), p.ChannelID,
			p.Closing.Hex(), p.NonClosing.Hex()), l2.ErrUnknownSubject)
	case ch.State == StateClosed && !ch.ClosingIsCloser:
		return l2.Refuse(fmt.Errorf("channel %s was closed by %s, not by %s: this proof can no longer be submitted",
			p.ChannelID, p.NonClosing.Hex(), p.Closing.Hex()), l2.ErrConflict)
	}
	return nil
}

// admit runs the caller's Admit on the live proofs.
func (k *Kind) admit(ctx context.Context, ps []Proof, live []int, res []l2.HoldResult,
	admit func(context.Context, []l2.Candidate) ([]error, error)) ([]int, error) {
	if admit == nil || len(live) == 0 {
		return live, nil
	}
	cands := make([]l2.Candidate, len(live))
	for j, i := range live {
		cands[j] = l2.Candidate{Index: i, Subject: ps[i].Subject(), Parties: []common.Address{ps[i].NonClosing, ps[i].Closing}}
	}
	errs, err := admit(ctx, cands)
	if err != nil {
		return nil, err
	}
	if errs == nil {
		return live, nil
	}
	if len(errs) != len(cands) {
		return nil, fmt.Errorf("raiden: admit returned %d errors for %d proofs", len(errs), len(cands))
	}
	kept := live[:0]
	for j, i := range live {
		if res[i].Err = errs[j]; res[i].Err == nil {
			kept = append(kept, i)
		}
	}
	return kept, nil
}

// store1 writes the live proofs, each versioned by its nonce (a concurrent
// newer write wins).
func (k *Kind) store1(ctx context.Context, ps []Proof, live []int, prev []Held, res []l2.HoldResult, owned bool) ([]int, error) {
	if len(live) == 0 {
		return live, nil
	}
	ops := make([]store.Op, len(live))
	for j, i := range live {
		b, err := encodeHeld(Held{Proof: ps[i], Anonymous: !owned || prev[i].Anonymous})
		if err != nil {
			return nil, err
		}
		ops[j] = store.PutVersionedIdempotentOp(k.heldKey(ps[i].ChannelID, ps[i].Closing), ps[i].Nonce, b)
	}
	applied, err := store.Apply(ctx, k.store, ops)
	if err != nil {
		return nil, fmt.Errorf("raiden: store %d balance proofs: %w", len(ops), err)
	}
	kept := live[:0]
	for j, i := range live {
		if !applied[j] {
			res[i].Err = l2.Refuse(fmt.Errorf("a concurrent delegation of %s stored a nonce of at least %d", ps[i].Subject(), ps[i].Nonce), l2.ErrConflict)
			continue
		}
		res[i].Previous = prev[i].Nonce
		kept = append(kept, i)
	}
	return kept, nil
}

// afterWrite reads the channel afresh once the proof is stored: the verify
// role reads the held proof after the close is on L1, so one of the two sees
// the other. A channel closed by the proof's closer with an older proof of
// it on chain gets its update queued now; a settled one drops the proof.
func (k *Kind) afterWrite(ctx context.Context, h Held, r *l2.HoldResult) error {
	ch, err := k.chain.channel(ctx, h.ChannelID, h.Closing, h.NonClosing)
	if err != nil {
		return fmt.Errorf("raiden: read channel %s on L1: %w", h.ChannelID, err)
	}
	switch {
	case ch.State.settled():
		if err := k.forget(ctx, h.ChannelID, h.Closing); err != nil {
			return err
		}
		r.Err = l2.Refuse(fmt.Errorf("channel %s settled meanwhile", h.ChannelID), l2.ErrConflict)
		return nil
	case ch.State != StateClosed || !ch.ClosingIsCloser || new(big.Int).SetUint64(h.Nonce).Cmp(ch.ClosingNonce) <= 0:
		return nil
	}
	if k.queue == nil {
		return fmt.Errorf("raiden: %s is closed with an older proof, and the kind has no challenge queue", h.Subject())
	}
	c, err := k.challengeFor(h, ch.SettleableAfter, 0)
	if err != nil {
		return err
	}
	if err := k.queue.Enqueue(ctx, c); err != nil {
		return fmt.Errorf("raiden: queue update for %s: %w", h.Subject(), err)
	}
	r.Challenging = true
	return nil
}

// Held returns the proof held for a subject, in its JSON form.
func (k *Kind) Held(ctx context.Context, subject string) (l2.HeldProof, error) {
	id, closing, err := ParseSubject(subject)
	if err != nil {
		return l2.HeldProof{}, err
	}
	h, err := k.held(ctx, id, closing)
	if err != nil {
		return l2.HeldProof{}, err
	}
	raw, err := json.Marshal(h.JSON())
	if err != nil {
		return l2.HeldProof{}, fmt.Errorf("raiden: encode held proof %s: %w", subject, err)
	}
	return l2.HeldProof{Subject: h.Subject(), Nonce: h.Nonce, Parties: []common.Address{h.NonClosing, h.Closing},
		Anonymous: h.Anonymous, Proof: raw}, nil
}

// HeldNonce returns the nonce held for a subject.
func (k *Kind) HeldNonce(ctx context.Context, subject string) (uint64, error) {
	id, closing, err := ParseSubject(subject)
	if err != nil {
		return 0, err
	}
	n, ok, err := k.heldNonce(ctx, id, closing)
	if err == nil && !ok {
		err = fmt.Errorf("raiden: no balance proof held for %s: %w", subject, store.ErrNotFound)
	}
	return n, err
}

// ForgetSubject drops the proof held for a subject.
func (k *Kind) ForgetSubject(ctx context.Context, subject string) error {
	id, closing, err := ParseSubject(subject)
	if err != nil {
		return err
	}
	return k.forget(ctx, id, closing)
}

// sameProof reports whether a and b are the same balance proof, byte for
// byte in their signatures.
func sameProof(a, b Proof) bool {
	return a.ChannelID.Cmp(b.ChannelID) == 0 && a.Closing == b.Closing && a.NonClosing == b.NonClosing &&
		a.Nonce == b.Nonce && a.BalanceHash == b.BalanceHash && a.AdditionalHash == b.AdditionalHash &&
		bytes.Equal(a.ClosingSig, b.ClosingSig) && bytes.Equal(a.NonClosingSig, b.NonClosingSig)
}
