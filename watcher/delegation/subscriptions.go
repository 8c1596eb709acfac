package delegation

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strings"

	"github.com/watchtower-l2/watchtower/watcher/delegation/api"
)

var (
	kindRE    = regexp.MustCompile(`^[a-z][a-z0-9_-]{0,31}$`)
	subjectRE = regexp.MustCompile(`^[A-Za-z0-9._:/-]{1,128}$`)
)

func (s *Server) checkSubscribe(sub api.Subscribe) error {
	if !slices.Contains(s.cfg.Kinds, sub.Kind) {
		if sub.Kind == api.KindChannel {
			return refuse(http.StatusBadRequest, "kind: channels are delegated with POST /v1/channels/state, not subscribed to")
		}
		return refuse(http.StatusBadRequest, "kind: %q is not guarded by this tower; it accepts %s", api.Truncate(sub.Kind), strings.Join(s.cfg.Kinds, ", "))
	}
	if !subjectRE.MatchString(sub.Subject) {
		return refuse(http.StatusBadRequest, "subject: want 1 to 128 characters of A-Z a-z 0-9 . _ : / -, got %q", api.Truncate(sub.Subject))
	}
	return nil
}

// postSubscription registers a Plasma output or address, a sidechain, ... to guard.
func (s *Server) postSubscription(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	c, raw, ok := s.self(w, r)
	if !ok {
		return
	}
	var sub api.Subscribe
	if err := api.Decode(raw, &sub); err != nil {
		s.fail(w, "decode", err)
		return
	}
	if err := s.checkSubscribe(sub); err != nil {
		s.fail(w, "subscribe", err)
		return
	}
	head, err := s.currentHead(ctx)
	if err != nil {
		s.fail(w, "read L1", err)
		return
	}
	rec, err := s.activeUser(ctx, c.user, head)
	if err != nil {
		s.fail(w, "read the registry", err)
		return
	}
	unlock, err := s.lockUser(ctx, c.user)
	if err != nil {
		s.fail(w, "subscribe", err)
		return
	}
	defer unlock()
	member := itemMember(sub.Kind, sub.Subject)
	has, err := s.reg.hasItem(ctx, c.user, member)
	if err != nil {
		s.fail(w, "read the registry", err)
		return
	}
	isNew := false
	if !has {
		guarded, err := s.reg.guarded(ctx, sub.Kind, sub.Subject)
		if err != nil {
			s.fail(w, "read the registry", err)
			return
		}
		isNew = !guarded
		items, err := s.gcItems(ctx, c.user)
		if err != nil {
			s.fail(w, "read the registry", err)
			return
		}
		if len(items) >= rec.Slots {
			writeError(w, http.StatusForbidden, fmt.Sprintf("over quota: %s uses %d of %d slots; revoke a job first", c.user.Hex(), len(items), rec.Slots))
			return
		}
	}
	if err := s.consume(ctx, c); err != nil {
		s.fail(w, "subscribe", err)
		return
	}
	if err := s.reg.subscribe(ctx, c.user, sub.Kind, sub.Subject, rec.ExpiryBlock, head); err != nil {
		s.fail(w, "store the subscription", err)
		return
	}
	s.cfg.Metrics.DelegationAccepted(sub.Kind, isNew)
	rcpt, err := api.NewReceipt(s.domain, api.ReceiptBody{User: c.user, Kind: sub.Kind, Subject: sub.Subject, AcceptedBlock: head, WatchUntil: rec.ExpiryBlock}, s.sign)
	if err != nil {
		s.fail(w, "sign the receipt", err)
		return
	}
	writeJSON(w, http.StatusOK, api.Subscribed{Kind: sub.Kind, Subject: sub.Subject, Receipt: rcpt})
}

func (s *Server) deleteSubscription(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	c, _, ok := s.self(w, r)
	if !ok {
		return
	}
	sub := api.Subscribe{Kind: r.PathValue("kind"), Subject: r.PathValue("subject")}
	if err := s.checkSubscribe(sub); err != nil {
		s.fail(w, "revoke", err)
		return
	}
	notHeld := fmt.Sprintf("%s has no %s subscription to %s", c.user.Hex(), sub.Kind, sub.Subject)
	released, ok := s.revokeItem(ctx, w, c, sub.Kind, sub.Subject, notHeld, func(ctx context.Context) (bool, error) {
		return s.reg.unsubscribe(ctx, c.user, sub.Kind, sub.Subject)
	})
	if !ok {
		return
	}
	if released {
		s.cfg.Metrics.DelegationReleased(sub.Kind)
	}
	writeJSON(w, http.StatusOK, api.Revoked{Kind: sub.Kind, Subject: sub.Subject, Pruned: released})
}
