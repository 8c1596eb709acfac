// Package tower assembles the pipeline roles of one watcher process
// (ingest -> JetStream -> verify -> store -> challenge, plus the delegation
// API) around the L2 kinds it guards.
package tower

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"net"
	"net/http"
	"slices"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/alerts"
	"github.com/watchtower-l2/watchtower/watcher/bus"
	"github.com/watchtower-l2/watchtower/watcher/challenge"
	"github.com/watchtower-l2/watchtower/watcher/delegation"
	"github.com/watchtower-l2/watchtower/watcher/event"
	"github.com/watchtower-l2/watchtower/watcher/eventauth"
	"github.com/watchtower-l2/watchtower/watcher/ingest"
	"github.com/watchtower-l2/watchtower/watcher/l2"
	"github.com/watchtower-l2/watchtower/watcher/metrics"
	"github.com/watchtower-l2/watchtower/watcher/store"
	"github.com/watchtower-l2/watchtower/watcher/txmgr"
	"github.com/watchtower-l2/watchtower/watcher/verify"
)

// Roles a process can run.
const (
	RoleIngest    = "ingest"
	RoleVerify    = "verify"
	RoleChallenge = "challenge"
	RoleAPI       = "api"
)

// L1 is everything the roles read from and send to the L1 node; both
// *ethclient.Client and the simulated backend's client implement it.
type L1 interface {
	ChainID(ctx context.Context) (*big.Int, error)
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
	FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error)
	SubscribeNewHead(ctx context.Context, ch chan<- *types.Header) (ethereum.Subscription, error)
	txmgr.Client
	l2.L1
}

// Options configures a tower process.
type Options struct {
	Roles     []string
	Owner     string
	ChainID   *big.Int
	Stream    string
	Replicas  int
	Ingest    ingest.Config
	Challenge challenge.Config
	TxMgr     txmgr.Config
	// SignerKeys are more challenge signer keys beside New's key
	// (signer.key_files): the challenge role spreads its transactions over
	// all of them.
	SignerKeys []*ecdsa.PrivateKey
	// MaxPending caps one signer key's transactions sent and not yet mined
	// when there are several keys (default txmgr.DefaultMaxPending). A
	// single key sends without a cap, as it always did.
	MaxPending    int
	VerifyWorkers int
	// VerifyBatch > 0 makes the verify role judge up to that many events per
	// round trip (kinds with a batch verifier pipeline their store reads).
	VerifyBatch int
	// VerifyAckWait is how long the events a dead verify process held wait
	// before another process judges them (0: the bus default, 30s).
	VerifyAckWait time.Duration
	// EventSigner seals the events the ingest role publishes (required by it).
	EventSigner *eventauth.Signer
	// EventKeys are the keys whose seals the verify role accepts (default:
	// EventSigner's own, for a process running both roles).
	EventKeys *eventauth.Verifier
	// Identity signs delegation receipts and heartbeats: the api role's own
	// key (api.identity_key_file). The api role requires it, and it must not
	// be the challenge signer key: the api role faces the internet, the
	// signer key holds funds.
	Identity *ecdsa.PrivateKey
	// API tunes the delegation API (rate limits, registration gates); the
	// tower sets its Channels, Store and Identity.
	API delegation.Config
	// APIListener serves the delegation API when the api role runs.
	APIListener net.Listener
	// Metrics instruments every role (nil: none).
	Metrics *metrics.Metrics
	// Kinds build the L2 kinds this tower guards (at least one). A kind
	// that also implements l2.Runner is run with the ingest role.
	Kinds []l2.Factory
}

// Tower is one watcher process.
type Tower struct {
	opts  Options
	Queue *challenge.Queue
	// Sender signs the challenges: a pool of the signer keys, New's key first.
	Sender  *txmgr.Pool
	ingest  *ingest.Ingester
	verify  *verify.Verifier
	runner  *challenge.Runner
	api     http.Handler
	apiSrv  *delegation.Server
	runners []namedRunner
	l1      L1
	log     *zap.Logger
	// Kinds are the L2 kinds this tower guards.
	Kinds l2.Registry
}

type namedRunner struct {
	name string
	r    l2.Runner
}

