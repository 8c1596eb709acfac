package sidechain

import (
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/rpc"
	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/proofs/header"
)

// maxBatch bounds how many new sidechain blocks one sync reads, so pending
// checkpoints are judged between catch-up rounds (their block is fetched on
// demand when the follower is still behind).
const maxBatch = 32

// callTimeout bounds one sidechain RPC or feed request.
const callTimeout = 5 * time.Second

// follower follows one sidechain: its headers over JSON-RPC and its
// validators' attestations over the feed.
type follower struct {
	k    *Kind
	src  Source
	rpc  *rpc.Client
	http *http.Client
	log  *zap.Logger
	// quorum caches the blocks known to hold a quorum (number -> hash).
	quorum map[uint64]common.Hash
}

func newFollower(k *Kind, s Source) (*follower, error) {
	if s.RPCURL == "" || s.AttestationsURL == "" {
		return nil, fmt.Errorf("sidechain: sidechain %d needs rpc_url and attestations_url", s.SidechainID)
	}
	c, err := rpc.DialOptions(context.Background(), s.RPCURL)
	if err != nil {
		return nil, fmt.Errorf("sidechain: dial %s: %w", s.RPCURL, err)
	}
	return &follower{k: k, src: s, rpc: c, http: &http.Client{Timeout: callTimeout},
		log: k.log.With(zap.Uint64("sidechain", s.SidechainID)), quorum: map[uint64]common.Hash{}}, nil
}

// header reads block n and checks that the RLP we rebuild hashes to the hash
// the node reports: only then can the contract be given a header that matches.
func (f *follower) header(ctx context.Context, n uint64) (hdrRec, error) {
	rs, err := f.headers(ctx, n, n)
	if err != nil {
		return hdrRec{}, err
	}
	return rs[0], nil
}

// headers reads blocks from..to (inclusive) in one JSON-RPC batch, checking
// each as header does.
func (f *follower) headers(ctx context.Context, from, to uint64) ([]hdrRec, error) {
	ctx, cancel := context.WithTimeout(ctx, callTimeout)
	defer cancel()
	raws := make([]json.RawMessage, to-from+1)
	batch := make([]rpc.BatchElem, len(raws))
	for i := range batch {
		batch[i] = rpc.BatchElem{Method: "eth_getBlockByNumber", Args: []any{hexutil.EncodeUint64(from + uint64(i)), false}, Result: &raws[i]}
	}
	if err := f.rpc.BatchCallContext(ctx, batch); err != nil {
		return nil, fmt.Errorf("sidechain %d: blocks %d..%d: %w", f.src.SidechainID, from, to, err)
	}
	out := make([]hdrRec, len(raws))
	for i, b := range batch {
		n := from + uint64(i)
		if b.Error != nil {
			return nil, fmt.Errorf("sidechain %d: block %d: %w", f.src.SidechainID, n, b.Error)
		}
		r, err := f.decodeHeader(n, raws[i])
		if err != nil {
			return nil, err
		}
		out[i] = r
	}
	return out, nil
}

func (f *follower) decodeHeader(n uint64, raw json.RawMessage) (hdrRec, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return hdrRec{}, fmt.Errorf("sidechain %d: block %d not found", f.src.SidechainID, n)
	}
	var h types.Header
	if err := json.Unmarshal(raw, &h); err != nil {
		return hdrRec{}, fmt.Errorf("sidechain %d: decode block %d: %w", f.src.SidechainID, n, err)
	}
	var id struct {
		Hash common.Hash `json:"hash"`
	}
	if err := json.Unmarshal(raw, &id); err != nil {
		return hdrRec{}, fmt.Errorf("sidechain %d: decode block %d hash: %w", f.src.SidechainID, n, err)
	}
	if h.Number == nil || h.Number.Uint64() != n {
		return hdrRec{}, fmt.Errorf("sidechain %d: asked for block %d, node returned %v", f.src.SidechainID, n, h.Number)
	}
	enc, err := header.Encode(&h)
	if err != nil {
		return hdrRec{}, err
	}
	if got := crypto.Keccak256Hash(enc); got != id.Hash {
		return hdrRec{}, fmt.Errorf("sidechain %d: block %d: rebuilt header hashes to %s, node says %s (unsupported header fields)", f.src.SidechainID, n, got.Hex(), id.Hash.Hex())
	}
	return hdrRec{Number: n, Hash: id.Hash, Parent: h.ParentHash, RLP: enc}, nil
}

func (f *follower) head(ctx context.Context) (uint64, error) {
	ctx, cancel := context.WithTimeout(ctx, callTimeout)
	defer cancel()
	var n hexutil.Uint64
	if err := f.rpc.CallContext(ctx, &n, "eth_blockNumber"); err != nil {
		return 0, fmt.Errorf("sidechain %d: head: %w", f.src.SidechainID, err)
	}
	return uint64(n), nil
}

