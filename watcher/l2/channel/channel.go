// Package channel is the state-channel plug-in: it watches a
// ChannelAdjudicator, holds the latest co-signed state users delegate, and
// answers a close with a stale state by challenging with the newer state,
// whose two signatures the adjudicator verifies itself.
package channel

import (
	"context"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/deployments/contracts/bindings"
	"github.com/watchtower-l2/watchtower/proofs/channelstate"
	"github.com/watchtower-l2/watchtower/watcher/event"
	"github.com/watchtower-l2/watchtower/watcher/l2"
	"github.com/watchtower-l2/watchtower/watcher/store"
)

// KindName is the subject token of this kind.
const KindName = "channel"

var channelABI = l2.GeneratedABI(KindName, bindings.ChannelAdjudicatorMetaData)

// Status mirrors ChannelAdjudicator.Status.
type Status uint8

// Channel statuses on L1.
const (
	StatusNone Status = iota
	StatusOpening
	StatusOpen
	StatusClosing
	StatusSettled
)

// String names the status as the contract does.
func (s Status) String() string {
	switch s {
	case StatusNone:
		return "unknown"
	case StatusOpening:
		return "opening"
	case StatusOpen:
		return "open"
	case StatusClosing:
		return "closing"
	case StatusSettled:
		return "settled"
	}
	return fmt.Sprintf("status(%d)", uint8(s))
}

// Info is a channel's record on L1.
type Info struct {
	PartyA   common.Address
	PartyB   common.Address
	Total    *big.Int
	Status   Status
	Nonce    uint64
	Deadline uint64
}

// Chain reads the adjudicator on L1.
type Chain interface {
	Channel(ctx context.Context, id common.Hash) (Info, error)
	Head(ctx context.Context) (uint64, error)
}

// Backend is what the L1 reader needs from an ethclient.
type Backend interface {
	bind.ContractCaller
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
}

type l1Chain struct {
	backend Backend
	caller  *bindings.ChannelAdjudicatorCaller
}

// NewChain reads channels of the adjudicator at addr through backend.
func NewChain(backend Backend, addr common.Address) (Chain, error) {
	c, err := bindings.NewChannelAdjudicatorCaller(addr, backend)
	if err != nil {
		return nil, fmt.Errorf("channel: bind adjudicator %s: %w", addr.Hex(), err)
	}
	return &l1Chain{backend: backend, caller: c}, nil
}

func (c *l1Chain) Channel(ctx context.Context, id common.Hash) (Info, error) {
	ch, err := c.caller.GetChannel(&bind.CallOpts{Context: ctx}, id)
	if err != nil {
		return Info{}, err
	}
	return Info{PartyA: ch.PartyA, PartyB: ch.PartyB, Total: ch.Total, Status: Status(ch.Status), Nonce: ch.Nonce, Deadline: ch.Deadline}, nil
}

func (c *l1Chain) Head(ctx context.Context) (uint64, error) {
	h, err := c.backend.HeaderByNumber(ctx, nil)
	if err != nil {
		return 0, err
	}
	return h.Number.Uint64(), nil
}

// Config configures the plug-in.
type Config struct {
	ChainID     *big.Int
	Adjudicator common.Address
}

// Kind implements l2.Kind for ChannelAdjudicator.
type Kind struct {
	contract common.Address
	chainID  uint64
	domain   channelstate.Domain
	store    store.Store
	chain    Chain
	queue    l2.Enqueuer
	dec      *decoder
	facts    factCache
	log      *zap.Logger
}

var _ l2.Kind = (*Kind)(nil)

// New returns the channel plug-in. queue receives challenges queued outside the
// event flow (a delegation arriving while a stale close is already pending).
func New(cfg Config, st store.Store, chain Chain, queue l2.Enqueuer, log *zap.Logger) (*Kind, error) {
	if cfg.ChainID == nil || cfg.ChainID.Sign() <= 0 {
		return nil, errors.New("channel: chain id is required")
	}
	if cfg.Adjudicator == (common.Address{}) {
		return nil, errors.New("channel: adjudicator address is required")
	}
	dec, err := newDecoder()
	if err != nil {
		return nil, err
	}
	return &Kind{
		contract: cfg.Adjudicator,
		chainID:  cfg.ChainID.Uint64(),
		domain:   channelstate.NewDomain(cfg.ChainID, cfg.Adjudicator),
		store:    st,
		chain:    chain,
		queue:    queue,
		dec:      dec,
		log:      log.Named("channel"),
	}, nil
}

// Name implements l2.Kind.
func (k *Kind) Name() string { return KindName }

