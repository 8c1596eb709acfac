package chaos

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/watchtower-l2/watchtower/internal/anvil"
	"github.com/watchtower-l2/watchtower/watcher/l2"
)

const cliTimeout = 3 * time.Minute

// Tower is one `watchtower run` process with every role.
type Tower struct {
	Proc    *Proc
	APIURL  string
	Metrics string
	// Signer is the account its challenges come from.
	Signer common.Address
}

// towerSetup is what every tower's config shares.
type towerSetup struct {
	bin, dir    string
	l1, nats    string
	replicas    int
	redis       string
	adjudicator common.Address
	startBlock  uint64
	leaseTTL    time.Duration
	minReplicas int
	eventsKey   string
	eventsPub   string
	identity    string
	// plasma and feedURL guard a PlasmaFramework too (zero: channels only).
	plasma  common.Address
	feedURL string
}

// runCLI runs the watchtower binary to completion and returns its stdout.
func runCLI(ctx context.Context, bin string, args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, cliTimeout)
	defer cancel()
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.SysProcAttr = sysProcAttr()
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("chaos: watchtower %s: %w\n%s%s", strings.Join(args, " "), err, stdout.String(), stderr.String())
	}
	return stdout.String(), nil
}

// writeSecret writes body to dir/name with mode 0600, as the tower requires.
func writeSecret(dir, name, body string) (string, error) {
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(body+"\n"), 0o600); err != nil {
		return "", fmt.Errorf("chaos: write %s: %w", p, err)
	}
	return p, nil
}

// devKey returns anvil's i-th funded account key.
func devKey(i int) (*ecdsa.PrivateKey, error) {
	if i >= len(anvil.DevKeys) {
		return nil, fmt.Errorf("chaos: anvil has %d funded accounts, account %d asked for", len(anvil.DevKeys), i)
	}
	k, err := crypto.HexToECDSA(anvil.DevKeys[i])
	if err != nil {
		return nil, fmt.Errorf("chaos: dev key %d: %w", i, err)
	}
	return k, nil
}

// deployChannel deploys the ChannelAdjudicator with `watchtower contracts
// deploy` from anvil's first account and returns its address and block.
func deployChannel(ctx context.Context, bin, dir, rpcURL string) (common.Address, uint64, error) {
	return deployKind(ctx, bin, dir, rpcURL, "channel")
}

