package config

import (
	"context"
	"errors"
	"flag"
	"github.com/watchtower-l2/watchtower/watcher/l2/kinds"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"gopkg.in/yaml.v3"
)

func writeFile(t *testing.T, dir, name, body string, mode os.FileMode) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(body), mode); err != nil {
		t.Fatal(err)
	}
	return p
}

// validFile writes a complete valid config whose secret files exist.
func validFile(t *testing.T, dir string) string {
	key := writeFile(t, dir, "signer.json", "{}", 0o600)
	pw := writeFile(t, dir, "signer.password", "hunter2\n", 0o600)
	events := writeFile(t, dir, "events.key", "-----BEGIN PRIVATE KEY-----\n", 0o600)
	id := writeFile(t, dir, "identity.key", "{}", 0o600)
	return writeFile(t, dir, "watchtower.yaml", `
data_dir: /var/lib/watchtower
roles: [ingest, verify, challenge, api]
l1:
  rpc_url: ws://127.0.0.1:8546
  confirmations: 3
  poll_interval: 1s
nats:
  url: nats://n1:4222,nats://n2:4222
  replicas: 3
store:
  redis_url: redis://redis:6379/0
events:
  signing_key_file: `+events+`
  trusted_keys: ["3yZe7d6nEXzN0z5Frjp3ZXQtWdTqKx2jnU9w1JqS8vE="]
signer:
  key_file: `+key+`
  password_file: `+pw+`
channel:
  adjudicator: "0x5FbDB2315678afecb367f032d93F642f64180aa3"
api:
  identity_key_file: `+id+`
metrics:
  listen: 0.0.0.0:7300
health:
  max_head_age: 90s
  min_signer_balance: "50000000000000000"
alerts:
  route:
    receiver: chat
`, 0o600)
}

func TestCheckValidFile(t *testing.T) {
	p := validFile(t, t.TempDir())
	if ps := Check(kinds.Builtin(), p, nil); len(ps) > 0 {
		t.Fatalf("valid file rejected:\n%v", ps)
	}
	cfg, err := Resolve(p, nil, NoFlags(kinds.Builtin()))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.L1.Confirmations != 3 || cfg.NATS.Replicas != 3 || cfg.Health.MaxHeadAge != 90*time.Second || !cfg.Metrics.Enabled {
		t.Fatalf("values not loaded: %+v", cfg)
	}
	if !strings.Contains(string(cfg.Alerts.Bytes()), "receiver: chat") {
		t.Fatalf("alerts section lost: %q", cfg.Alerts.Bytes())
	}
}

