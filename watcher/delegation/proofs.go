package delegation

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"

	"github.com/ethereum/go-ethereum/common"

	"github.com/watchtower-l2/watchtower/watcher/delegation/api"
	"github.com/watchtower-l2/watchtower/watcher/l2"
	"github.com/watchtower-l2/watchtower/watcher/store"
)

// intake returns the intake of the path's kind, answering 404 itself when
// the tower takes no proofs of that kind.
func (s *Server) intake(w http.ResponseWriter, r *http.Request) (string, l2.Intake, bool) {
	kind := r.PathValue("kind")
	in, ok := s.cfg.Intakes[kind]
	if !ok {
		writeError(w, http.StatusNotFound, fmt.Sprintf("this tower takes no proofs of kind %q; it takes %s (GET /v1/info)", api.Truncate(kind), s.intakeNames()))
		return "", nil, false
	}
	return kind, in, true
}

func (s *Server) intakeNames() string {
	names := make([]string, 0, len(s.cfg.Intakes))
	for k := range s.cfg.Intakes {
		names = append(names, k)
	}
	slices.Sort(names)
	if len(names) == 0 {
		return "none"
	}
	return fmt.Sprint(names)
}

// postProofs delegates up to api.MaxBatch proofs of one kind, each checked
// and answered on its own, with one receipt for the accepted ones.
func (s *Server) postProofs(w http.ResponseWriter, r *http.Request) {
	kind, in, ok := s.intake(w, r)
	if !ok {
		return
	}
	var body api.Proofs
	c, authed, ok := s.readDelegation(w, r, api.MaxBatchBodyBytes, &body)
	if !ok {
		return
	}
	if !checkBatchSize(w, "proofs", len(body.Proofs)) {
		return
	}
	proofs := make([]l2.Proof, len(body.Proofs))
	parseErrs := make([]error, len(body.Proofs))
	for i, raw := range body.Proofs {
		proofs[i], parseErrs[i] = in.ParseProof(raw)
	}
	out, err := s.holdBatch(r.Context(), kind, in, c, authed, proofs, parseErrs, true)
	if err != nil {
		s.fail(w, "store the proofs", err)
		return
	}
	writeJSON(w, http.StatusOK, out)
}

// checkBatchSize answers 400 or 413 for a batch whose JSON field holds n
// items, outside 1..MaxBatch.
func checkBatchSize(w http.ResponseWriter, field string, n int) bool {
	switch {
	case n == 0:
		writeError(w, http.StatusBadRequest, fmt.Sprintf(`%q is empty: send 1 to %d %s`, field, api.MaxBatch, field))
		return false
	case n > api.MaxBatch:
		writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf(`%q holds %d %s, at most %d are accepted per call`, field, n, field, api.MaxBatch))
		return false
	}
	return true
}

// holdBatch holds the parsed proofs (parseErrs[i] refuses proof i before
// any check) and answers one result per proof with one receipt. full adds
// each accepted proof's subject, nonce and digest to its result.
func (s *Server) holdBatch(ctx context.Context, kind string, in l2.Intake, c caller, authed bool, proofs []l2.Proof, parseErrs []error, full bool) (api.BatchAnswer, error) {
	out := api.BatchAnswer{Results: make([]api.BatchResult, len(proofs))}
	var parsed []l2.Proof
	var at []int // parsed[j] is proofs[at[j]]
	for i, err := range parseErrs {
		if err != nil {
			out.Results[i] = api.BatchResult{Status: http.StatusBadRequest, Error: fmt.Sprintf("[%d]: %v", i, err)}
			continue
		}
		parsed, at = append(parsed, proofs[i]), append(at, i)
	}
	if len(parsed) > 0 {
		res, bodies, err := s.hold(ctx, kind, in, c, authed, parsed)
		if err != nil {
			return out, err
		}
		if out.Receipt, err = api.NewBatchReceipt(s.domain, bodies, s.sign); err != nil {
			return out, fmt.Errorf("sign the receipt: %w", err)
		}
		for j, rs := range res {
			i := at[j]
			if rs.Err != nil {
				status, msg := s.refusal("store the proof", rs.Err)
				out.Results[i] = api.BatchResult{Status: status, Error: fmt.Sprintf("[%d]: %s", i, msg)}
				continue
			}
			out.Results[i] = api.BatchResult{Status: http.StatusOK, PreviousNonce: rs.Previous, Challenging: rs.Challenging}
			if full {
				out.Results[i].Subject, out.Results[i].Nonce, out.Results[i].Digest = rs.Subject, rs.Nonce, rs.Digest.Hex()
			}
		}
	}
	for _, rs := range out.Results {
		if rs.Status == http.StatusOK {
			out.Accepted++
		} else {
			out.Refused++
		}
	}
	return out, nil
}

