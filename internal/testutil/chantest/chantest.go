// Package chantest is a test fixture for the state-channel pipeline: an
// in-process L1 with the adjudicator deployed, funded parties, and helpers to
// open channels, co-sign states and close them.
package chantest

import (
	"context"
	"crypto/ecdsa"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/deployments/contracts/bindings"
	"github.com/watchtower-l2/watchtower/internal/devnet"
	"github.com/watchtower-l2/watchtower/proofs/channelstate"
	"github.com/watchtower-l2/watchtower/watcher/event"
	"github.com/watchtower-l2/watchtower/watcher/l2"
	"github.com/watchtower-l2/watchtower/watcher/l2/channel"
	"github.com/watchtower-l2/watchtower/watcher/store"
)

// Deposit is each party's deposit in every test channel (1 ETH).
var Deposit = big.NewInt(1e18)

// Chain is a devnet with the adjudicator. Keys[0] deploys, Keys[1] and Keys[2]
// are tower signers, the rest are channel parties.
type Chain struct {
	T      testing.TB
	Net    *devnet.Devnet
	Addr   common.Address
	Adj    *bindings.ChannelAdjudicator
	Domain channelstate.Domain
	next   int
}

// New starts a devnet with room for parties channel participants and deploys
// the adjudicator. Blocks are mined only by Mine unless AutoMine is called.
// By default no JSON-RPC port is served; pass opts to serve one.
func New(t testing.TB, parties int, opts ...devnet.Options) *Chain {
	t.Helper()
	o := devnet.Options{RPCPort: -1, WSPort: -1}
	if len(opts) > 0 {
		o = opts[0]
	}
	o.Accounts = 3 + parties
	n, err := devnet.Start(o)
	if err != nil {
		t.Fatalf("devnet: %v", err)
	}
	t.Cleanup(func() { n.Close() })
	c := &Chain{T: t, Net: n, next: 3}
	addr, tx, adj, err := bindings.DeployChannelAdjudicator(n.Transactor(context.Background(), n.Keys[0]), n.Client)
	if err != nil {
		t.Fatalf("deploy adjudicator: %v", err)
	}
	n.Mine()
	c.Receipt(tx)
	c.Addr, c.Adj = addr, adj
	c.Domain = channelstate.Domain{ChainID: n.ChainID, Contract: addr}
	return c
}

// TowerKey returns tower signer i (0 or 1).
func (c *Chain) TowerKey(i int) *ecdsa.PrivateKey { return c.Net.Keys[1+i] }

// Receipt waits for tx (mined by the caller or the auto-miner) and for the head to
// reach its block, and requires success.
func (c *Chain) Receipt(tx *types.Transaction) *types.Receipt {
	c.T.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	r, err := c.Net.WaitSucceeded(ctx, tx.Hash())
	if err != nil {
		c.T.Fatal(err)
	}
	return r
}

// Plugin builds the channel plug-in for the adjudicator on st, queueing
// challenges on q.
func (c *Chain) Plugin(st store.Store, q l2.Enqueuer, log *zap.Logger) *channel.Kind {
	c.T.Helper()
	l1, err := channel.NewChain(c.Net.Client, c.Addr)
	if err != nil {
		c.T.Fatalf("channel L1 reader: %v", err)
	}
	return c.PluginOn(l1, st, q, log)
}

// PluginOn is Plugin reading L1 through l1.
func (c *Chain) PluginOn(l1 channel.Chain, st store.Store, q l2.Enqueuer, log *zap.Logger) *channel.Kind {
	c.T.Helper()
	kind, err := channel.New(channel.Config{ChainID: c.Net.ChainID, Adjudicator: c.Addr}, st, l1, q, log)
	if err != nil {
		c.T.Fatalf("channel plug-in: %v", err)
	}
	return kind
}

// Verdict runs kind on r's log of the event want (channel.EventClosed,
// EventSettled...), as the verify role would.
func (c *Chain) Verdict(kind *channel.Kind, r *types.Receipt, want string) l2.Verdict {
	c.T.Helper()
	for _, lg := range r.Logs {
		name, payload, ok, err := kind.Decode(*lg)
		if err != nil || !ok || name != want {
			continue
		}
		ev := event.Event{ChainID: c.Net.ChainID.Uint64(), Kind: channel.KindName, Name: name, Contract: lg.Address,
			BlockNumber: lg.BlockNumber, BlockHash: lg.BlockHash, TxHash: lg.TxHash, LogIndex: lg.Index, Payload: payload}
		v, err := kind.Verify(context.Background(), ev)
		if err != nil {
			c.T.Fatal(err)
		}
		return v
	}
	c.T.Fatalf("no %s log in receipt", want)
	return l2.Verdict{}
}

// Channel is an open test channel with its co-signed states.
type Channel struct {
	ID     common.Hash
	A, B   *ecdsa.PrivateKey
	States []channelstate.Signed
}

