package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/alerts"
	"github.com/watchtower-l2/watchtower/internal/devnet"
	"github.com/watchtower-l2/watchtower/watcher/bus"
)

// devAlerts starts the demo's alert manager when --alerts-config or
// --alert-webhook asks for one: its durable outbox, and the escalation
// engine fed with every new L1 head. stop drains it. A nil manager means
// the demo only prints and records alerts.
func devAlerts(ctx context.Context, f devFlags, b *bus.Bus, net1 *devnet.Devnet, log *zap.Logger, progress io.Writer) (*alerts.Manager, func(), error) {
	var acfg alerts.Config
	switch {
	case f.alerts != "" && f.webhook != "":
		return nil, nil, usageErr("give --alerts-config or --alert-webhook, not both (add the webhook as a receiver of the config)")
	case f.alerts != "":
		c, err := alerts.LoadConfig(f.alerts)
		if err != nil {
			return nil, nil, usageErr("--alerts-config: %v", err)
		}
		acfg = c
		fmt.Fprintf(progress, "  alerts routed as %s says\n", f.alerts)
	case f.webhook != "":
		secret := f.secret
		if secret == "" {
			var err error
			if secret, err = alerts.NewWebhookSecret(); err != nil {
				return nil, nil, err
			}
		}
		acfg = alerts.SignedWebhookOnly(f.webhook, secret)
		fmt.Fprintf(progress, "  alerts also go to %s, signed with HMAC secret %s\n", f.webhook, secret)
	default:
		return nil, func() {}, nil
	}
	mgr, err := alerts.New(ctx, acfg, b, log)
	if err != nil {
		return nil, nil, fmt.Errorf("alerts: %w", err)
	}
	runCtx, stopRun := context.WithCancel(context.WithoutCancel(ctx))
	outDone := make(chan error, 1)
	go func() { outDone <- mgr.Run(runCtx) }()
	go observeHeads(runCtx, net1, mgr, f.blockTime, log)
	stop := func() {
		drainAlerts(mgr, log)
		stopRun()
		if err := <-outDone; err != nil {
			log.Error("alert outbox stopped with an error", zap.Error(err))
		}
	}
	return mgr, stop, nil
}

// alertDrainWait bounds how long the demo waits at its end for the alert
// outbox to deliver what it holds.
const alertDrainWait = 15 * time.Second

// drainAlerts waits until the alert outbox holds nothing undelivered, or
// alertDrainWait has passed (a receiver that keeps failing): what is left
// stays in JetStream.
func drainAlerts(mgr *alerts.Manager, log *zap.Logger) {
	ctx, cancel := context.WithTimeout(context.Background(), alertDrainWait)
	defer cancel()
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for {
		n, err := mgr.Undelivered(ctx)
		if err == nil && n == 0 {
			return
		}
		select {
		case <-ctx.Done():
			log.Warn("alerts still undelivered at the end of the demo; they stay in the outbox", zap.Int("undelivered", n), zap.Error(err))
			return
		case <-tick.C:
		}
	}
}

// observeHeads feeds each new L1 head to the escalation engine, as a
// tower's operations loop does, so that the demo's alerts escalate as their
// deadlines near.
func observeHeads(ctx context.Context, net1 *devnet.Devnet, mgr *alerts.Manager, every time.Duration, log *zap.Logger) {
	t := time.NewTicker(every)
	defer t.Stop()
	var last uint64
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		h, err := net1.Client.HeaderByNumber(ctx, nil)
		if err != nil || h.Number.Uint64() == last {
			continue
		}
		last = h.Number.Uint64()
		if err := mgr.ObserveHead(ctx, last, time.Unix(int64(h.Time), 0)); err != nil && ctx.Err() == nil {
			log.Warn("escalation: observe head", zap.Error(err))
		}
	}
}
