package main

import (
	"context"
	"io"

	"github.com/watchtower-l2/watchtower/watcher/delegation/api"
	"github.com/watchtower-l2/watchtower/watcher/delegation/client"
)

// cmdDelegateStatus is `watchtower delegate status`: a user's subscription at
// each tower (slots used and free, expiry block) and what the tower holds.
func cmdDelegateStatus(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, c := newDelegateFlags("delegate status", stderr)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if c.keyFile == "" {
		return usageErr("--key is required (your account's key file, or set WATCHTOWER_USER_KEY)")
	}
	type status struct {
		Tower string `json:"tower"`
		api.Subscription
		Items []api.Item `json:"items"`
	}
	return eachTower(ctx, c, stdout, func(ctx context.Context, cl *client.Client) (any, error) {
		sub, err := cl.Status(ctx)
		if err != nil {
			return nil, err
		}
		items, err := cl.Items(ctx)
		if err != nil {
			return nil, err
		}
		return status{Tower: cl.URL(), Subscription: sub, Items: items}, nil
	})
}
