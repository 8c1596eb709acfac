package delegation

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/watchtower-l2/watchtower/watcher/delegation/api"
	"github.com/watchtower-l2/watchtower/watcher/store"
)

// currentHead returns the L1 head, reused for HeadTTL.
func (s *Server) currentHead(ctx context.Context) (uint64, error) {
	s.headMu.Lock()
	defer s.headMu.Unlock()
	if !s.headAt.IsZero() && time.Since(s.headAt) < s.cfg.HeadTTL {
		return s.head, nil
	}
	h, err := s.cfg.Head(ctx)
	if err != nil {
		return 0, fmt.Errorf("read L1 head: %w", err)
	}
	s.head, s.headAt = h, time.Now()
	return h, nil
}

// activeUser loads u's record and refuses an unregistered or expired user.
func (s *Server) activeUser(ctx context.Context, u common.Address, head uint64) (user, error) {
	rec, err := s.reg.user(ctx, u)
	if errors.Is(err, store.ErrNotFound) {
		return user{}, refuse(http.StatusForbidden, "%s is not registered; register first with a signed POST /v1/users", u.Hex())
	}
	if err != nil {
		return user{}, err
	}
	if rec.ExpiryBlock < head {
		return user{}, refuse(http.StatusForbidden, "the subscription of %s expired at block %d (head %d); renew it with a signed POST /v1/users", u.Hex(), rec.ExpiryBlock, head)
	}
	return rec, nil
}

func (s *Server) sign(digest common.Hash) ([]byte, error) {
	return api.SignDigest(digest, s.cfg.Identity)
}

// postUser registers the signer, or renews its subscription.
func (s *Server) postUser(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	body, err := readBody(w, r)
	if err != nil {
		s.fail(w, "read the request", err)
		return
	}
	if err := s.gate.checkToken(r); err != nil {
		s.fail(w, "register", err)
		return
	}
	c, ok, err := s.authenticate(r, body)
	if err != nil || !ok {
		s.fail(w, "register", orUnauth(err, "registration must be signed: send the "+api.HeaderUser+", "+api.HeaderNonce+" and "+api.HeaderSignature+" headers"))
		return
	}
	if err := s.gate.checkAddress(c.user); err != nil {
		s.fail(w, "register", err)
		return
	}
	if len(strings.TrimSpace(string(body))) > 0 {
		var empty struct{}
		if err := api.Decode(body, &empty); err != nil {
			s.fail(w, "register", err)
			return
		}
	}
	head, err := s.currentHead(ctx)
	if err != nil {
		s.fail(w, "read L1", err)
		return
	}
	unlock, err := s.lockUser(ctx, c.user)
	if err != nil {
		s.fail(w, "register", err)
		return
	}
	defer unlock()
	rec, err := s.reg.user(ctx, c.user)
	if errors.Is(err, store.ErrNotFound) {
		if wait, ok := s.newUsers.allow(""); !ok {
			s.fail(w, "register", tooManyErr("new users at this tower", wait))
			return
		}
		rec, err = user{Slots: s.cfg.Slots, RegisteredAt: time.Now().Unix()}, nil
	}
	if err != nil {
		s.fail(w, "read the registry", err)
		return
	}
	if err := s.consume(ctx, c); err != nil {
		s.fail(w, "register", err)
		return
	}
	rec.ExpiryBlock = max(rec.ExpiryBlock, head+s.cfg.SubscriptionBlocks)
	if err := s.reg.putUser(ctx, c.user, rec); err != nil {
		s.fail(w, "store the registration", err)
		return
	}
	items, err := s.reg.items(ctx, c.user)
	if err != nil {
		s.fail(w, "read the registry", err)
		return
	}
	for _, e := range items {
		if k, subj := splitMember(e.Member); k != api.KindChannel {
			if err := s.cfg.Store.IndexAdd(ctx, subjectKey(k, subj), c.user.Hex(), clampScore(rec.ExpiryBlock)); err != nil {
				s.fail(w, "store the registration", err)
				return
			}
		}
	}
	writeJSON(w, http.StatusOK, subscription(c.user, rec, len(items), head))
}

