package sidechain_test

import (
	"context"
	"math/big"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"go.uber.org/zap"
	"go.uber.org/zap/zaptest"

	"github.com/watchtower-l2/watchtower/alerts"
	"github.com/watchtower-l2/watchtower/deployments/contracts/bindings"
	"github.com/watchtower-l2/watchtower/internal/devnet"
	"github.com/watchtower-l2/watchtower/internal/scenario"
	isc "github.com/watchtower-l2/watchtower/internal/sidechain"
	"github.com/watchtower-l2/watchtower/internal/testutil/redistest"
	"github.com/watchtower-l2/watchtower/proofs/header"
	"github.com/watchtower-l2/watchtower/watcher/bus"
	"github.com/watchtower-l2/watchtower/watcher/bus/bustest"
	"github.com/watchtower-l2/watchtower/watcher/challenge"
	"github.com/watchtower-l2/watchtower/watcher/eventauth"
	"github.com/watchtower-l2/watchtower/watcher/ingest"
	"github.com/watchtower-l2/watchtower/watcher/l2"
	"github.com/watchtower-l2/watchtower/watcher/l2/sidechain"
	"github.com/watchtower-l2/watchtower/watcher/store/redisstore"
	"github.com/watchtower-l2/watchtower/watcher/tower"
	"github.com/watchtower-l2/watchtower/watcher/txmgr"
)

const (
	sideID         = 77
	period         = 80 // L1 blocks
	responseWindow = 8
)

var bond = big.NewInt(1e17)

// env: an L1 devnet with a CheckpointManager, a sidechain (its own chain id)
// behind a gate, its validators, Redis, NATS and one tower process.
type env struct {
	l1      *devnet.Devnet
	cm      *bindings.CheckpointManager
	manager common.Address
	side    *isc.Chain
	gate    *isc.Gate
	vals    *isc.Validators
	alerts  *alerts.Recorder
	kind    *sidechain.Kind
	tw      *tower.Tower
}

func newEnv(t *testing.T, autoMineSide bool) *env {
	t.Helper()
	return newEnvPeriod(t, autoMineSide, period)
}

// newEnvPeriod is newEnv with a challenge period of periodBlocks L1 blocks
// (mined every 50 ms whatever the machine's load).
func newEnvPeriod(t *testing.T, autoMineSide bool, periodBlocks uint64) *env {
	t.Helper()
	e := newChains(t, autoMineSide, periodBlocks)
	e.startTower(t)
	return e
}

// newChains is newEnvPeriod without the tower.
func newChains(t *testing.T, autoMineSide bool, periodBlocks uint64) *env {
	t.Helper()
	ctx := context.Background()
	e := &env{alerts: &alerts.Recorder{}}
	var err error
	if e.l1, err = devnet.Start(devnet.Options{Accounts: 3, WSPort: -1}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.l1.Close() })
	var tx *types.Transaction
	if e.manager, tx, e.cm, err = bindings.DeployCheckpointManager(e.l1.Transactor(ctx, e.l1.Keys[0]), e.l1.Client); err != nil {
		t.Fatal(err)
	}
	e.l1.Mine()
	if _, err := e.l1.WaitDeployed(ctx, tx); err != nil {
		t.Fatal(err)
	}
	if e.side, err = isc.Start(isc.Options{ChainID: 901}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.side.Close() })
	if e.gate, err = isc.NewGate(strings.TrimPrefix(e.side.RPCURL, "http://")); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.gate.Close() })
	if e.vals, err = isc.StartValidators(isc.ValidatorOptions{
		SidechainID: sideID, Domain: header.Domain{ChainID: e.l1.ChainID, Manager: e.manager}, RPCURL: e.side.RPCURL, Poll: 20 * time.Millisecond,
	}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.vals.Close() })
	tx, err = e.cm.RegisterSidechain(e.l1.Transactor(ctx, e.l1.Keys[0]), big.NewInt(sideID), e.vals.Addresses(), e.vals.Threshold(), periodBlocks, responseWindow, bond)
	if err != nil {
		t.Fatal(err)
	}
	e.l1.Mine()
	mined(t, e, tx)
	for range 4 {
		e.side.Mine(true)
	}
	if autoMineSide {
		e.side.AutoMine(50 * time.Millisecond)
	}
	e.l1.AutoMine(50 * time.Millisecond)
	return e
}

