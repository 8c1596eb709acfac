package alerts

import (
	"context"
	"encoding/json"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// alertmanagerReceiver posts to Prometheus Alertmanager's
// POST /api/v2/alerts (a JSON array of postable alerts). Each incident is
// one Alertmanager alert whose labels never change during the incident's
// life: severity, state and escalation step are annotations. A firing alert
// ends ttl after it was sent, and the manager re-sends open and failed
// incidents every resend interval, so Alertmanager keeps them firing while
// the tower runs; only the incident's resolve ends it.
type alertmanagerReceiver struct {
	h     *httpSender
	url   string
	token string
	g     Global
	ttl   time.Duration
	now   func() time.Time
}

// DefaultAlertmanagerResend is how often open incidents are re-sent to
// Alertmanager when resend_interval is not set.
const DefaultAlertmanagerResend = time.Minute

func (r *alertmanagerReceiver) Name() string { return r.h.name }
func (r *alertmanagerReceiver) Batch() bool  { return true }

// AMAlert is one element of the Alertmanager v2 postable alerts array.
type AMAlert struct {
	Labels       map[string]string `json:"labels"`
	Annotations  map[string]string `json:"annotations"`
	StartsAt     string            `json:"startsAt"`
	EndsAt       string            `json:"endsAt"`
	GeneratorURL string            `json:"generatorURL"`
}

var badLabelChar = regexp.MustCompile(`[^a-zA-Z0-9_]`)

func amLabelName(k string) string {
	k = badLabelChar.ReplaceAllString(k, "_")
	if k == "" || (k[0] >= '0' && k[0] <= '9') {
		k = "_" + k
	}
	return k
}

// amLabels are an incident's Alertmanager labels: the alert's labels
// (without the escalation step) and its identity, nothing that changes while
// the incident is open.
func amLabels(a Alert) map[string]string {
	labels := map[string]string{}
	for k, v := range a.Labels {
		if v != "" && k != "escalation" {
			labels[amLabelName(k)] = v
		}
	}
	name := "WatchtowerDispute"
	if a.Kind == KindTower {
		name = "WatchtowerOperational"
	}
	for k, v := range map[string]string{"alertname": name, "incident": a.Fingerprint, "kind": a.Kind, "chain_id": a.LabelSet()["chain_id"], "contract": a.Contract, "subject": a.Subject} {
		if v != "" {
			labels[k] = v
		}
	}
	delete(labels, "severity")
	return labels
}

// latestPerIncident keeps the newest update of each incident in alerts
// (latest lifecycle state, then latest escalation step), in first-seen order.
func latestPerIncident(alerts []Alert) []Alert {
	idx := map[string]int{}
	var out []Alert
	for _, a := range alerts {
		i, ok := idx[a.Fingerprint]
		if !ok {
			idx[a.Fingerprint] = len(out)
			out = append(out, a)
			continue
		}
		b := out[i]
		if stateRank(a.State) > stateRank(b.State) || (stateRank(a.State) == stateRank(b.State) && a.Seq >= b.Seq) {
			out[i] = a
		}
	}
	return out
}

// alertmanagerAlerts maps alerts to one postable alert per incident; firing
// ones end ttl after now, resolving ones at their time.
func alertmanagerAlerts(alerts []Alert, g Global, now time.Time, ttl time.Duration) []AMAlert {
	var out []AMAlert
	for _, a := range latestPerIncident(alerts) {
		at := a.At
		if at.IsZero() || at.After(now) {
			at = now
		}
		ann := map[string]string{"summary": a.Summary, "description": title(a), "action": a.Advice(), "state": a.State, "severity": a.Severity.String()}
		if a.Seq != 0 && a.Kind != KindTower {
			ann["escalation"] = strconv.FormatUint(a.Seq, 10)
		}
		for _, d := range details(a, g) {
			ann[strings.ToLower(strings.ReplaceAll(d.name, " ", "_"))] = d.value
		}
		end := now.Add(ttl)
		if a.Resolves() {
			end = at
		}
		out = append(out, AMAlert{
			Labels:       amLabels(a),
			Annotations:  ann,
			StartsAt:     at.UTC().Format(time.RFC3339Nano),
			EndsAt:       end.UTC().Format(time.RFC3339Nano),
			GeneratorURL: g.ExternalURL,
		})
	}
	return out
}

func (r *alertmanagerReceiver) Send(ctx context.Context, alerts []Alert) error {
	body, err := json.Marshal(alertmanagerAlerts(alerts, r.g, r.now(), r.ttl))
	if err != nil {
		return &SendError{Receiver: r.h.name, Reason: "encode", Permanent: true, Err: err}
	}
	var hdr http.Header
	if r.token != "" {
		hdr = http.Header{"Authorization": {"Bearer " + r.token}}
	}
	_, err = r.h.post(ctx, r.url, body, hdr)
	return err
}

func trimSlash(s string) string { return strings.TrimRight(s, "/") }
