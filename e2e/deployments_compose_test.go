//go:build linux

package e2e

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"
	"gopkg.in/yaml.v3"

	"github.com/watchtower-l2/watchtower/internal/testutil/anviltest"
)

const composeDir = "../deployments/compose"

// composeFile is the part of docker-compose.yml the test reads (YAML merge
// keys such as <<: *watcher are resolved by the decoder, as by compose).
type composeFile struct {
	Services map[string]composeService `yaml:"services"`
	Secrets  map[string]struct {
		File string `yaml:"file"`
	} `yaml:"secrets"`
}

type composeService struct {
	Image       string            `yaml:"image"`
	Build       any               `yaml:"build"`
	Entrypoint  []string          `yaml:"entrypoint"`
	Command     []string          `yaml:"command"`
	Environment map[string]string `yaml:"environment"`
	Secrets     []string          `yaml:"secrets"`
	Volumes     []string          `yaml:"volumes"`
	Restart     string            `yaml:"restart"`
	Healthcheck struct {
		Test []string `yaml:"test"`
	} `yaml:"healthcheck"`
}

// Compose services that are not started, and why.
var composeNotStarted = map[string]string{
	"prometheus": "Prometheus server: no image can be pulled here; its rules are checked by promtool in check.sh",
	"grafana":    "Grafana: no image can be pulled here; its dashboard is checked against the exported metrics",
}

// TestComposeServicesStart starts every service of
// deployments/compose/docker-compose.yml that the stack needs: anvil, the
// NATS cluster and Redis as local stand-ins run the way the services run
// them (anvil with the service's flags, nats-server with nats.conf and the
// service's command, redis-server with the password secret), then every
// service built from the Dockerfile with its command, environment, config
// and secrets: `deploy` must exit 0 and put the adjudicator where
// watchtower.yaml expects it; each watcher must become ready (/readyz 200)
// and exit 0 on SIGTERM.
func TestComposeServicesStart(t *testing.T) {
	start := time.Now()
	dir := t.TempDir()
	cf := readCompose(t)
	var towers, infra []string
	for _, name := range sortedKeys(cf.Services) {
		s := cf.Services[name]
		switch {
		case s.Build != nil:
			towers = append(towers, name)
		case strings.HasPrefix(s.Image, "nats:"), strings.HasPrefix(s.Image, "redis:"), strings.Contains(s.Image, "foundry"):
			infra = append(infra, name)
		case composeNotStarted[name] != "":
			t.Logf("not started: %s (%s)", name, composeNotStarted[name])
		default:
			t.Fatalf("compose service %s (image %s) is neither built from the Dockerfile nor a server this test stands in for: teach the test about it", name, s.Image)
		}
	}
	bin, natsBin := buildTower(t, dir), buildNATSServer(t, dir)
	hosts, nats := startComposeInfra(t, dir, natsBin, cf, infra)
	t.Logf("stand-ins for %v: %v", infra, hosts)

	var running []*tower
	for _, name := range towers {
		s := cf.Services[name]
		c := composeContainer(t, cf, name, s)
		tw := launch(t, dir, bin, hosts, c)
		if s.Restart == "no" { // a one-shot job that the watchers depend on
			oneShot(t, tw)
			continue
		}
		running = append(running, tw)
	}
	checkComposeAdjudicator(t, hosts)
	readyAndStop(t, running, func() { awaitReplicated(t, nats) })
	t.Logf("compose: %d watchtower services started, ready and stopped in %s", len(towers), time.Since(start).Round(time.Second))
}

