package scenario

import (
	"context"

	"github.com/watchtower-l2/watchtower/watcher/l2"
	"github.com/watchtower-l2/watchtower/watcher/l2/plasma"
)

// PlasmaDemo is the Plasma kind's demo: an operator publishing blocks on
// NATS, users exiting outputs they spent and outputs they did not.
type PlasmaDemo struct {
	chain *PlasmaChain
}

// Kind names the kind.
func (d *PlasmaDemo) Kind() string { return plasma.KindName }

// Count is --plasma-users.
func (d *PlasmaDemo) Count() Count {
	return Count{Flag: "plasma-users", Default: 12, Min: 4, Max: 2000, Usage: "Plasma users in the Plasma scenario (0: skip it)"}
}

// Accounts is the operator's and one per user.
func (d *PlasmaDemo) Accounts(n int) int { return 1 + n }

// Deploy deploys the PlasmaFramework and starts the operator.
func (d *PlasmaDemo) Deploy(ctx context.Context, env Env, _ int) (l2.Factory, error) {
	pc, err := DeployPlasma(ctx, env.Net, env.Deployer, env.Keys[0], env.NATS, env.Window)
	if err != nil {
		return nil, err
	}
	d.chain = pc
	say(env.Progress, "  PlasmaFramework deployed at %s, operator publishing blocks on NATS %s\n", pc.Contract.Hex(), pc.Subject)
	return plasma.Factory(pc.TowerConfig(env.BlockTime, 20*env.BlockTime)), nil
}

// Play plays the exit scenario.
func (d *PlasmaDemo) Play(ctx context.Context, env Env, tw Tower, n int) (Summary, error) {
	say(env.Progress, "playing the Plasma scenario with %d users:\n", n)
	kind, _ := tw.Kinds[plasma.KindName].(*plasma.Kind)
	return (&Plasma{Net: env.Net, Chain: d.chain, Kind: kind, TowerAddrs: tw.Signers, Parties: env.Keys[1:],
		Count: n, Alerts: tw.Alerts, Progress: env.Progress}).Run(ctx)
}

// Close stops the operator.
func (d *PlasmaDemo) Close() {
	if d.chain != nil {
		d.chain.Close()
	}
}
