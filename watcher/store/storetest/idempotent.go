package storetest

import (
	"context"
	"testing"

	"github.com/watchtower-l2/watchtower/watcher/store"
)

// testApplyVersionedIdempotent: PutVersionedIdempotentOp accepts what
// PutVersionedOp accepts and, in addition, the write of the version and
// value the key already holds; a plain PutVersionedOp still refuses that
// (request nonces rely on it). It runs through store.Apply on the store
// and on the store with its Batcher hidden (Apply's fallback).
func testApplyVersionedIdempotent(t *testing.T, s store.Store) {
	for _, c := range []struct {
		name string
		st   store.Store
		tag  string
	}{{"Batcher", s, "pi"}, {"Fallback", struct{ store.Store }{s}, "pf"}} {
		t.Run(c.name, func(t *testing.T) {
			k, fresh := "{"+c.tag+"1}k", "{"+c.tag+"2}new"
			mustPutVersioned(t, c.st, k, 5, []byte("five"), 0, true)
			for _, step := range []struct {
				ops  []store.Op
				want []bool
			}{
				{[]store.Op{store.PutVersionedIdempotentOp(k, 5, []byte("five"))}, []bool{true}},
				{[]store.Op{store.PutVersionedIdempotentOp(k, 5, []byte("other"))}, []bool{false}},
				{[]store.Op{store.PutVersionedIdempotentOp(k, 4, []byte("five"))}, []bool{false}},
				{[]store.Op{store.PutVersionedOp(k, 5, []byte("five"))}, []bool{false}},
				{[]store.Op{store.PutVersionedIdempotentOp(fresh, 0, nil)}, []bool{false}},
				{[]store.Op{store.PutVersionedIdempotentOp(fresh, 1, []byte("one")), store.PutVersionedIdempotentOp(fresh, 1, []byte("one"))}, []bool{true, true}},
				{[]store.Op{store.PutVersionedIdempotentOp(k, 6, []byte("six"))}, []bool{true}},
			} {
				applied, err := store.Apply(context.Background(), c.st, step.ops)
				if err != nil {
					t.Fatalf("Apply(%v): %v", step.ops, err)
				}
				for i := range step.want {
					if applied[i] != step.want[i] {
						t.Fatalf("Apply: op %d (version %d, %q on %q) applied = %v, want %v",
							i, step.ops[i].Version, step.ops[i].Value, step.ops[i].Key, applied[i], step.want[i])
					}
				}
			}
			wantVersioned(t, c.st, k, 6, []byte("six"))
			wantVersioned(t, c.st, fresh, 1, []byte("one"))
		})
	}
}
