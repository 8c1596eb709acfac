// Package config is the watchtower's configuration: one YAML file, every key
// also a flag (--l1.rpc-url) and an environment variable
// (WATCHTOWER_L1_RPC_URL). Precedence: flag > env > file > default. Unknown
// keys are an error, never silently ignored.
package config

import (
	"errors"
	"flag"
	"fmt"
	"math/big"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/watchtower-l2/watchtower/internal/transport"
	"github.com/watchtower-l2/watchtower/watcher/eventauth"
	"github.com/watchtower-l2/watchtower/watcher/l2"
	"github.com/watchtower-l2/watchtower/watcher/store/redisstore"
)

// Config is the whole configuration of a watchtower process.
type Config struct {
	// DataDir holds the embedded store and the embedded NATS server's data.
	DataDir string `yaml:"data_dir" help:"directory for the embedded store and embedded NATS data"`
	// Roles run by this process: ingest, verify, challenge, api.
	Roles []string `yaml:"roles" help:"roles this process runs (comma separated): ingest,verify,challenge,api"`
	// Owner names this process in leases (default: hostname-pid).
	Owner string `yaml:"owner" help:"name of this process in challenge leases (default hostname-pid)"`
	// InsecureSecretModes accepts secret files readable by every user: for
	// dev stacks whose secrets are bind-mounted with the mode of a checkout
	// (docker compose file secrets), never for a tower holding real funds.
	InsecureSecretModes bool      `yaml:"insecure_secret_modes" help:"accept secret files readable by every user (dev stacks with bind-mounted secrets only)"`
	L1                  L1        `yaml:"l1"`
	NATS                NATS      `yaml:"nats"`
	Events              Events    `yaml:"events"`
	Store               Store     `yaml:"store"`
	Signer              Signer    `yaml:"signer"`
	API                 API       `yaml:"api"`
	Verify              Verify    `yaml:"verify"`
	Challenge           Challenge `yaml:"challenge"`
	Log                 Log       `yaml:"log"`
	Metrics             Metrics   `yaml:"metrics"`
	Health              Health    `yaml:"health"`
	// Kinds holds the section of every L2 kind the binary knows (the
	// "channel:", "plasma:"... keys), in the plug-ins' order.
	Kinds Kinds `yaml:"-"`
	// Alerts is the alert routing tree (receivers, routes, silences), kept
	// as YAML and parsed by the alerts package. Reloaded on SIGHUP.
	Alerts Section `yaml:"alerts" help:"alert receivers and routing (a YAML/JSON document when given as a flag or variable; reloaded on SIGHUP)"`
}

// L1 is the Ethereum endpoint the tower watches and challenges on. With
// several endpoints (RPCURLs, and RPCURL too if set) the tower acts only on
// the blocks, logs and call results Quorum of them agree on.
type L1 struct {
	RPCURL string `yaml:"rpc_url" help:"L1 JSON-RPC endpoint (ws:// for head subscriptions, or http://); the single-source case of rpc_urls" example:"ws://127.0.0.1:8546"`
	// RPCURLs are more endpoints; with RPCURL the tower reads the union.
	RPCURLs []string `yaml:"rpc_urls" help:"several L1 JSON-RPC endpoints (comma separated), best run by different providers; with rpc_url also set, the tower uses both (an endpoint listed twice counts once)"`
	// Quorum is how many endpoints must agree (0: a majority of them).
	Quorum int `yaml:"quorum" help:"how many L1 endpoints must return the same block hash, log set or call result before the tower acts on it (0: a majority of them)"`
	// MaxSourceLag is how far an endpoint's head may trail the agreed head
	// before it is reported lagging.
	MaxSourceLag  uint64        `yaml:"max_source_lag" help:"blocks an L1 endpoint's head may trail the agreed head before it is reported lagging"`
	ChainID       uint64        `yaml:"chain_id" help:"expected L1 chain id (0: take the endpoint's)"`
	Confirmations uint64        `yaml:"confirmations" help:"blocks on top before an event is acted on"`
	StartBlock    uint64        `yaml:"start_block" help:"first block to ingest when no cursor is stored (0: current head)"`
	PollInterval  time.Duration `yaml:"poll_interval" help:"head polling interval when subscriptions are unavailable"`
}

