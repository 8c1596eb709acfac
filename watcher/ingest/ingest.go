// Package ingest is the ingest role: it follows L1, decodes the watched
// contracts' logs with each kind's plug-in and publishes them to JetStream.
//
// Only blocks Confirmations deep are read. The cursor (number and hash of the
// last published block) and the hash and events of recent blocks are kept in
// the store, so a restart resumes with no gap, and a reorg (a parent-hash
// mismatch) rewinds to the common ancestor and publishes a retraction of every
// event of the orphaned blocks before following the new branch. Message ids
// make republishing after a crash a no-op.
package ingest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"sort"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/watcher/event"
	"github.com/watchtower-l2/watchtower/watcher/eventauth"
	"github.com/watchtower-l2/watchtower/watcher/l2"
	"github.com/watchtower-l2/watchtower/watcher/metrics"
	"github.com/watchtower-l2/watchtower/watcher/store"
)

// Client is what ingest reads from an L1 node (an *ethclient.Client).
type Client interface {
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
	FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error)
	SubscribeNewHead(ctx context.Context, ch chan<- *types.Header) (ethereum.Subscription, error)
}

// Publisher puts events on the bus (bus.Bus).
type Publisher interface {
	PublishHeader(ctx context.Context, subject, msgID string, data []byte, header map[string]string) (bool, error)
}

// Config tunes the ingest role.
type Config struct {
	ChainID uint64
	// Confirmations is how many blocks must be on top of a block before its logs are published.
	Confirmations uint64
	// StartBlock is where to begin when no cursor is stored (0: the current confirmed head).
	StartBlock uint64
	// PollInterval is how often the head is polled without a subscription (default 2s).
	PollInterval time.Duration
	// MaxBatch caps the blocks read per FilterLogs call (default 256).
	MaxBatch uint64
	// History is how many recent blocks are remembered for reorg handling (default 256).
	History uint64
	// Metrics records the head, the cursor and the events published (nil: none).
	Metrics *metrics.Metrics
	// Signer seals every published event (required to publish): verify acts
	// only on events sealed by a key it trusts.
	Signer *eventauth.Signer
	// RPCTimeout bounds each L1 call (default 10s).
	RPCTimeout time.Duration
	// ResubscribeMin and ResubscribeMax bound the exponential backoff
	// between attempts to re-establish the new-head subscription after it
	// dropped or failed (defaults 1s and 30s); Run polls meanwhile.
	ResubscribeMin time.Duration
	ResubscribeMax time.Duration
}

// Cursor is the last block whose events were all published.
type Cursor struct {
	Number uint64      `json:"number"`
	Hash   common.Hash `json:"hash"`
}

type blockRecord struct {
	Hash   common.Hash   `json:"hash"`
	Events []event.Event `json:"events,omitempty"`
}

// Ingester is the ingest role.
type Ingester struct {
	client Client
	pub    Publisher
	st     store.Store
	kinds  l2.Registry
	byAddr map[common.Address]l2.Kind
	cfg    Config
	log    *zap.Logger

	subscriptions atomic.Uint64 // new-head subscriptions established
	unconfirmed   atomic.Bool   // the last store write was not confirmed durable
}

// New returns the ingest role.
func New(client Client, pub Publisher, st store.Store, kinds l2.Registry, cfg Config, log *zap.Logger) (*Ingester, error) {
	if cfg.ChainID == 0 {
		return nil, errors.New("ingest: chain id is required")
	}
	if cfg.PollInterval <= 0 {
		cfg.PollInterval = 2 * time.Second
	}
	if cfg.MaxBatch == 0 {
		cfg.MaxBatch = 256
	}
	if cfg.History == 0 {
		cfg.History = 256
	}
	if cfg.RPCTimeout <= 0 {
		cfg.RPCTimeout = DefaultRPCTimeout
	}
	if cfg.ResubscribeMin <= 0 {
		cfg.ResubscribeMin = DefaultResubscribeMin
	}
	if cfg.ResubscribeMax < cfg.ResubscribeMin {
		cfg.ResubscribeMax = max(DefaultResubscribeMax, cfg.ResubscribeMin)
	}
	byAddr := map[common.Address]l2.Kind{}
	for _, k := range kinds {
		for _, a := range k.Addresses() {
			if other, dup := byAddr[a]; dup {
				return nil, fmt.Errorf("ingest: contract %s claimed by kinds %q and %q", a.Hex(), other.Name(), k.Name())
			}
			byAddr[a] = k
		}
	}
	return &Ingester{client: timeoutClient{c: client, d: cfg.RPCTimeout}, pub: pub, st: st, kinds: kinds, byAddr: byAddr, cfg: cfg, log: log.Named("ingest")}, nil
}

