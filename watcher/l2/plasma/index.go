package plasma

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/watchtower-l2/watchtower/proofs/plasmatx"
	"github.com/watchtower-l2/watchtower/watcher/store"
)

// Store layout. Keys of one output share the hash tag {<contract>/<pos>} (one
// Redis Cluster slot per output); chain-wide keys share {<contract>}.
//
//	pl:{C/pos}:out    owner(20) amount(32)                   output created by a verified block or deposit
//	pl:{C/pos}:spent  blknum(8) input(1) sig(65) tx(192)      first signed spend seen (the challenge proof)
//	pl:{C/pos}:exit   JSON exitRecord                        exit in progress on L1
//	pl:{C}:root:<n>   JSON rootRecord                        root submitted on L1 (first seen time)
//	pl:{C}:cursor     blknum (8)                             last child block whose body was verified
//	pl:{C}:exits      index pos -> deadline                  exits to look at when their period nears its end
//	pl:{C}:owner:<a>  index pos -> blknum                    unspent outputs of an owner
//	pl:{C}:watchers   index address                          registered addresses
//	pl:{C}:watchouts  index pos                              registered outputs
//	pl:{C}:flag:<id>  "1"                                    one-shot alerts already raised
type keys struct{ c string }

func newKeys(contract common.Address) keys { return keys{c: strings.ToLower(contract.Hex())} }

func (k keys) out(p plasmatx.Pos) string {
	return "pl:{" + k.c + "/" + strconv.FormatUint(uint64(p), 10) + "}:out"
}
func (k keys) spent(p plasmatx.Pos) string {
	return "pl:{" + k.c + "/" + strconv.FormatUint(uint64(p), 10) + "}:spent"
}
func (k keys) exit(p plasmatx.Pos) string {
	return "pl:{" + k.c + "/" + strconv.FormatUint(uint64(p), 10) + "}:exit"
}
func (k keys) root(n uint64) string { return "pl:{" + k.c + "}:root:" + strconv.FormatUint(n, 10) }
func (k keys) cursor() string       { return "pl:{" + k.c + "}:cursor" }
func (k keys) exits() string        { return "pl:{" + k.c + "}:exits" }
func (k keys) owner(a common.Address) string {
	return "pl:{" + k.c + "}:owner:" + strings.ToLower(a.Hex())
}
func (k keys) watchers() string  { return "pl:{" + k.c + "}:watchers" }
func (k keys) watchOuts() string { return "pl:{" + k.c + "}:watchouts" }
func (k keys) watcher(a common.Address) string {
	return "pl:{" + k.c + "}:watcher:" + strings.ToLower(a.Hex())
}
func (k keys) watchOut(p plasmatx.Pos) string {
	return "pl:{" + k.c + "/" + strconv.FormatUint(uint64(p), 10) + "}:watch"
}
func (k keys) flag(id string) string { return "pl:{" + k.c + "}:flag:" + id }

func encodeOutput(o plasmatx.Output) []byte {
	b := make([]byte, 52)
	copy(b[:20], o.Owner[:])
	o.Amount.FillBytes(b[20:52])
	return b
}

func decodeOutput(b []byte) (plasmatx.Output, error) {
	if len(b) != 52 {
		return plasmatx.Output{}, fmt.Errorf("plasma: output record: want 52 bytes, got %d", len(b))
	}
	return plasmatx.Output{Owner: common.BytesToAddress(b[:20]), Amount: new(big.Int).SetBytes(b[20:])}, nil
}

// Spend is the first signed transaction seen spending an output: the proof a
// challenge of the output's exit submits.
type Spend struct {
	Blknum uint64
	Input  uint8
	Sig    []byte
	Tx     []byte
}

const spendSize = 8 + 1 + plasmatx.SigLen + plasmatx.TxLen

func encodeSpend(s Spend) []byte {
	b := make([]byte, 0, spendSize)
	b = binary.BigEndian.AppendUint64(b, s.Blknum)
	b = append(b, s.Input)
	b = append(b, s.Sig...)
	return append(b, s.Tx...)
}

func decodeSpend(b []byte) (Spend, error) {
	if len(b) != spendSize {
		return Spend{}, fmt.Errorf("plasma: spend record: want %d bytes, got %d", spendSize, len(b))
	}
	return Spend{
		Blknum: binary.BigEndian.Uint64(b[:8]),
		Input:  b[8],
		Sig:    append([]byte(nil), b[9:9+plasmatx.SigLen]...),
		Tx:     append([]byte(nil), b[9+plasmatx.SigLen:]...),
	}, nil
}

