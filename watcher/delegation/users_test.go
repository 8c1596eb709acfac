package delegation_test

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/watchtower-l2/watchtower/watcher/delegation"
	"github.com/watchtower-l2/watchtower/watcher/delegation/api"
	"github.com/watchtower-l2/watchtower/watcher/delegation/client"
)

// A registered participant delegates with a receipt naming them, lists,
// subscribes, hits the quota, revokes.
func TestRegisteredUserLifecycle(t *testing.T) {
	f := newFixture(t, 6, delegation.Config{Slots: 3, SubscriptionBlocks: 100})
	ctx := context.Background()
	ch := f.chain.Open(20, 4)
	ch2 := f.chain.Open(20, 2)
	a := f.user(ch.A)
	if _, err := a.DelegateState(ctx, ch.Latest()); err == nil || !strings.Contains(err.Error(), "not registered") {
		t.Fatalf("delegate before registering: %v", err)
	}
	sub, err := a.Register(ctx)
	if err != nil {
		t.Fatal(err)
	}
	head := f.chain.Head()
	if sub.Slots != 3 || sub.Used != 0 || sub.Free != 3 || sub.ExpiryBlock != head+100 || sub.User != addr(ch.A).Hex() {
		t.Fatalf("registration %+v (head %d)", sub, head)
	}
	acc, err := a.DelegateState(ctx, ch.States[2])
	if err != nil {
		t.Fatal(err)
	}
	if acc.Receipt.User != addr(ch.A).Hex() || acc.Receipt.WatchUntil != head+100 || acc.Receipt.Nonce != 3 {
		t.Fatalf("receipt %+v", acc.Receipt)
	}
	if _, err := a.DelegateState(ctx, ch.Latest()); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Subscribe(ctx, "plasma", "0xabc:7"); err != nil {
		t.Fatal(err)
	}
	subs := delegation.NewSubscriptions(f.st)
	if l, err := subs.List(ctx, "plasma"); err != nil || !slices.Equal(l, []string{"0xabc:7"}) {
		t.Fatalf("List %v %v", l, err)
	}
	if u, err := subs.UsersFor(ctx, "plasma", "0xabc:7"); err != nil || len(u) != 1 || u[0] != addr(ch.A) {
		t.Fatalf("UsersFor %v %v", u, err)
	}
	if _, err := a.Subscribe(ctx, "sidechain", "137"); err != nil {
		t.Fatal(err)
	}
	st, err := a.Status(ctx)
	if err != nil || st.Used != 3 || st.Free != 0 {
		t.Fatalf("status %+v %v", st, err)
	}
	items, err := a.Items(ctx)
	if err != nil || len(items) != 3 {
		t.Fatalf("items %+v %v", items, err)
	}
	for _, it := range items {
		if it.Kind == api.KindChannel && (it.Subject != ch.ID.Hex() || it.Nonce != 4) {
			t.Fatalf("channel item %+v", it)
		}
	}
	// Over quota: a fourth job is refused and nothing changes.
	before := f.snapshot(t)
	b2 := f.user(ch2.A)
	if _, err := b2.Register(ctx); err != nil {
		t.Fatal(err)
	}
	before = f.snapshot(t)
	var ae *api.APIError
	if _, err := a.Subscribe(ctx, "plasma", "0xdef:1"); !errors.As(err, &ae) || ae.Status != 403 || !strings.Contains(ae.Message, "over quota: ") {
		t.Fatalf("over quota: %v", err)
	}
	if after := f.snapshot(t); after != before {
		t.Fatalf("a refused subscription changed the store:\n%s\nvs\n%s", before, after)
	}
	// An update of a channel already held takes no new slot.
	if _, err := a.DelegateState(ctx, f.chain.Sign(ch, 5, ch.Latest().BalanceA, ch.Latest().BalanceB)); err != nil {
		t.Fatalf("update at full quota: %v", err)
	}
	// Revoke: B never delegated, nothing was anonymous: the state goes.
	rv, err := a.Revoke(ctx, ch.ID)
	if err != nil || !rv.Pruned {
		t.Fatalf("revoke %+v %v", rv, err)
	}
	if n := f.heldNonce(t, ch.ID); n != 0 {
		t.Fatalf("held nonce %d after revoke", n)
	}
	if _, err := a.Revoke(ctx, ch.ID); !errors.As(err, &ae) || ae.Status != 404 {
		t.Fatalf("second revoke: %v", err)
	}
	if rv, err := a.Unsubscribe(ctx, "plasma", "0xabc:7"); err != nil || !rv.Pruned {
		t.Fatalf("unsubscribe %+v %v", rv, err)
	}
	if l, err := subs.List(ctx, "plasma"); err != nil || len(l) != 0 {
		t.Fatalf("List after unsubscribe %v %v", l, err)
	}
	if st, err := a.Status(ctx); err != nil || st.Used != 1 {
		t.Fatalf("status after revokes %+v %v", st, err)
	}
}

