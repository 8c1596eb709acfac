package bindings_test

import (
	"bytes"
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"

	"github.com/watchtower-l2/watchtower/deployments/contracts/bindings"
	"github.com/watchtower-l2/watchtower/proofs/channelstate"
)

// maxWindow is the contract's MAX_DISPUTE_WINDOW.
const maxWindow = 604_800

var (
	secpN      = crypto.S256().Params().N
	secpHalfN  = new(big.Int).Rsh(secpN, 1)
	maxUint256 = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))
)

func callOpts(t *testing.T) *bind.CallOpts { return &bind.CallOpts{Context: t.Context()} }

// expectedChannelID mirrors keccak256(abi.encode(block.chainid, address(this), partyA, partyB, channelCount)).
func expectedChannelID(t *testing.T, c *testChain, a, b common.Address, count int64) common.Hash {
	t.Helper()
	u256, _ := abi.NewType("uint256", "", nil)
	addr, _ := abi.NewType("address", "", nil)
	args := abi.Arguments{{Type: u256}, {Type: addr}, {Type: addr}, {Type: addr}, {Type: u256}}
	enc, err := args.Pack(c.chainID, c.addr, a, b, big.NewInt(count))
	if err != nil {
		t.Fatalf("abi.encode channel id: %v", err)
	}
	return crypto.Keccak256Hash(enc)
}

func randomUint256(r *rand.Rand) *big.Int {
	switch r.IntN(6) {
	case 0:
		return big.NewInt(0)
	case 1:
		return new(big.Int).Set(maxUint256)
	default:
		buf := make([]byte, 1+r.IntN(32))
		for i := range buf {
			buf[i] = byte(r.Uint32())
		}
		return new(big.Int).SetBytes(buf)
	}
}

func TestDigestAndDomainMatchContract(t *testing.T) {
	c := newTestChain(t)
	sep, err := c.adj.DomainSeparator(callOpts(t))
	if err != nil {
		t.Fatalf("domainSeparator: %v", err)
	}
	if want := c.domain.Separator(); common.Hash(sep) != want {
		t.Fatalf("contract domainSeparator = %x, Go Domain.Separator = %s", sep, want)
	}
	typeHash, err := c.adj.STATETYPEHASH(callOpts(t))
	if err != nil {
		t.Fatalf("STATE_TYPEHASH: %v", err)
	}
	if want := crypto.Keccak256Hash([]byte("State(bytes32 channelId,uint64 nonce,uint256 balanceA,uint256 balanceB)")); common.Hash(typeHash) != want {
		t.Fatalf("STATE_TYPEHASH = %x, want %s", typeHash, want)
	}

	r := rand.New(rand.NewPCG(1, 2))
	states := []channelstate.State{
		state(common.Hash{}, 0, big.NewInt(0), big.NewInt(0)),
		state(common.MaxHash, math.MaxUint64, new(big.Int).Set(maxUint256), new(big.Int).Set(maxUint256)),
	}
	for range 30 {
		var id common.Hash
		for i := range id {
			id[i] = byte(r.Uint32())
		}
		states = append(states, state(id, r.Uint64()>>r.IntN(64), randomUint256(r), randomUint256(r)))
	}
	for i, s := range states {
		got, err := c.adj.StateDigest(callOpts(t), toBinding(s))
		if err != nil {
			t.Fatalf("stateDigest: %v", err)
		}
		if want := c.domain.Digest(s); common.Hash(got) != want {
			t.Errorf("state %d %+v: contract digest %x, Go digest %s", i, s, got, want)
		}
	}

	// A second deployment has its own domain: its digests differ and still match Go.
	addr2, tx, adj2, err := bindings.DeployChannelAdjudicator(c.opts(c.deployer, nil), c.client)
	if err != nil {
		t.Fatalf("deploy second adjudicator: %v", err)
	}
	c.mine(tx)
	d2 := channelstate.Domain{ChainID: c.chainID, Contract: addr2}
	sep2, err := adj2.DomainSeparator(callOpts(t))
	if err != nil {
		t.Fatal(err)
	}
	if common.Hash(sep2) != d2.Separator() || common.Hash(sep2) == common.Hash(sep) {
		t.Fatalf("second deployment separator %x: Go says %s, first deployment %x", sep2, d2.Separator(), sep)
	}
	got2, err := adj2.StateDigest(callOpts(t), toBinding(states[2]))
	if err != nil {
		t.Fatal(err)
	}
	if common.Hash(got2) != d2.Digest(states[2]) || common.Hash(got2) == c.domain.Digest(states[2]) {
		t.Fatalf("second deployment digest %x is not bound to its own domain", got2)
	}
}

func TestOpen(t *testing.T) {
	c := newTestChain(t)
	deposit := eth(3)
	aliceBefore := c.balance(c.alice.addr)

	if lo, err := c.adj.MINDISPUTEWINDOW(callOpts(t)); err != nil || lo != 2 {
		t.Errorf("MIN_DISPUTE_WINDOW = %d (%v), want 2", lo, err)
	}
	if hi, err := c.adj.MAXDISPUTEWINDOW(callOpts(t)); err != nil || hi != maxWindow {
		t.Errorf("MAX_DISPUTE_WINDOW = %d (%v), want %d", hi, err, maxWindow)
	}

	tx, err := c.adj.Open(c.opts(c.alice, deposit), c.bob.addr, 5)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	r := c.mine(tx)
	ev := findEvent(t, r, c.addr, c.adj.ParseChannelOpened)
	id := common.Hash(ev.ChannelId)
	if want := expectedChannelID(t, c, c.alice.addr, c.bob.addr, 0); id != want {
		t.Errorf("channel id = %s, want keccak(abi.encode(chainid, this, A, B, 0)) = %s", id, want)
	}
	if ev.PartyA != c.alice.addr || ev.PartyB != c.bob.addr || ev.Deposit.Cmp(deposit) != 0 || ev.DisputeWindow != 5 {
		t.Errorf("ChannelOpened = {A %s, B %s, deposit %s, window %d}, want {%s, %s, %s, 5}",
			ev.PartyA, ev.PartyB, ev.Deposit, ev.DisputeWindow, c.alice.addr, c.bob.addr, deposit)
	}
	ch := c.channel(id)
	if ch.PartyA != c.alice.addr || ch.PartyB != c.bob.addr || ch.Total.Cmp(deposit) != 0 || ch.DisputeWindow != 5 ||
		ch.Nonce != 0 || ch.Deadline != 0 || ch.Status != statusOpening || ch.BalanceA.Sign() != 0 || ch.BalanceB.Sign() != 0 {
		t.Errorf("channel record after open = %+v, want Opening with A's deposit", ch)
	}
	if got := c.balance(c.addr); got.Cmp(deposit) != 0 {
		t.Errorf("contract holds %s wei, want the deposit %s", got, deposit)
	}
	if spent := new(big.Int).Sub(aliceBefore, c.balance(c.alice.addr)); spent.Cmp(new(big.Int).Add(deposit, gasCost(r))) != 0 {
		t.Errorf("alice spent %s, want deposit + gas = %s", spent, new(big.Int).Add(deposit, gasCost(r)))
	}
	if n, err := c.adj.ChannelCount(callOpts(t)); err != nil || n.Int64() != 1 {
		t.Errorf("channelCount = %v (%v), want 1", n, err)
	}
	if ch := c.channel(common.HexToHash("0x01")); ch.Status != statusNone {
		t.Errorf("unknown channel has status %d", ch.Status)
	}

	// A second channel between the same parties gets a fresh id; the minimum window is accepted.
	id2, ev2 := c.open(eth(1), 2)
	if id2 == id || id2 != expectedChannelID(t, c, c.alice.addr, c.bob.addr, 1) || ev2.DisputeWindow != 2 {
		t.Errorf("second channel id %s (first %s), window %d", id2, id, ev2.DisputeWindow)
	}
	// Zero-deposit channels are allowed.
	c.mineFn(func() (*types.Transaction, error) { return c.adj.Open(c.opts(c.bob, nil), c.alice.addr, 3) })
	// The maximum window is accepted.
	_, evMax := c.open(eth(1), maxWindow)
	if evMax.DisputeWindow != maxWindow {
		t.Errorf("window %d, want %d", evMax.DisputeWindow, maxWindow)
	}

	it, err := c.adj.FilterChannelOpened(&bind.FilterOpts{Start: 0, Context: t.Context()}, nil, []common.Address{c.alice.addr}, nil)
	if err != nil {
		t.Fatalf("filter ChannelOpened: %v", err)
	}
	var ids []common.Hash
	for it.Next() {
		ids = append(ids, it.Event.ChannelId)
	}
	if err := it.Error(); err != nil {
		t.Fatal(err)
	}
	it.Close()
	if len(ids) != 3 || ids[0] != id || ids[1] != id2 || ids[2] != evMax.ChannelId {
		t.Errorf("ChannelOpened filtered by partyA=alice = %v, want [%s %s %s]", ids, id, id2, common.Hash(evMax.ChannelId))
	}

	_, err = c.adj.Open(c.opts(c.alice, eth(1)), common.Address{}, 5)
	c.expectRevert(err, "InvalidParty")
	_, err = c.adj.Open(c.opts(c.alice, eth(1)), c.alice.addr, 5)
	c.expectRevert(err, "InvalidParty")
	_, err = c.adj.Open(c.opts(c.alice, eth(1)), c.bob.addr, 1)
	c.expectRevert(err, "WindowTooShort", uint64(2))
	_, err = c.adj.Open(c.opts(c.alice, eth(1)), c.bob.addr, 0)
	c.expectRevert(err, "WindowTooShort", uint64(2))
	_, err = c.adj.Open(c.opts(c.alice, eth(1)), c.bob.addr, maxWindow+1)
	c.expectRevert(err, "WindowTooLong", uint64(maxWindow))
	if n, _ := c.adj.ChannelCount(callOpts(t)); n.Int64() != 4 {
		t.Errorf("channelCount = %s after refused opens, want 4", n)
	}
}

