// Package redisstore implements store.Store on Redis, Redis Sentinel or
// Redis Cluster.
//
// Every operation touches exactly one Redis key, prefix+key, so the store
// works on Redis Cluster; put a hash tag ("{...}") in keys that must share a
// slot, and keep braces out of the prefix (a tag in the prefix would put every
// key in one slot). The four key families share that key space:
//
//   - plain values are strings (GET/SET/SETNX);
//   - versioned values are strings: the version (8 bytes, big-endian) then
//     the data, checked and written by a Lua script (values written by
//     earlier versions, hashes with fields "v", the version as 16 hex digits,
//     and "d", the data, are still read, and rewritten as strings by their
//     next PutVersioned);
//   - leases are strings holding the owner, with a PX expiry on the Redis
//     server's clock, taken and released by Lua scripts; a lease's fencing
//     token counter is the integer at the lease's key + "#fence" (no expiry);
//   - indexes are sorted sets.
//
// Writes are as durable as the server's persistence settings make them (use
// appendonly yes with appendfsync always or everysec for a watchtower).
package redisstore

import (
	"context"
	"crypto/tls"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/watchtower-l2/watchtower/internal/transport"
	"github.com/watchtower-l2/watchtower/watcher/store"
)

// maxScore bounds index scores: Redis keeps them as float64, exact up to 2^53.
const maxScore = 1 << 53

// putVersionedScript stores ARGV[1] (the version, 8 bytes big-endian)
// followed by ARGV[2] (the data) as the string at KEYS[1] when the version is
// greater than the stored one, or, when ARGV[3] is "1"
// (store.PutVersionedIdempotentOp), when the key holds exactly that already
// (written again, so that it is replicated like a new write). A key still in the first layout (a hash with
// fields "v", 16 hex digits, and "d") is read as such and rewritten as a
// string. It returns {previous version high 32 bits, low 32 bits, 1 if written
// else 0}: versions are compared as two 32-bit halves because Lua numbers are
// doubles.
var putVersionedScript = redis.NewScript(`
local phi, plo = 0, 0
local cur = false
local t = redis.call('TYPE', KEYS[1])['ok']
if t == 'string' then
  cur = redis.call('GET', KEYS[1])
  if string.len(cur) < 8 then return redis.error_reply('malformed versioned value') end
  phi, plo = struct.unpack('>I4I4', cur)
elseif t == 'hash' then
  local prev = redis.call('HGET', KEYS[1], 'v')
  if prev then
    phi = tonumber(string.sub(prev, 1, 8), 16)
    plo = tonumber(string.sub(prev, 9, 16), 16)
  end
elseif t ~= 'none' then
  return redis.error_reply('WRONGTYPE versioned key holds a ' .. t)
end
local nhi, nlo = struct.unpack('>I4I4', ARGV[1])
local again = ARGV[3] == '1' and nhi == phi and nlo == plo and cur == ARGV[1] .. ARGV[2]
if nhi > phi or (nhi == phi and nlo > plo) or again then
  redis.call('SET', KEYS[1], ARGV[1] .. ARGV[2])
  return {phi, plo, 1}
end
return {phi, plo, 0}
`)

// acquireLeaseScript sets KEYS[1] to owner ARGV[1] with expiry ARGV[2] ms when
// the lease is free (missing or expired) or already held by ARGV[1].
var acquireLeaseScript = redis.NewScript(`
local cur = redis.call('GET', KEYS[1])
if cur == false or cur == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
return 0
`)

