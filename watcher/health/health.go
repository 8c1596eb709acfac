// Package health serves the tower's liveness and readiness endpoints.
//
// /healthz answers 200 while the process serves HTTP: a failing liveness probe
// means restart. /readyz runs every registered check (concurrently, each with a
// timeout) and answers 200 "ready" only when all pass; otherwise 503 with one
// line per failing check, "name: reason". Checks are plain functions, built
// here for the usual dependencies (L1 head freshness, store, NATS, signer
// balance, consumer backlog, ingest lag) from small interfaces the real
// clients satisfy.
package health

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"net"
	"net/http"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/core/types"
)

// Check reports why a dependency is not ready; nil means ready.
type Check func(ctx context.Context) error

// DefaultTimeout bounds each check in one /readyz request.
const DefaultTimeout = 3 * time.Second

// Checker is a set of named readiness checks.
type Checker struct {
	// Timeout bounds each check (default DefaultTimeout).
	Timeout time.Duration

	mu     sync.RWMutex
	checks map[string]Check
}

// NewChecker returns an empty checker (ready until checks are added).
func NewChecker() *Checker { return &Checker{checks: map[string]Check{}} }

// Add registers (or replaces) the check called name.
func (c *Checker) Add(name string, chk Check) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.checks[name] = chk
}

// Remove drops the check called name.
func (c *Checker) Remove(name string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.checks, name)
}

// Names returns the names of the registered checks, sorted.
func (c *Checker) Names() []string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	out := make([]string, 0, len(c.checks))
	for n := range c.checks {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Failure is a failing check and its reason.
type Failure struct {
	Check  string
	Reason string
}

// Run runs every check and returns the failures, sorted by check name.
func (c *Checker) Run(ctx context.Context) []Failure {
	c.mu.RLock()
	checks := make(map[string]Check, len(c.checks))
	for n, f := range c.checks {
		checks[n] = f
	}
	c.mu.RUnlock()
	timeout := c.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	var (
		mu   sync.Mutex
		out  []Failure
		wg   sync.WaitGroup
		fail = func(name string, err error) {
			mu.Lock()
			defer mu.Unlock()
			out = append(out, Failure{Check: name, Reason: oneLine(err.Error())})
		}
	)
	for name, chk := range checks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cctx, cancel := context.WithTimeout(ctx, timeout)
			defer cancel()
			errc := make(chan error, 1)
			go func() {
				defer func() {
					if r := recover(); r != nil {
						errc <- fmt.Errorf("check panicked: %v", r)
					}
				}()
				errc <- chk(cctx)
			}()
			select {
			case err := <-errc:
				if err != nil {
					fail(name, err)
				}
			case <-cctx.Done():
				fail(name, fmt.Errorf("no answer within %s", timeout))
			}
		}()
	}
	wg.Wait()
	sort.Slice(out, func(i, j int) bool { return out[i].Check < out[j].Check })
	return out
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// Healthz answers 200 "ok" to any GET or HEAD: the process is alive.
func Healthz() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.WriteHeader(http.StatusOK)
		if r.Method != http.MethodHead {
			_, _ = w.Write([]byte("ok\n"))
		}
	})
}

// Readyz runs the checks on each request: 200 "ready", or 503 with one line
// "check: reason" per failing check.
func (c *Checker) Readyz() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fails := c.Run(r.Context())
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		if len(fails) == 0 {
			w.WriteHeader(http.StatusOK)
			_, _ = w.Write([]byte("ready\n"))
			return
		}
		w.WriteHeader(http.StatusServiceUnavailable)
		var b strings.Builder
		for _, f := range fails {
			fmt.Fprintf(&b, "%s: %s\n", f.Check, f.Reason)
		}
		_, _ = w.Write([]byte(b.String()))
	})
}

// Mux returns the operations routes: /healthz, /readyz (also under
// Alertmanager's /-/healthy and /-/ready), /metrics when metrics is not nil,
// and extra routes such as /status.
func Mux(c *Checker, metrics http.Handler, extra map[string]http.Handler) *http.ServeMux {
	mux := http.NewServeMux()
	mux.Handle("GET /healthz", Healthz())
	mux.Handle("GET /-/healthy", Healthz())
	mux.Handle("GET /readyz", c.Readyz())
	mux.Handle("GET /-/ready", c.Readyz())
	if metrics != nil {
		mux.Handle("GET /metrics", metrics)
	}
	for p, h := range extra {
		mux.Handle(p, h)
	}
	return mux
}

