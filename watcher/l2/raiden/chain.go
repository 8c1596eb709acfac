package raiden

import (
	"context"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"

	raidenbindings "github.com/watchtower-l2/watchtower/deployments/contracts/bindings/raiden"
	"github.com/watchtower-l2/watchtower/watcher/l2"
)

// State mirrors TokenNetwork.ChannelState.
type State uint8

// Channel states on L1, as getChannelState reports them.
const (
	StateNonExistent State = iota
	StateOpened
	StateClosed
	StateSettled
	StateRemoved
)

// String names the state as the contract does.
func (s State) String() string {
	switch s {
	case StateNonExistent:
		return "non-existent"
	case StateOpened:
		return "opened"
	case StateClosed:
		return "closed"
	case StateSettled:
		return "settled"
	case StateRemoved:
		return "removed"
	}
	return fmt.Sprintf("state(%d)", uint8(s))
}

// settled reports whether the channel's deposits were paid out.
func (s State) settled() bool { return s == StateSettled || s == StateRemoved }

// Channel is what L1 says about one direction of a channel: the channel
// between Closing and NonClosing, and the balance proof of Closing stored
// on chain (what the tower's update would replace).
type Channel struct {
	// PairID is getChannelIdentifier(closing, non-closing): the pair's
	// current channel, 0 when none (never opened, or settled).
	PairID *big.Int
	State  State
	// ClosingIsCloser: the closing participant closed the channel.
	ClosingIsCloser bool
	// ClosingNonce is the nonce of the closing participant's balance proof
	// on chain (0 until someone updates it after the close).
	ClosingNonce *big.Int
	// SettleableAfter is settleable_after(id): close timestamp + settle
	// timeout (0 while open).
	SettleableAfter uint64
}

// Exists reports whether id is the open or closed channel of the pair.
func (c Channel) Exists(id *big.Int) bool {
	return c.PairID != nil && c.PairID.Sign() > 0 && c.PairID.Cmp(id) == 0
}

// chain reads the token network on L1.
type chain struct {
	caller *raidenbindings.TokenNetworkCaller
}

func newChain(backend l2.L1, addr common.Address) (*chain, error) {
	c, err := raidenbindings.NewTokenNetworkCaller(addr, backend)
	if err != nil {
		return nil, fmt.Errorf("raiden: bind token network %s: %w", addr.Hex(), err)
	}
	return &chain{caller: c}, nil
}

// channel reads channel id between closing and nonClosing.
func (c *chain) channel(ctx context.Context, id *big.Int, closing, nonClosing common.Address) (Channel, error) {
	o := &bind.CallOpts{Context: ctx}
	var ch Channel
	var err error
	if ch.PairID, err = c.caller.GetChannelIdentifier(o, closing, nonClosing); err != nil {
		return Channel{}, fmt.Errorf("raiden: getChannelIdentifier: %w", err)
	}
	st, err := c.caller.GetChannelState(o, id, closing, nonClosing)
	if err != nil {
		return Channel{}, fmt.Errorf("raiden: getChannelState %s: %w", id, err)
	}
	ch.State = State(st)
	_, _, isCloser, _, nonce, _, _, err := c.caller.GetChannelParticipantInfo(o, id, closing, nonClosing)
	if err != nil {
		return Channel{}, fmt.Errorf("raiden: getChannelParticipantInfo %s: %w", id, err)
	}
	ch.ClosingIsCloser, ch.ClosingNonce = isCloser, nonce
	sa, err := c.caller.SettleableAfter(o, id)
	if err != nil {
		return Channel{}, fmt.Errorf("raiden: settleable_after %s: %w", id, err)
	}
	if sa.IsUint64() {
		ch.SettleableAfter = sa.Uint64()
	}
	return ch, nil
}

// settleableAfter reads settleable_after(id).
func (c *chain) settleableAfter(ctx context.Context, id *big.Int) (uint64, error) {
	sa, err := c.caller.SettleableAfter(&bind.CallOpts{Context: ctx}, id)
	if err != nil {
		return 0, fmt.Errorf("raiden: settleable_after %s: %w", id, err)
	}
	if !sa.IsUint64() {
		return 0, fmt.Errorf("raiden: settleable_after %s is %s, beyond any timestamp", id, sa)
	}
	return sa.Uint64(), nil
}
