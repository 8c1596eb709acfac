package challenge

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/alerts"
	"github.com/watchtower-l2/watchtower/watcher/l2"
	"github.com/watchtower-l2/watchtower/watcher/metrics"
	"github.com/watchtower-l2/watchtower/watcher/store"
	"github.com/watchtower-l2/watchtower/watcher/txmgr"
)

// Sender signs, sends and follows transactions (txmgr.Manager).
type Sender interface {
	From() common.Address
	// Prepare simulates c (a refusal is a *txmgr.RevertError) and signs it
	// with the next nonce, without sending it.
	Prepare(ctx context.Context, c txmgr.Candidate) (*types.Transaction, error)
	// Broadcast sends tx; it returns nil when the node has tx afterwards,
	// however the node words a re-send.
	Broadcast(ctx context.Context, tx *types.Transaction) error
	WaitMined(ctx context.Context, tx *types.Transaction) (*types.Receipt, error)
	// Release gives back the nonce of a prepared tx that will not be broadcast.
	Release(tx *types.Transaction) bool
}

// Chain is what the runner reads from L1 directly.
type Chain interface {
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
	TransactionReceipt(ctx context.Context, hash common.Hash) (*types.Receipt, error)
}

// Config tunes the runner.
type Config struct {
	// Poll is how often the queue is scanned for open jobs (default 250ms);
	// a job this process opens wakes the runner at once.
	Poll time.Duration
	// LeaseTTL bounds how long a dead process blocks a job (default 3s):
	// the holder renews its lease every LeaseTTL/3, each renewal bounded by
	// LeaseTTL/4, and its writes of the job are fenced by the lease's token.
	LeaseTTL time.Duration
	// MaxInFlight caps jobs worked on at once by this process, each from
	// taking its lease to its challenge's inclusion (default 256).
	MaxInFlight int
	// RetryDelay is the pause after a failed attempt (default 1s).
	RetryDelay time.Duration
	// BlockTime is the L1 block time, to estimate the time left of
	// deadlines in blocks (default 12s).
	BlockTime time.Duration
	// Metrics counts challenges and times them from their event (nil: none).
	Metrics *metrics.Metrics
}

func (c *Config) defaults() {
	if c.Poll <= 0 {
		c.Poll = 250 * time.Millisecond
	}
	if c.LeaseTTL <= 0 {
		c.LeaseTTL = 3 * time.Second
	}
	if c.MaxInFlight <= 0 {
		c.MaxInFlight = 256
	}
	if c.RetryDelay <= 0 {
		c.RetryDelay = time.Second
	}
	if c.BlockTime <= 0 {
		c.BlockTime = 12 * time.Second
	}
}

// Runner is the challenge role of one watcher process.
type Runner struct {
	q       *Queue
	sender  Sender
	chain   Chain
	kinds   l2.Registry
	alerts  alerts.Sink
	cfg     Config
	log     *zap.Logger
	chainID uint64

	// scans counts the scans of the queue done.
	scans atomic.Uint64

	mu       sync.Mutex
	inflight map[string]bool
	backoff  map[string]time.Time
}

// NewRunner returns the challenge role.
func NewRunner(q *Queue, sender Sender, chain Chain, kinds l2.Registry, sink alerts.Sink, chainID uint64, cfg Config, log *zap.Logger) *Runner {
	cfg.defaults()
	return &Runner{
		q: q, sender: sender, chain: chain, kinds: kinds, alerts: sink, cfg: cfg, chainID: chainID,
		log: log.Named("challenge"), inflight: map[string]bool{}, backoff: map[string]time.Time{},
	}
}

// InFlight is how many jobs this runner is working on (holding their leases).
func (r *Runner) InFlight() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.inflight)
}

// Run works on open jobs until ctx is cancelled, then waits for the jobs in
// flight to reach a recorded state (their leases are released, so another
// process or the next start resumes them).
func (r *Runner) Run(ctx context.Context) error {
	var wg sync.WaitGroup
	defer wg.Wait()
	t := time.NewTicker(r.cfg.Poll)
	defer t.Stop()
	for {
		if err := r.scan(ctx, &wg); err != nil && ctx.Err() == nil {
			r.log.Warn("scan open challenges", zap.Error(err))
		}
		r.scans.Add(1)
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		case <-r.q.Woken():
		}
	}
}

