package l1quorum

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"sort"
	"strings"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"
)

// first asks the healthiest sources in turn and returns the first answer; a
// not-found or a failure moves on to the next source.
func first[T any](ctx context.Context, c *Client, what string, call func(context.Context, Node) (T, error)) (T, error) {
	var zero T
	var notFound error
	var errs []string
	for _, i := range c.order() {
		cctx, cancel := context.WithTimeout(ctx, c.cfg.CallTimeout)
		v, err := call(cctx, c.srcs[i].Node)
		cancel()
		switch {
		case err == nil:
			c.setState(i, answered, what, nil)
			return v, nil
		case ctx.Err() != nil:
			return zero, ctx.Err()
		case errors.Is(err, ethereum.NotFound):
			notFound = err
		case isAnswer(err):
			return v, err
		default:
			c.setState(i, failed, what, err)
			errs = append(errs, c.srcs[i].Name+": "+oneLine(err))
		}
	}
	if notFound != nil {
		if len(errs) == 0 {
			return zero, notFound
		}
		return zero, fmt.Errorf("l1quorum: %s: %w (and %s)", what, notFound, strings.Join(errs, "; "))
	}
	return zero, fmt.Errorf("l1quorum: %s: every L1 source failed: %s", what, strings.Join(errs, "; "))
}

// order lists the sources healthy first, then lagging, disagreeing and
// erroring ones, each group in configuration order.
func (c *Client) order() []int {
	rank := map[State]int{Healthy: 0, Lagging: 1, Disagreeing: 2, Erroring: 3}
	c.mu.Lock()
	idx := make([]int, len(c.srcs))
	ranks := make([]int, len(c.srcs))
	for i, s := range c.srcs {
		idx[i], ranks[i] = i, rank[s.state]
	}
	c.mu.Unlock()
	sort.SliceStable(idx, func(a, b int) bool { return ranks[idx[a]] < ranks[idx[b]] })
	return idx
}

// PendingNonceAt reads the first healthy source.
func (c *Client) PendingNonceAt(ctx context.Context, account common.Address) (uint64, error) {
	return first(ctx, c, "pending nonce", func(ctx context.Context, n Node) (uint64, error) { return n.PendingNonceAt(ctx, account) })
}

// NonceAt reads the first healthy source.
func (c *Client) NonceAt(ctx context.Context, account common.Address, blockNumber *big.Int) (uint64, error) {
	return first(ctx, c, "nonce", func(ctx context.Context, n Node) (uint64, error) { return n.NonceAt(ctx, account, blockNumber) })
}

// SuggestGasTipCap reads the first healthy source.
func (c *Client) SuggestGasTipCap(ctx context.Context) (*big.Int, error) {
	return first(ctx, c, "gas tip", func(ctx context.Context, n Node) (*big.Int, error) { return n.SuggestGasTipCap(ctx) })
}

// EstimateGas reads the first healthy source.
func (c *Client) EstimateGas(ctx context.Context, msg ethereum.CallMsg) (uint64, error) {
	return first(ctx, c, "gas estimate", func(ctx context.Context, n Node) (uint64, error) { return n.EstimateGas(ctx, msg) })
}

// BalanceAt reads the first healthy source.
func (c *Client) BalanceAt(ctx context.Context, account common.Address, blockNumber *big.Int) (*big.Int, error) {
	return first(ctx, c, "balance", func(ctx context.Context, n Node) (*big.Int, error) { return n.BalanceAt(ctx, account, blockNumber) })
}

// TransactionReceipt reads the first source that has the receipt.
func (c *Client) TransactionReceipt(ctx context.Context, hash common.Hash) (*types.Receipt, error) {
	return first(ctx, c, "receipt", func(ctx context.Context, n Node) (*types.Receipt, error) { return n.TransactionReceipt(ctx, hash) })
}

type txReply struct {
	tx      *types.Transaction
	pending bool
}

// TransactionByHash reads the first source that has the transaction.
func (c *Client) TransactionByHash(ctx context.Context, hash common.Hash) (*types.Transaction, bool, error) {
	r, err := first(ctx, c, "transaction", func(ctx context.Context, n Node) (txReply, error) {
		tx, pending, err := n.TransactionByHash(ctx, hash)
		return txReply{tx: tx, pending: pending}, err
	})
	return r.tx, r.pending, err
}

// SendTransaction broadcasts tx through every source; it succeeds when any
// accepts it. When none does, the error is the first a node worded (an
// "already known" or "nonce too low" the caller can read), else the first
// failure, with the others appended.
func (c *Client) SendTransaction(ctx context.Context, tx *types.Transaction) error {
	replies := fanout(ctx, c, func(ctx context.Context, n Node) (struct{}, error) {
		return struct{}{}, n.SendTransaction(ctx, tx)
	})
	var worded, firstErr error
	var all []string
	for i, r := range replies {
		if r.err == nil {
			return nil
		}
		var re rpc.Error
		if errors.As(r.err, &re) && worded == nil {
			worded = r.err
		} else if !errors.As(r.err, &re) {
			c.setState(i, failed, "send transaction", r.err)
		}
		if firstErr == nil {
			firstErr = r.err
		}
		all = append(all, c.srcs[i].Name+": "+oneLine(r.err))
	}
	if worded == nil {
		worded = firstErr
	}
	if len(all) == 1 {
		return worded
	}
	return fmt.Errorf("%w (every L1 source refused: %s)", worded, strings.Join(all, "; "))
}
