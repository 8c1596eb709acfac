// Package transport holds what the tower's connections to NATS and Redis
// share: client TLS built from PEM files, secret files, and the explanation
// of a refused connection (wrong credentials, an untrusted certificate) as
// one line that says what to fix.
package transport

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"os"
	"strings"
)

// ErrAuth marks a connection the server refused for its credentials.
var ErrAuth = errors.New("authentication refused")

// ErrTLS marks a connection that failed in its TLS handshake.
var ErrTLS = errors.New("TLS failed")

// TLSFiles configures client TLS from PEM files.
type TLSFiles struct {
	// CAFile holds the certificates that sign the server's certificate
	// (empty: the system roots).
	CAFile string
	// CertFile and KeyFile are the client certificate and its key, for
	// servers that require one (mutual TLS). Set both or neither.
	CertFile string
	KeyFile  string
	// ServerName is the name checked in the server's certificate (empty: the
	// host of the URL dialed).
	ServerName string
}

// IsZero reports whether no TLS file or server name is set.
func (f TLSFiles) IsZero() bool { return f == TLSFiles{} }

// Config reads the files and returns a client configuration (TLS 1.2 or
// later). Its errors name the file at fault.
func (f TLSFiles) Config() (*tls.Config, error) {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12, ServerName: f.ServerName}
	if f.CAFile != "" {
		pem, err := os.ReadFile(f.CAFile)
		if err != nil {
			return nil, fmt.Errorf("TLS CA file: %w", err)
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("TLS CA file %s holds no PEM certificate", f.CAFile)
		}
		cfg.RootCAs = pool
	}
	switch {
	case f.CertFile != "" && f.KeyFile != "":
		cert, err := tls.LoadX509KeyPair(f.CertFile, f.KeyFile)
		if err != nil {
			// The error never holds key material, only what is wrong with it.
			return nil, fmt.Errorf("TLS client certificate %s with key %s: %w", f.CertFile, f.KeyFile, err)
		}
		cfg.Certificates = []tls.Certificate{cert}
	case f.CertFile != "":
		return nil, fmt.Errorf("TLS client certificate %s is set without its key file", f.CertFile)
	case f.KeyFile != "":
		return nil, fmt.Errorf("TLS client key %s is set without its certificate file", f.KeyFile)
	}
	return cfg, nil
}

// ReadSecret returns the contents of a secret file without trailing
// newlines, refusing an empty file. The error names the file, never its
// contents.
func ReadSecret(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	s := strings.TrimRight(string(b), "\r\n")
	clear(b)
	if s == "" {
		return "", fmt.Errorf("%s is empty", path)
	}
	return s, nil
}

// TLSReason explains err when it is a TLS failure, or returns "".
func TLSReason(err error) string {
	var (
		unknown  x509.UnknownAuthorityError
		hostname x509.HostnameError
		invalid  x509.CertificateInvalidError
		header   tls.RecordHeaderError
	)
	switch {
	case errors.As(err, &unknown):
		return "the server's certificate is not signed by a trusted CA (set the CA file to the CA that signed it)"
	case errors.As(err, &hostname):
		return "the server's certificate is not valid for " + hostname.Host + " (dial the name in the certificate or set the TLS server name)"
	case errors.As(err, &invalid):
		return "the server's certificate is invalid: " + invalid.Error()
	case errors.As(err, &header):
		return "the server does not speak TLS on this port"
	}
	msg := err.Error()
	switch {
	case strings.Contains(msg, "remote error: tls: certificate required"):
		return "the server requires a client certificate (set the client certificate and key files)"
	case strings.Contains(msg, "remote error: tls:"):
		return "the server refused the client certificate (" + msg[strings.Index(msg, "remote error: tls:")+len("remote error: "):] + "): is it signed by the CA the server trusts?"
	case strings.Contains(msg, "tls: "):
		return "TLS handshake failed"
	}
	return ""
}

// Explained is a connection error with its kind (ErrAuth or ErrTLS) and a
// reason an operator can act on. Its message is one line.
type Explained struct {
	Kind   error
	Reason string
	Err    error
}

// Error returns the wrapped error followed by the reason.
func (e *Explained) Error() string {
	msg := e.Err.Error()
	if e.Reason != "" {
		msg = strings.TrimSuffix(strings.TrimSpace(msg), ".") + ": " + e.Reason
	}
	return OneLine(msg)
}

// Unwrap returns the underlying error and the kind, for errors.Is.
func (e *Explained) Unwrap() []error { return []error{e.Err, e.Kind} }

// OneLine joins the lines of a multi-line message with "; ".
func OneLine(s string) string {
	s = strings.TrimSpace(s)
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	var parts []string
	for _, l := range strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' }) {
		if l = strings.TrimSpace(l); l != "" {
			parts = append(parts, l)
		}
	}
	return strings.Join(parts, "; ")
}
