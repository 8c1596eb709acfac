package config

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/watchtower-l2/watchtower/watcher/l2/kinds"
)

// TestSignerPool: signer.key_files and signer.max_pending come from the file,
// a variable or a flag; each extra key file is checked like key_file; a key
// listed twice, extra keys without key_file, the identity key among them and
// a cap below one are refused.
func TestSignerPool(t *testing.T) {
	dir := t.TempDir()
	file := validFile(t, dir)
	k2 := writeFile(t, dir, "signer2.key", "00", 0o600)
	k3 := writeFile(t, dir, "signer3.key", "00", 0o644)
	env := map[string]string{
		"WATCHTOWER_SIGNER_KEY_FILES":   k2 + "," + k3,
		"WATCHTOWER_SIGNER_MAX_PENDING": "8",
	}
	lookup := func(k string) (string, bool) { v, ok := env[k]; return v, ok }
	cfg, err := Resolve(file, lookup, NoFlags(kinds.Builtin()))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(cfg.Signer.KeyFiles, []string{k2, k3}) || cfg.Signer.MaxPending != 8 {
		t.Fatalf("signer = %+v", cfg.Signer)
	}
	if all := cfg.Signer.AllKeyFiles(); len(all) != 3 || all[0] != cfg.Signer.KeyFile {
		t.Fatalf("AllKeyFiles = %v, want key_file first then the two extra", all)
	}
	if Default(nil).Signer.MaxPending != 16 {
		t.Errorf("default signer.max_pending %d, want 16 (geth's txpool.accountslots)", Default(nil).Signer.MaxPending)
	}
	// Every extra key file is checked: k3 is readable by everybody.
	ps := CheckEnv(kinds.Builtin(), file, lookup, nil)
	i := slices.IndexFunc(ps, func(p Problem) bool { return p.Path == "signer.key_files" })
	if i < 0 || !strings.Contains(ps[i].Msg, k3) || !strings.Contains(ps[i].Msg, "chmod 600") {
		t.Fatalf("world-readable extra key not reported: %v", ps)
	}
	env["WATCHTOWER_SIGNER_KEY_FILES"] = k2 + "," + filepath.Join(dir, "missing.key")
	ps = CheckEnv(kinds.Builtin(), file, lookup, nil)
	if i := slices.IndexFunc(ps, func(p Problem) bool { return p.Path == "signer.key_files" }); i < 0 || !strings.Contains(ps[i].Msg, "missing.key") {
		t.Fatalf("missing extra key not reported: %v", ps)
	}

	base := cfg
	for _, tc := range []struct {
		name string
		edit func(*Config)
		path string
		want string
	}{
		{"a key twice", func(c *Config) { c.Signer.KeyFiles = []string{k2, c.Signer.KeyFile} }, "signer.key_files", "twice"},
		{"extra keys without key_file", func(c *Config) { c.Signer.KeyFile = ""; c.Roles = []string{"verify"} }, "signer.key_files", "needs signer.key_file"},
		{"the identity key", func(c *Config) { c.Signer.KeyFiles = []string{c.API.IdentityKeyFile} }, "api.identity_key_file", "signer.key_files"},
		{"no room", func(c *Config) { c.Signer.MaxPending = 0 }, "signer.max_pending", "at least 1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := base
			c.Signer.KeyFiles = slices.Clone(base.Signer.KeyFiles)
			tc.edit(&c)
			ps := c.Problems()
			if len(ps) != 1 || ps[0].Path != tc.path || !strings.Contains(ps[0].Msg, tc.want) {
				t.Fatalf("got %v, want one problem at %s containing %q", ps, tc.path, tc.want)
			}
		})
	}
}
