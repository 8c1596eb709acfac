package raiden

import (
	"context"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	raidenbindings "github.com/watchtower-l2/watchtower/deployments/contracts/bindings/raiden"
	"github.com/watchtower-l2/watchtower/watcher/l2"
)

// DeployParams are a TokenNetwork's constructor arguments. Without a token,
// a test token (Raiden's CustomToken) is deployed for it; without a secret
// registry, one is deployed.
type DeployParams struct {
	Token            string `flag:"token" help:"ERC-20 token of the network (default: deploy Raiden's test CustomToken)"`
	SecretRegistry   string `flag:"secret-registry" help:"Raiden SecretRegistry (default: deploy one)"`
	SettleTimeout    uint64 `flag:"settle-timeout" help:"settle timeout of its channels, in seconds"`
	ParticipantLimit string `flag:"participant-limit" help:"deposit limit per channel participant, in token units"`
	NetworkLimit     string `flag:"network-limit" help:"deposit limit of the whole network, in token units"`
}

func (p *DeployParams) check() error {
	for flag, a := range map[string]string{"--raiden-token": p.Token, "--raiden-secret-registry": p.SecretRegistry} {
		if a != "" && !common.IsHexAddress(a) {
			return fmt.Errorf("%s: %q is not an address", flag, a)
		}
	}
	for flag, n := range map[string]string{"--raiden-participant-limit": p.ParticipantLimit, "--raiden-network-limit": p.NetworkLimit} {
		if v, ok := new(big.Int).SetString(n, 10); !ok || v.Sign() <= 0 {
			return fmt.Errorf("%s: want a positive whole number, got %q", flag, n)
		}
	}
	if p.SettleTimeout == 0 {
		return errors.New("--raiden-settle-timeout: must be at least 1 second")
	}
	return nil
}

// deployer deploys a TokenNetwork (with a test token and a secret registry
// unless given), the deployer as its controller.
func deployer() *l2.Deployer {
	return &l2.Deployer{
		Params: func() any {
			return &DeployParams{SettleTimeout: 500, ParticipantLimit: "1000000000000000000000", NetworkLimit: "100000000000000000000000000"}
		},
		Check:  func(p any) error { return p.(*DeployParams).check() },
		Deploy: deploy,
	}
}

func deploy(ctx context.Context, d l2.Deployment, params any) ([]l2.Deployed, string, error) {
	p := params.(*DeployParams)
	participant, _ := new(big.Int).SetString(p.ParticipantLimit, 10)
	network, _ := new(big.Int).SetString(p.NetworkLimit, 10)
	var out []l2.Deployed
	// create deploys one contract and records it.
	create := func(name string, send func(*bind.TransactOpts) (*types.Transaction, error)) (common.Address, error) {
		c, err := d.Create(ctx, KindName, name, send)
		if err != nil {
			return common.Address{}, err
		}
		out = append(out, c)
		return common.HexToAddress(c.Address), nil
	}
	token, registry := common.HexToAddress(p.Token), common.HexToAddress(p.SecretRegistry)
	var err error
	if p.Token == "" {
		if token, err = create("CustomToken", func(o *bind.TransactOpts) (*types.Transaction, error) {
			_, tx, _, err := raidenbindings.DeployCustomToken(o, d.Backend, network, 18, "Watchtower Test Token", "WTT")
			return tx, err
		}); err != nil {
			return nil, "", err
		}
	}
	if p.SecretRegistry == "" {
		if registry, err = create("SecretRegistry", func(o *bind.TransactOpts) (*types.Transaction, error) {
			_, tx, _, err := raidenbindings.DeploySecretRegistry(o, d.Backend)
			return tx, err
		}); err != nil {
			return nil, "", err
		}
	}
	fmt.Fprintf(d.Progress, "  TokenNetwork token %s, secret registry %s, settle timeout %ds, controller %s\n",
		token.Hex(), registry.Hex(), p.SettleTimeout, d.From.Hex())
	tn, err := create("TokenNetwork", func(o *bind.TransactOpts) (*types.Transaction, error) {
		_, tx, _, err := raidenbindings.DeployTokenNetwork(o, d.Backend, token, registry, new(big.Int).SetUint64(p.SettleTimeout), d.From, participant, network)
		return tx, err
	})
	if err != nil {
		return nil, "", err
	}
	return out, fmt.Sprintf("raiden:\n  token_network: %q\n", tn.Hex()), nil
}
