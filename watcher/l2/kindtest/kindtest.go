// Package kindtest is the conformance suite every L2 kind runs, as storetest
// is for stores: a kind's test package calls Run with a function that sets
// the kind up on a simulated chain, and the suite checks what the pipeline
// relies on:
//   - Decode ignores other contracts' logs and events it does not know;
//   - Verify is idempotent under redelivery (same outcome, same dispute);
//   - a retracted fraud yields Retracted with Cancel naming its dispute;
//   - revert data the kind does not know is RevertUnknown;
//   - a fraud is challenged end to end (the contract accepts the challenge)
//     and an honest event is left alone.
package kindtest

import (
	"context"
	"slices"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/watchtower-l2/watchtower/watcher/event"
	"github.com/watchtower-l2/watchtower/watcher/l2"
)

// Setup is one kind under test, fresh for each check.
type Setup struct {
	// Kind is the kind under test, on a store of its own.
	Kind l2.Kind
	// ChainID is the L1 chain id.
	ChainID uint64
	// Fraud makes on L1 an event the kind must challenge, with whatever the
	// kind needs to prove it already held (a delegated proof), and returns
	// its log.
	Fraud func(t *testing.T) types.Log
	// Honest makes on L1 an event the kind must not challenge (an event of
	// the same name as Fraud's when the kind has one), and returns its log.
	Honest func(t *testing.T) types.Log
	// Send submits a challenge's call to L1 as the challenge role would and
	// returns its receipt once mined.
	Send func(t *testing.T, c l2.Challenge) *types.Receipt
}

// Run runs the conformance suite; setup is called once per check.
func Run(t *testing.T, setup func(t *testing.T) Setup) {
	t.Run("DecodeIgnoresOtherLogs", func(t *testing.T) { decodeIgnoresOtherLogs(t, setup(t)) })
	t.Run("VerifyIsIdempotent", func(t *testing.T) { verifyIsIdempotent(t, setup(t)) })
	t.Run("RetractionCancelsTheDispute", func(t *testing.T) { retractionCancels(t, setup(t)) })
	t.Run("UnknownRevertIsUnknown", func(t *testing.T) { unknownRevert(t, setup(t)) })
	t.Run("FraudIsChallengedEndToEnd", func(t *testing.T) { fraudEndToEnd(t, setup(t)) })
	t.Run("HonestIsLeftAlone", func(t *testing.T) { honestLeftAlone(t, setup(t)) })
}

// Event decodes log with k into the event ingest would publish.
func Event(t *testing.T, k l2.Kind, chainID uint64, log types.Log) event.Event {
	t.Helper()
	name, payload, ok, err := k.Decode(log)
	if err != nil || !ok {
		t.Fatalf("%s does not decode its own log (topic %s): ok=%v err=%v", k.Name(), topic0(log).Hex(), ok, err)
	}
	return event.Event{ChainID: chainID, Kind: k.Name(), Name: name, Contract: log.Address, BlockNumber: log.BlockNumber,
		BlockHash: log.BlockHash, TxHash: log.TxHash, LogIndex: log.Index, Payload: payload}
}

func topic0(log types.Log) common.Hash {
	if len(log.Topics) == 0 {
		return common.Hash{}
	}
	return log.Topics[0]
}

func verify(t *testing.T, s Setup, ev event.Event) l2.Verdict {
	t.Helper()
	v, err := s.Kind.Verify(context.Background(), ev)
	if err != nil {
		t.Fatalf("verify %s %s: %v", ev.Kind, ev.Name, err)
	}
	return v
}

func decodeIgnoresOtherLogs(t *testing.T, s Setup) {
	log := s.Fraud(t)
	if !slices.Contains(s.Kind.Addresses(), log.Address) {
		t.Fatalf("the fraud's log is of %s, which the kind does not watch (%v)", log.Address.Hex(), s.Kind.Addresses())
	}
	other := log
	other.Address = common.HexToAddress("0x00000000000000000000000000000000000d0e5a")
	if _, _, ok, err := s.Kind.Decode(other); ok || err != nil {
		t.Errorf("a log of another contract: ok=%v err=%v, want ignored", ok, err)
	}
	unknown := log
	unknown.Topics = append([]common.Hash{common.HexToHash("0x0123456789abcdef")}, log.Topics[1:]...)
	if _, _, ok, err := s.Kind.Decode(unknown); ok || err != nil {
		t.Errorf("an unknown event of the watched contract: ok=%v err=%v, want ignored", ok, err)
	}
	none := log
	none.Topics = nil
	if _, _, ok, err := s.Kind.Decode(none); ok || err != nil {
		t.Errorf("an anonymous log of the watched contract: ok=%v err=%v, want ignored", ok, err)
	}
}