func (r *Runner) scan(ctx context.Context, wg *sync.WaitGroup) error {
	ids, err := r.q.Open(ctx, r.cfg.MaxInFlight*2)
	if err != nil {
		return err
	}
	now := time.Now()
	for _, id := range ids {
		r.mu.Lock()
		busy := r.inflight[id] || now.Before(r.backoff[id]) || len(r.inflight) >= r.cfg.MaxInFlight
		r.mu.Unlock()
		if busy {
			continue
		}
		h, err := r.q.acquire(ctx, id, r.q.owner, r.cfg.LeaseTTL)
		if err != nil {
			return err
		}
		if h == nil {
			continue // another process is on it
		}
		r.mu.Lock()
		r.inflight[id] = true
		r.mu.Unlock()
		wg.Add(1)
		go func() {
			defer wg.Done()
			r.work(ctx, h)
		}()
	}
	return nil
}

// work holds the job's lease (renewing it) while handling the job once; the
// job's writes are fenced by the holding.
func (r *Runner) work(ctx context.Context, h *hold) {
	id := h.id
	jobCtx, stop := context.WithCancel(withHold(ctx, h))
	done := make(chan struct{})
	go func() {
		defer close(done)
		r.heartbeat(jobCtx, h, stop)
	}()
	err := r.handle(jobCtx, id)
	stop()
	<-done
	bg := context.WithoutCancel(ctx)
	if rerr := r.q.st.ReleaseLease(bg, leaseKey(id), r.q.owner); rerr != nil {
		r.log.Warn("release challenge lease", zap.String("dispute", id), zap.Error(rerr))
	}
	r.mu.Lock()
	delete(r.inflight, id)
	if err != nil {
		r.backoff[id] = time.Now().Add(r.cfg.RetryDelay)
	} else {
		delete(r.backoff, id)
	}
	r.mu.Unlock()
	switch {
	case errors.Is(err, ErrLeaseLost):
		r.log.Warn("another process took over the challenge; this one stopped working on it", zap.String("dispute", id), zap.Error(err))
	case err != nil && ctx.Err() == nil:
		r.log.Warn("challenge attempt failed; will retry", zap.String("dispute", id), zap.Error(err))
	}
}

// handle moves one job forward until it is final or an attempt fails.
func (r *Runner) handle(ctx context.Context, id string) (err error) {
	j, err := r.q.Get(ctx, id)
	defer func() {
		if err != nil && ctx.Err() == nil && !errors.Is(err, ErrLeaseLost) {
			r.cfg.Metrics.ChallengeFailed(j.Kind, metrics.FailError)
		}
	}()
	if errors.Is(err, store.ErrNotFound) {
		return r.q.st.IndexRemove(ctx, r.q.index, id)
	}
	if err != nil {
		return err
	}
	if j.Status.Final() {
		return r.q.put(ctx, j) // drops a stale index entry
	}
	log := r.log.With(zap.String("dispute", id), zap.String("subject", j.Subject))
	if j.Status == Sending || j.Status == Sent {
		done, err := r.resume(ctx, &j, log)
		if done || err != nil {
			return err
		}
	}
	head, err := r.chain.HeaderByNumber(ctx, nil)
	if err != nil {
		return fmt.Errorf("read L1 head: %w", err)
	}
	// The kind says whether the dispute can still be answered (a deadline
	// block or time, or open until settled). Past it the contract still has
	// the last word: a dispute is declared missed only when its simulation
	// is refused, never from a number alone.
	kind, ok := r.kinds[j.Kind]
	if !ok {
		return fmt.Errorf("unknown kind %q", j.Kind)
	}
	ans, err := l2.Answerable(ctx, kind, j.Challenge, head, r.cfg.BlockTime)
	if err != nil {
		return fmt.Errorf("ask %s whether the dispute is still open: %w", j.Kind, err)
	}
	if ans.Left > 0 {
		j.deadlineAt = time.Now().Add(ans.Left)
		if j.DeadlineBlock == 0 {
			// Alerts escalate on blocks left: give them the kind's estimate.
			j.estimatedBlock = head.Number.Uint64() + uint64((ans.Left+r.cfg.BlockTime-1)/r.cfg.BlockTime)
		}
	}
	late := !ans.Open
	// Prepare simulates the call first: a refusal comes back as a revert
	// and nothing is signed. The deadline sets how urgent its fees are.
	cand := txmgr.Candidate{To: j.To, Data: j.Data, DeadlineBlock: max(j.DeadlineBlock, j.estimatedBlock)}
	tx, err := r.sender.Prepare(ctx, cand)
	if err != nil {
		var rev *txmgr.RevertError
		if errors.As(err, &rev) {
			return r.onRevert(ctx, kind, &j, err, late, log)
		}
		return fmt.Errorf("prepare challenge: %w", err)
	}
	if late {
		log.Warn("past the recorded deadline but the contract still accepts the challenge; sending it",
			zap.Uint64("head", head.Number.Uint64()), zap.Uint64("deadline_block", j.DeadlineBlock))
	}
	raw, err := tx.MarshalBinary()
	if err != nil {
		return fmt.Errorf("encode challenge tx: %w", err)
	}
	// Record the signed transaction before it leaves the process: if we die
	// now, whoever takes the lease next rebroadcasts this exact transaction
	// instead of sending a second one.
	from, _ := types.Sender(types.LatestSignerForChainID(tx.ChainId()), tx) // the pool's key that signed it
	j.Status, j.TxHash, j.RawTx, j.Sender = Sending, tx.Hash(), raw, from.Hex()
	j.Attempts++
	if err := r.q.put(ctx, j); err != nil {
		r.sender.Release(tx) // not recorded: nobody will broadcast it, its nonce must not leave a gap
		return err
	}
	if err := r.sender.Broadcast(ctx, tx); err != nil {
		return fmt.Errorf("broadcast challenge %s: %w", tx.Hash().Hex(), err)
	}
	j.Status = Sent
	if err := r.q.put(ctx, j); err != nil {
		return err
	}
	log.Info("challenge sent", zap.String("tx", tx.Hash().Hex()), zap.Uint64("nonce", tx.Nonce()), zap.Uint64("deadline_block", j.DeadlineBlock))
	r.cfg.Metrics.ChallengeReaction(j.Kind, j.ReceivedAt)
	r.cfg.Metrics.ChallengeSent(j.Kind, r.eventTime(ctx, j))
	r.notify(ctx, j, alerts.Warning, alerts.StateChallengeSent, "challenge sent")
	return r.await(ctx, &j, tx, log)
}

