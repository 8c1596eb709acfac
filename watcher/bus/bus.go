// Package bus carries L1 events from ingest to verify roles over NATS
// JetStream: idempotent publishing (message-id deduplication) and
// at-least-once consumption through shared durable pull consumers, where a
// message is acknowledged only after its handler has returned successfully.
package bus

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/internal/transport"
)

const (
	reconnectWait          = 2 * time.Second
	defaultDialTimeout     = 5 * time.Second
	closeFlushTimeout      = 2 * time.Second
	ackTimeout             = 5 * time.Second
	maxRetryDelay          = 30 * time.Second
	defaultDuplicateWindow = 24 * time.Hour
	defaultAckWait         = 30 * time.Second
	defaultRetryDelay      = 500 * time.Millisecond
	defaultBatch           = 256
)

// Options configures a Bus connection.
type Options struct {
	// Name identifies the client connection on the server (e.g. "verify-1").
	Name string
	// CredsFile is a NATS user credentials file (user JWT and nkey seed).
	// Set at most one of CredsFile, NKeySeedFile, User with PasswordFile,
	// and TokenFile.
	CredsFile string
	// NKeySeedFile holds a user nkey seed ("SU...").
	NKeySeedFile string
	// User and PasswordFile authenticate with a user name and the password
	// held in the file.
	User         string
	PasswordFile string
	// TokenFile holds an authentication token.
	TokenFile string
	// TLS, when set, makes the client require TLS, trusting TLS.CAFile and
	// presenting the client certificate if one is given.
	TLS transport.TLSFiles
	// DialTimeout bounds connecting to one server, TLS handshake and login
	// included (default 5s; servers check bcrypt passwords slowly).
	DialTimeout time.Duration
	// Logger receives connection and consumer logs; nil discards them.
	Logger *zap.Logger
}

// Bus is a NATS connection with a JetStream context. It is safe for
// concurrent use.
type Bus struct {
	nc         *nats.Conn
	js         jetstream.JetStream
	log        *zap.Logger
	terminated atomic.Uint64
}

// Connect dials serverURL (a comma-separated server list is allowed). Once
// connected, the client reconnects forever, logging disconnects and
// reconnects. The initial dial fails fast and honours ctx.
func Connect(ctx context.Context, serverURL string, opts Options) (*Bus, error) {
	log := opts.Logger
	if log == nil {
		log = zap.NewNop()
	}
	log = log.Named("bus")
	safeURL := redactURL(serverURL)

	dialTimeout := opts.DialTimeout
	if dialTimeout <= 0 {
		dialTimeout = defaultDialTimeout
	}
	nopts := []nats.Option{
		nats.Name(opts.Name),
		nats.Timeout(dialTimeout),
		nats.MaxReconnects(-1),
		nats.ReconnectWait(reconnectWait),
		nats.DisconnectErrHandler(func(nc *nats.Conn, err error) {
			if nc.IsClosed() {
				return // our own Close, not an outage
			}
			log.Warn("nats disconnected", zap.Error(err))
		}),
		nats.ReconnectHandler(func(nc *nats.Conn) {
			log.Info("nats reconnected", zap.String("url", nc.ConnectedUrlRedacted()))
		}),
		nats.ClosedHandler(func(*nats.Conn) {
			log.Debug("nats connection closed")
		}),
		nats.ErrorHandler(func(_ *nats.Conn, sub *nats.Subscription, err error) {
			fields := []zap.Field{zap.Error(err)}
			if sub != nil {
				fields = append(fields, zap.String("subscription", sub.Subject))
			}
			log.Error("nats async error", fields...)
		}),
	}
	sec, err := securityOptions(opts)
	if err != nil {
		return nil, fmt.Errorf("bus: connect to %s: %w", safeURL, err)
	}
	nopts = append(nopts, sec...)

	type result struct {
		nc  *nats.Conn
		err error
	}
	ch := make(chan result, 1)
	go func() {
		nc, err := nats.Connect(serverURL, nopts...)
		ch <- result{nc, err}
	}()
	var nc *nats.Conn
	select {
	case r := <-ch:
		if r.err != nil {
			return nil, explainConnect(fmt.Errorf("bus: connect to %s: %w", safeURL, r.err), opts)
		}
		nc = r.nc
	case <-ctx.Done():
		go func() {
			if r := <-ch; r.nc != nil {
				r.nc.Close()
			}
		}()
		return nil, fmt.Errorf("bus: connect to %s: %w", safeURL, ctx.Err())
	}

	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("bus: jetstream on %s: %w", safeURL, err)
	}
	log.Info("nats connected", zap.String("url", nc.ConnectedUrlRedacted()))
	return &Bus{nc: nc, js: js, log: log}, nil
}

