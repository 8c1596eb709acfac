package txmgr

import (
	"context"
	"fmt"
	"math/big"
	"slices"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/params"
	"go.uber.org/zap"
)

// Nonce bookkeeping of one key. A nonce is in one of these states:
//
//   - fresh: at or above nonce, never handed out;
//   - reserved: signed by Prepare, not yet broadcast (reserved map);
//   - free: handed out, then released (Release, or a broadcast the node
//     refused without keeping the transaction); the next Prepare or Send takes
//     the lowest free nonce before a fresh one, so a given-up transaction
//     leaves no gap;
//   - sent: the node has a transaction with it.
//
// The node's pending nonce is the truth after a restart or a nonce error
// (syncNonceLocked); chainNonce is the chain's latest nonce as last seen, so
// Pending can tell how many of the key's transactions are not mined yet.

// reservation is a transaction Prepare signed and nobody broadcast yet.
type reservation struct {
	hash     common.Hash
	deadline uint64 // Candidate.DeadlineBlock
}

// syncNonceLocked reads the node's pending nonce when the local view is not
// trusted. While transactions are reserved (signed, about to be broadcast)
// the counter never moves below them; free nonces the node already counts
// are dropped. The caller holds nonceMu.
func (m *Manager) syncNonceLocked(ctx context.Context) error {
	if m.nonceKnown {
		return nil
	}
	n, err := m.client.PendingNonceAt(ctx, m.from)
	if err != nil {
		return fmt.Errorf("txmgr: pending nonce of %s: %w", m.from, err)
	}
	if len(m.reserved) == 0 || n > m.nonce {
		m.nonce = n
	}
	m.free = slices.DeleteFunc(m.free, func(f uint64) bool { return f < n || f >= m.nonce })
	m.pruneFreedAtLocked()
	m.nonceKnown = true
	return nil
}

// takeNonceLocked hands out the lowest free nonce, else a fresh one. The
// caller holds nonceMu and has synced.
func (m *Manager) takeNonceLocked() uint64 {
	if len(m.free) > 0 {
		n := m.free[0]
		m.free = m.free[1:]
		delete(m.freedAt, n)
		return n
	}
	n := m.nonce
	m.nonce++
	return n
}

// freeNonceLocked gives back a handed-out nonce no transaction of the node
// holds. The caller holds nonceMu.
func (m *Manager) freeNonceLocked(n uint64) {
	if n >= m.nonce {
		return
	}
	if i, found := slices.BinarySearch(m.free, n); !found {
		m.free = slices.Insert(m.free, i, n)
		m.freedAt[n] = time.Now()
	}
	// Free nonces at the top go back to the fresh range.
	for len(m.free) > 0 && m.free[len(m.free)-1] == m.nonce-1 {
		m.free = m.free[:len(m.free)-1]
		m.nonce--
	}
}

// unfreeLocked forgets n as free: the node has a transaction with it. The
// caller holds nonceMu.
func (m *Manager) unfreeLocked(n uint64) {
	if i, found := slices.BinarySearch(m.free, n); found {
		m.free = slices.Delete(m.free, i, i+1)
	}
	delete(m.freedAt, n)
}

// Release gives back the nonce of a transaction Prepare signed and nobody
// broadcast (the caller gave up on it: its lease was lost, or it could not
// record the transaction), so that the next Prepare signs with it and the
// key's later transactions are not stuck behind a gap. It reports whether
// tx was such a reservation; releasing a transaction that was broadcast, or
// signed by another key, does nothing. Never release a transaction some
// process may still broadcast.
func (m *Manager) Release(tx *types.Transaction) bool {
	if tx == nil {
		return false
	}
	m.nonceMu.Lock()
	defer m.nonceMu.Unlock()
	r, ok := m.reserved[tx.Nonce()]
	if !ok || r.hash != tx.Hash() {
		return false
	}
	delete(m.reserved, tx.Nonce())
	m.freeNonceLocked(tx.Nonce())
	m.notify()
	return true
}

// reservedTx reports whether tx is a reservation of this Manager (signed by
// Prepare, not broadcast yet): its sender, known without recovering it.
func (m *Manager) reservedTx(tx *types.Transaction) bool {
	m.nonceMu.Lock()
	defer m.nonceMu.Unlock()
	r, ok := m.reserved[tx.Nonce()]
	return ok && r.hash == tx.Hash()
}

// afterBroadcast updates the nonce bookkeeping after a broadcast of one of
// this key's transactions (err: the broadcast's outcome) and returns the
// deadline Prepare recorded for it (0: none).
func (m *Manager) afterBroadcast(tx *types.Transaction, err error) (deadline uint64) {
	m.nonceMu.Lock()
	defer m.nonceMu.Unlock()
	n := tx.Nonce()
	r, reserved := m.reserved[n]
	reserved = reserved && r.hash == tx.Hash()
	if reserved {
		delete(m.reserved, n)
	}
	switch {
	case err == nil:
		// The node holds a transaction with n: it is not free any more.
		// (A rebroadcast above the counter moves nothing: should the
		// counter reach its nonce, the node refuses the duplicate and the
		// counter resyncs.)
		m.unfreeLocked(n)
		return r.deadline
	case reserved && !isNonceError(err):
		// The node does not have it (sendTx asked by hash) and the nonce
		// is not taken: the next Prepare reuses it.
		m.freeNonceLocked(n)
	default:
		// The nonce is used on chain or in the pool by another transaction
		// (or we cannot tell): resync from the node at the next Prepare.
		m.nonceKnown = false
	}
	m.notify()
	return 0
}

