package l2

import (
	"context"
	"fmt"
	"math/big"
	"regexp"
	"slices"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/alerts"
	"github.com/watchtower-l2/watchtower/watcher/bus"
	"github.com/watchtower-l2/watchtower/watcher/store"
)

// L1 is what a kind reads from the L1 node: its contracts' views and
// headers. Both *ethclient.Client and the simulated backend's client
// implement it.
type L1 interface {
	bind.ContractCaller
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
}

// Deps is what the tower hands a kind's factory.
type Deps struct {
	ChainID *big.Int
	L1      L1
	// Bus is the NATS connection (nil where the process has none).
	Bus    *bus.Bus
	Store  store.Store
	Queue  Enqueuer
	Alerts alerts.Sink
	Log    *zap.Logger
}

// Problem is one wrong key of a kind's configuration section; Key is
// relative to the section ("contract", not "plasma.contract").
type Problem struct {
	Key string
	Msg string
}

// Config is a kind's configuration section: a pointer to a struct whose
// fields carry `yaml` and `help` tags (and optionally `example` and
// `file:"secret"`/`file:"cert"`), like the rest of the configuration. The
// configuration package decodes it from the file, flags and environment
// variables, and writes it into `config example`.
type Config interface {
	// Enabled reports whether the section names something to guard (a
	// contract address); a disabled kind is not built.
	Enabled() bool
	// Problems lists what is wrong in an enabled section.
	Problems() []Problem
	// Contracts lists the L1 contracts an enabled, valid section names.
	Contracts() []Contract
}

// Factory builds a kind from the tower's dependencies.
type Factory func(ctx context.Context, d Deps) (Kind, error)

// Plugin registers one kind: its name (the config section and the event
// subject token), its configuration and its factory.
type Plugin struct {
	// Name is the kind's name: its config section and its subject token.
	Name string
	// Doc introduces the config section in `config example`.
	Doc string
	// NewConfig returns a fresh section holding the kind's defaults.
	NewConfig func() Config
	// New builds the kind from its section (one NewConfig returned, filled
	// in and without Problems).
	New func(ctx context.Context, cfg Config, d Deps) (Kind, error)
	// Deployer deploys the kind's reference contracts (nil: the kind
	// guards contracts deployed by others).
	Deployer *Deployer
}

// Bind returns the factory of p for one section.
func (p Plugin) Bind(cfg Config) Factory {
	return func(ctx context.Context, d Deps) (Kind, error) {
		k, err := p.New(ctx, cfg, d)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p.Name, err)
		}
		return k, nil
	}
}

// Plugins is the list of kinds a binary knows, in the order they appear in
// the configuration.
type Plugins []Plugin

var nameRE = regexp.MustCompile(`^[a-z][a-z0-9]{0,30}$`)

// Check refuses duplicate or malformed names and plug-ins without a
// configuration or factory.
func (ps Plugins) Check() error {
	seen := map[string]bool{}
	for _, p := range ps {
		switch {
		case !nameRE.MatchString(p.Name):
			return fmt.Errorf("l2: kind name %q: want a lower-case word (a-z, 0-9)", p.Name)
		case seen[p.Name]:
			return fmt.Errorf("l2: kind %q registered twice", p.Name)
		case p.NewConfig == nil || p.New == nil:
			return fmt.Errorf("l2: kind %q needs NewConfig and New", p.Name)
		}
		seen[p.Name] = true
	}
	return nil
}

// Lookup returns the plug-in named name.
func (ps Plugins) Lookup(name string) (Plugin, bool) {
	i := slices.IndexFunc(ps, func(p Plugin) bool { return p.Name == name })
	if i < 0 {
		return Plugin{}, false
	}
	return ps[i], true
}

// Names lists the kinds' names in order.
func (ps Plugins) Names() []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Name
	}
	return out
}

// Contract is one L1 contract a kind's section names, with a view call
// that proves it is what the section says (the preflight calls it).
type Contract struct {
	// Key is the section key naming it ("adjudicator").
	Key string
	// Name is the contract's name in messages ("ChannelAdjudicator").
	Name    string
	Address common.Address
	// Probe calls one of its views through c. A problem it finds beyond a
	// failed call (a sidechain not registered on the manager) comes back as
	// problem.
	Probe func(opts *bind.CallOpts, c bind.ContractCaller) (problem *Problem, err error)
}
