package verify

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sync"

	"github.com/watchtower-l2/watchtower/watcher/bus"
	"github.com/watchtower-l2/watchtower/watcher/event"
	"github.com/watchtower-l2/watchtower/watcher/l2"
	"github.com/watchtower-l2/watchtower/watcher/store"
)

// batchParallel bounds the concurrent per-event calls of a batch (Verify of
// kinds without VerifyBatch, challenge queueing and cancellations).
const batchParallel = 16

// HandleBatch judges a batch of event messages (a bus.BatchHandler). It gives
// each message the result Handle would: nil only once the event's verdict and
// follow-up (a queued challenge, a cancellation) are durably stored,
// Permanent for unreadable messages and unknown kinds, a retryable error
// otherwise. Per batch it looks up the recorded verdicts in one store round
// trip, judges the new events per kind (VerifyBatch where the kind has it,
// concurrent Verify calls otherwise), queues the challenges, then records
// every verdict in one store round trip before returning; alerts follow.
func (v *Verifier) HandleBatch(ctx context.Context, msgs []bus.Msg) []error {
	errs := make([]error, len(msgs))
	evs := make([]event.Event, len(msgs))
	keys := make([]string, 0, len(msgs))
	idx := make([]int, 0, len(msgs)) // message of each key
	firstOf := make(map[string]int, len(msgs))
	dupOf := map[int]int{} // message -> earlier message of the same event
	for i, m := range msgs {
		if err := v.authenticate(ctx, m); err != nil {
			errs[i] = err
			continue
		}
		ev, err := event.Decode(m.Data)
		if err != nil {
			errs[i] = bus.Permanent(fmt.Errorf("verify: message %s on %s: %w", m.MsgID, m.Subject, err))
			continue
		}
		evs[i] = ev
		key := VerdictKey(ev.MsgID())
		if j, dup := firstOf[key]; dup {
			dupOf[i] = j // judged once; shares the first one's result
			continue
		}
		firstOf[key] = i
		keys, idx = append(keys, key), append(idx, i)
	}
	defer func() {
		for i, j := range dupOf {
			errs[i] = errs[j]
		}
	}()
	if len(keys) == 0 {
		return errs
	}

	recorded, err := store.GetMany(ctx, v.st, keys)
	if err != nil {
		for _, i := range idx {
			errs[i] = fmt.Errorf("verify: look up verdicts: %w", err)
		}
		return errs
	}
	// The events still to judge, grouped by kind in stream order, and those
	// to confirm on L1 first (rare: retractions, settlements).
	var confirm []int
	byKind := map[string][]int{}
	var kindOrder []string
	// Verdicts recorded already (redelivery or republish) are written again
	// with the new ones, so that they are confirmed durable before the ack
	// (see VerdictKey).
	var ops []store.Op
	var recording []int
	for n, i := range idx {
		if recorded[n] != nil {
			ops, recording = append(ops, store.PutOp(keys[n], recorded[n])), append(recording, i)
			continue
		}
		ev := evs[i]
		kind, ok := v.kinds[ev.Kind]
		if !ok {
			errs[i] = bus.Permanent(fmt.Errorf("verify: no plug-in for kind %q (event %s)", ev.Kind, ev.MsgID()))
			continue
		}
		if errs[i] = v.checkContract(ev); errs[i] != nil {
			continue
		}
		if needsConfirm(kind, ev) {
			confirm = append(confirm, i)
		}
		if _, seen := byKind[ev.Kind]; !seen {
			kindOrder = append(kindOrder, ev.Kind)
		}
		byKind[ev.Kind] = append(byKind[ev.Kind], i)
	}
	verdicts := make([]l2.Verdict, len(msgs))
	judged, skip := v.confirmBatch(ctx, confirm, msgs, evs, verdicts, errs)
	for _, name := range kindOrder {
		members := slices.DeleteFunc(byKind[name], func(i int) bool { return skip[i] })
		if len(members) == 0 {
			continue
		}
		kind := v.kinds[name]
		if bv, ok := kind.(l2.BatchVerifier); ok {
			batch := make([]event.Event, len(members))
			for n, i := range members {
				batch[n] = evs[i]
			}
			vds, verrs := bv.VerifyBatch(ctx, batch)
			if len(vds) != len(batch) || len(verrs) != len(batch) {
				err := fmt.Errorf("verify: %s VerifyBatch returned %d verdicts and %d errors for %d events", name, len(vds), len(verrs), len(batch))
				for _, i := range members {
					errs[i] = err
				}
				continue
			}
			for n, i := range members {
				verdicts[i], errs[i] = vds[n], verrs[n]
			}
		} else {
			parallel(len(members), func(n int) {
				i := members[n]
				verdicts[i], errs[i] = kind.Verify(ctx, evs[i])
			})
		}
		for _, i := range members {
			if errs[i] != nil {
				v.cfg.Metrics.VerifyFailed(name)
				errs[i] = fmt.Errorf("verify: %s %s: %w", name, evs[i].Name, errs[i])
				continue
			}
			judged = append(judged, i)
		}
	}
	if len(judged) > 0 {
		slices.Sort(judged) // stream order: a challenge is queued before its cancellation
		v.followUp(ctx, judged, evs, verdicts, errs)
	}
	confirmed := len(recording) // the first ones rewrite recorded verdicts
	for _, i := range judged {
		if errs[i] != nil {
			continue
		}
		b, err := json.Marshal(verdicts[i])
		if err != nil {
			errs[i] = fmt.Errorf("verify: encode verdict: %w", err)
			continue
		}
		ops = append(ops, store.PutOp(VerdictKey(evs[i].MsgID()), b))
		recording = append(recording, i)
	}
	if len(ops) == 0 {
		return errs
	}
	if _, err := store.Apply(ctx, v.st, ops); err != nil {
		for _, i := range recording {
			errs[i] = fmt.Errorf("verify: record verdict of %s: %w", evs[i].MsgID(), err)
		}
		return errs
	}
	for _, i := range recording[confirmed:] {
		v.report(ctx, evs[i], verdicts[i])
	}
	return errs
}