// NATS is the event bus.
type NATS struct {
	URL string `yaml:"url" help:"NATS server URL, or the URLs of a cluster's servers separated by commas (nats://n1:4222,nats://n2:4222,nats://n3:4222); empty starts an embedded JetStream server in data_dir"`
	// CredsFile, NKeySeedFile, User with PasswordFile, and TokenFile are
	// the ways to authenticate; set at most one.
	CredsFile    string `yaml:"creds_file" help:"NATS credentials file (user JWT and nkey seed)" file:"secret"`
	NKeySeedFile string `yaml:"nkey_seed_file" help:"file holding a NATS user nkey seed (SU...)" file:"secret"`
	User         string `yaml:"user" help:"NATS user name (with password_file)"`
	PasswordFile string `yaml:"password_file" help:"file holding the NATS user's password" file:"secret"`
	TokenFile    string `yaml:"token_file" help:"file holding a NATS authentication token" file:"secret"`
	// TLS: any tls_* key makes the client require TLS.
	TLSCAFile     string `yaml:"tls_ca_file" help:"CA certificates (PEM) that sign the NATS servers' certificates (empty: the system's)" file:"cert"`
	TLSCertFile   string `yaml:"tls_cert_file" help:"client certificate (PEM) for NATS servers that verify clients (with tls_key_file)" file:"cert"`
	TLSKeyFile    string `yaml:"tls_key_file" help:"key (PEM) of tls_cert_file" file:"secret"`
	TLSServerName string `yaml:"tls_server_name" help:"name the NATS servers' certificates must hold (default: the host dialed)"`
	Stream        string `yaml:"stream" help:"JetStream stream name"`
	Replicas      int    `yaml:"replicas" help:"JetStream replicas of the stream and its consumers (3 on a 3-node cluster: survives losing one node)"`
}

// Store is the shared state.
type Store struct {
	RedisURL string `yaml:"redis_url" help:"redis://, rediss:// (TLS), redis+cluster://host:port?addr=host2:port, or redis+sentinel://host:26379,host2:26379/MASTER_NAME (rediss+ for TLS) URL; empty uses the embedded store in data_dir"`
	// RedisUsername is the ACL user; it replaces any user in redis_url.
	RedisUsername string `yaml:"redis_username" help:"Redis ACL user (replaces one in redis_url)"`
	// RedisPasswordFile holds the Redis password; it replaces any password in redis_url.
	RedisPasswordFile string `yaml:"redis_password_file" help:"file holding the Redis password (replaces one in redis_url)" file:"secret"`
	// TLS, with a rediss:// URL.
	RedisTLSCAFile     string `yaml:"redis_tls_ca_file" help:"CA certificates (PEM) that sign the Redis servers' certificates (needs a rediss:// URL)" file:"cert"`
	RedisTLSCertFile   string `yaml:"redis_tls_cert_file" help:"client certificate (PEM) for Redis servers that verify clients (with redis_tls_key_file)" file:"cert"`
	RedisTLSKeyFile    string `yaml:"redis_tls_key_file" help:"key (PEM) of redis_tls_cert_file" file:"secret"`
	RedisTLSServerName string `yaml:"redis_tls_server_name" help:"name the Redis servers' certificates must hold (default: the host dialed)"`
	Prefix             string `yaml:"prefix" help:"key prefix in Redis"`
	// RedisMinReplicas makes every write wait (WAIT) for that many replicas.
	RedisMinReplicas    int           `yaml:"redis_min_replicas" help:"replicas that must acknowledge every write (Redis WAIT) before it counts as done; 0 does not wait (see docs/operators.md, Redis failover)"`
	RedisReplicaTimeout time.Duration `yaml:"redis_replica_timeout" help:"how long a write waits for redis_min_replicas before failing (it is retried)"`
}

// Signer is the challenger key, and the extra keys of its pool.
type Signer struct {
	KeyFile      string `yaml:"key_file" help:"challenger key: an encrypted JSON keystore or a hex private key file" file:"secret" example:"/etc/watchtower/signer.json"`
	PasswordFile string `yaml:"password_file" help:"file holding the keystore password" file:"secret" example:"/etc/watchtower/signer.password"`
	// KeyFiles are more challenger keys beside KeyFile (same formats, same
	// password file): challenges are spread over all of them, each with its
	// own nonce sequence.
	KeyFiles []string `yaml:"key_files" help:"more challenger keys beside key_file (keystores unlocked by password_file, or hex key files; comma separated): challenges are spread over all of them" file:"secret"`
	// MaxPending caps each key's challenges sent and not yet mined when
	// there are several keys.
	MaxPending int `yaml:"max_pending" help:"with key_files: challenges one key may have sent and not yet mined (the node's per-account pending limit, geth txpool.accountslots); beyond it the next key is used, or the challenge waits"`
}