// Close flushes pending acknowledgements and closes the connection. Stop
// Consume (cancel its context and wait for it to return) before calling it.
func (b *Bus) Close() {
	if b.nc.IsConnected() {
		_ = b.nc.FlushTimeout(closeFlushTimeout)
	}
	b.nc.Close()
}

// Conn returns the underlying NATS connection.
func (b *Bus) Conn() *nats.Conn { return b.nc }

// JetStream returns the underlying JetStream context.
func (b *Bus) JetStream() jetstream.JetStream { return b.js }

// Terminated returns how many messages this Bus has terminated (permanent
// handler errors and exhausted MaxDeliver) since it was created.
func (b *Bus) Terminated() uint64 { return b.terminated.Load() }

// StreamConfig describes a file-backed JetStream stream.
type StreamConfig struct {
	Name     string
	Subjects []string
	// Replicas defaults to 1.
	Replicas int
	// MaxAge limits message age; 0 keeps messages forever.
	MaxAge time.Duration
	// DuplicateWindow is how long message ids are remembered for
	// deduplication; defaults to 24h (or MaxAge if that is shorter).
	DuplicateWindow time.Duration
}

// EnsureStream creates the stream or updates it to match cfg.
func (b *Bus) EnsureStream(ctx context.Context, cfg StreamConfig) error {
	if cfg.Name == "" {
		return errors.New("bus: ensure stream: Name is required")
	}
	if len(cfg.Subjects) == 0 {
		return fmt.Errorf("bus: ensure stream %s: at least one subject is required", cfg.Name)
	}
	if cfg.Replicas <= 0 {
		cfg.Replicas = 1
	}
	dup := cfg.DuplicateWindow
	switch {
	case dup == 0:
		dup = defaultDuplicateWindow
		if cfg.MaxAge > 0 && cfg.MaxAge < dup {
			dup = cfg.MaxAge
		}
	case cfg.MaxAge > 0 && dup > cfg.MaxAge:
		return fmt.Errorf("bus: ensure stream %s: DuplicateWindow %s exceeds MaxAge %s", cfg.Name, dup, cfg.MaxAge)
	}
	sc := jetstream.StreamConfig{
		Name:       cfg.Name,
		Subjects:   cfg.Subjects,
		Replicas:   cfg.Replicas,
		MaxAge:     cfg.MaxAge,
		Duplicates: dup,
		Storage:    jetstream.FileStorage,
		Retention:  jetstream.LimitsPolicy,
	}
	// A cluster that just started may take a while to elect the stream's
	// leader (replicated streams): a timeout or "temporarily unavailable"
	// is retried with backoff for up to ensureStreamWait, never a refusal
	// of the configuration.
	wait, backoff := time.NewTimer(ensureStreamWait), 250*time.Millisecond
	defer wait.Stop()
	for attempt := 1; ; attempt++ {
		actx, cancel := context.WithTimeout(ctx, ensureStreamAttempt)
		_, err := b.js.CreateOrUpdateStream(actx, sc)
		cancel()
		if err == nil {
			return nil
		}
		if !streamNotReady(err) || ctx.Err() != nil {
			return fmt.Errorf("bus: ensure stream %s: %w", cfg.Name, err)
		}
		b.log.Info("JetStream not ready for the stream yet; retrying", zap.String("stream", cfg.Name),
			zap.Int("replicas", cfg.Replicas), zap.Int("attempt", attempt), zap.Error(err))
		select {
		case <-ctx.Done():
			return fmt.Errorf("bus: ensure stream %s: %w", cfg.Name, ctx.Err())
		case <-wait.C:
			return fmt.Errorf("bus: ensure stream %s: JetStream did not accept it within %s (is a quorum of the cluster's servers up?): %w", cfg.Name, ensureStreamWait, err)
		case <-time.After(backoff):
		}
		backoff = min(2*backoff, 5*time.Second)
	}
}

// Bounds of EnsureStream: each attempt, and all of them.
const (
	ensureStreamAttempt = 10 * time.Second
	ensureStreamWait    = 2 * time.Minute
)

