// Package metrics is the tower's Prometheus instrumentation.
//
// Everything hangs off a *Metrics built with New on a caller-supplied
// registry: there is no global registry and no package state, so tests and
// several towers in one process never collide. Roles call typed methods
// (IngestHead, EventVerified, ChallengeSent, ...); values that live outside the
// process (JetStream consumer backlog, signer balance, open dispute deadlines)
// are read at scrape time through sources registered with Watch*.
//
// Naming follows the Prometheus rules: one "watchtower_" prefix, base units
// (seconds, blocks, wei), "_total" on counters only. Names lists every family
// so the Grafana dashboard and alert rules can be checked against the code.
//
// A nil *Metrics is valid and records nothing, so roles can be built without
// instrumentation.
package metrics

import (
	"context"
	"math/big"
	"net/http"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/watchtower-l2/watchtower/alerts"
)

// Namespace is the prefix of every metric the tower exports.
const Namespace = "watchtower"

// DefaultScrapeTimeout bounds each external read done at scrape time.
const DefaultScrapeTimeout = 3 * time.Second

// Metrics holds every metric family of one tower process.
type Metrics struct {
	reg      prometheus.Registerer
	gatherer prometheus.Gatherer
	names    []string

	// ScrapeTimeout bounds each source read at scrape time (default DefaultScrapeTimeout).
	ScrapeTimeout time.Duration

	l1Head          prometheus.Gauge
	l1HeadUpdated   prometheus.Gauge
	ingestProcessed prometheus.Gauge
	ingestLag       prometheus.Gauge
	eventsIngested  *prometheus.CounterVec
	verdicts        *prometheus.CounterVec
	verifyErrors    *prometheus.CounterVec
	eventsRejected  *prometheus.CounterVec
	storeLatency    *prometheus.HistogramVec
	storeErrors     *prometheus.CounterVec
	challSent       *prometheus.CounterVec
	challMined      *prometheus.CounterVec
	challFailed     *prometheus.CounterVec
	toBroadcast     *prometheus.HistogramVec
	reaction        *prometheus.HistogramVec
	toInclusion     *prometheus.HistogramVec
	delegAccepted   *prometheus.CounterVec
	delegHeld       *prometheus.GaugeVec
	sourceErrors    *prometheus.CounterVec
	reloads         *prometheus.CounterVec
	info            *prometheus.GaugeVec
	l1SourceState   *prometheus.GaugeVec
	l1Disagreements *prometheus.CounterVec

	lastHead atomic.Uint64

	mu        sync.Mutex
	consumers []consumerSource
	balances  []balanceSource
	deadlines []DeadlineFunc
	alertSrcs []*alerts.Counters
	alertSent map[string]uint64    // receiver
	alertFail map[[2]string]uint64 // receiver, reason
	l1States  map[string]string    // source -> state set to 1
}

// Scrape-time metric descriptions.
var (
	consumerPendingDesc = prometheus.NewDesc(Namespace+"_jetstream_consumer_pending_messages",
		"Messages in the stream not yet delivered to the durable consumer.", []string{"stream", "consumer"}, nil)
	consumerAckPendingDesc = prometheus.NewDesc(Namespace+"_jetstream_consumer_ack_pending_messages",
		"Messages delivered to the durable consumer and not yet acknowledged.", []string{"stream", "consumer"}, nil)
	signerBalanceDesc = prometheus.NewDesc(Namespace+"_signer_balance_wei",
		"Balance of the challenger account at the latest L1 block, in wei.", []string{"address"}, nil)
	deadlineDesc = prometheus.NewDesc(Namespace+"_dispute_deadline_blocks_left",
		"L1 blocks left before the deadline of each open dispute (negative: past it).", []string{"kind", "dispute", "status"}, nil)
	alertsSentDesc = prometheus.NewDesc(Namespace+"_alerts_sent_total",
		"Alerts delivered, by receiver.", []string{"receiver"}, nil)
	alertsFailedDesc = prometheus.NewDesc(Namespace+"_alerts_failed_total",
		"Alert deliveries that failed (given back to the outbox for a later retry, or dropped), by receiver and reason.", []string{"receiver", "reason"}, nil)
	openDisputesDesc = prometheus.NewDesc(Namespace+"_disputes_open",
		"Open disputes (challenge jobs not yet final) by kind and status.", []string{"kind", "status"}, nil)
)

