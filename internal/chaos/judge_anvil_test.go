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
	"github.com/watchtower-l2/watchtower/internal/scenario"
	"github.com/watchtower-l2/watchtower/internal/testutil/anviltest"
	"github.com/watchtower-l2/watchtower/proofs/channelstate"
)

// TestJudgeCountsFailures plays on anvil what a broken tower would do — a
// fraud challenged twice (the second reverts), a fraud never challenged, an
// honest close challenged — and checks the verdict read from L1 counts each.
func TestJudgeCountsFailures(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	node := anviltest.Start(t)
	l1 := &L1{RPC: node.RPC, Client: node.Client}
	deployer, challenger := node.Key(t, 0), node.Key(t, 1)
	s := &storm{l1: l1, domain: channelstate.Domain{ChainID: big.NewInt(anviltest.ChainID)}}
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
	want := Verdict{Closes: 4, Frauds: 2, Honest: 1, Unwatched: 1, Challenged: 1, Missed: 1, Duplicates: 1,
		Reverted: 2, FalseChallenges: 1, ChallengeTxs: 3, P50: 1, P99: 1, Max: 1, FromBlock: from, ToBlock: to}
	v.Problems = nil
	if v.OK() || v.Closes != want.Closes || v.Frauds != want.Frauds || v.Honest != want.Honest || v.Unwatched != want.Unwatched ||
		v.Challenged != want.Challenged || v.Missed != want.Missed || v.Duplicates != want.Duplicates ||
		v.Reverted != want.Reverted || v.FalseChallenges != want.FalseChallenges || v.ChallengeTxs != want.ChallengeTxs ||
		v.P50 != want.P50 || v.Max != want.Max || len(v.Slowest) != 1 || !strings.HasPrefix(v.Slowest[0], twice.ID.Hex()) {
		t.Fatalf("verdict\n%+v\nwant\n%+v", v, want)
	}
}