func TestCheckInvalidFiles(t *testing.T) {
	dir := t.TempDir()
	world := writeFile(t, dir, "world-readable.key", "k", 0o644)
	cases := []struct {
		name string
		body string
		want map[string]string // key path -> fragment of its message
	}{
		{"unknown top-level key with suggestion", "roles: [verify]\nlog_level: debug\n",
			map[string]string{"log_level": "unknown key"}},
		{"typo in nested key", "roles: [verify]\nl1:\n  rpc_ur: ws://x\n",
			map[string]string{"l1.rpc_ur": `did you mean "l1.rpc_url"`}},
		{"wrong types", "roles: [verify]\nl1:\n  confirmations: many\n  poll_interval: soon\nnats:\n  replicas: -1\nmetrics:\n  enabled: maybe\n",
			map[string]string{"l1.confirmations": "whole number", "l1.poll_interval": "duration", "nats.replicas": "want 1 to 5", "metrics.enabled": "true or false"}},
		{"section given a scalar", "roles: [verify]\nstore: redis://x\n",
			map[string]string{"store": "want a mapping"}},
		{"semantic errors", "roles: [ingest, watch]\nl1:\n  rpc_url: ftp://x\nchannel:\n  adjudicator: 0x12\nlog:\n  format: xml\nhealth:\n  min_signer_balance: 0.1 ether\n",
			map[string]string{"roles": `unknown role "watch"`, "l1.rpc_url": "ws://", "channel.adjudicator": "20-byte", "log.format": "console or json", "health.min_signer_balance": "wei"}},
		{"zero contract addresses", "roles: [verify]\nl1:\n  rpc_url: ws://x\nchannel:\n  adjudicator: \"0x0000000000000000000000000000000000000000\"\nplasma:\n  contract: \"0x0000000000000000000000000000000000000000\"\n  feed_url: http://x\n",
			map[string]string{"channel.adjudicator": "zero address", "plasma.contract": "zero address"}},
		{"required keys", "roles: [challenge]\n",
			map[string]string{"l1.rpc_url": "required", strings.Join(kinds.Builtin().Names(), "|"): "no L2 kind to guard", "signer.key_file": "required by the challenge role"}},
		{"secret files", "roles: [verify]\nsigner:\n  key_file: " + filepath.Join(dir, "missing.json") + "\n  password_file: " + world + "\n",
			map[string]string{"signer.key_file": "no such file", "signer.password_file": "readable by every user"}},
		{"duplicate key", "roles: [verify]\nlog:\n  level: info\n  level: debug\n",
			map[string]string{"log.level": "set twice"}},
		{"in flight out of range", "roles: [verify]\nchallenge:\n  max_in_flight: 0\n",
			map[string]string{"challenge.max_in_flight": "want 1 to 4096"}},
		{"ack wait too short", "roles: [verify]\nverify:\n  ack_wait: 500ms\n",
			map[string]string{"verify.ack_wait": "at least 1s"}},
		{"ack wait too long", "roles: [verify]\nverify:\n  ack_wait: 1h\n",
			map[string]string{"verify.ack_wait": "at most 10m0s"}},
		{"lease too short", "roles: [verify]\nchallenge:\n  lease_ttl: 1s\n",
			map[string]string{"challenge.lease_ttl": "at least 1.5s"}},
		{"lease too long", "roles: [verify]\nchallenge:\n  lease_ttl: 1h\n",
			map[string]string{"challenge.lease_ttl": "at most 10m0s"}},
		{"sentinel URL without a master name", "roles: [verify]\nstore:\n  redis_url: redis+sentinel://u:s3cret@s1:26379,s2:26379\n  redis_min_replicas: 1\n  redis_replica_timeout: 0s\n",
			map[string]string{"store.redis_url": "want the master name", "store.redis_replica_timeout": "must be positive"}},
		{"bad redis scheme, replicas without redis", "roles: [verify]\nstore:\n  redis_url: http://u:s3cret@r\n  redis_min_replicas: -1\n",
			map[string]string{"store.redis_url": `scheme "http"`, "store.redis_min_replicas": "want 0 to 16"}},
		{"alerts must be a mapping", "roles: [verify]\nalerts: [1, 2]\n",
			map[string]string{"alerts": "want a mapping"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := writeFile(t, t.TempDir(), "c.yaml", tc.body, 0o600)
			ps := Check(kinds.Builtin(), p, nil)
			for path, frag := range tc.want {
				i := slices.IndexFunc(ps, func(p Problem) bool { return p.Path == path })
				if i < 0 {
					t.Errorf("no problem reported for %s; got:\n%v", path, ps)
					continue
				}
				if !strings.Contains(ps[i].Error(), frag) {
					t.Errorf("%s: message %q lacks %q", path, ps[i].Error(), frag)
				}
			}
			for _, p := range ps {
				if strings.Contains(p.Error(), "s3cret") {
					t.Errorf("problem leaks a password: %v", p)
				}
				if p.Path == "" {
					t.Errorf("problem without a key path: %v", p)
				}
			}
			// Run fails the same way, naming the keys (files are read later, by run).
			if _, err := Resolve(p, nil, NoFlags(kinds.Builtin())); err == nil && tc.name != "secret files" {
				t.Errorf("Resolve accepted an invalid file")
			}
		})
	}
}

func TestCheckReportsLines(t *testing.T) {
	p := writeFile(t, t.TempDir(), "c.yaml", "roles: [verify]\n\nl1:\n  confirmations: x\n  rpc_url: ws://127.0.0.1:8546\nplasma:\n  contract: \"0x5FbDB2315678afecb367f032d93F642f64180aa3\"\n  feed_url: http://operator\n", 0o600)
	ps := Check(kinds.Builtin(), p, nil)
	if len(ps) != 1 || ps[0].Path != "l1.confirmations" || ps[0].Line != 4 {
		t.Fatalf("got %#v", ps)
	}
	if !strings.Contains(ps[0].Error(), "(line 4)") {
		t.Fatalf("line missing from %q", ps[0].Error())
	}
}

