//go:build linux

package e2e

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/watchtower-l2/watchtower/deployments/contracts/bindings"
	"github.com/watchtower-l2/watchtower/internal/testutil/anviltest"
	"github.com/watchtower-l2/watchtower/proofs/channelstate"
)

// rpcTimeout bounds one JSON-RPC call to anvil.
const rpcTimeout = 30 * time.Second

// mine asks anvil for one block.
func mine(n *anviltest.Node) error {
	ctx, cancel := context.WithTimeout(context.Background(), rpcTimeout)
	defer cancel()
	if err := n.RPC.CallContext(ctx, nil, "evm_mine"); err != nil {
		return fmt.Errorf("evm_mine: %w", err)
	}
	return nil
}

// mustMine mines one block or fails the test.
func mustMine(t *testing.T, n *anviltest.Node) {
	t.Helper()
	if err := mine(n); err != nil {
		t.Fatal(err)
	}
}

// newKey makes a fresh secp256k1 key.
func newKey(t *testing.T) *ecdsa.PrivateKey {
	t.Helper()
	k, err := crypto.GenerateKey()
	if err != nil {
		t.Fatalf("generate key: %v", err)
	}
	return k
}

// transactor signs transactions with key for chainID.
func transactor(t *testing.T, key *ecdsa.PrivateKey, chainID *big.Int) *bind.TransactOpts {
	t.Helper()
	opts, err := bind.NewKeyedTransactorWithChainID(key, chainID)
	if err != nil {
		t.Fatalf("transactor: %v", err)
	}
	return opts
}

// send submits the transaction made by tx, mines until it is in a block and
// returns its receipt, which must show success.
func send(t *testing.T, w *waiter, n *anviltest.Node, what string, tx func() (*types.Transaction, error)) *types.Receipt {
	t.Helper()
	sent, err := tx()
	if err != nil {
		t.Fatalf("send %s: %v", what, err)
	}
	var r *types.Receipt
	w.until(what+" to be mined", func() (bool, string) {
		ctx, cancel := context.WithTimeout(context.Background(), rpcTimeout)
		defer cancel()
		r, err = n.Client.TransactionReceipt(ctx, sent.Hash())
		return err == nil, fmt.Sprintf("receipt of %s: %v", sent.Hash(), err)
	})
	if r.Status != types.ReceiptStatusSuccessful {
		t.Fatalf("%s reverted (tx %s, block %d)", what, sent.Hash(), r.BlockNumber)
	}
	return r
}

// receipt reads a mined transaction's receipt, which must show success.
func receipt(t *testing.T, n *anviltest.Node, hash common.Hash) *types.Receipt {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), rpcTimeout)
	defer cancel()
	r, err := n.Client.TransactionReceipt(ctx, hash)
	if err != nil {
		t.Fatalf("receipt of %s: %v", hash, err)
	}
	if r.Status != types.ReceiptStatusSuccessful {
		t.Fatalf("tx %s reverted in block %d", hash, r.BlockNumber)
	}
	return r
}

// headOf returns anvil's head block number.
func headOf(t *testing.T, n *anviltest.Node) uint64 {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), rpcTimeout)
	defer cancel()
	h, err := n.Client.BlockNumber(ctx)
	if err != nil {
		t.Fatalf("eth_blockNumber: %v", err)
	}
	return h
}

// signState has both parties sign st.
func signState(t *testing.T, d channelstate.Domain, st channelstate.State, a, b *ecdsa.PrivateKey) channelstate.Signed {
	t.Helper()
	sa, err := d.Sign(st, a)
	if err != nil {
		t.Fatalf("party A signs nonce %d: %v", st.Nonce, err)
	}
	sb, err := d.Sign(st, b)
	if err != nil {
		t.Fatalf("party B signs nonce %d: %v", st.Nonce, err)
	}
	return channelstate.Signed{State: st, SigA: sa, SigB: sb}
}

// challengesOf reads the channel's ChannelChallenged logs from L1.
func challengesOf(t *testing.T, adj *bindings.ChannelAdjudicator, id common.Hash) []*bindings.ChannelAdjudicatorChannelChallenged {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), rpcTimeout)
	defer cancel()
	it, err := adj.FilterChannelChallenged(&bind.FilterOpts{Start: 0, Context: ctx}, [][32]byte{id}, nil)
	if err != nil {
		t.Fatalf("filter ChannelChallenged: %v", err)
	}
	defer it.Close()
	var out []*bindings.ChannelAdjudicatorChannelChallenged
	for it.Next() {
		out = append(out, it.Event)
	}
	if err := it.Error(); err != nil {
		t.Fatalf("read ChannelChallenged logs: %v", err)
	}
	return out
}

// markerTx returns a signed 1-wei transfer from key to itself at its next
// nonce, raw, for anvil_reorg to include in a replacement block.
func markerTx(t *testing.T, n *anviltest.Node, key *ecdsa.PrivateKey, chainID *big.Int) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), rpcTimeout)
	defer cancel()
	from := crypto.PubkeyToAddress(key.PublicKey)
	nonce, err := n.Client.PendingNonceAt(ctx, from)
	if err != nil {
		t.Fatalf("nonce of %s: %v", from, err)
	}
	tx, err := types.SignNewTx(key, types.LatestSignerForChainID(chainID), &types.DynamicFeeTx{
		ChainID: chainID, Nonce: nonce, To: &from, Value: big.NewInt(1), Gas: 21_000,
		GasTipCap: big.NewInt(1), GasFeeCap: big.NewInt(100e9),
	})
	if err != nil {
		t.Fatalf("sign marker tx: %v", err)
	}
	raw, err := tx.MarshalBinary()
	if err != nil {
		t.Fatalf("encode marker tx: %v", err)
	}
	return raw
}

// headerOf reads block number's header.
func headerOf(t *testing.T, n *anviltest.Node, number uint64) *types.Header {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), rpcTimeout)
	defer cancel()
	h, err := n.Client.HeaderByNumber(ctx, new(big.Int).SetUint64(number))
	if err != nil {
		t.Fatalf("header %d: %v", number, err)
	}
	return h
}
