package config

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/watchtower-l2/watchtower/watcher/l2"
)

// sectionDocs introduces each section of the example file.
var sectionDocs = map[string]string{
	"l1":        "The L1 chain the tower watches and sends challenges to.",
	"nats":      "JetStream carries events from ingest to verify. Leave url empty for an embedded single-node server.\nLog in with one of creds_file, nkey_seed_file, user with password_file, or token_file; any tls_* key requires TLS.",
	"events":    "Ingest seals every event it publishes; verify acts only on events sealed by a trusted key (see the Trust boundary in docs/operators.md). Create a key with 'watchtower keys events --out FILE'. With the embedded NATS server both may be left empty: the node makes its own key in data_dir.",
	"store":     "Shared state: delegated proofs, verdicts, challenge jobs and leases. Empty redis_url = embedded Pebble in data_dir (one process only).\nFor failover use a Sentinel URL (redis+sentinel://s1:26379,s2:26379,s3:26379/MASTER_NAME) with redis_min_replicas: 1.\nFor TLS use a rediss:// URL with the redis_tls_* keys; redis_username and redis_password_file log in as an ACL user.",
	"signer":    "The challenger account (challenge role). Keep both files mode 0600, owned by the tower's user.",
	"api":       "The delegation HTTP API (api role): users hand co-signed states to the tower here. It signs receipts with its own identity key, never the signer key (docs/operators.md).",
	"challenge": "The challenge role: one challenge per dispute across all processes, serialised by leases in the store.",
	"log":       "Logging to stderr.",
	"metrics":   "Operations server: /metrics (Prometheus), /healthz, /readyz, /status. Keep it off the public network.",
	"health":    "Bounds of /readyz: a check beyond its bound makes the process not ready, with the reason in the body.",
}

// alertsExample is the commented routing example; the alerts package owns its schema.
const alertsExample = `# alerts: receivers and the routing tree (reloaded on SIGHUP). Secrets come
# from *_file keys. Uncomment and adapt; 'watchtower config check' validates it.
# alerts:
#   receivers:
#     - name: oncall
#       pagerduty:
#         routing_key_file: /etc/watchtower/pagerduty.key
#     - name: chat
#       slack:
#         webhook_url_file: /etc/watchtower/slack.url
#   route:
#     receiver: chat
#     routes:
#       - receiver: oncall
#         min_severity: critical
#         continue: true
`

// Example returns a complete configuration file with every key, its default
// (or an example value for required keys), what it does, and its flag and
// environment variable. It passes Validate.
func Example(kinds l2.Plugins) string {
	var b strings.Builder
	b.WriteString(`# watchtower configuration (watchtower config example).
#
# Every key is also a flag and an environment variable:
#   l1.rpc_url  ->  --l1.rpc-url  and  WATCHTOWER_L1_RPC_URL
# Precedence: flag > environment > this file > default. Unknown keys are an
# error. Check a file with: watchtower config check FILE
# SIGHUP re-reads the file and applies what can change without a restart
# (alerts; watched contracts, by restarting the roles gracefully); other
# changes are logged as needing a restart.

`)
	def := Default(kinds)
	writeExample(&b, reflect.ValueOf(def), reflect.TypeOf(def), "", 0, def.Kinds)
	return b.String()
}

// writeExample writes the keys of struct v; kinds, at the top level, are
// written before the alerts section, each introduced by its Doc.
func writeExample(b *strings.Builder, v reflect.Value, t reflect.Type, prefix string, depth int, kinds Kinds) {
	indent := strings.Repeat("  ", depth)
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name := yamlName(f)
		if name == "" {
			continue
		}
		p := joinKey(prefix, name)
		if f.Type == sectionType {
			if len(kinds) > 0 {
				b.WriteString("\n" + indent + "# The L2 kinds this binary knows, one section each. A tower guards the kinds whose\n" +
					indent + "# section names a contract (at least one; any one alone is enough).\n")
			}
			for _, k := range kinds {
				b.WriteString("\n")
				for _, line := range strings.Split(k.Plugin.Doc, "\n") {
					b.WriteString(indent + "# " + line + "\n")
				}
				b.WriteString(indent + k.Plugin.Name + ":\n")
				kv := reflect.ValueOf(k.Value).Elem()
				writeExample(b, kv, kv.Type(), k.Plugin.Name, depth+1, nil)
			}
			b.WriteString("\n" + alertsExample)
			continue
		}
		if f.Type.Kind() == reflect.Struct && !isLeaf(f.Type) {
			b.WriteString("\n")
			if doc := sectionDocs[p]; doc != "" {
				for _, line := range strings.Split(doc, "\n") {
					b.WriteString(indent + "# " + line + "\n")
				}
			}
			b.WriteString(indent + name + ":\n")
			writeExample(b, v.Field(i), f.Type, p, depth+1, nil)
			continue
		}
		help := f.Tag.Get("help")
		fmt.Fprintf(b, "%s# %s\n%s# --%s, %s\n", indent, help, indent, FlagName(p), EnvName(p))
		val := exampleValue(v.Field(i), f.Tag.Get("example"))
		fmt.Fprintf(b, "%s%s: %s\n", indent, name, val)
	}
}

func exampleValue(v reflect.Value, example string) string {
	if example != "" {
		return scalar(example)
	}
	switch x := v.Interface().(type) {
	case time.Duration:
		return x.String()
	case []string:
		q := make([]string, len(x))
		for i, s := range x {
			q[i] = scalar(s)
		}
		return "[" + strings.Join(q, ", ") + "]"
	case string:
		if x == "" {
			return `""`
		}
		return scalar(x)
	case bool:
		return strconv.FormatBool(x)
	case int:
		return strconv.Itoa(x)
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case uint64:
		return strconv.FormatUint(x, 10)
	}
	return fmt.Sprint(v.Interface())
}

// scalar renders s as a YAML string scalar, quoting when needed.
func scalar(s string) string {
	out, err := yaml.Marshal(s)
	if err != nil {
		return strconv.Quote(s)
	}
	return strings.TrimSuffix(string(out), "\n")
}
