package plasma

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/redis/go-redis/v9"
	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/alerts"
	"github.com/watchtower-l2/watchtower/internal/testutil/redistest"
	"github.com/watchtower-l2/watchtower/proofs/plasmatx"
	"github.com/watchtower-l2/watchtower/watcher/bus"
	"github.com/watchtower-l2/watchtower/watcher/bus/bustest"
	"github.com/watchtower-l2/watchtower/watcher/challenge"
	"github.com/watchtower-l2/watchtower/watcher/event"
	"github.com/watchtower-l2/watchtower/watcher/eventauth"
	"github.com/watchtower-l2/watchtower/watcher/l2"
	"github.com/watchtower-l2/watchtower/watcher/store/redisstore"
	"github.com/watchtower-l2/watchtower/watcher/verify"
)

const (
	benchChainID = 1337
	benchWorkers = 64
	benchStream  = "WATCHTOWER"
	// The verify role consumes in batches of benchBatch events on
	// benchBatchWorkers concurrent batches (verify.Config.Batch, Workers).
	benchBatch        = 256
	benchBatchWorkers = 3
)

func parallel(n, workers int, f func(i int) error) error {
	var next atomic.Int64
	var wg sync.WaitGroup
	var once sync.Once
	var first error
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				if err := f(i); err != nil {
					once.Do(func() { first = err })
					return
				}
			}
		}()
	}
	wg.Wait()
	return first
}

// BenchmarkMassExit: the operator turns bad and every user exits at once, one
// in ten with an output already spent. Each iteration publishes n ExitStarted
// events to JetStream and times the real verify role (durable consumer in
// batches of 256 on 3 concurrent batches, plasma VerifyBatch, Redis store)
// until every exit is judged and every fraud has its challenge job queued.
// The same run measures raw JetStream (a no-op handler: per message with 64
// workers and DoubleAck, and in batches as the role consumes) and raw Redis
// (GETs with 64 concurrent callers, and pipelines of 256 GETs).
// Run with -benchtime=1x; -short uses 10,000 exits instead of 100,000.
func BenchmarkMassExit(b *testing.B) {
	n := 100_000
	if testing.Short() {
		n = 10_000
	}
	ctx := context.Background()
	redisURL := redistest.Start(b)
	_, natsURL := bustest.Start(b)
	st, err := redisstore.Open(ctx, redisURL, "wt:")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	bs, err := bus.Connect(ctx, natsURL, bus.Options{Name: "bench"})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(bs.Close)
	contract := common.HexToAddress("0x00000000000000000000000000000000000000c0")
	q := challenge.NewQueue(st, benchChainID, "bench")
	k, err := New(Config{Contract: contract}, l2.Deps{ChainID: big.NewInt(benchChainID), Store: st, Queue: q, Alerts: &alerts.Recorder{}, Log: zap.NewNop()})
	if err != nil {
		b.Fatal(err)
	}
	// Chain state: n outputs in block 1000.., one in ten spent.
	pos := func(i int) plasmatx.Pos { return plasmatx.NewPos(uint64(1+i/60000)*1000, uint64(i%60000), 0) }
	owner := func(i int) common.Address { return common.BigToAddress(big.NewInt(int64(1 + i%1000))) }
	start := time.Now()
	if err := parallel(n, benchWorkers, func(i int) error {
		p := pos(i)
		if err := k.putOutput(ctx, p, plasmatx.Output{Owner: owner(i), Amount: big.NewInt(1e18)}); err != nil {
			return err
		}
		if i%10 != 0 {
			return nil
		}
		tx := plasmatx.Tx{Inputs: [2]plasmatx.Pos{p, 0}, Outputs: [2]plasmatx.Output{{Owner: owner(i + 1), Amount: big.NewInt(1e18)}, {Amount: new(big.Int)}}}
		_, err := k.recordSpend(ctx, p, Spend{Blknum: 1000 * uint64(2+i/60000), Sig: make([]byte, plasmatx.SigLen), Tx: tx.Encode()})
		return err
	}); err != nil {
		b.Fatal(err)
	}
	frauds := (n + 9) / 10
	b.Logf("state: %d outputs, %d spent, written in %s", n, frauds, time.Since(start).Round(time.Millisecond))
	if err := bs.EnsureStream(ctx, bus.StreamConfig{Name: benchStream, Subjects: []string{event.ChainSubjects(benchChainID)}}); err != nil {
		b.Fatal(err)
	}
	rawJS := rawJetStreamRate(b, bs, n, false)
	rawJSBatch := rawJetStreamRate(b, bs, n, true)
	rawRedis := rawRedisRate(b, redisURL, n)
	rawRedisPipe := rawRedisPipelinedRate(b, redisURL, n)
	kinds, err := l2.NewRegistry(k)
	if err != nil {
		b.Fatal(err)
	}
	events, err := eventauth.GenerateSigner()
	if err != nil {
		b.Fatal(err)
	}
	auth, err := eventauth.NewVerifier(events.Public())
	if err != nil {
		b.Fatal(err)
	}
	var exitsPerSec, challengesPerSec float64
	b.ResetTimer()
	for iter := range b.N {
		b.StopTimer()
		publishExits(b, bs, events, contract, n, iter, pos, owner)
		b.StartTimer()
		t0 := time.Now()
		vctx, cancel := context.WithCancel(ctx)
		// No L1: exit starts are never confirmed on L1 (they are not irrevocable).
		v, err := verify.New(bs, st, kinds, q, &alerts.Recorder{}, verify.Config{ChainID: benchChainID, Stream: benchStream,
			Batch: benchBatch, Workers: benchBatchWorkers, Auth: auth, L1: noL1{}}, zap.NewNop())
		if err != nil {
			b.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- v.Run(vctx) }()
		waitDrained(b, bs, "verify")
		el := time.Since(t0)
		cancel()
		if err := <-done; err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		open, err := q.Open(ctx, 0)
		if err != nil {
			b.Fatal(err)
		}
		if len(open) != frauds {
			b.Fatalf("%d challenge jobs queued, want %d", len(open), frauds)
		}
		exitsPerSec, challengesPerSec = float64(n)/el.Seconds(), float64(frauds)/el.Seconds()
		b.Logf("iteration %d: %d exits verified in %s (%d frauds queued for challenge)", iter, n, el.Round(time.Millisecond), frauds)
		b.StartTimer()
	}
	b.ReportMetric(exitsPerSec, "exits/s")
	b.ReportMetric(challengesPerSec, "challenges/s")
	b.ReportMetric(rawJS, "rawjs-msgs/s")
	b.ReportMetric(rawJSBatch, "rawjs-batch-msgs/s")
	b.ReportMetric(rawRedis, "rawredis-gets/s")
	b.ReportMetric(rawRedisPipe, "rawredis-pipelined-gets/s")
	b.ReportMetric(exitsPerSec/rawJS, "exits/rawjs")
	b.ReportMetric(exitsPerSec/rawJSBatch, "exits/rawjs-batch")
	b.ReportMetric(exitsPerSec/rawRedis, "exits/rawredis")
	b.ReportMetric(exitsPerSec/rawRedisPipe, "exits/rawredis-pipelined")
}

