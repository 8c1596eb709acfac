// Package plasmaop is a small child-chain operator for PlasmaFramework, for
// the dev scenario and tests: it follows deposits on L1, accepts signed
// transactions, builds child blocks, submits their roots, and publishes the
// full bodies on core NATS and over HTTP (GET /blocks/{n}), as a real operator
// would. It can also misbehave on request: withhold a block's body, or include
// transactions without checking them.
package plasmaop

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"sort"
	"strconv"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/nats-io/nats.go"

	"github.com/watchtower-l2/watchtower/deployments/contracts/bindings"
	"github.com/watchtower-l2/watchtower/proofs/merkle"
	"github.com/watchtower-l2/watchtower/proofs/plasmatx"
)

// Backend is what the operator needs from an L1 client.
type Backend interface {
	bind.ContractBackend
	TransactionReceipt(ctx context.Context, hash common.Hash) (*types.Receipt, error)
}

// Config configures an operator.
type Config struct {
	Client   Backend
	ChainID  *big.Int
	Contract common.Address
	Key      *ecdsa.PrivateKey
	// NATS and Subject publish bodies on core NATS (optional).
	NATS    *nats.Conn
	Subject string
}

// Subject is the conventional feed subject of a chain's operator.
func Subject(chainID uint64, contract common.Address) string {
	return fmt.Sprintf("plasma.%d.%s.blocks", chainID, contract.Hex())
}

// Operator runs one Plasma child chain.
type Operator struct {
	cfg      Config
	contract *bindings.PlasmaFramework

	mu        sync.Mutex
	utxos     map[plasmatx.Pos]plasmatx.Output // unspent outputs
	reserved  map[plasmatx.Pos]bool            // spent by a pending transaction
	pending   []plasmatx.Signed
	blocks    map[uint64]plasmatx.Body // every block built or deposited
	published map[uint64]bool
	scanned   uint64 // last L1 block scanned for deposits
	submitMu  sync.Mutex
}

// Errors of Submit.
var (
	ErrInvalidTx = errors.New("plasmaop: invalid transaction")
)

// New returns an operator of the PlasmaFramework at cfg.Contract.
func New(cfg Config) (*Operator, error) {
	c, err := bindings.NewPlasmaFramework(cfg.Contract, cfg.Client)
	if err != nil {
		return nil, fmt.Errorf("plasmaop: bind %s: %w", cfg.Contract.Hex(), err)
	}
	return &Operator{
		cfg: cfg, contract: c,
		utxos: map[plasmatx.Pos]plasmatx.Output{}, reserved: map[plasmatx.Pos]bool{},
		blocks: map[uint64]plasmatx.Body{}, published: map[uint64]bool{},
	}, nil
}

// SyncDeposits adds the deposits made on L1 since the last call to the UTXO set.
func (o *Operator) SyncDeposits(ctx context.Context) error {
	h, err := o.cfg.Client.HeaderByNumber(ctx, nil)
	if err != nil {
		return fmt.Errorf("plasmaop: read head: %w", err)
	}
	head := h.Number.Uint64()
	o.mu.Lock()
	from := o.scanned + 1
	o.mu.Unlock()
	if from > head {
		return nil
	}
	it, err := o.contract.FilterDepositCreated(&bind.FilterOpts{Start: from, End: &head, Context: ctx}, nil, nil)
	if err != nil {
		return fmt.Errorf("plasmaop: read deposits: %w", err)
	}
	defer it.Close()
	o.mu.Lock()
	defer o.mu.Unlock()
	for it.Next() {
		e := it.Event
		n := e.Blknum.Uint64()
		tx := plasmatx.Deposit(e.Owner, e.Amount)
		o.blocks[n] = plasmatx.Body{Blknum: n, Root: mustRoot([]common.Hash{tx.Hash()}), Txs: []plasmatx.Signed{{Tx: tx.Encode()}}}
		o.utxos[plasmatx.NewPos(n, 0, 0)] = tx.Outputs[0]
	}
	if err := it.Error(); err != nil {
		return fmt.Errorf("plasmaop: read deposits: %w", err)
	}
	o.scanned = head
	return nil
}

func mustRoot(leaves []common.Hash) common.Hash {
	r, err := merkle.Root(leaves)
	if err != nil {
		panic(err) // callers never pass more than merkle.MaxLeaves
	}
	return r
}

