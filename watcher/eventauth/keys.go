package eventauth

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
)

// Signer seals messages with an Ed25519 key.
type Signer struct {
	key ed25519.PrivateKey
	id  string
}

// NewSigner seals with key.
func NewSigner(key ed25519.PrivateKey) *Signer {
	return &Signer{key: key, id: KeyID(key.Public().(ed25519.PublicKey))}
}

// GenerateSigner returns a signer with a fresh key (the demo and tests).
func GenerateSigner() (*Signer, error) {
	_, key, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, fmt.Errorf("eventauth: generate key: %w", err)
	}
	return NewSigner(key), nil
}

// Public is the key verify processes must trust.
func (s *Signer) Public() ed25519.PublicKey { return s.key.Public().(ed25519.PublicKey) }

// KeyID names the signer's key in headers.
func (s *Signer) KeyID() string { return s.id }

// Seal is what one sealed message carries.
type Seal struct {
	KeyID string
	Sig   []byte
	Index int
	Path  []byte
}

// Headers are the seal as message headers.
func (s Seal) Headers() map[string]string {
	return map[string]string{
		HeaderKey:   s.KeyID,
		HeaderSig:   base64.StdEncoding.EncodeToString(s.Sig),
		HeaderIndex: strconv.Itoa(s.Index),
		HeaderPath:  base64.StdEncoding.EncodeToString(s.Path),
	}
}

// Seal signs items together and returns one seal per item, in order: one
// signature per MaxLeaves items.
func (s *Signer) Seal(items []Item) ([]Seal, error) {
	if len(items) > MaxLeaves {
		head, err := s.Seal(items[:MaxLeaves])
		if err != nil {
			return nil, err
		}
		tail, err := s.Seal(items[MaxLeaves:])
		return append(head, tail...), err
	}
	if len(items) == 0 {
		return nil, nil
	}
	leaves := make([][32]byte, len(items))
	for i, it := range items {
		leaves[i] = leaf(it)
	}
	levels := tree(leaves)
	root := levels[len(levels)-1][0]
	sig := ed25519.Sign(s.key, rootMessage(root))
	out := make([]Seal, len(items))
	for i := range items {
		out[i] = Seal{KeyID: s.id, Sig: sig, Index: i, Path: path(levels, i)}
	}
	return out, nil
}

// LoadSigner reads an Ed25519 private key in PEM (PKCS #8, as written by
// `watchtower keys events` or `openssl genpkey -algorithm ed25519`).
func LoadSigner(file string) (*Signer, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("eventauth: read signing key: %w", err)
	}
	blk, _ := pem.Decode(b)
	if blk == nil || blk.Type != "PRIVATE KEY" {
		return nil, fmt.Errorf("eventauth: %s is not a PEM \"PRIVATE KEY\" (create one with `watchtower keys events`)", file)
	}
	k, err := x509.ParsePKCS8PrivateKey(blk.Bytes)
	if err != nil {
		return nil, fmt.Errorf("eventauth: parse %s: %w", file, err)
	}
	ek, ok := k.(ed25519.PrivateKey)
	if !ok {
		return nil, fmt.Errorf("eventauth: %s holds a %T, want an Ed25519 key", file, k)
	}
	return NewSigner(ek), nil
}

// MarshalPrivate encodes the signer's key as PEM (PKCS #8).
func (s *Signer) MarshalPrivate() ([]byte, error) {
	der, err := x509.MarshalPKCS8PrivateKey(s.key)
	if err != nil {
		return nil, fmt.Errorf("eventauth: encode key: %w", err)
	}
	return pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}), nil
}

// EncodePublic is the one-line form of a public key used in configuration:
// the base64 of its 32 bytes.
func EncodePublic(pub ed25519.PublicKey) string { return base64.StdEncoding.EncodeToString(pub) }

// ParsePublic reads a public key in the one-line form (base64 of 32 bytes) or
// as PEM (PKIX "PUBLIC KEY").
func ParsePublic(s string) (ed25519.PublicKey, error) {
	s = strings.TrimSpace(s)
	if blk, _ := pem.Decode([]byte(s)); blk != nil {
		k, err := x509.ParsePKIXPublicKey(blk.Bytes)
		if err != nil {
			return nil, fmt.Errorf("eventauth: parse PEM public key: %w", err)
		}
		pk, ok := k.(ed25519.PublicKey)
		if !ok {
			return nil, fmt.Errorf("eventauth: PEM public key is a %T, want Ed25519", k)
		}
		return pk, nil
	}
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil || len(b) != ed25519.PublicKeySize {
		return nil, fmt.Errorf("eventauth: %q is not an Ed25519 public key (base64 of 32 bytes)", s)
	}
	return ed25519.PublicKey(b), nil
}

