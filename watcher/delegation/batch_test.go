package delegation_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/watchtower-l2/watchtower/internal/testutil/chantest"
	"github.com/watchtower-l2/watchtower/proofs/channelstate"
	"github.com/watchtower-l2/watchtower/watcher/delegation"
	"github.com/watchtower-l2/watchtower/watcher/delegation/api"
)

// One call delegates many channels: each state is answered on its own, the
// accepted ones share one signature over the Merkle root of their receipts,
// and each receipt verifies on its own.
func TestBatchDelegation(t *testing.T) {
	f := newFixture(t, 8, delegation.Config{})
	ctx := context.Background()
	chans := make([]*chantest.Channel, 4)
	for i := range chans {
		chans[i] = f.chain.Open(20, 3)
	}
	if _, err := f.client.DelegateState(ctx, chans[1].Latest()); err != nil {
		t.Fatal(err)
	}
	forged := chans[2].Latest()
	forged.SigA, forged.SigB = forged.SigB, forged.SigA
	states := []channelstate.Signed{chans[0].Latest(), chans[1].States[0], forged, chans[3].Latest()}
	out, err := f.client.DelegateStates(ctx, states)
	if err != nil {
		t.Fatal(err)
	}
	wantStatus := []int{200, 409, 400, 200}
	for i, r := range out.Results {
		if r.Status != wantStatus[i] || (r.Status != 200) != (r.Error != "") {
			t.Errorf("result %d: %+v, want status %d", i, r, wantStatus[i])
		}
	}
	if out.Accepted != 2 || out.Refused != 2 {
		t.Fatalf("accepted %d refused %d, want 2 and 2", out.Accepted, out.Refused)
	}
	if !strings.Contains(out.Results[1].Error, "states[1]") || !strings.Contains(out.Results[1].Error, "holds nonce 3") {
		t.Errorf("stale state error %q does not name the state and the held nonce", out.Results[1].Error)
	}
	r0, r3 := out.Results[0].Receipt, out.Results[3].Receipt
	if r0.Batch == nil || r3.Batch == nil || r0.Signature != r3.Signature || r0.Batch.Root != r3.Batch.Root || r0.Batch.Count != 2 {
		t.Fatalf("receipts do not share one batch signature: %+v %+v", r0, r3)
	}
	for _, r := range []api.Receipt{r0, r3} {
		if err := r.Verify(f.server.Identity()); err != nil {
			t.Fatalf("receipt of %s: %v", r.Subject, err)
		}
	}
	// A receipt altered after signing, or moved to another leaf, fails.
	bad := r0
	bad.Nonce++
	if err := bad.Verify(f.server.Identity()); err == nil {
		t.Fatal("a receipt with a changed nonce verifies")
	}
	moved := r3
	b := *moved.Batch
	b.Index = 0
	moved.Batch = &b
	if err := moved.Verify(f.server.Identity()); err == nil {
		t.Fatal("a receipt claiming another leaf verifies")
	}
	for _, c := range []struct {
		ch    *chantest.Channel
		nonce uint64
	}{{chans[0], 3}, {chans[1], 3}, {chans[2], 0}, {chans[3], 3}} {
		if n := f.heldNonce(t, c.ch.ID); n != c.nonce {
			t.Errorf("held nonce of channel %s: %d, want %d", c.ch.ID.Hex(), n, c.nonce)
		}
	}
}

// A signed batch counts against the signer's slots and refuses, per state,
// channels the signer is not a party of.
func TestSignedBatchDelegation(t *testing.T) {
	f := newFixture(t, 4, delegation.Config{})
	ctx := context.Background()
	mine, theirs := f.chain.Open(20, 2), f.chain.Open(20, 2)
	u := f.user(mine.A)
	if _, err := u.Register(ctx); err != nil {
		t.Fatal(err)
	}
	out, err := u.DelegateStates(ctx, []channelstate.Signed{mine.Latest(), theirs.Latest()})
	if err != nil {
		t.Fatal(err)
	}
	if out.Results[0].Status != 200 || out.Results[1].Status != 403 || !strings.Contains(out.Results[1].Error, "not a participant") {
		t.Fatalf("results %+v", out.Results)
	}
	if rc := out.Results[0].Receipt; rc.Batch != nil || !strings.EqualFold(rc.User, addr(mine.A).Hex()) {
		t.Fatalf("a batch with one accepted state gets a plain receipt for its signer, got %+v", rc)
	}
	items, err := u.Items(ctx)
	if err != nil || len(items) != 1 || items[0].Subject != mine.ID.Hex() || items[0].Nonce != 2 {
		t.Fatalf("items %+v %v", items, err)
	}
	if n := f.heldNonce(t, theirs.ID); n != 0 {
		t.Fatalf("a non-participant's state was stored (nonce %d)", n)
	}
}

