// Package pebblestore implements store.Store on an embedded Pebble database,
// for a watchtower running as a single node.
//
// Every write is committed with pebble.Sync. Read-modify-write operations
// (PutIfAbsent, PutVersioned, leases, index updates, Delete) and plain Puts on
// the same key name are serialised by one of a fixed set of striped mutexes,
// so operations on different keys still share WAL syncs.
//
// The key families live in separate namespaces and cannot collide:
//
//	kv/<key>                                  plain value
//	ver/<key>                                 8-byte big-endian version, then data
//	lease/<key>                               8-byte big-endian expiry (unix ns, wall clock), then owner
//	fence/<key>                               8-byte big-endian last fencing token of the lease
//	idx/<index>\x00<8-byte score><member>     index entry, empty value
//	idxm/<index>\x00<member>                  8-byte score of member
//
// Scores are stored big-endian with the sign bit flipped so that byte order is
// numeric order. Index names must not contain a NUL byte.
package pebblestore

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/maphash"
	"math"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/cockroachdb/pebble"
	"github.com/cockroachdb/pebble/vfs"
	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/watcher/store"
)

// ErrClosed is returned by operations on a closed Store.
var ErrClosed = errors.New("pebblestore: store is closed")

const (
	nsPlain       = "kv/"
	nsVersioned   = "ver/"
	nsLease       = "lease/"
	nsIndex       = "idx/"
	nsIndexMember = "idxm/"

	stripes = 64
)

// Store is a store.Store on a Pebble database in one directory.
type Store struct {
	dir  string
	seed maphash.Seed

	// mu guards the database's lifetime: operations hold it for reading,
	// Close for writing.
	mu   sync.RWMutex
	db   *pebble.DB // nil once closed
	lock *pebble.Lock

	stripes [stripes]sync.Mutex
}

var _ store.Store = (*Store)(nil)

// Open opens (creating if needed) the store in dir. Pebble's own log messages
// go to log at debug level, its background errors at warn. It fails with a
// clear error when another open store, in this or another process, holds dir.
func Open(dir string, log *zap.Logger) (*Store, error) {
	if log == nil {
		log = zap.NewNop()
	}
	log = log.With(zap.String("store", "pebble"), zap.String("dir", dir))
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("pebblestore: open %s: %w", dir, err)
	}
	lock, err := pebble.LockDirectory(dir, vfs.Default)
	if err != nil {
		return nil, fmt.Errorf("pebblestore: open %s: directory is in use by another open store: %w", dir, err)
	}
	sugar := log.Sugar()
	opts := &pebble.Options{
		Lock:               lock,
		FormatMajorVersion: pebble.FormatNewest,
		Logger:             pebbleLogger{log: sugar},
		EventListener: &pebble.EventListener{
			BackgroundError: func(err error) { log.Warn("pebble background error", zap.Error(err)) },
			DiskSlow: func(info pebble.DiskSlowInfo) {
				log.Warn("pebble disk slow", zap.String("info", info.String()))
			},
			WriteStallBegin: func(info pebble.WriteStallBeginInfo) {
				log.Warn("pebble write stall", zap.String("reason", info.Reason))
			},
		},
	}
	db, err := pebble.Open(dir, opts)
	if err != nil {
		_ = lock.Close()
		return nil, fmt.Errorf("pebblestore: open %s: %w", dir, err)
	}
	return &Store{dir: dir, seed: maphash.MakeSeed(), db: db, lock: lock}, nil
}

// Close flushes and closes the database and releases the directory. Calling
// it again does nothing.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.db == nil {
		return nil
	}
	err := s.db.Close()
	if lerr := s.lock.Close(); err == nil {
		err = lerr
	}
	s.db, s.lock = nil, nil
	if err != nil {
		return fmt.Errorf("pebblestore: close %s: %w", s.dir, err)
	}
	return nil
}

// Get implements store.Store.
func (s *Store) Get(ctx context.Context, key string) ([]byte, error) {
	db, done, err := s.begin(ctx)
	if err != nil {
		return nil, fmt.Errorf("pebblestore: get %q: %w", key, err)
	}
	defer done()
	v, err := get(db, plainKey(key))
	if err != nil {
		return nil, fmt.Errorf("pebblestore: get %q: %w", key, err)
	}
	return v, nil
}