// streamNotReady reports whether a stream request failed because JetStream
// is not ready yet (no answer in time, no leader, temporarily unavailable,
// too few peers yet),
// rather than refusing the request.
func streamNotReady(err error) bool {
	var apiErr *jetstream.APIError
	switch {
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, nats.ErrTimeout), errors.Is(err, nats.ErrNoResponders):
		return true
	case errors.As(err, &apiErr):
		// 10005: not enough peers to place the replicas yet, while a
		// cluster forms (or for good, if replicas exceed its size: the
		// retries end with an error naming the quorum).
		return apiErr.Code == 503 || apiErr.ErrorCode == jsErrCodeNoPeers
	}
	return false
}

// jsErrCodeNoPeers is JetStream's "no suitable peers for placement".
const jsErrCodeNoPeers = 10005

// Publish stores data on subject and waits for the stream's acknowledgement.
// msgID (required) is sent as Nats-Msg-Id: republishing the same msgID within
// the stream's duplicate window stores nothing and reports duplicate=true.
// While no stream leader answers (a clustered stream electing one, the
// connection moving to another server) it sends the message again, with
// backoff, until ctx ends; a copy already stored then reports
// duplicate=true.
func (b *Bus) Publish(ctx context.Context, subject, msgID string, data []byte) (duplicate bool, err error) {
	return b.PublishHeader(ctx, subject, msgID, data, nil)
}

// PublishHeader is Publish with message headers (an event's seal). A
// republished duplicate keeps the headers it was first stored with.
func (b *Bus) PublishHeader(ctx context.Context, subject, msgID string, data []byte, header map[string]string) (duplicate bool, err error) {
	if msgID == "" {
		return false, fmt.Errorf("bus: publish %s: msgID is required", subject)
	}
	m := &nats.Msg{Subject: subject, Data: data}
	if len(header) > 0 {
		m.Header = make(nats.Header, len(header)+1)
		for k, v := range header {
			m.Header.Set(k, v)
		}
	}
	// While a cluster elects a new stream leader (a server lost, a
	// reconnect under way) a publish gets no answer in time, "no
	// responders" or 503: it is sent again until ctx ends. The message id
	// makes that safe: a copy the stream already stored is acknowledged as
	// a duplicate, not stored twice.
	backoff := publishRetryMin
	for attempt := 1; ; attempt++ {
		actx, cancel := context.WithTimeout(ctx, publishAttempt)
		ack, err := b.js.PublishMsg(actx, m, jetstream.WithMsgID(msgID))
		cancel()
		if err == nil {
			if attempt > 1 {
				b.log.Info("publish acknowledged after retrying", zap.String("subject", subject),
					zap.String("msg_id", msgID), zap.Int("attempts", attempt), zap.Bool("duplicate", ack.Duplicate))
			}
			return ack.Duplicate, nil
		}
		if !publishRetryable(err) || ctx.Err() != nil {
			return false, fmt.Errorf("bus: publish %s (msg id %s, attempt %d): %w", subject, msgID, attempt, err)
		}
		b.log.Warn("publish not acknowledged; retrying (cluster electing a leader or reconnecting?)",
			zap.String("subject", subject), zap.String("msg_id", msgID), zap.Int("attempt", attempt), zap.Error(err))
		select {
		case <-ctx.Done():
			return false, fmt.Errorf("bus: publish %s (msg id %s, attempt %d): %w (last error: %v)", subject, msgID, attempt, ctx.Err(), err)
		case <-time.After(backoff):
		}
		backoff = min(2*backoff, publishRetryMax)
	}
}

// Bounds of Publish's attempts and of the pause between them.
const (
	publishAttempt  = 5 * time.Second
	publishRetryMin = 100 * time.Millisecond
	publishRetryMax = 2 * time.Second
)

// publishRetryable reports whether a publish failed for want of a stream
// leader or a connection (worth sending again) rather than being refused.
func publishRetryable(err error) bool {
	return streamNotReady(err) ||
		errors.Is(err, jetstream.ErrNoStreamResponse) ||
		errors.Is(err, nats.ErrConnectionReconnecting) ||
		errors.Is(err, nats.ErrDisconnected)
}

// Msg is a delivered message.
type Msg struct {
	Subject string
	Data    []byte
	// MsgID is the publisher's Nats-Msg-Id.
	MsgID string
	// Header holds every header of the message (an event's seal).
	Header nats.Header
	// Delivered is the delivery attempt, starting at 1.
	Delivered uint64
	// StreamSeq is the message's sequence in the stream.
	StreamSeq uint64
}

