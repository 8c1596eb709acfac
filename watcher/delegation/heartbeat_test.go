package delegation_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/watchtower-l2/watchtower/watcher/l2"

	"github.com/ethereum/go-ethereum/common"
	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/watcher/delegation"
	"github.com/watchtower-l2/watchtower/watcher/delegation/api"
	"github.com/watchtower-l2/watchtower/watcher/delegation/client"
)

func TestHeartbeat(t *testing.T) {
	f := newFixture(t, 0, delegation.Config{})
	ctx := context.Background()
	if status, body := f.raw(t, "GET", "/v1/heartbeat", "", nil); status != 503 || !strings.Contains(body, "not processed any L1 block") {
		t.Fatalf("before ingest: %d %s", status, body)
	}
	head := f.chain.Head()
	hash := common.HexToHash("0xabcdef")
	cur, _ := json.Marshal(map[string]any{"number": head, "hash": hash})
	if err := f.st.Put(ctx, fmt.Sprintf("ingest:%d:cursor", f.domain.ChainID), cur); err != nil {
		t.Fatal(err)
	}
	c := client.New(f.srv.URL, nil)
	c.Tower = f.domain.Tower
	hb, err := c.CheckLive(ctx, client.Liveness{Head: head + 2, MaxLag: 2})
	if err != nil {
		t.Fatal(err)
	}
	if hb.BlockNumber != head || hb.BlockHash != hash.Hex() || hb.ChainID != f.domain.ChainID {
		t.Fatalf("heartbeat %+v", hb)
	}
	if _, err := c.CheckLive(ctx, client.Liveness{Head: head + 10, MaxLag: 2}); !errors.Is(err, client.ErrStalled) {
		t.Fatalf("a tower 10 blocks behind: %v", err)
	}
	forged := hb
	forged.BlockNumber++
	if err := forged.Verify(f.domain.Tower); err == nil {
		t.Fatal("an altered heartbeat verified")
	}
	pinned := client.New(f.srv.URL, nil)
	pinned.Tower = common.Address{1}
	if _, err := pinned.Heartbeat(ctx); err == nil || !strings.Contains(err.Error(), "not the pinned") {
		t.Fatalf("a client pinned to another identity: %v", err)
	}
}

// Multi delegates to every tower; an unreachable one gets the state queued
// on disk and delivered by Flush.
func TestMultiTowerWithBacklog(t *testing.T) {
	f := newFixture(t, 2, delegation.Config{})
	ctx := context.Background()
	second, err := delegation.NewServer(delegation.Config{Intakes: map[string]l2.Intake{api.KindChannel: f.kind}, ChainID: f.chain.Net.ChainID.Uint64(), Head: f.kind.Head, Store: f.st, Identity: f.chain.TowerKey(1),
		Contracts: map[string][]common.Address{api.KindChannel: f.kind.Addresses()}}, zap.NewNop())
	if err != nil {
		t.Fatal(err)
	}
	var down atomic.Bool
	down.Store(true)
	flaky := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if down.Load() && r.URL.Path == "/v1/channels/state" {
			http.Error(w, "maintenance", http.StatusServiceUnavailable)
			return
		}
		second.ServeHTTP(w, r)
	}))
	defer flaky.Close()
	ch := f.chain.Open(20, 3)
	towers := []*client.Client{client.New(f.srv.URL, nil), client.New(flaky.URL, nil)}
	for _, tw := range towers {
		tw.Retries, tw.Backoff = 1, time.Millisecond
	}
	m := &client.Multi{Towers: towers, Min: 1, Backlog: t.TempDir()}
	res, err := m.DelegateState(ctx, ch.States[1])
	if err != nil {
		t.Fatal(err)
	}
	if res[0].Err != nil || res[1].Err == nil || !res[1].Queued || m.Pending() != 1 {
		t.Fatalf("results %+v, pending %d", res, m.Pending())
	}
	if res[0].Accepted.Receipt.Tower != f.domain.Tower.Hex() {
		t.Fatalf("receipt of tower 0 %+v", res[0].Accepted.Receipt)
	}
	// A newer state replaces the queued one.
	if _, err := m.DelegateState(ctx, ch.Latest()); err != nil {
		t.Fatal(err)
	}
	if m.Pending() != 1 {
		t.Fatalf("pending %d", m.Pending())
	}
	m.Min = 2
	if _, err := m.DelegateState(ctx, ch.Latest()); err == nil {
		t.Fatal("Min 2 with one tower down succeeded")
	}
	down.Store(false)
	if err := m.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if m.Pending() != 0 {
		t.Fatalf("pending after flush %d", m.Pending())
	}
	// The flushed tower holds nonce 3 already: the same state again is a
	// retry, answered with a receipt showing it held before.
	if acc, err := towers[1].DelegateState(ctx, ch.Latest()); err != nil || acc.PreviousNonce != ch.Latest().Nonce {
		t.Fatalf("the flushed tower should hold nonce 3 already: %+v, %v", acc, err)
	}
	live, bad := m.Live(ctx, client.Liveness{})
	if len(live) != 0 || len(bad) != 2 {
		t.Fatalf("no tower has a cursor yet: live %d bad %v", len(live), bad)
	}
}