// Pending is how many nonces of this key are handed out (reserved or sent)
// and not yet seen mined. It is an estimate between refreshes of the chain's
// nonce (RefreshConfirmed; WaitMined updates it too).
func (m *Manager) Pending() int {
	m.nonceMu.Lock()
	defer m.nonceMu.Unlock()
	return m.pendingLocked()
}

// pendingAndGap is Pending, and whether a given-back nonce waits to be
// taken again.
func (m *Manager) pendingAndGap() (int, bool) {
	m.nonceMu.Lock()
	defer m.nonceMu.Unlock()
	return m.pendingLocked(), len(m.free) > 0
}

func (m *Manager) pendingLocked() int {
	if m.nonce <= m.chainNonce {
		return len(m.reserved)
	}
	n := int(m.nonce - m.chainNonce)
	for _, f := range m.free {
		if f >= m.chainNonce {
			n--
		}
	}
	return max(n, len(m.reserved))
}

// RefreshConfirmed reads the chain's latest nonce of the key, so Pending
// counts only transactions not yet mined.
func (m *Manager) RefreshConfirmed(ctx context.Context) error {
	n, err := m.client.NonceAt(ctx, m.from, nil)
	if err != nil {
		return fmt.Errorf("txmgr: nonce of %s: %w", m.from, err)
	}
	m.nonceMu.Lock()
	m.chainNonce = n
	// A free nonce below the chain's was used by another transaction.
	m.free = slices.DeleteFunc(m.free, func(f uint64) bool { return f < n })
	m.pruneFreedAtLocked()
	m.nonceMu.Unlock()
	m.notify()
	return nil
}

// minedNonce records that a transaction of this key with nonce n is mined.
func (m *Manager) minedNonce(n uint64) {
	m.nonceMu.Lock()
	if n+1 > m.chainNonce {
		m.chainNonce = n + 1
	}
	m.nonceMu.Unlock()
	m.notify()
}

// notify tells a waiting Pool that this key's pending count may have moved.
func (m *Manager) notify() {
	if m.onChange != nil {
		m.onChange()
	}
}

// pruneFreedAtLocked forgets the times of nonces no longer free. The caller
// holds nonceMu.
func (m *Manager) pruneFreedAtLocked() {
	for n := range m.freedAt {
		if _, found := slices.BinarySearch(m.free, n); !found {
			delete(m.freedAt, n)
		}
	}
}

// gapBelowLocked reports whether a nonce below above was given back at least
// gapGrace ago and nobody took it since. The caller holds nonceMu.
func (m *Manager) gapBelowLocked(above uint64) bool {
	return len(m.free) > 0 && m.free[0] < above && time.Since(m.freedAt[m.free[0]]) >= m.gapGrace()
}

// gapGrace is how long a given-back nonce waits for the next Prepare (or a
// rebroadcast of the transaction that had it) before fillGap fills it.
func (m *Manager) gapGrace() time.Duration { return 3 * m.cfg.ReceiptPollInterval }

// fillGap fills a nonce gap below the waiting transaction's nonce above with
// a zero-value transfer to the key itself: the key's transactions above a
// given-back nonce wait for it in the node's queue, and no new challenge
// might come to take it before their deadline. deadline prices the filler
// like the transaction it unblocks.
func (m *Manager) fillGap(ctx context.Context, above, deadline uint64) {
	m.nonceMu.Lock()
	gap := m.gapBelowLocked(above)
	m.nonceMu.Unlock()
	if !gap {
		return
	}
	tip, feeCap, err := m.fees(ctx, deadline)
	if err != nil {
		m.log.Warn("cannot price a transaction to fill a nonce gap", zap.Error(err))
		return
	}
	m.nonceMu.Lock()
	if !m.gapBelowLocked(above) {
		m.nonceMu.Unlock()
		return
	}
	n := m.takeNonceLocked() // the lowest free one: the gap
	tx, err := m.sign(&types.DynamicFeeTx{
		ChainID: m.chainID, GasTipCap: tip, GasFeeCap: feeCap, Gas: params.TxGas, To: &m.from, Value: new(big.Int),
	}, n)
	if err != nil {
		m.freeNonceLocked(n)
		m.nonceMu.Unlock()
		m.log.Error("signing a transaction to fill a nonce gap failed", zap.Uint64("nonce", n), zap.Error(err))
		return
	}
	m.reserved[n] = reservation{hash: tx.Hash()}
	m.nonceMu.Unlock()
	m.log.Warn("filling a nonce gap: a transaction was given up after its nonce was handed out",
		zap.Uint64("nonce", n), zap.Uint64("waiting_nonce", above), zap.Stringer("hash", tx.Hash()))
	if err := m.Broadcast(ctx, tx); err != nil {
		m.log.Warn("filling a nonce gap failed; will retry", zap.Uint64("nonce", n), zap.Error(err))
		return
	}
	m.untrack(n, m.track(tx)) // nobody waits for the filler
}