func TestJoin(t *testing.T) {
	c := newTestChain(t)
	id, _ := c.open(eth(3), 5)

	// Only party B may join: not A, not the tower, not an unrelated account.
	for _, a := range []*actor{c.alice, c.tower, c.mallory} {
		_, err := c.adj.Join(c.opts(a, eth(1)), id)
		c.expectRevert(err, "NotParticipant", a.addr)
	}
	// A forced (mined) join by A fails on chain too and keeps its value.
	aliceBefore := c.balance(c.alice.addr)
	o := c.forced(c.alice)
	o.Value = eth(1)
	tx, err := c.adj.Join(o, id)
	if err != nil {
		t.Fatal(err)
	}
	r := c.receipt(tx)
	if r.Status != types.ReceiptStatusFailed || len(r.Logs) != 0 {
		t.Fatalf("mined join by A: status %d, %d logs; want failed, no logs", r.Status, len(r.Logs))
	}
	if spent := new(big.Int).Sub(aliceBefore, c.balance(c.alice.addr)); spent.Cmp(gasCost(r)) != 0 {
		t.Errorf("failed join cost alice %s, want only gas %s", spent, gasCost(r))
	}
	unknown := common.HexToHash("0xdead")
	_, err = c.adj.Join(c.opts(c.bob, eth(1)), unknown)
	c.expectRevert(err, "UnknownChannel", unknown)
	if ch := c.channel(id); ch.Total.Cmp(eth(3)) != 0 || ch.Status != statusOpening {
		t.Fatalf("refused joins changed the channel: total %s status %d", ch.Total, ch.Status)
	}

	// Closing, challenging or settling a channel B has not joined is refused.
	s := state(id, 1, eth(3), big.NewInt(0))
	sa, sb := c.coSign(s)
	for _, a := range []*actor{c.alice, c.bob} {
		_, err = c.adj.Close(c.opts(a, nil), toBinding(s), sa, sb)
		c.expectRevert(err, "WrongStatus", id, statusOpening)
	}
	_, err = c.adj.Challenge(c.opts(c.tower, nil), toBinding(s), sa, sb)
	c.expectRevert(err, "WrongStatus", id, statusOpening)
	_, err = c.adj.Settle(c.opts(c.tower, nil), id)
	c.expectRevert(err, "WrongStatus", id, statusOpening)

	bobBefore := c.balance(c.bob.addr)
	r, ev := c.join(id, eth(2))
	if common.Hash(ev.ChannelId) != id || ev.PartyB != c.bob.addr || ev.Deposit.Cmp(eth(2)) != 0 || ev.Total.Cmp(eth(5)) != 0 {
		t.Errorf("ChannelJoined = %+v, want {%s, bob, 2 ETH, total 5 ETH}", ev, id)
	}
	if spent := new(big.Int).Sub(bobBefore, c.balance(c.bob.addr)); spent.Cmp(new(big.Int).Add(eth(2), gasCost(r))) != 0 {
		t.Errorf("bob spent %s, want deposit + gas = %s", spent, new(big.Int).Add(eth(2), gasCost(r)))
	}
	ch := c.channel(id)
	if ch.Total.Cmp(eth(5)) != 0 || ch.Status != statusOpen || ch.Nonce != 0 || ch.Deadline != 0 {
		t.Errorf("channel after join = %+v, want Open with total 5 ETH", ch)
	}
	if got := c.balance(c.addr); got.Cmp(eth(5)) != 0 {
		t.Errorf("contract balance %s, want 5 ETH", got)
	}

	// Joining happens once: neither B again nor A can add funds, and A can no longer cancel.
	_, err = c.adj.Join(c.opts(c.bob, eth(1)), id)
	c.expectRevert(err, "WrongStatus", id, statusOpen)
	_, err = c.adj.Join(c.opts(c.bob, nil), id)
	c.expectRevert(err, "WrongStatus", id, statusOpen)
	_, err = c.adj.Join(c.opts(c.alice, eth(1)), id)
	c.expectRevert(err, "WrongStatus", id, statusOpen)
	_, err = c.adj.Cancel(c.opts(c.alice, nil), id)
	c.expectRevert(err, "WrongStatus", id, statusOpen)
	if ch := c.channel(id); ch.Total.Cmp(eth(5)) != 0 {
		t.Errorf("refused joins changed the total to %s", ch.Total)
	}

	// Nor once the channel is closing.
	c.close(c.alice, state(id, 1, eth(2), eth(3)))
	_, err = c.adj.Join(c.opts(c.bob, eth(1)), id)
	c.expectRevert(err, "WrongStatus", id, statusClosing)

	// B may join with nothing; the channel is then open with A's deposit alone.
	id2, _ := c.open(eth(1), 5)
	_, ev2 := c.join(id2, nil)
	if ev2.Deposit.Sign() != 0 || ev2.Total.Cmp(eth(1)) != 0 {
		t.Errorf("zero-deposit join: %+v", ev2)
	}
	if ch := c.channel(id2); ch.Status != statusOpen {
		t.Errorf("status %d after zero-deposit join", ch.Status)
	}

	it, err := c.adj.FilterChannelJoined(&bind.FilterOpts{Start: 0, Context: t.Context()}, nil, []common.Address{c.bob.addr})
	if err != nil {
		t.Fatal(err)
	}
	var joined []common.Hash
	for it.Next() {
		joined = append(joined, it.Event.ChannelId)
	}
	if err := it.Error(); err != nil {
		t.Fatal(err)
	}
	it.Close()
	if len(joined) != 2 || joined[0] != id || joined[1] != id2 {
		t.Errorf("ChannelJoined by bob = %v, want [%s %s]", joined, id, id2)
	}
}

