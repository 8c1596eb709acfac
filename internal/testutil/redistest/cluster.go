package redistest

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// clusterSlots is the number of hash slots of a Redis Cluster.
const clusterSlots = 16384

// StartShardedCluster starts a Redis Cluster of n primaries (no replicas)
// sharing the 16384 slots in equal ranges, and waits until every node
// reports the cluster ok and knows every other node. It returns the URL
// redis+cluster://FIRST?addr=SECOND&addr=THIRD... and the servers, which are
// killed when the test ends.
func StartShardedCluster(t testing.TB, n int) (string, []*Server) {
	t.Helper()
	if n < 1 {
		t.Fatalf("redistest: a cluster needs at least one node, got %d", n)
	}
	nodes := make([]*Server, n)
	for i := range nodes {
		busPort, err := freePort()
		if err != nil {
			t.Fatalf("redistest: find a free cluster bus port: %v", err)
		}
		s := newServer(t, "--save", "", "--appendonly", "no",
			"--cluster-enabled", "yes", "--cluster-announce-ip", "127.0.0.1",
			"--cluster-port", strconv.Itoa(busPort), "--cluster-node-timeout", "15000")
		s.args = append(s.args, "--cluster-config-file", filepath.Join(s.dir, "nodes.conf"))
		s.startFreePort()
		nodes[i] = s
		first, last := i*clusterSlots/n, (i+1)*clusterSlots/n-1
		if reply, err := s.Command(fmt.Sprintf("CLUSTER ADDSLOTSRANGE %d %d", first, last)); err != nil || reply != "+OK" {
			t.Fatalf("redistest: assign slots %d-%d on %s: reply %q, error %v\n%s", first, last, s.Addr(), reply, err, s.output())
		}
	}
	for _, s := range nodes[1:] {
		busPort := clusterBusPort(t, s)
		if reply, err := nodes[0].Command(fmt.Sprintf("CLUSTER MEET 127.0.0.1 %d %d", s.port, busPort)); err != nil || reply != "+OK" {
			t.Fatalf("redistest: CLUSTER MEET %s: reply %q, error %v", s.Addr(), reply, err)
		}
	}
	for _, s := range nodes {
		waitClusterOK(t, s, n)
	}
	u := "redis+cluster://" + nodes[0].Addr()
	for i, s := range nodes[1:] {
		sep := "&"
		if i == 0 {
			sep = "?"
		}
		u += sep + "addr=" + s.Addr()
	}
	return u, nodes
}

// clusterBusPort returns the --cluster-port a node was started with.
func clusterBusPort(t testing.TB, s *Server) int {
	t.Helper()
	for i, a := range s.args {
		if a == "--cluster-port" && i+1 < len(s.args) {
			p, err := strconv.Atoi(s.args[i+1])
			if err == nil {
				return p
			}
		}
	}
	t.Fatalf("redistest: %s has no cluster bus port", s.Addr())
	return 0
}

// waitClusterOK polls CLUSTER INFO on s until the cluster is ok, every slot
// is served and s knows n nodes.
func waitClusterOK(t testing.TB, s *Server, n int) {
	t.Helper()
	deadline := time.Now().Add(readyWait)
	for {
		info, err := clusterInfo(s)
		if err == nil && infoField(info, "cluster_state") == "ok" &&
			infoField(info, "cluster_slots_ok") == strconv.Itoa(clusterSlots) &&
			infoField(info, "cluster_known_nodes") == strconv.Itoa(n) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("redistest: cluster node %s not ready within %v: %q, %v\n%s", s.Addr(), readyWait, info, err, s.output())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// clusterInfo returns the whole CLUSTER INFO reply of s.
func clusterInfo(s *Server) (string, error) {
	info, err := s.Command("CLUSTER INFO")
	if err != nil {
		return "", err
	}
	return strings.ReplaceAll(info, "\r", ""), nil
}
