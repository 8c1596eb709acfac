package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"
	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/alerts"
	"github.com/watchtower-l2/watchtower/internal/config"
	"github.com/watchtower-l2/watchtower/watcher/bus"
	"github.com/watchtower-l2/watchtower/watcher/challenge"
	"github.com/watchtower-l2/watchtower/watcher/health"
	"github.com/watchtower-l2/watchtower/watcher/ingest"
	"github.com/watchtower-l2/watchtower/watcher/l2/kinds"
	"github.com/watchtower-l2/watchtower/watcher/metrics"
	"github.com/watchtower-l2/watchtower/watcher/store"
	"github.com/watchtower-l2/watchtower/watcher/store/pebblestore"
	"github.com/watchtower-l2/watchtower/watcher/tower"
)

// statusL1 is what status reads from L1 (*ethclient.Client).
type statusL1 interface {
	ChainID(ctx context.Context) (*big.Int, error)
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
}

// towerStatus is what `watchtower status` and GET /status report.
type towerStatus struct {
	Time          time.Time    `json:"time"`
	ChainID       uint64       `json:"chain_id"`
	Roles         []string     `json:"roles,omitempty"`
	Watches       []string     `json:"watches"`
	Store         string       `json:"store"`
	NATS          string       `json:"nats"`
	L1Head        uint64       `json:"l1_head,omitempty"`
	L1HeadAge     string       `json:"l1_head_age,omitempty"`
	BlockTime     float64      `json:"block_time_seconds,omitempty"`
	Confirmations uint64       `json:"confirmations"`
	Cursor        *uint64      `json:"ingest_cursor,omitempty"`
	BehindBlocks  *int64       `json:"behind_blocks,omitempty"`
	Disputes      []disputeRow `json:"open_disputes"`
	Problems      []string     `json:"problems,omitempty"`
}

type disputeRow struct {
	Dispute       string    `json:"dispute"`
	Kind          string    `json:"kind"`
	Subject       string    `json:"subject"`
	Status        string    `json:"status"`
	DeadlineBlock uint64    `json:"deadline_block"`
	BlocksLeft    *int64    `json:"blocks_left,omitempty"`
	TimeLeft      string    `json:"time_left,omitempty"`
	TxHash        string    `json:"tx_hash,omitempty"`
	Sender        string    `json:"sender,omitempty"`
	Attempts      int       `json:"attempts"`
	Reason        string    `json:"reason,omitempty"`
	QueuedAt      time.Time `json:"queued_at"`
	UpdatedAt     time.Time `json:"updated_at"`
}

// maxStatusJobs bounds how many open jobs status lists.
const maxStatusJobs = 500

// openJobs returns the open challenge jobs, earliest deadline first.
func openJobs(ctx context.Context, q *challenge.Queue, limit int) ([]challenge.Job, error) {
	ids, err := q.Open(ctx, limit)
	if err != nil {
		return nil, err
	}
	jobs := make([]challenge.Job, 0, len(ids))
	for _, id := range ids {
		j, err := q.Get(ctx, id)
		if errors.Is(err, store.ErrNotFound) {
			continue // indexed before its record was written, or just finished
		}
		if err != nil {
			return nil, err
		}
		if !j.Status.Final() {
			jobs = append(jobs, j)
		}
	}
	return jobs, nil
}

// deadlineSource feeds watchtower_dispute_deadline_blocks_left.
func deadlineSource(q *challenge.Queue, l1 statusL1) metrics.DeadlineFunc {
	return func(ctx context.Context) (uint64, []metrics.Deadline, error) {
		h, err := l1.HeaderByNumber(ctx, nil)
		if err != nil {
			return 0, nil, err
		}
		jobs, err := openJobs(ctx, q, maxStatusJobs)
		if err != nil {
			return 0, nil, err
		}
		out := make([]metrics.Deadline, len(jobs))
		for i, j := range jobs {
			out[i] = metrics.Deadline{Kind: j.Kind, Dispute: j.DisputeID, Status: string(j.Status), DeadlineBlock: j.DeadlineBlock}
		}
		return h.Number.Uint64(), out, nil
	}
}

