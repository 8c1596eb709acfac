package config

import (
	"path/filepath"
	"testing"
)

// TestComposeConfigIsValid checks deployments/compose/watchtower.yaml with the
// environment each compose service gives it (roles, signer and identity key paths).
func TestComposeConfigIsValid(t *testing.T) {
	file := filepath.Join("..", "..", "deployments", "compose", "watchtower.yaml")
	for name, env := range map[string]map[string]string{
		"watcher-ingest": {"WATCHTOWER_ROLES": "ingest,verify,api", "WATCHTOWER_OWNER": "watcher-ingest",
			"WATCHTOWER_EVENTS_SIGNING_KEY_FILE": "/run/secrets/events_key", "WATCHTOWER_API_IDENTITY_KEY_FILE": "/run/secrets/identity_key"},
		"watcher-challenge": {"WATCHTOWER_ROLES": "verify,challenge", "WATCHTOWER_SIGNER_KEY_FILE": "/run/secrets/signer_key"},
	} {
		t.Run(name, func(t *testing.T) {
			lookup := func(k string) (string, bool) { v, ok := env[k]; return v, ok }
			for _, p := range CheckEnv(file, lookup, nil) {
				// Secret files exist inside the containers only.
				if p.Path == "store.redis_password_file" || p.Path == "signer.key_file" || p.Path == "api.identity_key_file" || p.Path == "events.signing_key_file" {
					continue
				}
				t.Errorf("%v", p)
			}
			if _, err := Resolve(file, lookup, nil); err != nil {
				t.Errorf("run would refuse it: %v", err)
			}
		})
	}
}
