// Package raidenbp signs and verifies Raiden Network balance proofs exactly as
// Raiden's TokenNetwork contract (raiden-contracts 0.50, solc 0.8.10, vendored
// in deployments/contracts/raiden) hashes and recovers them.
//
// A balance proof is what one participant signs about its own transfers to
// the partner: (token network, chain id, channel id, balance hash, nonce,
// additional hash). The contract recovers three kinds of signatures:
//
//   - Sign / Signer: the balance proof itself, message type BalanceProof, with
//     the personal-message prefix "\x19Ethereum Signed Message:\n212"
//     (TokenNetwork.recoverAddressFromBalanceProof).
//   - SignClose / CloseSigner: the closing participant's counter-signature over
//     the partner's balance proof and the partner's signature, message type
//     BalanceProof, prefix "\x19Ethereum Signed Message:\n277"; closeChannel
//     checks it as closing_signature.
//   - SignUpdate / UpdateSigner: the non-closing participant's counter-signature
//     over the closing participant's balance proof and signature, message type
//     BalanceProofUpdate, same prefix; updateNonClosingBalanceProof checks it as
//     non_closing_signature. This is what lets a third party (a monitoring
//     service or this tower) submit the update.
//
// Signatures are 65 bytes r||s||v with v = 27 or 28, the form ECVerify.ecverify
// expects (it also accepts v = 0 or 1 and adds 27).
package raidenbp

import (
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/math"
	"github.com/ethereum/go-ethereum/crypto"
)

// MessageTypeID is MessageType.MessageTypeId of raiden-contracts
// (lib/MessageType.sol); it is hashed as a uint256 into every signed message.
type MessageTypeID uint8

// The message types of lib/MessageType.sol, in declaration order.
const (
	MessageTypeNone               MessageTypeID = 0
	MessageTypeBalanceProof       MessageTypeID = 1
	MessageTypeBalanceProofUpdate MessageTypeID = 2
	MessageTypeWithdraw           MessageTypeID = 3
	MessageTypeCooperativeSettle  MessageTypeID = 4
	MessageTypeIOU                MessageTypeID = 5
	MessageTypeMSReward           MessageTypeID = 6
)

// SignatureLen is the length of a signature ECVerify accepts: r || s || v.
const SignatureLen = 65

// MessageLen is the length of the packed balance proof message:
// address(20) + chain id, message type, channel id, balance hash, nonce,
// additional hash (32 each).
const MessageLen = 20 + 6*32

// Personal-message prefixes, with the lengths the contract hard-codes: 212 for
// a balance proof, 277 (212 + a 65-byte signature) for a counter-signature.
const (
	balanceProofPrefix = "\x19Ethereum Signed Message:\n212"
	counterSigPrefix   = "\x19Ethereum Signed Message:\n277"
)

// ErrInvalidSignature is returned (wrapped) when a signature is one the
// contract's ECVerify would reject: wrong length, v not in {0,1,27,28}, or no
// recoverable key.
var ErrInvalidSignature = errors.New("invalid signature")

// ErrInvalidField is returned (wrapped) when a balance proof field is missing
// or does not fit in a uint256.
var ErrInvalidField = errors.New("invalid balance proof field")

// BalanceProof is the signed part of a Raiden balance proof, as the contract
// takes it in closeChannel and updateNonClosingBalanceProof.
type BalanceProof struct {
	// TokenNetwork is the TokenNetwork contract (address(this) in the hash).
	TokenNetwork common.Address
	// ChainID is the chain's id (block.chainid in the hash).
	ChainID *big.Int
	// ChannelID is the channel_identifier, the channel counter at opening.
	ChannelID *big.Int
	// Nonce orders the signer's balance proofs; the contract keeps only a
	// strictly greater nonce ("TN: nonce reused" otherwise).
	Nonce *big.Int
	// BalanceHash is BalanceHash(transferred, locked, locksroot).
	BalanceHash [32]byte
	// AdditionalHash is the hash of the off-chain message; the contract only
	// includes it in the signed data.
	AdditionalHash [32]byte
}

