// Package sidechain is the sidechain-checkpoint plug-in. It watches a
// CheckpointManager on L1, follows each configured sidechain over its JSON-RPC
// endpoint together with its validators' attestation feed (keeping headers and
// attestations of the unfinalized range in the store, reorgs included), and
// judges every CheckpointSubmitted against the quorum-attested block at that
// height: a wrong block hash or state root is challenged with the attested
// header (the contract re-hashes it and recovers the signers), and a block the
// validators never attested gets a proof request the proposer cannot answer.
// When it cannot tell (sidechain RPC down, attestations missing) it alerts
// with the time left. See deployments/contracts/CHECKPOINTS.md.
package sidechain

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/alerts"
	"github.com/watchtower-l2/watchtower/deployments/contracts/bindings"
	"github.com/watchtower-l2/watchtower/proofs/header"
	"github.com/watchtower-l2/watchtower/watcher/event"
	"github.com/watchtower-l2/watchtower/watcher/l2"
	"github.com/watchtower-l2/watchtower/watcher/store"
)

// KindName is the subject token of this kind.
const KindName = "sidechain"

// Event names published on wt.<chainid>.sidechain.<name>.
const (
	EventRegistered     = "registered"
	EventSubmitted      = "submitted"
	EventChallenged     = "challenged"
	EventProofRequested = "proof_requested"
	EventProven         = "proven"
	EventCancelled      = "cancelled"
	EventFinalized      = "finalized"
)

var managerABI = l2.GeneratedABI(KindName, bindings.CheckpointManagerMetaData)

// Source is one followed sidechain.
type Source struct {
	SidechainID uint64 `yaml:"id" json:"id"`
	// RPCURL is the sidechain's JSON-RPC endpoint.
	RPCURL string `yaml:"rpc_url" json:"rpc_url"`
	// AttestationsURL is the base URL of the validators' feed (header.FeedPath).
	AttestationsURL string `yaml:"attestations_url" json:"attestations_url"`
}

// Config configures the plug-in.
type Config struct {
	Manager    common.Address
	Sidechains []Source
	// Poll is how often the sidechains are polled (default 1s).
	Poll time.Duration
	// Backfill is how many blocks behind the head are read on first start (default 128).
	Backfill uint64
	// Retain is how many blocks behind the head keep their header in the store (default 1024).
	Retain uint64
	// AttestWindow is how many recent blocks are polled for missing attestations (default 64).
	AttestWindow uint64
	// FutureGrace is how many L1 blocks after a checkpoint of a block the
	// sidechain has not produced the tower waits before requesting proof (default 2).
	FutureGrace uint64
	// AttestGrace is how many L1 blocks the tower waits for the attestations of
	// an existing block before alerting (default 3).
	AttestGrace uint64
	// UrgentBlocks: alerts become critical with this many L1 blocks left (default 10).
	UrgentBlocks uint64
	// L1BlockTime converts blocks left into time left in alerts (default 12s).
	L1BlockTime time.Duration
	// StaleAfter: a sidechain view not refreshed for this long counts as unreachable (default 3*Poll + 2s).
	StaleAfter time.Duration
}

func (c *Config) defaults() {
	if c.Poll <= 0 {
		c.Poll = time.Second
	}
	if c.Backfill == 0 {
		c.Backfill = 128
	}
	if c.Retain == 0 {
		c.Retain = 1024
	}
	if c.AttestWindow == 0 {
		c.AttestWindow = 64
	}
	if c.FutureGrace == 0 {
		c.FutureGrace = 2
	}
	if c.AttestGrace == 0 {
		c.AttestGrace = 3
	}
	if c.UrgentBlocks == 0 {
		c.UrgentBlocks = 10
	}
	if c.L1BlockTime <= 0 {
		c.L1BlockTime = 12 * time.Second
	}
	if c.StaleAfter <= 0 {
		c.StaleAfter = 3*c.Poll + 2*time.Second
	}
}

