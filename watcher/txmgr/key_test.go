package txmgr

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
)

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoadKey(t *testing.T) {
	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	keyHex := hexutil.Encode(crypto.FromECDSA(key))[2:] // no 0x
	addr := crypto.PubkeyToAddress(key.PublicKey)

	ksJSON, err := keystore.EncryptKey(&keystore.Key{Address: addr, PrivateKey: key},
		"correct horse", keystore.LightScryptN, keystore.LightScryptP)
	if err != nil {
		t.Fatal(err)
	}
	ksPath := writeFile(t, "keystore.json", string(ksJSON))

	for _, tc := range []struct {
		name, content, password string
	}{
		{"hex", keyHex + "\n", ""},
		{"0x-prefixed with whitespace", "  \t0x" + keyHex + "\r\n\n", ""},
		{"uppercase hex", "0X" + strings.ToUpper(keyHex), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := LoadKey(writeFile(t, "key", tc.content), tc.password)
			if err != nil {
				t.Fatalf("LoadKey: %v", err)
			}
			if !got.Equal(key) {
				t.Fatal("loaded a different key")
			}
		})
	}

	t.Run("keystore right password", func(t *testing.T) {
		got, err := LoadKey(ksPath, "correct horse")
		if err != nil {
			t.Fatalf("LoadKey: %v", err)
		}
		if !got.Equal(key) {
			t.Fatal("loaded a different key")
		}
	})

	t.Run("keystore wrong password", func(t *testing.T) {
		got, err := LoadKey(ksPath, "wrong")
		if err == nil || got != nil {
			t.Fatalf("LoadKey = (%v, %v), want error", got != nil, err)
		}
		want := "key file " + ksPath + ": wrong password for keystore"
		if err.Error() != want {
			t.Errorf("error = %q, want %q", err, want)
		}
	})

	bad := []struct{ name, content string }{
		{"garbage around key", "my key is " + keyHex + " keep it safe\n"},
		{"non-hex char", keyHex[:63] + "g"},
		{"too long", keyHex + keyHex[:2]},
		{"json without crypto", `{"privatekey":"` + keyHex + `"}`},
		{"empty", ""},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			p := writeFile(t, "key", tc.content)
			got, err := LoadKey(p, "")
			if err == nil || got != nil {
				t.Fatalf("LoadKey accepted %q", tc.name)
			}
			want := "key file " + p + ": not a keystore JSON nor a 32-byte hex private key"
			if err.Error() != want {
				t.Errorf("error = %q, want %q", err, want)
			}
			if strings.Contains(strings.ToLower(err.Error()), keyHex[:16]) {
				t.Error("error contains key material")
			}
		})
	}

	t.Run("zero scalar", func(t *testing.T) {
		_, err := LoadKey(writeFile(t, "key", strings.Repeat("0", 64)), "")
		if err == nil || !strings.Contains(err.Error(), "not a valid secp256k1 private key") {
			t.Fatalf("error = %v", err)
		}
	})

	t.Run("corrupt keystore", func(t *testing.T) {
		corrupt := strings.Replace(string(ksJSON), `"version":3`, `"version":2`, 1)
		_, err := LoadKey(writeFile(t, "ks.json", corrupt), "correct horse")
		if err == nil || !strings.Contains(err.Error(), "invalid keystore") || strings.Contains(err.Error(), "\n") {
			t.Fatalf("error = %v", err)
		}
	})

	t.Run("missing file", func(t *testing.T) {
		p := filepath.Join(t.TempDir(), "nope")
		_, err := LoadKey(p, "")
		if err == nil || !strings.HasPrefix(err.Error(), "key file "+p+": ") || !errors.Is(err, os.ErrNotExist) {
			t.Fatalf("error = %v", err)
		}
	})
}

func TestReadSecretFile(t *testing.T) {
	for _, tc := range []struct{ content, want string }{
		{"hunter2\n", "hunter2"},
		{"hunter2\r\n", "hunter2"},
		{"  spaced pass  \n\n", "  spaced pass  "},
		{"no newline", "no newline"},
	} {
		got, err := ReadSecretFile(writeFile(t, "pw", tc.content))
		if err != nil {
			t.Fatal(err)
		}
		if got != tc.want {
			t.Errorf("ReadSecretFile(%q) = %q, want %q", tc.content, got, tc.want)
		}
	}
	if _, err := ReadSecretFile(filepath.Join(t.TempDir(), "missing")); err == nil {
		t.Error("missing file accepted")
	}
}
