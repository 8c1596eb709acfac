package delegation_test

import (
	"context"
	"encoding/json"
	"errors"
	"math/big"
	"net/http"
	"strings"
	"testing"

	"github.com/watchtower-l2/watchtower/watcher/l2"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/watchtower-l2/watchtower/watcher/challenge"
	"github.com/watchtower-l2/watchtower/watcher/delegation"
	"github.com/watchtower-l2/watchtower/watcher/delegation/api"
	"github.com/watchtower-l2/watchtower/watcher/l2/channel"
)

// An unauthenticated delegation (the first form of the API) is still accepted:
// the co-signatures prove the sender's entitlement. It gets a signed receipt.
func TestDelegateAnonymouslyAndRead(t *testing.T) {
	f := newFixture(t, 4, delegation.Config{AnonymousBlocks: 1000})
	ch := f.chain.Open(20, 4)
	ctx := context.Background()
	r, err := f.client.DelegateState(ctx, ch.States[2])
	if err != nil {
		t.Fatal(err)
	}
	if r.Nonce != 3 || r.PreviousNonce != 0 || r.ChannelID != ch.ID.Hex() || r.PartyA != addr(ch.A).Hex() {
		t.Fatalf("answer %+v", r)
	}
	if err := r.Receipt.Verify(f.domain.Tower); err != nil {
		t.Fatal(err)
	}
	if r.Receipt.User != (common.Address{}).Hex() || r.Receipt.WatchUntil != r.Receipt.AcceptedBlock+1000 ||
		r.Receipt.StateDigest != f.chain.Domain.Digest(ch.States[2].State).Hex() {
		t.Fatalf("receipt %+v", r.Receipt)
	}
	r, err = f.client.DelegateState(ctx, ch.Latest())
	if err != nil || r.Nonce != 4 || r.PreviousNonce != 3 {
		t.Fatalf("update: %+v %v", r, err)
	}
	h, err := f.user(ch.B).HeldState(ctx, ch.ID)
	if err != nil {
		t.Fatal(err)
	}
	back, err := h.ChannelState.Signed()
	if err != nil {
		t.Fatal(err)
	}
	if err := f.chain.Domain.VerifyBoth(back, addr(ch.A), addr(ch.B)); err != nil || back.Nonce != 4 {
		t.Fatalf("held state does not verify: %v (nonce %d)", err, back.Nonce)
	}
	// A receipt altered in any signed field no longer verifies.
	bad := r.Receipt
	bad.WatchUntil++
	if err := bad.Verify(f.domain.Tower); err == nil {
		t.Fatal("an altered receipt verified")
	}
	if err := r.Receipt.Verify(addr(ch.A)); err == nil {
		t.Fatal("a receipt verified against another tower")
	}
}

// Every bad request gets a 4xx that says what is wrong, and nothing stored changes.
func TestBadRequestsAreRefusedClearly(t *testing.T) {
	f := newFixture(t, 4, delegation.Config{})
	ch := f.chain.Open(20, 5)
	other := f.chain.Open(20, 2)
	ctx := context.Background()
	if _, err := f.client.DelegateState(ctx, ch.States[3]); err != nil {
		t.Fatal(err)
	}
	good := delegation.FromSigned(ch.Latest())
	forged := ch.Latest()
	forged.BalanceA = new(big.Int).Add(forged.BalanceA, big.NewInt(1))
	forged.BalanceB = new(big.Int).Sub(forged.BalanceB, big.NewInt(1))
	otherSigs := ch.Latest()
	otherSigs.SigB = other.Latest().SigB
	stranger, _ := crypto.GenerateKey()
	byStranger := ch.Latest()
	byStranger.SigA, _ = f.chain.Domain.Sign(byStranger.State, stranger)
	unknown := ch.Latest()
	unknown.ChannelID = common.HexToHash("0x1234")
	wrongSum := f.chain.Sign(ch, 9, big.NewInt(1), big.NewInt(1))
	held := ch.States[3]
	sum := new(big.Int).Add(held.BalanceA, held.BalanceB)
	otherAtHeld := f.chain.Sign(ch, held.Nonce, big.NewInt(7), new(big.Int).Sub(sum, big.NewInt(7)))

	cases := []struct {
		name   string
		body   string
		status int
		want   string
	}{
		{"empty body", ``, 400, "empty"},
		{"malformed JSON", `{"channel_id": `, 400, "malformed JSON"},
		{"not an object", `[1,2]`, 400, "want"},
		{"unknown field", strings.Replace(mustJSON(good), `"nonce"`, `"extra":1,"nonce"`, 1), 400, `unknown field "extra"`},
		{"nonce as string", strings.Replace(mustJSON(good), `"nonce":5`, `"nonce":"5"`, 1), 400, `field "nonce"`},
		{"balance as number", strings.Replace(mustJSON(good), `"balance_a":"`+good.BalanceA+`"`, `"balance_a":1`, 1), 400, `field "balance_a"`},
		{"nonce zero", strings.Replace(mustJSON(good), `"nonce":5`, `"nonce":0`, 1), 400, "nonce"},
		{"negative balance", strings.Replace(mustJSON(good), `"balance_a":"`, `"balance_a":"-`, 1), 400, "balance_a"},
		{"short signature", strings.Replace(mustJSON(good), good.SigA, good.SigA[:20], 1), 400, "sig_a"},
		{"bad channel id", strings.Replace(mustJSON(good), good.ChannelID, "0xzz", 1), 400, "channel_id"},
		{"trailing data", mustJSON(good) + `{}`, 400, "trailing"},
		{"oversized body", `{"channel_id":"` + strings.Repeat("a", delegation.MaxBodyBytes) + `"}`, 413, "larger than"},
		{"forged balances", mustJSON(delegation.FromSigned(forged)), 400, "bad signature"},
		{"signature from another channel", mustJSON(delegation.FromSigned(otherSigs)), 400, "party B"},
		{"not a participant", mustJSON(delegation.FromSigned(byStranger)), 400, "party A"},
		{"unknown channel", mustJSON(delegation.FromSigned(unknown)), 404, "unknown channel"},
		{"balances do not add up", mustJSON(delegation.FromSigned(wrongSum)), 422, "do not add up"},
		{"lower nonce", mustJSON(delegation.FromSigned(ch.States[1])), 409, "holds nonce 4"},
		{"equal nonce, another state", mustJSON(delegation.FromSigned(otherAtHeld)), 409, "holds nonce 4"},
	}
	before := f.snapshot(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			status, body := f.post(t, tc.body)
			if msg := errorOf(t, body); status != tc.status || !strings.Contains(msg, tc.want) {
				t.Fatalf("got %d %s, want %d containing %q", status, body, tc.status, tc.want)
			}
			if after := f.snapshot(t); after != before {
				t.Fatalf("the store changed:\n%s\nvs\n%s", before, after)
			}
		})
	}
	if status, body := f.raw(t, http.MethodPost, "/v1/channels/state", mustJSON(good), http.Header{"Content-Type": {"text/plain"}}); status != 415 || !strings.Contains(body, "Content-Type") {
		t.Fatalf("text/plain: %d %s", status, body)
	}
	if status, body := f.post(t, mustJSON(good)); status != 200 {
		t.Fatalf("the good request after all that: %d %s", status, body)
	}
	if n := f.heldNonce(t, ch.ID); n != 5 {
		t.Fatalf("held nonce %d, want 5", n)
	}
	for _, path := range []string{"/v1/channels/0xnothex", "/v2/whatever"} {
		status, body := f.raw(t, http.MethodGet, path, "", nil)
		if status/100 != 4 || errorOf(t, body) == "" {
			t.Fatalf("GET %s: %d, want 4xx", path, status)
		}
	}
}

