// Package l2 is the plug-in boundary of the pipeline. Each L2 kind the tower
// guards (state channels, Plasma exits, sidechain checkpoints) implements Kind:
// it says which logs to watch, decodes them into events, verifies an event
// against stored state, and, when fraud is proven, builds the challenge call
// whose proof the L1 contract checks by itself.
package l2

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/watchtower-l2/watchtower/watcher/event"
)

// Outcome is the verify role's judgement of an event.
type Outcome string

// Outcomes of verification.
const (
	// Fraud: the event contradicts a newer proof the tower holds; a challenge follows.
	Fraud Outcome = "fraud"
	// Honest: the event agrees with (or is newer than) what the tower holds.
	Honest Outcome = "honest"
	// Unwatched: the tower holds nothing for this subject, so it takes no action.
	Unwatched Outcome = "unwatched"
	// Noted: the event only updates the tower's state (opened, settled, ...).
	Noted Outcome = "noted"
	// Retracted: the event was removed by a reorg; pending work for it is cancelled.
	Retracted Outcome = "retracted"
	// Unconfirmed: L1 does not show what the event claims (a forged or
	// mistaken message, or an L1 source that disagrees); nothing was done.
	Unconfirmed Outcome = "unconfirmed"
)

// Verdict is the result of verifying one event.
type Verdict struct {
	EventID string  `json:"event_id"`
	Kind    string  `json:"kind"`
	Event   string  `json:"event"`
	Outcome Outcome `json:"outcome"`
	// Subject is what the event is about (a channel id, an exit id...).
	Subject string `json:"subject"`
	Detail  string `json:"detail"`
	// Users are the addresses whose funds the event affects.
	Users []string `json:"users,omitempty"`
	// DeadlineBlock is the last block at which a challenge is accepted (0 if none).
	DeadlineBlock uint64 `json:"deadline_block,omitempty"`
	Block         uint64 `json:"block"`
	// Challenge is set when Outcome is Fraud.
	Challenge *Challenge `json:"challenge,omitempty"`
	// Cancel lists dispute ids whose pending challenges must be dropped (reorgs).
	Cancel []string `json:"cancel,omitempty"`
}

// Challenge is a ready-to-send dispute transaction and what it proves.
type Challenge struct {
	// DisputeID is unique per dispute and proof: the same id is never sent twice.
	DisputeID string         `json:"dispute_id"`
	Kind      string         `json:"kind"`
	Subject   string         `json:"subject"`
	To        common.Address `json:"to"`
	Data      []byte         `json:"data"`
	// DeadlineBlock is the last block at which the contract accepts the
	// challenge (for a deadline in time or none, the kind's estimate, or 0).
	DeadlineBlock uint64 `json:"deadline_block"`
	// DeadlineTime is the last L1 block timestamp (Unix seconds) at which the
	// contract accepts the challenge, for kinds whose windows are in time.
	DeadlineTime uint64 `json:"deadline_time,omitempty"`
	// UntilSettled: the dispute stays answerable until someone settles it
	// on L1 (the simulation says when); no deadline is recorded.
	UntilSettled bool     `json:"until_settled,omitempty"`
	Users        []string `json:"users,omitempty"`
	// EventBlock is the L1 block of the event that triggered the challenge.
	EventBlock uint64 `json:"event_block"`
	// ReceivedAt is when ingest read that event's log (the verify role
	// sets it), for the reaction-time metric.
	ReceivedAt time.Time `json:"received_at,omitzero"`
}

// RevertClass says what a reverted challenge simulation means.
type RevertClass int

// Classes of challenge reverts.
const (
	// RevertUnknown: unexpected; retry and alert.
	RevertUnknown RevertClass = iota
	// RevertObsolete: nothing to do any more (already answered, settled, reorged away).
	RevertObsolete
	// RevertTooLate: the dispute window is over; the fraud was missed.
	RevertTooLate
)

// Kind is one L2 system the tower guards.
type Kind interface {
	// Name is the kind's subject token, e.g. "channel".
	Name() string
	// Addresses are the L1 contracts whose logs ingest must fetch.
	Addresses() []common.Address
	// Decode turns a log into an event name and JSON payload. ok is false for
	// logs the kind does not act on.
	Decode(log types.Log) (name string, payload []byte, ok bool, err error)
	// Verify judges an event against stored state. It must be idempotent: the
	// same event may be delivered more than once.
	Verify(ctx context.Context, ev event.Event) (Verdict, error)
	// ClassifyRevert explains the revert data returned when simulating
	// challenge c (DecodeRevert and RevertTable do the usual work).
	ClassifyRevert(c Challenge, data []byte) (name string, class RevertClass)
}

// Registry maps kind names to plug-ins.
type Registry map[string]Kind

// NewRegistry indexes the kinds by name and refuses duplicates.
func NewRegistry(kinds ...Kind) (Registry, error) {
	r := make(Registry, len(kinds))
	for _, k := range kinds {
		if _, dup := r[k.Name()]; dup {
			return nil, fmt.Errorf("l2: kind %q registered twice", k.Name())
		}
		r[k.Name()] = k
	}
	return r, nil
}

// Names lists the kinds' names, sorted.
func (r Registry) Names() []string {
	out := make([]string, 0, len(r))
	for name := range r {
		out = append(out, name)
	}
	slices.Sort(out)
	return out
}

// Addresses returns every watched contract of every kind.
func (r Registry) Addresses() []common.Address {
	var out []common.Address
	for _, k := range r {
		out = append(out, k.Addresses()...)
	}
	return out
}

// Enqueuer accepts challenges for the challenge role.
type Enqueuer interface {
	Enqueue(ctx context.Context, c Challenge) error
}

// Runner is implemented by kinds that follow a source besides L1 logs (a
// Plasma operator's block feed, a sidechain's RPC). The tower runs it with the
// ingest role until ctx is cancelled.
type Runner interface {
	Run(ctx context.Context) error
}

// Irrevocable is implemented by kinds with events whose effect the tower
// could not undo, such as forgetting a held proof once a channel settles.
// Before the kind sees such an event, the verify role re-reads its log from
// L1 by block hash and log index, checks the block is canonical and that the
// kind decodes the log to the same event; an event L1 does not confirm is
// recorded as Unconfirmed and never reaches the kind. Retractions are always
// confirmed (their block must have left the canonical chain).
type Irrevocable interface {
	Irrevocable(ev event.Event) bool
}

// BatchVerifier is implemented by kinds that judge many events at once (one
// store round trip for a whole batch instead of several per event). The
// verify role uses it when it consumes in batches; Verify stays the
// reference for one event.
type BatchVerifier interface {
	// VerifyBatch judges evs, all of this kind, given in stream order, and
	// returns one verdict and one error per event, in order. Each result must
	// be what Verify would return for that event with the earlier events of
	// the batch verified before it; an error fails only its own event (it is
	// retried, and must stay idempotent like Verify).
	VerifyBatch(ctx context.Context, evs []event.Event) ([]Verdict, []error)
}
