package main

import (
	"context"
	"io"
	"os"

	"github.com/ethereum/go-ethereum/common"

	"github.com/watchtower-l2/watchtower/internal/config"
	"github.com/watchtower-l2/watchtower/watcher/delegation/api"
	"github.com/watchtower-l2/watchtower/watcher/delegation/client"
)

// cmdDelegateRegister is `watchtower delegate register`: register the key's
// address at each tower, or renew its subscription. A private tower wants
// its registration token (--registration-token-file).
func cmdDelegateRegister(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, c := newDelegateFlags("delegate register", stderr)
	tokenFile := fs.String("registration-token-file", os.Getenv("WATCHTOWER_REGISTRATION_TOKEN_FILE"),
		"file holding a private tower's registration token (env WATCHTOWER_REGISTRATION_TOKEN_FILE)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	token := ""
	if *tokenFile != "" {
		var err error
		if token, err = config.ReadSecret(*tokenFile); err != nil {
			return usageErr("--registration-token-file: %v", err)
		}
	}
	return eachTower(ctx, c, stdout, func(ctx context.Context, cl *client.Client) (any, error) {
		cl.RegistrationToken = token
		return cl.Register(ctx)
	})
}

// cmdDelegateShow is `watchtower delegate show`: what a tower holds for a
// channel. With --key (a party's key) the read is signed and the tower
// answers the full state; without, only the nonce it holds.
func cmdDelegateShow(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, c := newDelegateFlags("delegate show", stderr)
	ch := fs.String("channel", "", "channel id (0x + 64 hex digits)")
	kind := fs.String("kind", "", "show a proof of this kind (with --subject)")
	subject := fs.String("subject", "", "what the proof is about, as the tower's receipt names it (with --kind)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *kind != "" {
		if *subject == "" {
			return usageErr("--kind needs --subject")
		}
		return eachTower(ctx, c, stdout, func(ctx context.Context, cl *client.Client) (any, error) { return cl.HeldProof(ctx, *kind, *subject) })
	}
	id, err := api.ParseHash("--channel", *ch)
	if err != nil {
		return usageErr("%v", err)
	}
	return eachTower(ctx, c, stdout, func(ctx context.Context, cl *client.Client) (any, error) {
		if cl.User() == (common.Address{}) {
			return cl.HeldNonce(ctx, id)
		}
		return cl.HeldState(ctx, id)
	})
}
