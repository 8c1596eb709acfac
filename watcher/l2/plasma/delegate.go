package plasma

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/ethereum/go-ethereum/common"

	"github.com/watchtower-l2/watchtower/proofs/plasmatx"
	"github.com/watchtower-l2/watchtower/watcher/store"
)

// Register delegates monitoring: alerts about the funds of the addresses, and
// about the given outputs, name their owners. Registering again is a no-op.
func (k *Kind) Register(ctx context.Context, addrs []common.Address, outputs []plasmatx.Pos) error {
	for _, a := range addrs {
		if err := k.store.Put(ctx, k.keys.watcher(a), []byte("1")); err != nil {
			return fmt.Errorf("plasma: register %s: %w", a.Hex(), err)
		}
		if err := k.store.IndexAdd(ctx, k.keys.watchers(), a.Hex(), 0); err != nil {
			return fmt.Errorf("plasma: register %s: %w", a.Hex(), err)
		}
	}
	for _, p := range outputs {
		if !p.Valid() {
			return fmt.Errorf("plasma: register output: %w: %d", plasmatx.ErrPosition, uint64(p))
		}
		if err := k.store.Put(ctx, k.keys.watchOut(p), []byte("1")); err != nil {
			return fmt.Errorf("plasma: register output %s: %w", p, err)
		}
		if err := k.store.IndexAdd(ctx, k.keys.watchOuts(), strconv.FormatUint(uint64(p), 10), int64(p.Block())); err != nil {
			return fmt.Errorf("plasma: register output %s: %w", p, err)
		}
	}
	return nil
}

func (k *Kind) isRegistered(ctx context.Context, key string) bool {
	_, err := k.store.Get(ctx, key)
	return err == nil
}

// named returns the users to name in an alert: those of addrs that registered,
// plus the owners of registered outputs among outs (falling back to addrs when
// the lookups fail, so an alert never loses its users to a store hiccup).
func (k *Kind) named(ctx context.Context, addrs []common.Address, outs []plasmatx.Pos) []string {
	var users []string
	add := func(a common.Address) {
		if h := a.Hex(); !slices.Contains(users, h) {
			users = append(users, h)
		}
	}
	for _, a := range addrs {
		if k.isRegistered(ctx, k.keys.watcher(a)) {
			add(a)
		}
	}
	for _, p := range outs {
		if !k.isRegistered(ctx, k.keys.watchOut(p)) {
			continue
		}
		if o, err := k.Output(ctx, p); err == nil {
			add(o.Owner)
		} else {
			for _, a := range addrs {
				add(a)
			}
		}
	}
	return users
}

// usersWithFunds lists registered users who hold unspent outputs in the chain
// (and owners of registered unspent outputs): who must exit when the operator
// turns bad.
func (k *Kind) usersWithFunds(ctx context.Context) ([]string, error) {
	var users []string
	ws, err := k.store.IndexRange(ctx, k.keys.watchers(), 1<<53, 0)
	if err != nil {
		return nil, fmt.Errorf("plasma: list registered users: %w", err)
	}
	for _, w := range ws {
		a := common.HexToAddress(w.Member)
		outs, err := k.store.IndexRange(ctx, k.keys.owner(a), 1<<53, 1)
		if err != nil {
			return nil, fmt.Errorf("plasma: outputs of %s: %w", a.Hex(), err)
		}
		if len(outs) > 0 {
			users = append(users, a.Hex())
		}
	}
	os, err := k.store.IndexRange(ctx, k.keys.watchOuts(), 1<<53, 0)
	if err != nil {
		return nil, fmt.Errorf("plasma: list registered outputs: %w", err)
	}
	for _, e := range os {
		n, err := strconv.ParseUint(e.Member, 10, 64)
		if err != nil {
			continue
		}
		p := plasmatx.Pos(n)
		if _, err := k.Spent(ctx, p); err == nil {
			continue
		} else if !errors.Is(err, store.ErrNotFound) {
			return nil, err
		}
		o, err := k.Output(ctx, p)
		if err != nil {
			continue
		}
		if h := o.Owner.Hex(); !slices.Contains(users, h) {
			users = append(users, h)
		}
	}
	return users, nil
}
