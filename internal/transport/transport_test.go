package transport

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExplainedIsOneLineAndUnwraps(t *testing.T) {
	base := errors.New("ping: WRONGPASS invalid username-password pair.\nsecond line")
	e := &Explained{Kind: ErrAuth, Reason: "the server refused user \"tower\"", Err: base}
	if got := e.Error(); strings.Contains(got, "\n") || !strings.HasSuffix(got, `: the server refused user "tower"`) {
		t.Fatalf("Error() = %q", got)
	}
	if !errors.Is(e, ErrAuth) || !errors.Is(e, base) || errors.Is(e, ErrTLS) {
		t.Fatal("errors.Is does not see the kind and the cause")
	}
}

func TestTLSFilesErrorsNameTheFile(t *testing.T) {
	dir := t.TempDir()
	junk := filepath.Join(dir, "junk.pem")
	if err := os.WriteFile(junk, []byte("not pem"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		f    TLSFiles
		want string
	}{
		{TLSFiles{CAFile: filepath.Join(dir, "missing.pem")}, "missing.pem"},
		{TLSFiles{CAFile: junk}, "junk.pem holds no PEM certificate"},
		{TLSFiles{CertFile: junk, KeyFile: junk}, "junk.pem"},
		{TLSFiles{KeyFile: junk}, "without its certificate file"},
	} {
		if _, err := c.f.Config(); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: got %v, want %q", c.f, err, c.want)
		}
	}
	if cfg, err := (TLSFiles{ServerName: "nats.internal"}).Config(); err != nil || cfg.ServerName != "nats.internal" || cfg.RootCAs != nil {
		t.Fatalf("server name only: %+v, %v", cfg, err)
	}
	if !(TLSFiles{}).IsZero() || (TLSFiles{ServerName: "x"}).IsZero() {
		t.Fatal("IsZero")
	}
}

func TestReadSecret(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "s")
	if err := os.WriteFile(p, []byte("hunter2\r\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if s, err := ReadSecret(p); err != nil || s != "hunter2" {
		t.Fatalf("ReadSecret = %q, %v", s, err)
	}
	if err := os.WriteFile(p, []byte("\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadSecret(p); err == nil || !strings.Contains(err.Error(), "is empty") {
		t.Fatalf("empty secret: %v", err)
	}
}
