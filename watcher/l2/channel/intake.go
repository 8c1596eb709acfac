package channel

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/common"

	"github.com/watchtower-l2/watchtower/proofs/channelstate"
	"github.com/watchtower-l2/watchtower/proofs/wire"
	"github.com/watchtower-l2/watchtower/watcher/l2"
)

var _ l2.Intake = (*Kind)(nil)

// stateProof is a co-signed state delegated through the intake.
type stateProof struct{ channelstate.Signed }

func (p stateProof) Subject() string { return p.ChannelID.Hex() }

// ParseProof reads a co-signed state in its JSON form (channelstate.JSON).
func (k *Kind) ParseProof(raw json.RawMessage) (l2.Proof, error) {
	var j channelstate.JSON
	if err := json.Unmarshal(raw, &j); err != nil {
		return nil, fmt.Errorf("want a channel state {channel_id, nonce, balance_a, balance_b, sig_a, sig_b}: %v", err)
	}
	s, err := j.Signed()
	if err != nil {
		return nil, err
	}
	return stateProof{s}, nil
}

// Hold delegates co-signed states (see DelegateMany).
func (k *Kind) Hold(ctx context.Context, proofs []l2.Proof, opts l2.HoldOptions) ([]l2.HoldResult, error) {
	states := make([]channelstate.Signed, len(proofs))
	for i, p := range proofs {
		sp, ok := p.(stateProof)
		if !ok {
			return nil, fmt.Errorf("channel: proof %d is a %T, not a channel state", i, p)
		}
		states[i] = sp.Signed
	}
	many := ManyOptions{Owned: opts.Owned}
	if opts.Admit != nil {
		many.Admit = func(ctx context.Context, cands []Candidate) ([]error, error) {
			cs := make([]l2.Candidate, len(cands))
			for i, c := range cands {
				cs[i] = l2.Candidate{Index: c.Index, Subject: c.State.ChannelID.Hex(), Parties: []common.Address{c.Info.PartyA, c.Info.PartyB}}
			}
			return opts.Admit(ctx, cs)
		}
	}
	res, err := k.DelegateMany(ctx, states, many)
	if err != nil {
		return nil, err
	}
	out := make([]l2.HoldResult, len(res))
	for i, r := range res {
		out[i] = l2.HoldResult{Subject: r.ChannelID.Hex(), Nonce: r.Nonce, Previous: r.Previous, Digest: r.StateDigest,
			Challenging: r.Challenging, Err: refusal(r.Err)}
		if r.Err == nil {
			out[i].Parties = []common.Address{r.PartyA, r.PartyB}
		}
	}
	return out, nil
}

// Held returns the state held for a channel, in its JSON form with the parties.
func (k *Kind) Held(ctx context.Context, subject string) (l2.HeldProof, error) {
	id, err := channelID(subject)
	if err != nil {
		return l2.HeldProof{}, err
	}
	h, err := k.Latest(ctx, id)
	if err != nil {
		return l2.HeldProof{}, err
	}
	raw, err := json.Marshal(HeldJSON{JSON: channelstate.ToJSON(h.Signed), PartyA: h.PartyA.Hex(), PartyB: h.PartyB.Hex()})
	if err != nil {
		return l2.HeldProof{}, err
	}
	return l2.HeldProof{Subject: id.Hex(), Nonce: h.Nonce, Parties: []common.Address{h.PartyA, h.PartyB}, Anonymous: h.Anonymous, Proof: raw}, nil
}

// HeldNonce returns the nonce held for a channel.
func (k *Kind) HeldNonce(ctx context.Context, subject string) (uint64, error) {
	id, err := channelID(subject)
	if err != nil {
		return 0, err
	}
	return k.LatestNonce(ctx, id)
}

// ForgetSubject drops the state held for a channel.
func (k *Kind) ForgetSubject(ctx context.Context, subject string) error {
	id, err := channelID(subject)
	if err != nil {
		return err
	}
	return k.Forget(ctx, id)
}

// HeldJSON is the full state held for a channel as its parties read it.
type HeldJSON struct {
	channelstate.JSON
	PartyA string `json:"party_a"`
	PartyB string `json:"party_b"`
}

func channelID(subject string) (common.Hash, error) {
	id, err := wire.ParseHash("channel id", subject)
	if err != nil {
		return common.Hash{}, l2.Refuse(err, l2.ErrInvalidProof)
	}
	return id, nil
}

// refusal marks a delegation refusal with the l2 reason the API maps to a status.
func refusal(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, ErrInvalidState), errors.Is(err, ErrBadSignature):
		return l2.Refuse(err, l2.ErrInvalidProof)
	case errors.Is(err, ErrUnknownChannel):
		return l2.Refuse(err, l2.ErrUnknownSubject)
	case errors.Is(err, ErrStaleNonce), errors.Is(err, ErrChannelSettled), errors.Is(err, ErrNotOpen):
		return l2.Refuse(err, l2.ErrConflict)
	case errors.Is(err, ErrBalanceMismatch):
		return l2.Refuse(err, l2.ErrUnprocessable)
	case errors.Is(err, ErrNotParticipant):
		return l2.Refuse(err, l2.ErrNotParty)
	}
	return err
}
