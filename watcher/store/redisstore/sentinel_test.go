package redisstore_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/watchtower-l2/watchtower/internal/testutil/redistest"
	"github.com/watchtower-l2/watchtower/watcher/store"
	"github.com/watchtower-l2/watchtower/watcher/store/redisstore"
	"github.com/watchtower-l2/watchtower/watcher/store/storetest"
)

// openStoreWith is openStore with Options.
func openStoreWith(t *testing.T, url string, o redisstore.Options) *redisstore.Store {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	s, err := redisstore.OpenWith(ctx, url, "test/"+t.Name()+"/", o)
	if err != nil {
		t.Fatalf("OpenWith(%s): %v", url, err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

// TestConformanceSentinel runs the suite through the sentinels, every write
// waiting for the replica (WAIT after each write and each pipeline).
func TestConformanceSentinel(t *testing.T) {
	sen := redistest.StartSentinel(t, 10*time.Second)
	o := redisstore.Options{MinReplicas: 1, ReplicaTimeout: 30 * time.Second}
	if _, ok := openStoreWith(t, sen.URL(), o).Client().(*redis.Client); !ok {
		t.Fatal("redis+sentinel URL did not give a failover client")
	}
	storetest.Run(t, func(t *testing.T) store.Store { return openStoreWith(t, sen.URL(), o) })
}

// TestSentinelFailover kills the primary (SIGKILL) while a writer is
// writing: sentinels promote the replica, the store follows it, every write
// acknowledged before the crash (each waited for the replica) is still
// there, and once the old primary is back as a replica writes succeed again.
func TestSentinelFailover(t *testing.T) {
	sen := redistest.StartSentinel(t, 2*time.Second)
	s := openStoreWith(t, sen.URL(), redisstore.Options{MinReplicas: 1, ReplicaTimeout: 2 * time.Second})
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()

	acked := make(chan int, 1024)
	errs := make(chan error, 1024)
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := 0; ; {
			select {
			case <-stop:
				return
			default:
			}
			if err := s.Put(ctx, fmt.Sprintf("k%d", i), []byte(fmt.Sprintf("v%d", i))); err != nil {
				select {
				case errs <- err:
				default:
				}
				if ctx.Err() != nil {
					return
				}
				continue // the same write again, as a caller would
			}
			acked <- i
			i++
		}
	}()
	last := -1
	waitAcked := func(n int) {
		t.Helper()
		for last < n {
			select {
			case i := <-acked:
				last = i
			case <-ctx.Done():
				t.Fatalf("writer stuck at %d acknowledged writes (want %d); last error: %v", last+1, n+1, lastErr(errs))
			}
		}
	}

	waitAcked(20)
	old := sen.Primary.Addr()
	sen.Primary.Stop()
	crashed := time.Now()
	ackedBeforeCrash := last
	promoted := sen.WaitFailover(old)
	failover := time.Since(crashed)
	if promoted != sen.Replica.Addr() {
		t.Fatalf("sentinels promoted %s, want the replica %s", promoted, sen.Replica.Addr())
	}
	// Back as a replica of the new primary, the old one acknowledges WAIT.
	sen.Primary.Start()
	waitAcked(last + 20)
	close(stop)
	for finished := false; !finished; {
		select {
		case i := <-acked:
			last = i
		case <-done:
			finished = true
		}
	}
	for len(acked) > 0 {
		last = <-acked
	}
	t.Logf("%d writes acknowledged, %d before the crash; sentinels switched in %s; failed attempts include: %v",
		last+1, ackedBeforeCrash+1, failover.Round(time.Millisecond), lastErr(errs))

	for i := 0; i <= last; i++ {
		got, err := s.Get(ctx, fmt.Sprintf("k%d", i))
		if err != nil || string(got) != fmt.Sprintf("v%d", i) {
			t.Fatalf("acknowledged write k%d after failover: %q, %v", i, got, err)
		}
	}
}

func lastErr(errs chan error) error {
	var last error
	for {
		select {
		case err := <-errs:
			last = err
		default:
			return last
		}
	}
}

// TestMinReplicasWithoutReplica: a write no replica acknowledges fails
// with ErrNotReplicated (the primary applied it); reads are unaffected.
func TestMinReplicasWithoutReplica(t *testing.T) {
	s := openStoreWith(t, redistest.Start(t), redisstore.Options{MinReplicas: 1, ReplicaTimeout: 50 * time.Millisecond})
	ctx := context.Background()
	checks := map[string]error{}
	checks["Put"] = s.Put(ctx, "a", []byte("x"))
	_, checks["PutIfAbsent"] = s.PutIfAbsent(ctx, "b", []byte("x"))
	_, _, checks["PutVersioned"] = s.PutVersioned(ctx, "c", 1, []byte("x"))
	_, checks["Apply"] = s.Apply(ctx, []store.Op{{Kind: store.OpPut, Key: "d", Value: []byte("x")}})
	checks["IndexAdd"] = s.IndexAdd(ctx, "i", "m", 1)
	for name, err := range checks {
		if !errors.Is(err, redisstore.ErrNotReplicated) || !strings.Contains(err.Error(), "0 of 1 replicas") {
			t.Errorf("%s without a replica = %v, want ErrNotReplicated (0 of 1 replicas)", name, err)
		}
	}
	if got, err := s.Get(ctx, "a"); err != nil || string(got) != "x" {
		t.Fatalf("Get after the unreplicated Put = %q, %v; the primary applied it", got, err)
	}
	if _, err := redisstore.OpenWith(ctx, redistest.Start(t), "p/", redisstore.Options{MinReplicas: 1}); err == nil ||
		!strings.Contains(err.Error(), "positive timeout") {
		t.Fatalf("OpenWith MinReplicas without a timeout = %v, want a refusal", err)
	}
}

// Open's errors show neither the password nor the sentinels' password.
func TestOpenSentinelErrorsHidePasswords(t *testing.T) {
	// No sentinel answers: the failover client retries until ctx ends.
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	raw := "redis+sentinel://u:s3cret@" + closedAddr(t) + "/m?sentinel_password=s3cret2"
	_, err := redisstore.Open(ctx, raw, "p/")
	if err == nil || strings.Contains(err.Error(), "s3cret") || !strings.HasPrefix(err.Error(), "redisstore: open") {
		t.Fatalf("Open(%q) = %v, want an error without the passwords", raw, err)
	}
	t.Log(err)
}

func TestParseSentinelURL(t *testing.T) {
	o, err := redisstore.ParseSentinelURL("rediss+sentinel://u:p%40ss@s1:26380,s2,[::1]:5/my%2Dmaster?db=2&sentinel_password=sp")
	if err != nil {
		t.Fatal(err)
	}
	if o.MasterName != "my-master" || o.Username != "u" || o.Password != "p@ss" || o.DB != 2 ||
		o.SentinelPassword != "sp" || o.TLSConfig == nil ||
		strings.Join(o.SentinelAddrs, " ") != "s1:26380 s2:26379 [::1]:5" {
		t.Fatalf("parsed %+v", o)
	}
	for raw, want := range map[string]string{
		"redis+sentinel://s1:26379":                 "master name",
		"redis+sentinel://s1:26379/":                "master name",
		"redis+sentinel://s1:26379/a/b":             "master name",
		"redis+sentinel:///m":                       "at least one sentinel",
		"redis+sentinel://s1:x/m":                   "bad port",
		"redis+sentinel://s1/m?db=-1":               "db",
		"redis+sentinel://s1/m?bogus=1":             "unknown parameter",
		"redis://s1/m":                              "redis+sentinel://",
		"redis+sentinel://:s3cret@s1:99999/m":       "bad port",
		"redis+sentinel://u:s3cret%zz@s1:26379/m":   "password escape",
		"redis+sentinel://u:s3cret@s1:26379/m?db=x": "db",
	} {
		_, err := redisstore.ParseSentinelURL(raw)
		if err == nil || !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "s3cret") {
			t.Errorf("ParseSentinelURL(%q) = %v, want an error mentioning %q without the password", raw, err, want)
		}
	}
}
