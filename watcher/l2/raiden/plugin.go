package raiden

import (
	"context"
	"errors"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"

	raidenbindings "github.com/watchtower-l2/watchtower/deployments/contracts/bindings/raiden"
	"github.com/watchtower-l2/watchtower/watcher/l2"
)

// Settings is the raiden section of the configuration.
type Settings struct {
	TokenNetwork string `yaml:"token_network" help:"Raiden TokenNetwork contract address (empty: Raiden channels are not guarded)" sample:"0x5FbDB2315678afecb367f032d93F642f64180aa3"`
}

// Enabled reports whether a token network is set.
func (s *Settings) Enabled() bool { return s.TokenNetwork != "" }

// Problems checks the token network address.
func (s *Settings) Problems() []l2.Problem {
	return l2.AddressProblems("token_network", s.TokenNetwork)
}

// Contracts names the token network; its settle_timeout() view proves it is one.
func (s *Settings) Contracts() []l2.Contract {
	return []l2.Contract{{Key: "token_network", Name: "TokenNetwork", Address: l2.Address(s.TokenNetwork),
		Probe: func(o *bind.CallOpts, c bind.ContractCaller) (*l2.Problem, error) {
			tn, err := raidenbindings.NewTokenNetworkCaller(l2.Address(s.TokenNetwork), c)
			if err == nil {
				_, err = tn.SettleTimeout(o)
			}
			return nil, err
		}}}
}

// Plugin registers the Raiden kind.
func Plugin() l2.Plugin {
	return l2.Plugin{
		Name: KindName,
		Doc: "Raiden Network channels: when a partner closes a channel, the tower submits the partner's latest " +
			"balance proof that the user delegated (updateNonClosingBalanceProof).",
		Deployer:  deployer(),
		NewConfig: func() l2.Config { return &Settings{} },
		New: func(_ context.Context, cfg l2.Config, d l2.Deps) (l2.Kind, error) {
			s, ok := cfg.(*Settings)
			if !ok {
				return nil, errors.New("raiden: settings of another kind")
			}
			return New(Config{ChainID: d.ChainID, TokenNetwork: l2.Address(s.TokenNetwork)}, d)
		},
	}
}

// Factory returns the factory of the kind guarding cfg's token network (for
// a tower assembled in code; the configuration file goes through Plugin).
// cfg.ChainID is ignored: the tower's chain id is used.
func Factory(cfg Config) l2.Factory {
	return Plugin().Bind(&Settings{TokenNetwork: cfg.TokenNetwork.Hex()})
}

// Config configures the kind.
type Config struct {
	// ChainID is the L1 chain id, part of every signed balance proof.
	ChainID *big.Int
	// TokenNetwork is the guarded TokenNetwork contract.
	TokenNetwork common.Address
}

func (c Config) check() error {
	switch {
	case c.ChainID == nil || c.ChainID.Sign() <= 0:
		return errors.New("raiden: chain id is required")
	case c.TokenNetwork == (common.Address{}):
		return errors.New("raiden: token network address is required")
	}
	return nil
}