func TestCancel(t *testing.T) {
	c := newTestChain(t)
	id, _ := c.open(eth(4), 5)
	// A bystander channel whose funds must stay in the contract.
	c.open(eth(1), 5)

	// Only party A may cancel.
	for _, a := range []*actor{c.bob, c.tower, c.mallory} {
		_, err := c.adj.Cancel(c.opts(a, nil), id)
		c.expectRevert(err, "NotParticipant", a.addr)
	}
	unknown := common.HexToHash("0xdead")
	_, err := c.adj.Cancel(c.opts(c.alice, nil), unknown)
	c.expectRevert(err, "UnknownChannel", unknown)

	aliceBefore := c.balance(c.alice.addr)
	r := c.mineFn(func() (*types.Transaction, error) { return c.adj.Cancel(c.opts(c.alice, nil), id) })
	ev := findEvent(t, r, c.addr, c.adj.ParseChannelCancelled)
	if common.Hash(ev.ChannelId) != id || ev.Refund.Cmp(eth(4)) != 0 {
		t.Errorf("ChannelCancelled = %+v, want {%s, 4 ETH}", ev, id)
	}
	// The refund is credited, not pushed.
	if spent := new(big.Int).Sub(aliceBefore, c.balance(c.alice.addr)); spent.Cmp(gasCost(r)) != 0 {
		t.Errorf("cancel changed alice's balance by -%s, want only gas %s", spent, gasCost(r))
	}
	if w := c.withdrawable(c.alice.addr); w.Cmp(eth(4)) != 0 {
		t.Errorf("withdrawable[alice] = %s after cancel, want 4 ETH", w)
	}
	if w := c.withdrawable(c.bob.addr); w.Sign() != 0 {
		t.Errorf("withdrawable[bob] = %s after cancel, want 0", w)
	}
	if got := c.balance(c.addr); got.Cmp(eth(5)) != 0 {
		t.Errorf("contract holds %s after cancel, want 5 ETH", got)
	}
	ch := c.channel(id)
	if ch.Status != statusSettled || ch.Total.Sign() != 0 {
		t.Errorf("channel after cancel = %+v, want Settled with total 0", ch)
	}

	// A cancelled channel is dead: no second cancel, no join, close, challenge or settle.
	_, err = c.adj.Cancel(c.opts(c.alice, nil), id)
	c.expectRevert(err, "WrongStatus", id, statusSettled)
	_, err = c.adj.Join(c.opts(c.bob, eth(1)), id)
	c.expectRevert(err, "WrongStatus", id, statusSettled)
	s := state(id, 1, big.NewInt(0), big.NewInt(0))
	sa, sb := c.coSign(s)
	_, err = c.adj.Close(c.opts(c.alice, nil), toBinding(s), sa, sb)
	c.expectRevert(err, "WrongStatus", id, statusSettled)
	_, err = c.adj.Challenge(c.opts(c.tower, nil), toBinding(s), sa, sb)
	c.expectRevert(err, "WrongStatus", id, statusSettled)
	_, err = c.adj.Settle(c.opts(c.tower, nil), id)
	c.expectRevert(err, "WrongStatus", id, statusSettled)
	if w := c.withdrawable(c.alice.addr); w.Cmp(eth(4)) != 0 {
		t.Errorf("refused calls changed withdrawable[alice] to %s", w)
	}

	// Alice pulls exactly her deposit; a second withdraw pays nothing.
	c.withdraw(c.alice, eth(4))
	c.withdraw(c.alice, big.NewInt(0))
	if got := c.balance(c.addr); got.Cmp(eth(1)) != 0 {
		t.Errorf("contract holds %s after the refund, want the other channel's 1 ETH", got)
	}

	// Cancelling a zero-deposit channel credits nothing.
	id3, _ := c.open(nil, 5)
	r = c.mineFn(func() (*types.Transaction, error) { return c.adj.Cancel(c.opts(c.alice, nil), id3) })
	if ev := findEvent(t, r, c.addr, c.adj.ParseChannelCancelled); ev.Refund.Sign() != 0 {
		t.Errorf("zero-deposit cancel refunds %s", ev.Refund)
	}
	if w := c.withdrawable(c.alice.addr); w.Sign() != 0 {
		t.Errorf("withdrawable[alice] = %s", w)
	}
}

func TestClose(t *testing.T) {
	c := newTestChain(t)
	const window = 7
	id := c.openJoined(eth(6), eth(4), window)
	s := state(id, 5, eth(4), eth(6))
	sigA, sigB := c.coSign(s)

	// Non-participants may not close, even with a valid co-signed state.
	_, err := c.adj.Close(c.opts(c.tower, nil), toBinding(s), sigA, sigB)
	c.expectRevert(err, "NotParticipant", c.tower.addr)
	_, err = c.adj.Close(c.opts(c.mallory, nil), toBinding(s), sigA, sigB)
	c.expectRevert(err, "NotParticipant", c.mallory.addr)
	if ch := c.channel(id); ch.Status != statusOpen {
		t.Fatalf("refused close changed the status to %d", ch.Status)
	}
	// A forced (mined) close by a non-participant fails on chain too.
	tx, err := c.adj.Close(c.forced(c.tower), toBinding(s), sigA, sigB)
	if err != nil {
		t.Fatal(err)
	}
	if r := c.receipt(tx); r.Status != types.ReceiptStatusFailed || len(r.Logs) != 0 {
		t.Fatalf("mined close by the tower: status %d, %d logs; want failed, no logs", r.Status, len(r.Logs))
	}

	r, ev := c.close(c.alice, s)
	if common.Hash(ev.ChannelId) != id || ev.Closer != c.alice.addr || ev.Nonce != 5 ||
		ev.BalanceA.Cmp(eth(4)) != 0 || ev.BalanceB.Cmp(eth(6)) != 0 {
		t.Errorf("ChannelClosed = %+v", ev)
	}
	if want := r.BlockNumber.Uint64() + window; ev.Deadline != want {
		t.Errorf("ChannelClosed deadline = %d, want close block %d + window %d = %d", ev.Deadline, r.BlockNumber, window, want)
	}
	ch := c.channel(id)
	if ch.Status != statusClosing || ch.Nonce != 5 || ch.BalanceA.Cmp(eth(4)) != 0 || ch.BalanceB.Cmp(eth(6)) != 0 ||
		ch.Deadline != ev.Deadline || ch.Total.Cmp(eth(10)) != 0 {
		t.Errorf("channel after close = %+v", ch)
	}
	// Closing credits nothing yet.
	if w := c.withdrawable(c.alice.addr); w.Sign() != 0 {
		t.Errorf("withdrawable[alice] = %s while closing", w)
	}

	// A channel can only be closed once.
	_, err = c.adj.Close(c.opts(c.bob, nil), toBinding(s), sigA, sigB)
	c.expectRevert(err, "WrongStatus", id, statusClosing)

	// Party B may close too, and the window starts at its close block.
	id2 := c.openJoined(eth(2), nil, 3)
	c.advanceTo(c.head() + 4)
	r2, ev2 := c.close(c.bob, state(id2, 0, eth(2), big.NewInt(0)))
	if ev2.Closer != c.bob.addr || ev2.Deadline != r2.BlockNumber.Uint64()+3 {
		t.Errorf("close by B: closer %s deadline %d (block %d)", ev2.Closer, ev2.Deadline, r2.BlockNumber)
	}

	// A channel B has not joined cannot be closed, by either party, with any state.
	id3, _ := c.open(eth(2), 3)
	s3 := state(id3, 1, eth(2), big.NewInt(0))
	a3, b3 := c.coSign(s3)
	for _, a := range []*actor{c.alice, c.bob} {
		_, err = c.adj.Close(c.opts(a, nil), toBinding(s3), a3, b3)
		c.expectRevert(err, "WrongStatus", id3, statusOpening)
	}
	tx, err = c.adj.Close(c.forced(c.alice), toBinding(s3), a3, b3)
	if err != nil {
		t.Fatal(err)
	}
	if r := c.receipt(tx); r.Status != types.ReceiptStatusFailed {
		t.Fatalf("mined close of an Opening channel succeeded")
	}
	if ch := c.channel(id3); ch.Status != statusOpening || ch.Deadline != 0 {
		t.Errorf("refused close changed the Opening channel: %+v", ch)
	}

	unknown := common.HexToHash("0xbeef")
	us := state(unknown, 1, big.NewInt(0), big.NewInt(0))
	ua, ub := c.coSign(us)
	_, err = c.adj.Close(c.opts(c.alice, nil), toBinding(us), ua, ub)
	c.expectRevert(err, "UnknownChannel", unknown)
}

