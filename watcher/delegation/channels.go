package delegation

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/ethereum/go-ethereum/common"

	"github.com/watchtower-l2/watchtower/proofs/channelstate"
	"github.com/watchtower-l2/watchtower/watcher/delegation/api"
	"github.com/watchtower-l2/watchtower/watcher/l2/channel"
	"github.com/watchtower-l2/watchtower/watcher/store"
)

// postState delegates (or updates) a channel state. Signed by a registered
// participant it counts against their slots and the receipt promises to watch
// until their subscription ends; unsigned, the co-signatures alone prove the
// sender is entitled to it (see README).
func (s *Server) postState(w http.ResponseWriter, r *http.Request) {
	var body api.ChannelState
	c, authed, ok := s.readDelegation(w, r, api.MaxBodyBytes, &body)
	if !ok {
		return
	}
	signed, err := body.Signed()
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	res, bodies, err := s.delegate(r.Context(), c, authed, []channelstate.Signed{signed})
	if err == nil {
		err = res[0].Err
	}
	if err != nil {
		s.fail(w, "store the state", err)
		return
	}
	rcpt, err := api.NewReceipt(s.domain, bodies[0], s.sign)
	if err != nil {
		s.fail(w, "sign the receipt", err)
		return
	}
	a := res[0].Accepted
	writeJSON(w, http.StatusOK, api.Accepted{ChannelID: a.ChannelID.Hex(), Nonce: a.Nonce, PreviousNonce: a.Previous,
		PartyA: a.PartyA.Hex(), PartyB: a.PartyB.Hex(), Challenging: a.Challenging, Receipt: rcpt})
}

// readDelegation reads a delegation body of at most limit bytes, checks its
// optional request signature and decodes it into v. On failure it answers
// the refusal itself and returns ok=false.
func (s *Server) readDelegation(w http.ResponseWriter, r *http.Request, limit int, v any) (c caller, authed, ok bool) {
	raw, err := readBodyMax(w, r, limit)
	if err != nil {
		s.fail(w, "read the request", err)
		return caller{}, false, false
	}
	if c, authed, err = s.authenticate(r, raw); err != nil {
		s.fail(w, "authenticate", err)
		return caller{}, false, false
	}
	if err := api.DecodeMax(raw, v, limit); err != nil {
		s.fail(w, "decode", err)
		return caller{}, false, false
	}
	return c, authed, true
}

// postStates delegates up to api.MaxBatch states in one call, each checked
// and answered on its own, as postState would.
func (s *Server) postStates(w http.ResponseWriter, r *http.Request) {
	var body api.ChannelStates
	c, authed, ok := s.readDelegation(w, r, api.MaxBatchBodyBytes, &body)
	if !ok {
		return
	}
	switch {
	case len(body.States) == 0:
		writeError(w, http.StatusBadRequest, `"states" is empty: send 1 to 256 channel states`)
		return
	case len(body.States) > api.MaxBatch:
		writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf(`"states" holds %d states, at most %d are accepted per call`, len(body.States), api.MaxBatch))
		return
	}
	out := api.BatchAnswer{Results: make([]api.BatchResult, len(body.States))}
	states := make([]channelstate.Signed, 0, len(body.States))
	at := make([]int, 0, len(body.States)) // states[j] is body.States[at[j]]
	for i, st := range body.States {
		signed, err := st.Signed()
		if err != nil {
			out.Results[i] = api.BatchResult{Status: http.StatusBadRequest, Error: fmt.Sprintf("states[%d]: %v", i, err)}
			continue
		}
		states, at = append(states, signed), append(at, i)
	}
	if len(states) > 0 {
		res, bodies, err := s.delegate(r.Context(), c, authed, states)
		if err != nil {
			s.fail(w, "store the states", err)
			return
		}
		if out.Receipt, err = api.NewBatchReceipt(s.domain, bodies, s.sign); err != nil {
			s.fail(w, "sign the receipt", err)
			return
		}
		for j, rs := range res {
			i := at[j]
			if rs.Err != nil {
				status, msg := s.refusal("store the state", rs.Err)
				out.Results[i] = api.BatchResult{Status: status, Error: fmt.Sprintf("states[%d]: %s", i, msg)}
				continue
			}
			out.Results[i] = api.BatchResult{Status: http.StatusOK, PreviousNonce: rs.Previous, Challenging: rs.Challenging}
		}
	}
	for _, rs := range out.Results {
		if rs.Status == http.StatusOK {
			out.Accepted++
		} else {
			out.Refused++
		}
	}
	writeJSON(w, http.StatusOK, out)
}