// AllKeyFiles is KeyFile followed by KeyFiles: the signer pool, primary first.
func (s Signer) AllKeyFiles() []string {
	if s.KeyFile == "" {
		return slices.Clone(s.KeyFiles)
	}
	return append([]string{s.KeyFile}, s.KeyFiles...)
}

// API is the delegation HTTP API.
type API struct {
	Listen string `yaml:"listen" help:"delegation API listen address"`
	// IdentityKeyFile is the key that signs delegation receipts and
	// heartbeats: the tower's identity towards its users. It is required by
	// the api role and must not be the challenge signer key (the api role
	// faces the internet; the signer key holds funds).
	IdentityKeyFile string `yaml:"identity_key_file" help:"the api role's own key, signing delegation receipts and heartbeats (keystore or hex); required by the api role, never the signer key" file:"secret" example:"/etc/watchtower/identity.key"`
	// IdentityPasswordFile unlocks IdentityKeyFile when it is a keystore.
	IdentityPasswordFile string `yaml:"identity_password_file" help:"file holding the identity keystore's password" file:"secret"`
	// NewUsersPerMinute bounds registrations of new users, whatever their IP.
	NewUsersPerMinute int `yaml:"new_users_per_minute" help:"new users the API registers per minute at most, across all IPs (renewals do not count; 0: no limit)"`
	// RegistrationTokenFile makes a private tower: registrations must carry the token it holds.
	RegistrationTokenFile string `yaml:"registration_token_file" help:"file holding a token every registration must carry in the X-Watchtower-Registration-Token header (empty: anyone may register)" file:"secret"`
	// PerIPRate and PerUserRate bound requests per second (bursts twice as
	// large); 0 disables a limit.
	PerIPRate   float64 `yaml:"per_ip_rate" help:"requests per second one client IP may make on average (bursts of twice as many; 0: no limit)"`
	PerUserRate float64 `yaml:"per_user_rate" help:"requests per second one registered user may make on average (bursts of twice as many; 0: no limit)"`
	// TrustProxy takes the client IP from X-Forwarded-For.
	TrustProxy bool `yaml:"trust_proxy" help:"take the client IP from X-Forwarded-For (only behind a proxy you run)"`
	// RegistrationAllowlist lists the only addresses that may register (empty: any).
	RegistrationAllowlist []string `yaml:"registration_allowlist" help:"addresses allowed to register, comma separated (empty: any address)"`
}

// Verify tunes the verify role.
type Verify struct {
	Workers int `yaml:"workers" help:"concurrent verifications (batches when batch > 0) per process"`
	Batch   int `yaml:"batch" help:"events judged per round trip (0: one at a time)"`
	// AckWait is how long the events a dead verify process was judging wait
	// before JetStream gives them to another; a live one keeps its events
	// with in-progress acks every ack_wait/4.
	AckWait time.Duration `yaml:"ack_wait" help:"how long the events a dead verify process held wait before another process judges them; live ones are kept with in-progress acks every ack_wait/4 (1s to 10m)"`
}

// Bounds of verify.ack_wait: the in-progress acks (every AckWait/4) must
// not come as often as a store round trip, and a dead process's events must
// not wait longer than a short dispute window.
const (
	MinAckWait = time.Second
	MaxAckWait = 10 * time.Minute
)

// Bounds of challenge.lease_ttl. The holder of a lease renews it every
// TTL/3 and gives each renewal TTL/4, so the minimum keeps a renewal's time
// budget above a slow store round trip; the maximum bounds how long a dead
// process blocks a dispute.
const (
	MinLeaseTTL = 1500 * time.Millisecond
	MaxLeaseTTL = 10 * time.Minute
)

// Challenge tunes the challenge role.
type Challenge struct {
	LeaseTTL time.Duration `yaml:"lease_ttl" help:"how long a dead process blocks a dispute before another takes over; the holder renews every lease_ttl/3 (1.5s to 10m)"`
	Poll     time.Duration `yaml:"poll" help:"how often open disputes are scanned"`
	// MaxInFlight bounds the disputes one process works on at once, from
	// taking the lease to the challenge's inclusion.
	MaxInFlight int `yaml:"max_in_flight" help:"disputes one process works on at once, each until its challenge is mined (a storm's challenges per block are about this over the blocks one takes to be mined)"`
}

// Log configures logging.
type Log struct {
	Level  string `yaml:"level" help:"debug, info, warn or error"`
	Format string `yaml:"format" help:"console or json"`
}