// Submit checks a signed transaction against the UTXO set and queues it for
// the next block.
func (o *Operator) Submit(s plasmatx.Signed) error {
	tx, err := plasmatx.Decode(s.Tx)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrInvalidTx, err)
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if tx.Inputs[0] == 0 && tx.Inputs[1] == 0 {
		return fmt.Errorf("%w: no inputs", ErrInvalidTx)
	}
	if tx.Inputs[0] == tx.Inputs[1] {
		return fmt.Errorf("%w: input spent twice", ErrInvalidTx)
	}
	in := new(big.Int)
	for j, p := range tx.Inputs {
		if p == 0 {
			continue
		}
		out, ok := o.utxos[p]
		if !ok || o.reserved[p] {
			return fmt.Errorf("%w: input %s is not unspent", ErrInvalidTx, p)
		}
		signer, err := plasmatx.Recover(s.Tx, s.Sigs[j])
		if err != nil || signer != out.Owner {
			return fmt.Errorf("%w: input %s not signed by its owner %s", ErrInvalidTx, p, out.Owner.Hex())
		}
		in.Add(in, out.Amount)
	}
	if tx.OutputSum().Cmp(in) > 0 {
		return fmt.Errorf("%w: outputs exceed inputs", ErrInvalidTx)
	}
	if len(o.pending) >= merkle.MaxLeaves {
		return fmt.Errorf("%w: block full", ErrInvalidTx)
	}
	for _, p := range tx.Inputs {
		if p != 0 {
			o.reserved[p] = true
		}
	}
	o.pending = append(o.pending, s)
	return nil
}

// CommitOptions make a block misbehave.
type CommitOptions struct {
	// Withhold submits the root but publishes nothing.
	Withhold bool
	// Unchecked transactions are appended to the block without any check (an
	// invalid block: double spends, forged signatures, minted value).
	Unchecked []plasmatx.Signed
}

// Commit builds a block of the pending transactions (and opts.Unchecked),
// submits its root, waits for it to be mined and publishes the body.
func (o *Operator) Commit(ctx context.Context, opts CommitOptions) (plasmatx.Body, error) {
	o.submitMu.Lock()
	defer o.submitMu.Unlock()
	o.mu.Lock()
	txs := append(append([]plasmatx.Signed(nil), o.pending...), opts.Unchecked...)
	honest := len(o.pending)
	o.mu.Unlock()
	if len(txs) > merkle.MaxLeaves {
		return plasmatx.Body{}, fmt.Errorf("plasmaop: %d transactions exceed a block", len(txs))
	}
	body := plasmatx.Body{Txs: txs}
	root, err := merkle.Root(body.Leaves())
	if err != nil {
		return plasmatx.Body{}, err
	}
	body.Root = root
	auth, err := bind.NewKeyedTransactorWithChainID(o.cfg.Key, o.cfg.ChainID)
	if err != nil {
		return plasmatx.Body{}, err
	}
	auth.Context = ctx
	tx, err := o.contract.SubmitBlock(auth, root)
	if err != nil {
		return plasmatx.Body{}, fmt.Errorf("plasmaop: submit block: %w", err)
	}
	rc, err := waitMined(ctx, o.cfg.Client, tx)
	if err != nil {
		return plasmatx.Body{}, err
	}
	for _, l := range rc.Logs {
		if e, err := o.contract.ParseBlockSubmitted(*l); err == nil {
			body.Blknum = e.Blknum.Uint64()
		}
	}
	if body.Blknum == 0 {
		return plasmatx.Body{}, errors.New("plasmaop: no BlockSubmitted event")
	}
	o.mu.Lock()
	for i, s := range txs[:honest] {
		t, _ := plasmatx.Decode(s.Tx)
		for _, p := range t.Inputs {
			delete(o.utxos, p)
			delete(o.reserved, p)
		}
		for j, out := range t.Outputs {
			if out.Exists() {
				o.utxos[plasmatx.NewPos(body.Blknum, uint64(i), uint64(j))] = out
			}
		}
	}
	o.pending = o.pending[honest:]
	o.blocks[body.Blknum] = body
	o.mu.Unlock()
	if !opts.Withhold {
		if err := o.Publish(body.Blknum); err != nil {
			return body, err
		}
	}
	return body, nil
}

// Publish makes a built block's body available (NATS and HTTP).
func (o *Operator) Publish(n uint64) error {
	o.mu.Lock()
	body, ok := o.blocks[n]
	if ok {
		o.published[n] = true
	}
	o.mu.Unlock()
	if !ok {
		return fmt.Errorf("plasmaop: no block %d", n)
	}
	if o.cfg.NATS == nil || o.cfg.Subject == "" {
		return nil
	}
	b, err := json.Marshal(body)
	if err != nil {
		return err
	}
	if err := o.cfg.NATS.Publish(o.cfg.Subject, b); err != nil {
		return fmt.Errorf("plasmaop: publish block %d: %w", n, err)
	}
	return nil
}

