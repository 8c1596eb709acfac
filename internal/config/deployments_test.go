package config

import (
	"github.com/watchtower-l2/watchtower/watcher/l2/kinds"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestComposeConfigIsValid checks deployments/compose/watchtower.yaml with the
// environment each watcher service of docker-compose.yml gives it (roles,
// signer key, NATS user), and that every /run/secrets file a service points
// to is one of its secrets, backed by a file in deployments/compose.
func TestComposeConfigIsValid(t *testing.T) {
	dir := filepath.Join("..", "..", "deployments", "compose")
	file := filepath.Join(dir, "watchtower.yaml")
	raw, err := os.ReadFile(filepath.Join(dir, "docker-compose.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var compose struct {
		Services map[string]struct {
			Environment map[string]string `yaml:"environment"`
			Secrets     []string          `yaml:"secrets"`
		} `yaml:"services"`
		Secrets map[string]struct {
			File string `yaml:"file"`
		} `yaml:"secrets"`
	}
	if err := yaml.Unmarshal(raw, &compose); err != nil {
		t.Fatalf("docker-compose.yml: %v", err)
	}
	for _, name := range []string{"watcher-ingest", "watcher-challenge"} {
		svc, ok := compose.Services[name]
		if !ok {
			t.Fatalf("docker-compose.yml has no service %s", name)
		}
		env := svc.Environment
		t.Run(name, func(t *testing.T) {
			lookup := func(k string) (string, bool) { v, ok := env[k]; return v, ok }
			for _, p := range CheckEnv(kinds.Builtin(), file, lookup, nil) {
				// Secret files exist inside the containers only.
				if strings.Contains(p.Msg, "/run/secrets/") && strings.Contains(p.Msg, "no such file") {
					continue
				}
				t.Errorf("%v", p)
			}
			cfg, err := Resolve(file, lookup, NoFlags(kinds.Builtin()))
			if err != nil {
				t.Fatalf("run would refuse it: %v", err)
			}
			if cfg.NATS.User == "" || cfg.NATS.PasswordFile == "" {
				t.Errorf("the service does not log in to NATS (nats.user %q, nats.password_file %q)", cfg.NATS.User, cfg.NATS.PasswordFile)
			}
			for _, f := range fields(&cfg) {
				path, _ := f.v.Interface().(string)
				secret, ok := strings.CutPrefix(path, "/run/secrets/")
				if f.file == "" || !ok {
					continue
				}
				if !slices.Contains(svc.Secrets, secret) {
					t.Errorf("%s is %s but the service does not mount secret %s", f.path, path, secret)
				}
				src, ok := compose.Secrets[secret]
				if !ok {
					t.Errorf("secret %s is not declared", secret)
				} else if _, err := os.Stat(filepath.Join(dir, src.File)); err != nil {
					t.Errorf("secret %s: %v", secret, err)
				}
			}
		})
	}
}
