package storetest

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/watchtower-l2/watchtower/watcher/store"
)

// mustAcquireToken takes the lease at key with AcquireLeaseToken and checks
// whether it was granted; it returns the token (0 when refused).
func mustAcquireToken(t *testing.T, s store.Store, key, owner string, ttl time.Duration, want bool) uint64 {
	t.Helper()
	tok, ok, err := s.AcquireLeaseToken(context.Background(), key, owner, ttl)
	if err != nil {
		t.Fatalf("AcquireLeaseToken(%q, %q): %v", key, owner, err)
	}
	if ok != want {
		t.Fatalf("AcquireLeaseToken(%q, %q) = %v, want %v", key, owner, ok, want)
	}
	if ok != (tok > 0) {
		t.Fatalf("AcquireLeaseToken(%q, %q) = token %d, ok %v: a granted lease has a token > 0, a refused one 0", key, owner, tok, ok)
	}
	return tok
}

// mustPutFenced writes with PutFenced and checks whether the write was accepted.
func mustPutFenced(t *testing.T, s store.Store, key string, value []byte, lease, owner string, token uint64, want bool) {
	t.Helper()
	ok, err := s.PutFenced(context.Background(), key, value, lease, owner, token)
	if err != nil {
		t.Fatalf("PutFenced(%q, lease %q, %q, token %d): %v", key, lease, owner, token, err)
	}
	if ok != want {
		t.Fatalf("PutFenced(%q, lease %q, %q, token %d) = %v, want %v", key, lease, owner, token, ok, want)
	}
}

// testLeaseTokenIncreases: every new holder gets a larger token; renewals
// keep it; release, expiry and Delete never make a token repeat.
func testLeaseTokenIncreases(t *testing.T, s store.Store) {
	ctx := context.Background()
	const key = "lease:{ft}"
	t1 := mustAcquireToken(t, s, key, "a", time.Minute, true)
	if again := mustAcquireToken(t, s, key, "a", time.Minute, true); again != t1 {
		t.Fatalf("renewal by the holder: token %d, want its token %d", again, t1)
	}
	mustAcquireToken(t, s, key, "b", time.Minute, false)
	if err := s.ReleaseLease(ctx, key, "a"); err != nil {
		t.Fatal(err)
	}
	t2 := mustAcquireToken(t, s, key, "b", time.Minute, true)
	if t2 <= t1 {
		t.Fatalf("token after a new holder took the lease: %d, want > %d", t2, t1)
	}
	// The same owner taking its lease again after losing it is a new holder.
	if err := s.ReleaseLease(ctx, key, "b"); err != nil {
		t.Fatal(err)
	}
	t3 := mustAcquireToken(t, s, key, "b", time.Minute, true)
	if t3 <= t2 {
		t.Fatalf("token after the same owner took a released lease again: %d, want > %d", t3, t2)
	}
	const short = 150 * time.Millisecond
	if err := s.ReleaseLease(ctx, key, "b"); err != nil {
		t.Fatal(err)
	}
	t4 := mustAcquireToken(t, s, key, "c", short, true)
	time.Sleep(short + 150*time.Millisecond)
	t5 := mustAcquireToken(t, s, key, "c", time.Minute, true)
	if t5 <= t4 || t4 <= t3 {
		t.Fatalf("tokens %d then %d after expiry (previous %d), want increasing", t4, t5, t3)
	}
	// Delete removes the lease but not the counter.
	if err := s.Delete(ctx, key); err != nil {
		t.Fatal(err)
	}
	if t6 := mustAcquireToken(t, s, key, "d", time.Minute, true); t6 <= t5 {
		t.Fatalf("token after Delete: %d, want > %d", t6, t5)
	}
	// Counters are per lease.
	if other := mustAcquireToken(t, s, "lease:{ft2}", "a", time.Minute, true); other != 1 {
		t.Fatalf("first token of a fresh lease: %d, want 1", other)
	}
}

// testLeaseTokenMixed: AcquireLease and AcquireLeaseToken take the same lease.
func testLeaseTokenMixed(t *testing.T, s store.Store) {
	const key = "lease:{fm}"
	mustAcquire(t, s, key, "a", time.Minute, true)
	mustAcquireToken(t, s, key, "b", time.Minute, false)
	tok := mustAcquireToken(t, s, key, "a", time.Minute, true)
	mustAcquire(t, s, key, "b", time.Minute, false)
	mustAcquire(t, s, key, "a", time.Minute, true) // a renewal keeps the token
	mustPutFenced(t, s, "job:{fm}", []byte("x"), key, "a", tok, true)
}

