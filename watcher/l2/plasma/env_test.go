package plasma_test

import (
	"context"
	"crypto/ecdsa"
	"math/big"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/watchtower-l2/watchtower/watcher/l2"
	"github.com/watchtower-l2/watchtower/watcher/l2/channel"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/nats-io/nats.go"
	"go.uber.org/zap"
	"go.uber.org/zap/zaptest"

	"github.com/watchtower-l2/watchtower/alerts"
	"github.com/watchtower-l2/watchtower/deployments/contracts/bindings"
	"github.com/watchtower-l2/watchtower/internal/devnet"
	"github.com/watchtower-l2/watchtower/internal/plasmaop"
	"github.com/watchtower-l2/watchtower/internal/testutil/redistest"
	"github.com/watchtower-l2/watchtower/proofs/plasmatx"
	"github.com/watchtower-l2/watchtower/watcher/bus"
	"github.com/watchtower-l2/watchtower/watcher/bus/bustest"
	"github.com/watchtower-l2/watchtower/watcher/challenge"
	"github.com/watchtower-l2/watchtower/watcher/eventauth"
	"github.com/watchtower-l2/watchtower/watcher/ingest"
	"github.com/watchtower-l2/watchtower/watcher/l2/plasma"
	"github.com/watchtower-l2/watchtower/watcher/store"
	"github.com/watchtower-l2/watchtower/watcher/store/redisstore"
	"github.com/watchtower-l2/watchtower/watcher/tower"
	"github.com/watchtower-l2/watchtower/watcher/txmgr"
)

const (
	exitPeriod  = 100
	keyDeployer = 0
	keyTower    = 1
	keyOperator = 2
	firstUser   = 3
)

var bond = big.NewInt(1e16)

// env is one L1 (with both contracts), one Redis, one NATS server and a
// Plasma operator publishing on NATS and HTTP.
type env struct {
	t        *testing.T
	net      *devnet.Devnet
	adj      common.Address
	pfAddr   common.Address
	pf       *bindings.PlasmaFramework
	op       *plasmaop.Operator
	feedURL  string
	subject  string
	redisURL string
	natsURL  string
	alerts   *alerts.Recorder
	events   *eventauth.Signer // shared by every process's ingest and trusted by their verify
	next     int
	mining   bool
}

func (e *env) autoMine() {
	e.net.AutoMine(30 * time.Millisecond)
	e.mining = true
}