// Metrics is the operations HTTP server: /metrics, /healthz, /readyz, /status.
type Metrics struct {
	Enabled bool   `yaml:"enabled" help:"serve /metrics, /healthz, /readyz and /status"`
	Listen  string `yaml:"listen" help:"listen address of the metrics and health server"`
}

// Health sets the bounds /readyz checks.
type Health struct {
	MaxHeadAge         time.Duration `yaml:"max_head_age" help:"not ready when the newest L1 block is older than this"`
	MaxIngestLag       uint64        `yaml:"max_ingest_lag" help:"not ready when the ingest cursor is more than this many blocks behind the head (beyond the confirmations)"`
	MaxConsumerPending uint64        `yaml:"max_consumer_pending" help:"not ready when the verify consumer has more undelivered events than this"`
	MinSignerBalance   string        `yaml:"min_signer_balance" help:"not ready when the challenger balance is below this, in wei"`
}

// Default returns the configuration used where nothing is set, with a
// section for each of kinds holding its defaults.
func Default(kinds l2.Plugins) Config {
	return Config{
		Kinds:     NewKinds(kinds),
		DataDir:   "./.data",
		Roles:     []string{"ingest", "verify", "challenge", "api"},
		L1:        L1{Confirmations: 2, PollInterval: 2 * time.Second, MaxSourceLag: 3},
		NATS:      NATS{Stream: "WATCHTOWER", Replicas: 1},
		Store:     Store{Prefix: "wt:", RedisReplicaTimeout: 2 * time.Second},
		Signer:    Signer{MaxPending: 16},
		API:       API{Listen: "127.0.0.1:8080", NewUsersPerMinute: 60, PerIPRate: 20, PerUserRate: 10},
		Verify:    Verify{Workers: 2, Batch: 256, AckWait: 3 * time.Second},
		Challenge: Challenge{LeaseTTL: 3 * time.Second, Poll: 250 * time.Millisecond, MaxInFlight: 256},
		Log:       Log{Level: "info", Format: "console"},
		Metrics:   Metrics{Enabled: true, Listen: "127.0.0.1:7300"},
		Health: Health{
			MaxHeadAge:         2 * time.Minute,
			MaxIngestLag:       64,
			MaxConsumerPending: 1000,
			MinSignerBalance:   "100000000000000000", // 0.1 ether
		},
	}
}

// LoadFile reads the YAML file at path into cfg. Unknown keys and values of
// the wrong type are reported as Problems naming each key's path and line.
func LoadFile(path string, cfg *Config) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("config: %w", err)
	}
	if probs := decodeYAML(b, cfg); len(probs) > 0 {
		return fmt.Errorf("config %s: %w", path, probs)
	}
	return nil
}

// field is one leaf setting with its dotted path.
type field struct {
	path    string // l1.rpc_url
	help    string
	file    string // "secret" for a file holding a secret, "" otherwise
	example string
	// sample is a value that, with the other keys' samples, makes a
	// minimal valid section (tests; falls back to example).
	sample string
	v      reflect.Value
}

var (
	durationType = reflect.TypeOf(time.Duration(0))
	sectionType  = reflect.TypeOf(Section{})
)

// isLeaf reports whether a struct-typed setting is one value (not a section of keys).
func isLeaf(t reflect.Type) bool { return t == durationType || t == sectionType }

func fields(cfg *Config) []field {
	var out []field
	var walk func(prefix string, v reflect.Value)
	walk = func(prefix string, v reflect.Value) {
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name := yamlName(f)
			if name == "" {
				continue
			}
			p := name
			if prefix != "" {
				p = prefix + "." + name
			}
			if f.Type.Kind() == reflect.Struct && !isLeaf(f.Type) {
				walk(p, v.Field(i))
				continue
			}
			out = append(out, field{path: p, help: f.Tag.Get("help"), file: f.Tag.Get("file"), example: f.Tag.Get("example"), sample: f.Tag.Get("sample"), v: v.Field(i)})
		}
	}
	walk("", reflect.ValueOf(cfg).Elem())
	for _, k := range cfg.Kinds {
		walk(k.Plugin.Name, reflect.ValueOf(k.Value).Elem())
	}
	return out
}

func yamlName(f reflect.StructField) string {
	name := strings.Split(f.Tag.Get("yaml"), ",")[0]
	if name == "-" || !f.IsExported() {
		return ""
	}
	return name
}

// Keys returns the dotted path of every setting, in file order.
func Keys(kinds l2.Plugins) []string {
	c := Config{Kinds: NewKinds(kinds)}
	var out []string
	for _, f := range fields(&c) {
		out = append(out, f.path)
	}
	return out
}

