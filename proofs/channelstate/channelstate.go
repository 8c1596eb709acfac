// Package channelstate defines a payment channel's off-chain state and its
// EIP-712 encoding, exactly as ChannelAdjudicator.sol hashes and verifies it.
//
// A state co-signed by both parties is the proof the tower submits when it
// challenges a stale close: the contract re-derives the digest and recovers
// both signers, so the tower never has to be trusted.
package channelstate

import (
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/watchtower-l2/watchtower/proofs/eip712"
)

// Domain name and version of the adjudicator's EIP-712 domain.
const (
	DomainName    = "WatchtowerChannel"
	DomainVersion = "1"
)

var (
	stateTypeHash = crypto.Keccak256Hash([]byte("State(bytes32 channelId,uint64 nonce,uint256 balanceA,uint256 balanceB)"))
	domainName    = eip712.NewName(DomainName, DomainVersion)
)

// ErrBadSignature is returned when a signature does not recover to the expected party.
var ErrBadSignature = errors.New("bad signature")

// State is one off-chain state of a channel.
type State struct {
	ChannelID common.Hash `json:"channel_id"`
	Nonce     uint64      `json:"nonce"`
	BalanceA  *big.Int    `json:"balance_a"`
	BalanceB  *big.Int    `json:"balance_b"`
}

// Domain identifies the adjudicator a signature is bound to.
type Domain struct {
	ChainID  *big.Int
	Contract common.Address

	sep *common.Hash // precomputed by NewDomain
}

// NewDomain returns the domain with its separator computed once (a Domain
// literal computes it on every digest).
func NewDomain(chainID *big.Int, contract common.Address) Domain {
	d := Domain{ChainID: chainID, Contract: contract}
	sep := d.Separator()
	d.sep = &sep
	return d
}

// Separator returns the EIP-712 domain separator.
func (d Domain) Separator() common.Hash {
	if d.sep != nil {
		return *d.sep
	}
	return domainName.Separator(d.ChainID, d.Contract)
}

// Validate checks the fields every state must have.
func (s State) Validate() error {
	if s.ChannelID == (common.Hash{}) {
		return errors.New("channel_id is missing")
	}
	return s.checkBalances()
}

// checkBalances checks that both balances are representable as uint256. Only such
// states have a well-defined digest: StructHash encodes |x| of a negative balance
// and does not truncate one wider than 32 bytes.
func (s State) checkBalances() error {
	if s.BalanceA == nil || s.BalanceB == nil {
		return errors.New("balance_a and balance_b are required")
	}
	if s.BalanceA.Sign() < 0 || s.BalanceB.Sign() < 0 {
		return errors.New("balances must not be negative")
	}
	if s.BalanceA.BitLen() > 256 || s.BalanceB.BitLen() > 256 {
		return errors.New("balances must fit in uint256")
	}
	return nil
}

// StructHash returns hashStruct(State).
func (s State) StructHash() common.Hash {
	buf := make([]byte, 0, 5*32)
	buf = append(buf, stateTypeHash[:]...)
	buf = append(buf, s.ChannelID[:]...)
	buf = append(buf, common.LeftPadBytes(new(big.Int).SetUint64(s.Nonce).Bytes(), 32)...)
	buf = append(buf, common.LeftPadBytes(s.BalanceA.Bytes(), 32)...)
	buf = append(buf, common.LeftPadBytes(s.BalanceB.Bytes(), 32)...)
	return crypto.Keccak256Hash(buf)
}

// Digest returns the EIP-712 digest both parties sign.
func (d Domain) Digest(s State) common.Hash {
	return eip712.Digest(d.Separator(), s.StructHash())
}

// Sign signs the state's digest with key, returning a 65-byte [R || S || V] signature with V in {27, 28}.
func (d Domain) Sign(s State, key *ecdsa.PrivateKey) ([]byte, error) {
	sig, err := eip712.Sign(d.Digest(s), key)
	if err != nil {
		return nil, fmt.Errorf("sign state: %w", err)
	}
	return sig, nil
}

// Recover returns the address that signed the state, applying the same rules as the
// contract (65 bytes, V in {0,1,27,28}, low S).
func (d Domain) Recover(s State, sig []byte) (common.Address, error) {
	// A state the contract cannot represent has no valid signature; without this
	// check a nil balance panics and a negative one verifies with the signature of
	// its absolute value.
	if err := s.checkBalances(); err != nil {
		return common.Address{}, fmt.Errorf("%w: invalid state: %v", ErrBadSignature, err)
	}
	addr, err := eip712.Recover(d.Digest(s), sig)
	if err != nil {
		return common.Address{}, fmt.Errorf("%w: %v", ErrBadSignature, err)
	}
	return addr, nil
}

// Verify checks that sig is partyAddr's signature on the state.
func (d Domain) Verify(s State, sig []byte, party common.Address) error {
	got, err := d.Recover(s, sig)
	if err != nil {
		return err
	}
	if got != party {
		return fmt.Errorf("%w: signed by %s, expected %s", ErrBadSignature, got, party)
	}
	return nil
}

// Signed is a state with both parties' signatures: the proof a challenge carries.
type Signed struct {
	State
	SigA []byte `json:"sig_a"`
	SigB []byte `json:"sig_b"`
}

// VerifyBoth checks both signatures against the channel's parties.
func (d Domain) VerifyBoth(s Signed, partyA, partyB common.Address) error {
	_, err := d.VerifyBothDigest(s, partyA, partyB)
	return err
}

// VerifyBothDigest is VerifyBoth that also returns the state's digest (what
// both parties signed), computed once for both checks.
func (d Domain) VerifyBothDigest(s Signed, partyA, partyB common.Address) (common.Hash, error) {
	if err := s.checkBalances(); err != nil {
		return common.Hash{}, fmt.Errorf("party A: %w: invalid state: %v", ErrBadSignature, err)
	}
	digest := d.Digest(s.State)
	for _, p := range []struct {
		name  string
		sig   []byte
		party common.Address
	}{{"party A", s.SigA, partyA}, {"party B", s.SigB, partyB}} {
		got, err := eip712.Recover(digest, p.sig)
		if err != nil {
			return common.Hash{}, fmt.Errorf("%s: %w: %v", p.name, ErrBadSignature, err)
		}
		if got != p.party {
			return common.Hash{}, fmt.Errorf("%s: %w: signed by %s, expected %s", p.name, ErrBadSignature, got, p.party)
		}
	}
	return digest, nil
}
