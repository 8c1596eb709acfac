// Package verify is the verify role: a durable JetStream consumer, shared by
// any number of watcher processes, that judges each L1 event with its kind's
// plug-in and durably records the verdict and any challenge before acking.
package verify

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/alerts"
	"github.com/watchtower-l2/watchtower/watcher/bus"
	"github.com/watchtower-l2/watchtower/watcher/event"
	"github.com/watchtower-l2/watchtower/watcher/eventauth"
	"github.com/watchtower-l2/watchtower/watcher/l2"
	"github.com/watchtower-l2/watchtower/watcher/metrics"
	"github.com/watchtower-l2/watchtower/watcher/store"
)

// Queue receives challenges and cancellations (challenge.Queue).
type Queue interface {
	Enqueue(ctx context.Context, c l2.Challenge) error
	// EnqueueMany is Enqueue for challenges of distinct disputes, with one
	// error per challenge.
	EnqueueMany(ctx context.Context, cs []l2.Challenge) []error
	Cancel(ctx context.Context, disputeID, reason string) error
}

// Config names the stream and durable consumer.
type Config struct {
	ChainID uint64
	Stream  string
	// Durable is the consumer name shared by every verify process (default "verify").
	Durable string
	// Workers is the number of concurrent handlers (default 8), or with
	// Batch the number of concurrent batches (default 2).
	Workers int
	AckWait time.Duration
	// Batch > 0 consumes in batches of up to Batch events (bus.ConsumeBatch
	// and HandleBatch): verdicts are looked up and recorded with one store
	// round trip per batch, and kinds implementing l2.BatchVerifier judge
	// their events of a batch together. Batch×Workers should not exceed the
	// durable's MaxAckPending (server default 1000).
	Batch int
	// Metrics counts verdicts and failed verifications (nil: none).
	Metrics *metrics.Metrics
	// Auth checks that each message was sealed by a trusted ingest key
	// (*eventauth.Verifier). Required: a message it refuses is terminated,
	// counted and alerted on.
	Auth Authenticator
	// L1 confirms retractions and the kinds' irrevocable events before they
	// are acted on. Required.
	L1 L1
}

// Authenticator checks a message's seal (eventauth.Verifier): nil, or an
// error saying why the message must not be acted on.
type Authenticator interface {
	Check(it eventauth.Item, h eventauth.HeaderGetter) error
}

// Verifier is the verify role.
type Verifier struct {
	bus    *bus.Bus
	st     store.Store
	kinds  l2.Registry
	queue  Queue
	alerts alerts.Sink
	cfg    Config
	log    *zap.Logger

	rejectLimiter rateGate
	// watched maps every watched contract to its kind, and addrs lists
	// them: fixed for the Verifier's life, read for every event.
	watched map[common.Address]string
	addrs   []common.Address
}

// New returns the verify role.
func New(b *bus.Bus, st store.Store, kinds l2.Registry, q Queue, sink alerts.Sink, cfg Config, log *zap.Logger) (*Verifier, error) {
	if cfg.Auth == nil {
		return nil, errors.New("verify: no trusted event keys: the verify role acts only on events sealed by ingest (events.trusted_keys)")
	}
	if cfg.L1 == nil {
		return nil, errors.New("verify: an L1 client is required to confirm retractions and irrevocable events")
	}
	if cfg.Durable == "" {
		cfg.Durable = "verify"
	}
	if cfg.Workers <= 0 {
		cfg.Workers = 8
		if cfg.Batch > 0 {
			cfg.Workers = 2
		}
	}
	return &Verifier{bus: b, st: st, kinds: kinds, queue: q, alerts: sink, cfg: cfg, log: log.Named("verify"),
		rejectLimiter: rateGate{every: rejectAlertEvery}, watched: watchedContracts(kinds), addrs: kinds.Addresses()}, nil
}

// Run consumes events until ctx is cancelled; verdicts in flight complete first.
func (v *Verifier) Run(ctx context.Context) error {
	cc := bus.ConsumerConfig{
		Stream:         v.cfg.Stream,
		Durable:        v.cfg.Durable,
		FilterSubjects: []string{event.ChainSubjects(v.cfg.ChainID)},
		Workers:        v.cfg.Workers,
		AckWait:        v.cfg.AckWait,
	}
	if v.cfg.Batch > 0 {
		cc.Batch = v.cfg.Batch
		return v.bus.ConsumeBatch(ctx, cc, v.HandleBatch)
	}
	return v.bus.Consume(ctx, cc, v.Handle)
}

// VerdictKey is where the verdict of an event is recorded.
//
// An event whose verdict is found is acked only after that verdict has been
// written again: the verdict read may be a write the store applied but never
// confirmed (a Redis primary whose replicas did not acknowledge it, which a
// failover then loses, and with it the challenge queued before it). The
// rewrite is confirmed only once the replicas hold everything written before
// it, so the ack never rests on a write a failover can take back.
func VerdictKey(eventMsgID string) string { return "verdict:" + eventMsgID }