// Domain is the EIP-712 domain states of this adjudicator are signed in.
func (k *Kind) Domain() channelstate.Domain { return k.domain }

// Addresses implements l2.Kind.
func (k *Kind) Addresses() []common.Address { return []common.Address{k.contract} }

// Decode implements l2.Kind.
func (k *Kind) Decode(log types.Log) (string, []byte, bool, error) {
	return l2.DecodeLog(KindName, k.contract, log, k.dec.decode)
}

// Verify implements l2.Kind.
func (k *Kind) Verify(ctx context.Context, ev event.Event) (l2.Verdict, error) {
	v := l2.NewVerdict(ev)
	switch ev.Name {
	case EventClosed, EventChallenged:
		d, err := l2.Payload[Dispute](ev)
		if err != nil {
			return v, err
		}
		return k.verifyDispute(ctx, ev, d, v)
	case EventSettled:
		s, err := l2.Payload[Settled](ev)
		if err != nil {
			return v, err
		}
		v.Subject = s.ChannelID.Hex()
		if ev.Removed {
			v.Outcome = l2.Retracted
			v.Detail = "settlement removed by a reorg"
			return v, nil
		}
		// The channel is paid out: the held proof can never be used again.
		if err := k.deleteHeld(ctx, s.ChannelID); err != nil {
			return v, err
		}
		v.Detail = fmt.Sprintf("settled at nonce %d; held state pruned", s.Nonce)
		return v, nil
	case EventOpened:
		o, err := l2.Payload[Opened](ev)
		if err != nil {
			return v, err
		}
		v.Subject = o.ChannelID.Hex()
		v.Users = []string{o.PartyA.Hex(), o.PartyB.Hex()}
		v.Detail = fmt.Sprintf("opened with %s wei, window %d blocks", o.Deposit, o.DisputeWindow)
		return v, nil
	case EventJoined:
		j, err := l2.Payload[Joined](ev)
		if err != nil {
			return v, err
		}
		v.Subject = j.ChannelID.Hex()
		v.Detail = fmt.Sprintf("joined with %s wei, deposits %s", j.Deposit, j.Total)
		return v, nil
	case EventCancelled:
		c, err := l2.Payload[Cancelled](ev)
		if err != nil {
			return v, err
		}
		v.Subject = c.ChannelID.Hex()
		v.Detail = fmt.Sprintf("cancelled before B joined; %s wei refunded", c.Refund)
		return v, nil
	}
	return v, fmt.Errorf("channel: unknown event %q", ev.Name)
}

// verifyDispute judges a close (or a third party's challenge): the contract now
// holds nonce d.Nonce; if the tower holds a higher co-signed state, that is fraud.
func (k *Kind) verifyDispute(ctx context.Context, ev event.Event, d Dispute, v l2.Verdict) (l2.Verdict, error) {
	if !ev.Removed {
		// Mark the channel before reading the held state: a delegation stores
		// its state before reading the mark (see DelegateMany).
		if err := k.store.Put(ctx, disputedKey(d.ChannelID), []byte{1}); err != nil {
			return v, fmt.Errorf("channel: mark %s disputed: %w", d.ChannelID.Hex(), err)
		}
	}
	// The parties are not recovered from the signatures here (two
	// recoveries, most of verify's CPU): a fraud takes them from the
	// adjudicator's record (judgeOnL1), and no other outcome needs them.
	held, _, err := k.held(ctx, d.ChannelID)
	found := err == nil
	if errors.Is(err, store.ErrNotFound) {
		err = nil
	}
	if err != nil {
		return v, err
	}
	return k.judgeDispute(ctx, ev, d, held, found, v)
}

// judgeDispute is verifyDispute once the channel is marked disputed and its
// held state read (found false: none is held).
func (k *Kind) judgeDispute(ctx context.Context, ev event.Event, d Dispute, held Held, found bool, v l2.Verdict) (l2.Verdict, error) {
	v.Subject = d.ChannelID.Hex()
	v.DeadlineBlock = d.Deadline
	if !found {
		v.Outcome = l2.Unwatched
		v.Detail = fmt.Sprintf("%s with nonce %d; no delegated state", ev.Name, d.Nonce)
		return v, nil
	}
	if ev.Removed {
		// The retraction was confirmed on L1 by the verify role; the close's
		// deadline names the dispute its challenge was queued under.
		ch, err := k.challengeFor(held, d.Deadline, ev.BlockNumber)
		if err != nil {
			return v, err
		}
		v.Outcome = l2.Retracted
		v.Detail = fmt.Sprintf("%s with nonce %d removed by a reorg", ev.Name, d.Nonce)
		v.Cancel = []string{ch.DisputeID}
		return v, nil
	}
	if held.Nonce <= d.Nonce {
		v.Outcome = l2.Honest
		v.Detail = fmt.Sprintf("%s with nonce %d; tower holds nonce %d", ev.Name, d.Nonce, held.Nonce)
		return v, nil
	}
	return k.judgeOnL1(ctx, ev, d, held, v)
}

