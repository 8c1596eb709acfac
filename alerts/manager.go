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
