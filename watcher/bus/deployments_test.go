package bus_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"golang.org/x/crypto/bcrypt"

	"github.com/watchtower-l2/watchtower/internal/transport"
	"github.com/watchtower-l2/watchtower/watcher/bus"
	"github.com/watchtower-l2/watchtower/watcher/bus/bustest"
)

// TestComposeNATSPermissions runs deployments/compose/nats.conf (as one
// node, on a free port) and checks its per-role users with the passwords in
// deployments/compose/secrets: only ingest publishes events; every watcher
// user consumes them, uses the alerts outbox and its KV buckets, and cannot
// delete the stream; the Plasma operator publishes block bodies only.
func TestComposeNATSPermissions(t *testing.T) {
	t.Parallel()
	dir := filepath.Join("..", "..", "deployments", "compose")
	loaded, err := server.ProcessConfigFile(filepath.Join(dir, "nats.conf"))
	if err != nil {
		t.Fatalf("deployments/compose/nats.conf: %v", err)
	}
	// Each bcrypt hash must be that of its user's secret file. The server is
	// then given the plain passwords: checking bcrypt is slow enough on a busy
	// machine (and with -race) for the server's first PING to overtake the
	// login's PONG, which the client refuses.
	if len(loaded.Users) == 0 {
		t.Fatal("nats.conf defines no users")
	}
	for _, usr := range loaded.Users {
		plain, err := transport.ReadSecret(filepath.Join(dir, "secrets", "nats_"+usr.Username+"_password"))
		if err != nil {
			t.Fatalf("user %s: %v", usr.Username, err)
		}
		if err := bcrypt.CompareHashAndPassword([]byte(usr.Password), []byte(plain)); err != nil {
			t.Fatalf("user %s: the password in nats.conf is not the bcrypt hash of secrets/nats_%s_password: %v", usr.Username, usr.Username, err)
		}
		usr.Password = plain
	}
	_, u := bustest.StartWith(t, func(o *server.Options) {
		store := o.StoreDir
		*o = *loaded
		o.Host, o.Port, o.HTTPPort = "127.0.0.1", server.RANDOM_PORT, 0
		o.Cluster = server.ClusterOpts{}
		o.Routes = nil
		o.StoreDir, o.ServerName = store, "compose-test"
		o.NoSigs, o.NoLog = true, true
	})
	login := func(user string) *bus.Bus {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		b, err := bus.Connect(ctx, u, bus.Options{Name: user, User: user, DialTimeout: 25 * time.Second,
			PasswordFile: filepath.Join(dir, "secrets", "nats_"+user+"_password")})
		if err != nil {
			t.Fatalf("%s cannot log in: %v", user, err)
		}
		t.Cleanup(b.Close)
		return b
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	// denied runs f, which publishes on subject through b, and checks the
	// server refused it. A refused publish gets no answer, only an
	// asynchronous permissions error: f is cancelled once that arrives.
	denied := func(b *bus.Bus, what, subject string, f func(ctx context.Context) error) {
		t.Helper()
		c, stop := context.WithTimeout(ctx, 30*time.Second)
		defer stop()
		done := make(chan error, 1)
		go func() { done <- f(c) }()
		for {
			select {
			case err := <-done:
				if err == nil {
					t.Errorf("%s was allowed", what)
				}
				return
			case <-time.After(10 * time.Millisecond):
			}
			if le := b.Conn().LastError(); errors.Is(le, nats.ErrPermissionViolation) && strings.Contains(le.Error(), subject) {
				stop()
				<-done
				return
			}
		}
	}

	ingest := login("ingest")
	if err := ingest.EnsureStream(ctx, bus.StreamConfig{Name: "WATCHTOWER", Subjects: []string{"wt.31337.>"}}); err != nil {
		t.Fatalf("ingest cannot create the event stream: %v", err)
	}
	if _, err := ingest.Publish(ctx, "wt.31337.channel.closed", "e1", []byte("event")); err != nil {
		t.Fatalf("ingest cannot publish an event: %v", err)
	}

	for _, user := range []string{"verify", "challenge", "api"} {
		b := login(user)
		if err := b.EnsureStream(ctx, bus.StreamConfig{Name: "WATCHTOWER", Subjects: []string{"wt.31337.>"}}); err != nil {
			t.Errorf("%s cannot ensure the event stream: %v", user, err)
		}
		denied(b, user+" publishing an event", "wt.31337.channel.closed", func(ctx context.Context) error {
			_, err := b.Publish(ctx, "wt.31337.channel.closed", "forged-"+user, []byte("forged"))
			return err
		})
		js := b.JetStream()
		cons, err := js.CreateOrUpdateConsumer(ctx, "WATCHTOWER", jetstream.ConsumerConfig{Durable: "test-" + user, AckPolicy: jetstream.AckExplicitPolicy})
		if err != nil {
			t.Fatalf("%s cannot create a durable consumer: %v", user, err)
		}
		batch, err := cons.Fetch(1, jetstream.FetchMaxWait(10*time.Second))
		if err != nil {
			t.Fatalf("%s cannot fetch: %v", user, err)
		}
		got := 0
		for m := range batch.Messages() {
			if string(m.Data()) != "event" {
				t.Errorf("%s fetched %q: a forged event was stored", user, m.Data())
			}
			if err := m.DoubleAck(ctx); err != nil {
				t.Errorf("%s cannot acknowledge: %v", user, err)
			}
			got++
		}
		if got != 1 {
			t.Errorf("%s fetched %d events, want 1 (%v)", user, got, batch.Error())
		}
		// The alerts outbox and its buckets, as alerts.New creates them.
		if err := b.EnsureStream(ctx, bus.StreamConfig{Name: "WATCHTOWER_ALERTS", Subjects: []string{"watchtower_alerts.>"}}); err != nil {
			t.Errorf("%s cannot ensure the alerts outbox: %v", user, err)
		}
		if _, err := b.Publish(ctx, "watchtower_alerts.in", "a-"+user, []byte("alert")); err != nil {
			t.Errorf("%s cannot store an alert: %v", user, err)
		}
		kv, err := js.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{Bucket: "WATCHTOWER_ALERTS_delivered"})
		if err != nil {
			t.Fatalf("%s cannot create the delivery bucket: %v", user, err)
		}
		if _, err := kv.Put(ctx, "k-"+user, []byte("sent")); err != nil {
			t.Errorf("%s cannot record a delivery: %v", user, err)
		}
		if e, err := kv.Get(ctx, "k-"+user); err != nil || string(e.Value()) != "sent" {
			t.Errorf("%s cannot read a delivery record: %v", user, err)
		}
		denied(b, user+" deleting the event stream", "$JS.API.STREAM.DELETE.WATCHTOWER", func(ctx context.Context) error { return js.DeleteStream(ctx, "WATCHTOWER") })
		denied(b, user+" purging the event stream", "$JS.API.STREAM.PURGE.WATCHTOWER", func(ctx context.Context) error {
			s, err := js.Stream(ctx, "WATCHTOWER")
			if err != nil {
				return err
			}
			return s.Purge(ctx)
		})
	}

	// The Plasma operator publishes block bodies that watchers receive, and nothing else.
	watcher := login("verify")
	sub, err := watcher.Conn().SubscribeSync("plasma.31337.0xabc.blocks")
	if err != nil {
		t.Fatal(err)
	}
	if err := watcher.Conn().Flush(); err != nil {
		t.Fatal(err)
	}
	op := login("plasma_operator")
	if err := op.Conn().Publish("plasma.31337.0xabc.blocks", []byte("body")); err != nil {
		t.Fatal(err)
	}
	if m, err := sub.NextMsg(10 * time.Second); err != nil || string(m.Data) != "body" {
		t.Fatalf("block body not received: %v", err)
	}
	denied(op, "the Plasma operator publishing an event", "wt.31337.channel.closed", func(ctx context.Context) error {
		_, err := op.Publish(ctx, "wt.31337.channel.closed", "op", []byte("forged"))
		return err
	})

	// A wrong password is refused at once, saying so.
	_, err = bus.Connect(ctx, u, bus.Options{User: "ingest", DialTimeout: 25 * time.Second,
		PasswordFile: filepath.Join(dir, "secrets", "nats_verify_password")})
	if !errors.Is(err, transport.ErrAuth) || !strings.Contains(err.Error(), `refused user "ingest"`) {
		t.Fatalf("wrong password: %v", err)
	}
}
