package alerts

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/watchtower-l2/watchtower/watcher/bus/bustest"
)

// bigAlert is a dispute alert with a long summary and many users: a batch
// of them exceeds every chat service's per-message limits.
func bigAlert(i int) Alert {
	a := testAlert()
	a.Fingerprint = fmt.Sprintf("incident-%02d-0x%040x", i, i)
	a.Subject = fmt.Sprintf("channel 0x%04x", i)
	a.DeadlineBlock = uint64(1_000_000 + i)
	a.TxHash = fmt.Sprintf("0x%064x", i)
	a.State = StateChallengeSent
	a.Summary = strings.Repeat("stale state <7> submitted & not answered; ", 20)
	for u := range 14 {
		a.Users = append(a.Users, fmt.Sprintf("0x%040x", i*100+u))
	}
	return a
}

func bigAlerts(n int) []Alert {
	out := make([]Alert, n)
	for i := range out {
		out[i] = bigAlert(i)
	}
	return out
}

// chatCapture is a fake chat service that checks the documented limits of
// each message (answering 400 as the service would when one is exceeded)
// and records which alerts a person can identify in what it accepted: the
// incident id together with the alert's subject and deadline block.
type chatCapture struct {
	mu       sync.Mutex
	messages int
	visible  map[string]bool
	*fakeService
}

// newChatCapture starts a fake whose extract returns a message's visible
// text, or an error naming the limit it breaks.
func newChatCapture(t *testing.T, ok func(http.ResponseWriter), extract func(body []byte) (string, error)) *chatCapture {
	c := &chatCapture{visible: map[string]bool{}}
	c.fakeService = newFake(t, nil)
	c.fakeService.ok = func(w http.ResponseWriter, r captured) {
		text, err := extract(r.Body)
		if err != nil {
			t.Errorf("service would reject the message: %v", err)
			statusBody(http.StatusBadRequest, `{"error":"limit exceeded"}`)(w)
			return
		}
		c.mu.Lock()
		c.messages++
		for i := range 100 {
			a := bigAlert(i)
			if strings.Contains(text, a.Fingerprint) && strings.Contains(text, a.Subject) && strings.Contains(text, strconv.FormatUint(a.DeadlineBlock, 10)) {
				c.visible[a.Fingerprint] = true
			}
		}
		c.mu.Unlock()
		ok(w)
	}
	return c
}

func (c *chatCapture) seen() (alerts, messages int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.visible), c.messages
}

var tgTag = regexp.MustCompile(`</?[a-z]+>`)

func telegramVisible(body []byte) (string, error) {
	var m tgMessage
	if err := json.Unmarshal(body, &m); err != nil {
		return "", err
	}
	if strings.Count(m.Text, "<b>") != strings.Count(m.Text, "</b>") {
		return "", fmt.Errorf("unbalanced tags in %q", m.Text)
	}
	text := html.UnescapeString(tgTag.ReplaceAllString(m.Text, ""))
	if n := utf8.RuneCountInString(text); n > 4096 || n == 0 {
		return "", fmt.Errorf("text is %d characters (1-4096 after entity parsing)", n)
	}
	return text, nil
}

func slackVisible(body []byte) (string, error) {
	var m slackMessage
	if err := json.Unmarshal(body, &m); err != nil {
		return "", err
	}
	if len(m.Blocks) > 50 {
		return "", fmt.Errorf("%d blocks (max 50)", len(m.Blocks))
	}
	var b strings.Builder
	for _, bl := range m.Blocks {
		if bl.Text != nil {
			if n := utf8.RuneCountInString(bl.Text.Text); n > 3000 {
				return "", fmt.Errorf("section text %d characters (max 3000)", n)
			}
			b.WriteString(bl.Text.Text + "\n")
		}
		if len(bl.Fields) > 10 {
			return "", fmt.Errorf("%d fields (max 10)", len(bl.Fields))
		}
		for _, f := range bl.Fields {
			if n := utf8.RuneCountInString(f.Text); n > 2000 {
				return "", fmt.Errorf("field %d characters (max 2000)", n)
			}
			b.WriteString(f.Text + "\n")
		}
	}
	return html.UnescapeString(b.String()), nil
}

func discordVisible(body []byte) (string, error) {
	var m discordMessage
	if err := json.Unmarshal(body, &m); err != nil {
		return "", err
	}
	if len(m.Embeds) > 10 || len(m.Embeds) == 0 {
		return "", fmt.Errorf("%d embeds (1-10)", len(m.Embeds))
	}
	var b strings.Builder
	total := 0
	for _, e := range m.Embeds {
		if runes(e.Title) > 256 || runes(e.Description) > 4096 || len(e.Fields) > 25 {
			return "", fmt.Errorf("embed over limits: title %d, description %d, %d fields", runes(e.Title), runes(e.Description), len(e.Fields))
		}
		b.WriteString(e.Title + "\n" + e.Description + "\n")
		for _, f := range e.Fields {
			if runes(f.Name) > 256 || runes(f.Value) > 1024 {
				return "", fmt.Errorf("field %q over limits", f.Name)
			}
			b.WriteString(f.Name + ": " + f.Value + "\n")
		}
		total += embedSize(e)
	}
	if total > 6000 {
		return "", fmt.Errorf("embeds hold %d characters (max 6000)", total)
	}
	return b.String(), nil
}