// L1 is what the plug-in reads from L1.
type L1 interface {
	bind.ContractCaller
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
}

// Submitted is the payload of a CheckpointSubmitted log.
type Submitted struct {
	CheckpointID *big.Int       `json:"checkpoint_id"`
	SidechainID  uint64         `json:"sidechain_id"`
	Proposer     common.Address `json:"proposer"`
	Number       uint64         `json:"number"`
	BlockHash    common.Hash    `json:"block_hash"`
	StateRoot    common.Hash    `json:"state_root"`
	Bond         *big.Int       `json:"bond"`
	Deadline     uint64         `json:"deadline"`
}

// Change is the payload of the other checkpoint logs.
type Change struct {
	CheckpointID *big.Int       `json:"checkpoint_id"`
	By           common.Address `json:"by,omitempty"`
	Detail       string         `json:"detail,omitempty"`
}

// Kind implements l2.Kind and l2.Runner for a CheckpointManager.
type Kind struct {
	cfg     Config
	chainID uint64
	domain  header.Domain
	st      store.Store
	l1      L1
	caller  *bindings.CheckpointManagerCaller
	filter  *bindings.CheckpointManagerFilterer
	queue   l2.Enqueuer
	alerts  alerts.Sink
	log     *zap.Logger
	sources map[uint64]*follower

	mu      sync.Mutex
	valsets map[uint64]*valset
}

var (
	_ l2.Kind   = (*Kind)(nil)
	_ l2.Runner = (*Kind)(nil)
)

// Factory returns the factory of the kind for cfg (for a tower assembled
// in code; the configuration file goes through Plugin).
func Factory(cfg Config) l2.Factory {
	return func(_ context.Context, d l2.Deps) (l2.Kind, error) {
		return New(cfg, d.ChainID, d.Store, d.L1, d.Queue, d.Alerts, d.Log)
	}
}

// New returns the plug-in.
func New(cfg Config, chainID *big.Int, st store.Store, l1 L1, queue l2.Enqueuer, sink alerts.Sink, log *zap.Logger) (*Kind, error) {
	if chainID == nil || chainID.Sign() <= 0 {
		return nil, errors.New("sidechain: L1 chain id is required")
	}
	if cfg.Manager == (common.Address{}) {
		return nil, errors.New("sidechain: checkpoint manager address is required")
	}
	cfg.defaults()
	caller, err := bindings.NewCheckpointManagerCaller(cfg.Manager, l1)
	if err != nil {
		return nil, fmt.Errorf("sidechain: bind manager: %w", err)
	}
	filter, err := bindings.NewCheckpointManagerFilterer(cfg.Manager, nil)
	if err != nil {
		return nil, fmt.Errorf("sidechain: bind filterer: %w", err)
	}
	if sink == nil {
		sink = alerts.Fanout{}
	}
	k := &Kind{
		cfg: cfg, chainID: chainID.Uint64(), domain: header.Domain{ChainID: chainID, Manager: cfg.Manager},
		st: st, l1: l1, caller: caller, filter: filter, queue: queue, alerts: sink,
		log: log.Named("sidechain"), sources: map[uint64]*follower{}, valsets: map[uint64]*valset{},
	}
	for _, s := range cfg.Sidechains {
		if _, dup := k.sources[s.SidechainID]; dup {
			return nil, fmt.Errorf("sidechain: sidechain %d configured twice", s.SidechainID)
		}
		f, err := newFollower(k, s)
		if err != nil {
			return nil, err
		}
		k.sources[s.SidechainID] = f
	}
	return k, nil
}

// Name implements l2.Kind.
func (k *Kind) Name() string { return KindName }

// Addresses implements l2.Kind.
func (k *Kind) Addresses() []common.Address { return []common.Address{k.cfg.Manager} }

