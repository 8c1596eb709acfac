package txmgr

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/rpc"
	"go.uber.org/zap/zaptest"
)

func newTestPool(t testing.TB, env *testEnv, keys []*ecdsa.PrivateKey, cfg Config, pc PoolConfig) *Pool {
	t.Helper()
	p, err := NewPool(context.Background(), env.client, keys, cfg, pc, zaptest.NewLogger(t))
	if err != nil {
		t.Fatalf("NewPool: %v", err)
	}
	return p
}

// assertNoGaps waits until every key's mined nonce reaches sent[key] and
// checks that the node holds nothing beyond it: all nonces 0..sent-1 of each
// key are mined, none is missing (a gap would hold the later ones back
// forever). A key may have mined more: gaps its Manager filled itself (a
// given-back nonce nobody took within the grace period, which a loaded
// machine can stretch); it returns how many.
func assertNoGaps(ctx context.Context, t testing.TB, env *testEnv, sent map[common.Address]uint64) (filled uint64) {
	t.Helper()
	for addr, want := range sent {
		var mined uint64
		for {
			n, err := env.client.NonceAt(ctx, addr, nil)
			if err == nil && n >= want {
				mined = n
				break
			}
			if ctx.Err() != nil {
				bg := context.Background()
				pending, _ := env.client.PendingNonceAt(bg, addr)
				mined, _ := env.client.NonceAt(bg, addr, nil)
				head, _ := env.client.HeaderByNumber(bg, nil)
				content, _ := env.backend.Client().(interface {
					Client() *rpc.Client
				})
				var queued string
				if content != nil {
					var res map[string]map[string]map[string]any
					if err := content.Client().CallContext(bg, &res, "txpool_contentFrom", addr); err == nil {
						queued = fmt.Sprintf("pending %d queued %d", len(res["pending"]), len(res["queued"]))
					}
				}
				t.Fatalf("key %s: mined nonce %d (pending %d, %s; head %v), want %d: a nonce gap holds the rest back", addr, mined, pending, queued, head.Number, want)
			}
			time.Sleep(10 * time.Millisecond)
		}
		if pending, err := env.client.PendingNonceAt(ctx, addr); err != nil || pending != mined {
			t.Fatalf("key %s: pending nonce %d (%v) after %d mined: something is stuck", addr, pending, err, mined)
		}
		filled += mined - want
	}
	if filled > 0 {
		t.Logf("%d given-back nonces were filled by their Manager", filled)
	}
	return filled
}

// TestPoolNoNonceGaps sends many transactions at once from a pool of keys,
// some of whose callers give up between Prepare and Broadcast (a lost
// lease: Release) or whose broadcast fails before the node has the
// transaction; every key's nonces 0..k-1 are mined, with no gap.
func TestPoolNoNonceGaps(t *testing.T) {
	env := newTestEnv(t, 4)
	ctx := waitCtx(t)
	const maxPending = 4
	// Polls slow enough that a given-back nonce is taken again by a
	// Prepare long before a Manager would fill it (which, without a pool
	// slot, could take a key one over its cap).
	cfg := testConfig()
	cfg.ReceiptPollInterval = 100 * time.Millisecond
	p := newTestPool(t, env, env.keys, cfg, PoolConfig{MaxPending: maxPending})
	to := common.HexToAddress("0x6666666666666666666666666666666666666666")

	// Watch the node: a key never holds more than maxPending transactions
	// (pending nonce read before the mined one, so the difference can only
	// be underestimated).
	stopWatch := make(chan struct{})
	watchDone := make(chan error, 1)
	go func() {
		defer close(watchDone)
		for {
			select {
			case <-stopWatch:
				return
			default:
			}
			for _, m := range p.Managers() {
				pending, err1 := env.client.PendingNonceAt(ctx, m.From())
				mined, err2 := env.client.NonceAt(ctx, m.From(), nil)
				if err1 == nil && err2 == nil && pending > mined+maxPending {
					watchDone <- fmt.Errorf("key %s holds %d pending transactions, cap %d", m.From(), pending-mined, maxPending)
					return
				}
			}
			time.Sleep(5 * time.Millisecond)
		}
	}()

	head, err := env.client.HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	tooMuchGas := head.GasLimit + 1 // the node's pool refuses it

	const n = 60
	var (
		mu   sync.Mutex
		sent = map[common.Address]uint64{}
		errs = make([]error, n)
	)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			c := Candidate{To: to, Value: big.NewInt(1), DeadlineBlock: uint64(100 + i)}
			switch i % 5 {
			case 1: // the caller gives up before broadcasting
				tx, err := p.Prepare(ctx, c)
				if err != nil {
					errs[i] = fmt.Errorf("prepare: %w", err)
					return
				}
				if !p.Release(tx) {
					errs[i] = errors.New("Release of a prepared transaction did nothing")
					return
				}
			case 2: // the node refuses the transaction and does not keep it
				huge := c
				huge.GasLimit = tooMuchGas
				tx, err := p.Prepare(ctx, huge)
				if err != nil {
					errs[i] = fmt.Errorf("prepare: %w", err)
					return
				}
				if err := p.Broadcast(ctx, tx); err == nil {
					errs[i] = errors.New("the node took a transaction over the block gas limit")
					return
				}
			}
			tx, err := p.Prepare(ctx, c)
			if err != nil {
				errs[i] = fmt.Errorf("prepare: %w", err)
				return
			}
			if err := p.Broadcast(ctx, tx); err != nil {
				errs[i] = fmt.Errorf("broadcast: %w", err)
				return
			}
			if p.Release(tx) {
				errs[i] = errors.New("Release of a broadcast transaction gave its nonce back")
				return
			}
			from, err := p.Sender(tx)
			if err != nil {
				errs[i] = err
				return
			}
			mu.Lock()
			sent[from]++
			mu.Unlock()
			rcpt, err := p.WaitMined(ctx, tx)
			if err != nil {
				errs[i] = fmt.Errorf("wait mined: %w", err)
				return
			}
			if rcpt.Status != types.ReceiptStatusSuccessful {
				errs[i] = fmt.Errorf("status %d", rcpt.Status)
			}
		})
	}
	wg.Wait()
	close(stopWatch)
	if err := <-watchDone; err != nil {
		t.Error(err)
	}
	for i, err := range errs {
		if err != nil {
			t.Fatalf("sender %d: %v", i, err)
		}
	}
	if len(sent) != len(env.keys) {
		t.Errorf("transactions came from %d keys, want all %d: %v", len(sent), len(env.keys), sent)
	}
	var total uint64
	for _, c := range sent {
		total += c
	}
	if total != n {
		t.Fatalf("%d transactions broadcast, want %d", total, n)
	}
	assertNoGaps(ctx, t, env, sent)
	if got := p.Pending(); got != 0 {
		t.Errorf("pool counts %d pending after everything was mined", got)
	}
}