// judgeOnL1 decides a close the tower can answer from the adjudicator's own
// record, not from the message: the channel must be closing on L1, and the
// nonce it holds and the deadline come from the contract.
func (k *Kind) judgeOnL1(ctx context.Context, ev event.Event, d Dispute, held Held, v l2.Verdict) (l2.Verdict, error) {
	info, err := k.chain.Channel(ctx, d.ChannelID)
	if err != nil {
		return v, fmt.Errorf("channel: read %s on L1: %w", d.ChannelID.Hex(), err)
	}
	switch {
	case info.Status != StatusClosing && info.Status != StatusSettled:
		v.Outcome = l2.Unconfirmed
		v.Detail = fmt.Sprintf("%s with nonce %d, but the channel is %s on L1: nothing to answer", ev.Name, d.Nonce, info.Status)
		return v, nil
	case held.Nonce <= info.Nonce:
		v.Outcome = l2.Honest
		v.Detail = fmt.Sprintf("%s with nonce %d; L1 now holds nonce %d, tower holds %d", ev.Name, d.Nonce, info.Nonce, held.Nonce)
		return v, nil
	}
	// The users are the channel's parties as the adjudicator records them
	// (the held state's signatures recover to them: delegation checked it).
	held.PartyA, held.PartyB = info.PartyA, info.PartyB
	ch, err := k.challengeFor(held, info.Deadline, ev.BlockNumber)
	if err != nil {
		return v, err
	}
	v.Users = ch.Users
	v.DeadlineBlock = info.Deadline
	v.Outcome = l2.Fraud
	v.Detail = fmt.Sprintf("stale %s: nonce %d on L1, tower holds co-signed nonce %d", ev.Name, info.Nonce, held.Nonce)
	v.Challenge = &ch
	return v, nil
}

// Irrevocable implements l2.Irrevocable: a settlement makes the tower forget
// the channel's held state, so verify confirms it on L1 first.
func (k *Kind) Irrevocable(ev event.Event) bool { return ev.Name == EventSettled }

// challengeFor builds the challenge call that submits the held state.
func (k *Kind) challengeFor(h Held, deadline, eventBlock uint64) (l2.Challenge, error) {
	data, err := channelABI.Pack("challenge", bindings.ChannelAdjudicatorState{
		ChannelId: h.ChannelID,
		Nonce:     h.Nonce,
		BalanceA:  h.BalanceA,
		BalanceB:  h.BalanceB,
	}, h.SigA, h.SigB)
	if err != nil {
		return l2.Challenge{}, fmt.Errorf("channel: pack challenge for %s: %w", h.ChannelID.Hex(), err)
	}
	return l2.Challenge{
		DisputeID:     DisputeID(h.ChannelID, h.Nonce, deadline),
		Kind:          KindName,
		Subject:       h.ChannelID.Hex(),
		To:            k.contract,
		Data:          data,
		DeadlineBlock: deadline,
		Users:         []string{h.PartyA.Hex(), h.PartyB.Hex()},
		EventBlock:    eventBlock,
	}, nil
}

// DisputeID names the challenge of a channel's close with a given held
// nonce. The close is identified by the deadline the adjudicator set for it
// (its block plus the dispute window, read from the contract): the event and
// a delegation arriving during the dispute name it alike, so the same proof
// is never sent twice for one close, and a later close is another dispute.
func DisputeID(id common.Hash, nonce, deadline uint64) string {
	return fmt.Sprintf("channel-%s-%d-d%d", id.Hex(), nonce, deadline)
}

// ClassifyRevert implements l2.Kind using the adjudicator's custom errors.
func (k *Kind) ClassifyRevert(_ l2.Challenge, data []byte) (string, l2.RevertClass) {
	return revertTable.Classify(channelABI, data)
}

// revertTable: StaleNonce, WrongStatus and UnknownChannel mean someone
// already submitted an equal or newer state, the channel settled, or a reorg
// removed the close: nothing is left to answer.
var revertTable = l2.RevertTable{
	"StaleNonce":        l2.RevertObsolete,
	"WrongStatus":       l2.RevertObsolete,
	"UnknownChannel":    l2.RevertObsolete,
	"DisputeWindowOver": l2.RevertTooLate,
}
