package txmgr

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"go.uber.org/zap"
)

// DefaultMaxPending is the default cap on one key's transactions handed to
// the node and not yet mined: geth's txpool.accountslots, the slots the
// node guarantees every account.
const DefaultMaxPending = 16

// PoolConfig tunes a Pool.
type PoolConfig struct {
	// MaxPending caps the transactions of one key handed out and not yet
	// mined (default DefaultMaxPending; negative: no cap). When every key
	// is at the cap, Prepare waits for one to have room.
	MaxPending int
	// Poll is how often a waiting Prepare re-reads the keys' nonces from the
	// chain (default: the Managers' ReceiptPollInterval).
	Poll time.Duration
}

// Pool spreads transactions over several keys, each with its own Manager
// and nonce sequence, so a burst of challenges is not serialized behind one
// account's nonces and the node's per-account pending limit. Prepare signs
// with the key with the fewest pending transactions; Broadcast, WaitMined and
// Release go to the Manager of the key that signed the transaction. It is
// safe for concurrent use.
type Pool struct {
	mgrs   []*Manager
	byAddr map[common.Address]*Manager
	signer types.Signer
	cfg    PoolConfig
	log    *zap.Logger

	mu     sync.Mutex // guards claims and next
	claims []int      // Prepares in progress per key, not yet reserved
	next   int        // where the next pick starts, to spread ties

	sigMu   sync.Mutex // leaf lock: guards changed only
	changed chan struct{}

	refreshMu sync.Mutex
	refreshed time.Time
}

// NewPool returns a Pool over one Manager per key, all configured with cfg.
// The first key is the pool's primary address (From). log may be nil.
func NewPool(ctx context.Context, client Client, keys []*ecdsa.PrivateKey, cfg Config, pc PoolConfig, log *zap.Logger) (*Pool, error) {
	if len(keys) == 0 {
		return nil, errors.New("txmgr: a pool needs at least one key")
	}
	if log == nil {
		log = zap.NewNop()
	}
	var mgrs []*Manager
	for i, k := range keys {
		m, err := New(ctx, client, k, cfg, log)
		if err != nil {
			return nil, fmt.Errorf("txmgr: key %d of the pool: %w", i+1, err)
		}
		cfg.ChainID = m.chainID // ask the node once
		mgrs = append(mgrs, m)
	}
	return NewPoolOf(mgrs, pc, log)
}

// NewPoolOf returns a Pool over mgrs, which must sign for the same chain
// with distinct keys and must not be used apart from the pool.
func NewPoolOf(mgrs []*Manager, pc PoolConfig, log *zap.Logger) (*Pool, error) {
	if len(mgrs) == 0 {
		return nil, errors.New("txmgr: a pool needs at least one Manager")
	}
	if log == nil {
		log = zap.NewNop()
	}
	if pc.MaxPending == 0 {
		pc.MaxPending = DefaultMaxPending
	}
	if pc.Poll < 0 {
		return nil, errors.New("txmgr: negative PoolConfig.Poll")
	}
	if pc.Poll == 0 {
		pc.Poll = mgrs[0].cfg.ReceiptPollInterval
	}
	p := &Pool{
		mgrs: mgrs, byAddr: map[common.Address]*Manager{}, signer: mgrs[0].signer, cfg: pc,
		log: log.Named("txpool"), claims: make([]int, len(mgrs)), changed: make(chan struct{}),
	}
	for _, m := range mgrs {
		if m.chainID.Cmp(mgrs[0].chainID) != 0 {
			return nil, fmt.Errorf("txmgr: pool keys sign for chains %s and %s", mgrs[0].chainID, m.chainID)
		}
		if _, dup := p.byAddr[m.from]; dup {
			return nil, fmt.Errorf("txmgr: key %s is twice in the pool", m.from)
		}
		p.byAddr[m.from] = m
		m.onChange = p.signal
	}
	addrs := make([]string, len(mgrs))
	for i, m := range mgrs {
		addrs[i] = m.from.Hex()
	}
	p.log.Info("signer pool ready", zap.Strings("keys", addrs), zap.Int("max_pending_per_key", pc.MaxPending))
	return p, nil
}

// From returns the primary key's address (the first key).
func (p *Pool) From() common.Address { return p.mgrs[0].from }

// Managers returns the pool's Managers, primary first.
func (p *Pool) Managers() []*Manager { return append([]*Manager(nil), p.mgrs...) }

// Sender returns the address that signed tx.
func (p *Pool) Sender(tx *types.Transaction) (common.Address, error) {
	a, err := types.Sender(p.signer, tx)
	if err != nil {
		return common.Address{}, fmt.Errorf("txmgr: sender of %s: %w", tx.Hash().Hex(), err)
	}
	return a, nil
}

// Balance returns the lowest balance of the pool's keys at the latest block:
// the key that runs dry first decides whether the pool can keep sending.
func (p *Pool) Balance(ctx context.Context) (*big.Int, error) {
	var low *big.Int
	for _, m := range p.mgrs {
		b, err := m.Balance(ctx)
		if err != nil {
			return nil, err
		}
		if low == nil || b.Cmp(low) < 0 {
			low = b
		}
	}
	return low, nil
}

