package redistest

import (
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/watchtower-l2/watchtower/watcher/store/redisstore"
)

// MasterName is the name the sentinels of StartSentinel monitor.
const MasterName = "wtmaster"

// readyWait bounds the polls for replication, sentinel and cluster
// readiness: generous, for a busy machine.
const readyWait = 60 * time.Second

// Replicated is a primary and one replica of it, both persisting with
// appendfsync always.
type Replicated struct {
	t       testing.TB
	Primary *Server
	Replica *Server
}

// StartReplicated starts a primary and a replica of it and waits until the
// replica is in sync. Both are killed when the test ends.
func StartReplicated(t testing.TB) *Replicated {
	t.Helper()
	persist := []string{"--save", "", "--appendonly", "yes", "--appendfsync", "always"}
	r := &Replicated{t: t}
	r.Primary = newServer(t, persist...)
	r.Primary.startFreePort()
	r.Replica = newServer(t, append(persist, "--replicaof", "127.0.0.1", strconv.Itoa(r.Primary.port))...)
	r.Replica.startFreePort()
	r.WaitInSync()
	return r
}

// WaitInSync waits until the replica reports its link to the primary up
// (after Replica.Start, say).
func (r *Replicated) WaitInSync() {
	r.t.Helper()
	waitReplicaInSync(r.t, r.Replica)
}

// Sentinel is a primary, one replica and three sentinels monitoring them
// (quorum 2), every process persisting with appendfsync always.
type Sentinel struct {
	t         testing.TB
	Primary   *Server
	Replica   *Server
	Sentinels []*Server
}

// StartSentinel starts a primary, a replica of it and three sentinels, and
// waits until the replica is in sync and every sentinel knows the replica
// and the two other sentinels (so a failover can be authorised). Everything
// is killed when the test ends. Sentinels declare the primary down after
// downAfter without a reply; use a few seconds, or a busy machine fails
// over spuriously.
func StartSentinel(t testing.TB, downAfter time.Duration) *Sentinel {
	t.Helper()
	r := StartReplicated(t)
	s := &Sentinel{t: t, Primary: r.Primary, Replica: r.Replica}

	for i := range 3 {
		srv := newServer(t)
		conf := filepath.Join(srv.dir, "sentinel.conf")
		body := fmt.Sprintf("sentinel monitor %s 127.0.0.1 %d 2\n"+
			"sentinel down-after-milliseconds %s %d\n"+
			"sentinel failover-timeout %s 20000\n"+
			"sentinel parallel-syncs %s 1\n",
			MasterName, s.Primary.port, MasterName, downAfter.Milliseconds(), MasterName, MasterName)
		if err := os.WriteFile(conf, []byte(body), 0o600); err != nil {
			t.Fatalf("redistest: sentinel %d config: %v", i, err)
		}
		srv.lead = []string{conf, "--sentinel"}
		srv.startFreePort()
		s.Sentinels = append(s.Sentinels, srv)
	}
	s.waitSentinelsReady()
	return s
}

// URL returns redis+sentinel://S1,S2,S3/MasterName.
func (s *Sentinel) URL() string {
	addrs := make([]string, len(s.Sentinels))
	for i, srv := range s.Sentinels {
		addrs[i] = srv.Addr()
	}
	return "redis+sentinel://" + strings.Join(addrs, ",") + "/" + MasterName
}

// MasterAddr asks the first sentinel that answers for the primary's address.
func (s *Sentinel) MasterAddr(ctx context.Context) (string, error) {
	var lastErr error
	for _, srv := range s.Sentinels {
		sc := redis.NewSentinelClient(&redis.Options{Addr: srv.Addr(), MaxRetries: -1})
		addr, err := sc.GetMasterAddrByName(ctx, MasterName).Result()
		_ = sc.Close()
		if err == nil && len(addr) == 2 {
			return net.JoinHostPort(addr[0], addr[1]), nil
		}
		lastErr = fmt.Errorf("sentinel %s: %v %w", srv.Addr(), addr, err)
	}
	return "", lastErr
}

