package scenario

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"io"
	"math/big"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/watchtower-l2/watchtower/deployments/contracts/bindings"
	"github.com/watchtower-l2/watchtower/internal/devnet"
	"github.com/watchtower-l2/watchtower/internal/sidechain"
)

// Roles of a checkpoint in the sidechain scenario.
const (
	CheckpointGood = "good"       // the attested block's hash and state root
	WrongHash      = "wrong_hash" // a block hash the validators never attested at that height
	WrongRoot      = "wrong_root" // the attested hash with another state root
	FutureBlock    = "future"     // a block number the sidechain has not produced
)

// Checkpoint statuses of CheckpointManager.Status.
const (
	cpPending   = 1
	cpFinal     = 2
	cpCancelled = 3
)

// Sidechain configures the sidechain checkpoint scenario: a proposer posts
// good and bad checkpoints of a running sidechain; the tower must cancel every
// bad one on L1 and leave the good ones to become final.
type Sidechain struct {
	Net         *devnet.Devnet
	Manager     common.Address
	SidechainID uint64
	Side        *sidechain.Chain
	Validators  *sidechain.Validators
	Proposer    *ecdsa.PrivateKey
	// TowerAddrs are the tower's signer keys.
	TowerAddrs []common.Address
	Count      int
	Bond       *big.Int
	// Roles overrides the role of checkpoint i (default: good, good, wrong hash, wrong root, future, repeating).
	Roles    []string
	Progress io.Writer
	Seed     uint64
}

type cpRun struct {
	role       string
	id         *big.Int
	number     uint64
	hash, root common.Hash
	truth      string
	block      uint64
	deadline   uint64
}

func (sc *Sidechain) role(i int) string {
	if i < len(sc.Roles) {
		return sc.Roles[i]
	}
	return []string{CheckpointGood, CheckpointGood, WrongHash, WrongRoot, FutureBlock}[i%5]
}

// Run plays the scenario and judges the tower from what is on L1.
func (sc *Sidechain) Run(ctx context.Context) (Summary, error) {
	cm, err := bindings.NewCheckpointManager(sc.Manager, sc.Net.Client)
	if err != nil {
		return Summary{}, fmt.Errorf("scenario: bind checkpoint manager: %w", err)
	}
	if sc.Bond == nil {
		sc.Bond = big.NewInt(1e17)
	}
	rng := rand.New(rand.NewPCG(sc.Seed, 11))
	sid := new(big.Int).SetUint64(sc.SidechainID)
	info, err := cm.GetSidechain(&bind.CallOpts{Context: ctx}, sid)
	if err != nil {
		return Summary{}, fmt.Errorf("scenario: read sidechain: %w", err)
	}
	wctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := sc.Validators.WaitAttested(wctx, 3); err != nil {
		return Summary{}, err
	}
	attested := sc.Validators.Attested()
	runs := make([]*cpRun, sc.Count)
	sc.say("  posting %d checkpoints of sidechain %d (attested up to block %d)\n", sc.Count, sc.SidechainID, attested)
	var txs []*types.Transaction
	for i := range runs {
		r := &cpRun{role: sc.role(i)}
		runs[i] = r
		if r.role == FutureBlock {
			head, err := sc.Side.Head(ctx)
			if err != nil {
				return Summary{}, err
			}
			r.number = head.Number.Uint64() + 10_000 + uint64(i)
			r.hash, r.root = scRandHash(rng), scRandHash(rng)
			r.truth = fmt.Sprintf("not produced (head %d)", head.Number.Uint64())
		} else {
			r.number = 1 + rng.Uint64N(attested)
			h, err := sc.Side.Client.HeaderByNumber(ctx, new(big.Int).SetUint64(r.number))
			if err != nil {
				return Summary{}, fmt.Errorf("scenario: sidechain block %d: %w", r.number, err)
			}
			r.hash, r.root = h.Hash(), h.Root
			r.truth = scShort(h.Hash().Hex()) + "/" + scShort(h.Root.Hex())
			switch r.role {
			case WrongHash:
				r.hash = scRandHash(rng)
			case WrongRoot:
				r.root = scRandHash(rng)
			}
		}
		opts := sc.Net.Transactor(ctx, sc.Proposer)
		opts.Value = sc.Bond
		tx, err := cm.SubmitCheckpoint(opts, sid, r.number, r.hash, r.root)
		if err != nil {
			return Summary{}, fmt.Errorf("scenario: submit checkpoint %d: %w", i, err)
		}
		txs = append(txs, tx)
	}
	for i, tx := range txs {
		rc, err := mined(ctx, sc.Net, tx.Hash())
		if err != nil {
			return Summary{}, fmt.Errorf("scenario: submit checkpoint %d: %w", i, err)
		}
		for _, l := range rc.Logs {
			if ev, err := cm.ParseCheckpointSubmitted(*l); err == nil {
				runs[i].id, runs[i].block, runs[i].deadline = ev.CheckpointId, l.BlockNumber, ev.Deadline
			}
		}
		if runs[i].id == nil {
			return Summary{}, errors.New("scenario: no CheckpointSubmitted event")
		}
	}

	// Wait for the periods (and any proof request's response window) to end; the
	// tower finalizes what it requested proof for, the proposer the rest.
	var last uint64
	for _, r := range runs {
		last = max(last, r.deadline)
	}
	end := last + info.ResponseWindow + 1
	sc.say("  waiting for the challenge periods to end (L1 block %d)\n", end)
	if err := waitHead(ctx, sc.Net, end); err != nil {
		return Summary{}, err
	}
	grace := time.Now().Add(20 * time.Second)
	for _, r := range runs {
		for {
			cp, err := cm.GetCheckpoint(&bind.CallOpts{Context: ctx}, r.id)
			if err != nil {
				return Summary{}, err
			}
			if cp.Status != cpPending {
				break
			}
			// A proof request the proposer cannot answer: the tower claims it.
			if slices.Contains(sc.TowerAddrs, cp.Requester) && time.Now().Before(grace) {
				if err := scSleep(ctx, 100*time.Millisecond); err != nil {
					return Summary{}, err
				}
				continue
			}
			tx, err := cm.Finalize(sc.Net.Transactor(ctx, sc.Proposer), r.id)
			if err != nil {
				// The tower may have finalized it (a proof request it claimed)
				// between the read above and this call: then it is not pending.
				if now, rerr := cm.GetCheckpoint(&bind.CallOpts{Context: ctx}, r.id); rerr == nil && now.Status != cpPending {
					break
				}
				return Summary{}, fmt.Errorf("scenario: finalize checkpoint %s: %w", r.id, err)
			}
			if _, err := mined(ctx, sc.Net, tx.Hash()); err != nil {
				// Reverted because the tower's finalize landed first: the
				// loop reads the status again.
				if now, rerr := cm.GetCheckpoint(&bind.CallOpts{Context: ctx}, r.id); rerr == nil && now.Status != cpPending {
					break
				}
				return Summary{}, err
			}
		}
	}
	return sc.judge(ctx, cm, runs)
}