// Handler processes one message. Return nil only once the outcome is durably
// recorded; return an error to have the message redelivered later, or an
// error wrapped with Permanent to terminate it. Handlers must be idempotent:
// delivery is at least once.
type Handler func(ctx context.Context, m Msg) error

// ConsumerConfig configures a durable pull consumer and its workers.
type ConsumerConfig struct {
	Stream  string
	Durable string
	// FilterSubjects restricts the consumer; empty means all stream subjects.
	FilterSubjects []string
	// AckWait is the redelivery timeout; defaults to 30s. Handlers running
	// longer than AckWait/4 are kept alive with in-progress acks.
	AckWait time.Duration
	// MaxDeliver bounds delivery attempts; defaults to -1 (unlimited). A
	// message failing its last attempt is terminated and counted.
	MaxDeliver int
	// MaxAckPending bounds unacknowledged messages across all processes
	// sharing the durable; 0 uses the server default.
	MaxAckPending int
	// Workers is the number of concurrent handlers; defaults to 1.
	Workers int
	// RetryDelay is the base redelivery delay after a handler error, doubled
	// per attempt and capped at 30s; defaults to 500ms.
	RetryDelay time.Duration
	// Batch is, for ConsumeBatch, the most messages given to one handler call;
	// defaults to 256. Consume ignores it.
	Batch int
}

func (c ConsumerConfig) withDefaults() (ConsumerConfig, error) {
	if c.Stream == "" || c.Durable == "" {
		return c, errors.New("bus: consume: Stream and Durable are required")
	}
	if c.AckWait <= 0 {
		c.AckWait = defaultAckWait
	}
	if c.MaxDeliver == 0 {
		c.MaxDeliver = -1
	}
	if c.Workers <= 0 {
		c.Workers = 1
	}
	if c.RetryDelay <= 0 {
		c.RetryDelay = defaultRetryDelay
	}
	if c.Batch <= 0 {
		c.Batch = defaultBatch
	}
	return c, nil
}

// ensureConsumer creates or updates the durable pull consumer of cfg.
func (b *Bus) ensureConsumer(ctx context.Context, cfg ConsumerConfig) (jetstream.Consumer, error) {
	return b.js.CreateOrUpdateConsumer(ctx, cfg.Stream, jetstream.ConsumerConfig{
		Durable:        cfg.Durable,
		AckPolicy:      jetstream.AckExplicitPolicy,
		DeliverPolicy:  jetstream.DeliverAllPolicy,
		FilterSubjects: cfg.FilterSubjects,
		AckWait:        cfg.AckWait,
		MaxDeliver:     cfg.MaxDeliver,
		MaxAckPending:  cfg.MaxAckPending,
	})
}

// openConsumer applies cfg's defaults and creates or updates its durable
// pull consumer; what names the caller in errors. A nil consumer with a nil
// error means ctx was cancelled first: a clean shutdown.
func (b *Bus) openConsumer(ctx context.Context, what string, cfg ConsumerConfig) (ConsumerConfig, jetstream.Consumer, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return cfg, nil, err
	}
	cons, err := b.ensureConsumer(ctx, cfg)
	if err != nil {
		if ctx.Err() != nil {
			return cfg, nil, nil
		}
		return cfg, nil, fmt.Errorf("bus: %s: ensure consumer %s/%s: %w", what, cfg.Stream, cfg.Durable, err)
	}
	return cfg, cons, nil
}

