package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"

	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/internal/config"
	"github.com/watchtower-l2/watchtower/watcher/eventauth"
	"github.com/watchtower-l2/watchtower/watcher/tower"
)

// cmdKeys makes and inspects the keys that seal events on the bus.
func cmdKeys(_ context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "events" {
		return usageErr("usage: watchtower keys events --out FILE | watchtower keys events --public FILE")
	}
	fset := flag.NewFlagSet("keys events", flag.ContinueOnError)
	fset.SetOutput(stderr)
	out := fset.String("out", "", "write a new Ed25519 event-sealing key (PEM, mode 0600) to FILE and print its public key")
	pub := fset.String("public", "", "print the public key of the sealing key in FILE")
	if err := parseFlags(fset, args[1:]); err != nil {
		return err
	}
	switch {
	case (*out == "") == (*pub == ""):
		return usageErr("keys events: give exactly one of --out FILE (new key) or --public FILE (show a key's public half)")
	case *pub != "":
		s, err := eventauth.LoadSigner(*pub)
		if err != nil {
			return &exitError{code: 1, err: err}
		}
		printPublic(stdout, s)
		return nil
	}
	s, err := newKeyFile(*out)
	if errors.Is(err, fs.ErrExist) {
		return &exitError{code: 1, err: fmt.Errorf("%s exists: not overwriting a key (remove it first, or choose another file)", *out)}
	}
	if err != nil {
		return &exitError{code: 1, err: err}
	}
	fmt.Fprintf(stderr, "wrote %s: give it to the ingest processes (events.signing_key_file)\n", *out)
	printPublic(stdout, s)
	return nil
}

func printPublic(w io.Writer, s *eventauth.Signer) {
	fmt.Fprintf(w, "# key id %s: add this line to events.trusted_keys of every verify process\n%s\n", s.KeyID(), eventauth.EncodePublic(s.Public()))
}

// eventKeys loads the sealing key (once: ingest seals with it, verify trusts
// it) and the verify role's trusted keys. A single node on the embedded NATS
// server without a configured key makes one in data_dir on its first start.
func eventKeys(cfg config.Config, log *zap.Logger) (*eventauth.Signer, *eventauth.Verifier, error) {
	var signer *eventauth.Signer
	var err error
	events := cfg.Events
	if events.SigningKeyFile == "" && cfg.NATS.URL == "" && (cfg.HasRole(tower.RoleIngest) || cfg.HasRole(tower.RoleVerify)) {
		events.SigningKeyFile = cfg.LocalEventKeyFile()
		if err := ensureLocalKey(events.SigningKeyFile, log); err != nil {
			return nil, nil, err
		}
	}
	ingest, verify := cfg.HasRole(tower.RoleIngest), cfg.HasRole(tower.RoleVerify)
	if ingest || (verify && events.SigningKeyFile != "") {
		if signer, err = events.EventSigner(); err != nil {
			return nil, nil, err
		}
	}
	if ingest {
		log.Info("ingest seals events", zap.String("key_id", signer.KeyID()))
	}
	var keys *eventauth.Verifier
	if verify {
		if keys, err = events.EventVerifier(signer); err != nil {
			return nil, nil, err
		}
		log.Info("verify accepts events sealed by", zap.Strings("key_ids", keys.KeyIDs()))
	}
	return signer, keys, nil
}

// ensureLocalKey creates the single node's sealing key unless it exists.
func ensureLocalKey(file string, log *zap.Logger) error {
	s, err := newKeyFile(file)
	if errors.Is(err, fs.ErrExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("events: create the local sealing key: %w", err)
	}
	log.Info("created a local event sealing key (single node on the embedded NATS server)", zap.String("file", file), zap.String("key_id", s.KeyID()))
	return nil
}

// newKeyFile writes a new sealing key to file (mode 0600), which must not
// exist (an error wrapping fs.ErrExist if it does).
func newKeyFile(file string) (*eventauth.Signer, error) {
	s, err := eventauth.GenerateSigner()
	if err != nil {
		return nil, err
	}
	pem, err := s.MarshalPrivate()
	if err != nil {
		return nil, err
	}
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, err
	}
	if _, err := f.Write(pem); err != nil {
		f.Close()
		return nil, fmt.Errorf("write %s: %w", file, err)
	}
	if err := f.Close(); err != nil {
		return nil, fmt.Errorf("write %s: %w", file, err)
	}
	return s, nil
}