// Latency buckets: store operations are sub-millisecond to a few hundred ms;
// event-to-challenge times are seconds to hours (L1 blocks and confirmations).
var (
	storeBuckets     = prometheus.ExponentialBuckets(0.0001, 4, 10) // 100µs .. 26s
	challengeBuckets = []float64{1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200, 21600}
	// reactionBuckets: from half a millisecond to half a minute.
	reactionBuckets = []float64{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30}
)

// New registers every metric family on reg. reg may also be a
// *prometheus.Registry, in which case Handler serves exactly its content.
// Process and Go runtime collectors are added as well.
func New(reg prometheus.Registerer) (*Metrics, error) {
	m := &Metrics{reg: reg, ScrapeTimeout: DefaultScrapeTimeout}
	if g, ok := reg.(prometheus.Gatherer); ok {
		m.gatherer = g
	}
	var regErr error
	gauge := func(name, help string) prometheus.Gauge {
		g := prometheus.NewGauge(prometheus.GaugeOpts{Namespace: Namespace, Name: name, Help: help})
		m.register(g, Namespace+"_"+name, &regErr)
		return g
	}
	gaugeVec := func(name, help string, labels ...string) *prometheus.GaugeVec {
		g := prometheus.NewGaugeVec(prometheus.GaugeOpts{Namespace: Namespace, Name: name, Help: help}, labels)
		m.register(g, Namespace+"_"+name, &regErr)
		return g
	}
	counterVec := func(name, help string, labels ...string) *prometheus.CounterVec {
		c := prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: Namespace, Name: name, Help: help}, labels)
		m.register(c, Namespace+"_"+name, &regErr)
		return c
	}
	histVec := func(name, help string, buckets []float64, labels ...string) *prometheus.HistogramVec {
		h := prometheus.NewHistogramVec(prometheus.HistogramOpts{Namespace: Namespace, Name: name, Help: help, Buckets: buckets}, labels)
		m.register(h, Namespace+"_"+name, &regErr)
		return h
	}

	m.l1Head = gauge("l1_head_block", "Latest L1 block number seen.")
	m.l1HeadUpdated = gauge("l1_head_updated_timestamp_seconds", "Unix time at which the latest L1 head was first seen.")
	m.ingestProcessed = gauge("ingest_processed_block", "Last L1 block whose events were all published (the ingest cursor).")
	m.ingestLag = gauge("ingest_lag_blocks", "L1 head minus the ingest cursor, in blocks (includes the confirmation depth).")
	m.eventsIngested = counterVec("ingest_events_total", "Events decoded from L1 and published, by kind and event name (retractions have removed=true).", "kind", "event", "removed")
	m.verdicts = counterVec("verify_verdicts_total", "Events judged by the verify role, by kind and outcome (fraud, honest, unwatched, noted, retracted, unconfirmed: L1 does not show what the event claims).", "kind", "outcome")
	m.eventsRejected = counterVec("verify_events_rejected_total", "Bus messages the verify role refused and terminated because their seal is missing, made by an untrusted key or does not match (reason: unsigned, unknown_key, bad_seal).", "reason")
	m.verifyErrors = counterVec("verify_errors_total", "Events whose verification failed and will be redelivered, by kind.", "kind")
	m.storeLatency = histVec("store_operation_duration_seconds", "Latency of store operations, by operation.", storeBuckets, "operation")
	m.storeErrors = counterVec("store_errors_total", "Store operations that failed (not-found is not a failure), by operation.", "operation")
	m.challSent = counterVec("challenges_sent_total", "Challenge transactions broadcast, by kind.", "kind")
	m.challMined = counterVec("challenges_mined_total", "Challenge transactions included successfully before the deadline, by kind.", "kind")
	m.challFailed = counterVec("challenges_failed_total", "Challenges that failed, by kind and reason (missed, reverted, error).", "kind", "reason")
	m.reaction = histVec("challenge_reaction_seconds", "Time from ingest reading the log that proved fraud to the broadcast of its challenge, on the tower's own clocks (ingest reads a log once it has its confirmations: their wait is not included).", reactionBuckets, "kind")
	m.toBroadcast = histVec("challenge_event_to_broadcast_seconds", "Time from the L1 event that proved fraud to the broadcast of its challenge.", challengeBuckets, "kind")
	m.toInclusion = histVec("challenge_event_to_inclusion_seconds", "Time from the L1 event that proved fraud to the inclusion of its challenge.", challengeBuckets, "kind")
	m.delegAccepted = counterVec("delegations_accepted_total", "Delegated states accepted, by kind and whether the subject was new or updated.", "kind", "type")
	m.delegHeld = gaugeVec("delegations_held", "Subjects (channels, subscriptions) this process's api role accepted as new minus those it released (revoked, expired), since it started, by kind.", "kind")
	m.sourceErrors = counterVec("metrics_source_errors_total", "Scrape-time reads that failed, by source (consumer, signer_balance, deadlines).", "source")
	m.reloads = counterVec("config_reloads_total", "Configuration reloads (SIGHUP), by result (success, failure).", "result")
	m.l1SourceState = gaugeVec("l1_source_state", "1 for the current state of each L1 source (healthy, lagging, disagreeing, erroring), 0 for the states it left.", "source", "state")
	m.l1Disagreements = counterVec("l1_source_disagreements_total", "Answers of an L1 source that differed from the quorum of the other sources (blocks, logs, call results), by source.", "source")
	m.info = gaugeVec("build_info", "Always 1; labels carry the version and the roles of this process.", "version", "roles")

	sc := &scrapeCollector{m: m}
	m.register(sc, "", &regErr)
	m.names = append(m.names,
		Namespace+"_jetstream_consumer_pending_messages",
		Namespace+"_jetstream_consumer_ack_pending_messages",
		Namespace+"_signer_balance_wei",
		Namespace+"_dispute_deadline_blocks_left",
		Namespace+"_disputes_open",
		Namespace+"_alerts_sent_total",
		Namespace+"_alerts_failed_total",
	)
	if regErr != nil {
		return nil, regErr
	}
	// Process and runtime metrics keep their standard names (process_*, go_*).
	_ = reg.Register(collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	_ = reg.Register(collectors.NewGoCollector())
	sort.Strings(m.names)
	return m, nil
}

