package redisstore

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/watchtower-l2/watchtower/watcher/store"
)

// tokenSuffix names the counter of a lease's fencing tokens: the string at
// prefix+leaseKey+tokenSuffix, an integer kept by INCR with no expiry. It
// shares the lease's hash tag, so both live in one Cluster slot.
const tokenSuffix = "#fence"

// acquireLeaseTokenScript is acquireLeaseScript that also keeps the fencing
// counter KEYS[2]: taking a free lease increments it; renewing a lease
// ARGV[1] holds returns it (starting it at 1 if the lease was taken by
// AcquireLease, which does not count). It returns the token, or 0 when
// another owner holds the lease.
var acquireLeaseTokenScript = redis.NewScript(`
local cur = redis.call('GET', KEYS[1])
if cur == false then
  local tok = redis.call('INCR', KEYS[2])
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return tok
end
if cur == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  local tok = redis.call('GET', KEYS[2])
  if tok == false then
    return redis.call('INCR', KEYS[2])
  end
  return tonumber(tok)
end
return 0
`)

// putFencedScript sets KEYS[1] to ARGV[1] when the lease KEYS[2] is held by
// ARGV[2] and its counter KEYS[3] still reads ARGV[3]. It returns 1 when it
// wrote, 0 otherwise.
var putFencedScript = redis.NewScript(`
if redis.call('GET', KEYS[2]) ~= ARGV[2] then return 0 end
if redis.call('GET', KEYS[3]) ~= ARGV[3] then return 0 end
redis.call('SET', KEYS[1], ARGV[1])
return 1
`)

// AcquireLeaseToken implements store.Store. The TTL is rounded up to whole
// milliseconds; the lease is the same Redis string AcquireLease writes.
func (s *Store) AcquireLeaseToken(ctx context.Context, key, owner string, ttl time.Duration) (uint64, bool, error) {
	if ttl <= 0 {
		return 0, false, fmt.Errorf("redisstore: acquire-lease-token %q: ttl %v is not positive", key, ttl)
	}
	if err := store.CheckFenced("", key); err != nil {
		return 0, false, fmt.Errorf("redisstore: acquire-lease-token: %w", err)
	}
	ms := (ttl + time.Millisecond - 1) / time.Millisecond
	keys := []string{s.key(key), s.key(key) + tokenSuffix}
	tok, err := acquireLeaseTokenScript.Run(ctx, s.client, keys, owner, int64(ms)).Int64()
	if err != nil {
		return 0, false, fmt.Errorf("redisstore: acquire-lease-token %q: %w", key, err)
	}
	if tok < 0 {
		return 0, false, fmt.Errorf("redisstore: acquire-lease-token %q: negative token %d", key, tok)
	}
	return uint64(tok), tok > 0, nil
}

// PutFenced implements store.Store with one Lua script over the value, the
// lease and its counter (one Cluster slot: they share a hash tag).
func (s *Store) PutFenced(ctx context.Context, key string, value []byte, leaseKey, owner string, token uint64) (bool, error) {
	if err := store.CheckFenced(key, leaseKey); err != nil {
		return false, fmt.Errorf("redisstore: put-fenced: %w", err)
	}
	if token == 0 {
		return false, nil // no lease ever issues token 0
	}
	keys := []string{s.key(key), s.key(leaseKey), s.key(leaseKey) + tokenSuffix}
	n, err := putFencedScript.Run(ctx, s.client, keys, value, owner, strconv.FormatUint(token, 10)).Int64()
	if err != nil {
		return false, fmt.Errorf("redisstore: put-fenced %q: %w", key, err)
	}
	return n == 1, nil
}
