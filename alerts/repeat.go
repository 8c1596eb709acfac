package alerts

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"
	"go.uber.org/zap"
)

// repeatTick is how often open incidents are checked for repeats (0: never).
func (m *Manager) repeatTick() time.Duration {
	var least time.Duration
	var walk func(r *Route)
	walk = func(r *Route) {
		if r.RepeatInterval != nil && *r.RepeatInterval > 0 && (least == 0 || *r.RepeatInterval < least) {
			least = *r.RepeatInterval
		}
		for i := range r.Routes {
			walk(&r.Routes[i])
		}
	}
	walk(&m.cfg.Route)
	for _, every := range m.refresh {
		if least == 0 || every < least {
			least = every
		}
	}
	if least == 0 {
		return 0
	}
	return min(max(least/4, 50*time.Millisecond), time.Minute)
}

// openIncidents lists incidents that still need a person (see incident.open).
func (m *Manager) openIncidents(ctx context.Context) ([]incident, error) {
	revs, err := m.openIncidentRevs(ctx)
	out := make([]incident, len(revs))
	for i, r := range revs {
		out[i] = r.in
	}
	return out, err
}

// incidentRev is an incident with the KV revision it was read at.
type incidentRev struct {
	in  incident
	rev uint64
}

func (m *Manager) openIncidentRevs(ctx context.Context) ([]incidentRev, error) {
	lister, err := m.incidents.ListKeys(ctx)
	if err != nil {
		return nil, fmt.Errorf("alerts: list incidents: %w", err)
	}
	var keys []string
	for k := range lister.Keys() {
		keys = append(keys, k)
	}
	var out []incidentRev
	for _, k := range keys {
		e, err := m.incidents.Get(ctx, k)
		if err != nil {
			continue // deleted or expired meanwhile
		}
		var in incident
		if json.Unmarshal(e.Value(), &in) == nil && in.open() {
			out = append(out, incidentRev{in: in, rev: e.Revision()})
		}
	}
	return out, nil
}

// updateIncident saves in if it is still at revision rev; ok is false when
// the router changed it meanwhile (the caller skips it until its next scan).
func (m *Manager) updateIncident(ctx context.Context, in incident, rev uint64) (bool, error) {
	b, err := json.Marshal(in)
	if err != nil {
		return false, fmt.Errorf("alerts: encode incident: %w", err)
	}
	if _, err := m.incidents.Update(ctx, hashKey("i", in.Alert.Fingerprint), b, rev); err != nil {
		if errors.Is(err, jetstream.ErrKeyExists) {
			return false, nil
		}
		return false, fmt.Errorf("alerts: update incident %s: %w", in.Alert.Fingerprint, err)
	}
	return true, nil
}

// repeatOpen re-sends open incidents whose repeat interval has passed and
// keeps them alive in receivers that expire alerts. Each incident's new
// send times are saved (only if the router did not change it meanwhile)
// before its jobs are queued, so a stale state is never re-sent.
func (m *Manager) repeatOpen(ctx context.Context) error {
	incs, err := m.openIncidentRevs(ctx)
	if err != nil {
		return err
	}
	now := m.now()
	for _, ir := range incs {
		in := ir.in
		jobs := append(m.repeatJobs(&in, now), m.refreshJobs(&in, now)...)
		if len(jobs) == 0 {
			continue
		}
		ok, err := m.updateIncident(ctx, in, ir.rev)
		if err != nil {
			return err
		}
		if !ok {
			continue // updated meanwhile: the next scan sees the new state
		}
		for _, j := range jobs {
			if _, err := m.enqueueJob(ctx, j, ""); err != nil {
				return err
			}
		}
	}
	return nil
}

// repeatJobs are the reminders due for in; it records them as sent.
func (m *Manager) repeatJobs(in *incident, now time.Time) []job {
	var jobs []job
	for r, every := range in.Repeat {
		if every <= 0 || now.Sub(in.LastSent[r]) < every {
			continue
		}
		if silenced, _ := m.routing.Load().Silenced(in.Alert, now); silenced {
			continue
		}
		// Numbered by elapsed intervals since the state change, so
		// processes repeating concurrently produce the same message id.
		n := max(uint64(now.Sub(in.Since)/every), 1)
		jobs = append(jobs, job{Alert: in.Alert, Receiver: r, GroupKey: r + "|repeat", Repeat: n})
		in.LastSent[r] = now
	}
	return jobs
}

// refreshJobs are the keep-alives due for in (open or failed) at receivers
// that expire alerts and were told about it; it records them as sent.
func (m *Manager) refreshJobs(in *incident, now time.Time) []job {
	var jobs []job
	for _, r := range in.Receivers {
		every := m.refresh[r]
		if every <= 0 {
			continue
		}
		last, ok := in.Refreshed[r]
		if !ok {
			last = in.LastSent[r]
		}
		if now.Sub(last) < every {
			continue
		}
		n := uint64(now.Sub(in.Since)/every) + 1
		jobs = append(jobs, job{Alert: in.Alert, Receiver: r, GroupKey: r + "|refresh", Refresh: n})
		if in.Refreshed == nil {
			in.Refreshed = map[string]time.Time{}
		}
		in.Refreshed[r] = now
		m.log.Debug("keep-alive due", zap.String("receiver", r), zap.String("key", in.Alert.Key()), zap.Uint64("refresh", n))
	}
	return jobs
}
