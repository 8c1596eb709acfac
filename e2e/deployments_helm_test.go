//go:build linux

package e2e

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/crypto"
	"gopkg.in/yaml.v3"

	"github.com/watchtower-l2/watchtower/internal/testutil/anviltest"
)

const chartDir = "../deployments/helm/watchtower"

// k8sObject is the part of a rendered object the test reads.
type k8sObject struct {
	Kind     string `yaml:"kind"`
	Metadata struct {
		Name string `yaml:"name"`
	} `yaml:"metadata"`
	Data map[string]string `yaml:"data"`
	Spec struct {
		Replicas int `yaml:"replicas"`
		Template struct {
			Spec podSpec `yaml:"spec"`
		} `yaml:"template"`
	} `yaml:"spec"`
}

type podSpec struct {
	Containers []struct {
		Command []string `yaml:"command"`
		Args    []string `yaml:"args"`
		Env     []struct {
			Name      string `yaml:"name"`
			Value     string `yaml:"value"`
			ValueFrom *struct {
				FieldRef *struct {
					FieldPath string `yaml:"fieldPath"`
				} `yaml:"fieldRef"`
			} `yaml:"valueFrom"`
		} `yaml:"env"`
		VolumeMounts []struct {
			Name      string `yaml:"name"`
			MountPath string `yaml:"mountPath"`
			SubPath   string `yaml:"subPath"`
		} `yaml:"volumeMounts"`
	} `yaml:"containers"`
	Volumes []struct {
		Name      string `yaml:"name"`
		ConfigMap *struct {
			Name string `yaml:"name"`
		} `yaml:"configMap"`
		Secret *struct {
			SecretName  string `yaml:"secretName"`
			DefaultMode *int   `yaml:"defaultMode"`
		} `yaml:"secret"`
		EmptyDir any `yaml:"emptyDir"`
	} `yaml:"volumes"`
}

// chartValues is the part of values.yaml the stand-ins follow.
type chartValues struct {
	Config struct {
		L1 struct {
			RPCURL string `yaml:"rpc_url"`
		} `yaml:"l1"`
		NATS struct {
			URL string `yaml:"url"`
		} `yaml:"nats"`
		Store struct {
			RedisURL string `yaml:"redis_url"`
		} `yaml:"store"`
	} `yaml:"config"`
}

// TestHelmGroupsStart renders the chart with the helm binary check.sh uses
// (WATCHTOWER_HELM, else helm from PATH; skipped, saying so, without one)
// and starts every replica of every group's Deployment: the image's ENV and
// the container's env, args and mounts (the rendered ConfigMap's
// watchtower.yaml; the Secrets an operator creates, made here at the
// mounted paths with the volumes' modes) against anvil with the
// adjudicator deployed, a 3-node NATS JetStream cluster (the chart's
// nats.replicas is 3) and a Redis with a password. The values an operator
// must set are set: the L1 chain id, the adjudicator, the trusted event key, and a Redis
// password Secret (so that its mount is exercised too). Each process must
// answer /readyz 200 (the pod's readiness probe) and exit 0 on SIGTERM.
func TestHelmGroupsStart(t *testing.T) {
	helm := helmBinary(t)
	start := time.Now()
	dir := t.TempDir()
	var values chartValues
	readYAML(t, filepath.Join(chartDir, "values.yaml"), &values)
	bin, natsBin := buildTower(t, dir), buildNATSServer(t, dir)
	// anvil's chain (31337) stands in for the chart's default L1 (chain_id 1):
	// l1.chain_id is set like the other values an operator gives.
	node := anviltest.StartWith(t, anviltest.Options{Args: []string{"--block-time", "1"}})
	secrets, sets := helmSecrets(t, dir, bin, node)
	objects := renderChart(t, helm, dir, sets)

	redisAddr := startRedis(t, dir, string(secrets["watchtower-redis"]["password"]))
	nats := startNATSCluster(t, dir, natsBin, []string{"nats-1", "nats-2", "nats-3"}, "/healthz",
		func(name, store string) []string {
			return []string{"--name", name, "--jetstream", "--store_dir", store, "--cluster_name", "nats"}
		})
	hosts := map[string]string{
		hostPort(t, values.Config.L1.RPCURL, "8546"):      strings.TrimPrefix(node.URL, "http://"),
		hostPort(t, values.Config.NATS.URL, "4222"):       nats[0].clientAddr,
		hostPort(t, values.Config.Store.RedisURL, "6379"): redisAddr,
	}
	configMaps := map[string]map[string]string{}
	for _, o := range objects {
		if o.Kind == "ConfigMap" {
			configMaps[o.Metadata.Name] = o.Data
		}
	}
	var towers []*tower
	for _, o := range objects {
		if o.Kind != "Deployment" {
			continue
		}
		if o.Spec.Replicas < 1 {
			t.Fatalf("Deployment %s has %d replicas", o.Metadata.Name, o.Spec.Replicas)
		}
		for i := range o.Spec.Replicas {
			c := podContainer(t, fmt.Sprintf("%s-%d", o.Metadata.Name, i), o.Spec.Template.Spec, configMaps, secrets)
			towers = append(towers, launch(t, dir, bin, hosts, c))
		}
	}
	if len(towers) == 0 {
		t.Fatal("the chart renders no Deployment")
	}
	readyAndStop(t, towers, func() { awaitReplicated(t, nats) })
	t.Logf("helm: %d pods started, ready and stopped in %s", len(towers), time.Since(start).Round(time.Second))
}

