package txmgr

import (
	"context"
	"fmt"
	"sync"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/params"
)

// gasShapes bounds the shapes a gasCache remembers (it starts afresh beyond).
const gasShapes = 1024

// gasShape is what calls of one kind share: target, selector and size (a
// storm's challenges of one contract have one shape).
type gasShape struct {
	to       common.Address
	selector [4]byte
	size     int
}

func shapeOf(c Candidate) gasShape {
	s := gasShape{to: c.To, size: len(c.Data)}
	copy(s.selector[:], c.Data)
	return s
}

// gasCache remembers the gas limit last estimated for each shape of call, so
// that the next call of that shape costs one eth_call at that limit instead
// of an eth_estimateGas (a binary search of a dozen executions on the node).
type gasCache struct {
	mu sync.Mutex
	m  map[gasShape]uint64
}

func (g *gasCache) get(s gasShape) (uint64, bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	v, ok := g.m[s]
	return v, ok
}

func (g *gasCache) put(s gasShape, gas uint64) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.m == nil || len(g.m) >= gasShapes {
		g.m = map[gasShape]uint64{}
	}
	g.m[s] = gas
}

// gasLimit returns the gas limit for c (which has none): the limit
// remembered for its shape when an eth_call at that limit succeeds, else an
// estimate with the GasLimitMultiplier margin (then remembered). Any failure
// at the remembered limit, out of gas or a revert, is settled by the
// estimate, which reports a revert as *RevertError.
func (m *Manager) gasLimit(ctx context.Context, c Candidate) (uint64, error) {
	shape := shapeOf(c)
	if gas, ok := m.gas.get(shape); ok {
		msg := m.callMsg(c)
		msg.Gas = gas
		if _, err := m.client.CallContract(ctx, msg, nil); err == nil {
			return gas, nil
		}
	}
	est, err := m.client.EstimateGas(ctx, m.callMsg(c))
	if err != nil {
		if rerr := asRevertError(err); rerr != nil {
			return 0, fmt.Errorf("txmgr: estimate gas: %w", rerr)
		}
		return 0, fmt.Errorf("txmgr: estimate gas for call to %s: %w", c.To, err)
	}
	gas := uint64(float64(est) * m.cfg.GasLimitMultiplier)
	// Don't let the margin push a fitting estimate over the EIP-7825
	// per-transaction gas cap (Osaka), which the pool would reject.
	if est <= params.MaxTxGas && gas > params.MaxTxGas {
		gas = params.MaxTxGas
	}
	m.gas.put(shape, gas)
	return gas, nil
}
