package chaos

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// TestRedisSentinelFailover starts the harness's Redis under Sentinel and
// kills the primary twice as the killer does: each time the sentinels
// promote a replica, the surviving replica follows it at once (a write
// waiting for one replica is confirmed while the killed node is still
// down), and the killed node comes back as an in-sync replica.
func TestRedisSentinelFailover(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	procs := NewProcs(t.TempDir())
	defer procs.Close()
	r, err := startRedis(ctx, procs, t.TempDir(), true)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Servers) != 3 || len(r.Sentinels) != 3 {
		t.Fatalf("%d servers and %d sentinels, want 3 and 3", len(r.Servers), len(r.Sentinels))
	}
	first, err := r.Primary(ctx)
	if err != nil || first != 0 {
		t.Fatalf("primary %d, %v; want server 0", first, err)
	}
	if err := waitFor(ctx, "the set to report healthy", 60*time.Second, r.healthy); err != nil {
		t.Fatal(err)
	}
	tg := redisPrimaryTarget(r, 0)
	for range 2 {
		p, err := tg.pick(ctx)
		if err != nil {
			t.Fatal(err)
		}
		old, _ := r.Primary(ctx)
		if p != r.Servers[old] {
			t.Fatalf("target picked %s; want the primary %s", p.Name(), r.Servers[old].Name())
		}
		p.Kill()
		killed := time.Now()
		if err := r.healthy(ctx); err == nil {
			t.Fatal("healthy with the primary killed")
		}
		now := old
		err = waitFor(ctx, "the sentinels to promote a replica", 60*time.Second, func(ctx context.Context) error {
			i, err := r.Primary(ctx)
			if err == nil && i == old {
				err = fmt.Errorf("primary is still server %d", i)
			}
			now = i
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		err = waitFor(ctx, "a write to the new primary to reach a replica", 60*time.Second, func(ctx context.Context) error {
			return confirmedWrite(ctx, r.Ports[now])
		})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s killed: writes confirmed again by the surviving replica %s later", p.Name(), time.Since(killed).Round(time.Millisecond))
		if err := p.Start(); err != nil {
			t.Fatal(err)
		}
		if err := waitFor(ctx, "the restarted node to replicate the new primary", 60*time.Second, r.healthy); err != nil {
			t.Fatal(err)
		}
	}
}

// confirmedWrite writes to the server on port and waits (WAIT) for one
// replica to acknowledge it.
func confirmedWrite(ctx context.Context, port int) error {
	c := redis.NewClient(&redis.Options{Addr: fmt.Sprintf("127.0.0.1:%d", port)})
	defer c.Close()
	var wait *redis.IntCmd
	_, err := c.Pipelined(ctx, func(p redis.Pipeliner) error {
		p.Set(ctx, "chaos:probe", "1", 0)
		wait = redis.NewIntCmd(ctx, "wait", 1, 500)
		return p.Process(ctx, wait)
	})
	if err != nil {
		return err
	}
	if wait.Val() < 1 {
		return fmt.Errorf("write reached %d replicas", wait.Val())
	}
	return nil
}
