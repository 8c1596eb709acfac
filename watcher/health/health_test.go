package health_test

import (
	"context"
	"errors"
	"io"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/nats-io/nats.go/jetstream"
	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/watcher/bus"
	"github.com/watchtower-l2/watchtower/watcher/health"
	"github.com/watchtower-l2/watchtower/watcher/store/pebblestore"
)

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// env is a real set of dependencies: a simulated L1, an embedded JetStream
// server, a Pebble store.
type env struct {
	backend *simulated.Backend
	funded  common.Address
	broke   common.Address
	emb     *bus.Embedded
	bus     *bus.Bus
	store   *pebblestore.Store
}

func newEnv(t *testing.T) *env {
	t.Helper()
	e := &env{}
	k, _ := crypto.GenerateKey()
	k2, _ := crypto.GenerateKey()
	e.funded, e.broke = crypto.PubkeyToAddress(k.PublicKey), crypto.PubkeyToAddress(k2.PublicKey)
	e.backend = simulated.NewBackend(types.GenesisAlloc{e.funded: {Balance: big.NewInt(1e18)}})
	t.Cleanup(func() { e.backend.Close() })
	var err error
	e.emb, err = bus.StartEmbedded(bus.EmbeddedOptions{Dir: t.TempDir(), Logger: zap.NewNop()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(e.emb.Shutdown)
	ctx := context.Background()
	e.bus, err = bus.Connect(ctx, e.emb.ClientURL(), bus.Options{Name: "health-test"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(e.bus.Close)
	e.store, err = pebblestore.Open(t.TempDir(), zap.NewNop())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.store.Close() })
	if err := e.bus.EnsureStream(ctx, bus.StreamConfig{Name: "WT", Subjects: []string{"wt.>"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.bus.JetStream().CreateOrUpdateConsumer(ctx, "WT", jetstream.ConsumerConfig{Durable: "verify", AckPolicy: jetstream.AckExplicitPolicy}); err != nil {
		t.Fatal(err)
	}
	return e
}

func (e *env) balance(addr common.Address) func(ctx context.Context) (*big.Int, error) {
	return func(ctx context.Context) (*big.Int, error) { return e.backend.Client().BalanceAt(ctx, addr, nil) }
}

// checker builds the production set of checks against e; cursor is the
// ingest cursor the lag check sees.
func (e *env) checker(signer common.Address, maxPending uint64, cursor *uint64) *health.Checker {
	c := health.NewChecker()
	c.Timeout = time.Second
	l1 := e.backend.Client()
	c.Add("l1", health.L1HeadFresh(l1, time.Minute))
	c.Add("store", health.StoreReachable(e.store))
	c.Add("nats", health.NATSReachable(e.bus.Conn()))
	c.Add("signer", health.SignerFunded(e.balance(signer), big.NewInt(1e17)))
	c.Add("consumer", health.ConsumerLag(e.bus.ConsumerPending, "WT", "verify", maxPending))
	c.Add("ingest", health.IngestLag(l1, func(context.Context) (uint64, error) { return *cursor, nil }, 0, 5))
	return c
}

func serve(t *testing.T, c *health.Checker) *httptest.Server {
	srv := httptest.NewServer(health.Mux(c, nil, nil))
	t.Cleanup(srv.Close)
	return srv
}

func TestReadyWhenAllPass(t *testing.T) {
	e := newEnv(t)
	e.backend.Commit() // a block stamped now: the genesis is from 1970
	cursor := uint64(1)
	srv := serve(t, e.checker(e.funded, 10, &cursor))
	if code, body := get(t, srv.URL+"/readyz"); code != 200 || body != "ready\n" {
		t.Fatalf("readyz: %d %q", code, body)
	}
	if code, body := get(t, srv.URL+"/healthz"); code != 200 || body != "ok\n" {
		t.Fatalf("healthz: %d %q", code, body)
	}
	if code, _ := get(t, srv.URL+"/-/ready"); code != 200 {
		t.Fatalf("/-/ready: %d", code)
	}
}

// TestReadyzFailsForEachReason breaks one dependency at a time and checks
// /readyz answers 503 naming exactly that check with its reason, while
// /healthz stays 200.
func TestReadyzFailsForEachReason(t *testing.T) {
	cases := []struct {
		check   string
		reason  string
		also    string // a check that depends on the broken one and fails with it
		breakIt func(t *testing.T, e *env) (signer common.Address, maxPending uint64, cursor uint64)
	}{
		{"l1", "old (bound 1m0s)", "", func(t *testing.T, e *env) (common.Address, uint64, uint64) {
			// Only the genesis block, stamped 1970: a node that stopped long ago.
			return e.funded, 10, 0
		}},
		{"store", "store unreachable", "", func(t *testing.T, e *env) (common.Address, uint64, uint64) {
			e.backend.Commit()
			e.store.Close()
			return e.funded, 10, 1
		}},
		{"nats", "NATS unreachable", "consumer", func(t *testing.T, e *env) (common.Address, uint64, uint64) {
			e.backend.Commit()
			e.emb.Shutdown() // the server goes away; the client keeps trying to reconnect
			for end := time.Now().Add(5 * time.Second); e.bus.Conn().IsConnected() && time.Now().Before(end); {
				time.Sleep(10 * time.Millisecond)
			}
			return e.funded, 10, 1
		}},
		{"signer", "below the minimum", "", func(t *testing.T, e *env) (common.Address, uint64, uint64) {
			e.backend.Commit()
			return e.broke, 10, 1
		}},
		{"consumer", "events pending", "", func(t *testing.T, e *env) (common.Address, uint64, uint64) {
			e.backend.Commit()
			for i := range 5 {
				if _, err := e.bus.Publish(context.Background(), "wt.1.channel.closed", "m"+string(rune('a'+i)), []byte("{}")); err != nil {
					t.Fatal(err)
				}
			}
			return e.funded, 2, 1
		}},
		{"ingest", "blocks behind", "", func(t *testing.T, e *env) (common.Address, uint64, uint64) {
			for range 8 {
				e.backend.Commit()
			}
			return e.funded, 10, 1
		}},
	}
	for _, tc := range cases {
		t.Run(tc.check, func(t *testing.T) {
			e := newEnv(t)
			signer, maxPending, cursor := tc.breakIt(t, e)
			srv := serve(t, e.checker(signer, maxPending, &cursor))
			code, body := get(t, srv.URL+"/readyz")
			if code != http.StatusServiceUnavailable {
				t.Fatalf("readyz %d %q, want 503", code, body)
			}
			var mine string
			for _, l := range strings.Split(strings.TrimSpace(body), "\n") {
				name, _, _ := strings.Cut(l, ": ")
				switch name {
				case tc.check:
					mine = l
				case tc.also:
				default:
					t.Errorf("unexpected failing check: %q", l)
				}
			}
			if !strings.Contains(mine, tc.reason) {
				t.Fatalf("body %q: want a line %q with %q", body, tc.check+": ...", tc.reason)
			}
			if code, _ := get(t, srv.URL+"/healthz"); code != 200 {
				t.Fatalf("healthz %d while not ready", code)
			}
		})
	}
}

func TestSlowAndPanickingChecks(t *testing.T) {
	c := health.NewChecker()
	c.Timeout = 100 * time.Millisecond
	// The slow check never answers while the test runs: Run returning at all
	// shows it did not wait for it.
	release := make(chan struct{})
	defer close(release)
	c.Add("slow", func(ctx context.Context) error { <-release; return nil })
	c.Add("boom", func(ctx context.Context) error { panic("bad") })
	c.Add("fine", func(ctx context.Context) error { return nil })
	c.Add("multi", func(ctx context.Context) error { return errors.New("two\nlines") })
	done := make(chan []health.Failure, 1)
	go func() { done <- c.Run(context.Background()) }()
	var fails []health.Failure
	select {
	case fails = <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("a check that never answers held up readiness")
	}
	want := []health.Failure{{"boom", "check panicked: bad"}, {"multi", "two lines"}, {"slow", "no answer within 100ms"}}
	if len(fails) != len(want) {
		t.Fatalf("got %v", fails)
	}
	for i := range want {
		if fails[i] != want[i] {
			t.Fatalf("got %v, want %v", fails, want)
		}
	}
}

func TestServeShutsDown(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- health.Serve(ctx, ln, health.Mux(health.NewChecker(), nil, nil)) }()
	if code, _ := get(t, "http://"+ln.Addr().String()+"/healthz"); code != 200 {
		t.Fatalf("healthz %d", code)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not return")
	}
}
