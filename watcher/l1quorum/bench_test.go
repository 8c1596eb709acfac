package l1quorum_test

import (
	"context"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/watchtower-l2/watchtower/internal/testutil/anviltest"
	"github.com/watchtower-l2/watchtower/watcher/l1quorum"
)

// BenchmarkHeader compares a header read through one endpoint with the
// same read agreed by 2 of 3 endpoints (one anvil, three connections): the
// ratio of the two is the cost of agreement on the tower's side.
func BenchmarkHeader(b *testing.B) {
	node := anviltest.Start(b)
	for range 4 {
		node.Mine(b)
	}
	var srcs []l1quorum.Source
	for _, name := range []string{"a", "b", "c"} {
		c, err := ethclient.Dial(node.URL)
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(c.Close)
		srcs = append(srcs, l1quorum.Source{Name: name, Node: c})
	}
	q, err := l1quorum.New(srcs, l1quorum.Config{}, nil)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	num := big.NewInt(3)
	b.Run("direct", func(b *testing.B) {
		for range b.N {
			if _, err := node.Client.HeaderByNumber(ctx, num); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("quorum-2-of-3", func(b *testing.B) {
		for range b.N {
			if _, err := q.HeaderByNumber(ctx, num); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("quorum-head-2-of-3", func(b *testing.B) {
		for range b.N {
			if _, err := q.HeaderByNumber(ctx, nil); err != nil {
				b.Fatal(err)
			}
		}
	})
}
