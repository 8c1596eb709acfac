// Package chaos is the chaos harness behind `make chaos`: anvil as L1, a
// NATS JetStream server (or a 3-node cluster), Redis (or a primary, two
// replicas and three sentinels) and several `watchtower run` processes; a
// storm of stale, honest and undelegated channel closes (and, with
// Options.Exits, of Plasma exits of spent and unspent outputs on a
// PlasmaFramework whose operator runs in the harness) while towers, a NATS
// node and the Redis primary are SIGKILLed; and a verdict read from L1 only.
package chaos

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"

	"github.com/watchtower-l2/watchtower/deployments/contracts/bindings"
)

// Options configure a run.
type Options struct {
	// Towers is how many `watchtower run` processes share the bus and store.
	Towers int
	// Closes is how many channels are opened and closed (the storm's size).
	Closes int
	// Exits is how many Plasma exits are played alongside the closes, paced
	// over the same period: 6 in 10 exit an output already spent on the
	// child chain (frauds), the rest an unspent one. 0: no PlasmaFramework.
	Exits int
	// Rate is how many channels start their life per second.
	Rate float64
	// BlockTime is anvil's block interval.
	BlockTime time.Duration
	// Window is each channel's dispute window in blocks.
	Window uint64
	// KillEvery is the period between two tower kills.
	KillEvery time.Duration
	// NATSCluster runs NATS as a 3-node cluster (R3 stream) and kills a
	// node during the storm.
	NATSCluster bool
	// RedisSentinel runs Redis as a primary and two replicas under three
	// sentinels and kills the primary during the storm.
	RedisSentinel bool
	// InfraEvery: a NATS node or the Redis primary is killed every
	// InfraEvery-th tower kill, alternately.
	InfraEvery int
	// InfraDown is how long a killed NATS node or Redis primary stays dead.
	InfraDown time.Duration
	// LeaseTTL is the towers' challenge.lease_ttl (0: their default).
	LeaseTTL time.Duration
	// RedisMinReplicas is the towers' store.redis_min_replicas (0: not set).
	RedisMinReplicas int
	// Watchtower is a prebuilt watchtower binary to run (empty: build
	// ./cmd/watchtower of this module).
	Watchtower string
	Seed       uint64
	// Dir holds the binaries, configs, data and logs (empty: a temp dir,
	// removed after a passing run unless Keep).
	Dir  string
	Keep bool
	// Progress receives progress lines (nil: none).
	Progress io.Writer
}

func (o *Options) check() error {
	switch {
	case o.Towers < 1 || o.Towers > 9:
		return fmt.Errorf("chaos: --towers %d: want 1..9 (anvil funds 10 accounts, one deploys)", o.Towers)
	case o.Closes < 1:
		return fmt.Errorf("chaos: --closes %d: want at least 1", o.Closes)
	case o.Exits < 0:
		return fmt.Errorf("chaos: --exits %d: want 0 or more", o.Exits)
	case o.Rate <= 0:
		return fmt.Errorf("chaos: --rate %v: want more than 0", o.Rate)
	case o.BlockTime < time.Second:
		return fmt.Errorf("chaos: --block-time %s: anvil takes whole seconds, at least 1s", o.BlockTime)
	case o.Window < 2:
		return fmt.Errorf("chaos: --window %d: the adjudicator's minimum is 2 blocks", o.Window)
	case o.KillEvery <= 0:
		return fmt.Errorf("chaos: --kill-every %s: want more than 0", o.KillEvery)
	case o.RedisMinReplicas < 0:
		return fmt.Errorf("chaos: --redis-min-replicas %d: want 0 or more", o.RedisMinReplicas)
	case o.InfraEvery < 1:
		return fmt.Errorf("chaos: --infra-every %d: want at least 1", o.InfraEvery)
	}
	if o.Progress == nil {
		o.Progress = io.Discard
	}
	return nil
}

// setup describes the run in one line for the verdict.
func (o *Options) setup() string {
	nats, redis, lease := "1 NATS node", "1 Redis", "default lease"
	if o.NATSCluster {
		nats = "3 NATS nodes (R3)"
	}
	if o.RedisSentinel {
		redis = "Redis primary+2 replicas+3 sentinels"
	}
	if o.LeaseTTL > 0 {
		lease = "lease " + o.LeaseTTL.String()
	}
	exits := ""
	if o.Exits > 0 {
		exits = fmt.Sprintf(", %d plasma exits (exit period %d)", o.Exits, o.Window)
	}
	return fmt.Sprintf("%d towers, %s, %s, %s blocks, window %d, %.1f closes/s%s, kill every %s, %s",
		o.Towers, nats, redis, o.BlockTime, o.Window, o.Rate, exits, o.KillEvery, lease)
}

