package txmgr

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest/observer"
)

// Both the real RPC client and the simulated backend's client satisfy Client.
var (
	_ Client = (*ethclient.Client)(nil)
	_ Client = simulated.Client(nil)
)

// reverterCode is the runtime code of a hand-assembled test contract: it
// reverts with Error("nope") when the first calldata byte is 0x01 and stops
// (succeeds) otherwise. It is placed in the genesis alloc at reverterAddr.
//
//	00  60 00        PUSH1 0x00
//	02  35           CALLDATALOAD        ; calldata[0:32] (zero-padded)
//	03  60 f8        PUSH1 0xf8
//	05  1c           SHR                 ; >> 248: first calldata byte
//	06  60 01        PUSH1 0x01
//	08  14           EQ
//	09  60 0d        PUSH1 0x0d
//	0b  57           JUMPI               ; first byte == 1 -> 0x0d
//	0c  00           STOP
//	0d  5b           JUMPDEST
//	0e  63 08c379a0  PUSH4 0x08c379a0    ; Error(string) selector
//	13  60 e0        PUSH1 0xe0
//	15  1b           SHL                 ; selector << 224
//	16  60 00        PUSH1 0x00
//	18  52           MSTORE              ; mem[0x00:0x04] = selector
//	19  60 20        PUSH1 0x20
//	1b  60 04        PUSH1 0x04
//	1d  52           MSTORE              ; mem[0x04:0x24] = 0x20 (string offset)
//	1e  60 04        PUSH1 0x04
//	20  60 24        PUSH1 0x24
//	22  52           MSTORE              ; mem[0x24:0x44] = 4 (string length)
//	23  63 6e6f7065  PUSH4 "nope"
//	28  60 e0        PUSH1 0xe0
//	2a  1b           SHL                 ; left-align the 4 bytes
//	2b  60 44        PUSH1 0x44
//	2d  52           MSTORE              ; mem[0x44:0x64] = "nope" + zero padding
//	2e  60 64        PUSH1 0x64
//	30  60 00        PUSH1 0x00
//	32  fd           REVERT              ; revert(mem[0x00:0x64])
var reverterCode = common.FromHex(
	"600035" + "60f81c" + "600114" + "600d57" + "00" +
		"5b" +
		"6308c379a0" + "60e01b" + "600052" +
		"6020" + "600452" +
		"6004" + "602452" +
		"636e6f7065" + "60e01b" + "604452" +
		"6064" + "6000" + "fd")

var reverterAddr = common.HexToAddress("0x000000000000000000000000000000000000c0de")

// nopeRevertData is the ABI encoding of Error("nope").
var nopeRevertData = common.FromHex(
	"08c379a0" +
		"0000000000000000000000000000000000000000000000000000000000000020" +
		"0000000000000000000000000000000000000000000000000000000000000004" +
		"6e6f706500000000000000000000000000000000000000000000000000000000")

type testEnv struct {
	backend *simulated.Backend
	client  simulated.Client
	keys    []*ecdsa.PrivateKey

	mu     sync.Mutex // held while committing, so pause() waits out a Commit in progress
	paused bool
}

// newTestEnv starts a simulated chain with n funded keys and the reverter
// contract, and a goroutine committing a block every 50ms.
func newTestEnv(t *testing.T, n int) *testEnv {
	t.Helper()
	return newTestEnvEvery(t, n, 50*time.Millisecond)
}

// newTestEnvEvery is newTestEnv committing a block every interval.
func newTestEnvEvery(t testing.TB, n int, interval time.Duration) *testEnv {
	t.Helper()
	env := &testEnv{}
	alloc := types.GenesisAlloc{reverterAddr: {Code: reverterCode, Balance: new(big.Int)}}
	funds := new(big.Int).Mul(big.NewInt(1000), big.NewInt(1e18))
	for range n {
		k, err := crypto.GenerateKey()
		if err != nil {
			t.Fatal(err)
		}
		env.keys = append(env.keys, k)
		alloc[crypto.PubkeyToAddress(k.PublicKey)] = types.Account{Balance: funds}
	}
	env.backend = simulated.NewBackend(alloc)
	env.client = env.backend.Client()

	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(interval)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
			}
			env.mu.Lock()
			if !env.paused {
				env.backend.Commit()
			}
			env.mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		close(stop)
		<-done
		if err := env.backend.Close(); err != nil {
			t.Errorf("closing backend: %v", err)
		}
	})
	return env
}

