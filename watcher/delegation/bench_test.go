package delegation_test

import (
	"context"
	"crypto/ecdsa"
	"encoding/base64"
	"encoding/json"
	"math/big"
	"net/http"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/watchtower-l2/watchtower/internal/testutil/chantest"
	"github.com/watchtower-l2/watchtower/watcher/delegation"
	"github.com/watchtower-l2/watchtower/watcher/delegation/api"
)

const benchChannels = 8

type benchReq struct {
	body string
	hdr  http.Header
}

// BenchmarkDelegate reports accepted delegations per second through real HTTP,
// the channel plug-in (the channel's L1 record, read once and cached while it is open),
// Redis and every signature check (request signature, both state signatures,
// the receipt signed), with p99 latency, next to the bare signature-recovery
// rate measured in the same run with the same parallelism. bound/s is that
// rate divided by the recoveries a delegation needs (3 signed, 2 anonymous);
// ratio is delegations/s over bound/s. It also reports the Redis MEMORY USAGE
// of one held channel state.
func BenchmarkDelegate(b *testing.B) {
	for _, signed := range []bool{true, false} {
		name := "anonymous"
		if signed {
			name = "signed"
		}
		b.Run(name, func(b *testing.B) { benchDelegate(b, signed) })
	}
}

// BenchmarkDelegateBatch is BenchmarkDelegate for POST /v1/channels/states:
// benchHubs hubs (each one user with Batch channels) update all their
// channels per call. Every state's two signatures are checked and each call's
// request signature; one receipt signature covers a call. bound/s divides the
// recovery rate by the recoveries a delegation needs: 2 + 1/Batch signed, 2
// anonymous.
func BenchmarkDelegateBatch(b *testing.B) {
	for _, batch := range []int{32, 256} {
		for _, signed := range []bool{true, false} {
			name := "anonymous"
			if signed {
				name = "signed"
			}
			b.Run(name+"-"+strconv.Itoa(batch), func(b *testing.B) { benchDelegateBatch(b, signed, batch) })
		}
	}
}

const benchHubs = 8

func benchDelegateBatch(b *testing.B, signed bool, batch int) {
	f := newFixture(b, benchHubs*(batch+1)+1, delegation.Config{Slots: batch, HeadTTL: time.Second})
	ctx := context.Background()
	calls := b.N/(benchHubs*batch) + 1
	total := new(big.Int).Mul(chantest.Deposit, big.NewInt(2))
	reqs := make([][]benchReq, benchHubs)
	hubs := make([]*ecdsa.PrivateKey, benchHubs)
	chans := make([][]*chantest.Channel, benchHubs)
	for h := range hubs {
		hubs[h] = f.chain.Net.Keys[len(f.chain.Net.Keys)-1-h]
		if signed {
			if _, err := f.user(hubs[h]).Register(ctx); err != nil {
				b.Fatal(err)
			}
		}
		for range batch {
			chans[h] = append(chans[h], f.chain.OpenFrom(hubs[h], 20, 0))
		}
	}
	// Request nonces above the registrations' (Unix milliseconds).
	nonce0 := uint64(time.Now().UnixMilli()) + 10_000
	for h, chans := range chans {
		for n := 1; n <= calls; n++ {
			var body api.ChannelStates
			balA := big.NewInt(int64(n))
			for _, ch := range chans {
				body.States = append(body.States, delegation.FromSigned(f.chain.Sign(ch, uint64(n), balA, new(big.Int).Sub(total, balA))))
			}
			raw, err := json.Marshal(body)
			if err != nil {
				b.Fatal(err)
			}
			var hdr http.Header
			if signed {
				hdr = f.auth(hubs[h], http.MethodPost, "/v1/channels/states", string(raw), nonce0+uint64(n))
			}
			reqs[h] = append(reqs[h], benchReq{body: string(raw), hdr: hdr})
		}
	}
	run := timed(b, f, benchHubs, func(h int, post postFunc) {
		for _, r := range reqs[h] {
			status, body := post("/v1/channels/states", r)
			// The load generator checks the tower's count only: decoding
			// and verifying every receipt is the client's work, not the
			// tower's, and would take CPU from it on this machine.
			var out struct{ Accepted int }
			if err := json.Unmarshal([]byte(body), &out); status != 200 || err != nil || out.Accepted != batch {
				b.Errorf("hub %d: %d %.300s", h, status, body)
				return
			}
		}
	})
	k := 2.0
	if signed {
		k += 1 / float64(batch)
	}
	report(b, f, run, benchHubs*calls*batch, k, "p99-call-ms")
}

// postFunc posts one prepared request to path and returns the status and body.
type postFunc func(path string, r benchReq) (int, string)

// timedRun is what timed measured.
type timedRun struct {
	pre     float64           // bare recoveries/s just before the run
	lat     [][]time.Duration // each worker's call latencies
	elapsed time.Duration
}

// timed measures the bare recovery rate, then runs work(w, post) for each of
// workers goroutines under the benchmark timer; post records each call's latency.
func timed(b *testing.B, f *fixture, workers int, work func(w int, post postFunc)) timedRun {
	run := timedRun{lat: make([][]time.Duration, workers)}
	run.pre = recoverRate(b, f.chain.Net.Keys[0], benchChannels, time.Second)
	b.ResetTimer()
	start := time.Now()
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			work(w, func(path string, r benchReq) (int, string) {
				t0 := time.Now()
				status, body := f.raw(b, http.MethodPost, path, r.body, r.hdr)
				run.lat[w] = append(run.lat[w], time.Since(t0))
				return status, body
			})
		}()
	}
	wg.Wait()
	run.elapsed = time.Since(start)
	b.StopTimer()
	return run
}

