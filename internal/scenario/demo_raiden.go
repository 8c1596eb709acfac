package scenario

import (
	"context"

	"github.com/watchtower-l2/watchtower/watcher/l2"
	"github.com/watchtower-l2/watchtower/watcher/l2/raiden"
)

// RaidenDemo is the Raiden kind's demo: channels of Raiden's own
// TokenNetwork, partners closing without their latest balance proof after
// the user delegated it.
type RaidenDemo struct {
	chain *RaidenChain
}

// Kind names the kind.
func (d *RaidenDemo) Kind() string { return raiden.KindName }

// Count is --raiden-channels.
func (d *RaidenDemo) Count() Count {
	return Count{Flag: "raiden-channels", Default: 10, Min: 1, Max: 2000, Usage: "Raiden channels in the Raiden scenario (0: skip it)"}
}

// Accounts is a user and a partner per channel.
func (d *RaidenDemo) Accounts(n int) int { return 2 * n }

// Deploy deploys a test token, a SecretRegistry and a TokenNetwork whose
// settle timeout is the demo's window (a devnet block is at least a second).
func (d *RaidenDemo) Deploy(ctx context.Context, env Env, _ int) (l2.Factory, error) {
	rc, err := DeployRaidenTimeout(ctx, env.Net, env.Deployer, env.Window)
	if err != nil {
		return nil, err
	}
	d.chain = rc
	say(env.Progress, "  Raiden TokenNetwork deployed at %s (settle timeout %ds)\n", rc.TokenNetwork.Hex(), env.Window)
	return raiden.Factory(raiden.Config{TokenNetwork: rc.TokenNetwork}), nil
}

// Play plays the Raiden scenario through the delegation API.
func (d *RaidenDemo) Play(ctx context.Context, env Env, tw Tower, n int) (Summary, error) {
	say(env.Progress, "playing the Raiden scenario with %d channels:\n", n)
	return (&Raiden{Net: env.Net, Chain: d.chain, Tower: tw.API, Parties: env.Keys, Count: n,
		Progress: env.Progress, Seed: int64(env.Seed)}).Run(ctx)
}

// Close has nothing to release.
func (d *RaidenDemo) Close() {}
