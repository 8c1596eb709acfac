package l1quorum_test

import (
	"context"
	"errors"
	"math/big"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/prometheus/client_golang/prometheus"
	"go.uber.org/zap/zaptest"

	"github.com/watchtower-l2/watchtower/alerts"
	"github.com/watchtower-l2/watchtower/internal/testutil/anviltest"
	"github.com/watchtower-l2/watchtower/watcher/l1quorum"
	"github.com/watchtower-l2/watchtower/watcher/metrics"
)

func dial(t *testing.T, rawURL string) *ethclient.Client {
	t.Helper()
	c, err := ethclient.Dial(rawURL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	return c
}

// recordingSink keeps the alerts it is given.
type recordingSink struct {
	mu  sync.Mutex
	got []alerts.Alert
}

func (s *recordingSink) Notify(_ context.Context, a alerts.Alert) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.got = append(s.got, a)
	return nil
}

func (s *recordingSink) alerts() []alerts.Alert {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]alerts.Alert(nil), s.got...)
}

type fixture struct {
	node    *anviltest.Node
	proxies []*proxy
	c       *l1quorum.Client
	reg     *prometheus.Registry
	sink    *recordingSink
	srcs    []l1quorum.Source
}

// setup starts anvil with a few blocks and a client over anvil itself and
// one proxy per mode; names are "anvil", "proxy1", "proxy2"...
func setup(t *testing.T, k int, modes ...int32) *fixture {
	t.Helper()
	return setupWith(t, l1quorum.Config{Quorum: k, MaxLag: 2, CallTimeout: 20 * time.Second}, modes...)
}

func setupWith(t *testing.T, cfg l1quorum.Config, modes ...int32) *fixture {
	t.Helper()
	node := anviltest.Start(t)
	for range 6 {
		node.Mine(t)
	}
	srcs := []l1quorum.Source{{Name: "anvil", Node: dial(t, node.URL)}}
	var proxies []*proxy
	for i, m := range modes {
		p := newProxy(t, node.URL, m)
		proxies = append(proxies, p)
		srcs = append(srcs, l1quorum.Source{Name: "proxy" + strconv.Itoa(i+1), Node: dial(t, p.srv.URL)})
	}
	reg := prometheus.NewRegistry()
	m, err := metrics.New(reg)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Reporter = m
	c, err := l1quorum.New(srcs, cfg, zaptest.NewLogger(t))
	if err != nil {
		t.Fatal(err)
	}
	sink := &recordingSink{}
	c.AlertTo(sink, anviltest.ChainID, "test")
	t.Cleanup(c.Close)
	return &fixture{node: node, proxies: proxies, c: c, reg: reg, sink: sink, srcs: srcs}
}

