package bus_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest/observer"

	"github.com/watchtower-l2/watchtower/watcher/bus"
	"github.com/watchtower-l2/watchtower/watcher/bus/bustest"
	"github.com/watchtower-l2/watchtower/watcher/eventauth"
)

const (
	clusterStream  = "EV"
	clusterDurable = "verify"
)

// receiver records the distinct sealed events a consumer acted on.
type receiver struct {
	v *eventauth.Verifier

	mu         sync.Mutex
	seen       map[string]bool
	deliveries int
	badSeals   []error
	consumeErr error // the last error Consume stopped with
}

func (r *receiver) handle(_ context.Context, m bus.Msg) error {
	err := r.v.Check(eventauth.Item{Subject: m.Subject, MsgID: m.MsgID, Data: m.Data}, m.Header)
	r.mu.Lock()
	defer r.mu.Unlock()
	r.deliveries++
	if err != nil {
		r.badSeals = append(r.badSeals, fmt.Errorf("%s: %w", m.MsgID, err))
		return bus.Permanent(err)
	}
	r.seen[m.MsgID] = true
	return nil
}

func (r *receiver) counts() (distinct, deliveries int, bad []error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.seen), r.deliveries, append([]error(nil), r.badSeals...)
}

// TestClusterLosesANode publishes sealed events to an R3 stream on a
// three-node cluster while nodes go down: first the stream's leader, then
// the node the client is connected to, each coming back before the next.
// Publishing retries across the leader elections and reconnects, the
// consumer (R3 as well) acts on every event, the stream stores each event
// once (message-id deduplication absorbs the retries), and every node,
// including the restarted ones, ends up holding every event.
func TestClusterLosesANode(t *testing.T) {
	c := bustest.StartCluster(t, 3)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	core, logs := observer.New(zapcore.InfoLevel)
	b, err := bus.Connect(ctx, c.URLs(), bus.Options{Name: "cluster-test", Logger: zap.New(core)})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if err := b.EnsureStream(ctx, bus.StreamConfig{Name: clusterStream, Subjects: []string{"ev.>"}, Replicas: 3}); err != nil {
		t.Fatal(err)
	}

	signer, err := eventauth.GenerateSigner()
	if err != nil {
		t.Fatal(err)
	}
	verifier, err := eventauth.NewVerifier(signer.Public())
	if err != nil {
		t.Fatal(err)
	}
	r := &receiver{v: verifier, seen: map[string]bool{}}
	consumeDone := consumeUntilCancelled(t, ctx, b, r)
	waitConsumerReplicated(t, ctx, b, r, 3)

	const total = 300
	publish := func(from, to int) {
		t.Helper()
		for start := from; start < to; start += 10 {
			items := make([]eventauth.Item, 0, 10)
			for i := start; i < min(start+10, to); i++ {
				items = append(items, eventauth.Item{Subject: fmt.Sprintf("ev.%d", i%7), MsgID: fmt.Sprintf("event-%d", i), Data: []byte(fmt.Sprintf("payload %d", i))})
			}
			seals, err := signer.Seal(items)
			if err != nil {
				t.Fatal(err)
			}
			for j, it := range items {
				if _, err := b.PublishHeader(ctx, it.Subject, it.MsgID, it.Data, seals[j].Headers()); err != nil {
					t.Fatalf("publish %s: %v", it.MsgID, err)
				}
			}
		}
	}

	publish(0, 100)
	leader := c.StreamLeader(clusterStream)
	c.Shutdown(leader)
	publish(100, 150) // through the election
	if next := c.StreamLeader(clusterStream); next == leader {
		t.Fatalf("node %d still leads the stream after shutting down", leader)
	}
	c.Restart(leader)
	publish(150, 200)

	connected := -1
	waitFor(t, ctx, func() bool {
		for i := range c.Size() {
			if b.Conn().ConnectedUrl() == c.URL(i) {
				connected = i
			}
		}
		return connected >= 0
	}, func() string {
		return fmt.Sprintf("client connected to %q, not a cluster node", b.Conn().ConnectedUrl())
	})
	c.Shutdown(connected)
	publish(200, 250) // through the reconnect
	c.Restart(connected)
	publish(250, total)

	waitFor(t, ctx, func() bool { n, _, _ := r.counts(); return n == total }, func() string {
		n, d, _ := r.counts()
		return fmt.Sprintf("%d of %d events consumed (%d deliveries)", n, total, d)
	})
	distinct, deliveries, bad := r.counts()
	if len(bad) > 0 {
		t.Fatalf("%d events failed their seal check, e.g. %v", len(bad), bad[0])
	}

	st, err := b.JetStream().Stream(ctx, clusterStream)
	if err != nil {
		t.Fatal(err)
	}
	info, err := st.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if info.State.Msgs != total {
		t.Fatalf("stream holds %d messages, want %d: a retried publish was stored twice or one was lost", info.State.Msgs, total)
	}
	if rc := b.Conn().Stats().Reconnects; rc < 1 {
		t.Fatalf("client reconnected %d times after its server went down", rc)
	}
	// Every node, the two restarted included, caught up with the stream.
	for i := range c.Size() {
		waitFor(t, ctx, func() bool { return localMsgs(c.Server(i)) == total }, func() string {
			return fmt.Sprintf("node %d holds %d of %d messages", i, localMsgs(c.Server(i)), total)
		})
	}
	retried := logs.FilterMessage("publish acknowledged after retrying").Len()
	t.Logf("%d events: %d deliveries, %d publishes acknowledged after a retry, %d reconnects",
		distinct, deliveries, retried, b.Conn().Stats().Reconnects)

	cancel()
	if err := <-consumeDone; err != nil {
		t.Logf("Consume stopped and was started again at least once; last: %v", err)
	}
}