// hold stores proofs for caller c (authed) or anonymously, returning each
// proof's result and, in order, the receipt body of each accepted one, for
// the caller to sign. An error refuses the whole call.
func (s *Server) hold(ctx context.Context, kind string, in l2.Intake, c caller, authed bool, proofs []l2.Proof) ([]l2.HoldResult, []api.ReceiptBody, error) {
	head, err := s.currentHead(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("read L1 head: %w", err)
	}
	watchUntil := head + s.cfg.AnonymousBlocks
	opts := l2.HoldOptions{}
	unlock := func() {}
	defer func() { unlock() }()
	if authed {
		rec, err := s.activeUser(ctx, c.user, head)
		if err != nil {
			return nil, nil, err
		}
		watchUntil = rec.ExpiryBlock
		opts.Owned = true
		opts.Admit = func(ctx context.Context, cands []l2.Candidate) ([]error, error) {
			errs := make([]error, len(cands))
			var members []string
			for j, cd := range cands {
				if !slices.Contains(cd.Parties, c.user) {
					errs[j] = refuse(http.StatusForbidden, "%s is not a participant of %s %s (participants %s); only a participant may delegate it",
						c.user.Hex(), kind, cd.Subject, hexes(cd.Parties))
					continue
				}
				members = append(members, itemMember(kind, cd.Subject))
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
	res, err := in.Hold(ctx, proofs, opts)
	if err != nil {
		return nil, nil, err
	}
	var ops []store.Op
	var bodies []api.ReceiptBody
	for _, rs := range res {
		if rs.Err != nil {
			continue
		}
		s.cfg.Metrics.DelegationAccepted(kind, rs.Previous == 0)
		if authed {
			ops = append(ops, store.IndexAddOp(itemsKey(c.user), itemMember(kind, rs.Subject), clampScore(head)))
		}
		bodies = append(bodies, api.ReceiptBody{User: c.user, Kind: kind, Subject: rs.Subject, Nonce: rs.Nonce,
			StateDigest: rs.Digest, AcceptedBlock: head, WatchUntil: watchUntil})
	}
	if len(ops) > 0 {
		if _, err := store.Apply(ctx, s.cfg.Store, ops); err != nil {
			return nil, nil, fmt.Errorf("record the delegations: %w", err)
		}
	}
	return res, bodies, nil
}

func hexes(as []common.Address) string {
	out := ""
	for i, a := range as {
		if i > 0 {
			out += ", "
		}
		out += a.Hex()
	}
	return out
}

// getProof answers what the tower holds for a subject. Unsigned, it answers
// only what is not private (the subject and the nonce held); signed by a
// party of the subject, the full proof. Anybody else who signs is refused.
func (s *Server) getProof(w http.ResponseWriter, r *http.Request) {
	kind, in, ok := s.intake(w, r)
	if !ok {
		return
	}
	held, full, ok := s.readHeld(w, r, kind, in, r.PathValue("subject"))
	if !ok {
		return
	}
	out := api.HeldProof{Kind: kind, Subject: held.Subject, Nonce: held.Nonce}
	if full {
		out.Parties = make([]string, len(held.Parties))
		for i, p := range held.Parties {
			out.Parties[i] = p.Hex()
		}
		out.Proof = held.Proof
	}
	writeJSON(w, http.StatusOK, out)
}

// readHeld authenticates a read of subject and returns what is held: only
// the nonce for an unsigned request (full false), everything for a party.
// It answers refusals itself.
func (s *Server) readHeld(w http.ResponseWriter, r *http.Request, kind string, in l2.Intake, subject string) (l2.HeldProof, bool, bool) {
	ctx := r.Context()
	body, err := readBody(w, r)
	if err != nil {
		s.fail(w, "read the request", err)
		return l2.HeldProof{}, false, false
	}
	c, authed, err := s.authenticate(r, body)
	if err != nil {
		s.fail(w, "authenticate", err)
		return l2.HeldProof{}, false, false
	}
	if !authed {
		n, err := in.HeldNonce(ctx, subject)
		if err != nil {
			s.fail(w, "read its store", notHeld(kind, subject, err))
			return l2.HeldProof{}, false, false
		}
		return l2.HeldProof{Subject: subject, Nonce: n}, false, true
	}
	h, err := in.Held(ctx, subject)
	if err != nil {
		s.fail(w, "read its store", notHeld(kind, subject, err))
		return l2.HeldProof{}, false, false
	}
	if !slices.Contains(h.Parties, c.user) {
		writeError(w, http.StatusForbidden, fmt.Sprintf("signed by %s, which is not a party of %s %s: only its parties may read the proof held "+
			"(balances and signatures); an unsigned request gets the nonce held", c.user.Hex(), kind, subject))
		return l2.HeldProof{}, false, false
	}
	if err := s.consume(ctx, c); err != nil {
		s.fail(w, "authenticate", err)
		return l2.HeldProof{}, false, false
	}
	return h, true, true
}

// notHeld turns store.ErrNotFound for a subject into a 404.
func notHeld(kind, subject string, err error) error {
	if errors.Is(err, store.ErrNotFound) {
		return refuse(http.StatusNotFound, "the tower holds no proof for %s %s", kind, subject)
	}
	return err
}

// deleteProof revokes the caller's delegation of a subject. The proof is
// forgotten only when nobody else relies on it: no other party holds it in
// an active subscription and it was never delegated anonymously.
func (s *Server) deleteProof(w http.ResponseWriter, r *http.Request) {
	kind, in, ok := s.intake(w, r)
	if !ok {
		return
	}
	s.revoke(w, r, kind, in, r.PathValue("subject"))
}

// revoke is deleteProof for a known kind and subject.
func (s *Server) revoke(w http.ResponseWriter, r *http.Request, kind string, in l2.Intake, subject string) {
	c, _, ok := s.self(w, r)
	if !ok {
		return
	}
	notHeld := fmt.Sprintf("%s holds no delegation of %s %s at this tower", c.user.Hex(), kind, subject)
	pruned, ok := s.revokeItem(r.Context(), w, c, kind, subject, notHeld, func(ctx context.Context) (bool, error) {
		return s.dropProof(ctx, kind, in, c.user, subject)
	})
	if ok {
		writeJSON(w, http.StatusOK, api.Revoked{Kind: kind, Subject: subject, Pruned: pruned})
	}
}

// revokeItem, under c's user lock, checks that c holds kind:subject (404
// with notHeld otherwise), consumes c's request nonce and runs drop, whose
// result it returns. It answers refusals itself (ok false).
func (s *Server) revokeItem(ctx context.Context, w http.ResponseWriter, c caller, kind, subject, notHeld string, drop func(context.Context) (bool, error)) (dropped, ok bool) {
	unlock, err := s.lockUser(ctx, c.user)
	if err != nil {
		s.fail(w, "revoke", err)
		return false, false
	}
	defer unlock()
	has, err := s.reg.hasItem(ctx, c.user, itemMember(kind, subject))
	if err != nil {
		s.fail(w, "read the registry", err)
		return false, false
	}
	if !has {
		writeError(w, http.StatusNotFound, notHeld)
		return false, false
	}
	if err := s.consume(ctx, c); err != nil {
		s.fail(w, "revoke", err)
		return false, false
	}
	dropped, err = drop(ctx)
	if err != nil {
		s.fail(w, "revoke", err)
		return false, false
	}
	return dropped, true
}

// dropProof removes subject from u's items and forgets the proof when
// nobody else relies on it.
func (s *Server) dropProof(ctx context.Context, kind string, in l2.Intake, u common.Address, subject string) (bool, error) {
	member := itemMember(kind, subject)
	if err := s.cfg.Store.IndexRemove(ctx, itemsKey(u), member); err != nil {
		return false, err
	}
	h, err := in.Held(ctx, subject)
	if errors.Is(err, store.ErrNotFound) {
		return true, nil
	}
	if err != nil {
		return false, err
	}
	if h.Anonymous {
		return false, nil
	}
	for _, other := range h.Parties {
		if other == u {
			continue
		}
		relies, err := s.reliesOn(ctx, other, member)
		if err != nil || relies {
			return false, err
		}
	}
	if err := in.ForgetSubject(ctx, subject); err != nil {
		return false, err
	}
	s.cfg.Metrics.DelegationReleased(kind)
	return true, nil
}

// reliesOn reports whether user u, with an active subscription, holds member.
func (s *Server) reliesOn(ctx context.Context, u common.Address, member string) (bool, error) {
	head, err := s.currentHead(ctx)
	if err != nil {
		return false, err
	}
	rec, err := s.reg.user(ctx, u)
	if errors.Is(err, store.ErrNotFound) {
		return false, nil
	}
	if err != nil || rec.ExpiryBlock < head {
		return false, err
	}
	return s.reg.hasItem(ctx, u, member)
}