// Serve serves h on ln until ctx is cancelled, then shuts down gracefully
// (in-flight requests get up to 5s).
func Serve(ctx context.Context, ln net.Listener, h http.Handler) error {
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second, WriteTimeout: 60 * time.Second}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	err := srv.Shutdown(sctx)
	if serr := <-errc; serr != nil && !errors.Is(serr, http.ErrServerClosed) {
		return serr
	}
	return err
}

// HeaderReader reads an L1 header (*ethclient.Client does).
type HeaderReader interface {
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
}

// L1HeadFresh fails when the L1 node does not answer or its newest block is
// older than maxAge (a stalled node or a node still syncing).
func L1HeadFresh(l1 HeaderReader, maxAge time.Duration) Check {
	return func(ctx context.Context) error {
		h, err := l1.HeaderByNumber(ctx, nil)
		if err != nil {
			return fmt.Errorf("L1 node does not answer: %w", err)
		}
		age := time.Since(time.Unix(int64(h.Time), 0))
		if age > maxAge {
			return fmt.Errorf("L1 head %d is %s old (bound %s): the node is stalled or syncing", h.Number.Uint64(), age.Round(time.Second), maxAge)
		}
		return nil
	}
}

// Pinger is a dependency with a reachability probe (store.Store).
type Pinger interface {
	Ping(ctx context.Context) error
}

// StoreReachable fails when the store does not answer a ping.
func StoreReachable(st Pinger) Check {
	return func(ctx context.Context) error {
		if err := st.Ping(ctx); err != nil {
			return fmt.Errorf("store unreachable: %w", err)
		}
		return nil
	}
}

// Flusher is a NATS connection (*nats.Conn): a flush is a round trip to the server.
type Flusher interface {
	FlushWithContext(ctx context.Context) error
}

// NATSReachable fails when the connection is down or a round trip to the
// NATS server fails. A *nats.Conn that is reconnecting fails at once.
func NATSReachable(nc Flusher) Check {
	return func(ctx context.Context) error {
		if c, ok := nc.(interface{ IsConnected() bool }); ok && !c.IsConnected() {
			state := "disconnected"
			if r, ok := nc.(interface{ IsReconnecting() bool }); ok && r.IsReconnecting() {
				state = "disconnected, reconnecting"
			}
			return fmt.Errorf("NATS unreachable: connection %s", state)
		}
		if err := nc.FlushWithContext(ctx); err != nil {
			return fmt.Errorf("NATS unreachable: %w", err)
		}
		return nil
	}
}

// SignerFunded fails when the challenger's balance (wei) is below min.
func SignerFunded(balance func(ctx context.Context) (*big.Int, error), min *big.Int) Check {
	return func(ctx context.Context) error {
		b, err := balance(ctx)
		if err != nil {
			return fmt.Errorf("cannot read signer balance: %w", err)
		}
		if b.Cmp(min) < 0 {
			return fmt.Errorf("signer balance %s wei is below the minimum %s wei: fund the challenger account", b, min)
		}
		return nil
	}
}

// ConsumerLag fails when a durable consumer has more than max messages not yet
// delivered. pending has the signature of (*bus.Bus).ConsumerPending.
func ConsumerLag(pending func(ctx context.Context, stream, durable string) (uint64, int, error), stream, durable string, max uint64) Check {
	return func(ctx context.Context) error {
		n, ack, err := pending(ctx, stream, durable)
		if err != nil {
			return fmt.Errorf("cannot read consumer %s/%s: %w", stream, durable, err)
		}
		if n > max {
			return fmt.Errorf("consumer %s/%s has %d events pending (%d unacknowledged), bound %d: verify is falling behind", stream, durable, n, ack, max)
		}
		return nil
	}
}

// IngestLag fails when the ingest cursor is more than max blocks behind the
// confirmed head (head - confirmations). cursor returns the last processed block.
func IngestLag(l1 HeaderReader, cursor func(ctx context.Context) (uint64, error), confirmations, max uint64) Check {
	return func(ctx context.Context) error {
		h, err := l1.HeaderByNumber(ctx, nil)
		if err != nil {
			return fmt.Errorf("L1 node does not answer: %w", err)
		}
		cur, err := cursor(ctx)
		if err != nil {
			return fmt.Errorf("cannot read ingest cursor: %w", err)
		}
		head := h.Number.Uint64()
		target := uint64(0)
		if head > confirmations {
			target = head - confirmations
		}
		if target > cur && target-cur > max {
			return fmt.Errorf("ingest is at block %d, %d blocks behind the confirmed head %d (bound %d)", cur, target-cur, target, max)
		}
		return nil
	}
}
