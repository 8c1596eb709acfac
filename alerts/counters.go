package alerts

import "sync"

// CounterKey labels one delivery counter.
type CounterKey struct {
	// Receiver is the receiver name ("" for outcomes decided before routing).
	Receiver string
	// Outcome is one of: enqueued, sent, attempt_failed (one failed request),
	// failed (a delivery gave up for now and went back to the outbox),
	// dropped (terminated: permanent error or expired), fallback (handed to
	// the fallback receiver), silenced, duplicate (already delivered),
	// stale (older lifecycle state than the incident's), superseded.
	Outcome string
	// Reason refines failures: rate_limited, http_5xx, http_4xx, network,
	// rejected, expired, ...
	Reason string
}

// Counters are monotonically increasing delivery counters, safe for
// concurrent use; metrics exporters read Snapshot.
type Counters struct {
	mu sync.Mutex
	m  map[CounterKey]uint64
}

func (c *Counters) add(receiver, outcome, reason string, n uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[CounterKey]uint64{}
	}
	c.m[CounterKey{Receiver: receiver, Outcome: outcome, Reason: reason}] += n
}

// Snapshot returns a copy of all counters.
func (c *Counters) Snapshot() map[CounterKey]uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make(map[CounterKey]uint64, len(c.m))
	for k, v := range c.m {
		out[k] = v
	}
	return out
}

// Get returns one counter.
func (c *Counters) Get(receiver, outcome, reason string) uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.m[CounterKey{Receiver: receiver, Outcome: outcome, Reason: reason}]
}

// Sum adds up the counters of receiver ("" for all) and outcome over reasons.
func (c *Counters) Sum(receiver, outcome string) uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	var n uint64
	for k, v := range c.m {
		if k.Outcome == outcome && (receiver == "" || k.Receiver == receiver) {
			n += v
		}
	}
	return n
}
