package txmgr

import (
	"context"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// timeoutClient bounds every call to the wrapped Client by its own deadline,
// so a node that accepts a connection and never answers cannot stall a send
// or a wait for longer than one call's timeout.
type timeoutClient struct {
	c Client
	d time.Duration
}

var _ Client = timeoutClient{}

func (t timeoutClient) ctx(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(ctx, t.d)
}

func (t timeoutClient) ChainID(ctx context.Context) (*big.Int, error) {
	ctx, cancel := t.ctx(ctx)
	defer cancel()
	return t.c.ChainID(ctx)
}

func (t timeoutClient) PendingNonceAt(ctx context.Context, account common.Address) (uint64, error) {
	ctx, cancel := t.ctx(ctx)
	defer cancel()
	return t.c.PendingNonceAt(ctx, account)
}

func (t timeoutClient) NonceAt(ctx context.Context, account common.Address, blockNumber *big.Int) (uint64, error) {
	ctx, cancel := t.ctx(ctx)
	defer cancel()
	return t.c.NonceAt(ctx, account, blockNumber)
}

func (t timeoutClient) HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error) {
	ctx, cancel := t.ctx(ctx)
	defer cancel()
	return t.c.HeaderByNumber(ctx, number)
}

func (t timeoutClient) SuggestGasTipCap(ctx context.Context) (*big.Int, error) {
	ctx, cancel := t.ctx(ctx)
	defer cancel()
	return t.c.SuggestGasTipCap(ctx)
}

func (t timeoutClient) EstimateGas(ctx context.Context, msg ethereum.CallMsg) (uint64, error) {
	ctx, cancel := t.ctx(ctx)
	defer cancel()
	return t.c.EstimateGas(ctx, msg)
}

func (t timeoutClient) CallContract(ctx context.Context, msg ethereum.CallMsg, blockNumber *big.Int) ([]byte, error) {
	ctx, cancel := t.ctx(ctx)
	defer cancel()
	return t.c.CallContract(ctx, msg, blockNumber)
}

func (t timeoutClient) SendTransaction(ctx context.Context, tx *types.Transaction) error {
	ctx, cancel := t.ctx(ctx)
	defer cancel()
	return t.c.SendTransaction(ctx, tx)
}

func (t timeoutClient) TransactionByHash(ctx context.Context, hash common.Hash) (*types.Transaction, bool, error) {
	ctx, cancel := t.ctx(ctx)
	defer cancel()
	return t.c.TransactionByHash(ctx, hash)
}

func (t timeoutClient) TransactionReceipt(ctx context.Context, txHash common.Hash) (*types.Receipt, error) {
	ctx, cancel := t.ctx(ctx)
	defer cancel()
	return t.c.TransactionReceipt(ctx, txHash)
}

func (t timeoutClient) BalanceAt(ctx context.Context, account common.Address, blockNumber *big.Int) (*big.Int, error) {
	ctx, cancel := t.ctx(ctx)
	defer cancel()
	return t.c.BalanceAt(ctx, account, blockNumber)
}
