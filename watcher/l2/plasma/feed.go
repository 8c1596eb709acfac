package plasma

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/nats-io/nats.go"
	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/alerts"
	"github.com/watchtower-l2/watchtower/proofs/merkle"
	"github.com/watchtower-l2/watchtower/proofs/plasmatx"
	"github.com/watchtower-l2/watchtower/watcher/store"
)

// maxBodyBytes bounds a fetched body (65,536 transactions of ~600 bytes in JSON).
const maxBodyBytes = 64 << 20

// errNotYet means the block cannot be judged yet (an input's deposit event is
// on L1 but not ingested); the runner retries.
var errNotYet = errors.New("plasma: not yet")

// Run implements l2.Runner: it follows the operator's feed, verifies child
// blocks in order against their roots on L1 and maintains the spent index.
// Progress is a cursor in the store, so a restarted runner resumes at the
// first block not verified; re-verifying a block is harmless.
func (k *Kind) Run(ctx context.Context) error {
	wake := make(chan struct{}, 1)
	if k.cfg.FeedSubject != "" && k.bus != nil {
		sub, err := k.bus.Conn().Subscribe(k.cfg.FeedSubject, func(m *nats.Msg) {
			var b plasmatx.Body
			if err := json.Unmarshal(m.Data, &b); err != nil {
				k.log.Warn("unreadable block body on the feed", zap.String("subject", m.Subject), zap.Error(err))
				return
			}
			k.bodies.put(b)
			select {
			case wake <- struct{}{}:
			default:
			}
		})
		if err != nil {
			return fmt.Errorf("plasma: subscribe to %s: %w", k.cfg.FeedSubject, err)
		}
		defer sub.Unsubscribe() //nolint:errcheck // the connection is closed by the owner
	}
	t := time.NewTicker(k.cfg.Poll)
	defer t.Stop()
	for {
		if err := k.Step(ctx); err != nil && ctx.Err() == nil {
			k.log.Warn("plasma feed step", zap.Error(err))
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		case <-wake:
		}
	}
}

// Step verifies every child block whose root and body are available, reports
// withheld blocks, and looks at exits whose period nears its end.
func (k *Kind) Step(ctx context.Context) error {
	for {
		progressed, err := k.stepBlock(ctx)
		if err != nil {
			return err
		}
		if !progressed {
			break
		}
	}
	return k.checkExits(ctx)
}

