package delegation

import (
	"net/http"
	"strconv"
	"testing"

	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/watchtower-l2/watchtower/watcher/delegation/api"
)

// FuzzCheckRequestAuth: arbitrary headers, paths and bodies never panic, and a
// request is accepted only with a signature by the user it names over exactly
// that method, path, body and nonce.
func FuzzCheckRequestAuth(f *testing.F) {
	key, _ := crypto.HexToECDSA("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318")
	user := crypto.PubkeyToAddress(key.PublicKey)
	d := api.Domain{ChainID: 1337, Tower: crypto.PubkeyToAddress(key.PublicKey)}
	body := []byte(`{"kind":"plasma","subject":"x"}`)
	sig, _ := api.SignDigest(d.RequestDigest(api.NewRequest(http.MethodPost, "/v1/subscriptions", body, 42)), key)
	f.Add("POST", "/v1/subscriptions", body, user.Hex(), "42", hexutil.Encode(sig))
	f.Add("GET", "/v1/users/x", []byte{}, "0x1", "-1", "0x")
	f.Fuzz(func(t *testing.T, method, path string, b []byte, u, nonce, s string) {
		c, err := CheckRequestAuth(d, method, path, b, u, nonce, s)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error")
			}
			return
		}
		sb, _ := hexutil.Decode(s)
		n, _ := strconv.ParseUint(nonce, 10, 64)
		got, rerr := api.Recover(d.RequestDigest(api.NewRequest(method, path, b, n)), sb)
		if rerr != nil || got != c.user || c.nonce != n || c.nonce == 0 {
			t.Fatalf("accepted a request not signed by %s: %v", c.user.Hex(), rerr)
		}
	})
}
