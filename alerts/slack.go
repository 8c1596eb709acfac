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
		text := fmt.Sprintf("%s *%s*\n%s\n*What to do:* %s", severityEmoji(a), slackEscape(title(a)), slackEscape(a.Summary), slackEscape(a.Advice()))
		m.Blocks = append(m.Blocks, slackBlock{Type: "section", Text: &slackText{Type: "mrkdwn", Text: truncate(text, 3000)}})
		var fields []slackText
		for _, d := range details(a, g) {
			if len(fields) == 10 { // Block Kit: at most 10 fields per section
				break
			}
			fields = append(fields, slackText{Type: "mrkdwn", Text: truncate("*"+d.name+"*\n"+slackEscape(d.value), 2000)})
		}
		if len(fields) > 0 {
			m.Blocks = append(m.Blocks, slackBlock{Type: "section", Fields: fields})
		}
	}
	m.Blocks = append(m.Blocks, slackBlock{Type: "context", Elements: []slackText{{Type: "mrkdwn", Text: slackEscape("from " + g.Source)}}})
	if len(m.Blocks) > 50 { // Block Kit: at most 50 blocks per message
		m.Blocks = m.Blocks[:50]
	}
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

func (r *slackReceiver) Send(ctx context.Context, alerts []Alert) error {
	body, err := json.Marshal(slackPayload(alerts, r.g))
	if err != nil {
		return &SendError{Receiver: r.h.name, Reason: "encode", Permanent: true, Err: err}
	}
	_, err = r.h.post(ctx, r.url, body, nil)
	return err
}
