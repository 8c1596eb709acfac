package anviltest

import (
	"context"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
)

func TestStartAnswersAndFundsDevKeys(t *testing.T) {
	n := Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	id, err := n.Client.ChainID(ctx)
	if err != nil || id.Uint64() != ChainID {
		t.Fatalf("chain id = %v, %v; want %d", id, err, ChainID)
	}
	bal, err := n.Client.BalanceAt(ctx, crypto.PubkeyToAddress(n.Key(t, 0).PublicKey), nil)
	if err != nil || bal.Sign() <= 0 {
		t.Fatalf("dev key 0 balance = %v, %v; want funded", bal, err)
	}
	before, err := n.Client.BlockNumber(ctx)
	if err != nil {
		t.Fatal(err)
	}
	n.Mine(t)
	after, err := n.Client.BlockNumber(ctx)
	if err != nil || after != before+1 {
		t.Fatalf("block after evm_mine = %d, %v; want %d", after, err, before+1)
	}
	// Two nodes in one test are independent.
	if other := Start(t); other.URL == n.URL {
		t.Fatalf("second Start returned the same URL %s", other.URL)
	}
}
