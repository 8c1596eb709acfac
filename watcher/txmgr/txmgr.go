// Package txmgr sends the tower's challenge transactions to L1 and sees them
// mined: it simulates each call, prices it as an EIP-1559 transaction, assigns
// nonces for many concurrent senders, and replaces stuck transactions with
// fee-bumped copies until one of them is mined.
//
// The design follows op-service's txmgr in spirit: a single signing key per
// Manager, a locally tracked nonce resynced from the chain on nonce errors, and
// same-nonce resubmission with bumped fees. A Pool spreads transactions over
// several Managers (keys), each capped at the node's per-account pending
// limit. Given-back nonces are reused so a key never leaves a gap (nonce.go),
// and transactions near their deadline pay rising tips and are replaced
// every block they miss (urgency.go).
package txmgr

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"go.uber.org/zap"
)

// Client lists every RPC the Manager makes: the subset of *ethclient.Client
// it uses. Both *ethclient.Client and the client of go-ethereum's
// ethclient/simulated Backend satisfy it. The Manager bounds each call by
// Config.RPCTimeout.
type Client interface {
	ChainID(ctx context.Context) (*big.Int, error)
	PendingNonceAt(ctx context.Context, account common.Address) (uint64, error)
	NonceAt(ctx context.Context, account common.Address, blockNumber *big.Int) (uint64, error)
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
	SuggestGasTipCap(ctx context.Context) (*big.Int, error)
	EstimateGas(ctx context.Context, msg ethereum.CallMsg) (uint64, error)
	CallContract(ctx context.Context, msg ethereum.CallMsg, blockNumber *big.Int) ([]byte, error)
	SendTransaction(ctx context.Context, tx *types.Transaction) error
	TransactionByHash(ctx context.Context, hash common.Hash) (tx *types.Transaction, isPending bool, err error)
	TransactionReceipt(ctx context.Context, txHash common.Hash) (*types.Receipt, error)
	BalanceAt(ctx context.Context, account common.Address, blockNumber *big.Int) (*big.Int, error)
}

// Defaults applied by New to zero-valued Config fields.
const (
	DefaultGasLimitMultiplier  = 1.2
	DefaultReceiptPollInterval = time.Second
	DefaultResubmitAfter       = 30 * time.Second
	DefaultFeeBumpPercent      = 15
	// DefaultRPCTimeout bounds each single RPC call to the node.
	DefaultRPCTimeout = 10 * time.Second
	// DefaultUrgentBlocks is how close to its deadline a transaction
	// becomes urgent.
	DefaultUrgentBlocks = 32
	// MinFeeBumpPercent is geth's default txpool price bump for replacements.
	MinFeeBumpPercent = 10
)

// Config tunes a Manager. Zero values select the documented defaults.
type Config struct {
	// ChainID signs transactions for this chain; nil asks the client.
	ChainID *big.Int
	// GasLimitMultiplier scales the gas estimate (default 1.2, must be >= 1).
	GasLimitMultiplier float64
	// MaxFeePerGas caps the fee cap of every transaction, bumps included; nil = no cap.
	MaxFeePerGas *big.Int
	// MinTipCap is a floor for the priority fee; nil = no floor.
	MinTipCap *big.Int
	// ReceiptPollInterval is how often WaitMined polls for a receipt (default 1s).
	ReceiptPollInterval time.Duration
	// ResubmitAfter is how long WaitMined waits for inclusion before replacing
	// the transaction with a fee-bumped copy (default 30s).
	ResubmitAfter time.Duration
	// FeeBumpPercent raises tip and fee cap on each replacement (default 15,
	// at least 10 or geth rejects the replacement as underpriced).
	FeeBumpPercent int
	// Confirmations is the number of blocks required on top of the inclusion
	// block before WaitMined returns (default 0).
	Confirmations uint64
	// RPCTimeout bounds each single RPC call to the node (default 10s), so a
	// node that stops answering fails the call instead of stalling the sender.
	RPCTimeout time.Duration
	// UrgentBlocks is how many blocks before its deadline a transaction
	// becomes urgent (default 32): with left blocks to go (fewer than
	// UrgentBlocks) its priority fee is the market's times
	// UrgentBlocks/left (capped by MaxFeePerGas), and WaitMined replaces it
	// as soon as a block passes without it, instead of after ResubmitAfter.
	UrgentBlocks uint64
}

