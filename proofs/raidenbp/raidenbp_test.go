package raidenbp

import (
	"bytes"
	"crypto/ecdsa"
	"errors"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

func testKey(t testing.TB, name string) (*ecdsa.PrivateKey, common.Address) {
	t.Helper()
	k, err := crypto.ToECDSA(crypto.Keccak256([]byte("raidenbp test: " + name)))
	if err != nil {
		t.Fatalf("key %s: %v", name, err)
	}
	return k, crypto.PubkeyToAddress(k.PublicKey)
}

func testBP() BalanceProof {
	return BalanceProof{
		TokenNetwork:   common.HexToAddress("0x5fbdb2315678afecb367f032d93f642f64180aa3"),
		ChainID:        big.NewInt(1337),
		ChannelID:      big.NewInt(7),
		Nonce:          big.NewInt(5),
		BalanceHash:    BalanceHash(big.NewInt(30), big.NewInt(2), common.HexToHash("0x01")),
		AdditionalHash: crypto.Keccak256Hash([]byte("message")),
	}
}

func TestBalanceHashMatchesPackedEncoding(t *testing.T) {
	root := common.HexToHash("0xabcdef")
	want := crypto.Keccak256Hash(
		common.LeftPadBytes(big.NewInt(30).Bytes(), 32),
		common.LeftPadBytes(big.NewInt(2).Bytes(), 32),
		root[:],
	)
	if got := BalanceHash(big.NewInt(30), big.NewInt(2), root); got != want {
		t.Fatalf("BalanceHash = %x, want %x", got, want)
	}
	if BalanceHash(nil, nil, [32]byte{}) != BalanceHash(big.NewInt(0), new(big.Int), [32]byte{}) {
		t.Fatal("nil amounts must hash as zero")
	}
}

func TestMessageLayout(t *testing.T) {
	bp := testBP()
	msg, err := bp.Message(MessageTypeBalanceProofUpdate)
	if err != nil {
		t.Fatal(err)
	}
	if len(msg) != MessageLen || MessageLen != 212 {
		t.Fatalf("message length %d (MessageLen %d), want 212", len(msg), MessageLen)
	}
	if !bytes.Equal(msg[:20], bp.TokenNetwork[:]) || msg[20+31] != 0x39 || msg[20+30] != 0x05 {
		t.Fatalf("address or chain id misplaced: %x", msg[:52])
	}
	if msg[52+31] != byte(MessageTypeBalanceProofUpdate) || msg[84+31] != 7 {
		t.Fatalf("type or channel id misplaced: %x", msg[52:116])
	}
	if !bytes.Equal(msg[116:148], bp.BalanceHash[:]) || msg[148+31] != 5 || !bytes.Equal(msg[180:], bp.AdditionalHash[:]) {
		t.Fatal("balance hash, nonce or additional hash misplaced")
	}
}

func TestSignAndRecover(t *testing.T) {
	alice, aliceAddr := testKey(t, "alice")
	bob, bobAddr := testKey(t, "bob")
	bp := testBP()

	sig, err := Sign(bob, bp)
	if err != nil {
		t.Fatal(err)
	}
	if len(sig) != SignatureLen || (sig[64] != 27 && sig[64] != 28) {
		t.Fatalf("signature %x: want 65 bytes with v 27/28", sig)
	}
	if got, err := Signer(bp, sig); err != nil || got != bobAddr {
		t.Fatalf("Signer = %s, %v; want %s", got, err, bobAddr)
	}
	// ECVerify adds 27 to v < 27: the 0/1 form recovers the same signer.
	low := bytes.Clone(sig)
	low[64] -= 27
	if got, err := Signer(bp, low); err != nil || got != bobAddr {
		t.Fatalf("Signer with v-27 = %s, %v", got, err)
	}

	upd, err := SignUpdate(alice, bp, sig)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := UpdateSigner(bp, sig, upd); err != nil || got != aliceAddr {
		t.Fatalf("UpdateSigner = %s, %v; want %s", got, err, aliceAddr)
	}
	// The message type separates a close counter-signature from an update one.
	if got, err := CloseSigner(bp, sig, upd); err == nil && got == aliceAddr {
		t.Fatal("an update counter-signature must not verify as a close signature")
	}
	cls, err := SignClose(alice, bp, sig)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := CloseSigner(bp, sig, cls); err != nil || got != aliceAddr {
		t.Fatalf("CloseSigner = %s, %v; want %s", got, err, aliceAddr)
	}

	// Any change to the signed data changes the signer.
	for name, mut := range map[string]func(*BalanceProof){
		"token network": func(b *BalanceProof) { b.TokenNetwork[0] ^= 1 },
		"chain id":      func(b *BalanceProof) { b.ChainID = big.NewInt(1) },
		"channel id":    func(b *BalanceProof) { b.ChannelID = big.NewInt(8) },
		"nonce":         func(b *BalanceProof) { b.Nonce = big.NewInt(6) },
		"balance hash":  func(b *BalanceProof) { b.BalanceHash[31] ^= 1 },
		"additional":    func(b *BalanceProof) { b.AdditionalHash[0] ^= 1 },
	} {
		m := testBP()
		mut(&m)
		if got, err := Signer(m, sig); err == nil && got == bobAddr {
			t.Errorf("%s changed but the signature still recovers to bob", name)
		}
	}
}

func TestRejects(t *testing.T) {
	bob, _ := testKey(t, "bob")
	bp := testBP()
	sig, err := Sign(bob, bp)
	if err != nil {
		t.Fatal(err)
	}
	badV := bytes.Clone(sig)
	badV[64] = 29
	for name, s := range map[string][]byte{"short": sig[:64], "long": append(bytes.Clone(sig), 0), "v=29": badV, "zero": make([]byte, 65)} {
		if _, err := Signer(bp, s); !errors.Is(err, ErrInvalidSignature) {
			t.Errorf("%s: err = %v, want ErrInvalidSignature", name, err)
		}
	}
	for name, m := range map[string]BalanceProof{
		"nil nonce":      {ChainID: big.NewInt(1), ChannelID: big.NewInt(1)},
		"negative chain": {ChainID: big.NewInt(-1), ChannelID: big.NewInt(1), Nonce: big.NewInt(1)},
		"wide channel":   {ChainID: big.NewInt(1), ChannelID: new(big.Int).Lsh(big.NewInt(1), 256), Nonce: big.NewInt(1)},
	} {
		if _, err := Sign(bob, m); !errors.Is(err, ErrInvalidField) {
			t.Errorf("Sign %s: err = %v, want ErrInvalidField", name, err)
		}
		if _, err := Signer(m, sig); !errors.Is(err, ErrInvalidField) {
			t.Errorf("Signer %s: err = %v, want ErrInvalidField", name, err)
		}
	}
	if _, err := Sign(nil, bp); err == nil {
		t.Error("Sign with a nil key must fail")
	}
}

func FuzzSigner(f *testing.F) {
	bob, _ := testKey(f, "bob")
	bp := testBP()
	sig, err := Sign(bob, bp)
	if err != nil {
		f.Fatal(err)
	}
	f.Add([]byte{}, []byte{}, []byte{}, uint8(1), bp.Nonce.Bytes(), sig)
	f.Add(bp.TokenNetwork[:], bp.ChainID.Bytes(), bp.ChannelID.Bytes(), uint8(2), []byte{0xff}, make([]byte, 65))
	f.Fuzz(func(t *testing.T, tn, chain, channel []byte, typ uint8, nonce, s []byte) {
		m := BalanceProof{
			TokenNetwork: common.BytesToAddress(tn),
			ChainID:      new(big.Int).SetBytes(chain),
			ChannelID:    new(big.Int).SetBytes(channel),
			Nonce:        new(big.Int).SetBytes(nonce),
		}
		copy(m.BalanceHash[:], s)
		a, err := Signer(m, s)
		if err == nil && a == (common.Address{}) {
			t.Fatal("no error but zero address")
		}
		_, _ = UpdateSigner(m, s, s)
		_, _ = CloseSigner(m, s, s)
		_, _ = m.CounterDigest(MessageTypeID(typ), s)
	})
}
