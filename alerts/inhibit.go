package alerts

import (
	"context"
	"fmt"
	"regexp"
)

// InhibitRule mutes new notifications of alerts matching the target while
// another open incident matches the source and has the same values for the
// Equal labels, as Alertmanager's inhibit_rules do. E.g. a critical alert
// for a subject inhibits the warnings about it:
//
//	inhibit_rules:
//	  - source_match: {severity: critical}
//	    target_match: {severity: warning}
//	    equal: [subject]
//
// Labels are those routes match on (see Alert.LabelSet). Updates of an
// incident already delivered still reach its receivers.
type InhibitRule struct {
	SourceMatch   map[string]string `yaml:"source_match"`
	SourceMatchRE map[string]string `yaml:"source_match_re"`
	TargetMatch   map[string]string `yaml:"target_match"`
	TargetMatchRE map[string]string `yaml:"target_match_re"`
	Equal         []string          `yaml:"equal"`

	sourceRE, targetRE map[string]*regexp.Regexp
}

func (r *InhibitRule) compile(p string) error {
	if len(r.SourceMatch)+len(r.SourceMatchRE) == 0 || len(r.TargetMatch)+len(r.TargetMatchRE) == 0 {
		return fmt.Errorf("%s: an inhibit rule needs a source and a target matcher", p)
	}
	var err error
	if r.sourceRE, err = compileRE(p+".source_match_re", r.SourceMatchRE); err != nil {
		return err
	}
	r.targetRE, err = compileRE(p+".target_match_re", r.TargetMatchRE)
	return err
}

// inhibits reports whether source (an open incident's alert) inhibits target.
func (r *InhibitRule) inhibits(source, target map[string]string) bool {
	if source["fingerprint"] == target["fingerprint"] {
		return false
	}
	if !matches(target, r.TargetMatch, r.targetRE) || !matches(source, r.SourceMatch, r.sourceRE) {
		return false
	}
	for _, k := range r.Equal {
		if source[k] != target[k] {
			return false
		}
	}
	return true
}

// inhibited reports whether an open incident inhibits a under cfg's rules,
// and which one.
func (m *Manager) inhibited(ctx context.Context, cfg *Config, a Alert) (bool, string, error) {
	if len(cfg.InhibitRules) == 0 {
		return false, "", nil
	}
	incs, err := m.openIncidents(ctx)
	if err != nil {
		return false, "", err
	}
	target := a.LabelSet()
	for _, in := range incs {
		if in.Alert.Kind != KindTower && stateRank(in.Alert.State) >= 3 {
			continue // a failed dispute is open for people, not a firing source
		}
		source := in.Alert.LabelSet()
		for i := range cfg.InhibitRules {
			if cfg.InhibitRules[i].inhibits(source, target) {
				return true, in.Alert.Fingerprint, nil
			}
		}
	}
	return false, "", nil
}
