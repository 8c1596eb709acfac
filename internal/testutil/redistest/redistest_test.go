package redistest

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/watchtower-l2/watchtower/internal/testutil/tlstest"
)

func TestStart(t *testing.T) {
	u := Start(t)
	parsed, err := url.Parse(u)
	if err != nil || parsed.Scheme != "redis" || parsed.Path != "/0" {
		t.Fatalf("Start returned %q (%v), want redis://127.0.0.1:PORT/0", u, err)
	}
	if reply, err := command(parsed.Host, "PING"); err != nil || reply != "+PONG" {
		t.Fatalf("PING = %q, %v", reply, err)
	}
	if reply, err := command(parsed.Host, "CONFIG GET appendonly"); err != nil || reply != "*2" {
		t.Fatalf("CONFIG GET = %q, %v", reply, err)
	}
	// Two servers in one test are independent.
	if u2 := Start(t); u2 == u {
		t.Fatalf("second Start returned the same URL %q", u2)
	}
}

func TestPersistentRestartKeepsData(t *testing.T) {
	s := StartPersistent(t)
	if reply, err := command(s.Addr(), "SET k v"); err != nil || reply != "+OK" {
		t.Fatalf("SET = %q, %v", reply, err)
	}
	s.Stop()
	if _, err := command(s.Addr(), "PING"); err == nil {
		t.Fatal("PING succeeded after Stop")
	}
	s.Start()
	if reply, err := command(s.Addr(), "GET k"); err != nil || reply != "v" {
		t.Fatalf("GET after restart = %q, %v; want \"v\"", reply, err)
	}
}

func TestStartCluster(t *testing.T) {
	u := StartCluster(t)
	host, ok := strings.CutPrefix(u, "redis+cluster://")
	if !ok {
		t.Fatalf("StartCluster returned %q", u)
	}
	info, err := command(host, "CLUSTER INFO")
	if err != nil || !strings.Contains(info, "cluster_slots_assigned:16384") {
		t.Fatalf("CLUSTER INFO = %q, %v", info, err)
	}
}

func TestStartTLS(t *testing.T) {
	ca := tlstest.NewCA(t, "redis")
	srv, client := ca.Server("redis-server"), ca.Client("probe")
	s := StartTLS(t, TLSOptions{CertFile: srv.CertFile, KeyFile: srv.KeyFile, CAFile: ca.CAFile,
		ClientCertFile: client.CertFile, ClientKeyFile: client.KeyFile, User: "u", Password: "p w"})
	if !strings.HasPrefix(s.URL(), "rediss://127.0.0.1:") {
		t.Fatalf("URL = %q", s.URL())
	}
	if reply, err := s.Command("ACL WHOAMI"); err != nil || reply != "u" {
		t.Fatalf("ACL WHOAMI = %q, %v", reply, err)
	}
	// Plain text is not served.
	if reply, err := command(s.Addr(), "PING"); err == nil && reply == "+PONG" {
		t.Fatal("plain-text PING answered on the TLS port")
	}
}

func TestStartShardedCluster(t *testing.T) {
	u, nodes := StartShardedCluster(t, 3)
	if len(nodes) != 3 || !strings.HasPrefix(u, "redis+cluster://"+nodes[0].Addr()+"?addr=") {
		t.Fatalf("StartShardedCluster returned %q with %d nodes", u, len(nodes))
	}
	for _, n := range nodes {
		info, err := clusterInfo(n)
		if err != nil || infoField(info, "cluster_size") != "3" {
			t.Fatalf("node %s: cluster_size %q (%v), want 3", n.Addr(), infoField(info, "cluster_size"), err)
		}
	}
}

func TestStartSentinel(t *testing.T) {
	s := StartSentinel(t, 5*time.Second)
	addr, err := s.MasterAddr(context.Background())
	if err != nil || addr != s.Primary.Addr() {
		t.Fatalf("MasterAddr = %q, %v; want %s", addr, err, s.Primary.Addr())
	}
	if role, err := s.serverRole(s.Replica.Addr()); err != nil || role != "slave" {
		t.Fatalf("replica role = %q, %v", role, err)
	}
	if !strings.HasPrefix(s.URL(), "redis+sentinel://") || !strings.HasSuffix(s.URL(), "/"+MasterName) {
		t.Fatalf("URL = %q", s.URL())
	}
}
