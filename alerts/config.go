package alerts

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// Config is the alerting configuration: receivers, the routing tree,
// silences, escalation thresholds and delivery tuning. It is loaded from YAML
// with LoadConfig; unknown keys are errors.
type Config struct {
	Global     Global           `yaml:"global"`
	Delivery   Delivery         `yaml:"delivery"`
	Escalation Escalation       `yaml:"escalation"`
	Receivers  []ReceiverConfig `yaml:"receivers"`
	Route      Route            `yaml:"route"`
	Silences   []Silence        `yaml:"silences"`
	// InhibitRules mute alerts while a related, more important incident is open.
	InhibitRules []InhibitRule `yaml:"inhibit_rules"`
}

// Global holds settings shared by all receivers.
type Global struct {
	// Source names this tower in payloads (PagerDuty source, webhook source).
	Source string `yaml:"source"`
	// ExternalURL links back to the tower (Alertmanager generatorURL, links).
	ExternalURL string `yaml:"external_url"`
	// ExplorerURL is a block explorer base URL; tx links are ExplorerURL/tx/<hash>.
	ExplorerURL string `yaml:"explorer_url"`
	// HTTPTimeout bounds one HTTP request to a receiver (default 10s).
	HTTPTimeout time.Duration `yaml:"http_timeout"`
}

// Delivery tunes the durable outbox.
type Delivery struct {
	// Stream is the JetStream stream of the outbox (default WATCHTOWER_ALERTS).
	Stream string `yaml:"stream"`
	// Replicas of the stream and KV buckets (default 1).
	Replicas int `yaml:"replicas"`
	// Attempts is how many sends one delivery makes before handing the alert
	// back to the outbox for a later retry (default 4).
	Attempts int `yaml:"attempts"`
	// Backoff is the first retry delay, doubled per attempt (default 1s).
	Backoff time.Duration `yaml:"backoff"`
	// MaxBackoff caps retry delays (default 1m).
	MaxBackoff time.Duration `yaml:"max_backoff"`
	// MaxRetryAfter caps how long one delivery waits on a Retry-After; longer
	// waits go back to the outbox (default 2m).
	MaxRetryAfter time.Duration `yaml:"max_retry_after"`
	// FallbackAfter is how many failed deliveries of one alert to a receiver
	// send it to the receiver's fallback as well (default 2).
	FallbackAfter int `yaml:"fallback_after"`
	// GiveUpAfter stops retrying an alert this long after it was raised
	// (default 24h); it is counted as failed with reason "expired".
	GiveUpAfter time.Duration `yaml:"give_up_after"`
	// Retention keeps outbox messages and delivery records (default 168h).
	Retention time.Duration `yaml:"retention"`
	// Fallback is the receiver used when a receiver without its own fallback
	// keeps failing.
	Fallback string `yaml:"fallback"`
	// AckWait is how long an outbox message may go unacknowledged before
	// another delivery worker gets it (default 30s).
	AckWait time.Duration `yaml:"ack_wait"`
	// Parallel is how many requests each receiver has in flight at once
	// (default 4): a slow request does not hold up the alerts behind it.
	// Alerts are taken most severe first.
	Parallel int `yaml:"parallel"`
}

// Escalation raises severity as a dispute's deadline nears while its
// challenge is not mined, and repeats open incidents.
type Escalation struct {
	// BlockTime estimates DeadlineTime from blocks left (default 12s).
	BlockTime time.Duration `yaml:"block_time"`
	// Thresholds, each applied once per incident when at most BlocksLeft
	// blocks remain before the deadline.
	Thresholds []Threshold `yaml:"thresholds"`
}

// Threshold is one escalation step.
type Threshold struct {
	BlocksLeft uint64 `yaml:"blocks_left"`
	Severity   string `yaml:"severity"`

	sev Severity
}