// Candidate is a transaction the caller wants sent.
type Candidate struct {
	To       common.Address
	Data     []byte
	Value    *big.Int // nil = 0
	GasLimit uint64   // 0 = estimate
	// DeadlineBlock is the last L1 block the transaction is useful in (0:
	// none). Within Config.UrgentBlocks of it the fees rise as the blocks
	// left shrink, and a stuck transaction is replaced every block.
	DeadlineBlock uint64
}

var (
	// ErrReverted is returned (wrapped with the tx hash) by WaitMined when the
	// transaction was mined with status 0.
	ErrReverted = errors.New("txmgr: transaction reverted")
	// ErrNonceConsumed is returned (wrapped) by WaitMined when the
	// transaction's nonce was used on chain by a transaction WaitMined did not
	// send, so none of its versions can be mined any more.
	ErrNonceConsumed = errors.New("txmgr: nonce consumed by another transaction")
	// ErrFeeCapExceeded is returned (wrapped) when the fees needed exceed
	// Config.MaxFeePerGas.
	ErrFeeCapExceeded = errors.New("txmgr: fee cap exceeded")
)

// Manager signs and sends transactions from one key. It is safe for concurrent
// use by many goroutines.
type Manager struct {
	client  Client
	key     *ecdsa.PrivateKey
	from    common.Address
	chainID *big.Int
	signer  types.Signer
	cfg     Config
	log     *zap.Logger

	// nonceMu guards the nonce bookkeeping (nonce.go) and is held across
	// sign+send by Send so that its transactions reach the node in nonce order.
	nonceMu    sync.Mutex
	nonce      uint64 // next fresh nonce
	nonceKnown bool
	free       []uint64               // released nonces below nonce, ascending
	freedAt    map[uint64]time.Time   // when each free nonce was given back
	reserved   map[uint64]reservation // signed by Prepare, not broadcast yet
	chainNonce uint64                 // the chain's latest nonce as last seen
	// onChange is called when Pending may have dropped (set by a Pool).
	onChange func()

	quotes quoteCache // the last market quote (urgency.go)
	gas    gasCache   // gas limits by shape of call (gas.go)

	trackMu sync.Mutex
	tracked map[uint64]*nonceTracker
}

// nonceTracker remembers every version sent for one nonce so that WaitMined
// (possibly called again after a cancelled wait) accepts whichever is mined
// and bumps from the latest fees.
type nonceTracker struct {
	mu          sync.Mutex
	txs         []*types.Transaction // all versions, latest last
	lastAttempt time.Time            // last send or resend attempt
	nonceUsed   int                  // polls since a resend reported "nonce too low"
	deadline    uint64               // Candidate.DeadlineBlock (0: none)
	sentBlock   uint64               // L1 head when the latest version was sent (0: not read yet)
}

