package main

import (
	"context"
	"math/big"
	"time"

	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/alerts"
	"github.com/watchtower-l2/watchtower/internal/config"
	"github.com/watchtower-l2/watchtower/watcher/bus"
	"github.com/watchtower-l2/watchtower/watcher/store"
	"github.com/watchtower-l2/watchtower/watcher/tower"
)

// opsAlertDeps is what the operational alert loop reads.
type opsAlertDeps struct {
	Config  config.Config
	ChainID uint64
	Owner   string
	L1      tower.L1
	Bus     *bus.Bus
	Store   store.Store
	Tower   *tower.Tower
	// Manager, when alert receivers are configured, escalates open disputes
	// as L1 heads pass.
	Manager *alerts.Manager
	Sink    alerts.Sink
	Log     *zap.Logger
}

// challengeGasCost is what one challenge is budgeted at for the signer
// balance alert: 300k gas at 100 gwei.
var challengeGasCost = new(big.Int).Mul(big.NewInt(300_000), big.NewInt(100e9))

// runOpsAlerts evaluates the tower's own health every period and turns it into
// alerts (fired, raised, cleared): ingest lag, verify consumer backlog, store
// unreachable, signer balance for the open challenges, no progress. It also
// feeds L1 heads to the alert manager's deadline escalation.
func runOpsAlerts(ctx context.Context, d opsAlertDeps, period time.Duration) {
	h := alerts.NewHealth(d.Sink, d.Owner)
	cfg := d.Config
	cursor := ingestCursor(d.Store, d.ChainID)
	lastCursor, lastMove := uint64(0), time.Now()
	t := time.NewTicker(period)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		report := func(c alerts.Check) {
			if err := h.Report(ctx, c); err != nil && ctx.Err() == nil {
				d.Log.Warn("operational alert not delivered", zap.Error(err))
			}
		}
		report(alerts.StoreUnreachable(d.ChainID, "store", d.Store.Ping(ctx)))
		head, err := d.L1.HeaderByNumber(ctx, nil)
		if err != nil {
			d.Log.Warn("operational checks: read L1 head", zap.Error(err))
			continue
		}
		if d.Manager != nil {
			if err := d.Manager.ObserveHead(ctx, head.Number.Uint64(), time.Unix(int64(head.Time), 0)); err != nil && ctx.Err() == nil {
				d.Log.Warn("deadline escalation", zap.Error(err))
			}
		}
		if cfg.HasRole(tower.RoleIngest) {
			if n, err := cursor(ctx); err == nil {
				report(alerts.IngestLag(d.ChainID, head.Number.Uint64(), n+cfg.L1.Confirmations, cfg.Health.MaxIngestLag/2, cfg.Health.MaxIngestLag))
				if n != lastCursor {
					lastCursor, lastMove = n, time.Now()
				}
				report(alerts.Stalled(d.ChainID, tower.RoleIngest, lastMove, time.Now(), max(2*time.Minute, 10*cfg.L1.PollInterval)))
			}
		}
		if cfg.HasRole(tower.RoleVerify) && d.Bus != nil {
			if pending, _, err := d.Bus.ConsumerPending(ctx, cfg.NATS.Stream, "verify"); err == nil {
				report(alerts.ConsumerLag(d.ChainID, cfg.NATS.Stream, "verify", pending, cfg.Health.MaxConsumerPending/2, cfg.Health.MaxConsumerPending))
			}
		}
		if d.Tower != nil && d.Tower.Sender != nil {
			open, _ := d.Tower.Queue.Open(ctx, 0)
			// The pool spreads the open challenges over its keys: each
			// key pays for its share.
			keys := d.Tower.Sender.Managers()
			share := (len(open) + len(keys) - 1) / len(keys)
			for _, k := range keys {
				if bal, err := k.Balance(ctx); err == nil {
					report(alerts.SignerBalanceLow(d.ChainID, k.From().Hex(), bal, challengeGasCost, share, 3))
				}
			}
		}
	}
}
