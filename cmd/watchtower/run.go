package main

import (
	"context"
	"crypto/ecdsa"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/alerts"
	"github.com/watchtower-l2/watchtower/internal/config"
	"github.com/watchtower-l2/watchtower/internal/logging"
	"github.com/watchtower-l2/watchtower/internal/preflight"
	"github.com/watchtower-l2/watchtower/watcher/bus"
	"github.com/watchtower-l2/watchtower/watcher/challenge"
	"github.com/watchtower-l2/watchtower/watcher/ingest"
	"github.com/watchtower-l2/watchtower/watcher/l1quorum"
	"github.com/watchtower-l2/watchtower/watcher/l2/kinds"
	"github.com/watchtower-l2/watchtower/watcher/metrics"
	"github.com/watchtower-l2/watchtower/watcher/store"
	"github.com/watchtower-l2/watchtower/watcher/store/pebblestore"
	"github.com/watchtower-l2/watchtower/watcher/tower"
	"github.com/watchtower-l2/watchtower/watcher/txmgr"
)

func cmdRun(ctx context.Context, args []string, _, stderr io.Writer) error {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	file := fs.String("config", "", "YAML config file (every key is also a flag and a WATCHTOWER_* variable)")
	fl := config.Bind(fs, kinds.Builtin())
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	cfg, err := config.Resolve(*file, os.LookupEnv, fl)
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	log, err := logging.New(cfg.Log.Level, cfg.Log.Format, stderr)
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	defer log.Sync() //nolint:errcheck
	return runTower(ctx, cfg, config.NewWatcher(*file, os.LookupEnv, fl, cfg), log)
}