// Pending is the transactions of all keys handed out and not yet seen mined.
func (p *Pool) Pending() int {
	n := 0
	for _, m := range p.mgrs {
		n += m.Pending()
	}
	return n
}

// Simulate executes c with eth_call from the primary key.
func (p *Pool) Simulate(ctx context.Context, c Candidate) error { return p.mgrs[0].Simulate(ctx, c) }

// Prepare simulates, prices and signs c with the key with the fewest
// pending transactions (see Manager.Prepare), waiting while every key is at
// PoolConfig.MaxPending until ctx ends.
func (p *Pool) Prepare(ctx context.Context, c Candidate) (*types.Transaction, error) {
	i, err := p.acquire(ctx)
	if err != nil {
		return nil, err
	}
	tx, err := p.mgrs[i].Prepare(ctx, c)
	p.mu.Lock()
	p.claims[i]--
	p.mu.Unlock()
	p.signal()
	return tx, err
}

// Broadcast sends tx through the Manager of its signer (see
// Manager.Broadcast); a transaction of a key not in the pool (recorded by
// another process) goes through the primary Manager.
func (p *Pool) Broadcast(ctx context.Context, tx *types.Transaction) error {
	return p.route(tx).Broadcast(ctx, tx)
}

// WaitMined waits for tx through the Manager of its signer (see
// Manager.WaitMined).
func (p *Pool) WaitMined(ctx context.Context, tx *types.Transaction) (*types.Receipt, error) {
	if tx == nil {
		return nil, errors.New("txmgr: WaitMined: nil transaction")
	}
	return p.route(tx).WaitMined(ctx, tx)
}

// Release gives back the nonce of a prepared transaction nobody will
// broadcast (see Manager.Release).
func (p *Pool) Release(tx *types.Transaction) bool {
	if tx == nil {
		return false
	}
	return p.route(tx).Release(tx)
}

func (p *Pool) route(tx *types.Transaction) *Manager {
	// A transaction on its way from Prepare to Broadcast: no need to
	// recover its signer.
	for _, m := range p.mgrs {
		if m.reservedTx(tx) {
			return m
		}
	}
	if a, err := types.Sender(p.signer, tx); err == nil {
		if m, ok := p.byAddr[a]; ok {
			return m
		}
	}
	return p.mgrs[0]
}

// acquire claims a slot on the least loaded key with room, waiting (bounded
// by ctx) while all are full.
func (p *Pool) acquire(ctx context.Context) (int, error) {
	for {
		wake := p.wake() // before looking, so no change is missed
		if i, ok := p.pick(); ok {
			return i, nil
		}
		// The counts may be stale (transactions mined that nobody waited
		// for): ask the chain before waiting.
		p.refresh(ctx)
		if i, ok := p.pick(); ok {
			return i, nil
		}
		t := time.NewTimer(p.cfg.Poll)
		select {
		case <-ctx.Done():
			t.Stop()
			return -1, fmt.Errorf("txmgr: every pool key has %d transactions pending: %w", p.cfg.MaxPending, ctx.Err())
		case <-wake:
		case <-t.C:
		}
		t.Stop()
	}
}

// pick claims a slot on the key with the fewest pending transactions below
// MaxPending, starting after the last pick so ties rotate; a key with a
// given-back nonce to fill comes first.
func (p *Pool) pick() (int, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	best, bestLoad := -1, 0
	for k := range p.mgrs {
		i := (p.next + k) % len(p.mgrs)
		pending, gap := p.mgrs[i].pendingAndGap()
		load := pending + p.claims[i]
		switch {
		case gap && p.claims[i] == 0:
			// A given-back nonce holds this key's later transactions
			// back: a new one fills it first, whatever the cap.
			load = -1
		case p.cfg.MaxPending > 0 && load >= p.cfg.MaxPending:
			continue
		}
		if best < 0 || load < bestLoad {
			best, bestLoad = i, load
		}
	}
	if best < 0 {
		return -1, false
	}
	p.claims[best]++
	p.next = (best + 1) % len(p.mgrs)
	return best, true
}

// refresh re-reads every key's chain nonce, at most twice per Poll.
func (p *Pool) refresh(ctx context.Context) {
	p.refreshMu.Lock()
	defer p.refreshMu.Unlock()
	if time.Since(p.refreshed) < p.cfg.Poll/2 {
		return
	}
	for _, m := range p.mgrs {
		if err := m.RefreshConfirmed(ctx); err != nil && ctx.Err() == nil {
			p.log.Warn("read a pool key's nonce", zap.Stringer("key", m.from), zap.Error(err))
		}
	}
	p.refreshed = time.Now()
}

// wake returns a channel closed at the next change of a key's pending count.
func (p *Pool) wake() <-chan struct{} {
	p.sigMu.Lock()
	defer p.sigMu.Unlock()
	return p.changed
}

// signal wakes the Prepares waiting for room.
func (p *Pool) signal() {
	p.sigMu.Lock()
	defer p.sigMu.Unlock()
	close(p.changed)
	p.changed = make(chan struct{})
}
