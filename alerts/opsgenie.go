package alerts

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
)

// opsgenieReceiver creates alerts with the incident fingerprint as alias and
// closes them by alias (https://docs.opsgenie.com/docs/alert-api):
// POST /v2/alerts and POST /v2/alerts/{alias}/close?identifierType=alias,
// authenticated with "Authorization: GenieKey <key>".
type opsgenieReceiver struct {
	h   *httpSender
	key string
	cfg OpsgenieConfig
	api string
	g   Global
}

func (r *opsgenieReceiver) Name() string { return r.h.name }
func (r *opsgenieReceiver) Batch() bool  { return false }

type ogResponder struct {
	Name string `json:"name"`
	Type string `json:"type"`
}

type ogCreate struct {
	Message     string            `json:"message"`
	Alias       string            `json:"alias"`
	Description string            `json:"description,omitempty"`
	Responders  []ogResponder     `json:"responders,omitempty"`
	Tags        []string          `json:"tags,omitempty"`
	Details     map[string]string `json:"details,omitempty"`
	Entity      string            `json:"entity,omitempty"`
	Source      string            `json:"source,omitempty"`
	Priority    string            `json:"priority"`
}

type ogClose struct {
	Source string `json:"source,omitempty"`
	Note   string `json:"note,omitempty"`
}

// ogPriority maps severities to P1 (critical) .. P5 (informational).
func ogPriority(s Severity) string {
	switch s {
	case Critical:
		return "P1"
	case Warning:
		return "P3"
	}
	return "P5"
}

func opsgenieCreate(a Alert, cfg OpsgenieConfig, g Global) ogCreate {
	c := ogCreate{
		Message:  truncate(title(a), 130),
		Alias:    truncate(a.Fingerprint, 512),
		Tags:     append([]string{"watchtower", a.Kind, a.State}, cfg.Tags...),
		Entity:   truncate(a.Kind+" "+a.Subject, 512),
		Source:   truncate(g.Source, 100),
		Priority: ogPriority(a.Severity),
		Details:  map[string]string{},
	}
	desc := a.Summary + "\n\nWhat to do: " + a.Advice() + "\n"
	for _, d := range details(a, g) {
		desc += "\n" + d.name + ": " + d.value
		c.Details[d.name] = truncate(d.value, 8000)
	}
	c.Description = truncate(desc, 15000)
	for _, t := range cfg.Responders {
		c.Responders = append(c.Responders, ogResponder{Name: t, Type: "team"})
	}
	return c
}

func (r *opsgenieReceiver) Send(ctx context.Context, alerts []Alert) error {
	hdr := http.Header{"Authorization": {"GenieKey " + r.key}}
	for _, a := range alerts {
		var (
			u    string
			body []byte
			err  error
		)
		if a.Resolves() {
			u = r.api + "/v2/alerts/" + url.PathEscape(truncate(a.Fingerprint, 512)) + "/close?identifierType=alias"
			body, err = json.Marshal(ogClose{Source: r.g.Source, Note: truncate(a.Summary, 25000)})
		} else {
			u = r.api + "/v2/alerts"
			body, err = json.Marshal(opsgenieCreate(a, r.cfg, r.g))
		}
		if err != nil {
			return &SendError{Receiver: r.h.name, Reason: "encode", Permanent: true, Err: err}
		}
		if _, err := r.h.post(ctx, u, body, hdr); err != nil {
			return err
		}
	}
	return nil
}
