package alerts

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// LabelSet returns the labels routes and silences match on: the alert's
// Labels plus severity, kind, state, chain_id, contract, subject and
// fingerprint (built-in names win over Labels).
func (a Alert) LabelSet() map[string]string {
	m := make(map[string]string, len(a.Labels)+7)
	for k, v := range a.Labels {
		m[k] = v
	}
	m["severity"] = a.Severity.String()
	m["kind"] = a.Kind
	m["state"] = a.State
	m["chain_id"] = strconv.FormatUint(a.ChainID, 10)
	m["contract"] = a.Contract
	m["subject"] = a.Subject
	m["fingerprint"] = a.Fingerprint
	return m
}

func matches(labels map[string]string, eq map[string]string, re map[string]*regexp.Regexp) bool {
	for k, v := range eq {
		if labels[k] != v {
			return false
		}
	}
	for k, r := range re {
		if !r.MatchString(labels[k]) {
			return false
		}
	}
	return true
}

func (r *Route) matches(a Alert, labels map[string]string) bool {
	if r.min != nil && a.Severity < *r.min {
		return false
	}
	return matches(labels, r.Match, r.re)
}

// Target is where the routing tree sends an alert.
type Target struct {
	Receiver       string
	GroupKey       string
	GroupWait      time.Duration
	RepeatInterval time.Duration
}

// Routes returns the targets of a in routing-tree order, one per receiver.
func (c *Config) Routes(a Alert) []Target {
	labels := a.LabelSet()
	var out []Target
	seen := map[string]bool{}
	var walk func(r *Route) bool
	walk = func(r *Route) bool {
		if !r.matches(a, labels) {
			return false
		}
		matched := false
		for i := range r.Routes {
			if walk(&r.Routes[i]) {
				matched = true
				if !r.Routes[i].Continue {
					break
				}
			}
		}
		if !matched && !seen[r.Receiver] {
			seen[r.Receiver] = true
			out = append(out, r.target(labels))
		}
		return true
	}
	walk(&c.Route)
	return out
}

func (r *Route) target(labels map[string]string) Target {
	t := Target{Receiver: r.Receiver}
	if r.GroupWait != nil {
		t.GroupWait = *r.GroupWait
	}
	if r.RepeatInterval != nil {
		t.RepeatInterval = *r.RepeatInterval
	}
	keys := append([]string(nil), r.GroupBy...)
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString(r.Receiver)
	for _, k := range keys {
		b.WriteString("|" + k + "=" + labels[k])
	}
	t.GroupKey = b.String()
	return t
}

// Silenced reports whether an active silence matches a at time now, and its comment.
func (c *Config) Silenced(a Alert, now time.Time) (bool, string) {
	labels := a.LabelSet()
	for _, s := range c.Silences {
		if !s.StartsAt.IsZero() && now.Before(s.StartsAt) {
			continue
		}
		if !s.EndsAt.IsZero() && !now.Before(s.EndsAt) {
			continue
		}
		if matches(labels, s.Match, s.re) {
			return true, s.Comment
		}
	}
	return false, ""
}

// receiverConfig returns the named receiver.
func (c *Config) receiverConfig(name string) (ReceiverConfig, bool) {
	for _, r := range c.Receivers {
		if r.Name == name {
			return r, true
		}
	}
	return ReceiverConfig{}, false
}

// fallbackOf returns the fallback receiver of name, if any.
func (c *Config) fallbackOf(name string) string {
	r, ok := c.receiverConfig(name)
	if ok && r.Fallback != "" {
		return r.Fallback
	}
	if c.Delivery.Fallback != name {
		return c.Delivery.Fallback
	}
	return ""
}
