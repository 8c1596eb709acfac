package challenge

import (
	"context"
	"errors"
	"fmt"
	"time"

	"go.uber.org/zap"
)

// ErrLeaseLost means the job's lease passed to another holder (or expired)
// while this process worked on it: the fenced write was refused and nothing
// more is done with the job here.
var ErrLeaseLost = errors.New("challenge: lost the job's lease")

// hold is one holding of a job's lease: the owner and the fencing token the
// store issued when the lease was taken. Writes of the job made under it
// are fenced: they land only while the holding lasts.
type hold struct {
	id    string
	owner string
	token uint64
	// taken is when the call that took or last renewed the lease started:
	// the lease is surely held until taken + TTL.
	taken time.Time
}

type holdKey struct{}

// withHold returns ctx carrying h, so that the queue's writes of h's job
// under ctx are fenced by h.
func withHold(ctx context.Context, h *hold) context.Context {
	return context.WithValue(ctx, holdKey{}, h)
}

// holdOf returns the holding of job id carried by ctx, or nil.
func holdOf(ctx context.Context, id string) *hold {
	h, _ := ctx.Value(holdKey{}).(*hold)
	if h == nil || h.id != id {
		return nil
	}
	return h
}

// acquire takes job id's lease for owner, with a fencing token. It returns
// nil when another process holds it.
func (q *Queue) acquire(ctx context.Context, id, owner string, ttl time.Duration) (*hold, error) {
	start := time.Now()
	tok, ok, err := q.st.AcquireLeaseToken(ctx, leaseKey(id), owner, ttl)
	if err != nil {
		return nil, fmt.Errorf("challenge: lease job %s: %w", id, err)
	}
	if !ok {
		return nil, nil
	}
	return &hold{id: id, owner: owner, token: tok, taken: start}, nil
}

// putJob writes the encoded job b: fenced when ctx carries the job's
// holding (ErrLeaseLost when refused), plain otherwise.
func (q *Queue) putJob(ctx context.Context, id string, b []byte) error {
	h := holdOf(ctx, id)
	if h == nil {
		return q.st.Put(ctx, jobKey(id), b)
	}
	ok, err := q.st.PutFenced(ctx, jobKey(id), b, leaseKey(id), h.owner, h.token)
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("%w (token %d of %s)", ErrLeaseLost, h.token, h.owner)
	}
	return nil
}

// heartbeat renews h every TTL/3 until ctx ends. It calls lost and returns
// when the lease is gone: another holder took it, it was taken again with
// a new token, or renewals failed until it may have expired. Each renewal
// has its own timeout, shorter than the interval, so that one slow round
// trip does not hold up the next; a failed renewal is retried at the next
// tick while the lease is surely still held.
func (r *Runner) heartbeat(ctx context.Context, h *hold, lost context.CancelFunc) {
	ttl := r.cfg.LeaseTTL
	t := time.NewTicker(ttl / 3)
	defer t.Stop()
	log := r.log.With(zap.String("dispute", h.id), zap.Uint64("token", h.token))
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		start := time.Now()
		callCtx, cancel := context.WithTimeout(ctx, ttl/4)
		tok, ok, err := r.q.st.AcquireLeaseToken(callCtx, leaseKey(h.id), h.owner, ttl)
		cancel()
		switch {
		case ctx.Err() != nil:
			return
		case err == nil && ok && tok == h.token:
			h.taken = start
			continue
		case err == nil:
			log.Warn("lost the lease on a challenge to another holder; stopping work on it", zap.Uint64("new_token", tok))
			lost()
			return
		}
		if time.Since(h.taken) >= ttl {
			log.Warn("could not renew the lease on a challenge before it expired; stopping work on it", zap.Error(err))
			lost()
			return
		}
		log.Warn("renewing the lease on a challenge failed; retrying", zap.Error(err))
	}
}
