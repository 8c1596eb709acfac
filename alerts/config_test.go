package alerts

import (
	"context"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"
)

func TestREADMEExamplesParse(t *testing.T) {
	b, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```yaml\n(.*?)```").FindAllStringSubmatch(string(b), -1)
	if len(blocks) < 2 {
		t.Fatalf("found %d yaml examples, want at least Slack and PagerDuty", len(blocks))
	}
	// The examples read their secrets from /run/secrets: provide them.
	dir := t.TempDir()
	for _, f := range regexp.MustCompile(`/run/secrets/(\w+)`).FindAllStringSubmatch(string(b), -1) {
		content := "secret-value"
		if strings.HasSuffix(f[1], "url") {
			content = "https://hooks.example.org/" + f[1]
		}
		writeSecret(t, dir, f[1], content+"\n")
	}
	for i := range blocks {
		blocks[i][1] = strings.ReplaceAll(blocks[i][1], "/run/secrets/", dir+"/")
	}
	for i, blk := range blocks {
		cfg, err := ParseConfig([]byte(blk[1]))
		if err != nil {
			t.Fatalf("example %d: %v", i, err)
		}
		if len(cfg.Receivers) == 0 || (i < 2 && cfg.Route.Receiver != "oncall-slack") {
			t.Errorf("example %d: %+v", i, cfg)
		}
	}
	cfg, _ := ParseConfig([]byte(blocks[1][1]))
	crit := Alert{Fingerprint: "d1", Kind: "channel", State: StateDetected, Severity: Critical}
	if got := receiversOf(cfg.Routes(crit)); got != "pagerduty,oncall-slack" {
		t.Errorf("critical dispute routed to %s", got)
	}
	ops := Alert{Fingerprint: "t", Kind: KindTower, State: StateDetected, Severity: Warning, Labels: map[string]string{"check": "consumer_lag"}}
	if s, _ := cfg.Silenced(ops, time.Date(2029, 1, 1, 0, 0, 0, 0, time.UTC)); !s {
		t.Error("silence not applied")
	}
	if s, _ := cfg.Silenced(ops, time.Date(2031, 1, 1, 0, 0, 0, 0, time.UTC)); s {
		t.Error("expired silence applied")
	}
	if cfg.Escalation.Thresholds[0].BlocksLeft != 300 || cfg.Escalation.Thresholds[1].sev != Critical {
		t.Errorf("thresholds %+v", cfg.Escalation.Thresholds)
	}
}

func receiversOf(ts []Target) string {
	var s []string
	for _, t := range ts {
		s = append(s, t.Receiver)
	}
	return strings.Join(s, ",")
}

func TestConfigErrorsNameTheKey(t *testing.T) {
	for _, tc := range []struct{ yaml, want string }{
		{"receivers:\n  - name: a\n    slack:\n      webhok_url: x\nroute: {receiver: a}\n", "receivers[0].slack.webhok_url: unknown key (line 4)"},
		{"route:\n  receiver: a\n  routes:\n    - matchers: [x]\n", "route.routes[0].matchers: unknown key"},
		{"bogus: 1\n", "bogus: unknown key"},
		{"receivers:\n  - name: a\n    slack: {webhook_url: https://x}\nroute:\n  receiver: a\n  routes:\n    - receiver: b\n", `route.routes[0].receiver: unknown receiver "b"`},
		{"receivers:\n  - name: a\n    slack: {webhook_url: x, webhook_url_file: y}\nroute: {receiver: a}\n", "receivers[0].slack.webhook_url: set exactly one of"},
		{"receivers:\n  - name: a\n    slack: {webhook_url: https://x}\n    pagerduty: {routing_key: k}\nroute: {receiver: a}\n", "receivers[0]: exactly one of"},
		{"receivers:\n  - name: a\n    slack: {webhook_url: https://x}\nroute: {receiver: a, min_severity: loud}\n", "route.min_severity: unknown severity"},
		{"receivers:\n  - name: a\n    slack: {webhook_url: https://x}\nroute: {receiver: a}\nescalation:\n  thresholds:\n    - {blocks_left: 5, severity: meh}\n", "escalation.thresholds[0].severity"},
		{"receivers:\n  - name: a b\n    slack: {webhook_url: https://x}\nroute: {receiver: a}\n", "receivers[0].name"},
		{"receivers:\n  - name: a\n    slack: {webhook_url: https://x}\n    fallback: z\nroute: {receiver: a}\n", `receivers[0].fallback: unknown receiver "z"`},
		{"receivers:\n  - name: a\n    telegram: {bot_token: x}\nroute: {receiver: a}\n", "receivers[0].telegram.chat_id: required"},
		{"receivers:\n  - name: a\n    slack: {webhook_url: https://x}\nroute: {receiver: a}\nsilences:\n  - comment: all\n", "silences[0]: a silence needs match"},
		{"receivers:\n  - name: a\n    slack: {webhook_url: https://x}\nroute: {receiver: a, match_re: {kind: '('}}\n", "route.match_re.kind"},
		{"delivery: {backoff: fast}\n", "cannot unmarshal"},
	} {
		_, err := ParseConfig([]byte(tc.yaml))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: err = %v, want it to contain %q", tc.yaml, err, tc.want)
		}
	}
}

