package storetest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"sync"
	"testing"

	"github.com/watchtower-l2/watchtower/watcher/store"
)

// batch adapts a Batcher subtest: stores without batch operations skip it.
func batch(fn func(t *testing.T, s store.Store, b store.Batcher)) func(t *testing.T, s store.Store) {
	return func(t *testing.T, s store.Store) {
		b, ok := s.(store.Batcher)
		if !ok {
			t.Skip("store does not implement store.Batcher")
		}
		fn(t, s, b)
	}
}

func testBatchGetMany(t *testing.T, s store.Store, b store.Batcher) {
	ctx := context.Background()
	got, err := b.GetMany(ctx, nil)
	if err != nil || len(got) != 0 {
		t.Fatalf("GetMany(no keys) = %v, %v; want empty", got, err)
	}
	// Keys in many hash tags (Redis Cluster slots), present, missing, empty
	// and repeated.
	var keys []string
	var want [][]byte
	for i := range 40 {
		k := fmt.Sprintf("{gm%d}k", i)
		keys = append(keys, k)
		switch i % 4 {
		case 0:
			want = append(want, nil)
		case 1:
			want = append(want, []byte{})
			mustPut(t, s, k, nil)
		default:
			v := []byte(fmt.Sprintf("value %d \x00\xff", i))
			want = append(want, v)
			mustPut(t, s, k, v)
		}
	}
	keys = append(keys, keys[2], keys[0])
	want = append(want, want[2], nil)
	got, err = b.GetMany(ctx, keys)
	if err != nil {
		t.Fatalf("GetMany: %v", err)
	}
	if len(got) != len(keys) {
		t.Fatalf("GetMany returned %d values for %d keys", len(got), len(keys))
	}
	for i := range keys {
		if (got[i] == nil) != (want[i] == nil) || !bytes.Equal(got[i], want[i]) {
			t.Fatalf("GetMany: key %q = %s (nil %v), want %s (nil %v)", keys[i], abbrev(got[i]), got[i] == nil, abbrev(want[i]), want[i] == nil)
		}
	}
	// Other families are not plain values.
	mustPutVersioned(t, s, "{gmv}k", 1, []byte("v"), 0, true)
	if got, err := b.GetMany(ctx, []string{"{gmv}missing"}); err != nil || got[0] != nil {
		t.Fatalf("GetMany(missing) = %v, %v", got, err)
	}
}

func testBatchGetVersionedMany(t *testing.T, s store.Store, b store.Batcher) {
	ctx := context.Background()
	mustPutVersioned(t, s, "{gv1}a", 3, []byte("three"), 0, true)
	mustPutVersioned(t, s, "{gv2}b", 1<<40, nil, 0, true)
	keys := []string{"{gv1}a", "{gv3}missing", "{gv2}b", "{gv1}a"}
	vs, vals, err := b.GetVersionedMany(ctx, keys)
	if err != nil {
		t.Fatalf("GetVersionedMany: %v", err)
	}
	if len(vs) != len(keys) || len(vals) != len(keys) {
		t.Fatalf("GetVersionedMany returned %d versions, %d values for %d keys", len(vs), len(vals), len(keys))
	}
	wantV := []uint64{3, 0, 1 << 40, 3}
	wantD := [][]byte{[]byte("three"), nil, {}, []byte("three")}
	for i := range keys {
		if vs[i] != wantV[i] || (vals[i] == nil) != (wantD[i] == nil) || !bytes.Equal(vals[i], wantD[i]) {
			t.Fatalf("GetVersionedMany: %q = %d, %s; want %d, %s", keys[i], vs[i], abbrev(vals[i]), wantV[i], abbrev(wantD[i]))
		}
	}
	if vs, vals, err := b.GetVersionedMany(ctx, nil); err != nil || len(vs) != 0 || len(vals) != 0 {
		t.Fatalf("GetVersionedMany(no keys) = %v, %v, %v", vs, vals, err)
	}
}

