package alerts

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
)

// slackReceiver posts Block Kit messages to a Slack incoming webhook
// (https://api.slack.com/messaging/webhooks). Slack allows about one message
// per second per webhook and answers 429 with Retry-After when exceeded.
type slackReceiver struct {
	h   *httpSender
	url string
	g   Global
}

func (r *slackReceiver) Name() string { return r.h.name }
func (r *slackReceiver) Batch() bool  { return true }

type slackText struct {
	Type string `json:"type"`
	Text string `json:"text"`
}

type slackBlock struct {
	Type     string      `json:"type"`
	Text     *slackText  `json:"text,omitempty"`
	Fields   []slackText `json:"fields,omitempty"`
	Elements []slackText `json:"elements,omitempty"`
}

type slackMessage struct {
	// Text is the notification fallback shown where blocks cannot be.
	Text   string       `json:"text"`
	Blocks []slackBlock `json:"blocks"`
}

// slackEscape escapes the three characters Slack mrkdwn reserves.
func slackEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// Block Kit limits: 50 blocks per message, 3000 characters of section
// text, 10 fields of 2000 characters per section.
const (
	slackMaxBlocks  = 50
	slackMaxSection = 3000
	slackMaxField   = 2000
)

// slackAlertBlocks renders one alert as a section (title, summary, advice)
// and a fields section (details, incident id and deadline always kept).
func slackAlertBlocks(a Alert, g Global) []slackBlock {
	ps := []piece{
		{essential: true, text: truncate(title(a), 512), render: func(s string) string { return severityEmoji(a) + " *" + slackEscape(s) + "*" }},
		{text: a.Summary, render: slackEscape},
		{text: a.Advice(), render: func(s string) string { return "*What to do:* " + slackEscape(s) }},
	}
	text := strings.Join(fitPieces(ps, "\n", slackMaxSection), "\n")
	blocks := []slackBlock{{Type: "section", Text: &slackText{Type: "mrkdwn", Text: text}}}
	var fields []slackText
	for _, d := range details(a, g) {
		if len(fields) == 10 { // at most 10 fields per section
			break
		}
		f, _ := fitRendered(d.value, slackMaxField, func(s string) string { return "*" + d.name + "*\n" + slackEscape(s) })
		fields = append(fields, slackText{Type: "mrkdwn", Text: f})
	}
	if len(fields) > 0 {
		blocks = append(blocks, slackBlock{Type: "section", Fields: fields})
	}
	return blocks
}

// slackCost is how many blocks a adds to a message.
func slackCost(a Alert, g Global, first bool) int {
	n := len(slackAlertBlocks(a, g))
	if !first {
		n++ // divider
	}
	return n
}

// split packs alerts into messages of at most 50 blocks (one is the
// context line).
func (r *slackReceiver) split(alerts []Alert) [][]Alert {
	return pack(alerts, slackMaxBlocks-1, 0, func(a Alert, first bool) int { return slackCost(a, r.g, first) })
}

func slackPayload(alerts []Alert, g Global) slackMessage {
	var m slackMessage
	if len(alerts) == 1 {
		m.Text = title(alerts[0])
	} else {
		m.Text = fmt.Sprintf("%d watchtower alerts, most severe: %s", len(alerts), title(mostSevere(alerts)))
	}
	for i, a := range alerts {
		if i > 0 {
			m.Blocks = append(m.Blocks, slackBlock{Type: "divider"})
		}
		m.Blocks = append(m.Blocks, slackAlertBlocks(a, g)...)
	}
	m.Blocks = append(m.Blocks, slackBlock{Type: "context", Elements: []slackText{{Type: "mrkdwn", Text: slackEscape("from " + g.Source)}}})
	return m
}

func severityEmoji(a Alert) string {
	switch {
	case a.Resolves():
		return ":white_check_mark:"
	case a.Severity == Critical:
		return ":rotating_light:"
	case a.Severity == Warning:
		return ":warning:"
	}
	return ":information_source:"
}

func mostSevere(alerts []Alert) Alert {
	best := alerts[0]
	for _, a := range alerts[1:] {
		if a.Severity > best.Severity {
			best = a
		}
	}
	return best
}

// Send posts one message per part of split(alerts).
func (r *slackReceiver) Send(ctx context.Context, alerts []Alert) error {
	for _, part := range r.split(alerts) {
		if err := r.send(ctx, part); err != nil {
			return err
		}
	}
	return nil
}

func (r *slackReceiver) send(ctx context.Context, alerts []Alert) error {
	body, err := json.Marshal(slackPayload(alerts, r.g))
	if err != nil {
		return &SendError{Receiver: r.h.name, Reason: "encode", Permanent: true, Err: err}
	}
	_, err = r.h.post(ctx, r.url, body, nil)
	return err
}
