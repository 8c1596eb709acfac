package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"runtime/pprof"
	"time"

	"github.com/watchtower-l2/watchtower/internal/stats"

	"go.uber.org/zap"

	"github.com/ethereum/go-ethereum/common"
	"github.com/watchtower-l2/watchtower/internal/devnet"
	"github.com/watchtower-l2/watchtower/internal/scenario"
	"github.com/watchtower-l2/watchtower/watcher/metrics"
)

// devConfirmations is the demo tower's confirmation depth: a challenge
// mined devConfirmations+1 blocks after its event was sent in the first
// block it could be.
const devConfirmations = 1

// kindSpeed is one kind's speed in the --json summary.
type kindSpeed struct {
	Kind string `json:"kind"`
	// Challenges is how many challenges were broadcast with the time their
	// event was received (the reaction histogram's count).
	Challenges uint64 `json:"reaction_samples"`
	// ReactionP50Ms and ReactionP99Ms: from ingest reading the log to the
	// broadcast of its challenge, estimated from the histogram
	// watchtower_challenge_reaction_seconds as histogram_quantile would.
	ReactionP50Ms float64 `json:"reaction_p50_ms"`
	ReactionP99Ms float64 `json:"reaction_p99_ms"`
	// BlocksP50 and BlocksP99: blocks from the event to the challenge's
	// inclusion, as L1 shows them (confirmations included).
	BlocksP50 uint64 `json:"blocks_to_challenge_p50"`
	BlocksP99 uint64 `json:"blocks_to_challenge_p99"`
	// FirstBlockPct: the share of mined challenges included in the first
	// block after the event's confirmations.
	FirstBlockPct float64 `json:"mined_first_possible_block_pct"`
}

// speeds summarises each kind's reaction (from m) and blocks to challenge.
func speeds(m *metrics.Metrics, sums []scenario.Summary) ([]kindSpeed, error) {
	var out []kindSpeed
	for _, s := range sums {
		ks := kindSpeed{Kind: s.Kind}
		r, ok, err := m.ReactionOf(s.Kind)
		if err != nil {
			return nil, err
		}
		if ok {
			ks.Challenges, ks.ReactionP50Ms, ks.ReactionP99Ms = r.Count, r.P50*1000, r.P99*1000
		}
		var blocks []uint64
		first := 0
		for _, res := range s.Results {
			if res.MinedBlock == 0 || res.ChallengeTx == "" {
				continue
			}
			blocks = append(blocks, res.BlocksToMined)
			if res.BlocksToMined <= devConfirmations+1 {
				first++
			}
		}
		if len(blocks) > 0 {
			ks.BlocksP50, ks.BlocksP99, _ = stats.Percentiles(blocks)
			ks.FirstBlockPct = 100 * float64(first) / float64(len(blocks))
		}
		out = append(out, ks)
	}
	return out, nil
}

// printSpeeds prints one line per kind under the table.
func printSpeeds(w io.Writer, ks []kindSpeed) {
	for _, k := range ks {
		if k.Challenges == 0 {
			continue
		}
		fmt.Fprintf(w, "%s speed: %d challenges, reaction p50 %.1f ms, p99 %.1f ms; blocks event->mined p50 %d, p99 %d; %.0f%% mined in the first block after confirmation\n",
			k.Kind, k.Challenges, k.ReactionP50Ms, k.ReactionP99Ms, k.BlocksP50, k.BlocksP99, k.FirstBlockPct)
	}
}

// serveDevMetrics serves the demo tower's /metrics on addr until ctx ends;
// it returns the address it listens on.
func serveDevMetrics(ctx context.Context, addr string, m *metrics.Metrics, log *zap.Logger) (string, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return "", fmt.Errorf("--metrics-listen: listen on %s: %w", addr, err)
	}
	mux := http.NewServeMux()
	mux.Handle("/metrics", m.Handler())
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Warn("dev metrics server stopped", zap.Error(err))
		}
	}()
	go func() {
		<-ctx.Done()
		srv.Close() //nolint:errcheck // shutting down
	}()
	return ln.Addr().String(), nil
}

// signerAddrs are the demo tower's signer keys: accounts 1..n of the devnet.
func signerAddrs(net1 *devnet.Devnet, n int) []common.Address {
	out := make([]common.Address, n)
	for i := range out {
		out[i] = net1.Address(1 + i)
	}
	return out
}

// startCPUProfile profiles the process into path until the returned stop.
func startCPUProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, usageErr("--cpuprofile: %v", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("--cpuprofile: %w", err)
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}
