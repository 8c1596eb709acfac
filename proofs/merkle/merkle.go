// Package merkle is the fixed-depth keccak Merkle tree PlasmaFramework checks:
// depth 16 (65,536 leaves), empty leaves are zero, a node is
// keccak256(left || right), and a proof is the 16 sibling hashes from the
// leaf up to the root, concatenated (512 bytes).
package merkle

import (
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// Depth is the tree depth.
const Depth = 16

// MaxLeaves is how many leaves a tree holds.
const MaxLeaves = 1 << Depth

// ProofLen is the byte length of a proof.
const ProofLen = Depth * 32

// ErrTooManyLeaves is returned for more than MaxLeaves leaves.
var ErrTooManyLeaves = errors.New("merkle: more than 65536 leaves")

// zeros[i] is the root of an empty subtree of height i.
var zeros = func() [Depth + 1]common.Hash {
	var z [Depth + 1]common.Hash
	for i := 1; i <= Depth; i++ {
		z[i] = crypto.Keccak256Hash(z[i-1][:], z[i-1][:])
	}
	return z
}()

// Tree holds every level of a tree built from leaves.
type Tree struct {
	depth  int
	levels [][]common.Hash // levels[0] = leaves, levels[depth] = [root]
}

// New builds the tree of leaves (index i = leaf i, the rest empty).
func New(leaves []common.Hash) (*Tree, error) { return NewDepth(Depth, leaves) }

// DepthFor is the least depth whose tree holds n leaves (0 for one leaf).
func DepthFor(n int) int {
	d := 0
	for 1<<d < n {
		d++
	}
	return d
}

// NewDepth builds a tree of the given depth (at most Depth) the same way:
// the PlasmaFramework tree is NewDepth(Depth, ...); a smaller one gives
// shorter proofs (receipt batches use DepthFor(len(leaves))).
func NewDepth(depth int, leaves []common.Hash) (*Tree, error) {
	if depth < 0 || depth > Depth {
		return nil, fmt.Errorf("merkle: depth %d outside 0..%d", depth, Depth)
	}
	if len(leaves) > 1<<depth {
		if depth == Depth {
			return nil, ErrTooManyLeaves
		}
		return nil, fmt.Errorf("merkle: %d leaves do not fit a tree of depth %d", len(leaves), depth)
	}
	t := &Tree{depth: depth, levels: make([][]common.Hash, depth+1)}
	t.levels[0] = append([]common.Hash(nil), leaves...)
	h := crypto.NewKeccakState()
	var buf [64]byte
	for d := 0; d < depth; d++ {
		cur := t.levels[d]
		next := make([]common.Hash, (len(cur)+1)/2)
		for i := range next {
			left := cur[2*i]
			right := zeros[d]
			if 2*i+1 < len(cur) {
				right = cur[2*i+1]
			}
			copy(buf[:32], left[:])
			copy(buf[32:], right[:])
			h.Reset()
			h.Write(buf[:])
			h.Read(next[i][:]) //nolint:errcheck // never fails
		}
		t.levels[d+1] = next
	}
	return t, nil
}

// Root is the tree's root.
func (t *Tree) Root() common.Hash {
	if len(t.levels[t.depth]) == 0 {
		return zeros[t.depth]
	}
	return t.levels[t.depth][0]
}

// Proof returns the inclusion proof of leaf index.
func (t *Tree) Proof(index int) ([]byte, error) {
	if index < 0 || index >= 1<<t.depth {
		return nil, fmt.Errorf("merkle: index %d out of range", index)
	}
	p := make([]byte, 0, t.depth*32)
	for d := 0; d < t.depth; d++ {
		sib := index ^ 1
		h := zeros[d]
		if sib < len(t.levels[d]) {
			h = t.levels[d][sib]
		}
		p = append(p, h[:]...)
		index >>= 1
	}
	return p, nil
}

// Root computes the root of leaves.
func Root(leaves []common.Hash) (common.Hash, error) {
	t, err := New(leaves)
	if err != nil {
		return common.Hash{}, err
	}
	return t.Root(), nil
}

// Verify reports whether proof shows leaf at index under root, as the contract's
// checkMembership does.
func Verify(leaf common.Hash, index uint64, root common.Hash, proof []byte) bool {
	return len(proof) == ProofLen && VerifyDepth(leaf, index, root, proof)
}

// VerifyDepth is Verify for a tree of depth len(proof)/32 (at most Depth).
func VerifyDepth(leaf common.Hash, index uint64, root common.Hash, proof []byte) bool {
	depth := len(proof) / 32
	if len(proof)%32 != 0 || depth > Depth || index >= 1<<depth {
		return false
	}
	node := leaf
	for d := 0; d < depth; d++ {
		sib := proof[d*32 : (d+1)*32]
		if index&1 == 0 {
			node = crypto.Keccak256Hash(node[:], sib)
		} else {
			node = crypto.Keccak256Hash(sib, node[:])
		}
		index >>= 1
	}
	return node == root
}

// ZeroRoot is the root of the empty tree.
func ZeroRoot() common.Hash { return zeros[Depth] }
