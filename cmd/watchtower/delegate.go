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
	"os"
	"strings"
	"time"

	"github.com/watchtower-l2/watchtower/proofs/channelstate"
	"github.com/watchtower-l2/watchtower/watcher/delegation/api"
	"github.com/watchtower-l2/watchtower/watcher/delegation/client"
	"github.com/watchtower-l2/watchtower/watcher/txmgr"
)

const delegateUsage = `Usage:
  watchtower delegate [--tower URL] [--key FILE] --file STATE.json    delegate (or update) a co-signed channel state
  watchtower delegate --kind K [--tower URL] [--key FILE] --file PROOFS.json
                                                                     delegate proofs of kind K (one JSON object or {"proofs": [...]})
  watchtower delegate register  [--tower URL] --key FILE [--registration-token-file FILE]
                                                                     register your address, or renew its subscription
  watchtower delegate show      [--tower URL] [--key FILE] --channel ID | --kind K --subject S
                                                                     the state held for a channel: in full for a party's
                                                                     signed read (--key), else only the nonce held
  watchtower delegate status    [--tower URL] --key FILE            your subscription: slots used and free, expiry, what the tower holds
  watchtower delegate revoke    [--tower URL] --key FILE --channel ID | --kind K --subject S
  watchtower delegate subscribe [--tower URL] --key FILE --kind plasma|sidechain --subject S [--revoke]
  watchtower delegate heartbeat [--tower URL] [--max-lag N --head N]  the tower's signed coverage heartbeat
  watchtower delegate sign --key-a FILE --key-b FILE --chain-id N --adjudicator ADDR --channel ID --nonce N --balance-a WEI --balance-b WEI
                                                                     co-sign a state (both keys; for tests and the dev walkthrough)
The tower URL defaults to $WATCHTOWER_TOWER_URL, the key file to $WATCHTOWER_USER_KEY
(a hex private key or an encrypted JSON keystore; password in $WATCHTOWER_USER_KEY_PASSWORD).
Several towers: --tower URL1,URL2 delegates to all of them.
`

