package alerts

import (
	"context"
	"encoding/json"
	"strconv"
	"time"
)

// pagerDutyReceiver sends Events API v2 events
// (https://developer.pagerduty.com/docs/events-api-v2/trigger-events/): a
// trigger per notification and a resolve, with the incident fingerprint as
// dedup_key, so PagerDuty keeps one incident per dispute and closes it when
// the challenge is mined.
type pagerDutyReceiver struct {
	h   *httpSender
	key string
	url string
	g   Global
}

func (r *pagerDutyReceiver) Name() string { return r.h.name }
func (r *pagerDutyReceiver) Batch() bool  { return false }

type pdPayload struct {
	Summary       string            `json:"summary"`
	Source        string            `json:"source"`
	Severity      string            `json:"severity"`
	Timestamp     string            `json:"timestamp,omitempty"`
	Component     string            `json:"component,omitempty"`
	Group         string            `json:"group,omitempty"`
	Class         string            `json:"class,omitempty"`
	CustomDetails map[string]string `json:"custom_details,omitempty"`
}

type pdLink struct {
	Href string `json:"href"`
	Text string `json:"text,omitempty"`
}

type pdEvent struct {
	RoutingKey  string     `json:"routing_key"`
	EventAction string     `json:"event_action"`
	DedupKey    string     `json:"dedup_key"`
	Payload     *pdPayload `json:"payload,omitempty"`
	Client      string     `json:"client,omitempty"`
	ClientURL   string     `json:"client_url,omitempty"`
	Links       []pdLink   `json:"links,omitempty"`
}

// pdSeverity maps to the Events API severities: critical, error, warning, info.
func pdSeverity(s Severity) string {
	switch s {
	case Critical:
		return "critical"
	case Warning:
		return "warning"
	}
	return "info"
}

func pagerDutyEvent(key string, a Alert, g Global) pdEvent {
	ev := pdEvent{RoutingKey: key, DedupKey: truncate(a.Fingerprint, 255)}
	if a.Resolves() {
		ev.EventAction = "resolve"
		return ev
	}
	ev.EventAction = "trigger"
	det := map[string]string{"what_to_do": a.Advice(), "state": a.State}
	for _, d := range details(a, g) {
		det[d.name] = d.value
	}
	for k, v := range a.Labels {
		det["label_"+k] = v
	}
	ts := ""
	if !a.At.IsZero() {
		ts = a.At.UTC().Format(time.RFC3339)
	}
	ev.Payload = &pdPayload{
		Summary:       truncate(title(a)+" — "+a.Summary, 1024),
		Source:        g.Source,
		Severity:      pdSeverity(a.Severity),
		Timestamp:     ts,
		Component:     a.Kind,
		Group:         "chain-" + strconv.FormatUint(a.ChainID, 10),
		Class:         a.State,
		CustomDetails: det,
	}
	ev.Client = g.Source
	ev.ClientURL = g.ExternalURL
	if a.TxHash != "" && g.ExplorerURL != "" {
		ev.Links = []pdLink{{Href: trimSlash(g.ExplorerURL) + "/tx/" + a.TxHash, Text: "challenge transaction"}}
	}
	return ev
}

func (r *pagerDutyReceiver) Send(ctx context.Context, alerts []Alert) error {
	for _, a := range alerts {
		body, err := json.Marshal(pagerDutyEvent(r.key, a, r.g))
		if err != nil {
			return &SendError{Receiver: r.h.name, Reason: "encode", Permanent: true, Err: err}
		}
		if _, err := r.h.post(ctx, r.url, body, nil); err != nil {
			return err
		}
	}
	return nil
}
