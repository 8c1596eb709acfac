package delegation_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/watchtower-l2/watchtower/proofs/channelstate"
	"github.com/watchtower-l2/watchtower/watcher/delegation"
	"github.com/watchtower-l2/watchtower/watcher/delegation/api"
	"github.com/watchtower-l2/watchtower/watcher/delegation/client"
)

// The kind-generic intake (/v1/kinds/{kind}/proofs) takes a kind's proofs
// with the same signatures, quotas, receipts and privacy as the first
// channel routes, and the Go client checks every receipt it gets.
func TestKindProofsIntake(t *testing.T) {
	f := newFixture(t, 6, delegation.Config{Slots: 1})
	ctx := context.Background()
	mine, theirs := f.chain.Open(20, 3), f.chain.Open(20, 2)
	u := f.user(mine.A)
	if _, err := u.Register(ctx); err != nil {
		t.Fatal(err)
	}
	raw := func(s channelstate.Signed) json.RawMessage {
		b, err := json.Marshal(channelstate.ToJSON(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	cd := channelstate.Domain{ChainID: f.chain.Net.ChainID, Contract: f.chain.Addr}
	sent := []channelstate.Signed{mine.Latest(), theirs.Latest()}
	expect := func(i int) (api.BatchItem, error) {
		s := sent[i]
		return api.BatchItem{Subject: s.ChannelID.Hex(), Nonce: s.Nonce, StateDigest: cd.Digest(s.State)}, nil
	}
	out, err := u.DelegateProofs(ctx, api.KindChannel, []json.RawMessage{raw(sent[0]), raw(sent[1]), json.RawMessage(`{"channel_id":"0x12"}`)}, expect)
	if err != nil {
		t.Fatal(err)
	}
	if out.Accepted != 1 || out.Results[0].Receipt == nil || out.Results[0].Subject != mine.ID.Hex() {
		t.Fatalf("accepted: %+v", out)
	}
	if r := out.Results[1]; r.Status != http.StatusForbidden || !strings.Contains(r.Error, "not a participant") {
		t.Fatalf("a state of another's channel: %+v", r)
	}
	if r := out.Results[2]; r.Status != http.StatusBadRequest || !strings.Contains(r.Error, "channel_id") {
		t.Fatalf("a malformed proof: %+v", r)
	}
	if err := out.Results[0].Receipt.Verify(f.server.Identity()); err != nil {
		t.Fatalf("receipt: %v", err)
	}
	// The slot is used: a second channel is over quota for the whole call.
	second := f.chain.OpenFrom(mine.A, 20, 2)
	if _, err := u.DelegateProofs(ctx, api.KindChannel, []json.RawMessage{raw(second.Latest())}, nil); !isStatus(err, http.StatusForbidden, "over quota") {
		t.Fatalf("over quota: %v", err)
	}

	// Reads: the nonce for anybody, the proof for a party, nothing for others.
	anon := client.New(f.srv.URL, nil)
	anon.Retries = 0
	h, err := anon.HeldProof(ctx, api.KindChannel, mine.ID.Hex())
	if err != nil || h.Nonce != 3 || h.Proof != nil || h.Parties != nil {
		t.Fatalf("unsigned read: %+v %v", h, err)
	}
	h, err = f.user(mine.B).HeldProof(ctx, api.KindChannel, mine.ID.Hex())
	if err != nil || len(h.Parties) != 2 || !strings.Contains(string(h.Proof), `"sig_a"`) {
		t.Fatalf("a party's read: %+v %v", h, err)
	}
	if _, err := f.user(theirs.A).HeldProof(ctx, api.KindChannel, mine.ID.Hex()); !isStatus(err, http.StatusForbidden, "not a party") {
		t.Fatalf("another's read: %v", err)
	}
	if _, err := anon.HeldProof(ctx, "raiden", mine.ID.Hex()); !isStatus(err, http.StatusNotFound, "takes no proofs of kind") {
		t.Fatalf("unknown kind: %v", err)
	}
	if _, err := anon.DelegateProofs(ctx, api.KindChannel, nil, nil); !isStatus(err, http.StatusBadRequest, "empty") {
		t.Fatalf("empty batch: %v", err)
	}

	// Revoking releases the slot and forgets the state nobody else holds.
	rv, err := u.RevokeProof(ctx, api.KindChannel, mine.ID.Hex())
	if err != nil || !rv.Pruned {
		t.Fatalf("revoke: %+v %v", rv, err)
	}
	if _, err := anon.HeldProof(ctx, api.KindChannel, mine.ID.Hex()); !isStatus(err, http.StatusNotFound, "holds no proof") {
		t.Fatalf("read after revoke: %v", err)
	}
	if _, err := u.RevokeProof(ctx, api.KindChannel, mine.ID.Hex()); !isStatus(err, http.StatusNotFound, "holds no delegation") {
		t.Fatalf("second revoke: %v", err)
	}
}

// isStatus reports whether err is the API's refusal with status and a message containing frag.
func isStatus(err error, status int, frag string) bool {
	var ae *api.APIError
	return errors.As(err, &ae) && ae.Status == status && strings.Contains(ae.Message, frag)
}
