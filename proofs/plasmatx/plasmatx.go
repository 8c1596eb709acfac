// Package plasmatx is the transaction format of PlasmaFramework: utxo
// positions, the ABI encoding the contract decodes, EIP-191 signatures by the
// input owners, and child block bodies as the operator publishes them.
//
// A transaction is abi.encode(uint256[2] inputs, (address owner, uint256 amount)[2] outputs),
// always 192 bytes. An input of 0 is empty; an output with amount 0 does not exist.
// Its hash is keccak256(txBytes), which is also its Merkle leaf. Each input's
// owner signs the EIP-191 personal message of the 32-byte hash:
// keccak256("\x19Ethereum Signed Message:\n32" || keccak256(txBytes)), as 65 bytes
// r || s || v with v in {27, 28} and a low s.
package plasmatx

import (
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
)

// Position layout.
const (
	BlockOffset        = 1_000_000_000
	TxOffset           = 10_000
	ChildBlockInterval = 1000
	// TxLen is the encoded length of every transaction.
	TxLen = 192
	// SigLen is the length of a signature.
	SigLen = 65
	// MaxTxIndex bounds a transaction's index in a block (the tree has 2^16 leaves).
	MaxTxIndex = 1 << 16
)

// Errors of decoding and signature checks.
var (
	ErrLength       = errors.New("plasmatx: transaction must be 192 bytes")
	ErrNonCanonical = errors.New("plasmatx: non-canonical encoding (dirty address word)")
	ErrAmountRange  = errors.New("plasmatx: amount does not fit uint256")
	ErrBadSignature = errors.New("plasmatx: bad signature")
	ErrPosition     = errors.New("plasmatx: invalid utxo position")
)

var halfN = new(big.Int).Rsh(crypto.S256().Params().N, 1)

// Pos is a utxo position: blknum*1e9 + txindex*1e4 + oindex.
type Pos uint64

// NewPos builds a position.
func NewPos(blknum, txindex, oindex uint64) Pos {
	return Pos(blknum*BlockOffset + txindex*TxOffset + oindex)
}

// Block is the position's block number.
func (p Pos) Block() uint64 { return uint64(p) / BlockOffset }

// TxIndex is the position's transaction index.
func (p Pos) TxIndex() uint64 { return (uint64(p) % BlockOffset) / TxOffset }

// OIndex is the position's output index.
func (p Pos) OIndex() uint64 { return uint64(p) % TxOffset }

// Valid reports whether the position can name an output.
func (p Pos) Valid() bool { return p != 0 && p.OIndex() < 2 && p.TxIndex() < MaxTxIndex }

// IsDeposit reports whether the position is in a deposit block.
func (p Pos) IsDeposit() bool { return p.Block()%ChildBlockInterval != 0 }

func (p Pos) String() string {
	return fmt.Sprintf("%d:%d:%d", p.Block(), p.TxIndex(), p.OIndex())
}

// Output is an (owner, amount) pair.
type Output struct {
	Owner  common.Address `json:"owner"`
	Amount *big.Int       `json:"amount"`
}

// Exists reports whether the output holds funds.
func (o Output) Exists() bool { return o.Amount != nil && o.Amount.Sign() > 0 }

// Tx is a Plasma transaction.
type Tx struct {
	Inputs  [2]Pos
	Outputs [2]Output
}

// Deposit is the transaction of a deposit block.
func Deposit(owner common.Address, amount *big.Int) Tx {
	return Tx{Outputs: [2]Output{{Owner: owner, Amount: new(big.Int).Set(amount)}, {Amount: new(big.Int)}}}
}

// Encode returns the 192-byte ABI encoding.
func (tx Tx) Encode() []byte {
	b := make([]byte, TxLen)
	for i, in := range tx.Inputs {
		new(big.Int).SetUint64(uint64(in)).FillBytes(b[i*32 : (i+1)*32])
	}
	for i, o := range tx.Outputs {
		off := 64 + i*64
		copy(b[off+12:off+32], o.Owner[:])
		if o.Amount != nil {
			o.Amount.FillBytes(b[off+32 : off+64])
		}
	}
	return b
}