// releaseLeaseScript deletes KEYS[1] when it holds owner ARGV[1].
var releaseLeaseScript = redis.NewScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
`)

// Store is a store.Store backed by a Redis client.
type Store struct {
	client    redis.UniversalClient
	prefix    string
	ownClient bool
	closeOnce sync.Once
	closeErr  error
}

var _ store.Store = (*Store)(nil)

// New returns a Store using client, with every key prefixed by prefix. Close
// does not close client.
func New(client redis.UniversalClient, prefix string) *Store {
	return &Store{client: client, prefix: prefix}
}

// Options are connection settings that do not belong in a URL: credentials
// read from secret files and TLS built from PEM files.
type Options struct {
	// Username is the ACL user; it replaces one in the URL.
	Username string
	// Password replaces one in the URL.
	Password string
	// TLS replaces the default TLS configuration of a rediss:// or
	// rediss+cluster:// URL (with a CA and a client certificate). An empty
	// ServerName is taken from each address dialed. It needs a rediss URL.
	TLS *tls.Config
	// MinReplicas, when positive, makes every write wait (Redis WAIT) until
	// that many replicas have it, for up to ReplicaTimeout; see RequireReplicas.
	MinReplicas    int
	ReplicaTimeout time.Duration
}

// Open connects to url and pings the server. It accepts single-node URLs
// (redis://, rediss://, unix://, see redis.ParseURL), cluster URLs
// (redis+cluster://host:port?addr=host2:port, rediss+cluster://; see
// redis.ParseClusterURL) and Sentinel URLs
// (redis+sentinel://host:port[,host:port...]/MASTER_NAME, rediss+sentinel://;
// see ParseSentinelURL). Close closes the connection Open made.
func Open(ctx context.Context, rawURL, prefix string) (*Store, error) {
	return OpenWith(ctx, rawURL, prefix, Options{})
}

// OpenWith is Open with credentials and TLS settings. A server that refuses
// the credentials or the TLS handshake fails it with an error that says so
// (errors.Is transport.ErrAuth or transport.ErrTLS), on one line.
func OpenWith(ctx context.Context, rawURL, prefix string, o Options) (*Store, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		// url.Error would quote the URL, password included.
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return nil, fmt.Errorf("redisstore: open: invalid URL: %w", err)
	}
	shown := redacted(u)
	client, user, err := newClient(u, rawURL, shown, o)
	if err != nil {
		return nil, err
	}
	if err := RequireReplicas(client, o.MinReplicas, o.ReplicaTimeout); err != nil {
		_ = client.Close()
		return nil, fmt.Errorf("redisstore: open %s: %w", shown, err)
	}

	if err := client.Ping(ctx).Err(); err != nil {
		_ = client.Close()
		return nil, explainOpen(fmt.Errorf("redisstore: open %s: ping: %w", shown, err), user, secureScheme(u.Scheme))
	}
	s := New(client, prefix)
	s.ownClient = true
	return s, nil
}

// credentials applies the Options' user and password over the URL's.
func credentials(user, pass string, o Options) (string, string) {
	if o.Username != "" {
		user = o.Username
	}
	if o.Password != "" {
		pass = o.Password
	}
	return user, pass
}

// explainOpen says what to look at when the server refused the
// credentials or the TLS handshake failed.
func explainOpen(err error, user string, secure bool) error {
	who := "the default user"
	if user != "" {
		who = fmt.Sprintf("user %q", user)
	}
	msg := err.Error()
	switch {
	case strings.Contains(msg, "WRONGPASS"):
		return &transport.Explained{Kind: transport.ErrAuth, Reason: "the server refused " + who + " with this password", Err: err}
	case strings.Contains(msg, "NOAUTH"):
		return &transport.Explained{Kind: transport.ErrAuth, Reason: "the server requires a password", Err: err}
	case strings.Contains(msg, "NOPERM"):
		return &transport.Explained{Kind: transport.ErrAuth, Reason: "the ACL of " + who + " does not allow the store's commands (it needs read, write and scripting on the prefix's keys)", Err: err}
	}
	if r := transport.TLSReason(err); r != "" {
		return &transport.Explained{Kind: transport.ErrTLS, Reason: r, Err: err}
	}
	if !secure && (errors.Is(err, io.EOF) || errors.Is(err, syscall.ECONNRESET)) {
		return &transport.Explained{Kind: transport.ErrTLS, Reason: "the server closed the connection: if it serves TLS, use a rediss:// URL", Err: err}
	}
	return err
}

// Client returns the underlying Redis client.
func (s *Store) Client() redis.UniversalClient { return s.client }

func (s *Store) key(k string) string { return s.prefix + k }

// Get implements store.Store.
func (s *Store) Get(ctx context.Context, key string) ([]byte, error) {
	v, err := s.client.Get(ctx, s.key(key)).Bytes()
	if errors.Is(err, redis.Nil) {
		return nil, fmt.Errorf("redisstore: get %q: %w", key, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("redisstore: get %q: %w", key, err)
	}
	return v, nil
}

// Put implements store.Store.
func (s *Store) Put(ctx context.Context, key string, value []byte) error {
	if err := s.client.Set(ctx, s.key(key), value, 0).Err(); err != nil {
		return fmt.Errorf("redisstore: put %q: %w", key, err)
	}
	return nil
}

// PutIfAbsent implements store.Store.
func (s *Store) PutIfAbsent(ctx context.Context, key string, value []byte) (bool, error) {
	ok, err := s.client.SetNX(ctx, s.key(key), value, 0).Result()
	if err != nil {
		return false, fmt.Errorf("redisstore: put-if-absent %q: %w", key, err)
	}
	return ok, nil
}

// Delete implements store.Store.
func (s *Store) Delete(ctx context.Context, key string) error {
	if err := s.client.Del(ctx, s.key(key)).Err(); err != nil {
		return fmt.Errorf("redisstore: delete %q: %w", key, err)
	}
	return nil
}

// PutVersioned implements store.Store.
func (s *Store) PutVersioned(ctx context.Context, key string, version uint64, value []byte) (uint64, bool, error) {
	res, err := putVersionedScript.Run(ctx, s.client, []string{s.key(key)}, encodeVersion(version), value).Int64Slice()
	if err != nil {
		return 0, false, fmt.Errorf("redisstore: put-versioned %q: %w", key, err)
	}
	if len(res) != 3 || res[0] < 0 || res[0] > math.MaxUint32 || res[1] < 0 || res[1] > math.MaxUint32 {
		return 0, false, fmt.Errorf("redisstore: put-versioned %q: unexpected script reply %v", key, res)
	}
	return uint64(res[0])<<32 | uint64(res[1]), res[2] == 1, nil
}

// GetVersioned implements store.Store.
func (s *Store) GetVersioned(ctx context.Context, key string) (uint64, []byte, error) {
	b, err := s.client.Get(ctx, s.key(key)).Bytes()
	switch {
	case errors.Is(err, redis.Nil):
		return 0, nil, fmt.Errorf("redisstore: get-versioned %q: %w", key, store.ErrNotFound)
	case isWrongType(err):
		return s.getLegacyVersioned(ctx, key)
	case err != nil:
		return 0, nil, fmt.Errorf("redisstore: get-versioned %q: %w", key, err)
	}
	v, data, err := splitVersioned(b)
	if err != nil {
		return 0, nil, fmt.Errorf("redisstore: get-versioned %q: %w", key, err)
	}
	return v, data, nil
}

// getLegacyVersioned reads a versioned value in the first layout (a hash).
func (s *Store) getLegacyVersioned(ctx context.Context, key string) (uint64, []byte, error) {
	res, err := s.client.HMGet(ctx, s.key(key), "v", "d").Result()
	if err != nil {
		return 0, nil, fmt.Errorf("redisstore: get-versioned %q: %w", key, err)
	}
	return legacyVersioned(key, res)
}

func legacyVersioned(key string, res []any) (uint64, []byte, error) {
	if len(res) != 2 || res[0] == nil {
		return 0, nil, fmt.Errorf("redisstore: get-versioned %q: %w", key, store.ErrNotFound)
	}
	vs, _ := res[0].(string)
	version, err := parseVersion(vs)
	if err != nil {
		return 0, nil, fmt.Errorf("redisstore: get-versioned %q: %w", key, err)
	}
	data, _ := res[1].(string)
	return version, []byte(data), nil
}

// AcquireLease implements store.Store. The TTL is rounded up to whole milliseconds.
func (s *Store) AcquireLease(ctx context.Context, key, owner string, ttl time.Duration) (bool, error) {
	if ttl <= 0 {
		return false, fmt.Errorf("redisstore: acquire-lease %q: ttl %v is not positive", key, ttl)
	}
	ms := (ttl + time.Millisecond - 1) / time.Millisecond
	n, err := acquireLeaseScript.Run(ctx, s.client, []string{s.key(key)}, owner, int64(ms)).Int64()
	if err != nil {
		return false, fmt.Errorf("redisstore: acquire-lease %q: %w", key, err)
	}
	return n == 1, nil
}

// ReleaseLease implements store.Store.
func (s *Store) ReleaseLease(ctx context.Context, key, owner string) error {
	if err := releaseLeaseScript.Run(ctx, s.client, []string{s.key(key)}, owner).Err(); err != nil {
		return fmt.Errorf("redisstore: release-lease %q: %w", key, err)
	}
	return nil
}

// IndexAdd implements store.Store. Scores outside ±2^53 are refused.
func (s *Store) IndexAdd(ctx context.Context, index, member string, score int64) error {
	if score > maxScore || score < -maxScore {
		return fmt.Errorf("redisstore: index-add %q %q: score %d outside ±2^53", index, member, score)
	}
	if err := s.client.ZAdd(ctx, s.key(index), redis.Z{Score: float64(score), Member: member}).Err(); err != nil {
		return fmt.Errorf("redisstore: index-add %q %q: %w", index, member, err)
	}
	return nil
}

// IndexRemove implements store.Store.
func (s *Store) IndexRemove(ctx context.Context, index, member string) error {
	if err := s.client.ZRem(ctx, s.key(index), member).Err(); err != nil {
		return fmt.Errorf("redisstore: index-remove %q %q: %w", index, member, err)
	}
	return nil
}

// IndexRange implements store.Store.
func (s *Store) IndexRange(ctx context.Context, index string, maxScoreArg int64, limit int) ([]store.Entry, error) {
	if maxScoreArg < -maxScore { // below every storable score
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("redisstore: index-range %q: %w", index, err)
		}
		return nil, nil
	}
	max := "+inf"
	if maxScoreArg < maxScore {
		max = strconv.FormatInt(maxScoreArg, 10) // exact as a float64
	}
	by := &redis.ZRangeBy{Min: "-inf", Max: max}
	if limit > 0 {
		by.Count = int64(limit)
	}
	zs, err := s.client.ZRangeByScoreWithScores(ctx, s.key(index), by).Result()
	if err != nil {
		return nil, fmt.Errorf("redisstore: index-range %q: %w", index, err)
	}
	out := make([]store.Entry, 0, len(zs))
	for _, z := range zs {
		m, ok := z.Member.(string)
		if !ok || z.Score != math.Trunc(z.Score) {
			return nil, fmt.Errorf("redisstore: index-range %q: unexpected entry %v", index, z)
		}
		out = append(out, store.Entry{Member: m, Score: int64(z.Score)})
	}
	return out, nil
}

// Ping implements store.Store.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.client.Ping(ctx).Err(); err != nil {
		return fmt.Errorf("redisstore: ping: %w", err)
	}
	return nil
}

// Close closes the client if Open created it. Calling it again does nothing.
func (s *Store) Close() error {
	if !s.ownClient {
		return nil
	}
	s.closeOnce.Do(func() {
		if err := s.client.Close(); err != nil {
			s.closeErr = fmt.Errorf("redisstore: close: %w", err)
		}
	})
	return s.closeErr
}

func encodeVersion(v uint64) []byte { return binary.BigEndian.AppendUint64(nil, v) }

// splitVersioned splits a stored versioned string into version and data.
func splitVersioned(b []byte) (uint64, []byte, error) {
	if len(b) < 8 {
		return 0, nil, fmt.Errorf("malformed versioned value (%d bytes)", len(b))
	}
	data := b[8:]
	if data == nil {
		data = []byte{}
	}
	return binary.BigEndian.Uint64(b), data, nil
}

func isWrongType(err error) bool { return err != nil && strings.HasPrefix(err.Error(), "WRONGTYPE") }

func parseVersion(s string) (uint64, error) {
	if len(s) != 16 {
		return 0, fmt.Errorf("malformed stored version %q", s)
	}
	v, err := strconv.ParseUint(s, 16, 64)
	if err != nil {
		return 0, fmt.Errorf("malformed stored version %q: %w", s, err)
	}
	return v, nil
}
