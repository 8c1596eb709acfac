package alerts

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"strings"
	"unicode/utf8"
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

// telegramMaxText is sendMessage's limit on the text (after entity parsing;
// the raw HTML is counted, which is stricter).
const telegramMaxText = 4096

func bold(s string) string { return "<b>" + html.EscapeString(s) + "</b>" }

// telegramAlertText renders one alert within telegramMaxText: the title,
// incident id and deadline are kept; the summary, advice and other details
// are shortened when the whole would not fit.
func telegramAlertText(a Alert, g Global) string {
	esc := html.EscapeString
	ps := []piece{
		{essential: true, text: truncate(title(a), 512), render: bold},
		{text: a.Summary, render: esc},
		{text: a.Advice(), render: func(s string) string { return "<b>What to do:</b> " + esc(s) }},
	}
	for _, d := range details(a, g) {
		name := d.name
		v := d.value
		if isEssential(name) {
			v = truncate(v, 512)
		}
		ps = append(ps, piece{essential: isEssential(name), text: v, render: func(s string) string { return "<b>" + esc(name) + ":</b> " + esc(s) }})
	}
	return strings.Join(fitPieces(ps, "\n", telegramMaxText), "\n")
}

func telegramText(alerts []Alert, g Global) string {
	parts := make([]string, len(alerts))
	for i, a := range alerts {
		parts[i] = telegramAlertText(a, g)
	}
	return strings.Join(parts, "\n\n")
}

// split packs alerts into messages of at most telegramMaxText characters.
func (r *telegramReceiver) split(alerts []Alert) [][]Alert {
	return pack(alerts, telegramMaxText, 0, func(a Alert, first bool) int {
		n := utf8.RuneCountInString(telegramAlertText(a, r.g))
		if !first {
			n += 2
		}
		return n
	})
}

// Send posts one message per part of split(alerts).
func (r *telegramReceiver) Send(ctx context.Context, alerts []Alert) error {
	for _, part := range r.split(alerts) {
		if err := r.send(ctx, part); err != nil {
			return err
		}
	}
	return nil
}

func (r *telegramReceiver) send(ctx context.Context, alerts []Alert) error {
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
