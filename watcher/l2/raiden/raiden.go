// Package raiden is the Raiden Network plug-in: it watches one of Raiden's
// TokenNetwork contracts and defends users (non-closing participants, often
// offline) whose partner closes a channel.
//
// In Raiden each participant signs balance proofs about its own transfers
// to the partner. closeChannel stores the NON-closing participant's proof;
// the closer's own proof is not on chain until someone submits it with
// updateNonClosingBalanceProof, which anyone may do while the channel is
// closed, given the closer's signature and the non-closing participant's
// counter-signature. A closer who got paid by the user and closes is thus
// "stale" by default: unless the closer's latest proof reaches the chain
// before someone settles, settlement pays the user nothing for those
// transfers. The user delegates the partner's latest proof (with the
// counter-signature) to the tower; on ChannelClosed by that partner, the
// tower submits it when the partner's nonce on chain is lower.
package raiden

import (
	"context"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"go.uber.org/zap"

	raidenbindings "github.com/watchtower-l2/watchtower/deployments/contracts/bindings/raiden"
	"github.com/watchtower-l2/watchtower/watcher/event"
	"github.com/watchtower-l2/watchtower/watcher/l2"
	"github.com/watchtower-l2/watchtower/watcher/store"
)

// KindName is the subject token of this kind.
const KindName = "raiden"

var tokenNetworkABI = l2.GeneratedABI(KindName, raidenbindings.TokenNetworkMetaData)

// Kind implements l2.Kind (and l2.Intake, l2.Window, l2.Irrevocable) for
// one TokenNetwork.
type Kind struct {
	contract common.Address
	chainID  *big.Int
	store    store.Store
	chain    *chain
	queue    l2.Enqueuer
	dec      *decoder
	log      *zap.Logger
}

var (
	_ l2.Kind        = (*Kind)(nil)
	_ l2.Window      = (*Kind)(nil)
	_ l2.Irrevocable = (*Kind)(nil)
)

// New returns the kind guarding cfg.TokenNetwork, reading L1 through d.L1
// and holding proofs in d.Store; d.ChainID, when set, overrides cfg.ChainID.
// d.Queue receives challenges queued outside the event flow (a delegation
// arriving after the close).
func New(cfg Config, d l2.Deps) (*Kind, error) {
	if d.ChainID != nil {
		cfg.ChainID = d.ChainID
	}
	if err := cfg.check(); err != nil {
		return nil, err
	}
	if d.Store == nil || d.L1 == nil {
		return nil, errors.New("raiden: a store and an L1 client are required")
	}
	ch, err := newChain(d.L1, cfg.TokenNetwork)
	if err != nil {
		return nil, err
	}
	dec, err := newDecoder()
	if err != nil {
		return nil, err
	}
	log := d.Log
	if log == nil {
		log = zap.NewNop()
	}
	return &Kind{contract: cfg.TokenNetwork, chainID: new(big.Int).Set(cfg.ChainID), store: d.Store, chain: ch,
		queue: d.Queue, dec: dec, log: log.Named(KindName)}, nil
}

// Name implements l2.Kind.
func (k *Kind) Name() string { return KindName }

// TokenNetwork is the guarded contract.
func (k *Kind) TokenNetwork() common.Address { return k.contract }

// Addresses implements l2.Kind.
func (k *Kind) Addresses() []common.Address { return []common.Address{k.contract} }

// Decode implements l2.Kind: ChannelOpened, ChannelClosed,
// NonClosingBalanceProofUpdated and ChannelSettled of the token network.
func (k *Kind) Decode(log types.Log) (string, []byte, bool, error) {
	return l2.DecodeLog(KindName, k.contract, log, k.dec.decode)
}

// Verify implements l2.Kind.
func (k *Kind) Verify(ctx context.Context, ev event.Event) (l2.Verdict, error) {
	v := l2.NewVerdict(ev)
	switch ev.Name {
	case EventClosed:
		c, err := l2.Payload[BalanceProofOnChain](ev)
		if err != nil {
			return v, err
		}
		if c.ChannelID == nil {
			return v, errors.New("raiden: closed payload without channel id")
		}
		return k.verifyClose(ctx, ev, c, v)
	case EventUpdated:
		u, err := l2.Payload[BalanceProofOnChain](ev)
		if err != nil {
			return v, err
		}
		if u.ChannelID == nil {
			return v, errors.New("raiden: updated payload without channel id")
		}
		v.Subject = Subject(u.ChannelID, u.Closing)
		v.Detail = fmt.Sprintf("balance proof of closer %s updated to nonce %s", u.Closing.Hex(), u.Nonce)
		if ev.Removed {
			v.Outcome, v.Detail = l2.Retracted, v.Detail+"; removed by a reorg"
		}
		return v, nil
	case EventSettled:
		return k.verifySettled(ctx, ev, v)
	case EventOpened:
		o, err := l2.Payload[Opened](ev)
		if err != nil {
			return v, err
		}
		v.Subject = fmt.Sprint(o.ChannelID)
		v.Users = []string{o.Participant1.Hex(), o.Participant2.Hex()}
		v.Detail = "channel opened"
		if ev.Removed {
			v.Outcome, v.Detail = l2.Retracted, "opening removed by a reorg"
		}
		return v, nil
	}
	return v, fmt.Errorf("raiden: unknown event %q", ev.Name)
}

