//go:build linux

// Package e2e runs the watchtower binary end to end against anvil, a shared
// NATS JetStream server and a shared Redis, and reads the outcome from L1.
package e2e

import (
	"context"
	"crypto/ecdsa"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/watchtower-l2/watchtower/deployments/contracts/bindings"
	"github.com/watchtower-l2/watchtower/internal/testutil/anviltest"
	"github.com/watchtower-l2/watchtower/internal/testutil/redistest"
	"github.com/watchtower-l2/watchtower/proofs/channelstate"
	"github.com/watchtower-l2/watchtower/watcher/bus/bustest"
	"github.com/watchtower-l2/watchtower/watcher/delegation"
)

// window is the channel's dispute window in blocks: far more than the test
// mines on the slowest machine, so the tower is never raced by the deadline.
const window = 100_000

// TestAnvilEndToEnd deploys the adjudicator with `watchtower contracts
// deploy`, runs two `watchtower run` processes sharing NATS and Redis (A:
// ingest, verify, api; B: verify, challenge), delegates a channel's latest
// state with `watchtower delegate`, closes the channel with a stale state,
// reorgs the close's block and restarts anvil before the tower may act, and
// checks on L1 that B's signer challenged once with the delegated state.
//
// Anvil runs with --no-mining: blocks exist only when the test mines them,
// so every step is ordered by the chain, not by the clock. Each wait mines a
// block per poll and ends when a state read from L1 or a process holds.
func TestAnvilEndToEnd(t *testing.T) {
	dir := t.TempDir()
	bin := buildTower(t, dir)
	node := anviltest.StartWith(t, anviltest.Options{
		Args:      []string{"--no-mining"},
		StateFile: filepath.Join(dir, "anvil-state.json"),
	})
	_, natsURL := bustest.Start(t)
	redisURL := redistest.Start(t)

	w := &waiter{t: t, tick: func() error { return mine(node) }, extra: func() string {
		return tailFile("anvil", writeOutput(dir, node.Output()))
	}}

	// Keys: the deployer and the challenger are anvil's funded accounts; the
	// parties are fresh, funded with anvil_setBalance (kept across restarts).
	deployer, signer := node.Key(t, 0), node.Key(t, 1)
	partyA, partyB := newKey(t), newKey(t)
	for _, k := range []*ecdsa.PrivateKey{partyA, partyB} {
		if err := node.RPC.Call(nil, "anvil_setBalance", crypto.PubkeyToAddress(k.PublicKey), hexutil.EncodeBig(new(big.Int).Mul(big.NewInt(1e18), big.NewInt(10)))); err != nil {
			t.Fatalf("anvil_setBalance: %v", err)
		}
	}

	// 1. `watchtower contracts deploy`: the deploy waits for its receipt, so
	// blocks are mined until it exits.
	deployKey := writeSecret(t, dir, "deployer.key", hex.EncodeToString(crypto.FromECDSA(deployer)))
	deploy := startProc(t, dir, "deploy", bin, "contracts", "deploy", "--rpc-url", node.URL, "--key-file", deployKey, "--kind", "channel", "--json")
	w.procs = nil
	w.until("`watchtower contracts deploy` to exit", func() (bool, string) {
		done, _ := deploy.exited()
		return done, "deploy still running"
	})
	if _, err := deploy.exited(); err != nil {
		t.Fatalf("contracts deploy: %v\n%s", err, deploy.tail())
	}
	adjAddr := deployedAdjudicator(t, deploy)
	adj, err := bindings.NewChannelAdjudicator(adjAddr, node.Client)
	if err != nil {
		t.Fatalf("bind adjudicator at %s: %v", adjAddr, err)
	}

	// 2. Two towers on the shared NATS and Redis, each with its own data
	// dir, owner name, ports and keys.
	eventsKey := filepath.Join(dir, "events.key")
	code, out, errOut := runCLI(t, bin, "keys", "events", "--out", eventsKey)
	if code != 0 {
		t.Fatalf("keys events: exit %d: %s", code, errOut)
	}
	eventsPub := lastLine(out)
	identity := writeSecret(t, dir, "identity.key", hex.EncodeToString(crypto.FromECDSA(newKey(t))))
	signerKey := writeSecret(t, dir, "signer.key", "0x"+hex.EncodeToString(crypto.FromECDSA(signer)))
	apiAddr, metricsA, metricsB := freeAddr(t), freeAddr(t), freeAddr(t)
	shared := towerConfig{dir: dir, l1: node.WSURL, nats: natsURL, redis: redisURL, adjudicator: adjAddr}
	cfgA := shared.write(t, "tower-a", "[ingest, verify, api]", metricsA, fmt.Sprintf(`events:
  signing_key_file: %s
api:
  listen: %s
  identity_key_file: %s
`, eventsKey, apiAddr, identity))
	cfgB := shared.write(t, "tower-b", "[verify, challenge]", metricsB, fmt.Sprintf(`events:
  trusted_keys: [%q]
signer:
  key_file: %s
`, eventsPub, signerKey))
	for _, cfg := range []string{cfgA, cfgB} {
		if code, _, errOut := runCLI(t, bin, "config", "check", cfg); code != 0 {
			t.Fatalf("config check %s: exit %d: %s", cfg, code, errOut)
		}
	}
	towerA := startProc(t, dir, "tower-a", bin, "run", "--config", cfgA)
	towerB := startProc(t, dir, "tower-b", bin, "run", "--config", cfgB)
	w.procs = []*proc{towerA, towerB}
	for _, m := range []string{metricsA, metricsB} {
		url := "http://" + m + "/readyz"
		w.until(url+" to answer 200", func() (bool, string) {
			code, body, err := httpStatus(url)
			return code == 200, fmt.Sprintf("%d %.300s %v", code, body, err)
		})
	}

	// 3. A channel between A and B with co-signed states 1..3.
	ctx := context.Background()
	chainID := big.NewInt(anviltest.ChainID)
	addrB := crypto.PubkeyToAddress(partyB.PublicKey)
	optsA := transactor(t, partyA, chainID)
	optsA.Value = big.NewInt(1e18)
	open := send(t, w, node, "open", func() (*types.Transaction, error) { return adj.Open(optsA, addrB, window) })
	var channelID common.Hash
	for _, l := range open.Logs {
		if ev, err := adj.ParseChannelOpened(*l); err == nil {
			channelID = ev.ChannelId
		}
	}
	if channelID == (common.Hash{}) {
		t.Fatal("no ChannelOpened log in the open receipt")
	}
	optsB := transactor(t, partyB, chainID)
	optsB.Value = big.NewInt(1e18)
	send(t, w, node, "join", func() (*types.Transaction, error) { return adj.Join(optsB, channelID) })
	domain := channelstate.Domain{ChainID: chainID, Contract: adjAddr}
	var states []channelstate.Signed
	for n := uint64(1); n <= 3; n++ {
		balA := new(big.Int).Sub(big.NewInt(1e18), new(big.Int).Mul(big.NewInt(1e17), new(big.Int).SetUint64(n)))
		states = append(states, signState(t, domain, channelstate.State{ChannelID: channelID, Nonce: n,
			BalanceA: balA, BalanceB: new(big.Int).Sub(new(big.Int).Mul(big.NewInt(1e18), big.NewInt(2)), balA)}, partyA, partyB))
	}

	// 4. The user delegates the latest state to tower A's API with the CLI;
	// exit 0 means the state is held in the shared store.
	stateFile := filepath.Join(dir, "state.json")
	b, err := json.Marshal(delegation.FromSigned(states[2]))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(stateFile, b, 0o600); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := runCLI(t, bin, "delegate", "--tower", "http://"+apiAddr, "--file", stateFile); code != 0 || !strings.Contains(out, `"nonce": 3`) {
		t.Fatalf("delegate: exit %d\nstdout: %s\nstderr: %s\n%s", code, out, errOut, towerA.tail())
	}

	// 5. Party B closes with the stale state (nonce 1), mined alone in block
	// C. With confirmations: 1 the towers publish block C's logs only once
	// C+1 exists, so nothing can challenge until the test mines C+1.
	closeTx, err := adj.Close(transactor(t, partyB, chainID), bindings.ChannelAdjudicatorState{
		ChannelId: channelID, Nonce: 1, BalanceA: states[0].BalanceA, BalanceB: states[0].BalanceB,
	}, states[0].SigA, states[0].SigB)
	if err != nil {
		t.Fatalf("send the stale close: %v", err)
	}
	mustMine(t, node)
	closeRcpt := receipt(t, node, closeTx.Hash())
	blockC := closeRcpt.BlockNumber.Uint64()
	// This wait mines nothing: block C must stay the head.
	still := &waiter{t: t, procs: w.procs, extra: w.extra}
	still.until(fmt.Sprintf("tower A to see head %d (the close's block)", blockC), func() (bool, string) {
		h, why := gauge("http://"+metricsA+"/metrics", "watchtower_l1_head_block")
		return h >= float64(blockC), why
	})

	// 6. Reorg: block C is replaced by C' holding the same close, so the close
	// the towers will act on is in a block whose hash they first saw differ.
	// This proves they follow a reorg of the head and act on the re-included
	// event rather than on the orphaned block.
	if head := headOf(t, node); head != blockC {
		t.Fatalf("head %d before the reorg, want the close's block %d", head, blockC)
	}
	rawClose, err := closeTx.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	// A transfer added beside the close makes C' differ from C even when
	// anvil gives both the same timestamp.
	marker := markerTx(t, node, deployer, chainID)
	if err := node.RPC.Call(nil, "anvil_reorg", 1, []any{[]any{hexutil.Encode(rawClose), 0}, []any{hexutil.Encode(marker), 0}}); err != nil {
		t.Fatalf("anvil_reorg: %v", err)
	}
	reorged := receipt(t, node, closeTx.Hash())
	if h := headerOf(t, node, blockC); reorged.BlockNumber.Uint64() != blockC || h.Hash() == closeRcpt.BlockHash || len(h.TxHash) == 0 {
		t.Fatalf("after anvil_reorg block %d is %s and the close is in block %d; want block %d with a new hash (was %s)",
			blockC, h.Hash(), reorged.BlockNumber, blockC, closeRcpt.BlockHash)
	}

	// 7. L1 restart: anvil stops (dumping its chain) and comes back on the
	// same port with the same chain. The towers' websocket connections break;
	// block C+1, which confirms the close, only exists on the new process, so
	// the challenge proves both towers reconnected.
	node.Restart(t)
	if again := receipt(t, node, closeTx.Hash()); again.BlockHash != reorged.BlockHash {
		t.Fatalf("after the restart the close is in block %s; want %s (state not kept)", again.BlockHash, reorged.BlockHash)
	}

	// 8. Mine until the challenge is on L1, then read the outcome from L1.
	var challenges []*bindings.ChannelAdjudicatorChannelChallenged
	w.until("the stale close to be challenged on L1", func() (bool, string) {
		challenges = challengesOf(t, adj, channelID)
		return len(challenges) > 0, fmt.Sprintf("%d challenges", len(challenges))
	})
	// A few more blocks: a second challenge, if one were sent, would land.
	target := headOf(t, node) + 3
	w.until("3 more blocks", func() (bool, string) { return headOf(t, node) >= target, "" })
	challenges = challengesOf(t, adj, channelID)
	rec, err := adj.GetChannel(&bind.CallOpts{Context: ctx}, channelID)
	if err != nil {
		t.Fatalf("getChannel: %v", err)
	}
	closed, err := adj.ParseChannelClosed(*reorged.Logs[0])
	if err != nil {
		t.Fatalf("parse ChannelClosed: %v", err)
	}
	signerAddr := crypto.PubkeyToAddress(signer.PublicKey)
	switch {
	case len(challenges) != 1:
		t.Fatalf("%d ChannelChallenged logs, want exactly 1", len(challenges))
	case challenges[0].Challenger != signerAddr:
		t.Fatalf("challenged by %s, want tower B's signer %s", challenges[0].Challenger, signerAddr)
	case challenges[0].Nonce != 3:
		t.Fatalf("challenged with nonce %d, want the delegated 3", challenges[0].Nonce)
	case challenges[0].Raw.BlockNumber > closed.Deadline:
		t.Fatalf("challenge mined in block %d, after the deadline %d", challenges[0].Raw.BlockNumber, closed.Deadline)
	case challenges[0].Raw.BlockNumber <= blockC:
		t.Fatalf("challenge mined in block %d, not after the close's block %d", challenges[0].Raw.BlockNumber, blockC)
	case rec.Nonce != 3:
		t.Fatalf("on-chain nonce %d, want the delegated 3", rec.Nonce)
	}
	t.Logf("close in block %d (deadline %d), challenged in block %d by %s with nonce %d",
		blockC, closed.Deadline, challenges[0].Raw.BlockNumber, challenges[0].Challenger, challenges[0].Nonce)

	// Both towers stop cleanly.
	towerA.stop(t)
	towerB.stop(t)
}

