package eip712

import (
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/math"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
)

// The separator is the one go-ethereum's own EIP-712 implementation computes.
func TestSeparatorMatchesGoEthereum(t *testing.T) {
	chainID := big.NewInt(1337)
	contract := common.HexToAddress("0x00000000000000000000000000000000000000aa")
	td := apitypes.TypedData{
		Types: apitypes.Types{"EIP712Domain": {
			{Name: "name", Type: "string"}, {Name: "version", Type: "string"},
			{Name: "chainId", Type: "uint256"}, {Name: "verifyingContract", Type: "address"},
		}},
		Domain: apitypes.TypedDataDomain{Name: "Test", Version: "2", ChainId: (*mathHexBig)(chainID), VerifyingContract: contract.Hex()},
	}
	want, err := td.HashStruct("EIP712Domain", td.Domain.Map())
	if err != nil {
		t.Fatal(err)
	}
	if got := NewName("Test", "2").Separator(chainID, contract); got != common.BytesToHash(want) {
		t.Fatalf("separator %s, go-ethereum says %x", got, want)
	}
}

func TestSignRecoverRules(t *testing.T) {
	key, _ := crypto.GenerateKey()
	digest := crypto.Keccak256Hash([]byte("message"))
	sig, err := Sign(digest, key)
	if err != nil {
		t.Fatal(err)
	}
	if sig[64] != 27 && sig[64] != 28 {
		t.Fatalf("v = %d, want 27 or 28", sig[64])
	}
	want := crypto.PubkeyToAddress(key.PublicKey)
	for _, v := range []byte{sig[64], sig[64] - 27} {
		s := append([]byte(nil), sig...)
		s[64] = v
		if got, err := Recover(digest, s); err != nil || got != want {
			t.Fatalf("v=%d: recovered %s, %v; want %s", v, got, err, want)
		}
	}
	highS := append([]byte(nil), sig...)
	n := crypto.S256().Params().N
	copy(highS[32:64], common.LeftPadBytes(new(big.Int).Sub(n, new(big.Int).SetBytes(sig[32:64])).Bytes(), 32))
	badV := append([]byte(nil), sig...)
	badV[64] = 29
	for name, tc := range map[string]struct {
		sig  []byte
		want string
	}{
		"short":  {sig[:64], "want 65 bytes, got 64"},
		"high S": {highS, "high S value"},
		"bad V":  {badV, "invalid recovery id 29"},
	} {
		if _, err := Recover(digest, tc.sig); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", name, err, tc.want)
		}
	}
}

type mathHexBig = math.HexOrDecimal256

// Recover gives the same address as go-ethereum's SigToPub and
// PubkeyToAddress, for many keys and messages.
func TestRecoverMatchesGoEthereum(t *testing.T) {
	for i := range 200 {
		key, _ := crypto.GenerateKey()
		digest := crypto.Keccak256Hash([]byte{byte(i), byte(i >> 8)})
		sig, err := Sign(digest, key)
		if err != nil {
			t.Fatal(err)
		}
		got, err := Recover(digest, sig)
		if err != nil || got != crypto.PubkeyToAddress(key.PublicKey) {
			t.Fatalf("key %d: recovered %s %v", i, got, err)
		}
		other := crypto.Keccak256Hash(digest[:])
		cp := append([]byte(nil), sig...)
		cp[64] -= 27
		pub, err := crypto.SigToPub(other[:], cp)
		wrong, rerr := Recover(other, sig)
		if (err == nil) != (rerr == nil) || (err == nil && wrong != crypto.PubkeyToAddress(*pub)) {
			t.Fatalf("key %d, another digest: Recover %s %v, SigToPub %v %v", i, wrong, rerr, pub, err)
		}
	}
}
