package metrics_test

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

var metricRE = regexp.MustCompile(`\bwatchtower_[a-zA-Z0-9_]+`)

// exprs collects every "expr" string of a decoded JSON or YAML document.
func exprs(v any, out *[]string) {
	switch x := v.(type) {
	case map[string]any:
		for k, c := range x {
			if s, ok := c.(string); ok && k == "expr" {
				*out = append(*out, s)
				continue
			}
			exprs(c, out)
		}
	case []any:
		for _, c := range x {
			exprs(c, out)
		}
	}
}

// referenced returns the metric families named in exprs (histogram series
// suffixes folded into their family).
func referenced(t *testing.T, es []string, known map[string]bool) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	for _, e := range es {
		for _, name := range metricRE.FindAllString(e, -1) {
			fam := name
			for _, suf := range []string{"_bucket", "_sum", "_count"} {
				if base, ok := strings.CutSuffix(name, suf); ok && known[base] {
					fam = base
				}
			}
			out[fam] = true
		}
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
	var es []string
	exprs(dash, &es)
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
	var es []string
	exprs(doc, &es)
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
