package alerts

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go/jetstream"
	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/watcher/bus"
)

// Manager is the durable alert pipeline. Notify stores an alert in a
// JetStream outbox; Run routes stored alerts to receivers and delivers them
// with retries, so alerts survive restarts and receiver outages. Each
// notification (fingerprint, state, severity, seq) reaches each receiver
// once: deliveries are recorded in a JetStream KV bucket before they are
// acknowledged. Manager implements Sink.
type Manager struct {
	cfg Config
	// routing holds the parts of cfg that Reload may swap: route tree,
	// silences and escalation thresholds.
	routing   atomic.Pointer[Config]
	b         *bus.Bus
	log       *zap.Logger
	receivers map[string]Receiver
	batch     map[string]int
	// refresh is the keep-alive interval of receivers whose alerts expire
	// unless re-sent (Alertmanager).
	refresh   map[string]time.Duration
	delivered jetstream.KeyValue
	incidents jetstream.KeyValue
	counters  Counters
	now       func() time.Time
	// silences are the silences added at run time, shared by all towers.
	silences *SilenceStore

	inSubj  string
	outPref string

	mu        sync.Mutex
	escalated map[string]uint64 // fingerprint -> escalation level already raised

	// beforeAck, if set (tests), runs after a delivery is recorded and before
	// its message is acknowledged; returning an error skips the ack, as a
	// crash there would.
	beforeAck func(j job) error
}

// job is one alert on its way to one receiver.
type job struct {
	Alert     Alert         `json:"alert"`
	Receiver  string        `json:"receiver"`
	GroupKey  string        `json:"group_key"`
	GroupWait time.Duration `json:"group_wait,omitempty"`
	// Repeat numbers re-sends of an open incident (0: first notification).
	Repeat uint64 `json:"repeat,omitempty"`
	// FallbackFor is the receiver this job stands in for.
	FallbackFor string `json:"fallback_for,omitempty"`
	// Refresh numbers keep-alive re-sends of an open or failed incident to
	// a receiver that expires alerts (Alertmanager); not shown as reminders.
	Refresh uint64 `json:"refresh,omitempty"`
}

// deliveryKey identifies what a receiver must get exactly once.
func (j job) deliveryKey() string {
	k := j.Alert.Key() + "|" + j.Receiver
	if j.Repeat > 0 {
		k += "|repeat" + strconv.FormatUint(j.Repeat, 10)
	}
	if j.Refresh > 0 {
		k += "|refresh" + strconv.FormatUint(j.Refresh, 10)
	}
	return k
}

// incident is the routing state of one fingerprint, kept in JetStream KV.
type incident struct {
	Alert Alert `json:"alert"`
	// Base is the latest lifecycle notification (Seq 0): escalations are
	// derived from it.
	Base      Alert                    `json:"base"`
	Receivers []string                 `json:"receivers,omitempty"`
	LastSent  map[string]time.Time     `json:"last_sent,omitempty"`
	Repeat    map[string]time.Duration `json:"repeat,omitempty"`
	Escalated uint64                   `json:"escalated,omitempty"`
	Since     time.Time                `json:"since"`
	// Refreshed is when each expiring receiver last got a keep-alive.
	Refreshed map[string]time.Time `json:"refreshed,omitempty"`
}

// open reports whether the incident still needs a person: its challenge is
// not mined yet, or it failed (a failed challenge stays open until a person
// acts, so it is repeated and kept alive like any open incident).
func (in incident) open() bool {
	return in.Alert.State != "" && (stateRank(in.Alert.State) < 3 || in.Alert.State == StateFailed)
}

func hashKey(prefix, s string) string {
	h := sha256.Sum256([]byte(s))
	return prefix + hex.EncodeToString(h[:20])
}

