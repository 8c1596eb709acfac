//go:build linux

package e2e

import (
	"context"
	"fmt"
	"math/big"
	"slices"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/watchtower-l2/watchtower/deployments/contracts/bindings"
	"github.com/watchtower-l2/watchtower/internal/testutil/anviltest"
	"github.com/watchtower-l2/watchtower/proofs/plasmatx"
)

// massRun is a mass exit under way: what the judge reads L1 against.
type massRun struct {
	plan    massPlan
	pf      *bindings.PlasmaFramework
	pfAddr  common.Address
	signers []common.Address // the tower's keys
	pos     []plasmatx.Pos   // the exited outputs
	exits   map[plasmatx.Pos]startedExit
	rcpts   []*types.Receipt // of the exits
	nonce0  uint64           // the tower keys' nonces before the exits
	start   time.Time        // when the exits were sent
	minedIn time.Duration    // until the last exit was mined
}

// judge waits until every exit is challenged or the last deadline has
// passed, then judges the outcome from L1 at one block and logs it.
func (run massRun) judge(t *testing.T, w *waiter, node *anviltest.Node) massResult {
	t.Helper()
	var maxDeadline uint64
	firstBlock := ^uint64(0)
	for _, e := range run.exits {
		maxDeadline, firstBlock = max(maxDeadline, e.deadline), min(firstBlock, e.block)
	}
	w.until(fmt.Sprintf("all %d exits to be challenged (or block %d, the last deadline, to pass)", run.plan.exits, maxDeadline), func() (bool, string) {
		challenges := challengesFrom(t, run.pf, firstBlock, 0)
		done := 0
		for _, p := range run.pos {
			if len(challenges[p]) > 0 {
				done++
			}
		}
		head := headOf(t, node)
		return done == run.plan.exits || head > maxDeadline, fmt.Sprintf("%d of %d challenged at head %d", done, run.plan.exits, head)
	})
	wall := time.Since(run.start)
	// Three more blocks: a late duplicate or reverted challenge would land.
	settled := headOf(t, node) + 3
	w.until("3 more blocks", func() (bool, string) { return headOf(t, node) >= settled, "" })

	judged := headOf(t, node)
	r := judgeExits(t, node, run.pfAddr, run.signers, run.pos, run.exits, challengesFrom(t, run.pf, firstBlock, judged))
	r.mined, r.reverted, r.other = txsFrom(t, node, firstBlock, judged, run.signers, run.pfAddr)
	r.towerTxs = noncesOf(t, node, run.signers, new(big.Int).SetUint64(judged)) - run.nonce0
	for _, rc := range run.rcpts {
		r.exitGas += rc.GasUsed
	}
	head := headerOf(t, node, judged)
	n := run.plan.exits
	t.Logf("mass exit: exits=%d challenged_in_time=%d missed=%d duplicates=%d reverted=%d p50=%d p99=%d max=%d blocks wall=%s",
		n, r.inTime, r.missed, r.duplicates, r.reverted, r.p(50), r.p(99), r.p(100), wall.Round(time.Second))
	t.Logf("  exits mined in %s, L1 blocks %d..%d (%.0f a block, %d gas each of a %d block gas limit); challenges in blocks up to %d "+
		"(%.1f a block from the first exit's block); window %d blocks; tower txs %d (%d other than challenges) from %d of its %d keys; base fee at the end %s wei",
		run.minedIn.Round(time.Second), firstBlock, r.lastExitBlock, float64(n)/float64(r.lastExitBlock-firstBlock+1), r.exitGas/uint64(n),
		head.GasLimit, r.lastChallengeBlock, float64(r.inTime)/float64(max(1, r.lastChallengeBlock-firstBlock+1)),
		run.plan.window, r.towerTxs, r.other, len(r.byKey), len(run.signers), head.BaseFee)
	switch sum := uint64(r.mined + r.reverted + r.other); {
	case r.missed > 0 || r.duplicates > 0 || r.reverted > 0:
		r.failure = fmt.Sprintf("the tower did not challenge every exit exactly once in time: %d missed, %d duplicate challenges, %d reverted challenges; first miss: %s",
			r.missed, r.duplicates, r.reverted, r.firstMiss)
	case sum != r.towerTxs || r.mined != r.bySigner:
		r.failure = fmt.Sprintf("the tower's keys sent %d transactions by their nonces, the blocks hold %d (%d challenges, %d reverted, %d other); %d ExitChallenged logs name them",
			r.towerTxs, sum, r.mined, r.reverted, r.other, r.bySigner)
	}
	return r
}

// startedExit is an exit as its ExitStarted log records it.
type startedExit struct {
	block, deadline uint64
}

