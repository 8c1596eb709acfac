package ingest_test

import (
	"context"
	"encoding/json"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/nats-io/nats.go/jetstream"
	"go.uber.org/zap"
	"go.uber.org/zap/zaptest"

	"github.com/watchtower-l2/watchtower/alerts"
	"github.com/watchtower-l2/watchtower/internal/testutil/chantest"
	"github.com/watchtower-l2/watchtower/internal/testutil/redistest"
	"github.com/watchtower-l2/watchtower/watcher/bus"
	"github.com/watchtower-l2/watchtower/watcher/bus/bustest"
	"github.com/watchtower-l2/watchtower/watcher/challenge"
	"github.com/watchtower-l2/watchtower/watcher/event"
	"github.com/watchtower-l2/watchtower/watcher/eventauth"
	"github.com/watchtower-l2/watchtower/watcher/ingest"
	"github.com/watchtower-l2/watchtower/watcher/l2"
	"github.com/watchtower-l2/watchtower/watcher/l2/channel"
	"github.com/watchtower-l2/watchtower/watcher/store"
	"github.com/watchtower-l2/watchtower/watcher/store/redisstore"
	"github.com/watchtower-l2/watchtower/watcher/verify"
)

const stream = "WT"

type fixture struct {
	chain *chantest.Chain
	st    store.Store
	bus   *bus.Bus
	kind  *channel.Kind
	kinds l2.Registry
	queue *challenge.Queue
	log   *zap.Logger
	// events seals what the ingesters publish; auth trusts it.
	events *eventauth.Signer
	auth   *eventauth.Verifier
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	st, err := redisstore.Open(context.Background(), redistest.Start(t), "wt:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return newFixtureOn(t, st)
}

// newFixtureOn is newFixture on the store st.
func newFixtureOn(t *testing.T, st store.Store) *fixture {
	t.Helper()
	ctx := context.Background()
	c := chantest.New(t, 6)
	_, url := bustest.Start(t)
	log := zaptest.NewLogger(t, zaptest.Level(zap.WarnLevel))
	b, err := bus.Connect(ctx, url, bus.Options{Logger: log})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(b.Close)
	if err := b.EnsureStream(ctx, bus.StreamConfig{Name: stream, Subjects: []string{event.ChainSubjects(c.Net.ChainID.Uint64())}}); err != nil {
		t.Fatal(err)
	}
	q := challenge.NewQueue(st, c.Net.ChainID.Uint64(), "test")
	kind := c.Plugin(st, q, log)
	kinds, _ := l2.NewRegistry(kind)
	events, err := eventauth.GenerateSigner()
	if err != nil {
		t.Fatal(err)
	}
	auth, err := eventauth.NewVerifier(events.Public())
	if err != nil {
		t.Fatal(err)
	}
	return &fixture{chain: c, st: st, bus: b, kind: kind, kinds: kinds, queue: q, log: log, events: events, auth: auth}
}

func (f *fixture) ingester(t *testing.T, conf uint64) *ingest.Ingester {
	t.Helper()
	in, err := ingest.New(f.chain.Net.Client, f.bus, f.st, f.kinds, ingest.Config{ChainID: f.chain.Net.ChainID.Uint64(), Confirmations: conf, StartBlock: 1, Signer: f.events}, f.log)
	if err != nil {
		t.Fatal(err)
	}
	return in
}

// drain steps the ingester until it has nothing left to do.
func drain(t *testing.T, in *ingest.Ingester) {
	t.Helper()
	for i := 0; i < 1000; i++ {
		more, err := in.Step(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if !more {
			return
		}
	}
	t.Fatal("ingester never caught up")
}

// streamEvents reads every message in the stream.
func (f *fixture) streamEvents(t *testing.T) []event.Event {
	t.Helper()
	ctx := context.Background()
	js := f.bus.JetStream()
	cons, err := js.OrderedConsumer(ctx, stream, jetstream.OrderedConsumerConfig{})
	if err != nil {
		t.Fatal(err)
	}
	info, err := js.Stream(ctx, stream)
	if err != nil {
		t.Fatal(err)
	}
	n := info.CachedInfo().State.Msgs
	var out []event.Event
	for uint64(len(out)) < n {
		batch, err := cons.Fetch(int(n)-len(out), jetstream.FetchMaxWait(2*time.Second))
		if err != nil {
			t.Fatal(err)
		}
		for m := range batch.Messages() {
			ev, err := event.Decode(m.Data())
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, ev)
		}
	}
	return out
}

// A restarted ingester resumes at its stored cursor: events emitted while it
// was down are published, and nothing is published twice, even when the
// cursor is older than what was published (a crash before the cursor write).
func TestRestartResumesWithoutGap(t *testing.T) {
	f := newFixture(t)
	c := f.chain
	ch1, ch2, ch3 := c.Open(20, 2), c.Open(20, 2), c.Open(20, 2)
	first := f.ingester(t, 0)
	drain(t, first)
	before := len(f.streamEvents(t))
	if before != 6 { // opened + joined for each channel
		t.Fatalf("%d events before the restart, want 6", before)
	}
	cur, err := first.Cursor(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	// The ingester is down while three closes happen.
	closes := map[common.Hash]bool{}
	for _, ch := range []*chantest.Channel{ch1, ch2, ch3} {
		closes[c.Close(ch, ch.Latest()).TxHash] = true
	}
	for i := 0; i < 3; i++ {
		c.Net.Mine()
	}
	second := f.ingester(t, 0)
	drain(t, second)
	evs := f.streamEvents(t)
	if len(evs) != 9 {
		t.Fatalf("%d events after the restart, want 9", len(evs))
	}
	for _, ev := range evs[6:] {
		if ev.Name != channel.EventClosed || !closes[ev.TxHash] {
			t.Fatalf("unexpected event after restart: %s %s", ev.Name, ev.TxHash.Hex())
		}
		delete(closes, ev.TxHash)
	}
	if len(closes) != 0 {
		t.Fatalf("closes never published: %v", closes)
	}
	// Crash before the cursor write: the cursor goes back, the blocks are
	// read again, and JetStream's message-id dedup stores nothing twice.
	rewound, _ := json.Marshal(cur)
	if err := f.st.Put(context.Background(), "ingest:"+c.Net.ChainID.String()+":cursor", rewound); err != nil {
		t.Fatal(err)
	}
	drain(t, f.ingester(t, 0))
	if n := len(f.streamEvents(t)); n != 9 {
		t.Fatalf("%d events after re-reading blocks, want still 9", n)
	}
}

// A close that a reorg removes is retracted: the pending challenge is
// cancelled and the channel stays open on the new branch.
func TestReorgRetractsClose(t *testing.T) {
	f := newFixture(t)
	c := f.chain
	ctx := context.Background()
	ch := c.Open(30, 3)
	if _, err := f.kind.Delegate(ctx, ch.Latest()); err != nil {
		t.Fatal(err)
	}
	in := f.ingester(t, 0)
	rec := &alerts.Recorder{}
	v, err := verify.New(f.bus, f.st, f.kinds, f.queue, rec, verify.Config{ChainID: c.Net.ChainID.Uint64(), Stream: stream, Auth: f.auth, L1: c.Net.Client}, f.log)
	if err != nil {
		t.Fatal(err)
	}
	vctx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- v.Run(vctx) }()
	t.Cleanup(func() { stop(); <-done })

	parent := c.Head()
	parentHash := header(t, c, parent).Hash()
	closeTx := c.CloseTx(ch, ch.States[0])
	c.Net.Mine()
	c.Receipt(closeTx)
	drain(t, in)
	id := channel.DisputeID(ch.ID, ch.Latest().Nonce, c.OnChain(ch).Deadline)
	waitFor(t, "the stale close to queue a challenge", func() bool {
		j, err := f.queue.Get(ctx, id)
		return err == nil && j.Status == challenge.Pending
	})

	// Reorg: back to the close's parent; party A's nonce is spent by another
	// transaction on the new branch, so the close can never come back.
	if err := c.Net.Fork(parentHash); err != nil {
		t.Fatal(err)
	}
	replace(t, c, ch, closeTx.Nonce())
	c.Net.Mine()
	c.Net.Mine()
	drain(t, in)
	waitFor(t, "the challenge to be cancelled", func() bool {
		j, err := f.queue.Get(ctx, id)
		return err == nil && j.Status == challenge.Canceled
	})
	if st := c.OnChain(ch).Status; st != uint8(channel.StatusOpen) {
		t.Fatalf("channel status %d on the new branch, want open", st)
	}
	// The stream holds the close and its retraction, in that order.
	evs := f.streamEvents(t)
	var closes, retractions int
	for _, ev := range evs {
		if ev.Name == channel.EventClosed {
			if ev.Removed {
				retractions++
			} else {
				closes++
			}
		}
	}
	if closes != 1 || retractions != 1 {
		t.Fatalf("%d closes and %d retractions in the stream, want 1 and 1", closes, retractions)
	}
}

func header(t *testing.T, c *chantest.Chain, n uint64) *types.Header {
	t.Helper()
	h, err := c.Net.Client.HeaderByNumber(context.Background(), new(big.Int).SetUint64(n))
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// replace sends a high-fee self-transfer from party A with the given nonce.
func replace(t *testing.T, c *chantest.Chain, ch *chantest.Channel, nonce uint64) {
	t.Helper()
	from := crypto.PubkeyToAddress(ch.A.PublicKey)
	tx, err := types.SignNewTx(ch.A, types.LatestSignerForChainID(c.Net.ChainID), &types.DynamicFeeTx{
		ChainID: c.Net.ChainID, Nonce: nonce, GasTipCap: big.NewInt(50e9), GasFeeCap: big.NewInt(500e9), Gas: 21000, To: &from,
	})
	if err != nil {
		t.Fatal(err)
	}
	// The pool catches up with the fork asynchronously: retry until it takes the nonce.
	var sendErr error
	for i := 0; i < 100; i++ {
		if sendErr = c.Net.Client.SendTransaction(context.Background(), tx); sendErr == nil {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("replacement tx: %v", sendErr)
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// A close removed by a reorg shallower than the confirmation depth is never
// published at all: nothing to retract, nothing acted on.
func TestReorgInsideConfirmationsIsNeverPublished(t *testing.T) {
	f := newFixture(t)
	c := f.chain
	ch := c.Open(30, 3)
	in := f.ingester(t, 2)
	parentHash := header(t, c, c.Head()).Hash()
	closeTx := c.CloseTx(ch, ch.States[0])
	c.Net.Mine()
	c.Receipt(closeTx)
	drain(t, in) // the close is 0 blocks deep: not published yet
	if err := c.Net.Fork(parentHash); err != nil {
		t.Fatal(err)
	}
	replace(t, c, ch, closeTx.Nonce())
	for i := 0; i < 4; i++ {
		c.Net.Mine()
	}
	drain(t, in)
	cur, err := in.Cursor(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if want := c.Head() - 2; cur.Number != want {
		t.Fatalf("cursor at %d, want the confirmed head %d", cur.Number, want)
	}
	for _, ev := range f.streamEvents(t) {
		if ev.Name == channel.EventClosed {
			t.Fatalf("a close from the orphaned block was published (removed=%v)", ev.Removed)
		}
	}
}