func (e *env) startTower(t *testing.T) {
	t.Helper()
	_, natsURL := bustest.Start(t)
	redisURL := redistest.Start(t)
	log := zaptest.NewLogger(t, zaptest.Level(zap.WarnLevel))
	ctx, cancel := context.WithCancel(context.Background())
	b, err := bus.Connect(ctx, natsURL, bus.Options{Name: "w1", Logger: log})
	if err != nil {
		t.Fatal(err)
	}
	st, err := redisstore.Open(ctx, redisURL, "wt:")
	if err != nil {
		t.Fatal(err)
	}
	cfg := sidechain.Config{
		Manager:    e.manager,
		Sidechains: []sidechain.Source{{SidechainID: sideID, RPCURL: e.gate.URL, AttestationsURL: e.vals.URL}},
		Poll:       30 * time.Millisecond, FutureGrace: 3, AttestGrace: 3, L1BlockTime: 50 * time.Millisecond,
		StaleAfter: 2 * time.Second,
	}
	plug := sidechain.Factory(cfg)
	e.tw, err = tower.New(ctx, tower.Options{
		Roles:       []string{tower.RoleIngest, tower.RoleVerify, tower.RoleChallenge},
		Owner:       "w1",
		ChainID:     e.l1.ChainID,
		Ingest:      ingest.Config{Confirmations: 1, StartBlock: 1, PollInterval: 20 * time.Millisecond},
		Challenge:   challenge.Config{Poll: 20 * time.Millisecond, LeaseTTL: 2 * time.Second, RetryDelay: 100 * time.Millisecond},
		TxMgr:       txmgr.Config{ReceiptPollInterval: 20 * time.Millisecond},
		EventSigner: mustEventSigner(t),
		Kinds: []l2.Factory{func(ctx context.Context, d l2.Deps) (l2.Kind, error) {
			k, err := plug(ctx, d)
			if err == nil {
				e.kind = k.(*sidechain.Kind)
			}
			return k, err
		}},
	}, e.l1.Client, b, st, e.l1.Keys[1], e.alerts, log)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- e.tw.Run(ctx) }()
	var once sync.Once
	t.Cleanup(func() {
		once.Do(func() {
			cancel()
			if err := <-done; err != nil {
				t.Errorf("tower: %v", err)
			}
			b.Close()
			st.Close()
		})
	})
}