func cmdDelegate(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 {
		switch args[0] {
		case "register":
			return cmdDelegateRegister(ctx, args[1:], stdout, stderr)
		case "show":
			return cmdDelegateShow(ctx, args[1:], stdout, stderr)
		case "status":
			return cmdDelegateStatus(ctx, args[1:], stdout, stderr)
		case "revoke":
			return cmdDelegateRevoke(ctx, args[1:], stdout, stderr)
		case "subscribe":
			return cmdDelegateSubscribe(ctx, args[1:], stdout, stderr)
		case "heartbeat":
			return cmdDelegateHeartbeat(ctx, args[1:], stdout, stderr)
		case "sign":
			return cmdDelegateSign(args[1:], stdout, stderr)
		case "help":
			fmt.Fprint(stdout, delegateUsage)
			return nil
		}
	}
	fs, df := newDelegateFlags("delegate", stderr)
	file := fs.String("file", "", "read the state as JSON from this file ('-' for stdin) instead of flags; a {\"states\": [...]} file delegates up to 256 states in one call")
	receiptOut := fs.String("receipt-out", "", "also write the tower's signed receipt to this file")
	kind := fs.String("kind", "", "delegate proofs of this kind (GET /v1/info lists them) from --file: one proof JSON object or {\"proofs\": [...]}")
	var w api.ChannelState
	fs.StringVar(&w.ChannelID, "channel", "", "channel id (0x + 64 hex digits)")
	fs.Uint64Var(&w.Nonce, "nonce", 0, "state nonce")
	fs.StringVar(&w.BalanceA, "balance-a", "", "party A's balance in wei (decimal)")
	fs.StringVar(&w.BalanceB, "balance-b", "", "party B's balance in wei (decimal)")
	fs.StringVar(&w.SigA, "sig-a", "", "party A's EIP-712 signature (0x + 130 hex digits)")
	fs.StringVar(&w.SigB, "sig-b", "", "party B's EIP-712 signature (0x + 130 hex digits)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	clients, err := df.clients(false)
	if err != nil {
		return err
	}
	if *kind != "" {
		return delegateKind(ctx, clients, *kind, *file, df.timeout, *receiptOut, stdout)
	}
	if *file != "" {
		var r io.Reader = os.Stdin
		if *file != "-" {
			f, err := os.Open(*file)
			if err != nil {
				return usageErr("--file: %v", err)
			}
			defer f.Close()
			r = f
		}
		b, err := io.ReadAll(io.LimitReader(r, api.MaxBatchBodyBytes+1))
		if err != nil {
			return usageErr("--file: %v", err)
		}
		var probe map[string]json.RawMessage
		if json.Unmarshal(b, &probe) == nil && probe["states"] != nil {
			return delegateBatch(ctx, clients, b, df.timeout, *receiptOut, stdout)
		}
		if err := api.Decode(b, &w); err != nil {
			return usageErr("--file: not a channel state JSON object: %v", err)
		}
	}
	signed, err := w.Signed()
	if err != nil {
		return usageErr("%v", err)
	}
	ctx, cancel := context.WithTimeout(ctx, df.timeout)
	defer cancel()
	var out any
	var rcpt api.Receipt
	if len(clients) == 1 {
		acc, err := clients[0].DelegateState(ctx, signed)
		if err != nil {
			return &exitError{code: 1, err: err}
		}
		out, rcpt = acc, acc.Receipt
	} else {
		res, err := (&client.Multi{Towers: clients}).DelegateState(ctx, signed)
		type row struct {
			Tower    string        `json:"tower"`
			Accepted *api.Accepted `json:"accepted,omitempty"`
			Error    string        `json:"error,omitempty"`
		}
		rows := make([]row, len(res))
		for i, r := range res {
			rows[i].Tower = r.Tower
			if r.Err != nil {
				rows[i].Error = r.Err.Error()
			} else {
				a := r.Accepted
				rows[i].Accepted = &a
				rcpt = a.Receipt
			}
		}
		if err := printJSON(stdout, rows); err != nil {
			return err
		}
		if err != nil {
			return &exitError{code: 1, err: errors.New(strings.ReplaceAll(err.Error(), "\n", "; "))}
		}
	}
	if *receiptOut != "" && rcpt.Signature != "" {
		if err := writeJSONFile(*receiptOut, rcpt); err != nil {
			return err
		}
	}
	if out != nil {
		return printJSON(stdout, out)
	}
	return nil
}

// delegateBatch hands every tower the states of a {"states": [...]} file in
// one call each. It fails (exit 1) when a call fails or a state is refused.
func delegateBatch(ctx context.Context, clients []*client.Client, b []byte, timeout time.Duration, receiptOut string, stdout io.Writer) error {
	var body api.ChannelStates
	if err := api.DecodeMax(b, &body, api.MaxBatchBodyBytes); err != nil {
		return usageErr("--file: not a {\"states\": [...]} JSON object: %v", err)
	}
	if len(body.States) == 0 || len(body.States) > api.MaxBatch {
		return usageErr("--file: %d states; send 1 to %d per call", len(body.States), api.MaxBatch)
	}
	states := make([]channelstate.Signed, len(body.States))
	for i, w := range body.States {
		s, err := w.Signed()
		if err != nil {
			return usageErr("--file: states[%d]: %v", i, err)
		}
		states[i] = s
	}
	return delegateEach(ctx, clients, timeout, "states", len(states), receiptOut, stdout,
		func(ctx context.Context, c *client.Client) (api.BatchAccepted, []api.Receipt, int, error) {
			out, err := c.DelegateStates(ctx, states)
			var receipts []api.Receipt
			for _, r := range out.Results {
				if r.Accepted != nil {
					receipts = append(receipts, r.Receipt)
				}
			}
			return out, receipts, out.Refused, err
		})
}

type delegateFlags struct {
	towers  string
	keyFile string
	timeout time.Duration
}

func newDelegateFlags(name string, stderr io.Writer) (*flag.FlagSet, *delegateFlags) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	c := &delegateFlags{}
	fs.StringVar(&c.towers, "tower", os.Getenv("WATCHTOWER_TOWER_URL"), "tower API base URL(s), comma-separated (env WATCHTOWER_TOWER_URL)")
	fs.StringVar(&c.keyFile, "key", os.Getenv("WATCHTOWER_USER_KEY"), "your account key file: sign requests as a registered user (env WATCHTOWER_USER_KEY)")
	fs.DurationVar(&c.timeout, "timeout", 30*time.Second, "give up after this long")
	return fs, c
}

// clients builds one client per tower URL, signing with the key when one is given.
func (c *delegateFlags) clients(needKey bool) ([]*client.Client, error) {
	if c.towers == "" {
		return nil, usageErr("--tower is required (the tower's API URL, or set WATCHTOWER_TOWER_URL)")
	}
	var key *ecdsa.PrivateKey
	if c.keyFile != "" {
		k, err := txmgr.LoadKey(c.keyFile, os.Getenv("WATCHTOWER_USER_KEY_PASSWORD"))
		if err != nil {
			return nil, usageErr("--key: %v", err)
		}
		key = k
	} else if needKey {
		return nil, usageErr("--key is required (your account's key file, or set WATCHTOWER_USER_KEY)")
	}
	var out []*client.Client
	for _, u := range strings.Split(c.towers, ",") {
		if u = strings.TrimSpace(u); u != "" {
			cl := client.New(u, nil)
			if key != nil {
				cl.WithKey(key)
			}
			out = append(out, cl)
		}
	}
	return out, nil
}

