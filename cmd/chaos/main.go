// Command chaos runs the chaos harness (`make chaos`): anvil as L1, several
// `watchtower run` processes on a shared NATS JetStream and Redis, a storm of
// stale, honest and undelegated channel closes (and with --exits, Plasma
// exits of spent and unspent outputs) while towers (and in
// --cluster mode a NATS node and the Redis primary) are SIGKILLed, and a
// verdict read from L1 only. It exits 1 when a fraud was missed, a dispute
// was challenged twice, a challenge reverted or an honest close or exit was
// challenged, and 2 when the harness itself could not run.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/watchtower-l2/watchtower/internal/chaos"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	o := chaos.Options{Progress: stderr}
	fs := flag.NewFlagSet("chaos", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.IntVar(&o.Towers, "towers", 3, "`watchtower run` processes sharing NATS and Redis (1..9)")
	fs.IntVar(&o.Closes, "closes", 300, "channels opened and closed: 6 in 10 stale, 3 honest, 1 undelegated")
	fs.IntVar(&o.Exits, "exits", 0, "Plasma exits played alongside the closes (6 in 10 of outputs spent on the child chain); 0: no PlasmaFramework")
	fs.Float64Var(&o.Rate, "rate", 2, "channels started per second")
	fs.DurationVar(&o.BlockTime, "block-time", time.Second, "anvil's block time (whole seconds)")
	fs.Uint64Var(&o.Window, "window", 60, "dispute window of every channel, in blocks")
	fs.DurationVar(&o.KillEvery, "kill-every", 3*time.Second, "SIGKILL a random tower (and restart it) this often")
	cluster := fs.Bool("cluster", false, "both --nats-cluster and --redis-sentinel")
	fs.BoolVar(&o.NATSCluster, "nats-cluster", false, "3-node NATS cluster (R3 stream); kill a node during the storm")
	fs.BoolVar(&o.RedisSentinel, "redis-sentinel", false, "Redis primary and 2 replicas under 3 sentinels; kill the primary during the storm")
	fs.IntVar(&o.InfraEvery, "infra-every", 5, "kill a NATS node or the Redis primary (alternately) every this many tower kills")
	fs.DurationVar(&o.InfraDown, "infra-down", 3*time.Second, "how long a killed NATS node or Redis primary stays down")
	fs.DurationVar(&o.LeaseTTL, "lease-ttl", 0, "the towers' challenge.lease_ttl (0: the tower's default)")
	fs.IntVar(&o.RedisMinReplicas, "redis-min-replicas", 0, "the towers' store.redis_min_replicas (0: not set; default 1 with --redis-sentinel, so acknowledged writes survive a failover)")
	fs.StringVar(&o.Watchtower, "watchtower", "", "run this watchtower binary instead of building ./cmd/watchtower")
	fs.Uint64Var(&o.Seed, "seed", uint64(time.Now().UnixNano()), "random seed (kills, states)")
	fs.StringVar(&o.Dir, "dir", "", "directory for binaries, configs, data and logs (default: a temp dir, removed after a passing run)")
	fs.BoolVar(&o.Keep, "keep", false, "keep the temp dir after a passing run")
	asJSON := fs.Bool("json", false, "print the verdict as JSON instead of a table")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *cluster {
		o.NATSCluster, o.RedisSentinel = true, true
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if o.RedisSentinel && !set["redis-min-replicas"] {
		o.RedisMinReplicas = 1
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "chaos: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	fmt.Fprintf(stderr, "chaos: seed %d\n", o.Seed)
	v, err := chaos.Run(ctx, o)
	if err != nil {
		fmt.Fprintln(stderr, err) // already "chaos: ..."
		return 2
	}
	if *asJSON {
		if err := v.WriteJSON(stdout); err != nil {
			fmt.Fprintf(stderr, "chaos: %v\n", err)
			return 2
		}
	} else {
		v.WriteTable(stdout)
	}
	if !v.OK() {
		return 1
	}
	return 0
}
