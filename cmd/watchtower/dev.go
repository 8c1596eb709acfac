package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/prometheus/client_golang/prometheus"
	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/alerts"
	"github.com/watchtower-l2/watchtower/internal/config"
	"github.com/watchtower-l2/watchtower/internal/devnet"
	"github.com/watchtower-l2/watchtower/internal/logging"
	"github.com/watchtower-l2/watchtower/internal/scenario"
	"github.com/watchtower-l2/watchtower/watcher/bus"
	"github.com/watchtower-l2/watchtower/watcher/challenge"
	"github.com/watchtower-l2/watchtower/watcher/delegation"
	"github.com/watchtower-l2/watchtower/watcher/eventauth"
	"github.com/watchtower-l2/watchtower/watcher/ingest"
	"github.com/watchtower-l2/watchtower/watcher/l2"
	"github.com/watchtower-l2/watchtower/watcher/metrics"
	"github.com/watchtower-l2/watchtower/watcher/store/pebblestore"
	"github.com/watchtower-l2/watchtower/watcher/tower"
	"github.com/watchtower-l2/watchtower/watcher/txmgr"
)

type devFlags struct {
	jsonOut   bool
	blockTime time.Duration
	window    uint64
	rpcPort   int
	apiListen string
	dataDir   string
	logLevel  string
	keep      bool
	seed      uint64
	webhook   string
	secret    string
	alerts    string
	metrics   string
	signers   int
	cpuProf   string
	// counts is each demo's number of subjects, by kind.
	counts map[string]*int
}

// demoRun is one kind's demo with its count and its accounts.
type demoRun struct {
	demo scenario.Demo
	n    int
	env  scenario.Env
}

