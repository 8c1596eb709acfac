package raiden_test

import (
	"context"
	"encoding/json"
	"errors"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/watchtower-l2/watchtower/internal/testutil/raidentest"
	"github.com/watchtower-l2/watchtower/proofs/raidenbp"
	"github.com/watchtower-l2/watchtower/watcher/challenge"
	"github.com/watchtower-l2/watchtower/watcher/l2"
	"github.com/watchtower-l2/watchtower/watcher/l2/kindtest"
	"github.com/watchtower-l2/watchtower/watcher/l2/raiden"
	"github.com/watchtower-l2/watchtower/watcher/store"
)

func TestParseProofRefusesMalformed(t *testing.T) {
	f := newFixture(t)
	_, good := f.partnerProof(t, 5)
	raw, err := json.Marshal(good)
	if err != nil {
		t.Fatal(err)
	}
	p, err := f.kind.ParseProof(raw)
	if err != nil {
		t.Fatalf("a good proof: %v", err)
	}
	if want := f.id.String() + "-" + f.partnerAddr().Hex(); p.Subject() != want {
		t.Errorf("subject %q, want %q", p.Subject(), want)
	}
	for name, tc := range map[string]struct {
		edit func(j *raiden.ProofJSON)
		want string
	}{
		"channel id not decimal": {func(j *raiden.ProofJSON) { j.ChannelID = "0x1" }, "channel_id"},
		"channel id zero":        {func(j *raiden.ProofJSON) { j.ChannelID = "0" }, "channel_id"},
		"closing not address":    {func(j *raiden.ProofJSON) { j.ClosingParticipant = "0x12" }, "closing_participant"},
		"same participants":      {func(j *raiden.ProofJSON) { j.NonClosingParticipant = j.ClosingParticipant }, "must differ"},
		"nonce zero":             {func(j *raiden.ProofJSON) { j.Nonce = "0" }, "nonce"},
		"nonce beyond uint64":    {func(j *raiden.ProofJSON) { j.Nonce = "18446744073709551616" }, "nonce"},
		"balance hash short":     {func(j *raiden.ProofJSON) { j.BalanceHash = "0x1234" }, "balance_hash"},
		"balance hash zero":      {func(j *raiden.ProofJSON) { j.BalanceHash = common.Hash{}.Hex() }, "balance_hash"},
		"additional hash":        {func(j *raiden.ProofJSON) { j.AdditionalHash = "" }, "additional_hash"},
		"closing sig short":      {func(j *raiden.ProofJSON) { j.ClosingSignature = "0xabcd" }, "closing_signature"},
		"non-closing sig":        {func(j *raiden.ProofJSON) { j.NonClosingSignature = "nope" }, "non_closing_signature"},
	} {
		t.Run(name, func(t *testing.T) {
			j := good
			tc.edit(&j)
			raw, err := json.Marshal(j)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := f.kind.ParseProof(raw); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one naming %q", err, tc.want)
			}
		})
	}
	unknown := strings.Replace(string(raw), "{", `{"extra":1,`, 1)
	if _, err := f.kind.ParseProof(json.RawMessage(unknown)); err == nil || !strings.Contains(err.Error(), "extra") {
		t.Errorf("an unknown field: %v, want refused", err)
	}
	if _, err := f.kind.ParseProof(json.RawMessage(string(raw) + "{}")); err == nil {
		t.Error("a second object after the proof: no error")
	}
}

func TestHoldStoresAndRefusesStale(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	_, j5 := f.partnerProof(t, 5)
	bp5, _ := f.partnerProof(t, 5)
	r := f.hold(t, true, j5)[0]
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	want, _ := bp5.Digest()
	if r.Digest != want || r.Nonce != 5 || r.Previous != 0 || r.Challenging || len(r.Parties) != 2 || r.Parties[0] != f.userAddr() {
		t.Errorf("result %+v, want nonce 5, digest %s, parties [user partner]", r, want.Hex())
	}
	h, err := f.kind.Held(ctx, r.Subject)
	if err != nil || h.Nonce != 5 || h.Anonymous {
		t.Fatalf("held %+v, %v", h, err)
	}
	var back raiden.ProofJSON
	if err := json.Unmarshal(h.Proof, &back); err != nil || back != j5 {
		t.Errorf("held proof %+v (%v), want %+v", back, err, j5)
	}
	_, j3 := f.partnerProof(t, 3)
	_, other5 := f.partnerProofOf(t, 5, new(big.Int).Add(transferred(5), big.NewInt(1)))
	for _, j := range []raiden.ProofJSON{other5, j3} {
		if r := f.hold(t, true, j)[0]; !errors.Is(r.Err, l2.ErrConflict) {
			t.Errorf("nonce %s after 5: %v, want a conflict", j.Nonce, r.Err)
		}
	}
	// The proof held, delegated again (a retry after a lost answer), is
	// accepted again and shows it was held.
	if r := f.hold(t, true, j5)[0]; r.Err != nil || r.Previous != 5 || r.Digest != want {
		t.Errorf("the proof held, again: %+v, want accepted with previous nonce 5", r)
	}
	_, j7 := f.partnerProof(t, 7)
	if r := f.hold(t, false, j7)[0]; r.Err != nil || r.Previous != 5 {
		t.Fatalf("nonce 7: %+v", r)
	}
	if n, err := f.kind.HeldNonce(ctx, r.Subject); n != 7 || err != nil {
		t.Errorf("held nonce %d, %v, want 7", n, err)
	}
	if h, _ := f.kind.Held(ctx, r.Subject); !h.Anonymous {
		t.Error("a proof delegated anonymously is not marked so")
	}
	if err := f.kind.ForgetSubject(ctx, r.Subject); err != nil {
		t.Fatal(err)
	}
	if _, err := f.kind.HeldNonce(ctx, r.Subject); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("after forgetting: %v, want not found", err)
	}
	if _, err := f.kind.Held(ctx, "not-a-subject"); !errors.Is(err, l2.ErrInvalidProof) {
		t.Errorf("a malformed subject: %v, want invalid", err)
	}
}

