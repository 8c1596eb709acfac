package tower_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/watchtower-l2/watchtower/alerts"
	"github.com/watchtower-l2/watchtower/watcher/bus"
	"github.com/watchtower-l2/watchtower/watcher/challenge"
	"github.com/watchtower-l2/watchtower/watcher/event"
	"github.com/watchtower-l2/watchtower/watcher/eventauth"
	"github.com/watchtower-l2/watchtower/watcher/l2"
	"github.com/watchtower-l2/watchtower/watcher/l2/channel"
	"github.com/watchtower-l2/watchtower/watcher/tower"
	"github.com/watchtower-l2/watchtower/watcher/verify"
)

// attacker publishes on the tower's NATS server like any other client.
type attacker struct {
	t   *testing.T
	bus *bus.Bus
}

func newAttacker(t *testing.T, e *env) *attacker {
	t.Helper()
	b, err := bus.Connect(context.Background(), e.natsURL, bus.Options{Name: "attacker"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(b.Close)
	return &attacker{t: t, bus: b}
}

// publish puts ev on the bus, sealed by key (nil: unsealed).
func (a *attacker) publish(ev event.Event, key *eventauth.Signer) {
	a.t.Helper()
	data, err := ev.Encode()
	if err != nil {
		a.t.Fatal(err)
	}
	var h map[string]string
	if key != nil {
		seals, err := key.Seal([]eventauth.Item{{Subject: ev.Subject(), MsgID: ev.MsgID(), Data: data}})
		if err != nil {
			a.t.Fatal(err)
		}
		h = seals[0].Headers()
	}
	if _, err := a.bus.PublishHeader(context.Background(), ev.Subject(), ev.MsgID(), data, h); err != nil {
		a.t.Fatal(err)
	}
}

func verdictOf(t *testing.T, p *proc, ev event.Event) (l2.Verdict, bool) {
	t.Helper()
	b, err := p.st.Get(context.Background(), verify.VerdictKey(ev.MsgID()))
	if err != nil {
		return l2.Verdict{}, false
	}
	var v l2.Verdict
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	return v, true
}

func rejected(rec *alerts.Recorder, reason string) bool {
	for _, a := range rec.Alerts() {
		if strings.HasPrefix(a.Fingerprint, "bus-rejected-") && strings.HasSuffix(a.Fingerprint, reason) {
			return true
		}
	}
	return false
}

// TestForgedEventsCannotSilenceTheTower publishes forged events straight on
// a running tower's bus: unsealed, sealed by an unknown key, and sealed by
// the trusted ingest key itself (a leaked key). None of them makes the tower
// forget a held state, declare a dispute missed or cancel a challenge: a
// genuine stale close that follows is challenged before its deadline.
func TestForgedEventsCannotSilenceTheTower(t *testing.T) {
	for _, batch := range []int{0, 16} {
		t.Run(fmt.Sprintf("batch=%d", batch), func(t *testing.T) { forgedEvents(t, batch) })
	}
}

func forgedEvents(t *testing.T, batch int) {
	e := newEnv(t, 4)
	e.verifyBatch = batch
	c := e.chain
	ctx := context.Background()
	ch := c.Open(3000, 4) // 90 s of 30 ms blocks once mining starts: room for a loaded machine
	p := e.start(t, "w1", 0, 1, tower.RoleIngest, tower.RoleVerify)
	delegate(t, p, ch.Latest())
	atk := newAttacker(t, e)
	stranger, err := eventauth.GenerateSigner()
	if err != nil {
		t.Fatal(err)
	}

	head, err := c.Net.Client.HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	forged := func(name string, logIndex uint, payload string) event.Event {
		return event.Event{ChainID: c.Net.ChainID.Uint64(), Kind: channel.KindName, Name: name, Contract: c.Addr,
			BlockNumber: head.Number.Uint64(), BlockHash: head.Hash(), LogIndex: logIndex, Payload: json.RawMessage(payload)}
	}
	settled := func(i uint) event.Event {
		return forged(channel.EventSettled, i, fmt.Sprintf(`{"channel_id":%q,"nonce":1,"balance_a":1,"balance_b":1}`, ch.ID.Hex()))
	}
	atk.publish(settled(90), nil)      // unsealed
	atk.publish(settled(91), stranger) // sealed by a key nobody trusts
	leakedSettle := settled(92)
	atk.publish(leakedSettle, e.events) // sealed by the trusted key: L1 has no such log
	leakedClose := forged(channel.EventClosed, 93,
		fmt.Sprintf(`{"channel_id":%q,"by":"%s","nonce":1,"balance_a":1,"balance_b":1,"deadline":1}`, ch.ID.Hex(), common.Address{}.Hex()))
	atk.publish(leakedClose, e.events) // the channel is open on L1

	waitFor(t, "the unsealed and strange-key messages to be refused", 30*time.Second, func() bool {
		return rejected(e.alerts, "unsigned") && rejected(e.alerts, "unknown_key")
	})
	for _, ev := range []event.Event{leakedSettle, leakedClose} {
		waitFor(t, "a verdict on the forged "+ev.Name, 30*time.Second, func() bool { _, ok := verdictOf(t, p, ev); return ok })
		if v, _ := verdictOf(t, p, ev); v.Outcome != l2.Unconfirmed {
			t.Fatalf("forged %s judged %+v, want unconfirmed", ev.Name, v)
		}
	}
	if held, err := p.tw.Kinds[channel.KindName].(*channel.Kind).Latest(ctx, ch.ID); err != nil || held.Nonce != 4 {
		t.Fatalf("held state after forged settlements: nonce %d, %v; want nonce 4 kept", held.Nonce, err)
	}
	if open, err := p.tw.Queue.Open(ctx, 0); err != nil || len(open) != 0 {
		t.Fatalf("open jobs after a forged close: %v %v", open, err)
	}

	// The genuine stale close is proven and queued.
	r := c.Close(ch, ch.States[0])
	c.Net.Mine() // its confirmation
	id := channel.DisputeID(ch.ID, 4, c.OnChain(ch).Deadline)
	waitFor(t, "the genuine stale close to queue a challenge", 30*time.Second, func() bool {
		j, err := p.tw.Queue.Get(ctx, id)
		return err == nil && j.Status == challenge.Pending
	})

	// A retraction of it, sealed by the trusted key, while its block is
	// still canonical: refused once the node has had its chances to see a reorg.
	retraction := closeEvent(t, p, c.Net.ChainID.Uint64(), r)
	retraction.Removed = true
	atk.publish(retraction, e.events)
	waitFor(t, "a verdict on the forged retraction", 60*time.Second, func() bool { _, ok := verdictOf(t, p, retraction); return ok })
	if v, _ := verdictOf(t, p, retraction); v.Outcome != l2.Unconfirmed || !strings.Contains(v.Detail, "still canonical") {
		t.Fatalf("forged retraction judged %+v, want unconfirmed", v)
	}
	if j, err := p.tw.Queue.Get(ctx, id); err != nil || j.Status != challenge.Pending {
		t.Fatalf("job after the forged retraction: %+v %v; want still pending", j, err)
	}

	// A challenge process takes the job and answers before the deadline.
	c.Net.AutoMine(30 * time.Millisecond)
	e.start(t, "w2", 0, 1, tower.RoleChallenge)
	waitFor(t, "the stale close to be challenged", 60*time.Second, func() bool { return len(c.Challenges(ch)) > 0 })
	got := c.Challenges(ch)
	if len(got) != 1 || got[0].Nonce != 4 || got[0].Raw.BlockNumber > c.OnChain(ch).Deadline {
		t.Fatalf("challenges %d, first with nonce %d in block %d; want one with nonce 4 by block %d",
			len(got), got[0].Nonce, got[0].Raw.BlockNumber, c.OnChain(ch).Deadline)
	}
}

// closeEvent is the event ingest made of the close in r.
func closeEvent(t *testing.T, p *proc, chainID uint64, r *types.Receipt) event.Event {
	t.Helper()
	kind := p.tw.Kinds[channel.KindName]
	for _, l := range r.Logs {
		name, payload, ok, err := kind.Decode(*l)
		if err != nil || !ok || name != channel.EventClosed {
			continue
		}
		return event.Event{ChainID: chainID, Kind: channel.KindName, Name: name, Contract: l.Address,
			BlockNumber: l.BlockNumber, BlockHash: l.BlockHash, TxHash: l.TxHash, LogIndex: l.Index, Payload: payload}
	}
	t.Fatal("no ChannelClosed log in the receipt")
	return event.Event{}
}
