package sidechain

import (
	"context"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/alerts"
	"github.com/watchtower-l2/watchtower/watcher/l2"
)

// Run implements l2.Runner: it follows every configured sidechain and judges
// the checkpoints the verify role could not judge yet, until ctx is cancelled.
// Errors reading the sidechain or L1 are retried (and alerted per checkpoint),
// never returned: an outage must not stop the tower.
func (k *Kind) Run(ctx context.Context) error {
	t := time.NewTicker(k.cfg.Poll)
	defer t.Stop()
	for {
		k.Tick(ctx)
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

// Tick runs one round: sync each sidechain, then work on pending checkpoints.
func (k *Kind) Tick(ctx context.Context) {
	for sid, f := range k.sources {
		if err := f.sync(ctx); err != nil {
			if ctx.Err() != nil {
				return
			}
			f.markDown(ctx, err)
		}
		if err := k.scan(ctx, sid, f); err != nil && ctx.Err() == nil {
			k.log.Warn("judge pending checkpoints", zap.Uint64("sidechain", sid), zap.Error(err))
		}
	}
}

func (k *Kind) scan(ctx context.Context, sid uint64, f *follower) error {
	recs, err := k.pending(ctx, sid)
	if err != nil || len(recs) == 0 {
		return err
	}
	h, err := k.l1.HeaderByNumber(ctx, nil)
	if err != nil {
		return fmt.Errorf("read L1 head: %w", err)
	}
	l1Head := h.Number.Uint64()
	for _, r := range recs {
		if err := k.work(ctx, f, r, l1Head); err != nil {
			k.log.Warn("judge checkpoint", zap.String("checkpoint", r.CheckpointID.String()), zap.Error(err))
		}
	}
	return nil
}

// work moves one pending checkpoint forward.
func (k *Kind) work(ctx context.Context, f *follower, r pendingRec, l1Head uint64) error {
	s := r.Submitted
	users, err := k.Subscribers(ctx, s.SidechainID)
	if err != nil {
		return err
	}
	if l1Head > s.Deadline {
		return k.afterDeadline(ctx, r, l1Head, users)
	}
	j, err := k.judge(ctx, s, f)
	if err != nil {
		return err
	}
	switch j.state {
	case judgedHonest:
		k.log.Info("checkpoint verified", zap.String("checkpoint", s.CheckpointID.String()), zap.String("detail", j.detail))
		k.resolveAlert(ctx, r, j.detail)
		return k.dropPending(ctx, s.SidechainID, s.CheckpointID)
	case judgedWrong:
		ch, err := k.challengeFor(s, j.proof, r.EventBlock, users)
		if err != nil {
			return err
		}
		if err := k.queue.Enqueue(ctx, ch); err != nil {
			return fmt.Errorf("queue challenge: %w", err)
		}
		k.detected(ctx, ch, j.detail)
		return k.dropPending(ctx, s.SidechainID, s.CheckpointID)
	}
	left := s.Deadline - l1Head
	k.log.Debug("checkpoint still unverified", zap.String("checkpoint", s.CheckpointID.String()), zap.String("why", j.detail), zap.Uint64("blocks_left", left))
	switch {
	case j.future && l1Head >= r.EventBlock+k.cfg.FutureGrace:
		if r.Requested {
			return nil
		}
		ch, err := k.requestFor(s, r.EventBlock, users)
		if err != nil {
			return err
		}
		if err := k.queue.Enqueue(ctx, ch); err != nil {
			return fmt.Errorf("queue proof request: %w", err)
		}
		k.detected(ctx, ch, "never attested: "+j.detail+"; requesting the proposer's quorum proof")
		r.Requested = true
		return putJSON(ctx, k.st, k.cpKey(s.SidechainID, s.CheckpointID), r)
	case j.stale, j.missing && l1Head >= r.EventBlock+k.cfg.AttestGrace:
		return k.cannotVerify(ctx, r, j.detail, left, users)
	}
	return nil
}

// afterDeadline handles a checkpoint whose challenge period is over: a proof
// request left unanswered is claimed with finalize; anything else unverified
// is reported as missed.
func (k *Kind) afterDeadline(ctx context.Context, r pendingRec, l1Head uint64, users []string) error {
	s := r.Submitted
	if r.Requested {
		cp, err := k.caller.GetCheckpoint(&bind.CallOpts{Context: ctx}, s.CheckpointID)
		if err != nil {
			return fmt.Errorf("read checkpoint %s: %w", s.CheckpointID, err)
		}
		const statusPending = 1
		if cp.Status != statusPending || cp.Proven {
			return k.dropPending(ctx, s.SidechainID, s.CheckpointID)
		}
		if cp.ResponseDeadline == 0 || l1Head <= cp.ResponseDeadline {
			return nil // the request is not mined yet, or the proposer may still answer
		}
		data, err := managerABI.Pack("finalize", s.CheckpointID)
		if err != nil {
			return err
		}
		ch := l2.Challenge{DisputeID: k.finalizeID(s.CheckpointID), Kind: KindName, Subject: Subject(s.CheckpointID), To: k.cfg.Manager,
			Data: data, DeadlineBlock: l1Head + 1<<20, Users: users, EventBlock: r.EventBlock}
		if err := k.queue.Enqueue(ctx, ch); err != nil {
			return fmt.Errorf("queue finalize: %w", err)
		}
		k.log.Info("proof request unanswered; finalizing to cancel the checkpoint", zap.String("checkpoint", s.CheckpointID.String()))
		return k.dropPending(ctx, s.SidechainID, s.CheckpointID)
	}
	k.notify(ctx, r, alerts.Critical, alerts.StateFailed,
		fmt.Sprintf("checkpoint %s of sidechain %d block %d passed its deadline block %d unverified", s.CheckpointID, s.SidechainID, s.Number, s.Deadline), users)
	return k.dropPending(ctx, s.SidechainID, s.CheckpointID)
}

// cannotVerify alerts a person, once per stage (warning, then critical when
// few blocks are left), with the time left to act.
func (k *Kind) cannotVerify(ctx context.Context, r pendingRec, why string, left uint64, users []string) error {
	stage, sev := "warning", alerts.Warning
	if left <= k.cfg.UrgentBlocks {
		stage, sev = "critical", alerts.Critical
	}
	if r.Alerted == stage {
		return nil
	}
	s := r.Submitted
	k.notify(ctx, r, sev, alerts.StateDetected, fmt.Sprintf(
		"cannot verify checkpoint %s (sidechain %d block %d): %s; %d L1 blocks (~%s) left to challenge, deadline block %d",
		s.CheckpointID, s.SidechainID, s.Number, why, left, (time.Duration(left)*k.cfg.L1BlockTime).Round(time.Second), s.Deadline), users)
	r.Alerted = stage
	return putJSON(ctx, k.st, k.cpKey(s.SidechainID, s.CheckpointID), r)
}

func (k *Kind) resolveAlert(ctx context.Context, r pendingRec, detail string) {
	if r.Alerted == "" {
		return
	}
	k.notify(ctx, r, alerts.Info, alerts.StateResolved, "verified after all: "+detail, nil)
}

func (k *Kind) unverifiedFingerprint(id *big.Int) string {
	return fmt.Sprintf("sidechain-%s-%s-unverified", k.cfg.Manager.Hex(), id)
}

func (k *Kind) notify(ctx context.Context, r pendingRec, sev alerts.Severity, state, summary string, users []string) {
	s := r.Submitted
	a := alerts.Alert{
		Fingerprint: k.unverifiedFingerprint(s.CheckpointID), Severity: sev, Kind: KindName, ChainID: k.chainID,
		Contract: k.cfg.Manager.Hex(), Subject: Subject(s.CheckpointID), State: state, Summary: summary, Users: users,
		DeadlineBlock: s.Deadline,
		Labels:        map[string]string{"sidechain": fmt.Sprint(s.SidechainID), "block": fmt.Sprint(s.Number)},
	}
	if err := k.alerts.Notify(context.WithoutCancel(ctx), a); err != nil {
		k.log.Warn("alert delivery failed", zap.String("checkpoint", s.CheckpointID.String()), zap.Error(err))
	}
}

// detected raises the fraud alert for a challenge queued outside the event flow.
func (k *Kind) detected(ctx context.Context, ch l2.Challenge, detail string) {
	k.log.Warn("fraud detected", zap.String("subject", ch.Subject), zap.String("detail", detail), zap.Uint64("deadline_block", ch.DeadlineBlock))
	a := alerts.Alert{
		Fingerprint: ch.DisputeID, Severity: alerts.Warning, Kind: KindName, ChainID: k.chainID, Contract: k.cfg.Manager.Hex(),
		Subject: ch.Subject, State: alerts.StateDetected, Summary: fmt.Sprintf("%s %s: %s", KindName, ch.Subject, detail),
		Users: ch.Users, DeadlineBlock: ch.DeadlineBlock,
	}
	if err := k.alerts.Notify(context.WithoutCancel(ctx), a); err != nil {
		k.log.Warn("alert delivery failed", zap.String("dispute", ch.DisputeID), zap.Error(err))
	}
}