func cmdDelegateRevoke(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, c := newDelegateFlags("delegate revoke", stderr)
	ch := fs.String("channel", "", "channel id to revoke")
	kind := fs.String("kind", "", "revoke a delegation of this kind (with --subject)")
	subject := fs.String("subject", "", "what the delegation is about, as the tower's receipt names it (with --kind)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *kind != "" {
		if *subject == "" {
			return usageErr("--kind needs --subject")
		}
		return eachTower(ctx, c, stdout, func(ctx context.Context, cl *client.Client) (any, error) { return cl.RevokeProof(ctx, *kind, *subject) })
	}
	id, err := api.ParseHash("--channel", *ch)
	if err != nil {
		return usageErr("%v", err)
	}
	return eachTower(ctx, c, stdout, func(ctx context.Context, cl *client.Client) (any, error) { return cl.Revoke(ctx, id) })
}

func cmdDelegateSubscribe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, c := newDelegateFlags("delegate subscribe", stderr)
	kind := fs.String("kind", "", "what to guard: plasma or sidechain")
	subject := fs.String("subject", "", "the Plasma output or address, the sidechain, ... (as the plug-in names it)")
	revoke := fs.Bool("revoke", false, "withdraw the subscription instead")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *kind == "" || *subject == "" {
		return usageErr("--kind and --subject are required")
	}
	return eachTower(ctx, c, stdout, func(ctx context.Context, cl *client.Client) (any, error) {
		if *revoke {
			return cl.Unsubscribe(ctx, *kind, *subject)
		}
		return cl.Subscribe(ctx, *kind, *subject)
	})
}

func cmdDelegateHeartbeat(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, c := newDelegateFlags("delegate heartbeat", stderr)
	head := fs.Uint64("head", 0, "the L1 head you see: the tower must have processed up to head - max-lag")
	lag := fs.Uint64("max-lag", 5, "blocks the tower may lag behind --head")
	maxAge := fs.Duration("max-age", 2*time.Minute, "how old the heartbeat may be")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	c.keyFile = ""
	return eachTower(ctx, c, stdout, func(ctx context.Context, cl *client.Client) (any, error) {
		return cl.CheckLive(ctx, client.Liveness{Head: *head, MaxLag: *lag, MaxAge: *maxAge})
	})
}

// eachTower runs fn against every tower, prints the answers, and fails when any failed.
func eachTower(ctx context.Context, c *delegateFlags, stdout io.Writer, fn func(context.Context, *client.Client) (any, error)) error {
	clients, err := c.clients(false)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	var errs []string
	for _, cl := range clients {
		out, err := fn(ctx, cl)
		if err != nil {
			errs = append(errs, fmt.Sprintf("%s: %v", cl.URL(), err))
			continue
		}
		if err := printJSON(stdout, out); err != nil {
			return err
		}
	}
	if len(errs) > 0 {
		msg := strings.Join(errs, "; ")
		if len(clients) == 1 {
			msg = strings.TrimPrefix(msg, clients[0].URL()+": ")
		}
		return &exitError{code: 1, err: errors.New(msg)}
	}
	return nil
}

func cmdDelegateSign(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("delegate sign", flag.ContinueOnError)
	fs.SetOutput(stderr)
	keyA := fs.String("key-a", "", "party A's key file")
	keyB := fs.String("key-b", "", "party B's key file")
	chainID := fs.Uint64("chain-id", 0, "L1 chain id")
	adj := fs.String("adjudicator", "", "ChannelAdjudicator address")
	ch := fs.String("channel", "", "channel id")
	nonce := fs.Uint64("nonce", 0, "state nonce")
	balA := fs.String("balance-a", "", "party A's balance in wei")
	balB := fs.String("balance-b", "", "party B's balance in wei")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	ka, err := txmgr.LoadKey(*keyA, "")
	if err != nil {
		return usageErr("--key-a: %v", err)
	}
	kb, err := txmgr.LoadKey(*keyB, "")
	if err != nil {
		return usageErr("--key-b: %v", err)
	}
	contract, err := api.ParseAddress("--adjudicator", *adj)
	if err != nil {
		return usageErr("%v", err)
	}
	id, err := api.ParseHash("--channel", *ch)
	if err != nil {
		return usageErr("%v", err)
	}
	a, err := api.ParseWei("--balance-a", *balA)
	if err != nil {
		return usageErr("%v", err)
	}
	b, err := api.ParseWei("--balance-b", *balB)
	if err != nil {
		return usageErr("%v", err)
	}
	if *chainID == 0 || *nonce == 0 {
		return usageErr("--chain-id and --nonce are required")
	}
	s, err := signState(channelstate.Domain{ChainID: new(big.Int).SetUint64(*chainID), Contract: contract},
		channelstate.State{ChannelID: id, Nonce: *nonce, BalanceA: a, BalanceB: b}, ka, kb)
	if err != nil {
		return err
	}
	return printJSON(stdout, api.FromSigned(s))
}

func signState(d channelstate.Domain, st channelstate.State, a, b *ecdsa.PrivateKey) (channelstate.Signed, error) {
	sa, err := d.Sign(st, a)
	if err != nil {
		return channelstate.Signed{}, err
	}
	sb, err := d.Sign(st, b)
	if err != nil {
		return channelstate.Signed{}, err
	}
	return channelstate.Signed{State: st, SigA: sa, SigB: sb}, nil
}

func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func writeJSONFile(path string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(b, '\n'), 0o600)
}
