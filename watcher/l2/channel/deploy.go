package channel

import (
	"context"
	"fmt"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/watchtower-l2/watchtower/deployments/contracts/bindings"
	"github.com/watchtower-l2/watchtower/watcher/l2"
)

// deployer deploys our ChannelAdjudicator (it takes no parameters).
func deployer() *l2.Deployer {
	return &l2.Deployer{Deploy: func(ctx context.Context, d l2.Deployment, _ any) ([]l2.Deployed, string, error) {
		c, err := d.Create(ctx, KindName, "ChannelAdjudicator", func(o *bind.TransactOpts) (*types.Transaction, error) {
			_, tx, _, err := bindings.DeployChannelAdjudicator(o, d.Backend)
			return tx, err
		})
		if err != nil {
			return nil, "", err
		}
		return []l2.Deployed{c}, fmt.Sprintf("channel:\n  adjudicator: %q\n", c.Address), nil
	}}
}
