package verify_test

import (
	"context"
	"fmt"
	"math/big"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/nats-io/nats.go/jetstream"
	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/alerts"
	"github.com/watchtower-l2/watchtower/internal/testutil/redistest"
	"github.com/watchtower-l2/watchtower/proofs/channelstate"
	"github.com/watchtower-l2/watchtower/watcher/bus"
	"github.com/watchtower-l2/watchtower/watcher/bus/bustest"
	"github.com/watchtower-l2/watchtower/watcher/challenge"
	"github.com/watchtower-l2/watchtower/watcher/event"
	"github.com/watchtower-l2/watchtower/watcher/l2"
	"github.com/watchtower-l2/watchtower/watcher/l2/channel"
	"github.com/watchtower-l2/watchtower/watcher/store"
	"github.com/watchtower-l2/watchtower/watcher/store/redisstore"
	"github.com/watchtower-l2/watchtower/watcher/verify"
)

// offline answers the plug-in's L1 reads without a chain: the benchmark
// measures verification through JetStream and the store, not an RPC node.
type offline struct{ a, b common.Address }

func (o offline) Channel(context.Context, common.Hash) (channel.Info, error) {
	return channel.Info{PartyA: o.a, PartyB: o.b, Total: big.NewInt(2e18), Status: channel.StatusOpen}, nil
}
func (o offline) Head(context.Context) (uint64, error) { return 1, nil }

type benchEnv struct {
	bus   *bus.Bus
	st    store.Store
	kinds l2.Registry
	queue *challenge.Queue
	msgs  [][]byte
	subj  []string
	ids   []string
}

const benchChain = 1337

// newBenchEnv delegates n channel states (half of which are then closed
// stale, half honestly) and prepares the close events.
func newBenchEnv(b *testing.B, n int) *benchEnv { return newBenchEnvT(b, n) }

func newBenchEnvT(b testing.TB, n int) *benchEnv {
	b.Helper()
	ctx := context.Background()
	_, url := bustest.Start(b)
	bs, err := bus.Connect(ctx, url, bus.Options{Logger: zap.NewNop()})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(bs.Close)
	st, err := redisstore.Open(ctx, redistest.Start(b), "wt:")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	ka, _ := crypto.GenerateKey()
	kb, _ := crypto.GenerateKey()
	adj := common.HexToAddress("0xadj")
	q := challenge.NewQueue(st, benchChain, "bench")
	kind, err := channel.New(channel.Config{ChainID: big.NewInt(benchChain), Adjudicator: adj}, st,
		offline{crypto.PubkeyToAddress(ka.PublicKey), crypto.PubkeyToAddress(kb.PublicKey)}, q, zap.NewNop())
	if err != nil {
		b.Fatal(err)
	}
	kinds, _ := l2.NewRegistry(kind)
	dom := kind.Domain()
	e := &benchEnv{bus: bs, st: st, kinds: kinds, queue: q}
	for i := 0; i < n; i++ {
		id := crypto.Keccak256Hash([]byte(fmt.Sprint("bench-", i)))
		s := channelstate.State{ChannelID: id, Nonce: 5, BalanceA: big.NewInt(1e18), BalanceB: big.NewInt(1e18)}
		sa, _ := dom.Sign(s, ka)
		sb, _ := dom.Sign(s, kb)
		if _, err := kind.Delegate(ctx, channelstate.Signed{State: s, SigA: sa, SigB: sb}); err != nil {
			b.Fatal(err)
		}
		closed := uint64(5)
		if i%2 == 0 {
			closed = 2
		}
		payload := fmt.Sprintf(`{"channel_id":%q,"by":"0x0000000000000000000000000000000000000001","nonce":%d,"balance_a":1,"balance_b":1,"deadline":1000}`, id.Hex(), closed)
		ev := event.Event{ChainID: benchChain, Kind: channel.KindName, Name: channel.EventClosed, Contract: adj,
			BlockNumber: uint64(i + 1), BlockHash: crypto.Keccak256Hash([]byte(fmt.Sprint("blk-", i))), TxHash: types.EmptyTxsHash,
			Payload: []byte(payload)}
		data, err := ev.Encode()
		if err != nil {
			b.Fatal(err)
		}
		e.msgs, e.subj, e.ids = append(e.msgs, data), append(e.subj, ev.Subject()), append(e.ids, ev.MsgID())
	}
	return e
}

func (e *benchEnv) publish(b *testing.B, stream string) {
	b.Helper()
	ctx := context.Background()
	if err := e.bus.EnsureStream(ctx, bus.StreamConfig{Name: stream, Subjects: []string{event.ChainSubjects(benchChain)}}); err != nil {
		b.Fatal(err)
	}
	js := e.bus.JetStream()
	acks := make([]jetstream.PubAckFuture, 0, len(e.msgs))
	for i := range e.msgs {
		f, err := js.PublishMsgAsync(&natsMsg(e.subj[i], e.ids[i], e.msgs[i]).Msg)
		if err != nil {
			b.Fatal(err)
		}
		acks = append(acks, f)
	}
	select {
	case <-js.PublishAsyncComplete():
	case <-time.After(60 * time.Second):
		b.Fatal("publish timed out")
	}
}