func (in *Ingester) cursorKey() string { return fmt.Sprintf("ingest:%d:cursor", in.cfg.ChainID) }
func (in *Ingester) blockKey(n uint64) string {
	return "ingest:" + strconv.FormatUint(in.cfg.ChainID, 10) + ":block:" + strconv.FormatUint(n, 10)
}

// Cursor returns the stored cursor, or store.ErrNotFound before the first block.
func (in *Ingester) Cursor(ctx context.Context) (Cursor, error) {
	b, err := in.st.Get(ctx, in.cursorKey())
	if err != nil {
		return Cursor{}, err
	}
	var c Cursor
	if err := json.Unmarshal(b, &c); err != nil {
		return Cursor{}, fmt.Errorf("ingest: decode cursor: %w", err)
	}
	return c, nil
}

func (in *Ingester) putJSON(ctx context.Context, key string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("ingest: encode %s: %w", key, err)
	}
	if err := in.written(in.st.Put(ctx, key, b)); err != nil {
		return fmt.Errorf("ingest: store %s: %w", key, err)
	}
	return nil
}

// Run follows L1 until ctx is cancelled: on each new head (subscription) or
// poll tick it publishes every newly confirmed block. When the head
// subscription cannot be started or ends (the websocket dropped), Run keeps
// polling and re-subscribes with exponential backoff.
func (in *Ingester) Run(ctx context.Context) error {
	hs := newHeadSub(in)
	defer hs.close()
	hs.subscribe(ctx)
	tick := time.NewTicker(in.cfg.PollInterval)
	defer tick.Stop()
	failures := 0
	for {
		advanced, err := in.Step(ctx)
		if ctx.Err() != nil {
			return nil
		}
		wait := time.Duration(0)
		switch {
		case err != nil:
			failures++
			wait = min(time.Duration(failures)*500*time.Millisecond, 15*time.Second)
			in.log.Warn("ingest step failed; retrying", zap.Error(err), zap.Duration("in", wait))
		case advanced:
			failures = 0
			continue
		default:
			failures = 0
		}
		var timer <-chan time.Time
		if wait > 0 {
			timer = time.After(wait)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-timer:
		case <-hs.heads:
		case <-tick.C:
		case err := <-hs.errc:
			hs.ended(err)
		case <-hs.retryC:
			hs.subscribe(ctx)
		}
	}
}

