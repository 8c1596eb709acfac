package channelstate

import (
	"errors"

	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/watchtower-l2/watchtower/proofs/wire"
)

// JSON is the wire form of a signed state (the delegation API's body):
// hex and decimal strings, since JSON numbers cannot hold uint256 safely.
type JSON struct {
	ChannelID string `json:"channel_id"`
	Nonce     uint64 `json:"nonce"`
	BalanceA  string `json:"balance_a"`
	BalanceB  string `json:"balance_b"`
	SigA      string `json:"sig_a"`
	SigB      string `json:"sig_b"`
}

// ToJSON converts a signed state to its wire form.
func ToJSON(s Signed) JSON {
	return JSON{
		ChannelID: s.ChannelID.Hex(),
		Nonce:     s.Nonce,
		BalanceA:  s.BalanceA.String(),
		BalanceB:  s.BalanceB.String(),
		SigA:      hexutil.Encode(s.SigA),
		SigB:      hexutil.Encode(s.SigB),
	}
}

// Signed parses the wire form, naming the first bad field.
func (c JSON) Signed() (Signed, error) {
	var s Signed
	id, err := wire.ParseHash("channel_id", c.ChannelID)
	if err != nil {
		return s, err
	}
	if c.Nonce == 0 {
		return s, errors.New("nonce: required (states start at nonce 1)")
	}
	a, err := wire.ParseWei("balance_a", c.BalanceA)
	if err != nil {
		return s, err
	}
	b, err := wire.ParseWei("balance_b", c.BalanceB)
	if err != nil {
		return s, err
	}
	sigA, err := wire.ParseSig("sig_a", c.SigA)
	if err != nil {
		return s, err
	}
	sigB, err := wire.ParseSig("sig_b", c.SigB)
	if err != nil {
		return s, err
	}
	s.State = State{ChannelID: id, Nonce: c.Nonce, BalanceA: a, BalanceB: b}
	s.SigA, s.SigB = sigA, sigB
	return s, nil
}