// testPutFenced: a fenced write lands only for the current holder with its
// current token, and a holder whose lease expired is refused even after a
// new holder took the lease.
func testPutFenced(t *testing.T, s store.Store) {
	ctx := context.Background()
	const lease, job = "lease:{fp}", "job:{fp}"
	const short = 150 * time.Millisecond
	old := mustAcquireToken(t, s, lease, "old", short, true)
	mustPutFenced(t, s, job, []byte("old-1"), lease, "old", old, true)
	wantGet(t, s, job, []byte("old-1"))
	// Wrong owner or wrong token while held: refused.
	mustPutFenced(t, s, job, []byte("x"), lease, "new", old, false)
	mustPutFenced(t, s, job, []byte("x"), lease, "old", old+1, false)
	mustPutFenced(t, s, job, []byte("x"), lease, "old", 0, false)
	wantGet(t, s, job, []byte("old-1"))

	time.Sleep(short + 150*time.Millisecond)
	// Expired and nobody took it: refused.
	mustPutFenced(t, s, job, []byte("old-2"), lease, "old", old, false)
	cur := mustAcquireToken(t, s, lease, "new", time.Minute, true)
	if cur <= old {
		t.Fatalf("new holder's token %d, want > %d", cur, old)
	}
	// The paused old holder wakes up: refused, the new holder's write stands.
	mustPutFenced(t, s, job, []byte("new-1"), lease, "new", cur, true)
	mustPutFenced(t, s, job, []byte("old-3"), lease, "old", old, false)
	mustPutFenced(t, s, job, []byte("old-4"), lease, "old", cur, false)
	wantGet(t, s, job, []byte("new-1"))

	// The old holder taking the lease again later gets a new token; its
	// stale token stays refused.
	if err := s.ReleaseLease(ctx, lease, "new"); err != nil {
		t.Fatal(err)
	}
	mustPutFenced(t, s, job, []byte("new-2"), lease, "new", cur, false)
	again := mustAcquireToken(t, s, lease, "old", time.Minute, true)
	mustPutFenced(t, s, job, []byte("old-5"), lease, "old", old, false)
	mustPutFenced(t, s, job, []byte("old-6"), lease, "old", again, true)
	wantGet(t, s, job, []byte("old-6"))
	// The written value is a plain value.
	mustPut(t, s, job, []byte("plain"))
	wantGet(t, s, job, []byte("plain"))
}

// testFencedKeysNeedTag: keys without a hash tag, or with different tags,
// are refused with an error (Redis Cluster could not run them atomically).
func testFencedKeysNeedTag(t *testing.T, s store.Store) {
	ctx := context.Background()
	if _, ok, err := s.AcquireLeaseToken(ctx, "lease-untagged", "a", time.Minute); err == nil || ok {
		t.Fatalf("AcquireLeaseToken(untagged) = %v, %v; want an error", ok, err)
	}
	if _, ok, err := s.AcquireLeaseToken(ctx, "lease:{}", "a", time.Minute); err == nil || ok {
		t.Fatalf("AcquireLeaseToken(empty tag) = %v, %v; want an error", ok, err)
	}
	for _, ttl := range []time.Duration{0, -time.Second} {
		if _, ok, err := s.AcquireLeaseToken(ctx, "lease:{fk}", "a", ttl); err == nil || ok {
			t.Fatalf("AcquireLeaseToken(ttl=%v) = %v, %v; want an error", ttl, ok, err)
		}
	}
	tok := mustAcquireToken(t, s, "lease:{fk}", "a", time.Minute, true)
	for _, key := range []string{"job-untagged", "job:{other}", "job:{fk"} {
		if ok, err := s.PutFenced(ctx, key, []byte("x"), "lease:{fk}", "a", tok); err == nil || ok {
			t.Fatalf("PutFenced(%q) = %v, %v; want an error", key, ok, err)
		}
		wantNotFound(t, s, key)
	}
	if ok, err := s.PutFenced(ctx, "job:{fk}", []byte("x"), "lease-untagged", "a", tok); err == nil || ok {
		t.Fatalf("PutFenced(untagged lease) = %v, %v; want an error", ok, err)
	}
}

// testLeaseTokenConcurrent: of many owners racing for a free lease exactly
// one wins, and only its token writes.
func testLeaseTokenConcurrent(t *testing.T, s store.Store) {
	ctx := context.Background()
	const n = 32
	var (
		wg      sync.WaitGroup
		mu      sync.Mutex
		winners []string
		tokens  []uint64
	)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			owner := fmt.Sprintf("owner-%d", i)
			tok, ok, err := s.AcquireLeaseToken(ctx, "lease:{fc}", owner, time.Minute)
			if err != nil {
				t.Errorf("AcquireLeaseToken(%s): %v", owner, err)
				return
			}
			if ok {
				mu.Lock()
				winners, tokens = append(winners, owner), append(tokens, tok)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if len(winners) != 1 {
		t.Fatalf("concurrent AcquireLeaseToken: %d winners %v, want exactly 1", len(winners), winners)
	}
	for i := range n {
		owner := fmt.Sprintf("owner-%d", i)
		mustPutFenced(t, s, "job:{fc}", []byte(owner), "lease:{fc}", owner, tokens[0], owner == winners[0])
	}
	wantGet(t, s, "job:{fc}", []byte(winners[0]))
}