func TestChallengeByTower(t *testing.T) {
	c := newTestChain(t)
	id := c.openJoined(eth(5), eth(5), 10)

	// Bob closes with a stale state that favours him; alice's tower holds nonce 7.
	_, closed := c.close(c.bob, state(id, 3, eth(2), eth(8)))
	latest := state(id, 7, eth(9), eth(1))
	sigA, sigB := c.coSign(latest)

	r := c.mineFn(func() (*types.Transaction, error) {
		return c.adj.Challenge(c.opts(c.tower, nil), toBinding(latest), sigA, sigB)
	})
	ev := findEvent(t, r, c.addr, c.adj.ParseChannelChallenged)
	if common.Hash(ev.ChannelId) != id || ev.Challenger != c.tower.addr || ev.Nonce != 7 ||
		ev.BalanceA.Cmp(eth(9)) != 0 || ev.BalanceB.Cmp(eth(1)) != 0 || ev.Deadline != closed.Deadline {
		t.Errorf("ChannelChallenged = %+v (close deadline %d)", ev, closed.Deadline)
	}
	ch := c.channel(id)
	if ch.Status != statusClosing || ch.Nonce != 7 || ch.BalanceA.Cmp(eth(9)) != 0 || ch.BalanceB.Cmp(eth(1)) != 0 ||
		ch.Deadline != closed.Deadline {
		t.Errorf("channel after challenge = %+v; the deadline must not move", ch)
	}

	// Equal nonce (even with different co-signed balances) and lower nonces are stale.
	for _, s := range []channelstate.State{
		state(id, 7, eth(9), eth(1)),
		state(id, 7, eth(10), big.NewInt(0)),
		state(id, 6, eth(5), eth(5)),
		state(id, 3, eth(2), eth(8)),
		state(id, 0, eth(10), big.NewInt(0)),
	} {
		a, b := c.coSign(s)
		_, err := c.adj.Challenge(c.opts(c.tower, nil), toBinding(s), a, b)
		c.expectRevert(err, "StaleNonce", uint64(7), s.Nonce)
	}
	if ch := c.channel(id); ch.Nonce != 7 || ch.BalanceA.Cmp(eth(9)) != 0 {
		t.Errorf("refused challenges changed the channel: %+v", ch)
	}

	// Anyone, even an unrelated account, can push a newer co-signed state.
	newer := state(id, 8, eth(6), eth(4))
	a, b := c.coSign(newer)
	r = c.mineFn(func() (*types.Transaction, error) {
		return c.adj.Challenge(c.opts(c.mallory, nil), toBinding(newer), a, b)
	})
	if ev := findEvent(t, r, c.addr, c.adj.ParseChannelChallenged); ev.Challenger != c.mallory.addr || ev.Nonce != 8 {
		t.Errorf("challenge by mallory: %+v", ev)
	}

	// Challenging an open (not closing) channel is refused, joined or not.
	id2 := c.openJoined(eth(1), nil, 5)
	s2 := state(id2, 1, eth(1), big.NewInt(0))
	a2, b2 := c.coSign(s2)
	_, err := c.adj.Challenge(c.opts(c.tower, nil), toBinding(s2), a2, b2)
	c.expectRevert(err, "WrongStatus", id2, statusOpen)
	id3, _ := c.open(eth(1), 5)
	s3 := state(id3, 1, eth(1), big.NewInt(0))
	a3, b3 := c.coSign(s3)
	_, err = c.adj.Challenge(c.opts(c.tower, nil), toBinding(s3), a3, b3)
	c.expectRevert(err, "WrongStatus", id3, statusOpening)
}

func TestChallengeSignatureChecks(t *testing.T) {
	c := newTestChain(t)
	id := c.openJoined(eth(6), eth(4), 20)
	c.close(c.alice, state(id, 1, eth(5), eth(5)))

	s := state(id, 2, eth(3), eth(7))
	sigA, sigB := c.coSign(s)
	other := state(id, 2, eth(7), eth(3)) // same nonce, different balances
	otherA, otherB := c.coSign(other)
	foreign := channelstate.Domain{ChainID: big.NewInt(1), Contract: c.addr}
	foreignA, err := foreign.Sign(s, c.alice.key)
	if err != nil {
		t.Fatal(err)
	}
	highA, highB := toHighS(sigA), toHighS(sigB)
	// Precondition: the malleated signatures are valid secp256k1 signatures by the
	// right keys, so only the contract's low-S rule can reject them.
	digest := c.domain.Digest(s)
	for _, tc := range []struct {
		sig  []byte
		want common.Address
	}{{highA, c.alice.addr}, {highB, c.bob.addr}} {
		pub, err := crypto.SigToPub(digest[:], withV(tc.sig, tc.sig[64]-27))
		if err != nil || crypto.PubkeyToAddress(*pub) != tc.want {
			t.Fatalf("malleated signature does not recover to %s: test is broken", tc.want)
		}
	}

	cases := []struct {
		name       string
		sigA, sigB []byte
		blame      common.Address
	}{
		{"A signed by the tower", c.sign(s, c.tower), sigB, c.alice.addr},
		{"B signed by mallory", sigA, c.sign(s, c.mallory), c.bob.addr},
		{"signatures swapped", sigB, sigA, c.alice.addr},
		{"A signed twice", sigA, sigA, c.bob.addr},
		{"A's signature over another state", otherA, sigB, c.alice.addr},
		{"B's signature over another state", sigA, otherB, c.bob.addr},
		{"A signed under another chain id", foreignA, sigB, c.alice.addr},
		{"A's signature 64 bytes", sigA[:64], sigB, c.alice.addr},
		{"B's signature 64 bytes", sigA, sigB[:64], c.bob.addr},
		{"A's signature 66 bytes", append(bytes.Clone(sigA), 0), sigB, c.alice.addr},
		{"A's signature empty", nil, sigB, c.alice.addr},
		{"A's signature high S", highA, sigB, c.alice.addr},
		{"B's signature high S", sigA, highB, c.bob.addr},
		{"A's recovery id 29", withV(sigA, 29), sigB, c.alice.addr},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := c.withT(t)
			_, err := c.adj.Challenge(c.opts(c.tower, nil), toBinding(s), tc.sigA, tc.sigB)
			c.expectRevert(err, "BadSignature", tc.blame)
			// The off-chain verifier agrees with the contract.
			if err := c.domain.VerifyBoth(channelstate.Signed{State: s, SigA: tc.sigA, SigB: tc.sigB}, c.alice.addr, c.bob.addr); err == nil {
				t.Errorf("channelstate.VerifyBoth accepts what the contract refuses")
			}
		})
	}
	// Close applies the same checks.
	id2 := c.openJoined(eth(1), nil, 5)
	s2 := state(id2, 0, eth(1), big.NewInt(0))
	a2, b2 := c.coSign(s2)
	_, err = c.adj.Close(c.opts(c.alice, nil), toBinding(s2), toHighS(a2), b2)
	c.expectRevert(err, "BadSignature", c.alice.addr)
	_, err = c.adj.Close(c.opts(c.alice, nil), toBinding(s2), a2, c.sign(s2, c.mallory))
	c.expectRevert(err, "BadSignature", c.bob.addr)

	if ch := c.channel(id); ch.Nonce != 1 {
		t.Fatalf("a refused challenge changed the nonce to %d", ch.Nonce)
	}
	// The untampered signatures, with V in {0,1}, are accepted: the refusals above
	// were about the signatures alone.
	c.mineFn(func() (*types.Transaction, error) {
		return c.adj.Challenge(c.opts(c.tower, nil), toBinding(s), withV(sigA, sigA[64]-27), withV(sigB, sigB[64]-27))
	})
	if ch := c.channel(id); ch.Nonce != 2 || ch.BalanceA.Cmp(eth(3)) != 0 {
		t.Fatalf("valid challenge not applied: %+v", ch)
	}
}