// delegate stores states for caller c (authed) or anonymously, returning each
// state's result and, in order, the receipt body of each accepted state, for
// the caller to sign. An error refuses the whole call.
func (s *Server) delegate(ctx context.Context, c caller, authed bool, states []channelstate.Signed) ([]channel.Result, []api.ReceiptBody, error) {
	head, err := s.currentHead(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("read L1 head: %w", err)
	}
	watchUntil := head + s.cfg.AnonymousBlocks
	opts := channel.ManyOptions{}
	unlock := func() {}
	defer func() { unlock() }()
	if authed {
		rec, err := s.activeUser(ctx, c.user, head)
		if err != nil {
			return nil, nil, err
		}
		watchUntil = rec.ExpiryBlock
		opts.Owned = true
		opts.Admit = func(ctx context.Context, cands []channel.Candidate) ([]error, error) {
			errs := make([]error, len(cands))
			var members []string
			for j, cd := range cands {
				if c.user != cd.Info.PartyA && c.user != cd.Info.PartyB {
					errs[j] = refuse(http.StatusForbidden, "%s is not a participant of channel %s (parties %s and %s); only a participant may delegate it",
						c.user.Hex(), cd.State.ChannelID.Hex(), cd.Info.PartyA.Hex(), cd.Info.PartyB.Hex())
					continue
				}
				members = append(members, itemMember(api.KindChannel, cd.State.ChannelID.Hex()))
			}
			if len(members) == 0 {
				return errs, nil
			}
			if unlock, err = s.lockUser(ctx, c.user); err != nil {
				return nil, err
			}
			if err := s.checkQuota(ctx, c.user, rec, members); err != nil {
				return nil, err
			}
			return errs, s.consume(ctx, c)
		}
	}
	res, err := s.channels.DelegateMany(ctx, states, opts)
	if err != nil {
		return nil, nil, err
	}
	var ops []store.Op
	var bodies []api.ReceiptBody
	for _, rs := range res {
		if rs.Err != nil {
			continue
		}
		s.cfg.Metrics.DelegationAccepted(api.KindChannel, rs.Previous == 0)
		subject := rs.ChannelID.Hex()
		if authed {
			ops = append(ops, store.IndexAddOp(itemsKey(c.user), itemMember(api.KindChannel, subject), clampScore(head)))
		}
		bodies = append(bodies, api.ReceiptBody{User: c.user, Kind: api.KindChannel, Subject: subject, Nonce: rs.Nonce,
			StateDigest: rs.StateDigest, AcceptedBlock: head, WatchUntil: watchUntil})
	}
	if len(ops) > 0 {
		if _, err := store.Apply(ctx, s.cfg.Store, ops); err != nil {
			return nil, nil, fmt.Errorf("record the delegations: %w", err)
		}
	}
	return res, bodies, nil
}

// checkQuota refuses adding members to u's jobs beyond rec.Slots. Items of
// channels that settled since are pruned first, only when they matter.
func (s *Server) checkQuota(ctx context.Context, u common.Address, rec user, members []string) error {
	es, err := s.reg.items(ctx, u)
	if err != nil {
		return err
	}
	have := make(map[string]bool, len(es))
	for _, e := range es {
		have[e.Member] = true
	}
	added := 0
	for _, m := range members {
		if !have[m] {
			added++
		}
	}
	if added == 0 || len(es)+added <= rec.Slots {
		return nil
	}
	items, err := s.gcItems(ctx, u)
	if err != nil {
		return err
	}
	if len(items)+added <= rec.Slots {
		return nil
	}
	if added == 1 {
		return refuse(http.StatusForbidden, "over quota: %s uses %d of %d slots; revoke a job (DELETE /v1/channels/{id} or /v1/subscriptions/{kind}/{subject}) first",
			u.Hex(), len(items), rec.Slots)
	}
	return refuse(http.StatusForbidden, "over quota: %s uses %d of %d slots and this call adds %d channels; revoke jobs (DELETE /v1/channels/{id} or /v1/subscriptions/{kind}/{subject}) or send fewer",
		u.Hex(), len(items), rec.Slots, added)
}

