// Package tlstest generates a throw-away certificate authority with server and
// client certificates for tests, written as PEM files in a test temp dir.
package tlstest

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"
)

// CA is a certificate authority whose certificate and key live in memory and
// whose certificate is also written to CAFile.
type CA struct {
	t      testing.TB
	dir    string
	cert   *x509.Certificate
	key    *ecdsa.PrivateKey
	serial atomic.Int64
	// CAFile is the CA certificate as a PEM file.
	CAFile string
}

// Pair is a certificate and its key as PEM files.
type Pair struct {
	CertFile string
	KeyFile  string
}

// NewCA creates a CA named name, valid for a day.
func NewCA(t testing.TB, name string) *CA {
	t.Helper()
	key := newKey(t)
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: name},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(24 * time.Hour),
		IsCA:                  true,
		BasicConstraintsValid: true,
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatalf("tlstest: create CA: %v", err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatalf("tlstest: parse CA: %v", err)
	}
	ca := &CA{t: t, dir: t.TempDir(), cert: cert, key: key}
	ca.serial.Store(1)
	ca.CAFile = ca.write(name+"-ca.pem", "CERTIFICATE", der, 0o644)
	return ca
}

// Server issues a server certificate for 127.0.0.1, ::1 and localhost.
func (ca *CA) Server(name string) Pair {
	ca.t.Helper()
	return ca.issue(name, x509.ExtKeyUsageServerAuth, []string{"localhost"},
		[]net.IP{net.IPv4(127, 0, 0, 1), net.IPv6loopback}, time.Now().Add(24*time.Hour))
}

// Client issues a client certificate with common name cn.
func (ca *CA) Client(cn string) Pair {
	ca.t.Helper()
	return ca.issue(cn, x509.ExtKeyUsageClientAuth, nil, nil, time.Now().Add(24*time.Hour))
}

// Expired issues a server certificate that expired an hour ago.
func (ca *CA) Expired(name string) Pair {
	ca.t.Helper()
	return ca.issue(name, x509.ExtKeyUsageServerAuth, []string{"localhost"},
		[]net.IP{net.IPv4(127, 0, 0, 1)}, time.Now().Add(-time.Hour))
}

func (ca *CA) issue(cn string, usage x509.ExtKeyUsage, dns []string, ips []net.IP, notAfter time.Time) Pair {
	ca.t.Helper()
	key := newKey(ca.t)
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(ca.serial.Add(1)),
		Subject:      pkix.Name{CommonName: cn},
		NotBefore:    time.Now().Add(-2 * time.Hour),
		NotAfter:     notAfter,
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{usage},
		DNSNames:     dns,
		IPAddresses:  ips,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca.cert, &key.PublicKey, ca.key)
	if err != nil {
		ca.t.Fatalf("tlstest: issue %s: %v", cn, err)
	}
	kder, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		ca.t.Fatalf("tlstest: marshal key of %s: %v", cn, err)
	}
	return Pair{
		CertFile: ca.write(cn+".pem", "CERTIFICATE", der, 0o644),
		KeyFile:  ca.write(cn+"-key.pem", "PRIVATE KEY", kder, 0o600),
	}
}

func (ca *CA) write(name, typ string, der []byte, mode os.FileMode) string {
	ca.t.Helper()
	p := filepath.Join(ca.dir, name)
	if err := os.WriteFile(p, pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der}), mode); err != nil {
		ca.t.Fatalf("tlstest: %v", err)
	}
	return p
}

func newKey(t testing.TB) *ecdsa.PrivateKey {
	t.Helper()
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatalf("tlstest: generate key: %v", err)
	}
	return k
}