// The contract and channelstate.Verify must accept exactly the same signatures,
// or the tower could store proofs the contract refuses (or discard valid ones).
func TestSignatureRulesMatchGo(t *testing.T) {
	c := newTestChain(t)
	id := c.openJoined(eth(6), eth(4), 50)
	c.close(c.alice, state(id, 1, eth(5), eth(5)))
	s := state(id, 2, eth(4), eth(6))
	sigA, sigB := c.coSign(s)

	setS := func(sig []byte, v *big.Int) []byte {
		out := bytes.Clone(sig)
		copy(out[32:64], common.LeftPadBytes(v.Bytes(), 32))
		return out
	}
	setR := func(sig []byte, v *big.Int) []byte {
		out := bytes.Clone(sig)
		copy(out[0:32], common.LeftPadBytes(v.Bytes(), 32))
		return out
	}
	variants := map[string][]byte{
		"as signed":   sigA,
		"high S":      toHighS(sigA),
		"S = N/2":     setS(sigA, secpHalfN),
		"S = N/2+1":   setS(sigA, new(big.Int).Add(secpHalfN, big.NewInt(1))),
		"S = 0":       setS(sigA, big.NewInt(0)),
		"R = 0":       setR(sigA, big.NewInt(0)),
		"R = N":       setR(sigA, secpN),
		"R = 2^256-1": setR(sigA, maxUint256),
		"65 zeros":    make([]byte, 65),
		"64 bytes":    sigA[:64],
		"66 bytes":    append(bytes.Clone(sigA), sigA[64]),
	}
	for _, v := range []byte{0, 1, 2, 25, 26, 27, 28, 29, 30, 54, 55, 127, 128, 255} {
		variants["V="+big.NewInt(int64(v)).String()] = withV(sigA, v)
	}
	accepted := 0
	for name, sig := range variants {
		goErr := c.domain.Verify(s, sig, c.alice.addr)
		o := c.opts(c.tower, nil)
		o.NoSend = true // estimate (execute) only
		_, chainErr := c.adj.Challenge(o, toBinding(s), sig, sigB)
		if (goErr == nil) != (chainErr == nil) {
			t.Errorf("%s: Go verify err = %v, contract err = %v (%s)", name, goErr, chainErr, c.describeRevert(chainErr))
			continue
		}
		if chainErr != nil {
			if got, args := c.revertName(chainErr); got != "BadSignature" || args[0] != c.alice.addr {
				t.Errorf("%s: contract refused with %s%v, want BadSignature(alice)", name, got, args)
			}
		} else {
			accepted++
		}
	}
	// as signed, V=yParity, V=yParity+27: exactly the three encodings of the honest signature.
	if accepted != 3 {
		t.Errorf("%d signature variants accepted, want 3", accepted)
	}
}

// The dispute window includes the deadline block: a challenge mined in block
// `deadline` is applied, one mined in block `deadline+1` reverts.
func TestChallengeDeadlineBoundary(t *testing.T) {
	c := newTestChain(t)
	const window = 4
	id := c.openJoined(eth(6), eth(4), window)
	r, closed := c.close(c.alice, state(id, 1, eth(8), eth(2)))
	deadline := r.BlockNumber.Uint64() + window
	if closed.Deadline != deadline {
		t.Fatalf("deadline %d, want %d", closed.Deadline, deadline)
	}

	c.advanceTo(deadline - 1) // the next transaction lands in the deadline block
	s2 := state(id, 2, eth(3), eth(7))
	a2, b2 := c.coSign(s2)
	r = c.mineFn(func() (*types.Transaction, error) {
		return c.adj.Challenge(c.opts(c.tower, nil), toBinding(s2), a2, b2)
	})
	if r.BlockNumber.Uint64() != deadline {
		t.Fatalf("challenge mined in block %d, want the deadline block %d", r.BlockNumber, deadline)
	}
	if ev := findEvent(t, r, c.addr, c.adj.ParseChannelChallenged); ev.Nonce != 2 || ev.Deadline != deadline {
		t.Fatalf("ChannelChallenged in the deadline block = %+v", ev)
	}

	// Head is now the deadline block. A challenge sent now lands in deadline+1.
	s3 := state(id, 3, eth(1), eth(9))
	a3, b3 := c.coSign(s3)
	// Watch out (tower implementers): eth_estimateGas runs against the head block,
	// where block.number == deadline, so the estimate passes although the
	// transaction can only be mined after the deadline.
	est := c.opts(c.tower, nil)
	est.NoSend = true
	if _, err := c.adj.Challenge(est, toBinding(s3), a3, b3); err != nil {
		t.Errorf("estimate at head == deadline refused (%s); geth estimates against the head block", c.describeRevert(err))
	}
	// A call on the pending block sees block.number == deadline+1 and refuses.
	c.expectRevert(c.call(c.tower, true, "challenge", toBinding(s3), a3, b3), "DisputeWindowOver", deadline)
	tx, err := c.adj.Challenge(c.forced(c.tower), toBinding(s3), a3, b3)
	if err != nil {
		t.Fatal(err)
	}
	r = c.receipt(tx)
	if r.BlockNumber.Uint64() != deadline+1 || r.Status != types.ReceiptStatusFailed {
		t.Fatalf("challenge in block %d: status %d, want block %d, failed", r.BlockNumber, r.Status, deadline+1)
	}
	c.expectRevert(c.call(c.tower, false, "challenge", toBinding(s3), a3, b3), "DisputeWindowOver", deadline)
	_, err = c.adj.Challenge(c.opts(c.tower, nil), toBinding(s3), a3, b3)
	c.expectRevert(err, "DisputeWindowOver", deadline)
	if ch := c.channel(id); ch.Nonce != 2 || ch.BalanceB.Cmp(eth(7)) != 0 {
		t.Fatalf("late challenge changed the channel: %+v", ch)
	}
}

func TestBalanceMismatch(t *testing.T) {
	c := newTestChain(t)
	id := c.openJoined(eth(6), eth(4), 10)
	total := eth(10)

	for _, s := range []channelstate.State{
		state(id, 1, eth(5), eth(4)),                                        // short
		state(id, 1, eth(6), eth(5)),                                        // over
		state(id, 1, eth(6), big.NewInt(0)),                                 // ignores B's deposit
		state(id, 1, new(big.Int).Sub(total, big.NewInt(1)), big.NewInt(0)), // one wei short
	} {
		a, b := c.coSign(s)
		_, err := c.adj.Close(c.opts(c.alice, nil), toBinding(s), a, b)
		c.expectRevert(err, "BalanceMismatch", total, new(big.Int).Add(s.BalanceA, s.BalanceB))
	}

	c.close(c.alice, state(id, 1, eth(5), eth(5)))
	bad := state(id, 2, eth(9), eth(2))
	a, b := c.coSign(bad)
	_, err := c.adj.Challenge(c.opts(c.tower, nil), toBinding(bad), a, b)
	c.expectRevert(err, "BalanceMismatch", total, eth(11))

	if ch := c.channel(id); ch.Nonce != 1 || ch.BalanceA.Cmp(eth(5)) != 0 {
		t.Fatalf("refused challenges changed the channel: %+v", ch)
	}
}

