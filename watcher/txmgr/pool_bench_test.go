package txmgr

import (
	"context"
	"math/big"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"go.uber.org/zap"
)

// BenchmarkPoolSend measures transactions handed to the node per second by
// one Pool of 8 keys from 64 goroutines (Prepare, which simulates, estimates
// and prices each one, then Broadcast), against a baseline measured in the
// same run on the same chain: pre-signed transactions of one key sent with
// raw SendTransaction from one goroutine. Blocks are committed every 10ms.
// After the pool's sends, every key's nonces 0..k-1 must all be mined.
func BenchmarkPoolSend(b *testing.B) {
	const keys, workers = 8, 64
	env := newTestEnvEvery(b, keys+1, 5*time.Millisecond)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	// A loaded machine can stretch one in-process call past the default 10s.
	cfg := Config{ReceiptPollInterval: 10 * time.Millisecond, ResubmitAfter: time.Hour, RPCTimeout: time.Minute}
	p, err := NewPool(ctx, env.client, env.keys[:keys], cfg, PoolConfig{Poll: 2 * time.Millisecond}, zap.NewNop())
	if err != nil {
		b.Fatal(err)
	}
	to := common.HexToAddress("0xbbbb000000000000000000000000000000000001")
	// The baseline's key is the extra one; its transactions are signed
	// before the clock starts.
	base, err := New(ctx, env.client, env.keys[keys], cfg, zap.NewNop())
	if err != nil {
		b.Fatal(err)
	}
	tip, feeCap, err := base.fees(ctx, 0)
	if err != nil {
		b.Fatal(err)
	}
	// Many blocks pass during the run: leave room for the base fee to move.
	feeCap.Mul(feeCap, big.NewInt(4))
	presigned := make([]*types.Transaction, b.N)
	for i := range presigned {
		if presigned[i], err = base.sign(&types.DynamicFeeTx{
			ChainID: base.chainID, GasTipCap: tip, GasFeeCap: feeCap, Gas: 21000, To: &to, Value: big.NewInt(1),
		}, uint64(i)); err != nil {
			b.Fatal(err)
		}
	}

	b.ResetTimer()
	start := time.Now()
	for _, tx := range presigned {
		if err := env.client.SendTransaction(ctx, tx); err != nil {
			b.Fatalf("baseline send nonce %d: %v", tx.Nonce(), err)
		}
	}
	baseline := time.Since(start)

	var (
		next  atomic.Int64
		mu    sync.Mutex
		txs   []*types.Transaction
		first error
		wg    sync.WaitGroup
	)
	start = time.Now()
	for range workers {
		wg.Go(func() {
			for next.Add(1) <= int64(b.N) {
				tx, err := p.Prepare(ctx, Candidate{To: reverterAddr, Data: []byte{0}})
				if err == nil {
					err = p.Broadcast(ctx, tx)
				}
				mu.Lock()
				if err != nil && first == nil {
					first = err
				}
				if err == nil {
					txs = append(txs, tx)
				}
				mu.Unlock()
				if err != nil {
					return
				}
			}
		})
	}
	wg.Wait()
	pooled := time.Since(start)
	b.StopTimer()
	if first != nil {
		b.Fatal(first)
	}

	poolRate := float64(b.N) / pooled.Seconds()
	baseRate := float64(b.N) / baseline.Seconds()
	b.ReportMetric(poolRate, "pool_tx/s")
	b.ReportMetric(baseRate, "baseline_tx/s")
	b.ReportMetric(poolRate/baseRate, "pool/baseline")
	b.ReportMetric(0, "ns/op")

	sent := map[common.Address]uint64{}
	for _, tx := range txs {
		from, err := p.Sender(tx)
		if err != nil {
			b.Fatal(err)
		}
		sent[from]++
	}
	if len(sent) != min(b.N, keys) {
		b.Errorf("%d transactions used %d of the pool's %d keys", b.N, len(sent), keys)
	}
	waitCtx, stop := context.WithTimeout(ctx, 2*time.Minute)
	defer stop()
	assertNoGaps(waitCtx, b, env, sent)
	assertNoGaps(waitCtx, b, env, map[common.Address]uint64{base.From(): uint64(b.N)})
}