// A state delegated after a stale close (window still open) is challenged at once.
func TestLateDelegationQueuesChallenge(t *testing.T) {
	f := newFixture(t, 2, delegation.Config{})
	ch := f.chain.Open(30, 4)
	f.chain.Close(ch, ch.States[0])
	r, err := f.client.DelegateState(context.Background(), ch.Latest())
	if err != nil {
		t.Fatal(err)
	}
	if !r.Challenging {
		t.Fatal("the answer does not say a challenge was queued")
	}
	j, err := f.queue.Get(context.Background(), channel.DisputeID(ch.ID, 4, f.chain.OnChain(ch).Deadline))
	if err != nil || j.Status != challenge.Pending || j.DeadlineBlock != f.chain.OnChain(ch).Deadline {
		t.Fatalf("job %+v %v", j, err)
	}
}

func TestOpenAPIDescribesEveryRoute(t *testing.T) {
	f := newFixture(t, 0, delegation.Config{})
	status, body := f.raw(t, http.MethodGet, "/v1/openapi.json", "", nil)
	if status != 200 {
		t.Fatalf("%d %s", status, body)
	}
	var doc struct {
		OpenAPI string                               `json:"openapi"`
		Paths   map[string]map[string]map[string]any `json:"paths"`
	}
	if err := json.Unmarshal([]byte(body), &doc); err != nil || !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Fatalf("not an OpenAPI 3 document: %v", err)
	}
	routes := map[string][]string{
		"/v1/openapi.json":                   {"get"},
		"/v1/info":                           {"get"},
		"/v1/heartbeat":                      {"get"},
		"/v1/users":                          {"post"},
		"/v1/users/{address}":                {"get"},
		"/v1/users/{address}/items":          {"get"},
		"/v1/channels/state":                 {"post"},
		"/v1/channels/states":                {"post"},
		"/v1/channels/{id}":                  {"get", "delete"},
		"/v1/subscriptions":                  {"post"},
		"/v1/subscriptions/{kind}/{subject}": {"delete"},
		"/v1/kinds/{kind}/proofs":            {"post"},
		"/v1/kinds/{kind}/proofs/{subject}":  {"get", "delete"},
	}
	for p, methods := range routes {
		for _, m := range methods {
			op, ok := doc.Paths[p][m]
			if !ok {
				t.Errorf("openapi.json lacks %s %s", m, p)
				continue
			}
			if _, ok := op["responses"]; !ok {
				t.Errorf("%s %s: no responses", m, p)
			}
		}
	}
	if len(doc.Paths) != len(routes) {
		t.Errorf("openapi.json has %d paths, the server %d", len(doc.Paths), len(routes))
	}
	var info api.Info
	status, body = f.raw(t, http.MethodGet, "/v1/info", "", nil)
	if err := json.Unmarshal([]byte(body), &info); status != 200 || err != nil || info.Tower != f.domain.Tower.Hex() || info.ChainID != f.domain.ChainID {
		t.Fatalf("info %d %s", status, body)
	}
}

func TestIdentityIsRequired(t *testing.T) {
	f := newFixture(t, 0, delegation.Config{})
	if _, err := delegation.NewServer(delegation.Config{Intakes: map[string]l2.Intake{api.KindChannel: f.kind}, ChainID: 1, Head: f.kind.Head, Store: f.st}, nil); err == nil || !strings.Contains(err.Error(), "identity") {
		t.Fatalf("NewServer without an identity: %v", err)
	}
	var ae *api.APIError
	_, err := f.client.HeldNonce(context.Background(), common.Hash{1})
	if !errors.As(err, &ae) || ae.Status != 404 {
		t.Fatal(err)
	}
}
