// Package storetest is the conformance suite every store.Store implementation
// must pass.
//
// Run checks the documented semantics of each method against a fresh store per
// subtest; RunReopen checks that data survives closing and reopening the store.
// Lease and fencing subtests sleep past short TTLs (150ms–300ms): they check expiry
// semantics with wide margins and are not timing tests.
package storetest

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/watchtower-l2/watchtower/watcher/store"
)

// maxScore is the largest score magnitude every implementation must store exactly.
const maxScore = 1 << 53

// Run runs the conformance suite. open must return a fresh, empty store for
// the given (sub)test and arrange for it to be closed in t.Cleanup; subtests
// run in parallel, so stores returned for different subtests must not share
// keys.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	t.Helper()
	tests := []struct {
		name string
		fn   func(t *testing.T, s store.Store)
	}{
		{"GetMissing", testGetMissing},
		{"PutGet", testPutGet},
		{"PutEmptyAndBinary", testPutEmptyAndBinary},
		{"PutIfAbsent", testPutIfAbsent},
		{"Delete", testDelete},
		{"DeleteEveryFamily", testDeleteEveryFamily},
		{"KeysAreDistinct", testKeysAreDistinct},
		{"PutVersioned", testPutVersioned},
		{"PutVersionedZeroRefused", testPutVersionedZero},
		{"PutVersionedLargeVersions", testPutVersionedLarge},
		{"PutVersionedConcurrent", testPutVersionedConcurrent},
		{"GetVersioned", testGetVersioned},
		{"LeaseAcquire", testLeaseAcquire},
		{"LeaseExtend", testLeaseExtend},
		{"LeaseExpiry", testLeaseExpiry},
		{"LeaseRelease", testLeaseRelease},
		{"LeaseInvalidTTL", testLeaseInvalidTTL},
		{"LeaseConcurrent", testLeaseConcurrent},
		{"LeaseTokenIncreases", testLeaseTokenIncreases},
		{"LeaseTokenMixed", testLeaseTokenMixed},
		{"LeaseTokenConcurrent", testLeaseTokenConcurrent},
		{"PutFenced", testPutFenced},
		{"FencedKeysNeedTag", testFencedKeysNeedTag},
		{"IndexOrder", testIndexOrder},
		{"IndexMaxScoreAndLimit", testIndexMaxScoreAndLimit},
		{"IndexUpdateAndRemove", testIndexUpdateAndRemove},
		{"IndexExtremeScores", testIndexExtremeScores},
		{"IndexesAreDistinct", testIndexesAreDistinct},
		{"ValuesAreCopied", testValuesAreCopied},
		{"CancelledContext", testCancelledContext},
		{"Ping", testPing},
		// Batcher subtests; skipped for stores without batch operations.
		{"BatchGetMany", batch(testBatchGetMany)},
		{"BatchGetVersionedMany", batch(testBatchGetVersionedMany)},
		{"BatchApply", batch(testBatchApply)},
		{"BatchApplyOrder", batch(testBatchApplyOrder)},
		{"BatchApplyVersioned", batch(testBatchApplyVersioned)},
		{"ApplyVersionedIdempotent", testApplyVersionedIdempotent},
		{"BatchApplyInvalid", batch(testBatchApplyInvalid)},
		{"BatchApplyConcurrent", batch(testBatchApplyConcurrent)},
		{"BatchApplyVersionedConcurrent", batch(testBatchApplyVersionedConcurrent)},
		{"BatchValuesAreCopied", batch(testBatchValuesAreCopied)},
		{"BatchCancelledContext", batch(testBatchCancelledContext)},
		{"BatchHelpersFallBack", testBatchHelpersFallBack},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s := open(t)
			if s == nil {
				t.Fatal("open returned a nil store")
			}
			tc.fn(t, s)
		})
	}
}

