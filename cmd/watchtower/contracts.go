package main

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/big"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/watchtower-l2/watchtower/deployments/contracts/bindings"
	"github.com/watchtower-l2/watchtower/watcher/txmgr"
)

const contractsUsage = `Usage:
  watchtower contracts deploy --rpc-url URL --key-file F [--password-file P]
                              [--kind channel,plasma,sidechain] [--json]
      deploy the reference contracts from the bytecode built into watchtower,
      wait for each receipt, and print the addresses with a config snippet

Flags:
`

// deployFlags are the options of `contracts deploy`.
type deployFlags struct {
	rpcURL, keyFile, passwordFile, kinds string
	json                                 bool
	callTimeout, receiptTimeout          time.Duration
	plasmaOperator                       string
	plasmaExitPeriod                     uint64
	plasmaExitBond                       string
}

// deployed is one contract the command deployed.
type deployed struct {
	Kind    string `json:"kind"`
	Name    string `json:"name"`
	Address string `json:"address"`
	TxHash  string `json:"tx_hash"`
	Block   uint64 `json:"block"`
}

// cmdContracts is `watchtower contracts deploy`.
func cmdContracts(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stderr, contractsUsage)
		if len(args) == 0 {
			return &exitError{code: 2, err: errHelp}
		}
		return nil
	}
	if args[0] != "deploy" {
		return usageErr("contracts: unknown subcommand %q (want deploy)", args[0])
	}
	fs := flag.NewFlagSet("contracts deploy", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, contractsUsage); fs.PrintDefaults() }
	var f deployFlags
	fs.StringVar(&f.rpcURL, "rpc-url", "", "L1 JSON-RPC endpoint (http://, ws:// or an .ipc path)")
	fs.StringVar(&f.keyFile, "key-file", "", "deployer key: an encrypted JSON keystore or a hex private key file")
	fs.StringVar(&f.passwordFile, "password-file", "", "file holding the keystore password")
	fs.StringVar(&f.kinds, "kind", "channel", "contracts to deploy, comma separated: channel, plasma, sidechain")
	fs.BoolVar(&f.json, "json", false, "print the result as JSON")
	fs.DurationVar(&f.callTimeout, "timeout", 30*time.Second, "bound on each RPC call")
	fs.DurationVar(&f.receiptTimeout, "receipt-timeout", 10*time.Minute, "how long to wait for each deployment's receipt")
	fs.StringVar(&f.plasmaOperator, "plasma-operator", "", "PlasmaFramework operator address (default: the deployer)")
	fs.Uint64Var(&f.plasmaExitPeriod, "plasma-exit-period", 50400, "PlasmaFramework exit period, in L1 blocks (50400: about 7 days)")
	fs.StringVar(&f.plasmaExitBond, "plasma-exit-bond", "10000000000000000", "PlasmaFramework exit bond, in wei")
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	kinds, err := f.validate(fs.NArg())
	if err != nil {
		return err
	}
	out, chainID, err := deployContracts(ctx, f, kinds, stderr)
	if err != nil {
		return err
	}
	return printDeployed(stdout, f.json, chainID, out)
}

// validate checks the flags and returns the kinds to deploy, in a fixed order.
func (f deployFlags) validate(nargs int) ([]string, error) {
	switch {
	case nargs != 0:
		return nil, usageErr("contracts deploy takes no arguments")
	case f.rpcURL == "":
		return nil, usageErr("--rpc-url is required")
	case f.keyFile == "":
		return nil, usageErr("--key-file is required")
	case f.plasmaOperator != "" && !common.IsHexAddress(f.plasmaOperator):
		return nil, usageErr("--plasma-operator: %q is not an address", f.plasmaOperator)
	case f.callTimeout <= 0 || f.receiptTimeout <= 0:
		return nil, usageErr("--timeout and --receipt-timeout must be positive")
	}
	if b, ok := new(big.Int).SetString(f.plasmaExitBond, 10); !ok || b.Sign() < 0 {
		return nil, usageErr("--plasma-exit-bond: want a whole number of wei, got %q", f.plasmaExitBond)
	}
	want := map[string]bool{}
	for _, k := range strings.Split(f.kinds, ",") {
		k = strings.TrimSpace(k)
		switch k {
		case "channel", "plasma", "sidechain":
			want[k] = true
		case "":
		default:
			return nil, usageErr("--kind: unknown kind %q (want channel, plasma or sidechain)", k)
		}
	}
	var kinds []string
	for _, k := range []string{"channel", "plasma", "sidechain"} {
		if want[k] {
			kinds = append(kinds, k)
		}
	}
	if len(kinds) == 0 {
		return nil, usageErr("--kind: name at least one of channel, plasma, sidechain")
	}
	return kinds, nil
}