// New returns a Manager signing with key. log may be nil.
func New(ctx context.Context, client Client, key *ecdsa.PrivateKey, cfg Config, log *zap.Logger) (*Manager, error) {
	if client == nil {
		return nil, errors.New("txmgr: nil client")
	}
	if key == nil {
		return nil, errors.New("txmgr: nil key")
	}
	if log == nil {
		log = zap.NewNop()
	}
	if cfg.GasLimitMultiplier == 0 {
		cfg.GasLimitMultiplier = DefaultGasLimitMultiplier
	}
	if cfg.GasLimitMultiplier < 1 {
		return nil, fmt.Errorf("txmgr: GasLimitMultiplier %v must be >= 1", cfg.GasLimitMultiplier)
	}
	if cfg.ReceiptPollInterval == 0 {
		cfg.ReceiptPollInterval = DefaultReceiptPollInterval
	}
	if cfg.ResubmitAfter == 0 {
		cfg.ResubmitAfter = DefaultResubmitAfter
	}
	if cfg.RPCTimeout == 0 {
		cfg.RPCTimeout = DefaultRPCTimeout
	}
	if cfg.UrgentBlocks == 0 {
		cfg.UrgentBlocks = DefaultUrgentBlocks
	}
	if cfg.ReceiptPollInterval < 0 || cfg.ResubmitAfter < 0 || cfg.RPCTimeout < 0 {
		return nil, errors.New("txmgr: negative ReceiptPollInterval, ResubmitAfter or RPCTimeout")
	}
	client = timeoutClient{c: client, d: cfg.RPCTimeout}
	if cfg.FeeBumpPercent == 0 {
		cfg.FeeBumpPercent = DefaultFeeBumpPercent
	}
	if cfg.FeeBumpPercent < MinFeeBumpPercent {
		return nil, fmt.Errorf("txmgr: FeeBumpPercent %d must be >= %d", cfg.FeeBumpPercent, MinFeeBumpPercent)
	}
	if cfg.MaxFeePerGas != nil && cfg.MaxFeePerGas.Sign() <= 0 {
		return nil, errors.New("txmgr: MaxFeePerGas must be positive")
	}
	if cfg.MinTipCap != nil && cfg.MinTipCap.Sign() < 0 {
		return nil, errors.New("txmgr: MinTipCap must not be negative")
	}
	chainID := cfg.ChainID
	if chainID == nil {
		id, err := client.ChainID(ctx)
		if err != nil {
			return nil, fmt.Errorf("txmgr: chain id: %w", err)
		}
		chainID = id
	}
	chainID = new(big.Int).Set(chainID)
	cfg.ChainID = chainID
	m := &Manager{
		client:   client,
		key:      key,
		from:     crypto.PubkeyToAddress(key.PublicKey),
		chainID:  chainID,
		signer:   types.LatestSignerForChainID(chainID),
		cfg:      cfg,
		log:      log.Named("txmgr"),
		tracked:  make(map[uint64]*nonceTracker),
		reserved: make(map[uint64]reservation),
		freedAt:  make(map[uint64]time.Time),
	}
	m.log.Info("transaction manager ready", zap.Stringer("from", m.from), zap.Stringer("chainID", chainID))
	return m, nil
}

// From returns the address transactions are sent from.
func (m *Manager) From() common.Address { return m.from }

// Balance returns the sender's balance at the latest block.
func (m *Manager) Balance(ctx context.Context) (*big.Int, error) {
	b, err := m.client.BalanceAt(ctx, m.from, nil)
	if err != nil {
		return nil, fmt.Errorf("txmgr: balance of %s: %w", m.from, err)
	}
	return b, nil
}

// Simulate executes c with eth_call from the manager's address at the latest
// block. A revert is returned as *RevertError.
func (m *Manager) Simulate(ctx context.Context, c Candidate) error {
	if _, err := m.client.CallContract(ctx, m.callMsg(c), nil); err != nil {
		if rerr := asRevertError(err); rerr != nil {
			return rerr
		}
		return fmt.Errorf("txmgr: eth_call to %s: %w", c.To, err)
	}
	return nil
}

// Send simulates c and, if it does not revert, signs and broadcasts it as an
// EIP-1559 transaction with the next nonce. A simulated revert is returned
// (wrapping *RevertError) and nothing is sent. The returned transaction is
// remembered until WaitMined sees it (or a replacement) mined.
func (m *Manager) Send(ctx context.Context, c Candidate) (*types.Transaction, error) {
	if err := m.Simulate(ctx, c); err != nil {
		return nil, fmt.Errorf("txmgr: simulate: %w", err)
	}
	return m.send(ctx, c)
}

// SendAndWait is Send followed by WaitMined.
func (m *Manager) SendAndWait(ctx context.Context, c Candidate) (*types.Receipt, error) {
	tx, err := m.Send(ctx, c)
	if err != nil {
		return nil, err
	}
	return m.WaitMined(ctx, tx)
}

// unsignedTx prices c as an EIP-1559 transaction (estimating its gas when
// c.GasLimit is 0), leaving the nonce to the caller.
func (m *Manager) unsignedTx(ctx context.Context, c Candidate) (*types.DynamicFeeTx, error) {
	gas := c.GasLimit
	if gas == 0 {
		var err error
		if gas, err = m.gasLimit(ctx, c); err != nil {
			return nil, err
		}
	}
	tip, feeCap, err := m.fees(ctx, c.DeadlineBlock)
	if err != nil {
		return nil, err
	}
	to := c.To
	txdata := &types.DynamicFeeTx{
		ChainID:   m.chainID,
		GasTipCap: tip,
		GasFeeCap: feeCap,
		Gas:       gas,
		To:        &to,
		Value:     valueOrZero(c.Value),
		Data:      common.CopyBytes(c.Data),
	}
	return txdata, nil
}