func verifyIsIdempotent(t *testing.T, s Setup) {
	ev := Event(t, s.Kind, s.ChainID, s.Fraud(t))
	first := verify(t, s, ev)
	second := verify(t, s, ev)
	if first.Outcome != l2.Fraud || first.Challenge == nil {
		t.Fatalf("first delivery: %s (%s), want fraud with a challenge", first.Outcome, first.Detail)
	}
	if second.Outcome != first.Outcome || second.Challenge == nil || second.Challenge.DisputeID != first.Challenge.DisputeID {
		t.Fatalf("redelivery: %s %+v, first %s dispute %s", second.Outcome, second.Challenge, first.Outcome, first.Challenge.DisputeID)
	}
}

func retractionCancels(t *testing.T, s Setup) {
	ev := Event(t, s.Kind, s.ChainID, s.Fraud(t))
	v := verify(t, s, ev)
	if v.Challenge == nil {
		t.Fatalf("the fraud was judged %s (%s)", v.Outcome, v.Detail)
	}
	ev.Removed = true
	r := verify(t, s, ev)
	if r.Outcome != l2.Retracted || !slices.Contains(r.Cancel, v.Challenge.DisputeID) {
		t.Fatalf("retraction: %s cancelling %v, want retracted cancelling %s", r.Outcome, r.Cancel, v.Challenge.DisputeID)
	}
}

func unknownRevert(t *testing.T, s Setup) {
	ev := Event(t, s.Kind, s.ChainID, s.Fraud(t))
	v := verify(t, s, ev)
	if v.Challenge == nil {
		t.Fatalf("the fraud was judged %s (%s)", v.Outcome, v.Detail)
	}
	panicData := append(common.FromHex("0x4e487b71"), common.LeftPadBytes([]byte{0x11}, 32)...)
	for _, data := range [][]byte{nil, {0xde, 0xad, 0xbe, 0xef}, panicData} {
		if name, class := s.Kind.ClassifyRevert(*v.Challenge, data); class != l2.RevertUnknown {
			t.Errorf("revert data %x classified %v (%s), want unknown", data, class, name)
		}
	}
}

func fraudEndToEnd(t *testing.T, s Setup) {
	ev := Event(t, s.Kind, s.ChainID, s.Fraud(t))
	v := verify(t, s, ev)
	if v.Outcome != l2.Fraud || v.Challenge == nil {
		t.Fatalf("fraud judged %s (%s)", v.Outcome, v.Detail)
	}
	c := *v.Challenge
	if c.Kind != s.Kind.Name() || c.DisputeID == "" || !slices.Contains(s.Kind.Addresses(), c.To) {
		t.Fatalf("challenge %+v: wrong kind, no dispute id, or not to a watched contract", c)
	}
	if r := s.Send(t, c); r.Status != types.ReceiptStatusSuccessful {
		t.Fatalf("the contract refused the challenge (tx %s)", r.TxHash.Hex())
	}
}

func honestLeftAlone(t *testing.T, s Setup) {
	ev := Event(t, s.Kind, s.ChainID, s.Honest(t))
	v := verify(t, s, ev)
	if v.Outcome == l2.Fraud || v.Challenge != nil {
		t.Fatalf("an honest event was judged %s with challenge %+v (%s)", v.Outcome, v.Challenge, v.Detail)
	}
}

// Transact sends c's call from opts through backend, as the challenge role
// would (without simulating it first, so a refusal is mined and shows in
// the receipt).
func Transact(t *testing.T, backend bind.ContractBackend, opts *bind.TransactOpts, c l2.Challenge) *types.Transaction {
	t.Helper()
	o := *opts
	if o.GasLimit == 0 {
		o.GasLimit = 2_000_000
	}
	tx, err := bind.NewBoundContract(c.To, abi.ABI{}, backend, backend, backend).RawTransact(&o, c.Data)
	if err != nil {
		t.Fatalf("send challenge %s: %v", c.DisputeID, err)
	}
	return tx
}
