package sidechain

import (
	"context"
	"fmt"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/watchtower-l2/watchtower/deployments/contracts/bindings"
	"github.com/watchtower-l2/watchtower/watcher/l2"
)

// deployer deploys a CheckpointManager; its owner (the deployer) then
// registers sidechains with registerSidechain.
func deployer() *l2.Deployer {
	return &l2.Deployer{Deploy: func(ctx context.Context, d l2.Deployment, _ any) ([]l2.Deployed, string, error) {
		c, err := d.Create(ctx, KindName, "CheckpointManager", func(o *bind.TransactOpts) (*types.Transaction, error) {
			_, tx, _, err := bindings.DeployCheckpointManager(o, d.Backend)
			return tx, err
		})
		if err != nil {
			return nil, "", err
		}
		return []l2.Deployed{c}, fmt.Sprintf("sidechain:\n  manager: %q\n  id: SIDECHAIN-ID  # registered by the manager's owner with registerSidechain\n"+
			"  rpc_url: https://SIDECHAIN-RPC.example\n  attestations_url: https://VALIDATOR-ATTESTATIONS.example\n", c.Address), nil
	}}
}