// Balances whose sum overflows uint256 (or wraps around to the total) are refused
// with BalanceMismatch, not a checked-arithmetic Panic(0x11), when balanceA alone
// exceeds the total (claimed is then balanceA) or is 0. For 0 < balanceA <= total
// see TestBalanceMismatchArgumentCapped.
func TestBalanceOverflowIsMismatch(t *testing.T) {
	c := newTestChain(t)
	id := c.openJoined(eth(6), eth(4), 10)
	total := eth(10)
	half := new(big.Int).Lsh(big.NewInt(1), 255)
	cases := []struct {
		name    string
		a, b    *big.Int
		claimed *big.Int
	}{
		// 2^256-1 + total+1 wraps to exactly the total.
		{"A max, B total+1 (sum wraps to the total)", new(big.Int).Set(maxUint256), new(big.Int).Add(total, big.NewInt(1)), maxUint256},
		{"A max, B max", new(big.Int).Set(maxUint256), new(big.Int).Set(maxUint256), maxUint256},
		{"A 2^255, B 2^255 (sum wraps to 0)", half, half, half},
		{"A total+1, B max", new(big.Int).Add(total, big.NewInt(1)), new(big.Int).Set(maxUint256), new(big.Int).Add(total, big.NewInt(1))},
		{"A 0, B max", big.NewInt(0), new(big.Int).Set(maxUint256), maxUint256},
	}
	check := func(t *testing.T, c *testChain, method string, from *actor, s channelstate.State, claimed *big.Int) {
		t.Helper()
		a, b := c.coSign(s)
		var err error
		if method == "close" {
			_, err = c.adj.Close(c.opts(from, nil), toBinding(s), a, b)
		} else {
			_, err = c.adj.Challenge(c.opts(from, nil), toBinding(s), a, b)
		}
		c.expectRevert(err, "BalanceMismatch", total, claimed)
	}
	for _, tc := range cases {
		t.Run("close/"+tc.name, func(t *testing.T) {
			check(t, c.withT(t), "close", c.alice, state(id, 1, tc.a, tc.b), tc.claimed)
		})
	}
	c.close(c.bob, state(id, 1, eth(5), eth(5)))
	for _, tc := range cases {
		t.Run("challenge/"+tc.name, func(t *testing.T) {
			check(t, c.withT(t), "challenge", c.tower, state(id, 2, tc.a, tc.b), tc.claimed)
		})
	}
	if ch := c.channel(id); ch.Nonce != 1 || ch.BalanceA.Cmp(eth(5)) != 0 || ch.BalanceB.Cmp(eth(5)) != 0 {
		t.Fatalf("refused challenges changed the channel: %+v", ch)
	}
}

// When 0 < balanceA <= total and balanceB > 2^256-1 - balanceA, the state is
// refused with BalanceMismatch whose claimed sum is capped at 2^256-1 (the sum
// itself would overflow), never with a checked-arithmetic Panic(0x11).
func TestBalanceMismatchArgumentCapped(t *testing.T) {
	c := newTestChain(t)
	id := c.openJoined(eth(6), eth(4), 10)
	total := eth(10)
	for _, a := range []*big.Int{big.NewInt(1), eth(6), new(big.Int).Set(total)} {
		s := state(id, 1, a, new(big.Int).Set(maxUint256))
		sa, sb := c.coSign(s)
		_, err := c.adj.Close(c.opts(c.alice, nil), toBinding(s), sa, sb)
		c.expectRevert(err, "BalanceMismatch", total, maxUint256)
	}
	c.close(c.alice, state(id, 1, eth(5), eth(5)))
	s := state(id, 2, big.NewInt(1), new(big.Int).Set(maxUint256))
	sa, sb := c.coSign(s)
	_, err := c.adj.Challenge(c.opts(c.tower, nil), toBinding(s), sa, sb)
	c.expectRevert(err, "BalanceMismatch", total, maxUint256)
	if ch := c.channel(id); ch.Nonce != 1 || ch.BalanceA.Cmp(eth(5)) != 0 || ch.BalanceB.Cmp(eth(5)) != 0 {
		t.Fatalf("a refused challenge changed the channel: %+v", ch)
	}
}

func TestSettle(t *testing.T) {
	c := newTestChain(t)
	const window = 3
	id := c.openJoined(eth(6), eth(4), window)
	// A bystander channel whose funds must stay in the contract.
	other := c.openJoined(eth(5), nil, 100)

	r, closed := c.close(c.bob, state(id, 4, eth(1), eth(9)))
	deadline := r.BlockNumber.Uint64() + window
	final := state(id, 9, eth(7), eth(3))
	a, b := c.coSign(final)
	c.mineFn(func() (*types.Transaction, error) {
		return c.adj.Challenge(c.opts(c.tower, nil), toBinding(final), a, b)
	})

	_, err := c.adj.Settle(c.opts(c.tower, nil), id)
	c.expectRevert(err, "DisputeWindowOpen", closed.Deadline)

	// A settle mined in the deadline block is refused...
	c.advanceTo(deadline - 1)
	tx, err := c.adj.Settle(c.forced(c.tower), id)
	if err != nil {
		t.Fatal(err)
	}
	if r := c.receipt(tx); r.BlockNumber.Uint64() != deadline || r.Status != types.ReceiptStatusFailed {
		t.Fatalf("settle in block %d: status %d, want block %d, failed", r.BlockNumber, r.Status, deadline)
	}
	c.expectRevert(c.call(c.tower, false, "settle", id), "DisputeWindowOpen", deadline)
	if ch := c.channel(id); ch.Status != statusClosing {
		t.Fatalf("early settle changed the status to %d", ch.Status)
	}

	// ...and one mined in the next block credits the challenged state.
	// Watch out (tower implementers): with head == deadline, eth_estimateGas (and
	// so the binding) still refuses, since it runs with block.number == deadline;
	// a call on the pending block passes. Send with an explicit gas limit.
	_, err = c.adj.Settle(c.opts(c.tower, nil), id)
	c.expectRevert(err, "DisputeWindowOpen", deadline)
	if err := c.call(c.tower, true, "settle", id); err != nil {
		t.Errorf("settle on the pending block (deadline+1) refused: %s", c.describeRevert(err))
	}
	aliceBefore, bobBefore, contractBefore := c.balance(c.alice.addr), c.balance(c.bob.addr), c.balance(c.addr)
	r = c.mineFn(func() (*types.Transaction, error) { return c.adj.Settle(c.forced(c.tower), id) })
	if r.BlockNumber.Uint64() != deadline+1 {
		t.Fatalf("settle mined in block %d, want %d", r.BlockNumber, deadline+1)
	}
	ev := findEvent(t, r, c.addr, c.adj.ParseChannelSettled)
	if common.Hash(ev.ChannelId) != id || ev.Nonce != 9 || ev.BalanceA.Cmp(eth(7)) != 0 || ev.BalanceB.Cmp(eth(3)) != 0 {
		t.Errorf("ChannelSettled = %+v", ev)
	}
	// Settling moves no ETH: it credits the parties.
	if got := c.balance(c.alice.addr); got.Cmp(aliceBefore) != 0 {
		t.Errorf("settle changed alice's balance by %s", new(big.Int).Sub(got, aliceBefore))
	}
	if got := c.balance(c.bob.addr); got.Cmp(bobBefore) != 0 {
		t.Errorf("settle changed bob's balance by %s", new(big.Int).Sub(got, bobBefore))
	}
	if got := c.balance(c.addr); got.Cmp(contractBefore) != 0 || got.Cmp(eth(15)) != 0 {
		t.Errorf("contract holds %s after settle, want all 15 ETH (before: %s)", got, contractBefore)
	}
	if w := c.withdrawable(c.alice.addr); w.Cmp(eth(7)) != 0 {
		t.Errorf("withdrawable[alice] = %s, want 7 ETH", w)
	}
	if w := c.withdrawable(c.bob.addr); w.Cmp(eth(3)) != 0 {
		t.Errorf("withdrawable[bob] = %s, want 3 ETH", w)
	}
	for _, a := range []*actor{c.tower, c.mallory} {
		if w := c.withdrawable(a.addr); w.Sign() != 0 {
			t.Errorf("withdrawable[%s] = %s, want 0", a.name, w)
		}
	}
	ch := c.channel(id)
	if ch.Status != statusSettled || ch.Total.Sign() != 0 || ch.Nonce != 9 {
		t.Errorf("channel after settle = %+v", ch)
	}

	// Settling again, or any other call on the settled channel, is refused and credits nothing.
	_, err = c.adj.Settle(c.opts(c.tower, nil), id)
	c.expectRevert(err, "WrongStatus", id, statusSettled)
	_, err = c.adj.Settle(c.opts(c.alice, nil), id)
	c.expectRevert(err, "WrongStatus", id, statusSettled)
	late := state(id, 10, eth(10), big.NewInt(0))
	la, lb := c.coSign(late)
	_, err = c.adj.Challenge(c.opts(c.tower, nil), toBinding(late), la, lb)
	c.expectRevert(err, "WrongStatus", id, statusSettled)
	_, err = c.adj.Close(c.opts(c.alice, nil), toBinding(late), la, lb)
	c.expectRevert(err, "WrongStatus", id, statusSettled)
	_, err = c.adj.Join(c.opts(c.bob, eth(1)), id)
	c.expectRevert(err, "WrongStatus", id, statusSettled)
	_, err = c.adj.Cancel(c.opts(c.alice, nil), id)
	c.expectRevert(err, "WrongStatus", id, statusSettled)
	tx, err = c.adj.Settle(c.forced(c.tower), id)
	if err != nil {
		t.Fatal(err)
	}
	if r := c.receipt(tx); r.Status != types.ReceiptStatusFailed {
		t.Fatal("a second settle was mined successfully")
	}
	if wa, wb := c.withdrawable(c.alice.addr), c.withdrawable(c.bob.addr); wa.Cmp(eth(7)) != 0 || wb.Cmp(eth(3)) != 0 {
		t.Errorf("refused calls changed the credits to %s / %s", wa, wb)
	}

	// Each party pulls exactly its balance; a second withdraw pays nothing; a
	// third party has nothing to pull.
	c.withdraw(c.alice, eth(7))
	c.withdraw(c.alice, big.NewInt(0))
	c.withdraw(c.mallory, big.NewInt(0))
	if w := c.withdrawable(c.bob.addr); w.Cmp(eth(3)) != 0 {
		t.Errorf("alice's withdraw changed bob's credit to %s", w)
	}
	c.withdraw(c.bob, eth(3))
	c.withdraw(c.bob, big.NewInt(0))
	if got := c.balance(c.addr); got.Cmp(eth(5)) != 0 {
		t.Errorf("contract holds %s wei after the withdrawals, want the other channel's 5 ETH", got)
	}

	// Settling an open channel, or an unknown one, is refused.
	_, err = c.adj.Settle(c.opts(c.tower, nil), other)
	c.expectRevert(err, "WrongStatus", other, statusOpen)
	unknown := common.HexToHash("0x0123")
	_, err = c.adj.Settle(c.opts(c.tower, nil), unknown)
	c.expectRevert(err, "UnknownChannel", unknown)
}

