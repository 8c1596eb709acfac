//go:build linux

package e2e

import (
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// A watchtower container of a deployment (a compose service or a pod of a
// Helm Deployment), as the test runs it on this machine: the real binary
// with the container's arguments and environment (the image's ENV, then the
// service's), and its files (config, secrets) at the container's paths under
// a root directory of its own. Every absolute path in the arguments, the
// environment and the config file is moved under that root; every URL host
// naming a deployment service is replaced by the local stand-in's address;
// every listen address gets a free port.

// container is what a deployment gives one watchtower process.
type container struct {
	name  string
	args  []string          // after the image's entrypoint
	env   map[string]string // the image's ENV overridden by the service's
	files map[string]file   // container path -> contents
	dirs  []string          // container directories (volumes, emptyDirs)
}

// file is a file mounted in a container.
type file struct {
	body []byte
	mode os.FileMode
}

// tower is a running watchtower container.
type tower struct {
	name    string
	roles   string
	metrics string // the rewritten metrics listen address
	p       *proc
	// relaunch starts the container again (its n-th restart), with the
	// same files, environment and ports.
	relaunch func(n int) *proc
	restarts int
}

// mapper moves one container's paths and addresses onto this machine.
type mapper struct {
	t       *testing.T
	root    string
	hosts   map[string]string // "service:port" -> "127.0.0.1:PORT"
	listens map[string]string // original listen address -> free address
}

// path maps an absolute container path under the root.
func (m *mapper) path(p string) string { return filepath.Join(m.root, p) }

// value rewrites one config or environment value: URLs naming deployment
// services point at the stand-ins (a URL naming any other host fails the
// test: the deployment would not reach it either), absolute paths move
// under the root, other values are kept.
func (m *mapper) value(what, v string) string {
	if strings.Contains(v, "://") {
		for from, to := range m.hosts {
			v = strings.ReplaceAll(v, "//"+from, "//"+to)
		}
		for _, part := range strings.Split(v, ",") {
			u, err := url.Parse(strings.TrimSpace(part))
			if err == nil && u.Host != "" && !strings.HasPrefix(u.Host, "127.0.0.1:") {
				m.t.Fatalf("%s = %q names host %s, which is no service of the deployment (known: %v)", what, v, u.Host, sortedKeys(m.hosts))
			}
		}
		return v
	}
	if strings.HasPrefix(v, "/") {
		return m.path(v)
	}
	return v
}

// listen gives a container listen address a free port (the same one for
// the same address, whether it comes from the config or the environment).
func (m *mapper) listen(orig string) string {
	if a, ok := m.listens[orig]; ok {
		return a
	}
	a := freeAddr(m.t)
	m.listens[orig] = a
	return a
}

// rewriteConfig rewrites a watchtower.yaml in place of its values (keys,
// order and comments kept) and returns it with its listen addresses by key
// (api.listen, metrics.listen), already rewritten.
func (m *mapper) rewriteConfig(body []byte) ([]byte, map[string]string) {
	var doc yaml.Node
	if err := yaml.Unmarshal(body, &doc); err != nil {
		m.t.Fatalf("parse the config file: %v", err)
	}
	listens := map[string]string{}
	var walk func(n *yaml.Node, key string)
	walk = func(n *yaml.Node, key string) {
		switch n.Kind {
		case yaml.DocumentNode, yaml.SequenceNode:
			for _, c := range n.Content {
				walk(c, key)
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k := strings.TrimPrefix(key+"."+n.Content[i].Value, ".")
				walk(n.Content[i+1], k)
			}
		case yaml.ScalarNode:
			if n.Tag != "!!str" {
				return
			}
			if strings.HasSuffix(key, ".listen") {
				n.Value = m.listen(n.Value)
				listens[key] = n.Value
				return
			}
			n.Value = m.value("config "+key, n.Value)
		}
	}
	walk(&doc, "")
	out, err := yaml.Marshal(&doc)
	if err != nil {
		m.t.Fatalf("write the config file: %v", err)
	}
	return out, listens
}

// launch lays out c's files under its own root and starts it with exactly
// its environment (env -i): nothing of the test's environment leaks in.
func launch(t *testing.T, dir, bin string, hosts map[string]string, c container) *tower {
	t.Helper()
	m := &mapper{t: t, root: filepath.Join(dir, c.name+"-root"), hosts: hosts, listens: map[string]string{}}
	configPath := ""
	for i, a := range c.args {
		if a == "--config" && i+1 < len(c.args) {
			configPath = c.args[i+1]
		}
	}
	serve := len(c.args) > 0 && c.args[0] == "run"
	if _, ok := c.files[configPath]; serve && !ok {
		t.Fatalf("%s: its arguments %q name no config file that the deployment mounts", c.name, c.args)
	}
	listens := map[string]string{}
	for p, f := range c.files {
		body := f.body
		if p == configPath {
			body, listens = m.rewriteConfig(body)
		}
		writeMounted(t, m.path(p), body, f.mode)
	}
	for _, d := range c.dirs {
		if err := os.MkdirAll(m.path(d), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	env := []string{"-i"}
	for _, k := range sortedKeys(c.env) {
		v := c.env[k]
		if strings.HasSuffix(k, "_LISTEN") {
			v = m.listen(v)
			listens[strings.ToLower(strings.TrimSuffix(strings.TrimPrefix(k, "WATCHTOWER_"), "_LISTEN"))+".listen"] = v
		} else {
			v = m.value("environment "+k, v)
		}
		env = append(env, k+"="+v)
	}
	args := make([]string, len(c.args))
	for i, a := range c.args {
		args[i] = m.value("argument", a)
	}
	metrics := listens["metrics.listen"]
	if serve && metrics == "" {
		t.Fatalf("%s: neither its config nor its environment sets metrics.listen", c.name)
	}
	envBin, err := exec.LookPath("env")
	if err != nil {
		t.Fatal(err)
	}
	start := func(name string) *proc { return startProc(t, dir, name, envBin, append(append(env, bin), args...)...) }
	return &tower{name: c.name, roles: c.env["WATCHTOWER_ROLES"], metrics: metrics, p: start(c.name),
		relaunch: func(n int) *proc { return start(fmt.Sprintf("%s-restart%d", c.name, n)) }}
}

// writeMounted writes a mounted file, creating its directory.
func writeMounted(t *testing.T, path string, body []byte, mode os.FileMode) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, body, mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, mode); err != nil { // WriteFile's mode is masked by the umask
		t.Fatal(err)
	}
}

// imageEnv returns the ENV of the Dockerfile's final stage: the environment
// every watchtower container starts with.
func imageEnv(t *testing.T, dockerfile string) map[string]string {
	t.Helper()
	b, err := os.ReadFile(dockerfile)
	if err != nil {
		t.Fatal(err)
	}
	env := map[string]string{}
	text := strings.ReplaceAll(string(b), "\\\n", " ")
	for _, line := range strings.Split(text, "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) > 0 && strings.EqualFold(f[0], "FROM"):
			env = map[string]string{}
		case len(f) > 1 && strings.EqualFold(f[0], "ENV"):
			for _, kv := range f[1:] {
				k, v, ok := strings.Cut(kv, "=")
				if !ok {
					t.Fatalf("%s: ENV %q: want KEY=VALUE", dockerfile, kv)
				}
				env[k] = strings.Trim(v, `"`)
			}
		}
	}
	return env
}

// hostPort returns the host:port of a URL (the first of a comma-separated
// list), with defPort when it names none.
func hostPort(t *testing.T, raw, defPort string) string {
	t.Helper()
	u, err := url.Parse(strings.TrimSpace(strings.Split(raw, ",")[0]))
	if err != nil || u.Hostname() == "" {
		t.Fatalf("%q: not a URL with a host (%v)", raw, err)
	}
	if u.Port() == "" {
		return u.Hostname() + ":" + defPort
	}
	return u.Host
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