// BalanceHash returns keccak256(abi.encodePacked(uint256 transferred, uint256
// locked, bytes32 locksroot)), the balance_hash TokenNetwork stores and checks
// at settlement (verifyBalanceHashData). A nil amount counts as zero; amounts
// are encoded as uint256, so negative or wider values wrap modulo 2^256 as
// they would in the EVM. Note that the contract treats a zero balance_hash as
// "no balance proof" and settles it with transferred = locked = 0.
func BalanceHash(transferred, locked *big.Int, locksroot [32]byte) [32]byte {
	return crypto.Keccak256Hash(word(transferred), word(locked), locksroot[:])
}

// Validate reports whether every numeric field is present and fits in a uint256.
func (bp BalanceProof) Validate() error {
	for _, f := range []struct {
		name string
		v    *big.Int
	}{{"chain id", bp.ChainID}, {"channel id", bp.ChannelID}, {"nonce", bp.Nonce}} {
		if f.v == nil {
			return fmt.Errorf("%w: %s is missing", ErrInvalidField, f.name)
		}
		if f.v.Sign() < 0 || f.v.BitLen() > 256 {
			return fmt.Errorf("%w: %s %s is not a uint256", ErrInvalidField, f.name, f.v)
		}
	}
	return nil
}

// Message returns the packed message of the given type, without prefix:
// token network, chain id, message type, channel id, balance hash, nonce,
// additional hash (MessageLen bytes).
func (bp BalanceProof) Message(typ MessageTypeID) ([]byte, error) {
	if err := bp.Validate(); err != nil {
		return nil, err
	}
	msg := make([]byte, 0, MessageLen)
	msg = append(msg, bp.TokenNetwork.Bytes()...)
	msg = append(msg, word(bp.ChainID)...)
	msg = append(msg, word(big.NewInt(int64(typ)))...)
	msg = append(msg, word(bp.ChannelID)...)
	msg = append(msg, bp.BalanceHash[:]...)
	msg = append(msg, word(bp.Nonce)...)
	msg = append(msg, bp.AdditionalHash[:]...)
	return msg, nil
}

// Digest returns the hash the balance proof's signer signs, as
// recoverAddressFromBalanceProof computes it.
func (bp BalanceProof) Digest() (common.Hash, error) {
	msg, err := bp.Message(MessageTypeBalanceProof)
	if err != nil {
		return common.Hash{}, fmt.Errorf("balance proof digest: %w", err)
	}
	return crypto.Keccak256Hash([]byte(balanceProofPrefix), msg), nil
}

// CounterDigest returns the hash a counter-signature of the given type signs,
// as recoverAddressFromBalanceProofCounterSignature computes it: the "277"
// prefix, the packed message, then partnerSig as given. The contract hashes
// partnerSig whatever its length (closeChannel with nonce 0 need not carry a
// real one) but always writes 277 in the prefix; so does this function.
func (bp BalanceProof) CounterDigest(typ MessageTypeID, partnerSig []byte) (common.Hash, error) {
	msg, err := bp.Message(typ)
	if err != nil {
		return common.Hash{}, fmt.Errorf("counter-signature digest: %w", err)
	}
	return crypto.Keccak256Hash([]byte(counterSigPrefix), msg, partnerSig), nil
}

// Sign signs bp as its owner: the participant whose transfers it describes.
// closeChannel takes it as non_closing_signature (the partner's proof),
// updateNonClosingBalanceProof as closing_signature.
func Sign(key *ecdsa.PrivateKey, bp BalanceProof) ([]byte, error) {
	d, err := bp.Digest()
	if err != nil {
		return nil, fmt.Errorf("sign balance proof: %w", err)
	}
	return signDigest(key, d)
}

// Signer recovers the address that signed bp, as recoverAddressFromBalanceProof
// does. It fails where the contract would revert.
func Signer(bp BalanceProof, sig []byte) (common.Address, error) {
	d, err := bp.Digest()
	if err != nil {
		return common.Address{}, fmt.Errorf("balance proof signer: %w", err)
	}
	a, err := recoverSigner(d, sig)
	if err != nil {
		return common.Address{}, fmt.Errorf("balance proof signer: %w", err)
	}
	return a, nil
}

// SignClose returns the closing participant's closing_signature for
// closeChannel: a counter-signature (message type BalanceProof) over the
// non-closing partner's balance proof bp and the partner's signature
// nonClosingSig. For a close without a balance proof (nonce 0), pass the
// same bytes as non_closing_signature (any bytes the contract hashes as given; 65 zero bytes, say).
func SignClose(key *ecdsa.PrivateKey, bp BalanceProof, nonClosingSig []byte) ([]byte, error) {
	d, err := bp.CounterDigest(MessageTypeBalanceProof, nonClosingSig)
	if err != nil {
		return nil, fmt.Errorf("sign close: %w", err)
	}
	return signDigest(key, d)
}