func (e *testEnv) pause() {
	e.mu.Lock()
	e.paused = true
	e.mu.Unlock()
}

func (e *testEnv) resume() {
	e.mu.Lock()
	e.paused = false
	e.mu.Unlock()
}

func testConfig() Config {
	return Config{ReceiptPollInterval: 20 * time.Millisecond, ResubmitAfter: 10 * time.Second}
}

// newTestManager builds a Manager whose logs are observed; at cleanup it
// fails the test if the private key shows up in any log entry.
func newTestManager(t *testing.T, env *testEnv, key *ecdsa.PrivateKey, cfg Config) (*Manager, *observer.ObservedLogs) {
	t.Helper()
	core, logs := observer.New(zapcore.DebugLevel)
	m, err := New(t.Context(), env.client, key, cfg, zap.New(core))
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	keyHex := hexutil.Encode(crypto.FromECDSA(key))[2:]
	t.Cleanup(func() {
		for _, e := range logs.All() {
			line := strings.ToLower(fmt.Sprint(e.Message, e.ContextMap()))
			if strings.Contains(line, keyHex) {
				t.Errorf("private key logged: %q", e.Message)
			}
		}
	})
	return m, logs
}

func waitCtx(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(t.Context(), 20*time.Second)
	t.Cleanup(cancel)
	return ctx
}

func TestNewConfig(t *testing.T) {
	env := newTestEnv(t, 1)
	m, _ := newTestManager(t, env, env.keys[0], Config{})
	if m.chainID.Cmp(big.NewInt(1337)) != 0 {
		t.Errorf("chain id from client = %v, want 1337", m.chainID)
	}
	if m.cfg.GasLimitMultiplier != 1.2 || m.cfg.ReceiptPollInterval != time.Second ||
		m.cfg.ResubmitAfter != 30*time.Second || m.cfg.FeeBumpPercent != 15 || m.cfg.Confirmations != 0 {
		t.Errorf("defaults not applied: %+v", m.cfg)
	}
	if m.From() != crypto.PubkeyToAddress(env.keys[0].PublicKey) {
		t.Errorf("From = %s", m.From())
	}
	if _, err := New(t.Context(), env.client, env.keys[0], Config{FeeBumpPercent: 5}, nil); err == nil {
		t.Error("FeeBumpPercent 5 accepted; geth would reject such replacements")
	}
	if _, err := New(t.Context(), env.client, env.keys[0], Config{GasLimitMultiplier: 0.5}, nil); err == nil {
		t.Error("GasLimitMultiplier 0.5 accepted")
	}
	if _, err := New(t.Context(), env.client, nil, Config{}, nil); err == nil {
		t.Error("nil key accepted")
	}
}

