package scenario

import (
	"context"
	"fmt"

	"github.com/ethereum/go-ethereum/common"

	"github.com/watchtower-l2/watchtower/deployments/contracts/bindings"
	"github.com/watchtower-l2/watchtower/watcher/l2"
	"github.com/watchtower-l2/watchtower/watcher/l2/channel"
)

// ChannelDemo is the state-channel kind's demo: stale and honest closes on
// our ChannelAdjudicator, states delegated through the API.
type ChannelDemo struct {
	adj common.Address
}

// Kind names the kind.
func (d *ChannelDemo) Kind() string { return channel.KindName }

// Count is --channels.
func (d *ChannelDemo) Count() Count {
	return Count{Flag: "channels", Default: 20, Min: 1, Max: 5000, Usage: "number of channels in the channel scenario (0: skip it)"}
}

// Accounts is two parties per channel.
func (d *ChannelDemo) Accounts(n int) int { return 2 * n }

// Deploy deploys the ChannelAdjudicator.
func (d *ChannelDemo) Deploy(ctx context.Context, env Env, _ int) (l2.Factory, error) {
	addr, tx, _, err := bindings.DeployChannelAdjudicator(env.Net.Transactor(ctx, env.Deployer), env.Net.Client)
	if err != nil {
		return nil, fmt.Errorf("deploy ChannelAdjudicator: %w", err)
	}
	if _, err := env.Net.WaitDeployed(ctx, tx); err != nil {
		return nil, fmt.Errorf("deploy ChannelAdjudicator: %w", err)
	}
	d.adj = addr
	say(env.Progress, "  ChannelAdjudicator deployed at %s\n", addr.Hex())
	return channel.Factory(addr), nil
}

// Play plays the channel scenario.
func (d *ChannelDemo) Play(ctx context.Context, env Env, tw Tower, n int) (Summary, error) {
	say(env.Progress, "playing the channel scenario with %d channels:\n", n)
	return (&Channels{Net: env.Net, Adjudicator: d.adj, Tower: tw.API, TowerAddrs: tw.Signers, Parties: env.Keys,
		Count: n, Window: env.Window, Progress: env.Progress, Seed: env.Seed}).Run(ctx)
}

// Walkthrough opens a fresh channel for the README's delegation walkthrough.
func (d *ChannelDemo) Walkthrough(ctx context.Context, env Env, tw Tower) (string, error) {
	return writeDevExample(ctx, env.Net, d.adj, tw.APIURL, tw.Identity)
}

// Close has nothing to release.
func (d *ChannelDemo) Close() {}
