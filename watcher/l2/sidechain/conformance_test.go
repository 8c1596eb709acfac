package sidechain_test

import (
	"context"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/watcher/challenge"
	"github.com/watchtower-l2/watchtower/watcher/l2"
	"github.com/watchtower-l2/watchtower/watcher/l2/kindtest"
	"github.com/watchtower-l2/watchtower/watcher/l2/sidechain"
	"github.com/watchtower-l2/watchtower/watcher/store/pebblestore"
)

// conformancePeriod is the challenge period of the conformance chains: L1
// mines a block every 50 ms, and no check may see a period run out.
const conformancePeriod = 1 << 20

// The sidechain kind passes the kinds' conformance suite: the fraud is a
// checkpoint of a quorum-attested block with a wrong block hash, the honest
// event a checkpoint of the same block with its real hash and state root.
func TestConformance(t *testing.T) {
	kindtest.Run(t, conformanceSetup)
}

// conformanceSetup builds the kind fresh on new chains.
func conformanceSetup(t *testing.T) kindtest.Setup {
	e := newChains(t, false, conformancePeriod)
	ctx := context.Background()
	st, err := pebblestore.Open(t.TempDir(), zap.NewNop())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	kind, err := sidechain.New(sidechain.Config{
		Manager:    e.manager,
		Sidechains: []sidechain.Source{{SidechainID: sideID, RPCURL: e.side.RPCURL, AttestationsURL: e.vals.URL}},
		// Judging needs the stored attested header, not a fresh view.
		StaleAfter: time.Hour,
	}, e.l1.ChainID, st, e.l1.Client, challenge.NewQueue(st, e.l1.ChainID.Uint64(), "t"), e.alerts, zap.NewNop())
	if err != nil {
		t.Fatal(err)
	}
	n := e.mineSide(t, 3, true) - 2
	waitFor(t, "the tower to hold the attested block", time.Minute, func() bool {
		kind.Tick(ctx)
		return kind.Attestations(ctx, sideID, n) >= int(e.vals.Threshold())
	})
	h := e.sideHeader(t, n)
	checkpoint := func(t *testing.T, hash common.Hash) types.Log {
		return e.submit(t, n, hash, h.Root).Raw
	}
	return kindtest.Setup{
		Kind: kind, ChainID: e.l1.ChainID.Uint64(),
		Fraud:  func(t *testing.T) types.Log { return checkpoint(t, common.HexToHash("0xbad")) },
		Honest: func(t *testing.T) types.Log { return checkpoint(t, h.Hash()) },
		Send: func(t *testing.T, c l2.Challenge) *types.Receipt {
			tx := kindtest.Transact(t, e.l1.Client, e.l1.Transactor(ctx, e.l1.Keys[1]), c)
			ctx, cancel := context.WithTimeout(ctx, time.Minute)
			defer cancel()
			r, err := e.l1.WaitMined(ctx, tx.Hash())
			if err != nil {
				t.Fatal(err)
			}
			return r
		},
	}
}