// resume continues a job some process signed before: it waits for that
// transaction (rebroadcasting it if the node lost it). done is true when the
// job reached a final state.
func (r *Runner) resume(ctx context.Context, j *Job, log *zap.Logger) (bool, error) {
	rcpt, err := r.chain.TransactionReceipt(ctx, j.TxHash)
	if err == nil {
		return r.settleReceipt(ctx, j, rcpt, log)
	}
	if !errors.Is(err, ethereum.NotFound) {
		return false, fmt.Errorf("receipt of %s: %w", j.TxHash.Hex(), err)
	}
	var tx types.Transaction
	if err := tx.UnmarshalBinary(j.RawTx); err != nil {
		log.Warn("recorded challenge tx unreadable; preparing a new one", zap.Error(err))
		j.Status = Pending
		return false, nil
	}
	// Broadcast counts the send as done when the node has the transaction
	// afterwards (asked by its hash), whatever words its error uses, so an
	// error here means the node does not have it.
	if err := r.sender.Broadcast(ctx, &tx); err != nil {
		// The nonce was reused or the fee is too low to replace: re-evaluate and sign anew.
		log.Info("recorded challenge tx cannot be rebroadcast; re-evaluating", zap.String("tx", j.TxHash.Hex()), zap.Error(err))
		j.Status = Pending
		return false, nil
	}
	if j.Status == Sending {
		j.Status = Sent
		if err := r.q.put(ctx, *j); err != nil {
			return false, err
		}
	}
	log.Info("resumed a challenge sent earlier", zap.String("tx", j.TxHash.Hex()))
	if err := r.await(ctx, j, &tx, log); err != nil {
		return false, err
	}
	return j.Status.Final(), nil
}

// await waits for the challenge and records the outcome.
func (r *Runner) await(ctx context.Context, j *Job, tx *types.Transaction, log *zap.Logger) error {
	rcpt, err := r.sender.WaitMined(ctx, tx)
	if rcpt == nil {
		if err == nil {
			err = errors.New("no receipt")
		}
		return fmt.Errorf("wait for challenge %s: %w", tx.Hash().Hex(), err)
	}
	_, err = r.settleReceipt(ctx, j, rcpt, log)
	return err
}

