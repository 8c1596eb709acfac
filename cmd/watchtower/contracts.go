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
	"reflect"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/watchtower-l2/watchtower/watcher/l2"
	"github.com/watchtower-l2/watchtower/watcher/l2/kinds"
	"github.com/watchtower-l2/watchtower/watcher/txmgr"
)

const contractsUsage = `Usage:
  watchtower contracts deploy --rpc-url URL --key-file F [--password-file P]
                              [--kind KIND,...] [--json] [--KIND-PARAM VALUE ...]
      deploy the reference contracts of each kind from the bytecode built into
      watchtower, wait for each receipt, and print the addresses with a config
      snippet

Flags:
`

// deployFlags are the options of `contracts deploy`.
type deployFlags struct {
	rpcURL, keyFile, passwordFile, kinds string
	json                                 bool
	callTimeout, receiptTimeout          time.Duration
	// params are each deployable kind's parameters, by kind.
	params map[string]any
}

// deployed is one contract the command deployed.
type deployed = l2.Deployed

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
	plugins := deployable(kinds.Builtin())
	fs := flag.NewFlagSet("contracts deploy", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, contractsUsage); fs.PrintDefaults() }
	f := deployFlags{params: map[string]any{}}
	fs.StringVar(&f.rpcURL, "rpc-url", "", "L1 JSON-RPC endpoint (http://, ws:// or an .ipc path)")
	fs.StringVar(&f.keyFile, "key-file", "", "deployer key: an encrypted JSON keystore or a hex private key file")
	fs.StringVar(&f.passwordFile, "password-file", "", "file holding the keystore password")
	fs.StringVar(&f.kinds, "kind", plugins[0].Name, "kinds whose contracts to deploy, comma separated: "+strings.Join(plugins.Names(), ", "))
	fs.BoolVar(&f.json, "json", false, "print the result as JSON")
	fs.DurationVar(&f.callTimeout, "timeout", 30*time.Second, "bound on each RPC call")
	fs.DurationVar(&f.receiptTimeout, "receipt-timeout", 10*time.Minute, "how long to wait for each deployment's receipt")
	for _, p := range plugins {
		if p.Deployer.Params != nil {
			params := p.Deployer.Params()
			bindParams(fs, p.Name, params)
			f.params[p.Name] = params
		}
	}
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	chosen, err := f.validate(fs.NArg(), plugins)
	if err != nil {
		return err
	}
	out, snippets, chainID, err := deployContracts(ctx, f, chosen, stderr)
	if err != nil {
		return err
	}
	return printDeployed(stdout, f.json, chainID, out, snippets)
}

// deployable lists the kinds that deploy reference contracts.
func deployable(ps l2.Plugins) l2.Plugins {
	var out l2.Plugins
	for _, p := range ps {
		if p.Deployer != nil {
			out = append(out, p)
		}
	}
	return out
}

// bindParams registers --<kind>-<flag> for each tagged field of params.
func bindParams(fs *flag.FlagSet, kind string, params any) {
	v := reflect.ValueOf(params).Elem()
	for i := 0; i < v.NumField(); i++ {
		sf := v.Type().Field(i)
		name := sf.Tag.Get("flag")
		if name == "" {
			continue
		}
		name, help := kind+"-"+name, sf.Tag.Get("help")
		switch p := v.Field(i).Addr().Interface().(type) {
		case *string:
			fs.StringVar(p, name, *p, help)
		case *uint64:
			fs.Uint64Var(p, name, *p, help)
		case *int:
			fs.IntVar(p, name, *p, help)
		case *bool:
			fs.BoolVar(p, name, *p, help)
		case *time.Duration:
			fs.DurationVar(p, name, *p, help)
		}
	}
}

// validate checks the flags and returns the kinds to deploy, in the
// plug-ins' order.
func (f deployFlags) validate(nargs int, plugins l2.Plugins) (l2.Plugins, error) {
	switch {
	case nargs != 0:
		return nil, usageErr("contracts deploy takes no arguments")
	case f.rpcURL == "":
		return nil, usageErr("--rpc-url is required")
	case f.keyFile == "":
		return nil, usageErr("--key-file is required")
	case f.callTimeout <= 0 || f.receiptTimeout <= 0:
		return nil, usageErr("--timeout and --receipt-timeout must be positive")
	}
	want := map[string]bool{}
	for _, k := range strings.Split(f.kinds, ",") {
		if k = strings.TrimSpace(k); k == "" {
			continue
		}
		if _, ok := plugins.Lookup(k); !ok {
			return nil, usageErr("--kind: unknown kind %q (want %s)", k, orList(plugins.Names()))
		}
		want[k] = true
	}
	var chosen l2.Plugins
	for _, p := range plugins {
		if !want[p.Name] {
			continue
		}
		if p.Deployer.Check != nil && f.params[p.Name] != nil {
			if err := p.Deployer.Check(f.params[p.Name]); err != nil {
				return nil, usageErr("%v", err)
			}
		}
		chosen = append(chosen, p)
	}
	if len(chosen) == 0 {
		return nil, usageErr("--kind: name at least one of %s", strings.Join(plugins.Names(), ", "))
	}
	return chosen, nil
}

