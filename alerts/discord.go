package alerts

import (
	"context"
	"encoding/json"
	"time"
)

// discordReceiver posts embeds to a Discord webhook
// (https://discord.com/developers/docs/resources/webhook#execute-webhook).
// Discord answers 429 with Retry-After and a JSON retry_after in seconds.
type discordReceiver struct {
	h        *httpSender
	url      string
	username string
	g        Global
}

func (r *discordReceiver) Name() string { return r.h.name }
func (r *discordReceiver) Batch() bool  { return true }

type discordField struct {
	Name   string `json:"name"`
	Value  string `json:"value"`
	Inline bool   `json:"inline"`
}

type discordFooter struct {
	Text string `json:"text"`
}

type discordEmbed struct {
	Title       string         `json:"title"`
	Description string         `json:"description"`
	Color       int            `json:"color"`
	Fields      []discordField `json:"fields,omitempty"`
	Timestamp   string         `json:"timestamp,omitempty"`
	Footer      *discordFooter `json:"footer,omitempty"`
}

type discordMessage struct {
	Username string         `json:"username,omitempty"`
	Content  string         `json:"content,omitempty"`
	Embeds   []discordEmbed `json:"embeds"`
}

// Embed colours.
const (
	colorCritical = 0xD32F2F
	colorWarning  = 0xF9A825
	colorInfo     = 0x1976D2
	colorResolved = 0x2E7D32
)

func discordColor(a Alert) int {
	switch {
	case a.Resolves():
		return colorResolved
	case a.Severity == Critical:
		return colorCritical
	case a.Severity == Warning:
		return colorWarning
	}
	return colorInfo
}

// discordPayload builds at most 10 embeds, within Discord's per-field limits
// (title 256, description 4096, 25 fields of 256/1024) and the 6000
// character total.
func discordPayload(alerts []Alert, username string, g Global) discordMessage {
	if len(alerts) > 10 {
		alerts = alerts[:10]
	}
	budget := 5800 / len(alerts)
	m := discordMessage{Username: username}
	for _, a := range alerts {
		e := discordEmbed{
			Title:  truncate(title(a), 256),
			Color:  discordColor(a),
			Footer: &discordFooter{Text: g.Source},
		}
		if !a.At.IsZero() {
			e.Timestamp = a.At.UTC().Format(time.RFC3339)
		}
		used := len([]rune(e.Title)) + len([]rune(g.Source))
		for _, d := range details(a, g) {
			f := discordField{Name: truncate(d.name, 256), Value: truncate(d.value, 1024), Inline: len(d.value) < 40}
			n := len([]rune(f.Name)) + len([]rune(f.Value))
			if used+n > budget/2 || len(e.Fields) == 25 {
				break
			}
			used += n
			e.Fields = append(e.Fields, f)
		}
		e.Description = truncate(a.Summary+"\n**What to do:** "+a.Advice(), max(min(4096, budget-used), 1))
		m.Embeds = append(m.Embeds, e)
	}
	return m
}

func (r *discordReceiver) Send(ctx context.Context, alerts []Alert) error {
	body, err := json.Marshal(discordPayload(alerts, r.username, r.g))
	if err != nil {
		return &SendError{Receiver: r.h.name, Reason: "encode", Permanent: true, Err: err}
	}
	_, err = r.h.post(ctx, r.url, body, nil)
	return err
}