func (m *Metrics) register(c prometheus.Collector, name string, errp *error) {
	if err := m.reg.Register(c); err != nil && *errp == nil {
		*errp = err
	}
	if name != "" {
		m.names = append(m.names, name)
	}
}

// Names returns the name of every metric family this package exports (without
// the _bucket/_sum/_count series suffixes of histograms), sorted.
func (m *Metrics) Names() []string { return append([]string(nil), m.names...) }

// Handler serves the registry in the Prometheus exposition format (and
// OpenMetrics when asked). New must have been given a registry that is also a
// Gatherer (*prometheus.Registry); otherwise the default gatherer is served.
func (m *Metrics) Handler() http.Handler {
	g := m.gatherer
	if g == nil {
		g = prometheus.DefaultGatherer
	}
	return promhttp.HandlerFor(g, promhttp.HandlerOpts{
		ErrorHandling:     promhttp.ContinueOnError,
		Timeout:           30 * time.Second,
		EnableOpenMetrics: true,
	})
}

// BuildInfo sets watchtower_build_info{version, roles} to 1.
func (m *Metrics) BuildInfo(version, roles string) {
	if m == nil {
		return
	}
	m.info.WithLabelValues(version, roles).Set(1)
}

// IngestHead records the L1 head seen and the last block fully processed by
// ingest (its cursor). Call it after each ingest step.
func (m *Metrics) IngestHead(seen, processed uint64) {
	if m == nil {
		return
	}
	m.L1Head(seen)
	m.ingestProcessed.Set(float64(processed))
	lag := float64(0)
	if seen > processed {
		lag = float64(seen - processed)
	}
	m.ingestLag.Set(lag)
}

