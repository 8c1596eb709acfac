package plasma

import (
	"context"
	"errors"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/watchtower-l2/watchtower/deployments/contracts/bindings"
	"github.com/watchtower-l2/watchtower/watcher/l2"
)

// Settings is the plasma section of the configuration.
type Settings struct {
	Contract        string        `yaml:"contract" help:"PlasmaFramework contract address (empty: Plasma is not watched)" sample:"0x5FbDB2315678afecb367f032d93F642f64180aa3"`
	FeedURL         string        `yaml:"feed_url" help:"the operator's HTTP block feed (block n at FEED_URL/blocks/n)" sample:"http://operator.example"`
	FeedSubject     string        `yaml:"feed_subject" help:"NATS subject the operator publishes block bodies on (empty: HTTP only)"`
	WithholdTimeout time.Duration `yaml:"withhold_timeout" help:"how long a submitted root may lack its published body before users are told to exit"`
}

// Enabled reports whether a PlasmaFramework is set.
func (s *Settings) Enabled() bool { return s.Contract != "" }

// Problems checks the contract address and that bodies have a source.
func (s *Settings) Problems() []l2.Problem {
	ps := l2.AddressProblems("contract", s.Contract)
	if s.FeedURL == "" && s.FeedSubject == "" {
		ps = append(ps, l2.Problem{Key: "feed_url", Msg: "required with plasma.contract (or plasma.feed_subject): where the operator publishes block bodies"})
	}
	if s.WithholdTimeout <= 0 {
		ps = append(ps, l2.Problem{Key: "withhold_timeout", Msg: "must be positive, got " + s.WithholdTimeout.String()})
	}
	return ps
}

// Plugin registers the Plasma kind.
func Plugin() l2.Plugin {
	return l2.Plugin{
		Name:      KindName,
		Doc:       "Plasma: exits of outputs already spent on the child chain are challenged with the spending transaction; withheld blocks are reported.",
		Deployer:  deployer(),
		NewConfig: func() l2.Config { return &Settings{WithholdTimeout: 30 * time.Second} },
		New: func(_ context.Context, cfg l2.Config, d l2.Deps) (l2.Kind, error) {
			s, ok := cfg.(*Settings)
			if !ok {
				return nil, errors.New("settings of another kind")
			}
			return New(Config{Contract: l2.Address(s.Contract), FeedURL: s.FeedURL, FeedSubject: s.FeedSubject,
				WithholdTimeout: s.WithholdTimeout}, d)
		},
	}
}

// Contracts names the PlasmaFramework; its operator view proves it is one.
func (s *Settings) Contracts() []l2.Contract {
	return []l2.Contract{{Key: "contract", Name: "PlasmaFramework", Address: l2.Address(s.Contract),
		Probe: func(o *bind.CallOpts, c bind.ContractCaller) (*l2.Problem, error) {
			pf, err := bindings.NewPlasmaFrameworkCaller(l2.Address(s.Contract), c)
			if err == nil {
				_, err = pf.Operator(o)
			}
			return nil, err
		}}}
}
