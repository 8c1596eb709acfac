package channel

import (
	"bytes"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/watchtower-l2/watchtower/proofs/channelstate"
)

func sampleHeld(a, b *big.Int, anon bool) Held {
	return Held{
		Signed: channelstate.Signed{State: channelstate.State{ChannelID: common.Hash{1}, Nonce: 7, BalanceA: a, BalanceB: b},
			SigA: bytes.Repeat([]byte{0xaa}, 65), SigB: bytes.Repeat([]byte{0xbb}, 65)},
		PartyA: common.Address{0xa}, PartyB: common.Address{0xb}, Anonymous: anon,
	}
}

func legacyEncode(h Held) []byte {
	b := make([]byte, 0, legacySize)
	b = append(b, common.LeftPadBytes(h.BalanceA.Bytes(), 32)...)
	b = append(b, common.LeftPadBytes(h.BalanceB.Bytes(), 32)...)
	b = append(b, h.SigA...)
	b = append(b, h.SigB...)
	b = append(b, h.PartyA[:]...)
	return append(b, h.PartyB[:]...)
}

func sameHeld(x, y Held) bool {
	return x.ChannelID == y.ChannelID && x.Nonce == y.Nonce && x.BalanceA.Cmp(y.BalanceA) == 0 && x.BalanceB.Cmp(y.BalanceB) == 0 &&
		bytes.Equal(x.SigA, y.SigA) && bytes.Equal(x.SigB, y.SigB) && x.PartyA == y.PartyA && x.PartyB == y.PartyB && x.Anonymous == y.Anonymous
}

func TestHeldEncoding(t *testing.T) {
	eth := big.NewInt(1e18)
	max := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))
	for _, h := range []Held{sampleHeld(eth, eth, false), sampleHeld(big.NewInt(0), max, true), sampleHeld(big.NewInt(0), big.NewInt(0), false)} {
		b := encodeHeld(h)
		back, err := decodeHeld(h.ChannelID, h.Nonce, b)
		// The parties are not stored: Latest recovers them from the signatures.
		h.PartyA, h.PartyB = common.Address{}, common.Address{}
		if err != nil || !sameHeld(h, back) {
			t.Fatalf("round trip of %d bytes: %v", len(b), err)
		}
	}
	if n := len(encodeHeld(sampleHeld(eth, eth, false))); n != 149 {
		t.Fatalf("1 ETH each: %d bytes, want 149", n)
	}
	// States stored with their parties (before they were dropped) still read.
	withParties := sampleHeld(eth, big.NewInt(3), true)
	b := append([]byte{formatCompact | flagAnonymous, 8}, eth.Bytes()...)
	b = append(b, 1, 3)
	b = append(append(append(append(b, withParties.SigA...), withParties.SigB...), withParties.PartyA[:]...), withParties.PartyB[:]...)
	if back, err := decodeHeld(withParties.ChannelID, withParties.Nonce, b); err != nil || !sameHeld(withParties, back) {
		t.Fatalf("compact with parties: %v", err)
	}
	// States stored by the first encoding still read.
	h := sampleHeld(eth, big.NewInt(5), false)
	back, err := decodeHeld(h.ChannelID, h.Nonce, legacyEncode(h))
	if err != nil || !sameHeld(h, back) {
		t.Fatalf("legacy: %v", err)
	}
}

// FuzzDecodeHeld: stored bytes never panic the decoder, and what decodes re-encodes to the same state (less the parties).
func FuzzDecodeHeld(f *testing.F) {
	f.Add(encodeHeld(sampleHeld(big.NewInt(1e18), big.NewInt(3), true)))
	f.Add(legacyEncode(sampleHeld(big.NewInt(1), big.NewInt(3), false)))
	f.Add([]byte{0x80, 40})
	f.Fuzz(func(t *testing.T, b []byte) {
		h, err := decodeHeld(common.Hash{1}, 1, b)
		if err != nil {
			return
		}
		back, err := decodeHeld(common.Hash{1}, 1, encodeHeld(h))
		h.PartyA, h.PartyB = common.Address{}, common.Address{} // not re-encoded
		if err != nil || !sameHeld(h, back) {
			t.Fatalf("re-encode: %v", err)
		}
	})
}
