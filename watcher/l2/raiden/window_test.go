package raiden_test

import (
	"context"
	"encoding/json"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/watchtower-l2/watchtower/watcher/event"
	"github.com/watchtower-l2/watchtower/watcher/l2"
	"github.com/watchtower-l2/watchtower/watcher/l2/kindtest"
	"github.com/watchtower-l2/watchtower/watcher/l2/raiden"
)

// The dispute stays answerable while the channel is closed, past
// settleable_after, and ends with the settlement.
func TestWindowFollowsTheChannel(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	_, j := f.partnerProof(t, 5)
	if r := f.hold(t, true, j)[0]; r.Err != nil {
		t.Fatal(r.Err)
	}
	v, err := f.kind.Verify(ctx, kindtest.Event(t, f.kind, f.chainID(), f.closeStale(t)))
	if err != nil || v.Challenge == nil {
		t.Fatalf("verify: %s %v", v.Outcome, err)
	}
	c := *v.Challenge
	head := func() *l2.Answerability {
		h, err := f.backend.Client().HeaderByNumber(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		a, err := l2.Answerable(ctx, f.kind, c, h, time.Second)
		if err != nil {
			t.Fatal(err)
		}
		return &a
	}
	if a := head(); !a.Open || a.Left <= 0 || a.Left > time.Duration(f.net.SettleTimeout)*time.Second {
		t.Errorf("right after the close: %+v, want open with up to %ds left", a, f.net.SettleTimeout)
	}
	f.afterSettleTimeout(t)
	if a := head(); !a.Open || a.Left != 0 {
		t.Errorf("after the settle timeout: %+v, want open (until someone settles) with no time left", a)
	}
	f.settle(t, 0)
	if a := head(); a.Open {
		t.Errorf("after the settlement: %+v, want closed", a)
	}
	if _, err := f.kind.Answerable(ctx, l2.Challenge{Data: []byte{1, 2, 3, 4}}, nil); err == nil {
		t.Error("a challenge that is not an update: no error")
	}
}

func errorData(t *testing.T, reason string) []byte {
	t.Helper()
	str, _ := abi.NewType("string", "", nil)
	b, err := abi.Arguments{{Type: str}}.Pack(reason)
	if err != nil {
		t.Fatal(err)
	}
	return append(crypto.Keccak256([]byte("Error(string)"))[:4], b...)
}

func TestClassifyRevert(t *testing.T) {
	f := newFixture(t)
	for reason, want := range map[string]l2.RevertClass{
		"TN: nonce reused":                     l2.RevertObsolete,
		"TN/update: channel not closed":        l2.RevertObsolete,
		"TN/update: channel id mismatch":       l2.RevertTooLate,
		"TN/update: invalid closing sig":       l2.RevertUnknown,
		"TN/update: incorrect signature order": l2.RevertUnknown,
	} {
		if name, got := f.kind.ClassifyRevert(l2.Challenge{}, errorData(t, reason)); got != want {
			t.Errorf("%q: %v (%s), want %v", reason, got, name, want)
		}
	}
}

// The kind's other events are noted; a close of a channel the tower holds
// nothing for is unwatched, and its retraction cancels nothing.
func TestVerifyOtherEvents(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	lg := f.closeStale(t)
	ev := kindtest.Event(t, f.kind, f.chainID(), lg)
	if v, err := f.kind.Verify(ctx, ev); err != nil || v.Outcome != l2.Unwatched {
		t.Errorf("close without a held proof: %s %v", v.Outcome, err)
	}
	ev.Removed = true
	if v, err := f.kind.Verify(ctx, ev); err != nil || v.Outcome != l2.Retracted || len(v.Cancel) != 0 {
		t.Errorf("its retraction: %s %v %v", v.Outcome, v.Cancel, err)
	}
	up := kindtest.Event(t, f.kind, f.chainID(), f.log(t, f.update(t, 4), raiden.EventUpdated))
	v, err := f.kind.Verify(ctx, up)
	if err != nil || v.Outcome != l2.Noted || v.Subject != raiden.Subject(f.id, f.partnerAddr()) {
		t.Errorf("update: %+v %v", v, err)
	}
	if _, err := f.kind.Verify(ctx, kindtest.Event(t, f.kind, f.chainID(), lg)); err != nil {
		t.Fatal(err)
	}
}

// A close event L1 does not show (the channel is still open) is not answered.
func TestVerifyUnconfirmedClose(t *testing.T) {
	f := newFixture(t)
	_, j := f.partnerProof(t, 5)
	if r := f.hold(t, true, j)[0]; r.Err != nil {
		t.Fatal(r.Err)
	}
	payload, err := json.Marshal(raiden.BalanceProofOnChain{ChannelID: f.id, Closing: f.partnerAddr(), Nonce: big.NewInt(0)})
	if err != nil {
		t.Fatal(err)
	}
	ev := event.Event{ChainID: f.chainID(), Kind: raiden.KindName, Name: raiden.EventClosed, Contract: f.net.Address, BlockNumber: 1, Payload: payload}
	if v, err := f.kind.Verify(context.Background(), ev); err != nil || v.Outcome != l2.Unconfirmed || v.Challenge != nil {
		t.Errorf("a forged close: %s %v (%s)", v.Outcome, err, v.Detail)
	}
}

func TestSettingsProbeTheTokenNetwork(t *testing.T) {
	f := newFixture(t)
	s := &raiden.Settings{}
	if s.Enabled() {
		t.Error("an empty section is enabled")
	}
	s.TokenNetwork = "0x12"
	if len(s.Problems()) == 0 {
		t.Error("a malformed address has no problem")
	}
	s.TokenNetwork = f.net.Address.Hex()
	if !s.Enabled() || len(s.Problems()) != 0 {
		t.Fatalf("enabled %v, problems %v", s.Enabled(), s.Problems())
	}
	o := &bind.CallOpts{Context: context.Background()}
	cs := s.Contracts()
	if len(cs) != 1 || cs[0].Address != f.net.Address {
		t.Fatalf("contracts %+v", cs)
	}
	if _, err := cs[0].Probe(o, f.backend.Client()); err != nil {
		t.Errorf("probe of the token network: %v", err)
	}
	s.TokenNetwork = common.HexToAddress("0x00000000000000000000000000000000000000aa").Hex()
	if _, err := s.Contracts()[0].Probe(o, f.backend.Client()); err == nil {
		t.Error("probe of an address without code: no error")
	}
	if p := raiden.Plugin(); p.Name != raiden.KindName || p.NewConfig().Enabled() {
		t.Errorf("plugin %+v", p)
	}
}
