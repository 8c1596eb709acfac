package redisstore_test

import (
	"context"
	"errors"
	"fmt"
	"math"
	"net"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/watchtower-l2/watchtower/internal/testutil/redistest"
	"github.com/watchtower-l2/watchtower/watcher/store"
	"github.com/watchtower-l2/watchtower/watcher/store/redisstore"
	"github.com/watchtower-l2/watchtower/watcher/store/storetest"
)

// openStore opens a Store on url with a prefix unique to t and closes it in t.Cleanup.
func openStore(t *testing.T, url string) *redisstore.Store {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	s, err := redisstore.Open(ctx, url, "test/"+t.Name()+"/")
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

func TestConformance(t *testing.T) {
	url := redistest.Start(t)
	storetest.Run(t, func(t *testing.T) store.Store { return openStore(t, url) })
}

func TestConformanceSharedClient(t *testing.T) {
	opts, err := redis.ParseURL(redistest.Start(t))
	if err != nil {
		t.Fatal(err)
	}
	client := redis.NewClient(opts)
	t.Cleanup(func() { _ = client.Close() })
	storetest.Run(t, func(t *testing.T) store.Store {
		s := redisstore.New(client, "shared/"+t.Name()+"/")
		t.Cleanup(func() {
			// Close must leave a client the Store does not own usable.
			if err := s.Close(); err != nil {
				t.Errorf("Close: %v", err)
			}
			if err := client.Ping(context.Background()).Err(); err != nil {
				t.Errorf("client unusable after Store.Close: %v", err)
			}
		})
		return s
	})
}

func TestConformanceCluster(t *testing.T) {
	url := redistest.StartCluster(t)
	if _, ok := openStore(t, url).Client().(*redis.ClusterClient); !ok {
		t.Fatal("redis+cluster URL did not give a cluster client")
	}
	storetest.Run(t, func(t *testing.T) store.Store { return openStore(t, url) })
}

// TestReopenPersistent kills redis between writing and reading: with
// appendonly yes the data survives.
func TestReopenPersistent(t *testing.T) {
	srv := redistest.StartPersistent(t)
	storetest.RunReopen(t,
		func(t *testing.T) store.Store { return openStore(t, srv.URL()) },
		func(t *testing.T, old store.Store) store.Store {
			srv.Stop()
			srv.Start()
			return openStore(t, srv.URL())
		})
}

// TestRedisDown checks that a Store reports clear errors while redis is down
// and recovers, data intact, once it is back.
func TestRedisDown(t *testing.T) {
	srv := redistest.StartPersistent(t)
	s := openStore(t, srv.URL())
	ctx := context.Background()
	if err := s.Put(ctx, "k", []byte("before")); err != nil {
		t.Fatalf("Put: %v", err)
	}
	if _, _, err := s.PutVersioned(ctx, "v", 3, []byte("three")); err != nil {
		t.Fatalf("PutVersioned: %v", err)
	}

	srv.Stop()
	// Every call must fail on its own with a wrapped connection error: not
	// hang until the caller's deadline, not panic, not claim ErrNotFound.
	check := func(op string, call func(ctx context.Context) error) {
		t.Helper()
		ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
		defer cancel()
		start := time.Now()
		err := call(ctx)
		switch {
		case err == nil:
			t.Errorf("%s succeeded while redis is down", op)
		case errors.Is(err, store.ErrNotFound):
			t.Errorf("%s while redis is down: got ErrNotFound (%v), want a connection error", op, err)
		case errors.Is(err, context.DeadlineExceeded):
			t.Errorf("%s while redis is down hung until the deadline: %v", op, err)
		case !strings.HasPrefix(err.Error(), "redisstore: ") || !strings.Contains(err.Error(), "connection refused"):
			t.Errorf("%s while redis is down: error %q lacks context or cause", op, err)
		}
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("%s took %v to fail", op, d)
		}
	}
	check("Get", func(ctx context.Context) error { _, err := s.Get(ctx, "k"); return err })
	check("Put", func(ctx context.Context) error { return s.Put(ctx, "k", []byte("during")) })
	check("PutVersioned", func(ctx context.Context) error {
		_, _, err := s.PutVersioned(ctx, "v", 4, []byte("four"))
		return err
	})
	check("AcquireLease", func(ctx context.Context) error {
		_, err := s.AcquireLease(ctx, "l", "a", time.Minute)
		return err
	})
	check("IndexRange", func(ctx context.Context) error {
		_, err := s.IndexRange(ctx, "i", math.MaxInt64, 0)
		return err
	})
	check("Ping", s.Ping)

	srv.Start()
	// The same Store reconnects by itself.
	deadline := time.Now().Add(10 * time.Second)
	for s.Ping(ctx) != nil {
		if time.Now().After(deadline) {
			t.Fatal("Store did not reconnect after redis restarted")
		}
		time.Sleep(50 * time.Millisecond)
	}
	got, err := s.Get(ctx, "k")
	if err != nil || string(got) != "before" {
		t.Fatalf("Get after restart = %q, %v; want \"before\"", got, err)
	}
	v, data, err := s.GetVersioned(ctx, "v")
	if err != nil || v != 3 || string(data) != "three" {
		t.Fatalf("GetVersioned after restart = %d, %q, %v; want 3, \"three\"", v, data, err)
	}
}

