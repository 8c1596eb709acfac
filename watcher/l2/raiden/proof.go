package raiden

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/watchtower-l2/watchtower/proofs/raidenbp"
	"github.com/watchtower-l2/watchtower/proofs/wire"
	"github.com/watchtower-l2/watchtower/watcher/l2"
)

// ProofJSON is a delegated balance proof as users send it: the closing
// participant's balance proof (the partner's transfers to the user), its
// signature by the closing participant, and the non-closing participant's
// (the user's) counter-signature that lets anyone submit it with
// updateNonClosingBalanceProof.
type ProofJSON struct {
	// ChannelID is the channel_identifier, a decimal string.
	ChannelID string `json:"channel_id"`
	// ClosingParticipant is the partner whose balance proof this is.
	ClosingParticipant string `json:"closing_participant"`
	// NonClosingParticipant is the user the tower defends.
	NonClosingParticipant string `json:"non_closing_participant"`
	// Nonce is the balance proof's nonce, a decimal string.
	Nonce string `json:"nonce"`
	// BalanceHash and AdditionalHash are 0x-prefixed 32-byte hex.
	BalanceHash    string `json:"balance_hash"`
	AdditionalHash string `json:"additional_hash"`
	// ClosingSignature is raidenbp.Sign by the closing participant;
	// NonClosingSignature is raidenbp.SignUpdate by the non-closing one.
	ClosingSignature    string `json:"closing_signature"`
	NonClosingSignature string `json:"non_closing_signature"`
}

// Proof is a parsed delegated balance proof.
type Proof struct {
	ChannelID      *big.Int
	Closing        common.Address
	NonClosing     common.Address
	Nonce          uint64
	BalanceHash    common.Hash
	AdditionalHash common.Hash
	ClosingSig     []byte
	NonClosingSig  []byte
}

// Subject names the proof: the channel and the direction it guards (see Subject).
func (p Proof) Subject() string { return Subject(p.ChannelID, p.Closing) }

// Subject is "<channel id>-<closing participant>": one channel has two
// directions (either partner may close), each with its own held proof.
func Subject(id *big.Int, closing common.Address) string {
	return id.String() + "-" + closing.Hex()
}

// ParseSubject splits a subject made by Subject.
func ParseSubject(s string) (*big.Int, common.Address, error) {
	idStr, addrStr, ok := strings.Cut(s, "-")
	if !ok {
		return nil, common.Address{}, l2.Refuse(fmt.Errorf("subject %q: want <channel id>-<closing participant>", wire.Truncate(s)), l2.ErrInvalidProof)
	}
	id, err := wire.ParseWei("channel id", idStr)
	if err == nil && id.Sign() == 0 {
		err = errors.New("channel id: must be at least 1")
	}
	if err != nil {
		return nil, common.Address{}, l2.Refuse(fmt.Errorf("subject: %w", err), l2.ErrInvalidProof)
	}
	addr, err := wire.ParseAddress("closing participant", addrStr)
	if err != nil {
		return nil, common.Address{}, l2.Refuse(fmt.Errorf("subject: %w", err), l2.ErrInvalidProof)
	}
	return id, addr, nil
}

// JSON returns the proof in its JSON form.
func (p Proof) JSON() ProofJSON {
	return ProofJSON{
		ChannelID:             p.ChannelID.String(),
		ClosingParticipant:    p.Closing.Hex(),
		NonClosingParticipant: p.NonClosing.Hex(),
		Nonce:                 fmt.Sprint(p.Nonce),
		BalanceHash:           p.BalanceHash.Hex(),
		AdditionalHash:        p.AdditionalHash.Hex(),
		ClosingSignature:      hexutil.Encode(p.ClosingSig),
		NonClosingSignature:   hexutil.Encode(p.NonClosingSig),
	}
}

// BalanceProof is the signed balance proof in the given token network and chain.
func (p Proof) BalanceProof(tokenNetwork common.Address, chainID *big.Int) raidenbp.BalanceProof {
	return raidenbp.BalanceProof{
		TokenNetwork:   tokenNetwork,
		ChainID:        chainID,
		ChannelID:      p.ChannelID,
		Nonce:          new(big.Int).SetUint64(p.Nonce),
		BalanceHash:    p.BalanceHash,
		AdditionalHash: p.AdditionalHash,
	}
}