// settleReceipt records a mined challenge, or re-opens a reverted one.
func (r *Runner) settleReceipt(ctx context.Context, j *Job, rcpt *types.Receipt, log *zap.Logger) (bool, error) {
	if rcpt.Status == types.ReceiptStatusSuccessful {
		j.TxHash = rcpt.TxHash
		j.MinedBlock = rcpt.BlockNumber.Uint64()
		log.Info("challenge mined", zap.String("tx", rcpt.TxHash.Hex()), zap.Uint64("block", j.MinedBlock), zap.Uint64("deadline_block", j.DeadlineBlock))
		r.cfg.Metrics.ChallengeMined(j.Kind, r.eventTime(ctx, *j))
		return true, r.finish(ctx, j, Mined, fmt.Sprintf("mined in block %d, deadline %s", j.MinedBlock, describeDeadline(j.Challenge)), alerts.Info, log)
	}
	// Reverted on chain (raced by another answer, or state changed): go back
	// to pending; the next simulation decides whether anything is left to do.
	log.Warn("challenge reverted on chain; re-evaluating", zap.String("tx", rcpt.TxHash.Hex()))
	r.cfg.Metrics.ChallengeFailed(j.Kind, metrics.FailReverted)
	j.Status, j.Reason = Pending, "previous attempt reverted in block "+rcpt.BlockNumber.String()
	return false, r.q.put(ctx, *j)
}

// onRevert classifies a failed simulation with the job's kind. late: the
// kind says the dispute can no longer be answered, so a refusal it cannot
// classify is final too.
func (r *Runner) onRevert(ctx context.Context, kind l2.Kind, j *Job, err error, late bool, log *zap.Logger) error {
	var rev *txmgr.RevertError
	if !errors.As(err, &rev) {
		return fmt.Errorf("simulate challenge: %w", err)
	}
	name, class := kind.ClassifyRevert(j.Challenge, rev.Data)
	switch class {
	case l2.RevertObsolete:
		return r.finish(ctx, j, Obsolete, "nothing left to answer on L1: "+name, alerts.Info, log)
	case l2.RevertTooLate:
		return r.finish(ctx, j, Missed, "the contract refused: "+name, alerts.Critical, log)
	}
	if late {
		return r.finish(ctx, j, Missed, fmt.Sprintf("past the deadline (%s) the contract refused: %s", describeDeadline(j.Challenge), name), alerts.Critical, log)
	}
	return fmt.Errorf("challenge simulation reverted with %s: %w", name, err)
}

func (r *Runner) finish(ctx context.Context, j *Job, s Status, reason string, sev alerts.Severity, log *zap.Logger) error {
	j.Status, j.Reason = s, reason
	if err := r.q.put(ctx, *j); err != nil {
		return err
	}
	state := alerts.StateResolved
	switch s {
	case Missed:
		state = alerts.StateFailed
		log.Error("challenge missed", zap.String("reason", reason))
		r.cfg.Metrics.ChallengeFailed(j.Kind, metrics.FailMissed)
	case Mined:
		state = alerts.StateChallengeMined
	default:
		log.Info("challenge closed without sending", zap.String("status", string(s)), zap.String("reason", reason))
	}
	r.notify(ctx, *j, sev, state, reason)
	return nil
}

func (r *Runner) notify(ctx context.Context, j Job, sev alerts.Severity, state, summary string) {
	a := alerts.Alert{
		Fingerprint:   j.DisputeID,
		Severity:      sev,
		Kind:          j.Kind,
		ChainID:       r.chainID,
		Contract:      j.To.Hex(),
		Subject:       j.Subject,
		State:         state,
		Summary:       fmt.Sprintf("%s %s: %s", j.Kind, j.Subject, summary),
		Users:         j.Users,
		DeadlineBlock: max(j.DeadlineBlock, j.estimatedBlock),
		DeadlineTime:  j.deadlineAt,
	}
	if j.TxHash != (common.Hash{}) {
		a.TxHash = j.TxHash.Hex()
	}
	if err := r.alerts.Notify(context.WithoutCancel(ctx), a); err != nil {
		r.log.Warn("alert delivery failed", zap.String("dispute", j.DisputeID), zap.Error(err))
	}
}

// eventTime is the L1 time of the event that proved the fraud (the queue time
// when the block cannot be read), for the event-to-challenge histograms.
func (r *Runner) eventTime(ctx context.Context, j Job) time.Time {
	if h, err := r.chain.HeaderByNumber(ctx, new(big.Int).SetUint64(j.EventBlock)); err == nil && h != nil {
		return time.Unix(int64(h.Time), 0)
	}
	return j.QueuedAt
}

// describeDeadline says what deadline c recorded.
func describeDeadline(c l2.Challenge) string {
	switch {
	case c.UntilSettled:
		return "open until settled"
	case c.DeadlineTime != 0:
		return "L1 time " + time.Unix(int64(c.DeadlineTime), 0).UTC().Format(time.RFC3339)
	}
	return fmt.Sprintf("block %d", c.DeadlineBlock)
}