// L1Head records the latest L1 head seen by any role. The head's
// updated-timestamp moves only when the number grows.
func (m *Metrics) L1Head(n uint64) {
	if m == nil {
		return
	}
	for {
		old := m.lastHead.Load()
		if n <= old {
			return
		}
		if m.lastHead.CompareAndSwap(old, n) {
			m.l1Head.Set(float64(n))
			m.l1HeadUpdated.Set(float64(time.Now().UnixNano()) / 1e9)
			return
		}
	}
}

// Head returns the latest L1 head recorded (0 before any).
func (m *Metrics) Head() uint64 {
	if m == nil {
		return 0
	}
	return m.lastHead.Load()
}

// EventIngested counts an event published by ingest (removed: a reorg retraction).
func (m *Metrics) EventIngested(kind, event string, removed bool) {
	if m == nil {
		return
	}
	r := "false"
	if removed {
		r = "true"
	}
	m.eventsIngested.WithLabelValues(kind, event, r).Inc()
}

// EventVerified counts a verdict of the verify role.
func (m *Metrics) EventVerified(kind, outcome string) {
	if m == nil {
		return
	}
	m.verdicts.WithLabelValues(kind, outcome).Inc()
}

// EventRejected counts a bus message refused for its seal (reason:
// unsigned, unknown_key, bad_seal).
func (m *Metrics) EventRejected(reason string) {
	if m == nil {
		return
	}
	m.eventsRejected.WithLabelValues(reason).Inc()
}

// VerifyFailed counts an event whose verification failed (it is redelivered).
func (m *Metrics) VerifyFailed(kind string) {
	if m == nil {
		return
	}
	m.verifyErrors.WithLabelValues(kind).Inc()
}

// ObserveStore records one store operation; InstrumentStore calls it for you.
func (m *Metrics) ObserveStore(op string, d time.Duration, failed bool) {
	if m == nil {
		return
	}
	m.storeLatency.WithLabelValues(op).Observe(d.Seconds())
	if failed {
		m.storeErrors.WithLabelValues(op).Inc()
	}
}

// ChallengeReaction observes the time from ingest reading the event's log
// (receivedAt, skipped when zero) to its challenge's broadcast.
func (m *Metrics) ChallengeReaction(kind string, receivedAt time.Time) {
	if m == nil || receivedAt.IsZero() {
		return
	}
	m.reaction.WithLabelValues(kind).Observe(nonNeg(time.Since(receivedAt)))
}

// ChallengeSent counts a broadcast challenge and observes the time since the
// event that proved the fraud (skipped when eventTime is zero).
func (m *Metrics) ChallengeSent(kind string, eventTime time.Time) {
	if m == nil {
		return
	}
	m.challSent.WithLabelValues(kind).Inc()
	if !eventTime.IsZero() {
		m.toBroadcast.WithLabelValues(kind).Observe(nonNeg(time.Since(eventTime)))
	}
}

// ChallengeMined counts an included challenge and observes the time since the
// event that proved the fraud (skipped when eventTime is zero).
func (m *Metrics) ChallengeMined(kind string, eventTime time.Time) {
	if m == nil {
		return
	}
	m.challMined.WithLabelValues(kind).Inc()
	if !eventTime.IsZero() {
		m.toInclusion.WithLabelValues(kind).Observe(nonNeg(time.Since(eventTime)))
	}
}

// Reasons a challenge fails.
const (
	FailMissed   = "missed"   // the window closed before inclusion
	FailReverted = "reverted" // included but reverted, or simulation reverted unexpectedly
	FailError    = "error"    // an attempt failed (RPC, signing, broadcast); it is retried
)

// ChallengeFailed counts a failed challenge or attempt (reason: Fail*).
func (m *Metrics) ChallengeFailed(kind, reason string) {
	if m == nil {
		return
	}
	m.challFailed.WithLabelValues(kind, reason).Inc()
}

// ObserveEventToBroadcast records the event-to-broadcast time directly.
func (m *Metrics) ObserveEventToBroadcast(kind string, d time.Duration) {
	if m == nil {
		return
	}
	m.toBroadcast.WithLabelValues(kind).Observe(nonNeg(d))
}

// ObserveEventToInclusion records the event-to-inclusion time directly.
func (m *Metrics) ObserveEventToInclusion(kind string, d time.Duration) {
	if m == nil {
		return
	}
	m.toInclusion.WithLabelValues(kind).Observe(nonNeg(d))
}