func runTower(ctx context.Context, cfg config.Config, cw *config.Watcher, log *zap.Logger) (err error) {
	defer logStopped(ctx, log, time.Now(), &err)()
	// The offline preflight first: run refuses what `config check` refuses.
	if ps := preflight.Offline(cfg); len(ps) > 0 {
		return preflightError(ps, log)
	}
	m, err := metrics.New(prometheus.NewRegistry())
	if err != nil {
		return err
	}
	if err := os.MkdirAll(cfg.DataDir, 0o700); err != nil {
		return fmt.Errorf("data dir %s: %w", cfg.DataDir, err)
	}
	l1, closeL1, err := dialL1(ctx, cfg, m, log)
	if err != nil {
		return err
	}
	defer closeL1()

	natsURL := cfg.NATS.URL
	if natsURL == "" {
		emb, err := bus.StartEmbedded(bus.EmbeddedOptions{Dir: filepath.Join(cfg.DataDir, "nats"), Logger: log})
		if err != nil {
			return err
		}
		defer func() {
			log.Info("shutting down the embedded NATS server")
			emb.Shutdown()
		}()
		natsURL = emb.ClientURL()
		log.Info("embedded NATS JetStream started", zap.String("url", natsURL))
	}
	b, err := connectBus(ctx, cfg, natsURL, "watchtower-"+cfg.Owner, log)
	if err != nil {
		return err
	}
	defer func() {
		log.Info("closing the NATS connection")
		b.Close()
	}()
	// The online preflight, before any role starts or anything reports ready.
	if ps := preflight.Online(ctx, cfg, preflight.Deps{L1: l1, NATS: b.Conn()}); len(ps) > 0 {
		return preflightError(ps, log)
	}
	chainID, err := l1.ChainID(ctx)
	if err != nil {
		return fmt.Errorf("l1.rpc_url: the L1 endpoints do not answer eth_chainId: %w", err)
	}

	var st store.Store
	if cfg.Store.RedisURL != "" {
		st, err = openRedis(ctx, cfg)
	} else {
		st, err = pebblestore.Open(filepath.Join(cfg.DataDir, "store"), log)
	}
	if err != nil {
		return err
	}
	defer func() {
		log.Info("closing the store")
		st.Close()
	}()
	st = m.InstrumentStore(st)

	var key *ecdsa.PrivateKey
	var extraKeys []*ecdsa.PrivateKey // signer.key_files
	if cfg.HasRole(tower.RoleChallenge) {
		pw := ""
		if cfg.Signer.PasswordFile != "" {
			if pw, err = txmgr.ReadSecretFile(cfg.Signer.PasswordFile); err != nil {
				return fmt.Errorf("signer.password_file: %w", err)
			}
		}
		if key, err = txmgr.LoadKey(cfg.Signer.KeyFile, pw); err != nil {
			return fmt.Errorf("signer.key_file: %w", err)
		}
		for _, f := range cfg.Signer.KeyFiles {
			k, err := txmgr.LoadKey(f, pw)
			if err != nil {
				return fmt.Errorf("signer.key_files: %w", err)
			}
			extraKeys = append(extraKeys, k)
		}
	}
	evSigner, evKeys, err := eventKeys(cfg, log)
	if err != nil {
		return err
	}
	identity, apiCfg, err := apiOptions(cfg)
	if err != nil {
		return err
	}

	// Alerts: the log always; the routed receivers of the alerts section
	// through their durable outbox when one is configured.
	sink := alerts.Fanout{m.InstrumentSink("log", alerts.NewLogSink(log))}
	var mgr *alerts.Manager
	if raw := cfg.Alerts.Bytes(); len(raw) > 0 {
		acfg, err := alerts.ParseConfig(raw)
		if err != nil {
			return fmt.Errorf("alerts: %w", err)
		}
		mgr, err = alerts.New(ctx, acfg, b, log)
		if err != nil {
			return fmt.Errorf("alerts: %w", err)
		}
		m.WatchAlertCounters(mgr.Counters())
		sink = append(sink, mgr)
		outCtx, stopOut := context.WithCancel(context.WithoutCancel(ctx))
		outDone := make(chan error, 1)
		go func() { outDone <- mgr.Run(outCtx) }()
		defer func() {
			log.Info("stopping the alert outbox: the delivery in progress finishes, undelivered alerts stay in the outbox stream")
			stopOut()
			if err := <-outDone; err != nil {
				log.Error("alert outbox stopped with an error", zap.Error(err))
			}
		}()
	}

	owner := cfg.Owner
	if owner == "" {
		host, _ := os.Hostname()
		owner = fmt.Sprintf("%s-%d", host, os.Getpid())
	}
	l1.AlertTo(sink, chainID.Uint64(), owner)
	// build assembles the roles for the watched contracts of c; SIGHUP with
	// other contracts builds a new generation (see below).
	build := func(c config.Config) (*tower.Tower, error) {
		var ln net.Listener
		if c.HasRole(tower.RoleAPI) {
			if ln, err = net.Listen("tcp", c.API.Listen); err != nil {
				return nil, fmt.Errorf("api.listen: %w", err)
			}
			log.Info("delegation API listening", zap.String("addr", ln.Addr().String()))
		}
		tw, err := tower.New(ctx, tower.Options{
			Roles:         c.Roles,
			Owner:         owner,
			ChainID:       chainID,
			Stream:        c.NATS.Stream,
			Replicas:      c.NATS.Replicas,
			Ingest:        ingest.Config{Confirmations: c.L1.Confirmations, StartBlock: c.L1.StartBlock, PollInterval: c.L1.PollInterval},
			Challenge:     challenge.Config{LeaseTTL: c.Challenge.LeaseTTL, Poll: c.Challenge.Poll, MaxInFlight: c.Challenge.MaxInFlight},
			SignerKeys:    extraKeys,
			MaxPending:    c.Signer.MaxPending,
			APIListener:   ln,
			Metrics:       m,
			VerifyWorkers: c.Verify.Workers,
			VerifyBatch:   c.Verify.Batch,
			VerifyAckWait: c.Verify.AckWait,
			Identity:      identity,
			EventSigner:   evSigner,
			EventKeys:     evKeys,
			API:           apiCfg,
			Kinds:         c.Kinds.Factories(),
		}, l1, b, st, key, sink, log)
		if err != nil && ln != nil {
			ln.Close()
		}
		return tw, err
	}
	tw, err := build(cfg)
	if err != nil {
		return err
	}
	od := opsDeps{Config: cfg, Metrics: m, Tower: tw, L1: l1, L1Sources: l1, Bus: b, Store: st, ChainID: chainID.Uint64(), Log: log}
	if mgr != nil {
		od.Silences = mgr.Silences()
	}
	stopOps, err := startOps(ctx, od)
	if err != nil {
		return err
	}
	defer func() {
		log.Info("stopping the operations server (/metrics, /readyz, /status)")
		stopOps()
	}()
	opsCtx, stopOpsAlerts := context.WithCancel(ctx)
	defer stopOpsAlerts()
	go runOpsAlerts(opsCtx, opsAlertDeps{Config: cfg, ChainID: chainID.Uint64(), Owner: owner, L1: l1, Bus: b, Store: st,
		Tower: tw, Manager: mgr, Sink: sink, Log: log}, 15*time.Second)
	cw.OnResult(reloadReporter(log, m))
	if mgr != nil {
		// SIGHUP: new routes, silences and escalation apply to the next alerts.
		cw.OnReload("alerts", func(_, next config.Config) error {
			acfg, err := alerts.ParseConfig(next.Alerts.Bytes())
			if err != nil {
				return err
			}
			return mgr.Reload(acfg)
		})
	}
	// SIGHUP with other watched contracts: finish the running generation
	// gracefully (in-flight verdicts complete, open challenges stay in the
	// store) and start one that watches the new contracts. Nothing is
	// dropped: ingest resumes from its cursor, verify from its durable
	// consumer, challenges from the store.
	regen := make(chan config.Config, 1)
	onContracts := func(_, next config.Config) error {
		select {
		case <-regen: // a newer config replaces one not yet applied
		default:
		}
		regen <- next
		return nil
	}
	for _, prefix := range cfg.Kinds.Names() {
		cw.OnReload(prefix, onContracts)
	}
	stopReload := cw.Start(ctx)
	defer stopReload()
	for {
		genCtx, stopGen := context.WithCancel(ctx)
		done := make(chan error, 1)
		go func() { done <- tw.Run(genCtx) }()
		select {
		case err := <-done:
			stopGen()
			return err
		case next := <-regen:
			stopGen()
			if err := <-done; err != nil {
				return err
			}
			log.Info("watched contracts changed: restarting the roles", zap.Strings("kinds", next.Kinds.Enabled().Names()))
			if tw, err = build(next); err != nil {
				return fmt.Errorf("reload: %w", err)
			}
		}
	}
}