// Route is a node of the routing tree. An alert descends into the first
// matching child (all matching children while a child has continue: true);
// if no child matches, the node's receiver takes it. Unset receiver, group_by,
// group_wait and repeat_interval are inherited from the parent.
type Route struct {
	Receiver string `yaml:"receiver"`
	// Match requires label equality; MatchRE full-match regular expressions.
	// Labels are the alert's Labels plus severity, kind, state, chain_id,
	// contract, subject and fingerprint.
	Match   map[string]string `yaml:"match"`
	MatchRE map[string]string `yaml:"match_re"`
	// MinSeverity matches alerts at least this severe.
	MinSeverity string `yaml:"min_severity"`
	Continue    bool   `yaml:"continue"`
	// GroupBy labels: alerts of one group waiting for the same receiver are
	// sent as one chat message.
	GroupBy []string `yaml:"group_by"`
	// GroupWait is how long a receiver waits for more alerts of a group
	// before sending (default 0).
	GroupWait *time.Duration `yaml:"group_wait"`
	// RepeatInterval re-sends an incident that is still open (challenge not
	// mined, or failed: a failed challenge stays open until a person acts)
	// this often; 0 never repeats.
	RepeatInterval *time.Duration `yaml:"repeat_interval"`
	Routes         []Route        `yaml:"routes"`

	re  map[string]*regexp.Regexp
	min *Severity
}

// Silence mutes matching alerts between StartsAt and EndsAt (either may be
// empty). Updates of incidents sent before the silence still reach the
// receivers that got them, so pages can resolve.
type Silence struct {
	Match    map[string]string `yaml:"match"`
	MatchRE  map[string]string `yaml:"match_re"`
	StartsAt time.Time         `yaml:"starts_at"`
	EndsAt   time.Time         `yaml:"ends_at"`
	Comment  string            `yaml:"comment"`

	re map[string]*regexp.Regexp
}

// WebhookOnly is a configuration that sends every alert to one generic
// webhook, unsigned. Prefer SignedWebhookOnly: receivers should verify.
func WebhookOnly(url string) Config { return SignedWebhookOnly(url, "") }

// SignedWebhookOnly sends every alert to one generic webhook signed with
// secret (HMAC-SHA256, see VerifyWebhook; "" sends unsigned), e.g. for
// `watchtower dev --alert-webhook URL`.
func SignedWebhookOnly(url, secret string) Config {
	return Config{
		Receivers: []ReceiverConfig{{Name: "webhook", Webhook: &WebhookConfig{URL: url, Secret: secret}}},
		Route:     Route{Receiver: "webhook"},
	}
}

// NewWebhookSecret returns a random 256-bit webhook secret (hex), for a
// demo that prints the secret it signs with.
func NewWebhookSecret() (string, error) {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("alerts: webhook secret: %w", err)
	}
	return hex.EncodeToString(b[:]), nil
}

// LoadConfig reads and validates the YAML file at path.
func LoadConfig(path string) (Config, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return Config{}, fmt.Errorf("alerts config: %w", err)
	}
	cfg, err := ParseConfig(b)
	if err != nil {
		return Config{}, fmt.Errorf("alerts config %s: %w", path, err)
	}
	return cfg, nil
}

// ParseConfig decodes and validates YAML. Unknown keys are reported with
// their key path (e.g. receivers[0].slack.webhok_url).
func ParseConfig(b []byte) (Config, error) {
	var cfg Config
	var root yaml.Node
	if err := yaml.Unmarshal(b, &root); err != nil {
		return cfg, err
	}
	if len(root.Content) > 0 {
		if err := checkKnown(root.Content[0], reflect.TypeOf(cfg), ""); err != nil {
			return cfg, err
		}
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&cfg); err != nil && !errors.Is(err, io.EOF) {
		return cfg, err
	}
	if err := cfg.Validate(); err != nil {
		return cfg, err
	}
	return cfg, nil
}

// ParseConfigNode decodes and validates an alerts section given as the
// YAML node it was read as (e.g. the value of the tower file's alerts: key):
// unknown keys are reported with their line in that file, not in the
// section re-encoded on its own.
func ParseConfigNode(n *yaml.Node) (Config, error) {
	var cfg Config
	if n == nil {
		return cfg, errors.New("alerts: no configuration")
	}
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	if err := checkKnown(n, reflect.TypeOf(cfg), ""); err != nil {
		return cfg, err
	}
	if err := n.Decode(&cfg); err != nil {
		return cfg, err
	}
	if err := cfg.Validate(); err != nil {
		return cfg, err
	}
	return cfg, nil
}

