package alerts

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// captured is one request a fake service received.
type captured struct {
	Method, Path, RawQuery string
	Header                 http.Header
	Body                   []byte
	At                     time.Time
}

// fakeService answers with the scripted responses in order, then 200/ok.
type fakeService struct {
	t      *testing.T
	mu     sync.Mutex
	reqs   []captured
	script []func(w http.ResponseWriter)
	ok     func(w http.ResponseWriter, r captured)
	check  func(t *testing.T, r captured) // validates every request
	srv    *httptest.Server
}

func newFake(t *testing.T, check func(*testing.T, captured), script ...func(http.ResponseWriter)) *fakeService {
	f := &fakeService{t: t, script: script, check: check}
	f.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		c := captured{Method: r.Method, Path: r.URL.EscapedPath(), RawQuery: r.URL.RawQuery, Header: r.Header.Clone(), Body: b, At: time.Now()}
		if f.check != nil {
			f.check(t, c)
		}
		f.mu.Lock()
		f.reqs = append(f.reqs, c)
		var step func(http.ResponseWriter)
		if len(f.script) > 0 {
			step, f.script = f.script[0], f.script[1:]
		}
		okf := f.ok
		f.mu.Unlock()
		if step != nil {
			step(w)
			return
		}
		if okf != nil {
			okf(w, c)
			return
		}
		w.WriteHeader(http.StatusOK)
	}))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeService) requests() []captured {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]captured(nil), f.reqs...)
}

func status(code int, hdr ...string) func(http.ResponseWriter) {
	return func(w http.ResponseWriter) {
		for i := 0; i+1 < len(hdr); i += 2 {
			w.Header().Set(hdr[i], hdr[i+1])
		}
		w.WriteHeader(code)
	}
}

func statusBody(code int, body string) func(http.ResponseWriter) {
	return func(w http.ResponseWriter) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(code)
		io.WriteString(w, body)
	}
}

func decodeStrict(t *testing.T, b []byte, allowed ...string) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("body is not a JSON object: %v: %s", err, b)
	}
	for k := range m {
		if !slices.Contains(allowed, k) {
			t.Errorf("unexpected key %q in %s", k, b)
		}
	}
	return m
}

func testAlert() Alert {
	return Alert{
		Fingerprint:   "0xdead01",
		Severity:      Critical,
		Kind:          "channel",
		ChainID:       1,
		Contract:      "0x00000000000000000000000000000000000000aa",
		Subject:       "channel 0x77",
		State:         StateDetected,
		Summary:       "stale state <7> submitted & not answered",
		Users:         []string{"0xuser1", "0xuser2"},
		DeadlineBlock: 1234,
		At:            time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC),
	}
}

var testGlobal = Global{Source: "watchtower-test", ExternalURL: "http://tower.local", ExplorerURL: "https://etherscan.io", HTTPTimeout: 5 * time.Second}

var fastPolicy = RetryPolicy{Attempts: 4, Backoff: 10 * time.Millisecond, MaxBackoff: 50 * time.Millisecond, MaxRetryAfter: 5 * time.Second}

func zero() *time.Duration { var d time.Duration; return &d }