// towerConfig holds what both towers' configs share.
type towerConfig struct {
	dir, l1, nats, redis string
	adjudicator          common.Address
}

// write writes the config of the tower named owner running roles, with its
// own data dir and metrics address, plus the YAML in extra.
func (c towerConfig) write(t *testing.T, owner, roles, metrics, extra string) string {
	t.Helper()
	yaml := fmt.Sprintf(`data_dir: %s
roles: %s
owner: %s
l1:
  rpc_url: %s
  chain_id: %d
  confirmations: 1
  poll_interval: 100ms
nats:
  url: %s
store:
  redis_url: %s
channel:
  adjudicator: %s
challenge:
  poll: 100ms
metrics:
  listen: %s
log:
  level: debug
%s`, filepath.Join(c.dir, owner+"-data"), roles, owner, c.l1, anviltest.ChainID, c.nats, c.redis, c.adjudicator.Hex(), metrics, extra)
	p := filepath.Join(c.dir, owner+".yaml")
	if err := os.WriteFile(p, []byte(yaml), 0o600); err != nil {
		t.Fatalf("write %s: %v", p, err)
	}
	return p
}

// deployedAdjudicator reads the adjudicator's address from deploy's --json output.
func deployedAdjudicator(t *testing.T, deploy *proc) common.Address {
	t.Helper()
	b, err := os.ReadFile(deploy.out)
	if err != nil {
		t.Fatal(err)
	}
	var out struct {
		Contracts []struct{ Kind, Address string }
	}
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatalf("contracts deploy --json: %v\n%s", err, b)
	}
	for _, c := range out.Contracts {
		if c.Kind == "channel" && common.IsHexAddress(c.Address) {
			return common.HexToAddress(c.Address)
		}
	}
	t.Fatalf("contracts deploy --json printed no channel adjudicator:\n%s", b)
	return common.Address{}
}

// gauge reads an unlabelled metric from a /metrics page.
func gauge(url, name string) (float64, string) {
	code, body, err := httpStatus(url)
	if err != nil || code != 200 {
		return 0, fmt.Sprintf("GET %s: %d %v", url, code, err)
	}
	for _, line := range strings.Split(body, "\n") {
		if rest, ok := strings.CutPrefix(line, name+" "); ok {
			v, err := strconv.ParseFloat(strings.TrimSpace(rest), 64)
			if err != nil {
				return 0, fmt.Sprintf("%s: %v", line, err)
			}
			return v, fmt.Sprintf("%s = %v", name, v)
		}
	}
	return 0, fmt.Sprintf("%s not in %s", name, url)
}

// lastLine returns the last non-empty line of s, trimmed.
func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}

// writeOutput saves anvil's output to a file for tailFile.
func writeOutput(dir, out string) string {
	p := filepath.Join(dir, "anvil.log")
	_ = os.WriteFile(p, []byte(out), 0o600)
	return p
}
