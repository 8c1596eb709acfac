package main

import (
	"math/big"

	"github.com/watchtower-l2/watchtower/internal/config"
	"github.com/watchtower-l2/watchtower/watcher/health"
	"github.com/watchtower-l2/watchtower/watcher/tower"
)

// l1Roles are the roles that follow L1 (and the bus): a process running one
// of them is not ready while the L1 head is stale or NATS is unreachable.
var l1Roles = []string{tower.RoleIngest, tower.RoleVerify, tower.RoleChallenge}

// addReadiness registers the /readyz checks of the roles cfg runs. Every role
// needs the store. The api role needs nothing else: it reads the L1 head per
// request, and a stale L1 must not take it out of its Service, or users could
// not delegate during an L1 outage. ingest, verify and challenge add L1
// freshness and NATS, and each its own backlog or balance check.
func addReadiness(chk *health.Checker, cfg config.Config, d opsDeps, minBal *big.Int) {
	chk.Add("store", health.StoreReachable(d.Store))
	followsL1 := false
	for _, r := range l1Roles {
		followsL1 = followsL1 || cfg.HasRole(r)
	}
	if followsL1 {
		chk.Add("l1", health.L1HeadFresh(d.L1, cfg.Health.MaxHeadAge))
		if d.L1Sources != nil {
			// Not ready while fewer than l1.quorum endpoints are healthy.
			chk.Add("l1_sources", d.L1Sources.Ready)
		}
		if d.Bus != nil {
			chk.Add("nats", health.NATSReachable(d.Bus.Conn()))
		}
	}
	if cfg.HasRole(tower.RoleVerify) && d.Bus != nil {
		chk.Add("verify_consumer", health.ConsumerLag(d.Bus.ConsumerPending, cfg.NATS.Stream, "verify", cfg.Health.MaxConsumerPending))
	}
	if cfg.HasRole(tower.RoleIngest) {
		chk.Add("ingest", health.IngestLag(d.L1, ingestCursor(d.Store, d.ChainID), cfg.L1.Confirmations, cfg.Health.MaxIngestLag))
	}
	if d.Tower != nil && d.Tower.Sender != nil {
		chk.Add("signer", health.SignerFunded(d.Tower.Sender.Balance, minBal))
	}
}
