package plasma_test

import (
	"context"
	"math/big"
	"strconv"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/internal/plasmaop"
	"github.com/watchtower-l2/watchtower/proofs/plasmatx"
	"github.com/watchtower-l2/watchtower/watcher/challenge"
	"github.com/watchtower-l2/watchtower/watcher/l2"
	"github.com/watchtower-l2/watchtower/watcher/l2/kindtest"
	"github.com/watchtower-l2/watchtower/watcher/l2/plasma"
	"github.com/watchtower-l2/watchtower/watcher/store/pebblestore"
)

// The Plasma kind passes the kinds' conformance suite: the fraud is the exit
// of a deposit its owner spent in a child block the tower verified (so it
// holds the signed spend), the honest event the exit of the output that
// spend created, which is unspent.
func TestConformance(t *testing.T) {
	kindtest.Run(t, conformanceSetup)
}

// conformanceSetup builds the kind fresh on new chains.
func conformanceSetup(t *testing.T) kindtest.Setup {
	e := newChain(t, 2, nil)
	alice, bob := e.user(), e.user()
	st, err := pebblestore.Open(t.TempDir(), zap.NewNop())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	kind, err := plasma.New(plasma.Config{Contract: e.pfAddr, FeedURL: e.feedURL}, l2.Deps{
		ChainID: e.net.ChainID, L1: e.net.Client, Store: st, Queue: challenge.NewQueue(st, e.net.ChainID.Uint64(), "t"),
		Alerts: e.alerts, Log: zap.NewNop(),
	})
	if err != nil {
		t.Fatal(err)
	}
	// The operator waits for its root submission to be mined: mine
	// until the block is committed, then only when a test sends, so the
	// exit period (in blocks) cannot run out during a check.
	e.autoMine()
	spent := e.deposit(alice, 1e18)
	e.pay(alice, spent, addr(bob), 6e17)
	b1 := e.commit(plasmaop.CommitOptions{})
	e.net.StopMining()
	e.mining = false
	follow(t, e, kind, b1.Blknum)
	if _, err := kind.Spent(context.Background(), spent); err != nil {
		t.Fatalf("the tower did not index the spend of %s: %v", spent, err)
	}
	unspent := plasmatx.NewPos(b1.Blknum, 0, 0) // bob's output
	return kindtest.Setup{
		Kind: kind, ChainID: e.net.ChainID.Uint64(),
		Fraud:  func(t *testing.T) types.Log { return e.exitLog(alice, spent) },
		Honest: func(t *testing.T) types.Log { return e.exitLog(bob, unspent) },
		Send: func(t *testing.T, c l2.Challenge) *types.Receipt {
			tx := kindtest.Transact(t, e.net.Client, e.net.Transactor(context.Background(), e.net.Keys[keyTower]), c)
			e.net.Mine()
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			r, err := e.net.WaitMined(ctx, tx.Hash())
			if err != nil {
				t.Fatal(err)
			}
			return r
		},
	}
}

// follow gives kind what ingest and the runner would: every log of the
// PlasmaFramework so far, verified in order, then child blocks up to blknum.
func follow(t *testing.T, e *env, kind *plasma.Kind, blknum uint64) {
	t.Helper()
	ctx := context.Background()
	logs, err := e.net.Client.FilterLogs(ctx, ethereum.FilterQuery{FromBlock: big.NewInt(0), Addresses: []common.Address{e.pfAddr}})
	if err != nil {
		t.Fatal(err)
	}
	for _, lg := range logs {
		ev := kindtest.Event(t, kind, e.net.ChainID.Uint64(), lg)
		if _, err := kind.Verify(ctx, ev); err != nil {
			t.Fatalf("verify %s: %v", ev.Name, err)
		}
	}
	waitFor(t, "the tower to verify child block "+strconv.FormatUint(blknum, 10), time.Minute, func() bool {
		if err := kind.Step(ctx); err != nil {
			t.Fatal(err)
		}
		c, err := kind.Cursor(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return c >= blknum
	})
}
