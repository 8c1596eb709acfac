package redisstore_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/watchtower-l2/watchtower/internal/testutil/redistest"
	"github.com/watchtower-l2/watchtower/watcher/store"
	"github.com/watchtower-l2/watchtower/watcher/store/redisstore"
	"github.com/watchtower-l2/watchtower/watcher/store/storetest"
)

// TestConformanceShardedCluster runs the suite on a Redis Cluster of three
// primaries, so keys (and batches) spread over nodes.
func TestConformanceShardedCluster(t *testing.T) {
	url, _ := redistest.StartShardedCluster(t, 3)
	storetest.Run(t, func(t *testing.T) store.Store { return openStore(t, url) })
}

// TestShardedClusterLoad has many goroutines write and read through one
// store on a three-primary cluster at once: no operation fails and every
// goroutine reads back what it wrote, on whichever node holds the key.
func TestShardedClusterLoad(t *testing.T) {
	url, nodes := redistest.StartShardedCluster(t, 3)
	s := openStore(t, url)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()

	const workers, rounds = 32, 250
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	start := time.Now()
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := loadWorker(ctx, s, w, rounds); err != nil {
				errs <- fmt.Errorf("worker %d: %w", w, err)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	// 8 store calls per round (the batch counts once).
	t.Logf("%d workers x %d rounds: %d calls in %s", workers, rounds, workers*rounds*8, time.Since(start).Round(time.Millisecond))

	// The keys really are spread: every primary holds some.
	for _, n := range nodes {
		c := redis.NewClient(&redis.Options{Addr: n.Addr()})
		size, err := c.DBSize(ctx).Result()
		_ = c.Close()
		if err != nil || size == 0 {
			t.Errorf("node %s holds %d keys (%v); want keys on every primary", n.Addr(), size, err)
		}
	}
}

// loadWorker runs rounds of plain, versioned, index, batch and lease
// operations on keys of its own and checks every result.
func loadWorker(ctx context.Context, s store.Store, w, rounds int) error {
	b, ok := s.(store.Batcher)
	if !ok {
		return fmt.Errorf("store is not a Batcher")
	}
	index := fmt.Sprintf("idx-%d", w)
	for r := range rounds {
		k := fmt.Sprintf("w%d/k%d", w, r)
		v := []byte(fmt.Sprintf("w%d-r%d", w, r))
		if err := s.Put(ctx, k, v); err != nil {
			return err
		}
		if got, err := s.Get(ctx, k); err != nil || string(got) != string(v) {
			return fmt.Errorf("get %s = %q, %v; want %q", k, got, err, v)
		}
		vk := fmt.Sprintf("w%d/versioned", w)
		if _, ok, err := s.PutVersioned(ctx, vk, uint64(r+1), v); err != nil || !ok {
			return fmt.Errorf("put-versioned %s v%d = %v, %v", vk, r+1, ok, err)
		}
		if err := s.IndexAdd(ctx, index, k, int64(r)); err != nil {
			return err
		}
		ops := []store.Op{
			store.PutOp(fmt.Sprintf("w%d/b%d/a", w, r), v),
			store.PutIfAbsentOp(fmt.Sprintf("w%d/b%d/b", w, r), v),
			store.PutVersionedOp(fmt.Sprintf("w%d/b%d/c", w, r), 1, v),
		}
		if applied, err := b.Apply(ctx, ops); err != nil || len(applied) != 3 || !applied[1] || !applied[2] {
			return fmt.Errorf("apply round %d = %v, %v", r, applied, err)
		}
		lease := fmt.Sprintf("w%d/lease", w)
		if ok, err := s.AcquireLease(ctx, lease, "me", time.Minute); err != nil || !ok {
			return fmt.Errorf("acquire own lease = %v, %v", ok, err)
		}
	}
	entries, err := s.IndexRange(ctx, index, int64(rounds), 0)
	if err != nil || len(entries) != rounds {
		return fmt.Errorf("index range = %d entries, %v; want %d", len(entries), err, rounds)
	}
	version, data, err := s.GetVersioned(ctx, fmt.Sprintf("w%d/versioned", w))
	if err != nil || version != uint64(rounds) || string(data) != fmt.Sprintf("w%d-r%d", w, rounds-1) {
		return fmt.Errorf("final versioned = %d, %q, %v", version, data, err)
	}
	return nil
}

// TestShardedClusterMinReplicas: on a cluster the WAIT goes to the node
// that took the write; these primaries have no replica, so every write,
// single or batched across nodes, reports ErrNotReplicated.
func TestShardedClusterMinReplicas(t *testing.T) {
	url, _ := redistest.StartShardedCluster(t, 3)
	s := openStoreWith(t, url, redisstore.Options{MinReplicas: 1, ReplicaTimeout: 50 * time.Millisecond})
	ctx := context.Background()
	for i := range 6 { // keys on several nodes
		if err := s.Put(ctx, fmt.Sprintf("k%d", i), []byte("x")); !errors.Is(err, redisstore.ErrNotReplicated) {
			t.Fatalf("Put k%d = %v, want ErrNotReplicated", i, err)
		}
	}
	ops := make([]store.Op, 0, 6)
	for i := range 6 {
		ops = append(ops, store.PutOp(fmt.Sprintf("b%d", i), []byte("x")))
	}
	if _, err := s.Apply(ctx, ops); !errors.Is(err, redisstore.ErrNotReplicated) {
		t.Fatalf("Apply across nodes = %v, want ErrNotReplicated", err)
	}
	if got, err := s.Get(ctx, "k0"); err != nil || string(got) != "x" {
		t.Fatalf("Get k0 = %q, %v: the owning primary applied the write", got, err)
	}
}