var durationType = reflect.TypeOf(time.Duration(0))
var timeType = reflect.TypeOf(time.Time{})

// checkKnown walks the YAML tree alongside t and reports the first unknown key.
func checkKnown(n *yaml.Node, t reflect.Type, path string) error {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	switch t.Kind() {
	case reflect.Struct:
		if t == timeType || n.Kind != yaml.MappingNode {
			return nil
		}
		known := map[string]reflect.Type{}
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			name := strings.Split(f.Tag.Get("yaml"), ",")[0]
			if name != "" && name != "-" {
				known[name] = f.Type
			}
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i].Value
			p := joinPath(path, k)
			ft, ok := known[k]
			if !ok {
				return fmt.Errorf("%s: unknown key (line %d)", p, n.Content[i].Line)
			}
			if err := checkKnown(n.Content[i+1], ft, p); err != nil {
				return err
			}
		}
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			return nil
		}
		for i, c := range n.Content {
			if err := checkKnown(c, t.Elem(), fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
	case reflect.Map:
		if n.Kind != yaml.MappingNode {
			return nil
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if err := checkKnown(n.Content[i+1], t.Elem(), joinPath(path, n.Content[i].Value)); err != nil {
				return err
			}
		}
	}
	return nil
}

func joinPath(prefix, k string) string {
	if prefix == "" {
		return k
	}
	return prefix + "." + k
}

var receiverNameRE = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)

// Validate checks the configuration and fills in defaults. Errors name the
// offending key path.
func (c *Config) Validate() error {
	c.defaults()
	if !receiverNameRE.MatchString(c.Delivery.Stream) {
		return fmt.Errorf("delivery.stream: %q must be letters, digits, '-' or '_'", c.Delivery.Stream)
	}
	names := map[string]bool{}
	for i := range c.Receivers {
		r := &c.Receivers[i]
		p := fmt.Sprintf("receivers[%d]", i)
		if !receiverNameRE.MatchString(r.Name) {
			return fmt.Errorf("%s.name: %q must be 1-64 letters, digits, '-' or '_'", p, r.Name)
		}
		if names[r.Name] {
			return fmt.Errorf("%s.name: duplicate receiver %q", p, r.Name)
		}
		names[r.Name] = true
		if err := r.validate(p); err != nil {
			return err
		}
	}
	for i, r := range c.Receivers {
		if r.Fallback != "" && !names[r.Fallback] {
			return fmt.Errorf("receivers[%d].fallback: unknown receiver %q", i, r.Fallback)
		}
		if r.Fallback == r.Name && r.Name != "" {
			return fmt.Errorf("receivers[%d].fallback: a receiver cannot be its own fallback", i)
		}
	}
	if c.Delivery.Fallback != "" && !names[c.Delivery.Fallback] {
		return fmt.Errorf("delivery.fallback: unknown receiver %q", c.Delivery.Fallback)
	}
	if len(c.Receivers) == 0 {
		return errors.New("receivers: at least one receiver is required")
	}
	if c.Route.Receiver == "" {
		return errors.New("route.receiver: the root route needs a default receiver")
	}
	if err := c.Route.compile("route", names, nil); err != nil {
		return err
	}
	for i := range c.Escalation.Thresholds {
		th := &c.Escalation.Thresholds[i]
		s, err := ParseSeverity(th.Severity)
		if err != nil {
			return fmt.Errorf("escalation.thresholds[%d].severity: %w", i, err)
		}
		th.sev = s
	}
	// Most blocks left first: thresholds are crossed in this order.
	sort.SliceStable(c.Escalation.Thresholds, func(i, j int) bool {
		return c.Escalation.Thresholds[i].BlocksLeft > c.Escalation.Thresholds[j].BlocksLeft
	})
	for i := range c.InhibitRules {
		if err := c.InhibitRules[i].compile(fmt.Sprintf("inhibit_rules[%d]", i)); err != nil {
			return err
		}
	}
	for i := range c.Silences {
		s := &c.Silences[i]
		p := fmt.Sprintf("silences[%d]", i)
		if len(s.Match)+len(s.MatchRE) == 0 {
			return fmt.Errorf("%s: a silence needs match or match_re", p)
		}
		re, err := compileRE(p+".match_re", s.MatchRE)
		if err != nil {
			return err
		}
		s.re = re
	}
	return nil
}

