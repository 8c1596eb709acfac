package scenario

import (
	"context"
	"crypto/ecdsa"
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

// SidechainDemo is the sidechain checkpoint kind's demo: a second EVM
// chain, its validators, the L1 CheckpointManager they are registered on,
// and checkpoints that do and do not match the sidechain's blocks.
type SidechainDemo struct {
	manager common.Address
	chain   *isc.Chain
	vals    *isc.Validators
}

// Kind names the kind.
func (d *SidechainDemo) Kind() string { return sidechain.KindName }

// Count is --checkpoints.
func (d *SidechainDemo) Count() Count {
	return Count{Flag: "checkpoints", Default: 12, Max: 500, Usage: "sidechain checkpoints in the sidechain scenario (0: skip it)"}
}

// Accounts is the proposer's.
func (d *SidechainDemo) Accounts(int) int { return 1 }

// Deploy starts the sidechain and its validators and registers them on a
// new CheckpointManager.
func (d *SidechainDemo) Deploy(ctx context.Context, env Env, _ int) (l2.Factory, error) {
	if err := d.start(ctx, env.Net, env.Deployer, env.BlockTime, env.Window); err != nil {
		return nil, err
	}
	say(env.Progress, "  sidechain %d (chain id %d) at %s attested by %d validators; CheckpointManager at %s\n",
		devSidechainID, devSidechainChainID, d.chain.RPCURL, len(d.vals.Addresses()), d.manager.Hex())
	return sidechain.Factory(sidechain.Config{
		Manager: d.manager, Poll: env.BlockTime, L1BlockTime: env.BlockTime, FutureGrace: 5,
		Sidechains: []sidechain.Source{{SidechainID: devSidechainID, RPCURL: d.chain.RPCURL, AttestationsURL: d.vals.URL}},
	}), nil
}

// Play plays the checkpoint scenario.
func (d *SidechainDemo) Play(ctx context.Context, env Env, tw Tower, n int) (Summary, error) {
	say(env.Progress, "playing the sidechain scenario with %d checkpoints:\n", n)
	return (&Sidechain{Net: env.Net, Manager: d.manager, SidechainID: devSidechainID, Side: d.chain,
		Validators: d.vals, Proposer: env.Keys[0], TowerAddrs: tw.Signers, Count: n,
		Progress: env.Progress, Seed: env.Seed}).Run(ctx)
}

func (d *SidechainDemo) start(ctx context.Context, l1 *devnet.Devnet, deployerKey *ecdsa.PrivateKey, blockTime time.Duration, window uint64) error {
	deployer := l1.Transactor(ctx, deployerKey)
	mgr, tx, cm, err := bindings.DeployCheckpointManager(deployer, l1.Client)
	if err != nil {
		return fmt.Errorf("deploy CheckpointManager: %w", err)
	}
	if _, err := l1.WaitDeployed(ctx, tx); err != nil {
		return fmt.Errorf("deploy CheckpointManager: %w", err)
	}
	d.manager = mgr
	if d.chain, err = isc.Start(isc.Options{ChainID: devSidechainChainID}); err != nil {
		return err
	}
	d.chain.AutoMine(blockTime)
	d.vals, err = isc.StartValidators(isc.ValidatorOptions{
		SidechainID: devSidechainID,
		Domain:      header.Domain{ChainID: l1.ChainID, Manager: mgr},
		RPCURL:      d.chain.RPCURL,
	})
	if err != nil {
		d.Close()
		return err
	}
	tx, err = cm.RegisterSidechain(l1.Transactor(ctx, deployerKey), big.NewInt(devSidechainID), d.vals.Addresses(), d.vals.Threshold(), window, 10, big.NewInt(1e17))
	if err != nil {
		d.Close()
		return fmt.Errorf("register the sidechain: %w", err)
	}
	if _, err := l1.WaitSucceeded(ctx, tx.Hash()); err != nil {
		d.Close()
		return fmt.Errorf("register the sidechain: %w", err)
	}
	return nil
}

// Close stops the validators and the sidechain.
func (d *SidechainDemo) Close() {
	if d.vals != nil {
		d.vals.Close()
	}
	if d.chain != nil {
		d.chain.Close()
	}
}
