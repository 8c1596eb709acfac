package txmgr

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"go.uber.org/zap"
)

// sendTx sends tx and decides a send error by the transaction's hash, not by
// the node's wording: if the node has tx afterwards (in its pool or mined),
// the broadcast is done and nil is returned. Nodes word a re-sent transaction
// differently (geth "already known", anvil "transaction already imported",
// Besu "Known transaction", Nethermind "AlreadyKnown", and "nonce too low"
// once it is mined), so any other reading of the error would sign a second
// transaction for a node it does not know.
func (m *Manager) sendTx(ctx context.Context, tx *types.Transaction) error {
	sendErr := m.client.SendTransaction(ctx, tx)
	if sendErr == nil {
		return nil
	}
	known, err := m.nodeHasTx(ctx, tx.Hash())
	switch {
	case known:
		m.log.Info("node already has the transaction; send error ignored",
			zap.Stringer("hash", tx.Hash()), zap.Uint64("nonce", tx.Nonce()), zap.NamedError("send_error", sendErr))
		return nil
	case err != nil && saysKnown(sendErr):
		// The lookup failed (or hit another backend than the send, behind a
		// load balancer): trust a geth-style "known" answer rather than
		// risk signing a second transaction.
		m.log.Warn("transaction lookup failed; trusting the node's \"known\" answer",
			zap.Stringer("hash", tx.Hash()), zap.NamedError("send_error", sendErr), zap.Error(err))
		return nil
	case err != nil:
		return fmt.Errorf("%w (looking the transaction up: %v)", sendErr, err)
	}
	return sendErr
}

// nodeHasTx reports whether the node knows the transaction hash, pending or
// mined. A not-found answer is (false, nil); other lookup failures are errors.
func (m *Manager) nodeHasTx(ctx context.Context, hash common.Hash) (bool, error) {
	tx, _, err := m.client.TransactionByHash(ctx, hash)
	if errors.Is(err, ethereum.NotFound) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("txmgr: transaction %s: %w", hash, err)
	}
	return tx != nil && tx.Hash() == hash, nil
}

// saysKnown reports whether a send error is geth's wording for a transaction
// the node already has. It is only a fallback for when the node cannot be
// asked by hash.
func saysKnown(err error) bool {
	s := strings.ToLower(err.Error())
	return strings.Contains(s, "already known") || strings.Contains(s, "known transaction")
}

// Prepare simulates c and, if it does not revert, prices and signs it with a
// reserved nonce without broadcasting it, so the caller can durably record the
// signed transaction first (then any process can rebroadcast it after a crash).
// Follow it with Broadcast, or with Release when the transaction will never
// be broadcast, so its nonce is reused instead of leaving a gap.
//
// Without a gas limit the gas estimate is the simulation (one call less on
// the way to a challenge): a call that reverts fails to estimate, and when
// the node does not say why, an eth_call asks.
func (m *Manager) Prepare(ctx context.Context, c Candidate) (*types.Transaction, error) {
	if c.GasLimit != 0 {
		if err := m.Simulate(ctx, c); err != nil {
			return nil, fmt.Errorf("txmgr: simulate: %w", err)
		}
	}
	txdata, err := m.unsignedTx(ctx, c)
	if err != nil {
		var rev *RevertError
		if c.GasLimit == 0 && !errors.As(err, &rev) && ctx.Err() == nil {
			if serr := m.Simulate(ctx, c); serr != nil {
				return nil, fmt.Errorf("txmgr: simulate: %w", serr)
			}
		}
		return nil, err
	}
	m.nonceMu.Lock()
	defer m.nonceMu.Unlock()
	if err := m.syncNonceLocked(ctx); err != nil {
		return nil, err
	}
	nonce := m.takeNonceLocked()
	tx, err := m.sign(txdata, nonce)
	if err != nil {
		m.freeNonceLocked(nonce)
		return nil, err
	}
	m.reserved[nonce] = reservation{hash: tx.Hash(), deadline: c.DeadlineBlock}
	return tx, nil
}

// Broadcast sends a transaction signed by Prepare (or by any key: a recorded
// transaction of another process can be rebroadcast). A send error after
// which the node has the transaction (pending or mined) counts as success,
// whatever the node's wording (geth's "already known", anvil's "transaction
// already imported", "nonce too low" for a mined one, ...). When the node
// refuses a transaction Prepare reserved and does not have it, its nonce is
// reused by the next Prepare; after a nonce error the counter resyncs from
// the node. Either way a reserved but unsent nonce leaves no gap.
func (m *Manager) Broadcast(ctx context.Context, tx *types.Transaction) error {
	ours := m.reservedTx(tx)
	if !ours {
		sender, serr := types.Sender(m.signer, tx)
		ours = serr == nil && sender == m.from
	}
	err := m.sendTx(ctx, tx)
	var deadline uint64
	if ours {
		deadline = m.afterBroadcast(tx, err)
	}
	if err != nil {
		return fmt.Errorf("txmgr: broadcast %s (nonce %d): %w", tx.Hash().Hex(), tx.Nonce(), err)
	}
	if ours {
		m.track(tx).setDeadline(deadline)
	}
	m.log.Info("transaction sent",
		zap.Stringer("hash", tx.Hash()),
		zap.Uint64("nonce", tx.Nonce()),
		zap.Stringer("to", tx.To()),
		zap.Uint64("gas", tx.Gas()),
		zap.Stringer("gasTipCap", tx.GasTipCap()),
		zap.Stringer("gasFeeCap", tx.GasFeeCap()),
		zap.Uint64("deadline_block", deadline))
	return nil
}