func (k *Kind) stepBlock(ctx context.Context) (bool, error) {
	cur, err := k.Cursor(ctx)
	if err != nil {
		return false, err
	}
	next := cur + plasmatx.ChildBlockInterval
	root, err := k.rootOf(ctx, next)
	if errors.Is(err, store.ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	body, ok := k.bodies.get(next)
	if !ok && k.cfg.FeedURL != "" {
		if body, ok, err = k.fetch(ctx, next); err != nil {
			k.log.Debug("fetch block body", zap.Uint64("blknum", next), zap.Error(err))
		}
	}
	if ok {
		got, err := merkle.Root(body.Leaves())
		if err != nil || got != root.Root {
			k.log.Warn("published body does not match the root on L1; ignoring it",
				zap.Uint64("blknum", next), zap.String("l1_root", root.Root.Hex()), zap.String("body_root", got.Hex()))
			k.bodies.drop(next)
			ok = false
		}
	}
	if !ok {
		if time.Since(root.Seen) >= k.cfg.WithholdTimeout {
			return false, k.alertWithheld(ctx, next, root)
		}
		return false, nil
	}
	if err := k.ingestBlock(ctx, next, body); err != nil {
		if errors.Is(err, errNotYet) {
			k.log.Debug("block waits for a deposit", zap.Uint64("blknum", next), zap.Error(err))
			return false, nil
		}
		return false, err
	}
	if err := k.putCursor(ctx, next); err != nil {
		return false, err
	}
	k.bodies.drop(next)
	return true, nil
}

func (k *Kind) fetch(ctx context.Context, n uint64) (plasmatx.Body, bool, error) {
	url := strings.TrimRight(k.cfg.FeedURL, "/") + "/blocks/" + strconv.FormatUint(n, 10)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return plasmatx.Body{}, false, err
	}
	resp, err := k.cfg.HTTPClient.Do(req)
	if err != nil {
		return plasmatx.Body{}, false, err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotFound {
		return plasmatx.Body{}, false, nil
	}
	if resp.StatusCode != http.StatusOK {
		return plasmatx.Body{}, false, fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	var b plasmatx.Body
	if err := json.NewDecoder(io.LimitReader(resp.Body, maxBodyBytes)).Decode(&b); err != nil {
		return plasmatx.Body{}, false, fmt.Errorf("GET %s: decode: %w", url, err)
	}
	if b.Blknum != n {
		return plasmatx.Body{}, false, fmt.Errorf("GET %s: body of block %d", url, b.Blknum)
	}
	return b, true, nil
}

// ingestBlock checks every transaction of a child block, records the signed
// spends (the first spend of an output wins: it is the challenge proof) and the
// outputs of valid transactions, queues challenges of exits of outputs it
// finds spent, and alerts once if the block is invalid.
func (k *Kind) ingestBlock(ctx context.Context, n uint64, body plasmatx.Body) error {
	var problems []string
	inBlock := map[plasmatx.Pos]int{}
	for i, stx := range body.Txs {
		tx, err := plasmatx.Decode(stx.Tx)
		if err != nil {
			problems = append(problems, fmt.Sprintf("tx %d: %v", i, err))
			continue
		}
		valid := true
		bad := func(format string, args ...any) {
			valid = false
			problems = append(problems, fmt.Sprintf("tx %d: ", i)+fmt.Sprintf(format, args...))
		}
		if tx.Inputs[0] == 0 && tx.Inputs[1] == 0 {
			bad("no inputs")
		}
		if tx.Inputs[0] != 0 && tx.Inputs[0] == tx.Inputs[1] {
			bad("spends %s twice", tx.Inputs[0])
		}
		inSum := new(big.Int)
		var signed [2]bool
		var owners [2]common.Address
		for j, in := range tx.Inputs {
			if in == 0 {
				continue
			}
			out, err := k.inputOutput(ctx, in, n)
			if errors.Is(err, store.ErrNotFound) {
				bad("unknown input %s", in)
				continue
			}
			if err != nil {
				return err
			}
			owners[j] = out.Owner
			inSum.Add(inSum, out.Amount)
			signer, err := plasmatx.Recover(stx.Tx, stx.Sigs[j])
			if err != nil || signer != out.Owner {
				bad("bad signature on input %s (owner %s)", in, out.Owner.Hex())
				continue
			}
			signed[j] = true
			if prev, dup := inBlock[in]; dup {
				bad("double spend of %s (also spent by tx %d of this block)", in, prev)
			}
			inBlock[in] = i
		}
		if tx.OutputSum().Cmp(inSum) > 0 && valid {
			bad("outputs (%s) exceed inputs (%s)", tx.OutputSum(), inSum)
		}
		// A spend signed by the input's owner proves the owner gave the output
		// away, valid transaction or not: record the first one seen.
		for j, in := range tx.Inputs {
			if !signed[j] {
				continue
			}
			first, err := k.recordSpend(ctx, in, Spend{Blknum: n, Input: uint8(j), Sig: stx.Sigs[j], Tx: stx.Tx})
			if err != nil {
				return err
			}
			if first.Blknum != n || !sameBytes(first.Tx, stx.Tx) {
				bad("double spend of %s (already spent in block %d)", in, first.Blknum)
				continue
			}
			if err := k.store.IndexRemove(ctx, k.keys.owner(owners[j]), strconv.FormatUint(uint64(in), 10)); err != nil {
				return fmt.Errorf("plasma: unindex output %s: %w", in, err)
			}
			if err := k.challengeIfExiting(ctx, in, first); err != nil {
				return err
			}
		}
		if !valid {
			continue
		}
		for o, out := range tx.Outputs {
			if out.Exists() {
				if err := k.putOutput(ctx, plasmatx.NewPos(n, uint64(i), uint64(o)), out); err != nil {
					return err
				}
			}
		}
	}
	if len(problems) > 0 {
		return k.alertInvalid(ctx, n, problems)
	}
	k.log.Debug("child block verified", zap.Uint64("blknum", n), zap.Int("txs", len(body.Txs)))
	return nil
}

// inputOutput returns the output an input spends. Outputs of deposits whose
// event is not ingested yet are on L1 already: then it reports errNotYet.
func (k *Kind) inputOutput(ctx context.Context, in plasmatx.Pos, blknum uint64) (plasmatx.Output, error) {
	if !in.Valid() || in.Block() >= blknum {
		return plasmatx.Output{}, store.ErrNotFound
	}
	out, err := k.Output(ctx, in)
	if err == nil || !errors.Is(err, store.ErrNotFound) || !in.IsDeposit() || in.TxIndex() != 0 || in.OIndex() != 0 || k.caller == nil {
		return out, err
	}
	b, cerr := k.caller.Blocks(&bind.CallOpts{Context: ctx}, new(big.Int).SetUint64(in.Block()))
	if cerr != nil {
		return plasmatx.Output{}, fmt.Errorf("plasma: read deposit block %d on L1: %w", in.Block(), cerr)
	}
	if b.Root != ([32]byte{}) {
		return plasmatx.Output{}, fmt.Errorf("%w: deposit block %d is on L1 but its event is not ingested", errNotYet, in.Block())
	}
	return plasmatx.Output{}, store.ErrNotFound
}

// recordSpend stores s unless a spend of p is recorded; it returns the recorded one.
func (k *Kind) recordSpend(ctx context.Context, p plasmatx.Pos, s Spend) (Spend, error) {
	created, err := k.store.PutIfAbsent(ctx, k.keys.spent(p), encodeSpend(s))
	if err != nil {
		return Spend{}, fmt.Errorf("plasma: store spend of %s: %w", p, err)
	}
	if created {
		return s, nil
	}
	return k.Spent(ctx, p)
}

// challengeIfExiting queues the challenge of an exit of p in progress (the spend
// is recorded first; see verifyExit).
func (k *Kind) challengeIfExiting(ctx context.Context, p plasmatx.Pos, sp Spend) error {
	e, err := k.exitOf(ctx, p)
	if errors.Is(err, store.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	ch, err := k.challengeFor(ctx, p, sp, e.Deadline, e.EventBlock)
	if err != nil {
		return err
	}
	if k.queue == nil {
		return errors.New("plasma: no challenge queue")
	}
	if err := k.queue.Enqueue(ctx, ch); err != nil {
		return fmt.Errorf("plasma: queue challenge of %s: %w", p, err)
	}
	k.log.Warn("spend of an exiting output found in a child block; challenge queued", zap.String("utxo", p.String()), zap.Uint64("blknum", sp.Blknum))
	k.notify(ctx, alerts.Alert{
		Fingerprint: ch.DisputeID, Severity: alerts.Warning, Subject: ch.Subject, State: alerts.StateDetected,
		Summary:       fmt.Sprintf("plasma %s: exit of an output spent in block %d", p, sp.Blknum),
		Users:         ch.Users,
		DeadlineBlock: ch.DeadlineBlock,
	})
	return nil
}

func (k *Kind) alertWithheld(ctx context.Context, n uint64, root rootRecord) error {
	first, err := k.flagOnce(ctx, "withheld-"+strconv.FormatUint(n, 10))
	if err != nil || !first {
		return err
	}
	users, err := k.usersWithFunds(ctx)
	if err != nil {
		return err
	}
	k.log.Error("child block withheld", zap.Uint64("blknum", n), zap.Duration("since_root", time.Since(root.Seen)))
	k.notify(ctx, alerts.Alert{
		Fingerprint: fmt.Sprintf("plasma-withheld-%s-%d", k.cfg.Contract.Hex(), n),
		Severity:    alerts.Critical,
		Subject:     "block " + strconv.FormatUint(n, 10),
		State:       alerts.StateDetected,
		Summary: fmt.Sprintf("plasma block %d withheld: root %s submitted in L1 block %d, no body published for %s",
			n, root.Root.Hex(), root.L1Block, time.Since(root.Seen).Round(time.Second)),
		Users:  users,
		Action: fmt.Sprintf("The operator is withholding block %d: users must exit their outputs created before it now.", n),
	})
	return nil
}

func (k *Kind) alertInvalid(ctx context.Context, n uint64, problems []string) error {
	first, err := k.flagOnce(ctx, "invalid-"+strconv.FormatUint(n, 10))
	if err != nil || !first {
		return err
	}
	users, err := k.usersWithFunds(ctx)
	if err != nil {
		return err
	}
	shown := problems
	if len(shown) > 5 {
		shown = append(shown[:5:5], fmt.Sprintf("and %d more", len(problems)-5))
	}
	k.log.Error("invalid child block", zap.Uint64("blknum", n), zap.Strings("problems", problems))
	k.notify(ctx, alerts.Alert{
		Fingerprint: fmt.Sprintf("plasma-invalid-%s-%d", k.cfg.Contract.Hex(), n),
		Severity:    alerts.Critical,
		Subject:     "block " + strconv.FormatUint(n, 10),
		State:       alerts.StateDetected,
		Summary:     fmt.Sprintf("plasma block %d is invalid: %s", n, strings.Join(shown, "; ")),
		Users:       users,
		Action:      fmt.Sprintf("The operator included invalid transactions in block %d: users must exit their outputs created before it now.", n),
	})
	return nil
}

// checkExits looks at exits whose period ends within NearEndBlocks: an exit
// the tower could not judge (its output is unknown, or a withheld block may
// hide its spend) is alerted once; the others leave the index.
func (k *Kind) checkExits(ctx context.Context) error {
	if k.l1 == nil {
		return nil
	}
	h, err := k.l1.HeaderByNumber(ctx, nil)
	if err != nil {
		return fmt.Errorf("plasma: read L1 head: %w", err)
	}
	head := h.Number.Uint64()
	es, err := k.store.IndexRange(ctx, k.keys.exits(), int64(head+k.cfg.NearEndBlocks), 0)
	if err != nil || len(es) == 0 {
		return err
	}
	cur, err := k.Cursor(ctx)
	if err != nil {
		return err
	}
	pending, withheld := false, false
	if r, err := k.rootOf(ctx, cur+plasmatx.ChildBlockInterval); err == nil {
		pending, withheld = true, time.Since(r.Seen) >= k.cfg.WithholdTimeout
	} else if !errors.Is(err, store.ErrNotFound) {
		return err
	}
	for _, e := range es {
		n, err := strconv.ParseUint(e.Member, 10, 64)
		if err != nil {
			continue
		}
		p := plasmatx.Pos(n)
		done := func() error { return k.store.IndexRemove(ctx, k.keys.exits(), e.Member) }
		if uint64(e.Score) < head {
			if err := done(); err != nil {
				return err
			}
			continue
		}
		if _, err := k.Spent(ctx, p); err == nil {
			if err := done(); err != nil { // its challenge is queued and reports itself
				return err
			}
			continue
		} else if !errors.Is(err, store.ErrNotFound) {
			return err
		}
		if pending && !withheld {
			continue // ingestion is behind: look again next tick
		}
		_, oerr := k.Output(ctx, p)
		if oerr != nil && !errors.Is(oerr, store.ErrNotFound) {
			return oerr
		}
		known := oerr == nil
		if known && !pending {
			if err := done(); err != nil { // honest: unspent in every published block
				return err
			}
			continue
		}
		reason := "its output is unknown to the tower"
		if withheld {
			reason = fmt.Sprintf("block %d is withheld and may hide a spend of it", cur+plasmatx.ChildBlockInterval)
		}
		if err := k.alertUnjudged(ctx, p, uint64(e.Score), head, reason); err != nil {
			return err
		}
		if err := done(); err != nil {
			return err
		}
	}
	return nil
}

func (k *Kind) alertUnjudged(ctx context.Context, p plasmatx.Pos, deadline, head uint64, reason string) error {
	first, err := k.flagOnce(ctx, "exit-"+strconv.FormatUint(uint64(p), 10))
	if err != nil || !first {
		return err
	}
	var owner []common.Address
	if e, err := k.exitOf(ctx, p); err == nil {
		owner = append(owner, e.Owner)
	}
	users, err := k.usersWithFunds(ctx)
	if err != nil {
		return err
	}
	for _, u := range k.named(ctx, owner, []plasmatx.Pos{p}) {
		if !containsStr(users, u) {
			users = append(users, u)
		}
	}
	k.notify(ctx, alerts.Alert{
		Fingerprint:   fmt.Sprintf("plasma-unjudged-%s-%d", k.cfg.Contract.Hex(), uint64(p)),
		Severity:      alerts.Critical,
		Subject:       p.String(),
		State:         alerts.StateDetected,
		Summary:       fmt.Sprintf("plasma exit of %s ends in %d blocks unchallenged: the tower cannot challenge it, %s", p, deadline-head, reason),
		Users:         users,
		DeadlineBlock: deadline,
		Action:        "Check the exit by hand and challenge it if its output was spent; users of the chain should exit.",
	})
	return nil
}

func containsStr(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func sameBytes(a, b []byte) bool { return string(a) == string(b) }

// bodyCache keeps bodies received on the feed until they are verified.
type bodyCache struct {
	mu  sync.Mutex
	m   map[uint64]plasmatx.Body
	max int
}

func newBodyCache(max int) *bodyCache { return &bodyCache{m: map[uint64]plasmatx.Body{}, max: max} }

func (c *bodyCache) put(b plasmatx.Body) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[b.Blknum] = b
	if len(c.m) > c.max { // keep the lowest numbers: they are verified first
		ns := make([]uint64, 0, len(c.m))
		for n := range c.m {
			ns = append(ns, n)
		}
		sort.Slice(ns, func(i, j int) bool { return ns[i] < ns[j] })
		for _, n := range ns[c.max:] {
			delete(c.m, n)
		}
	}
}

func (c *bodyCache) get(n uint64) (plasmatx.Body, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	b, ok := c.m[n]
	return b, ok
}

func (c *bodyCache) drop(n uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.m, n)
}
