// Package devnet runs an in-process Ethereum L1 for the dev command and tests:
// go-ethereum's simulated backend (a real EVM), its JSON-RPC also served on
// localhost so cast or curl can look, funded accounts, and a block producer.
package devnet

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"net"
	"strconv"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"
)

// Options configures the devnet.
type Options struct {
	// Accounts is how many funded keys to create (default 4).
	Accounts int
	// Funds is each account's genesis balance in wei (default 10,000 ETH).
	Funds *big.Int
	// RPCHost and RPCPort serve JSON-RPC over HTTP; port 0 picks a free one, -1 disables.
	RPCHost string
	RPCPort int
	// WSPort serves JSON-RPC over WebSocket; 0 picks a free one, -1 disables.
	WSPort int
}

// Devnet is a running in-process L1.
type Devnet struct {
	Backend *simulated.Backend
	Client  simulated.Client
	ChainID *big.Int
	Keys    []*ecdsa.PrivateKey
	RPCURL  string
	WSURL   string

	mu     sync.Mutex
	nonces map[common.Address]uint64 // next nonce after the last signed tx, per sender
	stop   context.CancelFunc
	mining sync.WaitGroup
}

// Start boots the devnet.
func Start(opts Options) (*Devnet, error) {
	if opts.Accounts <= 0 {
		opts.Accounts = 4
	}
	if opts.Funds == nil {
		opts.Funds = new(big.Int).Mul(big.NewInt(10_000), big.NewInt(1e18))
	}
	if opts.RPCHost == "" {
		opts.RPCHost = "127.0.0.1"
	}
	d := &Devnet{}
	alloc := types.GenesisAlloc{}
	for i := 0; i < opts.Accounts; i++ {
		k, err := crypto.GenerateKey()
		if err != nil {
			return nil, fmt.Errorf("devnet: generate key: %w", err)
		}
		d.Keys = append(d.Keys, k)
		alloc[crypto.PubkeyToAddress(k.PublicKey)] = types.Account{Balance: opts.Funds}
	}
	httpPort, err := pickPort(opts.RPCHost, opts.RPCPort)
	if err != nil {
		return nil, err
	}
	wsPort, err := pickPort(opts.RPCHost, opts.WSPort)
	if err != nil {
		return nil, err
	}
	d.Backend = simulated.NewBackend(alloc, func(nc *node.Config, ec *ethconfig.Config) {
		if httpPort > 0 {
			nc.HTTPHost, nc.HTTPPort = opts.RPCHost, httpPort
			nc.HTTPModules = []string{"eth", "net", "web3"}
			nc.HTTPVirtualHosts = []string{"*"}
		}
		if wsPort > 0 {
			nc.WSHost, nc.WSPort = opts.RPCHost, wsPort
			nc.WSModules = []string{"eth", "net", "web3"}
			nc.WSOrigins = []string{"*"}
		}
		ec.Miner.GasCeil = 60_000_000
	}, simulated.WithBlockGasLimit(60_000_000))
	d.Client = d.Backend.Client()
	if httpPort > 0 {
		d.RPCURL = "http://" + net.JoinHostPort(opts.RPCHost, strconv.Itoa(httpPort))
	}
	if wsPort > 0 {
		d.WSURL = "ws://" + net.JoinHostPort(opts.RPCHost, strconv.Itoa(wsPort))
	}
	id, err := d.Client.ChainID(context.Background())
	if err != nil {
		d.Backend.Close()
		return nil, fmt.Errorf("devnet: chain id: %w", err)
	}
	d.ChainID = id
	return d, nil
}

func pickPort(host string, port int) (int, error) {
	if port != 0 {
		return port, nil
	}
	l, err := net.Listen("tcp", net.JoinHostPort(host, "0"))
	if err != nil {
		return 0, fmt.Errorf("devnet: find a free port on %s: %w", host, err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// Address returns the address of Keys[i].
func (d *Devnet) Address(i int) common.Address { return crypto.PubkeyToAddress(d.Keys[i].PublicKey) }

// Mine commits one block with the pending transactions.
func (d *Devnet) Mine() common.Hash {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.Backend.Commit()
}

// Fork rewinds the chain to parent so the next mined blocks form a new branch (a reorg).
func (d *Devnet) Fork(parent common.Hash) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.Backend.Fork(parent)
}

// AutoMine commits a block every period until StopMining or Close.
func (d *Devnet) AutoMine(period time.Duration) {
	d.StopMining()
	ctx, cancel := context.WithCancel(context.Background())
	d.mu.Lock()
	d.stop = cancel
	d.mu.Unlock()
	d.mining.Add(1)
	go func() {
		defer d.mining.Done()
		t := time.NewTicker(period)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				d.Mine()
			}
		}
	}()
}

