package delegation

import (
	"crypto/sha256"
	"crypto/subtle"
	"net/http"

	"github.com/ethereum/go-ethereum/common"

	"github.com/watchtower-l2/watchtower/watcher/delegation/api"
)

// registrationGate decides who may register at a private tower: the holders
// of a shared token, the addresses of an allowlist, or both (each configured
// check must pass). An open tower has neither.
type registrationGate struct {
	token []byte // SHA-256 of the token; nil: no token required
	allow map[common.Address]bool
}

func newRegistrationGate(token string, allow []common.Address) registrationGate {
	g := registrationGate{}
	if token != "" {
		h := sha256.Sum256([]byte(token))
		g.token = h[:]
	}
	if len(allow) > 0 {
		g.allow = make(map[common.Address]bool, len(allow))
		for _, a := range allow {
			g.allow[a] = true
		}
	}
	return g
}

// checkToken refuses a registration without the tower's token. Both sides
// are hashed first, so the comparison takes the same time whatever the
// length or content of what was sent.
func (g registrationGate) checkToken(r *http.Request) error {
	if g.token == nil {
		return nil
	}
	got := r.Header.Get(api.HeaderRegistrationToken)
	if got == "" {
		return refuse(http.StatusUnauthorized, "this tower is private: registration needs its token in the %s header (ask the tower's operator)", api.HeaderRegistrationToken)
	}
	h := sha256.Sum256([]byte(got))
	if subtle.ConstantTimeCompare(h[:], g.token) != 1 {
		return refuse(http.StatusForbidden, "wrong registration token in the %s header", api.HeaderRegistrationToken)
	}
	return nil
}

// checkAddress refuses a registration from an address not on the allowlist.
func (g registrationGate) checkAddress(u common.Address) error {
	if g.allow == nil || g.allow[u] {
		return nil
	}
	return refuse(http.StatusForbidden, "this tower is private: %s is not on its registration allowlist (ask the tower's operator)", u.Hex())
}
