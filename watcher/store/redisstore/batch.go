package redisstore

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/redis/go-redis/v9"

	"github.com/watchtower-l2/watchtower/watcher/store"
)

// The batch operations send one single-key command per key or op in one
// pipeline (GET, SET, SETNX, ZADD, EVALSHA or EVAL of the put-versioned
// script; HMGET for versioned values still in the first layout): no MGET nor
// MULTI, so keys may lie in different Redis Cluster slots; the cluster client
// splits the pipeline by node and keeps each node's commands in order.

var _ store.Batcher = (*Store)(nil)

// GetMany implements store.Batcher.
func (s *Store) GetMany(ctx context.Context, keys []string) ([][]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("redisstore: get-many: %w", err)
	}
	if len(keys) == 0 {
		return [][]byte{}, nil
	}
	cmds := make([]*redis.StringCmd, len(keys))
	_, err := s.client.Pipelined(ctx, func(p redis.Pipeliner) error {
		for i, k := range keys {
			cmds[i] = p.Get(ctx, s.key(k))
		}
		return nil
	})
	if err != nil && !errors.Is(err, redis.Nil) {
		return nil, fmt.Errorf("redisstore: get-many (%d keys): %w", len(keys), err)
	}
	out := make([][]byte, len(keys))
	for i, c := range cmds {
		v, err := c.Bytes()
		switch {
		case errors.Is(err, redis.Nil):
		case err != nil:
			return nil, fmt.Errorf("redisstore: get-many %q: %w", keys[i], err)
		default:
			if v == nil {
				v = []byte{}
			}
			out[i] = v
		}
	}
	return out, nil
}

// GetVersionedMany implements store.Batcher.
func (s *Store) GetVersionedMany(ctx context.Context, keys []string) ([]uint64, [][]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, nil, fmt.Errorf("redisstore: get-versioned-many: %w", err)
	}
	versions, values := make([]uint64, len(keys)), make([][]byte, len(keys))
	if len(keys) == 0 {
		return versions, values, nil
	}
	cmds := make([]*redis.StringCmd, len(keys))
	_, err := s.client.Pipelined(ctx, func(p redis.Pipeliner) error {
		for i, k := range keys {
			cmds[i] = p.Get(ctx, s.key(k))
		}
		return nil
	})
	if err != nil && !errors.Is(err, redis.Nil) && !isWrongType(err) {
		return nil, nil, fmt.Errorf("redisstore: get-versioned-many (%d keys): %w", len(keys), err)
	}
	var legacy []int
	for i, c := range cmds {
		b, err := c.Bytes()
		switch {
		case errors.Is(err, redis.Nil):
			continue
		case isWrongType(err):
			legacy = append(legacy, i)
			continue
		case err != nil:
			return nil, nil, fmt.Errorf("redisstore: get-versioned-many %q: %w", keys[i], err)
		}
		v, data, err := splitVersioned(b)
		if err != nil {
			return nil, nil, fmt.Errorf("redisstore: get-versioned-many %q: %w", keys[i], err)
		}
		versions[i], values[i] = v, data
	}
	if len(legacy) == 0 {
		return versions, values, nil
	}
	// Values still in the first layout (hashes).
	hcmds := make([]*redis.SliceCmd, len(legacy))
	if _, err := s.client.Pipelined(ctx, func(p redis.Pipeliner) error {
		for j, i := range legacy {
			hcmds[j] = p.HMGet(ctx, s.key(keys[i]), "v", "d")
		}
		return nil
	}); err != nil {
		return nil, nil, fmt.Errorf("redisstore: get-versioned-many (%d keys): %w", len(legacy), err)
	}
	for j, i := range legacy {
		res, err := hcmds[j].Result()
		if err != nil {
			return nil, nil, fmt.Errorf("redisstore: get-versioned-many %q: %w", keys[i], err)
		}
		v, data, err := legacyVersioned(keys[i], res)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, nil, err
		}
		versions[i], values[i] = v, data
	}
	return versions, values, nil
}