func testBatchApply(t *testing.T, s store.Store, b store.Batcher) {
	ctx := context.Background()
	if applied, err := b.Apply(ctx, nil); err != nil || len(applied) != 0 {
		t.Fatalf("Apply(no ops) = %v, %v", applied, err)
	}
	mustPut(t, s, "{ba1}held", []byte("old"))
	mustIndexAdd(t, s, "{ba}idx", "moved", 1)
	var ops []store.Op
	var want []bool
	for i := range 30 { // many slots
		ops = append(ops, store.PutOp(fmt.Sprintf("{bap%d}k", i), []byte(fmt.Sprint("v", i))))
		want = append(want, true)
	}
	ops = append(ops,
		store.PutIfAbsentOp("{ba1}held", []byte("new")),
		store.PutIfAbsentOp("{ba2}free", []byte("mine")),
		store.PutIfAbsentOp("{ba3}empty", nil),
		store.IndexAddOp("{ba}idx", "a", 5),
		store.IndexAddOp("{ba}idx", "moved", 7),
		store.IndexAddOp("{ba}idx2", "x", -maxScore),
	)
	want = append(want, false, true, true, true, true, true)
	mustApply(t, s, ops, want...)
	for i := range 30 {
		wantGet(t, s, fmt.Sprintf("{bap%d}k", i), []byte(fmt.Sprint("v", i)))
	}
	wantGet(t, s, "{ba1}held", []byte("old"))
	wantGet(t, s, "{ba2}free", []byte("mine"))
	wantGet(t, s, "{ba3}empty", []byte{})
	wantRange(t, s, "{ba}idx", math.MaxInt64, 0, []store.Entry{e("a", 5), e("moved", 7)})
	wantRange(t, s, "{ba}idx2", math.MaxInt64, 0, []store.Entry{e("x", -maxScore)})
	// Applying the same batch again changes nothing but the refusals.
	want[31], want[32] = false, false
	mustApply(t, s, ops, want...)
	wantGet(t, s, "{ba2}free", []byte("mine"))
	wantRange(t, s, "{ba}idx", math.MaxInt64, 0, []store.Entry{e("a", 5), e("moved", 7)})
}

// testBatchApplyOrder: ops run in order and see each other's writes.
func testBatchApplyOrder(t *testing.T, s store.Store, b store.Batcher) {
	mustApply(t, s, []store.Op{
		store.PutIfAbsentOp("{bo}k", []byte("first")),
		store.PutIfAbsentOp("{bo}k", []byte("second")),
		store.PutOp("{bo}p", []byte("one")),
		store.PutIfAbsentOp("{bo}p", []byte("two")),
		store.PutOp("{bo}p", []byte("three")),
		store.IndexAddOp("{bo}idx", "m", 1),
		store.IndexAddOp("{bo}idx", "m", 9),
		store.IndexAddOp("{bo}idx", "n", 5),
		store.IndexAddOp("{bo}idx", "m", 3),
	}, true, false, true, false, true, true, true, true, true)
	wantGet(t, s, "{bo}k", []byte("first"))
	wantGet(t, s, "{bo}p", []byte("three"))
	wantRange(t, s, "{bo}idx", math.MaxInt64, 0, []store.Entry{e("m", 3), e("n", 5)})
	wantRange(t, s, "{bo}idx", 2, 0, nil)
}

