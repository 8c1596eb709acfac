package l1quorum

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/event"
	"github.com/ethereum/go-ethereum/rpc"
)

type announced struct {
	src int
	h   *types.Header
}

// SubscribeNewHead subscribes to new heads on every source that supports it
// and sends a head to ch only once k sources agree on the hash of its
// number, each number at most once and in increasing order. It fails when
// fewer than k sources can subscribe (wrapping rpc.ErrNotificationsUnsupported
// too when fewer than k ever could: http:// endpoints cannot), and the
// subscription ends with an error once fewer than k remain: the caller then
// polls HeaderByNumber(nil), which is agreed as well.
func (c *Client) SubscribeNewHead(ctx context.Context, ch chan<- *types.Header) (ethereum.Subscription, error) {
	type live struct {
		src int
		sub ethereum.Subscription
		ch  chan *types.Header
	}
	merged := make(chan announced, 16*len(c.srcs))
	var subs []live
	var errs []string
	unsupported := 0
	for i, s := range c.srcs {
		sch := make(chan *types.Header, 16)
		sctx, cancel := context.WithTimeout(ctx, c.cfg.CallTimeout)
		sub, err := s.Node.SubscribeNewHead(sctx, sch)
		cancel()
		if err != nil {
			if errors.Is(err, rpc.ErrNotificationsUnsupported) {
				unsupported++
			}
			errs = append(errs, s.Name+": "+oneLine(err))
			continue
		}
		subs = append(subs, live{src: i, sub: sub, ch: sch})
	}
	if len(subs) < c.k {
		for _, l := range subs {
			l.sub.Unsubscribe()
		}
		err := fmt.Errorf("l1quorum: head subscription: %w: %d of %d sources subscribed, quorum %d: %s",
			ErrNoQuorum, len(subs), len(c.srcs), c.k, strings.Join(errs, "; "))
		if len(c.srcs)-unsupported < c.k {
			// Too few sources can ever subscribe (http://): say so, and the
			// caller polls instead of retrying.
			err = fmt.Errorf("%w (%w)", err, rpc.ErrNotificationsUnsupported)
		}
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer func() {
			for _, l := range subs {
				l.sub.Unsubscribe()
			}
		}()
		ended := make(chan int, len(subs))
		// One forwarder per source: its headers to merged, its end to ended.
		for _, l := range subs {
			go func() {
				for {
					select {
					case h := <-l.ch:
						select {
						case merged <- announced{src: l.src, h: h}:
						case <-quit:
							return
						}
					case <-l.sub.Err():
						ended <- l.src
						return
					case <-quit:
						return
					}
				}
			}()
		}
		qctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
		defer cancel()
		go func() {
			<-quit
			cancel()
		}()
		alive := len(subs)
		var last uint64
		for {
			select {
			case <-quit:
				return nil
			case i := <-ended:
				alive--
				c.setState(i, failed, "head subscription", fmt.Errorf("subscription ended"))
				if alive < c.k {
					return fmt.Errorf("l1quorum: head subscription: %w: %d of %d sources still subscribed, quorum %d",
						ErrNoQuorum, alive, len(c.srcs), c.k)
				}
			case a := <-merged:
				if a.h == nil || a.h.Number == nil || a.h.Number.Uint64() <= last {
					continue
				}
				n := a.h.Number.Uint64()
				c.mu.Lock()
				if s := c.srcs[a.src]; n > s.head || !s.headKnown {
					s.head, s.headKnown = n, true
				}
				c.mu.Unlock()
				h, err := c.headerAt(qctx, n, true)
				if err != nil {
					continue // not yet announced by enough sources; a later announcement retries
				}
				c.mu.Lock()
				if n > c.agreedHead {
					c.agreedHead = n
				}
				c.mu.Unlock()
				last = n
				select {
				case ch <- h:
				case <-quit:
					return nil
				}
			}
		}
	}), nil
}
