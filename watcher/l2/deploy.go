package l2

import (
	"context"
	"fmt"
	"io"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// Deployment is what a kind's Deploy gets: a funded key on an L1.
type Deployment struct {
	Backend bind.ContractBackend
	From    common.Address
	ChainID *big.Int
	// Transactor returns the options of the deployer's next transaction.
	Transactor func(ctx context.Context) (*bind.TransactOpts, error)
	// Wait waits for tx's receipt and fails when it reverted; name names
	// the contract or call in messages.
	Wait     func(ctx context.Context, name string, tx *types.Transaction) (*types.Receipt, error)
	Progress io.Writer
}

// Deployed is one contract a Deploy created.
type Deployed struct {
	Kind    string `json:"kind"`
	Name    string `json:"name"`
	Address string `json:"address"`
	TxHash  string `json:"tx_hash"`
	Block   uint64 `json:"block"`
}

// Deployer deploys a kind's reference contracts (`watchtower contracts
// deploy --kind NAME`).
type Deployer struct {
	// Params returns a fresh pointer to the deployment's parameters: a
	// struct whose fields carry `flag` and `help` tags (each becomes the
	// flag --<kind>-<flag>), holding the defaults. Nil: no parameters.
	Params func() any
	// Check validates params before anything is sent (nil: none).
	Check func(params any) error
	// Deploy deploys the contracts and returns them with the kind's
	// configuration section for them (YAML; placeholders for what a
	// deployment cannot know).
	Deploy func(ctx context.Context, d Deployment, params any) ([]Deployed, string, error)
}

// Create sends the creation of contract name (send is an abigen DeployX
// call with the options it is given), waits for it and describes the
// contract.
func (d Deployment) Create(ctx context.Context, kind, name string, send func(*bind.TransactOpts) (*types.Transaction, error)) (Deployed, error) {
	auth, err := d.Transactor(ctx)
	if err != nil {
		return Deployed{}, err
	}
	tx, err := send(auth)
	if err != nil {
		return Deployed{}, fmt.Errorf("deploy %s: %w", name, err)
	}
	rc, err := d.Wait(ctx, name, tx)
	if err != nil {
		return Deployed{}, err
	}
	return Deployed{Kind: kind, Name: name, Address: rc.ContractAddress.Hex(), TxHash: tx.Hash().Hex(), Block: rc.BlockNumber.Uint64()}, nil
}