// testBatchApplyVersioned: a batched PutVersioned has PutVersioned's
// semantics, and sees earlier ops' writes as sequential calls would.
func testBatchApplyVersioned(t *testing.T, s store.Store, b store.Batcher) {
	ctx := context.Background()
	const p32 = uint64(1) << 32
	mustPutVersioned(t, s, "{bv1}held", 5, []byte("five"), 0, true)
	steps := []struct {
		op   store.Op
		want bool
	}{
		// A missing key accepts any version >= 1, not 0.
		{store.PutVersionedOp("{bv2}new", 1, []byte("one")), true},
		{store.PutVersionedOp("{bv3}zero", 0, []byte("zero")), false},
		{store.PutVersionedOp("{bv4}gap", 1<<40, nil), true},
		// Equal and lower versions are refused.
		{store.PutVersionedOp("{bv1}held", 5, []byte("equal")), false},
		{store.PutVersionedOp("{bv1}held", 4, []byte("lower")), false},
		// Two writes of one key behave as two sequential calls.
		{store.PutVersionedOp("{bv5}hl", 10, []byte("ten")), true},
		{store.PutVersionedOp("{bv5}hl", 9, []byte("nine")), false},
		{store.PutVersionedOp("{bv6}lh", 9, []byte("nine")), true},
		{store.PutVersionedOp("{bv6}lh", 10, []byte("ten")), true},
		{store.PutVersionedOp("{bv7}eq", 3, []byte("first")), true},
		{store.PutVersionedOp("{bv7}eq", 3, []byte("second")), false},
		// Versions differing only in their high or low 32 bits, and the largest.
		{store.PutVersionedOp("{bv8}L", p32, []byte("hi 1")), true},
		{store.PutVersionedOp("{bv8}L", p32-1, []byte("lo")), false},
		{store.PutVersionedOp("{bv8}L", 2*p32, []byte("hi 2")), true},
		{store.PutVersionedOp("{bv9}max", math.MaxUint64, nil), true},
		{store.PutVersionedOp("{bv9}max", math.MaxUint64, []byte("again")), false},
	}
	var ops []store.Op
	var want []bool
	for _, st := range steps {
		ops, want = append(ops, st.op), append(want, st.want)
	}
	mustApply(t, s, ops, want...)
	wantVersioned(t, s, "{bv1}held", 5, []byte("five"))
	wantVersioned(t, s, "{bv2}new", 1, []byte("one"))
	if v, d, err := s.GetVersioned(ctx, "{bv3}zero"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("GetVersioned after a refused batched version 0 = %d, %s, %v; want ErrNotFound", v, abbrev(d), err)
	}
	wantVersioned(t, s, "{bv4}gap", 1<<40, []byte{})
	wantVersioned(t, s, "{bv5}hl", 10, []byte("ten"))
	wantVersioned(t, s, "{bv6}lh", 10, []byte("ten"))
	wantVersioned(t, s, "{bv7}eq", 3, []byte("first"))
	wantVersioned(t, s, "{bv8}L", 2*p32, []byte("hi 2"))
	wantVersioned(t, s, "{bv9}max", math.MaxUint64, []byte{})
	// Single-key calls see the batch's writes.
	mustPutVersioned(t, s, "{bv6}lh", 10, []byte("again"), 10, false)
	mustPutVersioned(t, s, "{bv2}new", 2, []byte("two"), 1, true)

	// Mixed with the other kinds, in many slots.
	ops = []store.Op{
		store.PutOp("{bvm1}plain", []byte("p")),
		store.PutVersionedOp("{bvm2}ver", 7, []byte("seven")),
		store.IndexAddOp("{bvm3}idx", "m", 3),
		store.PutIfAbsentOp("{bvm4}pia", []byte("a")),
		store.PutVersionedOp("{bv1}held", 6, []byte("six")),
		store.PutVersionedOp("{bvm2}ver", 8, []byte("eight")),
		store.IndexAddOp("{bvm3}idx", "n", 1),
	}
	mustApply(t, s, ops, true, true, true, true, true, true, true)
	wantGet(t, s, "{bvm1}plain", []byte("p"))
	wantVersioned(t, s, "{bvm2}ver", 8, []byte("eight"))
	wantVersioned(t, s, "{bv1}held", 6, []byte("six"))
	wantGet(t, s, "{bvm4}pia", []byte("a"))
	wantRange(t, s, "{bvm3}idx", math.MaxInt64, 0, []store.Entry{e("n", 1), e("m", 3)})
	// Applying the same batch again refuses every versioned write and the
	// PutIfAbsent, and changes nothing.
	mustApply(t, s, ops, true, false, true, false, false, false, true)
	wantVersioned(t, s, "{bvm2}ver", 8, []byte("eight"))
	wantVersioned(t, s, "{bv1}held", 6, []byte("six"))
	vs, vals, err := b.GetVersionedMany(ctx, []string{"{bvm2}ver", "{bv7}eq", "{bv3}zero"})
	if err != nil || fmt.Sprint(vs) != "[8 3 0]" || string(vals[0]) != "eight" || string(vals[1]) != "first" || vals[2] != nil {
		t.Fatalf("GetVersionedMany after batched writes = %v, %q, %v", vs, vals, err)
	}
}

// testBatchApplyInvalid: a batch with an invalid op writes nothing.
func testBatchApplyInvalid(t *testing.T, s store.Store, b store.Batcher) {
	ctx := context.Background()
	for _, bad := range []store.Op{{Kind: 0, Key: "{bi}x"}, {Kind: 200, Key: "{bi}x"}, {Kind: store.OpPutVersionedIdempotent + 1, Key: "{bi}x"}} {
		_, err := b.Apply(ctx, []store.Op{
			store.PutOp("{bi}k", []byte("v")),
			store.PutVersionedOp("{bi}v", 1, []byte("v")),
			bad,
			store.IndexAddOp("{bi}idx", "m", 1),
		})
		if err == nil {
			t.Fatalf("Apply with an op of kind %d succeeded", bad.Kind)
		}
	}
	wantNotFound(t, s, "{bi}k")
	if _, _, err := s.GetVersioned(ctx, "{bi}v"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("GetVersioned after an invalid batch: error = %v, want ErrNotFound", err)
	}
	wantRange(t, s, "{bi}idx", math.MaxInt64, 0, nil)
}

