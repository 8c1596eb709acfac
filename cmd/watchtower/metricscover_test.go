package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"gopkg.in/yaml.v3"

	"github.com/watchtower-l2/watchtower/watcher/metrics"
)

// situational are the metrics the dashboard or the alert rules use that a
// healthy run does not produce a series for, with the reason. Keep it short:
// everything else must show after TestRunAgainstJSONRPC.
var situational = map[string]string{
	"watchtower_challenges_failed_total":       "only when a challenge misses, reverts or fails",
	"watchtower_verify_errors_total":           "only when a verification fails and is redelivered",
	"watchtower_verify_events_rejected_total":  "only when a bus message is unsealed or badly sealed",
	"watchtower_store_errors_total":            "only when a store operation fails",
	"watchtower_metrics_source_errors_total":   "only when a scrape-time read fails",
	"watchtower_config_reloads_total":          "only after a SIGHUP",
	"watchtower_alerts_failed_total":           "only when a receiver fails",
	"watchtower_l1_source_disagreements_total": "only when an L1 endpoint answers differently from the quorum",
	// The run's one dispute is challenged and final within a few blocks;
	// nothing is open when /metrics is read.
	"watchtower_dispute_deadline_blocks_left": "one series per open dispute",
	"watchtower_disputes_open":                "series per kind and status of open disputes",
}

// deploymentMetrics returns the metric families the Grafana dashboard and
// the Prometheus alert rules refer to.
func deploymentMetrics(t *testing.T) []string {
	t.Helper()
	m, err := metrics.New(prometheus.NewRegistry())
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join("..", "..", "deployments")
	var es []string
	for _, f := range []string{filepath.Join("grafana", "dashboards", "watchtower.json"), filepath.Join("prometheus", "watchtower.rules.yml")} {
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		var doc any
		if strings.HasSuffix(f, ".json") {
			err = json.Unmarshal(b, &doc)
		} else {
			err = yaml.Unmarshal(b, &doc)
		}
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		es = append(es, metrics.Exprs(doc)...)
	}
	return metrics.Referenced(es, m.Names())
}

// checkDeploymentMetrics fails for every metric of the dashboard and alert
// rules without a series in the exposition text scraped (outside situational).
func checkDeploymentMetrics(t *testing.T, scraped string) {
	t.Helper()
	have := map[string]bool{}
	for _, line := range strings.Split(scraped, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, _, _ := strings.Cut(line, "{")
		name, _, _ = strings.Cut(name, " ")
		have[name] = true
		for _, suf := range []string{"_bucket", "_sum", "_count"} {
			if base, ok := strings.CutSuffix(name, suf); ok {
				have[base] = true
			}
		}
	}
	used := deploymentMetrics(t)
	if len(used) < 10 {
		t.Fatalf("only %d metrics found in the deployments", len(used))
	}
	for _, n := range used {
		if have[n] && situational[n] != "" {
			t.Logf("situational %s has a series", n)
		}
		if !have[n] && situational[n] == "" {
			t.Errorf("the dashboard or alert rules use %s, but /metrics has no series for it after a run", n)
		}
	}
}

// checkShutdownLogs checks a stopped run logged what each role drains, that
// each stopped, and a final line with the time the stop took.
func checkShutdownLogs(t *testing.T, logs string) {
	t.Helper()
	for _, want := range []string{
		"stop requested",
		`"role": "ingest", "drains": "stops at a block boundary`,
		`"role": "verify", "drains": "finishes the verdicts in flight`,
		`"role": "api", "drains": "stops accepting connections`,
		`role stopped	{"role": "challenge"`,
		"stopping the operations server",
		"closing the store",
		"watchtower stopped",
		`"stop_took"`,
	} {
		if !strings.Contains(logs, want) {
			t.Errorf("the logs of a stopped run lack %q", want)
		}
	}
	// How many challenges are in flight at the stop depends on timing (the
	// last one may still be recording its receipt); that the role says so
	// does not.
	if !regexp.MustCompile(`"role": "challenge", "drains": "brings \d+ challenge job\(s\) in flight`).MatchString(logs) {
		t.Errorf("the logs of a stopped run do not say how many challenges the challenge role brings to a recorded state")
	}
	if i, j := strings.LastIndex(logs, "watchtower stopped"), strings.LastIndex(logs, "closing the store"); i < j {
		t.Errorf("\"watchtower stopped\" is not the last line about stopping")
	}
}
