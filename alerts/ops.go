package alerts

import (
	"context"
	"fmt"
	"math/big"
	"strconv"
	"sync"
	"time"
)

// KindTower is the Kind of operational alerts about the tower itself.
const KindTower = "tower"

// Check is the current outcome of one operational health check. Feed it to
// Health.Report on every evaluation.
type Check struct {
	Alert  Alert
	Firing bool
}

func towerAlert(check, subject string, chainID uint64, sev Severity, summary, action string) Alert {
	return Alert{
		Fingerprint: "tower/" + check + "/" + strconv.FormatUint(chainID, 10) + "/" + subject,
		Severity:    sev,
		Kind:        KindTower,
		ChainID:     chainID,
		Subject:     subject,
		State:       StateDetected,
		Summary:     summary,
		Action:      action,
		Labels:      map[string]string{"check": check},
	}
}

// IngestLag checks how far ingestion trails the L1 head: warning at
// warnBlocks behind, critical at critBlocks (0 disables a level).
func IngestLag(chainID, l1Head, ingested, warnBlocks, critBlocks uint64) Check {
	var lag uint64
	if l1Head > ingested {
		lag = l1Head - ingested
	}
	sev, firing := level(lag, warnBlocks, critBlocks)
	return Check{Firing: firing, Alert: towerAlert("ingest_lag", "ingest", chainID, sev,
		fmt.Sprintf("ingest is %d blocks behind the L1 head (head %d, ingested %d)", lag, l1Head, ingested),
		"Check the L1 RPC endpoint and the ingest role's logs; disputes in unread blocks are not being watched.")}
}

// ConsumerLag checks a JetStream consumer's backlog (bus.ConsumerPending):
// warning at warn pending messages, critical at crit.
func ConsumerLag(chainID uint64, stream, durable string, pending, warn, crit uint64) Check {
	sev, firing := level(pending, warn, crit)
	return Check{Firing: firing, Alert: towerAlert("consumer_lag", stream+"/"+durable, chainID, sev,
		fmt.Sprintf("JetStream consumer %s/%s has %d pending messages", stream, durable, pending),
		"Check that verify workers are running and not failing; add workers if the backlog keeps growing.")}
}

// StoreUnreachable fires (critical) while err, the store's last health
// probe result, is not nil.
func StoreUnreachable(chainID uint64, backend string, err error) Check {
	msg := "store " + backend + " is reachable"
	if err != nil {
		msg = "store " + backend + " is unreachable: " + err.Error()
	}
	return Check{Firing: err != nil, Alert: towerAlert("store_unreachable", backend, chainID, Critical, msg,
		"Restore the store (Redis/Pebble): without it no verdict or challenge can be recorded.")}
}

// SignerBalanceLow checks that the challenger can pay for the pending
// challenges: critical when balance < costPerChallenge * pending, warning
// when balance < costPerChallenge * (pending + reserve).
func SignerBalanceLow(chainID uint64, signer string, balance, costPerChallenge *big.Int, pending, reserve int) Check {
	if balance == nil {
		balance = new(big.Int)
	}
	if costPerChallenge == nil {
		costPerChallenge = new(big.Int)
	}
	need := new(big.Int).Mul(costPerChallenge, big.NewInt(int64(max(pending, 0))))
	want := new(big.Int).Mul(costPerChallenge, big.NewInt(int64(max(pending, 0)+max(reserve, 0))))
	sev, firing := Info, false
	switch {
	case pending > 0 && balance.Cmp(need) < 0:
		sev, firing = Critical, true
	case balance.Cmp(want) < 0:
		sev, firing = Warning, true
	}
	return Check{Firing: firing, Alert: towerAlert("signer_balance", signer, chainID, sev,
		fmt.Sprintf("signer %s holds %s wei; %d pending challenges need %s wei (with a reserve of %d: %s wei)", signer, balance, pending, need, reserve, want),
		"Fund the signer account now: challenges it cannot pay for will miss their deadline.")}
}

