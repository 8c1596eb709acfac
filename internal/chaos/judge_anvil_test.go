package chaos

import (
	"context"
	"crypto/ecdsa"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/watchtower-l2/watchtower/deployments/contracts/bindings"
	"github.com/watchtower-l2/watchtower/internal/plasmaop"
	"github.com/watchtower-l2/watchtower/internal/scenario"
	"github.com/watchtower-l2/watchtower/internal/testutil/anviltest"
	"github.com/watchtower-l2/watchtower/proofs/channelstate"
	"github.com/watchtower-l2/watchtower/proofs/plasmatx"
)

// judgeOnAnvil starts anvil (mining on demand) and a storm without towers
// on it, for the judge tests to play a broken tower's outcomes.
func judgeOnAnvil(t *testing.T) (context.Context, *anviltest.Node, *L1, *storm) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	t.Cleanup(cancel)
	node := anviltest.Start(t)
	l1 := &L1{RPC: node.RPC, Client: node.Client}
	return ctx, node, l1, &storm{l1: l1, domain: channelstate.Domain{ChainID: big.NewInt(anviltest.ChainID)}}
}

// TestJudgeCountsFailures plays on anvil what a broken tower would do — a
// fraud challenged twice (the second reverts), a fraud never challenged, an
// honest close challenged — and checks the verdict read from L1 counts each.
func TestJudgeCountsFailures(t *testing.T) {
	ctx, node, l1, s := judgeOnAnvil(t)
	deployer, challenger := node.Key(t, 0), node.Key(t, 1)
	var addr common.Address
	rc, err := s.send(ctx, "deploy", func() (*types.Transaction, error) {
		a, tx, _, err := bindings.DeployChannelAdjudicator(s.opts(ctx, deployer), node.Client)
		addr = a
		return tx, err
	})
	if err != nil {
		t.Fatal(err)
	}
	from := rc.BlockNumber.Uint64()
	if s, err = newStorm(l1, addr, nil, 50, 1); err != nil {
		t.Fatal(err)
	}

	open := func(role string) (*Channel, []channelstate.Signed, *ecdsa.PrivateKey) {
		t.Helper()
		a, b, err := s.fundedPair(ctx)
		if err != nil {
			t.Fatal(err)
		}
		o := s.opts(ctx, a)
		o.Value = deposit
		rc, err := s.send(ctx, "open", func() (*types.Transaction, error) { return s.adj.Open(o, addrOf(b), 50) })
		if err != nil {
			t.Fatal(err)
		}
		ch := &Channel{Role: role}
		for _, l := range rc.Logs {
			if ev, err := s.adj.ParseChannelOpened(*l); err == nil {
				ch.ID = ev.ChannelId
			}
		}
		ob := s.opts(ctx, b)
		ob.Value = deposit
		if _, err := s.send(ctx, "join", func() (*types.Transaction, error) { return s.adj.Join(ob, ch.ID) }); err != nil {
			t.Fatal(err)
		}
		states, err := s.sign(ch.ID, a, b, 4)
		if err != nil {
			t.Fatal(err)
		}
		ch.Latest = 4
		return ch, states, a
	}
	closeWith := func(ch *Channel, key *ecdsa.PrivateKey, st channelstate.Signed) {
		t.Helper()
		ch.Closed = st.Nonce
		o := s.opts(ctx, key)
		if _, err := s.send(ctx, "close", func() (*types.Transaction, error) {
			return s.adj.Close(o, bindings.ChannelAdjudicatorState{ChannelId: ch.ID, Nonce: st.Nonce, BalanceA: st.BalanceA, BalanceB: st.BalanceB}, st.SigA, st.SigB)
		}); err != nil {
			t.Fatal(err)
		}
	}
	// challenge sends a challenge with a fixed gas limit, so one that
	// reverts is mined instead of refused by gas estimation.
	challenge := func(ch *Channel, st channelstate.Signed, wantOK bool) {
		t.Helper()
		o := s.opts(ctx, challenger)
		o.GasLimit = 500_000
		_, err := s.send(ctx, "challenge", func() (*types.Transaction, error) {
			return s.adj.Challenge(o, bindings.ChannelAdjudicatorState{ChannelId: ch.ID, Nonce: st.Nonce, BalanceA: st.BalanceA, BalanceB: st.BalanceB}, st.SigA, st.SigB)
		})
		if (err == nil) != wantOK {
			t.Fatalf("challenge of %s: %v, want success %v", ch.ID.Hex(), err, wantOK)
		}
	}

	twice, st1, a1 := open(scenario.Stale)
	closeWith(twice, a1, st1[0])
	challenge(twice, st1[3], true)
	challenge(twice, st1[3], false) // a duplicate: reverts
	missed, st2, a2 := open(scenario.Stale)
	closeWith(missed, a2, st2[1])
	honest, st3, a3 := open(scenario.Honest)
	closeWith(honest, a3, st3[3])
	challenge(honest, st3[3], false) // a false challenge: reverts
	unwatched, st4, a4 := open(scenario.Unwatched)
	closeWith(unwatched, a4, st4[0])

	to, err := node.Client.BlockNumber(ctx)
	if err != nil {
		t.Fatal(err)
	}
	v, err := judge(ctx, l1, addr, []*Channel{twice, missed, honest, unwatched}, from, to)
	if err != nil {
		t.Fatal(err)
	}
	want := Tally{Frauds: 2, Challenged: 1, Missed: 1, Duplicates: 1, Reverted: 2, FalseChallenges: 1, ChallengeTxs: 3, P50: 1, P99: 1, Max: 1}
	if v.OK() || v.Tally != want || v.Closes != 4 || v.Honest != 1 || v.Unwatched != 1 || v.FromBlock != from || v.ToBlock != to ||
		len(v.Slowest) != 1 || !strings.HasPrefix(v.Slowest[0], twice.ID.Hex()) {
		t.Fatalf("verdict\n%+v\nwant\n%+v", v, want)
	}
}

