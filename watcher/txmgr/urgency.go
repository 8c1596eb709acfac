package txmgr

import (
	"context"
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

// headNumber returns the L1 head's number, read at most every half
// ReceiptPollInterval however many transactions wait.
func (m *Manager) headNumber(ctx context.Context) (uint64, error) {
	if n, ok := m.heads.get(m.cfg.ReceiptPollInterval / 2); ok {
		return n, nil
	}
	h, err := m.client.HeaderByNumber(ctx, nil)
	if err != nil {
		return 0, err
	}
	m.heads.put(h.Number.Uint64())
	return h.Number.Uint64(), nil
}

// headCache is the last head number read and when.
type headCache struct {
	mu  sync.Mutex
	num uint64
	at  time.Time
}

func (h *headCache) get(maxAge time.Duration) (uint64, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.num, h.num > 0 && time.Since(h.at) < maxAge
}

func (h *headCache) put(n uint64) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.num, h.at = max(h.num, n), time.Now()
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
