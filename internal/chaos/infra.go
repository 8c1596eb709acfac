package chaos

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/nats-io/nats.go"
	"github.com/redis/go-redis/v9"

	"github.com/watchtower-l2/watchtower/internal/anvil"
)

// Deadlines are generous (a loaded 2-core machine); every wait ends as soon
// as its condition holds.
const (
	buildTimeout = 5 * time.Minute
	readyTimeout = 90 * time.Second
	pollEvery    = 100 * time.Millisecond
)

// waitFor polls cond until it returns nil, ctx ends or timeout passes; the
// error names what was awaited and cond's last answer.
func waitFor(ctx context.Context, what string, timeout time.Duration, cond func(context.Context) error) error {
	deadline := time.Now().Add(timeout)
	for {
		cctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		err := cond(cctx)
		cancel()
		if err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return fmt.Errorf("chaos: waiting for %s: %w", what, ctx.Err())
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("chaos: %s did not happen within %s (last: %v)", what, timeout, err)
		}
		select {
		case <-ctx.Done():
		case <-time.After(pollEvery): // pacing between polls, not a wait for an outcome
		}
	}
}

// build compiles the Go package pkg (a path in this module or a module
// dependency) into dir/name and returns the binary's path.
func build(ctx context.Context, dir, name, pkg string) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, buildTimeout)
	defer cancel()
	out, err := exec.CommandContext(ctx, "go", "env", "GOMOD").Output()
	gomod := strings.TrimSpace(string(out))
	if err != nil || gomod == "" || gomod == os.DevNull {
		return "", fmt.Errorf("chaos: find the module root (go env GOMOD = %q; run from the repository): %v", gomod, err)
	}
	bin := filepath.Join(dir, name)
	cmd := exec.CommandContext(ctx, "go", "build", "-o", bin, pkg)
	cmd.Dir = filepath.Dir(gomod)
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("chaos: go build %s: %w\n%s", pkg, err, out)
	}
	return bin, nil
}

// L1 is the anvil node the storm plays on.
type L1 struct {
	Proc   *Proc
	URL    string
	WSURL  string
	RPC    *rpc.Client
	Client *ethclient.Client
}

// startL1 starts anvil mining a block every blockTime.
func startL1(ctx context.Context, ps *Procs, blockTime time.Duration) (*L1, error) {
	bin, err := anvil.Binary()
	if err != nil {
		return nil, fmt.Errorf("chaos: %w", err)
	}
	ports, err := freePorts(1)
	if err != nil {
		return nil, err
	}
	secs := strconv.FormatFloat(blockTime.Seconds(), 'f', -1, 64)
	p := ps.Add("anvil", bin, "--host", "127.0.0.1", "--port", strconv.Itoa(ports[0]),
		"--block-time", secs, "--accounts", strconv.Itoa(len(anvil.DevKeys)), "--silent")
	if err := p.Start(); err != nil {
		return nil, err
	}
	l := &L1{Proc: p, URL: fmt.Sprintf("http://127.0.0.1:%d", ports[0]), WSURL: fmt.Sprintf("ws://127.0.0.1:%d", ports[0])}
	if l.RPC, err = rpc.DialContext(ctx, l.URL); err != nil {
		return nil, fmt.Errorf("chaos: dial anvil: %w", err)
	}
	l.Client = ethclient.NewClient(l.RPC)
	err = waitFor(ctx, "anvil to answer eth_chainId", readyTimeout, func(ctx context.Context) error {
		if !p.Running() {
			return errors.New("anvil exited\n" + p.Tail(20))
		}
		id, err := l.Client.ChainID(ctx)
		if err == nil && id.Uint64() != anvil.ChainID {
			return fmt.Errorf("chain id %d, want %d", id, anvil.ChainID)
		}
		return err
	})
	return l, err
}