// New validates cfg, builds its receivers (reading secret files) and
// creates the outbox stream and KV buckets on b.
func New(ctx context.Context, cfg Config, b *bus.Bus, log *zap.Logger) (*Manager, error) {
	if b == nil {
		return nil, errors.New("alerts: the outbox needs the NATS bus")
	}
	if log == nil {
		log = zap.NewNop()
	}
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("alerts: config: %w", err)
	}
	m := &Manager{
		cfg:       cfg,
		b:         b,
		log:       log.Named("alerts"),
		receivers: map[string]Receiver{},
		batch:     map[string]int{},
		refresh:   map[string]time.Duration{},
		now:       time.Now,
		escalated: map[string]uint64{},
	}
	m.routing.Store(&cfg)
	for _, rc := range cfg.Receivers {
		r, err := NewReceiver(rc, cfg.Global)
		if err != nil {
			return nil, err
		}
		m.receivers[rc.Name] = r
		if rc.Alertmanager != nil {
			m.refresh[rc.Name] = rc.Alertmanager.resend()
		}
		n := 1
		if r.Batch() {
			n = rc.MaxBatch
			if n == 0 {
				n = 10
			}
		}
		m.batch[rc.Name] = n
	}
	d := cfg.Delivery
	subj := strings.ToLower(d.Stream)
	m.inSubj = subj + ".in"
	m.outPref = subj + ".out."
	dup := 24 * time.Hour
	if d.Retention < dup {
		dup = d.Retention
	}
	if err := b.EnsureStream(ctx, bus.StreamConfig{
		Name: d.Stream, Subjects: []string{subj + ".>"}, Replicas: d.Replicas,
		MaxAge: d.Retention, DuplicateWindow: dup,
	}); err != nil {
		return nil, fmt.Errorf("alerts: outbox: %w", err)
	}
	js := b.JetStream()
	var err error
	if m.delivered, err = js.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{
		Bucket: d.Stream + "_delivered", TTL: d.Retention, Storage: jetstream.FileStorage, Replicas: d.Replicas, History: 1,
	}); err != nil {
		return nil, fmt.Errorf("alerts: delivery records bucket: %w", err)
	}
	if m.incidents, err = js.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{
		Bucket: d.Stream + "_incidents", TTL: d.Retention, Storage: jetstream.FileStorage, Replicas: d.Replicas, History: 1,
	}); err != nil {
		return nil, fmt.Errorf("alerts: incidents bucket: %w", err)
	}
	if m.silences, err = OpenSilences(ctx, b, d); err != nil {
		return nil, err
	}
	return m, nil
}

// Counters returns the delivery counters (sent/failed by receiver and reason).
func (m *Manager) Counters() *Counters { return &m.counters }

// Notify stores a in the outbox and returns once JetStream has it. The same
// notification (Key) stored twice within a day is kept once.
func (m *Manager) Notify(ctx context.Context, a Alert) error {
	if a.Fingerprint == "" || a.State == "" {
		return fmt.Errorf("alerts: notify: fingerprint and state are required (got %q, %q)", a.Fingerprint, a.State)
	}
	if a.At.IsZero() {
		a.At = m.now()
	}
	data, err := json.Marshal(a)
	if err != nil {
		return fmt.Errorf("alerts: notify %s: encode: %w", a.Key(), err)
	}
	if _, err := m.b.Publish(ctx, m.inSubj, hashKey("a", a.Key()), data); err != nil {
		return fmt.Errorf("alerts: notify %s: %w", a.Key(), err)
	}
	m.counters.add("", "enqueued", "", 1)
	return nil
}

// Run routes and delivers outbox alerts until ctx is cancelled. Several
// processes may run it on the same stream; each alert is handled by one.
func (m *Manager) Run(ctx context.Context) error {
	var wg sync.WaitGroup
	loop := func(name string, f func(context.Context) error) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				if err := f(ctx); err != nil && ctx.Err() == nil {
					m.log.Warn("alert loop failed; restarting", zap.String("loop", name), zap.Error(err))
					sleepCtx(ctx, time.Second)
				}
			}
		}()
	}
	loop("router", func(ctx context.Context) error {
		return m.b.Consume(ctx, bus.ConsumerConfig{
			Stream: m.cfg.Delivery.Stream, Durable: "alerts-router", FilterSubjects: []string{m.inSubj},
			AckWait: m.cfg.Delivery.AckWait, RetryDelay: m.cfg.Delivery.Backoff,
		}, m.route)
	})
	for name, r := range m.receivers {
		loop("deliver "+name, func(ctx context.Context) error { return m.deliverLoop(ctx, r) })
	}
	if tick := m.repeatTick(); tick > 0 {
		loop("repeat", func(ctx context.Context) error {
			t := time.NewTicker(tick)
			defer t.Stop()
			for {
				select {
				case <-ctx.Done():
					return nil
				case <-t.C:
					if err := m.repeatOpen(ctx); err != nil {
						return err
					}
				}
			}
		})
	}
	wg.Wait()
	return nil
}

func sleepCtx(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}

func (m *Manager) loadIncident(ctx context.Context, fingerprint string) (incident, uint64, error) {
	e, err := m.incidents.Get(ctx, hashKey("i", fingerprint))
	if errors.Is(err, jetstream.ErrKeyNotFound) {
		return incident{}, 0, nil
	}
	if err != nil {
		return incident{}, 0, fmt.Errorf("alerts: load incident %s: %w", fingerprint, err)
	}
	var in incident
	if err := json.Unmarshal(e.Value(), &in); err != nil {
		return incident{}, 0, fmt.Errorf("alerts: decode incident %s: %w", fingerprint, err)
	}
	return in, e.Revision(), nil
}

