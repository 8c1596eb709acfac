package verify

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/alerts"
	"github.com/watchtower-l2/watchtower/watcher/bus"
	"github.com/watchtower-l2/watchtower/watcher/event"
	"github.com/watchtower-l2/watchtower/watcher/eventauth"
	"github.com/watchtower-l2/watchtower/watcher/l2"
)

// L1 is what the verify role reads from the L1 node to confirm the events it
// must not take on trust. The RPCs used: eth_getBlockByNumber (headers) and
// eth_getLogs by block hash.
type L1 interface {
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
	FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error)
}

const (
	// rpcTimeout bounds each L1 read of a confirmation.
	rpcTimeout = 10 * time.Second
	// retractionRetries is how many deliveries a retraction whose block is
	// still canonical waits for this process's L1 node to see the reorg.
	retractionRetries = 3
	// rejectAlertEvery bounds the alerts raised for refused messages.
	rejectAlertEvery = time.Minute
)

// authenticate checks a message's seal; a refused message is counted, logged,
// alerted on (at most once a minute) and terminated.
func (v *Verifier) authenticate(ctx context.Context, m bus.Msg) error {
	err := v.cfg.Auth.Check(eventauth.Item{Subject: m.Subject, MsgID: m.MsgID, Data: m.Data}, m.Header)
	if err == nil {
		return nil
	}
	reason := eventauth.Reason(err)
	v.cfg.Metrics.EventRejected(reason)
	v.log.Error("refused a bus message that is not sealed by a trusted ingest key",
		zap.String("subject", m.Subject), zap.String("msg_id", m.MsgID), zap.String("reason", reason), zap.Error(err))
	if v.rejectLimiter.allow(reason) {
		a := alerts.Alert{
			Fingerprint: fmt.Sprintf("bus-rejected-%d-%s", v.cfg.ChainID, reason),
			Severity:    alerts.Critical,
			Kind:        "bus",
			ChainID:     v.cfg.ChainID,
			Subject:     m.Subject,
			State:       alerts.StateDetected,
			Summary: fmt.Sprintf("verify refused a message on %s (%s): someone who is not a trusted ingest publishes on the event bus; check NATS permissions and events.trusted_keys",
				m.Subject, reason),
		}
		if aerr := v.alerts.Notify(context.WithoutCancel(ctx), a); aerr != nil {
			v.log.Warn("alert delivery failed", zap.Error(aerr))
		}
	}
	return bus.Permanent(fmt.Errorf("verify: message %s on %s: %w", m.MsgID, m.Subject, err))
}

// rateGate lets one event per key through per period.
type rateGate struct {
	every time.Duration
	mu    sync.Mutex
	last  map[string]time.Time
}

func (g *rateGate) allow(key string) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	now := time.Now()
	if g.last == nil {
		g.last = map[string]time.Time{}
	}
	if t, ok := g.last[key]; ok && now.Sub(t) < g.every {
		return false
	}
	g.last[key] = now
	return true
}

// needsConfirm reports whether ev must be confirmed on L1 before its kind
// acts on it: every retraction, and the events the kind calls irrevocable.
func needsConfirm(kind l2.Kind, ev event.Event) bool {
	if ev.Removed {
		return true
	}
	ir, ok := kind.(l2.Irrevocable)
	return ok && ir.Irrevocable(ev)
}

// l1View reads and remembers L1 headers and logs for the confirmations of
// one message or batch, so events of one block cost one read.
type l1View struct {
	l1      L1
	addrs   []common.Address
	mu      sync.Mutex
	headers map[uint64]*types.Header
	logs    map[common.Hash][]types.Log
}

func newL1View(l1 L1, addrs []common.Address) *l1View {
	return &l1View{l1: l1, addrs: addrs, headers: map[uint64]*types.Header{}, logs: map[common.Hash][]types.Log{}}
}

// canonical returns the canonical header at n, or nil when L1 has no block n.
func (w *l1View) canonical(ctx context.Context, n uint64) (*types.Header, error) {
	w.mu.Lock()
	h, ok := w.headers[n]
	w.mu.Unlock()
	if ok {
		return h, nil
	}
	rctx, cancel := context.WithTimeout(ctx, rpcTimeout)
	defer cancel()
	h, err := w.l1.HeaderByNumber(rctx, new(big.Int).SetUint64(n))
	if errors.Is(err, ethereum.NotFound) {
		h, err = nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read L1 header %d: %w", n, err)
	}
	w.mu.Lock()
	w.headers[n] = h
	w.mu.Unlock()
	return h, nil
}

func (w *l1View) blockLogs(ctx context.Context, block common.Hash, contract common.Address) ([]types.Log, error) {
	w.mu.Lock()
	logs, ok := w.logs[block]
	w.mu.Unlock()
	if ok {
		return logs, nil
	}
	rctx, cancel := context.WithTimeout(ctx, rpcTimeout)
	defer cancel()
	// Every watched contract's logs of the block, so the other events of the
	// batch in this block are confirmed from the same read.
	logs, err := w.l1.FilterLogs(rctx, ethereum.FilterQuery{BlockHash: &block, Addresses: w.addrs})
	if err != nil {
		return nil, fmt.Errorf("read logs of L1 block %s (contract %s): %w", block.Hex(), contract.Hex(), err)
	}
	w.mu.Lock()
	w.logs[block] = logs
	w.mu.Unlock()
	return logs, nil
}