// WaitFailover waits until every sentinel names a primary other than old
// and that server reports itself a primary, and returns its address.
func (s *Sentinel) WaitFailover(old string) string {
	s.t.Helper()
	var last string
	deadline := time.Now().Add(readyWait)
	for {
		addr, ok := s.agreedPrimary()
		if ok && addr != old {
			if role, _ := s.serverRole(addr); role == "master" {
				return addr
			}
		}
		last = addr
		if time.Now().After(deadline) {
			s.t.Fatalf("redistest: no failover away from %s within %v (sentinels say %q)\n%s", old, readyWait, last, s.logs())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// agreedPrimary returns the primary address if every running sentinel
// names the same one.
func (s *Sentinel) agreedPrimary() (string, bool) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	seen := ""
	for _, srv := range s.Sentinels {
		sc := redis.NewSentinelClient(&redis.Options{Addr: srv.Addr(), MaxRetries: -1})
		addr, err := sc.GetMasterAddrByName(ctx, MasterName).Result()
		_ = sc.Close()
		if err != nil || len(addr) != 2 {
			return "", false
		}
		a := net.JoinHostPort(addr[0], addr[1])
		if seen != "" && a != seen {
			return "", false
		}
		seen = a
	}
	return seen, seen != ""
}

// serverRole returns the replication role ("master" or "slave") of addr.
func (s *Sentinel) serverRole(addr string) (string, error) {
	c := redis.NewClient(&redis.Options{Addr: addr, MaxRetries: -1})
	defer c.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	info, err := c.Info(ctx, "replication").Result()
	if err != nil {
		return "", err
	}
	return infoField(info, "role"), nil
}

// waitReplicaInSync waits until r reports its link to the primary up.
func waitReplicaInSync(t testing.TB, r *Server) {
	t.Helper()
	deadline := time.Now().Add(readyWait)
	for {
		c := redis.NewClient(&redis.Options{Addr: r.Addr(), MaxRetries: -1})
		info, err := c.Info(context.Background(), "replication").Result()
		_ = c.Close()
		if err == nil && infoField(info, "master_link_status") == "up" {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("redistest: replica %s not in sync within %v: %q, %v\n%s", r.Addr(), readyWait, info, err, r.output())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// waitSentinelsReady waits until every sentinel sees the primary up, one
// replica and the two other sentinels.
func (s *Sentinel) waitSentinelsReady() {
	s.t.Helper()
	deadline := time.Now().Add(readyWait)
	for _, srv := range s.Sentinels {
		for {
			m, err := sentinelMaster(srv.Addr())
			if err == nil && m["num-slaves"] == "1" && m["num-other-sentinels"] == "2" &&
				!strings.Contains(m["flags"], "down") {
				break
			}
			if time.Now().After(deadline) {
				s.t.Fatalf("redistest: sentinel %s not ready within %v: %v, %v\n%s", srv.Addr(), readyWait, m, err, srv.output())
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
}

func sentinelMaster(addr string) (map[string]string, error) {
	sc := redis.NewSentinelClient(&redis.Options{Addr: addr, MaxRetries: -1})
	defer sc.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	return sc.Master(ctx, MasterName).Result()
}

// logs returns the sentinels' output, for a failure message.
func (s *Sentinel) logs() string {
	var b strings.Builder
	for _, srv := range s.Sentinels {
		fmt.Fprintf(&b, "sentinel %s %s\n", srv.Addr(), srv.output())
	}
	return b.String()
}

// infoField returns the value of field in an INFO reply.
func infoField(info, field string) string {
	for _, line := range strings.Split(info, "\n") {
		if v, ok := strings.CutPrefix(strings.TrimSpace(line), field+":"); ok {
			return v
		}
	}
	return ""
}

// Store opens a store on the primary (key prefix "wt:") whose every write
// waits up to timeout for the replica, as store.redis_min_replicas 1 does;
// it is closed when the test ends.
func (r *Replicated) Store(timeout time.Duration) *redisstore.Store {
	r.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), readyWait)
	defer cancel()
	st, err := redisstore.OpenWith(ctx, r.Primary.URL(), "wt:", redisstore.Options{MinReplicas: 1, ReplicaTimeout: timeout})
	if err != nil {
		r.t.Fatalf("redistest: open a store on %s waiting for its replica: %v", r.Primary.Addr(), err)
	}
	r.t.Cleanup(func() { st.Close() })
	return st
}