// FlagName is the flag of a key path: l1.rpc_url -> l1.rpc-url.
func FlagName(path string) string { return strings.ReplaceAll(path, "_", "-") }

// EnvName is the environment variable of a key path: l1.rpc_url -> WATCHTOWER_L1_RPC_URL.
func EnvName(path string) string {
	return "WATCHTOWER_" + strings.ToUpper(strings.NewReplacer(".", "_", "-", "_").Replace(path))
}

// Bind registers a flag for every key on fs. Values given on the command line
// are applied by Resolve after the file and environment.
func Bind(fs *flag.FlagSet, kinds l2.Plugins) *Flags {
	probe := Config{Kinds: NewKinds(kinds)}
	fl := &Flags{set: map[string]string{}, kinds: kinds}
	for _, f := range fields(&probe) {
		path := f.path
		fs.Func(FlagName(path), f.help+" (env "+EnvName(path)+")", func(s string) error {
			fl.set[path] = s
			return nil
		})
	}
	return fl
}

// Flags holds the command-line values of configuration keys, and the kinds
// whose sections they were bound for.
type Flags struct {
	set   map[string]string
	kinds l2.Plugins
}

// NoFlags is the Flags of a command without configuration flags: only the
// kinds whose sections the file and variables may set.
func NoFlags(kinds l2.Plugins) *Flags { return &Flags{set: map[string]string{}, kinds: kinds} }

// Resolve builds the configuration: defaults, then the file (if any), then
// WATCHTOWER_* variables from env, then flags; then it validates the result.
// The kinds are those fl was bound for (see Bind and NoFlags).
func Resolve(file string, env func(string) (string, bool), fl *Flags) (Config, error) {
	cfg, err := Load(file, env, fl)
	if err != nil {
		return cfg, err
	}
	if probs := cfg.Problems(); len(probs) > 0 {
		return cfg, probs
	}
	return cfg, nil
}

// Load is Resolve without the final validation, for commands such as
// `status` that need only some keys.
func Load(file string, env func(string) (string, bool), fl *Flags) (Config, error) {
	if fl == nil {
		fl = NoFlags(nil)
	}
	cfg := Default(fl.kinds)
	if file != "" {
		if err := LoadFile(file, &cfg); err != nil {
			return cfg, err
		}
	}
	var probs Problems
	for _, f := range fields(&cfg) {
		if env != nil {
			if s, ok := env(EnvName(f.path)); ok {
				if err := setValue(f.v, s); err != nil {
					probs = append(probs, Problem{Path: f.path, Msg: fmt.Sprintf("%v (from %s)", err, EnvName(f.path))})
				}
			}
		}
		if s, ok := fl.set[f.path]; ok {
			if err := setValue(f.v, s); err != nil {
				probs = append(probs, Problem{Path: f.path, Msg: fmt.Sprintf("%v (from --%s)", err, FlagName(f.path))})
			}
		}
	}
	if len(probs) > 0 {
		return cfg, fmt.Errorf("config: %w", probs)
	}
	return cfg, nil
}

func setValue(v reflect.Value, s string) error {
	switch v.Interface().(type) {
	case time.Duration:
		d, err := time.ParseDuration(s)
		if err != nil {
			return fmt.Errorf("want a duration like 2s or 500ms, got %q", s)
		}
		v.SetInt(int64(d))
		return nil
	case []string:
		var parts []string
		for _, p := range strings.Split(s, ",") {
			if p = strings.TrimSpace(p); p != "" {
				parts = append(parts, p)
			}
		}
		v.Set(reflect.ValueOf(parts))
		return nil
	case Section:
		sec, err := ParseSection([]byte(s))
		if err != nil {
			return err
		}
		v.Set(reflect.ValueOf(sec))
		return nil
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(s)
	case reflect.Int:
		n, err := strconv.Atoi(s)
		if err != nil {
			return fmt.Errorf("want an integer, got %q", s)
		}
		v.SetInt(int64(n))
	case reflect.Float64:
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return fmt.Errorf("want a number, got %q", s)
		}
		v.SetFloat(f)
	case reflect.Uint64:
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			return fmt.Errorf("want a non-negative integer, got %q", s)
		}
		v.SetUint(n)
	case reflect.Bool:
		b, err := strconv.ParseBool(s)
		if err != nil {
			return fmt.Errorf("want true or false, got %q", s)
		}
		v.SetBool(b)
	default:
		return fmt.Errorf("unsupported setting type %s", v.Type())
	}
	return nil
}

// KnownRoles are the roles a process can run.
var KnownRoles = []string{"ingest", "verify", "challenge", "api"}

