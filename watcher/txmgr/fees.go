package txmgr

import (
	"context"
	"fmt"
	"math/big"
)

// marketFees returns the tip and fee cap for a new transaction, before the
// MaxFeePerGas cap, the base fee they were derived from and floor, the tip
// without the deadline's urgency (deadline: Candidate.DeadlineBlock).
func (m *Manager) marketFees(ctx context.Context, deadline uint64) (tip, feeCap, baseFee, floor *big.Int, err error) {
	q, err := m.market(ctx)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	floor = new(big.Int).Set(q.tip)
	if m.cfg.MinTipCap != nil && floor.Cmp(m.cfg.MinTipCap) < 0 {
		floor.Set(m.cfg.MinTipCap)
	}
	tip = urgentTip(floor, deadline, q.head, m.cfg.UrgentBlocks)
	feeCap = new(big.Int).Lsh(q.baseFee, 1)
	feeCap.Add(feeCap, tip)
	return tip, feeCap, new(big.Int).Set(q.baseFee), floor, nil
}

// fees returns tip and fee cap for a new transaction: tip = max(suggested,
// MinTipCap), raised near the deadline (urgentTip), feeCap = 2*baseFee +
// tip, capped at MaxFeePerGas. Under the cap the urgent tip shrinks to what
// the cap leaves above the base fee, never below the plain tip.
func (m *Manager) fees(ctx context.Context, deadline uint64) (tip, feeCap *big.Int, err error) {
	tip, feeCap, baseFee, floor, err := m.marketFees(ctx, deadline)
	if err != nil {
		return nil, nil, err
	}
	if maxFee := m.cfg.MaxFeePerGas; maxFee != nil && feeCap.Cmp(maxFee) > 0 {
		need := new(big.Int).Add(baseFee, floor)
		if maxFee.Cmp(need) < 0 {
			return nil, nil, fmt.Errorf("%w: MaxFeePerGas %s below base fee %s + tip %s",
				ErrFeeCapExceeded, maxFee, baseFee, floor)
		}
		feeCap = new(big.Int).Set(maxFee)
		if room := new(big.Int).Sub(maxFee, baseFee); tip.Cmp(room) > 0 {
			tip = room
		}
	}
	return tip, feeCap, nil
}

// bumpedFees returns replacement fees: the previous ones raised by
// FeeBumpPercent, or the current market ones (urgent near deadline) if
// higher, capped at MaxFeePerGas. It fails if the cap leaves too little room
// for the node to accept the replacement.
func (m *Manager) bumpedFees(ctx context.Context, prevTip, prevCap *big.Int, deadline uint64) (tip, feeCap *big.Int, err error) {
	pct := m.cfg.FeeBumpPercent
	tip, feeCap = bumpPercent(prevTip, pct), bumpPercent(prevCap, pct)
	mTip, mCap, _, _, err := m.marketFees(ctx, deadline)
	if err != nil {
		return nil, nil, err
	}
	if mTip.Cmp(tip) > 0 {
		tip = mTip
	}
	if mCap.Cmp(feeCap) > 0 {
		feeCap = mCap
	}
	if maxFee := m.cfg.MaxFeePerGas; maxFee != nil && feeCap.Cmp(maxFee) > 0 {
		feeCap = new(big.Int).Set(maxFee)
	}
	if tip.Cmp(feeCap) > 0 {
		tip = new(big.Int).Set(feeCap)
	}
	if tip.Cmp(bumpPercent(prevTip, MinFeeBumpPercent)) < 0 || feeCap.Cmp(bumpPercent(prevCap, MinFeeBumpPercent)) < 0 {
		return nil, nil, fmt.Errorf("%w: replacement needs fee cap %s, MaxFeePerGas is %s",
			ErrFeeCapExceeded, bumpPercent(prevCap, MinFeeBumpPercent), m.cfg.MaxFeePerGas)
	}
	return tip, feeCap, nil
}

// bumpPercent returns ceil(v * (100+pct) / 100).
func bumpPercent(v *big.Int, pct int) *big.Int {
	r := new(big.Int).Mul(v, big.NewInt(int64(100+pct)))
	r.Add(r, big.NewInt(99))
	return r.Quo(r, big.NewInt(100))
}