// NATS is the JetStream server or cluster the towers share.
type NATS struct {
	// Nodes are the servers; Kill targets pick among them.
	Nodes []*Proc
	// URLs are their client URLs.
	URLs []string
}

// URL is the comma-separated list of every node's client URL (nats.url).
func (n *NATS) URL() string { return strings.Join(n.URLs, ",") }

// startNATS builds nats-server from the nats-server/v2 module of go.mod and
// runs size JetStream nodes (one: standalone; three: a cluster with routes).
func startNATS(ctx context.Context, ps *Procs, dir string, size int) (*NATS, error) {
	bin, err := build(ctx, dir, "nats-server", "github.com/nats-io/nats-server/v2")
	if err != nil {
		return nil, err
	}
	client, err := freePorts(size)
	if err != nil {
		return nil, err
	}
	cluster, err := freePorts(size)
	if err != nil {
		return nil, err
	}
	var routes []string
	for _, p := range cluster {
		routes = append(routes, fmt.Sprintf("nats://127.0.0.1:%d", p))
	}
	n := &NATS{}
	for i := range size {
		name := fmt.Sprintf("nats-%d", i+1)
		args := []string{"-a", "127.0.0.1", "-p", strconv.Itoa(client[i]), "-js",
			"-sd", filepath.Join(dir, name), "--server_name", name}
		if size > 1 {
			args = append(args, "--cluster_name", "chaos", "--cluster", routes[i], "--routes", strings.Join(routes, ","))
		}
		p := ps.Add(name, bin, args...)
		if err := p.Start(); err != nil {
			return nil, err
		}
		n.Nodes = append(n.Nodes, p)
		n.URLs = append(n.URLs, fmt.Sprintf("nats://127.0.0.1:%d", client[i]))
	}
	for i, u := range n.URLs {
		if err := waitJetStream(ctx, n.Nodes[i], u); err != nil {
			return nil, err
		}
	}
	return n, nil
}

// waitJetStream waits until the node at url answers a JetStream account
// info request (in a cluster: once the meta group has a leader).
func waitJetStream(ctx context.Context, p *Proc, url string) error {
	return waitFor(ctx, p.Name()+" JetStream", readyTimeout, func(ctx context.Context) error {
		if !p.Running() {
			return errors.New(p.Name() + " exited\n" + p.Tail(20))
		}
		nc, js, err := dialJetStream(ctx, url)
		if err != nil {
			return err
		}
		defer nc.Close()
		_, err = js.AccountInfo(nats.Context(ctx))
		return err
	})
}

// dialJetStream is a short-lived connection to url for one check, with
// its JetStream context; the caller closes nc.
func dialJetStream(ctx context.Context, url string) (*nats.Conn, nats.JetStreamContext, error) {
	nc, err := nats.Connect(url, nats.Timeout(2*time.Second), nats.NoReconnect())
	if err != nil {
		return nil, nil, err
	}
	js, err := nc.JetStream(nats.Context(ctx))
	if err != nil {
		nc.Close()
		return nil, nil, err
	}
	return nc, js, nil
}

// healthy returns nil when every node runs and the towers' stream has all
// its replicas current (or the towers have not created it yet).
func (n *NATS) healthy(ctx context.Context) error {
	for _, p := range n.Nodes {
		if !p.Running() {
			return fmt.Errorf("%s is down", p.Name())
		}
	}
	nc, js, err := dialJetStream(ctx, n.URL())
	if err != nil {
		return err
	}
	defer nc.Close()
	si, err := js.StreamInfo(natsStream, nats.Context(ctx))
	if errors.Is(err, nats.ErrStreamNotFound) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("stream %s: %w", natsStream, err)
	}
	if si.Cluster == nil || si.Cluster.Leader == "" {
		return fmt.Errorf("stream %s has no leader", natsStream)
	}
	for _, r := range si.Cluster.Replicas {
		if !r.Current || r.Offline {
			return fmt.Errorf("stream %s replica on %s is not current", natsStream, r.Name)
		}
	}
	if len(si.Cluster.Replicas) < len(n.Nodes)-1 {
		return fmt.Errorf("stream %s has %d followers, want %d", natsStream, len(si.Cluster.Replicas), len(n.Nodes)-1)
	}
	return nil
}