// Run plays the storm and judges it from L1. The error is for a harness
// that could not run; a storm the towers lost is a Verdict that is not OK.
// Every process it started is killed before it returns.
func Run(ctx context.Context, o Options) (v Verdict, err error) {
	if err := o.check(); err != nil {
		return v, err
	}
	began := time.Now()
	dir := o.Dir
	if dir == "" {
		if dir, err = os.MkdirTemp("", "watchtower-chaos-"); err != nil {
			return v, fmt.Errorf("chaos: %w", err)
		}
	} else if err := os.MkdirAll(dir, 0o700); err != nil {
		return v, fmt.Errorf("chaos: %w", err)
	}
	procs := NewProcs(dir)
	defer func() {
		procs.Close()
		if o.Dir == "" && !o.Keep && err == nil && v.OK() {
			os.RemoveAll(dir)
		} else {
			fmt.Fprintf(o.Progress, "logs, configs and data kept in %s\n", dir)
		}
	}()
	say := func(format string, args ...any) {
		fmt.Fprintf(o.Progress, "[%3.0fs] "+format+"\n", append([]any{time.Since(began).Seconds()}, args...)...)
	}
	env, err := setUp(ctx, o, procs, dir, say)
	if env != nil && env.plasma != nil {
		defer env.plasma.Close()
	}
	if err != nil {
		return v, err
	}
	// The harness never kills anvil: if it dies, the storm cannot be judged.
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	go func() {
		select {
		case <-env.l1.Proc.Exited():
			cancel(errors.New("chaos: anvil (L1) exited during the storm; it is never a kill target, so something outside the harness ended it"))
		case <-ctx.Done():
		}
	}()
	v, err = env.play(ctx, o, say)
	if cause := context.Cause(ctx); err != nil && cause != nil && cause != context.Canceled {
		err = fmt.Errorf("%w (%v)", cause, err)
	}
	v.Seconds = time.Since(began).Seconds()
	v.Setup = o.setup()
	if err == nil {
		writeVerdict(filepath.Join(dir, "verdict.json"), v)
	}
	return v, err
}

// writeVerdict keeps a copy of the verdict beside the logs (best effort: the
// caller prints the verdict).
func writeVerdict(path string, v Verdict) {
	f, err := os.Create(path)
	if err != nil {
		return
	}
	defer f.Close()
	_ = v.WriteJSON(f)
}

// env is the running system under test.
type env struct {
	l1      *L1
	nats    *NATS
	redis   *Redis
	towers  []*Tower
	adj     common.Address
	deployB uint64
	// plasma is the PlasmaFramework and its operator (nil without exits).
	plasma *plasmaChain
	ps     *plasmaStorm
}

// setUp builds the binaries and starts L1, NATS, Redis and the towers.
func setUp(ctx context.Context, o Options, procs *Procs, dir string, say func(string, ...any)) (*env, error) {
	bin := o.Watchtower
	if bin == "" {
		say("building watchtower")
		var err error
		if bin, err = build(ctx, dir, "watchtower", "./cmd/watchtower"); err != nil {
			return nil, err
		}
	}
	e := &env{}
	var err error
	say("starting anvil (%s blocks)", o.BlockTime)
	if e.l1, err = startL1(ctx, procs, o.BlockTime); err != nil {
		return nil, err
	}
	size, replicas := 1, 1
	if o.NATSCluster {
		size, replicas = 3, 3
	}
	say("starting NATS JetStream (%d node(s))", size)
	if e.nats, err = startNATS(ctx, procs, dir, size); err != nil {
		return nil, err
	}
	say("starting Redis (sentinel: %v)", o.RedisSentinel)
	if e.redis, err = startRedis(ctx, procs, dir, o.RedisSentinel); err != nil {
		return nil, err
	}
	say("deploying the ChannelAdjudicator with `watchtower contracts deploy`")
	if e.adj, e.deployB, err = deployChannel(ctx, bin, dir, e.l1.URL); err != nil {
		return nil, err
	}
	ts := &towerSetup{bin: bin, dir: dir, l1: e.l1.WSURL, nats: e.nats.URL(), replicas: replicas, redis: e.redis.URL,
		adjudicator: e.adj, startBlock: e.deployB, leaseTTL: o.LeaseTTL, minReplicas: o.RedisMinReplicas}
	if o.Exits > 0 {
		say("deploying a PlasmaFramework with `watchtower contracts deploy --kind plasma`; its operator runs in the harness")
		if e.plasma, err = startPlasma(ctx, e.l1, bin, dir, o.Window); err != nil {
			return e, err
		}
		ts.plasma, ts.feedURL = e.plasma.addr, e.plasma.feedURL
	}
	say("starting %d towers", o.Towers)
	if e.towers, err = startTowers(ctx, procs, ts, o.Towers); err != nil {
		return e, err
	}
	return e, nil
}

