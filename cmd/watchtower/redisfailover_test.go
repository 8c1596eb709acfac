package main

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/watchtower-l2/watchtower/internal/config"
	"github.com/watchtower-l2/watchtower/internal/testutil/redistest"
	"github.com/watchtower-l2/watchtower/watcher/l2/kinds"
	"github.com/watchtower-l2/watchtower/watcher/store/redisstore"
)

// store.redis_url may name Sentinels, and store.redis_min_replicas reaches
// the store: with the replica gone, a write is refused as unreplicated.
func TestOpenRedisSentinelMinReplicas(t *testing.T) {
	sen := redistest.StartSentinel(t, 10*time.Second)
	cfg := config.Default(kinds.Builtin())
	cfg.Store.RedisURL = sen.URL()
	cfg.Store.RedisMinReplicas = 1
	cfg.Store.RedisReplicaTimeout = 200 * time.Millisecond
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	st, err := openRedis(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.Put(ctx, "k", []byte("v")); err != nil {
		t.Fatalf("Put with the replica up: %v", err)
	}
	sen.Replica.Stop()
	if err := st.Put(ctx, "k", []byte("v2")); !errors.Is(err, redisstore.ErrNotReplicated) {
		t.Fatalf("Put with the replica down = %v, want ErrNotReplicated", err)
	}
}
