package alerts

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"strings"
)

// telegramReceiver calls the Bot API sendMessage method
// (https://core.telegram.org/bots/api#sendmessage) with HTML formatting.
// Telegram answers 429 with parameters.retry_after when flooded.
type telegramReceiver struct {
	h     *httpSender
	token string
	cfg   TelegramConfig
	api   string
	g     Global
}

func (r *telegramReceiver) Name() string { return r.h.name }
func (r *telegramReceiver) Batch() bool  { return true }

type tgLinkPreview struct {
	IsDisabled bool `json:"is_disabled"`
}

type tgMessage struct {
	ChatID             string         `json:"chat_id"`
	MessageThreadID    int64          `json:"message_thread_id,omitempty"`
	Text               string         `json:"text"`
	ParseMode          string         `json:"parse_mode"`
	LinkPreviewOptions *tgLinkPreview `json:"link_preview_options,omitempty"`
}

func telegramText(alerts []Alert, g Global) string {
	var b strings.Builder
	for i, a := range alerts {
		if i > 0 {
			b.WriteString("\n\n")
		}
		fmt.Fprintf(&b, "<b>%s</b>\n%s\n<b>What to do:</b> %s", html.EscapeString(title(a)), html.EscapeString(a.Summary), html.EscapeString(a.Advice()))
		for _, d := range details(a, g) {
			fmt.Fprintf(&b, "\n<b>%s:</b> %s", html.EscapeString(d.name), html.EscapeString(d.value))
		}
	}
	return truncateHTML(b.String(), 4096)
}

// truncateHTML cuts s to n runes without leaving a broken tag behind.
func truncateHTML(s string, n int) string {
	if len([]rune(s)) <= n {
		return s
	}
	// Drop formatting rather than risk an unbalanced tag Telegram rejects.
	plain := strings.NewReplacer("<b>", "", "</b>", "").Replace(s)
	t := truncate(plain, n)
	if i := strings.LastIndexByte(t, '&'); i >= 0 && !strings.Contains(t[i:], ";") {
		t = t[:i] + "…"
	}
	return t
}

func (r *telegramReceiver) Send(ctx context.Context, alerts []Alert) error {
	msg := tgMessage{
		ChatID:             r.cfg.ChatID,
		MessageThreadID:    r.cfg.MessageThreadID,
		Text:               telegramText(alerts, r.g),
		ParseMode:          "HTML",
		LinkPreviewOptions: &tgLinkPreview{IsDisabled: true},
	}
	body, err := json.Marshal(msg)
	if err != nil {
		return &SendError{Receiver: r.h.name, Reason: "encode", Permanent: true, Err: err}
	}
	rb, err := r.h.post(ctx, r.api+"/bot"+r.token+"/sendMessage", body, nil)
	if err != nil {
		return err
	}
	var resp struct {
		OK          bool   `json:"ok"`
		Description string `json:"description"`
	}
	if json.Unmarshal(rb, &resp) != nil || !resp.OK {
		return &SendError{Receiver: r.h.name, Status: 200, Reason: "rejected", Err: fmt.Errorf("telegram: %s", orDefault(resp.Description, "ok is not true"))}
	}
	return nil
}