// publishExits publishes n exit starts, sealed as ingest seals a step of
// benchSealStep events, with at most publishWindow awaiting their acks.
func publishExits(b *testing.B, bs *bus.Bus, events *eventauth.Signer, contract common.Address, n, iter int, pos func(int) plasmatx.Pos, owner func(int) common.Address) {
	b.Helper()
	js := bs.JetStream()
	wait := func() {
		select {
		case <-js.PublishAsyncComplete():
		case <-time.After(60 * time.Second):
			b.Fatal("publishing exits timed out")
		}
	}
	blockHash := common.BigToHash(big.NewInt(int64(iter + 1)))
	for from := 0; from < n; from += benchSealStep {
		msgs := make([]*nats.Msg, 0, benchSealStep)
		items := make([]eventauth.Item, 0, benchSealStep)
		for i := from; i < min(from+benchSealStep, n); i++ {
			p := pos(i)
			payload, _ := json.Marshal(ExitStarted{UtxoPos: uint64(p), Owner: owner(i), Amount: big.NewInt(1e18), Deadline: 1 << 40})
			ev := event.Event{ChainID: benchChainID, Kind: KindName, Name: EventExitStarted, Contract: contract, BlockNumber: uint64(100 + iter), BlockHash: blockHash, LogIndex: uint(i), Payload: payload}
			data, _ := ev.Encode()
			msgs = append(msgs, &nats.Msg{Subject: ev.Subject(), Data: data, Header: nats.Header{}})
			items = append(items, eventauth.Item{Subject: ev.Subject(), MsgID: ev.MsgID(), Data: data})
		}
		seals, err := events.Seal(items)
		if err != nil {
			b.Fatal(err)
		}
		for j, m := range msgs {
			for k, v := range seals[j].Headers() {
				m.Header.Set(k, v)
			}
			if _, err := js.PublishMsgAsync(m, jetstream.WithMsgID(items[j].MsgID)); err != nil {
				b.Fatal(err)
			}
		}
		if from/benchSealStep%4 == 3 {
			wait() // bounded: the client stalls beyond 4000 outstanding messages
		}
	}
	wait()
}

// benchSealStep is how many events one seal covers, as in one ingest step.
const benchSealStep = 256

// noL1 is the verify role's L1 here: no event of the benchmark is confirmed on L1.
type noL1 struct{}

