package verify_test

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/alerts"
	"github.com/watchtower-l2/watchtower/internal/testutil/redistest"
	"github.com/watchtower-l2/watchtower/proofs/channelstate"
	"github.com/watchtower-l2/watchtower/watcher/bus"
	"github.com/watchtower-l2/watchtower/watcher/bus/bustest"
	"github.com/watchtower-l2/watchtower/watcher/challenge"
	"github.com/watchtower-l2/watchtower/watcher/event"
	"github.com/watchtower-l2/watchtower/watcher/eventauth"
	"github.com/watchtower-l2/watchtower/watcher/l2"
	"github.com/watchtower-l2/watchtower/watcher/l2/channel"
	"github.com/watchtower-l2/watchtower/watcher/store"
	"github.com/watchtower-l2/watchtower/watcher/store/redisstore"
	"github.com/watchtower-l2/watchtower/watcher/verify"
)

// offline answers the plug-in's L1 reads without a chain: the benchmark
// measures verification through JetStream and the store, not an RPC node.
// A channel in closed is closing on L1 with that nonce (deadline block 1000).
type offline struct {
	a, b   common.Address
	closed map[common.Hash]uint64 // written before verification starts
}

func (o *offline) Channel(_ context.Context, id common.Hash) (channel.Info, error) {
	info := channel.Info{PartyA: o.a, PartyB: o.b, Total: big.NewInt(2e18), Status: channel.StatusOpen}
	if n, ok := o.closed[id]; ok {
		info.Status, info.Nonce, info.Deadline = channel.StatusClosing, n, 1000
	}
	return info, nil
}
func (o *offline) Head(context.Context) (uint64, error) { return 1, nil }

// noL1 is the verify role's L1 in these tests: only close events are
// verified, and those are never confirmed on L1 (they are not irrevocable).
type noL1 struct{}

func (noL1) HeaderByNumber(context.Context, *big.Int) (*types.Header, error) {
	return nil, errors.New("no L1 in this test: only irrevocable events and retractions read it")
}
func (noL1) FilterLogs(context.Context, ethereum.FilterQuery) ([]types.Log, error) {
	return nil, errors.New("no L1 in this test: only irrevocable events and retractions read it")
}

// sealStep is how many events the benchmark's ingest seals together: one
// ingest step of a storm (one block, or a few, of closes).
const sealStep = 64

type benchEnv struct {
	bus   *bus.Bus
	st    store.Store
	kinds l2.Registry
	queue *challenge.Queue
	msgs  [][]byte
	subj  []string
	ids   []string
	hdrs  []nats.Header
	// events seals the messages as ingest would; auth trusts it.
	events *eventauth.Signer
	auth   *eventauth.Verifier
}

// msg is message i as the bus delivers it.
func (e *benchEnv) msg(i int) bus.Msg {
	return bus.Msg{Subject: e.subj[i], Data: e.msgs[i], MsgID: e.ids[i], Header: e.hdrs[i]}
}

// config is the verify role's configuration for these tests.
func (e *benchEnv) config() verify.Config {
	return verify.Config{ChainID: benchChain, Stream: "WT", Auth: e.auth, L1: noL1{}}
}

// sealAll seals the messages in steps of step events (0: one seal each).
func (e *benchEnv) sealAll(tb testing.TB, step int) {
	tb.Helper()
	e.hdrs = make([]nats.Header, len(e.msgs))
	step = max(step, 1)
	for i := 0; i < len(e.msgs); i += step {
		end := min(i+step, len(e.msgs))
		items := make([]eventauth.Item, 0, end-i)
		for j := i; j < end; j++ {
			items = append(items, eventauth.Item{Subject: e.subj[j], MsgID: e.ids[j], Data: e.msgs[j]})
		}
		seals, err := e.events.Seal(items)
		if err != nil {
			tb.Fatal(err)
		}
		for j, s := range seals {
			e.hdrs[i+j] = header(s.Headers())
		}
	}
}

// sealed is a message other than the prepared events, sealed alone.
func (e *benchEnv) sealed(tb testing.TB, subject, id string, data []byte) bus.Msg {
	tb.Helper()
	seals, err := e.events.Seal([]eventauth.Item{{Subject: subject, MsgID: id, Data: data}})
	if err != nil {
		tb.Fatal(err)
	}
	return bus.Msg{Subject: subject, MsgID: id, Data: data, Header: header(seals[0].Headers())}
}

func header(m map[string]string) nats.Header {
	h := nats.Header{}
	for k, v := range m {
		h.Set(k, v)
	}
	return h
}

const benchChain = 1337

// newBenchEnv delegates n channel states (half of which are then closed
// stale, half honestly) and prepares the close events.
func newBenchEnv(b *testing.B, n int) *benchEnv { return newBenchEnvT(b, n) }

