package bindings_test

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/params"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/watchtower-l2/watchtower/deployments/contracts/bindings"
	"github.com/watchtower-l2/watchtower/proofs/channelstate"
)

// Channel statuses, as the contract's Status enum.
const (
	statusNone uint8 = iota
	statusOpening
	statusOpen
	statusClosing
	statusSettled
)

// forcedGas is the gas limit of transactions sent without estimation, so that a
// transaction that reverts is still mined and its receipt can be inspected.
const forcedGas = 500_000

var ether = big.NewInt(params.Ether)

func eth(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), ether) }

// actor is a funded externally owned account.
type actor struct {
	name string
	key  *ecdsa.PrivateKey
	addr common.Address
}

func newActor(t testing.TB, name string) *actor {
	t.Helper()
	key, err := crypto.ToECDSA(crypto.Keccak256([]byte("watchtower bindings test: " + name)))
	if err != nil {
		t.Fatalf("derive key for %s: %v", name, err)
	}
	return &actor{name: name, key: key, addr: crypto.PubkeyToAddress(key.PublicKey)}
}

// testChain is a simulated chain with a deployed ChannelAdjudicator and four funded
// accounts: the channel parties alice (A) and bob (B), the watchtower, and mallory,
// an unrelated account.
type testChain struct {
	t        *testing.T
	backend  *simulated.Backend
	client   simulated.Client
	chainID  *big.Int
	abi      *abi.ABI
	addr     common.Address
	adj      *bindings.ChannelAdjudicator
	domain   channelstate.Domain
	alice    *actor
	bob      *actor
	tower    *actor
	mallory  *actor
	deployer *actor
}

func newTestChain(t *testing.T) *testChain {
	t.Helper()
	c := &testChain{
		t:        t,
		alice:    newActor(t, "alice"),
		bob:      newActor(t, "bob"),
		tower:    newActor(t, "tower"),
		mallory:  newActor(t, "mallory"),
		deployer: newActor(t, "deployer"),
	}
	alloc := types.GenesisAlloc{}
	for _, a := range c.actors() {
		alloc[a.addr] = types.Account{Balance: eth(1000)}
	}
	c.backend = simulated.NewBackend(alloc)
	t.Cleanup(func() {
		if err := c.backend.Close(); err != nil {
			t.Errorf("close simulated backend: %v", err)
		}
	})
	c.client = c.backend.Client()

	var err error
	c.chainID, err = c.client.ChainID(t.Context())
	if err != nil {
		t.Fatalf("chain id: %v", err)
	}
	c.abi, err = bindings.ChannelAdjudicatorMetaData.GetAbi()
	if err != nil {
		t.Fatalf("parse ABI: %v", err)
	}
	addr, tx, adj, err := bindings.DeployChannelAdjudicator(c.opts(c.deployer, nil), c.client)
	if err != nil {
		t.Fatalf("deploy: %v", err)
	}
	rcpt := c.mine(tx)
	if rcpt.ContractAddress != addr {
		t.Fatalf("deployed at %s, binding says %s", rcpt.ContractAddress, addr)
	}
	c.addr, c.adj = addr, adj
	c.domain = channelstate.Domain{ChainID: c.chainID, Contract: addr}
	return c
}

// withT returns a view of the chain whose helpers report to t (a subtest).
func (c *testChain) withT(t *testing.T) *testChain {
	cc := *c
	cc.t = t
	return &cc
}

func (c *testChain) actors() []*actor {
	return []*actor{c.alice, c.bob, c.tower, c.mallory, c.deployer}
}

// opts returns fresh transact options for a, sending value wei (nil for none).
func (c *testChain) opts(a *actor, value *big.Int) *bind.TransactOpts {
	c.t.Helper()
	o, err := bind.NewKeyedTransactorWithChainID(a.key, c.chainID)
	if err != nil {
		c.t.Fatalf("transactor for %s: %v", a.name, err)
	}
	o.Context = c.t.Context()
	o.Value = value
	return o
}

// forced returns transact options that skip gas estimation, so the transaction is
// sent and mined even if it reverts.
func (c *testChain) forced(a *actor) *bind.TransactOpts {
	o := c.opts(a, nil)
	o.GasLimit = forcedGas
	return o
}

// commit mines the pending transactions into a new block and returns its number.
func (c *testChain) commit() uint64 {
	c.t.Helper()
	c.backend.Commit()
	return c.head()
}