// Stalled fires when the tower has not processed a block since
// lastProgress for longer than after (critical beyond 3x after).
func Stalled(chainID uint64, role string, lastProgress, now time.Time, after time.Duration) Check {
	idle := now.Sub(lastProgress)
	sev, firing := Info, false
	switch {
	case after > 0 && idle > 3*after:
		sev, firing = Critical, true
	case after > 0 && idle > after:
		sev, firing = Warning, true
	}
	return Check{Firing: firing, Alert: towerAlert("stalled", role, chainID, sev,
		fmt.Sprintf("%s has processed no block for %s (last at %s)", role, idle.Round(time.Second), lastProgress.UTC().Format(time.RFC3339)),
		"The tower stopped processing blocks: check the process, its L1 connection and NATS; restart it if it is stuck.")}
}

func level(v, warn, crit uint64) (Severity, bool) {
	switch {
	case crit > 0 && v >= crit:
		return Critical, true
	case warn > 0 && v >= warn:
		return Warning, true
	}
	return Info, false
}

// Health turns repeated operational checks into incidents: a notification
// when a check starts firing, when its severity rises, and when it clears,
// and nothing in between (repeats come from the route's repeat_interval).
// Each firing episode is its own incident. Safe for concurrent use.
type Health struct {
	sink     Sink
	instance string
	now      func() time.Time

	mu   sync.Mutex
	open map[string]*episode
	last int64 // last episode id, strictly increasing
}

type episode struct {
	fingerprint string
	sev         Severity
	seq         uint64
}

// NewHealth reports to sink; instance (e.g. the tower's owner name) keeps
// episodes of different processes apart.
func NewHealth(sink Sink, instance string) *Health {
	return &Health{sink: sink, instance: instance, now: time.Now, open: map[string]*episode{}}
}

// Report records the latest outcome of a check and notifies on changes.
func (h *Health) Report(ctx context.Context, c Check) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	base := c.Alert.Fingerprint
	if h.instance != "" {
		base += "@" + h.instance
	}
	a := c.Alert
	a.Labels = make(map[string]string, len(c.Alert.Labels)+1)
	for k, v := range c.Alert.Labels {
		a.Labels[k] = v
	}
	if h.instance != "" {
		a.Labels["instance"] = h.instance
	}
	ep := h.open[base]
	switch {
	case c.Firing && ep == nil:
		now := h.now()
		id := max(now.UnixMilli(), h.last+1)
		ep = &episode{fingerprint: base + "#" + strconv.FormatInt(id, 10), sev: a.Severity}
		a.Fingerprint, a.State, a.At = ep.fingerprint, StateDetected, now
		if err := h.sink.Notify(ctx, a); err != nil {
			return fmt.Errorf("alerts: health %s: %w", base, err)
		}
		h.open[base], h.last = ep, id
	case c.Firing && a.Severity > ep.sev:
		a.Fingerprint, a.State, a.Seq, a.At = ep.fingerprint, StateDetected, ep.seq+1, h.now()
		if err := h.sink.Notify(ctx, a); err != nil {
			return fmt.Errorf("alerts: health %s: %w", base, err)
		}
		ep.sev, ep.seq = a.Severity, ep.seq+1
	case !c.Firing && ep != nil:
		a.Fingerprint, a.State, a.Severity, a.At = ep.fingerprint, StateResolved, Info, h.now()
		a.Action = "No action needed: the condition cleared."
		if err := h.sink.Notify(ctx, a); err != nil {
			return fmt.Errorf("alerts: health %s: %w", base, err)
		}
		delete(h.open, base)
	}
	return nil
}

// Undelivered counts the alerts the outbox still holds: those not yet
// routed to their receivers, and those not yet delivered (or given up on) by
// a receiver, in this process or any other sharing the stream. It is 0 once
// everything notified so far has been handled. It errors when a durable is
// missing (Run has not started it yet).
func (m *Manager) Undelivered(ctx context.Context) (int, error) {
	durables := []string{"alerts-router"}
	for name := range m.receivers {
		durables = append(durables, "alerts-out-"+name)
	}
	total := 0
	for _, d := range durables {
		pending, ackPending, err := m.b.ConsumerPending(ctx, m.cfg.Delivery.Stream, d)
		if err != nil {
			return 0, fmt.Errorf("alerts: outbox %s: %w", d, err)
		}
		total += int(pending) + ackPending
	}
	return total, nil
}
