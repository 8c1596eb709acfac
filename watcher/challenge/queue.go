// Package challenge is the challenge role: it takes proven frauds from the
// durable queue, and for each dispute sends exactly one challenge transaction
// across all watcher processes (a lease in the store serialises them), then
// follows it until it is mined before the deadline.
package challenge

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/watchtower-l2/watchtower/watcher/l2"
	"github.com/watchtower-l2/watchtower/watcher/store"
)

// Status is a job's step in its lifecycle.
type Status string

// Job statuses. Pending and Sending/Sent are open; the rest are final.
const (
	Pending  Status = "pending"   // proven, not yet sent
	Sending  Status = "sending"   // signed and recorded, broadcast may not have happened
	Sent     Status = "sent"      // broadcast, waiting for inclusion
	Mined    Status = "mined"     // included with status 1
	Obsolete Status = "obsolete"  // nothing to answer any more (answered by someone, settled, reorged)
	Missed   Status = "missed"    // the window closed before the challenge was mined
	Canceled Status = "cancelled" // the event behind it was removed by a reorg
)

// Final reports whether no more work is owed for the status.
func (s Status) Final() bool {
	switch s {
	case Mined, Obsolete, Missed, Canceled:
		return true
	}
	return false
}

// reopenable reports whether proving the dispute again reopens the job.
func (s Status) reopenable() bool { return s == Canceled || s == Obsolete || s == Missed }

// Job is a challenge and what has happened to it, as recorded in the store.
type Job struct {
	l2.Challenge
	Status     Status      `json:"status"`
	TxHash     common.Hash `json:"tx_hash,omitempty"`
	RawTx      []byte      `json:"raw_tx,omitempty"`
	Sender     string      `json:"sender,omitempty"`
	Attempts   int         `json:"attempts"`
	MinedBlock uint64      `json:"mined_block,omitempty"`
	Reason     string      `json:"reason,omitempty"`
	QueuedAt   time.Time   `json:"queued_at"`
	UpdatedAt  time.Time   `json:"updated_at"`
	// deadlineAt and estimatedBlock are this process's estimates of the
	// deadline for alerts, from the kind's time left (not stored).
	deadlineAt     time.Time
	estimatedBlock uint64
}

// Queue is the durable set of challenge jobs, shared by every watcher process.
type Queue struct {
	st    store.Store
	index string
	owner string
	// wake tells this process's runner that a job was opened here.
	wake chan struct{}
}

// NewQueue returns the queue of jobs for one L1 chain. owner names this process
// in leases.
func NewQueue(st store.Store, chainID uint64, owner string) *Queue {
	return &Queue{st: st, index: fmt.Sprintf("challenge:%d:open", chainID), owner: owner, wake: make(chan struct{}, 1)}
}

// Woken is signalled when this process opens (or reopens) a job, so that
// its runner starts at once instead of at its next scan; jobs opened by
// other processes are found by the scans.
func (q *Queue) Woken() <-chan struct{} { return q.wake }

func (q *Queue) signal() {
	select {
	case q.wake <- struct{}{}:
	default: // a wake-up is already pending
	}
}

func jobKey(id string) string   { return "job:{" + id + "}" }
func leaseKey(id string) string { return "lease:{" + id + "}" }

// editLease bounds how long Enqueue and Cancel hold a job's lease.
const editLease = 10 * time.Second

// ErrBusy means another process holds the job's lease; retry later.
var ErrBusy = errors.New("challenge: job is being worked on by another process")

