package sidechain

import (
	"context"
	"fmt"

	"github.com/watchtower-l2/watchtower/deployments/contracts/bindings"
	"github.com/watchtower-l2/watchtower/watcher/l2"
)

// deployer deploys a CheckpointManager; its owner (the deployer) then
// registers sidechains with registerSidechain.
func deployer() *l2.Deployer {
	return &l2.Deployer{Deploy: func(ctx context.Context, d l2.Deployment, _ any) ([]l2.Deployed, string, error) {
		auth, err := d.Transactor(ctx)
		if err != nil {
			return nil, "", err
		}
		_, tx, _, err := bindings.DeployCheckpointManager(auth, d.Backend)
		if err != nil {
			return nil, "", fmt.Errorf("deploy CheckpointManager: %w", err)
		}
		c, err := d.Created(ctx, KindName, "CheckpointManager", tx)
		if err != nil {
			return nil, "", err
		}
		return []l2.Deployed{c}, fmt.Sprintf("sidechain:\n  manager: %q\n  id: SIDECHAIN-ID  # registered by the manager's owner with registerSidechain\n"+
			"  rpc_url: https://SIDECHAIN-RPC.example\n  attestations_url: https://VALIDATOR-ATTESTATIONS.example\n", c.Address), nil
	}}
}