// Authentication refusals: each is a 4xx that says what is wrong, and nothing stored changes.
func TestAuthRefusals(t *testing.T) {
	f := newFixture(t, 4, delegation.Config{Slots: 1})
	ctx := context.Background()
	ch := f.chain.Open(20, 3)
	ch2 := f.chain.Open(20, 1)
	stranger, _ := crypto.GenerateKey()
	for _, k := range []*client.Client{f.user(ch.A), f.user(stranger)} {
		if _, err := k.Register(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := f.user(ch.A).DelegateState(ctx, ch.States[1]); err != nil {
		t.Fatal(err)
	}
	now := uint64(time.Now().UnixMilli()) + 1000
	state := mustJSON(delegation.FromSigned(ch.Latest()))
	path := "/v1/channels/state"
	replayed := f.auth(ch.A, http.MethodPost, path, state, now-10)
	f.raw(t, http.MethodPost, "/v1/users", "", f.auth(ch.A, http.MethodPost, "/v1/users", "", now-5)) // consumes nonce now-5
	tampered := f.auth(ch.A, http.MethodPost, path, state, now+1)
	missing := f.auth(ch.A, http.MethodPost, path, state, now+2)
	missing.Del(api.HeaderSignature)
	wrongSigner := f.auth(ch.B, http.MethodPost, path, state, now+3)
	wrongSigner.Set(api.HeaderUser, addr(ch.A).Hex())
	badNonce := f.auth(ch.A, http.MethodPost, path, state, now+4)
	badNonce.Set(api.HeaderNonce, "soon")
	otherTower := api.Domain{ChainID: f.domain.ChainID, Tower: addr(ch.B)}
	sig, _ := api.SignDigest(otherTower.RequestDigest(api.NewRequest(http.MethodPost, path, []byte(state), now+5)), ch.A)
	forOther := f.auth(ch.A, http.MethodPost, path, state, now+5)
	forOther.Set(api.HeaderSignature, "0x"+common2hex(sig))
	otherStatus := "/v1/users/" + addr(stranger).Hex()
	state2 := mustJSON(delegation.FromSigned(ch2.Latest()))

	cases := []struct {
		name         string
		method, path string
		body         string
		hdr          func() map[string][]string
		status       int
		want         string
	}{
		{"missing signature", "POST", path, state, func() map[string][]string { return missing }, 401, "missing X-Watchtower-Signature"},
		{"wrong signer", "POST", path, state, func() map[string][]string { return wrongSigner }, 401, "recovers to " + addr(ch.B).Hex()},
		{"body changed after signing", "POST", path, strings.Replace(state, `"nonce":3`, `"nonce":3 `, 1), func() map[string][]string { return tampered }, 401, "wrong signature"},
		{"nonce not a number", "POST", path, state, func() map[string][]string { return badNonce }, 401, "X-Watchtower-Nonce"},
		{"signed for another tower", "POST", path, state, func() map[string][]string { return forOther }, 401, "wrong signature"},
		{"replay (lower nonce)", "POST", path, state, func() map[string][]string { return replayed }, 401, "replayed request"},
		{"unsigned registration", "POST", "/v1/users", "", func() map[string][]string { return nil }, 401, "must be signed"},
		{"not a participant", "POST", path, state, func() map[string][]string { return f.auth(stranger, "POST", path, state, now+6) }, 403, "not a participant"},
		{"unregistered participant", "POST", path, state, func() map[string][]string { return f.auth(ch.B, "POST", path, state, now+7) }, 403, "not registered"},
		{"over quota", "POST", path, state2, func() map[string][]string { return f.auth(ch2.A, "POST", path, state2, now+8) }, 403, "not registered"},
		{"someone else's status", "GET", otherStatus, "", func() map[string][]string { return f.auth(ch.A, "GET", otherStatus, "", now+9) }, 403, "only read its own"},
		{"status unsigned", "GET", otherStatus, "", func() map[string][]string { return nil }, 401, "must be signed"},
		{"subscribe: unknown kind", "POST", "/v1/subscriptions", `{"kind":"lightning","subject":"x"}`, func() map[string][]string {
			return f.auth(ch.A, "POST", "/v1/subscriptions", `{"kind":"lightning","subject":"x"}`, now+10)
		}, 400, "not guarded"},
		{"subscribe: bad subject", "POST", "/v1/subscriptions", `{"kind":"plasma","subject":"a b"}`, func() map[string][]string {
			return f.auth(ch.A, "POST", "/v1/subscriptions", `{"kind":"plasma","subject":"a b"}`, now+11)
		}, 400, "subject"},
		{"subscribe: unknown field", "POST", "/v1/subscriptions", `{"kind":"plasma","subject":"x","slots":9}`, func() map[string][]string {
			return f.auth(ch.A, "POST", "/v1/subscriptions", `{"kind":"plasma","subject":"x","slots":9}`, now+12)
		}, 400, `unknown field "slots"`},
		{"subscribe: subject as number", "POST", "/v1/subscriptions", `{"kind":"plasma","subject":7}`, func() map[string][]string {
			return f.auth(ch.A, "POST", "/v1/subscriptions", `{"kind":"plasma","subject":7}`, now+13)
		}, 400, `field "subject"`},
		{"subscribe: over quota", "POST", "/v1/subscriptions", `{"kind":"plasma","subject":"x"}`, func() map[string][]string {
			return f.auth(ch.A, "POST", "/v1/subscriptions", `{"kind":"plasma","subject":"x"}`, now+14)
		}, 403, "over quota"},
		{"register with a body field", "POST", "/v1/users", `{"slots":1000}`, func() map[string][]string {
			return f.auth(ch.A, "POST", "/v1/users", `{"slots":1000}`, now+15)
		}, 400, `unknown field "slots"`},
		{"revoke what I do not hold", "DELETE", "/v1/channels/" + ch2.ID.Hex(), "", func() map[string][]string {
			return f.auth(ch.A, "DELETE", "/v1/channels/"+ch2.ID.Hex(), "", now+16)
		}, 404, "holds no delegation"},
		{"lower channel nonce", "POST", path, mustJSON(delegation.FromSigned(ch.States[0])), func() map[string][]string {
			return f.auth(ch.A, "POST", path, mustJSON(delegation.FromSigned(ch.States[0])), now+17)
		}, 409, "holds nonce 2"},
	}
	before := f.snapshot(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			status, body := f.raw(t, tc.method, tc.path, tc.body, tc.hdr())
			if msg := errorOf(t, body); status != tc.status || !strings.Contains(msg, tc.want) {
				t.Fatalf("got %d %s, want %d containing %q", status, body, tc.status, tc.want)
			}
			if after := f.snapshot(t); after != before {
				t.Fatalf("the store changed:\n%s\nvs\n%s", before, after)
			}
		})
	}
	// The same signed request twice: the second is a replay.
	h := f.auth(ch.A, "POST", path, state, now+100)
	if status, body := f.raw(t, "POST", path, state, h); status != 200 {
		t.Fatalf("good signed request: %d %s", status, body)
	}
	if status, body := f.raw(t, "POST", path, state, h); status != 401 || !strings.Contains(body, "replayed") {
		t.Fatalf("replay: %d %s", status, body)
	}
}