func TestSendAndWaitValueTransfer(t *testing.T) {
	env := newTestEnv(t, 1)
	ctx := waitCtx(t)
	cfg := testConfig()
	cfg.Confirmations = 3
	m, _ := newTestManager(t, env, env.keys[0], cfg)

	to := common.HexToAddress("0x1111111111111111111111111111111111111111")
	value := big.NewInt(123456789)
	before, err := m.Balance(ctx)
	if err != nil {
		t.Fatal(err)
	}
	tx, err := m.Send(ctx, Candidate{To: to, Value: value})
	if err != nil {
		t.Fatalf("Send: %v", err)
	}
	if tx.Type() != types.DynamicFeeTxType || tx.Nonce() != 0 || *tx.To() != to {
		t.Fatalf("unexpected tx: type %d nonce %d to %s", tx.Type(), tx.Nonce(), tx.To())
	}
	// 21000 estimated, times 1.2.
	if tx.Gas() != 25200 {
		t.Errorf("gas limit = %d, want 25200", tx.Gas())
	}
	rcpt, err := m.WaitMined(ctx, tx)
	if err != nil {
		t.Fatalf("WaitMined: %v", err)
	}
	if rcpt.Status != types.ReceiptStatusSuccessful || rcpt.TxHash != tx.Hash() {
		t.Fatalf("receipt status %d hash %s", rcpt.Status, rcpt.TxHash)
	}
	head, err := env.client.HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if head.Number.Uint64() < rcpt.BlockNumber.Uint64()+3 {
		t.Errorf("returned at head %d, before 3 confirmations of block %d", head.Number, rcpt.BlockNumber)
	}
	got, err := env.client.BalanceAt(ctx, to, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got.Cmp(value) != 0 {
		t.Errorf("recipient balance = %v, want %v", got, value)
	}
	after, err := m.Balance(ctx)
	if err != nil {
		t.Fatal(err)
	}
	spent := new(big.Int).Sub(before, after)
	fee := new(big.Int).Mul(rcpt.EffectiveGasPrice, new(big.Int).SetUint64(rcpt.GasUsed))
	if want := new(big.Int).Add(value, fee); spent.Cmp(want) != 0 {
		t.Errorf("sender spent %v, want value+fee %v", spent, want)
	}

	// SendAndWait uses the next nonce.
	rcpt2, err := m.SendAndWait(ctx, Candidate{To: to, Value: value})
	if err != nil {
		t.Fatalf("SendAndWait: %v", err)
	}
	tx2, _, err := env.client.TransactionByHash(ctx, rcpt2.TxHash)
	if err != nil {
		t.Fatal(err)
	}
	if tx2.Nonce() != 1 {
		t.Errorf("second tx nonce = %d, want 1", tx2.Nonce())
	}
}

func TestSimulateRevert(t *testing.T) {
	env := newTestEnv(t, 1)
	ctx := waitCtx(t)
	m, _ := newTestManager(t, env, env.keys[0], testConfig())

	if err := m.Simulate(ctx, Candidate{To: reverterAddr, Data: []byte{0x00}}); err != nil {
		t.Fatalf("Simulate of non-reverting call: %v", err)
	}
	err := m.Simulate(ctx, Candidate{To: reverterAddr, Data: []byte{0x01}})
	var rerr *RevertError
	if !errors.As(err, &rerr) {
		t.Fatalf("Simulate error = %v (%T), want *RevertError", err, err)
	}
	if rerr.Reason != "nope" {
		t.Errorf("Reason = %q, want %q", rerr.Reason, "nope")
	}
	if !slices.Equal(rerr.Data, nopeRevertData) {
		t.Errorf("Data = %x, want %x", rerr.Data, nopeRevertData)
	}
	if rerr.Error() != "execution reverted: nope" {
		t.Errorf("Error() = %q", rerr.Error())
	}

	before, err := env.client.PendingNonceAt(ctx, m.From())
	if err != nil {
		t.Fatal(err)
	}
	// Without and with an explicit gas limit (the latter skips estimation,
	// so only the simulation stands between the call and the chain).
	for _, gas := range []uint64{0, 100_000} {
		tx, err := m.Send(ctx, Candidate{To: reverterAddr, Data: []byte{0x01}, GasLimit: gas})
		if tx != nil || !errors.As(err, &rerr) || rerr.Reason != "nope" {
			t.Fatalf("Send of reverting call (gas %d) = (%v, %v), want wrapped RevertError", gas, tx, err)
		}
	}
	time.Sleep(150 * time.Millisecond) // let a couple of blocks be mined
	after, err := env.client.PendingNonceAt(ctx, m.From())
	if err != nil {
		t.Fatal(err)
	}
	if after != before {
		t.Errorf("pending nonce moved from %d to %d: something was broadcast", before, after)
	}
	m.nonceMu.Lock()
	known := m.nonceKnown
	m.nonceMu.Unlock()
	if known {
		t.Error("nonce counter initialised although nothing was sent")
	}

	// The contract's success path is sendable.
	rcpt, err := m.SendAndWait(ctx, Candidate{To: reverterAddr, Data: []byte{0x02}})
	if err != nil || rcpt.Status != types.ReceiptStatusSuccessful {
		t.Fatalf("SendAndWait non-reverting call: %v", err)
	}
}

func TestRevertReasonDecoding(t *testing.T) {
	panicData := common.FromHex("4e487b71" + "0000000000000000000000000000000000000000000000000000000000000011")
	custom := common.FromHex("deadbeef" + "0000000000000000000000000000000000000000000000000000000000000007")
	for _, tc := range []struct {
		name   string
		data   []byte
		reason string
	}{
		{"error string", nopeRevertData, "nope"},
		{"panic", panicData, "panic 0x11: arithmetic underflow or overflow"},
		{"custom error", custom, "0xdeadbeef"},
		{"empty", nil, ""},
		{"short", []byte{0xab}, "0xab"},
		{"malformed Error(string)", common.FromHex("08c379a0ff"), "0x08c379a0"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := newRevertError(tc.data)
			if r.Reason != tc.reason {
				t.Errorf("Reason = %q, want %q", r.Reason, tc.reason)
			}
			if !slices.Equal(r.Data, tc.data) {
				t.Errorf("Data = %x, want %x", r.Data, tc.data)
			}
		})
	}
	if got := (&RevertError{}).Error(); got != "execution reverted" {
		t.Errorf("empty RevertError.Error() = %q", got)
	}
	if asRevertError(errors.New("connection refused")) != nil {
		t.Error("plain error classified as revert")
	}
}