// orList joins names as "a, b or c".
func orList(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
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
func deployContracts(ctx context.Context, f deployFlags, chosen l2.Plugins, progress io.Writer) ([]deployed, []string, *big.Int, error) {
	pw := ""
	if f.passwordFile != "" {
		var err error
		if pw, err = txmgr.ReadSecretFile(f.passwordFile); err != nil {
			return nil, nil, nil, fmt.Errorf("--password-file: %w", err)
		}
	}
	key, err := txmgr.LoadKey(f.keyFile, pw)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("--key-file: %w", err)
	}
	cctx, cancel := context.WithTimeout(ctx, f.callTimeout)
	defer cancel()
	client, err := ethclient.DialContext(cctx, f.rpcURL)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("--rpc-url: dial %s: %w", f.rpcURL, err)
	}
	defer client.Close()
	chainID, err := client.ChainID(cctx)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("--rpc-url: %s does not answer eth_chainId: %s", f.rpcURL, oneLineErr(err))
	}
	d := &deployer{client: client, key: key, from: crypto.PubkeyToAddress(key.PublicKey), chainID: chainID, f: f, progress: progress}
	bal, err := client.BalanceAt(cctx, d.from, nil)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("balance of %s: %s", d.from.Hex(), oneLineErr(err))
	}
	if bal.Sign() == 0 {
		return nil, nil, nil, fmt.Errorf("deployer %s has no funds on chain %s (balance 0 wei): fund it first", d.from.Hex(), chainID)
	}
	fmt.Fprintf(progress, "deploying %s on chain %s from %s (balance %s wei)\n", strings.Join(chosen.Names(), ", "), chainID, d.from.Hex(), bal)
	dep := l2.Deployment{Backend: client, From: d.from, ChainID: chainID, Transactor: d.transactor, Wait: d.wait, Progress: progress}
	var out []deployed
	var snippets []string
	for _, p := range chosen {
		cs, snippet, err := p.Deployer.Deploy(ctx, dep, f.params[p.Name])
		if err != nil {
			return nil, nil, nil, d.sendError(ctx, p.Name, err)
		}
		out, snippets = append(out, cs...), append(snippets, snippet)
	}
	return out, snippets, chainID, nil
}

// transactor returns the options of the deployer's next transaction, its
// calls bounded by --timeout.
func (d *deployer) transactor(ctx context.Context) (*bind.TransactOpts, error) {
	auth, err := bind.NewKeyedTransactorWithChainID(d.key, d.chainID)
	if err != nil {
		return nil, fmt.Errorf("transactor: %w", err)
	}
	cctx, cancel := context.WithTimeout(ctx, d.f.callTimeout)
	context.AfterFunc(cctx, cancel)
	auth.Context = cctx
	return auth, nil
}

// wait waits for tx's receipt (bounded by --receipt-timeout) and fails when
// it reverted.
func (d *deployer) wait(ctx context.Context, name string, tx *types.Transaction) (*types.Receipt, error) {
	fmt.Fprintf(d.progress, "  %s: sent %s, waiting for its receipt...\n", name, tx.Hash().Hex())
	wctx, cancel := context.WithTimeout(ctx, d.f.receiptTimeout)
	defer cancel()
	rc, err := bind.WaitMined(wctx, d.client, tx)
	if err != nil {
		return nil, fmt.Errorf("deploy %s: waiting for the receipt of %s: %s", name, tx.Hash().Hex(), oneLineErr(err))
	}
	if rc.Status != types.ReceiptStatusSuccessful {
		return nil, fmt.Errorf("deploy %s: transaction %s reverted in block %s", name, tx.Hash().Hex(), rc.BlockNumber)
	}
	if rc.ContractAddress != (common.Address{}) {
		fmt.Fprintf(d.progress, "  %s deployed at %s (block %s)\n", name, rc.ContractAddress.Hex(), rc.BlockNumber)
	}
	return rc, nil
}

// sendError explains a refused deployment of kind's contracts, naming the
// balance when the key cannot pay for it.
func (d *deployer) sendError(ctx context.Context, kind string, err error) error {
	if strings.Contains(strings.ToLower(err.Error()), "insufficient funds") {
		bctx, cancel := context.WithTimeout(ctx, d.f.callTimeout)
		defer cancel()
		if bal, berr := d.client.BalanceAt(bctx, d.from, nil); berr == nil {
			return fmt.Errorf("%s: deployer %s cannot pay for it (balance %s wei on chain %s): fund it first", kind, d.from.Hex(), bal, d.chainID)
		}
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("%s: the RPC endpoint did not answer within %s", kind, d.f.callTimeout)
	}
	return fmt.Errorf("%s: %s", kind, oneLineErr(err))
}

// printDeployed prints the addresses and a config snippet, or JSON.
func printDeployed(w io.Writer, asJSON bool, chainID *big.Int, out []deployed, snippets []string) error {
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
	fmt.Fprintf(w, "l1:\n  chain_id: %s\n", chainID)
	for _, s := range snippets {
		fmt.Fprint(w, s)
	}
	return nil
}

// oneLineErr keeps an RPC error on one line.
func oneLineErr(err error) string { return strings.Join(strings.Fields(err.Error()), " ") }
