package alerts

import (
	"context"
	"encoding/json"
	"fmt"
	"time"
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

// openIncidents lists incidents whose challenge is not mined yet.
func (m *Manager) openIncidents(ctx context.Context) ([]incident, error) {
	lister, err := m.incidents.ListKeys(ctx)
	if err != nil {
		return nil, fmt.Errorf("alerts: list incidents: %w", err)
	}
	var keys []string
	for k := range lister.Keys() {
		keys = append(keys, k)
	}
	var out []incident
	for _, k := range keys {
		e, err := m.incidents.Get(ctx, k)
		if err != nil {
			continue // deleted or expired meanwhile
		}
		var in incident
		if json.Unmarshal(e.Value(), &in) == nil && in.open() {
			out = append(out, in)
		}
	}
	return out, nil
}

// repeatOpen re-sends open incidents whose repeat interval has passed.
func (m *Manager) repeatOpen(ctx context.Context) error {
	incs, err := m.openIncidents(ctx)
	if err != nil {
		return err
	}
	now := m.now()
	for _, in := range incs {
		changed := false
		for r, every := range in.Repeat {
			last := in.LastSent[r]
			if every <= 0 || now.Sub(last) < every {
				continue
			}
			if silenced, _ := m.routing.Load().Silenced(in.Alert, now); silenced {
				continue
			}
			// Numbered by elapsed intervals since the state change, so
			// processes repeating concurrently produce the same message id.
			n := uint64(now.Sub(in.Since) / every)
			if n == 0 {
				n = 1
			}
			j := job{Alert: in.Alert, Receiver: r, GroupKey: r + "|repeat", Repeat: n}
			if _, err := m.enqueueJob(ctx, j, ""); err != nil {
				return err
			}
			in.LastSent[r] = now
			changed = true
		}
		refreshed, err := m.refreshIncident(ctx, &in, now)
		if err != nil {
			return err
		}
		if changed || refreshed {
			if err := m.saveIncident(ctx, in); err != nil {
				return err
			}
		}
	}
	return nil
}

// refreshIncident queues a keep-alive of an open or failed incident for each
// receiver that expires alerts and was told about it, once per interval.
func (m *Manager) refreshIncident(ctx context.Context, in *incident, now time.Time) (bool, error) {
	changed := false
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
		j := job{Alert: in.Alert, Receiver: r, GroupKey: r + "|refresh", Refresh: n}
		if _, err := m.enqueueJob(ctx, j, ""); err != nil {
			return changed, err
		}
		if in.Refreshed == nil {
			in.Refreshed = map[string]time.Time{}
		}
		in.Refreshed[r] = now
		changed = true
	}
	return changed, nil
}
