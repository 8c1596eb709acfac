// Package eventauth authenticates the events ingest puts on the bus, so that
// verify acts only on what an ingest process read from L1, never on a message
// any other client of the NATS server could publish.
//
// Ingest seals the messages of one step together: it hashes each message
// (subject, message id and body) into a leaf of a Merkle tree and signs the
// root once with its Ed25519 key. Each message carries the key id, the root's
// signature and its Merkle path in headers. Verify recomputes the root from
// the message and its path and checks the signature against its trusted keys;
// a root it has checked once is remembered, so the messages of one step cost
// one signature check between them. Several keys can be trusted at once, so a
// key is rotated by trusting the new one before ingest switches to it.
package eventauth

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"math/bits"
)

// Message headers of a sealed message.
const (
	// HeaderKey names the signing key (KeyID of its public key).
	HeaderKey = "Wt-Seal-Key"
	// HeaderSig is the base64 Ed25519 signature of the step's root.
	HeaderSig = "Wt-Seal-Sig"
	// HeaderIndex is the message's leaf index in the step's tree.
	HeaderIndex = "Wt-Seal-Index"
	// HeaderPath is the base64 concatenation of the sibling hashes, leaf first.
	HeaderPath = "Wt-Seal-Path"
)

// rootDomain separates the signed roots from any other use of the key.
const rootDomain = "watchtower/events/v1 root"

// MaxLeaves bounds one seal (a path of at most 20 hashes).
const MaxLeaves = 1 << 20

// Errors a Verifier reports. Each means the message must not be acted on.
var (
	ErrUnsigned   = errors.New("eventauth: message is not sealed")
	ErrUnknownKey = errors.New("eventauth: message sealed by an untrusted key")
	ErrBadSeal    = errors.New("eventauth: seal does not match the message")
)

// Item is one message to seal or check.
type Item struct {
	Subject string
	MsgID   string
	Data    []byte
}

// leaf hashes a message with a prefix that no inner node has.
func leaf(it Item) [32]byte {
	h := sha256.New()
	var n [4]byte
	h.Write([]byte{0})
	binary.BigEndian.PutUint32(n[:], uint32(len(it.Subject)))
	h.Write(n[:])
	h.Write([]byte(it.Subject))
	binary.BigEndian.PutUint32(n[:], uint32(len(it.MsgID)))
	h.Write(n[:])
	h.Write([]byte(it.MsgID))
	h.Write(it.Data)
	var out [32]byte
	h.Sum(out[:0])
	return out
}

func node(l, r [32]byte) [32]byte {
	var buf [65]byte
	buf[0] = 1
	copy(buf[1:], l[:])
	copy(buf[33:], r[:])
	return sha256.Sum256(buf[:])
}

// rootMessage is what the key signs: a domain tag and the root.
func rootMessage(root [32]byte) []byte {
	return append([]byte(rootDomain), root[:]...)
}

// KeyID names a public key in headers: the first 8 bytes of its SHA-256, in hex.
func KeyID(pub ed25519.PublicKey) string {
	sum := sha256.Sum256(pub)
	return hex.EncodeToString(sum[:8])
}

// tree builds the Merkle tree of leaves padded with zero hashes to a power of
// two; levels[0] are the leaves and the last level is the root.
func tree(leaves [][32]byte) [][][32]byte {
	width := 1
	for width < len(leaves) {
		width <<= 1
	}
	level := make([][32]byte, width)
	copy(level, leaves)
	levels := [][][32]byte{level}
	for len(level) > 1 {
		next := make([][32]byte, len(level)/2)
		for i := range next {
			next[i] = node(level[2*i], level[2*i+1])
		}
		levels = append(levels, next)
		level = next
	}
	return levels
}

// path returns the siblings of leaf i, leaf level first.
func path(levels [][][32]byte, i int) []byte {
	out := make([]byte, 0, 32*(len(levels)-1))
	for _, level := range levels[:len(levels)-1] {
		sib := level[i^1]
		out = append(out, sib[:]...)
		i >>= 1
	}
	return out
}

// rootOf recomputes the root from a leaf, its index and its path.
func rootOf(l [32]byte, index uint64, p []byte) ([32]byte, error) {
	if len(p)%32 != 0 || len(p)/32 > bits.Len(MaxLeaves-1) {
		return [32]byte{}, fmt.Errorf("%w: path of %d bytes", ErrBadSeal, len(p))
	}
	if index>>(len(p)/32) != 0 {
		return [32]byte{}, fmt.Errorf("%w: index %d beyond a path of %d levels", ErrBadSeal, index, len(p)/32)
	}
	cur := l
	for off := 0; off < len(p); off += 32 {
		sib := [32]byte(p[off : off+32])
		if index&1 == 0 {
			cur = node(cur, sib)
		} else {
			cur = node(sib, cur)
		}
		index >>= 1
	}
	return cur, nil
}
