package channel

import (
	"context"
	"errors"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/watchtower-l2/watchtower/deployments/contracts/bindings"
	"github.com/watchtower-l2/watchtower/watcher/l2"
)

// Settings is the channel section of the configuration.
type Settings struct {
	Adjudicator string `yaml:"adjudicator" help:"ChannelAdjudicator contract address (empty: state channels are not guarded)" example:"0x5FbDB2315678afecb367f032d93F642f64180aa3"`
}

// Enabled reports whether an adjudicator is set.
func (s *Settings) Enabled() bool { return s.Adjudicator != "" }

// Problems checks the adjudicator address.
func (s *Settings) Problems() []l2.Problem { return l2.AddressProblems("adjudicator", s.Adjudicator) }

// Plugin registers the state-channel kind.
func Plugin() l2.Plugin {
	return l2.Plugin{
		Name:      KindName,
		Doc:       "State channels: a close with a stale state is answered with the latest co-signed state users delegated.",
		Deployer:  deployer(),
		NewConfig: func() l2.Config { return &Settings{} },
		New: func(_ context.Context, cfg l2.Config, d l2.Deps) (l2.Kind, error) {
			s, ok := cfg.(*Settings)
			if !ok {
				return nil, errors.New("channel: settings of another kind")
			}
			addr := l2.Address(s.Adjudicator)
			chain, err := NewChain(d.L1, addr)
			if err != nil {
				return nil, err
			}
			return New(Config{ChainID: d.ChainID, Adjudicator: addr}, d.Store, chain, d.Queue, d.Log)
		},
	}
}

// Contracts names the adjudicator; its domain separator proves it is one.
func (s *Settings) Contracts() []l2.Contract {
	return []l2.Contract{{Key: "adjudicator", Name: "ChannelAdjudicator", Address: l2.Address(s.Adjudicator),
		Probe: func(o *bind.CallOpts, c bind.ContractCaller) (*l2.Problem, error) {
			adj, err := bindings.NewChannelAdjudicatorCaller(l2.Address(s.Adjudicator), c)
			if err == nil {
				_, err = adj.DomainSeparator(o)
			}
			return nil, err
		}}}
}

// Factory returns the factory of the kind guarding adjudicator (for a
// tower assembled in code; the configuration file goes through Plugin).
func Factory(adjudicator common.Address) l2.Factory {
	return Plugin().Bind(&Settings{Adjudicator: adjudicator.Hex()})
}