// Block returns a built (or deposit) block, published or not.
func (o *Operator) Block(n uint64) (plasmatx.Body, bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	b, ok := o.blocks[n]
	return b, ok
}

// ExitData returns what startExit needs for the output at p: its transaction
// and inclusion proof.
func (o *Operator) ExitData(p plasmatx.Pos) (txBytes, proof []byte, err error) {
	b, ok := o.Block(p.Block())
	if !ok {
		return nil, nil, fmt.Errorf("plasmaop: unknown block %d", p.Block())
	}
	if p.TxIndex() >= uint64(len(b.Txs)) {
		return nil, nil, fmt.Errorf("plasmaop: block %d has no tx %d", p.Block(), p.TxIndex())
	}
	t, err := merkle.New(b.Leaves())
	if err != nil {
		return nil, nil, err
	}
	proof, err = t.Proof(int(p.TxIndex()))
	if err != nil {
		return nil, nil, err
	}
	return append([]byte(nil), b.Txs[p.TxIndex()].Tx...), proof, nil
}

// UTXOs lists the unspent outputs of owner, lowest position first.
func (o *Operator) UTXOs(owner common.Address) []plasmatx.Pos {
	o.mu.Lock()
	defer o.mu.Unlock()
	var out []plasmatx.Pos
	for p, u := range o.utxos {
		if u.Owner == owner {
			out = append(out, p)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// Output returns an unspent output.
func (o *Operator) Output(p plasmatx.Pos) (plasmatx.Output, bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	u, ok := o.utxos[p]
	return u, ok
}

// Handler serves GET /blocks/{n} (published bodies only, 404 otherwise) and
// POST /tx (a JSON plasmatx.Signed).
func (o *Operator) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /blocks/{n}", func(w http.ResponseWriter, r *http.Request) {
		n, err := strconv.ParseUint(r.PathValue("n"), 10, 64)
		if err != nil {
			http.Error(w, "bad block number", http.StatusBadRequest)
			return
		}
		o.mu.Lock()
		body, ok := o.blocks[n]
		ok = ok && o.published[n]
		o.mu.Unlock()
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(body)
	})
	mux.HandleFunc("POST /tx", func(w http.ResponseWriter, r *http.Request) {
		var s plasmatx.Signed
		if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<16)).Decode(&s); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		if err := o.Submit(s); err != nil {
			http.Error(w, err.Error(), http.StatusUnprocessableEntity)
			return
		}
		w.WriteHeader(http.StatusAccepted)
	})
	return mux
}

// waitMined waits for tx's receipt and for the head to reach its block, and
// requires success.
func waitMined(ctx context.Context, c Backend, tx *types.Transaction) (*types.Receipt, error) {
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	for {
		rc, err := c.TransactionReceipt(ctx, tx.Hash())
		if err == nil {
			if rc.Status != types.ReceiptStatusSuccessful {
				return rc, fmt.Errorf("plasmaop: tx %s reverted", tx.Hash().Hex())
			}
			// A node may index the receipt a moment before it moves its head:
			// wait for the head so the next call sees this transaction.
			if h, err := c.HeaderByNumber(ctx, nil); err == nil && h.Number.Cmp(rc.BlockNumber) >= 0 {
				return rc, nil
			}
		} else if !errors.Is(err, ethereum.NotFound) {
			return nil, fmt.Errorf("plasmaop: receipt of %s: %w", tx.Hash().Hex(), err)
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("plasmaop: wait for %s: %w", tx.Hash().Hex(), ctx.Err())
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// SignTx encodes tx and signs each non-empty input with the matching key.
func SignTx(tx plasmatx.Tx, keys ...*ecdsa.PrivateKey) (plasmatx.Signed, error) {
	b := tx.Encode()
	s := plasmatx.Signed{Tx: b}
	for j, p := range tx.Inputs {
		if p == 0 {
			continue
		}
		if j >= len(keys) || keys[j] == nil {
			return s, fmt.Errorf("plasmaop: no key for input %d", j)
		}
		sig, err := plasmatx.Sign(b, keys[j])
		if err != nil {
			return s, err
		}
		s.Sigs[j] = sig
	}
	return s, nil
}