// consumeUntilCancelled runs Consume, again whenever it stops with an
// error (as a role does), until ctx ends; the returned channel then gives
// the last error Consume stopped with, if any.
func consumeUntilCancelled(t *testing.T, ctx context.Context, b *bus.Bus, r *receiver) <-chan error {
	t.Helper()
	done := make(chan error, 1)
	go func() {
		var last error
		for ctx.Err() == nil {
			err := b.Consume(ctx, bus.ConsumerConfig{Stream: clusterStream, Durable: clusterDurable, Workers: 4, AckWait: 10 * time.Second}, r.handle)
			if err != nil {
				last = err
				r.mu.Lock()
				r.consumeErr = err
				r.mu.Unlock()
				select {
				case <-ctx.Done():
				case <-time.After(200 * time.Millisecond):
				}
			}
		}
		done <- last
	}()
	return done
}

// waitConsumerReplicated waits until the durable exists with n replicas
// (it inherits the stream's).
func waitConsumerReplicated(t *testing.T, ctx context.Context, b *bus.Bus, r *receiver, n int) {
	t.Helper()
	replicas := 0
	var last any
	waitFor(t, ctx, func() bool {
		actx, cancel := context.WithTimeout(ctx, 5*time.Second)
		defer cancel()
		cons, err := b.JetStream().Consumer(actx, clusterStream, clusterDurable)
		if err != nil {
			last = err
			return false
		}
		info, err := cons.Info(actx)
		if err != nil || info.Cluster == nil || info.Cluster.Leader == "" {
			last = err
			if err == nil {
				last = info.Cluster
			}
			return false // no leader elected yet: the replica list may hold every peer
		}
		peers := map[string]bool{info.Cluster.Leader: true}
		for _, p := range info.Cluster.Replicas {
			peers[p.Name] = true
		}
		replicas = len(peers)
		return replicas == n
	}, func() string {
		r.mu.Lock()
		defer r.mu.Unlock()
		return fmt.Sprintf("consumer has %d replicas, want %d (last: %+v; Consume: %v)", replicas, n, last, r.consumeErr)
	})
}

// localMsgs is how many messages node s's own replica of the stream holds.
func localMsgs(s *server.Server) int {
	if s == nil {
		return -1
	}
	jsz, err := s.Jsz(&server.JSzOptions{Accounts: true, Streams: true})
	if err != nil {
		return -1
	}
	for _, acc := range jsz.AccountDetails {
		for _, sd := range acc.Streams {
			if sd.Name == clusterStream {
				return int(sd.State.Msgs)
			}
		}
	}
	return 0
}

// waitFor polls cond until it holds, failing with state() when ctx ends.
func waitFor(t *testing.T, ctx context.Context, cond func() bool, state func() string) {
	t.Helper()
	for !cond() {
		select {
		case <-ctx.Done():
			t.Fatalf("gave up waiting: %s", state())
		case <-time.After(20 * time.Millisecond):
		}
	}
}
