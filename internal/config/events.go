package config

import (
	"crypto/ed25519"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/watchtower-l2/watchtower/watcher/eventauth"
)

// Events authenticates the events on the bus: ingest seals what it
// publishes, verify acts only on what a trusted key sealed.
type Events struct {
	SigningKeyFile  string   `yaml:"signing_key_file" help:"Ed25519 key (PEM) the ingest role seals events with; create one with 'watchtower keys events'" file:"secret" example:"/etc/watchtower/events.key"`
	TrustedKeys     []string `yaml:"trusted_keys" help:"public keys (base64, comma separated) whose seals the verify role accepts; list old and new while rotating (default: the signing key's own)"`
	TrustedKeysFile string   `yaml:"trusted_keys_file" help:"file of trusted public keys, one per line (base64 or PEM), added to trusted_keys" file:"plain"`
}

// LocalEventKeyFile is where a single node on the embedded NATS server keeps
// the sealing key it makes for itself when events.signing_key_file is unset.
func (c Config) LocalEventKeyFile() string { return filepath.Join(c.DataDir, "events.key") }

// EventSigner loads the ingest role's sealing key.
func (e Events) EventSigner() (*eventauth.Signer, error) {
	if e.SigningKeyFile == "" {
		return nil, errors.New("events.signing_key_file: not set")
	}
	s, err := eventauth.LoadSigner(e.SigningKeyFile)
	if err != nil {
		return nil, fmt.Errorf("events.signing_key_file: %w", err)
	}
	return s, nil
}

// EventVerifier builds the verify role's set of trusted keys: trusted_keys,
// the keys of trusted_keys_file, and own's public key when own (the process's
// sealing key, loaded by EventSigner) is not nil.
func (e Events) EventVerifier(own *eventauth.Signer) (*eventauth.Verifier, error) {
	var keys []ed25519.PublicKey
	for _, k := range e.TrustedKeys {
		pk, err := eventauth.ParsePublic(k)
		if err != nil {
			return nil, fmt.Errorf("events.trusted_keys: %w", err)
		}
		keys = append(keys, pk)
	}
	if e.TrustedKeysFile != "" {
		b, err := os.ReadFile(e.TrustedKeysFile)
		if err != nil {
			return nil, fmt.Errorf("events.trusted_keys_file: %w", err)
		}
		more, err := eventauth.ParsePublicList(string(b))
		if err != nil {
			return nil, fmt.Errorf("events.trusted_keys_file %s: %w", e.TrustedKeysFile, err)
		}
		keys = append(keys, more...)
	}
	if own != nil {
		keys = append(keys, own.Public())
	}
	v, err := eventauth.NewVerifier(keys...)
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	return v, nil
}
