package channel

import (
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/watchtower-l2/watchtower/deployments/contracts/bindings"
)

// Event names published on wt.<chainid>.channel.<name>.
const (
	EventOpened     = "opened"
	EventJoined     = "joined"
	EventCancelled  = "cancelled"
	EventClosed     = "closed"
	EventChallenged = "challenged"
	EventSettled    = "settled"
)

// Opened is the payload of a ChannelOpened log.
type Opened struct {
	ChannelID     common.Hash    `json:"channel_id"`
	PartyA        common.Address `json:"party_a"`
	PartyB        common.Address `json:"party_b"`
	Deposit       *big.Int       `json:"deposit"`
	DisputeWindow uint64         `json:"dispute_window"`
}

// Joined is the payload of a ChannelJoined log: party B's deposit makes the channel open.
type Joined struct {
	ChannelID common.Hash    `json:"channel_id"`
	PartyB    common.Address `json:"party_b"`
	Deposit   *big.Int       `json:"deposit"`
	Total     *big.Int       `json:"total"`
}

// Cancelled is the payload of a ChannelCancelled log: A took its deposit back before B joined.
type Cancelled struct {
	ChannelID common.Hash `json:"channel_id"`
	Refund    *big.Int    `json:"refund"`
}

// Dispute is the payload of ChannelClosed and ChannelChallenged logs: the state
// the contract now holds and the last block at which it can be challenged.
type Dispute struct {
	ChannelID common.Hash    `json:"channel_id"`
	By        common.Address `json:"by"`
	Nonce     uint64         `json:"nonce"`
	BalanceA  *big.Int       `json:"balance_a"`
	BalanceB  *big.Int       `json:"balance_b"`
	Deadline  uint64         `json:"deadline"`
}

// Settled is the payload of a ChannelSettled log.
type Settled struct {
	ChannelID common.Hash `json:"channel_id"`
	Nonce     uint64      `json:"nonce"`
	BalanceA  *big.Int    `json:"balance_a"`
	BalanceB  *big.Int    `json:"balance_b"`
}

// decoder parses the adjudicator's logs with the generated bindings.
type decoder struct {
	f *bindings.ChannelAdjudicatorFilterer
}

func newDecoder() (*decoder, error) {
	f, err := bindings.NewChannelAdjudicatorFilterer(common.Address{}, nil)
	if err != nil {
		return nil, fmt.Errorf("channel: bind filterer: %w", err)
	}
	return &decoder{f: f}, nil
}

func (d *decoder) decode(log types.Log) (string, any, bool, error) {
	if len(log.Topics) == 0 {
		return "", nil, false, nil
	}
	abi := channelABI
	ev, err := abi.EventByID(log.Topics[0])
	if err != nil {
		return "", nil, false, nil // not an adjudicator event
	}
	switch ev.Name {
	case "ChannelOpened":
		e, err := d.f.ParseChannelOpened(log)
		if err != nil {
			return "", nil, false, fmt.Errorf("channel: parse ChannelOpened: %w", err)
		}
		return EventOpened, Opened{e.ChannelId, e.PartyA, e.PartyB, e.Deposit, e.DisputeWindow}, true, nil
	case "ChannelJoined":
		e, err := d.f.ParseChannelJoined(log)
		if err != nil {
			return "", nil, false, fmt.Errorf("channel: parse ChannelJoined: %w", err)
		}
		return EventJoined, Joined{e.ChannelId, e.PartyB, e.Deposit, e.Total}, true, nil
	case "ChannelCancelled":
		e, err := d.f.ParseChannelCancelled(log)
		if err != nil {
			return "", nil, false, fmt.Errorf("channel: parse ChannelCancelled: %w", err)
		}
		return EventCancelled, Cancelled{e.ChannelId, e.Refund}, true, nil
	case "ChannelClosed":
		e, err := d.f.ParseChannelClosed(log)
		if err != nil {
			return "", nil, false, fmt.Errorf("channel: parse ChannelClosed: %w", err)
		}
		return EventClosed, Dispute{e.ChannelId, e.Closer, e.Nonce, e.BalanceA, e.BalanceB, e.Deadline}, true, nil
	case "ChannelChallenged":
		e, err := d.f.ParseChannelChallenged(log)
		if err != nil {
			return "", nil, false, fmt.Errorf("channel: parse ChannelChallenged: %w", err)
		}
		return EventChallenged, Dispute{e.ChannelId, e.Challenger, e.Nonce, e.BalanceA, e.BalanceB, e.Deadline}, true, nil
	case "ChannelSettled":
		e, err := d.f.ParseChannelSettled(log)
		if err != nil {
			return "", nil, false, fmt.Errorf("channel: parse ChannelSettled: %w", err)
		}
		return EventSettled, Settled{e.ChannelId, e.Nonce, e.BalanceA, e.BalanceB}, true, nil
	}
	return "", nil, false, nil
}
