package alerts

import (
	"context"
	"encoding/json"
	"time"
	"unicode/utf8"
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

// Discord limits (execute webhook): 10 embeds per message, 6000 characters
// over all embeds' titles, descriptions, field names and values and footers;
// title 256, description 4096, 25 fields of 256/1024 characters.
const (
	discordMaxEmbeds = 10
	discordMaxTotal  = 6000
	discordMaxDesc   = 4096
	discordMaxValue  = 1024
)

func runes(s string) int { return utf8.RuneCountInString(s) }

// embedSize is what an embed counts against the 6000-character total.
func embedSize(e discordEmbed) int {
	n := runes(e.Title) + runes(e.Description)
	for _, f := range e.Fields {
		n += runes(f.Name) + runes(f.Value)
	}
	if e.Footer != nil {
		n += runes(e.Footer.Text)
	}
	return n
}

// discordEmbedFor renders one alert as an embed of at most 6000 characters:
// the title, incident id and deadline are kept; the description and other
// fields are shortened when the whole would not fit.
func discordEmbedFor(a Alert, g Global) discordEmbed {
	e := discordEmbed{Title: truncate(title(a), 256), Color: discordColor(a), Footer: &discordFooter{Text: truncate(g.Source, 256)}}
	if !a.At.IsZero() {
		e.Timestamp = a.At.UTC().Format(time.RFC3339)
	}
	field := func(d detailPair, v string) discordField {
		return discordField{Name: truncate(d.name, 256), Value: v, Inline: len(d.value) < 40}
	}
	ds := details(a, g)
	left := discordMaxTotal - embedSize(e)
	for _, d := range ds {
		if isEssential(d.name) {
			left -= runes(d.name) + runes(truncate(d.value, discordMaxValue))
		}
	}
	id := func(s string) string { return s }
	if desc, ok := fitRendered(a.Summary+"\n**What to do:** "+a.Advice(), min(discordMaxDesc, left), id); ok {
		e.Description = desc
		left -= runes(desc)
	}
	for _, d := range ds {
		if isEssential(d.name) {
			e.Fields = append(e.Fields, field(d, truncate(d.value, discordMaxValue)))
			continue
		}
		if len(e.Fields) >= 25 {
			continue
		}
		if v, ok := fitRendered(d.value, min(discordMaxValue, left-runes(d.name)), id); ok {
			e.Fields = append(e.Fields, field(d, v))
			left -= runes(d.name) + runes(v)
		}
	}
	if e.Description == "" {
		e.Description = "-" // Discord rejects an embed without content only if all are empty; keep one character
	}
	return e
}

// split packs alerts into messages of at most 10 embeds and 6000 characters.
func (r *discordReceiver) split(alerts []Alert) [][]Alert {
	return pack(alerts, discordMaxTotal, discordMaxEmbeds, func(a Alert, _ bool) int { return embedSize(discordEmbedFor(a, r.g)) })
}

// discordPayload builds one embed per alert; callers pass a part of split.
func discordPayload(alerts []Alert, username string, g Global) discordMessage {
	m := discordMessage{Username: username}
	for _, a := range alerts {
		m.Embeds = append(m.Embeds, discordEmbedFor(a, g))
	}
	return m
}

// Send posts one message per part of split(alerts).
func (r *discordReceiver) Send(ctx context.Context, alerts []Alert) error {
	for _, part := range r.split(alerts) {
		if err := r.send(ctx, part); err != nil {
			return err
		}
	}
	return nil
}

func (r *discordReceiver) send(ctx context.Context, alerts []Alert) error {
	body, err := json.Marshal(discordPayload(alerts, r.username, r.g))
	if err != nil {
		return &SendError{Receiver: r.h.name, Reason: "encode", Permanent: true, Err: err}
	}
	_, err = r.h.post(ctx, r.url, body, nil)
	return err
}