func TestLoadConfigAndSecretFiles(t *testing.T) {
	dir := t.TempDir()
	key := writeSecret(t, dir, "pd", "routing-key-123\n")
	p := filepath.Join(dir, "alerts.yaml")
	os.WriteFile(p, []byte("receivers:\n  - name: pd\n    pagerduty: {routing_key_file: "+key+"}\nroute: {receiver: pd}\ndelivery: {backoff: 5ms}\n"), 0o600)
	cfg, err := LoadConfig(p)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Delivery.Backoff != 5*time.Millisecond || cfg.Delivery.Stream != "WATCHTOWER_ALERTS" || cfg.Delivery.Attempts != 4 {
		t.Errorf("delivery %+v", cfg.Delivery)
	}
	r, err := NewReceiver(cfg.Receivers[0], cfg.Global)
	if err != nil {
		t.Fatal(err)
	}
	if got := r.(*pagerDutyReceiver); got.key != "routing-key-123" || got.url != DefaultPagerDutyURL {
		t.Errorf("key %q url %q", got.key, got.url)
	}
	cfg.Receivers[0].PagerDuty.RoutingKeyFile = filepath.Join(dir, "missing")
	if _, err := NewReceiver(cfg.Receivers[0], cfg.Global); err == nil || !strings.Contains(err.Error(), "pagerduty.routing_key_file") {
		t.Errorf("missing secret file: %v", err)
	}
	if _, err := LoadConfig(filepath.Join(dir, "nope.yaml")); err == nil {
		t.Error("missing config accepted")
	}
}

func TestWebhookOnly(t *testing.T) {
	cfg := WebhookOnly("http://127.0.0.1:9/hook")
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	if got := receiversOf(cfg.Routes(testAlert())); got != "webhook" {
		t.Errorf("routed to %q", got)
	}
}

func TestRoutingTree(t *testing.T) {
	cfg, err := ParseConfig([]byte(`
receivers:
  - {name: chat, slack: {webhook_url: https://x}}
  - {name: page, pagerduty: {routing_key: k}}
  - {name: plasma, discord: {webhook_url: https://x}}
  - {name: hook, webhook: {url: "https://x"}}
route:
  receiver: chat
  group_by: [kind]
  group_wait: 2s
  routes:
    - match_re: {kind: "plasma|sidechain"}
      receiver: plasma
      routes:
        - min_severity: critical
          receiver: page
    - match: {team: bridge}
      receiver: hook
      continue: true
    - min_severity: warning
      match: {team: bridge}
      receiver: page
      repeat_interval: 30m
`))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		a    Alert
		want string
	}{
		{Alert{Kind: "channel", Severity: Critical}, "chat"},
		{Alert{Kind: "plasma", Severity: Warning}, "plasma"},
		{Alert{Kind: "plasma", Severity: Critical}, "page"},
		{Alert{Kind: "channel", Severity: Info, Labels: map[string]string{"team": "bridge"}}, "hook"},
		{Alert{Kind: "channel", Severity: Warning, Labels: map[string]string{"team": "bridge"}}, "hook,page"},
	} {
		if got := receiversOf(cfg.Routes(tc.a)); got != tc.want {
			t.Errorf("%+v routed to %q, want %q", tc.a, got, tc.want)
		}
	}
	ts := cfg.Routes(Alert{Kind: "plasma", Severity: Warning})
	if ts[0].GroupWait != 2*time.Second || ts[0].GroupKey != "plasma|kind=plasma" {
		t.Errorf("inherited grouping %+v", ts[0])
	}
	ts = cfg.Routes(Alert{Kind: "x", Severity: Warning, Labels: map[string]string{"team": "bridge"}})
	if ts[1].RepeatInterval != 30*time.Minute || ts[0].RepeatInterval != 0 {
		t.Errorf("repeat intervals %+v", ts)
	}
}

