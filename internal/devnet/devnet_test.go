package devnet_test

import (
	"context"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/watchtower-l2/watchtower/deployments/contracts/bindings"
	"github.com/watchtower-l2/watchtower/internal/devnet"
)

// After WaitMined, reads of the latest state see the transaction, also while
// blocks are mined in the background.
func TestWaitMinedThenReadLatest(t *testing.T) {
	d, err := devnet.Start(devnet.Options{Accounts: 2, RPCPort: -1, WSPort: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	d.AutoMine(5 * time.Millisecond)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	to := common.HexToAddress("0x00000000000000000000000000000000000000aa")
	head, err := d.Client.HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := new(big.Int)
	for i := range 20 {
		opts := d.Transactor(ctx, d.Keys[0])
		nonce := uint64(i)
		tip := big.NewInt(1e9)
		fee := new(big.Int).Add(tip, new(big.Int).Mul(head.BaseFee, big.NewInt(2)))
		tx, err := opts.Signer(opts.From, types.NewTx(&types.DynamicFeeTx{ChainID: d.ChainID, Nonce: nonce, GasTipCap: tip, GasFeeCap: fee, Gas: 21000, To: &to, Value: big.NewInt(1)}))
		if err != nil {
			t.Fatal(err)
		}
		if err := d.Client.SendTransaction(ctx, tx); err != nil {
			t.Fatal(err)
		}
		rc, err := d.WaitMined(ctx, tx.Hash())
		if err != nil {
			t.Fatal(err)
		}
		want.Add(want, big.NewInt(1))
		got, err := d.Client.BalanceAt(ctx, to, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got.Cmp(want) != 0 {
			t.Fatalf("transfer %d mined in block %d: latest balance %s, want %s", i, rc.BlockNumber, got, want)
		}
	}
	_, tx, _, err := bindings.DeployChannelAdjudicator(d.Transactor(ctx, d.Keys[1]), d.Client)
	if err != nil {
		t.Fatal(err)
	}
	addr, err := d.WaitDeployed(ctx, tx)
	if err != nil {
		t.Fatal(err)
	}
	if code, err := d.Client.CodeAt(ctx, addr, nil); err != nil || len(code) == 0 {
		t.Fatalf("no code at %s in the latest state: %v", addr, err)
	}
	if _, err := d.WaitDeployed(ctx, types.NewTx(&types.LegacyTx{To: &to})); err == nil {
		t.Fatal("WaitDeployed accepted a transaction that creates no contract")
	}
}
