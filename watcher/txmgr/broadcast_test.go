package txmgr

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"go.uber.org/zap/zaptest"

	"github.com/watchtower-l2/watchtower/internal/testutil/anviltest"
)

// TestRebroadcastAnvil re-sends a transaction anvil already has: anvil
// refuses it in its own words ("transaction already imported" while pending,
// a nonce error once mined) and the manager still counts it as broadcast,
// because the node has the transaction's hash.
func TestRebroadcastAnvil(t *testing.T) {
	node := anviltest.Start(t, "--no-mining")
	testRebroadcastKnown(t, node.Client, node.Key(t, 0), func() { node.Mine(t) })
}

// TestRebroadcastSimulated is the same against go-ethereum's simulated
// backend ("already known" while pending).
func TestRebroadcastSimulated(t *testing.T) {
	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	funds := new(big.Int).Mul(big.NewInt(1000), big.NewInt(1e18))
	backend := simulated.NewBackend(types.GenesisAlloc{
		crypto.PubkeyToAddress(key.PublicKey): {Balance: funds},
	})
	t.Cleanup(func() { backend.Close() })
	testRebroadcastKnown(t, backend.Client(), key, func() { backend.Commit() })
}

// testRebroadcastKnown sends a transaction on a node that mines only when
// mine is called, re-sends it while pending and after it is mined, and checks
// that every re-send counts as broadcast and that no second transaction is
// ever signed or sent: the sender's nonce moves by exactly one.
func testRebroadcastKnown(t *testing.T, client Client, key *ecdsa.PrivateKey, mine func()) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	m, err := New(ctx, client, key, Config{ReceiptPollInterval: 20 * time.Millisecond}, zaptest.NewLogger(t))
	if err != nil {
		t.Fatal(err)
	}
	start, err := client.NonceAt(ctx, m.From(), nil)
	if err != nil {
		t.Fatal(err)
	}
	to := common.HexToAddress("0x00000000000000000000000000000000000000aa")
	tx, err := m.Prepare(ctx, Candidate{To: to, Value: big.NewInt(1)})
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Broadcast(ctx, tx); err != nil {
		t.Fatalf("first broadcast: %v", err)
	}

	// The node refuses the same raw transaction, in its own words.
	sendErr := client.SendTransaction(ctx, tx)
	if sendErr == nil {
		t.Fatal("the node accepted the same transaction twice without an error; the test proves nothing")
	}
	t.Logf("node's answer to a re-sent pending transaction: %v", sendErr)
	if err := m.Broadcast(ctx, tx); err != nil {
		t.Fatalf("re-broadcast of a pending transaction the node has: %v", err)
	}
	assertPendingNonce(ctx, t, client, m.From(), start+1)

	mine()
	rcpt, err := m.WaitMined(ctx, tx)
	if err != nil {
		t.Fatalf("wait mined: %v", err)
	}
	if rcpt.TxHash != tx.Hash() {
		t.Fatalf("mined %s, want the one transaction sent %s", rcpt.TxHash, tx.Hash())
	}
	if sendErr := client.SendTransaction(ctx, tx); sendErr != nil {
		t.Logf("node's answer to a re-sent mined transaction: %v", sendErr)
	}
	if err := m.Broadcast(ctx, tx); err != nil {
		t.Fatalf("re-broadcast of a mined transaction: %v", err)
	}
	if n, err := client.NonceAt(ctx, m.From(), nil); err != nil || n != start+1 {
		t.Fatalf("nonce after mining = %d, %v; want %d (exactly one transaction)", n, err, start+1)
	}
	assertPendingNonce(ctx, t, client, m.From(), start+1)
	// The manager's own nonce moved by one too: the next transaction takes start+1.
	next, err := m.Prepare(ctx, Candidate{To: to, Value: big.NewInt(1)})
	if err != nil {
		t.Fatal(err)
	}
	if next.Nonce() != start+1 {
		t.Fatalf("next prepared nonce = %d, want %d", next.Nonce(), start+1)
	}
}

func assertPendingNonce(ctx context.Context, t *testing.T, client Client, from common.Address, want uint64) {
	t.Helper()
	n, err := client.PendingNonceAt(ctx, from)
	if err != nil || n != want {
		t.Fatalf("pending nonce = %d, %v; want %d (no second transaction)", n, err, want)
	}
}

// TestSendErrorNodeLacksTx: a send error after which the node does not have
// the transaction fails the broadcast, whatever the error says.
func TestSendErrorNodeLacksTx(t *testing.T) {
	node := anviltest.Start(t, "--no-mining")
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	m, err := New(ctx, node.Client, node.Key(t, 1), Config{}, zaptest.NewLogger(t))
	if err != nil {
		t.Fatal(err)
	}
	// A recorded transaction of an unfunded key: the node refuses it and
	// never has it.
	poor, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	to := common.HexToAddress("0x00000000000000000000000000000000000000bb")
	tx, err := types.SignNewTx(poor, types.LatestSignerForChainID(big.NewInt(anviltest.ChainID)), &types.DynamicFeeTx{
		ChainID: big.NewInt(anviltest.ChainID), GasTipCap: big.NewInt(1e9), GasFeeCap: big.NewInt(1e11),
		Gas: 21_000, To: &to, Value: big.NewInt(1),
	})
	if err != nil {
		t.Fatal(err)
	}
	err = m.Broadcast(ctx, tx)
	if err == nil {
		t.Fatal("broadcast of a transaction the node refused succeeded")
	}
	t.Logf("refused: %v", err)
}

// stallingClient never answers BalanceAt: it waits for its context to end.
type stallingClient struct{ Client }

func (stallingClient) BalanceAt(ctx context.Context, _ common.Address, _ *big.Int) (*big.Int, error) {
	<-ctx.Done()
	return nil, ctx.Err()
}

// TestRPCTimeout: a node that stops answering fails the call after
// Config.RPCTimeout, not when the caller's (much longer) context ends.
func TestRPCTimeout(t *testing.T) {
	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	m, err := New(ctx, stallingClient{}, key, Config{ChainID: big.NewInt(1), RPCTimeout: 50 * time.Millisecond}, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = m.Balance(ctx)
	if !errors.Is(err, context.DeadlineExceeded) || ctx.Err() != nil {
		t.Fatalf("Balance on a stalled node = %v (caller's context: %v); want the per-call deadline", err, ctx.Err())
	}
}
