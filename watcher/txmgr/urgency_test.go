package txmgr

import (
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

func TestUrgentTip(t *testing.T) {
	tip := big.NewInt(1000)
	for _, c := range []struct {
		deadline, head uint64
		want           int64
	}{
		{0, 100, 1000},   // no deadline
		{200, 100, 1000}, // 100 blocks left: not urgent
		{132, 100, 1000}, // exactly UrgentBlocks left
		{116, 100, 2000}, // half of it: twice the tip
		{108, 100, 4000},
		{101, 100, 32000},
		{100, 100, 32000}, // at the deadline
		{90, 100, 32000},  // past it
	} {
		if got := urgentTip(tip, c.deadline, c.head, 32); got.Int64() != c.want {
			t.Errorf("urgentTip(deadline %d, head %d) = %v, want %d", c.deadline, c.head, got, c.want)
		}
	}
	if tip.Int64() != 1000 {
		t.Errorf("urgentTip changed its argument to %v", tip)
	}
}

// TestDeadlineRaisesTip: on the same chain state, a transaction with few
// blocks left to its deadline is priced with a higher tip than one with
// many, and MaxFeePerGas still caps both.
func TestDeadlineRaisesTip(t *testing.T) {
	env := newTestEnv(t, 1)
	ctx := waitCtx(t)
	cfg := testConfig()
	cfg.MinTipCap = big.NewInt(1e9)
	m, _ := newTestManager(t, env, env.keys[0], cfg)
	to := common.HexToAddress("0xaaaa000000000000000000000000000000000001")

	env.pause() // one chain state for every price below
	defer env.resume()
	head, err := env.client.HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	h := head.Number.Uint64()
	prepare := func(deadline uint64) (tip, feeCap *big.Int) {
		t.Helper()
		tx, err := m.Prepare(ctx, Candidate{To: to, Value: big.NewInt(1), DeadlineBlock: deadline})
		if err != nil {
			t.Fatal(err)
		}
		m.Release(tx)
		return tx.GasTipCap(), tx.GasFeeCap()
	}
	none, _ := prepare(0)
	far, _ := prepare(h + 1000)
	near, nearCap := prepare(h + 4)
	nearer, _ := prepare(h + 2)
	if far.Cmp(none) != 0 {
		t.Errorf("tip with 1000 blocks left %v, want the plain %v", far, none)
	}
	if near.Cmp(far) <= 0 || nearer.Cmp(near) <= 0 {
		t.Errorf("tips with 1000, 4 and 2 blocks left: %v, %v, %v; want them rising", far, near, nearer)
	}
	if nearCap.Cmp(new(big.Int).Add(near, head.BaseFee)) < 0 {
		t.Errorf("fee cap %v leaves no room for the tip %v over the base fee %v", nearCap, near, head.BaseFee)
	}

	// Under MaxFeePerGas the urgent tip shrinks to fit, not the cap.
	cfg.MaxFeePerGas = new(big.Int).Add(head.BaseFee, new(big.Int).Mul(none, big.NewInt(2)))
	capped, _ := newTestManager(t, env, env.keys[0], cfg)
	tx, err := capped.Prepare(ctx, Candidate{To: to, Value: big.NewInt(1), DeadlineBlock: h + 1})
	if err != nil {
		t.Fatal(err)
	}
	capped.Release(tx)
	if tx.GasFeeCap().Cmp(cfg.MaxFeePerGas) > 0 {
		t.Errorf("fee cap %v above MaxFeePerGas %v", tx.GasFeeCap(), cfg.MaxFeePerGas)
	}
	if tx.GasTipCap().Cmp(none) <= 0 || tx.GasTipCap().Cmp(tx.GasFeeCap()) > 0 {
		t.Errorf("capped urgent tip %v: want above the plain %v and within the fee cap %v", tx.GasTipCap(), none, tx.GasFeeCap())
	}
}

// TestStuckNearDeadlineReplaced: a transaction that blocks keep passing by
// (here: queued behind a missing nonce) is replaced with higher fees once
// its deadline is near, long before ResubmitAfter; the replacement is the
// one mined.
func TestStuckNearDeadlineReplaced(t *testing.T) {
	env := newTestEnv(t, 1)
	ctx := waitCtx(t)
	cfg := testConfig()
	cfg.ResubmitAfter = time.Hour
	cfg.MinTipCap = big.NewInt(1e9)
	m, logs := newTestManager(t, env, env.keys[0], cfg)
	to := common.HexToAddress("0xaaaa000000000000000000000000000000000002")

	head, err := env.client.HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	first, err := m.Prepare(ctx, Candidate{To: to, Value: big.NewInt(1)})
	if err != nil {
		t.Fatal(err)
	}
	stuck, err := m.Prepare(ctx, Candidate{To: to, Value: big.NewInt(2), DeadlineBlock: head.Number.Uint64() + 20})
	if err != nil {
		t.Fatal(err)
	}
	// Only the second goes out: it waits in the node's queue behind nonce 0.
	if err := m.Broadcast(ctx, stuck); err != nil {
		t.Fatal(err)
	}
	type result struct {
		hash common.Hash
		err  error
	}
	res := make(chan result, 1)
	go func() {
		r, err := m.WaitMined(ctx, stuck)
		if err != nil {
			res <- result{err: err}
			return
		}
		res <- result{hash: r.TxHash}
	}()
	for logs.FilterMessage("transaction fee bumped").Len() == 0 {
		if ctx.Err() != nil {
			t.Fatal("a stuck transaction near its deadline was never replaced")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if logs.FilterMessage("deadline near and transaction not mined: replacing it").Len() == 0 {
		t.Error("the replacement was not made for the deadline")
	}
	if err := m.Broadcast(ctx, first); err != nil {
		t.Fatal(err)
	}
	r := <-res
	if r.err != nil {
		t.Fatalf("WaitMined: %v", r.err)
	}
	if r.hash == stuck.Hash() {
		t.Fatal("the stuck version was mined, not its replacement")
	}
	mined, _, err := env.client.TransactionByHash(ctx, r.hash)
	if err != nil {
		t.Fatal(err)
	}
	if mined.Nonce() != stuck.Nonce() || mined.GasTipCap().Cmp(stuck.GasTipCap()) <= 0 {
		t.Errorf("mined nonce %d tip %v; want nonce %d with a tip above %v", mined.Nonce(), mined.GasTipCap(), stuck.Nonce(), stuck.GasTipCap())
	}
	if _, err := m.WaitMined(ctx, first); err != nil {
		t.Fatal(err)
	}
	assertNoGaps(ctx, t, env, map[common.Address]uint64{m.From(): 2})
}