func TestCheckNotYAML(t *testing.T) {
	p := writeFile(t, t.TempDir(), "c.yaml", "roles: [verify\n", 0o600)
	ps := Check(kinds.Builtin(), p, nil)
	if len(ps) != 1 || !strings.Contains(ps[0].Msg, "not valid YAML") {
		t.Fatalf("got %v", ps)
	}
}

func TestCheckSections(t *testing.T) {
	p := validFile(t, t.TempDir())
	ps := Check(kinds.Builtin(), p, map[string]SectionCheck{"alerts": func(s Section) error {
		b := s.Bytes()
		var v struct {
			Route struct{ Receiver string } `yaml:"route"`
		}
		if err := yaml.Unmarshal(b, &v); err != nil {
			return err
		}
		return errors.New("route.receiver: unknown receiver \"" + v.Route.Receiver + "\"")
	}})
	if len(ps) != 1 || ps[0].Path != "alerts.route.receiver" || !strings.Contains(ps[0].Msg, `"chat"`) {
		t.Fatalf("got %#v", ps)
	}
}

func TestPrecedenceFileEnvFlag(t *testing.T) {
	p := validFile(t, t.TempDir())
	env := map[string]string{
		"WATCHTOWER_L1_CONFIRMATIONS": "7",
		"WATCHTOWER_LOG_LEVEL":        "debug",
		"WATCHTOWER_ALERTS":           `{"route": {"receiver": "from-env"}}`,
	}
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	fl := Bind(fs, kinds.Builtin())
	if err := fs.Parse([]string{"--log.level=warn", "--roles", "verify,challenge", "--health.max-consumer-pending=5"}); err != nil {
		t.Fatal(err)
	}
	cfg, err := Resolve(p, func(k string) (string, bool) { v, ok := env[k]; return v, ok }, fl)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.L1.Confirmations != 7 || cfg.Log.Level != "warn" || !slices.Equal(cfg.Roles, []string{"verify", "challenge"}) || cfg.Health.MaxConsumerPending != 5 {
		t.Fatalf("precedence wrong: %+v", cfg)
	}
	if !strings.Contains(string(cfg.Alerts.Bytes()), "from-env") {
		t.Fatalf("alerts from env not applied: %s", cfg.Alerts.Bytes())
	}
	_, err = Resolve(p, func(k string) (string, bool) {
		if k == "WATCHTOWER_L1_CONFIRMATIONS" {
			return "lots", true
		}
		return "", false
	}, NoFlags(kinds.Builtin()))
	if ps := AsProblems(err); len(ps) != 1 || ps[0].Path != "l1.confirmations" || !strings.Contains(ps[0].Msg, "WATCHTOWER_L1_CONFIRMATIONS") {
		t.Fatalf("env error: %v", err)
	}
}

func TestEveryKeyHasFlagEnvAndHelp(t *testing.T) {
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	Bind(fs, kinds.Builtin())
	var c Config
	for _, f := range fields(&c) {
		if f.help == "" {
			t.Errorf("%s has no help text", f.path)
		}
		if fs.Lookup(FlagName(f.path)) == nil {
			t.Errorf("%s has no flag", f.path)
		}
	}
	if EnvName("health.max_head_age") != "WATCHTOWER_HEALTH_MAX_HEAD_AGE" || FlagName("health.max_head_age") != "health.max-head-age" {
		t.Fatal("naming changed")
	}
}

func TestExampleIsCompleteAndValid(t *testing.T) {
	ex := Example(kinds.Builtin())
	for _, k := range Keys(kinds.Builtin()) {
		if k == "alerts" {
			continue
		}
		if !strings.Contains(ex, "--"+FlagName(k)+", "+EnvName(k)) {
			t.Errorf("example does not document %s", k)
		}
	}
	if !strings.Contains(ex, "# alerts:") {
		t.Error("example lacks the alerts section")
	}
	dir := t.TempDir()
	p := writeFile(t, dir, "example.yaml", ex, 0o600)
	cfg := Default(kinds.Builtin())
	if err := LoadFile(p, &cfg); err != nil {
		t.Fatalf("example does not load:\n%v", err)
	}
	if ps := cfg.Problems(); len(ps) > 0 {
		t.Fatalf("example does not validate:\n%v", ps)
	}
	// Only the example's placeholder key files are missing.
	for _, pr := range Check(kinds.Builtin(), p, nil) {
		if pr.Path != "signer.key_file" && pr.Path != "signer.password_file" && pr.Path != "api.identity_key_file" && pr.Path != "events.signing_key_file" {
			t.Errorf("unexpected problem in example: %v", pr)
		}
	}
}