// deployKind deploys a kind's contract with `watchtower contracts deploy
// --kind kind` (and the extra flags) from anvil's first account and returns
// its address and block.
func deployKind(ctx context.Context, bin, dir, rpcURL, kind string, extra ...string) (common.Address, uint64, error) {
	k, err := devKey(0)
	if err != nil {
		return common.Address{}, 0, err
	}
	keyFile, err := writeSecret(dir, "deployer.key", hex.EncodeToString(crypto.FromECDSA(k)))
	if err != nil {
		return common.Address{}, 0, err
	}
	args := append([]string{"contracts", "deploy", "--rpc-url", rpcURL, "--key-file", keyFile, "--kind", kind, "--json"}, extra...)
	out, err := runCLI(ctx, bin, args...)
	if err != nil {
		return common.Address{}, 0, err
	}
	var res struct {
		Contracts []l2.Deployed `json:"contracts"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		return common.Address{}, 0, fmt.Errorf("chaos: contracts deploy --json: %w\n%s", err, out)
	}
	for _, c := range res.Contracts {
		if c.Kind == kind && common.IsHexAddress(c.Address) {
			return common.HexToAddress(c.Address), c.Block, nil
		}
	}
	return common.Address{}, 0, fmt.Errorf("chaos: contracts deploy printed no %s contract:\n%s", kind, out)
}

// keys creates the events sealing key and the API identity key every tower shares.
func (s *towerSetup) keys(ctx context.Context) error {
	s.eventsKey = filepath.Join(s.dir, "events.key")
	out, err := runCLI(ctx, s.bin, "keys", "events", "--out", s.eventsKey)
	if err != nil {
		return err
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	s.eventsPub = strings.TrimSpace(lines[len(lines)-1])
	id, err := crypto.GenerateKey()
	if err != nil {
		return fmt.Errorf("chaos: identity key: %w", err)
	}
	s.identity, err = writeSecret(s.dir, "identity.key", hex.EncodeToString(crypto.FromECDSA(id)))
	return err
}

// config writes tower i's config: every role, its own signer (anvil account
// i+1), data dir, API and metrics ports; the rest shared.
func (s *towerSetup) config(i int, apiPort, metricsPort int) (string, common.Address, error) {
	k, err := devKey(i + 1)
	if err != nil {
		return "", common.Address{}, err
	}
	name := fmt.Sprintf("tower-%d", i+1)
	signer, err := writeSecret(s.dir, name+"-signer.key", "0x"+hex.EncodeToString(crypto.FromECDSA(k)))
	if err != nil {
		return "", common.Address{}, err
	}
	lease, replicas := "", ""
	if s.leaseTTL > 0 {
		lease = fmt.Sprintf("\n  lease_ttl: %s", s.leaseTTL)
	}
	if s.minReplicas > 0 {
		replicas = fmt.Sprintf("\n  redis_min_replicas: %d", s.minReplicas)
	}
	yaml := fmt.Sprintf(`data_dir: %s
roles: [ingest, verify, challenge, api]
owner: %s
l1:
  rpc_url: %s
  chain_id: %d
  confirmations: 1
  start_block: %d
  poll_interval: 200ms
nats:
  url: %q
  replicas: %d
store:
  redis_url: %q%s
channel:
  adjudicator: %s
%sevents:
  signing_key_file: %s
  trusted_keys: [%q]
signer:
  key_file: %s
api:
  listen: 127.0.0.1:%d
  identity_key_file: %s
  per_ip_rate: 0
  per_user_rate: 0
  new_users_per_minute: 0
challenge:
  poll: 200ms%s
metrics:
  listen: 127.0.0.1:%d
log:
  level: info
`, filepath.Join(s.dir, name+"-data"), name, s.l1, anvil.ChainID, s.startBlock, s.nats, s.replicas, s.redis, replicas,
		s.adjudicator.Hex(), s.plasmaYAML(), s.eventsKey, s.eventsPub, signer, apiPort, s.identity, lease, metricsPort)
	p := filepath.Join(s.dir, name+".yaml")
	if err := os.WriteFile(p, []byte(yaml), 0o600); err != nil {
		return "", common.Address{}, fmt.Errorf("chaos: write %s: %w", p, err)
	}
	return p, crypto.PubkeyToAddress(k.PublicKey), nil
}

// plasmaYAML is the plasma section of every tower's config ("" without a
// PlasmaFramework). Bodies come from the operator's HTTP feed only; they are
// published as soon as their root is mined, so a withheld block is never
// what the storm is about.
func (s *towerSetup) plasmaYAML() string {
	if s.plasma == (common.Address{}) {
		return ""
	}
	return fmt.Sprintf("plasma:\n  contract: %q\n  feed_url: %s\n  withhold_timeout: 10m\n", s.plasma.Hex(), s.feedURL)
}

// startTowers writes n configs, checks them with `config check` and starts
// n `watchtower run` processes, returning once every one is ready.
func startTowers(ctx context.Context, ps *Procs, s *towerSetup, n int) ([]*Tower, error) {
	if err := s.keys(ctx); err != nil {
		return nil, err
	}
	ports, err := freePorts(2 * n)
	if err != nil {
		return nil, err
	}
	var towers []*Tower
	for i := range n {
		cfg, signer, err := s.config(i, ports[2*i], ports[2*i+1])
		if err != nil {
			return nil, err
		}
		if _, err := runCLI(ctx, s.bin, "config", "check", cfg); err != nil {
			return nil, err
		}
		p := ps.Add(fmt.Sprintf("tower-%d", i+1), s.bin, "run", "--config", cfg)
		if err := p.Start(); err != nil {
			return nil, err
		}
		towers = append(towers, &Tower{Proc: p, Signer: signer,
			APIURL:  fmt.Sprintf("http://127.0.0.1:%d", ports[2*i]),
			Metrics: fmt.Sprintf("http://127.0.0.1:%d", ports[2*i+1])})
	}
	for _, t := range towers {
		if err := t.waitReady(ctx); err != nil {
			return nil, err
		}
	}
	return towers, nil
}

// waitReady waits for the tower's /readyz to answer 200.
func (t *Tower) waitReady(ctx context.Context) error {
	return waitFor(ctx, t.Proc.Name()+" /readyz", readyTimeout, func(ctx context.Context) error {
		if !t.Proc.Running() {
			return errors.New(t.Proc.Name() + " exited\n" + t.Proc.Tail(30))
		}
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, t.Metrics+"/readyz", nil)
		if err != nil {
			return err
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return fmt.Errorf("/readyz: %s", resp.Status)
		}
		return nil
	})
}