// startedExits reads the ExitStarted logs of receipts.
func startedExits(t *testing.T, pf *bindings.PlasmaFramework, rcpts []*types.Receipt) map[plasmatx.Pos]startedExit {
	t.Helper()
	out := map[plasmatx.Pos]startedExit{}
	for _, r := range rcpts {
		for _, l := range r.Logs {
			if e, err := pf.ParseExitStarted(*l); err == nil {
				out[plasmatx.Pos(e.UtxoPos.Uint64())] = startedExit{block: l.BlockNumber, deadline: e.Deadline}
			}
		}
	}
	return out
}

// challengesFrom reads the ExitChallenged logs of blocks from..to (to 0:
// the head), by position.
func challengesFrom(t *testing.T, pf *bindings.PlasmaFramework, from, to uint64) map[plasmatx.Pos][]*bindings.PlasmaFrameworkExitChallenged {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), rpcTimeout)
	defer cancel()
	opts := &bind.FilterOpts{Start: from, Context: ctx}
	if to > 0 {
		opts.End = &to
	}
	it, err := pf.FilterExitChallenged(opts, nil, nil)
	if err != nil {
		t.Fatalf("filter ExitChallenged: %v", err)
	}
	defer it.Close()
	out := map[plasmatx.Pos][]*bindings.PlasmaFrameworkExitChallenged{}
	for it.Next() {
		p := plasmatx.Pos(it.Event.UtxoPos.Uint64())
		out[p] = append(out[p], it.Event)
	}
	if err := it.Error(); err != nil {
		t.Fatalf("read ExitChallenged logs: %v", err)
	}
	return out
}

// massResult is the judged outcome of a mass exit.
type massResult struct {
	inTime, missed, duplicates, bySigner       int
	mined, reverted, other                     int // the tower's transactions: challenges, reverted challenges, others
	byKey                                      map[common.Address]int
	failure                                    string // why the mass exit failed ("": it did not)
	towerTxs                                   uint64
	lastExitBlock, lastChallengeBlock, exitGas uint64
	latencies                                  []uint64 // blocks from exit to challenge, sorted
	firstMiss                                  string
}

// p returns the q-th percentile (0..100) of the latencies.
func (r massResult) p(q int) uint64 {
	if len(r.latencies) == 0 {
		return 0
	}
	return r.latencies[min(len(r.latencies)-1, (len(r.latencies)*q)/100)]
}

// judgeExits checks each exit: challenged by one of the tower's signer keys, in a
// block at or before its deadline, and Challenged on L1.
func judgeExits(t *testing.T, node *anviltest.Node, pf common.Address, signers []common.Address, pos []plasmatx.Pos,
	exits map[plasmatx.Pos]startedExit, challenges map[plasmatx.Pos][]*bindings.PlasmaFrameworkExitChallenged) massResult {
	t.Helper()
	r := massResult{byKey: map[common.Address]int{}}
	for _, evs := range challenges {
		for _, ev := range evs {
			if slices.Contains(signers, ev.Challenger) {
				r.bySigner++
				r.byKey[ev.Challenger]++
			}
		}
	}
	statuses := exitStatuses(t, node, pf, pos)
	for i, p := range pos {
		e := exits[p]
		r.lastExitBlock = max(r.lastExitBlock, e.block)
		evs := challenges[p]
		if len(evs) > 1 {
			r.duplicates += len(evs) - 1
		}
		const challenged = 2 // PlasmaFramework.ExitStatus.Challenged
		switch {
		case len(evs) == 0:
			r.miss(fmt.Sprintf("exit of %s (block %d, deadline %d) never challenged, status %d", p, e.block, e.deadline, statuses[i]))
		case !slices.Contains(signers, evs[0].Challenger):
			r.miss(fmt.Sprintf("exit of %s challenged by %s, not the tower", p, evs[0].Challenger))
		case evs[0].Raw.BlockNumber > e.deadline:
			r.miss(fmt.Sprintf("exit of %s challenged in block %d, after its deadline %d", p, evs[0].Raw.BlockNumber, e.deadline))
		case statuses[i] != challenged:
			r.miss(fmt.Sprintf("exit of %s has status %d on L1, want %d (challenged)", p, statuses[i], challenged))
		default:
			r.inTime++
			r.lastChallengeBlock = max(r.lastChallengeBlock, evs[0].Raw.BlockNumber)
			r.latencies = append(r.latencies, evs[0].Raw.BlockNumber-e.block)
		}
	}
	slices.Sort(r.latencies)
	return r
}

func (r *massResult) miss(why string) {
	if r.missed == 0 {
		r.firstMiss = why
	}
	r.missed++
}

// noncesOf sums the nonces of addrs at block (nil: the head): the
// transactions they had mined.
func noncesOf(t *testing.T, node *anviltest.Node, addrs []common.Address, block *big.Int) uint64 {
	t.Helper()
	var sum uint64
	for _, a := range addrs {
		n, err := node.Client.NonceAt(t.Context(), a, block)
		if err != nil {
			t.Fatalf("nonce of %s: %v", a, err)
		}
		sum += n
	}
	return sum
}

func (r massResult) failed() bool { return r.failure != "" }
