package bus

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

const benchPayloadSize = 200

func benchIDs(n int) []string {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("0x%040x-%d", i, i)
	}
	return ids
}

// rawJetStream connects plain nats.go and creates the same stream EnsureStream would.
func rawJetStream(b *testing.B, serverURL string) jetstream.JetStream {
	b.Helper()
	nc, err := nats.Connect(serverURL)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(nc.Close)
	js, err := jetstream.New(nc)
	if err != nil {
		b.Fatal(err)
	}
	_, err = js.CreateOrUpdateStream(context.Background(), jetstream.StreamConfig{
		Name: testStream, Subjects: []string{"wt.>"}, Storage: jetstream.FileStorage, Duplicates: 24 * time.Hour,
	})
	if err != nil {
		b.Fatal(err)
	}
	return js
}

func reportRate(b *testing.B) {
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "msgs/s")
}

// BenchmarkRawJetStreamPublish is the baseline for BenchmarkBusPublish:
// synchronous JetStream publishes with a message id.
func BenchmarkRawJetStreamPublish(b *testing.B) {
	_, u := startServer(b)
	js := rawJetStream(b, u)
	ids := benchIDs(b.N)
	data := make([]byte, benchPayloadSize)
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		if _, err := js.Publish(ctx, testSubject, data, jetstream.WithMsgID(ids[i])); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	reportRate(b)
}

// BenchmarkBusPublish measures Bus.Publish (synchronous, deduplicated).
func BenchmarkBusPublish(b *testing.B) {
	_, u := startServer(b)
	bs := connect(b, u, nil)
	ensureStream(b, bs)
	ids := benchIDs(b.N)
	data := make([]byte, benchPayloadSize)
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		if _, err := bs.Publish(ctx, testSubject, ids[i], data); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	reportRate(b)
}

// BenchmarkRawJetStreamConsume is the baseline for BenchmarkBusConsume: a
// single-goroutine Fetch loop on a durable pull consumer. "ack" acks
// asynchronously (fire and forget); "doubleack" waits for each ack's
// confirmation, as Bus does.
func BenchmarkRawJetStreamConsume(b *testing.B) {
	for _, double := range []bool{false, true} {
		name := "ack"
		if double {
			name = "doubleack"
		}
		b.Run(name, func(b *testing.B) {
			_, u := startServer(b)
			js := rawJetStream(b, u)
			ctx := context.Background()
			ids := benchIDs(b.N)
			data := make([]byte, benchPayloadSize)
			for i := range b.N {
				if _, err := js.Publish(ctx, testSubject, data, jetstream.WithMsgID(ids[i])); err != nil {
					b.Fatal(err)
				}
			}
			cons, err := js.CreateOrUpdateConsumer(ctx, testStream, jetstream.ConsumerConfig{
				Durable: testDurable, AckPolicy: jetstream.AckExplicitPolicy, DeliverPolicy: jetstream.DeliverAllPolicy,
			})
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			got := 0
			for got < b.N {
				batch, err := cons.Fetch(min(256, b.N-got), jetstream.FetchMaxWait(5*time.Second))
				if err != nil {
					b.Fatal(err)
				}
				for m := range batch.Messages() {
					if double {
						err = m.DoubleAck(ctx)
					} else {
						err = m.Ack()
					}
					if err != nil {
						b.Fatal(err)
					}
					got++
				}
				if err := batch.Error(); err != nil {
					b.Fatal(err)
				}
			}
			if err := js.Conn().Flush(); err != nil { // acks are on the wire
				b.Fatal(err)
			}
			b.StopTimer()
			reportRate(b)
		})
	}
}

// BenchmarkBusConsume measures Bus.Consume with a no-op handler until b.N
// messages have been handled (and double-acked).
func BenchmarkBusConsume(b *testing.B) {
	for _, workers := range []int{1, 8} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			_, u := startServer(b)
			bs := connect(b, u, nil)
			ensureStream(b, bs)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			ids := benchIDs(b.N)
			data := make([]byte, benchPayloadSize)
			for i := range b.N {
				if _, err := bs.Publish(ctx, testSubject, ids[i], data); err != nil {
					b.Fatal(err)
				}
			}
			var handled atomic.Int64
			all := make(chan struct{})
			h := func(context.Context, Msg) error {
				if handled.Add(1) == int64(b.N) {
					close(all)
				}
				return nil
			}
			b.ReportAllocs()
			b.ResetTimer()
			done := make(chan error, 1)
			go func() {
				done <- bs.Consume(ctx, ConsumerConfig{Stream: testStream, Durable: testDurable, Workers: workers}, h)
			}()
			select {
			case <-all:
			case err := <-done:
				b.Fatalf("Consume returned early: %v", err)
			case <-time.After(5 * time.Minute):
				b.Fatalf("only %d/%d handled", handled.Load(), b.N)
			}
			// The last handler has returned; wait for its ack to complete.
			for {
				_, ap, err := bs.ConsumerPending(context.Background(), testStream, testDurable)
				if err != nil {
					b.Fatal(err)
				}
				if ap == 0 {
					break
				}
				time.Sleep(100 * time.Microsecond)
			}
			b.StopTimer()
			cancel()
			if err := <-done; err != nil {
				b.Fatal(err)
			}
			reportRate(b)
		})
	}
}
