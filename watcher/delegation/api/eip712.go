// Package api holds what a tower's delegation API and its clients share: the
// JSON wire types, and the EIP-712 messages that authenticate requests (signed
// by the user), receipts and heartbeats (signed by the tower's identity key).
//
// It depends on go-ethereum's crypto only, so a wallet can import it (or the
// client package built on it) without the tower's server code.
package api

import (
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/watchtower-l2/watchtower/proofs/eip712"
)

// EIP-712 domain of every message of the API. The verifying contract is the
// tower's identity address: a request signed for one tower is refused by every
// other, and a receipt names the tower that must honour it.
const (
	DomainName    = "Watchtower"
	DomainVersion = "1"
)

// Type strings of the signed messages.
const (
	RequestType   = "Request(string method,string path,bytes32 bodyHash,uint64 nonce)"
	ReceiptType   = "Receipt(address user,string kind,string subject,uint64 nonce,bytes32 stateDigest,uint64 acceptedBlock,uint64 watchUntil)"
	HeartbeatType = "Heartbeat(uint256 chainId,uint64 blockNumber,bytes32 blockHash,uint64 timestamp)"
	// ReceiptBatchType signs many receipts at once: root is the Merkle root of
	// their EIP-712 digests (see ReceiptProof).
	ReceiptBatchType = "ReceiptBatch(bytes32 root,uint64 count)"
)

var (
	requestTypeHash   = crypto.Keccak256Hash([]byte(RequestType))
	receiptTypeHash   = crypto.Keccak256Hash([]byte(ReceiptType))
	heartbeatTypeHash = crypto.Keccak256Hash([]byte(HeartbeatType))
	batchTypeHash     = crypto.Keccak256Hash([]byte(ReceiptBatchType))
	domainName        = eip712.NewName(DomainName, DomainVersion)
)

// ErrBadSignature wraps every signature that does not verify.
var ErrBadSignature = errors.New("bad signature")

// Domain binds messages to one chain and one tower identity.
type Domain struct {
	ChainID uint64
	Tower   common.Address
}

// Separator returns the EIP-712 domain separator.
func (d Domain) Separator() common.Hash {
	return domainName.Separator(new(big.Int).SetUint64(d.ChainID), d.Tower)
}

func (d Domain) digest(structHash common.Hash) common.Hash {
	return eip712.Digest(d.Separator(), structHash)
}

func u64(n uint64) []byte {
	b := make([]byte, 32)
	for i := 0; i < 8; i++ {
		b[31-i] = byte(n >> (8 * i))
	}
	return b
}

var kindChannelHash = crypto.Keccak256([]byte(KindChannel))

func strHash(s string) []byte {
	if s == KindChannel {
		return kindChannelHash
	}
	return crypto.Keccak256([]byte(s))
}

// Request is what a user signs to authenticate one API call: the method, the
// path with its query, the Keccak-256 of the exact body bytes (of nothing for a
// body-less request) and a nonce the tower requires to grow strictly per user,
// so a captured request cannot be replayed. Clients use Unix milliseconds.
type Request struct {
	Method   string
	Path     string
	BodyHash common.Hash
	Nonce    uint64
}

// NewRequest builds the message of a call with body (nil for none).
func NewRequest(method, path string, body []byte, nonce uint64) Request {
	return Request{Method: method, Path: path, BodyHash: crypto.Keccak256Hash(body), Nonce: nonce}
}

// Digest returns the EIP-712 digest of r in d.
func (d Domain) RequestDigest(r Request) common.Hash {
	buf := make([]byte, 0, 5*32)
	buf = append(buf, requestTypeHash[:]...)
	buf = append(buf, strHash(r.Method)...)
	buf = append(buf, strHash(r.Path)...)
	buf = append(buf, r.BodyHash[:]...)
	buf = append(buf, u64(r.Nonce)...)
	return d.digest(crypto.Keccak256Hash(buf))
}

// ReceiptBody is what the tower promises in a receipt.
type ReceiptBody struct {
	User          common.Address // zero for an unauthenticated delegation
	Kind          string         // "channel", or a subscription kind ("plasma", "sidechain")
	Subject       string         // channel id (0x-hex) or the subscription's subject
	Nonce         uint64         // the channel state's nonce (0 for subscriptions)
	StateDigest   common.Hash    // EIP-712 digest of the channel state both parties signed (zero for subscriptions)
	AcceptedBlock uint64         // L1 head when the tower accepted the job
	WatchUntil    uint64         // the tower watches up to and including this L1 block
}

// ReceiptBatchDigest returns the EIP-712 digest of a batch of count receipts
// whose digests have the Merkle root root.
func (d Domain) ReceiptBatchDigest(root common.Hash, count uint64) common.Hash {
	return d.digest(crypto.Keccak256Hash(batchTypeHash[:], root[:], u64(count)))
}

// ReceiptDigest returns the EIP-712 digest of a receipt in d.
func (d Domain) ReceiptDigest(r ReceiptBody) common.Hash {
	return eip712.Digest(d.Separator(), receiptStructHash(r))
}

func receiptStructHash(r ReceiptBody) common.Hash {
	buf := make([]byte, 0, 8*32)
	buf = append(buf, receiptTypeHash[:]...)
	buf = append(buf, common.LeftPadBytes(r.User[:], 32)...)
	buf = append(buf, strHash(r.Kind)...)
	buf = append(buf, strHash(r.Subject)...)
	buf = append(buf, u64(r.Nonce)...)
	buf = append(buf, r.StateDigest[:]...)
	buf = append(buf, u64(r.AcceptedBlock)...)
	buf = append(buf, u64(r.WatchUntil)...)
	return crypto.Keccak256Hash(buf)
}

// HeartbeatBody is the tower's signed statement of the last L1 block whose
// events it has processed.
type HeartbeatBody struct {
	BlockNumber uint64
	BlockHash   common.Hash
	Timestamp   uint64 // Unix seconds when the tower signed
}

// HeartbeatDigest returns the EIP-712 digest of a heartbeat in d.
func (d Domain) HeartbeatDigest(h HeartbeatBody) common.Hash {
	buf := make([]byte, 0, 5*32)
	buf = append(buf, heartbeatTypeHash[:]...)
	buf = append(buf, u64(d.ChainID)...)
	buf = append(buf, u64(h.BlockNumber)...)
	buf = append(buf, h.BlockHash[:]...)
	buf = append(buf, u64(h.Timestamp)...)
	return d.digest(crypto.Keccak256Hash(buf))
}

// SignDigest signs digest with key: 65 bytes [R || S || V], V in {27, 28}.
func SignDigest(digest common.Hash, key *ecdsa.PrivateKey) ([]byte, error) {
	sig, err := eip712.Sign(digest, key)
	if err != nil {
		return nil, fmt.Errorf("sign: %w", err)
	}
	return sig, nil
}

// Recover returns the signer of digest, accepting what ecrecover-based
// contracts accept: 65 bytes, V in {0, 1, 27, 28}, low S.
func Recover(digest common.Hash, sig []byte) (common.Address, error) {
	addr, err := eip712.Recover(digest, sig)
	if err != nil {
		return common.Address{}, fmt.Errorf("%w: %v", ErrBadSignature, err)
	}
	return addr, nil
}
