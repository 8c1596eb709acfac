package delegation_test

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest/observer"

	"github.com/watchtower-l2/watchtower/watcher/delegation"
	"github.com/watchtower-l2/watchtower/watcher/delegation/api"
)

// A non-party reading a channel is refused; a party gets it; an unsigned
// read gets only the nonce.
func TestChannelReadIsPrivate(t *testing.T) {
	f := newFixture(t, 4, delegation.Config{})
	ctx := context.Background()
	ch := f.chain.Open(20, 3)
	if _, err := f.client.DelegateState(ctx, ch.Latest()); err != nil {
		t.Fatal(err)
	}
	held := delegation.FromSigned(ch.Latest())
	path := "/v1/channels/" + ch.ID.Hex()

	// Unsigned: the nonce, nothing private.
	status, body := f.raw(t, http.MethodGet, path, "", nil)
	if status != 200 || !strings.Contains(body, `"nonce":3`) {
		t.Fatalf("unsigned read: %d %s", status, body)
	}
	for _, secret := range []string{held.SigA[2:], held.SigB[2:], held.BalanceA, held.BalanceB, "sig_a", "balance_a"} {
		if strings.Contains(strings.ToLower(body), strings.ToLower(secret)) {
			t.Fatalf("unsigned read shows %q: %s", secret, body)
		}
	}
	if n, err := f.client.HeldNonce(ctx, ch.ID); err != nil || n.Nonce != 3 || n.ChannelID != ch.ID.Hex() {
		t.Fatalf("HeldNonce %+v %v", n, err)
	}

	// A stranger who signs is refused, and nothing is stored for it.
	stranger, _ := crypto.GenerateKey()
	before := f.snapshot(t)
	var ae *api.APIError
	if _, err := f.user(stranger).HeldState(ctx, ch.ID); !errors.As(err, &ae) || ae.Status != 403 || !strings.Contains(ae.Message, "not a party") {
		t.Fatalf("stranger: %v", err)
	}
	// So is the other channel's party, and a forged signature.
	other := f.chain.Open(20, 1)
	if _, err := f.user(other.A).HeldState(ctx, ch.ID); !errors.As(err, &ae) || ae.Status != 403 {
		t.Fatalf("party of another channel: %v", err)
	}
	now := uint64(time.Now().UnixMilli()) + 1000
	forged := f.auth(stranger, http.MethodGet, path, "", now)
	forged.Set(api.HeaderUser, addr(ch.A).Hex())
	if status, body := f.raw(t, http.MethodGet, path, "", forged); status != 401 || strings.Contains(body, held.SigA[2:]) {
		t.Fatalf("forged party signature: %d %s", status, body)
	}
	if after := f.snapshot(t); after != before {
		t.Fatalf("a refused read changed the store:\n%s\nvs\n%s", before, after)
	}

	// Either party gets the full state (neither is registered: the channel
	// was delegated anonymously), which verifies.
	for name, k := range map[string]*ecdsa.PrivateKey{"A": ch.A, "B": ch.B} {
		h, err := f.user(k).HeldState(ctx, ch.ID)
		if err != nil {
			t.Fatalf("party %s: %v", name, err)
		}
		back, err := h.ChannelState.Signed()
		if err != nil || back.Nonce != 3 || h.PartyA != addr(ch.A).Hex() || h.PartyB != addr(ch.B).Hex() {
			t.Fatalf("party %s got %+v (%v)", name, h, err)
		}
		if err := f.chain.Domain.VerifyBoth(back, addr(ch.A), addr(ch.B)); err != nil {
			t.Fatalf("party %s: held state does not verify: %v", name, err)
		}
	}
	// A party's signed read cannot be replayed by whoever saw it.
	h := f.auth(ch.A, http.MethodGet, path, "", now+10)
	if status, _ := f.raw(t, http.MethodGet, path, "", h); status != 200 {
		t.Fatalf("signed read: %d", status)
	}
	if status, body := f.raw(t, http.MethodGet, path, "", h); status != 401 || !strings.Contains(body, "replayed") {
		t.Fatalf("replayed read: %d %s", status, body)
	}
	// The client refuses to send an unsigned full read.
	if _, err := f.client.HeldState(ctx, ch.ID); err == nil || !strings.Contains(err.Error(), "party") {
		t.Fatalf("HeldState without a key: %v", err)
	}
}

// Logs never carry signatures, balances or the identity key, at any level,
// whatever the API is asked.
func TestLogsCarryNoSecrets(t *testing.T) {
	core, logs := observer.New(zapcore.DebugLevel)
	f := newFixtureLog(t, 6, delegation.Config{Slots: 1}, zap.New(core))
	ctx := context.Background()
	ch := f.chain.Open(20, 3)
	ch2 := f.chain.Open(20, 2)
	a := f.user(ch.A)
	if _, err := f.client.DelegateState(ctx, ch.States[0]); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Register(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := a.DelegateState(ctx, ch.States[1]); err != nil {
		t.Fatal(err)
	}
	if _, err := a.DelegateStates(ctx, ch.States[2:]); err != nil {
		t.Fatal(err)
	}
	_, _ = a.DelegateState(ctx, ch2.Latest()) // over quota, refused
	_, _ = f.client.DelegateState(ctx, ch.States[0])
	if _, err := a.HeldState(ctx, ch.ID); err != nil {
		t.Fatal(err)
	}
	stranger, _ := crypto.GenerateKey()
	_, _ = f.user(stranger).HeldState(ctx, ch.ID)
	var secrets []string
	secrets = append(secrets, hexutil.Encode(crypto.FromECDSA(f.identity))[2:])
	for _, s := range append(ch.States, ch2.States...) {
		w := delegation.FromSigned(s)
		secrets = append(secrets, w.SigA[2:], w.SigB[2:], w.BalanceA, w.BalanceB)
	}
	if logs.Len() == 0 {
		t.Fatal("nothing was logged: the test would prove nothing")
	}
	for _, e := range logs.All() {
		line := strings.ToLower(fmt.Sprint(e.Message, e.ContextMap()))
		for _, s := range secrets {
			if strings.Contains(line, strings.ToLower(s)) {
				t.Errorf("log entry %q carries a secret (%s...)", e.Message, s[:8])
			}
		}
	}
}