// ingestCursor reads the ingest cursor through the ingest package.
func ingestCursor(st store.Store, chainID uint64) func(ctx context.Context) (uint64, error) {
	in, err := ingest.New(nil, nil, st, nil, ingest.Config{ChainID: chainID}, zap.NewNop())
	return func(ctx context.Context) (uint64, error) {
		if err != nil {
			return 0, err
		}
		c, err := in.Cursor(ctx)
		if err != nil {
			return 0, err
		}
		return c.Number, nil
	}
}

// gatherStatus reads everything status shows from the store and L1. It
// reports what it could not read in Problems rather than failing.
func gatherStatus(ctx context.Context, cfg config.Config, l1 statusL1, chainID uint64, st store.Store) towerStatus {
	s := towerStatus{Time: time.Now().UTC(), ChainID: chainID, Roles: cfg.Roles, Confirmations: cfg.L1.Confirmations, Disputes: []disputeRow{}}
	for _, k := range cfg.Kinds.Enabled() {
		for _, c := range k.Value.Contracts() {
			s.Watches = append(s.Watches, k.Plugin.Name+": "+c.Name+" "+c.Address.Hex())
		}
	}
	s.Store = describeStore(cfg)
	s.NATS = "embedded (" + filepath.Join(cfg.DataDir, "nats") + ")"
	if cfg.NATS.URL != "" {
		s.NATS = redact(cfg.NATS.URL) + " stream " + cfg.NATS.Stream
	}
	var head *types.Header
	if l1 != nil {
		h, err := l1.HeaderByNumber(ctx, nil)
		if err != nil {
			s.Problems = append(s.Problems, "L1: "+err.Error())
		} else {
			head = h
			s.L1Head = h.Number.Uint64()
			s.L1HeadAge = max(time.Since(time.Unix(int64(h.Time), 0)), 0).Round(time.Second).String()
			if n := h.Number.Uint64(); n > 64 {
				if old, err := l1.HeaderByNumber(ctx, new(big.Int).SetUint64(n-64)); err == nil && h.Time > old.Time {
					s.BlockTime = float64(h.Time-old.Time) / 64
				}
			}
		}
	}
	if cur, err := ingestCursor(st, chainID)(ctx); err == nil {
		s.Cursor = &cur
		if head != nil {
			behind := int64(head.Number.Uint64()) - int64(cur)
			s.BehindBlocks = &behind
		}
	} else if errors.Is(err, store.ErrNotFound) {
		s.Problems = append(s.Problems, "ingest: no cursor stored yet (ingest has not run against this store and chain)")
	} else {
		s.Problems = append(s.Problems, "ingest cursor: "+err.Error())
	}
	jobs, err := openJobs(ctx, challenge.NewQueue(st, chainID, "status"), maxStatusJobs)
	if err != nil {
		s.Problems = append(s.Problems, "challenge queue: "+err.Error())
	}
	for _, j := range jobs {
		r := disputeRow{
			Dispute: j.DisputeID, Kind: j.Kind, Subject: j.Subject, Status: string(j.Status), DeadlineBlock: j.DeadlineBlock,
			Sender: j.Sender, Attempts: j.Attempts, Reason: j.Reason, QueuedAt: j.QueuedAt, UpdatedAt: j.UpdatedAt,
		}
		if j.TxHash != (common.Hash{}) {
			r.TxHash = j.TxHash.Hex()
		}
		if head != nil {
			left := int64(j.DeadlineBlock) - int64(head.Number.Uint64())
			r.BlocksLeft = &left
			if s.BlockTime > 0 && left > 0 {
				r.TimeLeft = "~" + (time.Duration(float64(left)*s.BlockTime) * time.Second).Round(time.Second).String()
			} else if left <= 0 {
				r.TimeLeft = "past deadline"
			}
		}
		s.Disputes = append(s.Disputes, r)
	}
	return s
}