// WaitMined waits for the receipt of the transaction hash and then for the
// head to reach its block. The backend indexes a block's transactions a moment
// before it moves the head, so a receipt alone does not mean that reads of the
// latest state (calls, gas estimates) see the transaction yet. It does not
// check the receipt's status.
func (d *Devnet) WaitMined(ctx context.Context, hash common.Hash) (*types.Receipt, error) {
	t := time.NewTicker(10 * time.Millisecond)
	defer t.Stop()
	var rc *types.Receipt
	for {
		if rc == nil {
			rc, _ = d.Client.TransactionReceipt(ctx, hash) // not found yet: retry
		}
		if rc != nil {
			if h, err := d.Client.HeaderByNumber(ctx, nil); err == nil && h.Number.Cmp(rc.BlockNumber) >= 0 {
				return rc, nil
			}
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("devnet: wait for %s: %w", hash.Hex(), ctx.Err())
		case <-t.C:
		}
	}
}

// WaitSucceeded is WaitMined that also requires the transaction to succeed.
func (d *Devnet) WaitSucceeded(ctx context.Context, hash common.Hash) (*types.Receipt, error) {
	rc, err := d.WaitMined(ctx, hash)
	if err != nil {
		return nil, err
	}
	if rc.Status != types.ReceiptStatusSuccessful {
		return rc, fmt.Errorf("devnet: tx %s reverted", hash.Hex())
	}
	return rc, nil
}

// WaitDeployed is WaitMined for a contract creation: it returns the new
// contract's address once its code is in the head state.
func (d *Devnet) WaitDeployed(ctx context.Context, tx *types.Transaction) (common.Address, error) {
	if tx.To() != nil {
		return common.Address{}, fmt.Errorf("devnet: tx %s does not create a contract", tx.Hash().Hex())
	}
	rc, err := d.WaitSucceeded(ctx, tx.Hash())
	if err != nil {
		return common.Address{}, err
	}
	code, err := d.Client.CodeAt(ctx, rc.ContractAddress, rc.BlockNumber)
	if err != nil {
		return common.Address{}, fmt.Errorf("devnet: read code of %s: %w", rc.ContractAddress.Hex(), err)
	}
	if len(code) == 0 {
		return common.Address{}, fmt.Errorf("devnet: no code at %s after deployment", rc.ContractAddress.Hex())
	}
	return rc.ContractAddress, nil
}

// Mining reports whether AutoMine is on.
func (d *Devnet) Mining() bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.stop != nil
}

// StopMining stops AutoMine.
func (d *Devnet) StopMining() {
	d.mu.Lock()
	stop := d.stop
	d.stop = nil
	d.mu.Unlock()
	if stop != nil {
		stop()
		d.mining.Wait()
	}
}

// Close stops mining and the node.
func (d *Devnet) Close() error {
	d.StopMining()
	return d.Backend.Close()
}

// Transactor returns signing options for key on this chain.
//
// The simulated backend's pool promotes a sent transaction asynchronously, so
// its pending nonce can lag behind a transaction sent a moment before; under
// load a second transaction then reused the nonce ("replacement transaction
// underpriced"). Transactor therefore starts from the nonce after the last
// transaction it signed for key when the pool reports a lower one.
func (d *Devnet) Transactor(ctx context.Context, key *ecdsa.PrivateKey) *bind.TransactOpts {
	opts := bind.NewKeyedTransactor(key, d.ChainID)
	opts.Context = ctx
	from := opts.From
	d.mu.Lock()
	next, ok := d.nonces[from]
	d.mu.Unlock()
	if ok {
		if pending, err := d.Client.PendingNonceAt(ctx, from); err == nil && pending < next {
			opts.Nonce = new(big.Int).SetUint64(next)
		}
	}
	sign := opts.Signer
	opts.Signer = func(a common.Address, tx *types.Transaction) (*types.Transaction, error) {
		signed, err := sign(a, tx)
		if err == nil {
			d.mu.Lock()
			if d.nonces == nil {
				d.nonces = make(map[common.Address]uint64)
			}
			d.nonces[from] = max(d.nonces[from], tx.Nonce()+1)
			d.mu.Unlock()
		}
		return signed, err
	}
	return opts
}
