package redisstore_test

import (
	"context"
	"crypto/tls"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/watchtower-l2/watchtower/internal/testutil/redistest"
	"github.com/watchtower-l2/watchtower/internal/testutil/tlstest"
	"github.com/watchtower-l2/watchtower/internal/transport"
	"github.com/watchtower-l2/watchtower/watcher/store"
	"github.com/watchtower-l2/watchtower/watcher/store/redisstore"
	"github.com/watchtower-l2/watchtower/watcher/store/storetest"
)

// secureRedis is a TLS-only redis-server requiring client certificates and
// an ACL user, with the client settings that reach it.
type secureRedis struct {
	url    string
	ca     *tlstest.CA
	client tlstest.Pair
	opts   redisstore.Options
}

// towerACL is the least the store needs, as docs/operators.md recommends,
// on the keys the tests use.
const towerACL = "~tls/* ~p/* +@read +@write +@scripting +ping +info +cluster|slots +cluster|shards +cluster|info"

func startSecure(t *testing.T, cluster bool) secureRedis {
	t.Helper()
	ca := tlstest.NewCA(t, "redis")
	srv := ca.Server("redis-server")
	client := ca.Client("tower")
	o := redistest.TLSOptions{
		CertFile: srv.CertFile, KeyFile: srv.KeyFile, CAFile: ca.CAFile,
		ClientCertFile: client.CertFile, ClientKeyFile: client.KeyFile,
		User: "tower", Password: "tower password", ACL: towerACL,
	}
	var u string
	if cluster {
		o.ACL += " +cluster|addslotsrange" // for the helper's set-up only
		u = redistest.StartClusterTLS(t, o)
	} else {
		u = redistest.StartTLS(t, o).URL()
	}
	cfg, err := transport.TLSFiles{CAFile: ca.CAFile, CertFile: client.CertFile, KeyFile: client.KeyFile}.Config()
	if err != nil {
		t.Fatal(err)
	}
	return secureRedis{url: u, ca: ca, client: client, opts: redisstore.Options{Username: "tower", Password: "tower password", TLS: cfg}}
}

func openWith(ctx context.Context, u string, o redisstore.Options) error {
	s, err := redisstore.OpenWith(ctx, u, "p/", o)
	if err == nil {
		return s.Close()
	}
	return err
}

func openSecure(t *testing.T, r secureRedis) *redisstore.Store {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	s, err := redisstore.OpenWith(ctx, r.url, "tls/"+t.Name()+"/", r.opts)
	if err != nil {
		t.Fatalf("OpenWith: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

// The conformance suite over mutual TLS, logged in as an ACL user.
func TestConformanceTLS(t *testing.T) {
	r := startSecure(t, false)
	storetest.Run(t, func(t *testing.T) store.Store { return openSecure(t, r) })
}

func TestConformanceClusterTLS(t *testing.T) {
	r := startSecure(t, true)
	if _, ok := openSecure(t, r).Client().(*redis.ClusterClient); !ok {
		t.Fatal("rediss+cluster URL did not give a cluster client")
	}
	storetest.Run(t, func(t *testing.T) store.Store { return openSecure(t, r) })
}

// Wrong credentials and wrong TLS fail at once, each with an error that
// says what is wrong, on one line, without the password.
func TestOpenTLSRefusals(t *testing.T) {
	r := startSecure(t, false)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	withTLS := func(f transport.TLSFiles) *tls.Config {
		cfg, err := f.Config()
		if err != nil {
			t.Fatal(err)
		}
		return cfg
	}
	other := tlstest.NewCA(t, "other")
	stranger := other.Client("tower")
	for _, c := range []struct {
		name string
		url  string
		opts redisstore.Options
		kind error
		want string
	}{
		{"wrong password", r.url, redisstore.Options{Username: "tower", Password: "guess", TLS: r.opts.TLS}, transport.ErrAuth, `refused user "tower"`},
		{"unknown user", r.url, redisstore.Options{Username: "mallory", Password: "tower password", TLS: r.opts.TLS}, transport.ErrAuth, `refused user "mallory"`},
		{"no password", r.url, redisstore.Options{TLS: r.opts.TLS}, transport.ErrAuth, "requires a password"},
		{"untrusted server", r.url, redisstore.Options{Username: "tower", Password: "tower password",
			TLS: withTLS(transport.TLSFiles{CAFile: other.CAFile, CertFile: r.client.CertFile, KeyFile: r.client.KeyFile})}, transport.ErrTLS, "not signed by a trusted CA"},
		{"no client certificate", r.url, redisstore.Options{Username: "tower", Password: "tower password",
			TLS: withTLS(transport.TLSFiles{CAFile: r.ca.CAFile})}, transport.ErrTLS, "client certificate"},
		{"client certificate of another CA", r.url, redisstore.Options{Username: "tower", Password: "tower password",
			TLS: withTLS(transport.TLSFiles{CAFile: r.ca.CAFile, CertFile: stranger.CertFile, KeyFile: stranger.KeyFile})}, transport.ErrTLS, "client certificate"},
		{"default TLS of rediss", r.url, redisstore.Options{Username: "tower", Password: "tower password"}, transport.ErrTLS, "not signed by a trusted CA"},
		{"plain text to a TLS port", strings.Replace(r.url, "rediss://", "redis://", 1), redisstore.Options{Username: "tower", Password: "tower password"}, transport.ErrTLS, "use a rediss:// URL"},
	} {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			err := openWith(ctx, c.url, c.opts)
			if err == nil {
				t.Fatal("open succeeded")
			}
			msg := err.Error()
			t.Logf("%s (after %v)", msg, time.Since(start).Round(time.Millisecond))
			if ctx.Err() != nil {
				t.Fatalf("did not fail fast: %v", err)
			}
			if strings.Contains(msg, "tower password") || strings.Contains(msg, "\n") {
				t.Fatalf("error leaks the password or spans lines: %q", msg)
			}
			if !errors.Is(err, c.kind) || !strings.Contains(msg, c.want) {
				t.Fatalf("error %q: want %v containing %q", msg, c.kind, c.want)
			}
		})
	}
	if err := openWith(ctx, strings.Replace(r.url, "rediss://", "redis://", 1), r.opts); err == nil || !strings.Contains(err.Error(), "need a rediss://") {
		t.Fatalf("TLS settings with a redis:// URL: %v", err)
	}
}
