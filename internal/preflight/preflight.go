// Package preflight checks, before a tower reports ready, that its
// configuration fits the world it runs in: the offline rules of the config
// package (values and secret file modes) and, given connections, the L1 chain
// id, a contract with working views at every configured address and a NATS
// server recent enough for the tower's JetStream consumers. `watchtower run`
// and `watchtower config check --online` apply the same rules.
package preflight

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/nats-io/nats.go"

	"github.com/watchtower-l2/watchtower/internal/config"
	"github.com/watchtower-l2/watchtower/watcher/l2"
)

// MinNATSVersion is the oldest nats-server the tower runs on: its consumers
// filter on several subjects, which JetStream supports from 2.10.
const MinNATSVersion = "2.10.0"

// DefaultCallTimeout bounds each L1 call of the checks when Deps sets none.
const DefaultCallTimeout = 10 * time.Second

// L1 is what the checks need of an L1 client (*ethclient.Client has it).
type L1 interface {
	bind.ContractCaller
	ChainID(ctx context.Context) (*big.Int, error)
}

// Deps are the connections the online checks use; a nil one skips its checks.
type Deps struct {
	L1   L1
	NATS *nats.Conn
	// CallTimeout bounds each call (0: DefaultCallTimeout).
	CallTimeout time.Duration
}

// Check lists every problem of cfg: the offline rules, then the online ones
// for the connections deps holds. An empty result means the tower may start.
func Check(ctx context.Context, cfg config.Config, deps Deps) config.Problems {
	ps := Offline(cfg)
	return append(ps, Online(ctx, cfg, deps)...)
}

// Offline lists the problems found without any connection: wrong values
// (config.Problems, which also requires an identity key wherever the api
// role runs) and missing or world-readable secret files (config.CheckFiles).
func Offline(cfg config.Config) config.Problems {
	ps := cfg.Problems()
	return append(ps, cfg.CheckFiles()...)
}

// Online lists the problems found through the connections of deps: the L1
// chain id, the contracts at the configured addresses, the NATS server.
func Online(ctx context.Context, cfg config.Config, deps Deps) config.Problems {
	if deps.CallTimeout <= 0 {
		deps.CallTimeout = DefaultCallTimeout
	}
	var ps config.Problems
	if deps.L1 != nil {
		ps = append(ps, checkL1(ctx, cfg, deps)...)
	}
	if deps.NATS != nil {
		if p, ok := checkNATS(deps.NATS); !ok {
			ps = append(ps, p)
		}
	}
	return ps
}

// checkL1 checks the chain id, then each configured contract.
func checkL1(ctx context.Context, cfg config.Config, deps Deps) config.Problems {
	cctx, cancel := context.WithTimeout(ctx, deps.CallTimeout)
	id, err := deps.L1.ChainID(cctx)
	cancel()
	if err != nil {
		msg := "the L1 endpoints (l1.rpc_url, l1.rpc_urls) do not answer eth_chainId in agreement"
		if urls := cfg.L1.URLs(); len(urls) == 1 {
			msg = urls[0] + " does not answer eth_chainId"
		}
		return config.Problems{{Path: "l1.rpc_url", Msg: fmt.Sprintf("%s: %v", msg, oneLine(err))}}
	}
	if cfg.L1.ChainID != 0 && id.Uint64() != cfg.L1.ChainID {
		return config.Problems{{Path: "l1.chain_id", Msg: fmt.Sprintf("configured %d but l1.rpc_url is chain %s", cfg.L1.ChainID, id)}}
	}
	var ps config.Problems
	for _, c := range contracts(cfg) {
		cctx, cancel := context.WithTimeout(ctx, deps.CallTimeout)
		p, ok := checkContract(cctx, deps.L1, id, c)
		cancel()
		if !ok {
			ps = append(ps, p)
		}
	}
	return ps
}

// contract is one configured contract with its full key path.
type contract struct {
	path string
	l2.Contract
}

// contracts lists the contracts of every enabled kind whose section is valid.
func contracts(cfg config.Config) []contract {
	var out []contract
	for _, k := range cfg.Kinds.Enabled() {
		if len(k.Value.Problems()) > 0 {
			continue // reported offline
		}
		for _, c := range k.Value.Contracts() {
			out = append(out, contract{path: k.Plugin.Name + "." + c.Key, Contract: c})
		}
	}
	return out
}

// checkContract reports whether code is at c's address and its view answers.
func checkContract(ctx context.Context, l1 bind.ContractCaller, chainID *big.Int, c contract) (config.Problem, bool) {
	a := c.Address
	code, err := l1.CodeAt(ctx, a, nil)
	if err != nil {
		return config.Problem{Path: c.path, Msg: fmt.Sprintf("reading the code at %s: %v", a.Hex(), oneLine(err))}, false
	}
	if len(code) == 0 {
		return config.Problem{Path: c.path, Msg: fmt.Sprintf("no contract code at %s on chain %s: deploy the %s ('watchtower contracts deploy') or fix the address", a.Hex(), chainID, c.Name)}, false
	}
	p, err := c.Probe(&bind.CallOpts{Context: ctx}, l1)
	if err != nil {
		return config.Problem{Path: c.path, Msg: fmt.Sprintf("the contract at %s does not answer as a %s: %v", a.Hex(), c.Name, oneLine(err))}, false
	}
	if p != nil {
		prefix, _, _ := strings.Cut(c.path, ".")
		return config.Problem{Path: prefix + "." + p.Key, Msg: p.Msg}, false
	}
	return config.Problem{}, true
}

// checkNATS checks the connected server's version and that JetStream is on.
func checkNATS(nc *nats.Conn) (config.Problem, bool) {
	v := nc.ConnectedServerVersion()
	if err := CheckNATSVersion(v); err != nil {
		return config.Problem{Path: "nats.url", Msg: err.Error()}, false
	}
	if js, _ := nc.ConnectedServerJetStream(); !js {
		return config.Problem{Path: "nats.url", Msg: fmt.Sprintf("nats-server %s runs without JetStream: start it with -js (or a jetstream block in its configuration)", v)}, false
	}
	return config.Problem{}, true
}

// CheckNATSVersion fails when version (as a server reports it, e.g. 2.9.10 or
// 2.11.0-RC.1) is older than MinNATSVersion or cannot be read.
func CheckNATSVersion(version string) error {
	got, err := parseVersion(version)
	if err != nil {
		return fmt.Errorf("nats-server reports version %q, which is not x.y.z: the tower needs JetStream from nats-server %s or newer", version, MinNATSVersion)
	}
	want, _ := parseVersion(MinNATSVersion)
	for i := range got {
		if got[i] != want[i] {
			if got[i] < want[i] {
				return fmt.Errorf("nats-server %s is too old: the tower needs JetStream from nats-server 2.10 or newer", version)
			}
			return nil
		}
	}
	return nil
}

// parseVersion reads major.minor.patch, ignoring a pre-release or build suffix.
func parseVersion(s string) ([3]int, error) {
	var out [3]int
	s = strings.TrimPrefix(strings.TrimSpace(s), "v")
	if i := strings.IndexAny(s, "-+"); i >= 0 {
		s = s[:i]
	}
	parts := strings.Split(s, ".")
	if len(parts) != 3 {
		return out, errors.New("want major.minor.patch")
	}
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 {
			return out, fmt.Errorf("bad version part %q", p)
		}
		out[i] = n
	}
	return out, nil
}

// oneLine keeps an error on one line.
func oneLine(err error) string {
	return strings.Join(strings.Fields(err.Error()), " ")
}