// Apply implements store.Batcher with one pipeline. Redis runs each node's
// commands in order, so a later op sees an earlier one's write. Scores
// outside ±2^53 are refused before anything is sent.
//
// PutVersioned ops run the put-versioned script by EVALSHA. A server that
// has not cached it (after a restart or SCRIPT FLUSH) answers NOSCRIPT
// without running anything; Apply then loads the script and re-runs exactly
// those ops, in their original order, in a second pipeline. A re-run op runs
// after the batch's other ops, so a PutVersioned on a key that more than one
// op of the batch uses is sent as EVAL (the script itself, never refused with
// NOSCRIPT) instead: otherwise, should another client load the script while
// the pipeline runs, a later op on that key could run before an earlier one.
func (s *Store) Apply(ctx context.Context, ops []store.Op) ([]bool, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("redisstore: apply: %w", err)
	}
	versioned := false
	for i, op := range ops {
		switch op.Kind {
		case store.OpPut, store.OpPutIfAbsent:
		case store.OpPutVersioned, store.OpPutVersionedIdempotent:
			versioned = true
		case store.OpIndexAdd:
			if op.Score > maxScore || op.Score < -maxScore {
				return nil, fmt.Errorf("redisstore: apply: op %d: index-add %q %q: score %d outside ±2^53", i, op.Key, op.Member, op.Score)
			}
		default:
			return nil, fmt.Errorf("redisstore: apply: op %d has unknown kind %d", i, op.Kind)
		}
	}
	applied := make([]bool, len(ops))
	if len(ops) == 0 {
		return applied, nil
	}
	var uses map[string]int // ops per key, when there are PutVersioned ops
	if versioned {
		uses = make(map[string]int, len(ops))
		for _, op := range ops {
			uses[op.Key]++
		}
	}
	cmds := make([]redis.Cmder, len(ops))
	_, err := s.client.Pipelined(ctx, func(p redis.Pipeliner) error {
		for i, op := range ops {
			switch op.Kind {
			case store.OpPut:
				cmds[i] = p.Set(ctx, s.key(op.Key), op.Value, 0)
			case store.OpPutIfAbsent:
				cmds[i] = p.SetNX(ctx, s.key(op.Key), op.Value, 0)
			case store.OpIndexAdd:
				cmds[i] = p.ZAdd(ctx, s.key(op.Key), redis.Z{Score: float64(op.Score), Member: op.Member})
			case store.OpPutVersioned, store.OpPutVersionedIdempotent:
				cmds[i] = s.queuePutVersioned(ctx, p, op, uses[op.Key] > 1)
			}
		}
		return nil
	})
	// The pipeline's error is one of its commands' errors; a NOSCRIPT is
	// handled below, op by op.
	if err != nil && !isNoScript(err) {
		return nil, fmt.Errorf("redisstore: apply (%d ops): %w", len(ops), err)
	}
	var rerun []int
	for i, c := range cmds {
		if (ops[i].Kind == store.OpPutVersioned || ops[i].Kind == store.OpPutVersionedIdempotent) && isNoScript(c.Err()) {
			rerun = append(rerun, i)
			continue
		}
		if applied[i], err = opApplied(c); err != nil {
			return nil, fmt.Errorf("redisstore: apply: op %d on %q: %w", i, ops[i].Key, err)
		}
	}
	if len(rerun) == 0 {
		return applied, nil
	}

	if err := putVersionedScript.Load(ctx, s.client).Err(); err != nil {
		return nil, fmt.Errorf("redisstore: apply: load put-versioned script: %w", err)
	}
	rcmds := make([]redis.Cmder, len(rerun))
	if _, err := s.client.Pipelined(ctx, func(p redis.Pipeliner) error {
		for j, i := range rerun {
			rcmds[j] = s.queuePutVersioned(ctx, p, ops[i], false)
		}
		return nil
	}); err != nil {
		return nil, fmt.Errorf("redisstore: apply: re-run of %d put-versioned ops after NOSCRIPT: %w", len(rerun), err)
	}
	for j, i := range rerun {
		if applied[i], err = opApplied(rcmds[j]); err != nil {
			return nil, fmt.Errorf("redisstore: apply: op %d on %q: %w", i, ops[i].Key, err)
		}
	}
	return applied, nil
}

// queuePutVersioned queues op, a PutVersioned (plain or idempotent), on p: by EVALSHA, or by EVAL
// when eval is set.
func (s *Store) queuePutVersioned(ctx context.Context, p redis.Pipeliner, op store.Op, eval bool) *redis.Cmd {
	keys := []string{s.key(op.Key)}
	again := "0"
	if op.Kind == store.OpPutVersionedIdempotent {
		again = "1"
	}
	if eval {
		return putVersionedScript.Eval(ctx, p, keys, encodeVersion(op.Version), op.Value, again)
	}
	return putVersionedScript.EvalSha(ctx, p, keys, encodeVersion(op.Version), op.Value, again)
}

// opApplied reports whether the command of an op wrote: a SETNX's result,
// the put-versioned script's accepted flag, and true for the others.
func opApplied(c redis.Cmder) (bool, error) {
	if err := c.Err(); err != nil {
		return false, err
	}
	switch c := c.(type) {
	case *redis.BoolCmd:
		return c.Val(), nil
	case *redis.Cmd:
		res, err := c.Int64Slice()
		if err != nil {
			return false, err
		}
		if len(res) != 3 || res[0] < 0 || res[0] > math.MaxUint32 || res[1] < 0 || res[1] > math.MaxUint32 {
			return false, fmt.Errorf("unexpected put-versioned script reply %v", res)
		}
		return res[2] == 1, nil
	}
	return true, nil
}

// isNoScript reports whether err is Redis's NOSCRIPT: the server has not
// cached the script, so the EVALSHA did not run.
func isNoScript(err error) bool { return err != nil && strings.HasPrefix(err.Error(), "NOSCRIPT") }