// Domain is the EIP-712 domain validators attest in.
func (k *Kind) Domain() header.Domain { return k.domain }

// Decode implements l2.Kind.
func (k *Kind) Decode(log types.Log) (string, []byte, bool, error) {
	if log.Address != k.cfg.Manager || len(log.Topics) == 0 {
		return "", nil, false, nil
	}
	ev, err := managerABI.EventByID(log.Topics[0])
	if err != nil {
		return "", nil, false, nil
	}
	var name string
	var payload any
	switch ev.Name {
	case "CheckpointSubmitted":
		e, err := k.filter.ParseCheckpointSubmitted(log)
		if err != nil {
			return "", nil, false, fmt.Errorf("sidechain: parse %s: %w", ev.Name, err)
		}
		if !e.SidechainId.IsUint64() {
			return "", nil, false, nil // no configured sidechain has such an id
		}
		name, payload = EventSubmitted, Submitted{e.CheckpointId, e.SidechainId.Uint64(), e.Proposer, e.Number, e.BlockHash, e.StateRoot, e.Bond, e.Deadline}
	case "CheckpointChallenged":
		e, err := k.filter.ParseCheckpointChallenged(log)
		if err != nil {
			return "", nil, false, fmt.Errorf("sidechain: parse %s: %w", ev.Name, err)
		}
		name, payload = EventChallenged, Change{e.CheckpointId, e.Challenger, "attested " + common.Hash(e.AttestedHash).Hex()}
	case "ProofRequested":
		e, err := k.filter.ParseProofRequested(log)
		if err != nil {
			return "", nil, false, fmt.Errorf("sidechain: parse %s: %w", ev.Name, err)
		}
		name, payload = EventProofRequested, Change{e.CheckpointId, e.Requester, fmt.Sprintf("answer by L1 block %d", e.ResponseDeadline)}
	case "CheckpointProven":
		e, err := k.filter.ParseCheckpointProven(log)
		if err != nil {
			return "", nil, false, fmt.Errorf("sidechain: parse %s: %w", ev.Name, err)
		}
		name, payload = EventProven, Change{e.CheckpointId, e.Prover, ""}
	case "CheckpointCancelled":
		e, err := k.filter.ParseCheckpointCancelled(log)
		if err != nil {
			return "", nil, false, fmt.Errorf("sidechain: parse %s: %w", ev.Name, err)
		}
		name, payload = EventCancelled, Change{e.CheckpointId, e.Beneficiary, "bond " + e.Bond.String() + " wei"}
	case "CheckpointFinalized":
		e, err := k.filter.ParseCheckpointFinalized(log)
		if err != nil {
			return "", nil, false, fmt.Errorf("sidechain: parse %s: %w", ev.Name, err)
		}
		name, payload = EventFinalized, Change{e.CheckpointId, common.Address{}, fmt.Sprintf("block %d", e.Number)}
	default:
		return "", nil, false, nil
	}
	b, err := json.Marshal(payload)
	if err != nil {
		return "", nil, false, fmt.Errorf("sidechain: encode %s: %w", name, err)
	}
	return name, b, true, nil
}

// Subject names a checkpoint in verdicts, alerts and reports.
func Subject(id *big.Int) string { return "checkpoint-" + id.String() }

// Dispute ids: one per checkpoint and action, so each is sent at most once.
func (k *Kind) challengeID(id *big.Int) string {
	return fmt.Sprintf("sidechain-%s-%s-challenge", k.cfg.Manager.Hex(), id)
}
func (k *Kind) requestID(id *big.Int) string {
	return fmt.Sprintf("sidechain-%s-%s-request", k.cfg.Manager.Hex(), id)
}
func (k *Kind) finalizeID(id *big.Int) string {
	return fmt.Sprintf("sidechain-%s-%s-finalize", k.cfg.Manager.Hex(), id)
}

// ChallengeID is the dispute id of the proof challenge of a checkpoint.
func (k *Kind) ChallengeID(id *big.Int) string { return k.challengeID(id) }

