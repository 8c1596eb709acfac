package redisstore

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/watchtower-l2/watchtower/watcher/store"
)

// ErrNotReplicated reports a write that the primary applied but fewer
// replicas than required acknowledged in time: it may be lost if the primary
// fails now. Retrying the operation is safe for the store's idempotent writes.
// Errors wrapping it also wrap store.ErrNotDurable.
var ErrNotReplicated = errors.New("write not acknowledged by enough replicas")

// readTimeoutMargin is added to the WAIT timeout to get the socket read
// timeout, so a WAIT is answered by the server rather than cut by the client.
const readTimeoutMargin = 3 * time.Second

// writeCommands are the commands that change data, after which the hook of
// RequireReplicas waits for replicas (scripts are counted as writes).
var writeCommands = map[string]bool{
	"set": true, "setnx": true, "setex": true, "psetex": true, "getset": true, "getdel": true,
	"del": true, "unlink": true, "expire": true, "pexpire": true, "persist": true, "rename": true,
	"incr": true, "incrby": true, "decr": true, "decrby": true, "append": true,
	"hset": true, "hmset": true, "hdel": true, "hsetnx": true,
	"zadd": true, "zrem": true, "zincrby": true, "zremrangebyscore": true,
	"eval": true, "evalsha": true, "fcall": true,
}

// RequireReplicas makes every write sent through client wait until n
// replicas have acknowledged it: the write and a WAIT n timeout go in one
// pipeline on one connection (WAIT covers the writes of its own connection).
// A write that fewer replicas acknowledged within timeout fails with an
// error wrapping ErrNotReplicated, although the primary applied it. Writes
// inside MULTI/EXEC transactions are not waited for (the store sends none).
// n <= 0 does nothing. Call it before the client is used; the client's read
// timeout must exceed timeout (Open sets it so).
func RequireReplicas(client redis.UniversalClient, n int, timeout time.Duration) error {
	if n <= 0 {
		return nil
	}
	if timeout <= 0 {
		return fmt.Errorf("waiting for %d replicas needs a positive timeout, got %s (WAIT 0 would block forever)", n, timeout)
	}
	switch c := client.(type) {
	case *redis.ClusterClient:
		// Each write must be followed by WAIT on its own node's connection.
		c.OnNewNode(func(node *redis.Client) { node.AddHook(&waitHook{client: node, n: n, timeout: timeout}) })
	case *redis.Client:
		c.AddHook(&waitHook{client: c, n: n, timeout: timeout})
	default:
		return fmt.Errorf("waiting for replicas is not supported on a %T", client)
	}
	return nil
}

// replicaReadTimeout returns the socket read timeout a client needs for the
// WAIT of o: at least the WAIT timeout plus a margin.
func replicaReadTimeout(current time.Duration, o Options) time.Duration {
	if o.MinReplicas <= 0 || o.ReplicaTimeout <= 0 {
		return current
	}
	need := o.ReplicaTimeout + readTimeoutMargin
	if current < 0 {
		return current // no read timeout at all
	}
	if current == 0 {
		current = 3 * time.Second // go-redis's default
	}
	return max(current, need)
}

// waitHook pipelines WAIT after every write command of a client.
type waitHook struct {
	client  *redis.Client
	n       int
	timeout time.Duration
}

// DialHook implements redis.Hook.
func (h *waitHook) DialHook(next redis.DialHook) redis.DialHook { return next }

// ProcessHook sends a write command as a pipeline, which
// ProcessPipelineHook completes with WAIT.
func (h *waitHook) ProcessHook(next redis.ProcessHook) redis.ProcessHook {
	return func(ctx context.Context, cmd redis.Cmder) error {
		if !writeCommands[strings.ToLower(cmd.Name())] {
			return next(ctx, cmd)
		}
		_, _ = h.client.Pipelined(ctx, func(p redis.Pipeliner) error { return p.Process(ctx, cmd) })
		return cmd.Err()
	}
}

// ProcessPipelineHook appends WAIT to a pipeline holding writes and fails
// its writes when too few replicas acknowledged them.
func (h *waitHook) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return func(ctx context.Context, cmds []redis.Cmder) error {
		if len(cmds) == 0 || strings.EqualFold(cmds[0].Name(), "multi") || !hasWrite(cmds) {
			return next(ctx, cmds)
		}
		wait := redis.NewIntCmd(ctx, "wait", h.n, h.timeout.Milliseconds())
		all := append(cmds[:len(cmds):len(cmds)], wait)
		err := next(ctx, all)
		var werr error
		switch got, e := wait.Result(); {
		case e != nil:
			werr = fmt.Errorf("redisstore: WAIT for %d replicas: %w", h.n, e)
		case got < int64(h.n):
			werr = fmt.Errorf("redisstore: write reached %d of %d replicas within %s: %w (%w)", got, h.n, h.timeout, ErrNotReplicated, store.ErrNotDurable)
		}
		if werr == nil {
			return err
		}
		for _, c := range cmds {
			if writeCommands[strings.ToLower(c.Name())] && c.Err() == nil {
				c.SetErr(werr)
			}
		}
		if err == nil {
			err = werr
		}
		return err
	}
}

func hasWrite(cmds []redis.Cmder) bool {
	for _, c := range cmds {
		if writeCommands[strings.ToLower(c.Name())] {
			return true
		}
	}
	return false
}
