package metrics_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"gopkg.in/yaml.v3"

	"github.com/watchtower-l2/watchtower/watcher/metrics"
)

// referenced returns the metric families named in exprs as a set.
func referenced(t *testing.T, es []string, known map[string]bool) map[string]bool {
	t.Helper()
	ks := make([]string, 0, len(known))
	for n := range known {
		ks = append(ks, n)
	}
	out := map[string]bool{}
	for _, n := range metrics.Referenced(es, ks) {
		out[n] = true
	}
	return out
}

func names(t *testing.T) map[string]bool {
	m, err := metrics.New(prometheus.NewRegistry())
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, n := range m.Names() {
		out[n] = true
	}
	return out
}

var deployments = filepath.Join("..", "..", "deployments")

// TestDashboardUsesOnlyExportedMetrics parses the Grafana dashboard and checks
// every metric it queries is exported, and that it shows the key series.
func TestDashboardUsesOnlyExportedMetrics(t *testing.T) {
	known := names(t)
	b, err := os.ReadFile(filepath.Join(deployments, "grafana", "dashboards", "watchtower.json"))
	if err != nil {
		t.Fatal(err)
	}
	var dash map[string]any
	if err := json.Unmarshal(b, &dash); err != nil {
		t.Fatalf("dashboard is not JSON: %v", err)
	}
	if dash["uid"] != "watchtower" {
		t.Errorf("dashboard uid %v", dash["uid"])
	}
	es := metrics.Exprs(dash)
	if len(es) < 10 {
		t.Fatalf("only %d queries found", len(es))
	}
	used := referenced(t, es, known)
	for n := range used {
		if !known[n] {
			t.Errorf("dashboard queries %s, which watcher/metrics does not export", n)
		}
	}
	for n := range known {
		if !used[n] {
			t.Errorf("dashboard does not show %s", n)
		}
	}
}

// TestAlertRulesUseOnlyExportedMetrics does the same for the Prometheus rules.
func TestAlertRulesUseOnlyExportedMetrics(t *testing.T) {
	known := names(t)
	b, err := os.ReadFile(filepath.Join(deployments, "prometheus", "watchtower.rules.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := yaml.Unmarshal(b, &doc); err != nil {
		t.Fatalf("rules are not YAML: %v", err)
	}
	es := metrics.Exprs(doc)
	if len(es) < 10 {
		t.Fatalf("only %d rules found", len(es))
	}
	used := referenced(t, es, known)
	for n := range used {
		if !known[n] {
			t.Errorf("alert rules use %s, which watcher/metrics does not export", n)
		}
	}
	for _, must := range []string{
		"watchtower_l1_head_updated_timestamp_seconds", "watchtower_ingest_lag_blocks",
		"watchtower_jetstream_consumer_pending_messages", "watchtower_store_errors_total",
		"watchtower_signer_balance_wei", "watchtower_dispute_deadline_blocks_left",
		"watchtower_challenges_failed_total", "watchtower_alerts_failed_total",
	} {
		if !used[must] {
			t.Errorf("no alert rule on %s", must)
		}
	}
}