// Put implements store.Store.
func (s *Store) Put(ctx context.Context, key string, value []byte) error {
	db, done, err := s.begin(ctx)
	if err != nil {
		return fmt.Errorf("pebblestore: put %q: %w", key, err)
	}
	defer done()
	unlock := s.lockName(key)
	defer unlock()
	if err := db.Set(plainKey(key), value, pebble.Sync); err != nil {
		return fmt.Errorf("pebblestore: put %q: %w", key, err)
	}
	return nil
}

// PutIfAbsent implements store.Store.
func (s *Store) PutIfAbsent(ctx context.Context, key string, value []byte) (bool, error) {
	db, done, err := s.begin(ctx)
	if err != nil {
		return false, fmt.Errorf("pebblestore: put-if-absent %q: %w", key, err)
	}
	defer done()
	unlock := s.lockName(key)
	defer unlock()
	k := plainKey(key)
	_, err = get(db, k)
	switch {
	case err == nil:
		return false, nil
	case !errors.Is(err, store.ErrNotFound):
		return false, fmt.Errorf("pebblestore: put-if-absent %q: %w", key, err)
	}
	if err := db.Set(k, value, pebble.Sync); err != nil {
		return false, fmt.Errorf("pebblestore: put-if-absent %q: %w", key, err)
	}
	return true, nil
}

// Delete implements store.Store: it removes the plain value, versioned value,
// lease and index named key.
func (s *Store) Delete(ctx context.Context, key string) error {
	db, done, err := s.begin(ctx)
	if err != nil {
		return fmt.Errorf("pebblestore: delete %q: %w", key, err)
	}
	defer done()
	unlock := s.lockName(key)
	defer unlock()

	b := db.NewBatch()
	defer b.Close()
	_ = b.Delete(plainKey(key), nil)
	_ = b.Delete(versionedKey(key), nil)
	_ = b.Delete(leaseKey(key), nil)
	if validIndexName(key) == nil {
		// Only lay range tombstones when the index has members.
		lo, hi := indexMemberBounds(key)
		nonEmpty, err := anyKey(db, lo, hi)
		if err != nil {
			return fmt.Errorf("pebblestore: delete %q: %w", key, err)
		}
		if nonEmpty {
			_ = b.DeleteRange(lo, hi, nil)
			elo, ehi := indexEntryBounds(key)
			_ = b.DeleteRange(elo, ehi, nil)
		}
	}
	if err := db.Apply(b, pebble.Sync); err != nil {
		return fmt.Errorf("pebblestore: delete %q: %w", key, err)
	}
	return nil
}

// PutVersioned implements store.Store.
func (s *Store) PutVersioned(ctx context.Context, key string, version uint64, value []byte) (uint64, bool, error) {
	db, done, err := s.begin(ctx)
	if err != nil {
		return 0, false, fmt.Errorf("pebblestore: put-versioned %q: %w", key, err)
	}
	defer done()
	unlock := s.lockName(key)
	defer unlock()

	k := versionedKey(key)
	var prev uint64
	cur, err := get(db, k)
	switch {
	case err == nil:
		if prev, _, err = decodeVersioned(cur); err != nil {
			return 0, false, fmt.Errorf("pebblestore: put-versioned %q: %w", key, err)
		}
	case !errors.Is(err, store.ErrNotFound):
		return 0, false, fmt.Errorf("pebblestore: put-versioned %q: %w", key, err)
	}
	if version <= prev {
		return prev, false, nil
	}
	enc := make([]byte, 8+len(value))
	binary.BigEndian.PutUint64(enc, version)
	copy(enc[8:], value)
	if err := db.Set(k, enc, pebble.Sync); err != nil {
		return 0, false, fmt.Errorf("pebblestore: put-versioned %q: %w", key, err)
	}
	return prev, true, nil
}