// send prices, signs and broadcasts c without simulating it first.
func (m *Manager) send(ctx context.Context, c Candidate) (*types.Transaction, error) {
	txdata, err := m.unsignedTx(ctx, c)
	if err != nil {
		return nil, err
	}

	m.nonceMu.Lock()
	defer m.nonceMu.Unlock()
	const attempts = 3
	for i := 0; ; i++ {
		if err := m.syncNonceLocked(ctx); err != nil {
			return nil, err
		}
		nonce := m.takeNonceLocked()
		tx, err := m.sign(txdata, nonce)
		if err != nil {
			m.freeNonceLocked(nonce)
			return nil, err
		}
		err = m.sendTx(ctx, tx)
		if err == nil {
			m.track(tx).setDeadline(c.DeadlineBlock)
			m.log.Info("transaction sent",
				zap.Stringer("hash", tx.Hash()),
				zap.Uint64("nonce", tx.Nonce()),
				zap.Stringer("to", c.To),
				zap.Stringer("value", tx.Value()),
				zap.Uint64("gas", tx.Gas()),
				zap.Stringer("gasTipCap", tx.GasTipCap()),
				zap.Stringer("gasFeeCap", tx.GasFeeCap()))
			return tx, nil
		}
		if isNonceError(err) && i+1 < attempts && ctx.Err() == nil {
			// Someone else used this key, or our view drifted: resync.
			m.log.Warn("nonce rejected, resyncing from chain",
				zap.Uint64("nonce", tx.Nonce()), zap.Error(err))
			m.nonceKnown = false
			continue
		}
		if isNonceError(err) {
			m.nonceKnown = false
		} else {
			// The node does not have the tx (sendTx asked it by hash), so
			// the nonce was not consumed; keep it for the next send. Should
			// the tx reach the pool later anyway, the next send hits a
			// nonce error and resyncs.
			m.freeNonceLocked(nonce)
		}
		return nil, fmt.Errorf("txmgr: send tx nonce %d to %s: %w", tx.Nonce(), c.To, err)
	}
}

// sign signs txdata with nonce.
func (m *Manager) sign(txdata *types.DynamicFeeTx, nonce uint64) (*types.Transaction, error) {
	txdata.Nonce = nonce
	tx, err := types.SignNewTx(m.key, m.signer, txdata)
	if err != nil {
		return nil, fmt.Errorf("txmgr: sign tx nonce %d: %w", txdata.Nonce, err)
	}
	return tx, nil
}

// WaitMined waits until tx, or a fee-bumped replacement of it, is mined with
// Config.Confirmations blocks on top, and returns its receipt. While no
// version is mined it replaces the transaction every Config.ResubmitAfter with
// fees raised by Config.FeeBumpPercent. A mined status-0 receipt is returned
// together with an error wrapping ErrReverted.
func (m *Manager) WaitMined(ctx context.Context, tx *types.Transaction) (*types.Receipt, error) {
	if tx == nil {
		return nil, errors.New("txmgr: WaitMined: nil transaction")
	}
	// Only transactions signed by our key can be replaced.
	sender, err := types.Sender(m.signer, tx)
	canBump := err == nil && sender == m.from
	var tr *nonceTracker
	if canBump {
		tr = m.track(tx)
	} else {
		// Another key's transaction (a rebroadcast): follow it without
		// mixing it into our own nonce bookkeeping.
		tr = &nonceTracker{txs: []*types.Transaction{tx}, lastAttempt: time.Now()}
	}

	ticker := time.NewTicker(m.cfg.ReceiptPollInterval)
	defer ticker.Stop()
	for {
		rcpt, err := m.minedReceipt(ctx, tr)
		if err != nil {
			return nil, err
		}
		if rcpt != nil {
			ok, err := m.confirmed(ctx, rcpt)
			if err != nil {
				return nil, err
			}
			if ok {
				m.untrack(tx.Nonce(), tr)
				if canBump {
					m.minedNonce(tx.Nonce())
				}
				m.log.Info("transaction mined",
					zap.Stringer("hash", rcpt.TxHash),
					zap.Uint64("nonce", tx.Nonce()),
					zap.Stringer("block", rcpt.BlockNumber),
					zap.Uint64("status", rcpt.Status),
					zap.Uint64("gasUsed", rcpt.GasUsed),
					zap.Stringer("effectiveGasPrice", rcpt.EffectiveGasPrice))
				if rcpt.Status != types.ReceiptStatusSuccessful {
					return rcpt, fmt.Errorf("%w: tx %s", ErrReverted, rcpt.TxHash)
				}
				return rcpt, nil
			}
		} else if canBump {
			m.fillGap(ctx, tx.Nonce(), tr.deadlineBlock())
			if err := m.maybeBump(ctx, tr); err != nil {
				return nil, err
			}
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("txmgr: waiting for tx %s: %w", tx.Hash(), ctx.Err())
		case <-ticker.C:
		}
	}
}