func describeStore(cfg config.Config) string {
	if cfg.Store.RedisURL != "" {
		return "redis " + redact(cfg.Store.RedisURL) + " prefix " + cfg.Store.Prefix
	}
	return "pebble " + filepath.Join(cfg.DataDir, "store")
}

// redact hides passwords in URLs (comma-separated lists too).
func redact(raw string) string {
	parts := strings.Split(raw, ",")
	for i, p := range parts {
		if u, err := url.Parse(strings.TrimSpace(p)); err == nil {
			parts[i] = u.Redacted()
		}
	}
	return strings.Join(parts, ",")
}

// printStatus writes the operator's view.
func printStatus(w io.Writer, s towerStatus) {
	fmt.Fprintf(w, "watchtower status at %s\n\n", s.Time.Format(time.RFC3339))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "Chain\t%d\n", s.ChainID)
	for i, x := range s.Watches {
		label := ""
		if i == 0 {
			label = "Watching"
		}
		fmt.Fprintf(tw, "%s\t%s\n", label, x)
	}
	if len(s.Watches) == 0 {
		fmt.Fprintf(tw, "Watching\tnothing configured (no kind's section names a contract)\n")
	}
	if len(s.Roles) > 0 {
		fmt.Fprintf(tw, "Roles\t%s\n", strings.Join(s.Roles, ", "))
	}
	fmt.Fprintf(tw, "Store\t%s\n", s.Store)
	fmt.Fprintf(tw, "NATS\t%s\n", s.NATS)
	if s.L1Head != 0 {
		bt := ""
		if s.BlockTime > 0 {
			bt = fmt.Sprintf(", ~%.1fs per block", s.BlockTime)
		}
		fmt.Fprintf(tw, "L1 head\t%d (%s old%s)\n", s.L1Head, s.L1HeadAge, bt)
	}
	switch {
	case s.Cursor != nil && s.BehindBlocks != nil:
		extra := int64(0)
		if *s.BehindBlocks > int64(s.Confirmations) {
			extra = *s.BehindBlocks - int64(s.Confirmations)
		}
		verdict := "up to date"
		if extra > 0 {
			verdict = fmt.Sprintf("%d block(s) behind the confirmed head", extra)
		}
		fmt.Fprintf(tw, "Ingest\tblock %d, %d behind the head with %d confirmations: %s\n", *s.Cursor, *s.BehindBlocks, s.Confirmations, verdict)
	case s.Cursor != nil:
		fmt.Fprintf(tw, "Ingest\tblock %d (L1 head unknown)\n", *s.Cursor)
	}
	tw.Flush()

	fmt.Fprintf(w, "\nOpen disputes: %d\n", len(s.Disputes))
	if len(s.Disputes) > 0 {
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "  DISPUTE\tKIND\tSUBJECT\tSTATUS\tDEADLINE\tBLOCKS LEFT\tTIME LEFT")
		for _, d := range s.Disputes {
			left := "?"
			if d.BlocksLeft != nil {
				left = fmt.Sprint(*d.BlocksLeft)
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%d\t%s\t%s\n", clip(d.Dispute, 24), d.Kind, clip(d.Subject, 20), d.Status, d.DeadlineBlock, left, orDash(d.TimeLeft))
		}
		tw.Flush()
	}

	var pending []disputeRow
	for _, d := range s.Disputes {
		if d.Status != string(challenge.Pending) || d.Attempts > 0 || d.Reason != "" {
			pending = append(pending, d)
		}
	}
	fmt.Fprintf(w, "\nChallenges in flight: %d (signed or sent, or retried)\n", len(pending))
	if len(pending) > 0 {
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "  DISPUTE\tSTATUS\tTX\tATTEMPTS\tSENDER\tUPDATED\tNOTE")
		for _, d := range pending {
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%d\t%s\t%s ago\t%s\n", clip(d.Dispute, 24), d.Status, orDash(clip(d.TxHash, 18)), d.Attempts,
				orDash(clip(d.Sender, 12)), time.Since(d.UpdatedAt).Round(time.Second), orDash(d.Reason))
		}
		tw.Flush()
	}
	if len(s.Problems) > 0 {
		fmt.Fprintf(w, "\nCould not read:\n")
		for _, p := range s.Problems {
			fmt.Fprintf(w, "  %s\n", p)
		}
	}
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n-1] + "…"
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// cmdStatus is `watchtower status`: read-only, from the store and L1, or
// from a running tower's /status when the embedded store is in use by it.
func cmdStatus(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("status", flag.ContinueOnError)
	fs.SetOutput(stderr)
	file := fs.String("config", "", "YAML config file of the tower (every key is also a flag and a WATCHTOWER_* variable)")
	jsonOut := fs.Bool("json", false, "print JSON instead of tables")
	from := fs.String("url", "", "read from a running tower's operations server (e.g. http://127.0.0.1:7300) instead of the store")
	fl := config.Bind(fs, kinds.Builtin())
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	cfg, err := config.Load(*file, os.LookupEnv, fl)
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	var s towerStatus
	if *from != "" {
		if s, err = fetchStatus(ctx, *from); err != nil {
			return err
		}
	} else if s, err = localStatus(ctx, cfg); err != nil {
		return err
	}
	if *jsonOut {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(s)
	}
	printStatus(stdout, s)
	return nil
}