func mustReceiver(t *testing.T, rc ReceiverConfig) Receiver {
	t.Helper()
	rc.MinInterval = zero()
	r, err := NewReceiver(rc, testGlobal)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// sendThroughFailures sends a via r while the service answers 429 then 503;
// it asserts three requests and that the 429's wait was honoured.
func sendThroughFailures(t *testing.T, f *fakeService, r Receiver, a Alert, minWait time.Duration) []captured {
	t.Helper()
	return sendThroughFailuresNorm(t, f, r, a, minWait, func(b []byte) string { return string(b) })
}

// sendThroughFailuresNorm is sendThroughFailures comparing retried bodies
// after norm (which drops what legitimately changes per attempt).
func sendThroughFailuresNorm(t *testing.T, f *fakeService, r Receiver, a Alert, minWait time.Duration, norm func([]byte) string) []captured {
	t.Helper()
	var failed []error
	if err := SendWithRetry(context.Background(), r, []Alert{a}, fastPolicy, func(err error) { failed = append(failed, err) }); err != nil {
		t.Fatalf("send: %v", err)
	}
	reqs := f.requests()
	if len(reqs) != 3 || len(failed) != 2 {
		t.Fatalf("got %d requests and failures %v, want 3 requests (429, 5xx, success)", len(reqs), failed)
	}
	var se *SendError
	if !errors.As(failed[0], &se) || se.Status != http.StatusTooManyRequests || se.RetryAfter != minWait {
		t.Errorf("first attempt failed with %v, want a 429 asking to retry after %s", failed[0], minWait)
	}
	if d := reqs[1].At.Sub(reqs[0].At); d < minWait {
		t.Errorf("retried after %s, want at least the Retry-After %s (failures %v)", d, minWait, failed)
	}
	for i := 1; i < 3; i++ {
		if norm(reqs[i].Body) != norm(reqs[0].Body) {
			t.Errorf("retry %d changed the body", i)
		}
	}
	return reqs
}

func TestSlackReceiver(t *testing.T) {
	t.Parallel()
	f := newFake(t, func(t *testing.T, c captured) {
		if c.Method != http.MethodPost || c.Path != "/services/T0/B0/XXX" || c.Header.Get("Content-Type") != "application/json" {
			t.Errorf("bad request %s %s %q", c.Method, c.Path, c.Header.Get("Content-Type"))
		}
		m := decodeStrict(t, c.Body, "text", "blocks")
		if s, _ := m["text"].(string); !strings.Contains(s, "fraud detected") {
			t.Errorf("fallback text %q", s)
		}
		blocks, _ := m["blocks"].([]any)
		if len(blocks) < 2 {
			t.Fatalf("blocks %v", m["blocks"])
		}
		first := blocks[0].(map[string]any)
		txt, _ := first["text"].(map[string]any)
		if first["type"] != "section" || txt["type"] != "mrkdwn" {
			t.Errorf("first block %v, want a section with mrkdwn text", first)
		}
		body, _ := txt["text"].(string)
		for _, want := range []string{"stale state &lt;7&gt; submitted &amp; not answered", "What to do", "CRITICAL"} {
			if !strings.Contains(body, want) {
				t.Errorf("section text %q lacks %q", body, want)
			}
		}
		for _, b := range blocks {
			bm := b.(map[string]any)
			switch bm["type"] {
			case "section":
				for _, fl := range anySlice(bm["fields"]) {
					if fm := fl.(map[string]any); fm["type"] != "mrkdwn" || fm["text"] == "" {
						t.Errorf("field %v", fm)
					}
				}
			case "divider", "context":
			default:
				t.Errorf("unexpected block type %v", bm["type"])
			}
		}
	}, status(429, "Retry-After", "1"), status(503))
	f.ok = func(w http.ResponseWriter, _ captured) { io.WriteString(w, "ok") }
	r := mustReceiver(t, ReceiverConfig{Name: "slack", Slack: &SlackConfig{WebhookURL: f.srv.URL + "/services/T0/B0/XXX"}})
	sendThroughFailures(t, f, r, testAlert(), time.Second)
}

func anySlice(v any) []any { s, _ := v.([]any); return s }

func TestPagerDutyTriggerAndResolve(t *testing.T) {
	t.Parallel()
	f := newFake(t, func(t *testing.T, c captured) {
		if c.Method != http.MethodPost || c.Path != "/v2/enqueue" {
			t.Errorf("bad request %s %s", c.Method, c.Path)
		}
		m := decodeStrict(t, c.Body, "routing_key", "event_action", "dedup_key", "payload", "client", "client_url", "links")
		if m["routing_key"] != "R0UTINGKEY" || m["dedup_key"] != "0xdead01" {
			t.Errorf("routing_key/dedup_key %v %v", m["routing_key"], m["dedup_key"])
		}
		switch m["event_action"] {
		case "trigger":
			p, _ := m["payload"].(map[string]any)
			for k := range p {
				if !slices.Contains([]string{"summary", "source", "severity", "timestamp", "component", "group", "class", "custom_details"}, k) {
					t.Errorf("unexpected payload key %q", k)
				}
			}
			if s, _ := p["summary"].(string); s == "" || len(s) > 1024 {
				t.Errorf("summary %q", s)
			}
			if p["source"] != "watchtower-test" {
				t.Errorf("source %v", p["source"])
			}
			if !slices.Contains([]string{"critical", "error", "warning", "info"}, p["severity"].(string)) || p["severity"] != "critical" {
				t.Errorf("severity %v", p["severity"])
			}
			if _, err := time.Parse(time.RFC3339, p["timestamp"].(string)); err != nil {
				t.Errorf("timestamp: %v", err)
			}
		case "resolve":
			if _, ok := m["payload"]; ok {
				t.Error("resolve carries a payload")
			}
		default:
			t.Errorf("event_action %v", m["event_action"])
		}
	}, status(429, "Retry-After", "1"), status(500))
	f.ok = func(w http.ResponseWriter, _ captured) {
		w.WriteHeader(http.StatusAccepted)
		io.WriteString(w, `{"status":"success","message":"Event processed","dedup_key":"0xdead01"}`)
	}
	r := mustReceiver(t, ReceiverConfig{Name: "pd", PagerDuty: &PagerDutyConfig{RoutingKey: "R0UTINGKEY", URL: f.srv.URL + "/v2/enqueue"}})
	sendThroughFailures(t, f, r, testAlert(), time.Second)
	mined := testAlert()
	mined.State, mined.Severity, mined.TxHash = StateChallengeMined, Info, "0xfeed"
	if err := SendWithRetry(context.Background(), r, []Alert{mined}, fastPolicy, nil); err != nil {
		t.Fatal(err)
	}
	reqs := f.requests()
	var last map[string]any
	json.Unmarshal(reqs[len(reqs)-1].Body, &last)
	if last["event_action"] != "resolve" || last["dedup_key"] != "0xdead01" {
		t.Errorf("last event %v, want resolve of 0xdead01", last)
	}
	// A 400 is permanent: no retry.
	f.mu.Lock()
	f.script = []func(http.ResponseWriter){statusBody(400, `{"status":"invalid event","message":"Event object is invalid"}`)}
	f.mu.Unlock()
	n := len(f.requests())
	err := SendWithRetry(context.Background(), r, []Alert{testAlert()}, fastPolicy, nil)
	if err == nil || !isPermanent(err) || reasonOf(err) != "http_4xx" || len(f.requests()) != n+1 {
		t.Errorf("400: err %v, %d requests", err, len(f.requests())-n)
	}
}

func TestTelegramReceiver(t *testing.T) {
	t.Parallel()
	f := newFake(t, func(t *testing.T, c captured) {
		if c.Method != http.MethodPost || c.Path != "/bot123:SECRET/sendMessage" {
			t.Errorf("bad request %s %s", c.Method, c.Path)
		}
		m := decodeStrict(t, c.Body, "chat_id", "text", "parse_mode", "message_thread_id", "link_preview_options")
		if m["chat_id"] != "-100200" || m["parse_mode"] != "HTML" || m["message_thread_id"] != float64(7) {
			t.Errorf("chat_id/parse_mode/thread %v %v %v", m["chat_id"], m["parse_mode"], m["message_thread_id"])
		}
		text, _ := m["text"].(string)
		if !strings.Contains(text, "<b>[CRITICAL] channel channel 0x77: fraud detected</b>") || !strings.Contains(text, "&lt;7&gt;") || len([]rune(text)) > 4096 {
			t.Errorf("text %q", text)
		}
	}, statusBody(429, `{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 1","parameters":{"retry_after":1}}`),
		statusBody(502, `bad gateway`))
	f.ok = func(w http.ResponseWriter, _ captured) { io.WriteString(w, `{"ok":true,"result":{"message_id":1}}`) }
	r := mustReceiver(t, ReceiverConfig{Name: "tg", Telegram: &TelegramConfig{BotToken: "123:SECRET", ChatID: "-100200", MessageThreadID: 7, APIURL: f.srv.URL}})
	sendThroughFailures(t, f, r, testAlert(), time.Second)
	// A 200 without ok:true is an error, and the token is not in it.
	f.mu.Lock()
	f.script = []func(http.ResponseWriter){statusBody(200, `{"ok":false,"description":"chat not found"}`)}
	f.mu.Unlock()
	err := r.Send(context.Background(), []Alert{testAlert()})
	if err == nil || !strings.Contains(err.Error(), "chat not found") || strings.Contains(err.Error(), "SECRET") {
		t.Errorf("err = %v", err)
	}
}

func TestDiscordReceiver(t *testing.T) {
	t.Parallel()
	f := newFake(t, func(t *testing.T, c captured) {
		if c.Method != http.MethodPost || c.Path != "/api/webhooks/1/tok" {
			t.Errorf("bad request %s %s", c.Method, c.Path)
		}
		m := decodeStrict(t, c.Body, "username", "content", "embeds")
		embeds := anySlice(m["embeds"])
		if len(embeds) != 2 || m["username"] != "tower" {
			t.Fatalf("embeds %d, username %v", len(embeds), m["username"])
		}
		total := 0
		for i, e := range embeds {
			em := e.(map[string]any)
			title, _ := em["title"].(string)
			desc, _ := em["description"].(string)
			if title == "" || len(title) > 256 || desc == "" || len(desc) > 4096 {
				t.Errorf("title %q description %q", title, desc)
			}
			total += len(title) + len(desc)
			want := float64(colorCritical)
			if i == 1 {
				want = colorResolved
			}
			if em["color"] != want {
				t.Errorf("embed %d color %v, want %v", i, em["color"], want)
			}
			fields := anySlice(em["fields"])
			if len(fields) == 0 || len(fields) > 25 {
				t.Errorf("fields %v", fields)
			}
			for _, fl := range fields {
				fm := fl.(map[string]any)
				name, _ := fm["name"].(string)
				value, _ := fm["value"].(string)
				if name == "" || value == "" || len(value) > 1024 {
					t.Errorf("field %v", fm)
				}
				if _, ok := fm["inline"].(bool); !ok {
					t.Errorf("field %v has no inline flag", fm)
				}
				total += len(name) + len(value)
			}
		}
		if total > 6000 {
			t.Errorf("embeds total %d chars > 6000", total)
		}
	}, statusBody(429, `{"message":"You are being rate limited.","retry_after":0.3,"global":false}`), status(503))
	f.ok = func(w http.ResponseWriter, _ captured) { w.WriteHeader(http.StatusNoContent) }
	r := mustReceiver(t, ReceiverConfig{Name: "dc", Discord: &DiscordConfig{WebhookURL: f.srv.URL + "/api/webhooks/1/tok", Username: "tower"}})
	mined := testAlert()
	mined.State, mined.Fingerprint = StateChallengeMined, "0xdead02"
	if err := SendWithRetry(context.Background(), r, []Alert{testAlert(), mined}, fastPolicy, nil); err != nil {
		t.Fatal(err)
	}
	reqs := f.requests()
	if len(reqs) != 3 || reqs[1].At.Sub(reqs[0].At) < 300*time.Millisecond {
		t.Errorf("%d requests; retry_after not honoured", len(reqs))
	}
}

func TestOpsgenieCreateAndClose(t *testing.T) {
	t.Parallel()
	f := newFake(t, func(t *testing.T, c captured) {
		if c.Header.Get("Authorization") != "GenieKey og-key" {
			t.Errorf("Authorization %q", c.Header.Get("Authorization"))
		}
		if c.Method != http.MethodPost {
			t.Errorf("method %s", c.Method)
		}
		switch c.Path {
		case "/v2/alerts":
			m := decodeStrict(t, c.Body, "message", "alias", "description", "responders", "tags", "details", "entity", "source", "priority")
			if msg, _ := m["message"].(string); msg == "" || len([]rune(msg)) > 130 {
				t.Errorf("message %q", msg)
			}
			if m["alias"] != "0xdead01" || m["priority"] != "P1" || m["source"] != "watchtower-test" {
				t.Errorf("alias/priority/source %v %v %v", m["alias"], m["priority"], m["source"])
			}
			resp := anySlice(m["responders"])
			if len(resp) != 1 || resp[0].(map[string]any)["name"] != "l2-oncall" || resp[0].(map[string]any)["type"] != "team" {
				t.Errorf("responders %v", resp)
			}
		case "/v2/alerts/0xdead01/close":
			if c.RawQuery != "identifierType=alias" {
				t.Errorf("close query %q", c.RawQuery)
			}
			decodeStrict(t, c.Body, "source", "note", "user")
		default:
			t.Errorf("unexpected path %s", c.Path)
		}
	}, status(429, "Retry-After", "1"), status(500))
	f.ok = func(w http.ResponseWriter, _ captured) {
		w.WriteHeader(http.StatusAccepted)
		io.WriteString(w, `{"result":"Request will be processed","took":0.01,"requestId":"x"}`)
	}
	r := mustReceiver(t, ReceiverConfig{Name: "og", Opsgenie: &OpsgenieConfig{APIKey: "og-key", APIURL: f.srv.URL, Responders: []string{"l2-oncall"}}})
	sendThroughFailures(t, f, r, testAlert(), time.Second)
	res := testAlert()
	res.State = StateResolved
	if err := SendWithRetry(context.Background(), r, []Alert{res}, fastPolicy, nil); err != nil {
		t.Fatal(err)
	}
	reqs := f.requests()
	if got := reqs[len(reqs)-1].Path; got != "/v2/alerts/0xdead01/close" {
		t.Errorf("resolve went to %s", got)
	}
}

func TestWebhookSigned(t *testing.T) {
	t.Parallel()
	secret := []byte("s3cret")
	f := newFake(t, func(t *testing.T, c captured) {
		if err := VerifyWebhook(secret, c.Header, c.Body, time.Now(), 5*time.Minute); err != nil {
			t.Errorf("signature: %v", err)
		}
		if !strings.HasPrefix(c.Header.Get(HeaderSignature), "sha256=") || len(c.Header.Get(HeaderSignature)) != 7+64 {
			t.Errorf("signature header %q", c.Header.Get(HeaderSignature))
		}
		if c.Header.Get(HeaderDelivery) == "" {
			t.Error("no delivery id")
		}
		var p WebhookPayload
		if err := json.Unmarshal(c.Body, &p); err != nil || p.Version != "1" || len(p.Alerts) != 1 || p.Alerts[0].Fingerprint != "0xdead01" || p.Alerts[0].Advice == "" || p.Alerts[0].Key != testAlert().Key() {
			t.Errorf("payload %s (%v)", c.Body, err)
		}
	}, status(429, "Retry-After", "1"), status(503))
	dir := t.TempDir()
	r := mustReceiver(t, ReceiverConfig{Name: "wh", Webhook: &WebhookConfig{URL: f.srv.URL + "/hook", SecretFile: writeSecret(t, dir, "secret", "s3cret\n")}})
	reqs := sendThroughFailures(t, f, r, testAlert(), time.Second)

	// Tampering and replay are detected.
	c := reqs[2]
	if err := VerifyWebhook(secret, c.Header, append([]byte(nil), append(c.Body, ' ')...), time.Now(), time.Minute); err == nil {
		t.Error("tampered body accepted")
	}
	if err := VerifyWebhook(secret, c.Header, c.Body, time.Now().Add(10*time.Minute), time.Minute); err == nil {
		t.Error("replayed request accepted")
	}
	if err := VerifyWebhook([]byte("other"), c.Header, c.Body, time.Now(), time.Minute); err == nil {
		t.Error("wrong secret accepted")
	}
}

func TestRetryGivesUpAndReportsReason(t *testing.T) {
	t.Parallel()
	f := newFake(t, nil, status(503), status(503), status(503), status(503))
	r := mustReceiver(t, ReceiverConfig{Name: "wh", Webhook: &WebhookConfig{URL: f.srv.URL}})
	var reasons []string
	err := SendWithRetry(context.Background(), r, []Alert{testAlert()}, RetryPolicy{Attempts: 3, Backoff: time.Millisecond}, func(err error) { reasons = append(reasons, reasonOf(err)) })
	if err == nil || len(f.requests()) != 3 || fmt.Sprint(reasons) != "[http_5xx http_5xx http_5xx]" {
		t.Errorf("err %v, %d requests, reasons %v", err, len(f.requests()), reasons)
	}
	// Retry-After beyond the cap returns at once, for the outbox to retry later.
	f2 := newFake(t, nil, status(429, "Retry-After", "3600"))
	r2 := mustReceiver(t, ReceiverConfig{Name: "wh2", Webhook: &WebhookConfig{URL: f2.srv.URL}})
	start := time.Now()
	err = SendWithRetry(context.Background(), r2, []Alert{testAlert()}, fastPolicy, nil)
	var se *SendError
	// Waiting would take an hour; a minute's bound only allows for a slow machine.
	if err == nil || time.Since(start) > time.Minute || !asSendError(err, &se) || se.RetryAfter != time.Hour {
		t.Errorf("long Retry-After: err %v after %s", err, time.Since(start))
	}
}

func asSendError(err error, se **SendError) bool {
	e, ok := err.(*SendError)
	*se = e
	return ok
}

func TestRateLimitSpacing(t *testing.T) {
	t.Parallel()
	f := newFake(t, nil)
	d := 150 * time.Millisecond
	r, err := NewReceiver(ReceiverConfig{Name: "wh", MinInterval: &d, Webhook: &WebhookConfig{URL: f.srv.URL}}, testGlobal)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	for range 3 {
		if err := r.Send(context.Background(), []Alert{testAlert()}); err != nil {
			t.Fatal(err)
		}
	}
	// Request starts are spaced by the interval: three take at least two.
	if el := time.Since(start); el < 2*d || len(f.requests()) != 3 {
		t.Errorf("3 requests in %s, want >= %s", el, 2*d)
	}
}

// TestSignedWebhookOnly: the demo's one-webhook config signs its requests.
func TestSignedWebhookOnly(t *testing.T) {
	t.Parallel()
	secret, err := NewWebhookSecret()
	if err != nil || len(secret) != 64 {
		t.Fatalf("secret %q: %v", secret, err)
	}
	f := newFake(t, func(t *testing.T, c captured) {
		if err := VerifyWebhook([]byte(secret), c.Header, c.Body, time.Now(), time.Minute); err != nil {
			t.Errorf("unsigned or badly signed: %v", err)
		}
	})
	cfg := SignedWebhookOnly(f.srv.URL+"/hook", secret)
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	r := mustReceiver(t, cfg.Receivers[0])
	if err := r.Send(context.Background(), []Alert{testAlert()}); err != nil || len(f.requests()) != 1 {
		t.Fatalf("send: %v", err)
	}
}
