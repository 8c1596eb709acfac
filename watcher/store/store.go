// Package store is the tower's durable state: delegated channel states, event
// verdicts, challenge jobs and their leases, ingest cursors.
//
// Two implementations pass the same conformance suite (storetest): Redis
// (redisstore, for a network of watchers sharing state) and Pebble
// (pebblestore, an embedded store for a single node). Every operation touches a
// single key, so the Redis implementation works unchanged on Redis Cluster;
// callers put a hash tag such as "{<channel id>}" in keys they want co-located.
//
// Stores may also implement Batcher (both here do): many reads or writes in
// one round trip, each with the semantics of the single-key method.
//
// Fencing: AcquireLeaseToken hands each new holder of a lease a token larger
// than any before, and PutFenced writes only while that holder still holds
// the lease with that token, so a holder that was paused (GC, a slow store, a
// frozen VM) past its lease's expiry cannot overwrite what the next holder
// wrote. These are the only operations touching more than one key (the value,
// the lease and its token counter); they need the keys to share a hash tag.
//
// Keys fall into four families by the methods that write them: plain values
// (Put, PutIfAbsent), versioned values (PutVersioned), leases (AcquireLease)
// and indexes (IndexAdd, where the key is the index name). Use each key with
// one family only: implementations may keep the families in one key space
// (Redis does), so reading a key through another family's method has an
// implementation-defined result. Delete removes a key whichever family wrote it.
package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
)

// ErrNotFound is returned when a key holds nothing.
var ErrNotFound = errors.New("store: not found")

// ErrNotDurable is wrapped by the error of a write the store applied but
// could not confirm durable: a Redis primary whose replicas did not
// acknowledge it in time (store.redis_min_replicas). Reads see the write
// now, but a failover may lose it. Writing again is safe (the store's writes
// are idempotent; a versioned one is retried with PutVersionedIdempotentOp,
// which a plain PutVersioned of the same version would refuse). A caller whose write only saves repeated work, such as a
// cursor, may go on; one about to act irrevocably on what it wrote or read
// (acking an event, forgetting state) must first get a write confirmed.
var ErrNotDurable = errors.New("store: write applied but not confirmed durable")

// HashTag returns the hash tag of key as Redis Cluster finds it: the text
// between the first "{" and the first "}" after it, when that text is not
// empty. ok is false when key has no hash tag.
func HashTag(key string) (tag string, ok bool) {
	open := strings.IndexByte(key, '{')
	if open < 0 {
		return "", false
	}
	end := strings.IndexByte(key[open+1:], '}')
	if end <= 0 {
		return "", false
	}
	return key[open+1 : open+1+end], true
}

// CheckFenced validates the keys of a fenced operation: leaseKey must have a
// hash tag and key (when not empty) the same one. Implementations call it so
// that every store refuses the keys Redis Cluster would.
func CheckFenced(key, leaseKey string) error {
	tag, ok := HashTag(leaseKey)
	if !ok {
		return fmt.Errorf("lease key %q has no hash tag ({...}); fenced leases need one", leaseKey)
	}
	if key == "" {
		return nil
	}
	if kt, ok := HashTag(key); !ok || kt != tag {
		return fmt.Errorf("key %q does not carry the hash tag {%s} of its lease %q", key, tag, leaseKey)
	}
	return nil
}

// Entry is one member of an index with its score.
type Entry struct {
	Member string
	Score  int64
}

