package chaos

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sort"
	"sync"
	"time"
)

// target is one kind of thing the killer crashes: pick chooses the process
// to SIGKILL now (a NATS node, the current Redis primary); down is how long
// it stays dead before it is restarted. healthy says whether the system has
// recovered from the last crash (every node back and in sync): faults are
// independent, so the next one waits for it.
type target struct {
	kind    string
	pick    func(ctx context.Context) (*Proc, error)
	healthy func(ctx context.Context) error
	down    time.Duration
}

// killer SIGKILLs a random tower every period and restarts it at once, and
// every infraEvery-th period also crashes the next infrastructure target
// (round robin), bringing it back after its down time.
type killer struct {
	towers     []*Tower
	infra      []target
	period     time.Duration
	infraEvery int
	rng        *rand.Rand
	say        func(format string, args ...any)
	// head reads the L1 block number for the timeline (0 when unknown).
	head func() uint64

	mu       sync.Mutex
	counts   map[string]int // made by the caller
	timeline []Event
	errs     []error
}

// run kills until ctx ends, then waits for a pending restart.
func (k *killer) run(ctx context.Context) {
	t := time.NewTicker(k.period)
	defer t.Stop()
	var infra sync.WaitGroup
	busy := false
	var mu sync.Mutex
	next := 0
	for tick := 1; ; tick++ {
		select {
		case <-ctx.Done():
			infra.Wait()
			return
		case <-t.C:
		}
		tw := k.towers[k.rng.IntN(len(k.towers))]
		tw.Proc.Kill()
		k.count("tower")
		k.record("killed and restarted " + tw.Proc.Name())
		if err := tw.Proc.Start(); err != nil {
			k.fail(err)
		}
		mu.Lock()
		free := !busy
		mu.Unlock()
		if len(k.infra) == 0 || tick%k.infraEvery != 0 || !free {
			continue
		}
		tg := k.infra[next%len(k.infra)]
		hctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		err := tg.healthy(hctx)
		cancel()
		if err != nil {
			k.say("not killing a %s yet: not recovered from the last kill (%v)", tg.kind, err)
			continue
		}
		next++
		mu.Lock()
		busy = true
		mu.Unlock()
		infra.Add(1)
		go func() {
			defer infra.Done()
			defer func() { mu.Lock(); busy = false; mu.Unlock() }()
			k.crash(ctx, tg)
		}()
	}
}

// crash kills tg's pick, keeps it down for tg.down and restarts it. The
// restart happens even when ctx has ended, so nothing is left dead.
func (k *killer) crash(ctx context.Context, tg target) {
	p, err := tg.pick(ctx)
	if err != nil {
		k.fail(fmt.Errorf("chaos: choose the %s to kill: %w", tg.kind, err))
		return
	}
	p.Kill()
	k.count(tg.kind)
	k.record("killed " + p.Name() + " (" + tg.kind + ")")
	k.say("killed %s (%s)", p.Name(), tg.kind)
	select {
	case <-ctx.Done():
	case <-time.After(tg.down): // how long the node stays dead: part of the fault, not a wait for an outcome
	}
	if err := p.Start(); err != nil {
		k.fail(err)
		return
	}
	k.record("restarted " + p.Name())
	k.say("restarted %s", p.Name())
}

// Event is one kill or restart at an L1 block, for matching slow
// challenges with what was down.
type Event struct {
	Block uint64 `json:"block"`
	What  string `json:"what"`
}

func (k *killer) record(what string) {
	var b uint64
	if k.head != nil {
		b = k.head()
	}
	k.mu.Lock()
	k.timeline = append(k.timeline, Event{Block: b, What: what})
	k.mu.Unlock()
}

// Timeline returns the kills and restarts so far.
func (k *killer) Timeline() []Event {
	k.mu.Lock()
	defer k.mu.Unlock()
	return append([]Event(nil), k.timeline...)
}

func (k *killer) count(kind string) {
	k.mu.Lock()
	k.counts[kind]++
	k.mu.Unlock()
}

func (k *killer) fail(err error) {
	k.mu.Lock()
	k.errs = append(k.errs, err)
	k.mu.Unlock()
}

// Kills returns how many of each kind were killed so far.
func (k *killer) Kills() map[string]int {
	k.mu.Lock()
	defer k.mu.Unlock()
	out := make(map[string]int, len(k.counts))
	for kind, n := range k.counts {
		out[kind] = n
	}
	return out
}

// summary is "tower 12, nats 1, redis-primary 1".
func (k *killer) summary() string {
	kills := k.Kills()
	kinds := make([]string, 0, len(kills))
	for kind := range kills {
		kinds = append(kinds, kind)
	}
	sort.Strings(kinds)
	s := ""
	for _, kind := range kinds {
		if s != "" {
			s += ", "
		}
		s += fmt.Sprintf("%s %d", kind, kills[kind])
	}
	if s == "" {
		return "none"
	}
	return s
}

// natsTarget kills a random NATS node once every node is up and the
// stream's replicas are current.
func natsTarget(n *NATS, rng *rand.Rand, down time.Duration) target {
	return target{kind: "nats-node", down: down, healthy: n.healthy, pick: func(context.Context) (*Proc, error) {
		return n.Nodes[rng.IntN(len(n.Nodes))], nil
	}}
}

// redisPrimaryTarget kills whichever node the sentinels call primary, once
// it has a replica in sync.
func redisPrimaryTarget(r *Redis, down time.Duration) target {
	return target{kind: "redis-primary", down: down, healthy: r.healthy, pick: func(ctx context.Context) (*Proc, error) {
		i, err := r.Primary(ctx)
		if err != nil {
			return nil, err
		}
		return r.Servers[i], nil
	}}
}