func cmdDev(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("dev", flag.ContinueOnError)
	fs.SetOutput(stderr)
	f := devFlags{counts: map[string]*int{}}
	fs.BoolVar(&f.jsonOut, "json", false, "print the summary as JSON on stdout")
	fs.DurationVar(&f.blockTime, "block-time", 100*time.Millisecond, "L1 block time of the in-process chain")
	fs.Uint64Var(&f.window, "window", 60, "dispute window of every scenario's contracts, in blocks")
	fs.IntVar(&f.rpcPort, "rpc-port", 0, "port for the L1 JSON-RPC on 127.0.0.1 (0: a free port)")
	fs.StringVar(&f.apiListen, "api-listen", "127.0.0.1:0", "delegation API listen address")
	fs.StringVar(&f.dataDir, "data-dir", "", "where the embedded store and NATS keep data (default: a temporary dir, removed at exit)")
	fs.StringVar(&f.logLevel, "log-level", "error", "tower log level on stderr (alerts are printed regardless)")
	fs.BoolVar(&f.keep, "keep-running", false, "keep the devnet and tower running after the scenario (Ctrl-C to stop)")
	fs.Uint64Var(&f.seed, "seed", 1, "scenario random seed")
	fs.StringVar(&f.webhook, "alert-webhook", "", "also deliver every alert to this URL (generic webhook, HMAC-signed, through the durable outbox)")
	fs.StringVar(&f.secret, "alert-webhook-secret", "", "the webhook's HMAC secret (default: a new one, printed at start)")
	fs.StringVar(&f.cpuProf, "cpuprofile", "", "write a CPU profile of the whole run (chain, bus, store and tower are in this process) to this file")
	fs.IntVar(&f.signers, "signers", 4, "challenge signer keys of the tower (a pool: one key sends a storm's challenges one nonce at a time)")
	fs.StringVar(&f.metrics, "metrics-listen", "", "serve the tower's Prometheus /metrics on this address (e.g. 127.0.0.1:7300; empty: not served)")
	fs.StringVar(&f.alerts, "alerts-config", "", "route the demo's alerts with this alerts configuration (YAML: receivers, routes, escalation; as the alerts section of a tower's config)")
	demos := scenario.Demos()
	names := make([]string, len(demos))
	for i, d := range demos {
		names[i] = d.Kind()
	}
	only := fs.String("kinds", strings.Join(names, ","), "the kinds whose scenarios to play, comma separated")
	for _, d := range demos {
		c := d.Count()
		f.counts[d.Kind()] = fs.Int(c.Flag, c.Default, c.Usage)
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	chosen := map[string]bool{}
	for _, k := range strings.Split(*only, ",") {
		if k = strings.TrimSpace(k); k == "" {
			continue
		}
		if !slices.Contains(names, k) {
			return usageErr("--kinds: unknown kind %q (want %s)", k, strings.Join(names, ", "))
		}
		chosen[k] = true
	}
	var runs []*demoRun
	for _, d := range demos {
		if !chosen[d.Kind()] {
			continue
		}
		c, n := d.Count(), *f.counts[d.Kind()]
		if n < 0 || n > c.Max || (n > 0 && n < c.Min) {
			return usageErr("--%s must be 0 or between %d and %d, got %d", c.Flag, max(c.Min, 1), c.Max, n)
		}
		if n > 0 {
			runs = append(runs, &demoRun{demo: d, n: n})
		}
	}
	if len(runs) == 0 {
		return usageErr("every scenario is skipped: give at least one kind a count above 0")
	}
	if f.signers < 1 || f.signers > 64 {
		return usageErr("--signers must be between 1 and 64, got %d", f.signers)
	}
	if f.window < 10 {
		return usageErr("--window must be at least 10 blocks, got %d", f.window)
	}
	log, err := logging.New(f.logLevel, "console", stderr)
	if err != nil {
		return usageErr("%v", err)
	}
	defer log.Sync() //nolint:errcheck
	// The scenario's progress lines and the alert lines come from different
	// goroutines: serialise their writes.
	progress := &lockedWriter{w: stderr}

	dir := f.dataDir
	if dir == "" {
		if dir, err = os.MkdirTemp("", "watchtower-dev-"); err != nil {
			return fmt.Errorf("create a temporary data dir: %w", err)
		}
		defer os.RemoveAll(dir)
	}
	if f.cpuProf != "" {
		stop, err := startCPUProfile(f.cpuProf)
		if err != nil {
			return err
		}
		defer stop()
	}
	return playDev(ctx, f, runs, dir, log, progress, stdout)
}

// playDev starts the in-process L1, every demo's contracts and the tower,
// plays the demos and reports.
func playDev(ctx context.Context, f devFlags, runs []*demoRun, dir string, log *zap.Logger, progress io.Writer, stdout io.Writer) error {
	// L1 accounts: 0 deployer, 1..signers the tower's signer keys, then each
	// demo's in order.
	accounts := 1 + f.signers
	for _, r := range runs {
		accounts += r.demo.Accounts(r.n)
	}
	fmt.Fprintf(progress, "starting the in-process L1 (simulated go-ethereum)...\n")
	net1, err := devnet.Start(devnet.Options{Accounts: accounts, RPCPort: f.rpcPort, WSPort: -1})
	if err != nil {
		return err
	}
	defer net1.Close()
	net1.AutoMine(f.blockTime)
	fmt.Fprintf(progress, "  L1 JSON-RPC at %s (chain id %s, a block every %s)\n", net1.RPCURL, net1.ChainID, f.blockTime)

	emb, err := bus.StartEmbedded(bus.EmbeddedOptions{Dir: filepath.Join(dir, "nats"), Logger: log})
	if err != nil {
		return err
	}
	defer emb.Shutdown()
	b, err := bus.Connect(ctx, emb.ClientURL(), bus.Options{Name: "watchtower-dev", Logger: log})
	if err != nil {
		return err
	}
	defer b.Close()
	st, err := pebblestore.Open(filepath.Join(dir, "store"), log)
	if err != nil {
		return err
	}
	defer st.Close()
	fmt.Fprintf(progress, "  embedded NATS JetStream at %s, embedded store in %s\n", emb.ClientURL(), dir)

	next := 1 + f.signers
	var factories []l2.Factory
	for _, r := range runs {
		k := r.demo.Accounts(r.n)
		r.env = scenario.Env{Net: net1, Deployer: net1.Keys[0], Keys: net1.Keys[next : next+k], NATS: b.Conn(),
			BlockTime: f.blockTime, Window: f.window, Seed: f.seed, Progress: progress}
		next += k
		fac, err := r.demo.Deploy(ctx, r.env, r.n)
		if err != nil {
			return fmt.Errorf("%s: %w", r.demo.Kind(), err)
		}
		defer r.demo.Close()
		factories = append(factories, fac)
	}

	ln, err := net.Listen("tcp", f.apiListen)
	if err != nil {
		return fmt.Errorf("delegation API: listen on %s: %w", f.apiListen, err)
	}
	rec := &alerts.Recorder{}
	sinks := alerts.Fanout{&consoleSink{w: progress}, rec}
	if mgr, stop, err := devAlerts(ctx, f, b, net1, log, progress); err != nil {
		return err
	} else if mgr != nil {
		defer stop()
		sinks = append(sinks, mgr)
	}
	// The demo's ingest seals events with a key made for this run; its verify
	// trusts that key alone, as a single-node tower would.
	events, err := eventauth.GenerateSigner()
	if err != nil {
		return err
	}
	// The api role signs receipts and heartbeats with its own key, never the
	// challenge signer's (see docs/operators.md).
	identity, err := crypto.GenerateKey()
	if err != nil {
		return fmt.Errorf("generate the API identity key: %w", err)
	}
	defaults := config.Default(nil)
	m, err := metrics.New(prometheus.NewRegistry())
	if err != nil {
		return err
	}
	if f.metrics != "" {
		addr, err := serveDevMetrics(ctx, f.metrics, m, log)
		if err != nil {
			return err
		}
		fmt.Fprintf(progress, "  Prometheus metrics at http://%s/metrics\n", addr)
	}
	tw, err := tower.New(ctx, tower.Options{
		EventSigner: events,
		Identity:    identity,
		Roles:       []string{tower.RoleIngest, tower.RoleVerify, tower.RoleChallenge, tower.RoleAPI},
		Owner:       "dev",
		ChainID:     net1.ChainID,
		Ingest:      ingest.Config{Confirmations: devConfirmations, PollInterval: f.blockTime},
		// Verify as a tower run with the default configuration does.
		VerifyWorkers: defaults.Verify.Workers,
		VerifyBatch:   defaults.Verify.Batch,
		VerifyAckWait: defaults.Verify.AckWait,
		Metrics:       m,
		SignerKeys:    net1.Keys[2 : 1+f.signers],
		Challenge:     challenge.Config{Poll: f.blockTime, RetryDelay: 2 * f.blockTime, BlockTime: f.blockTime},
		TxMgr:         txmgr.Config{ReceiptPollInterval: f.blockTime / 2},
		APIListener:   ln,
		// The demo's users all call from 127.0.0.1: a per-IP limit would
		// throttle the scenario itself (users are still limited each).
		API:   delegation.Config{PerIP: delegation.Rate{PerSecond: -1}},
		Kinds: factories,
	}, net1.Client, b, st, net1.Keys[1], sinks, log)
	if err != nil {
		return err
	}
	towerCtx, stopTower := context.WithCancel(context.WithoutCancel(ctx))
	towerDone := make(chan error, 1)
	go func() { towerDone <- tw.Run(towerCtx) }()
	defer func() {
		stopTower()
		if err := <-towerDone; err != nil {
			log.Error("tower stopped with an error", zap.Error(err))
		}
	}()
	apiURL := "http://" + ln.Addr().String()
	fmt.Fprintf(progress, "  tower running: %d signer keys from %s, delegation API at %s (identity %s)\n", f.signers, net1.Address(1).Hex(), apiURL, crypto.PubkeyToAddress(identity.PublicKey).Hex())
	running := scenario.Tower{Kinds: tw.Kinds, API: delegation.NewClient(apiURL, nil), APIURL: apiURL,
		Identity: crypto.PubkeyToAddress(identity.PublicKey), Signers: signerAddrs(net1, f.signers), Alerts: rec.Alerts}

	start := time.Now()
	var sums []scenario.Summary
	for _, r := range runs {
		sum, err := r.demo.Play(ctx, r.env, running, r.n)
		if err != nil {
			return fmt.Errorf("%s scenario: %w", r.demo.Kind(), err)
		}
		sums = append(sums, sum)
	}
	fmt.Fprintf(progress, "scenario done in %s; %d alerts raised\n", time.Since(start).Round(time.Millisecond), len(rec.Alerts()))

	sp, err := speeds(m, sums)
	if err != nil {
		return err
	}
	if f.jsonOut {
		rep := devReport(sums...)
		rep.Speed = sp
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return err
		}
	} else {
		printTable(stdout, sums...)
		printSpeeds(stdout, sp)
	}
	if f.keep {
		for _, r := range runs {
			if w, ok := r.demo.(scenario.Walkthrough); ok {
				if dir, err := w.Walkthrough(ctx, r.env, running); err != nil {
					fmt.Fprintf(progress, "could not prepare the %s walkthrough: %v\n", r.demo.Kind(), err)
				} else {
					fmt.Fprintf(progress, "delegation walkthrough ready (%s): . %s/env   (README, \"Delegate your channel\")\n", r.demo.Kind(), dir)
				}
			}
		}
		fmt.Fprintf(progress, "still running (L1 at %s, API at %s); Ctrl-C to stop\n", net1.RPCURL, apiURL)
		<-ctx.Done()
	}
	if r := devReport(sums...); !r.OK {
		return &exitError{code: 1, err: fmt.Errorf("%d frauds missed, %d false challenges", r.Missed, r.FalseChallenges)}
	}
	return nil
}