// BenchmarkVerifyPipeline reports events verified per second (JetStream
// delivery, plug-in verdict, Redis reads and writes, challenge queueing, ack)
// next to raw JetStream consumption of the same messages, measured in the
// same run: per message (Consume, Handle, 8 workers) and in batches
// (ConsumeBatch, HandleBatch, batches of 256 on 2 workers; the channel kind
// has no VerifyBatch, so its Verify calls run concurrently within a batch).
// b.N is the number of events.
func BenchmarkVerifyPipeline(b *testing.B) {
	b.Run("per-message", func(b *testing.B) { benchVerifyPipeline(b, 0) })
	b.Run("batch=256", func(b *testing.B) { benchVerifyPipeline(b, 256) })
}

func benchVerifyPipeline(b *testing.B, batch int) {
	e := newBenchEnv(b, b.N)
	ctx := context.Background()

	// Baselines on the same messages: a raw pull consumer that acks without
	// waiting (the ceiling of JetStream consumption), and one that waits for
	// each ack to be confirmed (AckSync, the guarantee Consume gives).
	rawAck := e.rawConsume(b, "RAWACK", false)
	rawSync := e.rawConsume(b, "RAWSYNC", true)

	e.publish(b, "WT")
	cfg := verify.Config{ChainID: benchChain, Stream: "WT", Workers: 8}
	if batch > 0 {
		cfg.Batch, cfg.Workers = batch, 2
	}
	v := verify.New(e.bus, e.st, e.kinds, e.queue, &countSink{}, cfg, zap.NewNop())
	var done atomic.Int64
	counted := countingBus{v: v, done: &done}
	b.ResetTimer()
	start := time.Now()
	vctx, stop := context.WithCancel(ctx)
	errc := make(chan error, 1)
	go func() {
		cc := bus.ConsumerConfig{Stream: "WT", Durable: "verify", Workers: cfg.Workers, Batch: batch}
		if batch > 0 {
			errc <- e.bus.ConsumeBatch(vctx, cc, counted.handleBatch)
			return
		}
		errc <- e.bus.Consume(vctx, cc, counted.handle)
	}()
	for done.Load() < int64(b.N) {
		time.Sleep(time.Millisecond)
	}
	pipe := time.Since(start)
	b.StopTimer()
	stop()
	if err := <-errc; err != nil {
		b.Fatal(err)
	}
	open, err := e.queue.Open(ctx, 0)
	if err != nil {
		b.Fatal(err)
	}
	if want := (b.N + 1) / 2; len(open) != want {
		b.Fatalf("%d challenges queued, want %d (one per stale close)", len(open), want)
	}
	pipeRate := float64(b.N) / pipe.Seconds()
	b.ReportMetric(pipeRate, "events/s")
	b.ReportMetric(float64(b.N)/rawAck.Seconds(), "raw-ack-msgs/s")
	b.ReportMetric(float64(b.N)/rawSync.Seconds(), "raw-acksync-msgs/s")
	b.ReportMetric(rawAck.Seconds()/pipe.Seconds(), "ratio-to-raw-ack")
	b.ReportMetric(rawSync.Seconds()/pipe.Seconds(), "ratio-to-raw-acksync")
}

// rawConsume publishes the events to a scratch stream and times a raw pull
// consumer reading them all; the stream is deleted afterwards.
func (e *benchEnv) rawConsume(b *testing.B, stream string, sync bool) time.Duration {
	b.Helper()
	ctx := context.Background()
	e.publish(b, stream)
	js := e.bus.JetStream()
	cons, err := js.CreateOrUpdateConsumer(ctx, stream, jetstream.ConsumerConfig{Durable: "raw", AckPolicy: jetstream.AckExplicitPolicy})
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	for got := 0; got < len(e.msgs); {
		batch, err := cons.Fetch(min(256, len(e.msgs)-got), jetstream.FetchMaxWait(5*time.Second))
		if err != nil {
			b.Fatal(err)
		}
		for m := range batch.Messages() {
			if sync {
				err = m.DoubleAck(ctx)
			} else {
				err = m.Ack()
			}
			if err != nil {
				b.Fatal(err)
			}
			got++
		}
	}
	d := time.Since(start)
	if err := js.DeleteStream(ctx, stream); err != nil {
		b.Fatal(err)
	}
	return d
}

type countingBus struct {
	v    *verify.Verifier
	done *atomic.Int64
}

func (c countingBus) handle(ctx context.Context, m bus.Msg) error {
	if err := c.v.Handle(ctx, m); err != nil {
		return err
	}
	c.done.Add(1)
	return nil
}

func (c countingBus) handleBatch(ctx context.Context, msgs []bus.Msg) []error {
	errs := c.v.HandleBatch(ctx, msgs)
	for _, err := range errs {
		if err == nil {
			c.done.Add(1)
		}
	}
	return errs
}

type countSink struct{ n atomic.Int64 }

func (s *countSink) Notify(context.Context, alerts.Alert) error { s.n.Add(1); return nil }
