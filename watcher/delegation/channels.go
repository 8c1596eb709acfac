package delegation

import (
	"context"
	"encoding/json"
	"net/http"

	"github.com/ethereum/go-ethereum/common"

	"github.com/watchtower-l2/watchtower/watcher/delegation/api"
	"github.com/watchtower-l2/watchtower/watcher/l2"
)

// The /v1/channels routes are the first form of the API, kept for the
// clients that use it: the intake of api.KindChannel under other paths and
// bodies. Everything they do goes through the same intake as
// /v1/kinds/channel/proofs.

// channelIntake returns the intake of channel states, answering 404 itself
// when the tower guards no channels.
func (s *Server) channelIntake(w http.ResponseWriter) (l2.Intake, bool) {
	in, ok := s.cfg.Intakes[api.KindChannel]
	if !ok {
		writeError(w, http.StatusNotFound, "this tower guards no state channels (GET /v1/info lists what it takes)")
	}
	return in, ok
}

// channelProof parses one state of a legacy body through the intake.
func channelProof(in l2.Intake, st api.ChannelState) (l2.Proof, error) {
	raw, err := json.Marshal(st)
	if err != nil {
		return nil, err
	}
	return in.ParseProof(raw)
}

// postState delegates (or updates) a channel state. Signed by a registered
// participant it counts against their slots and the receipt promises to watch
// until their subscription ends; unsigned, the co-signatures alone prove the
// sender is entitled to it (see README).
func (s *Server) postState(w http.ResponseWriter, r *http.Request) {
	in, ok := s.channelIntake(w)
	if !ok {
		return
	}
	var body api.ChannelState
	c, authed, ok := s.readDelegation(w, r, api.MaxBodyBytes, &body)
	if !ok {
		return
	}
	p, err := channelProof(in, body)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	res, bodies, err := s.hold(r.Context(), api.KindChannel, in, c, authed, []l2.Proof{p})
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
	a := res[0]
	writeJSON(w, http.StatusOK, api.Accepted{ChannelID: a.Subject, Nonce: a.Nonce, PreviousNonce: a.Previous,
		PartyA: party(a.Parties, 0), PartyB: party(a.Parties, 1), Challenging: a.Challenging, Receipt: rcpt})
}

func party(ps []common.Address, i int) string {
	if i < len(ps) {
		return ps[i].Hex()
	}
	return ""
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
	in, ok := s.channelIntake(w)
	if !ok {
		return
	}
	var body api.ChannelStates
	c, authed, ok := s.readDelegation(w, r, api.MaxBatchBodyBytes, &body)
	if !ok {
		return
	}
	if !checkBatchSize(w, "states", len(body.States)) {
		return
	}
	proofs := make([]l2.Proof, len(body.States))
	errs := make([]error, len(body.States))
	for i, st := range body.States {
		proofs[i], errs[i] = channelProof(in, st)
	}
	out, err := s.holdBatch(r.Context(), api.KindChannel, in, c, authed, proofs, errs, false)
	if err != nil {
		s.fail(w, "store the states", err)
		return
	}
	for i := range out.Results {
		out.Results[i].Error = statesPrefix(out.Results[i].Error)
	}
	writeJSON(w, http.StatusOK, out)
}

// statesPrefix names a batch result's position as the legacy body does.
func statesPrefix(msg string) string {
	if len(msg) > 0 && msg[0] == '[' {
		return "states" + msg
	}
	return msg
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
		return refuse(http.StatusForbidden, "over quota: %s uses %d of %d slots; revoke a job (DELETE /v1/kinds/{kind}/proofs/{subject} or /v1/subscriptions/{kind}/{subject}) first",
			u.Hex(), len(items), rec.Slots)
	}
	return refuse(http.StatusForbidden, "over quota: %s uses %d of %d slots and this call adds %d jobs; revoke jobs (DELETE /v1/kinds/{kind}/proofs/{subject} or /v1/subscriptions/{kind}/{subject}) or send fewer",
		u.Hex(), len(items), rec.Slots, added)
}

// getState answers what the tower holds for a channel (see getProof).
func (s *Server) getState(w http.ResponseWriter, r *http.Request) {
	in, ok := s.channelIntake(w)
	if !ok {
		return
	}
	id, err := api.ParseHash("channel id", r.PathValue("id"))
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	held, full, ok := s.readHeld(w, r, api.KindChannel, in, id.Hex())
	if !ok {
		return
	}
	if !full {
		writeJSON(w, http.StatusOK, api.HeldNonce{ChannelID: id.Hex(), Nonce: held.Nonce})
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(held.Proof)
}

// deleteState revokes the caller's delegation of a channel (see deleteProof).
func (s *Server) deleteState(w http.ResponseWriter, r *http.Request) {
	in, ok := s.channelIntake(w)
	if !ok {
		return
	}
	id, err := api.ParseHash("channel id", r.PathValue("id"))
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	s.revoke(w, r, api.KindChannel, in, id.Hex())
}
