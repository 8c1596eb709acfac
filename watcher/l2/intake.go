package l2

import (
	"context"
	"encoding/json"
	"errors"

	"github.com/ethereum/go-ethereum/common"
)

// Reasons a kind refuses a delegated proof. Kinds wrap them (errors.Is) so
// that the delegation API answers with the right HTTP status.
var (
	// ErrInvalidProof: malformed, or a signature that does not verify (400).
	ErrInvalidProof = errors.New("invalid proof")
	// ErrUnknownSubject: L1 knows no such channel (404).
	ErrUnknownSubject = errors.New("unknown on L1")
	// ErrConflict: stale (not newer than what is held), settled, or not
	// open yet (409).
	ErrConflict = errors.New("conflicts with L1 or with the proof held")
	// ErrUnprocessable: well-formed and signed, but contradicts L1 (balances
	// that do not add up to the deposits) (422).
	ErrUnprocessable = errors.New("does not match L1")
	// ErrNotParty: the signer has no part in the subject (403).
	ErrNotParty = errors.New("not a party")
)

// Intake is implemented by kinds whose users hand the tower proofs to hold
// (co-signed channel states, balance proofs): the delegation API serves it
// at /v1/kinds/{kind}/proofs with the request signatures, quotas, receipts
// and heartbeats every kind shares, and the CLI and Go client send to it.
type Intake interface {
	// ParseProof reads one proof in the kind's JSON form (documented in the
	// API's OpenAPI document); its error is shown to the user as is.
	ParseProof(raw json.RawMessage) (Proof, error)
	// Hold checks proofs against L1 and what is held, and stores each that
	// is newer than the one held, answering one result per proof in order.
	// The proof held, delegated again, is accepted again (Previous equals
	// its nonce) and written again, so that a retry after a lost answer or
	// an unconfirmed write gets its receipt instead of a conflict.
	// A proof of a subject that appears earlier in the call is refused. The
	// error is non-nil only when the call as a whole failed (Admit refused
	// it, or the store or L1 could not be reached); nothing is stored then,
	// or, for an outage, the call is safe to retry.
	Hold(ctx context.Context, proofs []Proof, opts HoldOptions) ([]HoldResult, error)
	// Held returns what the tower holds for subject (an error wrapping
	// store.ErrNotFound when nothing).
	Held(ctx context.Context, subject string) (HeldProof, error)
	// HeldNonce returns the nonce held for subject (cheaper than Held).
	HeldNonce(ctx context.Context, subject string) (uint64, error)
	// ForgetSubject drops what is held for subject, once nobody relies on it.
	ForgetSubject(ctx context.Context, subject string) error
}

// Proof is one parsed proof.
type Proof interface {
	// Subject names what the proof is about (a channel id, 0x-hex), as the
	// API's paths and receipts name it.
	Subject() string
}

// HoldOptions refine a Hold call.
type HoldOptions struct {
	// Owned marks proofs delegated by a registered user, who accounts for
	// them. A proof ever delegated anonymously is kept until its subject is
	// settled on L1, whatever its owners do (HeldProof.Anonymous).
	Owned bool
	// Admit runs once, after every per-proof check and before anything is
	// stored, with the proofs still in the running. It returns one error per
	// candidate (nil admits it) or an error refusing the whole call. The
	// delegation API checks participation, quota and replay here.
	Admit func(ctx context.Context, cands []Candidate) ([]error, error)
}

// Candidate is a proof that passed every check and waits to be admitted.
type Candidate struct {
	// Index is the proof's position in the call.
	Index   int
	Subject string
	// Parties are those entitled to delegate it (its participants on L1).
	Parties []common.Address
}

// HoldResult is the outcome of one proof: Err is nil when it was stored.
type HoldResult struct {
	Subject string
	// Nonce is the proof's own; Previous the nonce held before (0: none;
	// Nonce itself for the proof held, delegated again).
	Nonce    uint64
	Previous uint64
	// Digest is the digest of what the parties signed; receipts carry it.
	Digest common.Hash
	// Parties are the subject's participants on L1.
	Parties []common.Address
	// Challenging is true when the subject was already disputed on L1 with
	// an older proof and the tower queued a challenge at once.
	Challenging bool
	Err         error
}

// HeldProof is what the tower holds for a subject.
type HeldProof struct {
	Subject string
	Nonce   uint64
	Parties []common.Address
	// Anonymous is true when the proof was ever delegated without an owner.
	Anonymous bool
	// Proof is the held proof in the kind's JSON form: shown only to its
	// parties, in a signed request.
	Proof json.RawMessage
}

// Refuse marks err with reason (one of the Err* above) for errors.Is,
// keeping err's message.
func Refuse(err, reason error) error { return refused{err: err, reason: reason} }

type refused struct{ err, reason error }

func (r refused) Error() string   { return r.err.Error() }
func (r refused) Unwrap() []error { return []error{r.err, r.reason} }