func TestConcurrentSends(t *testing.T) {
	env := newTestEnv(t, 1)
	ctx := waitCtx(t)
	m, _ := newTestManager(t, env, env.keys[0], testConfig())
	to := common.HexToAddress("0x2222222222222222222222222222222222222222")

	const n = 20
	txs := make([]*types.Transaction, n)
	rcpts := make([]*types.Receipt, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			tx, err := m.Send(ctx, Candidate{To: to, Value: big.NewInt(1)})
			if err != nil {
				errs[i] = fmt.Errorf("send: %w", err)
				return
			}
			txs[i] = tx
			rcpts[i], errs[i] = m.WaitMined(ctx, tx)
		})
	}
	wg.Wait()
	var nonces []uint64
	for i := range n {
		if errs[i] != nil {
			t.Fatalf("sender %d: %v", i, errs[i])
		}
		if rcpts[i].Status != types.ReceiptStatusSuccessful {
			t.Errorf("sender %d: status %d", i, rcpts[i].Status)
		}
		nonces = append(nonces, txs[i].Nonce())
	}
	slices.Sort(nonces)
	for i, nonce := range nonces {
		if nonce != uint64(i) {
			t.Fatalf("nonces = %v, want 0..%d each once", nonces, n-1)
		}
	}
	// Read the balance at the last receipt's block: a receipt can be visible
	// a moment before the simulated chain's head moves to its block.
	var last uint64
	for _, r := range rcpts {
		last = max(last, r.BlockNumber.Uint64())
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		h, err := env.client.HeaderByNumber(ctx, nil)
		if err == nil && h.Number.Uint64() >= last {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("head never reached block %d of the last receipt (%v)", last, err)
		}
		time.Sleep(10 * time.Millisecond)
	}
	bal, err := env.client.BalanceAt(ctx, to, new(big.Int).SetUint64(last))
	if err != nil {
		t.Fatal(err)
	}
	if bal.Int64() != n {
		t.Errorf("recipient balance = %v at block %d, want %d", bal, last, n)
	}
}