func readCompose(t *testing.T) composeFile {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(composeDir, "docker-compose.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var cf composeFile
	if err := yaml.Unmarshal(b, &cf); err != nil {
		t.Fatalf("docker-compose.yml: %v", err)
	}
	return cf
}

// startComposeInfra starts the stand-ins for the anvil, NATS and Redis
// services and returns the service:port -> local address map and the NATS nodes.
func startComposeInfra(t *testing.T, dir, natsBin string, cf composeFile, names []string) (map[string]string, []*natsNode) {
	t.Helper()
	hosts := map[string]string{}
	var natsNames []string
	for _, name := range names {
		s := cf.Services[name]
		switch {
		case strings.Contains(s.Image, "foundry"):
			node := anviltest.StartWith(t, anviltest.Options{Args: anvilArgs(t, s.Entrypoint)})
			hosts[name+":8545"] = strings.TrimPrefix(node.URL, "http://")
		case strings.HasPrefix(s.Image, "redis:"):
			if !strings.Contains(strings.Join(s.Entrypoint, " "), "--requirepass") || len(s.Secrets) != 1 {
				t.Fatalf("redis service: the test expects redis-server --requirepass with the password secret, got %q", s.Entrypoint)
			}
			password := readSecretFile(t, filepath.Join(composeDir, cf.Secrets[s.Secrets[0]].File))
			hosts[name+":6379"] = startRedis(t, dir, password, "--appendonly", "yes")
		default:
			natsNames = append(natsNames, name)
		}
	}
	health := composeNATSHealthPath(t, cf.Services[natsNames[0]])
	nodes := startNATSCluster(t, dir, natsBin, natsNames, health, func(name, store string) []string {
		s := cf.Services[name]
		args := make([]string, len(s.Command))
		for i, a := range s.Command {
			switch {
			case a == "/data":
				args[i] = store
			case strings.HasPrefix(a, "/"):
				args[i] = composeVolume(t, s, a)
			default:
				args[i] = a
			}
		}
		return args
	})
	for _, n := range nodes {
		hosts[n.name+":4222"] = n.clientAddr
	}
	return hosts, nodes
}

// anvilArgs is the anvil service's entrypoint without the program and its
// --host (anviltest binds 127.0.0.1 on a free port).
func anvilArgs(t *testing.T, entrypoint []string) []string {
	t.Helper()
	if len(entrypoint) == 0 || entrypoint[0] != "anvil" {
		t.Fatalf("anvil service entrypoint %q: want anvil ...", entrypoint)
	}
	var args []string
	for i := 1; i < len(entrypoint); i++ {
		if entrypoint[i] == "--host" || entrypoint[i] == "--port" {
			i++
			continue
		}
		args = append(args, entrypoint[i])
	}
	return args
}

// composeNATSHealthPath is the path and query of the NATS healthcheck's URL.
func composeNATSHealthPath(t *testing.T, s composeService) string {
	t.Helper()
	for _, a := range s.Healthcheck.Test {
		if u, err := url.Parse(a); err == nil && u.Scheme == "http" {
			return u.RequestURI()
		}
	}
	t.Fatalf("NATS healthcheck %q has no URL", s.Healthcheck.Test)
	return ""
}

// composeVolume returns the host file bind-mounted at a container path.
func composeVolume(t *testing.T, s composeService, containerPath string) string {
	t.Helper()
	for _, v := range s.Volumes {
		parts := strings.Split(v, ":")
		if len(parts) >= 2 && parts[1] == containerPath && strings.HasPrefix(parts[0], ".") {
			return filepath.Join(composeDir, parts[0])
		}
	}
	t.Fatalf("no volume of %v mounts %s", s.Volumes, containerPath)
	return ""
}

// composeContainer is what compose gives a service built from the
// Dockerfile: the image's ENV and the service's environment, its bind
// mounts, its secrets at /run/secrets/<name> (bind mounts too, with the
// checkout's mode) and the image's /data volume.
func composeContainer(t *testing.T, cf composeFile, name string, s composeService) container {
	t.Helper()
	env := imageEnv(t, "../Dockerfile")
	for k, v := range s.Environment {
		env[k] = v
	}
	c := container{name: name, args: s.Command, env: env, files: map[string]file{}, dirs: []string{"/data"}}
	for _, v := range s.Volumes {
		parts := strings.Split(v, ":")
		if len(parts) >= 2 && strings.HasPrefix(parts[0], ".") {
			c.files[parts[1]] = hostFile(t, filepath.Join(composeDir, parts[0]))
		}
	}
	for _, sec := range s.Secrets {
		def, ok := cf.Secrets[sec]
		if !ok {
			t.Fatalf("service %s uses secret %s, which docker-compose.yml does not define", name, sec)
		}
		c.files["/run/secrets/"+sec] = hostFile(t, filepath.Join(composeDir, def.File))
	}
	return c
}

// hostFile reads a file with its mode.
func hostFile(t *testing.T, path string) file {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return file{body: b, mode: st.Mode().Perm()}
}

func readSecretFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(b))
}

// oneShot waits for a one-shot service to exit and requires status 0.
func oneShot(t *testing.T, tw *tower) {
	t.Helper()
	w := &waiter{t: t}
	w.until(tw.name+" to exit", func() (bool, string) {
		done, _ := tw.p.exited()
		return done, "still running"
	})
	if _, err := tw.p.exited(); err != nil {
		t.Fatalf("%s: %v\n%s", tw.name, err, tw.p.tail())
	}
	t.Logf("%s exited 0", tw.name)
}

// checkComposeAdjudicator checks that the deploy service put a contract at
// the adjudicator address watchtower.yaml names.
func checkComposeAdjudicator(t *testing.T, hosts map[string]string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(composeDir, "watchtower.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var cfg struct {
		Channel struct {
			Adjudicator string `yaml:"adjudicator"`
		} `yaml:"channel"`
	}
	if err := yaml.Unmarshal(b, &cfg); err != nil {
		t.Fatal(err)
	}
	code := codeAt(t, "http://"+hosts["anvil:8545"], common.HexToAddress(cfg.Channel.Adjudicator))
	if len(code) == 0 {
		t.Fatalf("no contract at channel.adjudicator %s after the deploy service ran", cfg.Channel.Adjudicator)
	}
}

// codeAt returns the code deployed at addr.
func codeAt(t *testing.T, rpcURL string, addr common.Address) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	c, err := ethclient.DialContext(ctx, rpcURL)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	code, err := c.CodeAt(ctx, addr, nil)
	if err != nil {
		t.Fatalf("eth_getCode %s: %v", addr, err)
	}
	return code
}
