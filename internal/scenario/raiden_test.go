package scenario

import (
	"context"
	"net"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"go.uber.org/zap"
	"go.uber.org/zap/zaptest"

	"github.com/watchtower-l2/watchtower/alerts"
	"github.com/watchtower-l2/watchtower/internal/devnet"
	"github.com/watchtower-l2/watchtower/watcher/bus"
	"github.com/watchtower-l2/watchtower/watcher/bus/bustest"
	"github.com/watchtower-l2/watchtower/watcher/challenge"
	"github.com/watchtower-l2/watchtower/watcher/delegation"
	"github.com/watchtower-l2/watchtower/watcher/eventauth"
	"github.com/watchtower-l2/watchtower/watcher/ingest"
	"github.com/watchtower-l2/watchtower/watcher/l2"
	"github.com/watchtower-l2/watchtower/watcher/l2/raiden"
	"github.com/watchtower-l2/watchtower/watcher/store/pebblestore"
	"github.com/watchtower-l2/watchtower/watcher/tower"
	"github.com/watchtower-l2/watchtower/watcher/txmgr"
)

// TestRaidenScenario plays the Raiden scenario against a tower (ingest,
// verify, challenge and the delegation API) on Pebble, embedded NATS and the
// simulated chain: every stale close is answered with the partner's latest
// balance proof, no honest or undelegated close is touched.
func TestRaidenScenario(t *testing.T) {
	const channels = 10
	ctx := context.Background()
	n, err := devnet.Start(devnet.Options{Accounts: 2 + 2*channels, RPCPort: -1, WSPort: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { n.Close() })
	n.AutoMine(50 * time.Millisecond)
	// 300 s of L1 time: at one block (one second or more) per 50 ms, 15 s
	// for the tower to answer; the scenario waits it out either way.
	rc, err := DeployRaidenTimeout(ctx, n, n.Keys[0], 300)
	if err != nil {
		t.Fatal(err)
	}
	apiURL := startRaidenTower(t, n, rc)
	sc := &Raiden{Net: n, Chain: rc, Tower: delegation.NewClient(apiURL, nil), Parties: n.Keys[2:], Count: channels, Seed: 1}
	sum, err := sc.Run(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range sum.Results {
		t.Logf("%-50s %-9s %-3s %-3s %s", r.Subject, r.Role, r.Claimed, r.Truth, r.Verdict)
	}
	if !sum.OK() || sum.Frauds != 6 || sum.Honest != 3 || sum.Unwatched != 1 || sum.Kind != "raiden" {
		t.Fatalf("summary %+v", sum)
	}
}

// startRaidenTower runs a tower guarding rc until the test ends and returns
// its delegation API's URL.
func startRaidenTower(t *testing.T, n *devnet.Devnet, rc *RaidenChain) string {
	t.Helper()
	_, natsURL := bustest.Start(t)
	log := zaptest.NewLogger(t, zaptest.Level(zap.ErrorLevel))
	ctx, cancel := context.WithCancel(context.Background())
	b, err := bus.Connect(ctx, natsURL, bus.Options{Name: "scenario", Logger: log})
	if err != nil {
		t.Fatal(err)
	}
	st, err := pebblestore.Open(t.TempDir(), log)
	if err != nil {
		t.Fatal(err)
	}
	events, err := eventauth.GenerateSigner()
	if err != nil {
		t.Fatal(err)
	}
	identity, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	tw, err := tower.New(ctx, tower.Options{
		Roles: []string{tower.RoleIngest, tower.RoleVerify, tower.RoleChallenge, tower.RoleAPI}, Owner: "dev", ChainID: n.ChainID,
		Ingest:      ingest.Config{Confirmations: 1, StartBlock: 1, PollInterval: 20 * time.Millisecond},
		Challenge:   challenge.Config{Poll: 20 * time.Millisecond},
		TxMgr:       txmgr.Config{ReceiptPollInterval: 20 * time.Millisecond},
		Kinds:       []l2.Factory{raiden.Factory(raiden.Config{TokenNetwork: rc.TokenNetwork})},
		EventSigner: events, Identity: identity, APIListener: ln,
	}, n.Client, b, st, n.Keys[1], &alerts.Recorder{}, log)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); _ = tw.Run(ctx) }()
	t.Cleanup(func() { cancel(); wg.Wait(); b.Close(); st.Close() })
	return "http://" + ln.Addr().String()
}