func TestWaitMinedReverted(t *testing.T) {
	env := newTestEnv(t, 1)
	ctx := waitCtx(t)
	m, _ := newTestManager(t, env, env.keys[0], testConfig())

	// Send's own pricing/nonce/signing path, minus the simulation that would
	// (correctly) refuse this call; the explicit gas limit skips estimation,
	// which would revert too.
	tx, err := m.send(ctx, Candidate{To: reverterAddr, Data: []byte{0x01}, GasLimit: 100_000})
	if err != nil {
		t.Fatalf("send: %v", err)
	}
	rcpt, err := m.WaitMined(ctx, tx)
	if !errors.Is(err, ErrReverted) {
		t.Fatalf("WaitMined error = %v, want ErrReverted", err)
	}
	if !strings.Contains(err.Error(), tx.Hash().Hex()) {
		t.Errorf("error %q does not name the tx hash", err)
	}
	if rcpt == nil || rcpt.Status != types.ReceiptStatusFailed || rcpt.TxHash != tx.Hash() {
		t.Fatalf("receipt = %+v, want the failed receipt", rcpt)
	}

	// The nonce was consumed: the next send uses nonce 1.
	rcpt, err = m.SendAndWait(ctx, Candidate{To: reverterAddr})
	if err != nil {
		t.Fatal(err)
	}
	next, _, err := env.client.TransactionByHash(ctx, rcpt.TxHash)
	if err != nil {
		t.Fatal(err)
	}
	if next.Nonce() != 1 {
		t.Errorf("nonce after reverted tx = %d, want 1", next.Nonce())
	}
}

func TestFeeBumpReplacement(t *testing.T) {
	env := newTestEnv(t, 1)
	ctx := waitCtx(t)
	cfg := testConfig()
	cfg.ResubmitAfter = 100 * time.Millisecond
	m, logs := newTestManager(t, env, env.keys[0], cfg)
	to := common.HexToAddress("0x3333333333333333333333333333333333333333")

	env.pause()
	orig, err := m.Send(ctx, Candidate{To: to, Value: big.NewInt(7)})
	if err != nil {
		t.Fatalf("Send: %v", err)
	}

	// Nothing is mined while paused: a short wait gives up with ctx's error
	// (after bumping at least once, since ResubmitAfter is shorter).
	shortCtx, cancel := context.WithTimeout(ctx, 350*time.Millisecond)
	_, err = m.WaitMined(shortCtx, orig)
	cancel()
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("WaitMined with nothing mined = %v, want deadline exceeded", err)
	}
	bumps := logs.FilterMessage("transaction fee bumped")
	if bumps.Len() < 1 {
		t.Fatal("no fee bump while waiting")
	}

	// A second wait on the same original tx carries on from the latest bump
	// (a fresh bump from the original fees would be rejected as underpriced).
	type result struct {
		rcpt *types.Receipt
		err  error
	}
	res := make(chan result, 1)
	go func() {
		r, err := m.WaitMined(ctx, orig)
		res <- result{r, err}
	}()
	deadline := time.Now().Add(30 * time.Second)
	for bumps.Len() < 3 {
		if time.Now().After(deadline) {
			t.Fatalf("only %d fee bumps", bumps.Len())
		}
		time.Sleep(20 * time.Millisecond)
		bumps = logs.FilterMessage("transaction fee bumped")
	}
	for _, e := range logs.FilterMessage("resubmitting bumped tx failed").All() {
		t.Errorf("replacement rejected by the pool: %v", e.ContextMap())
	}
	env.resume()

	r := <-res
	if r.err != nil {
		t.Fatalf("WaitMined: %v", r.err)
	}
	if r.rcpt.Status != types.ReceiptStatusSuccessful {
		t.Fatalf("status %d", r.rcpt.Status)
	}
	if r.rcpt.TxHash == orig.Hash() {
		t.Fatal("original tx mined, not a replacement")
	}
	mined, _, err := env.client.TransactionByHash(ctx, r.rcpt.TxHash)
	if err != nil {
		t.Fatal(err)
	}
	if mined.Nonce() != orig.Nonce() {
		t.Errorf("mined nonce %d, original %d", mined.Nonce(), orig.Nonce())
	}
	if mined.GasFeeCap().Cmp(orig.GasFeeCap()) <= 0 || mined.GasTipCap().Cmp(orig.GasTipCap()) <= 0 {
		t.Errorf("mined fees (tip %v, cap %v) not above original (tip %v, cap %v)",
			mined.GasTipCap(), mined.GasFeeCap(), orig.GasTipCap(), orig.GasFeeCap())
	}
	// Each bump raises both fees by at least FeeBumpPercent.
	if min := bumpPercent(orig.GasFeeCap(), cfg.FeeBumpPercent); mined.GasFeeCap().Cmp(min) < 0 {
		t.Errorf("mined fee cap %v below one bump over original (%v)", mined.GasFeeCap(), min)
	}
	// The backend's indexer may still be catching up ("transaction indexing
	// is in progress"); only not found answers the question.
	for {
		_, err := env.client.TransactionReceipt(ctx, orig.Hash())
		if err != nil && strings.Contains(err.Error(), "indexing is in progress") && ctx.Err() == nil {
			time.Sleep(20 * time.Millisecond)
			continue
		}
		if !errors.Is(err, ethereum.NotFound) {
			t.Errorf("original tx receipt lookup = %v, want not found", err)
		}
		break
	}
	bal, err := env.client.BalanceAt(ctx, to, nil)
	if err != nil {
		t.Fatal(err)
	}
	if bal.Int64() != 7 {
		t.Errorf("recipient balance %v, want 7 (exactly one version mined)", bal)
	}
}

