package redisstore_test

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"

	"github.com/redis/go-redis/v9"

	"github.com/watchtower-l2/watchtower/internal/testutil/redistest"
	"github.com/watchtower-l2/watchtower/watcher/store/redisstore"
)

// benchClient starts a private non-persistent redis and returns a client for it.
func benchClient(b *testing.B) *redis.Client {
	b.Helper()
	opts, err := redis.ParseURL(redistest.Start(b))
	if err != nil {
		b.Fatal(err)
	}
	c := redis.NewClient(opts)
	b.Cleanup(func() { _ = c.Close() })
	return c
}

// BenchmarkRawRedisSet is the baseline: a go-redis SET of a 64-byte value.
func BenchmarkRawRedisSet(b *testing.B) {
	c := benchClient(b)
	ctx := context.Background()
	value := make([]byte, 64)
	var workers atomic.Int64
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		key := fmt.Sprint("bench/{raw}", workers.Add(1))
		for pb.Next() {
			if err := c.Set(ctx, key, value, 0).Err(); err != nil {
				b.Errorf("SET: %v", err)
				return
			}
		}
	})
}

// BenchmarkStorePutVersioned measures accepted PutVersioned calls (one Lua
// script each), each goroutine on its own key.
func BenchmarkStorePutVersioned(b *testing.B) {
	s := redisstore.New(benchClient(b), "bench/")
	ctx := context.Background()
	value := make([]byte, 64)
	var workers atomic.Int64
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		key := fmt.Sprint("{ver}", workers.Add(1))
		var version uint64
		for pb.Next() {
			version++
			if _, ok, err := s.PutVersioned(ctx, key, version, value); err != nil || !ok {
				b.Errorf("PutVersioned: %v, %v", ok, err)
				return
			}
		}
	})
}

// BenchmarkStoreGet measures Get over 1000 keys of 64 bytes.
func BenchmarkStoreGet(b *testing.B) {
	s := redisstore.New(benchClient(b), "bench/")
	ctx := context.Background()
	const keys = 1000
	for i := range keys {
		if err := s.Put(ctx, fmt.Sprint("{get}", i), make([]byte, 64)); err != nil {
			b.Fatal(err)
		}
	}
	var workers atomic.Int64
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		i := int(workers.Add(1)) * 7919
		for pb.Next() {
			i++
			if _, err := s.Get(ctx, fmt.Sprint("{get}", i%keys)); err != nil {
				b.Errorf("Get: %v", err)
				return
			}
		}
	})
}
