package alerts

import (
	"context"
	"strings"
	"testing"
)

// TestTemplatesOverrideTitleAndText: a receiver's templates replace the
// built-in title and text; the incident id and deadline stay in the message.
func TestTemplatesOverrideTitleAndText(t *testing.T) {
	t.Parallel()
	c := newChatCapture(t, tgOK, telegramVisible)
	r := mustReceiver(t, ReceiverConfig{Name: "tg", Telegram: &TelegramConfig{BotToken: "1:T", ChatID: "-1", APIURL: c.srv.URL},
		Templates: &Templates{Title: `{{.SeverityName | upper}} dispute on {{.Subject}} ({{.Source}})`, Text: `chain {{.ChainID}}: {{.Text}}`}})
	a := bigAlert(1)
	if err := r.Send(context.Background(), []Alert{a}); err != nil {
		t.Fatal(err)
	}
	reqs := c.requests()
	if len(reqs) != 1 {
		t.Fatalf("%d requests", len(reqs))
	}
	text, err := telegramVisible(reqs[0].Body)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"CRITICAL dispute on channel 0x0001 (watchtower-test)", "chain 1: stale state <7>", a.Fingerprint, "Deadline block: 1000001"} {
		if !strings.Contains(text, want) {
			t.Errorf("message lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "[CRITICAL]") {
		t.Errorf("built-in title still used:\n%s", text)
	}
	if n, _ := c.seen(); n != 1 {
		t.Errorf("alert not identifiable")
	}
}

func TestTemplateErrorsNameTheKey(t *testing.T) {
	_, err := ParseConfig([]byte("receivers:\n  - name: a\n    slack: {webhook_url: https://x}\n    templates: {title: '{{.Subject'}\nroute: {receiver: a}\n"))
	if err == nil || !strings.Contains(err.Error(), "receivers[0].templates.title") {
		t.Errorf("err = %v", err)
	}
}