func localStatus(ctx context.Context, cfg config.Config) (towerStatus, error) {
	var l1 *ethclient.Client
	chainID := cfg.L1.ChainID
	var l1Problem string
	// status reads the first L1 endpoint: it shows, it does not act.
	if urls := cfg.L1.URLs(); len(urls) > 0 {
		rpcURL := urls[0]
		c, err := ethclient.DialContext(ctx, rpcURL)
		if err == nil {
			l1 = c
			defer l1.Close()
			if id, err := l1.ChainID(ctx); err == nil {
				if chainID != 0 && id.Uint64() != chainID {
					return towerStatus{}, fmt.Errorf("l1.chain_id: configured %d but %s is chain %d", chainID, redact(rpcURL), id)
				}
				chainID = id.Uint64()
			} else {
				l1Problem = "L1 " + redact(rpcURL) + ": " + err.Error()
				l1.Close()
				l1 = nil
			}
		} else {
			l1Problem = "L1 " + redact(rpcURL) + ": " + err.Error()
		}
	}
	if chainID == 0 {
		msg := "the chain id is unknown: set l1.rpc_url to a reachable node or l1.chain_id"
		if l1Problem != "" {
			msg += " (" + l1Problem + ")"
		}
		return towerStatus{}, errors.New(msg)
	}
	st, err := openStoreReadOnly(ctx, cfg)
	if err != nil {
		return towerStatus{}, err
	}
	defer st.Close()
	var src statusL1
	if l1 != nil {
		src = l1
	}
	s := gatherStatus(ctx, cfg, src, chainID, st)
	if l1Problem != "" {
		s.Problems = append([]string{l1Problem}, s.Problems...)
	}
	return s, nil
}

// openStoreReadOnly opens the configured store. Pebble allows one process:
// while a tower runs on the data dir, status must ask it over HTTP.
func openStoreReadOnly(ctx context.Context, cfg config.Config) (store.Store, error) {
	if cfg.Store.RedisURL != "" {
		return openRedis(ctx, cfg)
	}
	dir := filepath.Join(cfg.DataDir, "store")
	if _, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("data_dir: no embedded store at %s (is data_dir right?): %w", dir, err)
	}
	st, err := pebblestore.Open(dir, zap.NewNop())
	if err != nil {
		hint := ""
		if cfg.Metrics.Enabled {
			hint = fmt.Sprintf("; if a tower is running on it, use: watchtower status --url http://%s", cfg.Metrics.Listen)
		}
		return nil, fmt.Errorf("open the embedded store %s: %w%s", dir, err, hint)
	}
	return st, nil
}