// dialL1 connects to every L1 endpoint (l1.rpc_url and l1.rpc_urls) and
// returns the client that answers what l1.quorum of them agree on, its
// sources' states reported to m.
func dialL1(ctx context.Context, cfg config.Config, m *metrics.Metrics, log *zap.Logger) (*l1quorum.Client, func(), error) {
	srcs, closeNodes, err := l1quorum.Dial(ctx, cfg.L1.URLs())
	if err != nil {
		return nil, nil, fmt.Errorf("l1.rpc_url: %w", err)
	}
	c, err := l1quorum.New(srcs, l1quorum.Config{Quorum: cfg.L1.QuorumOf(), MaxLag: cfg.L1.MaxSourceLag, Reporter: m}, log)
	if err != nil {
		closeNodes()
		return nil, nil, fmt.Errorf("l1.quorum: %w", err)
	}
	names := make([]string, len(srcs))
	for i, s := range srcs {
		names[i] = s.Name
	}
	log.Info("L1 sources", zap.Strings("sources", names), zap.Int("quorum", c.Quorum()))
	return c, func() {
		c.Close()
		closeNodes()
	}, nil
}

// preflightError logs each problem the preflight found and fails with all
// of them on one line (exit status 1).
func preflightError(ps config.Problems, log *zap.Logger) error {
	reasons := make([]string, len(ps))
	for i, p := range ps {
		log.Error("preflight", zap.String("key", p.Path), zap.String("problem", p.Msg))
		reasons[i] = p.Error()
	}
	return &exitError{code: 1, err: fmt.Errorf("preflight failed: %s", strings.Join(reasons, "; "))}
}

// logStopped returns the call runTower defers first, so that it runs last:
// it logs that a stop was requested when ctx ends, then the final "watchtower
// stopped" line with the uptime, how long the stop took and *errp.
func logStopped(ctx context.Context, log *zap.Logger, began time.Time, errp *error) func() {
	var mu sync.Mutex
	var stopAt time.Time
	unwatch := context.AfterFunc(ctx, func() {
		mu.Lock()
		stopAt = time.Now()
		mu.Unlock()
		log.Info("stop requested: draining the roles (a second signal exits at once)")
	})
	return func() {
		unwatch() // stopping on an error: no stop was requested
		mu.Lock()
		at := stopAt
		mu.Unlock()
		fields := []zap.Field{zap.Duration("uptime", time.Since(began))}
		if !at.IsZero() {
			fields = append(fields, zap.Duration("stop_took", time.Since(at)))
		}
		log.Info("watchtower stopped", append(fields, zap.Error(*errp))...)
	}
}