// helmBinary is $WATCHTOWER_HELM, else helm from PATH; the test is skipped,
// saying why, when there is neither.
func helmBinary(t *testing.T) string {
	t.Helper()
	if h := os.Getenv("WATCHTOWER_HELM"); h != "" {
		if _, err := os.Stat(h); err != nil {
			t.Fatalf("WATCHTOWER_HELM=%s: %v", h, err)
		}
		return h
	}
	h, err := exec.LookPath("helm")
	if err != nil {
		t.Skip("no helm: set WATCHTOWER_HELM to a helm binary or put helm in PATH (deployments/check.sh builds one and passes it)")
	}
	return h
}

// helmSecrets makes the Secrets the chart mounts by default (and a Redis
// password), deploys the adjudicator, and returns the Secrets by name and
// the --set flags an operator gives.
func helmSecrets(t *testing.T, dir, bin string, node *anviltest.Node) (map[string]map[string][]byte, []string) {
	t.Helper()
	deployKey := writeSecret(t, dir, "deployer.key", hex.EncodeToString(crypto.FromECDSA(node.Key(t, 0))))
	code, out, errOut := runCLI(t, bin, "contracts", "deploy", "--rpc-url", node.URL, "--key-file", deployKey, "--kind", "channel", "--json")
	if code != 0 {
		t.Fatalf("contracts deploy: exit %d\n%s", code, errOut)
	}
	var deployed struct {
		Contracts []struct{ Kind, Address string }
	}
	if err := json.Unmarshal([]byte(out), &deployed); err != nil || len(deployed.Contracts) != 1 {
		t.Fatalf("contracts deploy --json: %v\n%s", err, out)
	}
	eventKey := filepath.Join(dir, "event.key")
	code, out, errOut = runCLI(t, bin, "keys", "events", "--out", eventKey)
	if code != 0 {
		t.Fatalf("keys events: exit %d: %s", code, errOut)
	}
	eventPEM, err := os.ReadFile(eventKey)
	if err != nil {
		t.Fatal(err)
	}
	// The signer Secret holds a keystore and its password (hasPassword: true).
	store := keystore.NewKeyStore(filepath.Join(dir, "keystore"), keystore.LightScryptN, keystore.LightScryptP)
	acct, err := store.ImportECDSA(node.Key(t, 1), "signer-password")
	if err != nil {
		t.Fatal(err)
	}
	ks, err := os.ReadFile(acct.URL.Path)
	if err != nil {
		t.Fatal(err)
	}
	identity, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	secrets := map[string]map[string][]byte{
		"watchtower-signer":    {"key": ks, "password": []byte("signer-password")},
		"watchtower-identity":  {"key": []byte(hex.EncodeToString(crypto.FromECDSA(identity)))},
		"watchtower-event-key": {"key": eventPEM},
		"watchtower-redis":     {"password": []byte("helm-redis-password")},
	}
	sets := []string{
		"config.l1.chain_id=" + strconv.Itoa(anviltest.ChainID),
		"config.channel.adjudicator=" + deployed.Contracts[0].Address,
		"config.events.trusted_keys[0]=" + lastLine(out),
		"secrets.redisPassword.existingSecret=watchtower-redis",
	}
	return secrets, sets
}

