package metrics

import (
	"context"
	"errors"
	"time"

	"github.com/watchtower-l2/watchtower/alerts"
	"github.com/watchtower-l2/watchtower/watcher/store"
)

// InstrumentStore returns st with every operation timed into
// watchtower_store_operation_duration_seconds{operation} and failures counted
// in watchtower_store_errors_total{operation}. ErrNotFound is not a failure.
// With a nil *Metrics it returns st unchanged.
func (m *Metrics) InstrumentStore(st store.Store) store.Store {
	if m == nil || st == nil {
		return st
	}
	t := &timedStore{st: st, m: m}
	if b, ok := st.(store.Batcher); ok {
		// Keep the batch path: hiding Batcher would turn every batch into one
		// round trip per key.
		return &timedBatchStore{timedStore: t, b: b}
	}
	return t
}

// timedBatchStore is a timedStore whose inner store also batches.
type timedBatchStore struct {
	*timedStore
	b store.Batcher
}

func (t *timedBatchStore) GetMany(ctx context.Context, keys []string) ([][]byte, error) {
	start := time.Now()
	v, err := t.b.GetMany(ctx, keys)
	t.obs("get_many", start, err)
	return v, err
}

func (t *timedBatchStore) GetVersionedMany(ctx context.Context, keys []string) ([]uint64, [][]byte, error) {
	start := time.Now()
	vs, vals, err := t.b.GetVersionedMany(ctx, keys)
	t.obs("get_versioned_many", start, err)
	return vs, vals, err
}

func (t *timedBatchStore) Apply(ctx context.Context, ops []store.Op) ([]bool, error) {
	start := time.Now()
	applied, err := t.b.Apply(ctx, ops)
	t.obs("apply", start, err)
	return applied, err
}

type timedStore struct {
	st store.Store
	m  *Metrics
}

func (t *timedStore) obs(op string, start time.Time, err error) {
	t.m.ObserveStore(op, time.Since(start), err != nil && !errors.Is(err, store.ErrNotFound))
}

func (t *timedStore) Get(ctx context.Context, key string) ([]byte, error) {
	start := time.Now()
	b, err := t.st.Get(ctx, key)
	t.obs("get", start, err)
	return b, err
}

func (t *timedStore) Put(ctx context.Context, key string, value []byte) error {
	start := time.Now()
	err := t.st.Put(ctx, key, value)
	t.obs("put", start, err)
	return err
}

func (t *timedStore) PutIfAbsent(ctx context.Context, key string, value []byte) (bool, error) {
	start := time.Now()
	ok, err := t.st.PutIfAbsent(ctx, key, value)
	t.obs("put_if_absent", start, err)
	return ok, err
}

func (t *timedStore) Delete(ctx context.Context, key string) error {
	start := time.Now()
	err := t.st.Delete(ctx, key)
	t.obs("delete", start, err)
	return err
}

func (t *timedStore) PutVersioned(ctx context.Context, key string, version uint64, value []byte) (uint64, bool, error) {
	start := time.Now()
	prev, ok, err := t.st.PutVersioned(ctx, key, version, value)
	t.obs("put_versioned", start, err)
	return prev, ok, err
}

func (t *timedStore) GetVersioned(ctx context.Context, key string) (uint64, []byte, error) {
	start := time.Now()
	v, b, err := t.st.GetVersioned(ctx, key)
	t.obs("get_versioned", start, err)
	return v, b, err
}

func (t *timedStore) AcquireLease(ctx context.Context, key, owner string, ttl time.Duration) (bool, error) {
	start := time.Now()
	ok, err := t.st.AcquireLease(ctx, key, owner, ttl)
	t.obs("acquire_lease", start, err)
	return ok, err
}

func (t *timedStore) ReleaseLease(ctx context.Context, key, owner string) error {
	start := time.Now()
	err := t.st.ReleaseLease(ctx, key, owner)
	t.obs("release_lease", start, err)
	return err
}

func (t *timedStore) AcquireLeaseToken(ctx context.Context, key, owner string, ttl time.Duration) (uint64, bool, error) {
	start := time.Now()
	tok, ok, err := t.st.AcquireLeaseToken(ctx, key, owner, ttl)
	t.obs("acquire_lease_token", start, err)
	return tok, ok, err
}

func (t *timedStore) PutFenced(ctx context.Context, key string, value []byte, leaseKey, owner string, token uint64) (bool, error) {
	start := time.Now()
	ok, err := t.st.PutFenced(ctx, key, value, leaseKey, owner, token)
	t.obs("put_fenced", start, err)
	return ok, err
}

func (t *timedStore) IndexAdd(ctx context.Context, index, member string, score int64) error {
	start := time.Now()
	err := t.st.IndexAdd(ctx, index, member, score)
	t.obs("index_add", start, err)
	return err
}

func (t *timedStore) IndexRemove(ctx context.Context, index, member string) error {
	start := time.Now()
	err := t.st.IndexRemove(ctx, index, member)
	t.obs("index_remove", start, err)
	return err
}

func (t *timedStore) IndexRange(ctx context.Context, index string, maxScore int64, limit int) ([]store.Entry, error) {
	start := time.Now()
	es, err := t.st.IndexRange(ctx, index, maxScore, limit)
	t.obs("index_range", start, err)
	return es, err
}

func (t *timedStore) Ping(ctx context.Context) error {
	start := time.Now()
	err := t.st.Ping(ctx)
	t.obs("ping", start, err)
	return err
}

func (t *timedStore) Close() error { return t.st.Close() }

// InstrumentSink returns s with deliveries counted per receiver in
// watchtower_alerts_sent_total and watchtower_alerts_failed_total{reason}.
// The reason is "timeout" or "canceled" for context errors, the value of a
// Reason() string method when the error has one, "error" otherwise.
func (m *Metrics) InstrumentSink(receiver string, s alerts.Sink) alerts.Sink {
	if m == nil || s == nil {
		return s
	}
	return &countingSink{receiver: receiver, s: s, m: m}
}

type countingSink struct {
	receiver string
	s        alerts.Sink
	m        *Metrics
}

func (c *countingSink) Notify(ctx context.Context, a alerts.Alert) error {
	err := c.s.Notify(ctx, a)
	if err != nil {
		c.m.AlertFailed(c.receiver, FailureReason(err))
		return err
	}
	c.m.AlertSent(c.receiver)
	return nil
}

// FailureReason classifies a delivery error for the reason label.
func FailureReason(err error) string {
	var r interface{ Reason() string }
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return "timeout"
	case errors.Is(err, context.Canceled):
		return "canceled"
	case errors.As(err, &r) && r.Reason() != "":
		return r.Reason()
	}
	return "error"
}