func TestOpenErrors(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	closed := closedAddr(t)
	for _, tc := range []struct {
		url      string
		contains string
	}{
		{"redis://user:s3cret@" + closed + "/0", closed},
		{"redis+cluster://user:s3cret@" + closed, closed},
		{"redis://:s3cret@127.0.0.1:notaport/0", "invalid URL"},
		{"http://user:s3cret@" + closed, "scheme"},
		{"redis://user:s3cret@" + closed + "/0?bogus_option=1", "bogus_option"},
	} {
		s, err := redisstore.Open(ctx, tc.url, "p/")
		if err == nil {
			_ = s.Close()
			t.Errorf("Open(%q) succeeded", tc.url)
			continue
		}
		msg := err.Error()
		if strings.Contains(msg, "s3cret") {
			t.Errorf("Open(%q) error leaks the password: %v", tc.url, err)
		}
		if !strings.HasPrefix(msg, "redisstore: open") || !strings.Contains(msg, tc.contains) {
			t.Errorf("Open(%q) error = %q, want it to start with \"redisstore: open\" and mention %q", tc.url, msg, tc.contains)
		}
	}
}

// TestLayout pins the Redis key layout: prefix+key, one key per operation.
func TestLayout(t *testing.T) {
	url := redistest.Start(t)
	ctx := context.Background()
	a := openStore(t, url)
	opts, err := redis.ParseURL(url)
	if err != nil {
		t.Fatal(err)
	}
	raw := redis.NewClient(opts)
	t.Cleanup(func() { _ = raw.Close() })
	b := redisstore.New(raw, "other/")
	prefix := "test/" + t.Name() + "/"

	if err := a.Put(ctx, "{x}k", []byte("a")); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Get(ctx, "{x}k"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("store with another prefix sees the key: %v", err)
	}
	if got, err := raw.Get(ctx, prefix+"{x}k").Result(); err != nil || got != "a" {
		t.Fatalf("raw GET %q = %q, %v", prefix+"{x}k", got, err)
	}
	if _, _, err := a.PutVersioned(ctx, "{x}v", 1<<40+5, []byte("d")); err != nil {
		t.Fatal(err)
	}
	if got, err := raw.Get(ctx, prefix+"{x}v").Result(); err != nil || got != "\x00\x00\x01\x00\x00\x00\x00\x05d" {
		t.Fatalf("raw GET of a versioned value = %q, %v", got, err)
	}
	if ok, err := a.AcquireLease(ctx, "{x}l", "me", time.Minute); err != nil || !ok {
		t.Fatal(ok, err)
	}
	if ttl, err := raw.PTTL(ctx, prefix+"{x}l").Result(); err != nil || ttl <= 0 || ttl > time.Minute {
		t.Fatalf("lease PTTL = %v, %v", ttl, err)
	}
	n, err := raw.Keys(ctx, prefix+"*").Result()
	if err != nil || len(n) != 3 {
		t.Fatalf("keys under prefix = %v, %v; want 3", n, err)
	}
}

func TestIndexScoreOutOfRange(t *testing.T) {
	s := openStore(t, redistest.Start(t))
	ctx := context.Background()
	for _, score := range []int64{1<<53 + 1, -(1<<53 + 1), math.MaxInt64, math.MinInt64} {
		if err := s.IndexAdd(ctx, "i", "m", score); err == nil {
			t.Errorf("IndexAdd(score %d) succeeded; want an error", score)
		}
	}
	got, err := s.IndexRange(ctx, "i", math.MaxInt64, 0)
	if err != nil || len(got) != 0 {
		t.Fatalf("IndexRange = %v, %v; want empty", got, err)
	}
}

