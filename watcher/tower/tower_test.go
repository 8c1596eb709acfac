package tower_test

import (
	"context"
	"crypto/ecdsa"
	"sync"
	"testing"
	"time"

	"github.com/watchtower-l2/watchtower/watcher/l2"

	"github.com/ethereum/go-ethereum/crypto"
	"go.uber.org/zap"
	"go.uber.org/zap/zaptest"

	"github.com/watchtower-l2/watchtower/alerts"
	"github.com/watchtower-l2/watchtower/internal/testutil/chantest"
	"github.com/watchtower-l2/watchtower/internal/testutil/redistest"
	"github.com/watchtower-l2/watchtower/proofs/channelstate"
	"github.com/watchtower-l2/watchtower/watcher/bus"
	"github.com/watchtower-l2/watchtower/watcher/bus/bustest"
	"github.com/watchtower-l2/watchtower/watcher/challenge"
	"github.com/watchtower-l2/watchtower/watcher/eventauth"
	"github.com/watchtower-l2/watchtower/watcher/ingest"
	"github.com/watchtower-l2/watchtower/watcher/l2/channel"
	"github.com/watchtower-l2/watchtower/watcher/store"
	"github.com/watchtower-l2/watchtower/watcher/store/redisstore"
	"github.com/watchtower-l2/watchtower/watcher/tower"
	"github.com/watchtower-l2/watchtower/watcher/txmgr"
)

// env is one L1, one Redis and one NATS server shared by tower processes.
type env struct {
	chain    *chantest.Chain
	redisURL string
	natsURL  string
	alerts   *alerts.Recorder
	// events seals every process's events and is trusted by every verify.
	events *eventauth.Signer
	// verifyBatch > 0 has the verify role consume in batches of that size.
	verifyBatch int
	// extraSigners are more tower keys (chain.TowerKey) beside each
	// process's own, with at most maxPending challenges pending per key.
	extraSigners []int
	maxPending   int
	// verifyAckWait is the verify role's AckWait (0: the bus default).
	verifyAckWait time.Duration
}

func newEnv(t *testing.T, parties int) *env {
	t.Helper()
	_, natsURL := bustest.Start(t)
	events, err := eventauth.GenerateSigner()
	if err != nil {
		t.Fatal(err)
	}
	return &env{chain: chantest.New(t, parties), redisURL: redistest.Start(t), natsURL: natsURL, alerts: &alerts.Recorder{}, events: events}
}

