package delegation_test

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/watchtower-l2/watchtower/watcher/delegation"
	"github.com/watchtower-l2/watchtower/watcher/delegation/api"
)

// A private tower with a registration token: no token is a 401, a wrong one
// a 403, neither changes anything; the right one registers.
func TestRegistrationToken(t *testing.T) {
	f := newFixture(t, 2, delegation.Config{RegistrationToken: "s3cret-token"})
	ctx := context.Background()
	key, _ := crypto.GenerateKey()
	u := f.user(key)
	before := f.snapshot(t)
	var ae *api.APIError
	if _, err := u.Register(ctx); !errors.As(err, &ae) || ae.Status != 401 || !strings.Contains(ae.Message, api.HeaderRegistrationToken) {
		t.Fatalf("without the token: %v", err)
	}
	u.RegistrationToken = "s3cret-tokeN"
	if _, err := u.Register(ctx); !errors.As(err, &ae) || ae.Status != 403 || !strings.Contains(ae.Message, "wrong registration token") {
		t.Fatalf("wrong token: %v", err)
	}
	if after := f.snapshot(t); after != before {
		t.Fatalf("a refused registration changed the store:\n%s\nvs\n%s", before, after)
	}
	u.RegistrationToken = "s3cret-token"
	if sub, err := u.Register(ctx); err != nil || sub.User != addr(key).Hex() {
		t.Fatalf("with the token: %+v %v", sub, err)
	}
	// A renewal needs it too.
	u.RegistrationToken = ""
	if _, err := u.Register(ctx); !errors.As(err, &ae) || ae.Status != 401 {
		t.Fatalf("renewal without the token: %v", err)
	}
}

// A private tower with an allowlist registers only the addresses on it;
// with a token too, both are required.
func TestRegistrationAllowlist(t *testing.T) {
	in, _ := crypto.GenerateKey()
	out, _ := crypto.GenerateKey()
	f := newFixture(t, 2, delegation.Config{RegistrationAllowlist: []common.Address{addr(in)}})
	ctx := context.Background()
	before := f.snapshot(t)
	var ae *api.APIError
	if _, err := f.user(out).Register(ctx); !errors.As(err, &ae) || ae.Status != 403 || !strings.Contains(ae.Message, "allowlist") {
		t.Fatalf("address not on the allowlist: %v", err)
	}
	if after := f.snapshot(t); after != before {
		t.Fatalf("a refused registration changed the store:\n%s\nvs\n%s", before, after)
	}
	if _, err := f.user(in).Register(ctx); err != nil {
		t.Fatalf("address on the allowlist: %v", err)
	}

	g := newFixture(t, 2, delegation.Config{RegistrationAllowlist: []common.Address{addr(in)}, RegistrationToken: "tok"})
	if _, err := g.user(in).Register(ctx); !errors.As(err, &ae) || ae.Status != 401 {
		t.Fatalf("allowed address without the token: %v", err)
	}
	wo := g.user(out)
	wo.RegistrationToken = "tok"
	if _, err := wo.Register(ctx); !errors.As(err, &ae) || ae.Status != 403 {
		t.Fatalf("token from an address not on the allowlist: %v", err)
	}
	wi := g.user(in)
	wi.RegistrationToken = "tok"
	if _, err := wi.Register(ctx); err != nil {
		t.Fatalf("allowed address with the token: %v", err)
	}
}

// New users per minute are limited whatever their IP, with a Retry-After;
// renewals of existing users are not.
func TestNewUsersPerMinute(t *testing.T) {
	f := newFixture(t, 2, delegation.Config{NewUsersPerMinute: 2})
	ctx := context.Background()
	var users []*ecdsa.PrivateKey
	for range 3 {
		k, _ := crypto.GenerateKey()
		users = append(users, k)
	}
	for i := range 2 {
		if _, err := f.user(users[i]).Register(ctx); err != nil {
			t.Fatalf("new user %d: %v", i, err)
		}
	}
	before := f.snapshot(t)
	path := "/v1/users"
	status, body, hdr := f.rawHeader(t, http.MethodPost, path, "", f.auth(users[2], http.MethodPost, path, "", uint64(time.Now().UnixMilli())))
	if status != 429 || !strings.Contains(errorOf(t, body), "new users") {
		t.Fatalf("third new user: %d %s", status, body)
	}
	if secs, err := strconv.Atoi(hdr.Get("Retry-After")); err != nil || secs < 1 || secs > 31 {
		t.Fatalf("Retry-After %q", hdr.Get("Retry-After"))
	}
	if after := f.snapshot(t); after != before {
		t.Fatalf("a refused registration changed the store:\n%s\nvs\n%s", before, after)
	}
	if _, err := f.user(users[0]).Register(ctx); err != nil {
		t.Fatalf("renewal past the new-user limit: %v", err)
	}
}

// The per-IP limit keys IPv6 clients by their /64 and IPv4 clients by address.
func TestPerIPLimitAggregatesIPv6By64(t *testing.T) {
	f := newFixture(t, 2, delegation.Config{TrustProxy: true, PerIP: delegation.Rate{PerSecond: 0.001, Burst: 2}})
	get := func(ip string) int {
		status, _ := f.raw(t, http.MethodGet, "/v1/info", "", http.Header{"X-Forwarded-For": {ip}})
		return status
	}
	for _, ip := range []string{"2001:db8:1:2::1", "2001:db8:1:2:ffff:ffff:ffff:fffe"} {
		if s := get(ip); s != 200 {
			t.Fatalf("%s: %d", ip, s)
		}
	}
	if s := get("2001:db8:1:2:abcd::9"); s != 429 {
		t.Fatalf("third address of the same /64: %d, want 429", s)
	}
	if s := get("2001:db8:1:3::1"); s != 200 {
		t.Fatalf("another /64: %d", s)
	}
	for _, ip := range []string{"192.0.2.1", "192.0.2.1", "192.0.2.2", "::ffff:192.0.2.2"} {
		if s := get(ip); s != 200 {
			t.Fatalf("%s: %d", ip, s)
		}
	}
	if s := get("192.0.2.1"); s != 429 {
		t.Fatalf("third request of an IPv4 address: %d, want 429", s)
	}
	if s := get("::ffff:192.0.2.2"); s != 429 {
		t.Fatalf("an IPv4-mapped address counts as its IPv4 address: %d, want 429", s)
	}
}