func fetchStatus(ctx context.Context, base string) (towerStatus, error) {
	var s towerStatus
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimRight(base, "/")+"/status", nil)
	if err != nil {
		return s, usageErr("--url: %v", err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return s, fmt.Errorf("--url: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
		return s, fmt.Errorf("--url: %s answered %s: %s", base, resp.Status, strings.TrimSpace(string(b)))
	}
	if err := json.NewDecoder(resp.Body).Decode(&s); err != nil {
		return s, fmt.Errorf("--url: decode /status: %w", err)
	}
	return s, nil
}

// statusHandler serves GET /status as JSON from a running tower.
func statusHandler(cfg config.Config, l1 statusL1, chainID uint64, st store.Store) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 10*time.Second)
		defer cancel()
		s := gatherStatus(ctx, cfg, l1, chainID, st)
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		_ = enc.Encode(s)
	})
}

// opsDeps is what the operations server reads from a running tower.
type opsDeps struct {
	Config  config.Config
	Metrics *metrics.Metrics
	Tower   *tower.Tower
	L1      tower.L1
	// L1Sources, with several L1 endpoints, adds their agreement to /readyz.
	L1Sources interface{ Ready(context.Context) error }
	Bus       *bus.Bus // nil when no role uses NATS
	Store     store.Store
	ChainID   uint64
	Log       *zap.Logger
	// Silences are the run-time alert silences, listed read-only at
	// GET /silences (nil: no alerts section).
	Silences *alerts.SilenceStore
}

// startOps registers the scrape-time metric sources and readiness checks for
// the roles this process runs and serves /metrics, /healthz, /readyz and
// /status on metrics.listen until ctx is cancelled or stop is called; stop
// shuts the server down and waits for it. With metrics.enabled false it
// does nothing.
func startOps(ctx context.Context, d opsDeps) (stop func(), err error) {
	cfg := d.Config
	if !cfg.Metrics.Enabled {
		return func() {}, nil
	}
	minBal, err := cfg.Health.MinBalance()
	if err != nil {
		return nil, fmt.Errorf("health.min_signer_balance: %w", err)
	}
	m := d.Metrics
	chk := health.NewChecker()
	addReadiness(chk, cfg, d, minBal)
	if cfg.HasRole(tower.RoleVerify) && d.Bus != nil {
		m.WatchConsumer(cfg.NATS.Stream, "verify", d.Bus.ConsumerPending)
	}
	if d.Tower != nil && d.Tower.Sender != nil {
		for _, k := range d.Tower.Sender.Managers() {
			m.WatchSignerBalance(k.From().Hex(), k.Balance)
		}
	}
	if d.Tower != nil && d.Tower.Queue != nil && cfg.HasRole(tower.RoleChallenge) {
		m.WatchDeadlines(deadlineSource(d.Tower.Queue, d.L1))
	}
	m.BuildInfo(version(), strings.Join(cfg.Roles, ","))
	ln, err := net.Listen("tcp", cfg.Metrics.Listen)
	if err != nil {
		return nil, fmt.Errorf("metrics.listen: %w", err)
	}
	routes := map[string]http.Handler{"GET /status": statusHandler(cfg, d.L1, d.ChainID, d.Store)}
	if d.Silences != nil {
		// Read only: the listener has no authentication; silences are added
		// and expired with `watchtower alerts silence`, through NATS.
		routes["GET /silences"] = alerts.SilenceHandler(d.Silences)
	}
	mux := health.Mux(chk, m.Handler(), routes)
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := health.Serve(ctx, ln, mux); err != nil && d.Log != nil {
			d.Log.Warn("operations server stopped", zap.Error(err))
		}
	}()
	if d.Log != nil {
		d.Log.Info("operations server listening", zap.String("addr", ln.Addr().String()),
			zap.Strings("paths", []string{"/metrics", "/healthz", "/readyz", "/status", "/silences"}))
	}
	return func() {
		cancel()
		<-done
	}, nil
}
