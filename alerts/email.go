package alerts

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"errors"
	"fmt"
	"mime"
	"net"
	"net/smtp"
	"net/textproto"
	"os"
	"strings"
	"time"
)

// emailReceiver sends one plain-text email per batch over SMTP, upgrading
// the connection with STARTTLS (required unless require_tls is false) and
// authenticating with PLAIN when a username is set.
type emailReceiver struct {
	name     string
	cfg      EmailConfig
	password string
	roots    *x509.CertPool
	timeout  time.Duration
	g        Global
	now      func() time.Time
}

func (r *emailReceiver) Name() string { return r.name }
func (r *emailReceiver) Batch() bool  { return true }

func newEmailReceiver(name string, c EmailConfig, g Global, timeout time.Duration) (*emailReceiver, error) {
	pw, err := readSecret("email.password", c.Password, c.PasswordFile)
	if err != nil {
		return nil, err
	}
	r := &emailReceiver{name: name, cfg: c, password: pw, timeout: timeout, g: g, now: time.Now}
	if c.CAFile != "" {
		pem, err := os.ReadFile(c.CAFile)
		if err != nil {
			return nil, fmt.Errorf("email.ca_file: %w", err)
		}
		r.roots = x509.NewCertPool()
		if !r.roots.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("email.ca_file: %s holds no PEM certificate", c.CAFile)
		}
	}
	return r, nil
}

// emailMessage renders the RFC 5322 message for alerts.
func emailMessage(c EmailConfig, alerts []Alert, g Global, now time.Time) []byte {
	subject := title(alerts[0])
	if len(alerts) > 1 {
		subject = fmt.Sprintf("%d watchtower alerts, most severe: %s", len(alerts), title(mostSevere(alerts)))
	}
	keys := make([]string, len(alerts))
	for i, a := range alerts {
		keys[i] = a.Key()
	}
	sum := sha256.Sum256([]byte(strings.Join(keys, "\n")))
	var b bytes.Buffer
	hdr := func(k, v string) { fmt.Fprintf(&b, "%s: %s\r\n", k, v) }
	hdr("From", c.From)
	hdr("To", strings.Join(c.To, ", "))
	hdr("Subject", mime.QEncoding.Encode("utf-8", subject))
	hdr("Date", now.Format(time.RFC1123Z))
	// Stable across retries: mail tools can drop a duplicate delivery.
	hdr("Message-ID", "<"+hex.EncodeToString(sum[:16])+"@"+g.Source+".watchtower>")
	hdr("MIME-Version", "1.0")
	hdr("Content-Type", "text/plain; charset=utf-8")
	hdr("Content-Transfer-Encoding", "8bit")
	b.WriteString("\r\n")
	for i, a := range alerts {
		if i > 0 {
			b.WriteString("\r\n----\r\n\r\n")
		}
		fmt.Fprintf(&b, "%s\r\n\r\n%s\r\n\r\nWhat to do: %s\r\n\r\n", title(a), a.Summary, a.Advice())
		for _, d := range details(a, g) {
			fmt.Fprintf(&b, "%s: %s\r\n", d.name, d.value)
		}
	}
	fmt.Fprintf(&b, "\r\n-- \r\nfrom %s\r\n", g.Source)
	return b.Bytes()
}

// smtpError classifies an SMTP failure: 5xx replies are permanent.
func (r *emailReceiver) smtpError(step string, err error) error {
	se := &SendError{Receiver: r.name, Reason: "network", Err: fmt.Errorf("smtp %s: %w", step, err)}
	var te *textproto.Error
	if errors.As(err, &te) {
		se.Status = te.Code
		se.Reason = "smtp_4xx"
		if te.Code >= 500 {
			se.Reason, se.Permanent = "smtp_5xx", true
		}
	}
	return se
}

// Send delivers alerts as one email to every recipient.
func (r *emailReceiver) Send(ctx context.Context, alerts []Alert) error {
	if len(alerts) == 0 {
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, r.timeout)
	defer cancel()
	host, _, err := net.SplitHostPort(r.cfg.Smarthost)
	if err != nil {
		return &SendError{Receiver: r.name, Reason: "config", Permanent: true, Err: fmt.Errorf("email.smarthost: %w", err)}
	}
	conn, err := (&net.Dialer{}).DialContext(ctx, "tcp", r.cfg.Smarthost)
	if err != nil {
		return &SendError{Receiver: r.name, Reason: "network", Err: err}
	}
	if dl, ok := ctx.Deadline(); ok {
		_ = conn.SetDeadline(dl)
	}
	c, err := smtp.NewClient(conn, host)
	if err != nil {
		conn.Close()
		return r.smtpError("greeting", err)
	}
	defer c.Close()
	if err := c.Hello(orDefault(r.cfg.Hello, "localhost")); err != nil {
		return r.smtpError("EHLO", err)
	}
	if ok, _ := c.Extension("STARTTLS"); ok {
		if err := c.StartTLS(&tls.Config{ServerName: host, RootCAs: r.roots, MinVersion: tls.VersionTLS12}); err != nil {
			return r.smtpError("STARTTLS", err)
		}
	} else if r.cfg.RequireTLS == nil || *r.cfg.RequireTLS {
		return &SendError{Receiver: r.name, Reason: "config", Permanent: true, Err: errors.New("smtp: server does not offer STARTTLS (set require_tls: false to send in clear text)")}
	}
	if r.cfg.Username != "" {
		if err := c.Auth(smtp.PlainAuth("", r.cfg.Username, r.password, host)); err != nil {
			return r.smtpError("AUTH", err)
		}
	}
	if err := c.Mail(r.cfg.From); err != nil {
		return r.smtpError("MAIL FROM", err)
	}
	for _, to := range r.cfg.To {
		if err := c.Rcpt(to); err != nil {
			return r.smtpError("RCPT TO", err)
		}
	}
	w, err := c.Data()
	if err != nil {
		return r.smtpError("DATA", err)
	}
	if _, err := w.Write(emailMessage(r.cfg, alerts, r.g, r.now())); err != nil {
		return r.smtpError("DATA", err)
	}
	if err := w.Close(); err != nil {
		return r.smtpError("end of DATA", err)
	}
	_ = c.Quit()
	return nil
}