// HasRole reports whether the process runs role.
func (c Config) HasRole(role string) bool {
	for _, r := range c.Roles {
		if r == role {
			return true
		}
	}
	return false
}

// Validate checks values that are wrong whatever the environment. The error
// is a Problems listing every wrong key.
func (c Config) Validate() error {
	if p := c.Problems(); len(p) > 0 {
		return p
	}
	return nil
}

// Problems lists every value that is wrong whatever the environment.
func (c Config) Problems() Problems {
	var ps Problems
	add := func(path, format string, a ...any) {
		ps = append(ps, Problem{Path: path, Msg: fmt.Sprintf(format, a...)})
	}
	if len(c.Roles) == 0 {
		add("roles", "at least one role is required (ingest, verify, challenge, api)")
	}
	for _, r := range c.Roles {
		if !slices.Contains(KnownRoles, r) {
			add("roles", "unknown role %q (known: %s)", r, strings.Join(KnownRoles, ", "))
		}
	}
	if len(c.L1.URLs()) == 0 && len(c.Roles) > 0 {
		add("l1.rpc_url", "required by every role (or l1.rpc_urls): verify confirms retractions and irrevocable events on L1 (ws://... or http://...)")
	}
	ps = append(ps, c.L1.problems()...)
	if len(c.Roles) > 0 && len(c.Kinds.Enabled()) == 0 {
		add(strings.Join(c.Kinds.Names(), "|"), "no L2 kind to guard: configure at least one of these sections with its L1 contract (every role needs the kinds it works for)")
	}
	// A single node on the embedded NATS server seals with a key it keeps in
	// data_dir; a shared bus needs keys the operator hands out.
	single := c.NATS.URL == ""
	if c.HasRole("ingest") && c.Events.SigningKeyFile == "" && !single {
		add("events.signing_key_file", "required by the ingest role on a shared NATS: every event it publishes is sealed (create a key with 'watchtower keys events --out FILE')")
	}
	if c.HasRole("verify") && len(c.Events.TrustedKeys) == 0 && c.Events.TrustedKeysFile == "" && c.Events.SigningKeyFile == "" && !single {
		add("events.trusted_keys", "required by the verify role on a shared NATS: the public keys of the ingest processes whose events it acts on ('watchtower keys events' prints one)")
	}
	for _, k := range c.Events.TrustedKeys {
		if _, err := eventauth.ParsePublic(k); err != nil {
			add("events.trusted_keys", "%v", err)
		}
	}
	if c.HasRole("challenge") && c.Signer.KeyFile == "" {
		add("signer.key_file", "required by the challenge role")
	}
	c.Signer.problems(add)
	if u := c.NATS.URL; u != "" && !hasScheme(u, "nats", "tls", "ws", "wss") {
		add("nats.url", "%q: want a nats://, tls://, ws:// or wss:// URL (several separated by commas)", u)
	}
	if c.NATS.Stream == "" {
		add("nats.stream", "must not be empty")
	}
	if c.NATS.Replicas < 1 || c.NATS.Replicas > 5 {
		add("nats.replicas", "want 1 to 5, got %d", c.NATS.Replicas)
	}
	c.Store.problems(add)
	ps = append(ps, c.transportProblems()...)
	ps = append(ps, c.Kinds.problems()...)
	if c.Verify.Workers < 1 || c.Verify.Workers > 256 {
		add("verify.workers", "must be between 1 and 256, got %d", c.Verify.Workers)
	}
	if c.Verify.Batch < 0 || c.Verify.Batch*c.Verify.Workers > 1000 {
		add("verify.batch", "must be >= 0 with batch x workers <= 1000 (JetStream's default max ack pending), got %d x %d", c.Verify.Batch, c.Verify.Workers)
	}
	switch w := c.Verify.AckWait; {
	case w < MinAckWait:
		add("verify.ack_wait", "must be at least %s (live verify processes send in-progress acks every ack_wait/4), got %s", MinAckWait, w)
	case w > MaxAckWait:
		add("verify.ack_wait", "must be at most %s (the events of a dead verify process wait that long), got %s", MaxAckWait, w)
	}
	switch ttl := c.Challenge.LeaseTTL; {
	case ttl < MinLeaseTTL:
		add("challenge.lease_ttl", "must be at least %s (the holder renews every lease_ttl/3, each renewal given lease_ttl/4: shorter leases are lost to one slow store round trip), got %s", MinLeaseTTL, ttl)
	case ttl > MaxLeaseTTL:
		add("challenge.lease_ttl", "must be at most %s (a dead process blocks its disputes that long), got %s", MaxLeaseTTL, ttl)
	}
	if n := c.Challenge.MaxInFlight; n < 1 || n > 4096 {
		add("challenge.max_in_flight", "want 1 to 4096, got %d", n)
	}
	if c.Challenge.Poll <= 0 {
		add("challenge.poll", "must be positive, got %s", c.Challenge.Poll)
	}
	if c.L1.PollInterval <= 0 {
		add("l1.poll_interval", "must be positive, got %s", c.L1.PollInterval)
	}
	switch c.Log.Level {
	case "debug", "info", "warn", "error":
	default:
		add("log.level", "want debug, info, warn or error, got %q", c.Log.Level)
	}
	switch c.Log.Format {
	case "console", "json":
	default:
		add("log.format", "want console or json, got %q", c.Log.Format)
	}
	if c.HasRole("api") {
		if _, _, err := net.SplitHostPort(c.API.Listen); err != nil {
			add("api.listen", "%q: want host:port (%v)", c.API.Listen, err)
		}
		c.API.problems(c.Signer, add)
	}
	if c.Metrics.Enabled {
		if _, _, err := net.SplitHostPort(c.Metrics.Listen); err != nil {
			add("metrics.listen", "%q: want host:port (%v)", c.Metrics.Listen, err)
		} else if c.HasRole("api") && c.Metrics.Listen == c.API.Listen {
			add("metrics.listen", "%q is also api.listen: use two ports", c.Metrics.Listen)
		}
	}
	if c.Health.MaxHeadAge <= 0 {
		add("health.max_head_age", "must be positive, got %s", c.Health.MaxHeadAge)
	}
	if _, err := c.Health.MinBalance(); err != nil {
		add("health.min_signer_balance", "%v", err)
	}
	return ps
}

