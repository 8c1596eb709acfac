package txmgr

import (
	"bytes"
	"crypto/ecdsa"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/crypto"
)

// LoadKey reads the tower's signing key from path. The file is either a JSON V3
// keystore, decrypted with password, or a hex-encoded 32-byte private key
// (optional 0x prefix, surrounding whitespace allowed). Errors name the file but
// never contain its contents.
func LoadKey(path string, password string) (*ecdsa.PrivateKey, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		// *PathError only carries the path and the OS error.
		return nil, fmt.Errorf("key file %s: %w", path, err)
	}
	defer clear(raw)

	trimmed := bytes.TrimSpace(raw)
	if isKeystoreJSON(trimmed) {
		k, err := keystore.DecryptKey(trimmed, password)
		if err != nil {
			if errors.Is(err, keystore.ErrDecrypt) {
				return nil, fmt.Errorf("key file %s: wrong password for keystore", path)
			}
			// DecryptKey's other errors describe the keystore structure
			// (version, cipher, kdf), never the plaintext key.
			return nil, fmt.Errorf("key file %s: invalid keystore: %s", path, oneLine(err.Error()))
		}
		return k.PrivateKey, nil
	}

	h := trimmed
	if len(h) >= 2 && h[0] == '0' && (h[1] == 'x' || h[1] == 'X') {
		h = h[2:]
	}
	if len(h) != 64 {
		return nil, fmt.Errorf("key file %s: not a keystore JSON nor a 32-byte hex private key", path)
	}
	b := make([]byte, 32)
	defer clear(b)
	if _, err := hex.Decode(b, h); err != nil {
		// hex errors quote the offending byte, so don't pass them on.
		return nil, fmt.Errorf("key file %s: not a keystore JSON nor a 32-byte hex private key", path)
	}
	key, err := crypto.ToECDSA(b)
	if err != nil {
		return nil, fmt.Errorf("key file %s: not a valid secp256k1 private key", path)
	}
	return key, nil
}

// isKeystoreJSON reports whether b is a JSON object with a crypto section, as
// written by go-ethereum's keystore (V3, or the legacy V1 "Crypto" spelling).
func isKeystoreJSON(b []byte) bool {
	if len(b) == 0 || b[0] != '{' {
		return false
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		return false
	}
	_, v3 := m["crypto"]
	_, v1 := m["Crypto"]
	return v3 || v1
}

// ReadSecretFile returns the contents of a secret file (such as a keystore
// password file) with trailing newline characters removed.
func ReadSecretFile(path string) (string, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("secret file %s: %w", path, err)
	}
	s := strings.TrimRight(string(raw), "\r\n")
	clear(raw)
	return s, nil
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
