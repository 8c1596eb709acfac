package txmgr

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/core/types"
	"go.uber.org/zap"
)

// urgentTip raises the plain tip of a transaction whose deadline is near:
// with left blocks to its deadline (fewer than urgent) it is tip *
// urgent/left, so the tip doubles each time the blocks left halve, up to
// urgent times the plain tip at the deadline. deadline 0 means none.
func urgentTip(tip *big.Int, deadline, head, urgent uint64) *big.Int {
	out := new(big.Int).Set(tip)
	if deadline == 0 || urgent == 0 {
		return out
	}
	left := blocksLeft(deadline, head)
	if left >= urgent {
		return out
	}
	out.Mul(out, new(big.Int).SetUint64(urgent))
	return out.Quo(out, new(big.Int).SetUint64(max(left, 1)))
}

// blocksLeft is how many blocks after head a transaction can still be
// mined in before deadline (0 at or past it).
func blocksLeft(deadline, head uint64) uint64 {
	if deadline <= head {
		return 0
	}
	return deadline - head
}

// deadlineAtRisk reports whether tr's latest version should be replaced now,
// before ResubmitAfter: it has a deadline fewer than UrgentBlocks away and at
// least one block was mined without it since it was sent. It returns the
// head it read (0 when it read none). The caller holds tr.mu.
func (m *Manager) deadlineAtRisk(ctx context.Context, tr *nonceTracker, prev *types.Transaction) (bool, uint64) {
	if tr.deadline == 0 {
		return false, 0
	}
	head, err := m.headNumber(ctx)
	if err != nil {
		m.log.Debug("head lookup failed", zap.Stringer("hash", prev.Hash()), zap.Error(err))
		return false, 0
	}
	if tr.sentBlock == 0 {
		tr.sentBlock = head
		return false, head
	}
	if head <= tr.sentBlock || blocksLeft(tr.deadline, head) >= m.cfg.UrgentBlocks {
		return false, head
	}
	return true, head
}

// headNumber returns the L1 head's number (see market).
func (m *Manager) headNumber(ctx context.Context) (uint64, error) {
	q, err := m.market(ctx)
	if err != nil {
		return 0, err
	}
	return q.head, nil
}

// quote is what the node said about the market: the head's number and base
// fee, and the tip it suggests. Its numbers are shared: never modify them.
type quote struct {
	head    uint64
	baseFee *big.Int
	tip     *big.Int
}

// quoteCache holds the last quote and when it was read.
type quoteCache struct {
	mu sync.Mutex
	q  quote
	at time.Time
}

// market returns the node's quote, read at most every half
// ReceiptPollInterval however many transactions are priced or waited for:
// a burst of challenges costs the node two reads per interval, not two per
// transaction.
func (m *Manager) market(ctx context.Context) (quote, error) {
	c := &m.quotes
	c.mu.Lock()
	q, at := c.q, c.at
	c.mu.Unlock()
	if q.baseFee != nil && time.Since(at) < m.cfg.ReceiptPollInterval/2 {
		return q, nil
	}
	head, err := m.client.HeaderByNumber(ctx, nil)
	if err != nil {
		return quote{}, fmt.Errorf("txmgr: latest header: %w", err)
	}
	if head.BaseFee == nil {
		return quote{}, errors.New("txmgr: latest header has no base fee (pre-London chain)")
	}
	tip, err := m.client.SuggestGasTipCap(ctx)
	if err != nil {
		return quote{}, fmt.Errorf("txmgr: suggest gas tip cap: %w", err)
	}
	q = quote{head: head.Number.Uint64(), baseFee: head.BaseFee, tip: tip}
	c.mu.Lock()
	if c.q.head <= q.head {
		c.q, c.at = q, time.Now()
	}
	c.mu.Unlock()
	return q, nil
}

// setDeadline records the deadline of the transaction tr follows (0 keeps
// the one known).
func (tr *nonceTracker) setDeadline(deadline uint64) {
	if deadline == 0 {
		return
	}
	tr.mu.Lock()
	tr.deadline = deadline
	tr.mu.Unlock()
}

// deadlineBlock is the deadline of the transaction tr follows (0: none).
func (tr *nonceTracker) deadlineBlock() uint64 {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	return tr.deadline
}