func TestSettleZeroBalance(t *testing.T) {
	c := newTestChain(t)
	id := c.openJoined(eth(4), nil, 2)
	r, _ := c.close(c.alice, state(id, 1, big.NewInt(0), eth(4)))
	c.advanceTo(r.BlockNumber.Uint64() + 2 + 1)
	aliceBefore, bobBefore := c.balance(c.alice.addr), c.balance(c.bob.addr)
	c.mineFn(func() (*types.Transaction, error) { return c.adj.Settle(c.opts(c.mallory, nil), id) })
	if c.balance(c.alice.addr).Cmp(aliceBefore) != 0 || c.balance(c.bob.addr).Cmp(bobBefore) != 0 {
		t.Errorf("settle moved ETH to a party")
	}
	if w := c.withdrawable(c.alice.addr); w.Sign() != 0 {
		t.Errorf("withdrawable[alice] = %s, want 0", w)
	}
	c.withdraw(c.bob, eth(4))
	c.withdraw(c.alice, big.NewInt(0))
}

// Credits from several channels (settled and cancelled) add up, and one withdraw
// pays them all.
func TestWithdrawAccumulates(t *testing.T) {
	c := newTestChain(t)
	id1 := c.openJoined(eth(3), eth(2), 2)
	id2 := c.openJoined(eth(1), eth(1), 2)
	id3, _ := c.open(eth(4), 2)
	c.mineFn(func() (*types.Transaction, error) { return c.adj.Cancel(c.opts(c.alice, nil), id3) })

	r1, _ := c.close(c.alice, state(id1, 1, eth(4), eth(1)))
	r2, _ := c.close(c.bob, state(id2, 1, big.NewInt(1), new(big.Int).Sub(eth(2), big.NewInt(1))))
	c.advanceTo(max(r1.BlockNumber.Uint64(), r2.BlockNumber.Uint64()) + 2 + 1)
	c.mineFn(func() (*types.Transaction, error) { return c.adj.Settle(c.opts(c.tower, nil), id1) })
	c.mineFn(func() (*types.Transaction, error) { return c.adj.Settle(c.opts(c.tower, nil), id2) })

	wantA := new(big.Int).Add(eth(8), big.NewInt(1)) // 4 ETH + 1 wei + 4 ETH refunded
	wantB := new(big.Int).Sub(eth(3), big.NewInt(1)) // 1 ETH + (2 ETH - 1 wei)
	if w := c.withdrawable(c.alice.addr); w.Cmp(wantA) != 0 {
		t.Fatalf("withdrawable[alice] = %s, want %s", w, wantA)
	}
	if w := c.withdrawable(c.bob.addr); w.Cmp(wantB) != 0 {
		t.Fatalf("withdrawable[bob] = %s, want %s", w, wantB)
	}
	c.withdraw(c.alice, wantA)
	c.withdraw(c.bob, wantB)
	if got := c.balance(c.addr); got.Sign() != 0 {
		t.Errorf("contract holds %s after everyone withdrew, want 0", got)
	}
	c.withdraw(c.alice, big.NewInt(0))
}

// ---- the weaknesses earlier tests found, and the fixes ----

// A party whose account refuses ETH (an EIP-7702 delegated EOA can still sign
// states and send transactions) can no longer block the counterparty's payout:
// settle only credits, and each party pulls its own funds.
func TestRefusingRecipientCannotBlockPayout(t *testing.T) {
	c := newTestChain(t)
	id := c.openJoined(eth(7), eth(3), 2)
	r, _ := c.close(c.alice, state(id, 3, eth(8), eth(2)))

	// Bob delegates his EOA to code that reverts on every call.
	rejecter := c.deployRaw(c.deployer, common.FromHex("6003600a5f3960035ff3"+"5f5ffd"))
	c.delegate(c.bob, rejecter)

	c.advanceTo(r.BlockNumber.Uint64() + 2 + 1)
	c.mineFn(func() (*types.Transaction, error) { return c.adj.Settle(c.opts(c.tower, nil), id) })
	if ch := c.channel(id); ch.Status != statusSettled {
		t.Fatalf("status %d after settle, want Settled", ch.Status)
	}
	if wa, wb := c.withdrawable(c.alice.addr), c.withdrawable(c.bob.addr); wa.Cmp(eth(8)) != 0 || wb.Cmp(eth(2)) != 0 {
		t.Fatalf("credits alice %s bob %s, want 8 / 2 ETH", wa, wb)
	}

	// Alice is paid while bob still refuses ETH.
	c.withdraw(c.alice, eth(8))

	// Bob's own withdraw fails (his code refuses the payment) and keeps his credit.
	_, err := c.adj.Withdraw(c.opts(c.bob, nil))
	c.expectRevert(err, "TransferFailed", c.bob.addr)
	tx, err := c.adj.Withdraw(c.forced(c.bob))
	if err != nil {
		t.Fatal(err)
	}
	if r := c.receipt(tx); r.Status != types.ReceiptStatusFailed {
		t.Fatal("withdraw to a refusing account succeeded")
	}
	if w := c.withdrawable(c.bob.addr); w.Cmp(eth(2)) != 0 {
		t.Fatalf("withdrawable[bob] = %s after his failed withdraw, want 2 ETH", w)
	}
	if got := c.balance(c.addr); got.Cmp(eth(2)) != 0 {
		t.Fatalf("contract holds %s, want bob's 2 ETH", got)
	}

	// Once he accepts ETH again he is paid in full.
	c.delegate(c.bob, common.Address{})
	c.withdraw(c.bob, eth(2))
	if got := c.balance(c.addr); got.Sign() != 0 {
		t.Errorf("contract holds %s, want 0", got)
	}
}