// testBatchApplyConcurrent: racing batches with the same PutIfAbsent have
// exactly one winner, and racing with single-key calls loses nothing (the
// highest of the racing versions of one key is the one stored).
func testBatchApplyConcurrent(t *testing.T, s store.Store, b store.Batcher) {
	ctx := context.Background()
	const n = 16
	var (
		wg      sync.WaitGroup
		mu      sync.Mutex
		winners []int
	)
	for i := range n {
		wg.Add(2)
		go func() {
			defer wg.Done()
			applied, err := b.Apply(ctx, []store.Op{
				store.PutOp(fmt.Sprintf("{bc%d}own", i), []byte("x")),
				store.PutIfAbsentOp("{bc}race", []byte(fmt.Sprint(i))),
				store.IndexAddOp("{bc}idx", fmt.Sprint("batch-", i), int64(i)),
				store.PutVersionedOp("{bc}ver", uint64(2*i+1), []byte(fmt.Sprint(2*i+1))),
			})
			if err != nil {
				t.Errorf("Apply: %v", err)
				return
			}
			if applied[1] {
				mu.Lock()
				winners = append(winners, i)
				mu.Unlock()
			}
		}()
		go func() {
			defer wg.Done()
			if err := s.IndexAdd(ctx, "{bc}idx", fmt.Sprint("single-", i), int64(i)); err != nil {
				t.Errorf("IndexAdd: %v", err)
			}
			if _, _, err := s.PutVersioned(ctx, "{bc}ver", uint64(2*i+2), []byte(fmt.Sprint(2*i+2))); err != nil {
				t.Errorf("PutVersioned: %v", err)
			}
		}()
	}
	wg.Wait()
	if len(winners) != 1 {
		t.Fatalf("racing batched PutIfAbsent: %d winners %v, want exactly 1", len(winners), winners)
	}
	wantGet(t, s, "{bc}race", []byte(fmt.Sprint(winners[0])))
	got, err := s.IndexRange(ctx, "{bc}idx", math.MaxInt64, 0)
	if err != nil || len(got) != 2*n {
		t.Fatalf("IndexRange after racing adds = %d entries, %v; want %d", len(got), err, 2*n)
	}
	wantVersioned(t, s, "{bc}ver", 2*n, []byte(fmt.Sprint(2*n)))
}

// testBatchApplyVersionedConcurrent races batched and single-key
// PutVersioned of one key with versions 1..n in random order: a reader never
// sees the version go down or a value not matching its version, and the
// highest version ends up stored.
func testBatchApplyVersionedConcurrent(t *testing.T, s store.Store, b store.Batcher) {
	ctx := context.Background()
	const (
		writers  = 16
		versions = 600
	)
	key := "{bvc}k"
	work := shuffledVersions(versions)

	stopReader := watchVersions(t, func() (uint64, []byte, error) {
		vs, vals, err := b.GetVersionedMany(ctx, []string{key})
		if err != nil {
			return 0, nil, fmt.Errorf("GetVersionedMany: %w", err)
		}
		return vs[0], vals[0], nil
	})
	var wg sync.WaitGroup
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for v := range work {
				if (int(v)+w)%2 == 0 {
					if _, _, err := s.PutVersioned(ctx, key, v, versionValue(v)); err != nil {
						t.Errorf("PutVersioned(%d): %v", v, err)
						return
					}
					continue
				}
				if _, err := b.Apply(ctx, []store.Op{
					store.PutOp(fmt.Sprintf("{bvc%d}p", w), nil),
					store.PutVersionedOp(key, v, versionValue(v)),
				}); err != nil {
					t.Errorf("Apply(PutVersioned %d): %v", v, err)
					return
				}
			}
		}()
	}
	wg.Wait()
	stopReader()
	if t.Failed() {
		return
	}
	wantVersioned(t, s, key, versions, versionValue(versions))
}

func testBatchValuesAreCopied(t *testing.T, s store.Store, b store.Batcher) {
	ctx := context.Background()
	in1, in2, in3 := []byte("original"), []byte("absent"), []byte("versioned")
	mustApply(t, s, []store.Op{
		store.PutOp("{bcp}k", in1),
		store.PutIfAbsentOp("{bcp}p", in2),
		store.PutVersionedOp("{bcp}v", 1, in3),
	}, true, true, true)
	copy(in1, "MUTATED!")
	copy(in2, "XXXXXX")
	copy(in3, "XXXXXXXXX")
	wantGet(t, s, "{bcp}k", []byte("original"))
	wantGet(t, s, "{bcp}p", []byte("absent"))
	wantVersioned(t, s, "{bcp}v", 1, []byte("versioned"))
	out, err := b.GetMany(ctx, []string{"{bcp}k"})
	if err != nil {
		t.Fatalf("GetMany: %v", err)
	}
	copy(out[0], "MUTATED!")
	wantGet(t, s, "{bcp}k", []byte("original"))
}

