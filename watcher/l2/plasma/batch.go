package plasma

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"

	"github.com/ethereum/go-ethereum/common"

	"github.com/watchtower-l2/watchtower/proofs/plasmatx"
	"github.com/watchtower-l2/watchtower/watcher/event"
	"github.com/watchtower-l2/watchtower/watcher/l2"
	"github.com/watchtower-l2/watchtower/watcher/store"
)

var _ l2.BatchVerifier = (*Kind)(nil)

// VerifyBatch implements l2.BatchVerifier. Runs of consecutive ExitStarted
// events (a mass exit) are judged together with three store round trips:
// every exit record and index entry is written in one Apply, then the
// spends, outputs and registrations of all of them are read in one GetMany,
// then the registrations of the victims of the frauds found. That keeps
// verifyExit's ordering per exit (the exit is recorded before its spend is
// looked up, while the block feed records a spend before looking for an
// exit), so a concurrently indexed spend is still challenged by one side or
// both. Every other event, and retractions, go through Verify in order.
func (k *Kind) VerifyBatch(ctx context.Context, evs []event.Event) ([]l2.Verdict, []error) {
	vds, errs := make([]l2.Verdict, len(evs)), make([]error, len(evs))
	for i := 0; i < len(evs); {
		if !isExitStart(evs[i]) {
			vds[i], errs[i] = k.Verify(ctx, evs[i])
			i++
			continue
		}
		j := i + 1
		for j < len(evs) && isExitStart(evs[j]) {
			j++
		}
		k.verifyExits(ctx, evs[i:j], vds[i:j], errs[i:j])
		i = j
	}
	return vds, errs
}

func isExitStart(ev event.Event) bool { return ev.Name == EventExitStarted && !ev.Removed }