// Latest is the newest co-signed state.
func (ch *Channel) Latest() channelstate.Signed { return ch.States[len(ch.States)-1] }

// Open opens and joins a channel with the given dispute window and co-signs
// states with nonces 1..states (balances shift by 0.1 ETH per update).
func (c *Chain) Open(window uint64, states int) *Channel {
	c.T.Helper()
	a := c.Net.Keys[c.next]
	c.next++
	return c.OpenFrom(a, window, states)
}

// OpenFrom is Open with a as party A (a hub with many channels); party B is
// the next unused key.
func (c *Chain) OpenFrom(a *ecdsa.PrivateKey, window uint64, states int) *Channel {
	c.T.Helper()
	ctx := context.Background()
	b := c.Net.Keys[c.next]
	c.next++
	opts := c.Net.Transactor(ctx, a)
	opts.Value = Deposit
	tx, err := c.Adj.Open(opts, crypto.PubkeyToAddress(b.PublicKey), window)
	if err != nil {
		c.T.Fatalf("open: %v", err)
	}
	c.mineIfManual()
	r := c.Receipt(tx)
	ch := &Channel{A: a, B: b}
	for _, l := range r.Logs {
		if ev, err := c.Adj.ParseChannelOpened(*l); err == nil {
			ch.ID = ev.ChannelId
		}
	}
	opts = c.Net.Transactor(ctx, b)
	opts.Value = Deposit
	tx, err = c.Adj.Join(opts, ch.ID)
	if err != nil {
		c.T.Fatalf("join: %v", err)
	}
	c.mineIfManual()
	c.Receipt(tx)
	total := new(big.Int).Mul(Deposit, big.NewInt(2))
	step := big.NewInt(1e17)
	for n := 1; n <= states; n++ {
		balA := new(big.Int).Sub(Deposit, new(big.Int).Mul(step, big.NewInt(int64(n%10))))
		ch.States = append(ch.States, c.Sign(ch, uint64(n), balA, new(big.Int).Sub(total, balA)))
	}
	return ch
}

// Sign co-signs a state of ch.
func (c *Chain) Sign(ch *Channel, nonce uint64, balA, balB *big.Int) channelstate.Signed {
	c.T.Helper()
	st := channelstate.State{ChannelID: ch.ID, Nonce: nonce, BalanceA: balA, BalanceB: balB}
	sa, err := c.Domain.Sign(st, ch.A)
	if err != nil {
		c.T.Fatal(err)
	}
	sb, err := c.Domain.Sign(st, ch.B)
	if err != nil {
		c.T.Fatal(err)
	}
	return channelstate.Signed{State: st, SigA: sa, SigB: sb}
}

// CloseTx sends a close with s by party A and returns the transaction (not waited for).
func (c *Chain) CloseTx(ch *Channel, s channelstate.Signed) *types.Transaction {
	c.T.Helper()
	tx, err := c.Adj.Close(c.Net.Transactor(context.Background(), ch.A), bindings.ChannelAdjudicatorState{
		ChannelId: ch.ID, Nonce: s.Nonce, BalanceA: s.BalanceA, BalanceB: s.BalanceB,
	}, s.SigA, s.SigB)
	if err != nil {
		c.T.Fatalf("close: %v", err)
	}
	return tx
}

// Close closes ch with s and returns the close receipt.
func (c *Chain) Close(ch *Channel, s channelstate.Signed) *types.Receipt {
	c.T.Helper()
	tx := c.CloseTx(ch, s)
	c.mineIfManual()
	return c.Receipt(tx)
}

// OnChain reads the channel's record.
func (c *Chain) OnChain(ch *Channel) bindings.ChannelAdjudicatorChannel {
	c.T.Helper()
	rec, err := c.Adj.GetChannel(&bind.CallOpts{}, ch.ID)
	if err != nil {
		c.T.Fatalf("getChannel: %v", err)
	}
	return rec
}

// Challenges returns the ChannelChallenged events of ch.
func (c *Chain) Challenges(ch *Channel) []*bindings.ChannelAdjudicatorChannelChallenged {
	c.T.Helper()
	it, err := c.Adj.FilterChannelChallenged(&bind.FilterOpts{Start: 0}, [][32]byte{ch.ID}, nil)
	if err != nil {
		c.T.Fatalf("filter challenges: %v", err)
	}
	var out []*bindings.ChannelAdjudicatorChannelChallenged
	for it.Next() {
		out = append(out, it.Event)
	}
	return out
}

// Head returns the current block number.
func (c *Chain) Head() uint64 {
	c.T.Helper()
	h, err := c.Net.Client.HeaderByNumber(context.Background(), nil)
	if err != nil {
		c.T.Fatal(err)
	}
	return h.Number.Uint64()
}

// manual is true while no auto-miner runs.
func (c *Chain) mineIfManual() {
	if !c.Net.Mining() {
		c.Net.Mine()
	}
}
