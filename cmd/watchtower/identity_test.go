package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// `config check` refuses an api role without its own identity key, with one
// line saying why; the same file with the key passes.
func TestConfigCheckWantsAPIIdentity(t *testing.T) {
	dir := t.TempDir()
	signer := filepath.Join(dir, "signer.key")
	id := filepath.Join(dir, "identity.key")
	for _, p := range []string{signer, id} {
		if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	base := "roles: [ingest, verify, challenge, api]\nl1:\n  rpc_url: ws://127.0.0.1:8546\nchannel:\n  adjudicator: \"0x5FbDB2315678afecb367f032d93F642f64180aa3\"\nsigner:\n  key_file: " + signer + "\n"
	cfg := filepath.Join(dir, "c.yaml")
	for _, tc := range []struct {
		name, api string
		code      int
		want      string
	}{
		{"no identity key", "", 1, "api.identity_key_file: required by the api role"},
		{"the signer key", "api:\n  identity_key_file: " + signer + "\n", 1, "api.identity_key_file: is signer.key_file"},
		{"its own key", "api:\n  identity_key_file: " + id + "\n", 0, "OK"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := os.WriteFile(cfg, []byte(base+tc.api), 0o600); err != nil {
				t.Fatal(err)
			}
			var out, errb bytes.Buffer
			code := call(cmdConfig, []string{"check", cfg}, &out, &errb)
			if code != tc.code || !strings.Contains(out.String(), tc.want) {
				t.Fatalf("exit %d, out %q, err %q; want exit %d and %q", code, out.String(), errb.String(), tc.code, tc.want)
			}
			if tc.code != 0 && strings.Count(out.String(), "api.identity_key_file") != 1 {
				t.Fatalf("want one line about api.identity_key_file: %q", out.String())
			}
		})
	}
}
