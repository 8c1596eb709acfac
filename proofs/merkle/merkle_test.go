package merkle

import (
	"encoding/binary"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// naiveRoot builds the full 65,536-leaf tree level by level.
func naiveRoot(leaves []common.Hash) common.Hash {
	level := make([]common.Hash, MaxLeaves)
	copy(level, leaves)
	for len(level) > 1 {
		next := make([]common.Hash, len(level)/2)
		for i := range next {
			next[i] = crypto.Keccak256Hash(level[2*i][:], level[2*i+1][:])
		}
		level = next
	}
	return level[0]
}

func leaves(n int) []common.Hash {
	out := make([]common.Hash, n)
	for i := range out {
		out[i] = crypto.Keccak256Hash(binary.BigEndian.AppendUint64(nil, uint64(i)))
	}
	return out
}

func TestRootMatchesFullTree(t *testing.T) {
	for _, n := range []int{0, 1, 2, 5, 64, 1000} {
		ls := leaves(n)
		got, err := Root(ls)
		if err != nil {
			t.Fatal(err)
		}
		if want := naiveRoot(ls); got != want {
			t.Fatalf("n=%d: root %s, full tree %s", n, got, want)
		}
	}
	if r, _ := Root(nil); r != ZeroRoot() {
		t.Fatal("empty root")
	}
	if _, err := New(make([]common.Hash, MaxLeaves+1)); err != ErrTooManyLeaves {
		t.Fatalf("oversize tree: %v", err)
	}
}

func TestProofs(t *testing.T) {
	ls := leaves(37)
	tr, _ := New(ls)
	for i := range ls {
		p, err := tr.Proof(i)
		if err != nil || len(p) != ProofLen || !Verify(ls[i], uint64(i), tr.Root(), p) {
			t.Fatalf("leaf %d: proof refused (%v)", i, err)
		}
		if Verify(ls[i], uint64(i+1), tr.Root(), p) {
			t.Fatalf("leaf %d: proof valid at another index", i)
		}
	}
	p, _ := tr.Proof(40) // an empty slot proves the zero leaf
	if !Verify(common.Hash{}, 40, tr.Root(), p) {
		t.Fatal("empty leaf proof refused")
	}
	if _, err := tr.Proof(MaxLeaves); err == nil {
		t.Fatal("out-of-range proof")
	}
}

// FuzzVerify: Verify never panics and accepts only proofs of the tree's leaves.
func FuzzVerify(f *testing.F) {
	tr, _ := New(leaves(5))
	p, _ := tr.Proof(3)
	f.Add(leaves(5)[3][:], uint64(3), p)
	f.Add([]byte{1}, uint64(1<<20), []byte{})
	f.Fuzz(func(t *testing.T, leaf []byte, index uint64, proof []byte) {
		ok := Verify(common.BytesToHash(leaf), index, tr.Root(), proof)
		if ok && (index >= 5 && common.BytesToHash(leaf) != (common.Hash{})) {
			t.Fatalf("accepted a leaf outside the tree at %d", index)
		}
	})
}

// A smaller tree is the same construction: its root is the full tree's
// subtree root, and its proofs verify with VerifyDepth only.
func TestSmallerDepth(t *testing.T) {
	for _, n := range []int{1, 2, 3, 5, 8, 200, 256} {
		ls := make([]common.Hash, n)
		for i := range ls {
			ls[i] = crypto.Keccak256Hash([]byte{byte(i), byte(n)})
		}
		d := DepthFor(n)
		if 1<<d < n || (d > 0 && 1<<(d-1) >= n) {
			t.Fatalf("DepthFor(%d) = %d", n, d)
		}
		small, err := NewDepth(d, ls)
		if err != nil {
			t.Fatal(err)
		}
		full, _ := New(ls)
		fp, _ := full.Proof(0)
		// The full tree climbs from the small root through empty subtrees.
		node := small.Root()
		for level := d; level < Depth; level++ {
			node = crypto.Keccak256Hash(node[:], fp[level*32:(level+1)*32])
		}
		if node != full.Root() {
			t.Fatalf("n=%d: depth-%d root does not extend to the full root", n, d)
		}
		for i := range n {
			p, err := small.Proof(i)
			if err != nil || len(p) != 32*d || !VerifyDepth(ls[i], uint64(i), small.Root(), p) {
				t.Fatalf("n=%d leaf %d: proof %d bytes %v", n, i, len(p), err)
			}
			if n > 1 && VerifyDepth(ls[i], uint64(i^1), small.Root(), p) {
				t.Fatalf("n=%d leaf %d verifies at index %d", n, i, i^1)
			}
			if d > 0 && Verify(ls[i], uint64(i), small.Root(), p) {
				t.Fatal("Verify accepted a short proof")
			}
		}
	}
	if _, err := NewDepth(2, make([]common.Hash, 5)); err == nil {
		t.Fatal("5 leaves fit a depth-2 tree")
	}
}