// RequestID is the dispute id of the proof request against a checkpoint.
func (k *Kind) RequestID(id *big.Int) string { return k.requestID(id) }

// Verify implements l2.Kind.
func (k *Kind) Verify(ctx context.Context, ev event.Event) (l2.Verdict, error) {
	v := l2.NewVerdict(ev)
	if ev.Name == EventSubmitted {
		var s Submitted
		if err := json.Unmarshal(ev.Payload, &s); err != nil || s.CheckpointID == nil {
			return v, fmt.Errorf("sidechain: decode %s payload: %v", ev.Name, err)
		}
		return k.verifySubmitted(ctx, ev, s, v)
	}
	var c Change
	if err := json.Unmarshal(ev.Payload, &c); err != nil || c.CheckpointID == nil {
		return v, fmt.Errorf("sidechain: decode %s payload: %v", ev.Name, err)
	}
	v.Subject = Subject(c.CheckpointID)
	v.Detail = ev.Name
	if c.Detail != "" {
		v.Detail += ": " + c.Detail
	}
	if ev.Removed {
		v.Outcome, v.Detail = l2.Retracted, ev.Name+" removed by a reorg"
		return v, nil
	}
	switch ev.Name {
	case EventCancelled, EventFinalized:
		// The checkpoint is over: no more work on it, whichever sidechain it is for.
		for sid := range k.sources {
			if err := k.dropPending(ctx, sid, c.CheckpointID); err != nil {
				return v, err
			}
		}
	}
	return v, nil
}

// Irrevocable implements l2.Irrevocable: a cancelled or finalized checkpoint
// ends the tower's work on it, so verify confirms the event on L1 first.
func (k *Kind) Irrevocable(ev event.Event) bool {
	return ev.Name == EventCancelled || ev.Name == EventFinalized
}

func (k *Kind) verifySubmitted(ctx context.Context, ev event.Event, s Submitted, v l2.Verdict) (l2.Verdict, error) {
	v.Subject = Subject(s.CheckpointID)
	v.DeadlineBlock = s.Deadline
	if _, ok := k.sources[s.SidechainID]; !ok {
		v.Outcome = l2.Unwatched
		v.Detail = fmt.Sprintf("checkpoint of sidechain %d, which this tower does not follow", s.SidechainID)
		return v, nil
	}
	users, err := k.Subscribers(ctx, s.SidechainID)
	if err != nil {
		return v, err
	}
	v.Users = users
	if ev.Removed {
		if err := k.dropPending(ctx, s.SidechainID, s.CheckpointID); err != nil {
			return v, err
		}
		v.Outcome = l2.Retracted
		v.Detail = fmt.Sprintf("checkpoint of block %d removed by an L1 reorg", s.Number)
		v.Cancel = []string{k.challengeID(s.CheckpointID), k.requestID(s.CheckpointID), k.finalizeID(s.CheckpointID)}
		return v, nil
	}
	rec := pendingRec{Submitted: s, EventBlock: ev.BlockNumber}
	if err := k.addPending(ctx, rec); err != nil {
		return v, err
	}
	j, err := k.judge(ctx, s, nil)
	if err != nil {
		return v, err
	}
	switch j.state {
	case judgedHonest:
		if err := k.dropPending(ctx, s.SidechainID, s.CheckpointID); err != nil {
			return v, err
		}
		v.Outcome, v.Detail = l2.Honest, j.detail
	case judgedWrong:
		ch, err := k.challengeFor(s, j.proof, ev.BlockNumber, users)
		if err != nil {
			return v, err
		}
		if err := k.dropPending(ctx, s.SidechainID, s.CheckpointID); err != nil {
			return v, err
		}
		v.Outcome, v.Detail, v.Challenge = l2.Fraud, j.detail, &ch
	default:
		v.Outcome, v.Detail = l2.Noted, "pending: "+j.detail
	}
	return v, nil
}