// GetVersioned implements store.Store.
func (s *Store) GetVersioned(ctx context.Context, key string) (uint64, []byte, error) {
	db, done, err := s.begin(ctx)
	if err != nil {
		return 0, nil, fmt.Errorf("pebblestore: get-versioned %q: %w", key, err)
	}
	defer done()
	cur, err := get(db, versionedKey(key))
	if err != nil {
		return 0, nil, fmt.Errorf("pebblestore: get-versioned %q: %w", key, err)
	}
	version, data, err := decodeVersioned(cur)
	if err != nil {
		return 0, nil, fmt.Errorf("pebblestore: get-versioned %q: %w", key, err)
	}
	return version, data, nil
}

// AcquireLease implements store.Store. Expiry is checked against the local
// wall clock.
func (s *Store) AcquireLease(ctx context.Context, key, owner string, ttl time.Duration) (bool, error) {
	if ttl <= 0 {
		return false, fmt.Errorf("pebblestore: acquire-lease %q: ttl %v is not positive", key, ttl)
	}
	db, done, err := s.begin(ctx)
	if err != nil {
		return false, fmt.Errorf("pebblestore: acquire-lease %q: %w", key, err)
	}
	defer done()
	unlock := s.lockName(key)
	defer unlock()

	k := leaseKey(key)
	now := time.Now()
	cur, err := get(db, k)
	switch {
	case err == nil:
		expiry, holder, err := decodeLease(cur)
		if err != nil {
			return false, fmt.Errorf("pebblestore: acquire-lease %q: %w", key, err)
		}
		if holder != owner && now.UnixNano() < expiry {
			return false, nil
		}
	case !errors.Is(err, store.ErrNotFound):
		return false, fmt.Errorf("pebblestore: acquire-lease %q: %w", key, err)
	}
	expiry := now.Add(ttl).UnixNano()
	if expiry < now.UnixNano() { // overflow for absurd TTLs
		expiry = math.MaxInt64
	}
	enc := make([]byte, 8+len(owner))
	binary.BigEndian.PutUint64(enc, uint64(expiry))
	copy(enc[8:], owner)
	if err := db.Set(k, enc, pebble.Sync); err != nil {
		return false, fmt.Errorf("pebblestore: acquire-lease %q: %w", key, err)
	}
	return true, nil
}

// ReleaseLease implements store.Store.
func (s *Store) ReleaseLease(ctx context.Context, key, owner string) error {
	db, done, err := s.begin(ctx)
	if err != nil {
		return fmt.Errorf("pebblestore: release-lease %q: %w", key, err)
	}
	defer done()
	unlock := s.lockName(key)
	defer unlock()

	k := leaseKey(key)
	cur, err := get(db, k)
	if errors.Is(err, store.ErrNotFound) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("pebblestore: release-lease %q: %w", key, err)
	}
	_, holder, err := decodeLease(cur)
	if err != nil {
		return fmt.Errorf("pebblestore: release-lease %q: %w", key, err)
	}
	if holder != owner {
		return nil
	}
	if err := db.Delete(k, pebble.Sync); err != nil {
		return fmt.Errorf("pebblestore: release-lease %q: %w", key, err)
	}
	return nil
}

// IndexAdd implements store.Store. Any int64 score is stored exactly.
func (s *Store) IndexAdd(ctx context.Context, index, member string, score int64) error {
	if err := validIndexName(index); err != nil {
		return fmt.Errorf("pebblestore: index-add %q %q: %w", index, member, err)
	}
	db, done, err := s.begin(ctx)
	if err != nil {
		return fmt.Errorf("pebblestore: index-add %q %q: %w", index, member, err)
	}
	defer done()
	unlock := s.lockName(index)
	defer unlock()

	mk := indexMemberKey(index, member)
	b := db.NewBatch()
	defer b.Close()
	old, err := get(db, mk)
	switch {
	case err == nil:
		oldScore, err := decodeScore(old)
		if err != nil {
			return fmt.Errorf("pebblestore: index-add %q %q: %w", index, member, err)
		}
		if oldScore == score {
			return nil
		}
		_ = b.Delete(indexEntryKey(index, oldScore, member), nil)
	case !errors.Is(err, store.ErrNotFound):
		return fmt.Errorf("pebblestore: index-add %q %q: %w", index, member, err)
	}
	_ = b.Set(indexEntryKey(index, score, member), nil, nil)
	_ = b.Set(mk, encodeScore(nil, score), nil)
	if err := db.Apply(b, pebble.Sync); err != nil {
		return fmt.Errorf("pebblestore: index-add %q %q: %w", index, member, err)
	}
	return nil
}

