// Package alerts defines what the tower tells people and the Sink interface
// every receiver implements. This package ships the log/console sink; chat and
// paging receivers (Slack, PagerDuty, ...) implement the same interface.
package alerts

import (
	"context"
	"fmt"
	"strconv"
	"sync"
	"time"

	"go.uber.org/zap"
)

// Severity orders how urgently an alert needs a person.
type Severity int

// Severities, lowest first.
const (
	Info Severity = iota
	Warning
	Critical
)

// String returns the lower-case name of the severity.
func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Critical:
		return "critical"
	default:
		return fmt.Sprintf("severity(%d)", int(s))
	}
}

// Alert is one notification about a dispute or the tower's own health.
type Alert struct {
	// Fingerprint identifies the incident: alerts with the same fingerprint are
	// updates of one incident (detected -> challenge sent -> mined).
	Fingerprint string   `json:"fingerprint"`
	Severity    Severity `json:"severity"`
	// Kind is the L2 kind ("channel", ...) or "tower" for operational alerts.
	Kind     string `json:"kind"`
	ChainID  uint64 `json:"chain_id"`
	Contract string `json:"contract,omitempty"`
	// Subject is what the alert is about: a channel id, an exit, a checkpoint.
	Subject string `json:"subject"`
	// State is the incident's lifecycle step: detected, challenge_sent,
	// challenge_mined, resolved, failed.
	State   string   `json:"state"`
	Summary string   `json:"summary"`
	Users   []string `json:"users,omitempty"`
	// DeadlineBlock is the last L1 block at which the dispute can still be answered.
	DeadlineBlock uint64            `json:"deadline_block,omitempty"`
	TxHash        string            `json:"tx_hash,omitempty"`
	Labels        map[string]string `json:"labels,omitempty"`

	// DeadlineTime is the estimated wall-clock time of DeadlineBlock (zero if
	// unknown; the escalation engine fills it in).
	DeadlineTime time.Time `json:"deadline_time,omitzero"`
	// At is when the event happened; Manager.Notify sets it when zero.
	At time.Time `json:"at,omitzero"`
	// Action tells the person on call what to do; empty uses the default
	// advice for State (see Advice).
	Action string `json:"action,omitempty"`
	// Seq tells apart notifications that are otherwise identical
	// (fingerprint, state, severity): escalation steps and re-firing
	// operational alerts. Zero for plain lifecycle notifications.
	Seq uint64 `json:"seq,omitempty"`

	// titleOverride is a receiver template's title; templated marks an
	// alert whose templates were applied (never stored).
	titleOverride string
	templated     bool
}

// Key is the notification's deduplication key: one notification per
// fingerprint, state, severity and Seq is delivered to each receiver.
func (a Alert) Key() string {
	k := a.Fingerprint + "|" + a.State + "|" + a.Severity.String()
	if a.Seq != 0 {
		k += "|" + strconv.FormatUint(a.Seq, 10)
	}
	return k
}

// Resolves reports whether the alert closes its incident in paging tools
// (PagerDuty resolve, Opsgenie close, Alertmanager endsAt): the challenge was
// mined or nothing is left to answer. A failed (missed) challenge does not
// resolve: it needs a person.
func (a Alert) Resolves() bool {
	return a.State == StateChallengeMined || a.State == StateResolved
}

// TxState is the state of the challenge transaction: "" before one is sent,
// then "sent", "mined" or "failed".
func (a Alert) TxState() string {
	switch a.State {
	case StateChallengeSent:
		return "sent"
	case StateChallengeMined:
		return "mined"
	case StateFailed:
		if a.TxHash != "" {
			return "failed"
		}
	}
	return ""
}

// Advice returns Action, or what to do in the alert's lifecycle state.
func (a Alert) Advice() string {
	if a.Action != "" {
		return a.Action
	}
	switch a.State {
	case StateDetected:
		return "The tower is preparing a challenge. If no challenge is sent soon, check the challenge role, the L1 node and the signer balance."
	case StateChallengeSent:
		return "Challenge sent; watch that it is mined before the deadline block. If it stays pending, check gas prices and the signer balance."
	case StateChallengeMined:
		return "No action needed: the challenge was mined."
	case StateResolved:
		return "No action needed: nothing is left to answer on L1."
	case StateFailed:
		return "ACT NOW: the dispute was not answered in time. Challenge manually if the window is still open, then inform the affected users and the L2 operator."
	}
	return ""
}

// stateRank orders lifecycle states so stale updates can be recognised.
func stateRank(state string) int {
	switch state {
	case StateDetected:
		return 1
	case StateChallengeSent:
		return 2
	case StateChallengeMined, StateResolved, StateFailed:
		return 3
	}
	return 0
}

// Lifecycle states of an incident.
const (
	StateDetected       = "detected"
	StateChallengeSent  = "challenge_sent"
	StateChallengeMined = "challenge_mined"
	StateResolved       = "resolved"
	StateFailed         = "failed"
)

// Sink delivers alerts to people.
type Sink interface {
	Notify(ctx context.Context, a Alert) error
}

// LogSink writes alerts to the tower's structured log.
type LogSink struct{ log *zap.Logger }

// NewLogSink returns a sink that logs each alert at a level matching its severity.
func NewLogSink(log *zap.Logger) *LogSink { return &LogSink{log: log.Named("alert")} }

// Notify logs the alert.
func (s *LogSink) Notify(_ context.Context, a Alert) error {
	fields := []zap.Field{
		zap.String("fingerprint", a.Fingerprint),
		zap.String("kind", a.Kind),
		zap.String("subject", a.Subject),
		zap.String("state", a.State),
	}
	if a.DeadlineBlock != 0 {
		fields = append(fields, zap.Uint64("deadline_block", a.DeadlineBlock))
	}
	if a.TxHash != "" {
		fields = append(fields, zap.String("tx", a.TxHash))
	}
	if len(a.Users) > 0 {
		fields = append(fields, zap.Strings("users", a.Users))
	}
	switch a.Severity {
	case Critical:
		s.log.Error(a.Summary, fields...)
	case Warning:
		s.log.Warn(a.Summary, fields...)
	default:
		s.log.Info(a.Summary, fields...)
	}
	return nil
}

// Recorder keeps every alert in memory; the dev scenario and tests read it.
type Recorder struct {
	mu     sync.Mutex
	alerts []Alert
}

// Notify records the alert.
func (r *Recorder) Notify(_ context.Context, a Alert) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.alerts = append(r.alerts, a)
	return nil
}

// Alerts returns a copy of what was recorded.
func (r *Recorder) Alerts() []Alert {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]Alert(nil), r.alerts...)
}

// Fanout sends each alert to every sink and joins their errors.
type Fanout []Sink

// Notify delivers a to every sink.
func (f Fanout) Notify(ctx context.Context, a Alert) error {
	var errs []error
	for _, s := range f {
		if err := s.Notify(ctx, a); err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("alerts: %d of %d sinks failed: %v", len(errs), len(f), errs)
	}
	return nil
}