// confirm checks what ev claims against L1. It returns "" when L1 confirms
// it, a reason when L1 contradicts it, or an error when L1 could not tell
// (the message is retried).
func (v *Verifier) confirm(ctx context.Context, w *l1View, kind l2.Kind, ev event.Event, delivered uint64) (string, error) {
	h, err := w.canonical(ctx, ev.BlockNumber)
	if err != nil {
		return "", err
	}
	if ev.Removed {
		if h != nil && h.Hash() == ev.BlockHash {
			if delivered < retractionRetries {
				return "", fmt.Errorf("retraction of %s: block %d is still canonical on L1; waiting for this node to see the reorg", ev.ID(), ev.BlockNumber)
			}
			return fmt.Sprintf("retraction refused: block %d (%s) is still canonical on L1", ev.BlockNumber, ev.BlockHash.Hex()), nil
		}
		return "", nil
	}
	if h == nil {
		return "", fmt.Errorf("confirm %s: L1 has no block %d yet", ev.ID(), ev.BlockNumber)
	}
	if h.Hash() != ev.BlockHash {
		return fmt.Sprintf("block %d on L1 is %s, not %s", ev.BlockNumber, h.Hash().Hex(), ev.BlockHash.Hex()), nil
	}
	logs, err := w.blockLogs(ctx, ev.BlockHash, ev.Contract)
	if err != nil {
		return "", err
	}
	i := slices.IndexFunc(logs, func(l types.Log) bool { return l.Index == ev.LogIndex })
	if i < 0 {
		return fmt.Sprintf("block %d has no log %d", ev.BlockNumber, ev.LogIndex), nil
	}
	l := logs[i]
	if l.Address != ev.Contract || l.TxHash != ev.TxHash {
		return fmt.Sprintf("log %d of block %d is from contract %s in tx %s", ev.LogIndex, ev.BlockNumber, l.Address.Hex(), l.TxHash.Hex()), nil
	}
	name, payload, ok, err := kind.Decode(l)
	if err != nil || !ok {
		return fmt.Sprintf("log %d of block %d is not a %s event the kind reads (%v)", ev.LogIndex, ev.BlockNumber, ev.Kind, err), nil
	}
	if name != ev.Name || !sameJSON(payload, ev.Payload) {
		return fmt.Sprintf("log %d of block %d is %s %s, not the %s the message claims", ev.LogIndex, ev.BlockNumber, name, payload, ev.Name), nil
	}
	return "", nil
}

func sameJSON(a, b []byte) bool {
	var ca, cb bytes.Buffer
	if json.Compact(&ca, a) != nil || json.Compact(&cb, b) != nil {
		return false
	}
	return bytes.Equal(ca.Bytes(), cb.Bytes())
}

// unconfirmed is the verdict of an event L1 does not confirm.
func unconfirmed(ev event.Event, reason string) l2.Verdict {
	return l2.Verdict{EventID: ev.ID(), Kind: ev.Kind, Event: ev.Name, Outcome: l2.Unconfirmed, Block: ev.BlockNumber, Detail: reason}
}

// watchedContracts maps each watched contract to the kind that watches it.
func watchedContracts(kinds l2.Registry) map[common.Address]string {
	out := map[common.Address]string{}
	for name, k := range kinds {
		for _, a := range k.Addresses() {
			out[a] = name
		}
	}
	return out
}

// checkContract refuses an event of a contract its kind does not watch.
func (v *Verifier) checkContract(ev event.Event) error {
	if v.watched[ev.Contract] == ev.Kind {
		return nil
	}
	return bus.Permanent(fmt.Errorf("verify: event %s names contract %s, which kind %q does not watch", ev.MsgID(), ev.Contract.Hex(), ev.Kind))
}

// alertUnconfirmed raises a critical alert: L1 contradicts a sealed event.
func (v *Verifier) alertUnconfirmed(ctx context.Context, ev event.Event, vd l2.Verdict) {
	a := alerts.Alert{
		Fingerprint: "unconfirmed-" + ev.MsgID(),
		Severity:    alerts.Critical,
		Kind:        ev.Kind,
		ChainID:     ev.ChainID,
		Contract:    ev.Contract.Hex(),
		Subject:     vd.Subject,
		State:       alerts.StateDetected,
		Summary: fmt.Sprintf("%s %s in block %d not confirmed by L1, not acted on: %s (a forged message sealed by a trusted key, or L1 sources that disagree)",
			ev.Kind, ev.Name, ev.BlockNumber, vd.Detail),
	}
	if err := v.alerts.Notify(context.WithoutCancel(ctx), a); err != nil {
		v.log.Warn("alert delivery failed", zap.String("event", ev.ID()), zap.Error(err))
	}
}
