package plasma

import (
	"context"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/watchtower-l2/watchtower/deployments/contracts/bindings"
	"github.com/watchtower-l2/watchtower/watcher/l2"
)

// DeployParams are the PlasmaFramework's constructor arguments.
type DeployParams struct {
	Operator   string `flag:"operator" help:"PlasmaFramework operator address (default: the deployer)"`
	ExitPeriod uint64 `flag:"exit-period" help:"PlasmaFramework exit period, in L1 blocks (50400: about 7 days)"`
	ExitBond   string `flag:"exit-bond" help:"PlasmaFramework exit bond, in wei"`
}

func (p *DeployParams) check() error {
	if p.Operator != "" && !common.IsHexAddress(p.Operator) {
		return fmt.Errorf("--plasma-operator: %q is not an address", p.Operator)
	}
	if b, ok := new(big.Int).SetString(p.ExitBond, 10); !ok || b.Sign() < 0 {
		return fmt.Errorf("--plasma-exit-bond: want a whole number of wei, got %q", p.ExitBond)
	}
	if p.ExitPeriod == 0 {
		return errors.New("--plasma-exit-period: must be at least 1 block")
	}
	return nil
}

// deployer deploys a PlasmaFramework.
func deployer() *l2.Deployer {
	return &l2.Deployer{
		Params: func() any { return &DeployParams{ExitPeriod: 50400, ExitBond: "10000000000000000"} },
		Check:  func(p any) error { return p.(*DeployParams).check() },
		Deploy: func(ctx context.Context, d l2.Deployment, params any) ([]l2.Deployed, string, error) {
			p := params.(*DeployParams)
			op := d.From
			if p.Operator != "" {
				op = common.HexToAddress(p.Operator)
			}
			bond, _ := new(big.Int).SetString(p.ExitBond, 10)
			fmt.Fprintf(d.Progress, "  PlasmaFramework operator %s, exit period %d blocks, exit bond %s wei\n", op.Hex(), p.ExitPeriod, bond)
			c, err := d.Create(ctx, KindName, "PlasmaFramework", func(o *bind.TransactOpts) (*types.Transaction, error) {
				_, tx, _, err := bindings.DeployPlasmaFramework(o, d.Backend, op, p.ExitPeriod, bond)
				return tx, err
			})
			if err != nil {
				return nil, "", err
			}
			return []l2.Deployed{c}, fmt.Sprintf("plasma:\n  contract: %q\n  feed_url: https://OPERATOR-FEED.example  # the operator's block feed (FEED_URL/blocks/n)\n", c.Address), nil
		},
	}
}
