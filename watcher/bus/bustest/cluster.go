package bustest

import (
	"fmt"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// clusterWait bounds the polls for cluster readiness: generous, for a busy
// machine.
const clusterWait = 60 * time.Second

// Cluster is a JetStream cluster of embedded servers on 127.0.0.1, each with
// its own store dir, joined by routes. Nodes can be shut down and started
// again on the same ports and store dir. Its methods must be called from the
// test's goroutine (they call t.Fatalf).
type Cluster struct {
	t     testing.TB
	name  string
	ports []int // client ports
	route []int // cluster (route) ports
	dirs  []string

	mu      sync.Mutex
	servers []*server.Server // nil while a node is down
}

// StartCluster starts an n-node JetStream cluster and waits until every node
// accepts clients and the cluster has a meta leader every node follows. The
// nodes are shut down in t.Cleanup.
func StartCluster(t testing.TB, n int) *Cluster {
	t.Helper()
	if n < 1 {
		t.Fatalf("bustest: a cluster needs at least one node, got %d", n)
	}
	c := &Cluster{t: t, name: "wt-test", servers: make([]*server.Server, n)}
	for range n {
		c.ports = append(c.ports, freePort(t))
		c.route = append(c.route, freePort(t))
		c.dirs = append(c.dirs, t.TempDir())
	}
	t.Cleanup(func() {
		for i := range c.servers {
			c.shutdown(i)
		}
	})
	for i := range n {
		c.launch(i)
	}
	c.WaitReady()
	return c
}

// Size returns the number of nodes.
func (c *Cluster) Size() int { return len(c.ports) }

// URLs returns every node's client URL, separated by commas (the form of
// nats.url for a cluster).
func (c *Cluster) URLs() string {
	urls := make([]string, len(c.ports))
	for i := range c.ports {
		urls[i] = c.URL(i)
	}
	return strings.Join(urls, ",")
}

// URL returns node i's client URL.
func (c *Cluster) URL(i int) string { return fmt.Sprintf("nats://127.0.0.1:%d", c.ports[i]) }

// ServerName returns node i's server name, as JetStream cluster info names it.
func (c *Cluster) ServerName(i int) string { return fmt.Sprintf("n%d", i) }

// Server returns node i's running server, or nil while it is down.
func (c *Cluster) Server(i int) *server.Server {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.servers[i]
}

// Shutdown stops node i and waits until it has shut down.
func (c *Cluster) Shutdown(i int) {
	c.t.Helper()
	if c.Server(i) == nil {
		c.t.Fatalf("bustest: Shutdown: node %d is not running", i)
	}
	c.shutdown(i)
}

// Restart starts node i again on its ports and store dir and waits until it
// accepts clients.
func (c *Cluster) Restart(i int) {
	c.t.Helper()
	if c.Server(i) != nil {
		c.t.Fatalf("bustest: Restart: node %d is already running", i)
	}
	c.launch(i)
}

// StreamLeader returns the node leading stream (in the global account),
// polling until a running node reports it, and fails the test otherwise.
func (c *Cluster) StreamLeader(stream string) int {
	c.t.Helper()
	var leader int
	c.poll(func() bool {
		for i := range c.ports {
			if s := c.Server(i); s != nil && s.JetStreamIsStreamLeader(server.DEFAULT_GLOBAL_ACCOUNT, stream) {
				leader = i
				return true
			}
		}
		return false
	}, "a leader for stream "+stream)
	return leader
}

// WaitReady waits until every running node accepts clients, some node is
// the JetStream meta leader, every running node is current with it and the
// leader counts every running node as a peer to place replicas on.
func (c *Cluster) WaitReady() {
	c.t.Helper()
	c.poll(func() bool {
		running, peers := 0, -1
		for i := range c.ports {
			s := c.Server(i)
			if s == nil {
				continue
			}
			running++
			if !s.Running() || !s.JetStreamIsCurrent() {
				return false
			}
			if s.JetStreamIsLeader() {
				peers = len(s.JetStreamClusterPeers())
			}
		}
		// The leader places replicas only on peers it has stats from.
		return peers == running
	}, "JetStream meta leader that every node follows and that counts every node as a peer")
}

// poll calls cond until it holds, failing the test after clusterWait.
func (c *Cluster) poll(cond func() bool, what string) {
	c.t.Helper()
	deadline := time.Now().Add(clusterWait)
	for !cond() {
		if time.Now().After(deadline) {
			c.t.Fatalf("bustest: cluster: no %s within %v", what, clusterWait)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// options are node i's server options: fixed ports so a restarted node
// keeps its address, and routes to every node.
func (c *Cluster) options(i int) *server.Options {
	routes := make([]string, len(c.route))
	for j, p := range c.route {
		routes[j] = fmt.Sprintf("nats://127.0.0.1:%d", p)
	}
	return &server.Options{
		ServerName: c.ServerName(i),
		Host:       "127.0.0.1",
		Port:       c.ports[i],
		JetStream:  true,
		StoreDir:   c.dirs[i],
		Cluster: server.ClusterOpts{
			Name: c.name,
			Host: "127.0.0.1",
			Port: c.route[i],
		},
		Routes: server.RoutesFromStr(strings.Join(routes, ",")),
		NoSigs: true,
		NoLog:  true,
	}
}

func (c *Cluster) launch(i int) {
	c.t.Helper()
	s, err := server.NewServer(c.options(i))
	if err != nil {
		c.t.Fatalf("bustest: cluster node %d: %v", i, err)
	}
	s.Start()
	c.mu.Lock()
	c.servers[i] = s
	c.mu.Unlock()
	if !s.ReadyForConnections(readyTimeout) {
		c.t.Fatalf("bustest: cluster node %d not ready for connections within %v", i, readyTimeout)
	}
}

func (c *Cluster) shutdown(i int) {
	c.mu.Lock()
	s := c.servers[i]
	c.servers[i] = nil
	c.mu.Unlock()
	if s != nil {
		s.Shutdown()
		s.WaitForShutdown()
	}
}

// freePort asks the kernel for a free TCP port on 127.0.0.1.
func freePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("bustest: find a free port: %v", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}