// closedAddr returns a 127.0.0.1 address nothing listens on.
func closedAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	_ = l.Close()
	return net.JoinHostPort("127.0.0.1", strconv.Itoa(port))
}

// Versioned values written by earlier versions (hashes {v: 16 hex digits, d})
// still read, one at a time and in batches, and their next accepted write
// rewrites them as strings.
func TestLegacyVersionedLayout(t *testing.T) {
	url := redistest.Start(t)
	ctx := context.Background()
	s := openStore(t, url)
	opts, err := redis.ParseURL(url)
	if err != nil {
		t.Fatal(err)
	}
	raw := redis.NewClient(opts)
	t.Cleanup(func() { _ = raw.Close() })
	prefix := "test/" + t.Name() + "/"
	if err := raw.HSet(ctx, prefix+"{l}v", "v", "0000010000000005", "d", "old").Err(); err != nil {
		t.Fatal(err)
	}
	if v, d, err := s.GetVersioned(ctx, "{l}v"); err != nil || v != 1<<40+5 || string(d) != "old" {
		t.Fatalf("GetVersioned of a legacy hash = %d %q %v", v, d, err)
	}
	vs, ds, err := s.GetVersionedMany(ctx, []string{"{l}missing", "{l}v"})
	if err != nil || vs[0] != 0 || ds[0] != nil || vs[1] != 1<<40+5 || string(ds[1]) != "old" {
		t.Fatalf("GetVersionedMany = %v %q %v", vs, ds, err)
	}
	if prev, ok, err := s.PutVersioned(ctx, "{l}v", 1<<40+5, []byte("same")); err != nil || ok || prev != 1<<40+5 {
		t.Fatalf("PutVersioned of the same version = %d %v %v", prev, ok, err)
	}
	if prev, ok, err := s.PutVersioned(ctx, "{l}v", 1<<40+6, []byte("new")); err != nil || !ok || prev != 1<<40+5 {
		t.Fatalf("PutVersioned of a higher version = %d %v %v", prev, ok, err)
	}
	if typ, err := raw.Type(ctx, prefix+"{l}v").Result(); err != nil || typ != "string" {
		t.Fatalf("rewritten value is a %q (%v), want a string", typ, err)
	}
	if v, d, err := s.GetVersioned(ctx, "{l}v"); err != nil || v != 1<<40+6 || string(d) != "new" {
		t.Fatalf("GetVersioned after the rewrite = %d %q %v", v, d, err)
	}
}

// TestApplyAfterScriptFlush: on a server that has not cached the
// put-versioned script (SCRIPT FLUSH, as after a restart), Apply's EVALSHAs
// get NOSCRIPT; it loads the script and re-runs them, with the same results
// as on a server with the script cached.
func TestApplyAfterScriptFlush(t *testing.T) {
	for _, tc := range []struct{ name, url string }{
		{"single", redistest.Start(t)},
		{"cluster", redistest.StartCluster(t)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			s := openStore(t, tc.url)
			raw := rawClient(t, tc.url)
			flush := func() {
				t.Helper()
				if err := raw.ScriptFlush(ctx).Err(); err != nil {
					t.Fatalf("SCRIPT FLUSH: %v", err)
				}
			}
			noScripts := func() int {
				t.Helper()
				info, err := raw.Info(ctx, "errorstats").Result()
				if err != nil {
					t.Fatalf("INFO errorstats: %v", err)
				}
				for _, line := range strings.Split(info, "\r\n") {
					if rest, ok := strings.CutPrefix(line, "errorstat_NOSCRIPT:count="); ok {
						n, err := strconv.Atoi(rest)
						if err != nil {
							t.Fatalf("INFO errorstats line %q: %v", line, err)
						}
						return n
					}
				}
				return 0
			}

			// Caches the script on the server.
			if _, ok, err := s.PutVersioned(ctx, "{f}held", 5, []byte("five")); err != nil || !ok {
				t.Fatalf("PutVersioned = %v, %v", ok, err)
			}
			flush()
			ops := []store.Op{
				store.PutVersionedOp("{f}held", 7, []byte("seven")),
				store.PutOp("{f}plain", []byte("p")),
				store.PutVersionedOp("{f}new", 2, []byte("two")),
				store.IndexAddOp("{f}idx", "m", 1),
				store.PutVersionedOp("{g}other", 3, []byte("three")),
				store.PutVersionedOp("{f}zero", 0, []byte("zero")),
				// A key used twice goes by EVAL, after the EVALSHAs above.
				store.PutVersionedOp("{f}pair", 10, []byte("ten")),
				store.PutVersionedOp("{f}pair", 9, []byte("nine")),
			}
			wantApply := func(want string, wantNoScripts int) {
				t.Helper()
				before := noScripts()
				applied, err := s.Apply(ctx, ops)
				if err != nil || fmt.Sprint(applied) != want {
					t.Fatalf("Apply = %v, %v; want %s", applied, err, want)
				}
				if n := noScripts() - before; n != wantNoScripts {
					t.Fatalf("Apply got %d NOSCRIPT replies, want %d", n, wantNoScripts)
				}
			}
			wantApply("[true true true true true false true false]", 4)
			for _, w := range []struct {
				key     string
				version uint64
				data    string
			}{{"{f}held", 7, "seven"}, {"{f}new", 2, "two"}, {"{g}other", 3, "three"}, {"{f}pair", 10, "ten"}} {
				if v, d, err := s.GetVersioned(ctx, w.key); err != nil || v != w.version || string(d) != w.data {
					t.Fatalf("GetVersioned(%q) = %d, %q, %v; want %d, %q", w.key, v, d, err, w.version, w.data)
				}
			}
			if _, _, err := s.GetVersioned(ctx, "{f}zero"); !errors.Is(err, store.ErrNotFound) {
				t.Fatalf("GetVersioned of a refused version 0: error = %v, want ErrNotFound", err)
			}
			// Loaded again: no NOSCRIPT, and every versioned write is refused.
			wantApply("[false true false true false false false false]", 0)
			// Flushed again: a second re-run, with the same results.
			flush()
			wantApply("[false true false true false false false false]", 4)
			if v, d, err := s.GetVersioned(ctx, "{f}held"); err != nil || v != 7 || string(d) != "seven" {
				t.Fatalf("GetVersioned({f}held) = %d, %q, %v; want 7, \"seven\"", v, d, err)
			}
		})
	}
}