func newBenchEnvT(b testing.TB, n int) *benchEnv {
	b.Helper()
	st, err := redisstore.Open(context.Background(), redistest.Start(b), "wt:")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return newBenchEnvOn(b, n, st)
}

// newBenchEnvOn is newBenchEnvT on the store st.
func newBenchEnvOn(b testing.TB, n int, st store.Store) *benchEnv {
	b.Helper()
	ctx := context.Background()
	_, url := bustest.Start(b)
	bs, err := bus.Connect(ctx, url, bus.Options{Logger: zap.NewNop()})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(bs.Close)
	ka, _ := crypto.GenerateKey()
	kb, _ := crypto.GenerateKey()
	adj := common.HexToAddress("0xadj")
	q := challenge.NewQueue(st, benchChain, "bench")
	l1 := &offline{a: crypto.PubkeyToAddress(ka.PublicKey), b: crypto.PubkeyToAddress(kb.PublicKey), closed: map[common.Hash]uint64{}}
	kind, err := channel.New(channel.Config{ChainID: big.NewInt(benchChain), Adjudicator: adj}, st, l1, q, zap.NewNop())
	if err != nil {
		b.Fatal(err)
	}
	kinds, _ := l2.NewRegistry(kind)
	dom := kind.Domain()
	events, err := eventauth.GenerateSigner()
	if err != nil {
		b.Fatal(err)
	}
	auth, err := eventauth.NewVerifier(events.Public())
	if err != nil {
		b.Fatal(err)
	}
	e := &benchEnv{bus: bs, st: st, kinds: kinds, queue: q, events: events, auth: auth}
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
		l1.closed[id] = closed
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
	e.sealAll(b, sealStep)
	return e
}

func (e *benchEnv) publish(b *testing.B, stream string) {
	b.Helper()
	ctx := context.Background()
	if err := e.bus.EnsureStream(ctx, bus.StreamConfig{Name: stream, Subjects: []string{event.ChainSubjects(benchChain)}}); err != nil {
		b.Fatal(err)
	}
	js := e.bus.JetStream()
	wait := func() {
		select {
		case <-js.PublishAsyncComplete():
		case <-time.After(60 * time.Second):
			b.Fatal("publish timed out")
		}
	}
	for i := range e.msgs {
		if _, err := js.PublishMsgAsync(&natsMsg(e.subj[i], e.ids[i], e.msgs[i], e.hdrs[i]).Msg); err != nil {
			b.Fatal(err)
		}
		if i%publishWindow == publishWindow-1 {
			wait() // bounded: the client stalls beyond 4000 outstanding messages
		}
	}
	wait()
}

// publishWindow bounds the asynchronous publishes awaiting their acks.
const publishWindow = 1024

// unchecked accepts every message: the baseline that shows what checking
// the seals costs. Production verify has no such mode.
type unchecked struct{}

func (unchecked) Check(eventauth.Item, eventauth.HeaderGetter) error { return nil }

// BenchmarkVerifyPipeline reports events verified per second (JetStream
// delivery, plug-in verdict, Redis reads and writes, challenge queueing, ack)
// next to raw JetStream consumption of the same messages, measured in the
// same run: per message (Consume, Handle, 8 workers) and in batches
// (ConsumeBatch, HandleBatch, batches of 256 on 2 workers; the channel kind's
// VerifyBatch marks and reads a batch's channels in two round trips).
// b.N is the number of events.
//
// Messages are sealed as ingest seals them (sealStep events per signature);
// the "sealed" runs check every seal, the "unchecked" runs skip the check:
// comparing their ratios to raw JetStream gives the cost of authentication.
func BenchmarkVerifyPipeline(b *testing.B) {
	for _, batch := range []int{0, 256} {
		name := "per-message"
		if batch > 0 {
			name = fmt.Sprintf("batch=%d", batch)
		}
		b.Run(name+"/sealed", func(b *testing.B) { benchVerifyPipeline(b, batch, true) })
		b.Run(name+"/unchecked", func(b *testing.B) { benchVerifyPipeline(b, batch, false) })
	}
}

func benchVerifyPipeline(b *testing.B, batch int, checked bool) {
	e := newBenchEnv(b, b.N)
	ctx := context.Background()

	// Baselines on the same messages: a raw pull consumer that acks without
	// waiting (the ceiling of JetStream consumption), and one that waits for
	// each ack to be confirmed (AckSync, the guarantee Consume gives).
	rawAck := e.rawConsume(b, "RAWACK", false)
	rawSync := e.rawConsume(b, "RAWSYNC", true)

	e.publish(b, "WT")
	cfg := e.config()
	cfg.Workers = 8
	if batch > 0 {
		cfg.Batch, cfg.Workers = batch, 2
	}
	if !checked {
		cfg.Auth = unchecked{}
	}
	v, err := verify.New(e.bus, e.st, e.kinds, e.queue, &countSink{}, cfg, zap.NewNop())
	if err != nil {
		b.Fatal(err)
	}
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
