package plasma

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/big"
	"testing"

	"github.com/watchtower-l2/watchtower/watcher/l2"

	"github.com/ethereum/go-ethereum/common"
	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/alerts"
	"github.com/watchtower-l2/watchtower/internal/testutil/redistest"
	"github.com/watchtower-l2/watchtower/proofs/plasmatx"
	"github.com/watchtower-l2/watchtower/watcher/challenge"
	"github.com/watchtower-l2/watchtower/watcher/event"
	"github.com/watchtower-l2/watchtower/watcher/store"
	"github.com/watchtower-l2/watchtower/watcher/store/pebblestore"
	"github.com/watchtower-l2/watchtower/watcher/store/redisstore"
)

// plainStore hides a store's Batcher: VerifyBatch must work on any store.
type plainStore struct{ store.Store }

// TestVerifyBatchMatchesVerify: on the same state, VerifyBatch gives every
// event of a mixed batch the verdict (and error) Verify gives it when the
// events are verified one after the other, and leaves the same exit records.
func TestVerifyBatchMatchesVerify(t *testing.T) {
	ctx := context.Background()
	url := redistest.Start(t)
	open := func(prefix string) store.Store {
		st, err := redisstore.Open(ctx, url, prefix)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st
	}
	peb, err := pebblestore.Open(t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { peb.Close() })
	contract := common.HexToAddress("0x00000000000000000000000000000000000000c0")
	newKind := func(st store.Store) *Kind {
		k, err := New(Config{Contract: contract}, l2.Deps{ChainID: big.NewInt(1337), Store: st,
			Queue: challenge.NewQueue(st, 1337, "t"), Alerts: &alerts.Recorder{}, Log: zap.NewNop()})
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	addr := func(i int) common.Address { return common.BigToAddress(big.NewInt(int64(100 + i))) }
	pos := func(i int) plasmatx.Pos { return plasmatx.NewPos(1000, uint64(i), 0) }
	setup := func(k *Kind) {
		for i := range 10 {
			if err := k.putOutput(ctx, pos(i), plasmatx.Output{Owner: addr(i), Amount: big.NewInt(1e18)}); err != nil {
				t.Fatal(err)
			}
		}
		for _, i := range []int{0, 1, 2, 7} { // spent, to two receivers
			tx := plasmatx.Tx{Inputs: [2]plasmatx.Pos{pos(i), 0}, Outputs: [2]plasmatx.Output{
				{Owner: addr(50 + i), Amount: big.NewInt(5e17)}, {Owner: addr(60), Amount: big.NewInt(5e17)}}}
			if _, err := k.recordSpend(ctx, pos(i), Spend{Blknum: 2000, Input: 0, Sig: make([]byte, plasmatx.SigLen), Tx: tx.Encode()}); err != nil {
				t.Fatal(err)
			}
		}
		// Registered users (an exiting owner, a victim) and outputs (a
		// fraud, an honest exit, an unknown output).
		unknown := plasmatx.NewPos(5000, 0, 0)
		if err := k.Register(ctx, []common.Address{addr(3), addr(52), addr(60)}, []plasmatx.Pos{pos(1), pos(3), unknown}); err != nil {
			t.Fatal(err)
		}
		if err := k.store.Put(ctx, k.keys.out(pos(9)), []byte("corrupt")); err != nil {
			t.Fatal(err)
		}
	}
	var evs []event.Event
	exit := func(p plasmatx.Pos, owner common.Address, removed bool) {
		payload, _ := json.Marshal(ExitStarted{UtxoPos: uint64(p), Owner: owner, Amount: big.NewInt(1e18), Deadline: 9000 + uint64(len(evs))})
		evs = append(evs, event.Event{ChainID: 1337, Kind: KindName, Name: EventExitStarted, BlockNumber: 100,
			BlockHash: common.HexToHash("0xb1"), LogIndex: uint(len(evs)), Removed: removed, Payload: payload})
	}
	for i := range 6 {
		exit(pos(i), addr(i), false)
	}
	exit(plasmatx.NewPos(5000, 0, 0), addr(70), false) // unknown, registered output
	dep, _ := json.Marshal(Deposit{Owner: addr(80), Blknum: 3001, Amount: big.NewInt(7)})
	evs = append(evs, event.Event{ChainID: 1337, Kind: KindName, Name: EventDeposit, BlockNumber: 101, LogIndex: 90, Payload: dep})
	exit(plasmatx.NewPos(3001, 0, 0), addr(80), false) // the deposit just noted
	exit(pos(6), addr(6), false)
	exit(pos(2), addr(2), false) // twice in one run
	evs = append(evs, event.Event{ChainID: 1337, Kind: KindName, Name: EventExitStarted, LogIndex: 91, Payload: json.RawMessage(`{"utxo_pos":"x"}`)})
	exit(pos(7), addr(7), false)
	exit(pos(9), addr(9), false) // unreadable output record
	exit(pos(8), addr(8), false)
	exit(pos(4), addr(4), true) // retraction
	exit(pos(8), addr(8), false)

	for _, tc := range []struct {
		name      string
		seq, batc store.Store
	}{
		{"redis", open("seq:"), open("batch:")},
		{"pebble-vs-plain", plainStore{open("seq2:")}, peb},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ks, kb := newKind(tc.seq), newKind(tc.batc)
			setup(ks)
			setup(kb)
			vds, errs := kb.VerifyBatch(ctx, evs)
			if len(vds) != len(evs) || len(errs) != len(evs) {
				t.Fatalf("VerifyBatch returned %d verdicts, %d errors for %d events", len(vds), len(errs), len(evs))
			}
			frauds := 0
			for i, ev := range evs {
				want, werr := ks.Verify(ctx, ev)
				if (werr == nil) != (errs[i] == nil) {
					t.Fatalf("event %d (%s): Verify error %v, VerifyBatch error %v", i, ev.Name, werr, errs[i])
				}
				if werr != nil {
					continue
				}
				wj, _ := json.Marshal(want)
				gj, _ := json.Marshal(vds[i])
				if string(wj) != string(gj) {
					t.Fatalf("event %d (%s):\n Verify      %s\n VerifyBatch %s", i, ev.Name, wj, gj)
				}
				if want.Outcome == "fraud" {
					frauds++
				}
			}
			if frauds != 5 {
				t.Fatalf("%d frauds, want 5 (outputs 0, 1, 2 twice, 7)", frauds)
			}
			for i := range 10 {
				a, errA := ks.exitOf(ctx, pos(i))
				b, errB := kb.exitOf(ctx, pos(i))
				if fmt.Sprint(a) != fmt.Sprint(b) || errors.Is(errA, store.ErrNotFound) != errors.Is(errB, store.ErrNotFound) {
					t.Fatalf("exit record of %s: %v %v vs %v %v", pos(i), a, errA, b, errB)
				}
			}
			ia, _ := ks.store.IndexRange(ctx, ks.keys.exits(), math.MaxInt64, 0)
			ib, _ := kb.store.IndexRange(ctx, kb.keys.exits(), math.MaxInt64, 0)
			if fmt.Sprint(ia) != fmt.Sprint(ib) {
				t.Fatalf("exit index: %v vs %v", ia, ib)
			}
		})
	}
}
