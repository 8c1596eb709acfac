package scenario

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/watchtower-l2/watchtower/internal/devnet"
)

// mined waits up to a minute for the transaction (and for the head to reach
// its block) and requires it to succeed.
func mined(ctx context.Context, net *devnet.Devnet, hash common.Hash) (*types.Receipt, error) {
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	return net.WaitSucceeded(ctx, hash)
}

// waitHead waits until the L1 head reaches block n.
func waitHead(ctx context.Context, net *devnet.Devnet, n uint64) error {
	for {
		h, err := net.Client.HeaderByNumber(ctx, nil)
		if err != nil {
			return fmt.Errorf("scenario: read head: %w", err)
		}
		if h.Number.Uint64() >= n {
			return nil
		}
		if err := scSleep(ctx, 50*time.Millisecond); err != nil {
			return err
		}
	}
}

// forEach runs f(0..n-1), 32 at a time, showing progress on w (nil: none),
// and returns every error it met.
func forEach(ctx context.Context, w io.Writer, what string, n int, f func(i int) error) error {
	sem := make(chan struct{}, 32)
	var wg sync.WaitGroup
	var done atomic.Int64
	var mu sync.Mutex
	var errs []error
	stop := progress(w, what, n, &done)
	defer stop()
	for i := range n {
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
			wg.Wait()
			return ctx.Err()
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			if err := f(i); err != nil {
				mu.Lock()
				errs = append(errs, err)
				mu.Unlock()
			}
			done.Add(1)
		}()
	}
	wg.Wait()
	if len(errs) > 0 {
		return fmt.Errorf("scenario: %s: %w", what, errors.Join(errs...))
	}
	return nil
}

// progress rewrites "what done/total" on w every half second until stopped,
// then prints the final count on its own line.
func progress(w io.Writer, what string, total int, done *atomic.Int64) (stop func()) {
	if w == nil {
		return func() {}
	}
	quit := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(500 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-quit:
				fmt.Fprintf(w, "  %-18s %d/%d\n", what, done.Load(), total)
				return
			case <-t.C:
				fmt.Fprintf(w, "  %-18s %d/%d\r", what, done.Load(), total)
			}
		}
	}()
	return func() { close(quit); <-finished }
}
