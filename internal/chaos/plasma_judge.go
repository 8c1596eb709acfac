package chaos

import (
	"context"
	"fmt"
	"math/big"
	"sort"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/watchtower-l2/watchtower/deployments/contracts/bindings"
	"github.com/watchtower-l2/watchtower/internal/scenario"
	"github.com/watchtower-l2/watchtower/internal/stats"
	"github.com/watchtower-l2/watchtower/proofs/plasmatx"
)

// PlasmaVerdict is the Plasma part of the storm's outcome, read from L1
// only: the PlasmaFramework's ExitStarted logs and every challengeExit
// transaction mined.
type PlasmaVerdict struct {
	Exits int `json:"exits"`
	// Honest counts exits of unspent outputs.
	Honest int `json:"honest"`
	// Tally is the exits' outcome: frauds are exits of outputs spent on the
	// child chain, a challenge counts when its ExitChallenged is mined by the
	// exit's deadline, false challenges are against honest exits, and the
	// delays are blocks from startExit to challenge; a storm error is an
	// exit the harness could not play to its startExit.
	Tally
}

// exitLog is an ExitStarted log.
type exitLog struct{ block, deadline uint64 }

// exitChallenge is one challengeExit transaction mined on L1.
type exitChallenge struct {
	call
	ok bool // its ExitChallenged log is there
}

// judgePlasma reads the exits and every challengeExit transaction from L1
// between from and to, scores the storm's exits into v.Plasma and ranks
// the frauds' delays with the channels' in v.Slowest.
func judgePlasma(ctx context.Context, l1 *L1, pfAddr common.Address, exits []*Exit, from, to uint64, v *Verdict) error {
	p := &PlasmaVerdict{}
	v.Plasma = p
	pf, err := bindings.NewPlasmaFramework(pfAddr, l1.Client)
	if err != nil {
		return fmt.Errorf("chaos: bind PlasmaFramework: %w", err)
	}
	started := map[plasmatx.Pos]exitLog{}
	it, err := pf.FilterExitStarted(&bind.FilterOpts{Start: from, End: &to, Context: ctx}, nil, nil)
	if err != nil {
		return fmt.Errorf("chaos: read exits: %w", err)
	}
	for it.Next() {
		started[plasmatx.Pos(it.Event.UtxoPos.Uint64())] = exitLog{it.Event.Raw.BlockNumber, it.Event.Deadline}
	}
	if err := it.Error(); err != nil {
		return fmt.Errorf("chaos: read exits: %w", err)
	}
	byExit, err := exitChallenges(ctx, l1, pf, pfAddr, from, to, v)
	if err != nil {
		return err
	}
	var delays []uint64
	for _, x := range exits {
		if x.Err != nil {
			p.StormErrors++
			v.problem("exit %d not played: %v", x.Index, x.Err)
			continue
		}
		el, ok := started[x.Pos]
		if !ok {
			p.StormErrors++
			v.problem("exit of %s: no ExitStarted log on L1", x.Pos)
			continue
		}
		if d, ok := v.scoreExit(x, el, byExit[x.Pos]); ok {
			delays = append(delays, d)
			v.slow = append(v.slow, slowOne{d, fmt.Sprintf("exit %s: started in block %d, challenged %d blocks later", x.Pos, el.block, d)})
		}
	}
	p.P50, p.P99, p.Max = stats.Percentiles(delays)
	v.sortSlowest()
	return nil
}

// exitChallenges reads the challengeExit transactions to the PlasmaFramework
// by exit, counting the reverted ones.
func exitChallenges(ctx context.Context, l1 *L1, pf *bindings.PlasmaFramework, pfAddr common.Address, from, to uint64, v *Verdict) (map[plasmatx.Pos][]exitChallenge, error) {
	meta, err := bindings.PlasmaFrameworkMetaData.GetAbi()
	if err != nil {
		return nil, fmt.Errorf("chaos: PlasmaFramework ABI: %w", err)
	}
	cs, err := calls(ctx, l1, pfAddr, meta.Methods["challengeExit"].ID, from, to)
	if err != nil {
		return nil, err
	}
	v.Plasma.ChallengeTxs = len(cs)
	out := map[plasmatx.Pos][]exitChallenge{}
	for _, c := range cs {
		pos := plasmatx.Pos(new(big.Int).SetBytes(c.arg0[:]).Uint64())
		ec := exitChallenge{call: c}
		for _, l := range c.rc.Logs {
			if _, err := pf.ParseExitChallenged(*l); err == nil {
				ec.ok = c.rc.Status == types.ReceiptStatusSuccessful
			}
		}
		if c.rc.Status != types.ReceiptStatusSuccessful {
			v.Plasma.Reverted++
			v.problem("challengeExit %s of %s by %s reverted in block %d", c.hash.Hex(), pos, c.from.Hex(), c.block)
		}
		out[pos] = append(out[pos], ec)
	}
	return out, nil
}

// scoreExit counts one exit with its challenge transactions, and returns
// the blocks from startExit to challenge of a fraud challenged in time.
func (v *Verdict) scoreExit(x *Exit, el exitLog, cs []exitChallenge) (uint64, bool) {
	p := v.Plasma
	p.Exits++
	if len(cs) > 1 {
		v.problem("exit %s (%s): %d challengeExit transactions mined", x.Pos, x.Role, len(cs))
	}
	as := make([]attempt, len(cs))
	for i, c := range cs {
		as[i] = attempt{block: c.block, good: c.ok}
	}
	fraud := x.Role == scenario.PlasmaSpent
	d, ok := p.count(fraud, el.block, el.deadline, as)
	switch {
	case fraud && !ok:
		seen := make([]string, 0, len(cs))
		for _, c := range cs {
			seen = append(seen, fmt.Sprintf("block %d (ok %v)", c.block, c.ok))
		}
		v.problem("exit of spent %s (started in block %d, deadline %d): MISSED; challenges: %v", x.Pos, el.block, el.deadline, seen)
	case !fraud:
		p.Honest++
		if len(cs) > 0 {
			v.problem("honest exit of %s: FALSE CHALLENGE (%d txs)", x.Pos, len(cs))
		}
	}
	return d, ok
}

// sortSlowest keeps the three slowest challenges in v.Slowest.
func (v *Verdict) sortSlowest() {
	sort.SliceStable(v.slow, func(i, j int) bool { return v.slow[i].blocks > v.slow[j].blocks })
	v.Slowest = nil
	for _, s := range v.slow[:min(3, len(v.slow))] {
		v.Slowest = append(v.Slowest, s.what)
	}
}
