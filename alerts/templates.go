package alerts

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"text/template"
)

// Templates override a receiver's message title and text with Go
// text/template over TemplateData. An empty template keeps the built-in
// format: Title defaults to "[SEVERITY] kind subject: state" and Text to
// the alert's summary. Every receiver still adds the incident id, deadline
// and other details itself, so a template cannot hide what identifies an
// alert.
type Templates struct {
	Title string `yaml:"title"`
	Text  string `yaml:"text"`

	title, text *template.Template
}

// TemplateData is what templates see: the alert's fields (.Fingerprint,
// .Kind, .Subject, .State, .Summary, .ChainID, .Contract, .DeadlineBlock,
// .DeadlineTime, .TxHash, .Users, .Labels, .At, .Seq) and these.
type TemplateData struct {
	Alert
	// SeverityName is info, warning or critical.
	SeverityName string
	// Title and Text are the built-in renderings.
	Title string
	Text  string
	// Advice is what the person on call should do.
	Advice   string
	Resolves bool
	TxState  string
	// Source, ExternalURL and ExplorerURL come from global settings.
	Source      string
	ExternalURL string
	ExplorerURL string
}

var templateFuncs = template.FuncMap{
	"upper": strings.ToUpper,
	"lower": strings.ToLower,
	"join":  strings.Join,
}

// compile parses the templates (p names the key in errors); nil is fine.
func (t *Templates) compile(p string) error {
	if t == nil {
		return nil
	}
	var err error
	parse := func(name, src string) *template.Template {
		if src == "" || err != nil {
			return nil
		}
		var tt *template.Template
		tt, err = template.New(name).Funcs(templateFuncs).Option("missingkey=zero").Parse(src)
		if err != nil {
			err = fmt.Errorf("%s.%s: %w", p, name, err)
		}
		return tt
	}
	t.title = parse("title", t.Title)
	t.text = parse("text", t.Text)
	return err
}

// apply renders a's title and text; on an execution error the built-in
// format is kept (and the error returned for the log).
func (t *Templates) apply(a Alert, g Global) (Alert, error) {
	if a.templated {
		return a, nil
	}
	d := TemplateData{Alert: a, SeverityName: a.Severity.String(), Title: title(a), Text: a.Summary, Advice: a.Advice(),
		Resolves: a.Resolves(), TxState: a.TxState(), Source: g.Source, ExternalURL: g.ExternalURL, ExplorerURL: g.ExplorerURL}
	var errs []error
	run := func(tt *template.Template) (string, bool) {
		if tt == nil {
			return "", false
		}
		var b bytes.Buffer
		if err := tt.Execute(&b, d); err != nil {
			errs = append(errs, err)
			return "", false
		}
		return strings.TrimSpace(b.String()), true
	}
	if s, ok := run(t.title); ok && s != "" {
		a.titleOverride = s
	}
	if s, ok := run(t.text); ok {
		a.Summary = s
	}
	a.templated = true
	if len(errs) > 0 {
		return a, fmt.Errorf("alerts: template: %v", errs)
	}
	return a, nil
}

// templatedReceiver renders templates before the wrapped receiver formats
// and splits its messages.
type templatedReceiver struct {
	Receiver
	t *Templates
	g Global
}

func templated(r Receiver, t *Templates, g Global) Receiver {
	return &templatedReceiver{Receiver: r, t: t, g: g}
}

func (r *templatedReceiver) render(alerts []Alert) []Alert {
	out := make([]Alert, len(alerts))
	for i, a := range alerts {
		out[i], _ = r.t.apply(a, r.g) // a broken template keeps the built-in text
	}
	return out
}

func (r *templatedReceiver) split(alerts []Alert) [][]Alert {
	return splitFor(r.Receiver, r.render(alerts))
}

// Send renders the templates and sends through the wrapped receiver.
func (r *templatedReceiver) Send(ctx context.Context, alerts []Alert) error {
	return r.Receiver.Send(ctx, r.render(alerts))
}
