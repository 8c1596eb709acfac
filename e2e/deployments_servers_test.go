//go:build linux

package e2e

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The local stand-ins for the servers a deployment talks to: a NATS
// JetStream cluster and a redis-server, each a real process on free
// 127.0.0.1 ports, killed when the test ends. (anvil comes from anviltest.)

// natsNode is one nats-server process of a local cluster.
type natsNode struct {
	name       string
	clientAddr string // 127.0.0.1:PORT clients connect to
	httpAddr   string // its monitoring listener (/healthz)
	p          *proc
}

// buildNATSServer compiles the nats-server of the module's go.mod (the same
// server code the repo's tests embed) into dir. It runs as its own process,
// as in a deployment, and without the race detector: its bcrypt password
// checks then take the time they take in production.
func buildNATSServer(t *testing.T, dir string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), buildTimeout)
	defer cancel()
	bin := filepath.Join(dir, "nats-server")
	cmd := exec.CommandContext(ctx, "go", "build", "-o", bin, "github.com/nats-io/nats-server/v2")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build github.com/nats-io/nats-server/v2: %v\n%s", err, out)
	}
	return bin
}

// startNATSCluster runs one nats-server per name, clustered with each other.
// args(name, storeDir) gives a node's own command line (for compose: the
// service's command, with its config file and store dir mapped); the
// listeners are then moved to free 127.0.0.1 ports with flags, which
// override the config file. healthPath is the URL path of the healthcheck
// every node must pass (for compose: its healthcheck's).
func startNATSCluster(t *testing.T, dir, bin string, names []string, healthPath string, args func(name, storeDir string) []string) []*natsNode {
	t.Helper()
	nodes := make([]*natsNode, len(names))
	routes := make([]string, len(names))
	clusterAddrs := make([]string, len(names))
	for i, name := range names {
		nodes[i] = &natsNode{name: name, clientAddr: freeAddr(t), httpAddr: freeAddr(t)}
		clusterAddrs[i] = freeAddr(t)
		routes[i] = "nats-route://" + clusterAddrs[i]
	}
	for i, n := range nodes {
		store := filepath.Join(dir, n.name+"-store")
		_, port, _ := net.SplitHostPort(n.clientAddr)
		_, httpPort, _ := net.SplitHostPort(n.httpAddr)
		full := append(args(n.name, store),
			"-a", "127.0.0.1", "-p", port, "-m", httpPort,
			"--cluster", "nats://"+clusterAddrs[i], "--routes", strings.Join(routes, ","))
		n.p = startProc(t, dir, n.name, bin, full...)
	}
	w := &waiter{t: t}
	for _, n := range nodes {
		w.procs = []*proc{n.p}
		url := "http://" + n.httpAddr + healthPath
		w.until(n.name+" healthcheck "+url, func() (bool, string) {
			code, body, err := httpStatus(url)
			return code == 200, fmt.Sprintf("%d %.200s %v", code, body, err)
		})
	}
	return nodes
}

// startRedis runs redis-server on a free port with extra args (for example
// the password a deployment gives it) and waits until it answers PING,
// logging in with password when it is not empty.
func startRedis(t *testing.T, dir, password string, extra ...string) string {
	t.Helper()
	bin, err := exec.LookPath("redis-server")
	if err != nil {
		t.Fatalf("redis-server not found in PATH (%v); run `make deps` or `apt-get install redis-server`", err)
	}
	addr := freeAddr(t)
	_, port, _ := net.SplitHostPort(addr)
	data := filepath.Join(dir, "redis-data")
	if err := os.MkdirAll(data, 0o755); err != nil {
		t.Fatal(err)
	}
	args := append([]string{"--port", port, "--bind", "127.0.0.1", "--dir", data, "--daemonize", "no", "--save", ""}, extra...)
	if password != "" {
		args = append(args, "--requirepass", password)
	}
	p := startProc(t, dir, "redis", bin, args...)
	w := &waiter{t: t, procs: []*proc{p}}
	w.until("redis-server on "+addr+" to answer PING", func() (bool, string) {
		reply, err := redisPing(addr, password)
		return reply == "+PONG", fmt.Sprintf("%q %v", reply, err)
	})
	return addr
}

// redisPing logs in with password (if any) and sends PING, returning the reply.
func redisPing(addr, password string) (string, error) {
	conn, err := net.DialTimeout("tcp", addr, 2*time.Second)
	if err != nil {
		return "", err
	}
	defer conn.Close()
	if err := conn.SetDeadline(time.Now().Add(5 * time.Second)); err != nil {
		return "", err
	}
	r := bufio.NewReader(conn)
	if password != "" {
		if _, err := fmt.Fprintf(conn, "*2\r\n$4\r\nAUTH\r\n$%d\r\n%s\r\n", len(password), password); err != nil {
			return "", err
		}
		line, err := r.ReadString('\n')
		if err != nil {
			return "", err
		}
		if !strings.HasPrefix(line, "+OK") {
			return strings.TrimSpace(line), fmt.Errorf("AUTH refused")
		}
	}
	if _, err := fmt.Fprint(conn, "PING\r\n"); err != nil {
		return "", err
	}
	line, err := r.ReadString('\n')
	return strings.TrimSpace(line), err
}

// awaitReplicated waits until every node reports a JetStream meta cluster
// of all the nodes and hosts at least one stream: the watchers' stream is
// then replicated on every node, as nats.replicas: 3 asks.
func awaitReplicated(t *testing.T, nodes []*natsNode) {
	t.Helper()
	w := &waiter{t: t}
	for _, n := range nodes {
		u := "http://" + n.httpAddr + "/jsz"
		w.until(n.name+" to host a stream replica in a cluster of "+strconv.Itoa(len(nodes)), func() (bool, string) {
			code, body, err := httpStatus(u)
			if err != nil || code != 200 {
				return false, fmt.Sprintf("%d %v", code, err)
			}
			var jsz struct {
				Streams int `json:"streams"`
				Meta    *struct {
					Size   int    `json:"cluster_size"`
					Leader string `json:"leader"`
				} `json:"meta_cluster"`
			}
			if err := json.Unmarshal([]byte(body), &jsz); err != nil || jsz.Meta == nil {
				return false, fmt.Sprintf("%v %.300s", err, body)
			}
			return jsz.Meta.Size == len(nodes) && jsz.Streams >= 1, fmt.Sprintf("%d streams, meta cluster %+v", jsz.Streams, *jsz.Meta)
		})
	}
}
