package plasmatx

import (
	"bytes"
	"errors"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

func TestPosLayout(t *testing.T) {
	p := NewPos(2000, 17, 1)
	if uint64(p) != 2000*1_000_000_000+17*10_000+1 || p.Block() != 2000 || p.TxIndex() != 17 || p.OIndex() != 1 {
		t.Fatalf("pos %d: %s", uint64(p), p)
	}
	if !p.Valid() || p.IsDeposit() || !NewPos(1001, 0, 0).IsDeposit() {
		t.Fatal("validity / deposit flags wrong")
	}
	if NewPos(1000, 0, 2).Valid() || NewPos(1000, MaxTxIndex, 0).Valid() || Pos(0).Valid() {
		t.Fatal("invalid positions accepted")
	}
}

func TestEncodeDecodeSign(t *testing.T) {
	key, _ := crypto.GenerateKey()
	owner := crypto.PubkeyToAddress(key.PublicKey)
	tx := Tx{Inputs: [2]Pos{NewPos(1, 0, 0), NewPos(1000, 3, 1)}, Outputs: [2]Output{{Owner: owner, Amount: big.NewInt(5)}, {Owner: common.Address{9}, Amount: big.NewInt(7)}}}
	b := tx.Encode()
	if len(b) != TxLen {
		t.Fatalf("%d bytes", len(b))
	}
	got, err := Decode(b)
	if err != nil || !bytes.Equal(got.Encode(), b) || got.OutputSum().Int64() != 12 {
		t.Fatalf("round trip: %+v %v", got, err)
	}
	sig, err := Sign(b, key)
	if err != nil {
		t.Fatal(err)
	}
	if a, err := Recover(b, sig); err != nil || a != owner {
		t.Fatalf("recovered %s, %v", a.Hex(), err)
	}
	if sig[64] != 27 && sig[64] != 28 {
		t.Fatalf("v = %d", sig[64])
	}
	b2 := append([]byte(nil), b...)
	b2[191] ^= 1
	if a, err := Recover(b2, sig); err == nil && a == owner {
		t.Fatal("signature valid for another transaction")
	}
	high := append([]byte(nil), sig...)
	new(big.Int).Sub(crypto.S256().Params().N, new(big.Int).SetBytes(sig[32:64])).FillBytes(high[32:64])
	high[64] ^= 1
	if _, err := Recover(b, high); !errors.Is(err, ErrBadSignature) {
		t.Fatalf("high-s signature: %v", err)
	}
	if _, err := Recover(b, sig[:64]); !errors.Is(err, ErrBadSignature) {
		t.Fatalf("short signature: %v", err)
	}
}

func TestDecodeRejects(t *testing.T) {
	good := Deposit(common.Address{1}, big.NewInt(1)).Encode()
	if _, err := Decode(good[:100]); !errors.Is(err, ErrLength) {
		t.Fatalf("short: %v", err)
	}
	dirty := append([]byte(nil), good...)
	dirty[64+5] = 1
	if _, err := Decode(dirty); !errors.Is(err, ErrNonCanonical) {
		t.Fatalf("dirty owner word: %v", err)
	}
	big := append([]byte(nil), good...)
	big[0] = 1
	if _, err := Decode(big); !errors.Is(err, ErrPosition) {
		t.Fatalf("input above uint64: %v", err)
	}
}

// FuzzDecode: whatever Decode accepts re-encodes to the same bytes, and
// Recover never panics on arbitrary signatures.
func FuzzDecode(f *testing.F) {
	f.Add(Deposit(common.Address{1}, big.NewInt(1)).Encode(), make([]byte, 65))
	f.Add(make([]byte, TxLen), []byte{1, 2, 3})
	f.Add([]byte{}, []byte{})
	f.Fuzz(func(t *testing.T, b, sig []byte) {
		tx, err := Decode(b)
		if err == nil {
			if !bytes.Equal(tx.Encode(), b) {
				t.Fatalf("re-encoding differs:\n%x\n%x", tx.Encode(), b)
			}
			if tx.Hash() != crypto.Keccak256Hash(b) {
				t.Fatal("hash differs")
			}
		} else if len(b) == TxLen && !errors.Is(err, ErrNonCanonical) && !errors.Is(err, ErrPosition) {
			t.Fatalf("unexpected error for a 192-byte input: %v", err)
		}
		_, _ = Recover(b, sig)
	})
}
