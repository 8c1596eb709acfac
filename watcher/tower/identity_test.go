package tower_test

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/watchtower-l2/watchtower/watcher/l2"
	"github.com/watchtower-l2/watchtower/watcher/l2/channel"

	"github.com/ethereum/go-ethereum/crypto"
	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/internal/testutil/chantest"
	"github.com/watchtower-l2/watchtower/internal/testutil/redistest"
	"github.com/watchtower-l2/watchtower/watcher/delegation/api"
	"github.com/watchtower-l2/watchtower/watcher/store/redisstore"
	"github.com/watchtower-l2/watchtower/watcher/tower"
)

// The api role signs with its own identity key: none, or the challenge
// signer key, is refused (as `config check` refuses the configuration).
func TestAPIRoleNeedsItsOwnIdentity(t *testing.T) {
	c := chantest.New(t, 0)
	st, err := redisstore.Open(context.Background(), redistest.Start(t), "wt:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	signer := c.TowerKey(0)
	build := func(identity *ecdsa.PrivateKey) (*tower.Tower, error) {
		return tower.New(context.Background(), tower.Options{Roles: []string{tower.RoleChallenge, tower.RoleAPI}, Owner: "t",
			ChainID: c.Net.ChainID, Kinds: []l2.Factory{channel.Factory(c.Addr)}, Identity: identity}, c.Net.Client, nil, st, signer, nil, zap.NewNop())
	}
	if _, err := build(nil); err == nil || !strings.Contains(err.Error(), "api.identity_key_file") {
		t.Fatalf("no identity key: %v", err)
	}
	if _, err := build(signer); err == nil || !strings.Contains(err.Error(), "challenge signer key") {
		t.Fatalf("the signer key as identity: %v", err)
	}
	id, _ := crypto.GenerateKey()
	tw, err := build(id)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(tw.API())
	t.Cleanup(srv.Close)
	resp, err := http.Get(srv.URL + "/v1/info")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var in api.Info
	if err := json.NewDecoder(resp.Body).Decode(&in); err != nil || in.Tower != crypto.PubkeyToAddress(id.PublicKey).Hex() {
		t.Fatalf("the API's identity %+v (%v), want %s", in, err, crypto.PubkeyToAddress(id.PublicKey).Hex())
	}
}
