package main

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/internal/scenario"
	"github.com/watchtower-l2/watchtower/watcher/metrics"
)

// dev --metrics-listen serves the tower's metrics, the reaction histogram
// among them; speeds reads it with the blocks each challenge took.
func TestDevMetricsAndSpeeds(t *testing.T) {
	m, err := metrics.New(prometheus.NewRegistry())
	if err != nil {
		t.Fatal(err)
	}
	m.ChallengeReaction("channel", time.Now().Add(-30*time.Millisecond))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	addr, err := serveDevMetrics(ctx, "127.0.0.1:0", m, zap.NewNop())
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.Get("http://" + addr + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(body), `watchtower_challenge_reaction_seconds_count{kind="channel"} 1`) {
		t.Fatalf("/metrics lacks the reaction histogram:\n%s", body)
	}
	sum := scenario.Summary{Kind: "channel", Results: []scenario.Result{
		{ChallengeTx: "0x1", MinedBlock: 12, BlocksToMined: 2},
		{ChallengeTx: "0x2", MinedBlock: 15, BlocksToMined: 5},
		{Verdict: "honest"},
	}}
	sp, err := speeds(m, []scenario.Summary{sum, {Kind: "plasma"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(sp) != 2 || sp[0].Challenges != 1 || sp[0].ReactionP50Ms < 25 || sp[0].ReactionP50Ms > 50 ||
		sp[0].BlocksP50 != 2 || sp[0].BlocksP99 != 5 || sp[0].FirstBlockPct != 50 || sp[1].Challenges != 0 {
		t.Fatalf("speeds %+v", sp)
	}
	if _, err := serveDevMetrics(ctx, "127.0.0.1:-1", m, zap.NewNop()); err == nil || !strings.Contains(err.Error(), "--metrics-listen") {
		t.Fatalf("bad address: %v", err)
	}
}
