package alerts

import (
	"context"
	"fmt"
	"strconv"
	"time"
)

// Escalate applies the escalation thresholds to an open dispute alert a at
// L1 head block head (observed at time at). done is the escalation level
// already raised for the incident. It returns the re-notification to send
// and true when a new threshold was crossed: Severity raised to the
// threshold's (never lowered), Seq set to the new level, DeadlineTime
// estimated and the summary saying how many blocks are left.
func Escalate(a Alert, head uint64, at time.Time, e Escalation, done uint64) (Alert, bool) {
	if a.DeadlineBlock == 0 || a.Kind == KindTower || stateRank(a.State) >= 3 || stateRank(a.State) == 0 {
		return a, false
	}
	var left uint64
	if head < a.DeadlineBlock {
		left = a.DeadlineBlock - head
	}
	level, sev := uint64(0), a.Severity
	for i, th := range e.Thresholds { // most blocks left first
		if left <= th.BlocksLeft {
			level = uint64(i + 1)
			sev = max(sev, th.sev)
		}
	}
	if level <= done {
		return a, false
	}
	bt := e.BlockTime
	if bt <= 0 {
		bt = 12 * time.Second
	}
	out := a
	out.Labels = make(map[string]string, len(a.Labels)+1)
	for k, v := range a.Labels {
		out.Labels[k] = v
	}
	out.Labels["escalation"] = strconv.FormatUint(level, 10)
	out.Seq = level
	out.Severity = sev
	out.At = at
	out.DeadlineTime = at.Add(time.Duration(left) * bt)
	what := "the challenge is not sent yet"
	if a.State == StateChallengeSent {
		what = "the challenge is not mined yet"
	}
	out.Summary = fmt.Sprintf("%d blocks (~%s) left before deadline block %d and %s: %s",
		left, (time.Duration(left) * bt).Round(time.Second), a.DeadlineBlock, what, a.Summary)
	if sev == Critical {
		out.Action = "ACT NOW: the dispute window is closing. Check the challenge role, the L1 node, gas prices and the signer balance; be ready to challenge manually before block " + strconv.FormatUint(a.DeadlineBlock, 10) + "."
	}
	return out, true
}

// ObserveHead feeds the current L1 head to the escalation engine: every
// open dispute incident (challenge not mined) that crossed a new threshold
// is re-notified with raised severity. Call it on each new head (or every
// few seconds); at is the head's timestamp or the current time.
func (m *Manager) ObserveHead(ctx context.Context, head uint64, at time.Time) error {
	esc := m.routing.Load().Escalation
	if len(esc.Thresholds) == 0 {
		return nil
	}
	incs, err := m.openIncidents(ctx)
	if err != nil {
		return err
	}
	var errs []error
	for _, in := range incs {
		fp := in.Alert.Fingerprint
		m.mu.Lock()
		done := max(in.Escalated, m.escalated[fp])
		m.mu.Unlock()
		base := in.Base
		if base.State != in.Alert.State {
			base = in.Alert
		}
		up, ok := Escalate(base, head, at, esc, done)
		if !ok {
			continue
		}
		if err := m.Notify(ctx, up); err != nil {
			errs = append(errs, err)
			continue
		}
		m.mu.Lock()
		m.escalated[fp] = max(m.escalated[fp], up.Seq)
		m.mu.Unlock()
	}
	if len(errs) > 0 {
		return fmt.Errorf("alerts: escalate: %d of %d incidents failed: %v", len(errs), len(incs), errs)
	}
	return nil
}