// Hash is keccak256 of the encoding (the Merkle leaf).
func (tx Tx) Hash() common.Hash { return crypto.Keccak256Hash(tx.Encode()) }

// InputSum and OutputSum add the amounts.
func (tx Tx) OutputSum() *big.Int {
	s := new(big.Int)
	for _, o := range tx.Outputs {
		if o.Amount != nil {
			s.Add(s, o.Amount)
		}
	}
	return s
}

// Decode parses a transaction. It accepts exactly the encodings the contract's
// abi.decode accepts with length 192 and returns them re-encodable bit for bit.
// An input position must fit uint64 (larger ones name no output the chain can hold).
func Decode(b []byte) (Tx, error) {
	if len(b) != TxLen {
		return Tx{}, fmt.Errorf("%w: got %d", ErrLength, len(b))
	}
	var tx Tx
	for i := range tx.Inputs {
		w := b[i*32 : (i+1)*32]
		for _, c := range w[:24] {
			if c != 0 {
				return Tx{}, fmt.Errorf("%w: input %d exceeds uint64", ErrPosition, i)
			}
		}
		tx.Inputs[i] = Pos(new(big.Int).SetBytes(w).Uint64())
	}
	for i := range tx.Outputs {
		off := 64 + i*64
		for _, c := range b[off : off+12] {
			if c != 0 {
				return Tx{}, ErrNonCanonical
			}
		}
		tx.Outputs[i] = Output{Owner: common.BytesToAddress(b[off+12 : off+32]), Amount: new(big.Int).SetBytes(b[off+32 : off+64])}
	}
	return tx, nil
}

// SigHash is the digest input owners sign: the EIP-191 personal message of keccak256(txBytes).
func SigHash(txBytes []byte) common.Hash {
	return common.BytesToHash(accounts.TextHash(crypto.Keccak256(txBytes)))
}

// Sign signs txBytes with key (v = 27 or 28).
func Sign(txBytes []byte, key *ecdsa.PrivateKey) ([]byte, error) {
	sig, err := crypto.Sign(SigHash(txBytes).Bytes(), key)
	if err != nil {
		return nil, fmt.Errorf("plasmatx: sign: %w", err)
	}
	sig[64] += 27
	return sig, nil
}

// Recover returns the signer of txBytes, applying the contract's rules (65
// bytes, v in {27, 28}, low s).
func Recover(txBytes, sig []byte) (common.Address, error) {
	if len(sig) != SigLen {
		return common.Address{}, fmt.Errorf("%w: %d bytes", ErrBadSignature, len(sig))
	}
	v := sig[64]
	if v != 27 && v != 28 {
		return common.Address{}, fmt.Errorf("%w: v = %d", ErrBadSignature, v)
	}
	if new(big.Int).SetBytes(sig[32:64]).Cmp(halfN) > 0 {
		return common.Address{}, fmt.Errorf("%w: high s", ErrBadSignature)
	}
	s := make([]byte, SigLen)
	copy(s, sig)
	s[64] -= 27
	pub, err := crypto.SigToPub(SigHash(txBytes).Bytes(), s)
	if err != nil {
		return common.Address{}, fmt.Errorf("%w: %v", ErrBadSignature, err)
	}
	return crypto.PubkeyToAddress(*pub), nil
}

// Signed is a transaction with one signature per input (empty for empty inputs),
// as it appears in a published block body.
type Signed struct {
	Tx   hexutil.Bytes    `json:"tx"`
	Sigs [2]hexutil.Bytes `json:"sigs"`
}

// Body is a child block as the operator publishes it.
type Body struct {
	Blknum uint64      `json:"blknum"`
	Root   common.Hash `json:"root"`
	Txs    []Signed    `json:"txs"`
}

// Leaves returns the Merkle leaves of the body's transactions.
func (b Body) Leaves() []common.Hash {
	out := make([]common.Hash, len(b.Txs))
	for i, t := range b.Txs {
		out[i] = crypto.Keccak256Hash(t.Tx)
	}
	return out
}
