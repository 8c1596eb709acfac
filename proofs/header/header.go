// Package header builds the proofs CheckpointManager.sol checks for sidechain
// checkpoints: a block header's RLP (whose keccak256 is the block hash) and the
// validators' EIP-712 attestations of (sidechainId, number, blockHash), sorted
// the way the contract requires.
//
// The contract trusts neither the proposer nor the tower: it hashes the header
// itself, reads stateRoot (field 3) and number (field 8) from the RLP, and
// recovers every signer. See deployments/contracts/CHECKPOINTS.md.
package header

import (
	"bytes"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"slices"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/rlp"

	"github.com/watchtower-l2/watchtower/proofs/eip712"
)

// Domain name and version of the CheckpointManager's EIP-712 domain.
const (
	DomainName    = "WatchtowerCheckpoint"
	DomainVersion = "1"
)

var (
	attestationTypeHash = crypto.Keccak256Hash([]byte("Attestation(uint256 sidechainId,uint64 number,bytes32 blockHash)"))
	domainName          = eip712.NewName(DomainName, DomainVersion)
)

// ErrBadSignature is returned for a signature the contract would not accept.
var ErrBadSignature = errors.New("bad attestation signature")

// Domain binds attestations to one CheckpointManager on one L1.
type Domain struct {
	ChainID *big.Int       // the L1 chain id
	Manager common.Address // the CheckpointManager
}

// Attestation is what a validator signs about a sidechain block.
type Attestation struct {
	SidechainID *big.Int    `json:"sidechain_id"`
	Number      uint64      `json:"number"`
	BlockHash   common.Hash `json:"block_hash"`
}

// Separator returns the EIP-712 domain separator.
func (d Domain) Separator() common.Hash {
	return domainName.Separator(d.ChainID, d.Manager)
}

// StructHash returns hashStruct(Attestation).
func (a Attestation) StructHash() common.Hash {
	buf := make([]byte, 0, 4*32)
	buf = append(buf, attestationTypeHash[:]...)
	buf = append(buf, common.LeftPadBytes(a.SidechainID.Bytes(), 32)...)
	buf = append(buf, common.LeftPadBytes(new(big.Int).SetUint64(a.Number).Bytes(), 32)...)
	buf = append(buf, a.BlockHash[:]...)
	return crypto.Keccak256Hash(buf)
}

// Digest returns the EIP-712 digest a validator signs.
func (d Domain) Digest(a Attestation) common.Hash {
	return eip712.Digest(d.Separator(), a.StructHash())
}

// Sign signs the attestation with key: 65 bytes [R || S || V], V in {27, 28}.
func (d Domain) Sign(a Attestation, key *ecdsa.PrivateKey) ([]byte, error) {
	sig, err := eip712.Sign(d.Digest(a), key)
	if err != nil {
		return nil, fmt.Errorf("sign attestation: %w", err)
	}
	return sig, nil
}

// Recover returns the signer of an attestation under the contract's rules
// (65 bytes, V in {0, 1, 27, 28}, low S).
func (d Domain) Recover(a Attestation, sig []byte) (common.Address, error) {
	if a.SidechainID == nil || a.SidechainID.Sign() < 0 || a.SidechainID.BitLen() > 256 {
		return common.Address{}, fmt.Errorf("%w: invalid sidechain id", ErrBadSignature)
	}
	addr, err := eip712.Recover(d.Digest(a), sig)
	if err != nil {
		return common.Address{}, fmt.Errorf("%w: %v", ErrBadSignature, err)
	}
	return addr, nil
}

// Signed is one validator's signature on an attestation.
type Signed struct {
	Validator common.Address `json:"validator"`
	Signature []byte         `json:"signature"`
}

// Encode returns the header's RLP encoding, whose keccak256 is the block hash.
func Encode(h *types.Header) ([]byte, error) {
	b, err := rlp.EncodeToBytes(h)
	if err != nil {
		return nil, fmt.Errorf("header: encode block %v: %w", h.Number, err)
	}
	return b, nil
}

// Fields are what the contract reads from a header's RLP.
type Fields struct {
	Hash      common.Hash
	StateRoot common.Hash
	Number    uint64
}

// Decode reads the fields the contract reads, with the same rules: one RLP list
// spanning the input, stateRoot 32 bytes at index 3, number at most 8 bytes at
// index 8, any number of further fields.
func Decode(enc []byte) (Fields, error) {
	content, rest, err := rlp.SplitList(enc)
	if err != nil {
		return Fields{}, fmt.Errorf("header: %w", err)
	}
	if len(rest) != 0 {
		return Fields{}, errors.New("header: trailing bytes after the RLP list")
	}
	f := Fields{Hash: crypto.Keccak256Hash(enc)}
	var root, number bool
	for i := 0; len(content) > 0; i++ {
		kind, val, tail, err := rlp.Split(content)
		if err != nil {
			return Fields{}, fmt.Errorf("header: field %d: %w", i, err)
		}
		switch i {
		case 3:
			if kind != rlp.String || len(val) != 32 {
				return Fields{}, errors.New("header: stateRoot is not 32 bytes")
			}
			f.StateRoot, root = common.BytesToHash(val), true
		case 8:
			if kind == rlp.List || len(val) > 8 || (len(val) > 0 && val[0] == 0) {
				return Fields{}, errors.New("header: number is not a canonical uint64")
			}
			f.Number, number = new(big.Int).SetBytes(val).Uint64(), true
		}
		content = tail
	}
	if !root || !number {
		return Fields{}, errors.New("header: fewer than 9 fields")
	}
	return f, nil
}

// Proof is what challenge, proveCheckpoint and submitProvenCheckpoint take.
type Proof struct {
	HeaderRLP []byte
	Sigs      [][]byte
	Fields    Fields
}

// Quorum checks each signature against the registered validators and returns
// the valid ones sorted by strictly increasing signer address, as the contract
// requires; it fails when fewer than threshold distinct validators signed.
func (d Domain) Quorum(a Attestation, sigs []Signed, validators map[common.Address]bool, threshold int) ([][]byte, error) {
	type one struct {
		signer common.Address
		sig    []byte
	}
	seen := map[common.Address]bool{}
	var ok []one
	for _, s := range sigs {
		signer, err := d.Recover(a, s.Signature)
		if err != nil || !validators[signer] || seen[signer] {
			continue
		}
		seen[signer] = true
		ok = append(ok, one{signer, bytes.Clone(s.Signature)})
	}
	if len(ok) < threshold || threshold <= 0 {
		return nil, fmt.Errorf("header: %d valid validator signatures on block %d %s, need %d", len(ok), a.Number, a.BlockHash.Hex(), threshold)
	}
	slices.SortFunc(ok, func(x, y one) int { return bytes.Compare(x.signer[:], y.signer[:]) })
	out := make([][]byte, len(ok))
	for i, o := range ok {
		out[i] = o.sig
	}
	return out, nil
}

// Build assembles the proof of a header from the signatures collected for it.
func (d Domain) Build(sidechainID *big.Int, headerRLP []byte, sigs []Signed, validators map[common.Address]bool, threshold int) (Proof, error) {
	f, err := Decode(headerRLP)
	if err != nil {
		return Proof{}, err
	}
	q, err := d.Quorum(Attestation{SidechainID: sidechainID, Number: f.Number, BlockHash: f.Hash}, sigs, validators, threshold)
	if err != nil {
		return Proof{}, err
	}
	return Proof{HeaderRLP: bytes.Clone(headerRLP), Sigs: q, Fields: f}, nil
}