func TestRedisURLWithPassword(t *testing.T) {
	pw := writeFile(t, t.TempDir(), "redis.pw", "s3cr:t@\n", 0o600)
	s := Store{RedisURL: "redis://default:old@redis:6379/0", RedisPasswordFile: pw}
	u, err := s.RedisURLWithPassword()
	if err != nil {
		t.Fatal(err)
	}
	if u != "redis://default:s3cr%3At%40@redis:6379/0" {
		t.Fatalf("got %s", u)
	}
	s.RedisPasswordFile = filepath.Join(t.TempDir(), "none")
	if _, err := s.RedisURLWithPassword(); err == nil || !strings.Contains(err.Error(), "store.redis_password_file") {
		t.Fatalf("missing file: %v", err)
	}
}

// routing reads the receiver of the alerts section's root route: the part
// of the routing tree this test watches change.
func routing(c Config) string {
	var v struct {
		Route struct {
			Receiver string `yaml:"receiver"`
		} `yaml:"route"`
	}
	_ = yaml.Unmarshal(c.Alerts.Bytes(), &v)
	return v.Route.Receiver
}

func TestWatcherReloadsOnSIGHUP(t *testing.T) {
	dir := t.TempDir()
	p := validFile(t, dir)
	cfg, err := Resolve(p, nil, NoFlags(kinds.Builtin()))
	if err != nil {
		t.Fatal(err)
	}
	w := NewWatcher(p, nil, nil, cfg)
	// The alert router swaps its routing table when the alerts section changes.
	type router struct{ receiver string }
	active := make(chan string, 4)
	w.OnReload("alerts", func(old, new Config) error {
		active <- routing(old) + "->" + routing(new)
		return nil
	})
	results := make(chan Result, 4)
	w.OnResult(func(r Result) { results <- r })
	// Belt and braces: SIGHUP must never kill the test binary.
	guard := make(chan os.Signal, 8)
	signal.Notify(guard, syscall.SIGHUP)
	defer signal.Stop(guard)
	stop := w.Start(context.Background())
	defer stop()

	body, _ := os.ReadFile(p)
	next := strings.Replace(string(body), "receiver: chat", "receiver: pager", 1)
	next = strings.Replace(next, "confirmations: 3", "confirmations: 9", 1)
	if err := os.WriteFile(p, []byte(next), 0o600); err != nil {
		t.Fatal(err)
	}
	// signal.Notify in Run may not be installed yet: resend until it lands.
	var res Result
	deadline := time.After(10 * time.Second)
wait:
	for {
		if err := syscall.Kill(os.Getpid(), syscall.SIGHUP); err != nil {
			t.Fatal(err)
		}
		select {
		case res = <-results:
			break wait
		case <-time.After(100 * time.Millisecond):
		case <-deadline:
			t.Fatal("no reload after SIGHUP")
		}
	}
	if got := <-active; got != "chat->pager" {
		t.Fatalf("routing change %q, want chat->pager", got)
	}
	if res.Err != nil || !slices.Equal(res.Applied, []string{"alerts"}) || !slices.Equal(res.NeedRestart, []string{"l1.confirmations"}) {
		t.Fatalf("result %+v", res)
	}
	cur := w.Current()
	if routing(cur) != "pager" || cur.L1.Confirmations != 3 {
		t.Fatalf("current config: routing %q confirmations %d (want pager, 3: not reloadable)", routing(cur), cur.L1.Confirmations)
	}

	// A broken file changes nothing; the running routing stays.
	if err := os.WriteFile(p, []byte(strings.Replace(next, "receiver: pager", "receiver: chat", 1)+"bogus: 1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for {
		_ = syscall.Kill(os.Getpid(), syscall.SIGHUP)
		select {
		case res = <-results:
		case <-time.After(5 * time.Second):
			t.Fatal("no reload after second SIGHUP")
		}
		break
	}
	if res.Err == nil || !strings.Contains(res.Err.Error(), "bogus: unknown key") {
		t.Fatalf("bad file accepted: %+v", res)
	}
	if routing(w.Current()) != "pager" {
		t.Fatal("a rejected file changed the routing")
	}
	select {
	case r := <-active:
		t.Fatalf("reload func called for a rejected file: %q", r)
	default:
	}
}

func TestWatcherRefusedReloadKeepsOld(t *testing.T) {
	p := validFile(t, t.TempDir())
	cfg, _ := Resolve(p, nil, NoFlags(kinds.Builtin()))
	w := NewWatcher(p, nil, nil, cfg)
	w.OnReload("health", func(old, new Config) error { return errors.New("no thanks") })
	body, _ := os.ReadFile(p)
	_ = os.WriteFile(p, []byte(strings.Replace(string(body), "max_head_age: 90s", "max_head_age: 30s", 1)), 0o600)
	res := w.Reload()
	if res.Err == nil || len(res.Applied) != 0 || w.Current().Health.MaxHeadAge != 90*time.Second {
		t.Fatalf("refused reload applied: %+v", res)
	}
	if r := w.Reload(); !slices.Equal(r.Changed, []string{"health.max_head_age"}) {
		t.Fatalf("change forgotten: %+v", r)
	}
}

// The api role needs its own identity key, never the signer's; the
// registration keys are checked.
func TestAPIKeys(t *testing.T) {
	base := Default(kinds.Builtin())
	base.L1.RPCURL = "ws://127.0.0.1:8546"
	if err := base.Set("channel.adjudicator", "0x5FbDB2315678afecb367f032d93F642f64180aa3"); err != nil {
		t.Fatal(err)
	}
	base.Signer.KeyFile = "/etc/watchtower/signer.json"
	base.API.IdentityKeyFile = "/etc/watchtower/identity.key"
	if ps := base.Problems(); len(ps) > 0 {
		t.Fatalf("valid api config rejected: %v", ps)
	}
	cases := []struct {
		name string
		edit func(*Config)
		path string
		want string
	}{
		{"no identity key", func(c *Config) { c.API.IdentityKeyFile = "" }, "api.identity_key_file", "required by the api role"},
		{"the signer key", func(c *Config) { c.API.IdentityKeyFile = "/etc/watchtower/../watchtower/signer.json" }, "api.identity_key_file", "is signer.key_file"},
		{"negative new users", func(c *Config) { c.API.NewUsersPerMinute = -1 }, "api.new_users_per_minute", "want 0"},
		{"bad allowlist entry", func(c *Config) {
			c.API.RegistrationAllowlist = []string{"0x5FbDB2315678afecb367f032d93F642f64180aa3", "alice"}
		}, "api.registration_allowlist", `"alice"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := base
			tc.edit(&c)
			ps := c.Problems()
			if len(ps) != 1 || ps[0].Path != tc.path || !strings.Contains(ps[0].Msg, tc.want) || strings.Contains(ps[0].Msg, "\n") {
				t.Fatalf("got %v, want one line at %s containing %q", ps, tc.path, tc.want)
			}
		})
	}
	// Without the api role, no identity key is needed.
	c := base
	c.Roles, c.API.IdentityKeyFile = []string{"verify", "challenge"}, ""
	if ps := c.Problems(); len(ps) > 0 {
		t.Fatalf("challenge-only config rejected: %v", ps)
	}
	// Allowlists come as a comma-separated flag or variable too.
	env := map[string]string{"WATCHTOWER_API_REGISTRATION_ALLOWLIST": "0x5FbDB2315678afecb367f032d93F642f64180aa3, 0x70997970C51812dc3A010C7d01b50e0d17dc79C8"}
	got, err := Load("", func(k string) (string, bool) { v, ok := env[k]; return v, ok }, NoFlags(kinds.Builtin()))
	if err != nil || len(got.API.RegistrationAllowlist) != 2 {
		t.Fatalf("allowlist from the environment: %v %v", got.API.RegistrationAllowlist, err)
	}
}