// confirmBatch confirms on L1 the events of a batch that must be (idx). An
// event L1 contradicts gets its Unconfirmed verdict and is returned in
// judged; one L1 could not tell about gets its error. Both are in skip: their
// kind does not see them. Confirmed events stay to be judged in stream order.
func (v *Verifier) confirmBatch(ctx context.Context, idx []int, msgs []bus.Msg, evs []event.Event, verdicts []l2.Verdict, errs []error) (judged []int, skip map[int]bool) {
	skip = map[int]bool{}
	if len(idx) == 0 {
		return nil, skip
	}
	w := newL1View(v.cfg.L1, v.addrs)
	for _, i := range idx {
		ev := evs[i]
		reason, err := v.confirm(ctx, w, v.kinds[ev.Kind], ev, msgs[i].Delivered)
		switch {
		case err != nil:
			v.cfg.Metrics.VerifyFailed(ev.Kind)
			errs[i], skip[i] = fmt.Errorf("verify: %s %s: %w", ev.Kind, ev.Name, err), true
		case reason != "":
			verdicts[i], skip[i] = unconfirmed(ev, reason), true
			judged = append(judged, i)
		}
	}
	return judged, skip
}

// followUp queues the challenges and cancellations of the judged events,
// setting errs of those whose follow-up failed. Events touching a dispute no
// other event of the batch touches run concurrently; the others run one
// after the other in stream order, so a challenge and its cancellation in
// the same batch keep their order.
func (v *Verifier) followUp(ctx context.Context, judged []int, evs []event.Event, verdicts []l2.Verdict, errs []error) {
	touches := map[string]int{}
	var work []int
	for _, i := range judged {
		vd := verdicts[i]
		if vd.Challenge == nil && len(vd.Cancel) == 0 {
			continue
		}
		work = append(work, i)
		if vd.Challenge != nil {
			touches[vd.Challenge.DisputeID]++
		}
		for _, id := range vd.Cancel {
			touches[id]++
		}
	}
	if len(work) == 0 {
		return
	}
	var solo, shared []int
	for _, i := range work {
		vd, alone := verdicts[i], true
		if vd.Challenge != nil && touches[vd.Challenge.DisputeID] > 1 {
			alone = false
		}
		for _, id := range vd.Cancel {
			if touches[id] > 1 {
				alone = false
			}
		}
		if alone {
			solo = append(solo, i)
		} else {
			shared = append(shared, i)
		}
	}
	run := func(i int) {
		vd := verdicts[i]
		if vd.Challenge != nil {
			if err := v.queue.Enqueue(ctx, received(*vd.Challenge, evs[i])); err != nil {
				errs[i] = fmt.Errorf("verify: queue challenge %s: %w", vd.Challenge.DisputeID, err)
				return
			}
		}
		for _, id := range vd.Cancel {
			if err := v.queue.Cancel(ctx, id, "event removed by a reorg: "+evs[i].ID()); err != nil {
				errs[i] = fmt.Errorf("verify: cancel %s: %w", id, err)
				return
			}
		}
	}
	var wg sync.WaitGroup
	if len(shared) > 0 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, i := range shared {
				run(i)
			}
		}()
	}
	// The new challenges of disputes nothing else in the batch touches are
	// queued together; cancellations go one by one (rare: reorgs).
	var queue []int
	var cs []l2.Challenge
	solo = slices.DeleteFunc(solo, func(i int) bool {
		if len(verdicts[i].Cancel) > 0 {
			return false
		}
		queue, cs = append(queue, i), append(cs, received(*verdicts[i].Challenge, evs[i]))
		return true
	})
	if len(cs) > 0 {
		for n, err := range v.queue.EnqueueMany(ctx, cs) {
			if err != nil {
				errs[queue[n]] = fmt.Errorf("verify: queue challenge %s: %w", cs[n].DisputeID, err)
			}
		}
	}
	parallel(len(solo), func(n int) { run(solo[n]) })
	wg.Wait()
}

// parallel calls f(0..n-1) on up to batchParallel goroutines.
func parallel(n int, f func(int)) {
	if n == 1 {
		f(0)
		return
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(n, batchParallel) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
