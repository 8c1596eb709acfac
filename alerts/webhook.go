package alerts

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Webhook headers. The signature is
// "sha256=" + hex(HMAC-SHA256(secret, timestamp + "." + body)), where
// timestamp is the X-Watchtower-Timestamp value (Unix seconds): covering the
// timestamp lets receivers reject replays older than a few minutes.
const (
	HeaderSignature = "X-Watchtower-Signature"
	HeaderTimestamp = "X-Watchtower-Timestamp"
	// HeaderDelivery identifies the notification; retries repeat it so the
	// receiving side can drop duplicates.
	HeaderDelivery = "X-Watchtower-Delivery"
)

// WebhookPayload is the JSON body of the generic webhook.
type WebhookPayload struct {
	Version  string         `json:"version"`
	Source   string         `json:"source"`
	Receiver string         `json:"receiver"`
	Alerts   []WebhookAlert `json:"alerts"`
}

// WebhookAlert is an Alert with its advice and resolution flag spelled out.
type WebhookAlert struct {
	Alert
	Key      string `json:"key"`
	Advice   string `json:"advice"`
	Resolves bool   `json:"resolves"`
	TxState  string `json:"tx_state,omitempty"`
	Severity string `json:"severity_name"`
}

type webhookReceiver struct {
	h      *httpSender
	url    string
	secret []byte
	g      Global
	now    func() time.Time
}

func (r *webhookReceiver) Name() string { return r.h.name }
func (r *webhookReceiver) Batch() bool  { return true }

// SignWebhook returns the X-Watchtower-Signature value for body sent at timestamp ts.
func SignWebhook(secret []byte, ts string, body []byte) string {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte(ts))
	m.Write([]byte{'.'})
	m.Write(body)
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}

// VerifyWebhook checks a webhook request's signature and that its timestamp
// is within tolerance of now; receivers of the generic webhook use it.
func VerifyWebhook(secret []byte, h http.Header, body []byte, now time.Time, tolerance time.Duration) error {
	ts := h.Get(HeaderTimestamp)
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return fmt.Errorf("alerts: webhook: bad %s %q", HeaderTimestamp, ts)
	}
	if d := now.Sub(time.Unix(sec, 0)); d > tolerance || d < -tolerance {
		return fmt.Errorf("alerts: webhook: timestamp %s is %s away from now (tolerance %s)", ts, d.Round(time.Second), tolerance)
	}
	got := h.Get(HeaderSignature)
	if !strings.HasPrefix(got, "sha256=") {
		return errors.New("alerts: webhook: missing sha256 signature")
	}
	if !hmac.Equal([]byte(got), []byte(SignWebhook(secret, ts, body))) {
		return errors.New("alerts: webhook: signature mismatch")
	}
	return nil
}

func webhookPayload(name string, alerts []Alert, g Global) WebhookPayload {
	p := WebhookPayload{Version: "1", Source: g.Source, Receiver: name}
	for _, a := range alerts {
		p.Alerts = append(p.Alerts, WebhookAlert{Alert: a, Key: a.Key(), Advice: a.Advice(), Resolves: a.Resolves(), TxState: a.TxState(), Severity: a.Severity.String()})
	}
	return p
}

func (r *webhookReceiver) Send(ctx context.Context, alerts []Alert) error {
	body, err := json.Marshal(webhookPayload(r.h.name, alerts, r.g))
	if err != nil {
		return &SendError{Receiver: r.h.name, Reason: "encode", Permanent: true, Err: err}
	}
	keys := make([]string, len(alerts))
	for i, a := range alerts {
		keys[i] = a.Key()
	}
	sum := sha256.Sum256([]byte(strings.Join(keys, "\n")))
	ts := strconv.FormatInt(r.now().Unix(), 10)
	hdr := http.Header{
		HeaderTimestamp: {ts},
		HeaderDelivery:  {hex.EncodeToString(sum[:16])},
	}
	if len(r.secret) > 0 {
		hdr.Set(HeaderSignature, SignWebhook(r.secret, ts, body))
	}
	_, err = r.h.post(ctx, r.url, body, hdr)
	return err
}