// CloseSigner recovers the closing participant from closeChannel's arguments.
func CloseSigner(bp BalanceProof, nonClosingSig, closingSig []byte) (common.Address, error) {
	return counterSigner(MessageTypeBalanceProof, bp, nonClosingSig, closingSig)
}

// SignUpdate returns the non-closing participant's non_closing_signature for
// updateNonClosingBalanceProof: a counter-signature (message type
// BalanceProofUpdate) over the closing participant's balance proof bp and its
// signature closingSig (from Sign by the closing participant).
func SignUpdate(key *ecdsa.PrivateKey, bp BalanceProof, closingSig []byte) ([]byte, error) {
	d, err := bp.CounterDigest(MessageTypeBalanceProofUpdate, closingSig)
	if err != nil {
		return nil, fmt.Errorf("sign update: %w", err)
	}
	return signDigest(key, d)
}

// UpdateSigner recovers the non-closing participant from
// updateNonClosingBalanceProof's arguments.
func UpdateSigner(bp BalanceProof, closingSig, nonClosingSig []byte) (common.Address, error) {
	return counterSigner(MessageTypeBalanceProofUpdate, bp, closingSig, nonClosingSig)
}

func counterSigner(typ MessageTypeID, bp BalanceProof, partnerSig, sig []byte) (common.Address, error) {
	d, err := bp.CounterDigest(typ, partnerSig)
	if err != nil {
		return common.Address{}, fmt.Errorf("counter-signature signer: %w", err)
	}
	a, err := recoverSigner(d, sig)
	if err != nil {
		return common.Address{}, fmt.Errorf("counter-signature signer (type %d): %w", typ, err)
	}
	return a, nil
}

// signDigest signs d and returns r || s || v with v = 27 or 28.
func signDigest(key *ecdsa.PrivateKey, d common.Hash) ([]byte, error) {
	if key == nil {
		return nil, errors.New("nil private key")
	}
	sig, err := crypto.Sign(d[:], key)
	if err != nil {
		return nil, fmt.Errorf("ecdsa sign: %w", err)
	}
	sig[64] += 27
	return sig, nil
}

// recoverSigner mirrors ECVerify.ecverify: 65 bytes, v < 27 gets 27 added, v
// must then be 27 or 28, and ecrecover (which, like the EVM precompile, does
// not require a low s) must not yield the zero address.
func recoverSigner(d common.Hash, sig []byte) (common.Address, error) {
	if len(sig) != SignatureLen {
		return common.Address{}, fmt.Errorf("%w: length %d, want %d", ErrInvalidSignature, len(sig), SignatureLen)
	}
	v := sig[64]
	if v < 27 {
		v += 27 // uint8 arithmetic, as in Solidity 0.8 it cannot overflow here
	}
	if v != 27 && v != 28 {
		return common.Address{}, fmt.Errorf("%w: v = %d", ErrInvalidSignature, sig[64])
	}
	r, s := new(big.Int).SetBytes(sig[:32]), new(big.Int).SetBytes(sig[32:64])
	if !crypto.ValidateSignatureValues(v-27, r, s, false) {
		return common.Address{}, fmt.Errorf("%w: r or s out of range", ErrInvalidSignature)
	}
	rsv := make([]byte, SignatureLen)
	copy(rsv, sig[:64])
	rsv[64] = v - 27
	pub, err := crypto.Ecrecover(d[:], rsv)
	if err != nil {
		return common.Address{}, fmt.Errorf("%w: %w", ErrInvalidSignature, err)
	}
	var a common.Address
	copy(a[:], crypto.Keccak256(pub[1:])[12:])
	if a == (common.Address{}) {
		return common.Address{}, fmt.Errorf("%w: recovers to the zero address", ErrInvalidSignature)
	}
	return a, nil
}

// word encodes x as a 32-byte big-endian uint256 (nil is zero; other values
// wrap modulo 2^256 like EVM arithmetic).
func word(x *big.Int) []byte {
	if x == nil {
		return make([]byte, 32)
	}
	return math.U256Bytes(new(big.Int).Set(x))
}