// natsStream is the towers' JetStream stream (nats.stream's default).
const natsStream = "WATCHTOWER"

// Redis is the store the towers share: one server, or a primary, two
// replicas and three sentinels.
type Redis struct {
	// Servers are the data nodes (Servers[0] is the first primary).
	Servers []*Proc
	// Ports are their ports, in the same order.
	Ports []int
	// Sentinels are empty for a single server.
	Sentinels     []*Proc
	SentinelPorts []int
	// URL is the towers' store.redis_url.
	URL string
}

// sentinelMaster names the monitored primary in the sentinels' config.
const sentinelMaster = "chaos"

// startRedis runs one redis-server (sentinel false) or a primary with two
// replicas watched by three sentinels. Two replicas, so that with
// store.redis_min_replicas 1 writes are confirmed again as soon as a
// failover ends: the sentinels point the surviving replica at the new
// primary, while the killed one is still down.
func startRedis(ctx context.Context, ps *Procs, dir string, sentinel bool) (*Redis, error) {
	bin, err := exec.LookPath("redis-server")
	if err != nil {
		return nil, fmt.Errorf("chaos: redis-server not in PATH (run `make deps`): %w", err)
	}
	count := 1
	if sentinel {
		count = 3
	}
	ports, err := freePorts(count)
	if err != nil {
		return nil, err
	}
	r := &Redis{Ports: ports, URL: fmt.Sprintf("redis://127.0.0.1:%d/0", ports[0])}
	for i, port := range ports {
		name := fmt.Sprintf("redis-%d", i+1)
		d := filepath.Join(dir, name)
		if err := os.MkdirAll(d, 0o700); err != nil {
			return nil, fmt.Errorf("chaos: %w", err)
		}
		// Settings live in a config file, not on the command line: the
		// sentinels rewrite it (CONFIG REWRITE) when they turn a node into a
		// replica, so a restarted node keeps the role it was last given.
		body := fmt.Sprintf("port %d\nbind 127.0.0.1\ndir %s\nsave \"\"\n", port, d)
		if sentinel {
			// Writes survive a primary's crash only as far as its replicas had them.
			body += "appendonly yes\nappendfsync everysec\n"
		} else {
			body += "appendonly no\n"
		}
		if i > 0 {
			body += fmt.Sprintf("replicaof 127.0.0.1 %d\n", ports[0])
		}
		conf := filepath.Join(dir, name+".conf")
		if err := os.WriteFile(conf, []byte(body), 0o600); err != nil {
			return nil, fmt.Errorf("chaos: write %s: %w", conf, err)
		}
		p := ps.Add(name, bin, conf)
		if err := p.Start(); err != nil {
			return nil, err
		}
		r.Servers = append(r.Servers, p)
		if err := waitRedis(ctx, p, port); err != nil {
			return nil, err
		}
	}
	if sentinel {
		if err := r.startSentinels(ctx, ps, bin, dir); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// startSentinels runs three sentinels with a quorum of two watching the
// primary, and sets r.URL to the redis+sentinel:// form.
func (r *Redis) startSentinels(ctx context.Context, ps *Procs, bin, dir string) error {
	ports, err := freePorts(3)
	if err != nil {
		return err
	}
	var hosts []string
	for i, port := range ports {
		name := fmt.Sprintf("sentinel-%d", i+1)
		conf := filepath.Join(dir, name+".conf")
		body := fmt.Sprintf("port %d\nbind 127.0.0.1\ndir %s\nsentinel monitor %s 127.0.0.1 %d 2\n"+
			"sentinel down-after-milliseconds %s 1000\nsentinel failover-timeout %s 5000\nsentinel parallel-syncs %s 1\n",
			port, dir, sentinelMaster, r.Ports[0], sentinelMaster, sentinelMaster, sentinelMaster)
		if err := os.WriteFile(conf, []byte(body), 0o600); err != nil {
			return fmt.Errorf("chaos: write %s: %w", conf, err)
		}
		p := ps.Add(name, bin, conf, "--sentinel")
		if err := p.Start(); err != nil {
			return err
		}
		r.Sentinels = append(r.Sentinels, p)
		hosts = append(hosts, fmt.Sprintf("127.0.0.1:%d", port))
	}
	r.SentinelPorts = ports
	r.URL = "redis+sentinel://" + strings.Join(hosts, ",") + "/" + sentinelMaster
	return waitFor(ctx, "the sentinels to see the primary and its replicas", readyTimeout, func(ctx context.Context) error {
		for _, port := range ports {
			if _, err := r.primaryFrom(ctx, port); err != nil {
				return err
			}
		}
		return nil
	})
}

// Primary returns the index in Servers of the node the sentinels call primary.
func (r *Redis) Primary(ctx context.Context) (int, error) {
	if len(r.Sentinels) == 0 {
		return 0, nil
	}
	var last error
	for _, port := range r.SentinelPorts {
		i, err := r.primaryFrom(ctx, port)
		if err == nil {
			return i, nil
		}
		last = err
	}
	return 0, last
}

func (r *Redis) primaryFrom(ctx context.Context, sentinelPort int) (int, error) {
	sc := redis.NewSentinelClient(&redis.Options{Addr: fmt.Sprintf("127.0.0.1:%d", sentinelPort)})
	defer sc.Close()
	addr, err := sc.GetMasterAddrByName(ctx, sentinelMaster).Result()
	if err != nil {
		return 0, fmt.Errorf("sentinel on %d: %w", sentinelPort, err)
	}
	if len(addr) != 2 {
		return 0, fmt.Errorf("sentinel on %d: primary address %q", sentinelPort, addr)
	}
	for i, p := range r.Ports {
		if strconv.Itoa(p) == addr[1] {
			return i, nil
		}
	}
	return 0, fmt.Errorf("sentinel on %d names an unknown primary %s", sentinelPort, strings.Join(addr, ":"))
}

// healthy returns nil when the sentinels' primary has every other server
// as an online replica with its link up.
func (r *Redis) healthy(ctx context.Context) error {
	i, err := r.Primary(ctx)
	if err != nil {
		return err
	}
	for j, p := range r.Servers {
		if !p.Running() {
			return fmt.Errorf("%s is down", p.Name())
		}
		if j == i {
			continue
		}
		c := redis.NewClient(&redis.Options{Addr: fmt.Sprintf("127.0.0.1:%d", r.Ports[j])})
		info, err := c.Info(ctx, "replication").Result()
		c.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", p.Name(), err)
		}
		want := fmt.Sprintf("master_port:%d", r.Ports[i])
		if !strings.Contains(info, "role:slave") || !strings.Contains(info, want) ||
			!strings.Contains(info, "master_link_status:up") || strings.Contains(info, "master_sync_in_progress:1") {
			return fmt.Errorf("%s is not an in-sync replica of %s", p.Name(), r.Servers[i].Name())
		}
	}
	return nil
}

// waitRedis waits until the server on port answers PING.
func waitRedis(ctx context.Context, p *Proc, port int) error {
	return waitFor(ctx, p.Name()+" to answer PING", readyTimeout, func(ctx context.Context) error {
		if !p.Running() {
			return errors.New(p.Name() + " exited\n" + p.Tail(20))
		}
		c := redis.NewClient(&redis.Options{Addr: fmt.Sprintf("127.0.0.1:%d", port)})
		defer c.Close()
		return c.Ping(ctx).Err()
	})
}