// TestReleaseReusesNonce: a released nonce is the next one handed out, a
// broadcast transaction cannot be released, and the later transactions are
// mined, not held back by a gap.
func TestReleaseReusesNonce(t *testing.T) {
	env := newTestEnv(t, 1)
	ctx := waitCtx(t)
	m, _ := newTestManager(t, env, env.keys[0], testConfig())
	to := common.HexToAddress("0x7777777777777777777777777777777777777777")
	c := Candidate{To: to, Value: big.NewInt(1)}

	a, err := m.Prepare(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	b, err := m.Prepare(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	if !m.Release(a) {
		t.Fatal("Release of a prepared transaction did nothing")
	}
	if m.Release(a) {
		t.Fatal("a second Release of the same transaction gave its nonce back again")
	}
	c2, err := m.Prepare(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	if c2.Nonce() != a.Nonce() {
		t.Fatalf("prepared nonce %d after releasing %d", c2.Nonce(), a.Nonce())
	}
	for _, tx := range []*types.Transaction{b, c2} {
		if err := m.Broadcast(ctx, tx); err != nil {
			t.Fatal(err)
		}
	}
	if m.Release(b) {
		t.Fatal("Release of a broadcast transaction gave its nonce back")
	}
	for _, tx := range []*types.Transaction{b, c2} {
		if _, err := m.WaitMined(ctx, tx); err != nil {
			t.Fatal(err)
		}
	}
	// Releasing the newest reservation hands the same nonce out again too.
	d, err := m.Prepare(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	m.Release(d)
	e, err := m.Prepare(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	if e.Nonce() != d.Nonce() || e.Nonce() != 2 {
		t.Fatalf("nonce %d after releasing %d, want 2", e.Nonce(), d.Nonce())
	}
	if err := m.Broadcast(ctx, e); err != nil {
		t.Fatal(err)
	}
	if _, err := m.WaitMined(ctx, e); err != nil {
		t.Fatal(err)
	}
	assertNoGaps(ctx, t, env, map[common.Address]uint64{m.From(): 3})
}

// TestPoolWaitsAtMaxPending: with every key at its cap Prepare waits until
// ctx ends; once the chain mines, it signs again (the pool reads the chain's
// nonces itself, nobody called WaitMined).
func TestPoolWaitsAtMaxPending(t *testing.T) {
	env := newTestEnv(t, 2)
	ctx := waitCtx(t)
	p := newTestPool(t, env, env.keys, testConfig(), PoolConfig{MaxPending: 1})
	to := common.HexToAddress("0x8888888888888888888888888888888888888888")
	c := Candidate{To: to, Value: big.NewInt(1)}

	env.pause()
	first := map[common.Address]bool{}
	for range 2 {
		tx, err := p.Prepare(ctx, c)
		if err != nil {
			t.Fatal(err)
		}
		if err := p.Broadcast(ctx, tx); err != nil {
			t.Fatal(err)
		}
		from, _ := p.Sender(tx)
		first[from] = true
	}
	if len(first) != 2 {
		t.Fatalf("two transactions with a cap of one per key went to %d key(s)", len(first))
	}
	short, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
	_, err := p.Prepare(short, c)
	cancel()
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Prepare with every key at its cap = %v, want to wait until the context ends", err)
	}
	env.resume()
	tx, err := p.Prepare(ctx, c)
	if err != nil {
		t.Fatalf("Prepare after the chain mined: %v", err)
	}
	if tx.Nonce() != 1 {
		t.Fatalf("nonce %d, want 1", tx.Nonce())
	}
	if err := p.Broadcast(ctx, tx); err != nil {
		t.Fatal(err)
	}
	from, _ := p.Sender(tx)
	sent := map[common.Address]uint64{}
	for a := range first {
		sent[a] = 1
	}
	sent[from]++
	assertNoGaps(ctx, t, env, sent)
}

// TestPoolRoutesBySender: a transaction signed by the second key is waited
// for (and can be bumped) by that key's Manager; Balance is the lowest of
// the keys; a pool refuses the same key twice.
func TestPoolRoutesBySender(t *testing.T) {
	env := newTestEnv(t, 2)
	ctx := waitCtx(t)
	p := newTestPool(t, env, env.keys, testConfig(), PoolConfig{})
	if p.From() != crypto.PubkeyToAddress(env.keys[0].PublicKey) {
		t.Fatalf("From = %s, want the first key", p.From())
	}
	c := Candidate{To: common.HexToAddress("0x9999999999999999999999999999999999999999"), Value: big.NewInt(1)}
	var txs []*types.Transaction
	for range 2 {
		tx, err := p.Prepare(ctx, c)
		if err != nil {
			t.Fatal(err)
		}
		txs = append(txs, tx)
	}
	a0, _ := p.Sender(txs[0])
	a1, _ := p.Sender(txs[1])
	if a0 == a1 {
		t.Fatalf("two prepares with an idle key went to the same key %s", a0)
	}
	for _, tx := range txs {
		if err := p.Broadcast(ctx, tx); err != nil {
			t.Fatal(err)
		}
	}
	for _, m := range p.Managers() {
		m.trackMu.Lock()
		n := len(m.tracked)
		m.trackMu.Unlock()
		if n != 1 {
			t.Errorf("key %s tracks %d transactions, want its own one", m.From(), n)
		}
	}
	for _, tx := range txs {
		if _, err := p.WaitMined(ctx, tx); err != nil {
			t.Fatal(err)
		}
	}
	low, err := p.Balance(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range p.Managers() {
		b, err := m.Balance(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if b.Cmp(low) < 0 {
			t.Errorf("pool balance %s above key %s's %s", low, m.From(), b)
		}
	}
	if _, err := NewPool(ctx, env.client, []*ecdsa.PrivateKey{env.keys[0], env.keys[0]}, testConfig(), PoolConfig{}, nil); err == nil {
		t.Error("a pool with the same key twice was accepted")
	}
	if _, err := NewPool(ctx, env.client, nil, testConfig(), PoolConfig{}, nil); err == nil {
		t.Error("a pool without keys was accepted")
	}
}

// TestGapFilled: when a nonce is given back below a transaction already
// sent and no new transaction comes to take it, the Manager waiting for the
// later transaction fills the gap itself (a zero-value transfer to the key)
// so the later one is mined.
func TestGapFilled(t *testing.T) {
	env := newTestEnv(t, 1)
	ctx := waitCtx(t)
	m, logs := newTestManager(t, env, env.keys[0], testConfig())
	c := Candidate{To: common.HexToAddress("0x7777777777777777777777777777777777777778"), Value: big.NewInt(1)}
	given, err := m.Prepare(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	later, err := m.Prepare(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Broadcast(ctx, later); err != nil {
		t.Fatal(err)
	}
	if !m.Release(given) {
		t.Fatal("Release did nothing")
	}
	rcpt, err := m.WaitMined(ctx, later)
	if err != nil {
		t.Fatalf("the transaction above the gap: %v", err)
	}
	if rcpt.TxHash != later.Hash() {
		t.Fatalf("mined %s, want %s", rcpt.TxHash, later.Hash())
	}
	if logs.FilterMessage("filling a nonce gap: a transaction was given up after its nonce was handed out").Len() != 1 {
		t.Error("the gap was not filled by the Manager (or more than once)")
	}
	if filled := assertNoGaps(ctx, t, env, map[common.Address]uint64{m.From(): 1}); filled != 1 {
		t.Errorf("%d nonces filled, want the one given back", filled)
	}
	m.trackMu.Lock()
	n := len(m.tracked)
	m.trackMu.Unlock()
	if n != 0 {
		t.Errorf("%d nonces still tracked after everything was mined", n)
	}
}
