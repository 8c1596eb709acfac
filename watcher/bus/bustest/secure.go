package bustest

import (
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// readyTimeout bounds how long StartWith waits for the server; the machine
// running the tests may be busy.
const readyTimeout = 30 * time.Second

// StartWith runs an embedded JetStream server on a free 127.0.0.1 port,
// storing in t.TempDir(), after configure has adjusted its options (users,
// permissions, accounts, TLS). It is shut down via t.Cleanup. It returns the
// server and its client URL (nats://, also for a TLS server: the client
// upgrades the connection after the server's INFO).
func StartWith(t testing.TB, configure func(*server.Options)) (*server.Server, string) {
	t.Helper()
	opts := &server.Options{
		Host:      "127.0.0.1",
		Port:      server.RANDOM_PORT,
		JetStream: true,
		StoreDir:  t.TempDir(),
		NoSigs:    true,
		NoLog:     true,
	}
	if configure != nil {
		configure(opts)
	}
	srv, err := server.NewServer(opts)
	if err != nil {
		t.Fatalf("bustest: new server: %v", err)
	}
	srv.Start()
	t.Cleanup(func() {
		srv.Shutdown()
		srv.WaitForShutdown()
	})
	if !srv.ReadyForConnections(readyTimeout) {
		t.Fatalf("bustest: server not ready for connections within %v", readyTimeout)
	}
	return srv, srv.ClientURL()
}

// ServerTLS returns the server TLS configuration of a cert and key signed by
// the CA in caFile; verify requires clients to present a certificate the CA
// signed.
func ServerTLS(t testing.TB, certFile, keyFile, caFile string, verify bool) func(*server.Options) {
	t.Helper()
	cfg, err := server.GenTLSConfig(&server.TLSConfigOpts{CertFile: certFile, KeyFile: keyFile, CaFile: caFile, Verify: verify})
	if err != nil {
		t.Fatalf("bustest: server TLS: %v", err)
	}
	return func(o *server.Options) {
		o.TLS = true
		o.TLSVerify = verify
		o.TLSConfig = cfg
		o.TLSTimeout = 5
	}
}
