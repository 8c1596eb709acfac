package pebblestore

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/maphash"
	"slices"

	"github.com/cockroachdb/pebble"

	"github.com/watchtower-l2/watchtower/watcher/store"
)

var _ store.Batcher = (*Store)(nil)

// GetMany implements store.Batcher.
func (s *Store) GetMany(ctx context.Context, keys []string) ([][]byte, error) {
	db, done, err := s.begin(ctx)
	if err != nil {
		return nil, fmt.Errorf("pebblestore: get-many: %w", err)
	}
	defer done()
	out := make([][]byte, len(keys))
	for i, k := range keys {
		v, err := get(db, plainKey(k))
		switch {
		case err == nil:
			out[i] = v
		case !errors.Is(err, store.ErrNotFound):
			return nil, fmt.Errorf("pebblestore: get-many %q: %w", k, err)
		}
	}
	return out, nil
}

// GetVersionedMany implements store.Batcher.
func (s *Store) GetVersionedMany(ctx context.Context, keys []string) ([]uint64, [][]byte, error) {
	db, done, err := s.begin(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("pebblestore: get-versioned-many: %w", err)
	}
	defer done()
	versions, values := make([]uint64, len(keys)), make([][]byte, len(keys))
	for i, k := range keys {
		cur, err := get(db, versionedKey(k))
		switch {
		case err == nil:
			if versions[i], values[i], err = decodeVersioned(cur); err != nil {
				return nil, nil, fmt.Errorf("pebblestore: get-versioned-many %q: %w", k, err)
			}
		case !errors.Is(err, store.ErrNotFound):
			return nil, nil, fmt.Errorf("pebblestore: get-versioned-many %q: %w", k, err)
		}
	}
	return versions, values, nil
}

// Apply implements store.Batcher: the ops are committed together in one
// synced batch (so, unlike the Redis store, atomically), under the stripe
// locks of every key and index they touch (the stripes lockName picks, so
// batches and single-key calls on one name exclude each other), taken in
// ascending order.
func (s *Store) Apply(ctx context.Context, ops []store.Op) ([]bool, error) {
	stripeSet := make([]int, 0, len(ops))
	for i, op := range ops {
		switch op.Kind {
		case store.OpPut, store.OpPutIfAbsent, store.OpPutVersioned, store.OpPutVersionedIdempotent:
		case store.OpIndexAdd:
			if err := validIndexName(op.Key); err != nil {
				return nil, fmt.Errorf("pebblestore: apply: op %d: index-add %q %q: %w", i, op.Key, op.Member, err)
			}
		default:
			return nil, fmt.Errorf("pebblestore: apply: op %d has unknown kind %d", i, op.Kind)
		}
		stripeSet = append(stripeSet, int(maphash.String(s.seed, op.Key)%stripes))
	}
	db, done, err := s.begin(ctx)
	if err != nil {
		return nil, fmt.Errorf("pebblestore: apply: %w", err)
	}
	defer done()
	applied := make([]bool, len(ops))
	if len(ops) == 0 {
		return applied, nil
	}
	slices.Sort(stripeSet)
	stripeSet = slices.Compact(stripeSet)
	for _, i := range stripeSet {
		s.stripes[i].Lock()
	}
	defer func() {
		for _, i := range stripeSet {
			s.stripes[i].Unlock()
		}
	}()

	// An indexed batch reads its own writes over the database's, so later
	// ops see earlier ones.
	b := db.NewIndexedBatch()
	defer b.Close()
	for i, op := range ops {
		switch op.Kind {
		case store.OpPut:
			_ = b.Set(plainKey(op.Key), op.Value, nil)
			applied[i] = true
		case store.OpPutIfAbsent:
			k := plainKey(op.Key)
			_, err := getFrom(b, k)
			switch {
			case err == nil:
				continue
			case !errors.Is(err, store.ErrNotFound):
				return nil, fmt.Errorf("pebblestore: apply: put-if-absent %q: %w", op.Key, err)
			}
			_ = b.Set(k, op.Value, nil)
			applied[i] = true
		case store.OpIndexAdd:
			mk := indexMemberKey(op.Key, op.Member)
			old, err := getFrom(b, mk)
			switch {
			case err == nil:
				oldScore, err := decodeScore(old)
				if err != nil {
					return nil, fmt.Errorf("pebblestore: apply: index-add %q %q: %w", op.Key, op.Member, err)
				}
				applied[i] = true
				if oldScore == op.Score {
					continue
				}
				_ = b.Delete(indexEntryKey(op.Key, oldScore, op.Member), nil)
			case !errors.Is(err, store.ErrNotFound):
				return nil, fmt.Errorf("pebblestore: apply: index-add %q %q: %w", op.Key, op.Member, err)
			}
			_ = b.Set(indexEntryKey(op.Key, op.Score, op.Member), nil, nil)
			_ = b.Set(mk, encodeScore(nil, op.Score), nil)
			applied[i] = true
		case store.OpPutVersioned, store.OpPutVersionedIdempotent:
			k := versionedKey(op.Key)
			var prev uint64
			cur, err := getFrom(b, k)
			switch {
			case err == nil:
				if prev, _, err = decodeVersioned(cur); err != nil {
					return nil, fmt.Errorf("pebblestore: apply: put-versioned %q: %w", op.Key, err)
				}
			case !errors.Is(err, store.ErrNotFound):
				return nil, fmt.Errorf("pebblestore: apply: put-versioned %q: %w", op.Key, err)
			}
			enc := binary.BigEndian.AppendUint64(make([]byte, 0, 8+len(op.Value)), op.Version)
			enc = append(enc, op.Value...)
			again := op.Kind == store.OpPutVersionedIdempotent && op.Version == prev && bytes.Equal(cur, enc)
			if op.Version <= prev && !again {
				continue
			}
			_ = b.Set(k, enc, nil)
			applied[i] = true
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("pebblestore: apply: %w", err)
	}
	if err := b.Commit(pebble.Sync); err != nil {
		return nil, fmt.Errorf("pebblestore: apply (%d ops): %w", len(ops), err)
	}
	return applied, nil
}

// getFrom returns a copy of the value at k in r, or store.ErrNotFound.
func getFrom(r pebble.Reader, k []byte) ([]byte, error) {
	v, closer, err := r.Get(k)
	if errors.Is(err, pebble.ErrNotFound) {
		return nil, store.ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	out := append([]byte{}, v...)
	return out, closer.Close()
}