func (sc *Sidechain) judge(ctx context.Context, cm *bindings.CheckpointManager, runs []*cpRun) (Summary, error) {
	type action struct {
		block uint64
		tx    common.Hash
	}
	actions := map[string][]action{}
	opts := &bind.FilterOpts{Start: 0, Context: ctx}
	ch, err := cm.FilterCheckpointChallenged(opts, nil, sc.TowerAddrs)
	if err != nil {
		return Summary{}, err
	}
	for ch.Next() {
		actions[ch.Event.CheckpointId.String()] = append(actions[ch.Event.CheckpointId.String()], action{ch.Event.Raw.BlockNumber, ch.Event.Raw.TxHash})
	}
	if err := ch.Error(); err != nil {
		return Summary{}, err
	}
	rq, err := cm.FilterProofRequested(opts, nil, sc.TowerAddrs)
	if err != nil {
		return Summary{}, err
	}
	for rq.Next() {
		actions[rq.Event.CheckpointId.String()] = append(actions[rq.Event.CheckpointId.String()], action{rq.Event.Raw.BlockNumber, rq.Event.Raw.TxHash})
	}
	if err := rq.Error(); err != nil {
		return Summary{}, err
	}
	paid := map[string]bool{}
	cn, err := cm.FilterCheckpointCancelled(opts, nil, sc.TowerAddrs)
	if err != nil {
		return Summary{}, err
	}
	for cn.Next() {
		paid[cn.Event.CheckpointId.String()] = cn.Event.Bond.Cmp(sc.Bond) == 0
	}
	if err := cn.Error(); err != nil {
		return Summary{}, err
	}
	s := Summary{Kind: "sidechain", Columns: [3]string{"CHECKPOINT", "CLAIMED", "ATTESTED"}, Subjects: len(runs)}
	for _, r := range runs {
		cp, err := cm.GetCheckpoint(&bind.CallOpts{Context: ctx}, r.id)
		if err != nil {
			return Summary{}, err
		}
		res := Result{
			Subject: fmt.Sprintf("checkpoint-%s", r.id), Role: r.role,
			Claimed:    fmt.Sprintf("#%d %s/%s", r.number, scShort(r.hash.Hex()), scShort(r.root.Hex())),
			Truth:      r.truth,
			EventBlock: r.block, Deadline: r.deadline,
		}
		acts := actions[r.id.String()]
		if len(acts) > 0 {
			a := acts[0]
			res.ChallengeTx, res.MinedBlock, res.BlocksToMined = a.tx.Hex(), a.block, a.block-r.block
		}
		if r.role == CheckpointGood {
			s.Honest++
			switch {
			case len(acts) > 0:
				s.FalseChallenges++
				res.Verdict = "good: FALSE CHALLENGE"
			case cp.Status != cpFinal:
				s.FalseChallenges++
				res.Verdict = fmt.Sprintf("good: NOT FINAL (status %d)", cp.Status)
			default:
				res.Verdict, res.OK = "good: left alone, final", true
			}
		} else {
			s.Frauds++
			inTime := len(acts) > 0 && acts[0].block <= r.deadline
			if cp.Status == cpCancelled && inTime && paid[r.id.String()] {
				s.Challenged++
				res.Verdict, res.OK = r.role+": cancelled, bond to tower", true
			} else {
				s.Missed++
				res.Verdict = fmt.Sprintf("%s: MISSED (status %d, %d tower actions)", r.role, cp.Status, len(acts))
			}
		}
		s.Results = append(s.Results, res)
	}
	return s, nil
}

func (sc *Sidechain) say(format string, args ...any) {
	if sc.Progress != nil {
		fmt.Fprintf(sc.Progress, format, args...)
	}
}

func scRandHash(r *rand.Rand) common.Hash {
	var h common.Hash
	for i := range h {
		h[i] = byte(r.Uint32())
	}
	return h
}

func scShort(h string) string {
	if len(h) <= 12 {
		return h
	}
	return h[:6] + ".." + h[len(h)-4:]
}

func scSleep(ctx context.Context, d time.Duration) error {
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(d):
		return nil
	}
}
