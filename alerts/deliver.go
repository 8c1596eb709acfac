package alerts

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/nats-io/nats.go/jetstream"
	"go.uber.org/zap"
)

// item is one fetched outbox job with its message, to settle once sent.
type item struct {
	msg jetstream.Msg
	job job
}

// deliverLoop pulls the receiver's jobs in batches, groups them and sends.
func (m *Manager) deliverLoop(ctx context.Context, r Receiver) error {
	name := r.Name()
	cons, err := m.b.JetStream().CreateOrUpdateConsumer(ctx, m.cfg.Delivery.Stream, jetstream.ConsumerConfig{
		Durable:       "alerts-out-" + name,
		AckPolicy:     jetstream.AckExplicitPolicy,
		DeliverPolicy: jetstream.DeliverAllPolicy,
		FilterSubject: m.outPref + name,
		AckWait:       m.cfg.Delivery.AckWait,
		MaxDeliver:    -1,
	})
	if err != nil {
		if ctx.Err() != nil {
			return nil
		}
		return fmt.Errorf("alerts: consumer for %s: %w", name, err)
	}
	maxBatch := m.batch[name]
	parallel := max(m.cfg.Delivery.Parallel, 1)
	fetchN := maxBatch * parallel
	sem := make(chan struct{}, parallel)
	var wg sync.WaitGroup
	defer wg.Wait()
	for ctx.Err() == nil {
		items, err := m.fetch(cons, fetchN, time.Second)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return fmt.Errorf("alerts: fetch for %s: %w", name, err)
		}
		if len(items) == 0 {
			continue
		}
		var wait time.Duration
		for _, it := range items {
			wait = max(wait, it.job.GroupWait)
		}
		if wait > 0 && len(items) < fetchN {
			stop := m.keepAlive(items)
			sleepCtx(ctx, wait)
			more, err := m.fetch(cons, fetchN-len(items), 0)
			stop()
			if err == nil {
				items = append(items, more...)
			}
		}
		m.dispatch(ctx, r, items, maxBatch, sem, &wg)
	}
	return nil
}

// fetch pulls up to n jobs, waiting up to wait (0: only what is there).
func (m *Manager) fetch(cons jetstream.Consumer, n int, wait time.Duration) ([]item, error) {
	var out []item
	if wait > 0 {
		// Block for the first job only, then take whatever else is
		// already waiting: low latency, and a backlog is sent in batches.
		first, err := m.fetchBatch(cons, 1, wait)
		if err != nil || len(first) == 0 || n == 1 {
			return first, err
		}
		out = first
		n--
	}
	more, err := m.fetchBatch(cons, n, 0)
	return append(out, more...), err
}

func (m *Manager) fetchBatch(cons jetstream.Consumer, n int, wait time.Duration) ([]item, error) {
	var (
		batch jetstream.MessageBatch
		err   error
	)
	if wait > 0 {
		batch, err = cons.Fetch(n, jetstream.FetchMaxWait(wait))
	} else {
		batch, err = cons.FetchNoWait(n)
	}
	if err != nil {
		return nil, err
	}
	var out []item
	for jm := range batch.Messages() {
		var j job
		if err := json.Unmarshal(jm.Data(), &j); err != nil {
			m.log.Error("undecodable outbox job terminated", zap.String("subject", jm.Subject()), zap.Error(err))
			_ = jm.TermWithReason("undecodable")
			continue
		}
		out = append(out, item{msg: jm, job: j})
	}
	if err := batch.Error(); err != nil && !errors.Is(err, jetstream.ErrNoMessages) {
		return out, err
	}
	return out, nil
}

// keepAlive sends in-progress acks for items until stop is called.
func (m *Manager) keepAlive(items []item) (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(max(m.cfg.Delivery.AckWait/3, 10*time.Millisecond))
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				for _, it := range items {
					_ = it.msg.InProgress()
				}
			}
		}
	}()
	return func() { close(done); wg.Wait() }
}

// chunks cuts items into groups (by group key) of at most maxBatch alerts
// and orders them most severe first, by each chunk's most severe alert.
func chunks(items []item, maxBatch int) [][]item {
	items = slices.Clone(items)
	slices.SortStableFunc(items, func(a, b item) int { return int(b.job.Alert.Severity) - int(a.job.Alert.Severity) })
	var order []string
	groups := map[string][]item{}
	for _, it := range items {
		k := it.job.GroupKey
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], it)
	}
	var out [][]item
	for _, k := range order {
		for g := groups[k]; len(g) > 0; {
			n := min(len(g), max(maxBatch, 1))
			out = append(out, g[:n])
			g = g[n:]
		}
	}
	// Each chunk is sorted, so its first alert is its most severe.
	slices.SortStableFunc(out, func(a, b []item) int { return int(b[0].job.Alert.Severity) - int(a[0].job.Alert.Severity) })
	return out
}

