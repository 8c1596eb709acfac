package bindings_test

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/watchtower-l2/watchtower/deployments/contracts/bindings"
	"github.com/watchtower-l2/watchtower/internal/devnet"
	"github.com/watchtower-l2/watchtower/proofs/merkle"
	"github.com/watchtower-l2/watchtower/proofs/plasmatx"
)

const (
	plasmaExitPeriod = 10
	plasmaOperator   = 1 // devnet key index
)

var plasmaBond = big.NewInt(1e17)

// plasmaChain is a devnet with a PlasmaFramework: key 0 deploys, key 1 is the
// operator, key 2 the tower, the rest users. Blocks are mined by send().
type plasmaChain struct {
	t    *testing.T
	net  *devnet.Devnet
	addr common.Address
	pf   *bindings.PlasmaFramework
}

func newPlasmaChain(t *testing.T, users int) *plasmaChain {
	t.Helper()
	n, err := devnet.Start(devnet.Options{Accounts: 3 + users, RPCPort: -1, WSPort: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { n.Close() })
	addr, tx, pf, err := bindings.DeployPlasmaFramework(n.Transactor(context.Background(), n.Keys[0]), n.Client, n.Address(plasmaOperator), plasmaExitPeriod, plasmaBond)
	if err != nil {
		t.Fatal(err)
	}
	c := &plasmaChain{t: t, net: n, addr: addr, pf: pf}
	c.receipt(tx)
	return c
}

func (c *plasmaChain) opts(key *ecdsa.PrivateKey, value *big.Int) *bind.TransactOpts {
	o := c.net.Transactor(context.Background(), key)
	o.Value = value
	return o
}

func (c *plasmaChain) receipt(tx *types.Transaction) *types.Receipt {
	c.t.Helper()
	c.net.Mine()
	r := minedReceipt(c.t, c.net.Client, tx.Hash())
	if r.Status != types.ReceiptStatusSuccessful {
		c.t.Fatalf("tx %s reverted", tx.Hash().Hex())
	}
	return r
}

// must mines tx (sent through a binding call) and requires success.
func (c *plasmaChain) must(tx *types.Transaction, err error) *types.Receipt {
	c.t.Helper()
	if err != nil {
		c.t.Fatalf("send: %v", err)
	}
	return c.receipt(tx)
}

// reverts requires a binding call to fail gas estimation with the named custom error.
func (c *plasmaChain) reverts(want string) func(*types.Transaction, error) {
	return func(_ *types.Transaction, err error) {
		c.t.Helper()
		if err == nil {
			c.t.Fatalf("call succeeded, want revert %s", want)
		}
		if got := plasmaRevertName(err); got != want {
			c.t.Fatalf("reverted with %q (%v), want %s", got, err, want)
		}
	}
}

func plasmaRevertName(err error) string {
	var de rpc.DataError
	if !errors.As(err, &de) {
		return ""
	}
	s, ok := de.ErrorData().(string)
	if !ok {
		return ""
	}
	b := common.FromHex(s)
	if len(b) < 4 {
		return ""
	}
	a, _ := bindings.PlasmaFrameworkMetaData.GetAbi()
	e, err := a.ErrorByID([4]byte(b[:4]))
	if err != nil {
		return ""
	}
	return e.Name
}

func (c *plasmaChain) call() *bind.CallOpts { return &bind.CallOpts{Context: context.Background()} }

func (c *plasmaChain) deposit(key *ecdsa.PrivateKey, amount *big.Int) plasmatx.Pos {
	c.t.Helper()
	r := c.must(c.pf.Deposit(c.opts(key, amount)))
	for _, l := range r.Logs {
		if e, err := c.pf.ParseDepositCreated(*l); err == nil {
			return plasmatx.NewPos(e.Blknum.Uint64(), 0, 0)
		}
	}
	c.t.Fatal("no DepositCreated")
	return 0
}

func (c *plasmaChain) submit(txs ...plasmatx.Signed) (uint64, *merkle.Tree) {
	c.t.Helper()
	body := plasmatx.Body{Txs: txs}
	tree, err := merkle.New(body.Leaves())
	if err != nil {
		c.t.Fatal(err)
	}
	r := c.must(c.pf.SubmitBlock(c.opts(c.net.Keys[plasmaOperator], nil), tree.Root()))
	for _, l := range r.Logs {
		if e, err := c.pf.ParseBlockSubmitted(*l); err == nil {
			return e.Blknum.Uint64(), tree
		}
	}
	c.t.Fatal("no BlockSubmitted")
	return 0, nil
}

func signTx(t *testing.T, tx plasmatx.Tx, keys ...*ecdsa.PrivateKey) plasmatx.Signed {
	t.Helper()
	b := tx.Encode()
	s := plasmatx.Signed{Tx: b}
	for j, k := range keys {
		if k == nil {
			continue
		}
		sig, err := plasmatx.Sign(b, k)
		if err != nil {
			t.Fatal(err)
		}
		s.Sigs[j] = sig
	}
	return s
}

func pos(p plasmatx.Pos) *big.Int { return new(big.Int).SetUint64(uint64(p)) }

func randHash(r *rand.Rand) common.Hash {
	var h common.Hash
	for i := range h {
		h[i] = byte(r.Uint32())
	}
	return h
}

// TestPlasmaMerkleMatchesContract: Go roots and proofs are accepted by the
// contract's checkMembership, tampered ones refused, for trees of many sizes.
func TestPlasmaMerkleMatchesContract(t *testing.T) {
	c := newPlasmaChain(t, 0)
	r := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{1, 2, 3, 8, 17, 300} {
		leaves := make([]common.Hash, n)
		for i := range leaves {
			leaves[i] = randHash(r)
		}
		tree, err := merkle.New(leaves)
		if err != nil {
			t.Fatal(err)
		}
		for _, i := range []int{0, n / 2, n - 1} {
			proof, err := tree.Proof(i)
			if err != nil {
				t.Fatal(err)
			}
			ok, err := c.pf.CheckMembership(c.call(), leaves[i], big.NewInt(int64(i)), tree.Root(), proof)
			if err != nil || !ok {
				t.Fatalf("n=%d i=%d: contract refused a Go proof (%v)", n, i, err)
			}
			if !merkle.Verify(leaves[i], uint64(i), tree.Root(), proof) {
				t.Fatalf("n=%d i=%d: Go refused its own proof", n, i)
			}
			bad := append([]byte(nil), proof...)
			bad[r.IntN(len(bad))] ^= 1
			if ok, _ := c.pf.CheckMembership(c.call(), leaves[i], big.NewInt(int64(i)), tree.Root(), bad); ok {
				t.Fatalf("n=%d i=%d: contract accepted a tampered proof", n, i)
			}
			if merkle.Verify(leaves[i], uint64(i), tree.Root(), bad) {
				t.Fatalf("n=%d i=%d: Go accepted a tampered proof", n, i)
			}
			if ok, _ := c.pf.CheckMembership(c.call(), leaves[i], big.NewInt(int64(i^1)), tree.Root(), proof); ok && n > 1 {
				t.Fatalf("n=%d i=%d: contract accepted a proof at the wrong index", n, i)
			}
		}
	}
	if ok, _ := c.pf.CheckMembership(c.call(), common.Hash{1}, big.NewInt(0), merkle.ZeroRoot(), make([]byte, merkle.ProofLen-32)); ok {
		t.Fatal("contract accepted a short proof")
	}
}

// TestPlasmaTxEncodingMatchesContract: the contract's abi.decode and the Go
// decoder agree on random transactions and refuse the same malformed ones.
func TestPlasmaTxEncodingMatchesContract(t *testing.T) {
	c := newPlasmaChain(t, 0)
	r := rand.New(rand.NewPCG(5, 6))
	for range 25 {
		tx := plasmatx.Tx{Inputs: [2]plasmatx.Pos{plasmatx.Pos(r.Uint64()), plasmatx.Pos(r.Uint64N(1 << 40))}}
		for i := range tx.Outputs {
			tx.Outputs[i] = plasmatx.Output{Owner: common.Address(randHash(r).Bytes()[:20]), Amount: new(big.Int).SetBytes(randHash(r).Bytes()[:r.IntN(33)])}
		}
		b := tx.Encode()
		ins, outs, err := c.pf.DecodeTx(c.call(), b)
		if err != nil {
			t.Fatal(err)
		}
		got, err := plasmatx.Decode(b)
		if err != nil {
			t.Fatal(err)
		}
		for i := range 2 {
			if ins[i].Uint64() != uint64(got.Inputs[i]) || outs[i].Owner != got.Outputs[i].Owner || outs[i].Amount.Cmp(got.Outputs[i].Amount) != 0 {
				t.Fatalf("contract decoded %v %v, Go %+v", ins, outs, got)
			}
		}
		if string(got.Encode()) != string(b) {
			t.Fatal("Go re-encoding differs")
		}
	}
	good := plasmatx.Deposit(common.Address{7}, big.NewInt(5)).Encode()
	dirty := append([]byte(nil), good...)
	dirty[64] = 1 // a bit above the 20-byte owner
	for name, b := range map[string][]byte{"short": good[:191], "long": append(append([]byte(nil), good...), 0), "dirty owner": dirty} {
		_, _, cerr := c.pf.DecodeTx(c.call(), b)
		_, gerr := plasmatx.Decode(b)
		if cerr == nil || gerr == nil {
			t.Fatalf("%s: contract error %v, Go error %v; both must refuse", name, cerr, gerr)
		}
	}
}

// TestPlasmaExitLifecycle plays deposits, a child block, a fraudulent exit
// challenged by the tower (bond paid to it), an honest exit processed after the
// period, priority order and the contract's refusals.
func TestPlasmaExitLifecycle(t *testing.T) {
	c := newPlasmaChain(t, 3)
	ctx := context.Background()
	tower, alice, bob, carol := c.net.Keys[2], c.net.Keys[3], c.net.Keys[4], c.net.Keys[5]
	one := big.NewInt(1e18)
	dA := c.deposit(alice, one)
	dC := c.deposit(carol, one)
	if dA != plasmatx.NewPos(1, 0, 0) || dC != plasmatx.NewPos(2, 0, 0) {
		t.Fatalf("deposit positions %s %s", dA, dC)
	}
	// Deposit roots are the Go tree of the single deposit transaction.
	blk, err := c.pf.Blocks(c.call(), big.NewInt(1))
	if err != nil {
		t.Fatal(err)
	}
	depTx := plasmatx.Deposit(crypto.PubkeyToAddress(alice.PublicKey), one)
	if want, _ := merkle.Root([]common.Hash{depTx.Hash()}); common.Hash(blk.Root) != want {
		t.Fatalf("deposit root %x, Go %s", blk.Root, want)
	}

	// Block 1000: alice pays bob 0.6 and keeps 0.4.
	half := big.NewInt(6e17)
	spend := signTx(t, plasmatx.Tx{
		Inputs:  [2]plasmatx.Pos{dA, 0},
		Outputs: [2]plasmatx.Output{{Owner: crypto.PubkeyToAddress(bob.PublicKey), Amount: half}, {Owner: crypto.PubkeyToAddress(alice.PublicKey), Amount: big.NewInt(4e17)}},
	}, alice)
	other := signTx(t, plasmatx.Tx{Inputs: [2]plasmatx.Pos{dC, 0}, Outputs: [2]plasmatx.Output{{Owner: crypto.PubkeyToAddress(carol.PublicKey), Amount: one}, {Amount: new(big.Int)}}}, carol)
	n, tree := c.submit(spend, other)
	if n != 1000 {
		t.Fatalf("first child block %d", n)
	}
	// Alice exits her spent deposit (fraud); bob exits what he received (honest).
	depProof, _ := mustTree(t, depTx.Hash()).Proof(0)
	c.reverts("WrongBond")(c.pf.StartExit(c.opts(alice, nil), pos(dA), depTx.Encode(), depProof))
	c.reverts("NotOutputOwner")(c.pf.StartExit(c.opts(bob, plasmaBond), pos(dA), depTx.Encode(), depProof))
	c.reverts("BadProof")(c.pf.StartExit(c.opts(alice, plasmaBond), pos(dA), depTx.Encode(), make([]byte, merkle.ProofLen)))
	c.must(c.pf.StartExit(c.opts(alice, plasmaBond), pos(dA), depTx.Encode(), depProof))
	c.reverts("ExitAlreadyStarted")(c.pf.StartExit(c.opts(alice, plasmaBond), pos(dA), depTx.Encode(), depProof))
	bobPos := plasmatx.NewPos(n, 0, 0)
	bobProof, _ := tree.Proof(0)
	r := c.must(c.pf.StartExit(c.opts(bob, plasmaBond), pos(bobPos), spend.Tx, bobProof))
	var bobDeadline uint64
	for _, l := range r.Logs {
		if e, err := c.pf.ParseExitStarted(*l); err == nil {
			bobDeadline = e.Deadline
		}
	}
	if bobDeadline != r.BlockNumber.Uint64()+plasmaExitPeriod {
		t.Fatalf("deadline %d, exit in block %d", bobDeadline, r.BlockNumber)
	}

	// Refused challenges.
	forged := signTx(t, plasmatx.Tx{Inputs: [2]plasmatx.Pos{dA, 0}}, bob)
	c.reverts("BadSignature")(c.pf.ChallengeExit(c.opts(tower, nil), pos(dA), forged.Tx, 0, forged.Sigs[0]))
	c.reverts("NotSpendingTx")(c.pf.ChallengeExit(c.opts(tower, nil), pos(dA), spend.Tx, 1, spend.Sigs[0]))
	c.reverts("NotSpendingTx")(c.pf.ChallengeExit(c.opts(tower, nil), pos(bobPos), spend.Tx, 0, spend.Sigs[0]))
	c.reverts("UnknownExit")(c.pf.ChallengeExit(c.opts(tower, nil), pos(dC), other.Tx, 0, other.Sigs[0]))

	// The tower challenges alice's exit and is paid the bond.
	towerAddr := crypto.PubkeyToAddress(tower.PublicKey)
	before, _ := c.net.Client.BalanceAt(ctx, towerAddr, nil)
	rc := c.must(c.pf.ChallengeExit(c.opts(tower, nil), pos(dA), spend.Tx, 0, spend.Sigs[0]))
	after, _ := c.net.Client.BalanceAt(ctx, towerAddr, nil)
	gas := new(big.Int).Mul(new(big.Int).SetUint64(rc.GasUsed), rc.EffectiveGasPrice)
	if gain := new(big.Int).Sub(new(big.Int).Add(after, gas), before); gain.Cmp(plasmaBond) != 0 {
		t.Fatalf("tower gained %s wei net of gas, want the bond %s", gain, plasmaBond)
	}
	if e, _ := c.pf.GetExit(c.call(), pos(dA)); e.Status != 2 {
		t.Fatalf("exit status %d after challenge, want Challenged", e.Status)
	}
	c.reverts("ExitAlreadyChallenged")(c.pf.ChallengeExit(c.opts(tower, nil), pos(dA), spend.Tx, 0, spend.Sigs[0]))

	// Carol exits her deposit later than bob: bob's output is older... no:
	// priority is the lowest position, so carol's deposit (block 2) goes first.
	c.must(c.pf.StartExit(c.opts(carol, plasmaBond), pos(dC), plasmatx.Deposit(crypto.PubkeyToAddress(carol.PublicKey), one).Encode(), mustProof(t, plasmatx.Deposit(crypto.PubkeyToAddress(carol.PublicKey), one))))
	// Nothing is processed during the period.
	c.must(c.pf.ProcessExits(c.opts(bob, nil), big.NewInt(10)))
	if w, _ := c.pf.Withdrawable(c.call(), crypto.PubkeyToAddress(bob.PublicKey)); w.Sign() != 0 {
		t.Fatal("exit processed during its period")
	}
	for c.head() <= bobDeadline+plasmaExitPeriod {
		c.net.Mine()
	}
	c.reverts("ExitPeriodOver")(c.pf.ChallengeExit(c.opts(tower, nil), pos(bobPos), spend.Tx, 0, spend.Sigs[0]))
	rp := c.must(c.pf.ProcessExits(c.opts(bob, nil), big.NewInt(10)))
	var order []plasmatx.Pos
	for _, l := range rp.Logs {
		if e, err := c.pf.ParseExitFinalized(*l); err == nil {
			order = append(order, plasmatx.Pos(e.UtxoPos.Uint64()))
		}
	}
	if len(order) != 2 || order[0] != dC || order[1] != bobPos {
		t.Fatalf("finalized %v, want [%s %s] (challenged exit skipped)", order, dC, bobPos)
	}
	if w, _ := c.pf.Withdrawable(c.call(), crypto.PubkeyToAddress(bob.PublicKey)); w.Cmp(new(big.Int).Add(half, plasmaBond)) != 0 {
		t.Fatalf("bob can withdraw %s", w)
	}
	c.must(c.pf.Withdraw(c.opts(bob, nil)))
	c.reverts("NothingToWithdraw")(c.pf.Withdraw(c.opts(bob, nil)))
	c.reverts("NotOperator")(c.pf.SubmitBlock(c.opts(bob, nil), common.Hash{1}))
}

func (c *plasmaChain) head() uint64 {
	h, err := c.net.Client.HeaderByNumber(context.Background(), nil)
	if err != nil {
		c.t.Fatal(err)
	}
	return h.Number.Uint64()
}

func mustTree(t *testing.T, leaves ...common.Hash) *merkle.Tree {
	t.Helper()
	tr, err := merkle.New(leaves)
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

func mustProof(t *testing.T, tx plasmatx.Tx) []byte {
	t.Helper()
	p, err := mustTree(t, tx.Hash()).Proof(0)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