// minedReceipt returns the receipt of whichever tracked version is mined, or
// nil. Transient RPC errors are logged and treated as "not yet".
func (m *Manager) minedReceipt(ctx context.Context, tr *nonceTracker) (*types.Receipt, error) {
	for _, h := range tr.hashes() {
		r, err := m.client.TransactionReceipt(ctx, h)
		if err == nil && r != nil {
			return r, nil
		}
		if ctx.Err() != nil {
			return nil, fmt.Errorf("txmgr: waiting for tx %s: %w", h, ctx.Err())
		}
		if err != nil && !errors.Is(err, ethereum.NotFound) {
			m.log.Debug("receipt lookup failed", zap.Stringer("hash", h), zap.Error(err))
		}
	}
	return nil, nil
}

// confirmed reports whether r has Config.Confirmations blocks on top of it.
func (m *Manager) confirmed(ctx context.Context, r *types.Receipt) (bool, error) {
	if m.cfg.Confirmations == 0 {
		return true, nil
	}
	h, err := m.client.HeaderByNumber(ctx, nil)
	if err != nil {
		if ctx.Err() != nil {
			return false, fmt.Errorf("txmgr: waiting for tx %s: %w", r.TxHash, ctx.Err())
		}
		m.log.Debug("head lookup failed", zap.Error(err))
		return false, nil
	}
	need := new(big.Int).Add(r.BlockNumber, new(big.Int).SetUint64(m.cfg.Confirmations))
	return h.Number.Cmp(need) >= 0, nil
}