func (m *Manager) saveIncident(ctx context.Context, in incident) error {
	b, err := json.Marshal(in)
	if err != nil {
		return fmt.Errorf("alerts: encode incident: %w", err)
	}
	if _, err := m.incidents.Put(ctx, hashKey("i", in.Alert.Fingerprint), b); err != nil {
		return fmt.Errorf("alerts: save incident %s: %w", in.Alert.Fingerprint, err)
	}
	return nil
}

// route decides the receivers of one stored alert and queues a job for each.
func (m *Manager) route(ctx context.Context, msg bus.Msg) error {
	var a Alert
	if err := json.Unmarshal(msg.Data, &a); err != nil {
		return bus.Permanent(fmt.Errorf("alerts: decode outbox alert: %w", err))
	}
	in, _, err := m.loadIncident(ctx, a.Fingerprint)
	if err != nil {
		return err
	}
	if in.Alert.State != "" && stateRank(a.State) < stateRank(in.Alert.State) {
		m.counters.add("", "stale", a.State, 1)
		m.log.Info("stale alert dropped", zap.String("key", a.Key()), zap.String("incident_state", in.Alert.State))
		return nil
	}
	now := m.now()
	targets, err := m.targetsOf(ctx, a, now)
	if err != nil {
		return err
	}
	// Updates of an incident go to every receiver that was told about it, so
	// pages resolve and chat gets the follow-up.
	for _, r := range in.Receivers {
		if !slices.ContainsFunc(targets, func(t Target) bool { return t.Receiver == r }) {
			if _, ok := m.receivers[r]; ok {
				targets = append(targets, Target{Receiver: r, GroupKey: r + "|incident", RepeatInterval: in.Repeat[r]})
			}
		}
	}
	// The incident is saved before its jobs are queued, so whoever sees a
	// delivery (an escalation scan, a repeat) also sees the incident. A crash
	// in between redelivers the message: routing it again queues the same
	// jobs under the same ids.
	if in.Alert.State != a.State {
		in.Since = now
	}
	in.Alert = a
	if a.Seq == 0 || in.Base.State != a.State {
		in.Base = a
	}
	if in.LastSent == nil {
		in.LastSent = map[string]time.Time{}
		in.Repeat = map[string]time.Duration{}
	}
	for _, t := range targets {
		if !slices.Contains(in.Receivers, t.Receiver) {
			in.Receivers = append(in.Receivers, t.Receiver)
		}
		in.LastSent[t.Receiver] = now
		if t.RepeatInterval > 0 {
			in.Repeat[t.Receiver] = t.RepeatInterval
		}
	}
	if a.Seq > in.Escalated && a.Kind != KindTower {
		in.Escalated = a.Seq
	}
	if err := m.saveIncident(ctx, in); err != nil {
		return err
	}
	for _, t := range targets {
		j := job{Alert: a, Receiver: t.Receiver, GroupKey: t.GroupKey, GroupWait: t.GroupWait}
		if _, err := m.enqueueJob(ctx, j, ""); err != nil {
			return err
		}
	}
	return nil
}

// targetsOf routes a new notification: none while a silence (configured or
// added at run time) matches it or an open incident inhibits it.
func (m *Manager) targetsOf(ctx context.Context, a Alert, now time.Time) ([]Target, error) {
	cfg := m.routing.Load()
	if silenced, why := cfg.Silenced(a, now); silenced {
		m.counters.add("", "silenced", "", 1)
		m.log.Info("alert silenced", zap.String("key", a.Key()), zap.String("silence", why))
		return nil, nil
	}
	if m.silences != nil {
		silenced, why, err := m.silences.Silenced(ctx, a, now)
		if err != nil {
			return nil, err
		}
		if silenced {
			m.counters.add("", "silenced", "", 1)
			m.log.Info("alert silenced", zap.String("key", a.Key()), zap.String("silence", why))
			return nil, nil
		}
	}
	inhibited, by, err := m.inhibited(ctx, cfg, a)
	if err != nil {
		return nil, err
	}
	if inhibited {
		m.counters.add("", "inhibited", "", 1)
		m.log.Info("alert inhibited", zap.String("key", a.Key()), zap.String("by_incident", by))
		return nil, nil
	}
	return cfg.Routes(a), nil
}

// enqueueJob stores j for its receiver; duplicate reports that the same job
// was already stored.
func (m *Manager) enqueueJob(ctx context.Context, j job, idSuffix string) (duplicate bool, err error) {
	data, err := json.Marshal(j)
	if err != nil {
		return false, fmt.Errorf("alerts: encode job: %w", err)
	}
	dup, err := m.b.Publish(ctx, m.outPref+j.Receiver, hashKey("j", j.deliveryKey()+idSuffix), data)
	if err != nil {
		return false, fmt.Errorf("alerts: queue %s for %s: %w", j.Alert.Key(), j.Receiver, err)
	}
	return dup, nil
}

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
