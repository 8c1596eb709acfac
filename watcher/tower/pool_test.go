package tower_test

import (
	"context"
	"crypto/ecdsa"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/internal/testutil/chantest"
	"github.com/watchtower-l2/watchtower/internal/testutil/redistest"
	"github.com/watchtower-l2/watchtower/watcher/challenge"
	"github.com/watchtower-l2/watchtower/watcher/l2"
	"github.com/watchtower-l2/watchtower/watcher/l2/channel"
	"github.com/watchtower-l2/watchtower/watcher/store/redisstore"
	"github.com/watchtower-l2/watchtower/watcher/tower"
)

// TestSignerPoolSpreadsChallenges: a tower with two signer keys answers
// stale closes from both, and each job records the key that really signed
// its challenge.
func TestSignerPoolSpreadsChallenges(t *testing.T) {
	e := newEnv(t, 12)
	e.extraSigners, e.maxPending = []int{1}, 1
	c := e.chain
	var chans []*chantest.Channel
	for range 6 {
		chans = append(chans, c.Open(40, 3))
	}
	c.Net.AutoMine(30 * time.Millisecond)
	p := e.start(t, "w1", 0, 1)
	if n := len(p.tw.Sender.Managers()); n != 2 {
		t.Fatalf("the challenge role signs with %d keys, want 2", n)
	}
	for _, ch := range chans {
		delegate(t, p, ch.Latest())
	}
	for _, ch := range chans {
		c.Close(ch, ch.States[0])
	}
	waitFor(t, "every close to be challenged", 30*time.Second, func() bool {
		for _, ch := range chans {
			if len(c.Challenges(ch)) == 0 {
				return false
			}
		}
		return true
	})
	keys := map[common.Address]bool{
		crypto.PubkeyToAddress(c.TowerKey(0).PublicKey): true,
		crypto.PubkeyToAddress(c.TowerKey(1).PublicKey): true,
	}
	used := map[common.Address]int{}
	for i, ch := range chans {
		got := c.Challenges(ch)
		if len(got) != 1 {
			t.Fatalf("channel %d challenged %d times, want 1", i, len(got))
		}
		by := got[0].Challenger
		if !keys[by] {
			t.Fatalf("channel %d challenged by %s, not a tower key", i, by)
		}
		used[by]++
		id := channel.DisputeID(ch.ID, ch.Latest().Nonce, c.OnChain(ch).Deadline)
		waitFor(t, "the job to be recorded as mined", 10*time.Second, func() bool {
			j, err := p.tw.Queue.Get(context.Background(), id)
			return err == nil && j.Status == challenge.Mined
		})
		j, _ := p.tw.Queue.Get(context.Background(), id)
		if j.Sender != by.Hex() {
			t.Errorf("channel %d: job records sender %s, the challenge came from %s", i, j.Sender, by.Hex())
		}
	}
	if len(used) != 2 {
		t.Errorf("challenges came from %d key(s) (%v), want both", len(used), used)
	}
}

// TestIdentityIsNoPoolKey: the api role refuses an extra signer key as its
// identity too.
func TestIdentityIsNoPoolKey(t *testing.T) {
	c := chantest.New(t, 0)
	st, err := redisstore.Open(context.Background(), redistest.Start(t), "wt:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	_, err = tower.New(context.Background(), tower.Options{Roles: []string{tower.RoleChallenge, tower.RoleAPI}, Owner: "t",
		ChainID: c.Net.ChainID, Kinds: []l2.Factory{channel.Factory(c.Addr)}, Identity: c.TowerKey(1),
		SignerKeys: []*ecdsa.PrivateKey{c.TowerKey(1)}}, c.Net.Client, nil, st, c.TowerKey(0), nil, zap.NewNop())
	if err == nil || !strings.Contains(err.Error(), "challenge signer key") {
		t.Fatalf("an extra signer key as identity: %v", err)
	}
}