func tgOK(w http.ResponseWriter)      { w.Write([]byte(`{"ok":true,"result":{"message_id":1}}`)) }
func slackOK(w http.ResponseWriter)   { w.Write([]byte("ok")) }
func discordOK(w http.ResponseWriter) { w.WriteHeader(http.StatusNoContent) }

type chatCase struct {
	name    string
	ok      func(http.ResponseWriter)
	extract func([]byte) (string, error)
	config  func(url string) ReceiverConfig
}

var chatCases = []chatCase{
	{"telegram", tgOK, telegramVisible, func(u string) ReceiverConfig {
		return ReceiverConfig{Name: "telegram", Telegram: &TelegramConfig{BotToken: "1:T", ChatID: "-1", APIURL: u}}
	}},
	{"slack", slackOK, slackVisible, func(u string) ReceiverConfig {
		return ReceiverConfig{Name: "slack", Slack: &SlackConfig{WebhookURL: u + "/services/T/B/X"}}
	}},
	{"discord", discordOK, discordVisible, func(u string) ReceiverConfig {
		return ReceiverConfig{Name: "discord", Discord: &DiscordConfig{WebhookURL: u + "/api/webhooks/1/t"}}
	}},
}

// TestChatBatchKeepsEveryAlert sends 25 long alerts in one call to each
// chat receiver: all 25 stay identifiable, in messages within the limits.
func TestChatBatchKeepsEveryAlert(t *testing.T) {
	for _, tc := range chatCases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c := newChatCapture(t, tc.ok, tc.extract)
			r := mustReceiver(t, tc.config(c.srv.URL))
			if err := r.Send(context.Background(), bigAlerts(25)); err != nil {
				t.Fatal(err)
			}
			if n, msgs := c.seen(); n != 25 {
				t.Errorf("%d of 25 alerts visible in %d messages", n, msgs)
			}
		})
	}
}

// TestOversizedAlertKeepsIdentity shortens one alert whose text alone
// exceeds the limits, keeping its incident id, subject and deadline.
func TestOversizedAlertKeepsIdentity(t *testing.T) {
	for _, tc := range chatCases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c := newChatCapture(t, tc.ok, tc.extract)
			r := mustReceiver(t, tc.config(c.srv.URL))
			a := bigAlert(3)
			a.Summary = strings.Repeat("<&> very long ", 1200)
			a.Action = strings.Repeat("act ", 2000)
			if err := r.Send(context.Background(), []Alert{a}); err != nil {
				t.Fatal(err)
			}
			if n, msgs := c.seen(); n != 1 || msgs != 1 {
				t.Errorf("%d alerts visible in %d messages, want 1 in 1", n, msgs)
			}
		})
	}
}

// TestManagerBatchDeliversAll routes 25 alerts through the outbox to each
// chat receiver with max_batch 25: every alert is visible and the sent
// counter counts exactly what was delivered.
func TestManagerBatchDeliversAll(t *testing.T) {
	_, url := bustest.Start(t)
	b := connect(t, url)
	defer b.Close()
	wait := 200 * time.Millisecond
	cfg := Config{Delivery: fastDelivery(), Global: testGlobal, Route: Route{Receiver: "telegram", GroupWait: &wait, Routes: []Route{
		{Receiver: "telegram", Continue: true}, {Receiver: "slack", Continue: true}, {Receiver: "discord", Continue: true}, {Receiver: "teams"},
	}}}
	caps := map[string]*chatCapture{}
	for _, tc := range chatCases {
		c := newChatCapture(t, tc.ok, tc.extract)
		caps[tc.name] = c
		rc := tc.config(c.srv.URL)
		rc.MinInterval, rc.MaxBatch = zero(), 25
		cfg.Receivers = append(cfg.Receivers, rc)
	}
	m := newTestManager(t, cfg, b)
	for _, a := range bigAlerts(25) {
		a.At = time.Time{} // raised now
		if err := m.Notify(context.Background(), a); err != nil {
			t.Fatal(err)
		}
	}
	running(t, m)
	for name, c := range caps {
		waitFor(t, name+" sent counter at 25", func() bool { return m.Counters().Get(name, "sent", "") >= 25 })
		if n, msgs := c.seen(); n != 25 {
			t.Errorf("%s: %d of 25 alerts visible in %d messages", name, n, msgs)
		}
		if got := m.Counters().Get(name, "sent", ""); got != 25 {
			t.Errorf("%s: sent counter %d, want 25", name, got)
		}
	}
}