func orUnauth(err error, msg string) error {
	if err != nil {
		return err
	}
	return refuse(http.StatusUnauthorized, "%s", msg)
}

func subscription(u common.Address, rec user, used int, head uint64) api.Subscription {
	return api.Subscription{User: u.Hex(), Slots: rec.Slots, Used: used, Free: max(rec.Slots-used, 0), ExpiryBlock: rec.ExpiryBlock,
		Head: head, Expired: rec.ExpiryBlock < head, RegisteredAt: rec.RegisteredAt}
}

// self authenticates a request about {address} and requires the signer to be it.
func (s *Server) self(w http.ResponseWriter, r *http.Request) (caller, []byte, bool) {
	body, err := readBody(w, r)
	if err != nil {
		s.fail(w, "read the request", err)
		return caller{}, nil, false
	}
	c, ok, err := s.authenticate(r, body)
	if err != nil || !ok {
		s.fail(w, "authenticate", orUnauth(err, "this request must be signed: send the "+api.HeaderUser+", "+api.HeaderNonce+" and "+api.HeaderSignature+" headers"))
		return caller{}, nil, false
	}
	if a := r.PathValue("address"); a != "" {
		u, err := api.ParseAddress("address", a)
		if err != nil {
			writeError(w, http.StatusBadRequest, err.Error())
			return caller{}, nil, false
		}
		if u != c.user {
			writeError(w, http.StatusForbidden, fmt.Sprintf("signed by %s: a user may only read its own subscription, not %s", c.user.Hex(), u.Hex()))
			return caller{}, nil, false
		}
	}
	return c, body, true
}

// gcItems drops channel items whose state the tower no longer holds (the
// channel settled and its state was pruned) and returns what is left.
func (s *Server) gcItems(ctx context.Context, u common.Address) ([]api.Item, error) {
	es, err := s.reg.items(ctx, u)
	if err != nil {
		return nil, err
	}
	out := make([]api.Item, 0, len(es))
	for _, e := range es {
		it := toItem(e)
		if in, ok := s.cfg.Intakes[it.Kind]; ok {
			n, err := in.HeldNonce(ctx, it.Subject)
			if errors.Is(err, store.ErrNotFound) {
				if err := s.cfg.Store.IndexRemove(ctx, itemsKey(u), e.Member); err != nil {
					return nil, err
				}
				continue
			}
			if err != nil {
				return nil, err
			}
			it.Nonce = n
		}
		out = append(out, it)
	}
	return out, nil
}

func (s *Server) getUser(w http.ResponseWriter, r *http.Request) {
	c, _, ok := s.self(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	head, err := s.currentHead(ctx)
	if err != nil {
		s.fail(w, "read L1", err)
		return
	}
	rec, err := s.reg.user(ctx, c.user)
	if errors.Is(err, store.ErrNotFound) {
		writeError(w, http.StatusNotFound, fmt.Sprintf("%s is not registered (or its subscription ended and was pruned); register with a signed POST /v1/users", c.user.Hex()))
		return
	}
	if err != nil {
		s.fail(w, "read the registry", err)
		return
	}
	if err := s.consume(ctx, c); err != nil {
		s.fail(w, "authenticate", err)
		return
	}
	items, err := s.gcItems(ctx, c.user)
	if err != nil {
		s.fail(w, "read the registry", err)
		return
	}
	writeJSON(w, http.StatusOK, subscription(c.user, rec, len(items), head))
}

func (s *Server) getItems(w http.ResponseWriter, r *http.Request) {
	c, _, ok := s.self(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	if err := s.consume(ctx, c); err != nil {
		s.fail(w, "authenticate", err)
		return
	}
	items, err := s.gcItems(ctx, c.user)
	if err != nil {
		s.fail(w, "read the registry", err)
		return
	}
	writeJSON(w, http.StatusOK, api.Items{User: c.user.Hex(), Items: items})
}