func TestHoldRefusesBadSignaturesAndStrangers(t *testing.T) {
	f := newFixture(t)
	stranger := raidentest.Key(t, "stranger")
	bp, good := f.partnerProof(t, 5)
	closingByUser := f.net.Sign(f.user, bp)
	updateByUser, err := raidenbp.SignUpdate(f.user, bp, closingByUser)
	if err != nil {
		t.Fatal(err)
	}
	byStranger, err := raidenbp.SignUpdate(stranger, bp, common.FromHex(good.ClosingSignature))
	if err != nil {
		t.Fatal(err)
	}
	other := bp
	other.TokenNetwork = common.HexToAddress("0x00000000000000000000000000000000000000aa")
	otherSig := f.net.Sign(f.partner, other)
	otherUpdate, err := raidenbp.SignUpdate(f.user, other, otherSig)
	if err != nil {
		t.Fatal(err)
	}
	withSigs := func(c, n []byte) raiden.ProofJSON {
		j := good
		j.ClosingSignature, j.NonClosingSignature = hexutil.Encode(c), hexutil.Encode(n)
		return j
	}
	unknown := good
	unknown.ChannelID = "99"
	// The stranger signs as the non-closing participant of a proof of the
	// partner's: well signed, but the stranger has no channel with the partner.
	strangerJSON := good
	strangerJSON.NonClosingParticipant = raidentest.Addr(stranger).Hex()
	strangerJSON.NonClosingSignature = hexutil.Encode(byStranger)
	for name, tc := range map[string]struct {
		j    raiden.ProofJSON
		want error
	}{
		"closing signature by the user":         {withSigs(closingByUser, updateByUser), l2.ErrInvalidProof},
		"counter-signature by a stranger":       {withSigs(common.FromHex(good.ClosingSignature), byStranger), l2.ErrInvalidProof},
		"signed for another token network":      {withSigs(otherSig, otherUpdate), l2.ErrInvalidProof},
		"channel id changed after signing":      {unknown, l2.ErrInvalidProof},
		"a stranger as non-closing participant": {strangerJSON, l2.ErrUnknownSubject},
	} {
		t.Run(name, func(t *testing.T) {
			if r := f.hold(t, true, tc.j)[0]; !errors.Is(r.Err, tc.want) {
				t.Errorf("%v, want %v", r.Err, tc.want)
			}
		})
	}
	// A well-signed proof of a channel id the token network does not have.
	bp99 := f.net.BalanceProof(big.NewInt(99), 5, transferred(5), big.NewInt(0), [32]byte{})
	sig99 := f.net.Sign(f.partner, bp99)
	upd99, err := raidenbp.SignUpdate(f.user, bp99, sig99)
	if err != nil {
		t.Fatal(err)
	}
	if r := f.hold(t, true, proofJSON(bp99, f.partnerAddr(), f.userAddr(), sig99, upd99))[0]; !errors.Is(r.Err, l2.ErrUnknownSubject) {
		t.Errorf("channel 99: %v, want unknown", r.Err)
	}
	if r := f.hold(t, true, good, good); r[0].Err != nil || !errors.Is(r[1].Err, l2.ErrInvalidProof) {
		t.Errorf("the same subject twice in a call: %v, %v; want the second refused", r[0].Err, r[1].Err)
	}
}

