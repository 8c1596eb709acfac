package alerts

import (
	"context"
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"time"
)

// alertmanagerReceiver posts to Prometheus Alertmanager's
// POST /api/v2/alerts (a JSON array of postable alerts). Labels identify the
// incident and stay the same across its updates except severity: each
// update also resolves the incident's other severities, so exactly one
// alert per incident fires at a time.
type alertmanagerReceiver struct {
	h     *httpSender
	url   string
	token string
	g     Global
}

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

func alertmanagerAlerts(alerts []Alert, g Global) []AMAlert {
	var out []AMAlert
	for _, a := range alerts {
		at := a.At
		if at.IsZero() {
			at = time.Now()
		}
		labels := map[string]string{}
		for k, v := range a.Labels {
			if v != "" {
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
		ann := map[string]string{"summary": a.Summary, "description": title(a), "action": a.Advice(), "state": a.State}
		for _, d := range details(a, g) {
			ann[strings.ToLower(strings.ReplaceAll(d.name, " ", "_"))] = d.value
		}
		// Firing alerts end after the deadline (plus an hour) unless updated,
		// so Alertmanager's resolve_timeout does not close an open dispute.
		end := at.Add(24 * time.Hour)
		if !a.DeadlineTime.IsZero() && a.DeadlineTime.After(at) {
			end = a.DeadlineTime.Add(time.Hour)
		}
		for _, s := range []Severity{Info, Warning, Critical} {
			l := make(map[string]string, len(labels)+1)
			for k, v := range labels {
				l[k] = v
			}
			l["severity"] = s.String()
			e := end
			if a.Resolves() || s != a.Severity {
				e = at
			}
			out = append(out, AMAlert{
				Labels:       l,
				Annotations:  ann,
				StartsAt:     at.UTC().Format(time.RFC3339),
				EndsAt:       e.UTC().Format(time.RFC3339),
				GeneratorURL: g.ExternalURL,
			})
		}
	}
	return out
}

func (r *alertmanagerReceiver) Send(ctx context.Context, alerts []Alert) error {
	body, err := json.Marshal(alertmanagerAlerts(alerts, r.g))
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