func (noL1) HeaderByNumber(context.Context, *big.Int) (*types.Header, error) {
	return nil, errors.New("no L1 in this benchmark")
}
func (noL1) FilterLogs(context.Context, ethereum.FilterQuery) ([]types.Log, error) {
	return nil, errors.New("no L1 in this benchmark")
}

func waitDrained(b *testing.B, bs *bus.Bus, durable string) {
	b.Helper()
	deadline := time.Now().Add(5 * time.Minute)
	for time.Now().Before(deadline) {
		pending, ack, err := bs.ConsumerPending(context.Background(), benchStream, durable)
		if err == nil && pending == 0 && ack == 0 {
			return
		}
		time.Sleep(2 * time.Millisecond)
	}
	b.Fatal("consumer did not drain")
}

// rawJetStreamRate publishes n messages of an exit's size to a separate
// stream and times a no-op durable consumer: Consume with 64 workers, or
// ConsumeBatch with the verify role's batch size and workers.
func rawJetStreamRate(b *testing.B, bs *bus.Bus, n int, batched bool) float64 {
	b.Helper()
	ctx := context.Background()
	stream := "RAWBENCH"
	if batched {
		stream = "RAWBATCH"
	}
	if err := bs.EnsureStream(ctx, bus.StreamConfig{Name: stream, Subjects: []string{strings.ToLower(stream) + ".>"}}); err != nil {
		b.Fatal(err)
	}
	js := bs.JetStream()
	data := make([]byte, 420)
	for i := range n {
		if _, err := js.PublishAsync(strings.ToLower(stream)+".x", data, jetstream.WithMsgID(fmt.Sprint(i))); err != nil {
			b.Fatal(err)
		}
	}
	<-js.PublishAsyncComplete()
	var got atomic.Int64
	t0 := time.Now()
	cctx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() {
		if batched {
			done <- bs.ConsumeBatch(cctx, bus.ConsumerConfig{Stream: stream, Durable: "raw", Batch: benchBatch, Workers: benchBatchWorkers},
				func(_ context.Context, msgs []bus.Msg) []error {
					got.Add(int64(len(msgs)))
					return make([]error, len(msgs))
				})
			return
		}
		done <- bs.Consume(cctx, bus.ConsumerConfig{Stream: stream, Durable: "raw", Workers: benchWorkers}, func(context.Context, bus.Msg) error {
			got.Add(1)
			return nil
		})
	}()
	for {
		pending, ack, err := bs.ConsumerPending(ctx, stream, "raw")
		if err == nil && pending == 0 && ack == 0 && got.Load() >= int64(n) {
			break
		}
		time.Sleep(2 * time.Millisecond)
	}
	el := time.Since(t0)
	cancel()
	<-done
	b.Logf("raw JetStream (batched %v): %d messages consumed in %s", batched, n, el.Round(time.Millisecond))
	return float64(n) / el.Seconds()
}

// rawRedisRate times n GETs of existing keys with go-redis, same concurrency.
func rawRedisRate(b *testing.B, url string, n int) float64 {
	b.Helper()
	opt, err := redis.ParseURL(url)
	if err != nil {
		b.Fatal(err)
	}
	opt.PoolSize = benchWorkers
	c := redis.NewClient(opt)
	defer c.Close()
	ctx := context.Background()
	if err := c.Set(ctx, "rawbench", "x", 0).Err(); err != nil {
		b.Fatal(err)
	}
	t0 := time.Now()
	if err := parallel(n, benchWorkers, func(int) error { return c.Get(ctx, "rawbench").Err() }); err != nil {
		b.Fatal(err)
	}
	el := time.Since(t0)
	b.Logf("raw Redis: %d GETs in %s", n, el.Round(time.Millisecond))
	return float64(n) / el.Seconds()
}

// rawRedisPipelinedRate times n GETs of an existing key sent in pipelines of
// benchBatch, on benchBatchWorkers concurrent callers (the verify role's shape).
func rawRedisPipelinedRate(b *testing.B, url string, n int) float64 {
	b.Helper()
	opt, err := redis.ParseURL(url)
	if err != nil {
		b.Fatal(err)
	}
	c := redis.NewClient(opt)
	defer c.Close()
	ctx := context.Background()
	if err := c.Set(ctx, "rawbench", "x", 0).Err(); err != nil {
		b.Fatal(err)
	}
	pipes := (n + benchBatch - 1) / benchBatch
	t0 := time.Now()
	if err := parallel(pipes, benchBatchWorkers, func(int) error {
		_, err := c.Pipelined(ctx, func(p redis.Pipeliner) error {
			for range benchBatch {
				p.Get(ctx, "rawbench")
			}
			return nil
		})
		return err
	}); err != nil {
		b.Fatal(err)
	}
	el := time.Since(t0)
	b.Logf("raw Redis pipelined: %d GETs in %s", pipes*benchBatch, el.Round(time.Millisecond))
	return float64(pipes*benchBatch) / el.Seconds()
}
