package raiden

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/watchtower-l2/watchtower/watcher/event"
	"github.com/watchtower-l2/watchtower/watcher/l2"
	"github.com/watchtower-l2/watchtower/watcher/store"
)

// verifyClose judges a ChannelClosed. The event's nonce is that of the
// NON-closing participant's proof the closer submitted, which says nothing
// about the closer's own transfers: what matters is the closer's nonce on
// chain (0 right after the close, higher once someone updated it), read from
// L1. If the tower holds a proof of the closer with a higher nonce, the
// close is answered with it (Fraud: without it, settlement would not pay
// the user what the closer transferred); otherwise the close is Honest.
func (k *Kind) verifyClose(ctx context.Context, ev event.Event, c BalanceProofOnChain, v l2.Verdict) (l2.Verdict, error) {
	id, closing := c.ChannelID, c.Closing
	v.Subject = Subject(id, closing)
	if ev.Removed {
		return k.retractClose(ctx, ev, c, v)
	}
	h, err := k.held(ctx, id, closing)
	if errors.Is(err, store.ErrNotFound) {
		// Record the close anyway: a delegation may still queue its update.
		if sa, err := k.chain.settleableAfter(ctx, id); err != nil {
			return v, err
		} else if sa != 0 {
			if err := k.recordClose(ctx, id, closing, ev.BlockHash, sa); err != nil {
				return v, err
			}
		}
		v.Outcome = l2.Unwatched
		v.Detail = fmt.Sprintf("closed by %s; no balance proof of the closer delegated", closing.Hex())
		return v, nil
	}
	if err != nil {
		return v, err
	}
	v.Users = []string{h.NonClosing.Hex(), h.Closing.Hex()}
	ch, err := k.chain.channel(ctx, id, h.Closing, h.NonClosing)
	if err != nil {
		return v, err
	}
	switch {
	case ch.State.settled():
		v.Outcome = l2.Noted
		v.Detail = fmt.Sprintf("closed by %s, but the channel is already %s on L1: nothing left to answer", closing.Hex(), ch.State)
		return v, nil
	case ch.State != StateClosed || !ch.ClosingIsCloser:
		v.Outcome = l2.Unconfirmed
		v.Detail = fmt.Sprintf("closed by %s, but on L1 the channel is %s (closed by it: %v): nothing to answer", closing.Hex(), ch.State, ch.ClosingIsCloser)
		return v, nil
	}
	if err := k.recordClose(ctx, id, closing, ev.BlockHash, ch.SettleableAfter); err != nil {
		return v, err
	}
	if new(big.Int).SetUint64(h.Nonce).Cmp(ch.ClosingNonce) <= 0 {
		v.Outcome = l2.Honest
		v.Detail = fmt.Sprintf("closed by %s; its proof on L1 has nonce %s, the tower holds %d", closing.Hex(), ch.ClosingNonce, h.Nonce)
		return v, nil
	}
	chal, err := k.challengeFor(h, ch.SettleableAfter, ev.BlockNumber)
	if err != nil {
		return v, err
	}
	v.Outcome = l2.Fraud
	v.Detail = fmt.Sprintf("closed by %s with its proof at nonce %s on L1; the tower holds its nonce %d (settleable after %d)",
		closing.Hex(), ch.ClosingNonce, h.Nonce, ch.SettleableAfter)
	v.Challenge = &chal
	return v, nil
}

// retractClose cancels the update queued for a close a reorg removed. The
// close's settleable_after was recorded when the close was verified (or a
// delegation saw it); the dispute is named with the nonce held now, which is
// the one any queued update carries unless a newer proof arrived since (the
// older update then fails with "channel not closed" or "nonce reused",
// both obsolete).
func (k *Kind) retractClose(ctx context.Context, ev event.Event, c BalanceProofOnChain, v l2.Verdict) (l2.Verdict, error) {
	v.Outcome = l2.Retracted
	v.Detail = fmt.Sprintf("close by %s removed by a reorg", c.Closing.Hex())
	sa, ok, err := k.closeRecord(ctx, c.ChannelID, c.Closing, ev.BlockHash)
	if err != nil || !ok {
		return v, err
	}
	n, held, err := k.heldNonce(ctx, c.ChannelID, c.Closing)
	if err != nil || !held {
		return v, err
	}
	v.Cancel = []string{k.DisputeID(c.ChannelID, c.Closing, n, sa)}
	return v, nil
}

// Answerable implements l2.Window: an update is accepted while the channel
// is closed, until someone settles it; settleable_after is when that may
// happen at any moment.
func (k *Kind) Answerable(ctx context.Context, c l2.Challenge, head *types.Header) (l2.Answerability, error) {
	id, closing, nonClosing, err := updateArgs(c.Data)
	if err != nil {
		return l2.Answerability{}, fmt.Errorf("raiden: challenge %s: %w", c.DisputeID, err)
	}
	ch, err := k.chain.channel(ctx, id, closing, nonClosing)
	if err != nil {
		return l2.Answerability{}, err
	}
	if ch.State != StateClosed {
		return l2.Answerability{}, nil
	}
	a := l2.Answerability{Open: true}
	if ch.SettleableAfter > head.Time {
		a.Left = time.Duration(ch.SettleableAfter-head.Time) * time.Second
	}
	return a, nil
}

// updateArgs reads the channel and participants of an
// updateNonClosingBalanceProof call.
func updateArgs(data []byte) (*big.Int, common.Address, common.Address, error) {
	m := tokenNetworkABI.Methods["updateNonClosingBalanceProof"]
	if len(data) < 4 || string(data[:4]) != string(m.ID) {
		return nil, common.Address{}, common.Address{}, errors.New("not an updateNonClosingBalanceProof call")
	}
	args, err := m.Inputs.Unpack(data[4:])
	if err != nil {
		return nil, common.Address{}, common.Address{}, fmt.Errorf("unpack update: %w", err)
	}
	id, ok1 := args[0].(*big.Int)
	closing, ok2 := args[1].(common.Address)
	nonClosing, ok3 := args[2].(common.Address)
	if !ok1 || !ok2 || !ok3 {
		return nil, common.Address{}, common.Address{}, errors.New("unexpected update arguments")
	}
	return id, closing, nonClosing, nil
}