// ParseProofJSON reads a proof in its JSON form; unknown fields are refused.
// Its errors are meant for the user.
func ParseProofJSON(raw []byte) (Proof, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	var j ProofJSON
	if err := dec.Decode(&j); err != nil {
		return Proof{}, fmt.Errorf("want a Raiden balance proof {channel_id, closing_participant, non_closing_participant, "+
			"nonce, balance_hash, additional_hash, closing_signature, non_closing_signature}: %v", err)
	}
	if dec.More() {
		return Proof{}, errors.New("want one balance proof object, got more after it")
	}
	return j.Proof()
}

// Proof checks and converts the JSON form.
func (j ProofJSON) Proof() (Proof, error) {
	var p Proof
	var err error
	if p.ChannelID, err = wire.ParseWei("channel_id", j.ChannelID); err != nil {
		return Proof{}, err
	}
	if p.ChannelID.Sign() == 0 {
		return Proof{}, errors.New("channel_id: must be at least 1")
	}
	if p.Closing, err = wire.ParseAddress("closing_participant", j.ClosingParticipant); err != nil {
		return Proof{}, err
	}
	if p.NonClosing, err = wire.ParseAddress("non_closing_participant", j.NonClosingParticipant); err != nil {
		return Proof{}, err
	}
	switch {
	case p.Closing == (common.Address{}) || p.NonClosing == (common.Address{}):
		return Proof{}, errors.New("closing_participant, non_closing_participant: the zero address is no participant")
	case p.Closing == p.NonClosing:
		return Proof{}, errors.New("closing_participant, non_closing_participant: must differ")
	}
	nonce, err := wire.ParseWei("nonce", j.Nonce)
	if err != nil {
		return Proof{}, err
	}
	if nonce.Sign() == 0 || !nonce.IsUint64() {
		return Proof{}, fmt.Errorf("nonce: want 1 to 2^64-1, got %s", nonce)
	}
	p.Nonce = nonce.Uint64()
	if p.BalanceHash, err = wire.ParseHash("balance_hash", j.BalanceHash); err != nil {
		return Proof{}, err
	}
	if p.BalanceHash == (common.Hash{}) {
		return Proof{}, errors.New("balance_hash: zero means no balance proof; the contract refuses it")
	}
	if p.AdditionalHash, err = wire.ParseHash("additional_hash", j.AdditionalHash); err != nil {
		return Proof{}, err
	}
	if p.ClosingSig, err = wire.ParseSig("closing_signature", j.ClosingSignature); err != nil {
		return Proof{}, err
	}
	if p.NonClosingSig, err = wire.ParseSig("non_closing_signature", j.NonClosingSignature); err != nil {
		return Proof{}, err
	}
	return p, nil
}

// errBadSignature marks a proof whose signatures do not recover to its participants.
var errBadSignature = errors.New("signature does not match the participant")

// verify checks both signatures as updateNonClosingBalanceProof will, and
// returns the digest the closing participant signed.
func (p Proof) verify(tokenNetwork common.Address, chainID *big.Int) (common.Hash, error) {
	bp := p.BalanceProof(tokenNetwork, chainID)
	d, err := bp.Digest()
	if err != nil {
		return common.Hash{}, err
	}
	closing, err := raidenbp.Signer(bp, p.ClosingSig)
	if err != nil {
		return common.Hash{}, fmt.Errorf("closing_signature: %w", err)
	}
	if closing != p.Closing {
		return common.Hash{}, fmt.Errorf("%w: closing_signature is by %s, not the closing participant %s (or the proof is not of token network %s on chain %s)",
			errBadSignature, closing.Hex(), p.Closing.Hex(), tokenNetwork.Hex(), chainID)
	}
	nonClosing, err := raidenbp.UpdateSigner(bp, p.ClosingSig, p.NonClosingSig)
	if err != nil {
		return common.Hash{}, fmt.Errorf("non_closing_signature: %w", err)
	}
	if nonClosing != p.NonClosing {
		return common.Hash{}, fmt.Errorf("%w: non_closing_signature is by %s, not the non-closing participant %s",
			errBadSignature, nonClosing.Hex(), p.NonClosing.Hex())
	}
	return d, nil
}