// AlertSent counts an alert delivered by receiver.
func (m *Metrics) AlertSent(receiver string) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.alertSent == nil {
		m.alertSent = map[string]uint64{}
	}
	m.alertSent[receiver]++
}

// AlertFailed counts an alert receiver failed to deliver.
func (m *Metrics) AlertFailed(receiver, reason string) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.alertFail == nil {
		m.alertFail = map[[2]string]uint64{}
	}
	m.alertFail[[2]string{receiver, reason}]++
}

// WatchAlertCounters exports the delivery counters of an alerts.Manager
// (Manager.Counters()): outcome "sent" as alerts_sent_total, outcomes
// "failed" and "dropped" as alerts_failed_total{reason}.
func (m *Metrics) WatchAlertCounters(c *alerts.Counters) {
	if m == nil || c == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.alertSrcs = append(m.alertSrcs, c)
}

// DelegationAccepted counts an accepted delegation; isNew is true when the
// tower held nothing for the subject before. It also moves delegations_held.
func (m *Metrics) DelegationAccepted(kind string, isNew bool) {
	if m == nil {
		return
	}
	t := "update"
	if isNew {
		t = "new"
		m.delegHeld.WithLabelValues(kind).Inc()
	}
	m.delegAccepted.WithLabelValues(kind, t).Inc()
}

// SetDelegationsHeld sets the number of subjects with a held proof (for a
// source that can count them, e.g. at start-up).
func (m *Metrics) SetDelegationsHeld(kind string, n int) {
	if m == nil {
		return
	}
	m.delegHeld.WithLabelValues(kind).Set(float64(n))
}

// DelegationReleased lowers delegations_held when a subject is settled for good.
func (m *Metrics) DelegationReleased(kind string) {
	if m == nil {
		return
	}
	m.delegHeld.WithLabelValues(kind).Dec()
}

// ConfigReloaded counts a configuration reload.
func (m *Metrics) ConfigReloaded(err error) {
	if m == nil {
		return
	}
	if err != nil {
		m.reloads.WithLabelValues("failure").Inc()
		return
	}
	m.reloads.WithLabelValues("success").Inc()
}

// L1SourceState sets the state of an L1 source: its series for state goes
// to 1 and the one of its previous state to 0.
func (m *Metrics) L1SourceState(source, state string) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.l1States == nil {
		m.l1States = map[string]string{}
	}
	if prev, ok := m.l1States[source]; ok && prev != state {
		m.l1SourceState.WithLabelValues(source, prev).Set(0)
	}
	m.l1States[source] = state
	m.l1SourceState.WithLabelValues(source, state).Set(1)
}

// L1SourceDisagreed counts an answer of an L1 source that differed from the quorum's.
func (m *Metrics) L1SourceDisagreed(source string) {
	if m == nil {
		return
	}
	m.l1Disagreements.WithLabelValues(source).Inc()
}

// ConsumerPendingFunc reads a durable consumer's backlog; (*bus.Bus).ConsumerPending has this signature.
type ConsumerPendingFunc func(ctx context.Context, stream, durable string) (pending uint64, ackPending int, err error)

// BalanceFunc reads the signer's balance in wei; (*txmgr.Manager).Balance has this signature.
type BalanceFunc func(ctx context.Context) (*big.Int, error)

// Deadline is one open dispute and the last block at which it can be answered.
type Deadline struct {
	Kind          string
	Dispute       string
	Status        string
	DeadlineBlock uint64
}

// DeadlineFunc lists open disputes and returns the current L1 head.
type DeadlineFunc func(ctx context.Context) (head uint64, open []Deadline, err error)

type consumerSource struct {
	stream, durable string
	f               ConsumerPendingFunc
}

type balanceSource struct {
	address string
	f       BalanceFunc
}

// WatchConsumer exports the backlog of a JetStream durable, read at scrape time.
func (m *Metrics) WatchConsumer(stream, durable string, f ConsumerPendingFunc) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.consumers = append(m.consumers, consumerSource{stream, durable, f})
}

// WatchSignerBalance exports the balance of a signer, read at scrape time.
func (m *Metrics) WatchSignerBalance(address string, f BalanceFunc) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.balances = append(m.balances, balanceSource{address, f})
}

