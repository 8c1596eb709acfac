package api

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// FuzzDecodeChannelState: any body is refused with a message or decodes to a
// state whose wire form round-trips.
func FuzzDecodeChannelState(f *testing.F) {
	f.Add([]byte(`{"channel_id":"0x0000000000000000000000000000000000000000000000000000000000000001","nonce":1,"balance_a":"1","balance_b":"2","sig_a":"0x` +
		string(bytes.Repeat([]byte("ab"), 65)) + `","sig_b":"0x` + string(bytes.Repeat([]byte("cd"), 65)) + `"}`))
	f.Add([]byte(`{"nonce":"1"}`))
	f.Add([]byte(`[1,2]`))
	f.Add([]byte(`{"channel_id":1}{}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var c ChannelState
		if err := Decode(b, &c); err != nil {
			de, ok := err.(*DecodeError)
			if !ok || (de.Status != 400 && de.Status != 413) || de.Msg == "" {
				t.Fatalf("bad decode error %#v", err)
			}
			return
		}
		s, err := c.Signed()
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error")
			}
			return
		}
		back, err := FromSigned(s).Signed()
		if err != nil || back.ChannelID != s.ChannelID || back.Nonce != s.Nonce || back.BalanceA.Cmp(s.BalanceA) != 0 ||
			back.BalanceB.Cmp(s.BalanceB) != 0 || !bytes.Equal(back.SigA, s.SigA) || !bytes.Equal(back.SigB, s.SigB) {
			t.Fatalf("round trip: %v", err)
		}
	})
}

// FuzzDecodeChannelStates: any batch body is refused with a message or
// decodes to states each of which parses or is refused with a message.
func FuzzDecodeChannelStates(f *testing.F) {
	one := `{"channel_id":"0x0000000000000000000000000000000000000000000000000000000000000001","nonce":1,"balance_a":"1","balance_b":"2","sig_a":"0x` +
		string(bytes.Repeat([]byte("ab"), 65)) + `","sig_b":"0x` + string(bytes.Repeat([]byte("cd"), 65)) + `"}`
	f.Add([]byte(`{"states":[` + one + `,` + one + `]}`))
	f.Add([]byte(`{"states":[]}`))
	f.Add([]byte(`{"states":[{"nonce":-1}]}`))
	f.Add([]byte(`{"states":{}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var c ChannelStates
		if err := DecodeMax(b, &c, MaxBatchBodyBytes); err != nil {
			de, ok := err.(*DecodeError)
			if !ok || (de.Status != 400 && de.Status != 413) || de.Msg == "" {
				t.Fatalf("bad decode error %#v", err)
			}
			return
		}
		for _, st := range c.States {
			s, err := st.Signed()
			if err != nil {
				if err.Error() == "" {
					t.Fatal("empty error")
				}
				continue
			}
			if back, err := FromSigned(s).Signed(); err != nil || back.Nonce != s.Nonce || back.ChannelID != s.ChannelID {
				t.Fatalf("round trip: %v", err)
			}
		}
	})
}

// FuzzReceiptVerify: a receipt verifies only when it is exactly what the tower signed.
func FuzzReceiptVerify(f *testing.F) {
	key, _ := crypto.HexToECDSA("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318")
	d := Domain{ChainID: 1337, Tower: crypto.PubkeyToAddress(key.PublicKey)}
	body := ReceiptBody{User: common.Address{7}, Kind: KindChannel, Subject: "0x01", Nonce: 5, StateDigest: common.Hash{9}, AcceptedBlock: 10, WatchUntil: 99}
	good, err := NewReceipt(d, body, func(h common.Hash) ([]byte, error) { return SignDigest(h, key) })
	if err != nil {
		f.Fatal(err)
	}
	gb, _ := json.Marshal(good)
	f.Add(gb)
	f.Add([]byte(`{"tower":"0x","signature":"0x00"}`))
	// A batch of three: each receipt verifies only as its own leaf.
	batch := []ReceiptBody{body, body, body}
	batch[1].Nonce, batch[2].Subject = 6, "0x02"
	rs, err := NewReceipts(d, batch, func(h common.Hash) ([]byte, error) { return SignDigest(h, key) })
	if err != nil {
		f.Fatal(err)
	}
	for _, r := range rs {
		b, _ := json.Marshal(r)
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var r Receipt
		if json.Unmarshal(b, &r) != nil {
			return
		}
		if r.Verify(d.Tower) != nil {
			return
		}
		_, rb, _, err := r.Body()
		want := body
		if r.Batch != nil {
			if r.Batch.Count != uint64(len(batch)) || r.Batch.Index >= r.Batch.Count {
				t.Fatalf("a receipt of a batch the tower never signed verified: %+v", r)
			}
			want = batch[r.Batch.Index]
		}
		if err != nil || rb != want || r.ChainID != d.ChainID {
			t.Fatalf("a receipt the tower never signed verified: %+v", r)
		}
	})
}

// FuzzRecover: arbitrary signatures never panic and never recover without error to the zero address.
func FuzzRecover(f *testing.F) {
	f.Add(make([]byte, 32), make([]byte, 65))
	f.Fuzz(func(t *testing.T, digest, sig []byte) {
		a, err := Recover(common.BytesToHash(digest), sig)
		if err == nil && a == (common.Address{}) {
			t.Fatal("recovered the zero address")
		}
	})
}
