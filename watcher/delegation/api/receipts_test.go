package api

import (
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/watchtower-l2/watchtower/proofs/channelstate"
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

// A batch answer carries one receipt for the accepted states; Expand rebuilds
// a receipt per state from the states the client sent, and refuses an answer
// that does not cover exactly those states.
func TestBatchAnswerExpand(t *testing.T) {
	key, _ := crypto.GenerateKey()
	d := Domain{ChainID: 5, Tower: crypto.PubkeyToAddress(key.PublicKey)}
	sign := func(h common.Hash) ([]byte, error) { return SignDigest(h, key) }
	cd := channelstate.Domain{ChainID: big.NewInt(5), Contract: common.Address{0xad}}
	user := common.Address{0x11}
	states := make([]channelstate.Signed, 4)
	for i := range states {
		states[i].State = channelstate.State{ChannelID: common.Hash{byte(i + 1)}, Nonce: uint64(10 + i), BalanceA: big.NewInt(1), BalanceB: big.NewInt(2)}
	}
	// States 0, 2 and 3 accepted; 1 refused.
	var bodies []ReceiptBody
	for _, i := range []int{0, 2, 3} {
		s := states[i]
		bodies = append(bodies, ReceiptBody{User: user, Kind: KindChannel, Subject: s.ChannelID.Hex(), Nonce: s.Nonce, StateDigest: cd.Digest(s.State), AcceptedBlock: 7, WatchUntil: 70})
	}
	br, err := NewBatchReceipt(d, bodies, sign)
	if err != nil {
		t.Fatal(err)
	}
	ans := BatchAnswer{Accepted: 3, Refused: 1, Receipt: br, Results: []BatchResult{
		{Status: 200, PreviousNonce: 9}, {Status: 409, Error: "states[1]: stale"}, {Status: 200}, {Status: 200, Challenging: true},
	}}
	out, err := ans.Expand(cd, states)
	if err != nil {
		t.Fatal(err)
	}
	var rs []Receipt
	for i, r := range out.Results {
		if (r.Accepted != nil) != (i != 1) {
			t.Fatalf("result %d: %+v", i, r)
		}
		if r.Accepted != nil {
			if r.ChannelID != states[i].ChannelID.Hex() || r.Nonce != states[i].Nonce || r.Receipt.Subject != r.ChannelID {
				t.Errorf("result %d: %+v", i, r.Accepted)
			}
			rs = append(rs, r.Receipt)
		}
	}
	if out.Results[0].PreviousNonce != 9 || !out.Results[3].Challenging || out.Results[1].Error == "" {
		t.Errorf("results lost fields: %+v", out.Results)
	}
	if err := VerifyReceipts(d.Tower, rs...); err != nil {
		t.Fatalf("expanded receipts: %v", err)
	}
	for _, r := range rs {
		if err := r.Verify(d.Tower); err != nil {
			t.Fatalf("receipt of %s alone: %v", r.Subject, err)
		}
	}

	// Answers that do not match what was sent.
	refusedAsAccepted := ans
	refusedAsAccepted.Results = append([]BatchResult(nil), ans.Results...)
	refusedAsAccepted.Results[1] = BatchResult{Status: 200}
	refusedAsAccepted.Accepted, refusedAsAccepted.Refused = 4, 0
	reordered := []channelstate.Signed{states[0], states[1], states[3], states[2]}
	other := *br
	other.AcceptedBlock++
	forgedBlock := ans
	forgedBlock.Receipt = &other
	for name, tc := range map[string]struct {
		ans    BatchAnswer
		states []channelstate.Signed
	}{
		"a refused state claimed accepted": {refusedAsAccepted, states},
		"states in another order":          {ans, reordered},
		"fewer states than results":        {ans, states[:3]},
		"counts that disagree":             {BatchAnswer{Accepted: 2, Refused: 2, Receipt: br, Results: ans.Results}, states},
		"accepted without a receipt":       {BatchAnswer{Accepted: 3, Refused: 1, Results: ans.Results}, states},
		"another accepted block":           {forgedBlock, states},
	} {
		if _, err := tc.ans.Expand(cd, tc.states); err == nil {
			t.Errorf("%s: expanded", name)
		}
	}
	// The same tree signed by another key expands but does not verify.
	other2 := *br
	otherKey, _ := crypto.GenerateKey()
	sig, _ := SignDigest(d.ReceiptBatchDigest(common.HexToHash(br.Root), br.Count), otherKey)
	other2.Signature = hexutil.Encode(sig)
	forgedSig := ans
	forgedSig.Receipt = &other2
	fs, err := forgedSig.Expand(cd, states)
	if err != nil {
		t.Fatal(err)
	}
	if err := VerifyReceipts(d.Tower, fs.Results[0].Receipt); err == nil {
		t.Error("a batch signed by another key verified")
	}
	// A batch of one is a plain receipt.
	one, err := NewBatchReceipt(d, bodies[:1], sign)
	if err != nil {
		t.Fatal(err)
	}
	single, err := BatchAnswer{Accepted: 1, Refused: 0, Receipt: one, Results: []BatchResult{{Status: 200}}}.Expand(cd, states[:1])
	if err != nil || single.Results[0].Receipt.Batch != nil || single.Results[0].Receipt.Verify(d.Tower) != nil {
		t.Fatalf("batch of one: %+v %v", single, err)
	}
	if _, err := NewBatchReceipt(d, []ReceiptBody{bodies[0], {User: common.Address{0x22}, Kind: KindChannel}}, sign); err == nil {
		t.Error("bodies of two users signed as one batch")
	}
}
