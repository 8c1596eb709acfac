package channel

import (
	"context"
	"fmt"

	"github.com/ethereum/go-ethereum/common"

	"github.com/watchtower-l2/watchtower/watcher/event"
	"github.com/watchtower-l2/watchtower/watcher/l2"
	"github.com/watchtower-l2/watchtower/watcher/store"
)

// batchL1Reads bounds the concurrent L1 reads of one batch (the frauds
// among its closes, each read from the adjudicator).
const batchL1Reads = 16

// VerifyBatch implements l2.BatchVerifier. The closes and challenges of
// channels that have no other event in the batch are judged together: one
// store round trip marks them disputed, one reads their held states, and
// the adjudicator reads of the frauds among them run concurrently. Every
// other event (a channel with several events in the batch, settlements,
// opens) goes through Verify one at a time, in stream order: the events of
// one channel depend on each other, those of different channels do not.
func (k *Kind) VerifyBatch(ctx context.Context, evs []event.Event) ([]l2.Verdict, []error) {
	verdicts, errs := make([]l2.Verdict, len(evs)), make([]error, len(evs))
	disputes := make([]Dispute, len(evs))
	perChannel := map[common.Hash]int{}
	fast := make([]bool, len(evs))
	for i, ev := range evs {
		verdicts[i] = l2.NewVerdict(ev)
		if ev.Name != EventClosed && ev.Name != EventChallenged {
			continue
		}
		d, err := l2.Payload[Dispute](ev)
		if err != nil {
			continue // Verify reports it
		}
		disputes[i], fast[i] = d, true
		perChannel[d.ChannelID]++
	}
	var batch []int
	for i := range evs {
		if fast[i] && perChannel[disputes[i].ChannelID] == 1 {
			batch = append(batch, i)
			continue
		}
		verdicts[i], errs[i] = k.Verify(ctx, evs[i])
	}
	if len(batch) == 0 {
		return verdicts, errs
	}
	held, err := k.markAndRead(ctx, evs, disputes, batch)
	if err != nil {
		for _, i := range batch {
			errs[i] = err
		}
		return verdicts, errs
	}
	fanOut(len(batch), batchL1Reads, func(n int) {
		i := batch[n]
		verdicts[i], errs[i] = k.judgeDispute(ctx, evs[i], disputes[i], held[n].Held, held[n].found, verdicts[i])
	})
	return verdicts, errs
}

// markAndRead marks the channels of the batch's live disputes disputed (one
// round trip) and then reads their held states (one more), in the order
// verifyDispute does for one.
func (k *Kind) markAndRead(ctx context.Context, evs []event.Event, disputes []Dispute, batch []int) ([]heldState, error) {
	ids := make([]common.Hash, len(batch))
	var marks []store.Op
	for n, i := range batch {
		ids[n] = disputes[i].ChannelID
		if !evs[i].Removed {
			marks = append(marks, store.PutOp(disputedKey(ids[n]), []byte{1}))
		}
	}
	if len(marks) > 0 {
		if _, err := store.Apply(ctx, k.store, marks); err != nil {
			return nil, fmt.Errorf("channel: mark %d channels disputed: %w", len(marks), err)
		}
	}
	return k.heldMany(ctx, ids)
}