// verifyExits is verifyExit for many exits at once.
func (k *Kind) verifyExits(ctx context.Context, evs []event.Event, vds []l2.Verdict, errs []error) {
	exits := make([]ExitStarted, len(evs))
	var live []int
	ops := make([]store.Op, 0, 2*len(evs))
	for i, ev := range evs {
		vds[i] = l2.NewVerdict(ev)
		e, err := l2.Payload[ExitStarted](ev)
		if err != nil {
			errs[i] = err
			continue
		}
		exits[i], live = e, append(live, i)
		p := plasmatx.Pos(e.UtxoPos)
		vds[i].Subject, vds[i].DeadlineBlock = p.String(), e.Deadline
		rec, _ := json.Marshal(exitRecord{Owner: e.Owner, Amount: e.Amount, Deadline: e.Deadline, EventBlock: ev.BlockNumber})
		ops = append(ops,
			store.PutOp(k.keys.exit(p), rec),
			store.IndexAddOp(k.keys.exits(), strconv.FormatUint(e.UtxoPos, 10), int64(e.Deadline)))
	}
	if len(live) == 0 {
		return
	}
	fail := func(err error) {
		for _, i := range live {
			if errs[i] == nil {
				errs[i] = err
			}
		}
	}
	// 1. Record every exit (durably) before looking for any spend.
	if _, err := store.Apply(ctx, k.store, ops); err != nil {
		fail(fmt.Errorf("plasma: store %d exits: %w", len(live), err))
		return
	}
	// 2. Spend, output, owner registration and output registration of each.
	const perExit = 4
	keys := make([]string, 0, perExit*len(live))
	for _, i := range live {
		p := plasmatx.Pos(exits[i].UtxoPos)
		keys = append(keys, k.keys.spent(p), k.keys.out(p), k.keys.watcher(exits[i].Owner), k.keys.watchOut(p))
	}
	vals, err := store.GetMany(ctx, k.store, keys)
	if err != nil {
		fail(fmt.Errorf("plasma: look up %d exits: %w", len(live), err))
		return
	}
	type fraud struct {
		i       int
		sp      Spend
		victims []common.Address
	}
	var frauds []fraud
	var victimKeys []string
	for n, i := range live {
		e, p, v := exits[i], plasmatx.Pos(exits[i].UtxoPos), vals[perExit*n:perExit*n+perExit]
		spent, out, ownerReg, outReg := v[0], v[1], v[2] != nil, v[3] != nil
		if spent != nil {
			sp, err := decodeSpend(spent)
			if err != nil {
				errs[i] = err
				continue
			}
			var victims []common.Address
			if tx, err := plasmatx.Decode(sp.Tx); err == nil {
				for _, o := range tx.Outputs {
					if o.Exists() {
						victims = append(victims, o.Owner)
					}
				}
			}
			for _, a := range victims {
				victimKeys = append(victimKeys, k.keys.watcher(a))
			}
			frauds = append(frauds, fraud{i: i, sp: sp, victims: victims})
			continue
		}
		// named([owner], [p]) and Output(p), from the values read.
		var o *plasmatx.Output
		if out != nil {
			dec, err := decodeOutput(out)
			if err != nil {
				errs[i] = err
				continue
			}
			o = &dec
		}
		var addrs []common.Address
		if ownerReg {
			addrs = append(addrs, e.Owner)
		}
		vds[i].Users = namedFrom(addrs, []common.Address{e.Owner}, outReg, o)
		if o != nil {
			vds[i].Outcome = l2.Honest
			vds[i].Detail = fmt.Sprintf("exit of unspent output %s by %s", p, e.Owner.Hex())
		} else {
			vds[i].Outcome = l2.Unwatched
			vds[i].Detail = fmt.Sprintf("exit of %s by %s: output unknown to the tower", p, e.Owner.Hex())
		}
	}
	if len(frauds) == 0 {
		return
	}
	// 3. Which victims registered (named(victims, [p]) of challengeFor).
	victimReg := map[string]bool{}
	if len(victimKeys) > 0 {
		slices.Sort(victimKeys)
		victimKeys = slices.Compact(victimKeys)
		regs, err := store.GetMany(ctx, k.store, victimKeys)
		if err != nil {
			for _, f := range frauds {
				errs[f.i] = fmt.Errorf("plasma: look up registrations: %w", err)
			}
			return
		}
		for n, key := range victimKeys {
			victimReg[key] = regs[n] != nil
		}
	}
	for _, f := range frauds {
		i, e := f.i, exits[f.i]
		p := plasmatx.Pos(e.UtxoPos)
		n := slices.Index(live, i)
		v := vals[perExit*n : perExit*n+perExit]
		var o *plasmatx.Output
		if v[1] != nil {
			if dec, err := decodeOutput(v[1]); err == nil {
				o = &dec
			}
		}
		var addrs []common.Address
		for _, a := range f.victims {
			if victimReg[k.keys.watcher(a)] {
				addrs = append(addrs, a)
			}
		}
		ch, err := k.challengeWith(p, f.sp, e.Deadline, evs[i].BlockNumber, namedFrom(addrs, f.victims, v[3] != nil, o))
		if err != nil {
			errs[i] = err
			continue
		}
		vds[i].Outcome, vds[i].Challenge, vds[i].Users = l2.Fraud, &ch, ch.Users
		vds[i].Detail = fmt.Sprintf("exit of %s by %s: the output was spent in block %d", p, e.Owner.Hex(), f.sp.Blknum)
	}
}

// namedFrom is named(addrs, [p]) from values already read: registered are
// the registered ones among addrs (in order), outReg whether p is
// registered and out its output (nil if unknown or unreadable).
func namedFrom(registered, addrs []common.Address, outReg bool, out *plasmatx.Output) []string {
	var users []string
	add := func(a common.Address) {
		if h := a.Hex(); !slices.Contains(users, h) {
			users = append(users, h)
		}
	}
	for _, a := range registered {
		add(a)
	}
	if outReg {
		if out != nil {
			add(out.Owner)
		} else {
			for _, a := range addrs {
				add(a)
			}
		}
	}
	return users
}
