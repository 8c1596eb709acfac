package channel

import (
	"context"
	"fmt"

	"github.com/watchtower-l2/watchtower/deployments/contracts/bindings"
	"github.com/watchtower-l2/watchtower/watcher/l2"
)

// deployer deploys our ChannelAdjudicator (it takes no parameters).
func deployer() *l2.Deployer {
	return &l2.Deployer{Deploy: func(ctx context.Context, d l2.Deployment, _ any) ([]l2.Deployed, string, error) {
		auth, err := d.Transactor(ctx)
		if err != nil {
			return nil, "", err
		}
		_, tx, _, err := bindings.DeployChannelAdjudicator(auth, d.Backend)
		if err != nil {
			return nil, "", fmt.Errorf("deploy ChannelAdjudicator: %w", err)
		}
		c, err := d.Created(ctx, KindName, "ChannelAdjudicator", tx)
		if err != nil {
			return nil, "", err
		}
		return []l2.Deployed{c}, fmt.Sprintf("channel:\n  adjudicator: %q\n", c.Address), nil
	}}
}