// MinBalance parses MinSignerBalance (wei; empty means no minimum).
func (h Health) MinBalance() (*big.Int, error) {
	if strings.TrimSpace(h.MinSignerBalance) == "" {
		return new(big.Int), nil
	}
	n, ok := new(big.Int).SetString(strings.TrimSpace(h.MinSignerBalance), 10)
	if !ok || n.Sign() < 0 {
		return nil, fmt.Errorf("want a non-negative whole number of wei (1 ether = 1000000000000000000), got %q", h.MinSignerBalance)
	}
	return n, nil
}

// problems checks redis_url's scheme (and a Sentinel URL's master name)
// and the replica keys.
func (s Store) problems(add func(path, format string, args ...any)) {
	u := s.RedisURL
	switch {
	case u == "":
	case hasScheme(u, "redis+sentinel", "rediss+sentinel"):
		if _, err := redisstore.ParseSentinelURL(u); err != nil {
			add("store.redis_url", "%v", err)
		}
	case !hasScheme(u, "redis", "rediss", "redis+cluster", "rediss+cluster", "unix"):
		add("store.redis_url", "want a redis://, rediss://, redis+cluster:// or redis+sentinel:// URL (scheme %q)", scheme(u))
	}
	if s.RedisMinReplicas < 0 || s.RedisMinReplicas > 16 {
		add("store.redis_min_replicas", "want 0 to 16, got %d", s.RedisMinReplicas)
	}
	if s.RedisMinReplicas > 0 {
		if u == "" {
			add("store.redis_min_replicas", "set but store.redis_url is empty (the embedded store has no replicas)")
		}
		if s.RedisReplicaTimeout <= 0 {
			add("store.redis_replica_timeout", "must be positive with redis_min_replicas, got %s", s.RedisReplicaTimeout)
		}
	}
}

// scheme returns the scheme of the first URL of a list, for messages that
// must not echo credentials.
func scheme(raw string) string {
	first, _, _ := strings.Cut(strings.TrimSpace(raw), ",")
	s, _, _ := strings.Cut(first, "://")
	return s
}

// RedisURLWithPassword returns redis_url with the password from
// redis_password_file put in (the URL unchanged when no file is set).
func (s Store) RedisURLWithPassword() (string, error) {
	if s.RedisPasswordFile == "" || s.RedisURL == "" {
		return s.RedisURL, nil
	}
	pw, err := ReadSecret(s.RedisPasswordFile)
	if err != nil {
		return "", fmt.Errorf("store.redis_password_file: %w", err)
	}
	u, err := url.Parse(s.RedisURL)
	if err != nil {
		return "", fmt.Errorf("store.redis_url: %w", err)
	}
	user := ""
	if u.User != nil {
		user = u.User.Username()
	}
	u.User = url.UserPassword(user, pw)
	return u.String(), nil
}