// getState answers what the tower holds for a channel. Unsigned, it answers
// only what is not private (the channel and the nonce held); signed by a
// party of the channel (its participants on L1, as recorded with the held
// state), the full co-signed state with balances and signatures. Anybody
// else who signs is refused: the state is the parties' business.
func (s *Server) getState(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id, err := api.ParseHash("channel id", r.PathValue("id"))
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	body, err := readBody(w, r)
	if err != nil {
		s.fail(w, "read the request", err)
		return
	}
	c, authed, err := s.authenticate(r, body)
	if err != nil {
		s.fail(w, "authenticate", err)
		return
	}
	if !authed {
		n, err := s.channels.LatestNonce(ctx, id)
		if err != nil {
			s.fail(w, "read its store", notHeld(id, err))
			return
		}
		writeJSON(w, http.StatusOK, api.HeldNonce{ChannelID: id.Hex(), Nonce: n})
		return
	}
	h, err := s.channels.Latest(ctx, id)
	if err != nil {
		s.fail(w, "read its store", notHeld(id, err))
		return
	}
	if c.user != h.PartyA && c.user != h.PartyB {
		writeError(w, http.StatusForbidden, fmt.Sprintf("signed by %s, which is not a party of channel %s: only its parties may read the state held "+
			"(balances and signatures); an unsigned request gets the nonce held", c.user.Hex(), id.Hex()))
		return
	}
	if err := s.consume(ctx, c); err != nil {
		s.fail(w, "authenticate", err)
		return
	}
	writeJSON(w, http.StatusOK, api.HeldState{
		ChannelState: api.FromSigned(h.Signed),
		PartyA:       h.PartyA.Hex(),
		PartyB:       h.PartyB.Hex(),
	})
}

// notHeld turns store.ErrNotFound for channel id into a 404.
func notHeld(id common.Hash, err error) error {
	if errors.Is(err, store.ErrNotFound) {
		return refuse(http.StatusNotFound, "the tower holds no state for channel %s", id.Hex())
	}
	return err
}

// deleteState revokes the caller's delegation of a channel. The state itself
// is forgotten only when nobody else relies on it: the other party does not
// hold it in an active subscription and it was never delegated anonymously.
func (s *Server) deleteState(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	c, _, ok := s.self(w, r)
	if !ok {
		return
	}
	id, err := api.ParseHash("channel id", r.PathValue("id"))
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	unlock, err := s.lockUser(ctx, c.user)
	if err != nil {
		s.fail(w, "revoke", err)
		return
	}
	defer unlock()
	member := itemMember(api.KindChannel, id.Hex())
	has, err := s.reg.hasItem(ctx, c.user, member)
	if err != nil {
		s.fail(w, "read the registry", err)
		return
	}
	if !has {
		writeError(w, http.StatusNotFound, fmt.Sprintf("%s holds no delegation of channel %s at this tower", c.user.Hex(), id.Hex()))
		return
	}
	if err := s.consume(ctx, c); err != nil {
		s.fail(w, "revoke", err)
		return
	}
	pruned, err := s.dropChannel(ctx, c.user, id)
	if err != nil {
		s.fail(w, "revoke", err)
		return
	}
	writeJSON(w, http.StatusOK, api.Revoked{Kind: api.KindChannel, Subject: id.Hex(), Pruned: pruned})
}

// dropChannel removes channel id from u's items and forgets the state when
// nobody else relies on it.
func (s *Server) dropChannel(ctx context.Context, u common.Address, id common.Hash) (bool, error) {
	member := itemMember(api.KindChannel, id.Hex())
	if err := s.cfg.Store.IndexRemove(ctx, itemsKey(u), member); err != nil {
		return false, err
	}
	h, err := s.channels.Latest(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return true, nil
	}
	if err != nil {
		return false, err
	}
	if h.Anonymous {
		return false, nil
	}
	other := h.PartyA
	if u == h.PartyA {
		other = h.PartyB
	}
	if other != u {
		head, err := s.currentHead(ctx)
		if err != nil {
			return false, err
		}
		if rec, err := s.reg.user(ctx, other); err == nil && rec.ExpiryBlock >= head {
			has, err := s.reg.hasItem(ctx, other, member)
			if err != nil {
				return false, err
			}
			if has {
				return false, nil
			}
		} else if err != nil && !errors.Is(err, store.ErrNotFound) {
			return false, err
		}
	}
	if err := s.channels.Forget(ctx, id); err != nil {
		return false, err
	}
	s.cfg.Metrics.DelegationReleased(api.KindChannel)
	return true, nil
}
