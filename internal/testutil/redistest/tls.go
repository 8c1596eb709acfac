package redistest

import (
	"crypto/tls"
	"crypto/x509"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TLSOptions configures a redis-server that accepts TLS connections only.
type TLSOptions struct {
	// CertFile and KeyFile are the server's certificate (valid for
	// 127.0.0.1) and its key.
	CertFile string
	KeyFile  string
	// CAFile holds the CA that signed the server's certificate and, when
	// client certificates are required, the clients'.
	CAFile string
	// ClientCertFile and ClientKeyFile, when set, make the server require a
	// client certificate; the helper's own commands present this one.
	ClientCertFile string
	ClientKeyFile  string
	// User and Password, when set, create an ACL user and turn the default
	// user off. ACL holds the user's rules (default "~* &* +@all": every
	// command on every key); the readiness probe needs +ping.
	User     string
	Password string
	ACL      string
}

// StartTLS starts a non-persistent TLS-only redis-server and returns it;
// its URL is rediss://127.0.0.1:PORT/0. The test is skipped, saying so, only
// when the installed redis-server was built without TLS.
func StartTLS(t testing.TB, o TLSOptions) *Server {
	t.Helper()
	s := newServer(t, "--save", "", "--appendonly", "no")
	s.configureTLS(o)
	s.startTLS()
	return s
}

// StartClusterTLS is StartCluster over TLS (client connections and the
// cluster bus), returning rediss+cluster://127.0.0.1:PORT.
func StartClusterTLS(t testing.TB, o TLSOptions) string {
	t.Helper()
	s := newServer(t, "--save", "", "--appendonly", "no",
		"--cluster-enabled", "yes", "--cluster-announce-ip", "127.0.0.1", "--tls-cluster", "yes")
	s.args = append(s.args, "--cluster-config-file", filepath.Join(s.dir, "nodes.conf"))
	s.configureTLS(o)
	s.startTLS()
	s.formCluster()
	return "rediss+cluster://" + s.Addr()
}

func (s *Server) configureTLS(o TLSOptions) {
	s.t.Helper()
	if o.CertFile == "" || o.KeyFile == "" || o.CAFile == "" {
		s.t.Fatalf("redistest: StartTLS needs CertFile, KeyFile and CAFile")
	}
	pem, err := os.ReadFile(o.CAFile)
	if err != nil {
		s.t.Fatalf("redistest: %v", err)
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(pem) {
		s.t.Fatalf("redistest: %s holds no certificate", o.CAFile)
	}
	s.probe = &tls.Config{RootCAs: pool, ServerName: "127.0.0.1", MinVersion: tls.VersionTLS12}
	s.args = append(s.args, "--tls-cert-file", o.CertFile, "--tls-key-file", o.KeyFile, "--tls-ca-cert-file", o.CAFile)
	if o.ClientCertFile != "" {
		cert, err := tls.LoadX509KeyPair(o.ClientCertFile, o.ClientKeyFile)
		if err != nil {
			s.t.Fatalf("redistest: client certificate: %v", err)
		}
		s.probe.Certificates = []tls.Certificate{cert}
		s.args = append(s.args, "--tls-auth-clients", "yes")
	} else {
		s.args = append(s.args, "--tls-auth-clients", "no")
	}
	if o.User != "" {
		s.auth = []string{o.User, o.Password}
		rules := strings.Fields(o.ACL)
		if len(rules) == 0 {
			rules = []string{"~*", "&*", "+@all"}
		}
		s.args = append(s.args, "--user", o.User, "on", ">"+o.Password)
		s.args = append(s.args, rules...)
		s.args = append(s.args, "--user", "default", "off")
	}
}

// startTLS is startFreePort, skipping the test when redis-server has no TLS.
func (s *Server) startTLS() {
	s.t.Helper()
	var err error
	for range portAttempts {
		if s.port, err = freePort(); err != nil {
			s.t.Fatalf("redistest: find a free port: %v", err)
		}
		if err = s.launch(); err == nil {
			return
		}
		if out := s.out.String(); strings.Contains(out, "TLS") && (strings.Contains(out, "not supported") ||
			strings.Contains(out, "not enabled") || strings.Contains(out, "Bad directive") || strings.Contains(out, "BUILD_TLS")) {
			s.t.Skipf("redistest: the installed redis-server was built without TLS support; TLS tests skipped:\n%s", s.output())
		}
	}
	s.t.Fatalf("redistest: start redis-server with TLS: %v\n%s", err, s.output())
}