// RunReopen writes plain, versioned, lease and index data, closes the store,
// calls reopen and checks that everything is still there. reopen receives the
// closed store (to find its location) and must return a store over the same
// data, closed in t.Cleanup. open's store must be safe to Close twice.
func RunReopen(t *testing.T, open func(t *testing.T) store.Store, reopen func(t *testing.T, old store.Store) store.Store) {
	t.Helper()
	ctx := context.Background()
	s := open(t)

	mustPut(t, s, "{r}plain", []byte("plain value"))
	mustPut(t, s, "{r}deleted", []byte("gone"))
	if err := s.Delete(ctx, "{r}deleted"); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	mustPutVersioned(t, s, "{r}ver", 7, []byte("seven"), 0, true)
	mustAcquire(t, s, "{r}lease", "owner-a", time.Minute, true)
	tok := mustAcquireToken(t, s, "lease:{r}", "owner-a", time.Minute, true)
	mustIndexAdd(t, s, "{r}idx", "b", 2)
	mustIndexAdd(t, s, "{r}idx", "a", 2)
	mustIndexAdd(t, s, "{r}idx", "c", -1)
	mustIndexAdd(t, s, "{r}idx", "removed", 0)
	if err := s.IndexRemove(ctx, "{r}idx", "removed"); err != nil {
		t.Fatalf("IndexRemove: %v", err)
	}
	_, batcher := s.(store.Batcher)
	if batcher {
		mustApply(t, s, []store.Op{
			store.PutOp("{rb}put", []byte("batched")),
			store.PutIfAbsentOp("{rb2}pia", []byte("absent")),
			store.IndexAddOp("{rb}idx", "m", 9),
			store.PutVersionedOp("{rb3}ver", 4, []byte("four")),
		}, true, true, true, true)
	}

	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("second Close: %v, want nil", err)
	}

	r := reopen(t, s)
	if r == nil {
		t.Fatal("reopen returned a nil store")
	}
	if err := r.Ping(ctx); err != nil {
		t.Fatalf("Ping after reopen: %v", err)
	}
	wantGet(t, r, "{r}plain", []byte("plain value"))
	wantNotFound(t, r, "{r}deleted")
	wantVersioned(t, r, "{r}ver", 7, []byte("seven"))
	mustPutVersioned(t, r, "{r}ver", 7, []byte("again"), 7, false)
	mustPutVersioned(t, r, "{r}ver", 8, []byte("eight"), 7, true)
	mustAcquire(t, r, "{r}lease", "owner-b", time.Minute, false)
	mustAcquire(t, r, "{r}lease", "owner-a", time.Minute, true)
	mustPutFenced(t, r, "{r}fenced", []byte("after reopen"), "lease:{r}", "owner-a", tok, true)
	if err := r.ReleaseLease(ctx, "lease:{r}", "owner-a"); err != nil {
		t.Fatalf("ReleaseLease: %v", err)
	}
	if next := mustAcquireToken(t, r, "lease:{r}", "owner-b", time.Minute, true); next <= tok {
		t.Fatalf("token after reopen: %d, want > %d", next, tok)
	}
	wantRange(t, r, "{r}idx", math.MaxInt64, 0, []store.Entry{e("c", -1), e("a", 2), e("b", 2)})
	if batcher {
		wantGet(t, r, "{rb}put", []byte("batched"))
		wantGet(t, r, "{rb2}pia", []byte("absent"))
		wantRange(t, r, "{rb}idx", math.MaxInt64, 0, []store.Entry{e("m", 9)})
		wantVersioned(t, r, "{rb3}ver", 4, []byte("four"))
	}
}

func testGetMissing(t *testing.T, s store.Store) {
	ctx := context.Background()
	wantNotFound(t, s, "{g}missing")
	_, _, err := s.GetVersioned(ctx, "{g}missing-versioned")
	if !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("GetVersioned(missing) error = %v, want ErrNotFound", err)
	}
}

func testPutGet(t *testing.T, s store.Store) {
	mustPut(t, s, "{p}k", []byte("one"))
	wantGet(t, s, "{p}k", []byte("one"))
	mustPut(t, s, "{p}k", []byte("two, longer"))
	wantGet(t, s, "{p}k", []byte("two, longer"))
	mustPut(t, s, "{p}k", []byte("3"))
	wantGet(t, s, "{p}k", []byte("3"))

	big := bytes.Repeat([]byte{0xa5, 0x00, 0x5a}, 1<<18) // 768 KiB
	mustPut(t, s, "{p}big", big)
	wantGet(t, s, "{p}big", big)
}

func testPutEmptyAndBinary(t *testing.T, s store.Store) {
	mustPut(t, s, "{e}empty", []byte{})
	wantGet(t, s, "{e}empty", []byte{})
	mustPut(t, s, "{e}nil", nil)
	wantGet(t, s, "{e}nil", []byte{})

	bin := []byte{0x00, 0xff, 0x00, '\r', '\n', 0x80}
	mustPut(t, s, "{e}bin", bin)
	wantGet(t, s, "{e}bin", bin)

	// Keys themselves may hold any bytes.
	odd := "{e}key\x00with\xffodd bytes/and:separators"
	mustPut(t, s, odd, []byte("odd"))
	wantGet(t, s, odd, []byte("odd"))
	wantNotFound(t, s, "{e}key")
}