// ReadSecret returns the contents of a secret file without trailing newlines.
// It refuses an empty file and warns nobody: permissions are the operator's
// business, but CheckFiles reports files readable by others.
func ReadSecret(path string) (string, error) { return transport.ReadSecret(path) }

// CheckFiles reports file-valued keys whose file is missing, unreadable or
// readable by every user (secrets should be mode 0600 or 0640; the last is
// not reported with insecure_secret_modes).
func (c Config) CheckFiles() Problems {
	var ps Problems
	cp := c
	for _, f := range fields(&cp) {
		if f.file == "" {
			continue
		}
		var paths []string
		switch v := f.v.Interface().(type) {
		case string:
			paths = []string{v}
		case []string:
			paths = v
		}
		for _, path := range paths {
			if path != "" {
				ps = append(ps, c.checkFile(f, path)...)
			}
		}
	}
	return ps
}

// checkFile reports what is wrong with the file path of key f.
func (c Config) checkFile(f field, path string) Problems {
	st, err := os.Stat(path)
	if err != nil {
		return Problems{{Path: f.path, Msg: fmt.Sprintf("%s: %v", path, errors.Unwrap(err))}}
	}
	if st.IsDir() {
		return Problems{{Path: f.path, Msg: path + " is a directory, want a file"}}
	}
	var ps Problems
	if fh, err := os.Open(path); err != nil {
		ps = append(ps, Problem{Path: f.path, Msg: fmt.Sprintf("%s: cannot be read: %v", path, errors.Unwrap(err))})
	} else {
		fh.Close()
	}
	if f.file == "secret" && st.Mode().Perm()&0o004 != 0 && !c.InsecureSecretModes {
		ps = append(ps, Problem{Path: f.path, Msg: fmt.Sprintf("%s is readable by every user (mode %04o): chmod 600 it", path, st.Mode().Perm())})
	}
	return ps
}

func hasScheme(raw string, schemes ...string) bool {
	first := strings.TrimSpace(strings.Split(raw, ",")[0])
	u, err := url.Parse(first)
	if err != nil || u.Scheme == "" {
		return false
	}
	return slices.Contains(schemes, strings.ToLower(u.Scheme))
}

// problems checks the extra keys of the signer pool and its pending cap.
func (s Signer) problems(add func(path, format string, args ...any)) {
	if len(s.KeyFiles) > 0 && s.KeyFile == "" {
		add("signer.key_files", "needs signer.key_file: the first key of the pool")
	}
	seen := map[string]bool{}
	for _, f := range s.AllKeyFiles() {
		if seen[filepath.Clean(f)] {
			add("signer.key_files", "%s is listed twice (with signer.key_file): give each key once", f)
		}
		seen[filepath.Clean(f)] = true
	}
	if s.MaxPending < 1 {
		add("signer.max_pending", "must be at least 1, got %d", s.MaxPending)
	}
}

// problems checks the api role's keys: its own identity key (never the
// challenge signer's), the registration limit and allowlist.
func (a API) problems(signer Signer, add func(path, format string, args ...any)) {
	switch {
	case a.IdentityKeyFile == "":
		add("api.identity_key_file", "required by the api role: its own key to sign receipts and heartbeats, not signer.key_file (see docs/operators.md)")
	case signer.KeyFile != "" && filepath.Clean(a.IdentityKeyFile) == filepath.Clean(signer.KeyFile):
		add("api.identity_key_file", "is signer.key_file: the internet-facing api role needs its own key, apart from the challenge key that holds funds")
	case slices.ContainsFunc(signer.KeyFiles, func(f string) bool { return filepath.Clean(f) == filepath.Clean(a.IdentityKeyFile) }):
		add("api.identity_key_file", "is one of signer.key_files: the internet-facing api role needs its own key, apart from the challenge keys that hold funds")
	}
	if a.PerIPRate < 0 {
		add("api.per_ip_rate", "want 0 (no limit) or more, got %g", a.PerIPRate)
	}
	if a.PerUserRate < 0 {
		add("api.per_user_rate", "want 0 (no limit) or more, got %g", a.PerUserRate)
	}
	if a.NewUsersPerMinute < 0 {
		add("api.new_users_per_minute", "want 0 (no limit) or more, got %d", a.NewUsersPerMinute)
	}
	for _, s := range a.RegistrationAllowlist {
		if !l2.IsAddress(s) {
			add("api.registration_allowlist", "%q is not a 0x-prefixed 20-byte hex address", s)
		}
	}
}