// Step publishes the next batch of confirmed blocks, or handles a reorg. It
// reports whether it made progress (more work may be waiting).
func (in *Ingester) Step(ctx context.Context) (bool, error) {
	head, err := in.client.HeaderByNumber(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("ingest: read head: %w", err)
	}
	if head.Number.Uint64() < in.cfg.Confirmations {
		return false, nil
	}
	in.cfg.Metrics.L1Head(head.Number.Uint64())
	target := head.Number.Uint64() - in.cfg.Confirmations
	cur, err := in.Cursor(ctx)
	if errors.Is(err, store.ErrNotFound) {
		cur, err = in.initCursor(ctx, target)
	}
	if err != nil {
		return false, err
	}
	if cur.Number >= target {
		in.cfg.Metrics.IngestHead(head.Number.Uint64(), cur.Number)
		return false, nil
	}
	from, to := cur.Number+1, min(target, cur.Number+in.cfg.MaxBatch)
	headers := make([]*types.Header, 0, to-from+1)
	parent := cur.Hash
	for n := from; n <= to; n++ {
		h, err := in.client.HeaderByNumber(ctx, new(big.Int).SetUint64(n))
		if err != nil {
			return false, fmt.Errorf("ingest: read header %d: %w", n, err)
		}
		if h.ParentHash != parent {
			if n == from {
				return true, in.rewind(ctx, cur)
			}
			return false, nil // the chain moved while we read it; start over
		}
		parent = h.Hash()
		headers = append(headers, h)
	}
	logs, err := in.client.FilterLogs(ctx, ethereum.FilterQuery{
		FromBlock: new(big.Int).SetUint64(from),
		ToBlock:   new(big.Int).SetUint64(to),
		Addresses: in.kinds.Addresses(),
	})
	if err != nil {
		return false, fmt.Errorf("ingest: filter logs %d-%d: %w", from, to, err)
	}
	byBlock := map[uint64][]types.Log{}
	for _, l := range logs {
		if l.BlockNumber < from || l.BlockNumber > to || l.BlockHash != headers[l.BlockNumber-from].Hash() {
			return false, nil // logs from another branch: the chain moved, start over
		}
		byBlock[l.BlockNumber] = append(byBlock[l.BlockNumber], l)
	}
	// The events of the whole step are sealed with one signature.
	perBlock := make([][]event.Event, len(headers))
	var all []event.Event
	for i, h := range headers {
		if perBlock[i], err = in.decode(byBlock[from+uint64(i)], h); err != nil {
			return false, err
		}
		all = append(all, perBlock[i]...)
	}
	sealed, err := in.seal(all)
	if err != nil {
		return false, err
	}
	published := 0
	for i, h := range headers {
		n := from + uint64(i)
		evs := perBlock[i]
		for range evs {
			if err := in.publish(ctx, sealed[published]); err != nil {
				return false, err
			}
			published++
		}
		if err := in.putJSON(ctx, in.blockKey(n), blockRecord{Hash: h.Hash(), Events: evs}); err != nil {
			return false, err
		}
		if n >= in.cfg.History {
			if err := in.written(in.st.Delete(ctx, in.blockKey(n-in.cfg.History))); err != nil {
				return false, fmt.Errorf("ingest: prune block %d: %w", n-in.cfg.History, err)
			}
		}
	}
	last := headers[len(headers)-1]
	if err := in.putJSON(ctx, in.cursorKey(), Cursor{Number: to, Hash: last.Hash()}); err != nil {
		return false, err
	}
	in.cfg.Metrics.IngestHead(head.Number.Uint64(), to)
	in.log.Debug("blocks ingested", zap.Uint64("from", from), zap.Uint64("to", to), zap.Int("events", published), zap.Uint64("head", head.Number.Uint64()))
	return true, nil
}

// initCursor starts following at StartBlock (or the confirmed head).
func (in *Ingester) initCursor(ctx context.Context, target uint64) (Cursor, error) {
	start := in.cfg.StartBlock
	if start == 0 {
		start = target + 1
	}
	if start == 0 {
		start = 1
	}
	h, err := in.client.HeaderByNumber(ctx, new(big.Int).SetUint64(start-1))
	if err != nil {
		return Cursor{}, fmt.Errorf("ingest: read start header %d: %w", start-1, err)
	}
	c := Cursor{Number: start - 1, Hash: h.Hash()}
	if err := in.putJSON(ctx, in.blockKey(c.Number), blockRecord{Hash: c.Hash}); err != nil {
		return Cursor{}, err
	}
	if err := in.putJSON(ctx, in.cursorKey(), c); err != nil {
		return Cursor{}, err
	}
	in.log.Info("ingest starts", zap.Uint64("block", start))
	return c, nil
}

