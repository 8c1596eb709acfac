package challenge

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/watchtower-l2/watchtower/watcher/l2"
	"github.com/watchtower-l2/watchtower/watcher/store"
)

// EnqueueMany is Enqueue for challenges of distinct disputes, in two store
// round trips for the new ones (records, then index entries; the order
// Enqueue keeps). A challenge whose dispute has a job already goes through
// Enqueue. errs[i] is the error of cs[i].
func (q *Queue) EnqueueMany(ctx context.Context, cs []l2.Challenge) (errs []error) {
	errs = make([]error, len(cs))
	now := time.Now().UTC()
	ops := make([]store.Op, 0, len(cs))
	of := make([]int, 0, len(cs)) // challenge of each op
	for i, c := range cs {
		b, err := json.Marshal(Job{Challenge: c, Status: Pending, QueuedAt: now, UpdatedAt: now})
		if err != nil {
			errs[i] = fmt.Errorf("challenge: encode job %s: %w", c.DisputeID, err)
			continue
		}
		ops, of = append(ops, store.PutIfAbsentOp(jobKey(c.DisputeID), b)), append(of, i)
	}
	if len(ops) == 0 {
		return errs
	}
	created, err := store.Apply(ctx, q.st, ops)
	if err != nil {
		for _, i := range of {
			errs[i] = fmt.Errorf("challenge: store %d jobs: %w", len(of), err)
		}
		return errs
	}
	index := make([]store.Op, 0, len(ops))
	indexed := make([]int, 0, len(ops))
	for n, i := range of {
		if !created[n] {
			errs[i] = q.Enqueue(ctx, cs[i]) // reopens, or leaves a final job be
			continue
		}
		index = append(index, store.IndexAddOp(q.index, cs[i].DisputeID, int64(cs[i].DeadlineBlock)))
		indexed = append(indexed, i)
	}
	if len(index) > 0 {
		if _, err := store.Apply(ctx, q.st, index); err != nil {
			for _, i := range indexed {
				errs[i] = fmt.Errorf("challenge: index %d jobs: %w", len(indexed), err)
			}
			return errs
		}
		q.signal()
	}
	return errs
}
