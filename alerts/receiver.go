package alerts

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Receiver sends alerts to one service.
type Receiver interface {
	// Name is the configured receiver name.
	Name() string
	// Send delivers alerts (one group; a single alert unless Batch) and
	// returns a *SendError describing any failure.
	Send(ctx context.Context, alerts []Alert) error
	// Batch reports whether Send can combine several alerts in one request.
	Batch() bool
}

// SendError is a failed delivery attempt.
type SendError struct {
	Receiver string
	// Status is the HTTP status, 0 if no response was received.
	Status int
	// Reason is a short metric label: rate_limited, http_5xx, http_4xx,
	// network, rejected, config.
	Reason string
	// RetryAfter is the wait the service asked for (429 Retry-After).
	RetryAfter time.Duration
	// Permanent failures are not retried (bad request, bad credentials).
	Permanent bool
	Err       error
}

func (e *SendError) Error() string {
	s := fmt.Sprintf("alerts: receiver %s: %s", e.Receiver, e.Reason)
	if e.Status != 0 {
		s += fmt.Sprintf(" (HTTP %d)", e.Status)
	}
	if e.RetryAfter > 0 {
		s += fmt.Sprintf(", retry after %s", e.RetryAfter)
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

func (e *SendError) Unwrap() error { return e.Err }

// Default service endpoints.
const (
	DefaultPagerDutyURL = "https://events.pagerduty.com/v2/enqueue"
	DefaultTelegramURL  = "https://api.telegram.org"
	DefaultOpsgenieURL  = "https://api.opsgenie.com"
)

// NewReceiver builds the receiver rc, reading secrets from *_file settings.
// g supplies the HTTP timeout, source name and links.
func NewReceiver(rc ReceiverConfig, g Global) (Receiver, error) {
	timeout := g.HTTPTimeout
	if timeout <= 0 {
		timeout = 10 * time.Second
	}
	// Each receiver has its own connection pool: one service's slow or
	// broken connections, or an idle-connection purge elsewhere in the
	// process, never touch another receiver's requests.
	tr := http.DefaultTransport.(*http.Transport).Clone()
	h := &httpSender{name: rc.Name, client: &http.Client{Timeout: timeout, Transport: tr}}
	var (
		r   Receiver
		err error
	)
	switch {
	case rc.Slack != nil:
		var u string
		if u, err = readSecret("slack.webhook_url", rc.Slack.WebhookURL, rc.Slack.WebhookURLFile); err == nil {
			r = &slackReceiver{h: h, url: u, g: g}
			h.minInterval = time.Second
		}
	case rc.PagerDuty != nil:
		var key string
		if key, err = readSecret("pagerduty.routing_key", rc.PagerDuty.RoutingKey, rc.PagerDuty.RoutingKeyFile); err == nil {
			r = &pagerDutyReceiver{h: h, key: key, url: orDefault(rc.PagerDuty.URL, DefaultPagerDutyURL), g: g}
			h.minInterval = 500 * time.Millisecond // 120 events/min per routing key
		}
	case rc.Telegram != nil:
		var tok string
		if tok, err = readSecret("telegram.bot_token", rc.Telegram.BotToken, rc.Telegram.BotTokenFile); err == nil {
			r = &telegramReceiver{h: h, token: tok, cfg: *rc.Telegram, api: strings.TrimRight(orDefault(rc.Telegram.APIURL, DefaultTelegramURL), "/"), g: g}
			h.minInterval = time.Second // about one message per second per chat
		}
	case rc.Discord != nil:
		var u string
		if u, err = readSecret("discord.webhook_url", rc.Discord.WebhookURL, rc.Discord.WebhookURLFile); err == nil {
			r = &discordReceiver{h: h, url: u, username: rc.Discord.Username, g: g}
			h.minInterval = 500 * time.Millisecond // 5 requests per 2s per webhook
		}
	case rc.Opsgenie != nil:
		var key string
		if key, err = readSecret("opsgenie.api_key", rc.Opsgenie.APIKey, rc.Opsgenie.APIKeyFile); err == nil {
			r = &opsgenieReceiver{h: h, key: key, cfg: *rc.Opsgenie, api: strings.TrimRight(orDefault(rc.Opsgenie.APIURL, DefaultOpsgenieURL), "/"), g: g}
			h.minInterval = 200 * time.Millisecond
		}
	case rc.Webhook != nil:
		var u, secret string
		if u, err = readSecret("webhook.url", rc.Webhook.URL, rc.Webhook.URLFile); err == nil {
			if secret, err = readSecret("webhook.secret", rc.Webhook.Secret, rc.Webhook.SecretFile); err == nil {
				r = &webhookReceiver{h: h, url: u, secret: []byte(secret), g: g, now: time.Now}
			}
		}
	case rc.Alertmanager != nil:
		var tok string
		if tok, err = readSecret("alertmanager.bearer_token", rc.Alertmanager.BearerToken, rc.Alertmanager.BearerTokenFile); err == nil {
			r = &alertmanagerReceiver{h: h, url: strings.TrimRight(rc.Alertmanager.URL, "/") + "/api/v2/alerts", token: tok, g: g,
				ttl: 4 * rc.Alertmanager.resend(), now: time.Now}
		}
	case rc.Teams != nil:
		var u string
		if u, err = readSecret("teams.webhook_url", rc.Teams.WebhookURL, rc.Teams.WebhookURLFile); err == nil {
			if err = checkURL(u); err == nil {
				r = &teamsReceiver{h: h, url: u, g: g}
			}
		}
	case rc.Email != nil:
		r, err = newEmailReceiver(rc.Name, *rc.Email, g, timeout)
	default:
		return nil, fmt.Errorf("alerts: receiver %s: no integration configured", rc.Name)
	}
	if err != nil {
		return nil, fmt.Errorf("alerts: receiver %s: %w", rc.Name, err)
	}
	if rc.MinInterval != nil {
		h.minInterval = *rc.MinInterval
	}
	if rc.Templates != nil {
		if err := rc.Templates.compile("templates"); err != nil {
			return nil, fmt.Errorf("alerts: receiver %s: %w", rc.Name, err)
		}
		r = templated(r, rc.Templates, g)
	}
	return r, nil
}

func orDefault(v, d string) string {
	if v == "" {
		return d
	}
	return v
}

// httpSender posts JSON, spaces requests by minInterval and classifies failures.
type httpSender struct {
	name        string
	client      *http.Client
	minInterval time.Duration

	mu   sync.Mutex
	next time.Time // earliest time of the next request
}

// wait blocks until the rate limit allows a request.
func (h *httpSender) wait(ctx context.Context) error {
	h.mu.Lock()
	now := time.Now()
	at := h.next
	if at.Before(now) {
		at = now
	}
	h.next = at.Add(h.minInterval)
	h.mu.Unlock()
	if d := time.Until(at); d > 0 {
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
	return nil
}

// holdOff delays further requests after the service asked us to back off.
func (h *httpSender) holdOff(d time.Duration) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if t := time.Now().Add(d); t.After(h.next) {
		h.next = t
	}
}

// post sends body as JSON with extra headers; ok decides whether a response
// is a success (default: 2xx). It returns the response body on success.
func (h *httpSender) post(ctx context.Context, rawURL string, body []byte, hdr http.Header) ([]byte, error) {
	if err := h.wait(ctx); err != nil {
		return nil, &SendError{Receiver: h.name, Reason: "cancelled", Err: err}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, rawURL, bytes.NewReader(body))
	if err != nil {
		return nil, &SendError{Receiver: h.name, Reason: "config", Permanent: true, Err: errors.New("invalid URL")}
	}
	if err := checkURL(rawURL); err != nil { // retrying cannot fix it
		return nil, &SendError{Receiver: h.name, Reason: "config", Permanent: true, Err: err}
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "watchtower-alerts/1")
	for k, vs := range hdr {
		req.Header[k] = vs
	}
	resp, err := h.client.Do(req)
	if err != nil {
		return nil, &SendError{Receiver: h.name, Reason: "network", Err: redactURLError(err)}
	}
	defer resp.Body.Close()
	rb, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode >= 200 && resp.StatusCode < 300 {
		return rb, nil
	}
	se := &SendError{Receiver: h.name, Status: resp.StatusCode, Err: fmt.Errorf("response %q", truncate(strings.TrimSpace(string(rb)), 200))}
	switch {
	case resp.StatusCode == http.StatusTooManyRequests:
		se.Reason = "rate_limited"
		se.RetryAfter = retryAfter(resp.Header, rb)
		if se.RetryAfter > 0 {
			h.holdOff(se.RetryAfter)
		}
	case resp.StatusCode >= 500:
		se.Reason = "http_5xx"
		se.RetryAfter = retryAfter(resp.Header, nil)
	case resp.StatusCode == http.StatusRequestTimeout:
		se.Reason = "http_4xx"
	default:
		se.Reason = "http_4xx"
		se.Permanent = true
	}
	return nil, se
}

// retryAfter reads Retry-After (seconds or HTTP date) or a JSON body's
// retry_after (Discord: seconds as a float; Telegram: parameters.retry_after).
func retryAfter(h http.Header, body []byte) time.Duration {
	if v := strings.TrimSpace(h.Get("Retry-After")); v != "" {
		if s, err := strconv.ParseFloat(v, 64); err == nil && s >= 0 {
			return time.Duration(s * float64(time.Second))
		}
		if t, err := http.ParseTime(v); err == nil {
			return max(time.Until(t), 0)
		}
	}
	if len(body) > 0 {
		var b struct {
			RetryAfter *float64 `json:"retry_after"`
			Parameters struct {
				RetryAfter *float64 `json:"retry_after"`
			} `json:"parameters"`
		}
		if json.Unmarshal(body, &b) == nil {
			if b.RetryAfter != nil {
				return time.Duration(*b.RetryAfter * float64(time.Second))
			}
			if b.Parameters.RetryAfter != nil {
				return time.Duration(*b.Parameters.RetryAfter * float64(time.Second))
			}
		}
	}
	return 0
}

// redactURLError drops the URL from a client error: webhook URLs and bot
// tokens are secrets.
func redactURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return fmt.Errorf("%s: %w", ue.Op, ue.Err)
	}
	return err
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// RetryPolicy bounds the retries of one delivery.
type RetryPolicy struct {
	Attempts      int
	Backoff       time.Duration
	MaxBackoff    time.Duration
	MaxRetryAfter time.Duration
}

func (d Delivery) policy() RetryPolicy {
	return RetryPolicy{Attempts: d.Attempts, Backoff: d.Backoff, MaxBackoff: d.MaxBackoff, MaxRetryAfter: d.MaxRetryAfter}
}

// SendWithRetry calls r.Send up to p.Attempts times, waiting between
// attempts with exponential backoff or the service's Retry-After, whichever
// is longer. Permanent errors and Retry-After beyond p.MaxRetryAfter return
// at once. onAttempt, if set, sees every failed attempt.
func SendWithRetry(ctx context.Context, r Receiver, alerts []Alert, p RetryPolicy, onAttempt func(error)) error {
	if p.Attempts <= 0 {
		p.Attempts = 1
	}
	delay := p.Backoff
	var err error
	for attempt := 1; ; attempt++ {
		err = r.Send(ctx, alerts)
		if err == nil {
			return nil
		}
		if onAttempt != nil {
			onAttempt(err)
		}
		var se *SendError
		if errors.As(err, &se) && se.Permanent {
			return err
		}
		if attempt >= p.Attempts || ctx.Err() != nil {
			return err
		}
		wait := delay
		if se != nil && se.RetryAfter > 0 {
			if p.MaxRetryAfter > 0 && se.RetryAfter > p.MaxRetryAfter {
				return err
			}
			wait = max(wait, se.RetryAfter)
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return err
		case <-t.C:
		}
		delay = min(delay*2, max(p.MaxBackoff, p.Backoff))
	}
}

// reasonOf is the metric reason of a send error.
func reasonOf(err error) string {
	var se *SendError
	if errors.As(err, &se) && se.Reason != "" {
		return se.Reason
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return "cancelled"
	}
	return "other"
}

// isPermanent reports whether err will fail again however often it is retried.
func isPermanent(err error) bool {
	var se *SendError
	return errors.As(err, &se) && se.Permanent
}

// title is the one-line headline of an alert.
func title(a Alert) string {
	if a.titleOverride != "" {
		return a.titleOverride
	}
	return fmt.Sprintf("[%s] %s %s: %s", strings.ToUpper(a.Severity.String()), a.Kind, a.Subject, stateText(a))
}

func stateText(a Alert) string {
	if a.Kind == KindTower {
		switch a.State {
		case StateDetected:
			return "firing"
		case StateResolved:
			return "resolved"
		}
	}
	switch s := a.State; s {
	case StateDetected:
		return "fraud detected"
	case StateChallengeSent:
		return "challenge sent"
	case StateChallengeMined:
		return "challenge mined"
	case StateResolved:
		return "resolved"
	case StateFailed:
		return "CHALLENGE FAILED"
	}
	return a.State
}

// detailPair is one labelled fact of an alert, shared by chat formats.
type detailPair struct{ name, value string }

func details(a Alert, g Global) []detailPair {
	var d []detailPair
	add := func(n, v string) {
		if v != "" {
			d = append(d, detailPair{n, v})
		}
	}
	add("State", a.State)
	add("Chain", strconv.FormatUint(a.ChainID, 10))
	add("Contract", a.Contract)
	if a.DeadlineBlock != 0 {
		v := strconv.FormatUint(a.DeadlineBlock, 10)
		if !a.DeadlineTime.IsZero() {
			v += " (~" + a.DeadlineTime.UTC().Format(time.RFC3339) + ")"
		}
		add("Deadline block", v)
	}
	if a.TxHash != "" {
		tx := a.TxHash
		if g.ExplorerURL != "" {
			tx = strings.TrimRight(g.ExplorerURL, "/") + "/tx/" + a.TxHash
		}
		add("Challenge tx", tx+" ("+orDefault(a.TxState(), "unknown")+")")
	}
	if len(a.Users) > 0 {
		u := a.Users
		more := ""
		if len(u) > 10 {
			more = fmt.Sprintf(" and %d more", len(u)-10)
			u = u[:10]
		}
		add("Affected users", strings.Join(u, ", ")+more)
	}
	add("Incident", a.Fingerprint)
	return d
}