// ParsePublicList reads keys one per line (blank lines and # comments
// skipped), or a single PEM block.
func ParsePublicList(text string) ([]ed25519.PublicKey, error) {
	if strings.Contains(text, "-----BEGIN") {
		var out []ed25519.PublicKey
		rest := []byte(text)
		for {
			blk, r := pem.Decode(rest)
			if blk == nil {
				break
			}
			k, err := ParsePublic(string(pem.EncodeToMemory(blk)))
			if err != nil {
				return nil, err
			}
			out, rest = append(out, k), r
		}
		return out, nil
	}
	var out []ed25519.PublicKey
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, err := ParsePublic(line)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n+1, err)
		}
		out = append(out, k)
	}
	return out, nil
}

// HeaderGetter reads message headers (nats.Header implements it).
type HeaderGetter interface {
	Get(key string) string
}

// maxCachedRoots bounds the roots a Verifier remembers as checked.
const maxCachedRoots = 1 << 14

// Verifier checks seals against a set of trusted keys. It is safe for
// concurrent use.
type Verifier struct {
	keys map[string]ed25519.PublicKey

	mu    sync.Mutex
	roots map[[32]byte]struct{}
}

// NewVerifier trusts keys; at least one is required.
func NewVerifier(keys ...ed25519.PublicKey) (*Verifier, error) {
	if len(keys) == 0 {
		return nil, errors.New("eventauth: no trusted event keys (events.trusted_keys)")
	}
	v := &Verifier{keys: make(map[string]ed25519.PublicKey, len(keys)), roots: map[[32]byte]struct{}{}}
	for _, k := range keys {
		if len(k) != ed25519.PublicKeySize {
			return nil, fmt.Errorf("eventauth: public key of %d bytes", len(k))
		}
		v.keys[KeyID(k)] = k
	}
	return v, nil
}

// KeyIDs lists the trusted keys' ids.
func (v *Verifier) KeyIDs() []string {
	out := make([]string, 0, len(v.keys))
	for id := range v.keys {
		out = append(out, id)
	}
	return out
}

// Check verifies the seal of one message: nil, or an error wrapping
// ErrUnsigned, ErrUnknownKey or ErrBadSeal.
func (v *Verifier) Check(it Item, h HeaderGetter) error {
	if h == nil {
		return ErrUnsigned
	}
	id, sigB64 := h.Get(HeaderKey), h.Get(HeaderSig)
	if id == "" || sigB64 == "" {
		return ErrUnsigned
	}
	pub, ok := v.keys[id]
	if !ok {
		return fmt.Errorf("%w: key %q", ErrUnknownKey, id)
	}
	index, err := strconv.ParseUint(h.Get(HeaderIndex), 10, 32)
	if err != nil {
		return fmt.Errorf("%w: index %q", ErrBadSeal, h.Get(HeaderIndex))
	}
	p, err := base64.StdEncoding.DecodeString(h.Get(HeaderPath))
	if err != nil {
		return fmt.Errorf("%w: path is not base64", ErrBadSeal)
	}
	root, err := rootOf(leaf(it), index, p)
	if err != nil {
		return err
	}
	v.mu.Lock()
	_, known := v.roots[root]
	v.mu.Unlock()
	if known {
		return nil
	}
	sig, err := base64.StdEncoding.DecodeString(sigB64)
	if err != nil || !ed25519.Verify(pub, rootMessage(root), sig) {
		return fmt.Errorf("%w: signature of key %s does not verify", ErrBadSeal, id)
	}
	v.mu.Lock()
	if len(v.roots) >= maxCachedRoots {
		for r := range v.roots { // random eviction: map order is random
			delete(v.roots, r)
			break
		}
	}
	v.roots[root] = struct{}{}
	v.mu.Unlock()
	return nil
}

// Reason is a short label for a Check error, for metrics.
func Reason(err error) string {
	switch {
	case errors.Is(err, ErrUnsigned):
		return "unsigned"
	case errors.Is(err, ErrUnknownKey):
		return "unknown_key"
	default:
		return "bad_seal"
	}
}