// Enqueue records a challenge job unless one with the same dispute id is open
// or mined. A cancelled, obsolete or missed job is reopened: a reorg can bring
// a close back, and a dispute proven again is still open as far as anyone
// knows; the runner asks the contract (a simulated call) before doing
// anything, so a job that is really over ends again without a transaction.
func (q *Queue) Enqueue(ctx context.Context, c l2.Challenge) error {
	now := time.Now().UTC()
	j := Job{Challenge: c, Status: Pending, QueuedAt: now, UpdatedAt: now}
	b, err := json.Marshal(j)
	if err != nil {
		return fmt.Errorf("challenge: encode job %s: %w", c.DisputeID, err)
	}
	// The record is written before its index entry, so the runner never meets
	// an entry without a job. A crash in between leaves an unindexed record;
	// the event is then redelivered and this call indexes it.
	created, err := q.st.PutIfAbsent(ctx, jobKey(c.DisputeID), b)
	if err != nil {
		return fmt.Errorf("challenge: store job %s: %w", c.DisputeID, err)
	}
	if !created {
		cur, err := q.Get(ctx, c.DisputeID)
		if err != nil {
			return err
		}
		switch {
		case cur.Status.reopenable():
			// Reopen (edit re-indexes it).
			err := q.edit(ctx, c.DisputeID, func(old *Job) bool {
				if !old.Status.reopenable() {
					return false
				}
				old.Status, old.Reason, old.Challenge = Pending, "reopened: proven again after "+string(old.Status), c
				return true
			})
			if err == nil {
				q.signal()
			}
			return err
		case cur.Status.Final():
			return nil // done already: a redelivered event changes nothing
		}
	}
	if err := q.st.IndexAdd(ctx, q.index, c.DisputeID, int64(c.DeadlineBlock)); err != nil {
		return fmt.Errorf("challenge: index job %s: %w", c.DisputeID, err)
	}
	q.signal()
	return nil
}

// Cancel marks an open job cancelled if it was not sent yet.
func (q *Queue) Cancel(ctx context.Context, id, reason string) error {
	return q.edit(ctx, id, func(j *Job) bool {
		if j.Status != Pending {
			return false
		}
		j.Status, j.Reason = Canceled, reason
		return true
	})
}

// edit changes a job under its lease.
func (q *Queue) edit(ctx context.Context, id string, change func(*Job) bool) error {
	owner := q.owner + "/edit"
	h, err := q.acquire(ctx, id, owner, editLease)
	if err != nil {
		return err
	}
	if h == nil {
		return fmt.Errorf("%w: %s", ErrBusy, id)
	}
	defer q.st.ReleaseLease(context.WithoutCancel(ctx), leaseKey(id), owner) //nolint:errcheck // expiry frees it anyway
	ctx = withHold(ctx, h)
	j, err := q.Get(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	if !change(&j) {
		return nil
	}
	if err := q.put(ctx, j); err != nil {
		return err
	}
	if !j.Status.Final() {
		if err := q.st.IndexAdd(ctx, q.index, id, int64(j.DeadlineBlock)); err != nil {
			return fmt.Errorf("challenge: index job %s: %w", id, err)
		}
	}
	return nil
}

// Get returns a job by dispute id, or store.ErrNotFound.
func (q *Queue) Get(ctx context.Context, id string) (Job, error) {
	b, err := q.st.Get(ctx, jobKey(id))
	if err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return Job{}, err
		}
		return Job{}, fmt.Errorf("challenge: load job %s: %w", id, err)
	}
	var j Job
	if err := json.Unmarshal(b, &j); err != nil {
		return Job{}, fmt.Errorf("challenge: decode job %s: %w", id, err)
	}
	return j, nil
}

// put records j. When ctx carries the job's lease holding (the runner's and
// edit's do) the write is fenced: it fails with ErrLeaseLost, writing
// nothing, once the lease has passed to another holder.
func (q *Queue) put(ctx context.Context, j Job) error {
	j.UpdatedAt = time.Now().UTC()
	b, err := json.Marshal(j)
	if err != nil {
		return fmt.Errorf("challenge: encode job %s: %w", j.DisputeID, err)
	}
	if err := q.putJob(ctx, j.DisputeID, b); err != nil {
		return fmt.Errorf("challenge: store job %s: %w", j.DisputeID, err)
	}
	if j.Status.Final() {
		if err := q.st.IndexRemove(ctx, q.index, j.DisputeID); err != nil {
			return fmt.Errorf("challenge: unindex job %s: %w", j.DisputeID, err)
		}
	}
	return nil
}

// Open lists the dispute ids of open jobs, earliest deadline first.
func (q *Queue) Open(ctx context.Context, limit int) ([]string, error) {
	es, err := q.st.IndexRange(ctx, q.index, 1<<62, limit)
	if err != nil {
		return nil, fmt.Errorf("challenge: list open jobs: %w", err)
	}
	ids := make([]string, len(es))
	for i, e := range es {
		ids[i] = e.Member
	}
	return ids, nil
}
