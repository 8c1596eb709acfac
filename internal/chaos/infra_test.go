package chaos

import (
	"context"
	"fmt"
	"testing"
	"time"
)

// TestRedisSentinelFailover starts the harness's Redis under Sentinel, kills
// the primary as the killer does, and checks the sentinels promote the
// replica and the old primary comes back as a replica of the new one.
func TestRedisSentinelFailover(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	procs := NewProcs(t.TempDir())
	defer procs.Close()
	r, err := startRedis(ctx, procs, t.TempDir(), true)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Servers) != 2 || len(r.Sentinels) != 3 {
		t.Fatalf("%d servers and %d sentinels, want 2 and 3", len(r.Servers), len(r.Sentinels))
	}
	first, err := r.Primary(ctx)
	if err != nil || first != 0 {
		t.Fatalf("primary %d, %v; want server 0", first, err)
	}
	tg := redisPrimaryTarget(r, 0)
	p, err := tg.pick(ctx)
	if err != nil || p != r.Servers[0] {
		t.Fatalf("target picked %v, %v; want %s", p, err, r.Servers[0].Name())
	}
	p.Kill()
	err = waitFor(ctx, "the sentinels to promote the replica", 60*time.Second, func(ctx context.Context) error {
		i, err := r.Primary(ctx)
		if err == nil && i != 1 {
			err = fmt.Errorf("primary is still server %d", i)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Start(); err != nil {
		t.Fatal(err)
	}
	if err := waitRedis(ctx, p, r.Ports[0]); err != nil {
		t.Fatal(err)
	}
	if i, err := r.Primary(ctx); err != nil || i != 1 {
		t.Fatalf("after the old primary's restart the primary is %d, %v; want server 1", i, err)
	}
	// The restarted node becomes the new primary's replica; once it is in
	// sync the pair is healthy, and a kill of the new primary fails over
	// back to it.
	if err := waitFor(ctx, "the pair to report healthy", 60*time.Second, r.healthy); err != nil {
		t.Fatal(err)
	}
	r.Servers[1].Kill()
	if err := r.healthy(ctx); err == nil {
		t.Fatal("healthy with the primary killed")
	}
	err = waitFor(ctx, "the sentinels to fail over back to server 0", 60*time.Second, func(ctx context.Context) error {
		i, err := r.Primary(ctx)
		if err == nil && i != 0 {
			err = fmt.Errorf("primary is still server %d", i)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	// Restarted from its config file (rewritten by the sentinels when they
	// made it primary), the node comes back and ends up an in-sync replica.
	if err := r.Servers[1].Start(); err != nil {
		t.Fatal(err)
	}
	if err := waitFor(ctx, "the restarted node to replicate server 0", 60*time.Second, r.healthy); err != nil {
		t.Fatal(err)
	}
}