func (c *testChain) head() uint64 {
	c.t.Helper()
	n, err := c.client.BlockNumber(c.t.Context())
	if err != nil {
		c.t.Fatalf("block number: %v", err)
	}
	return n
}

// advanceTo mines empty blocks until the head is block n.
func (c *testChain) advanceTo(n uint64) {
	c.t.Helper()
	head := c.head()
	if head > n {
		c.t.Fatalf("advanceTo(%d): head is already %d", n, head)
	}
	for ; head < n; head = c.commit() {
	}
}

// receipt mines tx and returns its receipt, whatever its status.
func (c *testChain) receipt(tx *types.Transaction) *types.Receipt {
	c.t.Helper()
	c.commit()
	return minedReceipt(c.t, c.client, tx.Hash())
}

// minedReceipt reads the receipt of a transaction in a block just mined,
// retrying while the node has not indexed that block yet ("transaction
// indexing is in progress"), within a generous bound.
func minedReceipt(t testing.TB, client interface {
	TransactionReceipt(context.Context, common.Hash) (*types.Receipt, error)
}, hash common.Hash) *types.Receipt {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for {
		r, err := client.TransactionReceipt(t.Context(), hash)
		if err == nil {
			return r
		}
		if !strings.Contains(err.Error(), "indexing is in progress") || time.Now().After(deadline) {
			t.Fatalf("receipt of %s: %v", hash, err)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// mine mines tx and requires it to succeed.
func (c *testChain) mine(tx *types.Transaction) *types.Receipt {
	c.t.Helper()
	r := c.receipt(tx)
	if r.Status != types.ReceiptStatusSuccessful {
		c.t.Fatalf("transaction %s failed in block %d", tx.Hash(), r.BlockNumber)
	}
	return r
}

// mineFn sends a transaction with fn and requires it to be accepted and mined.
func (c *testChain) mineFn(fn func() (*types.Transaction, error)) *types.Receipt {
	c.t.Helper()
	tx, err := fn()
	if err != nil {
		c.t.Fatalf("send transaction: %v (revert: %s)", err, c.describeRevert(err))
	}
	return c.mine(tx)
}

// revertData extracts the revert data geth attaches to a failed eth_call or
// eth_estimateGas (JSON-RPC error code 3, data = hex revert payload).
func revertData(err error) ([]byte, bool) {
	var de rpc.DataError
	if !errors.As(err, &de) {
		return nil, false
	}
	s, ok := de.ErrorData().(string)
	if !ok {
		return nil, false
	}
	data, derr := hexutil.Decode(s)
	if derr != nil {
		return nil, false
	}
	return data, true
}

var panicSelector = crypto.Keccak256([]byte("Panic(uint256)"))[:4]

// decodeRevert names the custom error in revert data and returns its arguments.
// A compiler panic is returned as "Panic" with its code.
func (c *testChain) decodeRevert(data []byte) (string, []any, error) {
	if len(data) < 4 {
		return "", nil, errors.New("revert without a selector")
	}
	if string(data[:4]) == string(panicSelector) {
		code := new(big.Int).SetBytes(data[4:])
		return "Panic", []any{code}, nil
	}
	e, err := c.abi.ErrorByID([4]byte(data[:4]))
	if err != nil {
		return "", nil, err
	}
	args, err := e.Inputs.Unpack(data[4:])
	if err != nil {
		return "", nil, err
	}
	return e.Name, args, nil
}

func (c *testChain) describeRevert(err error) string {
	data, ok := revertData(err)
	if !ok {
		return "no revert data"
	}
	name, args, derr := c.decodeRevert(data)
	if derr != nil {
		return derr.Error()
	}
	return name + formatArgs(args)
}

// revertName returns the contract error a binding call or transaction was refused
// with. The abigen v1 bindings estimate gas before sending, so a transaction that
// would revert is never sent: the error is geth's rpc error, which carries the
// revert data.
func (c *testChain) revertName(err error) (string, []any) {
	c.t.Helper()
	if err == nil {
		c.t.Fatal("expected the contract to refuse, but it accepted")
	}
	data, ok := revertData(err)
	if !ok {
		c.t.Fatalf("error carries no revert data: %v", err)
	}
	name, args, derr := c.decodeRevert(data)
	if derr != nil {
		c.t.Fatalf("decode revert data %x: %v", data, derr)
	}
	return name, args
}

// expectRevert requires err to be the contract error name with the given
// arguments (all of them, in order; pass none to skip the argument check).
func (c *testChain) expectRevert(err error, name string, args ...any) {
	c.t.Helper()
	got, gotArgs := c.revertName(err)
	if got != name {
		c.t.Fatalf("reverted with %s%s, want %s", got, formatArgs(gotArgs), name)
	}
	if len(args) == 0 {
		return
	}
	if len(gotArgs) != len(args) {
		c.t.Fatalf("%s has %d arguments, want %d", name, len(gotArgs), len(args))
	}
	for i := range args {
		if !equalArg(gotArgs[i], args[i]) {
			c.t.Fatalf("%s argument %d = %v, want %v", name, i, gotArgs[i], args[i])
		}
	}
}

// call executes method as an eth_call from `from` and returns its error. At the
// head block (pending false) block.number is the head's number: after a failed
// mined transaction the state is unchanged, so this reproduces its revert. On the
// pending block (pending true) block.number is head+1, the block a transaction
// sent now would be mined in.
func (c *testChain) call(from *actor, pending bool, method string, args ...any) error {
	c.t.Helper()
	input, err := c.abi.Pack(method, args...)
	if err != nil {
		c.t.Fatalf("pack %s: %v", method, err)
	}
	msg := ethereum.CallMsg{From: from.addr, To: &c.addr, Data: input}
	if pending {
		_, err = c.client.PendingCallContract(c.t.Context(), msg)
	} else {
		_, err = c.client.CallContract(c.t.Context(), msg, nil)
	}
	return err
}

func formatArgs(args []any) string {
	parts := make([]string, len(args))
	for i, a := range args {
		if h, ok := a.([32]byte); ok {
			a = common.Hash(h)
		}
		parts[i] = fmt.Sprint(a)
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

func equalArg(got, want any) bool {
	switch w := want.(type) {
	case *big.Int:
		g, ok := got.(*big.Int)
		return ok && g.Cmp(w) == 0
	case common.Hash:
		g, ok := got.([32]byte)
		return ok && common.Hash(g) == w
	default:
		return got == want
	}
}

// ---- channel helpers ----

// channel returns the on-chain record of id.
func (c *testChain) channel(id common.Hash) bindings.ChannelAdjudicatorChannel {
	c.t.Helper()
	ch, err := c.adj.GetChannel(&bind.CallOpts{Context: c.t.Context()}, id)
	if err != nil {
		c.t.Fatalf("getChannel: %v", err)
	}
	return ch
}

func (c *testChain) balance(addr common.Address) *big.Int {
	c.t.Helper()
	b, err := c.client.BalanceAt(c.t.Context(), addr, nil)
	if err != nil {
		c.t.Fatalf("balance of %s: %v", addr, err)
	}
	return b
}

// gasCost is what the sender of the transaction behind r paid for gas.
func gasCost(r *types.Receipt) *big.Int {
	return new(big.Int).Mul(new(big.Int).SetUint64(r.GasUsed), r.EffectiveGasPrice)
}

// withdrawable returns what addr can pull with withdraw().
func (c *testChain) withdrawable(addr common.Address) *big.Int {
	c.t.Helper()
	w, err := c.adj.Withdrawable(&bind.CallOpts{Context: c.t.Context()}, addr)
	if err != nil {
		c.t.Fatalf("withdrawable(%s): %v", addr, err)
	}
	return w
}

// withdraw has a withdraw everything credited to it and requires the Withdrawn
// event and a's balance to show exactly want paid (net of a's gas).
func (c *testChain) withdraw(a *actor, want *big.Int) *types.Receipt {
	c.t.Helper()
	before := c.balance(a.addr)
	contractBefore := c.balance(c.addr)
	r := c.mineFn(func() (*types.Transaction, error) { return c.adj.Withdraw(c.opts(a, nil)) })
	ev := findEvent(c.t, r, c.addr, c.adj.ParseWithdrawn)
	if ev.To != a.addr || ev.Amount.Cmp(want) != 0 {
		c.t.Errorf("Withdrawn = {to %s, amount %s}, want {%s, %s}", ev.To, ev.Amount, a.addr, want)
	}
	// after = before - gas + paid
	paid := new(big.Int).Sub(c.balance(a.addr), before)
	paid.Add(paid, gasCost(r))
	if paid.Cmp(want) != 0 {
		c.t.Errorf("%s was paid %s wei by withdraw, want %s", a.name, paid, want)
	}
	if out := new(big.Int).Sub(contractBefore, c.balance(c.addr)); out.Cmp(want) != 0 {
		c.t.Errorf("contract paid out %s wei on %s's withdraw, want %s", out, a.name, want)
	}
	if w := c.withdrawable(a.addr); w.Sign() != 0 {
		c.t.Errorf("withdrawable[%s] = %s after withdraw, want 0", a.name, w)
	}
	return r
}

// open opens a channel from alice to bob with deposit and window, returning its id
// and the ChannelOpened event. The channel is Opening until bob joins.
func (c *testChain) open(deposit *big.Int, window uint64) (common.Hash, *bindings.ChannelAdjudicatorChannelOpened) {
	c.t.Helper()
	r := c.mineFn(func() (*types.Transaction, error) {
		return c.adj.Open(c.opts(c.alice, deposit), c.bob.addr, window)
	})
	ev := findEvent(c.t, r, c.addr, c.adj.ParseChannelOpened)
	return ev.ChannelId, ev
}

// join has bob join channel id with deposit and requires success.
func (c *testChain) join(id common.Hash, deposit *big.Int) (*types.Receipt, *bindings.ChannelAdjudicatorChannelJoined) {
	c.t.Helper()
	r := c.mineFn(func() (*types.Transaction, error) { return c.adj.Join(c.opts(c.bob, deposit), id) })
	return r, findEvent(c.t, r, c.addr, c.adj.ParseChannelJoined)
}

// openJoined opens a channel from alice (depositA) to bob, has bob join with
// depositB, and returns the id of the now Open channel.
func (c *testChain) openJoined(depositA, depositB *big.Int, window uint64) common.Hash {
	c.t.Helper()
	id, _ := c.open(depositA, window)
	c.join(id, depositB)
	return id
}

// state builds a state of channel id.
func state(id common.Hash, nonce uint64, a, b *big.Int) channelstate.State {
	return channelstate.State{ChannelID: id, Nonce: nonce, BalanceA: a, BalanceB: b}
}

func toBinding(s channelstate.State) bindings.ChannelAdjudicatorState {
	return bindings.ChannelAdjudicatorState{ChannelId: s.ChannelID, Nonce: s.Nonce, BalanceA: s.BalanceA, BalanceB: s.BalanceB}
}

// sign returns signer's signature on s under the chain's domain.
func (c *testChain) sign(s channelstate.State, signer *actor) []byte {
	c.t.Helper()
	sig, err := c.domain.Sign(s, signer.key)
	if err != nil {
		c.t.Fatalf("sign: %v", err)
	}
	return sig
}

// coSign returns alice's and bob's signatures on s.
func (c *testChain) coSign(s channelstate.State) (sigA, sigB []byte) {
	return c.sign(s, c.alice), c.sign(s, c.bob)
}

// close closes with s co-signed by both parties, sent by closer, and requires success.
func (c *testChain) close(closer *actor, s channelstate.State) (*types.Receipt, *bindings.ChannelAdjudicatorChannelClosed) {
	c.t.Helper()
	sigA, sigB := c.coSign(s)
	r := c.mineFn(func() (*types.Transaction, error) {
		return c.adj.Close(c.opts(closer, nil), toBinding(s), sigA, sigB)
	})
	return r, findEvent(c.t, r, c.addr, c.adj.ParseChannelClosed)
}

// findEvent returns the single event of r's logs that parse decodes, among the
// logs the adjudicator at addr emitted.
func findEvent[E any](t *testing.T, r *types.Receipt, addr common.Address, parse func(types.Log) (*E, error)) *E {
	t.Helper()
	var found *E
	for _, l := range r.Logs {
		if l.Address != addr {
			continue
		}
		ev, err := parse(*l)
		if errors.Is(err, bind.ErrEventSignatureMismatch) {
			continue
		}
		if err != nil {
			t.Fatalf("decode %T: %v", ev, err)
		}
		if found != nil {
			t.Fatalf("more than one %T in block %d", ev, r.BlockNumber)
		}
		found = ev
	}
	if found == nil {
		t.Fatalf("no %T event in the receipt of block %d (%d logs)", found, r.BlockNumber, len(r.Logs))
	}
	return found
}