// verifySettled forgets the channel's held proofs: they can never be
// submitted again (l2.Irrevocable has verify confirm the log on L1 first).
func (k *Kind) verifySettled(ctx context.Context, ev event.Event, v l2.Verdict) (l2.Verdict, error) {
	s, err := l2.Payload[Settled](ev)
	if err != nil {
		return v, err
	}
	if s.ChannelID == nil {
		return v, errors.New("raiden: settled payload without channel id")
	}
	v.Subject = fmt.Sprint(s.ChannelID)
	v.Users = []string{s.Participant1.Hex(), s.Participant2.Hex()}
	if ev.Removed {
		v.Outcome, v.Detail = l2.Retracted, "settlement removed by a reorg"
		return v, nil
	}
	if err := k.forget(ctx, s.ChannelID, s.Participant1, s.Participant2); err != nil {
		return v, err
	}
	v.Detail = fmt.Sprintf("settled: %s gets %s, %s gets %s; held proofs pruned",
		s.Participant1.Hex(), s.Participant1Amount, s.Participant2.Hex(), s.Participant2Amount)
	return v, nil
}

// Irrevocable implements l2.Irrevocable: a settlement makes the tower forget
// the channel's held proofs, so verify confirms it on L1 first.
func (k *Kind) Irrevocable(ev event.Event) bool { return ev.Name == EventSettled }

// challengeFor builds the updateNonClosingBalanceProof call submitting h,
// for the close whose settleable_after is settleableAfter.
func (k *Kind) challengeFor(h Held, settleableAfter, eventBlock uint64) (l2.Challenge, error) {
	data, err := tokenNetworkABI.Pack("updateNonClosingBalanceProof", h.ChannelID, h.Closing, h.NonClosing,
		[32]byte(h.BalanceHash), new(big.Int).SetUint64(h.Nonce), [32]byte(h.AdditionalHash), h.ClosingSig, h.NonClosingSig)
	if err != nil {
		return l2.Challenge{}, fmt.Errorf("raiden: pack update for %s: %w", h.Subject(), err)
	}
	return l2.Challenge{
		DisputeID:    k.DisputeID(h.ChannelID, h.Closing, h.Nonce, settleableAfter),
		Kind:         KindName,
		Subject:      h.Subject(),
		To:           k.contract,
		Data:         data,
		UntilSettled: true,
		DeadlineTime: settleableAfter,
		Users:        []string{h.NonClosing.Hex(), h.Closing.Hex()},
		EventBlock:   eventBlock,
	}, nil
}

// DisputeID names the update of channel id closed by closing with the held
// nonce: "raiden-<token network>-<channel id>-<closer>-n<nonce>-t<settleable_after>".
// The close is identified by its settleable_after (its block's timestamp
// plus the settle timeout, read from L1): the close event and a delegation
// arriving after it name it alike, so one proof is never sent twice for one
// close, and a close re-mined in another block after a reorg is another dispute.
func (k *Kind) DisputeID(id *big.Int, closing common.Address, nonce, settleableAfter uint64) string {
	return fmt.Sprintf("raiden-%s-%s-%s-n%d-t%d", k.contract.Hex(), id, closing.Hex(), nonce, settleableAfter)
}

// ClassifyRevert implements l2.Kind with TokenNetwork's revert reasons.
func (k *Kind) ClassifyRevert(_ l2.Challenge, data []byte) (string, l2.RevertClass) {
	return revertTable.Classify(tokenNetworkABI, data)
}

// revertTable: "nonce reused" means an equal or newer proof of the closer is
// on chain already; "channel not closed" that the close was reorged away;
// "channel id mismatch" that the pair has no channel any more: someone
// settled, and the update can never be made.
var revertTable = l2.RevertTable{
	"TN: nonce reused":               l2.RevertObsolete,
	"TN/update: channel not closed":  l2.RevertObsolete,
	"TN/update: channel id mismatch": l2.RevertTooLate,
}
