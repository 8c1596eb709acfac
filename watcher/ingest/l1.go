package ingest

import (
	"context"
	"errors"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"
	"go.uber.org/zap"
)

// Defaults for the L1 connection settings of Config.
const (
	DefaultRPCTimeout     = 10 * time.Second
	DefaultResubscribeMin = time.Second
	DefaultResubscribeMax = 30 * time.Second
)

// timeoutClient bounds each call to the wrapped Client by its own deadline.
// For SubscribeNewHead it bounds only the setup: the subscription outlives it.
type timeoutClient struct {
	c Client
	d time.Duration
}

func (t timeoutClient) HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error) {
	ctx, cancel := context.WithTimeout(ctx, t.d)
	defer cancel()
	return t.c.HeaderByNumber(ctx, number)
}

func (t timeoutClient) FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	ctx, cancel := context.WithTimeout(ctx, t.d)
	defer cancel()
	return t.c.FilterLogs(ctx, q)
}

func (t timeoutClient) SubscribeNewHead(ctx context.Context, ch chan<- *types.Header) (ethereum.Subscription, error) {
	ctx, cancel := context.WithTimeout(ctx, t.d)
	defer cancel()
	return t.c.SubscribeNewHead(ctx, ch)
}

// headSub keeps a new-head subscription up: when it fails to start or ends,
// it schedules another attempt with exponential backoff (reset once one
// succeeds). Meanwhile Run polls. It is used by Run's goroutine only.
type headSub struct {
	in      *Ingester
	heads   chan *types.Header
	sub     ethereum.Subscription
	errc    <-chan error     // the live subscription's error channel, nil without one
	retry   *time.Timer      // fires when the next attempt is due
	retryC  <-chan time.Time // retry.C while an attempt is scheduled, else nil
	backoff time.Duration
}

func newHeadSub(in *Ingester) *headSub {
	return &headSub{in: in, heads: make(chan *types.Header, 64), backoff: in.cfg.ResubscribeMin}
}

// subscribe tries to establish the subscription now.
func (h *headSub) subscribe(ctx context.Context) {
	h.retryC = nil
	sub, err := h.in.client.SubscribeNewHead(ctx, h.heads)
	if errors.Is(err, rpc.ErrNotificationsUnsupported) {
		h.in.log.Info("endpoint has no subscriptions (not a websocket); polling", zap.Duration("every", h.in.cfg.PollInterval))
		return
	}
	if err != nil {
		if ctx.Err() == nil {
			h.schedule("head subscription failed; polling", err)
		}
		return
	}
	h.sub, h.errc = sub, sub.Err()
	h.backoff = h.in.cfg.ResubscribeMin
	n := h.in.subscriptions.Add(1)
	h.in.log.Info("subscribed to new L1 heads", zap.Uint64("subscriptions", n))
}

// ended handles the end of the live subscription.
func (h *headSub) ended(err error) {
	h.sub.Unsubscribe()
	h.sub, h.errc = nil, nil
	h.schedule("head subscription ended; polling", err)
}

// schedule arranges the next subscribe attempt after the current backoff and
// doubles the backoff up to ResubscribeMax.
func (h *headSub) schedule(msg string, err error) {
	wait := h.backoff
	h.backoff = min(2*h.backoff, h.in.cfg.ResubscribeMax)
	h.in.log.Warn(msg, zap.Error(err), zap.Duration("resubscribe_in", wait), zap.Duration("poll_every", h.in.cfg.PollInterval))
	if h.retry == nil {
		h.retry = time.NewTimer(wait)
	} else {
		h.retry.Reset(wait)
	}
	h.retryC = h.retry.C
}

func (h *headSub) close() {
	if h.sub != nil {
		h.sub.Unsubscribe()
	}
	if h.retry != nil {
		h.retry.Stop()
	}
}

// Subscriptions returns how many times Run has established a new-head
// subscription (the first one included): above one, it re-subscribed after
// the L1 connection dropped.
func (in *Ingester) Subscriptions() uint64 { return in.subscriptions.Load() }