// Deposits are final once B joins, so no one can invalidate co-signed states by
// topping up (the old fund allowed a 1-wei grief): a second join is refused and
// the co-signed state still closes the channel.
func TestJoinedDepositsAreFinal(t *testing.T) {
	c := newTestChain(t)
	id := c.openJoined(eth(7), eth(3), 5)
	s := state(id, 4, eth(6), eth(4))
	a, b := c.coSign(s)

	for _, p := range []*actor{c.bob, c.alice} {
		_, err := c.adj.Join(c.opts(p, big.NewInt(1)), id)
		c.expectRevert(err, "WrongStatus", id, statusOpen)
		o := c.forced(p)
		o.Value = big.NewInt(1)
		tx, err := c.adj.Join(o, id)
		if err != nil {
			t.Fatal(err)
		}
		if r := c.receipt(tx); r.Status != types.ReceiptStatusFailed {
			t.Fatalf("a top-up by %s was mined successfully", p.name)
		}
	}
	// Plain ETH transfers to the contract are refused as well (no receive function),
	// and would not change the channel total anyway.
	raw := &bindings.ChannelAdjudicatorRaw{Contract: c.adj}
	if _, err := raw.Transfer(c.opts(c.bob, big.NewInt(1))); err == nil {
		t.Error("a plain ETH transfer to the adjudicator was accepted")
	}
	if ch := c.channel(id); ch.Total.Cmp(eth(10)) != 0 {
		t.Fatalf("total %s, want 10 ETH", ch.Total)
	}
	if got := c.balance(c.addr); got.Cmp(eth(10)) != 0 {
		t.Fatalf("contract holds %s, want 10 ETH", got)
	}
	// The signatures made before the attempted top-ups still close the channel.
	r := c.mineFn(func() (*types.Transaction, error) { return c.adj.Close(c.opts(c.alice, nil), toBinding(s), a, b) })
	ev := findEvent(t, r, c.addr, c.adj.ParseChannelClosed)
	if ev.Nonce != 4 || ev.BalanceA.Cmp(eth(6)) != 0 {
		t.Errorf("ChannelClosed = %+v", ev)
	}
}

// The dispute window is bounded: open refuses windows above MAX_DISPUTE_WINDOW
// (the old contract accepted 2^64-1, whose deadline overflowed so the channel
// could never close), and a channel with the maximum window closes with
// deadline = close block + MAX_DISPUTE_WINDOW.
func TestDisputeWindowBounded(t *testing.T) {
	c := newTestChain(t)
	for _, w := range []uint64{maxWindow + 1, 1 << 32, math.MaxUint64 - 1, math.MaxUint64} {
		_, err := c.adj.Open(c.opts(c.alice, eth(1)), c.bob.addr, w)
		c.expectRevert(err, "WindowTooLong", uint64(maxWindow))
	}
	if n, _ := c.adj.ChannelCount(callOpts(t)); n.Sign() != 0 {
		t.Fatalf("channelCount = %s after refused opens, want 0", n)
	}

	id := c.openJoined(eth(1), eth(2), maxWindow)
	if id != expectedChannelID(t, c, c.alice.addr, c.bob.addr, 0) {
		t.Fatalf("unexpected channel id %s", id)
	}
	r, ev := c.close(c.bob, state(id, 1, eth(1), eth(2)))
	if want := r.BlockNumber.Uint64() + maxWindow; ev.Deadline != want {
		t.Fatalf("deadline %d, want %d", ev.Deadline, want)
	}
	// The dispute is live: a newer state can still be pushed.
	s2 := state(id, 2, eth(3), big.NewInt(0))
	a, b := c.coSign(s2)
	c.mineFn(func() (*types.Transaction, error) { return c.adj.Challenge(c.opts(c.tower, nil), toBinding(s2), a, b) })
	_, err := c.adj.Settle(c.opts(c.tower, nil), id)
	c.expectRevert(err, "DisputeWindowOpen", ev.Deadline)
}

// ---- helpers specific to this file ----

func withV(sig []byte, v byte) []byte {
	out := bytes.Clone(sig)
	out[64] = v
	return out
}

// toHighS returns (r, N-s) with the recovery id flipped: the same key's signature,
// malleated to high S.
func toHighS(sig []byte) []byte {
	out := bytes.Clone(sig)
	s := new(big.Int).SetBytes(sig[32:64])
	copy(out[32:64], common.LeftPadBytes(new(big.Int).Sub(secpN, s).Bytes(), 32))
	switch v := out[64]; v {
	case 0, 1:
		out[64] = 1 - v
	default:
		out[64] = 55 - v // 27 <-> 28
	}
	return out
}

// deployRaw deploys initCode from a and returns the contract address.
func (c *testChain) deployRaw(a *actor, initCode []byte) common.Address {
	c.t.Helper()
	nonce, err := c.client.PendingNonceAt(c.t.Context(), a.addr)
	if err != nil {
		c.t.Fatal(err)
	}
	tip, feeCap := c.fees()
	tx := types.MustSignNewTx(a.key, types.LatestSignerForChainID(c.chainID), &types.DynamicFeeTx{
		ChainID: c.chainID, Nonce: nonce, GasTipCap: tip.ToBig(), GasFeeCap: feeCap.ToBig(), Gas: 200_000, Data: initCode,
	})
	if err := c.client.SendTransaction(c.t.Context(), tx); err != nil {
		c.t.Fatal(err)
	}
	r := c.mine(tx)
	code, err := c.client.CodeAt(c.t.Context(), r.ContractAddress, nil)
	if err != nil || len(code) == 0 {
		c.t.Fatalf("no code at %s (%v)", r.ContractAddress, err)
	}
	return r.ContractAddress
}

// delegate makes a's account delegate to target with an EIP-7702 authorization
// (the zero address clears the delegation). The tower pays for the transaction.
func (c *testChain) delegate(a *actor, target common.Address) {
	c.t.Helper()
	authNonce, err := c.client.PendingNonceAt(c.t.Context(), a.addr)
	if err != nil {
		c.t.Fatal(err)
	}
	auth, err := types.SignSetCode(a.key, types.SetCodeAuthorization{
		ChainID: *uint256.MustFromBig(c.chainID), Address: target, Nonce: authNonce,
	})
	if err != nil {
		c.t.Fatal(err)
	}
	nonce, err := c.client.PendingNonceAt(c.t.Context(), c.tower.addr)
	if err != nil {
		c.t.Fatal(err)
	}
	tip, feeCap := c.fees()
	tx := types.MustSignNewTx(c.tower.key, types.LatestSignerForChainID(c.chainID), &types.SetCodeTx{
		ChainID: uint256.MustFromBig(c.chainID), Nonce: nonce, GasTipCap: tip, GasFeeCap: feeCap, Gas: 100_000,
		To: c.tower.addr, Value: new(uint256.Int), AuthList: []types.SetCodeAuthorization{auth},
	})
	if err := c.client.SendTransaction(c.t.Context(), tx); err != nil {
		c.t.Fatalf("send set-code transaction: %v", err)
	}
	c.mine(tx)
	code, err := c.client.CodeAt(c.t.Context(), a.addr, nil)
	if err != nil {
		c.t.Fatal(err)
	}
	want := []byte(nil)
	if target != (common.Address{}) {
		want = types.AddressToDelegation(target)
	}
	if !bytes.Equal(code, want) {
		c.t.Fatalf("code of %s = %x, want %x", a.name, code, want)
	}
}

func (c *testChain) fees() (tip, feeCap *uint256.Int) {
	c.t.Helper()
	head, err := c.client.HeaderByNumber(c.t.Context(), nil)
	if err != nil {
		c.t.Fatal(err)
	}
	tip = uint256.NewInt(1_000_000_000)
	feeCap = new(uint256.Int).Add(tip, new(uint256.Int).Mul(uint256.MustFromBig(head.BaseFee), uint256.NewInt(2)))
	return tip, feeCap
}
