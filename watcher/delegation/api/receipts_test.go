package api

import (
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// VerifyReceipts recovers a batch's signature once, yet checks every
// receipt's own leaf: a receipt altered after the first one still fails.
func TestVerifyReceiptsChecksEachLeaf(t *testing.T) {
	key, _ := crypto.GenerateKey()
	d := Domain{ChainID: 5, Tower: crypto.PubkeyToAddress(key.PublicKey)}
	sign := func(h common.Hash) ([]byte, error) { return SignDigest(h, key) }
	bodies := make([]ReceiptBody, 5)
	for i := range bodies {
		bodies[i] = ReceiptBody{Kind: KindChannel, Subject: common.Hash{byte(i)}.Hex(), Nonce: uint64(i + 1), AcceptedBlock: 9, WatchUntil: 99}
	}
	rs, err := NewReceipts(d, bodies, sign)
	if err != nil {
		t.Fatal(err)
	}
	if err := VerifyReceipts(d.Tower, rs...); err != nil {
		t.Fatal(err)
	}
	if len(rs[0].Batch.Proof) != 2+2*32*3 { // 5 leaves: depth 3
		t.Fatalf("proof of %d hex chars, want 3 hashes", len(rs[0].Batch.Proof))
	}
	bad := append([]Receipt(nil), rs...)
	bad[3].Nonce = 77
	if err := VerifyReceipts(d.Tower, bad...); err == nil || !strings.Contains(err.Error(), "receipt 3") {
		t.Fatalf("altered receipt 3: %v", err)
	}
	other := append([]Receipt(nil), rs...)
	other[2].ChainID = 6
	if err := VerifyReceipts(d.Tower, other...); err == nil {
		t.Fatal("a receipt moved to another chain verified")
	}
	if err := VerifyReceipts(common.Address{1}, rs...); err == nil {
		t.Fatal("verified against another tower")
	}
	single, err := NewReceipts(d, bodies[:1], sign)
	if err != nil || single[0].Batch != nil || single[0].Verify(d.Tower) != nil {
		t.Fatalf("a batch of one gets a plain receipt: %+v %v", single, err)
	}
}