// TestConfigChecksSecretFilesAndURLs: what `config check` runs rejects a
// missing or empty secret file and URLs that cannot be delivered to, naming
// the key and never echoing the (secret) URL.
func TestConfigChecksSecretFilesAndURLs(t *testing.T) {
	dir := t.TempDir()
	empty := writeSecret(t, dir, "empty", "\n")
	badURL := writeSecret(t, dir, "url", "hooks.slack.com/services/T/B/SECRET\n")
	missing := filepath.Join(dir, "missing")
	for _, tc := range []struct{ yaml, want string }{
		{"receivers:\n  - name: a\n    slack: {webhook_url_file: " + missing + "}\nroute: {receiver: a}\n", "receivers[0].slack.webhook_url_file: open"},
		{"receivers:\n  - name: a\n    pagerduty: {routing_key_file: " + empty + "}\nroute: {receiver: a}\n", "receivers[0].pagerduty.routing_key_file: " + empty + " is empty"},
		{"receivers:\n  - name: a\n    webhook: {url: 'https://x', secret_file: " + missing + "}\nroute: {receiver: a}\n", "receivers[0].webhook.secret_file"},
		{"receivers:\n  - name: a\n    slack: {webhook_url_file: " + badURL + "}\nroute: {receiver: a}\n", "receivers[0].slack.webhook_url_file: URL has no scheme"},
		{"receivers:\n  - name: a\n    discord: {webhook_url: 'discord.com/api/webhooks/1/SECRET'}\nroute: {receiver: a}\n", "receivers[0].discord.webhook_url: URL has no scheme"},
		{"receivers:\n  - name: a\n    webhook: {url: 'http://[::1'}\nroute: {receiver: a}\n", "receivers[0].webhook.url: not a valid URL"},
		{"receivers:\n  - name: a\n    webhook: {url: 'ftp://files.example.org/SECRET'}\nroute: {receiver: a}\n", `receivers[0].webhook.url: unsupported URL scheme "ftp"`},
		{"receivers:\n  - name: a\n    alertmanager: {url: 'https://'}\nroute: {receiver: a}\n", "receivers[0].alertmanager.url: URL has no host"},
		{"receivers:\n  - name: a\n    pagerduty: {routing_key: k, url: 'events.pagerduty.com/v2/enqueue'}\nroute: {receiver: a}\n", "receivers[0].pagerduty.url: URL has no scheme"},
	} {
		_, err := ParseConfig([]byte(tc.yaml))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: err = %v, want it to contain %q", tc.yaml, err, tc.want)
		}
		if err != nil && strings.Contains(err.Error(), "SECRET") {
			t.Errorf("error repeats the secret URL: %v", err)
		}
	}
}

// TestUnsupportedSchemeIsPermanent: a URL that can never work is a
// permanent config error, not a network error retried for a day.
func TestUnsupportedSchemeIsPermanent(t *testing.T) {
	h := &httpSender{name: "wh", client: http.DefaultClient}
	_, err := h.post(context.Background(), "ftp://files.example.org/hook", []byte("{}"), nil)
	var se *SendError
	if !errors.As(err, &se) || !se.Permanent || se.Reason != "config" {
		t.Errorf("err = %v, want a permanent config error", err)
	}
}

// TestParseConfigNodeReportsFileLines: an unknown key in the alerts section
// of a larger file is reported with its line in that file.
func TestParseConfigNodeReportsFileLines(t *testing.T) {
	file := "l1:\n  rpc_url: ws://x\n\n# alerting\nalerts:\n  receivers:\n    - name: a\n      slack:\n        webhok_url: x\n  route: {receiver: a}\n"
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(file), &doc); err != nil {
		t.Fatal(err)
	}
	root := doc.Content[0]
	var section *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "alerts" {
			section = root.Content[i+1]
		}
	}
	_, err := ParseConfigNode(section)
	if err == nil || !strings.Contains(err.Error(), "receivers[0].slack.webhok_url: unknown key (line 9)") {
		t.Errorf("err = %v, want the file's line 9", err)
	}
	if _, err := ParseConfigNode(nil); err == nil {
		t.Error("nil node accepted")
	}
}