func (c *Config) defaults() {
	d := &c.Delivery
	if d.Stream == "" {
		d.Stream = "WATCHTOWER_ALERTS"
	}
	if d.Replicas <= 0 {
		d.Replicas = 1
	}
	if d.Attempts <= 0 {
		d.Attempts = 4
	}
	if d.Backoff <= 0 {
		d.Backoff = time.Second
	}
	if d.MaxBackoff <= 0 {
		d.MaxBackoff = time.Minute
	}
	if d.MaxRetryAfter <= 0 {
		d.MaxRetryAfter = 2 * time.Minute
	}
	if d.FallbackAfter <= 0 {
		d.FallbackAfter = 2
	}
	if d.GiveUpAfter <= 0 {
		d.GiveUpAfter = 24 * time.Hour
	}
	if d.Retention <= 0 {
		d.Retention = 7 * 24 * time.Hour
	}
	if d.AckWait <= 0 {
		d.AckWait = 30 * time.Second
	}
	if d.Parallel <= 0 {
		d.Parallel = 4
	}
	if c.Global.HTTPTimeout <= 0 {
		c.Global.HTTPTimeout = 10 * time.Second
	}
	if c.Global.Source == "" {
		c.Global.Source = "watchtower"
	}
	if c.Escalation.BlockTime <= 0 {
		c.Escalation.BlockTime = 12 * time.Second
	}
}

func (r *Route) compile(p string, receivers map[string]bool, parent *Route) error {
	if parent != nil {
		if r.Receiver == "" {
			r.Receiver = parent.Receiver
		}
		if r.GroupBy == nil {
			r.GroupBy = parent.GroupBy
		}
		if r.GroupWait == nil {
			r.GroupWait = parent.GroupWait
		}
		if r.RepeatInterval == nil {
			r.RepeatInterval = parent.RepeatInterval
		}
	}
	if !receivers[r.Receiver] {
		return fmt.Errorf("%s.receiver: unknown receiver %q", p, r.Receiver)
	}
	if r.MinSeverity != "" {
		s, err := ParseSeverity(r.MinSeverity)
		if err != nil {
			return fmt.Errorf("%s.min_severity: %w", p, err)
		}
		r.min = &s
	}
	if r.GroupWait != nil && *r.GroupWait < 0 {
		return fmt.Errorf("%s.group_wait: must not be negative", p)
	}
	if r.RepeatInterval != nil && *r.RepeatInterval < 0 {
		return fmt.Errorf("%s.repeat_interval: must not be negative", p)
	}
	re, err := compileRE(p+".match_re", r.MatchRE)
	if err != nil {
		return err
	}
	r.re = re
	for i := range r.Routes {
		if err := r.Routes[i].compile(fmt.Sprintf("%s.routes[%d]", p, i), receivers, r); err != nil {
			return err
		}
	}
	return nil
}

func compileRE(p string, m map[string]string) (map[string]*regexp.Regexp, error) {
	out := make(map[string]*regexp.Regexp, len(m))
	for k, v := range m {
		re, err := regexp.Compile("^(?:" + v + ")$")
		if err != nil {
			return nil, fmt.Errorf("%s.%s: %w", p, k, err)
		}
		out[k] = re
	}
	return out, nil
}

// ParseSeverity parses "info", "warning" or "critical".
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "info":
		return Info, nil
	case "warning":
		return Warning, nil
	case "critical":
		return Critical, nil
	}
	return Info, fmt.Errorf("unknown severity %q (want info, warning or critical)", s)
}

// readSecret returns v, or the contents of file with trailing newlines removed.
func readSecret(key, v, file string) (string, error) {
	if file == "" {
		return v, nil
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return "", fmt.Errorf("%s_file: %w", key, err)
	}
	s := strings.TrimRight(string(b), "\r\n")
	if s == "" {
		return "", fmt.Errorf("%s_file: %s is empty", key, file)
	}
	return s, nil
}
