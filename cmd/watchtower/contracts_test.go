package main

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/watchtower-l2/watchtower/deployments/contracts/bindings"
	"github.com/watchtower-l2/watchtower/internal/devnet"
	"github.com/watchtower-l2/watchtower/watcher/bus/bustest"
)

// writeHexKey writes key as a hex key file with mode 0600.
func writeHexKey(t *testing.T, dir, name string, key []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(hex.EncodeToString(key)+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// `contracts deploy` deploys every kind on a JSON-RPC L1: code is at each
// printed address and a view of each answers.
func TestContractsDeploy(t *testing.T) {
	n, err := devnet.Start(devnet.Options{Accounts: 2, RPCPort: 0, WSPort: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { n.Close() })
	n.AutoMine(50 * time.Millisecond)
	dir := t.TempDir()
	keyFile := writeHexKey(t, dir, "deployer.key", crypto.FromECDSA(n.Keys[0]))

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	code, stdout, stderr := runCLI(ctx, "contracts", "deploy", "--rpc-url", n.RPCURL, "--key-file", keyFile,
		"--kind", "channel,plasma,sidechain", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "waiting for its receipt") {
		t.Errorf("no progress on stderr: %q", stderr)
	}
	var res struct {
		ChainID   uint64     `json:"chain_id"`
		Contracts []deployed `json:"contracts"`
	}
	if err := json.Unmarshal([]byte(stdout), &res); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, stdout)
	}
	if res.ChainID != n.ChainID.Uint64() || len(res.Contracts) != 3 {
		t.Fatalf("got %+v", res)
	}
	client, err := ethclient.DialContext(ctx, n.RPCURL)
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	opts := &bind.CallOpts{Context: ctx}
	for _, d := range res.Contracts {
		a := common.HexToAddress(d.Address)
		if c, err := client.CodeAt(ctx, a, nil); err != nil || len(c) == 0 {
			t.Fatalf("%s: no code at %s (%v)", d.Name, d.Address, err)
		}
		switch d.Kind {
		case "channel":
			adj, _ := bindings.NewChannelAdjudicatorCaller(a, client)
			_, err = adj.DomainSeparator(opts)
		case "plasma":
			pf, _ := bindings.NewPlasmaFrameworkCaller(a, client)
			var op common.Address
			op, err = pf.Operator(opts)
			if err == nil && op != n.Address(0) {
				t.Errorf("plasma operator %s, want the deployer %s", op.Hex(), n.Address(0).Hex())
			}
		case "sidechain":
			cm, _ := bindings.NewCheckpointManagerCaller(a, client)
			var owner common.Address
			owner, err = cm.Owner(opts)
			if err == nil && owner != n.Address(0) {
				t.Errorf("manager owner %s, want the deployer", owner.Hex())
			}
		}
		if err != nil {
			t.Fatalf("%s view: %v", d.Name, err)
		}
	}

	// config check --online accepts the deployed contracts, on a shared NATS,
	// except the sidechain id nobody registered.
	_, natsURL := bustest.Start(t)
	addr := map[string]string{}
	for _, d := range res.Contracts {
		addr[d.Kind] = d.Address
	}
	extra := fmt.Sprintf("nats:\n  url: %s\nevents:\n  trusted_keys: [R+9oYTeFwT9fQWniGydCq4WO4yEUZGsBQ5dKlAdt5Fc=]\n"+
		"plasma:\n  contract: %q\n  feed_url: http://127.0.0.1:1\n"+
		"sidechain:\n  manager: %q\n  id: 7\n  rpc_url: http://127.0.0.1:1\n  attestations_url: http://127.0.0.1:1\n",
		natsURL, addr["plasma"], addr["sidechain"])
	cfg := verifyConfig(t, dir, n.RPCURL, addr["channel"], fmt.Sprintf("  chain_id: %d\n", res.ChainID), extra)
	code, stdout, _ = runCLI(ctx, "config", "check", "--online", cfg)
	if code != 1 || !strings.Contains(stdout, "1 problem(s)") || !strings.Contains(stdout, "sidechain.id: sidechain 7 is not registered") {
		t.Fatalf("config check --online: exit %d, stdout %q", code, stdout)
	}

	// The text output is a config snippet with the address.
	code, stdout, stderr = runCLI(ctx, "contracts", "deploy", "--rpc-url", n.RPCURL, "--key-file", keyFile)
	if code != 0 || !strings.Contains(stdout, "channel:\n  adjudicator: \"0x") || !strings.Contains(stdout, "chain_id: "+n.ChainID.String()) {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// Deploy failures exit 1 (2 for bad flags) with a one-line reason.
func TestContractsDeployErrors(t *testing.T) {
	n, err := devnet.Start(devnet.Options{Accounts: 1, RPCPort: 0, WSPort: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { n.Close() })
	dir := t.TempDir()
	unfunded, _ := crypto.GenerateKey()
	poor := writeHexKey(t, dir, "poor.key", crypto.FromECDSA(unfunded))
	bad := filepath.Join(dir, "bad.key")
	if err := os.WriteFile(bad, []byte("not a key\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--key-file", poor}, 2, "--rpc-url is required"},
		{[]string{"--rpc-url", n.RPCURL, "--key-file", poor, "--kind", "rollup"}, 2, `unknown kind "rollup"`},
		{[]string{"--rpc-url", "http://" + freeAddr(t), "--key-file", poor}, 1, "does not answer eth_chainId"},
		{[]string{"--rpc-url", n.RPCURL, "--key-file", bad}, 1, "not a keystore JSON nor a 32-byte hex private key"},
		{[]string{"--rpc-url", n.RPCURL, "--key-file", poor}, 1, crypto.PubkeyToAddress(unfunded.PublicKey).Hex() + " has no funds"},
	}
	for _, tc := range cases {
		t.Run(tc.want, func(t *testing.T) {
			code, _, stderr := runCLI(context.Background(), append([]string{"contracts", "deploy", "--timeout", "20s"}, tc.args...)...)
			if code != tc.code || !strings.Contains(stderr, tc.want) || strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
				t.Fatalf("exit %d, stderr %q; want exit %d with one line mentioning %q", code, stderr, tc.code, tc.want)
			}
		})
	}
}