func (f *follower) feed(ctx context.Context, from, to uint64) ([]header.Record, error) {
	u, err := url.Parse(f.src.AttestationsURL)
	if err != nil {
		return nil, fmt.Errorf("sidechain %d: attestations url: %w", f.src.SidechainID, err)
	}
	u = u.JoinPath(header.FeedPath)
	q := url.Values{}
	q.Set("sidechain", strconv.FormatUint(f.src.SidechainID, 10))
	q.Set("from", strconv.FormatUint(from, 10))
	q.Set("to", strconv.FormatUint(to, 10))
	u.RawQuery = q.Encode()
	ctx, cancel := context.WithTimeout(ctx, callTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	resp, err := f.http.Do(req)
	if err != nil {
		return nil, fmt.Errorf("sidechain %d: attestation feed: %w", f.src.SidechainID, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("sidechain %d: attestation feed: HTTP %d", f.src.SidechainID, resp.StatusCode)
	}
	var body header.Feed
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		return nil, fmt.Errorf("sidechain %d: attestation feed: %w", f.src.SidechainID, err)
	}
	return body.Attestations, nil
}

// sync brings the stored canonical headers up to the sidechain head, undoing
// a reorg where the stored blocks left the canonical chain, then collects
// attestations of recent blocks and prunes old headers.
func (f *follower) sync(ctx context.Context) error {
	k, sid := f.k, f.src.SidechainID
	head, err := f.head(ctx)
	if err != nil {
		return err
	}
	hr, ok, err := k.loadHead(ctx, sid)
	if err != nil {
		return err
	}
	if !ok {
		start := head - min(head, k.cfg.Backfill)
		r, err := f.header(ctx, start)
		if err != nil {
			return err
		}
		if err := k.putFetched(ctx, sid, r); err != nil {
			return err
		}
		hr = headRec{Number: start, Hash: r.Hash}
	}
	for range 4 {
		if err := f.rewind(ctx, &hr, head); err != nil {
			return err
		}
		broken, err := f.forward(ctx, &hr, head)
		if err != nil {
			return err
		}
		if !broken {
			break
		}
	}
	if err := f.attest(ctx, hr.Number); err != nil {
		// The headers are fresh; missing attestations are judged per checkpoint.
		f.log.Debug("collect attestations", zap.Error(err))
	}
	hr.Remote, hr.SyncedAt, hr.Err, hr.DownSince = head, time.Now(), "", time.Time{}
	if err := putJSON(ctx, k.st, k.headKey(sid), hr); err != nil {
		return err
	}
	return f.prune(ctx, hr.Number)
}

// rewind walks back from the stored tip while the stored header is no longer
// the canonical one (a sidechain reorg), replacing what it passes.
func (f *follower) rewind(ctx context.Context, hr *headRec, head uint64) error {
	k, sid := f.k, f.src.SidechainID
	n := min(hr.Number, head)
	depth := 0
	if hr.Number > head {
		// The sidechain's head went back (caught between a fork and its
		// first new block): the stored blocks above it left the chain.
		for m := head + 1; m <= hr.Number; m++ {
			delete(f.quorum, m)
		}
		depth = int(hr.Number - head)
	}
	for {
		remote, err := f.header(ctx, n)
		if err != nil {
			return err
		}
		stored, ok, err := k.loadHeader(ctx, sid, n)
		if err != nil {
			return err
		}
		if ok && stored.Hash == remote.Hash {
			break
		}
		if ok {
			depth++
			delete(f.quorum, n)
		}
		if err := k.putFetched(ctx, sid, remote); err != nil {
			return err
		}
		if !ok || n == 0 || uint64(depth) > k.cfg.Retain {
			break
		}
		n--
	}
	if depth > 0 {
		hr.Reorgs++
		f.log.Warn("sidechain reorg: replaced stored headers", zap.Int("depth", depth), zap.Uint64("from", n))
	}
	tip, ok, err := k.loadHeader(ctx, sid, min(hr.Number, head))
	if err != nil {
		return err
	}
	if ok {
		hr.Number, hr.Hash = tip.Number, tip.Hash
	}
	return nil
}

// forward reads up to maxBatch new blocks in one batch; broken is true when a
// parent hash does not match the stored block below it (a reorg happened
// meanwhile).
func (f *follower) forward(ctx context.Context, hr *headRec, head uint64) (bool, error) {
	k, sid := f.k, f.src.SidechainID
	if head <= hr.Number {
		return false, nil
	}
	rs, err := f.headers(ctx, hr.Number+1, min(head, hr.Number+maxBatch))
	if err != nil {
		return false, err
	}
	for _, r := range rs {
		if r.Parent != hr.Hash {
			f.log.Info("sidechain parent hash mismatch; rewinding", zap.Uint64("number", r.Number), zap.String("parent", r.Parent.Hex()), zap.String("stored", hr.Hash.Hex()))
			return true, nil
		}
		if err := k.putFetched(ctx, sid, r); err != nil {
			return false, err
		}
		hr.Number, hr.Hash = r.Number, r.Hash
	}
	return false, nil
}

// attest adds the feed's valid attestations to recent stored headers lacking a quorum.
func (f *follower) attest(ctx context.Context, tip uint64) error {
	from := tip - min(tip, f.k.cfg.AttestWindow)
	for from <= tip {
		if h, ok := f.quorum[from]; ok {
			if r, found, _ := f.k.loadHeader(ctx, f.src.SidechainID, from); found && r.Hash == h {
				from++
				continue
			}
			delete(f.quorum, from)
		}
		break
	}
	if from > tip {
		return nil
	}
	return f.collect(ctx, from, tip)
}

// collect fetches the feed for from..to and stores every valid new signature.
func (f *follower) collect(ctx context.Context, from, to uint64) error {
	k, sid := f.k, f.src.SidechainID
	vs, err := k.valset(ctx, sid)
	if err != nil {
		return err
	}
	recs, err := f.feed(ctx, from, to)
	if err != nil {
		return err
	}
	byNum := map[uint64][]header.Record{}
	for _, r := range recs {
		if r.Number >= from && r.Number <= to {
			byNum[r.Number] = append(byNum[r.Number], r)
		}
	}
	scID := new(big.Int).SetUint64(sid)
	for n, rs := range byNum {
		h, ok, err := k.loadHeader(ctx, sid, n)
		if err != nil || !ok {
			continue
		}
		have := map[common.Address]bool{}
		for _, s := range h.Sigs {
			have[s.Validator] = true
		}
		changed := false
		for _, r := range rs {
			if r.BlockHash != h.Hash || have[r.Validator] || !vs.addrs[r.Validator] {
				continue // another branch's block, a duplicate or an outsider
			}
			signer, err := k.domain.Recover(header.Attestation{SidechainID: scID, Number: n, BlockHash: h.Hash}, r.Signature)
			if err != nil || signer != r.Validator {
				f.log.Warn("invalid attestation in the feed", zap.Uint64("number", n), zap.String("validator", r.Validator.Hex()))
				continue
			}
			have[r.Validator] = true
			h.Sigs = append(h.Sigs, r)
			changed = true
		}
		if changed {
			if err := k.putHeader(ctx, sid, h); err != nil {
				return err
			}
		}
		if len(h.Sigs) >= vs.threshold {
			f.quorum[n] = h.Hash
		}
	}
	return nil
}

// fetchOne reads a header missing from the store (older than the followed
// range) with its attestations.
func (f *follower) fetchOne(ctx context.Context, n uint64) (hdrRec, bool, error) {
	r, err := f.header(ctx, n)
	if err != nil {
		return hdrRec{}, false, err
	}
	if err := f.k.putFetched(ctx, f.src.SidechainID, r); err != nil {
		return hdrRec{}, false, err
	}
	if err := f.collect(ctx, n, n); err != nil {
		return r, true, err
	}
	r, ok, err := f.k.loadHeader(ctx, f.src.SidechainID, n)
	return r, ok, err
}

// prune drops headers more than Retain blocks behind the tip.
func (f *follower) prune(ctx context.Context, tip uint64) error {
	if tip <= f.k.cfg.Retain {
		return nil
	}
	k, sid := f.k, f.src.SidechainID
	es, err := k.st.IndexRange(ctx, k.hdrIndex(sid), int64(tip-k.cfg.Retain)-1, 256)
	if err != nil {
		return fmt.Errorf("sidechain: list old headers: %w", err)
	}
	for _, e := range es {
		n, err := strconv.ParseUint(e.Member, 10, 64)
		if err != nil {
			continue
		}
		if err := k.st.Delete(ctx, k.hdrKey(sid, n)); err != nil {
			return err
		}
		if err := k.st.IndexRemove(ctx, k.hdrIndex(sid), e.Member); err != nil {
			return err
		}
		delete(f.quorum, n)
	}
	return nil
}

// markDown records that the sidechain could not be read.
func (f *follower) markDown(ctx context.Context, cause error) {
	k, sid := f.k, f.src.SidechainID
	hr, ok, err := k.loadHead(ctx, sid)
	if err != nil {
		return
	}
	first := !ok || hr.DownSince.IsZero()
	if first {
		hr.DownSince = time.Now()
		f.log.Warn("sidechain unreachable", zap.Error(cause))
	} else {
		f.log.Debug("sidechain still unreachable", zap.Error(cause))
	}
	hr.Err = cause.Error()
	_ = putJSON(ctx, k.st, k.headKey(sid), hr)
}