// TestApplyOrderWhileScriptLoads: when another client loads the
// put-versioned script while a batch runs on a server that lacked it, two
// PutVersioned of one key still behave as two sequential calls.
func TestApplyOrderWhileScriptLoads(t *testing.T) {
	url := redistest.Start(t)
	ctx := context.Background()
	s, other := openStore(t, url), openStore(t, url)
	raw := rawClient(t, url)
	for i := range 50 {
		if err := raw.ScriptFlush(ctx).Err(); err != nil {
			t.Fatalf("SCRIPT FLUSH: %v", err)
		}
		var ops []store.Op
		for j := range 100 {
			k := fmt.Sprintf("{o%d}k%d", i, j)
			if j%2 == 0 {
				ops = append(ops, store.PutVersionedOp(k, 10, []byte("ten")), store.PutVersionedOp(k, 9, []byte("nine")))
			} else {
				ops = append(ops, store.PutVersionedOp(k, 3, []byte("first")), store.PutVersionedOp(k, 3, []byte("second")))
			}
		}
		loaded := make(chan error, 1)
		go func() {
			_, _, err := other.PutVersioned(ctx, fmt.Sprintf("{o%d}loader", i), 1, nil) // loads the script
			loaded <- err
		}()
		applied, err := s.Apply(ctx, ops)
		if lerr := <-loaded; lerr != nil {
			t.Fatalf("PutVersioned: %v", lerr)
		}
		if err != nil {
			t.Fatalf("Apply: %v", err)
		}
		for j := 0; j < len(ops); j += 2 {
			if !applied[j] || applied[j+1] {
				t.Fatalf("batch %d: ops %d, %d on %q applied = %v, %v; want true, false", i, j, j+1, ops[j].Key, applied[j], applied[j+1])
			}
		}
		vs, vals, err := s.GetVersionedMany(ctx, []string{ops[2].Key})
		if err != nil || vs[0] != 3 || string(vals[0]) != "first" {
			t.Fatalf("batch %d: %q = %d, %q, %v; want 3, \"first\"", i, ops[2].Key, vs[0], vals[0], err)
		}
	}
}

// rawClient returns a go-redis client of its own to the server at url (the
// only node, for a cluster URL).
func rawClient(t *testing.T, url string) *redis.Client {
	t.Helper()
	opts, err := redis.ParseURL(strings.Replace(url, "redis+cluster://", "redis://", 1))
	if err != nil {
		t.Fatal(err)
	}
	c := redis.NewClient(opts)
	t.Cleanup(func() { _ = c.Close() })
	return c
}