// report is the --json summary: totals across kinds, then per kind.
type report struct {
	OK              bool               `json:"ok"`
	Frauds          int                `json:"frauds"`
	Challenged      int                `json:"challenged"`
	Missed          int                `json:"missed"`
	FalseChallenges int                `json:"false_challenges"`
	Honest          int                `json:"honest"`
	Unwatched       int                `json:"unwatched"`
	Kinds           []scenario.Summary `json:"kinds"`
	// Speed is each kind's reaction and blocks to challenge.
	Speed []kindSpeed `json:"speed"`
}

func devReport(sums ...scenario.Summary) report {
	r := report{OK: true, Kinds: sums}
	for _, s := range sums {
		r.OK = r.OK && s.OK()
		r.Frauds += s.Frauds
		r.Challenged += s.Challenged
		r.Missed += s.Missed
		r.FalseChallenges += s.FalseChallenges
		r.Honest += s.Honest
		r.Unwatched += s.Unwatched
	}
	return r
}

func printTable(w io.Writer, sums ...scenario.Summary) {
	for _, s := range sums {
		fmt.Fprintf(w, "\n== %s\n", s.Kind)
		tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
		fmt.Fprintf(tw, "%s\t%s\t%s\tVERDICT\tCHALLENGE TX\tBLOCKS EVENT->MINED\tBLOCKS LEFT\n", s.Columns[0], s.Columns[1], s.Columns[2])
		for _, r := range s.Results {
			txh, blocks, left := "-", "-", "-"
			if r.ChallengeTx != "" {
				txh = short(r.ChallengeTx)
				blocks = fmt.Sprint(r.BlocksToMined)
				left = fmt.Sprint(int64(r.Deadline) - int64(r.MinedBlock))
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", short(r.Subject), r.Claimed, r.Truth, r.Verdict, txh, blocks, left)
		}
		tw.Flush()
		fmt.Fprintf(w, "%s: %d frauds, %d challenged in time, %d missed, %d false challenges, %d honest, %d not delegated\n",
			s.Kind, s.Frauds, s.Challenged, s.Missed, s.FalseChallenges, s.Honest, s.Unwatched)
	}
	r := devReport(sums...)
	if r.OK {
		fmt.Fprintln(w, "\nOK: every fraud was challenged before its deadline and nothing honest was touched")
	} else {
		fmt.Fprintln(w, "\nFAILED: see the rows marked MISSED or FALSE CHALLENGE")
	}
}

func short(h string) string {
	if len(h) <= 14 {
		return h
	}
	return h[:8] + ".." + h[len(h)-4:]
}

// lockedWriter serialises writes from several goroutines.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// consoleSink prints one line per alert for the demo.
type consoleSink struct {
	w io.Writer
}

func (c *consoleSink) Notify(_ context.Context, a alerts.Alert) error {
	tx := ""
	if a.TxHash != "" {
		tx = " tx " + short(a.TxHash)
	}
	_, err := fmt.Fprintf(c.w, "  alert %-8s %-15s %s %s%s (deadline block %d)\n", a.Severity, a.State, a.Kind, short(a.Subject), tx, a.DeadlineBlock)
	return err
}
