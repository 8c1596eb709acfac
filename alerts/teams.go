package alerts

import (
	"context"
	"encoding/json"
	"fmt"
)

// teamsReceiver posts an Adaptive Card to a Microsoft Teams Workflows
// webhook ("When a Teams webhook request is received"): a message whose
// attachment has contentType application/vnd.microsoft.card.adaptive. The
// workflow answers 202 Accepted. Teams refuses messages over about 28 KB,
// so a batch is split into cards of at most teamsMaxBytes.
type teamsReceiver struct {
	h   *httpSender
	url string
	g   Global
}

func (r *teamsReceiver) Name() string { return r.h.name }
func (r *teamsReceiver) Batch() bool  { return true }

// teamsMaxBytes keeps a card under Teams' ~28 KB message limit.
const teamsMaxBytes = 24 << 10

// TeamsMessage is the body a Workflows webhook accepts.
type TeamsMessage struct {
	Type        string            `json:"type"`
	Attachments []TeamsAttachment `json:"attachments"`
}

// TeamsAttachment carries one Adaptive Card.
type TeamsAttachment struct {
	ContentType string       `json:"contentType"`
	ContentURL  *string      `json:"contentUrl"`
	Content     AdaptiveCard `json:"content"`
}

// AdaptiveCard is the subset of the Adaptive Card schema the tower uses.
type AdaptiveCard struct {
	Schema  string         `json:"$schema"`
	Type    string         `json:"type"`
	Version string         `json:"version"`
	Body    []AdaptiveItem `json:"body"`
	MSTeams map[string]any `json:"msteams,omitempty"`
}

// AdaptiveItem is a TextBlock, FactSet or Container.
type AdaptiveItem struct {
	Type      string         `json:"type"`
	Text      string         `json:"text,omitempty"`
	Wrap      bool           `json:"wrap,omitempty"`
	Weight    string         `json:"weight,omitempty"`
	Size      string         `json:"size,omitempty"`
	Color     string         `json:"color,omitempty"`
	Separator bool           `json:"separator,omitempty"`
	Facts     []AdaptiveFact `json:"facts,omitempty"`
	Items     []AdaptiveItem `json:"items,omitempty"`
	Style     string         `json:"style,omitempty"`
}

// AdaptiveFact is one title/value row of a FactSet.
type AdaptiveFact struct {
	Title string `json:"title"`
	Value string `json:"value"`
}

func teamsColor(a Alert) (color, style string) {
	switch {
	case a.Resolves():
		return "good", "good"
	case a.Severity == Critical:
		return "attention", "attention"
	case a.Severity == Warning:
		return "warning", "warning"
	}
	return "accent", "default"
}

// teamsContainer renders one alert; Adaptive Card text is not HTML, and
// long summaries are shortened, never the title or facts.
func teamsContainer(a Alert, g Global, first bool) AdaptiveItem {
	color, style := teamsColor(a)
	facts := []AdaptiveFact{}
	for _, d := range details(a, g) {
		facts = append(facts, AdaptiveFact{Title: d.name, Value: truncate(d.value, 1000)})
	}
	return AdaptiveItem{Type: "Container", Style: style, Separator: !first, Items: []AdaptiveItem{
		{Type: "TextBlock", Text: truncate(title(a), 512), Weight: "bolder", Size: "medium", Color: color, Wrap: true},
		{Type: "TextBlock", Text: truncate(a.Summary, 4000), Wrap: true},
		{Type: "TextBlock", Text: "**What to do:** " + truncate(a.Advice(), 2000), Wrap: true},
		{Type: "FactSet", Facts: facts},
	}}
}

func teamsPayload(alerts []Alert, g Global) TeamsMessage {
	card := AdaptiveCard{Schema: "http://adaptivecards.io/schemas/adaptive-card.json", Type: "AdaptiveCard", Version: "1.4",
		MSTeams: map[string]any{"width": "Full"}}
	for i, a := range alerts {
		card.Body = append(card.Body, teamsContainer(a, g, i == 0))
	}
	card.Body = append(card.Body, AdaptiveItem{Type: "TextBlock", Text: "from " + g.Source, Size: "small", Wrap: true, Separator: true})
	return TeamsMessage{Type: "message", Attachments: []TeamsAttachment{{ContentType: "application/vnd.microsoft.card.adaptive", Content: card}}}
}

// split packs alerts into cards of at most teamsMaxBytes of JSON.
func (r *teamsReceiver) split(alerts []Alert) [][]Alert {
	return pack(alerts, teamsMaxBytes-1024, 0, func(a Alert, first bool) int {
		b, _ := json.Marshal(teamsContainer(a, r.g, first))
		return len(b)
	})
}

// Send posts one card per part of split(alerts).
func (r *teamsReceiver) Send(ctx context.Context, alerts []Alert) error {
	for _, part := range r.split(alerts) {
		body, err := json.Marshal(teamsPayload(part, r.g))
		if err != nil {
			return &SendError{Receiver: r.h.name, Reason: "encode", Permanent: true, Err: fmt.Errorf("teams card: %w", err)}
		}
		if _, err := r.h.post(ctx, r.url, body, nil); err != nil {
			return err
		}
	}
	return nil
}