func testPutIfAbsent(t *testing.T, s store.Store) {
	ctx := context.Background()
	ok, err := s.PutIfAbsent(ctx, "{a}k", []byte("first"))
	if err != nil || !ok {
		t.Fatalf("PutIfAbsent(missing) = %v, %v; want true, nil", ok, err)
	}
	wantGet(t, s, "{a}k", []byte("first"))

	ok, err = s.PutIfAbsent(ctx, "{a}k", []byte("second"))
	if err != nil || ok {
		t.Fatalf("PutIfAbsent(present) = %v, %v; want false, nil", ok, err)
	}
	wantGet(t, s, "{a}k", []byte("first"))

	// An empty value still makes the key present.
	ok, err = s.PutIfAbsent(ctx, "{a}empty", nil)
	if err != nil || !ok {
		t.Fatalf("PutIfAbsent(empty value) = %v, %v; want true, nil", ok, err)
	}
	ok, err = s.PutIfAbsent(ctx, "{a}empty", []byte("x"))
	if err != nil || ok {
		t.Fatalf("PutIfAbsent over empty value = %v, %v; want false, nil", ok, err)
	}
	wantGet(t, s, "{a}empty", []byte{})

	if err := s.Delete(ctx, "{a}k"); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	ok, err = s.PutIfAbsent(ctx, "{a}k", []byte("third"))
	if err != nil || !ok {
		t.Fatalf("PutIfAbsent after Delete = %v, %v; want true, nil", ok, err)
	}
	wantGet(t, s, "{a}k", []byte("third"))

	// Many racing writers: exactly one wins and its value is stored.
	const n = 32
	var (
		wg      sync.WaitGroup
		mu      sync.Mutex
		winners []int
	)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ok, err := s.PutIfAbsent(ctx, "{a}race", []byte(fmt.Sprint(i)))
			if err != nil {
				t.Errorf("PutIfAbsent(race, %d): %v", i, err)
				return
			}
			if ok {
				mu.Lock()
				winners = append(winners, i)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if len(winners) != 1 {
		t.Fatalf("racing PutIfAbsent: %d winners %v, want exactly 1", len(winners), winners)
	}
	wantGet(t, s, "{a}race", []byte(fmt.Sprint(winners[0])))
}

func testDelete(t *testing.T, s store.Store) {
	ctx := context.Background()
	mustPut(t, s, "{d}k", []byte("v"))
	mustPut(t, s, "{d}other", []byte("w"))
	if err := s.Delete(ctx, "{d}k"); err != nil {
		t.Fatalf("Delete(present): %v", err)
	}
	wantNotFound(t, s, "{d}k")
	wantGet(t, s, "{d}other", []byte("w"))
	if err := s.Delete(ctx, "{d}k"); err != nil {
		t.Fatalf("Delete(already deleted): %v", err)
	}
	if err := s.Delete(ctx, "{d}never-existed"); err != nil {
		t.Fatalf("Delete(missing): %v", err)
	}
	mustPut(t, s, "{d}k", []byte("back"))
	wantGet(t, s, "{d}k", []byte("back"))
}

func testDeleteEveryFamily(t *testing.T, s store.Store) {
	ctx := context.Background()

	mustPutVersioned(t, s, "{df}ver", 5, []byte("five"), 0, true)
	if err := s.Delete(ctx, "{df}ver"); err != nil {
		t.Fatalf("Delete(versioned): %v", err)
	}
	if _, _, err := s.GetVersioned(ctx, "{df}ver"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("GetVersioned after Delete error = %v, want ErrNotFound", err)
	}
	mustPutVersioned(t, s, "{df}ver", 1, []byte("one"), 0, true)
	wantVersioned(t, s, "{df}ver", 1, []byte("one"))

	mustAcquire(t, s, "{df}lease", "a", time.Minute, true)
	if err := s.Delete(ctx, "{df}lease"); err != nil {
		t.Fatalf("Delete(lease): %v", err)
	}
	mustAcquire(t, s, "{df}lease", "b", time.Minute, true)

	mustIndexAdd(t, s, "{df}idx", "m1", 1)
	mustIndexAdd(t, s, "{df}idx", "m2", 2)
	mustIndexAdd(t, s, "{df}idx2", "m1", 1)
	if err := s.Delete(ctx, "{df}idx"); err != nil {
		t.Fatalf("Delete(index): %v", err)
	}
	wantRange(t, s, "{df}idx", math.MaxInt64, 0, nil)
	wantRange(t, s, "{df}idx2", math.MaxInt64, 0, []store.Entry{e("m1", 1)})
	mustIndexAdd(t, s, "{df}idx", "m3", 3)
	wantRange(t, s, "{df}idx", math.MaxInt64, 0, []store.Entry{e("m3", 3)})
}

// testKeysAreDistinct catches prefix confusion: "a" must not see or remove "ab".
func testKeysAreDistinct(t *testing.T, s store.Store) {
	ctx := context.Background()
	mustPut(t, s, "{k}a", []byte("A"))
	mustPut(t, s, "{k}ab", []byte("AB"))
	mustPut(t, s, "{k}a\x00", []byte("A0"))
	wantGet(t, s, "{k}a", []byte("A"))
	wantGet(t, s, "{k}ab", []byte("AB"))
	wantGet(t, s, "{k}a\x00", []byte("A0"))
	if err := s.Delete(ctx, "{k}a"); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	wantNotFound(t, s, "{k}a")
	wantGet(t, s, "{k}ab", []byte("AB"))
	wantGet(t, s, "{k}a\x00", []byte("A0"))

	mustPutVersioned(t, s, "{k}v", 3, []byte("v"), 0, true)
	mustPutVersioned(t, s, "{k}vv", 1, []byte("vv"), 0, true)
	wantVersioned(t, s, "{k}v", 3, []byte("v"))
	wantVersioned(t, s, "{k}vv", 1, []byte("vv"))

	mustAcquire(t, s, "{k}l", "a", time.Minute, true)
	mustAcquire(t, s, "{k}ll", "b", time.Minute, true)
}

func testPutVersioned(t *testing.T, s store.Store) {
	mustPutVersioned(t, s, "{v}k", 1, []byte("v1"), 0, true)
	wantVersioned(t, s, "{v}k", 1, []byte("v1"))

	mustPutVersioned(t, s, "{v}k", 5, []byte("v5"), 1, true)
	wantVersioned(t, s, "{v}k", 5, []byte("v5"))

	// Equal and lower versions are refused, report the stored version and
	// leave the value alone.
	mustPutVersioned(t, s, "{v}k", 5, []byte("other v5"), 5, false)
	mustPutVersioned(t, s, "{v}k", 4, []byte("v4"), 5, false)
	mustPutVersioned(t, s, "{v}k", 1, []byte("v1 again"), 5, false)
	mustPutVersioned(t, s, "{v}k", 0, []byte("v0"), 5, false)
	wantVersioned(t, s, "{v}k", 5, []byte("v5"))

	mustPutVersioned(t, s, "{v}k", 6, []byte("v6"), 5, true)
	wantVersioned(t, s, "{v}k", 6, []byte("v6"))

	// Any version >= 1 is accepted on a missing key; gaps are fine.
	mustPutVersioned(t, s, "{v}gap", 1000, []byte("x"), 0, true)
	mustPutVersioned(t, s, "{v}gap", 1001, nil, 1000, true)
	wantVersioned(t, s, "{v}gap", 1001, []byte{})
}

func testPutVersionedZero(t *testing.T, s store.Store) {
	ctx := context.Background()
	mustPutVersioned(t, s, "{z}k", 0, []byte("zero"), 0, false)
	if _, _, err := s.GetVersioned(ctx, "{z}k"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("GetVersioned after refused version 0: error = %v, want ErrNotFound", err)
	}
	mustPutVersioned(t, s, "{z}k", 1, []byte("one"), 0, true)
}

// testPutVersionedLarge uses versions that a float64 cannot tell apart and
// that differ only in their high or low 32 bits.
func testPutVersionedLarge(t *testing.T, s store.Store) {
	const p53 = uint64(1) << 53
	mustPutVersioned(t, s, "{L}k", p53, []byte("2^53"), 0, true)
	mustPutVersioned(t, s, "{L}k", p53+1, []byte("2^53+1"), p53, true)
	mustPutVersioned(t, s, "{L}k", p53+1, []byte("again"), p53+1, false)
	mustPutVersioned(t, s, "{L}k", p53+2, []byte("2^53+2"), p53+1, true)
	wantVersioned(t, s, "{L}k", p53+2, []byte("2^53+2"))

	mustPutVersioned(t, s, "{L}hl", 1<<32-1, []byte("lo max"), 0, true)
	mustPutVersioned(t, s, "{L}hl", 1<<32, []byte("hi 1"), 1<<32-1, true)
	mustPutVersioned(t, s, "{L}hl", 1<<32-1, []byte("lo max again"), 1<<32, false)
	mustPutVersioned(t, s, "{L}hl", 2<<32+0, []byte("hi 2"), 1<<32, true)
	mustPutVersioned(t, s, "{L}hl", 1<<32+0xffffffff, []byte("hi 1 lo max"), 2<<32, false)

	mustPutVersioned(t, s, "{L}max", math.MaxUint64-1, []byte("max-1"), 0, true)
	mustPutVersioned(t, s, "{L}max", math.MaxUint64, []byte("max"), math.MaxUint64-1, true)
	mustPutVersioned(t, s, "{L}max", math.MaxUint64, []byte("max again"), math.MaxUint64, false)
	mustPutVersioned(t, s, "{L}max", 1, []byte("one"), math.MaxUint64, false)
	wantVersioned(t, s, "{L}max", math.MaxUint64, []byte("max"))
}

// testPutVersionedConcurrent races many writers over one key with every
// version 1..n in random order: the highest version must end up stored, the
// accepted writes must chain (each saw the previous accepted version as prev),
// and a concurrent reader must never see the version go down or a value that
// does not match its version.
func testPutVersionedConcurrent(t *testing.T, s store.Store) {
	ctx := context.Background()
	const (
		writers  = 32
		versions = 1000
	)
	key := "{c}k"
	work := shuffledVersions(versions)

	type write struct{ prev, version uint64 }
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		accepted []write
	)
	stopReader := watchVersions(t, func() (uint64, []byte, error) {
		v, val, err := s.GetVersioned(ctx, key)
		if errors.Is(err, store.ErrNotFound) {
			return 0, nil, nil
		}
		return v, val, err
	})

	for range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for v := range work {
				prev, ok, err := s.PutVersioned(ctx, key, v, versionValue(v))
				if err != nil {
					t.Errorf("PutVersioned(%d): %v", v, err)
					return
				}
				if ok && prev >= v {
					t.Errorf("PutVersioned(%d) accepted over prev %d", v, prev)
				}
				if !ok && prev < v {
					t.Errorf("PutVersioned(%d) refused with lower prev %d", v, prev)
				}
				if ok {
					mu.Lock()
					accepted = append(accepted, write{prev, v})
					mu.Unlock()
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
	// Atomic check-and-write means the accepted writes, in version order, form
	// a chain: each saw exactly the version the previous one wrote. A lost
	// update (two writers passing the check on the same prev) breaks it.
	slices.SortFunc(accepted, func(a, b write) int { return cmp.Compare(a.version, b.version) })
	var last uint64
	for _, w := range accepted {
		if w.prev != last {
			t.Fatalf("accepted write of version %d saw prev %d, but the previous accepted write was version %d (lost update)",
				w.version, w.prev, last)
		}
		last = w.version
	}
	if last != versions {
		t.Fatalf("highest accepted version = %d, want %d", last, versions)
	}
	// The highest version is never lost: nothing lower can replace it.
	mustPutVersioned(t, s, key, versions-1, []byte("late"), versions, false)
	wantVersioned(t, s, key, versions, versionValue(versions))
}

func testGetVersioned(t *testing.T, s store.Store) {
	ctx := context.Background()
	mustPutVersioned(t, s, "{gv}k", 42, []byte{0x00, 0xff, 'x'}, 0, true)
	wantVersioned(t, s, "{gv}k", 42, []byte{0x00, 0xff, 'x'})
	_, _, err := s.GetVersioned(ctx, "{gv}other")
	if !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("GetVersioned(other key) error = %v, want ErrNotFound", err)
	}
	mustPutVersioned(t, s, "{gv}empty", 1, []byte{}, 0, true)
	wantVersioned(t, s, "{gv}empty", 1, []byte{})
}

func testLeaseAcquire(t *testing.T, s store.Store) {
	mustAcquire(t, s, "{l}job", "a", time.Minute, true)
	mustAcquire(t, s, "{l}job", "b", time.Minute, false)
	mustAcquire(t, s, "{l}job", "a", time.Minute, true)
	mustAcquire(t, s, "{l}job", "b", time.Minute, false)
	// Owners are compared exactly.
	mustAcquire(t, s, "{l}job", "a ", time.Minute, false)
	mustAcquire(t, s, "{l}job", "", time.Minute, false)
	// Other leases are independent.
	mustAcquire(t, s, "{l}job2", "b", time.Minute, true)
}

func testLeaseExtend(t *testing.T, s store.Store) {
	const ttl = 300 * time.Millisecond
	start := time.Now()
	mustAcquire(t, s, "{le}job", "a", ttl, true)
	sleepUntil(start.Add(200 * time.Millisecond))
	extended := time.Now()
	mustAcquire(t, s, "{le}job", "a", ttl, true) // now held until extended+300ms
	sleepUntil(start.Add(400 * time.Millisecond))
	if time.Since(extended) < ttl { // skip the check if the host stalled us past the TTL
		mustAcquire(t, s, "{le}job", "b", ttl, false)
	}
	sleepUntil(extended.Add(ttl + 150*time.Millisecond))
	mustAcquire(t, s, "{le}job", "b", ttl, true)
	mustAcquire(t, s, "{le}job", "a", ttl, false)
}

func testLeaseExpiry(t *testing.T, s store.Store) {
	const ttl = 150 * time.Millisecond
	mustAcquire(t, s, "{lx}job", "a", ttl, true)
	mustAcquire(t, s, "{lx}job", "b", ttl, false)
	time.Sleep(ttl + 150*time.Millisecond)
	mustAcquire(t, s, "{lx}job", "b", time.Minute, true)
	mustAcquire(t, s, "{lx}job", "a", time.Minute, false)
}

func testLeaseRelease(t *testing.T, s store.Store) {
	ctx := context.Background()
	mustAcquire(t, s, "{lr}job", "a", time.Minute, true)

	if err := s.ReleaseLease(ctx, "{lr}job", "b"); err != nil {
		t.Fatalf("ReleaseLease by non-owner: %v", err)
	}
	mustAcquire(t, s, "{lr}job", "b", time.Minute, false)

	if err := s.ReleaseLease(ctx, "{lr}job", "a"); err != nil {
		t.Fatalf("ReleaseLease by owner: %v", err)
	}
	mustAcquire(t, s, "{lr}job", "b", time.Minute, true)

	// The former owner's late release must not free b's lease.
	if err := s.ReleaseLease(ctx, "{lr}job", "a"); err != nil {
		t.Fatalf("ReleaseLease by former owner: %v", err)
	}
	mustAcquire(t, s, "{lr}job", "a", time.Minute, false)

	if err := s.ReleaseLease(ctx, "{lr}never-held", "a"); err != nil {
		t.Fatalf("ReleaseLease(missing): %v", err)
	}
}

func testLeaseInvalidTTL(t *testing.T, s store.Store) {
	ctx := context.Background()
	for _, ttl := range []time.Duration{0, -time.Second} {
		ok, err := s.AcquireLease(ctx, "{li}job", "a", ttl)
		if err == nil || ok {
			t.Fatalf("AcquireLease(ttl=%v) = %v, %v; want false and an error", ttl, ok, err)
		}
	}
	// The refused calls took nothing.
	mustAcquire(t, s, "{li}job", "b", time.Minute, true)
	// A TTL below the implementations' resolution still yields a working lease.
	mustAcquire(t, s, "{li}tiny", "a", time.Microsecond, true)
	time.Sleep(50 * time.Millisecond)
	mustAcquire(t, s, "{li}tiny", "b", time.Minute, true)
}

func testLeaseConcurrent(t *testing.T, s store.Store) {
	ctx := context.Background()
	const n = 32
	var (
		wg     sync.WaitGroup
		mu     sync.Mutex
		owners []string
	)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			owner := fmt.Sprintf("owner-%d", i)
			ok, err := s.AcquireLease(ctx, "{lc}job", owner, time.Minute)
			if err != nil {
				t.Errorf("AcquireLease(%s): %v", owner, err)
				return
			}
			if ok {
				mu.Lock()
				owners = append(owners, owner)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if len(owners) != 1 {
		t.Fatalf("concurrent AcquireLease: %d winners %v, want exactly 1", len(owners), owners)
	}
	mustAcquire(t, s, "{lc}job", owners[0], time.Minute, true)
}

func testIndexOrder(t *testing.T, s store.Store) {
	idx := "{i}due"
	adds := []store.Entry{
		e("m-b", 10), e("m-a", 10), e("z", -5), e("a", 20), e("m-c", 10),
		e("b\x00", 0), e("b", 0), e("B", 0), e("ab", 0),
	}
	for _, i := range rand.Perm(len(adds)) {
		mustIndexAdd(t, s, idx, adds[i].Member, adds[i].Score)
	}
	want := []store.Entry{
		e("z", -5),
		e("B", 0), e("ab", 0), e("b", 0), e("b\x00", 0),
		e("m-a", 10), e("m-b", 10), e("m-c", 10),
		e("a", 20),
	}
	wantRange(t, s, idx, math.MaxInt64, 0, want)
	wantRange(t, s, idx, math.MaxInt64, -1, want)
	wantRange(t, s, idx, 20, 0, want)
	wantRange(t, s, "{i}missing", math.MaxInt64, 0, nil)
}

func testIndexMaxScoreAndLimit(t *testing.T, s store.Store) {
	idx := "{im}due"
	for i := int64(1); i <= 10; i++ {
		mustIndexAdd(t, s, idx, fmt.Sprintf("m%02d", i), i*10)
	}
	all := make([]store.Entry, 10)
	for i := range all {
		all[i] = store.Entry{Member: fmt.Sprintf("m%02d", i+1), Score: int64(i+1) * 10}
	}
	wantRange(t, s, idx, 50, 0, all[:5]) // maxScore is inclusive
	wantRange(t, s, idx, 59, 0, all[:5]) // between scores
	wantRange(t, s, idx, 9, 0, nil)      // below every score
	wantRange(t, s, idx, -1, 0, nil)     // negative
	wantRange(t, s, idx, math.MinInt64, 0, nil)
	wantRange(t, s, idx, 100, 3, all[:3]) // limit
	wantRange(t, s, idx, 30, 10, all[:3]) // limit above the match count
	wantRange(t, s, idx, 100, 1, all[:1])
	wantRange(t, s, idx, 100, 10, all)
	wantRange(t, s, idx, 100, 11, all)
}

func testIndexUpdateAndRemove(t *testing.T, s store.Store) {
	ctx := context.Background()
	idx := "{iu}due"
	mustIndexAdd(t, s, idx, "a", 1)
	mustIndexAdd(t, s, idx, "b", 2)
	mustIndexAdd(t, s, idx, "c", 3)

	mustIndexAdd(t, s, idx, "a", 5) // update moves a, leaving no stale entry
	wantRange(t, s, idx, math.MaxInt64, 0, []store.Entry{e("b", 2), e("c", 3), e("a", 5)})
	wantRange(t, s, idx, 1, 0, nil)
	mustIndexAdd(t, s, idx, "a", 5) // same score again is a no-op
	mustIndexAdd(t, s, idx, "c", -3)
	wantRange(t, s, idx, math.MaxInt64, 0, []store.Entry{e("c", -3), e("b", 2), e("a", 5)})

	if err := s.IndexRemove(ctx, idx, "b"); err != nil {
		t.Fatalf("IndexRemove: %v", err)
	}
	wantRange(t, s, idx, math.MaxInt64, 0, []store.Entry{e("c", -3), e("a", 5)})
	if err := s.IndexRemove(ctx, idx, "b"); err != nil {
		t.Fatalf("IndexRemove(removed member): %v", err)
	}
	if err := s.IndexRemove(ctx, idx, "never"); err != nil {
		t.Fatalf("IndexRemove(missing member): %v", err)
	}
	if err := s.IndexRemove(ctx, "{iu}missing-index", "x"); err != nil {
		t.Fatalf("IndexRemove(missing index): %v", err)
	}
	mustIndexAdd(t, s, idx, "b", 0) // re-adding after removal works
	wantRange(t, s, idx, math.MaxInt64, 0, []store.Entry{e("c", -3), e("b", 0), e("a", 5)})

	if err := s.IndexRemove(ctx, idx, "c"); err != nil {
		t.Fatalf("IndexRemove: %v", err)
	}
	if err := s.IndexRemove(ctx, idx, "a"); err != nil {
		t.Fatalf("IndexRemove: %v", err)
	}
	if err := s.IndexRemove(ctx, idx, "b"); err != nil {
		t.Fatalf("IndexRemove: %v", err)
	}
	wantRange(t, s, idx, math.MaxInt64, 0, nil)
}

func testIndexExtremeScores(t *testing.T, s store.Store) {
	idx := "{ix}due"
	mustIndexAdd(t, s, idx, "max", maxScore)
	mustIndexAdd(t, s, idx, "max-1", maxScore-1)
	mustIndexAdd(t, s, idx, "min", -maxScore)
	mustIndexAdd(t, s, idx, "min+1", -maxScore+1)
	mustIndexAdd(t, s, idx, "zero", 0)
	mustIndexAdd(t, s, idx, "-1", -1)
	mustIndexAdd(t, s, idx, "1", 1)
	all := []store.Entry{
		e("min", -maxScore), e("min+1", -maxScore+1), e("-1", -1), e("zero", 0),
		e("1", 1), e("max-1", maxScore-1), e("max", maxScore),
	}
	wantRange(t, s, idx, math.MaxInt64, 0, all)
	wantRange(t, s, idx, maxScore, 0, all)
	wantRange(t, s, idx, maxScore-1, 0, all[:6])
	wantRange(t, s, idx, 0, 0, all[:4])
	wantRange(t, s, idx, -1, 0, all[:3])
	wantRange(t, s, idx, -maxScore, 0, all[:1])
	wantRange(t, s, idx, -maxScore-1, 0, nil)
}

func testIndexesAreDistinct(t *testing.T, s store.Store) {
	ctx := context.Background()
	mustIndexAdd(t, s, "{id}a", "m", 1)
	mustIndexAdd(t, s, "{id}ab", "m", 2)
	mustIndexAdd(t, s, "{id}ab", "n", 0)
	wantRange(t, s, "{id}a", math.MaxInt64, 0, []store.Entry{e("m", 1)})
	wantRange(t, s, "{id}ab", math.MaxInt64, 0, []store.Entry{e("n", 0), e("m", 2)})
	if err := s.IndexRemove(ctx, "{id}a", "m"); err != nil {
		t.Fatalf("IndexRemove: %v", err)
	}
	wantRange(t, s, "{id}a", math.MaxInt64, 0, nil)
	wantRange(t, s, "{id}ab", math.MaxInt64, 0, []store.Entry{e("n", 0), e("m", 2)})
}

func testValuesAreCopied(t *testing.T, s store.Store) {
	ctx := context.Background()

	in := []byte("original")
	mustPut(t, s, "{cp}k", in)
	copy(in, "MUTATED!")
	wantGet(t, s, "{cp}k", []byte("original"))

	out, err := s.Get(ctx, "{cp}k")
	if err != nil {
		t.Fatalf("Get: %v", err)
	}
	copy(out, "MUTATED!")
	wantGet(t, s, "{cp}k", []byte("original"))

	in = []byte("absent")
	if ok, err := s.PutIfAbsent(ctx, "{cp}pia", in); err != nil || !ok {
		t.Fatalf("PutIfAbsent = %v, %v", ok, err)
	}
	copy(in, "XXXXXX")
	wantGet(t, s, "{cp}pia", []byte("absent"))

	in = []byte("versioned")
	mustPutVersioned(t, s, "{cp}v", 1, in, 0, true)
	copy(in, "MUTATED!!")
	wantVersioned(t, s, "{cp}v", 1, []byte("versioned"))
	_, out, err = s.GetVersioned(ctx, "{cp}v")
	if err != nil {
		t.Fatalf("GetVersioned: %v", err)
	}
	copy(out, "MUTATED!!")
	wantVersioned(t, s, "{cp}v", 1, []byte("versioned"))
}

func testCancelledContext(t *testing.T, s store.Store) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	check := func(name string, err error) {
		t.Helper()
		if !errors.Is(err, context.Canceled) {
			t.Errorf("%s with cancelled ctx: error = %v, want one wrapping context.Canceled", name, err)
		}
	}
	_, err := s.Get(ctx, "{cx}k")
	check("Get", err)
	check("Put", s.Put(ctx, "{cx}k", []byte("v")))
	_, err = s.PutIfAbsent(ctx, "{cx}k", []byte("v"))
	check("PutIfAbsent", err)
	check("Delete", s.Delete(ctx, "{cx}k"))
	_, _, err = s.PutVersioned(ctx, "{cx}v", 1, []byte("v"))
	check("PutVersioned", err)
	_, _, err = s.GetVersioned(ctx, "{cx}v")
	check("GetVersioned", err)
	_, err = s.AcquireLease(ctx, "{cx}l", "a", time.Minute)
	check("AcquireLease", err)
	check("ReleaseLease", s.ReleaseLease(ctx, "{cx}l", "a"))
	check("IndexAdd", s.IndexAdd(ctx, "{cx}i", "m", 1))
	check("IndexRemove", s.IndexRemove(ctx, "{cx}i", "m"))
	_, err = s.IndexRange(ctx, "{cx}i", math.MaxInt64, 0)
	check("IndexRange", err)
	check("Ping", s.Ping(ctx))

	// Nothing was written.
	wantNotFound(t, s, "{cx}k")
	if _, _, err := s.GetVersioned(context.Background(), "{cx}v"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("GetVersioned after cancelled PutVersioned: error = %v, want ErrNotFound", err)
	}
	mustAcquire(t, s, "{cx}l", "b", time.Minute, true)
	wantRange(t, s, "{cx}i", math.MaxInt64, 0, nil)
}

func testPing(t *testing.T, s store.Store) {
	if err := s.Ping(context.Background()); err != nil {
		t.Fatalf("Ping: %v", err)
	}
}

// Helpers.

func mustPut(t *testing.T, s store.Store, key string, value []byte) {
	t.Helper()
	if err := s.Put(context.Background(), key, value); err != nil {
		t.Fatalf("Put(%q): %v", key, err)
	}
}

func wantGet(t *testing.T, s store.Store, key string, want []byte) {
	t.Helper()
	got, err := s.Get(context.Background(), key)
	if err != nil {
		t.Fatalf("Get(%q): %v", key, err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("Get(%q) = %s, want %s", key, abbrev(got), abbrev(want))
	}
}

func wantNotFound(t *testing.T, s store.Store, key string) {
	t.Helper()
	got, err := s.Get(context.Background(), key)
	if !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("Get(%q) = %s, %v; want ErrNotFound", key, abbrev(got), err)
	}
}

func mustPutVersioned(t *testing.T, s store.Store, key string, version uint64, value []byte, wantPrev uint64, wantAccepted bool) {
	t.Helper()
	prev, ok, err := s.PutVersioned(context.Background(), key, version, value)
	if err != nil {
		t.Fatalf("PutVersioned(%q, %d): %v", key, version, err)
	}
	if prev != wantPrev || ok != wantAccepted {
		t.Fatalf("PutVersioned(%q, %d) = prev %d, accepted %v; want prev %d, accepted %v",
			key, version, prev, ok, wantPrev, wantAccepted)
	}
}

func wantVersioned(t *testing.T, s store.Store, key string, wantVersion uint64, want []byte) {
	t.Helper()
	v, got, err := s.GetVersioned(context.Background(), key)
	if err != nil {
		t.Fatalf("GetVersioned(%q): %v", key, err)
	}
	if v != wantVersion || !bytes.Equal(got, want) {
		t.Fatalf("GetVersioned(%q) = %d, %s; want %d, %s", key, v, abbrev(got), wantVersion, abbrev(want))
	}
}

func mustAcquire(t *testing.T, s store.Store, key, owner string, ttl time.Duration, want bool) {
	t.Helper()
	ok, err := s.AcquireLease(context.Background(), key, owner, ttl)
	if err != nil {
		t.Fatalf("AcquireLease(%q, %q, %v): %v", key, owner, ttl, err)
	}
	if ok != want {
		t.Fatalf("AcquireLease(%q, %q, %v) = %v, want %v", key, owner, ttl, ok, want)
	}
}

func mustIndexAdd(t *testing.T, s store.Store, index, member string, score int64) {
	t.Helper()
	if err := s.IndexAdd(context.Background(), index, member, score); err != nil {
		t.Fatalf("IndexAdd(%q, %q, %d): %v", index, member, score, err)
	}
}

func wantRange(t *testing.T, s store.Store, index string, maxScore int64, limit int, want []store.Entry) {
	t.Helper()
	got, err := s.IndexRange(context.Background(), index, maxScore, limit)
	if err != nil {
		t.Fatalf("IndexRange(%q, %d, %d): %v", index, maxScore, limit, err)
	}
	if len(got) == 0 && len(want) == 0 {
		return
	}
	if !slices.Equal(got, want) {
		t.Fatalf("IndexRange(%q, %d, %d) =\n  %v\nwant\n  %v", index, maxScore, limit, got, want)
	}
}

func e(member string, score int64) store.Entry {
	return store.Entry{Member: member, Score: score}
}

func sleepUntil(t time.Time) { time.Sleep(time.Until(t)) }

func abbrev(b []byte) string {
	if len(b) > 64 {
		return fmt.Sprintf("%q... (%d bytes)", b[:64], len(b))
	}
	return fmt.Sprintf("%q", b)
}

// versionValue is the value the concurrent PutVersioned tests write with version v.
func versionValue(v uint64) []byte { return []byte(fmt.Sprintf("value-%d", v)) }

// shuffledVersions returns a closed channel holding versions 1..n in random order.
func shuffledVersions(n int) <-chan uint64 {
	work := make(chan uint64, n)
	for _, v := range rand.Perm(n) {
		work <- uint64(v + 1)
	}
	close(work)
	return work
}

// watchVersions reads a versioned key in a loop until the returned stop is
// called: its version (0 when missing) must never go down, a key once written
// must not vanish, and each value must be versionValue of its version.
func watchVersions(t *testing.T, read func() (uint64, []byte, error)) (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var last uint64
		for {
			select {
			case <-done:
				return
			default:
			}
			v, val, err := read()
			switch {
			case err != nil:
				t.Errorf("reader: %v", err)
				return
			case v == 0 && last != 0:
				t.Errorf("reader: key vanished after version %d", last)
				return
			case v < last:
				t.Errorf("reader: version went from %d down to %d", last, v)
				return
			case v != 0 && !bytes.Equal(val, versionValue(v)):
				t.Errorf("reader: version %d has value %q, want %q", v, val, versionValue(v))
				return
			}
			last = v
		}
	}()
	return func() {
		close(done)
		wg.Wait()
	}
}