func newEnv(t *testing.T, users int) *env {
	t.Helper()
	_, natsURL := bustest.Start(t)
	b, err := bus.Connect(context.Background(), natsURL, bus.Options{Name: "operator"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(b.Close)
	e := newChain(t, users, b.Conn())
	e.natsURL, e.redisURL = natsURL, redistest.Start(t)
	if e.events, err = eventauth.GenerateSigner(); err != nil {
		t.Fatal(err)
	}
	return e
}

// newChain is the L1 (with both contracts) and the Plasma operator, without
// Redis or a tower; the operator publishes bodies over HTTP, and on nc too
// when it is not nil.
func newChain(t *testing.T, users int, nc *nats.Conn) *env {
	t.Helper()
	n, err := devnet.Start(devnet.Options{Accounts: firstUser + users, RPCPort: -1, WSPort: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { n.Close() })
	ctx := context.Background()
	adj, tx1, _, err := bindings.DeployChannelAdjudicator(n.Transactor(ctx, n.Keys[keyDeployer]), n.Client)
	if err != nil {
		t.Fatal(err)
	}
	auth := n.Transactor(ctx, n.Keys[keyDeployer])
	auth.Nonce = big.NewInt(1)
	pfAddr, tx2, pf, err := bindings.DeployPlasmaFramework(auth, n.Client, n.Address(keyOperator), exitPeriod, bond)
	if err != nil {
		t.Fatal(err)
	}
	n.Mine()
	// The receipt is read once the node has indexed the block ("transaction
	// indexing is in progress" until then), within a generous bound.
	wctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	for _, tx := range []*types.Transaction{tx1, tx2} {
		if _, err := n.WaitSucceeded(wctx, tx.Hash()); err != nil {
			t.Fatalf("deploy: %v", err)
		}
	}
	e := &env{t: t, net: n, adj: adj, pfAddr: pfAddr, pf: pf, alerts: &alerts.Recorder{}, next: firstUser}
	if nc != nil {
		e.subject = plasmaop.Subject(n.ChainID.Uint64(), pfAddr)
	}
	e.op, err = plasmaop.New(plasmaop.Config{Client: n.Client, ChainID: n.ChainID, Contract: pfAddr, Key: n.Keys[keyOperator], NATS: nc, Subject: e.subject})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(e.op.Handler())
	t.Cleanup(srv.Close)
	e.feedURL = srv.URL
	return e
}

func (e *env) user() *ecdsa.PrivateKey {
	k := e.net.Keys[e.next]
	e.next++
	return k
}

func addr(k *ecdsa.PrivateKey) common.Address { return crypto.PubkeyToAddress(k.PublicKey) }

func (e *env) store(t *testing.T) store.Store {
	t.Helper()
	st, err := redisstore.Open(context.Background(), e.redisURL, "wt:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// proc is one running tower process guarding the Plasma chain.
type proc struct {
	tw   *tower.Tower
	kind *plasma.Kind
	st   store.Store
	stop func()
}

func (e *env) start(t *testing.T, owner string) *proc {
	t.Helper()
	log := zaptest.NewLogger(t, zaptest.Level(zap.WarnLevel)).Named(owner)
	ctx, cancel := context.WithCancel(context.Background())
	b, err := bus.Connect(ctx, e.natsURL, bus.Options{Name: owner, Logger: log})
	if err != nil {
		t.Fatal(err)
	}
	st := e.store(t)
	tw, err := tower.New(ctx, tower.Options{
		Roles:   []string{tower.RoleIngest, tower.RoleVerify, tower.RoleChallenge},
		Owner:   owner,
		ChainID: e.net.ChainID,
		Kinds: []l2.Factory{channel.Factory(e.adj), plasma.Factory(plasma.Config{
			Contract: e.pfAddr, FeedURL: e.feedURL, FeedSubject: e.subject,
			WithholdTimeout: time.Second, NearEndBlocks: 15, Poll: 50 * time.Millisecond,
		})},
		Ingest:      ingest.Config{Confirmations: 1, StartBlock: 1, PollInterval: 20 * time.Millisecond},
		Challenge:   challenge.Config{Poll: 20 * time.Millisecond, LeaseTTL: 2 * time.Second, RetryDelay: 100 * time.Millisecond},
		TxMgr:       txmgr.Config{ReceiptPollInterval: 20 * time.Millisecond},
		EventSigner: e.events,
	}, e.net.Client, b, st, e.net.Keys[keyTower], e.alerts, log)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- tw.Run(ctx) }()
	var once sync.Once
	p := &proc{tw: tw, kind: tw.Kinds[plasma.KindName].(*plasma.Kind), st: st}
	p.stop = func() {
		once.Do(func() {
			cancel()
			if err := <-done; err != nil {
				t.Errorf("tower %s: %v", owner, err)
			}
			b.Close()
		})
	}
	t.Cleanup(p.stop)
	return p
}

func waitFor(t *testing.T, what string, timeout time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %s waiting for %s", timeout, what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (e *env) receipt(tx *types.Transaction, err error) *types.Receipt {
	e.t.Helper()
	if err != nil {
		e.t.Fatalf("send: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if !e.mining {
		e.net.Mine()
	}
	r, err := e.net.WaitSucceeded(ctx, tx.Hash())
	if err != nil {
		e.t.Fatal(err)
	}
	return r
}

func (e *env) deposit(k *ecdsa.PrivateKey, wei int64) plasmatx.Pos {
	e.t.Helper()
	o := e.net.Transactor(context.Background(), k)
	o.Value = big.NewInt(wei)
	r := e.receipt(e.pf.Deposit(o))
	for _, l := range r.Logs {
		if ev, err := e.pf.ParseDepositCreated(*l); err == nil {
			if err := e.op.SyncDeposits(context.Background()); err != nil {
				e.t.Fatal(err)
			}
			return plasmatx.NewPos(ev.Blknum.Uint64(), 0, 0)
		}
	}
	e.t.Fatal("no deposit event")
	return 0
}

// pay submits a transaction spending in (owned by from) to to, keeping the change.
func (e *env) pay(from *ecdsa.PrivateKey, in plasmatx.Pos, to common.Address, wei int64) plasmatx.Signed {
	e.t.Helper()
	out, ok := e.op.Output(in)
	if !ok {
		e.t.Fatalf("%s is not unspent", in)
	}
	tx := plasmatx.Tx{Inputs: [2]plasmatx.Pos{in, 0}, Outputs: [2]plasmatx.Output{
		{Owner: to, Amount: big.NewInt(wei)},
		{Owner: addr(from), Amount: new(big.Int).Sub(out.Amount, big.NewInt(wei))},
	}}
	s, err := plasmaop.SignTx(tx, from)
	if err != nil {
		e.t.Fatal(err)
	}
	if err := e.op.Submit(s); err != nil {
		e.t.Fatal(err)
	}
	return s
}

func (e *env) commit(opts plasmaop.CommitOptions) plasmatx.Body {
	e.t.Helper()
	b, err := e.op.Commit(context.Background(), opts)
	if err != nil {
		e.t.Fatal(err)
	}
	return b
}

// exit starts the exit of p by its owner and returns the exit's deadline.
func (e *env) exit(owner *ecdsa.PrivateKey, p plasmatx.Pos) uint64 {
	e.t.Helper()
	ev, err := e.pf.ParseExitStarted(e.exitLog(owner, p))
	if err != nil {
		e.t.Fatal(err)
	}
	return ev.Deadline
}

// exitLog starts the exit of p by its owner and returns its ExitStarted log.
func (e *env) exitLog(owner *ecdsa.PrivateKey, p plasmatx.Pos) types.Log {
	e.t.Helper()
	txb, proof, err := e.op.ExitData(p)
	if err != nil {
		e.t.Fatal(err)
	}
	o := e.net.Transactor(context.Background(), owner)
	o.Value = bond
	r := e.receipt(e.pf.StartExit(o, new(big.Int).SetUint64(uint64(p)), txb, proof))
	for _, l := range r.Logs {
		if _, err := e.pf.ParseExitStarted(*l); err == nil {
			return *l
		}
	}
	e.t.Fatal("no ExitStarted")
	return types.Log{}
}

// challenges returns the ExitChallenged events of p.
func (e *env) challenges(p plasmatx.Pos) []*bindings.PlasmaFrameworkExitChallenged {
	e.t.Helper()
	it, err := e.pf.FilterExitChallenged(&bind.FilterOpts{Context: context.Background()}, []*big.Int{new(big.Int).SetUint64(uint64(p))}, nil)
	if err != nil {
		e.t.Fatal(err)
	}
	defer it.Close()
	var out []*bindings.PlasmaFrameworkExitChallenged
	for it.Next() {
		out = append(out, it.Event)
	}
	return out
}

func (e *env) exitStatus(p plasmatx.Pos) uint8 {
	e.t.Helper()
	x, err := e.pf.GetExit(&bind.CallOpts{}, new(big.Int).SetUint64(uint64(p)))
	if err != nil {
		e.t.Fatal(err)
	}
	return x.Status
}

func (e *env) head() uint64 {
	h, err := e.net.Client.HeaderByNumber(context.Background(), nil)
	if err != nil {
		e.t.Fatal(err)
	}
	return h.Number.Uint64()
}

func (e *env) balance(a common.Address) *big.Int {
	b, err := e.net.Client.BalanceAt(context.Background(), a, nil)
	if err != nil {
		e.t.Fatal(err)
	}
	return b
}

func cursorAt(t *testing.T, p *proc, n uint64) func() bool {
	return func() bool {
		c, err := p.kind.Cursor(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return c >= n
	}
}

func (e *env) alertsWith(fingerprintPrefix string) []alerts.Alert {
	var out []alerts.Alert
	for _, a := range e.alerts.Alerts() {
		if len(a.Fingerprint) >= len(fingerprintPrefix) && a.Fingerprint[:len(fingerprintPrefix)] == fingerprintPrefix {
			out = append(out, a)
		}
	}
	return out
}