// dispatch delivers items' chunks, most severe first, each on its own
// goroutine once one of sem's slots is free: a slow request holds one slot,
// not the receiver's whole queue.
func (m *Manager) dispatch(ctx context.Context, r Receiver, items []item, maxBatch int, sem chan struct{}, wg *sync.WaitGroup) {
	stop := m.keepAlive(items)
	defer stop()
	for _, g := range chunks(items, maxBatch) {
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			for _, it := range g {
				_ = it.msg.Nak() // hand back at once on shutdown
			}
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			stop := m.keepAlive(g)
			defer stop()
			m.deliverGroup(ctx, r, g)
		}()
	}
}

func (m *Manager) isDelivered(ctx context.Context, key string) (bool, error) {
	_, err := m.delivered.Get(ctx, hashKey("d", key))
	if errors.Is(err, jetstream.ErrKeyNotFound) {
		return false, nil
	}
	return err == nil, err
}

// deliverGroup sends one group and settles each of its messages.
func (m *Manager) deliverGroup(ctx context.Context, r Receiver, group []item) {
	name := r.Name()
	now := m.now()
	bg := context.WithoutCancel(ctx)
	var send []item
	for _, it := range group {
		log := m.log.With(zap.String("receiver", name), zap.String("key", it.job.Alert.Key()))
		done, err := m.isDelivered(ctx, it.job.deliveryKey())
		if err != nil {
			log.Warn("delivery record lookup failed; retrying later", zap.Error(err))
			_ = it.msg.NakWithDelay(m.cfg.Delivery.Backoff)
			continue
		}
		if done {
			m.counters.add(name, "duplicate", "", 1)
			_ = it.msg.DoubleAck(bg)
			continue
		}
		if m.superseded(ctx, r, it.job) {
			m.counters.add(name, "superseded", "", 1)
			log.Info("incident already resolved; not re-opening it")
			_ = it.msg.DoubleAck(bg)
			continue
		}
		if age := now.Sub(it.job.Alert.At); age > m.cfg.Delivery.GiveUpAfter {
			m.counters.add(name, "dropped", "expired", 1)
			log.Error("alert undeliverable; giving up", zap.Duration("age", age))
			m.fallback(bg, it, "expired")
			_ = it.msg.TermWithReason("expired")
			continue
		}
		send = append(send, it)
	}
	if len(send) == 0 {
		return
	}
	// One request per part: what the service's limits let one message hold.
	alerts := make([]Alert, len(send))
	for i, it := range send {
		alerts[i] = decorate(it.job)
	}
	off := 0
	for _, part := range splitFor(r, alerts) {
		m.deliverPart(ctx, r, send[off:off+len(part)], part)
		off += len(part)
	}
}

// deliverPart sends one request's alerts and settles their messages. A
// permanent rejection of several alerts is retried one alert at a time, so
// only the alerts the service refuses are dropped.
func (m *Manager) deliverPart(ctx context.Context, r Receiver, items []item, alerts []Alert) {
	name := r.Name()
	bg := context.WithoutCancel(ctx)
	err := SendWithRetry(ctx, r, alerts, m.cfg.Delivery.policy(), func(err error) {
		m.counters.add(name, "attempt_failed", reasonOf(err), 1)
	})
	switch {
	case err == nil:
		m.settleSent(bg, name, items)
	case ctx.Err() != nil:
		for _, it := range items {
			_ = it.msg.Nak()
		}
	case isPermanent(err) && len(items) > 1:
		m.log.Warn("receiver rejected a batch; sending its alerts one by one", zap.String("receiver", name), zap.Int("alerts", len(items)), zap.Error(err))
		for i := range items {
			m.deliverPart(ctx, r, items[i:i+1], alerts[i:i+1])
		}
	default:
		m.settleFailed(bg, name, items, err)
	}
}