// Revoking, or a subscription ending, keeps a state the other party or an
// anonymous delegation relies on.
func TestRevokeAndExpiryKeepWhatOthersRelyOn(t *testing.T) {
	f := newFixture(t, 6, delegation.Config{SubscriptionBlocks: 5})
	ctx := context.Background()
	both := f.chain.Open(20, 2)  // A and B registered, both delegate
	anon := f.chain.Open(20, 2)  // delegated anonymously, then by a registered A
	alone := f.chain.Open(20, 2) // only A, registered
	for _, k := range []*client.Client{f.user(both.A), f.user(both.B), f.user(anon.A), f.user(alone.A)} {
		if _, err := k.Register(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := f.user(both.A).DelegateState(ctx, both.States[0]); err != nil {
		t.Fatal(err)
	}
	if _, err := f.user(both.B).DelegateState(ctx, both.Latest()); err != nil {
		t.Fatal(err)
	}
	if _, err := f.client.DelegateState(ctx, anon.States[0]); err != nil {
		t.Fatal(err)
	}
	if _, err := f.user(anon.A).DelegateState(ctx, anon.Latest()); err != nil {
		t.Fatal(err)
	}
	if _, err := f.user(alone.A).DelegateState(ctx, alone.Latest()); err != nil {
		t.Fatal(err)
	}
	if _, err := f.user(alone.A).Subscribe(ctx, "sidechain", "polygon"); err != nil {
		t.Fatal(err)
	}
	if rv, err := f.user(both.A).Revoke(ctx, both.ID); err != nil || rv.Pruned {
		t.Fatalf("A revokes while B holds it: %+v %v", rv, err)
	}
	if rv, err := f.user(anon.A).Revoke(ctx, anon.ID); err != nil || rv.Pruned {
		t.Fatalf("A revokes an anonymously delegated state: %+v %v", rv, err)
	}
	if f.heldNonce(t, both.ID) != 2 || f.heldNonce(t, anon.ID) != 2 {
		t.Fatal("a revoke removed a state someone else relies on")
	}
	// Nothing expired yet.
	if st, err := f.server.Prune(ctx); err != nil || st.Users != 0 {
		t.Fatalf("early prune %+v %v", st, err)
	}
	for range 6 {
		f.chain.Net.Mine()
	}
	st, err := f.server.Prune(ctx)
	if err != nil || st.Users != 4 || st.Channels != 2 || st.Subscriptions != 1 {
		t.Fatalf("prune %+v %v", st, err)
	}
	if f.heldNonce(t, both.ID) != 0 || f.heldNonce(t, alone.ID) != 0 || f.heldNonce(t, anon.ID) != 2 {
		t.Fatal("after expiry: want both and alone pruned, anon kept until it settles")
	}
	if l, _ := delegation.NewSubscriptions(f.st).List(ctx, "sidechain"); len(l) != 0 {
		t.Fatalf("sidechain subscriptions after expiry: %v", l)
	}
	var ae *api.APIError
	if _, err := f.user(alone.A).Status(ctx); !errors.As(err, &ae) || ae.Status != 404 {
		t.Fatalf("status after expiry: %v", err)
	}
	// Re-registering works; old signed requests stay refused.
	if _, err := f.user(alone.A).Register(ctx); err != nil {
		t.Fatal(err)
	}
}

func TestRateLimits(t *testing.T) {
	f := newFixture(t, 2, delegation.Config{PerIP: delegation.Rate{PerSecond: 0.5, Burst: 3}})
	for i := range 3 {
		if status, _ := f.raw(t, "GET", "/v1/info", "", nil); status != 200 {
			t.Fatalf("request %d: %d", i, status)
		}
	}
	status, body := f.raw(t, "GET", "/v1/info", "", nil)
	if status != 429 || !strings.Contains(errorOf(t, body), "rate limit for this IP") {
		t.Fatalf("4th request: %d %s", status, body)
	}
	g := newFixture(t, 2, delegation.Config{PerUser: delegation.Rate{PerSecond: 0.5, Burst: 2}})
	ch := g.chain.Open(20, 1)
	u := g.user(ch.A)
	for range 2 {
		if _, err := u.Register(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	var ae *api.APIError
	if _, err := u.Register(context.Background()); !errors.As(err, &ae) || ae.Status != 429 || !strings.Contains(ae.Message, "rate limit for user") {
		t.Fatalf("3rd request of the user: %v", err)
	}
}

// The client waits out a 429's Retry-After instead of failing, and gives up
// at once, with the 429, when the tower asks for longer than MaxRetryAfter.
func TestClientWaitsOutRateLimit(t *testing.T) {
	f := newFixture(t, 2, delegation.Config{PerUser: delegation.Rate{PerSecond: 1, Burst: 1}})
	ch := f.chain.Open(20, 1)
	u := client.New(f.srv.URL, nil).WithKey(ch.A)
	u.Retries = 0 // only the rate limit is waited out
	ctx := context.Background()
	for i := range 3 {
		if _, err := u.Register(ctx); err != nil {
			t.Fatalf("registration %d: %v", i, err)
		}
	}
	u.MaxRetryAfter = 0
	var ae *api.APIError
	if _, err := u.Register(ctx); !errors.As(err, &ae) || ae.Status != 429 || ae.RetryAfter <= 0 || !strings.Contains(err.Error(), "rate limited") {
		t.Fatalf("registration past the burst with MaxRetryAfter 0: %v, want the 429 at once", err)
	}
}
