// Package sidechain runs, in process, what the sidechain checkpoint kind
// watches besides L1: a second EVM chain with its own chain id (go-ethereum's
// simulated backend, served over JSON-RPC), the validators that attest its
// blocks and publish their attestations over HTTP, and a gate that can take
// the sidechain's RPC endpoint down and bring it back.
package sidechain

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"net"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/params"
)

// Options configures the sidechain.
type Options struct {
	// ChainID is the sidechain's EVM chain id (default 901).
	ChainID uint64
	// Accounts is how many funded keys to create (default 2).
	Accounts int
	// RPCHost and RPCPort serve JSON-RPC over HTTP; port 0 picks a free one.
	RPCHost string
	RPCPort int
}

// Chain is a running in-process sidechain.
type Chain struct {
	Backend *simulated.Backend
	Client  simulated.Client
	ChainID *big.Int
	Keys    []*ecdsa.PrivateKey
	RPCURL  string

	mu     sync.Mutex
	stop   context.CancelFunc
	mining sync.WaitGroup
	nonce  uint64
}

// Start boots the sidechain. The simulated backend always builds chain id
// 1337; the genesis config is replaced by a copy with opts.ChainID.
func Start(opts Options) (*Chain, error) {
	if opts.ChainID == 0 {
		opts.ChainID = 901
	}
	if opts.Accounts <= 0 {
		opts.Accounts = 2
	}
	if opts.RPCHost == "" {
		opts.RPCHost = "127.0.0.1"
	}
	c := &Chain{ChainID: new(big.Int).SetUint64(opts.ChainID)}
	alloc := types.GenesisAlloc{}
	funds := new(big.Int).Mul(big.NewInt(1_000_000), big.NewInt(params.Ether))
	for range opts.Accounts {
		k, err := crypto.GenerateKey()
		if err != nil {
			return nil, fmt.Errorf("sidechain: generate key: %w", err)
		}
		c.Keys = append(c.Keys, k)
		alloc[crypto.PubkeyToAddress(k.PublicKey)] = types.Account{Balance: funds}
	}
	port := opts.RPCPort
	if port == 0 {
		var err error
		if port, err = freePort(opts.RPCHost); err != nil {
			return nil, err
		}
	}
	cfg := *params.AllDevChainProtocolChanges
	cfg.ChainID = new(big.Int).Set(c.ChainID)
	c.Backend = simulated.NewBackend(alloc, func(nc *node.Config, ec *ethconfig.Config) {
		nc.HTTPHost, nc.HTTPPort = opts.RPCHost, port
		nc.HTTPModules = []string{"eth", "net", "web3"}
		nc.HTTPVirtualHosts = []string{"*"}
		ec.Genesis.Config = &cfg
		ec.NetworkId = opts.ChainID
	})
	c.Client = c.Backend.Client()
	c.RPCURL = "http://" + net.JoinHostPort(opts.RPCHost, strconv.Itoa(port))
	id, err := c.Client.ChainID(context.Background())
	if err != nil {
		c.Backend.Close()
		return nil, fmt.Errorf("sidechain: chain id: %w", err)
	}
	if id.Cmp(c.ChainID) != 0 {
		c.Backend.Close()
		return nil, fmt.Errorf("sidechain: node reports chain id %s, configured %d", id, opts.ChainID)
	}
	return c, nil
}

func freePort(host string) (int, error) {
	l, err := net.Listen("tcp", net.JoinHostPort(host, "0"))
	if err != nil {
		return 0, fmt.Errorf("sidechain: find a free port on %s: %w", host, err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// Mine commits one block. With transfer set, the block carries a small
// transfer so its state root differs from its parent's.
func (c *Chain) Mine(transfer bool) common.Hash {
	c.mu.Lock()
	defer c.mu.Unlock()
	if transfer {
		c.sendLocked()
	}
	return c.Backend.Commit()
}

func (c *Chain) sendLocked() {
	ctx := context.Background()
	from := crypto.PubkeyToAddress(c.Keys[0].PublicKey)
	nonce, err := c.Client.PendingNonceAt(ctx, from)
	if err != nil {
		return
	}
	to := crypto.PubkeyToAddress(c.Keys[len(c.Keys)-1].PublicKey)
	signer := types.LatestSignerForChainID(c.ChainID)
	tx, err := types.SignNewTx(c.Keys[0], signer, &types.DynamicFeeTx{
		ChainID: c.ChainID, Nonce: nonce, GasTipCap: big.NewInt(1), GasFeeCap: big.NewInt(100e9), Gas: 21000, To: &to, Value: big.NewInt(1),
	})
	if err != nil {
		return
	}
	_ = c.Client.SendTransaction(ctx, tx)
}

// Fork rewinds the chain to parent; the next mined blocks form a new branch.
// Transactions still pending are dropped (the simulated backend refuses to
// fork with a dirty pending block).
func (c *Chain) Fork(parent common.Hash) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	var err error
	for range 10 {
		if err = c.Backend.Fork(parent); err == nil || !strings.Contains(err.Error(), "pending block dirty") {
			return err
		}
		c.Backend.Rollback() // drop what is still pending
		time.Sleep(10 * time.Millisecond)
	}
	return err
}

// Head returns the current head header.
func (c *Chain) Head(ctx context.Context) (*types.Header, error) {
	return c.Client.HeaderByNumber(ctx, nil)
}

// AutoMine commits an empty block every period until StopMining or Close.
// (Sending transactions through the in-process client while auto-mining can
// stall the simulated node under the race detector; use Mine(true) by hand.)
func (c *Chain) AutoMine(period time.Duration) {
	c.StopMining()
	ctx, cancel := context.WithCancel(context.Background())
	c.stop = cancel
	c.mining.Add(1)
	go func() {
		defer c.mining.Done()
		t := time.NewTicker(period)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				c.Mine(false)
			}
		}
	}()
}

// StopMining stops AutoMine.
func (c *Chain) StopMining() {
	if c.stop != nil {
		c.stop()
		c.mining.Wait()
		c.stop = nil
	}
}

// Close stops mining and the node.
func (c *Chain) Close() error {
	c.StopMining()
	return c.Backend.Close()
}