type exitRecord struct {
	Owner      common.Address `json:"owner"`
	Amount     *big.Int       `json:"amount"`
	Deadline   uint64         `json:"deadline"`
	EventBlock uint64         `json:"event_block"`
}

type rootRecord struct {
	Root    common.Hash `json:"root"`
	L1Block uint64      `json:"l1_block"`
	Seen    time.Time   `json:"seen"`
}

// Output returns a verified output, or store.ErrNotFound.
func (k *Kind) Output(ctx context.Context, p plasmatx.Pos) (plasmatx.Output, error) {
	b, err := k.store.Get(ctx, k.keys.out(p))
	if err != nil {
		return plasmatx.Output{}, wrapNF(err, "load output "+p.String())
	}
	return decodeOutput(b)
}

// Spent returns the recorded spend of an output, or store.ErrNotFound.
func (k *Kind) Spent(ctx context.Context, p plasmatx.Pos) (Spend, error) {
	b, err := k.store.Get(ctx, k.keys.spent(p))
	if err != nil {
		return Spend{}, wrapNF(err, "load spend of "+p.String())
	}
	return decodeSpend(b)
}

// Cursor returns the last child block whose body was verified (0: none).
func (k *Kind) Cursor(ctx context.Context) (uint64, error) {
	b, err := k.store.Get(ctx, k.keys.cursor())
	if errors.Is(err, store.ErrNotFound) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("plasma: load cursor: %w", err)
	}
	if len(b) != 8 {
		return 0, fmt.Errorf("plasma: cursor record has %d bytes", len(b))
	}
	return binary.BigEndian.Uint64(b), nil
}

func (k *Kind) putCursor(ctx context.Context, n uint64) error {
	if err := k.store.Put(ctx, k.keys.cursor(), binary.BigEndian.AppendUint64(nil, n)); err != nil {
		return fmt.Errorf("plasma: store cursor: %w", err)
	}
	return nil
}

func (k *Kind) rootOf(ctx context.Context, n uint64) (rootRecord, error) {
	b, err := k.store.Get(ctx, k.keys.root(n))
	if err != nil {
		return rootRecord{}, wrapNF(err, fmt.Sprintf("load root of block %d", n))
	}
	var r rootRecord
	if err := json.Unmarshal(b, &r); err != nil {
		return rootRecord{}, fmt.Errorf("plasma: decode root of block %d: %w", n, err)
	}
	return r, nil
}

func (k *Kind) exitOf(ctx context.Context, p plasmatx.Pos) (exitRecord, error) {
	b, err := k.store.Get(ctx, k.keys.exit(p))
	if err != nil {
		return exitRecord{}, wrapNF(err, "load exit of "+p.String())
	}
	var e exitRecord
	if err := json.Unmarshal(b, &e); err != nil {
		return exitRecord{}, fmt.Errorf("plasma: decode exit of %s: %w", p, err)
	}
	return e, nil
}

// putOutput records a verified output and indexes it under its owner.
func (k *Kind) putOutput(ctx context.Context, p plasmatx.Pos, o plasmatx.Output) error {
	if err := k.store.Put(ctx, k.keys.out(p), encodeOutput(o)); err != nil {
		return fmt.Errorf("plasma: store output %s: %w", p, err)
	}
	if err := k.store.IndexAdd(ctx, k.keys.owner(o.Owner), strconv.FormatUint(uint64(p), 10), int64(p.Block())); err != nil {
		return fmt.Errorf("plasma: index output %s: %w", p, err)
	}
	return nil
}

func wrapNF(err error, what string) error {
	if errors.Is(err, store.ErrNotFound) {
		return err
	}
	return fmt.Errorf("plasma: %s: %w", what, err)
}

// flagOnce reports whether id was not flagged before, flagging it.
func (k *Kind) flagOnce(ctx context.Context, id string) (bool, error) {
	ok, err := k.store.PutIfAbsent(ctx, k.keys.flag(id), []byte("1"))
	if err != nil {
		return false, fmt.Errorf("plasma: flag %s: %w", id, err)
	}
	return ok, nil
}