// Consume creates or updates the durable pull consumer described by cfg and
// runs h on cfg.Workers goroutines until ctx is cancelled. It then stops
// fetching, hands back (naks) messages that were fetched but not started,
// waits for in-flight handlers — whose context is not cancelled with ctx —
// to finish and be acknowledged, and returns nil. Any number of processes
// may consume the same durable; each message goes to one of them at a time.
// A non-nil error means consuming stopped for another reason (connection
// closed, consumer deleted) and the caller should retry.
func (b *Bus) Consume(ctx context.Context, cfg ConsumerConfig, h Handler) error {
	if h == nil {
		return errors.New("bus: consume: nil handler")
	}
	cfg, cons, err := b.openConsumer(ctx, "consume", cfg)
	if err != nil || cons == nil {
		return err
	}
	// Buffer at most one message per worker so fetched messages do not sit
	// client-side long enough to hit AckWait, and processes sharing the
	// durable split the work instead of one hoarding it.
	iter, err := cons.Messages(jetstream.PullMaxMessages(cfg.Workers),
		// Short pull requests: a request lost under load is noticed (missed
		// heartbeat) and re-issued within seconds, not after 30 s.
		jetstream.PullExpiry(5*time.Second))
	if err != nil {
		return fmt.Errorf("bus: consume: pull %s/%s: %w", cfg.Stream, cfg.Durable, err)
	}

	c := &consumer{
		bus: b,
		cfg: cfg,
		h:   h,
		log: b.log.With(zap.String("stream", cfg.Stream), zap.String("durable", cfg.Durable)),
	}
	stopped := make(chan struct{})
	go func() {
		select {
		case <-ctx.Done():
		case <-stopped:
		}
		// Drain stops pulling; buffered messages are still returned by Next
		// so workers can hand them back.
		iter.Drain()
	}()

	var wg sync.WaitGroup
	for range cfg.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.work(ctx, iter)
		}()
	}
	wg.Wait()
	close(stopped)

	if ctx.Err() != nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return fmt.Errorf("bus: consume %s/%s stopped: %w", cfg.Stream, cfg.Durable, c.stopErr)
}

// consumer is the per-Consume state shared by its workers.
type consumer struct {
	bus *Bus
	cfg ConsumerConfig
	h   Handler
	log *zap.Logger

	mu      sync.Mutex
	lastErr error // last non-fatal iterator error
	stopErr error // why the iterator closed
}

func (c *consumer) work(ctx context.Context, iter jetstream.MessagesContext) {
	for {
		jm, err := iter.Next()
		if err != nil {
			c.mu.Lock()
			if errors.Is(err, jetstream.ErrMsgIteratorClosed) {
				if c.stopErr == nil {
					c.stopErr = errors.Join(err, c.lastErr)
				}
				c.mu.Unlock()
				return
			}
			c.lastErr = err
			c.mu.Unlock()
			if ctx.Err() == nil {
				c.log.Warn("pull consumer error", zap.Error(err))
			}
			continue
		}
		if ctx.Err() != nil {
			// Fetched before shutdown but not started: give it back now
			// rather than letting it wait out AckWait.
			if err := jm.Nak(); err != nil {
				c.log.Warn("nak on shutdown failed", zap.String("subject", jm.Subject()), zap.Error(err))
			}
			continue
		}
		c.process(ctx, jm)
	}
}

// toMsg converts a delivered message and returns a logger naming it.
func toMsg(jm jetstream.Msg, base *zap.Logger) (Msg, *zap.Logger) {
	m := Msg{
		Subject: jm.Subject(),
		Data:    jm.Data(),
		MsgID:   jm.Headers().Get(jetstream.MsgIDHeader),
		Header:  jm.Headers(),
	}
	if md, err := jm.Metadata(); err == nil {
		m.Delivered = md.NumDelivered
		m.StreamSeq = md.Sequence.Stream
	} else {
		base.Warn("message metadata", zap.String("subject", m.Subject), zap.Error(err))
	}
	return m, base.With(
		zap.String("subject", m.Subject),
		zap.String("msg_id", m.MsgID),
		zap.Uint64("stream_seq", m.StreamSeq),
		zap.Uint64("delivered", m.Delivered),
	)
}

func (c *consumer) process(ctx context.Context, jm jetstream.Msg) {
	m, log := toMsg(jm, c.log)

	// The handler outlives ctx so an in-flight verdict is completed and acked.
	hctx := context.WithoutCancel(ctx)
	stopProgress := keepInProgress(jm.InProgress, progressEvery(c.cfg.AckWait), log)
	err := runHandler(hctx, c.h, m, log)
	stopProgress()

	if err == nil {
		actx, cancel := context.WithTimeout(hctx, ackTimeout)
		defer cancel()
		if err := jm.DoubleAck(actx); err != nil {
			log.Warn("ack failed; message will be redelivered", zap.Error(err))
		}
		return
	}
	c.settleFailed(jm, m, log, err)
}