// IndexRemove implements store.Store.
func (s *Store) IndexRemove(ctx context.Context, index, member string) error {
	if err := validIndexName(index); err != nil {
		return fmt.Errorf("pebblestore: index-remove %q %q: %w", index, member, err)
	}
	db, done, err := s.begin(ctx)
	if err != nil {
		return fmt.Errorf("pebblestore: index-remove %q %q: %w", index, member, err)
	}
	defer done()
	unlock := s.lockName(index)
	defer unlock()

	mk := indexMemberKey(index, member)
	old, err := get(db, mk)
	if errors.Is(err, store.ErrNotFound) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("pebblestore: index-remove %q %q: %w", index, member, err)
	}
	oldScore, err := decodeScore(old)
	if err != nil {
		return fmt.Errorf("pebblestore: index-remove %q %q: %w", index, member, err)
	}
	b := db.NewBatch()
	defer b.Close()
	_ = b.Delete(indexEntryKey(index, oldScore, member), nil)
	_ = b.Delete(mk, nil)
	if err := db.Apply(b, pebble.Sync); err != nil {
		return fmt.Errorf("pebblestore: index-remove %q %q: %w", index, member, err)
	}
	return nil
}

// IndexRange implements store.Store.
func (s *Store) IndexRange(ctx context.Context, index string, maxScore int64, limit int) ([]store.Entry, error) {
	if err := validIndexName(index); err != nil {
		return nil, fmt.Errorf("pebblestore: index-range %q: %w", index, err)
	}
	db, done, err := s.begin(ctx)
	if err != nil {
		return nil, fmt.Errorf("pebblestore: index-range %q: %w", index, err)
	}
	defer done()

	lo, hi := indexEntryBounds(index)
	if maxScore < math.MaxInt64 {
		hi = encodeScore(bytes.Clone(lo), maxScore+1)
	}
	it, err := db.NewIter(&pebble.IterOptions{LowerBound: lo, UpperBound: hi})
	if err != nil {
		return nil, fmt.Errorf("pebblestore: index-range %q: %w", index, err)
	}
	var out []store.Entry
	for ok := it.First(); ok && (limit <= 0 || len(out) < limit); ok = it.Next() {
		if len(out)%1024 == 1023 {
			if err := ctx.Err(); err != nil {
				_ = it.Close()
				return nil, fmt.Errorf("pebblestore: index-range %q: %w", index, err)
			}
		}
		rest := it.Key()[len(lo):]
		if len(rest) < 8 {
			_ = it.Close()
			return nil, fmt.Errorf("pebblestore: index-range %q: malformed entry key %q", index, it.Key())
		}
		score, _ := decodeScore(rest[:8])
		out = append(out, store.Entry{Member: string(rest[8:]), Score: score})
	}
	if err := it.Close(); err != nil {
		return nil, fmt.Errorf("pebblestore: index-range %q: %w", index, err)
	}
	return out, nil
}

// Ping implements store.Store: it fails once the store is closed.
func (s *Store) Ping(ctx context.Context) error {
	_, done, err := s.begin(ctx)
	if err != nil {
		return fmt.Errorf("pebblestore: ping: %w", err)
	}
	done()
	return nil
}

// begin checks ctx and that the store is open, and holds it open until done is called.
func (s *Store) begin(ctx context.Context) (db *pebble.DB, done func(), err error) {
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	s.mu.RLock()
	if s.db == nil {
		s.mu.RUnlock()
		return nil, nil, ErrClosed
	}
	return s.db, s.mu.RUnlock, nil
}