// WatchDeadlines exports the blocks left before each open dispute's deadline,
// read at scrape time.
func (m *Metrics) WatchDeadlines(f DeadlineFunc) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.deadlines = append(m.deadlines, f)
}

// scrapeCollector reads the Watch* sources when Prometheus scrapes.
type scrapeCollector struct{ m *Metrics }

func (c *scrapeCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- consumerPendingDesc
	ch <- consumerAckPendingDesc
	ch <- signerBalanceDesc
	ch <- deadlineDesc
	ch <- openDisputesDesc
	ch <- alertsSentDesc
	ch <- alertsFailedDesc
}

func (c *scrapeCollector) Collect(ch chan<- prometheus.Metric) {
	m := c.m
	m.mu.Lock()
	consumers := append([]consumerSource(nil), m.consumers...)
	balances := append([]balanceSource(nil), m.balances...)
	deadlines := append([]DeadlineFunc(nil), m.deadlines...)
	sent := map[string]uint64{}
	for k, v := range m.alertSent {
		sent[k] += v
	}
	failed := map[[2]string]uint64{}
	for k, v := range m.alertFail {
		failed[k] += v
	}
	srcs := append([]*alerts.Counters(nil), m.alertSrcs...)
	m.mu.Unlock()
	for _, c := range srcs {
		for k, v := range c.Snapshot() {
			switch k.Outcome {
			case "sent":
				sent[k.Receiver] += v
			case "failed", "dropped":
				failed[[2]string{k.Receiver, k.Reason}] += v
			}
		}
	}
	for r, v := range sent {
		ch <- prometheus.MustNewConstMetric(alertsSentDesc, prometheus.CounterValue, float64(v), r)
	}
	for k, v := range failed {
		ch <- prometheus.MustNewConstMetric(alertsFailedDesc, prometheus.CounterValue, float64(v), k[0], k[1])
	}
	timeout := m.ScrapeTimeout
	if timeout <= 0 {
		timeout = DefaultScrapeTimeout
	}
	ctxFor := func() (context.Context, context.CancelFunc) {
		return context.WithTimeout(context.Background(), timeout)
	}
	var wg sync.WaitGroup
	for _, s := range consumers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ctx, cancel := ctxFor()
			defer cancel()
			pending, ack, err := s.f(ctx, s.stream, s.durable)
			if err != nil {
				m.sourceErrors.WithLabelValues("consumer").Inc()
				return
			}
			ch <- prometheus.MustNewConstMetric(consumerPendingDesc, prometheus.GaugeValue, float64(pending), s.stream, s.durable)
			ch <- prometheus.MustNewConstMetric(consumerAckPendingDesc, prometheus.GaugeValue, float64(ack), s.stream, s.durable)
		}()
	}
	for _, s := range balances {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ctx, cancel := ctxFor()
			defer cancel()
			bal, err := s.f(ctx)
			if err != nil || bal == nil {
				m.sourceErrors.WithLabelValues("signer_balance").Inc()
				return
			}
			f, _ := new(big.Float).SetInt(bal).Float64()
			ch <- prometheus.MustNewConstMetric(signerBalanceDesc, prometheus.GaugeValue, f, s.address)
		}()
	}
	for _, f := range deadlines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ctx, cancel := ctxFor()
			defer cancel()
			head, open, err := f(ctx)
			if err != nil {
				m.sourceErrors.WithLabelValues("deadlines").Inc()
				return
			}
			m.L1Head(head)
			type ks struct{ kind, status string }
			counts := map[ks]int{}
			for _, d := range open {
				left := float64(int64(d.DeadlineBlock) - int64(head))
				ch <- prometheus.MustNewConstMetric(deadlineDesc, prometheus.GaugeValue, left, d.Kind, d.Dispute, d.Status)
				counts[ks{d.Kind, d.Status}]++
			}
			for k, n := range counts {
				ch <- prometheus.MustNewConstMetric(openDisputesDesc, prometheus.GaugeValue, float64(n), k.kind, k.status)
			}
		}()
	}
	wg.Wait()
}

func nonNeg(d time.Duration) float64 {
	if d < 0 {
		return 0
	}
	return d.Seconds()
}
