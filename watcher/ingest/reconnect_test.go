package ingest_test

import (
	"context"
	"errors"
	"io"
	"math/big"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest"
	"go.uber.org/zap/zaptest/observer"

	"github.com/watchtower-l2/watchtower/internal/devnet"
	"github.com/watchtower-l2/watchtower/watcher/ingest"
	"github.com/watchtower-l2/watchtower/watcher/store/pebblestore"
)

// TestResubscribesAfterDrop follows a devnet through a TCP proxy, cuts the
// websocket, refuses reconnections for a while, then lets them through: the
// ingester must subscribe again and follow new heads through the
// subscription alone (its poll interval is an hour).
func TestResubscribesAfterDrop(t *testing.T) {
	net1, err := devnet.Start(devnet.Options{Accounts: 1, RPCPort: -1, WSPort: 0})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { net1.Close() })
	p := startProxy(t, strings.TrimPrefix(net1.WSURL, "ws://"))
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	ec, err := ethclient.DialContext(ctx, "ws://"+p.addr())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(ec.Close)
	obs, logs := observer.New(zap.InfoLevel)
	log := zap.New(zapcore.NewTee(zaptest.NewLogger(t, zaptest.Level(zap.InfoLevel)).Core(), obs))
	st, err := pebblestore.Open(t.TempDir(), log)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	in, err := ingest.New(ec, nopPublisher{}, st, nil, ingest.Config{
		ChainID: net1.ChainID.Uint64(), StartBlock: 1, PollInterval: time.Hour,
		ResubscribeMin: 20 * time.Millisecond, ResubscribeMax: 100 * time.Millisecond,
	}, log)
	if err != nil {
		t.Fatal(err)
	}
	runCtx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- in.Run(runCtx) }()
	t.Cleanup(func() { stop(); <-done })

	waitFor(t, "first subscription", func() bool { return in.Subscriptions() == 1 })
	followsNewHead(ctx, t, net1, in)

	p.setRefuse(true)
	p.cut()
	// While the node is unreachable the ingester keeps trying, backing off.
	waitFor(t, "repeated subscribe attempts while L1 is unreachable", func() bool {
		return logs.FilterMessage("head subscription failed; polling").Len() >= 3
	})
	if in.Subscriptions() != 1 {
		t.Fatalf("subscriptions = %d while L1 is unreachable, want 1", in.Subscriptions())
	}
	p.setRefuse(false)
	waitFor(t, "re-subscription", func() bool { return in.Subscriptions() == 2 })
	followsNewHead(ctx, t, net1, in)
}

// followsNewHead mines a block and waits for the ingester's cursor to reach it.
func followsNewHead(ctx context.Context, t *testing.T, n *devnet.Devnet, in *ingest.Ingester) {
	t.Helper()
	n.Mine()
	head, err := n.Client.BlockNumber(ctx)
	if err != nil {
		t.Fatal(err)
	}
	waitFor(t, "cursor at the new head", func() bool {
		c, err := in.Cursor(ctx)
		return err == nil && c.Number == head
	})
}

type nopPublisher struct{}

func (nopPublisher) PublishHeader(context.Context, string, string, []byte, map[string]string) (bool, error) {
	return true, nil
}

// proxy forwards TCP connections to target; cut drops the live ones and
// setRefuse makes it close new ones at once, like an unreachable node.
type proxy struct {
	l      net.Listener
	target string

	mu     sync.Mutex
	conns  []net.Conn
	refuse bool
}

func startProxy(t *testing.T, target string) *proxy {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &proxy{l: l, target: target}
	go p.serve()
	t.Cleanup(func() { l.Close(); p.cut() })
	return p
}

func (p *proxy) addr() string { return p.l.Addr().String() }

func (p *proxy) serve() {
	for {
		c, err := p.l.Accept()
		if errors.Is(err, net.ErrClosed) {
			return
		}
		if err != nil {
			continue
		}
		p.mu.Lock()
		refuse := p.refuse
		p.mu.Unlock()
		if refuse {
			c.Close()
			continue
		}
		up, err := net.Dial("tcp", p.target)
		if err != nil {
			c.Close()
			continue
		}
		p.mu.Lock()
		p.conns = append(p.conns, c, up)
		p.mu.Unlock()
		go func() { _, _ = io.Copy(up, c); up.Close() }()
		go func() { _, _ = io.Copy(c, up); c.Close() }()
	}
}

func (p *proxy) cut() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
}

func (p *proxy) setRefuse(v bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.refuse = v
}

// stallingL1 never answers: every call waits for its context to end.
type stallingL1 struct{ ingest.Client }

func (stallingL1) HeaderByNumber(ctx context.Context, _ *big.Int) (*types.Header, error) {
	<-ctx.Done()
	return nil, ctx.Err()
}

// TestL1CallTimeout: a node that stops answering fails a step after
// Config.RPCTimeout, not when the caller's context ends.
func TestL1CallTimeout(t *testing.T) {
	st, err := pebblestore.Open(t.TempDir(), zap.NewNop())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	in, err := ingest.New(stallingL1{}, nopPublisher{}, st, nil, ingest.Config{ChainID: 1, RPCTimeout: 50 * time.Millisecond}, zap.NewNop())
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if _, err := in.Step(ctx); !errors.Is(err, context.DeadlineExceeded) || ctx.Err() != nil {
		t.Fatalf("Step on a stalled node = %v (caller's context: %v); want the per-call deadline", err, ctx.Err())
	}
}