func mined(t *testing.T, e *env, tx *types.Transaction) *types.Receipt {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	rc, err := e.l1.WaitSucceeded(ctx, tx.Hash())
	if err != nil {
		t.Fatal(err)
	}
	return rc
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

func (e *env) towerAddr() common.Address { return e.l1.Address(1) }

func (e *env) submit(t *testing.T, number uint64, hash, root common.Hash) *bindings.CheckpointManagerCheckpointSubmitted {
	t.Helper()
	opts := e.l1.Transactor(context.Background(), e.l1.Keys[2])
	opts.Value = bond
	tx, err := e.cm.SubmitCheckpoint(opts, big.NewInt(sideID), number, hash, root)
	if err != nil {
		t.Fatal(err)
	}
	rc := mined(t, e, tx)
	for _, l := range rc.Logs {
		if ev, err := e.cm.ParseCheckpointSubmitted(*l); err == nil {
			return ev
		}
	}
	t.Fatal("no CheckpointSubmitted")
	return nil
}

func (e *env) checkpoint(t *testing.T, id *big.Int) bindings.CheckpointManagerCheckpoint {
	t.Helper()
	cp, err := e.cm.GetCheckpoint(&bind.CallOpts{}, id)
	if err != nil {
		t.Fatal(err)
	}
	return cp
}

// challengedByTower returns the CheckpointChallenged events the tower caused for id.
func (e *env) challengedByTower(t *testing.T, id *big.Int) []*bindings.CheckpointManagerCheckpointChallenged {
	t.Helper()
	it, err := e.cm.FilterCheckpointChallenged(&bind.FilterOpts{}, []*big.Int{id}, []common.Address{e.towerAddr()})
	if err != nil {
		t.Fatal(err)
	}
	var out []*bindings.CheckpointManagerCheckpointChallenged
	for it.Next() {
		out = append(out, it.Event)
	}
	return out
}

// mineSide mines n sidechain blocks (with a transfer each when transfer) and
// returns the new head number.
func (e *env) mineSide(t *testing.T, n int, transfer bool) uint64 {
	t.Helper()
	for range n {
		e.side.Mine(transfer)
	}
	head, err := e.side.Head(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return head.Number.Uint64()
}

func (e *env) sideHeader(t *testing.T, n uint64) *types.Header {
	t.Helper()
	h, err := e.side.Client.HeaderByNumber(context.Background(), new(big.Int).SetUint64(n))
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// TestCheckpointScenario: good checkpoints, a wrong block hash, a wrong state
// root and a future block. Every bad one is cancelled on L1 with its bond paid
// to the tower (by challenge, or by an unanswered proof request the tower then
// finalizes); every good one is left alone and becomes final.
func TestCheckpointScenario(t *testing.T) {
	e := newEnv(t, true)
	sc := &scenario.Sidechain{
		Net: e.l1, Manager: e.manager, SidechainID: sideID, Side: e.side, Validators: e.vals,
		Proposer: e.l1.Keys[2], TowerAddrs: []common.Address{e.towerAddr()}, Count: 10, Bond: bond, Seed: 3,
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	sum, err := sc.Run(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range sum.Results {
		t.Logf("%s %-10s claimed %s attested %s: %s", r.Subject, r.Role, r.Claimed, r.Truth, r.Verdict)
	}
	if !sum.OK() || sum.Frauds != 6 || sum.Honest != 4 {
		t.Fatalf("summary: %d frauds, %d challenged, %d missed, %d false challenges, %d honest", sum.Frauds, sum.Challenged, sum.Missed, sum.FalseChallenges, sum.Honest)
	}
	// The future blocks' bonds were credited to the tower by finalize.
	w, err := e.cm.Withdrawable(&bind.CallOpts{}, e.towerAddr())
	if err != nil {
		t.Fatal(err)
	}
	if want := new(big.Int).Mul(bond, big.NewInt(2)); w.Cmp(want) != 0 {
		t.Fatalf("tower can withdraw %s, want the two future checkpoints' bonds %s", w, want)
	}
	// Every fraud raised a detected alert; no good checkpoint did.
	detected := map[string]bool{}
	for _, a := range e.alerts.Alerts() {
		if a.Kind == sidechain.KindName && a.State == alerts.StateDetected {
			detected[a.Subject] = true
		}
	}
	for _, r := range sum.Results {
		if (r.Role != scenario.CheckpointGood) != detected[r.Subject] {
			t.Errorf("%s (%s): detected alert %v", r.Subject, r.Role, detected[r.Subject])
		}
	}
}

// TestSidechainRPCOutage: with the sidechain RPC down, a wrong checkpoint
// cannot be verified: the tower alerts with the time left; once the RPC is
// back it challenges in time and the checkpoint is cancelled.
func TestSidechainRPCOutage(t *testing.T) {
	// A 30 s period: the outage, the alert and the recovery all happen inside
	// it in real time, and a loaded CI machine once took longer than 4 s.
	e := newEnvPeriod(t, true, 600)
	if err := e.vals.WaitAttested(context.Background(), 6); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the tower to follow the sidechain", 10*time.Second, func() bool {
		return e.kind.HeadNumber(context.Background(), sideID) >= 6
	})
	e.gate.SetDown(true)
	// Let the tower's view go stale, then post a block the tower has never fetched.
	time.Sleep(2500 * time.Millisecond)
	if err := e.vals.WaitAttested(context.Background(), e.vals.Attested()+3); err != nil {
		t.Fatal(err)
	}
	n := e.vals.Attested()
	h := e.sideHeader(t, n)
	ev := e.submit(t, n, common.HexToHash("0xbad"), h.Root)
	waitFor(t, "a cannot-verify alert with the time left", 45*time.Second, func() bool {
		for _, a := range e.alerts.Alerts() {
			if a.Subject == sidechain.Subject(ev.CheckpointId) && strings.Contains(a.Summary, "cannot verify") && strings.Contains(a.Summary, "L1 blocks (~") {
				return true
			}
		}
		return false
	})
	if len(e.challengedByTower(t, ev.CheckpointId)) != 0 {
		t.Fatal("challenged without the sidechain")
	}
	e.gate.SetDown(false)
	waitFor(t, "the wrong checkpoint to be challenged after the RPC came back", 25*time.Second, func() bool {
		return len(e.challengedByTower(t, ev.CheckpointId)) == 1
	})
	cp := e.checkpoint(t, ev.CheckpointId)
	if cp.Status != 3 {
		t.Fatalf("status %d, want cancelled", cp.Status)
	}
	ch := e.challengedByTower(t, ev.CheckpointId)[0]
	if ch.Raw.BlockNumber > ev.Deadline || ch.AttestedHash != h.Hash() {
		t.Fatalf("challenge in block %d (deadline %d) with hash %x, want %s", ch.Raw.BlockNumber, ev.Deadline, ch.AttestedHash, h.Hash())
	}
}

// TestSidechainReorg: checkpoints posted for the tip blocks of a branch that
// is then reorganised away are challenged with the new branch's attested
// blocks; a checkpoint of the new branch is left alone.
func TestSidechainReorg(t *testing.T) {
	e := newEnv(t, false)
	H := e.mineSide(t, 4, true)
	// Validators attest 2 deep: H-1 and H are not attested yet. The tower sees them.
	if err := e.vals.WaitAttested(context.Background(), H-2); err != nil {
		t.Fatal(err)
	}
	old := e.sideHeader(t, H-1)
	waitFor(t, "the tower to store the tip", 10*time.Second, func() bool {
		return e.kind.HeadNumber(context.Background(), sideID) == H
	})
	stale := e.submit(t, H-1, old.Hash(), old.Root)
	time.Sleep(300 * time.Millisecond)
	if len(e.challengedByTower(t, stale.CheckpointId)) != 0 {
		t.Fatal("challenged a checkpoint of a block without attestations")
	}
	// Reorg: a new branch from H-2, longer than the old one, with other transactions.
	if err := e.side.Fork(e.sideHeader(t, H-2).Hash()); err != nil {
		t.Fatal(err)
	}
	e.side.Mine(false)
	for range 4 {
		e.side.Mine(true)
	}
	newH := e.sideHeader(t, H-1)
	if newH.Hash() == old.Hash() {
		t.Fatal("the fork did not change block H-1")
	}
	if err := e.vals.WaitAttested(context.Background(), H+1); err != nil {
		t.Fatal(err)
	}
	good := e.submit(t, H-1, newH.Hash(), newH.Root)
	waitFor(t, "the orphaned checkpoint to be challenged", 20*time.Second, func() bool {
		return len(e.challengedByTower(t, stale.CheckpointId)) == 1
	})
	if cp := e.checkpoint(t, stale.CheckpointId); cp.Status != 3 {
		t.Fatalf("orphaned checkpoint status %d, want cancelled", cp.Status)
	}
	if reorgs := e.kind.Reorgs(context.Background(), sideID); reorgs < 1 {
		t.Fatalf("the tower recorded %d sidechain reorgs", reorgs)
	}
	waitFor(t, "the good checkpoint's period to end", 20*time.Second, func() bool {
		h, _ := e.l1.Client.HeaderByNumber(context.Background(), nil)
		return h.Number.Uint64() > good.Deadline
	})
	if n := len(e.challengedByTower(t, good.CheckpointId)); n != 0 {
		t.Fatalf("good checkpoint on the new branch challenged %d times", n)
	}
	tx, err := e.cm.Finalize(e.l1.Transactor(context.Background(), e.l1.Keys[2]), good.CheckpointId)
	if err != nil {
		t.Fatal(err)
	}
	mined(t, e, tx)
	if cp := e.checkpoint(t, good.CheckpointId); cp.Status != 2 {
		t.Fatalf("good checkpoint status %d, want final", cp.Status)
	}
}

// TestSidechainCatchUpIsBounded: a tower far behind the sidechain reads at most
// one batch of 32 blocks per round, so pending checkpoints are judged between
// rounds instead of after the whole catch-up.
func TestSidechainCatchUpIsBounded(t *testing.T) {
	e := newChains(t, false, period)
	H := e.mineSide(t, 90, false)
	const backfill = 70
	k, err := sidechain.New(sidechain.Config{
		Manager:    e.manager,
		Sidechains: []sidechain.Source{{SidechainID: sideID, RPCURL: e.side.RPCURL, AttestationsURL: e.vals.URL}},
		Backfill:   backfill,
	}, e.l1.ChainID, openRedis(t), e.l1.Client, nil, e.alerts, zaptest.NewLogger(t, zaptest.Level(zap.WarnLevel)))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for i, want := range []uint64{H - backfill + 32, H - backfill + 64, H} {
		k.Tick(ctx)
		if got := k.HeadNumber(ctx, sideID); got != want {
			t.Fatalf("after round %d the tower followed up to block %d, want %d (head %d)", i+1, got, want, H)
		}
	}
}

func openRedis(t *testing.T) *redisstore.Store {
	t.Helper()
	st, err := redisstore.Open(context.Background(), redistest.Start(t), "wt:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func mustEventSigner(t *testing.T) *eventauth.Signer {
	t.Helper()
	s, err := eventauth.GenerateSigner()
	if err != nil {
		t.Fatal(err)
	}
	return s
}