// Store is the durable key-value state shared by the tower's roles.
//
// All methods are safe for concurrent use; a nil error means the write is
// durable (for Redis: as durable as the server's persistence settings make it).
// A cancelled or expired ctx makes a method fail with an error wrapping
// ctx.Err(). Values passed in and returned are copied: callers may reuse or
// modify their slices afterwards.
type Store interface {
	// Get returns the value at key, or ErrNotFound.
	Get(ctx context.Context, key string) ([]byte, error)
	// Put stores value at key, replacing what was there.
	Put(ctx context.Context, key string, value []byte) error
	// PutIfAbsent stores value only when key holds nothing and reports whether it did.
	PutIfAbsent(ctx context.Context, key string, value []byte) (bool, error)
	// Delete removes key (a plain value, versioned value, lease or whole index);
	// deleting a missing key is not an error. A deleted versioned key starts
	// again from version 0.
	Delete(ctx context.Context, key string) error

	// PutVersioned stores value at key only when version is strictly greater than
	// the version stored there (a missing key has version 0 and accepts any
	// version >= 1). It returns the version held before the call and whether the
	// write was accepted; the check and the write are atomic.
	PutVersioned(ctx context.Context, key string, version uint64, value []byte) (prev uint64, accepted bool, err error)
	// GetVersioned returns the version and value written by PutVersioned, or ErrNotFound.
	GetVersioned(ctx context.Context, key string) (version uint64, value []byte, err error)

	// AcquireLease takes the lease at key for owner for ttl. It succeeds when the
	// lease is free, expired, or already held by owner (then it is extended to
	// ttl from now). ttl must be positive. Expiry uses the server's clock
	// (Redis) or the local wall clock (Pebble).
	AcquireLease(ctx context.Context, key, owner string, ttl time.Duration) (bool, error)
	// ReleaseLease frees the lease if owner holds it; otherwise it does nothing.
	ReleaseLease(ctx context.Context, key, owner string) error

	// AcquireLeaseToken is AcquireLease that also returns the lease's fencing
	// token (0 when ok is false). Each time AcquireLeaseToken takes the lease
	// while nobody holds it (missing, expired or released), the token becomes
	// one more than any token issued for key before, whoever the new holder
	// is; renewing a lease owner still holds returns the token it already has.
	// A caller that renews and gets another token lost the lease in between.
	// The counter survives Delete and ReleaseLease, so tokens never repeat.
	// key must contain a hash tag (see HashTag). AcquireLease takes the same
	// lease without advancing the token.
	AcquireLeaseToken(ctx context.Context, key, owner string, ttl time.Duration) (token uint64, ok bool, err error)
	// PutFenced is Put of value at key that succeeds only while owner holds
	// the lease at leaseKey and token is still its current token (the check
	// and the write are atomic). It reports whether it wrote; a false with a
	// nil error means the lease was lost, and nothing was written. key and
	// leaseKey must carry the same hash tag (see HashTag), so that on Redis
	// Cluster they live in one slot; other keys are refused with an error.
	PutFenced(ctx context.Context, key string, value []byte, leaseKey, owner string, token uint64) (bool, error)

	// IndexAdd adds member to the sorted index (or updates its score). Scores
	// must lie within ±2^53 so that every implementation (Redis keeps scores as
	// float64) stores them exactly; others may be refused with an error.
	IndexAdd(ctx context.Context, index, member string, score int64) error
	// IndexRemove removes member from the index; a missing member is not an error.
	IndexRemove(ctx context.Context, index, member string) error
	// IndexRange returns up to limit members with score <= maxScore, lowest score
	// first (ties by member, compared bytewise). limit <= 0 means no limit.
	IndexRange(ctx context.Context, index string, maxScore int64, limit int) ([]Entry, error)

	// Ping checks that the store is reachable.
	Ping(ctx context.Context) error
	// Close releases the store's resources. Calling it again does nothing.
	Close() error
}

// OpKind names the write an Op performs.
type OpKind uint8

// Writes an Op can perform; each has the semantics of the Store method of the
// same name.
const (
	OpPut OpKind = iota + 1
	OpPutIfAbsent
	OpIndexAdd
	OpPutVersioned
	// OpPutVersionedIdempotent is PutVersioned that also accepts its own
	// retry (PutVersionedIdempotentOp); it has no Store method.
	OpPutVersionedIdempotent
)

// Op is one write of a batch given to Batcher.Apply. Build it with PutOp,
// PutIfAbsentOp, IndexAddOp or PutVersionedOp.
type Op struct {
	Kind OpKind
	// Key is the plain key (Put, PutIfAbsent), the versioned key
	// (PutVersioned) or the index name (IndexAdd).
	Key string
	// Value is the value of Put, PutIfAbsent and PutVersioned.
	Value []byte
	// Version is the version of PutVersioned.
	Version uint64
	// Member and Score are the index entry of IndexAdd.
	Member string
	Score  int64
}

// PutOp is a Put of value at key.
func PutOp(key string, value []byte) Op { return Op{Kind: OpPut, Key: key, Value: value} }

// PutIfAbsentOp is a PutIfAbsent of value at key.
func PutIfAbsentOp(key string, value []byte) Op {
	return Op{Kind: OpPutIfAbsent, Key: key, Value: value}
}

// IndexAddOp is an IndexAdd of member with score to index.
func IndexAddOp(index, member string, score int64) Op {
	return Op{Kind: OpIndexAdd, Key: index, Member: member, Score: score}
}

// PutVersionedOp is a PutVersioned of value at key with version.
func PutVersionedOp(key string, version uint64, value []byte) Op {
	return Op{Kind: OpPutVersioned, Key: key, Version: version, Value: value}
}