// report reports the rate of the n delegations of run and their p99 latency
// next to the bare recovery rate with the same parallelism, divided by k (the
// recoveries one delegation needs). That rate is the mean of run.pre and one
// measured now: this VM's speed drifts by a fifth between runs.
func report(b *testing.B, f *fixture, run timedRun, n int, k float64, p99Unit string) {
	rate := float64(n) / run.elapsed.Seconds()
	all := slices.Concat(run.lat...)
	sort.Slice(all, func(i, j int) bool { return all[i] < all[j] })
	rec := (run.pre + recoverRate(b, f.chain.Net.Keys[0], benchChannels, time.Second)) / 2
	b.ReportMetric(rate, "delegations/s")
	b.ReportMetric(float64(all[len(all)*99/100].Microseconds())/1000, p99Unit)
	b.ReportMetric(rec, "recoveries/s")
	b.ReportMetric(rec/k, "bound/s")
	b.ReportMetric(rate/(rec/k), "ratio")
	b.ReportMetric(0, "ns/op")
}

func benchDelegate(b *testing.B, signed bool) {
	// HeadTTL at its production default: the test fixture re-reads the head on every request.
	f := newFixture(b, 2*benchChannels, delegation.Config{Slots: 10, HeadTTL: time.Second})
	ctx := context.Background()
	per := b.N/benchChannels + 1
	chans := make([]*chantest.Channel, benchChannels)
	reqs := make([][]benchReq, benchChannels)
	for i := range chans {
		chans[i] = f.chain.Open(20, 0)
		if signed {
			if _, err := f.user(chans[i].A).Register(ctx); err != nil {
				b.Fatal(err)
			}
		}
	}
	total := new(big.Int).Mul(chantest.Deposit, big.NewInt(2))
	nonce0 := uint64(time.Now().UnixMilli()) + 10_000
	for i, ch := range chans {
		for n := 1; n <= per; n++ {
			balA := big.NewInt(int64(n))
			body := mustJSON(delegation.FromSigned(f.chain.Sign(ch, uint64(n), balA, new(big.Int).Sub(total, balA))))
			var h http.Header
			if signed {
				h = f.auth(ch.A, http.MethodPost, "/v1/channels/state", body, nonce0+uint64(n))
			}
			reqs[i] = append(reqs[i], benchReq{body: body, hdr: h})
		}
	}
	run := timed(b, f, benchChannels, func(w int, post postFunc) {
		for k := w; k < b.N; k += benchChannels {
			if status, body := post("/v1/channels/state", reqs[w][k/benchChannels]); status != 200 {
				b.Errorf("delegation %d of channel %d: %d %s", k/benchChannels+1, w, status, body)
				return
			}
		}
	})
	k := 2.0
	if signed {
		k = 3
	}
	report(b, f, run, b.N, k, "p99-ms")
	mem, err := f.rdb.MemoryUsage(ctx, "wt:chan:{"+base64.RawURLEncoding.EncodeToString(chans[0].ID[:])+"}", 0).Result()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(mem), "redis-bytes/state")
}

// recoverRate measures bare EIP-712 signature recoveries per second with the
// given parallelism, after a GC so the garbage of the setup or the run does
// not slow it.
func recoverRate(b *testing.B, key *ecdsa.PrivateKey, workers int, d time.Duration) float64 {
	runtime.GC()
	dom := api.Domain{ChainID: 1, Tower: addr(key)}
	digest := dom.RequestDigest(api.NewRequest("POST", "/", nil, 1))
	sig, err := api.SignDigest(digest, key)
	if err != nil {
		b.Fatal(err)
	}
	var mu sync.Mutex
	n := 0
	var wg sync.WaitGroup
	stop := time.Now().Add(d)
	start := time.Now()
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := 0
			for time.Now().Before(stop) {
				for range 64 {
					if _, err := api.Recover(digest, sig); err != nil {
						panic(err)
					}
				}
				c += 64
			}
			mu.Lock()
			n += c
			mu.Unlock()
		}()
	}
	wg.Wait()
	return float64(n) / time.Since(start).Seconds()
}

// The held state of a channel takes at most 300 bytes in Redis with its
// default configuration (the target): a string of the version and the
// compact encoding (no parties) under a short key.
func TestHeldStateFootprint(t *testing.T) {
	f := newFixture(t, 4, delegation.Config{})
	ctx := context.Background()
	ch := f.chain.Open(20, 2)
	if _, err := f.client.DelegateState(ctx, ch.Latest()); err != nil {
		t.Fatal(err)
	}
	mem, err := f.rdb.MemoryUsage(ctx, "wt:chan:{"+base64.RawURLEncoding.EncodeToString(ch.ID[:])+"}", 0).Result()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("MEMORY USAGE of a held state: %d bytes with Redis defaults", mem)
	if mem > 300 {
		t.Fatalf("a held state takes %d bytes, want at most 300", mem)
	}
}
