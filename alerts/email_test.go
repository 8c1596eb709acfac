package alerts

import (
	"bufio"
	"context"
	"crypto/tls"
	"encoding/base64"
	"encoding/pem"
	"mime"
	"net"
	"net/http"
	"net/http/httptest"
	"net/mail"
	"net/textproto"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// smtpMsg is one message the test SMTP server accepted.
type smtpMsg struct {
	from     string
	to       []string
	data     string
	tls      bool
	authUser string
}

// smtpServer is a minimal SMTP relay (RFC 5321) with STARTTLS (RFC 3207)
// and AUTH PLAIN (RFC 4954), offered only after TLS as real relays do.
type smtpServer struct {
	ln       net.Listener
	tlsCfg   *tls.Config
	caFile   string
	user     string
	password string
	mu       sync.Mutex
	msgs     []smtpMsg
}

func newSMTPServer(t *testing.T, user, password string) *smtpServer {
	t.Helper()
	// httptest's TLS certificate is valid for 127.0.0.1.
	hs := httptest.NewTLSServer(http.NotFoundHandler())
	hs.Close()
	caFile := filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(caFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: hs.Certificate().Raw}), 0o600); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &smtpServer{ln: ln, tlsCfg: hs.TLS, caFile: caFile, user: user, password: password}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go s.serve(c)
		}
	}()
	return s
}

func (s *smtpServer) messages() []smtpMsg {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]smtpMsg(nil), s.msgs...)
}

func (s *smtpServer) serve(conn net.Conn) {
	defer func() { conn.Close() }()
	tp := textproto.NewConn(conn)
	var m smtpMsg
	reply := func(lines ...string) { tp.PrintfLine("%s", strings.Join(lines, "\r\n")) }
	reply("220 test.local ESMTP")
	for {
		line, err := tp.ReadLine()
		if err != nil {
			return
		}
		verb := strings.ToUpper(strings.SplitN(line, " ", 2)[0])
		switch {
		case verb == "EHLO" && !m.tls:
			reply("250-test.local", "250 STARTTLS")
		case verb == "EHLO":
			reply("250-test.local", "250 AUTH PLAIN")
		case verb == "STARTTLS":
			reply("220 go ahead")
			tc := tls.Server(conn, s.tlsCfg)
			if tc.Handshake() != nil {
				return
			}
			conn, m.tls = tc, true
			tp = textproto.NewConn(tc)
		case verb == "AUTH":
			f := strings.Fields(line)
			raw, _ := base64.StdEncoding.DecodeString(f[len(f)-1])
			parts := strings.Split(string(raw), "\x00")
			if !m.tls || len(f) != 3 || len(parts) != 3 || parts[1] != s.user || parts[2] != s.password {
				reply("535 5.7.8 authentication failed")
				continue
			}
			m.authUser = parts[1]
			reply("235 2.7.0 authenticated")
		case verb == "MAIL":
			if !m.tls || m.authUser == "" {
				reply("530 5.7.0 must issue STARTTLS and AUTH first")
				continue
			}
			m.from = strings.TrimSuffix(strings.TrimPrefix(line[len("MAIL FROM:"):], "<"), ">")
			reply("250 ok")
		case verb == "RCPT":
			m.to = append(m.to, strings.Trim(line[len("RCPT TO:"):], "<>"))
			reply("250 ok")
		case verb == "DATA":
			reply("354 end with .")
			b, err := tp.ReadDotBytes()
			if err != nil {
				return
			}
			m.data = string(b)
			s.mu.Lock()
			s.msgs = append(s.msgs, m)
			s.mu.Unlock()
			reply("250 queued")
		case verb == "QUIT":
			reply("221 bye")
			return
		default:
			reply("502 command not implemented")
		}
	}
}

// TestEmailReceiver sends through a relay that requires STARTTLS and AUTH:
// the message is a valid RFC 5322 mail with every alert identifiable.
func TestEmailReceiver(t *testing.T) {
	t.Parallel()
	s := newSMTPServer(t, "tower", "p4ss")
	dir := t.TempDir()
	r := mustReceiver(t, ReceiverConfig{Name: "mail", Email: &EmailConfig{
		Smarthost: s.ln.Addr().String(), From: "tower@example.org", To: []string{"oncall@example.org", "lead@example.org"},
		Username: "tower", PasswordFile: writeSecret(t, dir, "pw", "p4ss\n"), CAFile: s.caFile,
	}})
	alerts := bigAlerts(3)
	if err := SendWithRetry(context.Background(), r, alerts, fastPolicy, nil); err != nil {
		t.Fatal(err)
	}
	msgs := s.messages()
	if len(msgs) != 1 {
		t.Fatalf("%d messages", len(msgs))
	}
	m := msgs[0]
	if !m.tls || m.authUser != "tower" || m.from != "tower@example.org" || len(m.to) != 2 {
		t.Errorf("envelope %+v", m)
	}
	parsed, err := mail.ReadMessage(bufio.NewReader(strings.NewReader(m.data)))
	if err != nil {
		t.Fatalf("not an RFC 5322 message: %v", err)
	}
	subj, err := new(mime.WordDecoder).DecodeHeader(parsed.Header.Get("Subject"))
	if err != nil || !strings.Contains(subj, "3 watchtower alerts") || parsed.Header.Get("Message-ID") == "" || parsed.Header.Get("Date") == "" {
		t.Errorf("headers %v (subject %q)", parsed.Header, subj)
	}
	for _, a := range alerts {
		if !strings.Contains(m.data, a.Fingerprint) || !strings.Contains(m.data, a.Subject) {
			t.Errorf("alert %s not in the mail", a.Fingerprint)
		}
	}
	// A wrong password is a permanent failure (5xx), not retried.
	bad := mustReceiver(t, ReceiverConfig{Name: "mail", Email: &EmailConfig{
		Smarthost: s.ln.Addr().String(), From: "tower@example.org", To: []string{"oncall@example.org"},
		Username: "tower", Password: "wrong", CAFile: s.caFile,
	}})
	if err := SendWithRetry(context.Background(), bad, alerts[:1], fastPolicy, nil); !isPermanent(err) {
		t.Errorf("wrong password: %v, want a permanent error", err)
	}
}
