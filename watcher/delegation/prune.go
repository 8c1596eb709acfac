package delegation

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/watcher/store"
)

// PruneStats counts what one Prune removed.
type PruneStats struct {
	Users         int // expired users removed
	Channels      int // channel states forgotten (nobody else relied on them)
	Subscriptions int // subscriptions removed
}

// Run prunes expired subscriptions every PruneInterval until ctx ends. Held
// channel states are also pruned by the channel plug-in when a channel settles.
func (s *Server) Run(ctx context.Context) error {
	t := time.NewTicker(s.cfg.PruneInterval)
	defer t.Stop()
	for {
		if st, err := s.Prune(ctx); err != nil && ctx.Err() == nil {
			s.log.Warn("prune expired subscriptions", zap.Error(err))
		} else if st.Users > 0 {
			s.log.Info("pruned expired subscriptions", zap.Int("users", st.Users), zap.Int("channels", st.Channels), zap.Int("subscriptions", st.Subscriptions))
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

// Prune removes every user whose subscription ended before the current L1
// head, with what they delegated: their subscriptions, and the channel states
// nobody else relies on. The request nonce of each user is kept, so requests
// signed before the expiry can never be replayed.
func (s *Server) Prune(ctx context.Context) (PruneStats, error) {
	var st PruneStats
	head, err := s.cfg.Head(ctx)
	if err != nil {
		return st, fmt.Errorf("delegation: prune: read L1 head: %w", err)
	}
	if head == 0 {
		return st, nil
	}
	expired, err := s.cfg.Store.IndexRange(ctx, expiryIndex, int64(head)-1, 100)
	if err != nil {
		return st, fmt.Errorf("delegation: prune: %w", err)
	}
	for _, e := range expired {
		if !common.IsHexAddress(e.Member) {
			_ = s.cfg.Store.IndexRemove(ctx, expiryIndex, e.Member)
			continue
		}
		if err := s.pruneUser(ctx, common.HexToAddress(e.Member), head, &st); err != nil {
			return st, err
		}
	}
	return st, nil
}

func (s *Server) pruneUser(ctx context.Context, u common.Address, head uint64, st *PruneStats) error {
	unlock, err := s.lockUser(ctx, u)
	if err != nil {
		return err
	}
	defer unlock()
	rec, err := s.reg.user(ctx, u)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return err
	}
	if err == nil && rec.ExpiryBlock >= head {
		return nil // renewed meanwhile
	}
	items, err := s.reg.items(ctx, u)
	if err != nil {
		return err
	}
	// Delete the record first: dropChannel then sees u as inactive.
	if err := s.cfg.Store.Delete(ctx, userKey(u)); err != nil {
		return err
	}
	for _, e := range items {
		kind, subj := splitMember(e.Member)
		if in, ok := s.cfg.Intakes[kind]; ok {
			pruned, err := s.dropProof(ctx, kind, in, u, subj)
			if err != nil {
				return err
			}
			if pruned {
				st.Channels++
			}
			continue
		}
		released, err := s.reg.unsubscribe(ctx, u, kind, subj)
		if err != nil {
			return err
		}
		if released {
			s.cfg.Metrics.DelegationReleased(kind)
		}
		st.Subscriptions++
	}
	if err := s.cfg.Store.Delete(ctx, itemsKey(u)); err != nil {
		return err
	}
	if err := s.cfg.Store.IndexRemove(ctx, expiryIndex, u.Hex()); err != nil {
		return err
	}
	st.Users++
	return nil
}