func (e *env) store(t *testing.T) store.Store {
	t.Helper()
	st, err := redisstore.Open(context.Background(), e.redisURL, "wt:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// proc is one running tower process.
type proc struct {
	tw   *tower.Tower
	st   store.Store
	stop func()
}

// start runs a tower process with its own NATS and Redis connections.
func (e *env) start(t *testing.T, owner string, signer int, confirmations uint64, roles ...string) *proc {
	t.Helper()
	if len(roles) == 0 {
		roles = []string{tower.RoleIngest, tower.RoleVerify, tower.RoleChallenge}
	}
	log := zaptest.NewLogger(t, zaptest.Level(zap.WarnLevel)).Named(owner)
	ctx, cancel := context.WithCancel(context.Background())
	b, err := bus.Connect(ctx, e.natsURL, bus.Options{Name: owner, Logger: log})
	if err != nil {
		t.Fatal(err)
	}
	st := e.store(t)
	var extra []*ecdsa.PrivateKey
	for _, i := range e.extraSigners {
		extra = append(extra, e.chain.TowerKey(i))
	}
	tw, err := tower.New(ctx, tower.Options{
		SignerKeys:    extra,
		MaxPending:    e.maxPending,
		Roles:         roles,
		Owner:         owner,
		ChainID:       e.chain.Net.ChainID,
		Kinds:         []l2.Factory{channel.Factory(e.chain.Addr)},
		Ingest:        ingest.Config{Confirmations: confirmations, StartBlock: 1, PollInterval: 20 * time.Millisecond},
		Challenge:     challenge.Config{Poll: 20 * time.Millisecond, LeaseTTL: 2 * time.Second, RetryDelay: 100 * time.Millisecond},
		TxMgr:         txmgr.Config{ReceiptPollInterval: 20 * time.Millisecond},
		EventSigner:   e.events,
		VerifyBatch:   e.verifyBatch,
		VerifyAckWait: e.verifyAckWait,
	}, e.chain.Net.Client, b, st, e.chain.TowerKey(signer), e.alerts, log)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- tw.Run(ctx) }()
	var once sync.Once
	p := &proc{tw: tw, st: st}
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

func delegate(t *testing.T, p *proc, s channelstate.Signed) {
	t.Helper()
	if _, err := p.tw.Kinds[channel.KindName].(*channel.Kind).Delegate(context.Background(), s); err != nil {
		t.Fatalf("delegate nonce %d: %v", s.Nonce, err)
	}
}

// TestStaleHonestAndUnwatchedCloses: a stale close is challenged with the
// newest state before the deadline; an honest close and a close of a channel
// the tower never got a state for are left alone.
func TestStaleHonestAndUnwatchedCloses(t *testing.T) {
	e := newEnv(t, 6)
	c := e.chain
	stale, honest, unwatched := c.Open(20, 5), c.Open(20, 3), c.Open(20, 4)
	c.Net.AutoMine(30 * time.Millisecond)
	p := e.start(t, "w1", 0, 1)
	delegate(t, p, stale.Latest())
	delegate(t, p, honest.Latest())

	rs := c.Close(stale, stale.States[1])
	c.Close(honest, honest.Latest())
	c.Close(unwatched, unwatched.States[0])

	deadline := c.OnChain(stale).Deadline
	waitFor(t, "the stale close to be challenged", 20*time.Second, func() bool { return len(c.Challenges(stale)) > 0 })
	ch := c.Challenges(stale)
	if len(ch) != 1 {
		t.Fatalf("stale channel challenged %d times, want 1", len(ch))
	}
	towerAddr := crypto.PubkeyToAddress(c.TowerKey(0).PublicKey)
	if ch[0].Challenger != towerAddr || ch[0].Nonce != stale.Latest().Nonce {
		t.Fatalf("challenge by %s with nonce %d, want tower %s with nonce %d", ch[0].Challenger, ch[0].Nonce, towerAddr, stale.Latest().Nonce)
	}
	if ch[0].Raw.BlockNumber > deadline || ch[0].Raw.BlockNumber <= rs.BlockNumber.Uint64() {
		t.Fatalf("challenge mined in block %d, close in %d, deadline %d", ch[0].Raw.BlockNumber, rs.BlockNumber, deadline)
	}
	onchain := c.OnChain(stale)
	if onchain.Nonce != stale.Latest().Nonce || onchain.BalanceA.Cmp(stale.Latest().BalanceA) != 0 {
		t.Fatalf("on-chain state nonce %d balanceA %s, want the delegated nonce %d", onchain.Nonce, onchain.BalanceA, stale.Latest().Nonce)
	}
	// Let both other windows run out: nothing may be sent for them.
	end := max(c.OnChain(honest).Deadline, c.OnChain(unwatched).Deadline) + 2
	waitFor(t, "the other dispute windows to end", 20*time.Second, func() bool { return c.Head() > end })
	if n := len(c.Challenges(honest)); n != 0 {
		t.Fatalf("honest close challenged %d times", n)
	}
	if n := len(c.Challenges(unwatched)); n != 0 {
		t.Fatalf("close of an undelegated channel challenged %d times", n)
	}
	id := channel.DisputeID(stale.ID, stale.Latest().Nonce, deadline)
	waitFor(t, "the stale job to be recorded as mined", 10*time.Second, func() bool {
		job, err := p.tw.Queue.Get(context.Background(), id)
		return err == nil && job.Status == challenge.Mined && job.TxHash == ch[0].Raw.TxHash && job.MinedBlock == ch[0].Raw.BlockNumber
	})
	states := map[string]bool{}
	for _, a := range e.alerts.Alerts() {
		if a.Subject == stale.ID.Hex() {
			states[a.State] = true
		}
		if a.Subject == honest.ID.Hex() || a.Subject == unwatched.ID.Hex() {
			t.Errorf("alert about a channel that needed nothing: %+v", a)
		}
	}
	for _, s := range []string{alerts.StateDetected, alerts.StateChallengeSent, alerts.StateChallengeMined} {
		if !states[s] {
			t.Errorf("no %q alert for the stale channel (got %v)", s, states)
		}
	}
}

// TestSecondWatcherFinishesTheWork: two watcher processes share Redis and NATS;
// the first is stopped mid-scenario, the second finishes, and every stale
// close is challenged exactly once.
func TestSecondWatcherFinishesTheWork(t *testing.T) {
	e := newEnv(t, 16)
	c := e.chain
	var chans []*chantest.Channel
	for i := 0; i < 8; i++ {
		chans = append(chans, c.Open(40, 4))
	}
	c.Net.AutoMine(30 * time.Millisecond)
	w1 := e.start(t, "w1", 0, 1)
	w2 := e.start(t, "w2", 1, 1)
	for _, ch := range chans {
		delegate(t, w1, ch.Latest())
	}
	for _, ch := range chans[:4] {
		c.Close(ch, ch.States[0])
	}
	waitFor(t, "the first closes to be challenged", 20*time.Second, func() bool {
		return len(c.Challenges(chans[0])) > 0
	})
	w1.stop() // the first watcher goes away mid-scenario
	for _, ch := range chans[4:] {
		c.Close(ch, ch.States[1])
	}
	waitFor(t, "every close to be challenged", 30*time.Second, func() bool {
		for _, ch := range chans {
			if len(c.Challenges(ch)) == 0 {
				return false
			}
		}
		return true
	})
	// Wait out the windows so a late duplicate would show.
	end := c.OnChain(chans[len(chans)-1]).Deadline + 2
	waitFor(t, "the windows to end", 30*time.Second, func() bool { return c.Head() > end })
	for i, ch := range chans {
		if n := len(c.Challenges(ch)); n != 1 {
			t.Errorf("channel %d challenged %d times, want exactly 1", i, n)
		}
		if got := c.OnChain(ch).Nonce; got != ch.Latest().Nonce {
			t.Errorf("channel %d ends at nonce %d, want %d", i, got, ch.Latest().Nonce)
		}
	}
	ids, err := w2.tw.Queue.Open(context.Background(), 0)
	if err != nil || len(ids) != 0 {
		t.Fatalf("open jobs left: %v (%v)", ids, err)
	}
}

// TestVerifyAckWaitReachesTheDurable: the verify role's shared durable
// takes VerifyAckWait as its redelivery timeout, so the events a killed
// verify process held go to another after that long, not after
// JetStream's 30 s.
func TestVerifyAckWaitReachesTheDurable(t *testing.T) {
	e := newEnv(t, 1)
	e.verifyAckWait = 2 * time.Second
	w := e.start(t, "w1", 0, 1, tower.RoleVerify)
	defer w.stop()
	b, err := bus.Connect(context.Background(), e.natsURL, bus.Options{Logger: zap.NewNop()})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	var got time.Duration
	waitFor(t, "the verify durable", 30*time.Second, func() bool {
		c, err := b.JetStream().Consumer(context.Background(), "WATCHTOWER", "verify")
		if err != nil {
			return false
		}
		got = c.CachedInfo().Config.AckWait
		return true
	})
	if got != e.verifyAckWait {
		t.Fatalf("verify durable's AckWait %s, want %s", got, e.verifyAckWait)
	}
}
