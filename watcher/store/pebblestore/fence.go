package pebblestore

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/maphash"
	"math"
	"slices"
	"time"

	"github.com/cockroachdb/pebble"

	"github.com/watchtower-l2/watchtower/watcher/store"
)

// nsFence holds each lease's fencing counter: fence/<lease key> is the last
// token issued, 8 bytes big-endian. Delete leaves it, so tokens never repeat.
const nsFence = "fence/"

func fenceKey(key string) []byte { return nsKey(nsFence, key) }

// AcquireLeaseToken implements store.Store: the lease is the one AcquireLease
// writes; taking it while free advances the counter in the same synced batch.
func (s *Store) AcquireLeaseToken(ctx context.Context, key, owner string, ttl time.Duration) (uint64, bool, error) {
	if ttl <= 0 {
		return 0, false, fmt.Errorf("pebblestore: acquire-lease-token %q: ttl %v is not positive", key, ttl)
	}
	if err := store.CheckFenced("", key); err != nil {
		return 0, false, fmt.Errorf("pebblestore: acquire-lease-token: %w", err)
	}
	db, done, err := s.begin(ctx)
	if err != nil {
		return 0, false, fmt.Errorf("pebblestore: acquire-lease-token %q: %w", key, err)
	}
	defer done()
	unlock := s.lockName(key)
	defer unlock()

	tok, ok, err := s.acquireToken(db, key, owner, ttl)
	if err != nil {
		return 0, false, fmt.Errorf("pebblestore: acquire-lease-token %q: %w", key, err)
	}
	return tok, ok, nil
}

func (s *Store) acquireToken(db *pebble.DB, key, owner string, ttl time.Duration) (uint64, bool, error) {
	now := time.Now()
	held, holder, err := leaseHolder(db, key, now)
	if err != nil {
		return 0, false, err
	}
	if held && holder != owner {
		return 0, false, nil
	}
	tok, err := readToken(db, key)
	if err != nil {
		return 0, false, err
	}
	// A renewal keeps the token, except for a lease AcquireLease took
	// (the counter may still be 0): it starts counting then.
	if !held || tok == 0 {
		tok++
	}
	expiry := now.Add(ttl).UnixNano()
	if expiry < now.UnixNano() { // overflow for absurd TTLs
		expiry = math.MaxInt64
	}
	enc := make([]byte, 8+len(owner))
	binary.BigEndian.PutUint64(enc, uint64(expiry))
	copy(enc[8:], owner)
	b := db.NewBatch()
	defer b.Close()
	_ = b.Set(leaseKey(key), enc, nil)
	_ = b.Set(fenceKey(key), binary.BigEndian.AppendUint64(nil, tok), nil)
	if err := db.Apply(b, pebble.Sync); err != nil {
		return 0, false, err
	}
	return tok, true, nil
}

// PutFenced implements store.Store, under the stripe locks of key and
// leaseKey (taken in ascending order, as Apply does).
func (s *Store) PutFenced(ctx context.Context, key string, value []byte, leaseKeyName, owner string, token uint64) (bool, error) {
	if err := store.CheckFenced(key, leaseKeyName); err != nil {
		return false, fmt.Errorf("pebblestore: put-fenced: %w", err)
	}
	db, done, err := s.begin(ctx)
	if err != nil {
		return false, fmt.Errorf("pebblestore: put-fenced %q: %w", key, err)
	}
	defer done()
	unlock := s.lockNames(key, leaseKeyName)
	defer unlock()

	held, holder, err := leaseHolder(db, leaseKeyName, time.Now())
	if err != nil {
		return false, fmt.Errorf("pebblestore: put-fenced %q: %w", key, err)
	}
	if !held || holder != owner {
		return false, nil
	}
	cur, err := readToken(db, leaseKeyName)
	if err != nil {
		return false, fmt.Errorf("pebblestore: put-fenced %q: %w", key, err)
	}
	if token == 0 || cur != token {
		return false, nil
	}
	if err := db.Set(plainKey(key), value, pebble.Sync); err != nil {
		return false, fmt.Errorf("pebblestore: put-fenced %q: %w", key, err)
	}
	return true, nil
}

// leaseHolder reports whether the lease at key is held (present and not
// expired at now) and by whom.
func leaseHolder(db *pebble.DB, key string, now time.Time) (bool, string, error) {
	cur, err := get(db, leaseKey(key))
	if errors.Is(err, store.ErrNotFound) {
		return false, "", nil
	}
	if err != nil {
		return false, "", err
	}
	expiry, holder, err := decodeLease(cur)
	if err != nil {
		return false, "", err
	}
	return now.UnixNano() < expiry, holder, nil
}

// readToken returns the last fencing token issued for the lease at key (0: none).
func readToken(db *pebble.DB, key string) (uint64, error) {
	cur, err := get(db, fenceKey(key))
	if errors.Is(err, store.ErrNotFound) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	if len(cur) != 8 {
		return 0, fmt.Errorf("malformed fencing token %x", cur)
	}
	return binary.BigEndian.Uint64(cur), nil
}

// lockNames locks the stripes of several names in ascending order (so that
// it never deadlocks with Apply or another lockNames) and returns the unlock.
func (s *Store) lockNames(names ...string) func() {
	set := make([]int, 0, len(names))
	for _, n := range names {
		set = append(set, int(maphash.String(s.seed, n)%stripes))
	}
	slices.Sort(set)
	set = slices.Compact(set)
	for _, i := range set {
		s.stripes[i].Lock()
	}
	return func() {
		for _, i := range set {
			s.stripes[i].Unlock()
		}
	}
}
