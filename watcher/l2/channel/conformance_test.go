package channel_test

import (
	"context"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/core/types"
	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/internal/testutil/chantest"
	"github.com/watchtower-l2/watchtower/watcher/challenge"
	"github.com/watchtower-l2/watchtower/watcher/l2"
	"github.com/watchtower-l2/watchtower/watcher/l2/kindtest"
	"github.com/watchtower-l2/watchtower/watcher/store/pebblestore"
)

// The channel kind passes the kinds' conformance suite: a close with a
// stale state is the fraud, a close with the latest state the honest event.
func TestConformance(t *testing.T) {
	kindtest.Run(t, func(t *testing.T) kindtest.Setup {
		c := chantest.New(t, 2)
		st, err := pebblestore.Open(t.TempDir(), zap.NewNop())
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		kind := c.Plugin(st, challenge.NewQueue(st, c.Net.ChainID.Uint64(), "t"), zap.NewNop())
		ch := c.Open(20, 3)
		if _, err := kind.Delegate(context.Background(), ch.Latest()); err != nil {
			t.Fatal(err)
		}
		closeWith := func(t *testing.T, nonce int) types.Log {
			r := c.Close(ch, ch.States[nonce])
			for _, lg := range r.Logs {
				if name, _, ok, _ := kind.Decode(*lg); ok && name == "closed" {
					return *lg
				}
			}
			t.Fatalf("no close log in tx %s", r.TxHash.Hex())
			return types.Log{}
		}
		return kindtest.Setup{
			Kind: kind, ChainID: c.Net.ChainID.Uint64(),
			Fraud:  func(t *testing.T) types.Log { return closeWith(t, 0) },
			Honest: func(t *testing.T) types.Log { return closeWith(t, len(ch.States)-1) },
			Send: func(t *testing.T, ch l2.Challenge) *types.Receipt {
				tx := kindtest.Transact(t, c.Net.Client, c.Net.Transactor(context.Background(), c.TowerKey(0)), ch)
				c.Net.Mine()
				ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
				defer cancel()
				r, err := c.Net.WaitMined(ctx, tx.Hash())
				if err != nil {
					t.Fatal(err)
				}
				return r
			},
		}
	})
}