func ctxT(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// series reads the value of a metric series from the registry (-1: absent).
func (f *fixture) series(t *testing.T, name string, labels map[string]string) float64 {
	t.Helper()
	fams, err := f.reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, fam := range fams {
		if fam.GetName() != name {
			continue
		}
	next:
		for _, m := range fam.GetMetric() {
			for _, lp := range m.GetLabel() {
				if v, ok := labels[lp.GetName()]; ok && v != lp.GetValue() {
					continue next
				}
			}
			if m.Gauge != nil {
				return m.GetGauge().GetValue()
			}
			return m.GetCounter().GetValue()
		}
	}
	return -1
}

func (f *fixture) state(name string) l1quorum.State {
	for _, s := range f.c.Sources() {
		if s.Name == name {
			return s.State
		}
	}
	return ""
}

// waitFor polls cond until it holds or the deadline passes.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestLyingSourceOutvoted: with 2 of 3 honest, the forged log, the forged
// block hash and the forged call result never come out, and the liar is
// reported (state, counter, alert) while the tower stays ready.
func TestLyingSourceOutvoted(t *testing.T) {
	f := setup(t, 2, honest, lying)
	ctx := ctxT(t)
	logs, err := f.c.FilterLogs(ctx, ethereum.FilterQuery{FromBlock: big.NewInt(0), ToBlock: big.NewInt(6)})
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range logs {
		if l.Address == forgedContract {
			t.Fatalf("the forged log came out: %+v", l)
		}
	}
	// The liar did answer with the forged log: the proxy is really lying.
	liar := f.srcs[2].Node
	raw, err := liar.FilterLogs(ctx, ethereum.FilterQuery{FromBlock: big.NewInt(0), ToBlock: big.NewInt(6)})
	if err != nil || len(raw) != len(logs)+1 || raw[len(raw)-1].Address != forgedContract {
		t.Fatalf("the lying proxy does not lie: %d logs, %v", len(raw), err)
	}
	if got := f.state("proxy2"); got != l1quorum.Disagreeing {
		t.Fatalf("liar state %q, want disagreeing", got)
	}

	want, err := f.node.Client.HeaderByNumber(ctx, big.NewInt(4))
	if err != nil {
		t.Fatal(err)
	}
	h, err := f.c.HeaderByNumber(ctx, big.NewInt(4))
	if err != nil {
		t.Fatal(err)
	}
	if h.Hash() != want.Hash() {
		t.Fatalf("agreed header %s, anvil's %s", h.Hash(), want.Hash())
	}
	head, err := f.c.HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if realHead, _ := f.node.Client.HeaderByNumber(ctx, nil); head.Hash() != realHead.Hash() {
		t.Fatalf("agreed head %d %s, anvil's %d %s", head.Number, head.Hash(), realHead.Number, realHead.Hash())
	}
	to := common.HexToAddress("0x1234")
	out, err := f.c.CallContract(ctx, ethereum.CallMsg{To: &to}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 0 {
		t.Fatalf("eth_call returned the liar's %x", out)
	}

	if v := f.series(t, "watchtower_l1_source_disagreements_total", map[string]string{"source": "proxy2"}); v < 3 {
		t.Fatalf("disagreements counted for the liar: %v, want at least 3", v)
	}
	if v := f.series(t, "watchtower_l1_source_state", map[string]string{"source": "proxy2", "state": "disagreeing"}); v != 1 {
		t.Fatalf("liar state series: %v", v)
	}
	if v := f.series(t, "watchtower_l1_source_state", map[string]string{"source": "proxy2", "state": "healthy"}); v != 0 {
		t.Fatalf("liar healthy series: %v, want 0", v)
	}
	if v := f.series(t, "watchtower_l1_source_disagreements_total", map[string]string{"source": "anvil"}); v > 0 {
		t.Fatalf("the honest source was counted as disagreeing: %v", v)
	}
	waitFor(t, "the disagreement alert", func() bool {
		for _, a := range f.sink.alerts() {
			if a.Subject == "proxy2" && a.Severity == alerts.Warning && a.State == alerts.StateDetected {
				return true
			}
		}
		return false
	})
	if err := f.c.Ready(ctx); err != nil {
		t.Fatalf("2 of 3 healthy with quorum 2 is ready: %v", err)
	}
}

// TestDisagreeingSourceRecovers: a liar that turns honest is healthy again
// once the disagreement hold has passed, and its alert is resolved.
func TestDisagreeingSourceRecovers(t *testing.T) {
	f := setupWith(t, l1quorum.Config{Quorum: 2, DisagreementHold: time.Millisecond}, honest, lying)
	ctx := ctxT(t)
	q := ethereum.FilterQuery{FromBlock: big.NewInt(0), ToBlock: big.NewInt(6)}
	if _, err := f.c.FilterLogs(ctx, q); err != nil {
		t.Fatal(err)
	}
	if got := f.state("proxy2"); got != l1quorum.Disagreeing {
		t.Fatalf("liar state %q", got)
	}
	f.proxies[1].mode.Store(honest)
	waitFor(t, "the former liar to be healthy", func() bool {
		if _, err := f.c.FilterLogs(ctx, q); err != nil {
			t.Fatal(err)
		}
		return f.state("proxy2") == l1quorum.Healthy
	})
	waitFor(t, "the alert to be resolved", func() bool {
		for _, a := range f.sink.alerts() {
			if a.Subject == "proxy2" && a.State == alerts.StateResolved {
				return true
			}
		}
		return false
	})
}

// TestConcurrentReadsAtLatest: head reads and calls at the latest block
// made at once (they share agreed-head reads) all get the chain's head.
func TestConcurrentReadsAtLatest(t *testing.T) {
	f := setup(t, 2, honest, lying)
	ctx := ctxT(t)
	want, err := f.node.Client.HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	to := common.HexToAddress("0x1234")
	var wg sync.WaitGroup
	errs := make(chan error, 40)
	for i := range 40 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if i%2 == 0 {
				h, err := f.c.HeaderByNumber(ctx, nil)
				if err == nil && h.Hash() != want.Hash() {
					err = errors.New("head " + h.Hash().Hex() + " is not the chain's")
				}
				errs <- err
				return
			}
			out, err := f.c.CallContract(ctx, ethereum.CallMsg{To: &to}, nil)
			if err == nil && len(out) != 0 {
				err = errors.New("the liar's call result came out")
			}
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
}

// TestHonestMinorityActsOnNothing: one honest source left of three (one
// lies, one is down): every evidence read fails with ErrNoQuorum, the
// forged log never comes out, and the client is not ready.
func TestHonestMinorityActsOnNothing(t *testing.T) {
	f := setup(t, 2, lying, failing)
	ctx := ctxT(t)
	logs, err := f.c.FilterLogs(ctx, ethereum.FilterQuery{FromBlock: big.NewInt(0), ToBlock: big.NewInt(6)})
	if !errors.Is(err, l1quorum.ErrNoQuorum) || logs != nil {
		t.Fatalf("FilterLogs: %d logs, error %v; want none and ErrNoQuorum", len(logs), err)
	}
	if !strings.Contains(err.Error(), "proxy2 failed") || !strings.Contains(err.Error(), "quorum 2 of 3") {
		t.Fatalf("the error does not say which source failed and what quorum is missing: %v", err)
	}
	if _, err := f.c.HeaderByNumber(ctx, nil); !errors.Is(err, l1quorum.ErrNoQuorum) {
		t.Fatalf("head: %v, want ErrNoQuorum", err)
	}
	if _, err := f.c.HeaderByNumber(ctx, big.NewInt(3)); !errors.Is(err, l1quorum.ErrNoQuorum) {
		t.Fatalf("header 3: %v, want ErrNoQuorum", err)
	}
	if got := f.state("proxy2"); got != l1quorum.Erroring {
		t.Fatalf("down source state %q, want erroring", got)
	}
	if err := f.c.Ready(ctx); err == nil {
		t.Fatal("ready without a quorum")
	}
	// A broadcast needs one source only.
	key := f.node.Key(t, 0)
	nonce, err := f.c.PendingNonceAt(ctx, common.HexToAddress("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"))
	if err != nil {
		t.Fatal(err)
	}
	tx, err := types.SignTx(types.NewTx(&types.DynamicFeeTx{ChainID: big.NewInt(anviltest.ChainID), Nonce: nonce, GasTipCap: big.NewInt(1e9),
		GasFeeCap: big.NewInt(100e9), Gas: 21000, To: &common.Address{1}, Value: big.NewInt(1)}), types.LatestSignerForChainID(big.NewInt(anviltest.ChainID)), key)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.c.SendTransaction(ctx, tx); err != nil {
		t.Fatalf("broadcast through the healthy sources: %v", err)
	}
	if _, err := f.node.Client.TransactionReceipt(ctx, tx.Hash()); err != nil {
		waitFor(t, "the transaction to be mined", func() bool {
			_, err := f.node.Client.TransactionReceipt(ctx, tx.Hash())
			return err == nil
		})
	}
	if rcpt, err := f.c.TransactionReceipt(ctx, tx.Hash()); err != nil || rcpt.Status != types.ReceiptStatusSuccessful {
		t.Fatalf("receipt through the client: %v %v", rcpt, err)
	}
}

// TestLaggingSourceReported: a source whose head trails by more than
// max_source_lag is reported lagging, and the agreed head is the others'.
func TestLaggingSourceReported(t *testing.T) {
	f := setup(t, 2, honest, lagging)
	ctx := ctxT(t)
	head, err := f.c.HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if realHead, _ := f.node.Client.HeaderByNumber(ctx, nil); head.Number.Cmp(realHead.Number) != 0 {
		t.Fatalf("agreed head %d, anvil's %d", head.Number, realHead.Number)
	}
	if got := f.state("proxy2"); got != l1quorum.Lagging {
		t.Fatalf("lagging source state %q (%+v)", got, f.c.Sources())
	}
	if v := f.series(t, "watchtower_l1_source_state", map[string]string{"source": "proxy2", "state": "lagging"}); v != 1 {
		t.Fatalf("lagging series %v", v)
	}
	if v := f.series(t, "watchtower_l1_source_disagreements_total", map[string]string{"source": "proxy2"}); v > 0 {
		t.Fatalf("a lagging source was counted as disagreeing: %v", v)
	}
	if err := f.c.Ready(ctx); err != nil {
		t.Fatal(err)
	}
}

// TestHeadSubscriptionEmitsAgreedHeads: three websocket subscriptions to
// the same chain give each new head once, with the chain's hash.
func TestHeadSubscriptionEmitsAgreedHeads(t *testing.T) {
	node := anviltest.Start(t)
	var srcs []l1quorum.Source
	for i := range 3 {
		srcs = append(srcs, l1quorum.Source{Name: "ws" + strconv.Itoa(i), Node: dial(t, node.WSURL)})
	}
	c, err := l1quorum.New(srcs, l1quorum.Config{}, zaptest.NewLogger(t))
	if err != nil {
		t.Fatal(err)
	}
	ctx := ctxT(t)
	ch := make(chan *types.Header, 64)
	sub, err := c.SubscribeNewHead(ctx, ch)
	if err != nil {
		t.Fatal(err)
	}
	defer sub.Unsubscribe()
	var last uint64
	for range 3 {
		node.Mine(t)
		realHead, err := node.Client.HeaderByNumber(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		for last < realHead.Number.Uint64() {
			select {
			case h := <-ch:
				if h.Number.Uint64() <= last {
					t.Fatalf("head %d emitted after %d", h.Number, last)
				}
				want, err := node.Client.HeaderByNumber(ctx, h.Number)
				if err != nil || want.Hash() != h.Hash() {
					t.Fatalf("emitted head %d %s, chain has %v (%v)", h.Number, h.Hash(), want, err)
				}
				last = h.Number.Uint64()
			case err := <-sub.Err():
				t.Fatalf("subscription ended: %v", err)
			case <-ctx.Done():
				t.Fatalf("no agreed head %d", realHead.Number)
			}
		}
	}
	// Over http nothing can subscribe: the caller is told to poll.
	hc, err := l1quorum.New([]l1quorum.Source{{Name: "h1", Node: dial(t, node.URL)}, {Name: "h2", Node: dial(t, node.URL)}}, l1quorum.Config{}, zaptest.NewLogger(t))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := hc.SubscribeNewHead(ctx, ch); !errors.Is(err, l1quorum.ErrNoQuorum) || !errors.Is(err, rpc.ErrNotificationsUnsupported) {
		t.Fatalf("http subscription: %v, want ErrNoQuorum and rpc.ErrNotificationsUnsupported", err)
	}
}

func TestNewRefusesBadQuorum(t *testing.T) {
	node := dial(t, "http://127.0.0.1:1")
	srcs := []l1quorum.Source{{Name: "a", Node: node}, {Name: "b", Node: node}}
	for _, k := range []int{-1, 3} {
		if _, err := l1quorum.New(srcs, l1quorum.Config{Quorum: k}, nil); err == nil || !strings.Contains(err.Error(), "quorum") {
			t.Errorf("quorum %d of 2 accepted: %v", k, err)
		}
	}
	if _, err := l1quorum.New([]l1quorum.Source{{Name: "a", Node: node}, {Name: "a", Node: node}}, l1quorum.Config{}, nil); err == nil {
		t.Error("two sources with one name accepted")
	}
	if _, err := l1quorum.New(nil, l1quorum.Config{}, nil); err == nil {
		t.Error("no source accepted")
	}
}