// maybeBump replaces the latest version in tr with a fee-bumped copy if it
// has waited ResubmitAfter. Only ctx errors and a consumed nonce are returned;
// other failures are logged and retried after the next ResubmitAfter.
func (m *Manager) maybeBump(ctx context.Context, tr *nonceTracker) error {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	prev := tr.txs[len(tr.txs)-1]

	if tr.nonceUsed > 0 {
		// A resend said "nonce too low" and still none of our versions has a
		// receipt: give receipts a few polls to show up, then check the chain.
		tr.nonceUsed++
		if tr.nonceUsed > 3 {
			n, err := m.client.NonceAt(ctx, m.from, nil)
			if err == nil && n > prev.Nonce() {
				return fmt.Errorf("%w: nonce %d of tx %s", ErrNonceConsumed, prev.Nonce(), prev.Hash())
			}
			if ctx.Err() != nil {
				return fmt.Errorf("txmgr: waiting for tx %s: %w", prev.Hash(), ctx.Err())
			}
			tr.nonceUsed = 0
		}
		return nil
	}
	risk, head := m.deadlineAtRisk(ctx, tr, prev)
	if !risk && time.Since(tr.lastAttempt) < m.cfg.ResubmitAfter {
		return nil
	}
	tr.lastAttempt = time.Now()
	if risk {
		m.log.Info("deadline near and transaction not mined: replacing it",
			zap.Stringer("hash", prev.Hash()), zap.Uint64("nonce", prev.Nonce()),
			zap.Uint64("head", head), zap.Uint64("deadline_block", tr.deadline))
	}

	tip, feeCap, err := m.bumpedFees(ctx, prev.GasTipCap(), prev.GasFeeCap(), tr.deadline)
	if err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("txmgr: waiting for tx %s: %w", prev.Hash(), ctx.Err())
		}
		m.log.Warn("cannot bump fees, still waiting",
			zap.Stringer("hash", prev.Hash()), zap.Uint64("nonce", prev.Nonce()), zap.Error(err))
		return nil
	}
	next, err := types.SignNewTx(m.key, m.signer, &types.DynamicFeeTx{
		ChainID:    m.chainID,
		Nonce:      prev.Nonce(),
		GasTipCap:  tip,
		GasFeeCap:  feeCap,
		Gas:        prev.Gas(),
		To:         prev.To(),
		Value:      prev.Value(),
		Data:       prev.Data(),
		AccessList: prev.AccessList(),
	})
	if err != nil {
		m.log.Error("re-signing bumped tx failed", zap.Uint64("nonce", prev.Nonce()), zap.Error(err))
		return nil
	}
	err = m.sendTx(ctx, next)
	switch {
	case err == nil:
		tr.txs = append(tr.txs, next)
		if head > 0 {
			tr.sentBlock = head
		}
		m.log.Info("transaction fee bumped",
			zap.Stringer("hash", next.Hash()),
			zap.Stringer("replaces", prev.Hash()),
			zap.Uint64("nonce", next.Nonce()),
			zap.Stringer("gasTipCap", next.GasTipCap()),
			zap.Stringer("gasFeeCap", next.GasFeeCap()))
	case ctx.Err() != nil:
		return fmt.Errorf("txmgr: waiting for tx %s: %w", prev.Hash(), ctx.Err())
	case strings.Contains(err.Error(), "nonce too low"):
		// Probably one of our versions was just mined; the next polls find its receipt.
		tr.nonceUsed = 1
		m.log.Info("nonce already used on chain, waiting for receipt",
			zap.Uint64("nonce", prev.Nonce()), zap.Stringer("hash", prev.Hash()))
	default:
		m.log.Warn("resubmitting bumped tx failed",
			zap.Stringer("hash", next.Hash()), zap.Uint64("nonce", next.Nonce()), zap.Error(err))
	}
	return nil
}

// track returns the tracker for tx's nonce, adding tx to it if new.
func (m *Manager) track(tx *types.Transaction) *nonceTracker {
	m.trackMu.Lock()
	tr, ok := m.tracked[tx.Nonce()]
	if !ok {
		tr = &nonceTracker{}
		m.tracked[tx.Nonce()] = tr
	}
	m.trackMu.Unlock()

	tr.mu.Lock()
	defer tr.mu.Unlock()
	for _, t := range tr.txs {
		if t.Hash() == tx.Hash() {
			return tr
		}
	}
	tr.txs = append(tr.txs, tx)
	if !ok {
		tr.lastAttempt = time.Now()
	}
	return tr
}

func (m *Manager) untrack(nonce uint64, tr *nonceTracker) {
	m.trackMu.Lock()
	defer m.trackMu.Unlock()
	if m.tracked[nonce] == tr {
		delete(m.tracked, nonce)
	}
}

func (tr *nonceTracker) hashes() []common.Hash {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	hs := make([]common.Hash, len(tr.txs))
	// Newest first: the latest version is the likeliest to be mined.
	for i, t := range tr.txs {
		hs[len(tr.txs)-1-i] = t.Hash()
	}
	return hs
}

func (m *Manager) callMsg(c Candidate) ethereum.CallMsg {
	to := c.To
	return ethereum.CallMsg{
		From:  m.from,
		To:    &to,
		Gas:   c.GasLimit,
		Value: valueOrZero(c.Value),
		Data:  c.Data,
	}
}

func valueOrZero(v *big.Int) *big.Int {
	if v == nil {
		return new(big.Int)
	}
	return new(big.Int).Set(v)
}

// isNonceError reports whether a send failed because the nonce is already
// used (on chain or in the pool) or leaves a gap.
func isNonceError(err error) bool {
	s := strings.ToLower(err.Error())
	return strings.Contains(s, "nonce too low") ||
		strings.Contains(s, "nonce too high") ||
		strings.Contains(s, "replacement transaction underpriced") ||
		strings.Contains(s, "gapped-nonce")
}
