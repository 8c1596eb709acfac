package pebblestore_test

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"

	"github.com/watchtower-l2/watchtower/watcher/store/pebblestore"
)

// BenchmarkPebblePutVersioned measures synced, accepted versioned writes from
// parallel goroutines, each on its own key.
func BenchmarkPebblePutVersioned(b *testing.B) {
	s, err := pebblestore.Open(b.TempDir(), nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = s.Close() })
	ctx := context.Background()
	value := make([]byte, 64)
	var workers atomic.Int64
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		key := fmt.Sprint("{bench}ver/", workers.Add(1))
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

// BenchmarkPebbleGet measures parallel point reads of 1000 keys.
func BenchmarkPebbleGet(b *testing.B) {
	s, err := pebblestore.Open(b.TempDir(), nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = s.Close() })
	ctx := context.Background()
	const keys = 1000
	for i := range keys {
		if err := s.Put(ctx, fmt.Sprint("{bench}get/", i), make([]byte, 64)); err != nil {
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
			if _, err := s.Get(ctx, fmt.Sprint("{bench}get/", i%keys)); err != nil {
				b.Errorf("Get: %v", err)
				return
			}
		}
	})
}