// Handle judges one event message. It returns nil only once the verdict and its
// follow-up (a queued challenge, a cancellation) are durably stored.
func (v *Verifier) Handle(ctx context.Context, m bus.Msg) error {
	if err := v.authenticate(ctx, m); err != nil {
		return err
	}
	ev, err := event.Decode(m.Data)
	if err != nil {
		return bus.Permanent(fmt.Errorf("verify: message %s on %s: %w", m.MsgID, m.Subject, err))
	}
	key := VerdictKey(ev.MsgID())
	if b, err := v.st.Get(ctx, key); err == nil {
		// Judged already (redelivery or republish); acked once the verdict
		// is confirmed durable.
		if err := v.st.Put(ctx, key, b); err != nil {
			return fmt.Errorf("verify: confirm verdict of %s: %w", ev.MsgID(), err)
		}
		return nil
	} else if !errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("verify: look up verdict of %s: %w", ev.MsgID(), err)
	}
	kind, ok := v.kinds[ev.Kind]
	if !ok {
		return bus.Permanent(fmt.Errorf("verify: no plug-in for kind %q (event %s)", ev.Kind, ev.MsgID()))
	}
	if err := v.checkContract(ev); err != nil {
		return err
	}
	verdict, err := v.judge(ctx, nil, kind, ev, m.Delivered)
	if err != nil {
		v.cfg.Metrics.VerifyFailed(ev.Kind)
		return fmt.Errorf("verify: %s %s: %w", ev.Kind, ev.Name, err)
	}
	if verdict.Challenge != nil {
		if err := v.queue.Enqueue(ctx, received(*verdict.Challenge, ev)); err != nil {
			return fmt.Errorf("verify: queue challenge %s: %w", verdict.Challenge.DisputeID, err)
		}
	}
	for _, id := range verdict.Cancel {
		if err := v.queue.Cancel(ctx, id, "event removed by a reorg: "+ev.ID()); err != nil {
			return fmt.Errorf("verify: cancel %s: %w", id, err)
		}
	}
	b, err := json.Marshal(verdict)
	if err != nil {
		return fmt.Errorf("verify: encode verdict: %w", err)
	}
	if err := v.st.Put(ctx, key, b); err != nil {
		return fmt.Errorf("verify: record verdict of %s: %w", ev.MsgID(), err)
	}
	v.report(ctx, ev, verdict)
	return nil
}

// judge confirms ev on L1 when it must be (reading through w, or a view of
// its own when w is nil), then has its kind verify it.
func (v *Verifier) judge(ctx context.Context, w *l1View, kind l2.Kind, ev event.Event, delivered uint64) (l2.Verdict, error) {
	if needsConfirm(kind, ev) {
		if w == nil {
			w = newL1View(v.cfg.L1, v.addrs)
		}
		reason, err := v.confirm(ctx, w, kind, ev, delivered)
		if err != nil {
			return l2.Verdict{}, err
		}
		if reason != "" {
			return unconfirmed(ev, reason), nil
		}
	}
	return kind.Verify(ctx, ev)
}

// report counts and logs a recorded verdict and alerts on fraud.
func (v *Verifier) report(ctx context.Context, ev event.Event, verdict l2.Verdict) {
	v.cfg.Metrics.EventVerified(ev.Kind, string(verdict.Outcome))
	log := v.log.With(zap.String("kind", ev.Kind), zap.String("event", ev.Name), zap.String("subject", verdict.Subject),
		zap.Uint64("block", ev.BlockNumber), zap.String("tx", ev.TxHash.Hex()))
	switch verdict.Outcome {
	case l2.Fraud:
		log.Warn("fraud detected", zap.String("detail", verdict.Detail), zap.Uint64("deadline_block", verdict.DeadlineBlock))
		v.notify(ctx, ev, verdict)
	case l2.Noted:
		log.Debug("event noted", zap.String("detail", verdict.Detail))
	case l2.Unconfirmed:
		log.Error("event not confirmed by L1; not acted on", zap.String("detail", verdict.Detail))
		v.alertUnconfirmed(ctx, ev, verdict)
	default:
		log.Info("event verified", zap.String("outcome", string(verdict.Outcome)), zap.String("detail", verdict.Detail))
	}
}

func (v *Verifier) notify(ctx context.Context, ev event.Event, vd l2.Verdict) {
	a := alerts.Alert{
		Fingerprint:   vd.Challenge.DisputeID,
		Severity:      alerts.Warning,
		Kind:          ev.Kind,
		ChainID:       ev.ChainID,
		Contract:      ev.Contract.Hex(),
		Subject:       vd.Subject,
		State:         alerts.StateDetected,
		Summary:       fmt.Sprintf("%s %s: %s", ev.Kind, vd.Subject, vd.Detail),
		Users:         vd.Users,
		DeadlineBlock: vd.DeadlineBlock,
	}
	if err := v.alerts.Notify(ctx, a); err != nil {
		v.log.Warn("alert delivery failed", zap.String("dispute", vd.Challenge.DisputeID), zap.Error(err))
	}
}

// received stamps c with when ingest read the event proving it, unless the
// kind set it already.
func received(c l2.Challenge, ev event.Event) l2.Challenge {
	if c.ReceivedAt.IsZero() {
		c.ReceivedAt = ev.ReceivedAt
	}
	return c
}
