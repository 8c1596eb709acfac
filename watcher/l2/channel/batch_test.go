package channel_test

import (
	"context"
	"testing"

	"github.com/ethereum/go-ethereum/core/types"

	"github.com/watchtower-l2/watchtower/internal/testutil/chantest"
	"github.com/watchtower-l2/watchtower/watcher/event"
	"github.com/watchtower-l2/watchtower/watcher/l2"
	"github.com/watchtower-l2/watchtower/watcher/l2/channel"
)

// events are the channel events of r as ingest would publish them.
func (f *fixture) events(t *testing.T, r *types.Receipt) []event.Event {
	t.Helper()
	var out []event.Event
	for _, lg := range r.Logs {
		name, payload, ok, err := f.kind.Decode(*lg)
		if err != nil || !ok {
			continue
		}
		out = append(out, event.Event{ChainID: f.chain.Net.ChainID.Uint64(), Kind: channel.KindName, Name: name, Contract: lg.Address,
			BlockNumber: lg.BlockNumber, BlockHash: lg.BlockHash, TxHash: lg.TxHash, LogIndex: lg.Index, Payload: payload})
	}
	if len(out) == 0 {
		t.Fatal("no channel event in receipt")
	}
	return out
}

// VerifyBatch gives every event the verdict Verify gives it: a stale close
// (fraud, with its users from L1), an honest close, an undelegated close, a
// channel with two events in the batch, and a reorged close.
func TestVerifyBatchAgreesWithVerify(t *testing.T) {
	f := newFixture(t, 8)
	ctx := context.Background()
	stale, honest, undelegated, twice := f.chain.Open(40, 4), f.chain.Open(40, 3), f.chain.Open(40, 2), f.chain.Open(40, 3)
	for _, ch := range []*chantest.Channel{stale, honest, twice} {
		if _, err := f.kind.Delegate(ctx, ch.Latest()); err != nil {
			t.Fatal(err)
		}
	}
	var evs []event.Event
	evs = append(evs, f.events(t, f.chain.Close(stale, stale.States[0]))...)
	evs = append(evs, f.events(t, f.chain.Close(honest, honest.Latest()))...)
	evs = append(evs, f.events(t, f.chain.Close(undelegated, undelegated.States[0]))...)
	twiceClose := f.events(t, f.chain.Close(twice, twice.States[1]))
	evs = append(evs, twiceClose...)
	removed := twiceClose[0]
	removed.Removed = true
	evs = append(evs, removed)

	got, errs := f.kind.VerifyBatch(ctx, evs)
	if len(got) != len(evs) || len(errs) != len(evs) {
		t.Fatalf("VerifyBatch returned %d verdicts and %d errors for %d events", len(got), len(errs), len(evs))
	}
	outcomes := map[l2.Outcome]int{}
	for i, ev := range evs {
		if errs[i] != nil {
			t.Fatalf("event %d (%s): %v", i, ev.Name, errs[i])
		}
		want, err := f.kind.Verify(ctx, ev)
		if err != nil {
			t.Fatal(err)
		}
		g := got[i]
		if g.Outcome != want.Outcome || g.Subject != want.Subject || g.Detail != want.Detail || g.DeadlineBlock != want.DeadlineBlock ||
			len(g.Users) != len(want.Users) || len(g.Cancel) != len(want.Cancel) || (g.Challenge == nil) != (want.Challenge == nil) {
			t.Fatalf("event %d (%s): VerifyBatch gave %+v, Verify gives %+v", i, ev.Name, g, want)
		}
		if g.Challenge != nil && g.Challenge.DisputeID != want.Challenge.DisputeID {
			t.Fatalf("event %d: dispute %s, Verify names %s", i, g.Challenge.DisputeID, want.Challenge.DisputeID)
		}
		outcomes[g.Outcome]++
	}
	if outcomes[l2.Fraud] != 2 || outcomes[l2.Honest] != 1 || outcomes[l2.Unwatched] != 1 || outcomes[l2.Retracted] != 1 {
		t.Fatalf("outcomes %v, want 2 frauds, 1 honest, 1 unwatched, 1 retracted", outcomes)
	}
	for _, g := range got {
		if g.Outcome == l2.Fraud && (len(g.Users) != 2 || g.Users[0] == g.Users[1]) {
			t.Fatalf("fraud verdict names users %v, want the channel's two parties", g.Users)
		}
	}
}