// lockName locks the stripe for a key or index name and returns its unlock.
func (s *Store) lockName(name string) func() {
	m := &s.stripes[maphash.String(s.seed, name)%stripes]
	m.Lock()
	return m.Unlock
}

// get returns a copy of the value at k, or store.ErrNotFound.
func get(db *pebble.DB, k []byte) ([]byte, error) {
	v, closer, err := db.Get(k)
	if errors.Is(err, pebble.ErrNotFound) {
		return nil, store.ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	out := bytes.Clone(v)
	if out == nil {
		out = []byte{}
	}
	if err := closer.Close(); err != nil {
		return nil, err
	}
	return out, nil
}

// anyKey reports whether any key lies in [lo, hi).
func anyKey(db *pebble.DB, lo, hi []byte) (bool, error) {
	it, err := db.NewIter(&pebble.IterOptions{LowerBound: lo, UpperBound: hi})
	if err != nil {
		return false, err
	}
	found := it.First()
	return found, it.Close()
}

func nsKey(ns, key string) []byte {
	b := make([]byte, 0, len(ns)+len(key))
	return append(append(b, ns...), key...)
}

func plainKey(key string) []byte     { return nsKey(nsPlain, key) }
func versionedKey(key string) []byte { return nsKey(nsVersioned, key) }
func leaseKey(key string) []byte     { return nsKey(nsLease, key) }

func validIndexName(index string) error {
	if strings.IndexByte(index, 0) >= 0 {
		return errors.New("index name contains a NUL byte")
	}
	return nil
}

// indexEntryBounds returns the key range holding index's entries.
func indexEntryBounds(index string) (lo, hi []byte) {
	lo = append(nsKey(nsIndex, index), 0)
	hi = append(nsKey(nsIndex, index), 1)
	return lo, hi
}

// indexMemberBounds returns the key range holding index's member→score keys.
func indexMemberBounds(index string) (lo, hi []byte) {
	lo = append(nsKey(nsIndexMember, index), 0)
	hi = append(nsKey(nsIndexMember, index), 1)
	return lo, hi
}

func indexEntryKey(index string, score int64, member string) []byte {
	b := make([]byte, 0, len(nsIndex)+len(index)+1+8+len(member))
	b = append(append(b, nsIndex...), index...)
	b = append(b, 0)
	b = encodeScore(b, score)
	return append(b, member...)
}

func indexMemberKey(index, member string) []byte {
	b := make([]byte, 0, len(nsIndexMember)+len(index)+1+len(member))
	b = append(append(b, nsIndexMember...), index...)
	b = append(b, 0)
	return append(b, member...)
}

// encodeScore appends score as 8 bytes whose byte order is numeric order.
func encodeScore(dst []byte, score int64) []byte {
	return binary.BigEndian.AppendUint64(dst, uint64(score)^(1<<63))
}

func decodeScore(b []byte) (int64, error) {
	if len(b) != 8 {
		return 0, fmt.Errorf("malformed score %x", b)
	}
	return int64(binary.BigEndian.Uint64(b) ^ (1 << 63)), nil
}

func decodeVersioned(b []byte) (uint64, []byte, error) {
	if len(b) < 8 {
		return 0, nil, fmt.Errorf("malformed versioned value %x", b)
	}
	return binary.BigEndian.Uint64(b), b[8:], nil
}

func decodeLease(b []byte) (expiry int64, owner string, err error) {
	if len(b) < 8 {
		return 0, "", fmt.Errorf("malformed lease %x", b)
	}
	return int64(binary.BigEndian.Uint64(b)), string(b[8:]), nil
}

// pebbleLogger forwards Pebble's messages to zap at debug level.
type pebbleLogger struct{ log *zap.SugaredLogger }

func (l pebbleLogger) Infof(format string, args ...any) { l.log.Debugf(format, args...) }

// Fatalf reports an unrecoverable Pebble invariant failure. Pebble requires it
// not to return, so it logs at error level and panics.
func (l pebbleLogger) Fatalf(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	l.log.Error("pebble fatal: " + msg)
	panic("pebblestore: pebble fatal error: " + msg)
}