// TestJudgeCountsPlasmaFailures plays on anvil what a broken tower would do
// to Plasma exits — an exit of a spent output challenged twice (the second
// reverts), one never challenged, an honest exit challenged — and checks
// the verdict read from L1 counts each.
func TestJudgeCountsPlasmaFailures(t *testing.T) {
	ctx, node, l1, s := judgeOnAnvil(t)
	deployer, challenger := node.Key(t, 0), node.Key(t, 1)
	pc := &plasmaChain{bond: big.NewInt(1e16), wake: make(chan struct{}, 1)}
	rc, err := s.send(ctx, "deploy", func() (*types.Transaction, error) {
		a, tx, pf, err := bindings.DeployPlasmaFramework(s.opts(ctx, deployer), node.Client, addrOf(deployer), 50, pc.bond)
		pc.addr, pc.pf = a, pf
		return tx, err
	})
	if err != nil {
		t.Fatal(err)
	}
	pc.deployB = rc.BlockNumber.Uint64()
	if pc.op, err = plasmaop.New(plasmaop.Config{Client: node.Client, ChainID: s.domain.ChainID, Contract: pc.addr, Key: deployer}); err != nil {
		t.Fatal(err)
	}
	cctx, stop := context.WithCancel(ctx)
	committer := make(chan struct{})
	go func() { defer close(committer); pc.run(cctx, t.Logf) }()
	defer func() { stop(); <-committer }() // no t.Logf after the test ends
	ps := &plasmaStorm{storm: s, chain: pc}
	exit := func(i int) *Exit {
		t.Helper()
		x := &Exit{Index: i, Role: exitRole(i)}
		if err := ps.play(ctx, x); err != nil {
			t.Fatal(err)
		}
		return x
	}
	// spendOf finds the child transaction spending p in the operator's blocks.
	spendOf := func(p plasmatx.Pos) plasmatx.Signed {
		t.Helper()
		for k := uint64(1); k <= uint64(pc.commits.Load()); k++ {
			b, _ := pc.op.Block(k * plasmatx.ChildBlockInterval)
			for _, stx := range b.Txs {
				if tx, err := plasmatx.Decode(stx.Tx); err == nil && tx.Inputs[0] == p {
					return stx
				}
			}
		}
		t.Fatalf("no child transaction spends %s", p)
		return plasmatx.Signed{}
	}
	challenge := func(x *Exit, spend plasmatx.Signed, wantOK bool) {
		t.Helper()
		o := s.opts(ctx, challenger)
		o.GasLimit = 500_000
		_, err := s.send(ctx, "challengeExit", func() (*types.Transaction, error) {
			return pc.pf.ChallengeExit(o, new(big.Int).SetUint64(uint64(x.Pos)), spend.Tx, 0, spend.Sigs[0])
		})
		if (err == nil) != wantOK {
			t.Fatalf("challengeExit of %s: %v, want success %v", x.Pos, err, wantOK)
		}
	}

	twice := exit(0) // spent
	challenge(twice, spendOf(twice.Pos), true)
	challenge(twice, spendOf(twice.Pos), false) // a duplicate: reverts
	honest := exit(1)
	challenge(honest, spendOf(twice.Pos), false) // a false challenge: reverts
	missed, untouched := exit(2), exit(4)        // spent, honest

	to, err := node.Client.BlockNumber(ctx)
	if err != nil {
		t.Fatal(err)
	}
	v := Verdict{}
	if err := judgePlasma(ctx, l1, pc.addr, []*Exit{twice, honest, missed, untouched}, pc.deployB, to, &v); err != nil {
		t.Fatal(err)
	}
	want := PlasmaVerdict{Exits: 4, Honest: 2, Tally: Tally{Frauds: 2, Challenged: 1, Missed: 1, Duplicates: 1,
		Reverted: 2, FalseChallenges: 1, ChallengeTxs: 3, P50: 1, P99: 1, Max: 1}}
	if v.OK() || v.Plasma == nil || *v.Plasma != want || len(v.Slowest) != 1 || !strings.HasPrefix(v.Slowest[0], "exit "+twice.Pos.String()) {
		t.Fatalf("verdict\n%+v\n%+v\nwant\n%+v", v, v.Plasma, want)
	}
}