func testBatchCancelledContext(t *testing.T, s store.Store, b store.Batcher) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	check := func(name string, err error) {
		t.Helper()
		if !errors.Is(err, context.Canceled) {
			t.Errorf("%s with cancelled ctx: error = %v, want one wrapping context.Canceled", name, err)
		}
	}
	_, err := b.GetMany(ctx, []string{"{bx}k"})
	check("GetMany", err)
	_, _, err = b.GetVersionedMany(ctx, []string{"{bx}v"})
	check("GetVersionedMany", err)
	_, err = b.Apply(ctx, []store.Op{
		store.PutOp("{bx}k", []byte("v")),
		store.IndexAddOp("{bx}i", "m", 1),
		store.PutVersionedOp("{bx}v", 1, []byte("v")),
	})
	check("Apply", err)
	wantNotFound(t, s, "{bx}k")
	if _, _, err := s.GetVersioned(context.Background(), "{bx}v"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("GetVersioned after a cancelled Apply: error = %v, want ErrNotFound", err)
	}
	wantRange(t, s, "{bx}i", math.MaxInt64, 0, nil)
}

// testBatchHelpersFallBack: store.GetMany and store.Apply give the same
// results through the Batcher and through single-key calls.
func testBatchHelpersFallBack(t *testing.T, s store.Store) {
	ctx := context.Background()
	for _, st := range []store.Store{s, plainOnly{s}} {
		name := fmt.Sprintf("%T", st)
		pfx := "{hf-" + name + "}"
		applied, err := store.Apply(ctx, st, []store.Op{
			store.PutOp(pfx+"a", []byte("A")),
			store.PutIfAbsentOp(pfx+"a", []byte("B")),
			store.PutIfAbsentOp(pfx+"e", nil),
			store.IndexAddOp(pfx+"idx", "m", 2),
			store.PutVersionedOp(pfx+"v", 2, []byte("two")),
			store.PutVersionedOp(pfx+"v", 1, []byte("one")),
			store.PutVersionedOp(pfx+"v", 3, []byte("three")),
			store.PutVersionedOp(pfx+"v0", 0, []byte("zero")),
		})
		if err != nil || fmt.Sprint(applied) != "[true false true true true false true false]" {
			t.Fatalf("%s: store.Apply = %v, %v", name, applied, err)
		}
		wantVersioned(t, s, pfx+"v", 3, []byte("three"))
		if _, _, err := s.GetVersioned(ctx, pfx+"v0"); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("%s: GetVersioned after a refused version 0: error = %v, want ErrNotFound", name, err)
		}
		for _, bad := range []store.OpKind{0, store.OpPutVersionedIdempotent + 1, 99} {
			if _, err := store.Apply(ctx, st, []store.Op{store.PutOp(pfx+"bad", nil), {Kind: bad}}); err == nil {
				t.Fatalf("%s: store.Apply with an op of unknown kind %d succeeded", name, bad)
			}
		}
		wantNotFound(t, s, pfx+"bad")
		got, err := store.GetMany(ctx, st, []string{pfx + "a", pfx + "missing", pfx + "e"})
		if err != nil || len(got) != 3 || string(got[0]) != "A" || got[1] != nil || got[2] == nil || len(got[2]) != 0 {
			t.Fatalf("%s: store.GetMany = %q, %v", name, got, err)
		}
		wantRange(t, s, pfx+"idx", math.MaxInt64, 0, []store.Entry{e("m", 2)})
	}
}

// plainOnly hides a store's Batcher.
type plainOnly struct{ store.Store }

func mustApply(t *testing.T, s store.Store, ops []store.Op, want ...bool) {
	t.Helper()
	b := s.(store.Batcher)
	applied, err := b.Apply(context.Background(), ops)
	if err != nil {
		t.Fatalf("Apply(%d ops): %v", len(ops), err)
	}
	if len(applied) != len(ops) {
		t.Fatalf("Apply(%d ops) reported %d results", len(ops), len(applied))
	}
	for i := range want {
		if applied[i] != want[i] {
			t.Fatalf("Apply: op %d (%v %q) applied = %v, want %v", i, ops[i].Kind, ops[i].Key, applied[i], want[i])
		}
	}
}