func TestMaxFeePerGasTooLow(t *testing.T) {
	env := newTestEnv(t, 1)
	ctx := waitCtx(t)
	cfg := testConfig()
	cfg.MaxFeePerGas = big.NewInt(1) // below any base fee + tip
	m, _ := newTestManager(t, env, env.keys[0], cfg)
	_, err := m.Send(ctx, Candidate{To: common.Address{1}, Value: big.NewInt(1)})
	if !errors.Is(err, ErrFeeCapExceeded) {
		t.Fatalf("Send = %v, want ErrFeeCapExceeded", err)
	}

	// A generous cap is applied as is when 2*baseFee+tip exceeds it.
	head, err := env.client.HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	tip, err := env.client.SuggestGasTipCap(ctx)
	if err != nil {
		t.Fatal(err)
	}
	capFee := new(big.Int).Add(head.BaseFee, tip)
	capFee.Add(capFee, big.NewInt(1)) // between baseFee+tip and 2*baseFee+tip
	cfg.MaxFeePerGas = capFee
	m2, _ := newTestManager(t, env, env.keys[0], cfg)
	tx, err := m2.Send(ctx, Candidate{To: common.Address{1}, Value: big.NewInt(1)})
	if err != nil {
		t.Fatalf("Send under cap: %v", err)
	}
	if tx.GasFeeCap().Cmp(capFee) > 0 {
		t.Errorf("fee cap %v above MaxFeePerGas %v", tx.GasFeeCap(), capFee)
	}
	if _, err := m2.WaitMined(ctx, tx); err != nil {
		t.Fatal(err)
	}
}