// New wires the roles in opts.Roles. key is needed by the challenge role only.
func New(ctx context.Context, opts Options, l1 L1, b *bus.Bus, st store.Store, key *ecdsa.PrivateKey, sink alerts.Sink, log *zap.Logger) (*Tower, error) {
	if opts.Stream == "" {
		opts.Stream = "WATCHTOWER"
	}
	if opts.ChainID == nil {
		id, err := l1.ChainID(ctx)
		if err != nil {
			return nil, fmt.Errorf("tower: read L1 chain id: %w", err)
		}
		opts.ChainID = id
	}
	chainID := opts.ChainID.Uint64()
	t := &Tower{opts: opts, log: log, l1: l1}
	t.Queue = challenge.NewQueue(st, chainID, opts.Owner)
	if len(opts.Kinds) == 0 {
		return nil, errors.New("tower: no L2 kind to guard")
	}
	var all []l2.Kind
	deps := l2.Deps{ChainID: opts.ChainID, L1: l1, Bus: b, Store: st, Queue: t.Queue, Alerts: sink, Log: log}
	for _, build := range opts.Kinds {
		k, err := build(ctx, deps)
		if err != nil {
			return nil, fmt.Errorf("tower: build kind: %w", err)
		}
		all = append(all, k)
		if r, ok := k.(l2.Runner); ok && t.has(RoleIngest) {
			t.runners = append(t.runners, namedRunner{name: k.Name(), r: r})
		}
	}
	kinds, err := l2.NewRegistry(all...)
	if err != nil {
		return nil, err
	}
	t.Kinds = kinds
	if t.has(RoleIngest) || t.has(RoleVerify) {
		if b == nil {
			return nil, errors.New("tower: ingest and verify need the NATS bus")
		}
		if err := b.EnsureStream(ctx, bus.StreamConfig{
			Name:     opts.Stream,
			Subjects: []string{event.ChainSubjects(chainID)},
			Replicas: opts.Replicas,
		}); err != nil {
			return nil, fmt.Errorf("tower: %w", err)
		}
	}
	if t.has(RoleIngest) {
		cfg := opts.Ingest
		cfg.ChainID = chainID
		cfg.Metrics = opts.Metrics
		if opts.EventSigner == nil {
			return nil, errors.New("tower: the ingest role needs a key to seal events with (events.signing_key_file)")
		}
		cfg.Signer = opts.EventSigner
		if t.ingest, err = ingest.New(l1, b, st, kinds, cfg, log); err != nil {
			return nil, err
		}
	}
	if t.has(RoleVerify) {
		keys := opts.EventKeys
		if keys == nil && opts.EventSigner != nil {
			if keys, err = eventauth.NewVerifier(opts.EventSigner.Public()); err != nil {
				return nil, fmt.Errorf("tower: %w", err)
			}
		}
		if t.verify, err = verify.New(b, st, kinds, t.Queue, sink, verify.Config{ChainID: chainID, Stream: opts.Stream, Workers: opts.VerifyWorkers,
			Batch: opts.VerifyBatch, AckWait: opts.VerifyAckWait, Metrics: opts.Metrics, Auth: keys, L1: l1}, log); err != nil {
			return nil, fmt.Errorf("tower: %w", err)
		}
	}
	if t.has(RoleChallenge) {
		if key == nil {
			return nil, errors.New("tower: the challenge role needs a signer key (signer.key_file)")
		}
		tc := opts.TxMgr
		tc.ChainID = opts.ChainID
		keys := append([]*ecdsa.PrivateKey{key}, opts.SignerKeys...)
		pc := txmgr.PoolConfig{MaxPending: opts.MaxPending}
		if len(keys) == 1 {
			pc.MaxPending = -1
		}
		if t.Sender, err = txmgr.NewPool(ctx, l1, keys, tc, pc, log); err != nil {
			return nil, fmt.Errorf("tower: %w", err)
		}
		cc := opts.Challenge
		cc.Metrics = opts.Metrics
		t.runner = challenge.NewRunner(t.Queue, t.Sender, l1, kinds, sink, chainID, cc, log)
	}
	if t.has(RoleAPI) {
		if err := t.newAPI(st, key); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// newAPI builds the api role with its own identity key, refusing none and
// refusing the challenge signer key.
func (t *Tower) newAPI(st store.Store, signer *ecdsa.PrivateKey) error {
	id := t.opts.Identity
	if id == nil {
		return errors.New("tower: the api role needs its own identity key to sign receipts and heartbeats (api.identity_key_file)")
	}
	for _, k := range append([]*ecdsa.PrivateKey{signer}, t.opts.SignerKeys...) {
		if k != nil && crypto.PubkeyToAddress(id.PublicKey) == crypto.PubkeyToAddress(k.PublicKey) {
			return errors.New("tower: api.identity_key_file holds a challenge signer key: the internet-facing api role needs its own key")
		}
	}
	cfg := t.opts.API
	cfg.Store, cfg.Identity = st, id
	cfg.ChainID, cfg.Head = t.opts.ChainID.Uint64(), t.head
	// Kinds that hold their users' proofs take them through the intake; the
	// others take subscriptions.
	cfg.Kinds, cfg.Intakes, cfg.Contracts = nil, map[string]l2.Intake{}, map[string][]common.Address{}
	for _, name := range t.Kinds.Names() {
		k := t.Kinds[name]
		cfg.Contracts[name] = k.Addresses()
		if in, ok := k.(l2.Intake); ok {
			cfg.Intakes[name] = in
			continue
		}
		cfg.Kinds = append(cfg.Kinds, name)
	}
	if t.opts.Metrics != nil && cfg.Metrics == nil {
		cfg.Metrics = t.opts.Metrics
	}
	srv, err := delegation.NewServer(cfg, t.log)
	if err != nil {
		return fmt.Errorf("tower: api role: %w", err)
	}
	t.api, t.apiSrv = srv, srv
	return nil
}

// head reads the L1 head block number.
func (t *Tower) head(ctx context.Context) (uint64, error) {
	h, err := t.l1.HeaderByNumber(ctx, nil)
	if err != nil {
		return 0, err
	}
	return h.Number.Uint64(), nil
}

func (t *Tower) has(role string) bool { return slices.Contains(t.opts.Roles, role) }

// API returns the delegation API handler (nil without the api role).
func (t *Tower) API() http.Handler { return t.api }

// Run runs the roles until ctx is cancelled, then lets in-flight verdicts and
// challenges reach a recorded state. The first role to fail stops the rest.
func (t *Tower) Run(ctx context.Context) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	errs := make(chan error, 5+len(t.runners))
	var roles []string
	start := func(name string, run func(context.Context) error) {
		roles = append(roles, name)
		wg.Add(1)
		go func() {
			defer wg.Done()
			began := time.Now()
			err := run(ctx)
			if err != nil && ctx.Err() == nil {
				errs <- fmt.Errorf("%s role: %w", name, err)
				cancel()
			}
			t.log.Info("role stopped", zap.String("role", name), zap.Duration("ran", time.Since(began)), zap.Error(err))
		}()
	}
	if t.ingest != nil {
		start(RoleIngest, t.ingest.Run)
	}
	for _, nr := range t.runners {
		start(RoleIngest+"/"+nr.name, nr.r.Run)
	}
	if t.verify != nil {
		start(RoleVerify, t.verify.Run)
	}
	if t.runner != nil {
		start(RoleChallenge, t.runner.Run)
	}
	if t.apiSrv != nil {
		// Prunes what expired subscriptions and settled channels no longer need.
		start(RoleAPI+"/prune", t.apiSrv.Run)
	}
	if t.api != nil && t.opts.APIListener != nil {
		srv := &http.Server{Handler: t.api, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 15 * time.Second}
		start(RoleAPI, func(ctx context.Context) error {
			go func() {
				<-ctx.Done()
				sctx, c := context.WithTimeout(context.WithoutCancel(ctx), apiShutdownTimeout)
				defer c()
				_ = srv.Shutdown(sctx)
			}()
			if err := srv.Serve(t.opts.APIListener); err != nil && !errors.Is(err, http.ErrServerClosed) {
				return err
			}
			return nil
		})
	}
	t.log.Info("tower running", zap.Strings("roles", t.opts.Roles), zap.Uint64("chain_id", t.opts.ChainID.Uint64()),
		zap.Strings("kinds", t.Kinds.Names()))
	finished := make(chan struct{})
	logged := make(chan struct{})
	go func() {
		defer close(logged)
		select {
		case <-ctx.Done():
			t.logStopping(roles)
		case <-finished:
		}
	}()
	wg.Wait()
	close(finished)
	<-logged
	close(errs)
	return errors.Join(collect(errs)...)
}

func collect(ch <-chan error) []error {
	var out []error
	for err := range ch {
		out = append(out, err)
	}
	return out
}
