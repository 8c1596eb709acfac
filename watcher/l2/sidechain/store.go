package sidechain

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/watchtower-l2/watchtower/proofs/header"
	"github.com/watchtower-l2/watchtower/watcher/store"
)

// Store layout. Every key of one sidechain carries the hash tag
// {sc:<manager>:<sidechain id>} so a Redis Cluster keeps them in one slot.
//
//	<tag>:head           headRec: the followed head and sync health
//	<tag>:hdr:<n>        hdrRec: canonical header n (RLP) and its attestations
//	<tag>:hdrs           index of stored headers (score n), for pruning
//	<tag>:pending        index of checkpoints still to judge (score: deadline)
//	<tag>:cp:<id>        pendingRec of a checkpoint still to judge
//	<tag>:subs           index of subscribed users (score: subscription time)
func (k *Kind) tag(sid uint64) string { return fmt.Sprintf("sc:{%s:%d}", k.cfg.Manager.Hex(), sid) }

func (k *Kind) headKey(sid uint64) string            { return k.tag(sid) + ":head" }
func (k *Kind) hdrKey(sid, n uint64) string          { return fmt.Sprintf("%s:hdr:%d", k.tag(sid), n) }
func (k *Kind) hdrIndex(sid uint64) string           { return k.tag(sid) + ":hdrs" }
func (k *Kind) pendingIndex(sid uint64) string       { return k.tag(sid) + ":pending" }
func (k *Kind) cpKey(sid uint64, id *big.Int) string { return k.tag(sid) + ":cp:" + id.String() }
func (k *Kind) subsIndex(sid uint64) string          { return k.tag(sid) + ":subs" }

// headRec is the follower's cursor and health.
type headRec struct {
	Number uint64      `json:"number"`
	Hash   common.Hash `json:"hash"`
	// Remote is the sidechain head the node reported at the last sync (the
	// follower may still be catching up to it).
	Remote    uint64    `json:"remote"`
	SyncedAt  time.Time `json:"synced_at"`
	Err       string    `json:"error,omitempty"`
	DownSince time.Time `json:"down_since,omitzero"`
	Reorgs    int       `json:"reorgs"`
}

// hdrRec is one canonical sidechain header with the attestations collected for it.
type hdrRec struct {
	Number uint64          `json:"number"`
	Hash   common.Hash     `json:"hash"`
	Parent common.Hash     `json:"parent"`
	RLP    hexutil.Bytes   `json:"rlp"`
	Sigs   []header.Record `json:"sigs,omitempty"`
}

func (r hdrRec) signed() []header.Signed {
	out := make([]header.Signed, len(r.Sigs))
	for i, s := range r.Sigs {
		out[i] = header.Signed{Validator: s.Validator, Signature: s.Signature}
	}
	return out
}

// pendingRec is a checkpoint the tower could not judge yet.
type pendingRec struct {
	Submitted
	EventBlock uint64 `json:"event_block"`
	Requested  bool   `json:"requested,omitempty"`
	// Alerted is the last "cannot verify" alert stage sent ("" none).
	Alerted string `json:"alerted,omitempty"`
}

func getJSON[T any](ctx context.Context, st store.Store, key string) (T, bool, error) {
	var v T
	b, err := st.Get(ctx, key)
	if errors.Is(err, store.ErrNotFound) {
		return v, false, nil
	}
	if err != nil {
		return v, false, fmt.Errorf("sidechain: read %s: %w", key, err)
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return v, false, fmt.Errorf("sidechain: decode %s: %w", key, err)
	}
	return v, true, nil
}

func putJSON(ctx context.Context, st store.Store, key string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("sidechain: encode %s: %w", key, err)
	}
	if err := st.Put(ctx, key, b); err != nil {
		return fmt.Errorf("sidechain: write %s: %w", key, err)
	}
	return nil
}

func (k *Kind) loadHead(ctx context.Context, sid uint64) (headRec, bool, error) {
	return getJSON[headRec](ctx, k.st, k.headKey(sid))
}

func (k *Kind) loadHeader(ctx context.Context, sid, n uint64) (hdrRec, bool, error) {
	return getJSON[hdrRec](ctx, k.st, k.hdrKey(sid, n))
}

func (k *Kind) putHeader(ctx context.Context, sid uint64, r hdrRec) error {
	if err := putJSON(ctx, k.st, k.hdrKey(sid, r.Number), r); err != nil {
		return err
	}
	if err := k.st.IndexAdd(ctx, k.hdrIndex(sid), fmt.Sprint(r.Number), int64(r.Number)); err != nil {
		return fmt.Errorf("sidechain: index header %d: %w", r.Number, err)
	}
	return nil
}

