// Package eip712 is what every typed message the contracts verify has in
// common: the EIP-712 domain separator and digest, and signing and recovery
// under the rules the contracts apply around ecrecover (65 bytes, low S,
// V in {0, 1, 27, 28}). Each message type (channel states, sidechain
// attestations, delegation requests and receipts) hashes its own struct.
package eip712

import (
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

var (
	domainTypeHash = crypto.Keccak256Hash([]byte("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"))
	secp256k1HalfN = new(big.Int).Rsh(crypto.S256().Params().N, 1)
)

// Name is a domain's name and version, hashed once.
type Name struct{ name, version common.Hash }

// NewName hashes a domain's name and version.
func NewName(name, version string) Name {
	return Name{name: crypto.Keccak256Hash([]byte(name)), version: crypto.Keccak256Hash([]byte(version))}
}

// Separator returns the domain separator for the contract at contract on chain chainID.
func (n Name) Separator(chainID *big.Int, contract common.Address) common.Hash {
	buf := make([]byte, 0, 5*32)
	buf = append(buf, domainTypeHash[:]...)
	buf = append(buf, n.name[:]...)
	buf = append(buf, n.version[:]...)
	buf = append(buf, common.LeftPadBytes(chainID.Bytes(), 32)...)
	buf = append(buf, common.LeftPadBytes(contract[:], 32)...)
	return crypto.Keccak256Hash(buf)
}

// Digest returns the digest signed for a struct hash in a domain.
func Digest(separator, structHash common.Hash) common.Hash {
	return crypto.Keccak256Hash([]byte{0x19, 0x01}, separator[:], structHash[:])
}

// Sign signs digest with key: 65 bytes [R || S || V], V in {27, 28}.
func Sign(digest common.Hash, key *ecdsa.PrivateKey) ([]byte, error) {
	sig, err := crypto.Sign(digest[:], key)
	if err != nil {
		return nil, err
	}
	sig[64] += 27
	return sig, nil
}

// Recover returns the signer of digest under the contracts' rules. Its errors
// say what is wrong with the signature; callers wrap them in their own
// sentinel error.
func Recover(digest common.Hash, sig []byte) (common.Address, error) {
	if len(sig) != 65 {
		return common.Address{}, fmt.Errorf("want 65 bytes, got %d", len(sig))
	}
	if new(big.Int).SetBytes(sig[32:64]).Cmp(secp256k1HalfN) > 0 {
		return common.Address{}, errors.New("high S value")
	}
	var cp [65]byte
	copy(cp[:], sig)
	if cp[64] >= 27 {
		cp[64] -= 27
	}
	if cp[64] > 1 {
		return common.Address{}, fmt.Errorf("invalid recovery id %d", sig[64])
	}
	// The recovered key comes from libsecp256k1 as 65 uncompressed bytes; the
	// address is the last 20 bytes of the Keccak-256 of its X || Y. (Going
	// through an ecdsa.PublicKey re-checks the point with big.Int arithmetic,
	// a sixth of a recovery's time.)
	pub, err := crypto.Ecrecover(digest[:], cp[:])
	if err != nil {
		return common.Address{}, err
	}
	if len(pub) != 65 || pub[0] != 4 {
		return common.Address{}, fmt.Errorf("recovered a malformed public key (%d bytes)", len(pub))
	}
	return common.BytesToAddress(crypto.Keccak256(pub[1:])[12:]), nil
}
