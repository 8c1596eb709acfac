package txmgr

import (
	"bytes"
	"context"
	"errors"
	"sync/atomic"
	"testing"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/core/types"
)

// estimates counts the node's eth_estimateGas calls.
type estimates struct {
	Client
	n atomic.Int64
}

func (e *estimates) EstimateGas(ctx context.Context, msg ethereum.CallMsg) (uint64, error) {
	e.n.Add(1)
	return e.Client.EstimateGas(ctx, msg)
}

// A call of a shape already estimated costs an eth_call at the remembered
// limit, not another estimate; a remembered limit that no longer suffices,
// and a call that now reverts, are settled by a fresh estimate.
func TestGasLimitRememberedByShape(t *testing.T) {
	env := newTestEnv(t, 1)
	ctx := waitCtx(t)
	client := &estimates{Client: env.client}
	m, err := New(ctx, client, env.keys[0], testConfig(), nil)
	if err != nil {
		t.Fatal(err)
	}
	ok := Candidate{To: reverterAddr, Data: []byte{0x00}}
	tx1, err := m.Prepare(ctx, ok)
	if err != nil {
		t.Fatal(err)
	}
	tx2, err := m.Prepare(ctx, ok)
	if err != nil {
		t.Fatal(err)
	}
	if n := client.n.Load(); n != 1 || tx1.Gas() != tx2.Gas() {
		t.Fatalf("%d estimates for two calls of one shape (gas %d and %d), want 1 and equal limits", n, tx1.Gas(), tx2.Gas())
	}

	m.gas.put(shapeOf(ok), 21000) // below what the call needs
	tx3, err := m.Prepare(ctx, ok)
	if err != nil {
		t.Fatal(err)
	}
	if n := client.n.Load(); n != 2 || tx3.Gas() != tx1.Gas() {
		t.Fatalf("after a too small remembered limit: %d estimates, gas %d; want 2 and %d", n, tx3.Gas(), tx1.Gas())
	}

	bad := Candidate{To: reverterAddr, Data: []byte{0x01}}
	m.gas.put(shapeOf(bad), tx1.Gas())
	_, err = m.Prepare(ctx, bad)
	var rev *RevertError
	if !errors.As(err, &rev) || !bytes.Equal(rev.Data, nopeRevertData) {
		t.Fatalf("a reverting call of a remembered shape: %v, want the revert with its data", err)
	}
	for _, tx := range []*types.Transaction{tx1, tx2, tx3} {
		m.Release(tx) // prepared, never sent
	}
}
