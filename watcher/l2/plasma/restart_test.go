package plasma_test

import (
	"context"
	"crypto/ecdsa"
	"testing"
	"time"

	"github.com/watchtower-l2/watchtower/internal/plasmaop"
	"github.com/watchtower-l2/watchtower/proofs/plasmatx"
)

// TestRestartDuringIngestionLosesNothing: the watcher is stopped while child
// blocks are being ingested; blocks published while it is down (their NATS
// messages are lost) are fetched over HTTP by the next process, which resumes
// at the stored cursor. Every spend is indexed and every exit of a spent
// output is challenged.
func TestRestartDuringIngestionLosesNothing(t *testing.T) {
	const users, blocks = 8, 6
	e := newEnv(t, users)
	keys := make([]*ecdsaKey, users)
	for i := range keys {
		keys[i] = &ecdsaKey{e.user()}
	}
	e.autoMine()
	ctx := context.Background()
	cur := make([]plasmatx.Pos, users)
	for i, k := range keys {
		cur[i] = e.deposit(k.k, 1e18)
	}
	var spent []plasmatx.Pos
	var owners []int
	p1 := e.start(t, "w1")
	round := func() uint64 {
		for i, k := range keys {
			to := (i + 1) % users
			e.pay(k.k, cur[i], addr(keys[to].k), 1e15)
			spent, owners = append(spent, cur[i]), append(owners, i)
		}
		b := e.commit(plasmaop.CommitOptions{})
		for i := range keys {
			cur[i] = plasmatx.NewPos(b.Blknum, uint64(i), 1) // the change
		}
		return b.Blknum
	}
	for range blocks / 2 {
		round()
	}
	waitFor(t, "the first watcher to verify a block", 20*time.Second, cursorAt(t, p1, 1000))
	p1.stop() // possibly in the middle of the later blocks
	stoppedAt, _ := p1.kind.Cursor(ctx)
	var last uint64
	for range blocks - blocks/2 {
		last = round()
	}
	p2 := e.start(t, "w2")
	waitFor(t, "the second watcher to catch up", 30*time.Second, cursorAt(t, p2, last))
	t.Logf("first watcher stopped at block %d of %d", stoppedAt, last)
	for _, s := range spent {
		sp, err := p2.kind.Spent(ctx, s)
		if err != nil {
			t.Fatalf("spend of %s not indexed: %v", s, err)
		}
		if sp.Blknum == 0 {
			t.Fatalf("spend of %s without block", s)
		}
	}
	// Every owner exits an output spent in some block: all are challenged.
	var exited []plasmatx.Pos
	for i := 0; i < len(spent); i += users + 1 {
		e.exit(keys[owners[i]].k, spent[i])
		exited = append(exited, spent[i])
	}
	for _, s := range exited {
		waitFor(t, "the exit of "+s.String()+" to be challenged", 30*time.Second, func() bool { return len(e.challenges(s)) == 1 })
		if st := e.exitStatus(s); st != statusChallenged {
			t.Fatalf("exit of %s status %d", s, st)
		}
	}
}

type ecdsaKey struct{ k *ecdsa.PrivateKey }
