package main

import (
	"context"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/watchtower-l2/watchtower/deployments/contracts/bindings"
	"github.com/watchtower-l2/watchtower/internal/devnet"
	isc "github.com/watchtower-l2/watchtower/internal/sidechain"
	"github.com/watchtower-l2/watchtower/proofs/header"
	"github.com/watchtower-l2/watchtower/watcher/l2"
	"github.com/watchtower-l2/watchtower/watcher/l2/sidechain"
)

// The dev sidechain: id registered on L1 and its own EVM chain id.
const (
	devSidechainID      = 77
	devSidechainChainID = 901
)

// devSidechain is the demo's second EVM chain, its validators and the L1
// CheckpointManager they are registered on.
type devSidechain struct {
	manager common.Address
	chain   *isc.Chain
	vals    *isc.Validators
}

func startDevSidechain(ctx context.Context, l1 *devnet.Devnet, blockTime time.Duration, window uint64) (*devSidechain, error) {
	deployer := l1.Transactor(ctx, l1.Keys[0])
	mgr, tx, cm, err := bindings.DeployCheckpointManager(deployer, l1.Client)
	if err != nil {
		return nil, fmt.Errorf("deploy CheckpointManager: %w", err)
	}
	if _, err := l1.WaitDeployed(ctx, tx); err != nil {
		return nil, fmt.Errorf("deploy CheckpointManager: %w", err)
	}
	d := &devSidechain{manager: mgr}
	if d.chain, err = isc.Start(isc.Options{ChainID: devSidechainChainID}); err != nil {
		return nil, err
	}
	d.chain.AutoMine(blockTime)
	d.vals, err = isc.StartValidators(isc.ValidatorOptions{
		SidechainID: devSidechainID,
		Domain:      header.Domain{ChainID: l1.ChainID, Manager: mgr},
		RPCURL:      d.chain.RPCURL,
	})
	if err != nil {
		d.Close()
		return nil, err
	}
	tx, err = cm.RegisterSidechain(l1.Transactor(ctx, l1.Keys[0]), big.NewInt(devSidechainID), d.vals.Addresses(), d.vals.Threshold(), window, 10, big.NewInt(1e17))
	if err != nil {
		d.Close()
		return nil, fmt.Errorf("register the sidechain: %w", err)
	}
	if _, err := l1.WaitSucceeded(ctx, tx.Hash()); err != nil {
		d.Close()
		return nil, fmt.Errorf("register the sidechain: %w", err)
	}
	return d, nil
}

func (d *devSidechain) factory(blockTime time.Duration) l2.Factory {
	return sidechain.Factory(sidechain.Config{
		Manager: d.manager, Poll: blockTime, L1BlockTime: blockTime, FutureGrace: 5,
		Sidechains: []sidechain.Source{{SidechainID: devSidechainID, RPCURL: d.chain.RPCURL, AttestationsURL: d.vals.URL}},
	})
}

// Close stops the validators and the sidechain.
func (d *devSidechain) Close() {
	if d.vals != nil {
		d.vals.Close()
	}
	if d.chain != nil {
		d.chain.Close()
	}
}