// putFetched stores a header read from the node, keeping the attestations
// already collected when the stored block is the same.
func (k *Kind) putFetched(ctx context.Context, sid uint64, r hdrRec) error {
	old, ok, err := k.loadHeader(ctx, sid, r.Number)
	if err != nil {
		return err
	}
	if ok && old.Hash == r.Hash {
		if len(old.Sigs) > 0 {
			return nil // unchanged, attestations kept
		}
	}
	return k.putHeader(ctx, sid, r)
}

func (k *Kind) addPending(ctx context.Context, r pendingRec) error {
	b, err := json.Marshal(r)
	if err != nil {
		return err
	}
	if _, err := k.st.PutIfAbsent(ctx, k.cpKey(r.SidechainID, r.CheckpointID), b); err != nil {
		return fmt.Errorf("sidechain: record checkpoint %s: %w", r.CheckpointID, err)
	}
	if err := k.st.IndexAdd(ctx, k.pendingIndex(r.SidechainID), r.CheckpointID.String(), int64(min(r.Deadline, 1<<52))); err != nil {
		return fmt.Errorf("sidechain: index checkpoint %s: %w", r.CheckpointID, err)
	}
	return nil
}

func (k *Kind) dropPending(ctx context.Context, sid uint64, id *big.Int) error {
	if err := k.st.IndexRemove(ctx, k.pendingIndex(sid), id.String()); err != nil {
		return fmt.Errorf("sidechain: unindex checkpoint %s: %w", id, err)
	}
	if err := k.st.Delete(ctx, k.cpKey(sid, id)); err != nil {
		return fmt.Errorf("sidechain: delete checkpoint %s: %w", id, err)
	}
	return nil
}

func (k *Kind) pending(ctx context.Context, sid uint64) ([]pendingRec, error) {
	es, err := k.st.IndexRange(ctx, k.pendingIndex(sid), math.MaxInt64, 0)
	if err != nil {
		return nil, fmt.Errorf("sidechain: list pending checkpoints: %w", err)
	}
	out := make([]pendingRec, 0, len(es))
	for _, e := range es {
		id, ok := new(big.Int).SetString(e.Member, 10)
		if !ok {
			continue
		}
		r, found, err := getJSON[pendingRec](ctx, k.st, k.cpKey(sid, id))
		if err != nil {
			return nil, err
		}
		if !found {
			_ = k.st.IndexRemove(ctx, k.pendingIndex(sid), e.Member)
			continue
		}
		out = append(out, r)
	}
	return out, nil
}

// Subscribe records a user (or operator) who wants alerts about a sidechain's
// checkpoints; delegation entry points call it. Verdicts and alerts about the
// sidechain's checkpoints name every subscriber in Users.
func (k *Kind) Subscribe(ctx context.Context, sidechainID uint64, user common.Address) error {
	if _, ok := k.sources[sidechainID]; !ok {
		return fmt.Errorf("%w: %d", ErrUnknownSidechain, sidechainID)
	}
	if err := k.st.IndexAdd(ctx, k.subsIndex(sidechainID), user.Hex(), time.Now().Unix()); err != nil {
		return fmt.Errorf("sidechain: subscribe %s: %w", user.Hex(), err)
	}
	return nil
}

// Unsubscribe removes a subscription.
func (k *Kind) Unsubscribe(ctx context.Context, sidechainID uint64, user common.Address) error {
	return k.st.IndexRemove(ctx, k.subsIndex(sidechainID), user.Hex())
}

// Subscribers lists the users subscribed to a sidechain's checkpoints.
func (k *Kind) Subscribers(ctx context.Context, sidechainID uint64) ([]string, error) {
	es, err := k.st.IndexRange(ctx, k.subsIndex(sidechainID), math.MaxInt64, 0)
	if err != nil {
		return nil, fmt.Errorf("sidechain: list subscribers: %w", err)
	}
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.Member
	}
	return out, nil
}

// ErrUnknownSidechain: the tower does not follow that sidechain.
var ErrUnknownSidechain = errors.New("sidechain not followed by this tower")

// HeadNumber is the sidechain block the tower has followed up to (0 before the first sync).
func (k *Kind) HeadNumber(ctx context.Context, sidechainID uint64) uint64 {
	hr, _, _ := k.loadHead(ctx, sidechainID)
	return hr.Number
}

// Reorgs counts the sidechain reorgs the tower has handled.
func (k *Kind) Reorgs(ctx context.Context, sidechainID uint64) int {
	hr, _, _ := k.loadHead(ctx, sidechainID)
	return hr.Reorgs
}
