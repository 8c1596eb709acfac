package delegation

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/watchtower-l2/watchtower/watcher/delegation/api"
)

// caller is an authenticated request's signer and nonce.
type caller struct {
	user  common.Address
	nonce uint64
}

// authenticate checks the request signature headers. It returns ok=false
// (and no error) when the request carries none of them.
func (s *Server) authenticate(r *http.Request, body []byte) (caller, bool, error) {
	hu, hn, hs := r.Header.Get(api.HeaderUser), r.Header.Get(api.HeaderNonce), r.Header.Get(api.HeaderSignature)
	if hu == "" && hn == "" && hs == "" {
		return caller{}, false, nil
	}
	c, err := CheckRequestAuth(s.domain, r.Method, r.URL.RequestURI(), body, hu, hn, hs)
	if err != nil {
		return caller{}, true, refuse(http.StatusUnauthorized, "%v", err)
	}
	if wait, ok := s.userLim.allow(c.user.Hex()); !ok {
		return caller{}, true, tooManyErr("user "+c.user.Hex(), wait)
	}
	// Refuse a replay before anything else; consume settles races atomically.
	last, err := s.reg.lastNonce(r.Context(), c.user)
	if err != nil {
		return caller{}, true, err
	}
	if c.nonce <= last {
		return caller{}, true, replayErr(c, last)
	}
	return c, true, nil
}

// CheckRequestAuth verifies the three authentication headers of a request
// against its method, path (with query) and exact body bytes.
func CheckRequestAuth(d api.Domain, method, path string, body []byte, user, nonce, sig string) (caller, error) {
	switch {
	case user == "":
		return caller{}, fmt.Errorf("missing %s header (the signing address)", api.HeaderUser)
	case nonce == "":
		return caller{}, fmt.Errorf("missing %s header (a number higher than your last request's, e.g. Unix milliseconds)", api.HeaderNonce)
	case sig == "":
		return caller{}, fmt.Errorf("missing %s header (EIP-712 signature of %s)", api.HeaderSignature, api.RequestType)
	}
	u, err := api.ParseAddress(api.HeaderUser, user)
	if err != nil {
		return caller{}, err
	}
	n, err := strconv.ParseUint(nonce, 10, 64)
	if err != nil || n == 0 {
		return caller{}, fmt.Errorf("%s: want a positive decimal integer, got %q", api.HeaderNonce, api.Truncate(nonce))
	}
	sb, err := api.ParseSig(api.HeaderSignature, sig)
	if err != nil {
		return caller{}, err
	}
	got, err := api.Recover(d.RequestDigest(api.NewRequest(method, path, body, n)), sb)
	if err != nil {
		return caller{}, fmt.Errorf("%s: %v", api.HeaderSignature, err)
	}
	if got != u {
		return caller{}, fmt.Errorf("wrong signature: it recovers to %s, not %s (sign %s over this method, path, body and nonce, in domain {%s, %s, chain %d, tower %s})",
			got.Hex(), u.Hex(), api.RequestType, api.DomainName, api.DomainVersion, d.ChainID, d.Tower.Hex())
	}
	return caller{user: u, nonce: n}, nil
}

// consume records c's nonce; a request whose nonce is not higher than the
// last accepted one is a replay (or arrived out of order) and is refused.
func (s *Server) consume(ctx context.Context, c caller) error {
	prev, ok, err := s.reg.consumeNonce(ctx, c.user, c.nonce)
	if err != nil {
		return err
	}
	if !ok {
		return replayErr(c, prev)
	}
	return nil
}

func replayErr(c caller, last uint64) error {
	return refuse(http.StatusUnauthorized, "replayed request: nonce %d is not higher than %d, the last nonce accepted from %s; sign again with a higher nonce", c.nonce, last, c.user.Hex())
}

// lockUser serialises the writes of one user (quota and nonce checks).
func (s *Server) lockUser(ctx context.Context, u common.Address) (func(), error) {
	owner := strconv.FormatInt(time.Now().UnixNano(), 36) + strconv.FormatUint(uint64(randUint()), 36)
	deadline := time.Now().Add(5 * time.Second)
	for {
		ok, err := s.cfg.Store.AcquireLease(ctx, lockKey(u), owner, 10*time.Second)
		if err != nil {
			return nil, err
		}
		if ok {
			return func() { _ = s.cfg.Store.ReleaseLease(context.WithoutCancel(ctx), lockKey(u), owner) }, nil
		}
		if time.Now().After(deadline) {
			return nil, refuse(http.StatusTooManyRequests, "another request of %s is in progress; retry", u.Hex())
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(2 * time.Millisecond):
		}
	}
}
