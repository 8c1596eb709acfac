package plasma_test

import (
	"context"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"

	"github.com/watchtower-l2/watchtower/alerts"
	"github.com/watchtower-l2/watchtower/internal/plasmaop"
	"github.com/watchtower-l2/watchtower/proofs/plasmatx"
	"github.com/watchtower-l2/watchtower/watcher/challenge"
	"github.com/watchtower-l2/watchtower/watcher/l2/plasma"
)

const (
	statusStarted    = 1
	statusChallenged = 2
	statusFinalized  = 3
)

// TestSpentExitsChallengedHonestExitLeftAlone: exits of outputs spent in a
// published block are challenged by the tower, which is paid every bond; an
// exit whose spend is published only after the exit started is challenged
// too; an honest exit is left alone and processed after its period.
func TestSpentExitsChallengedHonestExitLeftAlone(t *testing.T) {
	e := newEnv(t, 5)
	alice, bob, carol, dave, eve := e.user(), e.user(), e.user(), e.user(), e.user()
	e.autoMine()
	p := e.start(t, "w1")
	ctx := context.Background()
	if err := p.kind.Register(ctx, []common.Address{addr(bob), addr(dave)}, nil); err != nil {
		t.Fatal(err)
	}
	dA := e.deposit(alice, 1e18)
	dC := e.deposit(carol, 1e18)
	dE := e.deposit(eve, 1e18)
	e.pay(alice, dA, addr(bob), 6e17)
	e.pay(carol, dC, addr(dave), 1e18)
	b1 := e.commit(plasmaop.CommitOptions{})
	waitFor(t, "block 1000 to be verified", 20*time.Second, cursorAt(t, p, b1.Blknum))

	towerAddr := e.net.Address(keyTower)
	before := e.balance(towerAddr)
	// Frauds: alice and carol exit deposits they spent; eve exits hers and
	// spends it afterwards.
	e.exit(alice, dA)
	e.exit(carol, dC)
	e.exit(eve, dE)
	bobPos := plasmatx.NewPos(b1.Blknum, 0, 0)
	honestDeadline := e.exit(bob, bobPos)
	e.pay(eve, dE, addr(dave), 5e17)
	b2 := e.commit(plasmaop.CommitOptions{})

	frauds := []plasmatx.Pos{dA, dC, dE}
	for _, f := range frauds {
		waitFor(t, "the exit of "+f.String()+" to be challenged", 30*time.Second, func() bool { return len(e.challenges(f)) > 0 })
	}
	var gas big.Int
	for _, f := range frauds {
		chs := e.challenges(f)
		if len(chs) != 1 || chs[0].Challenger != towerAddr {
			t.Fatalf("exit of %s: %d challenges, first by %s; want one by the tower", f, len(chs), chs[0].Challenger.Hex())
		}
		if st := e.exitStatus(f); st != statusChallenged {
			t.Fatalf("exit of %s has status %d on chain, want challenged", f, st)
		}
		wctx, cancel := context.WithTimeout(ctx, time.Minute)
		rc, err := e.net.WaitMined(wctx, chs[0].Raw.TxHash) // retries while the node indexes the block
		cancel()
		if err != nil {
			t.Fatal(err)
		}
		gas.Add(&gas, new(big.Int).Mul(new(big.Int).SetUint64(rc.GasUsed), rc.EffectiveGasPrice))
		x, err := e.pf.GetExit(&bind.CallOpts{}, new(big.Int).SetUint64(uint64(f)))
		if err != nil {
			t.Fatal(err)
		}
		id := plasma.DisputeID(e.pfAddr, f, x.Deadline)
		waitFor(t, "job "+id+" mined", 10*time.Second, func() bool {
			j, err := p.tw.Queue.Get(ctx, id)
			return err == nil && j.Status == challenge.Mined
		})
	}
	gain := new(big.Int).Sub(new(big.Int).Add(e.balance(towerAddr), &gas), before)
	if want := new(big.Int).Mul(bond, big.NewInt(3)); gain.Cmp(want) != 0 {
		t.Fatalf("tower gained %s wei net of gas, want 3 bonds = %s", gain, want)
	}
	// Eve's spend went to dave, a registered user: he is named.
	var named bool
	for _, a := range e.alerts.Alerts() {
		if a.Subject == dE.String() && len(a.Users) == 1 && a.Users[0] == addr(dave).Hex() {
			named = true
		}
	}
	if !named {
		t.Errorf("no alert about %s naming dave: %+v", dE, e.alerts.Alerts())
	}

	waitFor(t, "the honest exit's period to end", 30*time.Second, func() bool { return e.head() > honestDeadline+1 })
	if n := len(e.challenges(bobPos)); n != 0 {
		t.Fatalf("honest exit challenged %d times", n)
	}
	e.receipt(e.pf.ProcessExits(e.net.Transactor(ctx, bob), big.NewInt(10)))
	if st := e.exitStatus(bobPos); st != statusFinalized {
		t.Fatalf("honest exit status %d, want finalized", st)
	}
	if c, _ := p.kind.Cursor(ctx); c != b2.Blknum {
		t.Fatalf("cursor %d, want %d", c, b2.Blknum)
	}
	for _, a := range e.alerts.Alerts() {
		if a.Subject == bobPos.String() || a.Severity == alerts.Critical {
			t.Errorf("unexpected alert: %+v", a)
		}
	}
}