// renderChart runs helm template with sets and decodes the objects.
func renderChart(t *testing.T, helm, dir string, sets []string) []k8sObject {
	t.Helper()
	args := []string{"template", "wt", chartDir}
	for _, s := range sets {
		args = append(args, "--set", s)
	}
	ctx, cancel := context.WithTimeout(context.Background(), cliTimeout)
	defer cancel()
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, helm, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.Env = append(os.Environ(), "HELM_CACHE_HOME="+filepath.Join(dir, "helm-cache"),
		"HELM_CONFIG_HOME="+filepath.Join(dir, "helm-config"), "HELM_DATA_HOME="+filepath.Join(dir, "helm-data"))
	if err := cmd.Run(); err != nil {
		t.Fatalf("helm %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	var objects []k8sObject
	dec := yaml.NewDecoder(&stdout)
	for {
		var o k8sObject
		err := dec.Decode(&o)
		if errors.Is(err, io.EOF) {
			return objects
		}
		if err != nil {
			t.Fatalf("decode helm template output: %v", err)
		}
		objects = append(objects, o)
	}
}

// podContainer is what the kubelet gives the pod's watchtower container:
// the image's ENV overridden by the container's env (fieldRef
// metadata.name is the pod's name), its args, and its volume mounts.
func podContainer(t *testing.T, pod string, spec podSpec, configMaps map[string]map[string]string, secrets map[string]map[string][]byte) container {
	t.Helper()
	if len(spec.Containers) != 1 {
		t.Fatalf("%s: %d containers, want 1", pod, len(spec.Containers))
	}
	ct := spec.Containers[0]
	if len(ct.Command) > 0 {
		t.Fatalf("%s: command %q replaces the image's entrypoint", pod, ct.Command)
	}
	env := imageEnv(t, "../Dockerfile")
	for _, e := range ct.Env {
		switch {
		case e.ValueFrom == nil:
			env[e.Name] = e.Value
		case e.ValueFrom.FieldRef != nil && e.ValueFrom.FieldRef.FieldPath == "metadata.name":
			env[e.Name] = pod
		default:
			t.Fatalf("%s: env %s: only values and fieldRef metadata.name are understood", pod, e.Name)
		}
	}
	c := container{name: pod, args: ct.Args, env: env, files: map[string]file{}}
	for _, vm := range ct.VolumeMounts {
		mountVolume(t, &c, vm.Name, vm.MountPath, vm.SubPath, spec, configMaps, secrets)
	}
	return c
}

// mountVolume adds the files (or directory) of the named volume at path.
func mountVolume(t *testing.T, c *container, name, path, subPath string, spec podSpec, configMaps map[string]map[string]string, secrets map[string]map[string][]byte) {
	t.Helper()
	for _, v := range spec.Volumes {
		if v.Name != name {
			continue
		}
		var data map[string][]byte
		mode := os.FileMode(0o644) // the kubelet's default for both kinds
		switch {
		case v.EmptyDir != nil:
			c.dirs = append(c.dirs, path)
			return
		case v.ConfigMap != nil:
			cm, ok := configMaps[v.ConfigMap.Name]
			if !ok {
				t.Fatalf("%s: volume %s: the chart renders no ConfigMap %s", c.name, name, v.ConfigMap.Name)
			}
			data = map[string][]byte{}
			for k, s := range cm {
				data[k] = []byte(s)
			}
		case v.Secret != nil:
			if data = secrets[v.Secret.SecretName]; data == nil {
				t.Fatalf("%s: volume %s: Secret %s is not one the test provides", c.name, name, v.Secret.SecretName)
			}
			if v.Secret.DefaultMode != nil {
				mode = os.FileMode(*v.Secret.DefaultMode)
			}
		default:
			t.Fatalf("%s: volume %s: only configMap, secret and emptyDir volumes are understood", c.name, name)
		}
		if subPath != "" {
			b, ok := data[subPath]
			if !ok {
				t.Fatalf("%s: volume %s has no key %s", c.name, name, subPath)
			}
			c.files[path] = file{body: b, mode: mode}
			return
		}
		for k, b := range data {
			c.files[filepath.Join(path, k)] = file{body: b, mode: mode}
		}
		return
	}
	t.Fatalf("%s: volume mount %s names no volume of the pod", c.name, name)
}

func readYAML(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}
