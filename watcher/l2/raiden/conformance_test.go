package raiden_test

import (
	"context"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/watchtower-l2/watchtower/watcher/l2"
	"github.com/watchtower-l2/watchtower/watcher/l2/kindtest"
)

// The Raiden kind passes the kinds' conformance suite. The user delegated
// the partner's balance proof of nonce 5. The fraud: the partner closes
// (with the user's own latest proof, which is fine) while its own proof on
// chain stays at nonce 0, so settlement would ignore the 50 tokens it sent
// the user; the tower's update puts nonce 5 on chain. The honest event: the
// same close, after which the user's own update already put nonce 5 on
// chain, so the tower holds nothing newer.
func TestConformance(t *testing.T) {
	kindtest.Run(t, func(t *testing.T) kindtest.Setup {
		f := newFixture(t)
		_, j := f.partnerProof(t, 5)
		if r := f.hold(t, false, j); r[0].Err != nil {
			t.Fatal(r[0].Err)
		}
		return kindtest.Setup{
			Kind: f.kind, ChainID: f.chainID(),
			Fraud: f.closeStale,
			Honest: func(t *testing.T) types.Log {
				lg := f.closeStale(t)
				f.update(t, 5)
				return lg
			},
			Send: func(t *testing.T, c l2.Challenge) *types.Receipt {
				tx := kindtest.Transact(t, f.net.Chain.Client, f.net.Opts(f.tower), c)
				f.net.Chain.Commit()
				ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
				defer cancel()
				r, err := bind.WaitMined(ctx, f.net.Chain.Client, tx)
				if err != nil {
					t.Fatal(err)
				}
				return r
			},
		}
	})
}