// TestWithheldAndInvalidBlocksAlerted: an invalid block (double spend, forged
// signature, minted value, unknown input) and a withheld block are alerted
// critically, naming the registered users with funds; an exit that the tower
// cannot judge because of the withheld block is alerted as its period nears
// its end.
func TestWithheldAndInvalidBlocksAlerted(t *testing.T) {
	e := newEnv(t, 4)
	alice, bob, mallory, carol := e.user(), e.user(), e.user(), e.user()
	e.autoMine()
	p := e.start(t, "w1")
	ctx := context.Background()
	if err := p.kind.Register(ctx, []common.Address{addr(alice), addr(bob)}, nil); err != nil {
		t.Fatal(err)
	}
	dA := e.deposit(alice, 1e18)
	dM := e.deposit(mallory, 1e18)
	dC := e.deposit(carol, 1e18)
	if err := p.kind.Register(ctx, nil, []plasmatx.Pos{dC}); err != nil {
		t.Fatal(err)
	}
	e.pay(alice, dA, addr(bob), 5e17)
	b1 := e.commit(plasmaop.CommitOptions{})

	// Block 2000: alice's deposit spent again (signed, a double spend), mallory
	// spends bob's output with her own signature, mints value from her
	// deposit, and spends an output that does not exist.
	double, _ := plasmaop.SignTx(plasmatx.Tx{Inputs: [2]plasmatx.Pos{dA, 0}, Outputs: [2]plasmatx.Output{{Owner: addr(mallory), Amount: big.NewInt(1e18)}, {Amount: new(big.Int)}}}, alice)
	forged, _ := plasmaop.SignTx(plasmatx.Tx{Inputs: [2]plasmatx.Pos{plasmatx.NewPos(b1.Blknum, 0, 0), 0}, Outputs: [2]plasmatx.Output{{Owner: addr(mallory), Amount: big.NewInt(5e17)}, {Amount: new(big.Int)}}}, mallory)
	minted, _ := plasmaop.SignTx(plasmatx.Tx{Inputs: [2]plasmatx.Pos{dM, 0}, Outputs: [2]plasmatx.Output{{Owner: addr(mallory), Amount: big.NewInt(5e18)}, {Amount: new(big.Int)}}}, mallory)
	unknown, _ := plasmaop.SignTx(plasmatx.Tx{Inputs: [2]plasmatx.Pos{plasmatx.NewPos(b1.Blknum, 7, 0), 0}, Outputs: [2]plasmatx.Output{{Owner: addr(mallory), Amount: big.NewInt(1)}, {Amount: new(big.Int)}}}, mallory)
	b2 := e.commit(plasmaop.CommitOptions{Unchecked: []plasmatx.Signed{double, forged, minted, unknown}})
	waitFor(t, "the invalid block to be alerted", 20*time.Second, func() bool { return len(e.alertsWith("plasma-invalid-")) > 0 })
	inv := e.alertsWith("plasma-invalid-")[0]
	if inv.Severity != alerts.Critical || inv.Subject != "block 2000" || b2.Blknum != 2000 {
		t.Fatalf("invalid-block alert %+v", inv)
	}
	for _, want := range []string{"double spend of " + dA.String(), "bad signature", "exceed inputs", "unknown input"} {
		if !strings.Contains(inv.Summary, want) {
			t.Errorf("invalid-block alert lacks %q: %s", want, inv.Summary)
		}
	}
	wantUsers := []string{addr(alice).Hex(), addr(bob).Hex(), addr(carol).Hex()}
	if !sameSet(inv.Users, wantUsers) {
		t.Errorf("invalid-block alert names %v, want %v", inv.Users, wantUsers)
	}

	// Block 3000 is withheld.
	e.pay(bob, plasmatx.NewPos(b1.Blknum, 0, 0), addr(alice), 1e17)
	b3 := e.commit(plasmaop.CommitOptions{Withhold: true})
	waitFor(t, "the withheld block to be alerted", 20*time.Second, func() bool { return len(e.alertsWith("plasma-withheld-")) > 0 })
	wh := e.alertsWith("plasma-withheld-")[0]
	if wh.Severity != alerts.Critical || wh.Subject != "block 3000" || b3.Blknum != 3000 || !sameSet(wh.Users, wantUsers) {
		t.Fatalf("withheld-block alert %+v", wh)
	}
	// Bob exits his block-1000 output; its spend hides in the withheld block,
	// so the tower cannot challenge: it says so before the period ends.
	bobPos := plasmatx.NewPos(b1.Blknum, 0, 0)
	deadline := e.exit(bob, bobPos)
	waitFor(t, "the unjudged exit to be alerted", 20*time.Second, func() bool { return len(e.alertsWith("plasma-unjudged-")) > 0 })
	un := e.alertsWith("plasma-unjudged-")[0]
	if un.Subject != bobPos.String() || un.DeadlineBlock != deadline || !strings.Contains(un.Summary, "withheld") {
		t.Fatalf("unjudged-exit alert %+v", un)
	}
	if h := e.head(); h > deadline {
		t.Fatalf("alerted at head %d, after the deadline %d", h, deadline)
	}
	if len(e.challenges(bobPos)) != 0 {
		t.Fatal("the tower challenged without proof")
	}
	// Each incident is alerted once.
	for _, pre := range []string{"plasma-invalid-", "plasma-withheld-", "plasma-unjudged-"} {
		if n := len(e.alertsWith(pre)); n != 1 {
			t.Errorf("%d alerts %s*", n, pre)
		}
	}
	if st := e.exitStatus(bobPos); st != statusStarted {
		t.Fatalf("exit status %d", st)
	}
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	m := map[string]bool{}
	for _, x := range a {
		m[x] = true
	}
	for _, x := range b {
		if !m[x] {
			return false
		}
	}
	return true
}
