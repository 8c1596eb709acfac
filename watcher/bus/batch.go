package bus

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"go.uber.org/zap"
)

// BatchHandler processes a batch of messages and returns one result per
// message, in order: nil once that message's outcome is durably recorded
// (the message is acked), an error to have it redelivered later (nak with
// the retry delay), or an error wrapped with Permanent to terminate it. A
// result slice of the wrong length, or a panic, fails the whole batch with a
// retryable error. Handlers must be idempotent: delivery is at least once.
type BatchHandler func(ctx context.Context, msgs []Msg) []error

// ConsumeBatch is Consume for handlers that work on many messages at once.
// Each of cfg.Workers goroutines pulls up to cfg.Batch messages that are
// available now (waiting only for the first when there are none) and calls h
// with them, so a backlog is worked off in full batches and a trickle in
// small ones. Nothing is fetched ahead of a worker: the messages a process
// holds are those it is working on, processes sharing the durable split the
// work, and nothing waits client-side long enough to hit AckWait, while a
// batch running longer than AckWait/4 is kept alive with in-progress acks
// (every AckWait/4, so one or two late or lost acks do not let AckWait run
// out).
// Batch×Workers must fit in the durable's MaxAckPending (server default
// 1000) for every worker to get full batches.
//
// When ctx is cancelled the workers stop pulling, hand back (nak) messages
// fetched but not started, finish the batches in flight (their context is
// not cancelled with ctx) and settle them; ConsumeBatch then returns nil. A
// non-nil error means consuming stopped for another reason (connection
// closed, consumer deleted) and the caller should retry.
//
// Successful messages are acknowledged with a plain Ack, not the confirmed
// DoubleAck of Consume: the handler has durably recorded their outcome
// before it returns, so an ack lost on the way only means an idempotent
// redelivery, and a batch is not held up by one confirmation round trip per
// message. The connection flushes acks in the background (and Close flushes
// them).
func (b *Bus) ConsumeBatch(ctx context.Context, cfg ConsumerConfig, h BatchHandler) error {
	if h == nil {
		return errors.New("bus: consume batch: nil handler")
	}
	cfg, cons, err := b.openConsumer(ctx, "consume batch", cfg)
	if err != nil || cons == nil {
		return err
	}
	c := &consumer{
		bus: b,
		cfg: cfg,
		log: b.log.With(zap.String("stream", cfg.Stream), zap.String("durable", cfg.Durable)),
	}
	var wg sync.WaitGroup
	for range cfg.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.batchWorker(ctx, cons, h)
		}()
	}
	wg.Wait()
	if ctx.Err() != nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return fmt.Errorf("bus: consume batch %s/%s stopped: %w", cfg.Stream, cfg.Durable, c.stopErr)
}

// Pull timing of batch workers.
const (
	batchIdleWait   = time.Second            // longest wait for a first message
	batchErrBackoff = 100 * time.Millisecond // pause after a failed pull, doubled up to 2s
)

func (c *consumer) batchWorker(ctx context.Context, cons jetstream.Consumer, h BatchHandler) {
	backoff := batchErrBackoff
	for ctx.Err() == nil {
		jms, err := c.pull(cons)
		if err != nil {
			if c.fatal(err) {
				c.mu.Lock()
				if c.stopErr == nil {
					c.stopErr = err
				}
				c.mu.Unlock()
				c.nakAll(jms)
				return
			}
			if ctx.Err() == nil {
				c.log.Warn("pull consumer error", zap.Error(err))
			}
		}
		if len(jms) == 0 {
			if err != nil {
				select {
				case <-ctx.Done():
				case <-time.After(backoff):
				}
				backoff = min(2*backoff, 2*time.Second)
			}
			continue
		}
		backoff = batchErrBackoff
		if ctx.Err() != nil {
			c.nakAll(jms) // fetched before shutdown but not started: give them back
			return
		}
		c.processBatch(ctx, h, jms)
	}
}

// pull returns the messages available now, up to Batch, or waits up to
// batchIdleWait for one and adds those available after it.
func (c *consumer) pull(cons jetstream.Consumer) ([]jetstream.Msg, error) {
	jms, err := collect(cons.FetchNoWait(c.cfg.Batch))
	if len(jms) > 0 || err != nil {
		return jms, err
	}
	if jms, err = collect(cons.Fetch(1, jetstream.FetchMaxWait(batchIdleWait))); len(jms) == 0 || err != nil || c.cfg.Batch == 1 {
		return jms, err
	}
	more, err := collect(cons.FetchNoWait(c.cfg.Batch - 1))
	return append(jms, more...), err
}

func collect(mb jetstream.MessageBatch, err error) ([]jetstream.Msg, error) {
	if err != nil {
		return nil, err
	}
	var out []jetstream.Msg
	for m := range mb.Messages() {
		out = append(out, m)
	}
	return out, mb.Error()
}

// fatal reports whether a pull error ends consuming.
func (c *consumer) fatal(err error) bool {
	return c.bus.nc.IsClosed() || errors.Is(err, nats.ErrConnectionClosed) ||
		errors.Is(err, jetstream.ErrConsumerDeleted) || errors.Is(err, jetstream.ErrConsumerNotFound) ||
		errors.Is(err, jetstream.ErrStreamNotFound)
}

func (c *consumer) nakAll(jms []jetstream.Msg) {
	for _, jm := range jms {
		if err := jm.Nak(); err != nil {
			c.log.Warn("nak on shutdown failed", zap.String("subject", jm.Subject()), zap.Error(err))
		}
	}
}

func (c *consumer) processBatch(ctx context.Context, h BatchHandler, jms []jetstream.Msg) {
	msgs := make([]Msg, len(jms))
	logs := make([]*zap.Logger, len(jms))
	for i, jm := range jms {
		msgs[i], logs[i] = toMsg(jm, c.log)
	}
	// The handler outlives ctx so an in-flight batch is completed and acked.
	hctx := context.WithoutCancel(ctx)
	stopProgress := keepInProgress(func() error {
		var errs []error
		for _, jm := range jms {
			errs = append(errs, jm.InProgress())
		}
		return errors.Join(errs...)
	}, progressEvery(c.cfg.AckWait), c.log.With(zap.Int("batch", len(jms))))
	errs := runBatchHandler(hctx, h, msgs, c.log)
	stopProgress()
	if len(errs) != len(msgs) {
		err := fmt.Errorf("bus: batch handler returned %d results for %d messages", len(errs), len(msgs))
		c.log.Error("batch handler broke its contract", zap.Error(err))
		errs = make([]error, len(msgs))
		for i := range errs {
			errs[i] = err
		}
	}
	for i, jm := range jms {
		if errs[i] != nil {
			c.settleFailed(jm, msgs[i], logs[i], errs[i])
			continue
		}
		if err := jm.Ack(); err != nil {
			logs[i].Warn("ack failed; message will be redelivered", zap.Error(err))
		}
	}
}

// runBatchHandler calls h, converting a panic into a retryable error for
// every message.
func runBatchHandler(ctx context.Context, h BatchHandler, msgs []Msg, log *zap.Logger) (errs []error) {
	defer func() {
		if r := recover(); r != nil {
			log.Error("batch handler panicked", zap.Any("panic", r), zap.Int("batch", len(msgs)), zap.ByteString("stack", debug.Stack()))
			err := fmt.Errorf("bus: batch handler panicked: %v", r)
			errs = make([]error, len(msgs))
			for i := range errs {
				errs[i] = err
			}
		}
	}()
	return h(ctx, msgs)
}