// settleFailed terminates or naks a message whose handler failed with err.
func (c *consumer) settleFailed(jm jetstream.Msg, m Msg, log *zap.Logger, err error) {
	switch {
	case IsPermanent(err):
		c.terminate(jm, log, "permanent handler error", err)
	case c.cfg.MaxDeliver > 0 && m.Delivered >= uint64(c.cfg.MaxDeliver):
		c.terminate(jm, log, "max deliveries exhausted", err)
	default:
		delay := retryDelay(c.cfg.RetryDelay, m.Delivered)
		log.Warn("handler failed; message will be redelivered", zap.Duration("retry_in", delay), zap.Error(err))
		if nerr := jm.NakWithDelay(delay); nerr != nil {
			log.Warn("nak failed; message will be redelivered after AckWait", zap.Error(nerr))
		}
	}
}

// terminate stops redelivery of a poison message, loudly.
func (c *consumer) terminate(jm jetstream.Msg, log *zap.Logger, reason string, err error) {
	c.bus.terminated.Add(1)
	log.Error("message terminated: "+reason, zap.Error(err))
	if terr := jm.TermWithReason(reason); terr != nil {
		log.Error("term failed; message will be redelivered", zap.Error(terr))
	}
}

// runHandler calls h, converting a panic into an ordinary (retryable) error.
func runHandler(ctx context.Context, h Handler, m Msg, log *zap.Logger) (err error) {
	defer func() {
		if r := recover(); r != nil {
			log.Error("handler panicked", zap.Any("panic", r), zap.ByteString("stack", debug.Stack()))
			err = fmt.Errorf("bus: handler panicked: %v", r)
		}
	}()
	return h(ctx, m)
}

// keepInProgress sends an in-progress ack every interval until the returned
// function is called, so slow handlers are not redelivered. No ack is sent
// after stop returns.
func keepInProgress(progress func() error, interval time.Duration, log *zap.Logger) (stop func()) {
	if interval <= 0 {
		return func() {}
	}
	var (
		mu      sync.Mutex
		stopped bool
		t       *time.Timer
	)
	mu.Lock()
	defer mu.Unlock()
	t = time.AfterFunc(interval, func() {
		mu.Lock()
		defer mu.Unlock()
		if stopped {
			return
		}
		if err := progress(); err != nil {
			log.Warn("in-progress ack failed", zap.Error(err))
		}
		t.Reset(interval)
	})
	return func() {
		mu.Lock()
		defer mu.Unlock()
		stopped = true
		t.Stop()
	}
}

// progressEvery is how often a running handler's messages get an in-progress
// ack: a quarter of AckWait, so two late or lost acks in a row (a busy
// machine, a slow link) still do not let the server redeliver.
func progressEvery(ackWait time.Duration) time.Duration { return ackWait / 4 }

// retryDelay is base * 2^(delivered-1), capped at maxRetryDelay.
func retryDelay(base time.Duration, delivered uint64) time.Duration {
	d := base
	for i := uint64(1); i < delivered && d < maxRetryDelay; i++ {
		d *= 2
	}
	return min(d, maxRetryDelay)
}

// ConsumerPending reports, for metrics and readiness, how many messages the
// durable has not yet delivered and how many are delivered but unacknowledged.
func (b *Bus) ConsumerPending(ctx context.Context, stream, durable string) (pending uint64, ackPending int, err error) {
	cons, err := b.js.Consumer(ctx, stream, durable)
	if err != nil {
		return 0, 0, fmt.Errorf("bus: consumer %s/%s: %w", stream, durable, err)
	}
	info, err := cons.Info(ctx)
	if err != nil {
		return 0, 0, fmt.Errorf("bus: consumer %s/%s info: %w", stream, durable, err)
	}
	return info.NumPending, info.NumAckPending, nil
}

type permanentError struct{ err error }

func (e *permanentError) Error() string { return e.err.Error() }
func (e *permanentError) Unwrap() error { return e.err }

// Permanent marks err as not worth retrying: Consume terminates the message
// instead of redelivering it. Permanent(nil) is nil.
func Permanent(err error) error {
	if err == nil {
		return nil
	}
	return &permanentError{err: err}
}

// IsPermanent reports whether err, or any error it wraps, was marked with
// Permanent.
func IsPermanent(err error) bool {
	var p *permanentError
	return errors.As(err, &p)
}

// redactURL hides credentials in a (comma-separated list of) NATS URL(s).
func redactURL(raw string) string {
	parts := strings.Split(raw, ",")
	for i, p := range parts {
		u, err := url.Parse(strings.TrimSpace(p))
		if err != nil || u.User == nil {
			continue
		}
		u.User = url.User("redacted")
		parts[i] = u.String()
	}
	return strings.Join(parts, ",")
}