// deployer sends the deployments of one key on one chain.
type deployer struct {
	client   *ethclient.Client
	key      *ecdsa.PrivateKey
	from     common.Address
	chainID  *big.Int
	f        deployFlags
	progress io.Writer
}

// deployContracts dials the L1, checks the key can pay, and deploys each kind.
func deployContracts(ctx context.Context, f deployFlags, kinds []string, progress io.Writer) ([]deployed, *big.Int, error) {
	pw := ""
	if f.passwordFile != "" {
		var err error
		if pw, err = txmgr.ReadSecretFile(f.passwordFile); err != nil {
			return nil, nil, fmt.Errorf("--password-file: %w", err)
		}
	}
	key, err := txmgr.LoadKey(f.keyFile, pw)
	if err != nil {
		return nil, nil, fmt.Errorf("--key-file: %w", err)
	}
	cctx, cancel := context.WithTimeout(ctx, f.callTimeout)
	defer cancel()
	client, err := ethclient.DialContext(cctx, f.rpcURL)
	if err != nil {
		return nil, nil, fmt.Errorf("--rpc-url: dial %s: %w", f.rpcURL, err)
	}
	defer client.Close()
	chainID, err := client.ChainID(cctx)
	if err != nil {
		return nil, nil, fmt.Errorf("--rpc-url: %s does not answer eth_chainId: %s", f.rpcURL, oneLineErr(err))
	}
	d := &deployer{client: client, key: key, from: crypto.PubkeyToAddress(key.PublicKey), chainID: chainID, f: f, progress: progress}
	bal, err := client.BalanceAt(cctx, d.from, nil)
	if err != nil {
		return nil, nil, fmt.Errorf("balance of %s: %s", d.from.Hex(), oneLineErr(err))
	}
	if bal.Sign() == 0 {
		return nil, nil, fmt.Errorf("deployer %s has no funds on chain %s (balance 0 wei): fund it first", d.from.Hex(), chainID)
	}
	fmt.Fprintf(progress, "deploying %s on chain %s from %s (balance %s wei)\n", strings.Join(kinds, ", "), chainID, d.from.Hex(), bal)
	var out []deployed
	for _, k := range kinds {
		dep, err := d.deploy(ctx, k)
		if err != nil {
			return nil, nil, err
		}
		out = append(out, dep)
	}
	return out, chainID, nil
}