// PutVersionedIdempotentOp is PutVersionedOp, except that when key already
// holds exactly version and value the op is accepted too, and the value
// written again: the retry of an accepted write succeeds (a plain
// PutVersioned refuses it), and is made as durable as a new write (a Redis
// primary's replicas must acknowledge it under store.redis_min_replicas).
// It is for writes of data that is the same whoever retries it, such as a
// co-signed state at its nonce; request nonces, whose retry is a replay,
// use PutVersionedOp.
func PutVersionedIdempotentOp(key string, version uint64, value []byte) Op {
	return Op{Kind: OpPutVersionedIdempotent, Key: key, Version: version, Value: value}
}

// Batcher is implemented by stores that read and write many keys in one round
// trip (a Redis pipeline, one synced Pebble batch). It is optional: use the
// GetMany and Apply functions, which fall back to one call per key on stores
// without it. Keys may lie in different Redis Cluster slots.
type Batcher interface {
	// GetMany returns the plain values at keys, in order, with a nil entry
	// for each missing key (a present empty value is a non-nil empty slice).
	GetMany(ctx context.Context, keys []string) ([][]byte, error)
	// GetVersionedMany returns the versions and values written by
	// PutVersioned at keys, in order; a missing key has version 0 and a nil value.
	GetVersionedMany(ctx context.Context, keys []string) (versions []uint64, values [][]byte, err error)
	// Apply performs ops in order, as the Store methods of the same names
	// would one after the other: a later op sees an earlier one's write, so a
	// second PutIfAbsent of a key in the same batch is refused, and two
	// PutVersioned of one key behave as two sequential calls. applied[i]
	// reports whether op i wrote: false only for a refused PutIfAbsent or a
	// refused PutVersioned (version not strictly greater than the stored
	// one; for PutVersionedIdempotentOp, nor equal with the same value). A
	// nil error means every write is durable (as Store defines it).
	// The batch is validated before anything is written, but it is not
	// atomic: on an error some ops may have been applied, each in full.
	// Callers retry the batch, so its ops must be idempotent or guarded
	// (PutIfAbsent, PutVersioned).
	Apply(ctx context.Context, ops []Op) (applied []bool, err error)
}

// GetMany is Batcher.GetMany on a Batcher, and one Get per key otherwise.
func GetMany(ctx context.Context, s Store, keys []string) ([][]byte, error) {
	if b, ok := s.(Batcher); ok {
		return b.GetMany(ctx, keys)
	}
	out := make([][]byte, len(keys))
	for i, k := range keys {
		v, err := s.Get(ctx, k)
		switch {
		case err == nil:
			if v == nil {
				v = []byte{}
			}
			out[i] = v
		case !errors.Is(err, ErrNotFound):
			return nil, err
		}
	}
	return out, nil
}

// Apply is Batcher.Apply on a Batcher, and one call per op otherwise.
func Apply(ctx context.Context, s Store, ops []Op) ([]bool, error) {
	if b, ok := s.(Batcher); ok {
		return b.Apply(ctx, ops)
	}
	applied := make([]bool, len(ops))
	for i, op := range ops {
		if op.Kind < OpPut || op.Kind > OpPutVersionedIdempotent {
			return nil, fmt.Errorf("store: apply: op %d has unknown kind %d", i, op.Kind)
		}
	}
	for i, op := range ops {
		var err error
		switch op.Kind {
		case OpPut:
			err = s.Put(ctx, op.Key, op.Value)
			applied[i] = err == nil
		case OpPutIfAbsent:
			applied[i], err = s.PutIfAbsent(ctx, op.Key, op.Value)
		case OpIndexAdd:
			err = s.IndexAdd(ctx, op.Key, op.Member, op.Score)
			applied[i] = err == nil
		case OpPutVersioned:
			_, applied[i], err = s.PutVersioned(ctx, op.Key, op.Version, op.Value)
		case OpPutVersionedIdempotent:
			applied[i], err = putVersionedIdempotent(ctx, s, op)
		}
		if err != nil {
			return nil, err
		}
	}
	return applied, nil
}

// putVersionedIdempotent is OpPutVersionedIdempotent on a store without
// Batcher: a retry of an accepted write is found by reading the key back,
// and is accepted without being written again.
func putVersionedIdempotent(ctx context.Context, s Store, op Op) (bool, error) {
	prev, ok, err := s.PutVersioned(ctx, op.Key, op.Version, op.Value)
	if err != nil || ok || prev != op.Version || prev == 0 {
		return ok, err
	}
	v, cur, err := s.GetVersioned(ctx, op.Key)
	if err != nil {
		return false, err
	}
	return v == op.Version && bytes.Equal(cur, op.Value), nil
}