// rewind walks back from cur to the last block still canonical, retracting
// the events of every orphaned block.
func (in *Ingester) rewind(ctx context.Context, cur Cursor) error {
	n := cur.Number
	for depth := uint64(0); ; depth++ {
		if depth >= in.cfg.History {
			return fmt.Errorf("ingest: reorg deeper than the %d blocks remembered (from block %d); raise ingest history", in.cfg.History, cur.Number)
		}
		var rec blockRecord
		b, err := in.st.Get(ctx, in.blockKey(n))
		if err != nil {
			return fmt.Errorf("ingest: reorg at %d: load block record: %w", n, err)
		}
		if err := json.Unmarshal(b, &rec); err != nil {
			return fmt.Errorf("ingest: decode block record %d: %w", n, err)
		}
		h, err := in.client.HeaderByNumber(ctx, new(big.Int).SetUint64(n))
		if err != nil {
			return fmt.Errorf("ingest: reorg: read header %d: %w", n, err)
		}
		if h.Hash() == rec.Hash {
			in.log.Warn("reorg handled", zap.Uint64("ancestor", n), zap.Uint64("old_cursor", cur.Number), zap.Uint64("depth", depth))
			return in.putJSON(ctx, in.cursorKey(), Cursor{Number: n, Hash: rec.Hash})
		}
		retracted := make([]event.Event, 0, len(rec.Events))
		for i := len(rec.Events) - 1; i >= 0; i-- {
			ev := rec.Events[i]
			ev.Removed = true
			retracted = append(retracted, ev)
		}
		sealed, err := in.seal(retracted)
		if err != nil {
			return err
		}
		for _, s := range sealed {
			if err := in.publish(ctx, s); err != nil {
				return err
			}
			ev := s.ev
			in.log.Warn("event retracted by reorg", zap.String("kind", ev.Kind), zap.String("event", ev.Name), zap.Uint64("block", ev.BlockNumber), zap.String("tx", ev.TxHash.Hex()))
		}
		// Move the cursor back block by block so a crash mid-rewind resumes correctly.
		if err := in.written(in.st.Delete(ctx, in.blockKey(n))); err != nil {
			return fmt.Errorf("ingest: drop orphaned block %d: %w", n, err)
		}
		if n == 0 {
			return errors.New("ingest: reorg reached genesis")
		}
		n--
		prev, err := in.st.Get(ctx, in.blockKey(n))
		if err != nil {
			return fmt.Errorf("ingest: reorg at %d: load block record: %w", n, err)
		}
		var prevRec blockRecord
		if err := json.Unmarshal(prev, &prevRec); err != nil {
			return fmt.Errorf("ingest: decode block record %d: %w", n, err)
		}
		if err := in.putJSON(ctx, in.cursorKey(), Cursor{Number: n, Hash: prevRec.Hash}); err != nil {
			return err
		}
	}
}

func (in *Ingester) decode(logs []types.Log, h *types.Header) ([]event.Event, error) {
	sort.Slice(logs, func(i, j int) bool { return logs[i].Index < logs[j].Index })
	var out []event.Event
	for _, l := range logs {
		kind, ok := in.byAddr[l.Address]
		if !ok {
			continue
		}
		name, payload, ok, err := kind.Decode(l)
		if err != nil {
			// A log of a watched contract we cannot read is a bug or an
			// incompatible contract: stop rather than silently skip it.
			return nil, fmt.Errorf("ingest: decode log %d of tx %s in block %d: %w", l.Index, l.TxHash.Hex(), l.BlockNumber, err)
		}
		if !ok {
			continue
		}
		out = append(out, event.Event{
			ChainID:     in.cfg.ChainID,
			Kind:        kind.Name(),
			Name:        name,
			Contract:    l.Address,
			BlockNumber: l.BlockNumber,
			BlockHash:   l.BlockHash,
			TxHash:      l.TxHash,
			LogIndex:    l.Index,
			Payload:     payload,
			BlockTime:   time.Unix(int64(h.Time), 0).UTC(),
			ReceivedAt:  time.Now().UTC(),
		})
	}
	return out, nil
}

// sealedEvent is an event encoded for the wire with its seal.
type sealedEvent struct {
	ev     event.Event
	data   []byte
	header map[string]string
}

// seal encodes evs and seals them together with one signature.
func (in *Ingester) seal(evs []event.Event) ([]sealedEvent, error) {
	if len(evs) == 0 {
		return nil, nil
	}
	if in.cfg.Signer == nil {
		return nil, errors.New("ingest: no key to seal events with (events.signing_key_file)")
	}
	out := make([]sealedEvent, len(evs))
	items := make([]eventauth.Item, len(evs))
	for i, ev := range evs {
		b, err := ev.Encode()
		if err != nil {
			return nil, err
		}
		out[i] = sealedEvent{ev: ev, data: b}
		items[i] = eventauth.Item{Subject: ev.Subject(), MsgID: ev.MsgID(), Data: b}
	}
	seals, err := in.cfg.Signer.Seal(items)
	if err != nil {
		return nil, fmt.Errorf("ingest: seal %d events: %w", len(evs), err)
	}
	for i := range out {
		out[i].header = seals[i].Headers()
	}
	return out, nil
}

func (in *Ingester) publish(ctx context.Context, s sealedEvent) error {
	ev := s.ev
	if _, err := in.pub.PublishHeader(ctx, ev.Subject(), ev.MsgID(), s.data, s.header); err != nil {
		return fmt.Errorf("ingest: publish %s: %w", ev.MsgID(), err)
	}
	in.cfg.Metrics.EventIngested(ev.Kind, ev.Name, ev.Removed)
	return nil
}