// deploy sends one contract creation and waits for its receipt.
func (d *deployer) deploy(ctx context.Context, kind string) (deployed, error) {
	auth, err := bind.NewKeyedTransactorWithChainID(d.key, d.chainID)
	if err != nil {
		return deployed{}, fmt.Errorf("transactor: %w", err)
	}
	cctx, cancel := context.WithTimeout(ctx, d.f.callTimeout)
	defer cancel()
	auth.Context = cctx
	var name string
	var tx *types.Transaction
	switch kind {
	case "channel":
		name = "ChannelAdjudicator"
		_, tx, _, err = bindings.DeployChannelAdjudicator(auth, d.client)
	case "plasma":
		name = "PlasmaFramework"
		op := d.from
		if d.f.plasmaOperator != "" {
			op = common.HexToAddress(d.f.plasmaOperator)
		}
		bond, _ := new(big.Int).SetString(d.f.plasmaExitBond, 10)
		fmt.Fprintf(d.progress, "  PlasmaFramework operator %s, exit period %d blocks, exit bond %s wei\n", op.Hex(), d.f.plasmaExitPeriod, bond)
		_, tx, _, err = bindings.DeployPlasmaFramework(auth, d.client, op, d.f.plasmaExitPeriod, bond)
	case "sidechain":
		name = "CheckpointManager"
		_, tx, _, err = bindings.DeployCheckpointManager(auth, d.client)
	}
	if err != nil {
		return deployed{}, d.sendError(ctx, name, err)
	}
	fmt.Fprintf(d.progress, "  %s: sent %s, waiting for its receipt...\n", name, tx.Hash().Hex())
	wctx, cancelWait := context.WithTimeout(ctx, d.f.receiptTimeout)
	defer cancelWait()
	rc, err := bind.WaitMined(wctx, d.client, tx)
	if err != nil {
		return deployed{}, fmt.Errorf("deploy %s: waiting for the receipt of %s: %s", name, tx.Hash().Hex(), oneLineErr(err))
	}
	if rc.Status != types.ReceiptStatusSuccessful {
		return deployed{}, fmt.Errorf("deploy %s: transaction %s reverted in block %s", name, tx.Hash().Hex(), rc.BlockNumber)
	}
	fmt.Fprintf(d.progress, "  %s deployed at %s (block %s)\n", name, rc.ContractAddress.Hex(), rc.BlockNumber)
	return deployed{Kind: kind, Name: name, Address: rc.ContractAddress.Hex(), TxHash: tx.Hash().Hex(), Block: rc.BlockNumber.Uint64()}, nil
}

// sendError explains a refused deployment, naming the balance when the key
// cannot pay for it.
func (d *deployer) sendError(ctx context.Context, name string, err error) error {
	if strings.Contains(strings.ToLower(err.Error()), "insufficient funds") {
		bctx, cancel := context.WithTimeout(ctx, d.f.callTimeout)
		defer cancel()
		if bal, berr := d.client.BalanceAt(bctx, d.from, nil); berr == nil {
			return fmt.Errorf("deploy %s: deployer %s cannot pay for it (balance %s wei on chain %s): fund it first", name, d.from.Hex(), bal, d.chainID)
		}
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("deploy %s: the RPC endpoint did not answer within %s", name, d.f.callTimeout)
	}
	return fmt.Errorf("deploy %s: %s", name, oneLineErr(err))
}

// printDeployed prints the addresses and a config snippet, or JSON.
func printDeployed(w io.Writer, asJSON bool, chainID *big.Int, out []deployed) error {
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			ChainID   uint64     `json:"chain_id"`
			Contracts []deployed `json:"contracts"`
		}{chainID.Uint64(), out})
	}
	fmt.Fprintf(w, "# deployed on chain %s\n", chainID)
	for _, d := range out {
		fmt.Fprintf(w, "#   %-18s %s (tx %s, block %d)\n", d.Name, d.Address, d.TxHash, d.Block)
	}
	fmt.Fprint(w, configSnippet(chainID, out))
	return nil
}

// configSnippet is the YAML the deployed contracts need in a tower's config;
// what deploy cannot know is a placeholder to fill in.
func configSnippet(chainID *big.Int, out []deployed) string {
	var b strings.Builder
	fmt.Fprintf(&b, "l1:\n  chain_id: %s\n", chainID)
	for _, d := range out {
		switch d.Kind {
		case "channel":
			fmt.Fprintf(&b, "channel:\n  adjudicator: %q\n", d.Address)
		case "plasma":
			fmt.Fprintf(&b, "plasma:\n  contract: %q\n  feed_url: https://OPERATOR-FEED.example  # the operator's block feed (FEED_URL/blocks/n)\n", d.Address)
		case "sidechain":
			fmt.Fprintf(&b, "sidechain:\n  manager: %q\n  id: SIDECHAIN-ID  # registered by the manager's owner with registerSidechain\n"+
				"  rpc_url: https://SIDECHAIN-RPC.example\n  attestations_url: https://VALIDATOR-ATTESTATIONS.example\n", d.Address)
		}
	}
	return b.String()
}

// oneLineErr keeps an RPC error on one line.
func oneLineErr(err error) string { return strings.Join(strings.Fields(err.Error()), " ") }
