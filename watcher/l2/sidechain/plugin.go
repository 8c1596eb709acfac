package sidechain

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/watchtower-l2/watchtower/deployments/contracts/bindings"
	"github.com/watchtower-l2/watchtower/watcher/l2"
)

// Settings is the sidechain section of the configuration.
type Settings struct {
	Manager         string        `yaml:"manager" help:"CheckpointManager contract address (empty: no sidechain is watched)" sample:"0x5FbDB2315678afecb367f032d93F642f64180aa3"`
	ID              uint64        `yaml:"id" help:"the sidechain id registered on the manager" sample:"7"`
	RPCURL          string        `yaml:"rpc_url" help:"the sidechain's JSON-RPC endpoint" sample:"http://sidechain.example:8545"`
	AttestationsURL string        `yaml:"attestations_url" help:"base URL of the validators' attestation feed" sample:"http://validators.example"`
	L1BlockTime     time.Duration `yaml:"l1_block_time" help:"the L1 block time, to turn blocks left into time left in alerts"`
}

// Enabled reports whether a CheckpointManager is set.
func (s *Settings) Enabled() bool { return s.Manager != "" }

// Problems checks the manager address and the sidechain's sources.
func (s *Settings) Problems() []l2.Problem {
	ps := l2.AddressProblems("manager", s.Manager)
	if s.ID == 0 {
		ps = append(ps, l2.Problem{Key: "id", Msg: "required with sidechain.manager"})
	}
	if s.RPCURL == "" {
		ps = append(ps, l2.Problem{Key: "rpc_url", Msg: "required with sidechain.manager"})
	}
	if s.AttestationsURL == "" {
		ps = append(ps, l2.Problem{Key: "attestations_url", Msg: "required with sidechain.manager"})
	}
	if s.L1BlockTime <= 0 {
		ps = append(ps, l2.Problem{Key: "l1_block_time", Msg: "must be positive, got " + s.L1BlockTime.String()})
	}
	return ps
}

// Plugin registers the sidechain checkpoint kind.
func Plugin() l2.Plugin {
	return l2.Plugin{
		Name:      KindName,
		Doc:       "Sidechain checkpoints: a checkpoint that does not match the sidechain's blocks is challenged with a proof the manager verifies.",
		Deployer:  deployer(),
		NewConfig: func() l2.Config { return &Settings{L1BlockTime: 12 * time.Second} },
		New: func(_ context.Context, cfg l2.Config, d l2.Deps) (l2.Kind, error) {
			s, ok := cfg.(*Settings)
			if !ok {
				return nil, errors.New("settings of another kind")
			}
			return New(Config{
				Manager:     l2.Address(s.Manager),
				Sidechains:  []Source{{SidechainID: s.ID, RPCURL: s.RPCURL, AttestationsURL: s.AttestationsURL}},
				L1BlockTime: s.L1BlockTime,
			}, d.ChainID, d.Store, d.L1, d.Queue, d.Alerts, d.Log)
		},
	}
}

// Contracts names the CheckpointManager; it must know the sidechain id.
func (s *Settings) Contracts() []l2.Contract {
	a := l2.Address(s.Manager)
	return []l2.Contract{{Key: "manager", Name: "CheckpointManager", Address: a,
		Probe: func(o *bind.CallOpts, c bind.ContractCaller) (*l2.Problem, error) {
			cm, err := bindings.NewCheckpointManagerCaller(a, c)
			if err != nil {
				return nil, err
			}
			sc, err := cm.GetSidechain(o, new(big.Int).SetUint64(s.ID))
			if err != nil {
				return nil, err
			}
			if sc.Threshold == 0 {
				return &l2.Problem{Key: "id", Msg: fmt.Sprintf("sidechain %d is not registered on the CheckpointManager at %s (its owner registers it with registerSidechain)", s.ID, a.Hex())}, nil
			}
			return nil, nil
		}}}
}
