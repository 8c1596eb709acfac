package scenario

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/watchtower-l2/watchtower/watcher/l2"
	"github.com/watchtower-l2/watchtower/watcher/l2/channel"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"go.uber.org/zap"
	"go.uber.org/zap/zaptest"

	"github.com/watchtower-l2/watchtower/alerts"
	"github.com/watchtower-l2/watchtower/deployments/contracts/bindings"
	"github.com/watchtower-l2/watchtower/internal/devnet"
	"github.com/watchtower-l2/watchtower/internal/testutil/redistest"
	"github.com/watchtower-l2/watchtower/watcher/bus"
	"github.com/watchtower-l2/watchtower/watcher/bus/bustest"
	"github.com/watchtower-l2/watchtower/watcher/challenge"
	"github.com/watchtower-l2/watchtower/watcher/eventauth"
	"github.com/watchtower-l2/watchtower/watcher/ingest"
	"github.com/watchtower-l2/watchtower/watcher/l2/plasma"
	"github.com/watchtower-l2/watchtower/watcher/store/redisstore"
	"github.com/watchtower-l2/watchtower/watcher/tower"
	"github.com/watchtower-l2/watchtower/watcher/txmgr"
)

// TestPlasmaScenario plays the dev command's Plasma scenario against a tower
// on Redis, embedded NATS and the simulated chain: every exit of a spent
// output is challenged, no honest exit is, both bad blocks are alerted.
func TestPlasmaScenario(t *testing.T) {
	const users = 8
	ctx := context.Background()
	n, err := devnet.Start(devnet.Options{Accounts: 3 + users, RPCPort: -1, WSPort: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { n.Close() })
	n.AutoMine(30 * time.Millisecond)
	adj, tx, _, err := bindings.DeployChannelAdjudicator(n.Transactor(ctx, n.Keys[0]), n.Client)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := n.WaitDeployed(ctx, tx); err != nil {
		t.Fatal(err)
	}
	_, natsURL := bustest.Start(t)
	log := zaptest.NewLogger(t, zaptest.Level(zap.ErrorLevel))
	b, err := bus.Connect(ctx, natsURL, bus.Options{Name: "scenario", Logger: log})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(b.Close)
	pc, err := DeployPlasma(ctx, n, n.Keys[0], n.Keys[2], b.Conn(), 80)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { pc.Close() })
	st, err := redisstore.Open(ctx, redistest.Start(t), "wt:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	rec := &alerts.Recorder{}
	tctx, cancel := context.WithCancel(ctx)
	events, err := eventauth.GenerateSigner()
	if err != nil {
		t.Fatal(err)
	}
	tw, err := tower.New(tctx, tower.Options{
		Roles: []string{tower.RoleIngest, tower.RoleVerify, tower.RoleChallenge}, Owner: "dev", ChainID: n.ChainID,
		Ingest:      ingest.Config{Confirmations: 1, StartBlock: 1, PollInterval: 20 * time.Millisecond},
		Challenge:   challenge.Config{Poll: 20 * time.Millisecond},
		TxMgr:       txmgr.Config{ReceiptPollInterval: 20 * time.Millisecond},
		Kinds:       []l2.Factory{channel.Factory(adj), plasma.Factory(pc.TowerConfig(50*time.Millisecond, time.Second))},
		EventSigner: events,
	}, n.Client, b, st, n.Keys[1], rec, log)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); _ = tw.Run(tctx) }()
	t.Cleanup(func() { cancel(); wg.Wait() })

	sc := &Plasma{Net: n, Chain: pc, Kind: tw.Kinds[plasma.KindName].(*plasma.Kind), TowerAddrs: []common.Address{crypto.PubkeyToAddress(n.Keys[1].PublicKey)},
		Parties: n.Keys[3:], Count: users, Alerts: rec.Alerts}
	sum, err := sc.Run(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range sum.Results {
		t.Logf("%-12s %-8s %-14s %-22s %s", r.Subject, r.Role, r.Claimed, r.Truth, r.Verdict)
	}
	if !sum.OK() || sum.Frauds != users/2+2 || sum.Honest != users/2 || sum.Kind != "plasma" {
		t.Fatalf("summary %+v", sum)
	}
}