// settleSent records and acknowledges delivered items; only they count as sent.
func (m *Manager) settleSent(bg context.Context, name string, items []item) {
	for _, it := range items {
		rec, _ := json.Marshal(map[string]any{"at": m.now(), "key": it.job.deliveryKey()})
		if _, err := m.delivered.Put(bg, hashKey("d", it.job.deliveryKey()), rec); err != nil {
			m.log.Warn("delivery record not stored; a redelivery may repeat it", zap.String("receiver", name), zap.Error(err))
		}
		m.counters.add(name, "sent", "", 1)
		if m.beforeAck != nil {
			if err := m.beforeAck(it.job); err != nil {
				continue
			}
		}
		if err := it.msg.DoubleAck(bg); err != nil {
			m.log.Warn("ack failed; delivery record prevents a resend", zap.String("receiver", name), zap.Error(err))
		}
	}
}

// settleFailed drops permanently rejected items (to the fallback, if any)
// and hands the others back to the outbox with a backoff.
func (m *Manager) settleFailed(bg context.Context, name string, items []item, err error) {
	reason := reasonOf(err)
	var se *SendError
	errors.As(err, &se)
	for _, it := range items {
		log := m.log.With(zap.String("receiver", name), zap.String("key", it.job.Alert.Key()))
		var n uint64 = 1
		if md, merr := it.msg.Metadata(); merr == nil {
			n = md.NumDelivered
		}
		if isPermanent(err) {
			m.counters.add(name, "dropped", reason, 1)
			if fb := m.fallback(bg, it, reason); fb != "" {
				log.Error("receiver rejected the alert; sent to fallback", zap.String("fallback", fb), zap.Error(err))
			} else {
				log.Error("receiver rejected the alert; no fallback configured, alert dropped", zap.Error(err))
			}
			if err := it.msg.TermWithReason(reason); err != nil {
				log.Warn("term failed", zap.Error(err))
			}
			continue
		}
		m.counters.add(name, "failed", reason, 1)
		if n >= uint64(m.cfg.Delivery.FallbackAfter) {
			m.fallback(bg, it, reason)
		}
		delay := backoff(m.cfg.Delivery.Backoff, m.cfg.Delivery.MaxBackoff, n)
		if se != nil && se.RetryAfter > delay {
			delay = se.RetryAfter
		}
		log.Warn("alert delivery failed; will retry", zap.Uint64("deliveries", n), zap.Duration("retry_in", delay), zap.Error(err))
		if err := it.msg.NakWithDelay(delay); err != nil {
			log.Warn("nak failed; redelivery after ack_wait", zap.Error(err))
		}
	}
}

func backoff(base, maxDelay time.Duration, n uint64) time.Duration {
	d := base
	for i := uint64(1); i < n && d < maxDelay; i++ {
		d *= 2
	}
	return min(d, maxDelay)
}

// decorate marks repeats and fallback deliveries in the text people read.
func decorate(j job) Alert {
	a := j.Alert
	if j.Repeat > 0 {
		a.Summary = "[still open, reminder " + strconv.FormatUint(j.Repeat, 10) + "] " + a.Summary
	}
	if j.FallbackFor != "" {
		a.Summary = "[via fallback: receiver " + j.FallbackFor + " is failing] " + a.Summary
	}
	return a
}

// superseded reports whether a non-resolving update would re-open an
// incident a paging receiver already resolved.
func (m *Manager) superseded(ctx context.Context, r Receiver, j job) bool {
	if r.Batch() || j.Alert.Resolves() {
		return false
	}
	in, _, err := m.loadIncident(ctx, j.Alert.Fingerprint)
	return err == nil && in.Alert.Resolves() && stateRank(in.Alert.State) > stateRank(j.Alert.State)
}

// fallback hands a job to the fallback receiver (once; fallbacks do not
// chain) and returns its name, "" when there is none or queueing failed.
func (m *Manager) fallback(ctx context.Context, it item, reason string) string {
	if it.job.FallbackFor != "" {
		return ""
	}
	fb := m.cfg.fallbackOf(it.job.Receiver)
	if fb == "" {
		return ""
	}
	j := it.job
	j.FallbackFor, j.Receiver, j.GroupKey, j.GroupWait = j.Receiver, fb, fb+"|fallback", 0
	dup, err := m.enqueueJob(ctx, j, "|fallback-for|"+it.job.Receiver)
	if err != nil {
		m.log.Error("fallback not queued", zap.String("receiver", fb), zap.Error(err))
		return ""
	}
	if !dup {
		m.counters.add(it.job.Receiver, "fallback", reason, 1)
	}
	return fb
}