func TestNonceResyncAfterExternalTx(t *testing.T) {
	env := newTestEnv(t, 1)
	ctx := waitCtx(t)
	key := env.keys[0]
	m, logs := newTestManager(t, env, key, testConfig())
	to := common.HexToAddress("0x4444444444444444444444444444444444444444")

	if _, err := m.SendAndWait(ctx, Candidate{To: to, Value: big.NewInt(1)}); err != nil {
		t.Fatal(err)
	}
	// The manager's counter is now 1. Spend nonce 1 outside the manager.
	external := func(nonce uint64, tip, feeCap *big.Int) *types.Transaction {
		tx, err := types.SignNewTx(key, types.LatestSignerForChainID(big.NewInt(1337)), &types.DynamicFeeTx{
			ChainID: big.NewInt(1337), Nonce: nonce, GasTipCap: tip, GasFeeCap: feeCap,
			Gas: 21000, To: &to, Value: big.NewInt(1),
		})
		if err != nil {
			t.Fatal(err)
		}
		if err := env.client.SendTransaction(ctx, tx); err != nil {
			t.Fatalf("external send: %v", err)
		}
		return tx
	}
	gwei := big.NewInt(1e9)
	ext := external(1, gwei, new(big.Int).Mul(gwei, big.NewInt(10)))
	waitReceipt(ctx, t, env, ext.Hash())

	tx, err := m.Send(ctx, Candidate{To: to, Value: big.NewInt(1)})
	if err != nil {
		t.Fatalf("Send after external tx: %v", err)
	}
	if tx.Nonce() != 2 {
		t.Fatalf("nonce = %d, want 2 after resync", tx.Nonce())
	}
	if logs.FilterMessage("nonce rejected, resyncing from chain").Len() == 0 {
		t.Error("no resync logged")
	}
	if _, err := m.WaitMined(ctx, tx); err != nil {
		t.Fatal(err)
	}

	// An external tx still pending in the pool at the manager's next nonce
	// (priced so the manager's tx cannot replace it): the manager moves past it.
	env.pause()
	ext = external(3, new(big.Int).Mul(gwei, big.NewInt(50)), new(big.Int).Mul(gwei, big.NewInt(100)))
	tx, err = m.Send(ctx, Candidate{To: to, Value: big.NewInt(1)})
	if err != nil {
		t.Fatalf("Send with external tx pending: %v", err)
	}
	if tx.Nonce() != 4 {
		t.Fatalf("nonce = %d, want 4 (3 is pending externally)", tx.Nonce())
	}
	env.resume()
	if _, err := m.WaitMined(ctx, tx); err != nil {
		t.Fatal(err)
	}
	waitReceipt(ctx, t, env, ext.Hash())
}

func waitReceipt(ctx context.Context, t *testing.T, env *testEnv, h common.Hash) *types.Receipt {
	t.Helper()
	for {
		r, err := env.client.TransactionReceipt(ctx, h)
		if err == nil {
			return r
		}
		if ctx.Err() != nil {
			t.Fatalf("no receipt for %s: %v", h, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestWaitMinedNonceConsumed(t *testing.T) {
	env := newTestEnv(t, 1)
	ctx := waitCtx(t)
	key := env.keys[0]
	cfg := testConfig()
	cfg.ResubmitAfter = 100 * time.Millisecond
	m, _ := newTestManager(t, env, key, cfg)
	to := common.HexToAddress("0x5555555555555555555555555555555555555555")

	env.pause()
	tx, err := m.Send(ctx, Candidate{To: to, Value: big.NewInt(1)})
	if err != nil {
		t.Fatal(err)
	}
	// The same key replaces it outside the manager with far higher fees.
	gwei := big.NewInt(1e9)
	ext, err := types.SignNewTx(key, types.LatestSignerForChainID(big.NewInt(1337)), &types.DynamicFeeTx{
		ChainID: big.NewInt(1337), Nonce: tx.Nonce(),
		GasTipCap: new(big.Int).Mul(gwei, big.NewInt(50)), GasFeeCap: new(big.Int).Mul(gwei, big.NewInt(100)),
		Gas: 21000, To: &to, Value: big.NewInt(2),
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := env.client.SendTransaction(ctx, ext); err != nil {
		t.Fatalf("external replacement: %v", err)
	}
	env.resume()

	_, err = m.WaitMined(ctx, tx)
	if !errors.Is(err, ErrNonceConsumed) {
		t.Fatalf("WaitMined = %v, want ErrNonceConsumed", err)
	}
	if r := waitReceipt(ctx, t, env, ext.Hash()); r.Status != types.ReceiptStatusSuccessful {
		t.Fatalf("external tx status %d", r.Status)
	}
}