func (k *Kind) challengeFor(s Submitted, p header.Proof, eventBlock uint64, users []string) (l2.Challenge, error) {
	data, err := managerABI.Pack("challenge", s.CheckpointID, p.HeaderRLP, p.Sigs)
	if err != nil {
		return l2.Challenge{}, fmt.Errorf("sidechain: pack challenge of %s: %w", s.CheckpointID, err)
	}
	return l2.Challenge{DisputeID: k.challengeID(s.CheckpointID), Kind: KindName, Subject: Subject(s.CheckpointID), To: k.cfg.Manager,
		Data: data, DeadlineBlock: s.Deadline, Users: users, EventBlock: eventBlock}, nil
}

func (k *Kind) requestFor(s Submitted, eventBlock uint64, users []string) (l2.Challenge, error) {
	data, err := managerABI.Pack("requestProof", s.CheckpointID)
	if err != nil {
		return l2.Challenge{}, fmt.Errorf("sidechain: pack requestProof of %s: %w", s.CheckpointID, err)
	}
	return l2.Challenge{DisputeID: k.requestID(s.CheckpointID), Kind: KindName, Subject: Subject(s.CheckpointID), To: k.cfg.Manager,
		Data: data, DeadlineBlock: s.Deadline, Users: users, EventBlock: eventBlock}, nil
}

// ClassifyRevert implements l2.Kind with the manager's custom errors.
func (k *Kind) ClassifyRevert(_ l2.Challenge, data []byte) (string, l2.RevertClass) {
	r := l2.DecodeRevert(managerABI, data)
	if r.Name == "NotPending" && len(r.Args) == 2 {
		if st, ok := r.Args[1].(uint8); ok && st == 2 {
			return "NotPending(final)", l2.RevertTooLate
		}
	}
	return revertTable.Classify(managerABI, data)
}

// revertTable: a checkpoint no longer pending, already proven or already
// asked for proof is obsolete; a closed period is too late.
var revertTable = l2.RevertTable{
	"NotPending":            l2.RevertObsolete,
	"UnknownCheckpoint":     l2.RevertObsolete,
	"AlreadyProven":         l2.RevertObsolete,
	"ProofAlreadyRequested": l2.RevertObsolete,
	"ChallengePeriodOver":   l2.RevertTooLate,
}

// valset is a sidechain's registered validators.
type valset struct {
	addrs     map[common.Address]bool
	threshold int
}

func (k *Kind) valset(ctx context.Context, sid uint64) (*valset, error) {
	k.mu.Lock()
	vs := k.valsets[sid]
	k.mu.Unlock()
	if vs != nil {
		return vs, nil
	}
	opts := &bind.CallOpts{Context: ctx}
	id := new(big.Int).SetUint64(sid)
	sc, err := k.caller.GetSidechain(opts, id)
	if err != nil {
		return nil, fmt.Errorf("sidechain: read sidechain %d on L1: %w", sid, err)
	}
	if sc.Threshold == 0 {
		return nil, fmt.Errorf("sidechain: sidechain %d is not registered on %s", sid, k.cfg.Manager.Hex())
	}
	addrs, err := k.caller.GetValidators(opts, id)
	if err != nil {
		return nil, fmt.Errorf("sidechain: read validators of %d: %w", sid, err)
	}
	vs = &valset{addrs: map[common.Address]bool{}, threshold: int(sc.Threshold)}
	for _, a := range addrs {
		vs.addrs[a] = true
	}
	k.mu.Lock()
	k.valsets[sid] = vs
	k.mu.Unlock()
	return vs, nil
}

// Judgements of a checkpoint.
const (
	judgedUnknown = iota
	judgedHonest
	judgedWrong
)

