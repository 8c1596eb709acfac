package raiden_test

import (
	"context"
	"math/big"
	"sync"
	"testing"
	"time"

	"go.uber.org/zap"
	"go.uber.org/zap/zaptest"

	"github.com/watchtower-l2/watchtower/alerts"
	"github.com/watchtower-l2/watchtower/internal/devnet"
	"github.com/watchtower-l2/watchtower/internal/testutil/raidentest"
	"github.com/watchtower-l2/watchtower/proofs/raidenbp"
	"github.com/watchtower-l2/watchtower/watcher/bus"
	"github.com/watchtower-l2/watchtower/watcher/bus/bustest"
	"github.com/watchtower-l2/watchtower/watcher/challenge"
	"github.com/watchtower-l2/watchtower/watcher/eventauth"
	"github.com/watchtower-l2/watchtower/watcher/ingest"
	"github.com/watchtower-l2/watchtower/watcher/l2"
	"github.com/watchtower-l2/watchtower/watcher/l2/raiden"
	"github.com/watchtower-l2/watchtower/watcher/store/pebblestore"
	"github.com/watchtower-l2/watchtower/watcher/tower"
	"github.com/watchtower-l2/watchtower/watcher/txmgr"
)

// A whole tower (ingest, verify and challenge roles over embedded NATS and
// Pebble) defends a user: the user delegates the partner's balance proof of
// nonce 5 through the kind's intake, the partner closes leaving its own
// proof off chain, and the tower's update puts nonce 5 on L1.
func TestTowerAnswersAStaleClose(t *testing.T) {
	const keyDeployer, keyTower, keyUser, keyPartner = 0, 1, 2, 3
	n, err := devnet.Start(devnet.Options{Accounts: 4, RPCPort: -1, WSPort: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { n.Close() })
	chain := raidentest.Chain{Client: n.Client, ChainID: n.ChainID, Commit: func() { n.Mine() }, AdjustTime: n.Backend.AdjustTime}
	net := raidentest.Deploy(t, chain, n.Keys[keyDeployer], raidentest.Config{})
	user, partner := n.Keys[keyUser], n.Keys[keyPartner]
	id := net.OpenChannel(user, n.Address(keyUser), n.Address(keyPartner))
	net.Deposit(user, id, n.Address(keyPartner), big.NewInt(deposit))
	net.Deposit(partner, id, n.Address(keyUser), big.NewInt(deposit))

	kind := startTower(t, n, net, keyTower)
	n.AutoMine(50 * time.Millisecond)

	bp := net.BalanceProof(id, 5, transferred(5), big.NewInt(0), [32]byte{})
	closingSig := net.Sign(partner, bp)
	nonClosingSig, err := raidenbp.SignUpdate(user, bp, closingSig)
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{net: net, kind: kind}
	res := f.hold(t, true, proofJSON(bp, n.Address(keyPartner), n.Address(keyUser), closingSig, nonClosingSig))
	if res[0].Err != nil || res[0].Challenging {
		t.Fatalf("delegation: %+v", res[0])
	}

	stale := net.BalanceProof(id, 2, big.NewInt(7), big.NewInt(0), [32]byte{})
	if _, err := net.Close(partner, n.Address(keyUser), stale, net.Sign(user, stale)); err != nil {
		t.Fatalf("close: %v", err)
	}
	waitFor(t, "the tower's update of the partner's balance proof", 90*time.Second, func() bool {
		p := net.Participant(id, n.Address(keyPartner), n.Address(keyUser))
		return p.IsTheCloser && p.Nonce.Uint64() == 5 && p.BalanceHash == bp.BalanceHash
	})
}

// startTower runs a tower guarding net's token network until the test ends
// and returns its Raiden kind.
func startTower(t *testing.T, n *devnet.Devnet, net *raidentest.Network, keyTower int) *raiden.Kind {
	t.Helper()
	_, natsURL := bustest.Start(t)
	log := zaptest.NewLogger(t, zaptest.Level(zap.WarnLevel))
	ctx, cancel := context.WithCancel(context.Background())
	b, err := bus.Connect(ctx, natsURL, bus.Options{Name: "w1", Logger: log})
	if err != nil {
		t.Fatal(err)
	}
	st, err := pebblestore.Open(t.TempDir(), log)
	if err != nil {
		t.Fatal(err)
	}
	signer, err := eventauth.GenerateSigner()
	if err != nil {
		t.Fatal(err)
	}
	var kind *raiden.Kind
	plug := raiden.Factory(raiden.Config{TokenNetwork: net.Address})
	tw, err := tower.New(ctx, tower.Options{
		Roles:       []string{tower.RoleIngest, tower.RoleVerify, tower.RoleChallenge},
		Owner:       "w1",
		ChainID:     n.ChainID,
		Ingest:      ingest.Config{Confirmations: 1, StartBlock: 1, PollInterval: 20 * time.Millisecond},
		Challenge:   challenge.Config{Poll: 20 * time.Millisecond, LeaseTTL: 2 * time.Second, RetryDelay: 100 * time.Millisecond},
		TxMgr:       txmgr.Config{ReceiptPollInterval: 20 * time.Millisecond},
		EventSigner: signer,
		Kinds: []l2.Factory{func(ctx context.Context, d l2.Deps) (l2.Kind, error) {
			k, err := plug(ctx, d)
			if err == nil {
				kind = k.(*raiden.Kind)
			}
			return k, err
		}},
	}, n.Client, b, st, n.Keys[keyTower], &alerts.Recorder{}, log)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- tw.Run(ctx) }()
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
	return kind
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