// A bad batch is refused as a whole with a 4xx that says why, and nothing
// stored changes.
func TestBadBatchRequests(t *testing.T) {
	f := newFixture(t, 2, delegation.Config{})
	ch := f.chain.Open(20, 2)
	good := mustJSON(delegation.FromSigned(ch.Latest()))
	many := make([]string, api.MaxBatch+1)
	for i := range many {
		many[i] = good
	}
	huge := `{"states":[` + strings.Repeat(good+",", api.MaxBatchBodyBytes/len(good)) + good + `]}`
	before := f.snapshot(t)
	for _, tc := range []struct {
		name, body string
		hdr        http.Header
		status     int
		want       string
	}{
		{"empty body", "", nil, 400, "empty"},
		{"not an object", `[1]`, nil, 400, "want a JSON object"},
		{"unknown field", `{"states":[],"extra":1}`, nil, 400, `unknown field "extra"`},
		{"no states", `{"states":[]}`, nil, 400, `"states" is empty`},
		{"too many states", `{"states":[` + strings.Join(many, ",") + `]}`, nil, 413, "at most 256"},
		{"body too large", huge, nil, 413, "larger than"},
		{"wrong type", `{"states":[{"channel_id":1}]}`, nil, 400, `field "states.channel_id"`},
		{"bad signature header", `{"states":[` + good + `]}`, http.Header{api.HeaderUser: {addr(ch.A).Hex()}, api.HeaderNonce: {"1"}, api.HeaderSignature: {"0x00"}}, 401, "65-byte signature"},
		{"signed by another key", `{"states":[` + good + `]}`, withUser(f.auth(ch.B, http.MethodPost, "/v1/channels/states", `{"states":[`+good+`]}`, 5), addr(ch.A).Hex()), 401, "wrong signature"},
		{"unregistered signer", `{"states":[` + good + `]}`, f.auth(ch.A, http.MethodPost, "/v1/channels/states", `{"states":[`+good+`]}`, 5), 403, "not registered"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			status, body := f.raw(t, http.MethodPost, "/v1/channels/states", tc.body, tc.hdr)
			if status != tc.status || !strings.Contains(errorOf(t, body), tc.want) {
				t.Fatalf("got %d %s, want %d containing %q", status, body, tc.status, tc.want)
			}
			if after := f.snapshot(t); after != before {
				t.Fatalf("the store changed:\n%s\nvs\n%s", before, after)
			}
		})
	}
	// A state that does not parse is refused on its own.
	status, body := f.raw(t, http.MethodPost, "/v1/channels/states", `{"states":[{"channel_id":"0x12"},`+good+`]}`, nil)
	var out api.BatchAnswer
	if err := json.Unmarshal([]byte(body), &out); status != 200 || err != nil {
		t.Fatalf("%d %s", status, body)
	}
	if out.Results[0].Status != 400 || !strings.Contains(out.Results[0].Error, "states[0]: channel_id") || out.Results[1].Status != 200 {
		t.Fatalf("results %+v", out.Results)
	}
	// The answer does not repeat the states: one receipt, short results.
	if out.Receipt == nil || out.Receipt.Count != 1 || out.Receipt.Signature == "" || out.Accepted != 1 || out.Refused != 1 {
		t.Fatalf("answer %s", body)
	}
	var raw struct{ Results []map[string]any }
	if err := json.Unmarshal([]byte(body), &raw); err != nil {
		t.Fatal(err)
	}
	for k := range raw.Results[1] {
		if k != "status" && k != "previous_nonce" && k != "challenging" {
			t.Errorf("an accepted result repeats %q: %s", k, body)
		}
	}
	if n := f.heldNonce(t, ch.ID); n != 2 {
		t.Fatalf("held nonce %d, want 2", n)
	}
}

func withUser(h http.Header, user string) http.Header {
	h.Set(api.HeaderUser, user)
	return h
}
