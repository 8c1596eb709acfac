package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/ethereum/go-ethereum/common"

	"github.com/watchtower-l2/watchtower/watcher/delegation/api"
)

const receiptUsage = `Usage:
  watchtower receipt verify [--tower ADDRESS] FILE    check a tower's signed receipt offline
FILE holds a receipt, a JSON array of receipts (--receipt-out of a batch), or the
whole answer of a delegation (its "receipt" field); '-' reads stdin.
--tower pins the tower identity the receipt must come from.
`

func cmdReceipt(_ context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "verify" {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
			fmt.Fprint(stdout, receiptUsage)
			return nil
		}
		return usageErr("want `watchtower receipt verify FILE`\n%s", receiptUsage)
	}
	fs := flag.NewFlagSet("receipt verify", flag.ContinueOnError)
	fs.SetOutput(stderr)
	tower := fs.String("tower", "", "the tower identity address the receipt must be signed by")
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageErr("want one receipt file")
	}
	var expect common.Address
	if *tower != "" {
		a, err := api.ParseAddress("--tower", *tower)
		if err != nil {
			return usageErr("%v", err)
		}
		expect = a
	}
	var b []byte
	var err error
	if fs.Arg(0) == "-" {
		b, err = io.ReadAll(io.LimitReader(os.Stdin, 1<<20))
	} else {
		b, err = os.ReadFile(fs.Arg(0))
	}
	if err != nil {
		return usageErr("%v", err)
	}
	var wrapped struct {
		Receipt *api.Receipt `json:"receipt"`
	}
	var rs []api.Receipt
	if json.Unmarshal(b, &wrapped) == nil && wrapped.Receipt != nil {
		rs = []api.Receipt{*wrapped.Receipt}
	} else if json.Unmarshal(b, &rs) != nil {
		var r api.Receipt
		if err := json.Unmarshal(b, &r); err != nil {
			return usageErr("%s: not a receipt: %v", fs.Arg(0), err)
		}
		rs = []api.Receipt{r}
	}
	if len(rs) == 0 {
		return usageErr("%s: no receipt in it", fs.Arg(0))
	}
	if err := api.VerifyReceipts(expect, rs...); err != nil {
		return &exitError{code: 1, err: err}
	}
	for _, r := range rs {
		who := r.User
		if who == (common.Address{}).Hex() {
			who = "an anonymous delegator"
		}
		what := fmt.Sprintf("%s %s", r.Kind, r.Subject)
		if r.Kind == api.KindChannel {
			what = fmt.Sprintf("channel %s at nonce %d (state digest %s)", r.Subject, r.Nonce, r.StateDigest)
		}
		fmt.Fprintf(stdout, "valid: tower %s (chain %d) accepted at block %d to guard %s for %s, up to and including block %d\n",
			r.Tower, r.ChainID, r.AcceptedBlock, what, who, r.WatchUntil)
	}
	return nil
}