func TestHoldAdmitSeesBothParties(t *testing.T) {
	f := newFixture(t)
	_, j := f.partnerProof(t, 5)
	raw, _ := json.Marshal(j)
	p, err := f.kind.ParseProof(raw)
	if err != nil {
		t.Fatal(err)
	}
	refused := errors.New("quota")
	var seen []l2.Candidate
	res, err := f.kind.Hold(context.Background(), []l2.Proof{p}, l2.HoldOptions{Admit: func(_ context.Context, c []l2.Candidate) ([]error, error) {
		seen = c
		return []error{refused}, nil
	}})
	if err != nil || !errors.Is(res[0].Err, refused) {
		t.Fatalf("hold: %v, result %v", err, res[0].Err)
	}
	if len(seen) != 1 || seen[0].Subject != p.Subject() || len(seen[0].Parties) != 2 ||
		seen[0].Parties[0] != f.userAddr() || seen[0].Parties[1] != f.partnerAddr() {
		t.Errorf("admit saw %+v", seen)
	}
	if _, err := f.kind.HeldNonce(context.Background(), p.Subject()); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a refused proof was stored: %v", err)
	}
}

// A proof delegated after the partner closed stale is submitted at once,
// under the dispute id the close event's verdict names.
func TestHoldAfterStaleCloseChallenges(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	lg := f.closeStale(t)
	_, j := f.partnerProof(t, 5)
	r := f.hold(t, true, j)[0]
	if r.Err != nil || !r.Challenging {
		t.Fatalf("hold after the close: %+v, want challenging", r)
	}
	v, err := f.kind.Verify(ctx, kindtest.Event(t, f.kind, f.chainID(), lg))
	if err != nil || v.Outcome != l2.Fraud {
		t.Fatalf("verify the close: %s %v", v.Outcome, err)
	}
	job, err := f.queue.Get(ctx, v.Challenge.DisputeID)
	if err != nil {
		t.Fatalf("the queued update is not under the close's dispute id %s: %v", v.Challenge.DisputeID, err)
	}
	if job.Status != challenge.Pending || !job.Challenge.UntilSettled || job.Challenge.DeadlineTime == 0 {
		t.Errorf("job %+v", job)
	}
	retracted := kindtest.Event(t, f.kind, f.chainID(), lg)
	retracted.Removed = true
	if r, err := f.kind.Verify(ctx, retracted); err != nil || len(r.Cancel) != 1 || r.Cancel[0] != job.DisputeID {
		t.Errorf("a retraction of the close cancels %v (%v), want the queued %s", r.Cancel, err, job.DisputeID)
	}
	tx := kindtest.Transact(t, f.net.Chain.Client, f.net.Opts(f.tower), job.Challenge)
	if rc, err := f.net.Mine(tx); err != nil {
		t.Fatalf("the contract refused the queued update: %v (%+v)", err, rc)
	}
	if got := f.net.Participant(f.id, f.partnerAddr(), f.userAddr()); got.Nonce.Uint64() != 5 {
		t.Errorf("partner's nonce on chain %s, want 5", got.Nonce)
	}
	// A newer proof is queued again, as a dispute of its own.
	_, j6 := f.partnerProof(t, 6)
	if r := f.hold(t, true, j6)[0]; r.Err != nil || !r.Challenging {
		t.Errorf("nonce 6 after nonce 5 on chain: %+v, want challenging", r)
	}
}

// Once the channel is settled, the held proofs are forgotten and new ones refused.
func TestSettlementForgetsAndRefuses(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	_, j := f.partnerProof(t, 5)
	r := f.hold(t, true, j)[0]
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	f.closeStale(t)
	f.update(t, 5)
	ev := kindtest.Event(t, f.kind, f.chainID(), f.settle(t, 5))
	if !f.kind.Irrevocable(ev) {
		t.Error("a settlement is not irrevocable")
	}
	for range 2 { // idempotent
		if v, err := f.kind.Verify(ctx, ev); err != nil || v.Outcome != l2.Noted {
			t.Fatalf("verify settled: %s %v", v.Outcome, err)
		}
	}
	if _, err := f.kind.HeldNonce(ctx, r.Subject); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("after settlement: %v, want nothing held", err)
	}
	_, j6 := f.partnerProof(t, 6)
	if r := f.hold(t, true, j6)[0]; !errors.Is(r.Err, l2.ErrConflict) {
		t.Errorf("a proof of a settled channel: %v, want a conflict", r.Err)
	}
}

// A proof of the partner's direction is useless once the user closed.
func TestHoldRefusesWhenTheUserClosed(t *testing.T) {
	f := newFixture(t)
	bp := f.net.BalanceProof(f.id, 3, transferred(3), big.NewInt(0), [32]byte{})
	if _, err := f.net.Close(f.user, f.partnerAddr(), bp, f.net.Sign(f.partner, bp)); err != nil {
		t.Fatal(err)
	}
	_, j := f.partnerProof(t, 5)
	if r := f.hold(t, true, j)[0]; !errors.Is(r.Err, l2.ErrConflict) {
		t.Errorf("%v, want a conflict", r.Err)
	}
}
