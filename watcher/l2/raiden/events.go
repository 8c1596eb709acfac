package raiden

import (
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	raidenbindings "github.com/watchtower-l2/watchtower/deployments/contracts/bindings/raiden"
)

// Event names published on wt.<chainid>.raiden.<name>.
const (
	EventOpened  = "opened"
	EventClosed  = "closed"
	EventUpdated = "updated"
	EventSettled = "settled"
)

// Opened is the payload of a ChannelOpened log.
type Opened struct {
	ChannelID    *big.Int       `json:"channel_id"`
	Participant1 common.Address `json:"participant1"`
	Participant2 common.Address `json:"participant2"`
}

// BalanceProofOnChain is the payload of ChannelClosed and
// NonClosingBalanceProofUpdated logs. Participant is the closing
// participant; Nonce and BalanceHash are, for a close, those of the
// NON-closing participant's balance proof the closer submitted, and for an
// update, those of the closing participant's balance proof now on chain.
type BalanceProofOnChain struct {
	ChannelID   *big.Int       `json:"channel_id"`
	Closing     common.Address `json:"closing_participant"`
	Nonce       *big.Int       `json:"nonce"`
	BalanceHash common.Hash    `json:"balance_hash"`
}

// Settled is the payload of a ChannelSettled log.
type Settled struct {
	ChannelID          *big.Int       `json:"channel_id"`
	Participant1       common.Address `json:"participant1"`
	Participant1Amount *big.Int       `json:"participant1_amount"`
	Participant2       common.Address `json:"participant2"`
	Participant2Amount *big.Int       `json:"participant2_amount"`
}

// decoder parses the token network's logs with the generated bindings.
type decoder struct {
	f *raidenbindings.TokenNetworkFilterer
}

func newDecoder() (*decoder, error) {
	f, err := raidenbindings.NewTokenNetworkFilterer(common.Address{}, nil)
	if err != nil {
		return nil, fmt.Errorf("raiden: bind filterer: %w", err)
	}
	return &decoder{f: f}, nil
}

// decode returns the event name and payload of log; ok is false for events
// the kind does not act on (deposits, withdrawals, unlocks...).
func (d *decoder) decode(log types.Log) (string, any, bool, error) {
	if len(log.Topics) == 0 {
		return "", nil, false, nil
	}
	ev, err := tokenNetworkABI.EventByID(log.Topics[0])
	if err != nil {
		return "", nil, false, nil // not a TokenNetwork event
	}
	switch ev.Name {
	case "ChannelOpened":
		e, err := d.f.ParseChannelOpened(log)
		if err != nil {
			return "", nil, false, fmt.Errorf("raiden: parse ChannelOpened: %w", err)
		}
		return EventOpened, Opened{e.ChannelIdentifier, e.Participant1, e.Participant2}, true, nil
	case "ChannelClosed":
		e, err := d.f.ParseChannelClosed(log)
		if err != nil {
			return "", nil, false, fmt.Errorf("raiden: parse ChannelClosed: %w", err)
		}
		return EventClosed, BalanceProofOnChain{e.ChannelIdentifier, e.ClosingParticipant, e.Nonce, e.BalanceHash}, true, nil
	case "NonClosingBalanceProofUpdated":
		e, err := d.f.ParseNonClosingBalanceProofUpdated(log)
		if err != nil {
			return "", nil, false, fmt.Errorf("raiden: parse NonClosingBalanceProofUpdated: %w", err)
		}
		return EventUpdated, BalanceProofOnChain{e.ChannelIdentifier, e.ClosingParticipant, e.Nonce, e.BalanceHash}, true, nil
	case "ChannelSettled":
		e, err := d.f.ParseChannelSettled(log)
		if err != nil {
			return "", nil, false, fmt.Errorf("raiden: parse ChannelSettled: %w", err)
		}
		return EventSettled, Settled{e.ChannelIdentifier, e.Participant1, e.Participant1Amount, e.Participant2, e.Participant2Amount}, true, nil
	}
	return "", nil, false, nil
}