// play runs the storm with the killer, waits on L1 for every dispute
// window to end, and judges.
func (e *env) play(ctx context.Context, o Options, say func(string, ...any)) (Verdict, error) {
	st, err := newStorm(e.l1, e.adj, e.towers, o.Window, o.Seed)
	if err != nil {
		return Verdict{}, err
	}
	if e.plasma != nil {
		e.ps = &plasmaStorm{storm: st, chain: e.plasma}
	}
	k := &killer{towers: e.towers, period: o.KillEvery, infraEvery: o.InfraEvery, say: say,
		rng: rand.New(rand.NewPCG(o.Seed, 1)), counts: map[string]int{}, head: func() uint64 {
			hctx, cancel := context.WithTimeout(ctx, 2*time.Second)
			defer cancel()
			h, _ := e.l1.Client.BlockNumber(hctx) // best effort: 0 in the timeline
			return h
		}}
	if o.NATSCluster {
		k.infra = append(k.infra, natsTarget(e.nats, rand.New(rand.NewPCG(o.Seed, 2)), o.InfraDown))
	}
	if o.RedisSentinel {
		k.infra = append(k.infra, redisPrimaryTarget(e.redis, o.InfraDown))
	}
	kctx, stopKills := context.WithCancel(ctx)
	killed := make(chan struct{})
	go func() { defer close(killed); k.run(kctx) }()
	defer func() { stopKills(); <-killed }()
	stopProgress := e.progress(ctx, o, st, k, say)
	defer stopProgress()

	say("storm: %d channels at %.1f/s, a tower killed every %s", o.Closes, o.Rate, o.KillEvery)
	exitsDone := e.playExits(ctx, o, say)
	chans := st.run(ctx, o.Closes, o.Rate)
	exits := <-exitsDone
	if err := ctx.Err(); err != nil {
		return Verdict{}, err
	}
	head, err := e.l1.Client.BlockNumber(ctx)
	if err != nil {
		return Verdict{}, fmt.Errorf("chaos: read head: %w", err)
	}
	// Every close is mined by now, so every deadline is at most head+window.
	end := head + o.Window + 1
	if e.plasma != nil {
		say("all %d exits started (%d failed), %d child blocks committed", o.Exits, e.ps.failed.Load(), e.plasma.commits.Load())
	}
	say("all %d closes sent (%d failed); waiting for every dispute window to end (block %d)", o.Closes, st.failed.Load(), end)
	if err := waitFor(ctx, fmt.Sprintf("L1 block %d", end), time.Duration(o.Window+10)*o.BlockTime*3, func(ctx context.Context) error {
		h, err := e.l1.Client.BlockNumber(ctx)
		if err == nil && h < end {
			err = fmt.Errorf("head %d", h)
		}
		return err
	}); err != nil {
		return Verdict{}, err
	}
	stopKills()
	<-killed
	say("judging from L1 (blocks %d..%d)", e.deployB, end)
	v, err := judge(ctx, e.l1, e.adj, chans, e.deployB, end)
	if err != nil {
		return v, err
	}
	if e.plasma != nil {
		if err := judgePlasma(ctx, e.l1, e.plasma.addr, exits, e.plasma.deployB, end, &v); err != nil {
			return v, err
		}
	}
	v.Kills = k.Kills()
	v.Timeline = k.Timeline()
	v.HeldRetries = int(st.heldRetries.Load())
	for _, tg := range k.infra {
		if v.Kills[tg.kind] == 0 {
			v.Unkilled = append(v.Unkilled, tg.kind)
		}
	}
	if len(k.errs) > 0 {
		return v, fmt.Errorf("chaos: killer: %w", errors.Join(k.errs...))
	}
	return v, nil
}

// progress prints a line every five seconds until stopped.
func (e *env) progress(ctx context.Context, o Options, st *storm, k *killer, say func(string, ...any)) (stop func()) {
	adj, err := bindings.NewChannelAdjudicator(e.adj, e.l1.Client)
	quit, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(5 * time.Second)
		defer t.Stop()
		for {
			select {
			case <-quit:
				return
			case <-ctx.Done():
				return
			case <-t.C:
			}
			head, _ := e.l1.Client.BlockNumber(ctx)
			challenges := 0
			if err == nil {
				if it, ferr := adj.FilterChannelChallenged(&bind.FilterOpts{Start: e.deployB, Context: ctx}, nil, nil); ferr == nil {
					for it.Next() {
						challenges++
					}
				}
			}
			say("block %d: opened %d/%d, delegated %d, closed %d, failed %d; challenges on L1 %d;%s kills: %s",
				head, st.opened.Load(), o.Closes, st.delegated.Load(), st.closed.Load(), st.failed.Load(), challenges,
				e.exitProgress(ctx, o), k.summary())
		}
	}()
	return func() { close(quit); <-done }
}