type judgement struct {
	state  int
	proof  header.Proof
	detail string
	// For unknown: why.
	future  bool // the (fresh) sidechain head is below the checkpoint's number
	stale   bool // the sidechain view is not fresh (RPC down)
	missing bool // the block exists but lacks a quorum of attestations
	head    headRec
}

// judge compares a checkpoint with the quorum-attested block at its height.
// f, when set, fetches a header missing from the store.
func (k *Kind) judge(ctx context.Context, s Submitted, f *follower) (judgement, error) {
	vs, err := k.valset(ctx, s.SidechainID)
	if err != nil {
		return judgement{}, err
	}
	hr, haveHead, err := k.loadHead(ctx, s.SidechainID)
	if err != nil {
		return judgement{}, err
	}
	j := judgement{head: hr}
	fresh := haveHead && time.Since(hr.SyncedAt) <= k.cfg.StaleAfter
	rec, ok, err := k.loadHeader(ctx, s.SidechainID, s.Number)
	if err != nil {
		return j, err
	}
	if f != nil && fresh && s.Number <= max(hr.Number, hr.Remote) && (!ok || len(rec.Sigs) < vs.threshold) {
		// Older than the followed range, or older than the attestation window:
		// fetch what is missing for this height.
		if !ok {
			rec, ok, err = f.fetchOne(ctx, s.Number)
		} else if err = f.collect(ctx, s.Number, s.Number); err == nil {
			rec, ok, err = k.loadHeader(ctx, s.SidechainID, s.Number)
		}
		if err != nil {
			k.log.Warn("fetch sidechain block", zap.Uint64("sidechain", s.SidechainID), zap.Uint64("number", s.Number), zap.Error(err))
		}
	}
	if ok {
		p, err := k.domain.Build(new(big.Int).SetUint64(s.SidechainID), rec.RLP, rec.signed(), vs.addrs, vs.threshold)
		if err == nil {
			if p.Fields.Hash == s.BlockHash && p.Fields.StateRoot == s.StateRoot {
				j.state = judgedHonest
				j.detail = fmt.Sprintf("block %d %s matches the quorum-attested block", s.Number, short(s.BlockHash))
				return j, nil
			}
			j.state, j.proof = judgedWrong, p
			switch {
			case p.Fields.Hash != s.BlockHash:
				j.detail = fmt.Sprintf("wrong block hash at %d: checkpoint %s, attested %s", s.Number, short(s.BlockHash), short(p.Fields.Hash))
			default:
				j.detail = fmt.Sprintf("wrong state root at %d: checkpoint %s, attested %s", s.Number, short(s.StateRoot), short(p.Fields.StateRoot))
			}
			return j, nil
		}
	}
	switch {
	case !fresh:
		j.stale = true
		if haveHead {
			j.detail = fmt.Sprintf("sidechain %d view is stale (last synced %s ago: %s)", s.SidechainID, time.Since(hr.SyncedAt).Round(time.Second), hr.Err)
		} else {
			j.detail = fmt.Sprintf("sidechain %d not synced yet", s.SidechainID)
		}
	case s.Number > max(hr.Number, hr.Remote):
		// Never ask for a proof on a lagging view: the sidechain may have
		// produced the block since the last sync.
		if f != nil {
			if live, err := f.head(ctx); err == nil && live >= s.Number {
				j.missing = true
				j.detail = fmt.Sprintf("block %d exists (sidechain head %d) but is not read yet", s.Number, live)
				break
			}
		}
		j.future = true
		j.detail = fmt.Sprintf("block %d is beyond the sidechain head %d", s.Number, max(hr.Number, hr.Remote))
	default:
		j.missing = true
		have := 0
		if ok {
			have = len(rec.Sigs)
		}
		j.detail = fmt.Sprintf("block %d has %d of %d attestations", s.Number, have, vs.threshold)
	}
	return j, nil
}

func short(h common.Hash) string { s := h.Hex(); return s[:10] + ".." + s[len(s)-4:] }
