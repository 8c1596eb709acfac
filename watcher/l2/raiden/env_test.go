package raiden_test

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/internal/testutil/raidentest"
	"github.com/watchtower-l2/watchtower/proofs/raidenbp"
	"github.com/watchtower-l2/watchtower/watcher/challenge"
	"github.com/watchtower-l2/watchtower/watcher/l2"
	"github.com/watchtower-l2/watchtower/watcher/l2/raiden"
	"github.com/watchtower-l2/watchtower/watcher/store/pebblestore"
)

// fixture is one TokenNetwork on the simulated backend with an open,
// funded channel between the user (the non-closing participant the tower
// defends) and the partner (who closes), and the kind on a Pebble store.
type fixture struct {
	net                  *raidentest.Network
	backend              *simulated.Backend
	kind                 *raiden.Kind
	queue                *challenge.Queue
	user, partner, tower *ecdsa.PrivateKey
	id                   *big.Int
}

const deposit = 1000

func newFixture(t *testing.T) *fixture {
	t.Helper()
	f := &fixture{user: raidentest.Key(t, "user"), partner: raidentest.Key(t, "partner"), tower: raidentest.Key(t, "tower")}
	deployer := raidentest.Key(t, "deployer")
	chain, backend := raidentest.NewSimulated(t, deployer, f.user, f.partner, f.tower)
	f.backend = backend
	f.net = raidentest.Deploy(t, chain, deployer, raidentest.Config{})
	f.id = f.net.OpenChannel(f.user, f.userAddr(), f.partnerAddr())
	f.net.Deposit(f.user, f.id, f.partnerAddr(), big.NewInt(deposit))
	f.net.Deposit(f.partner, f.id, f.userAddr(), big.NewInt(deposit))
	st, err := pebblestore.Open(t.TempDir(), zap.NewNop())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	f.queue = challenge.NewQueue(st, chain.ChainID.Uint64(), "t")
	f.kind, err = raiden.New(raiden.Config{ChainID: chain.ChainID, TokenNetwork: f.net.Address},
		l2.Deps{ChainID: chain.ChainID, L1: backend.Client(), Store: st, Queue: f.queue, Log: zap.NewNop()})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func (f *fixture) userAddr() common.Address    { return raidentest.Addr(f.user) }
func (f *fixture) partnerAddr() common.Address { return raidentest.Addr(f.partner) }
func (f *fixture) chainID() uint64             { return f.net.Chain.ChainID.Uint64() }

// transferred is what the partner has sent the user by its proof of nonce n.
func transferred(n uint64) *big.Int { return big.NewInt(int64(10 * n)) }

// partnerProof is the partner's balance proof of nonce n (the partner's
// transfers to the user), signed by the partner and counter-signed by the
// user: what the user delegates.
func (f *fixture) partnerProof(t *testing.T, n uint64) (raidenbp.BalanceProof, raiden.ProofJSON) {
	t.Helper()
	return f.partnerProofOf(t, n, transferred(n))
}

// partnerProofOf is partnerProof with the amount transferred.
func (f *fixture) partnerProofOf(t *testing.T, n uint64, amount *big.Int) (raidenbp.BalanceProof, raiden.ProofJSON) {
	t.Helper()
	bp := f.net.BalanceProof(f.id, n, amount, big.NewInt(0), [32]byte{})
	closingSig := f.net.Sign(f.partner, bp)
	nonClosingSig, err := raidenbp.SignUpdate(f.user, bp, closingSig)
	if err != nil {
		t.Fatal(err)
	}
	return bp, proofJSON(bp, f.partnerAddr(), f.userAddr(), closingSig, nonClosingSig)
}

func proofJSON(bp raidenbp.BalanceProof, closing, nonClosing common.Address, closingSig, nonClosingSig []byte) raiden.ProofJSON {
	return raiden.ProofJSON{
		ChannelID: bp.ChannelID.String(), ClosingParticipant: closing.Hex(), NonClosingParticipant: nonClosing.Hex(),
		Nonce: bp.Nonce.String(), BalanceHash: hexutil.Encode(bp.BalanceHash[:]), AdditionalHash: hexutil.Encode(bp.AdditionalHash[:]),
		ClosingSignature: hexutil.Encode(closingSig), NonClosingSignature: hexutil.Encode(nonClosingSig),
	}
}

// hold delegates proofs through the kind's intake, admitting them all.
func (f *fixture) hold(t *testing.T, owned bool, js ...raiden.ProofJSON) []l2.HoldResult {
	t.Helper()
	ps := make([]l2.Proof, len(js))
	for i, j := range js {
		raw, err := json.Marshal(j)
		if err != nil {
			t.Fatal(err)
		}
		if ps[i], err = f.kind.ParseProof(raw); err != nil {
			t.Fatalf("parse proof %d: %v", i, err)
		}
	}
	res, err := f.kind.Hold(context.Background(), ps, l2.HoldOptions{Owned: owned})
	if err != nil {
		t.Fatalf("hold: %v", err)
	}
	return res
}

// closeStale has the partner close the channel with the user's balance
// proof of nonce 2 (the user's own transfers, honest) while its own
// transfers to the user stay off chain: the partner's nonce on chain is 0.
func (f *fixture) closeStale(t *testing.T) types.Log {
	t.Helper()
	bp := f.net.BalanceProof(f.id, 2, big.NewInt(7), big.NewInt(0), [32]byte{})
	r, err := f.net.Close(f.partner, f.userAddr(), bp, f.net.Sign(f.user, bp))
	if err != nil {
		t.Fatalf("close: %v", err)
	}
	return f.log(t, r, raiden.EventClosed)
}

// update submits the partner's proof of nonce n as the user would.
func (f *fixture) update(t *testing.T, n uint64) *types.Receipt {
	t.Helper()
	bp := f.net.BalanceProof(f.id, n, transferred(n), big.NewInt(0), [32]byte{})
	closingSig := f.net.Sign(f.partner, bp)
	nonClosingSig, err := raidenbp.SignUpdate(f.user, bp, closingSig)
	if err != nil {
		t.Fatal(err)
	}
	r, err := f.net.Update(f.user, f.partnerAddr(), f.userAddr(), bp, closingSig, nonClosingSig)
	if err != nil {
		t.Fatalf("update: %v", err)
	}
	return r
}

// settle settles the channel once the settle timeout is over, given the
// partner's nonce now on chain (0: none).
func (f *fixture) settle(t *testing.T, partnerNonce uint64) types.Log {
	t.Helper()
	f.afterSettleTimeout(t)
	p := raidentest.Settlement{Participant: f.partnerAddr()}
	if partnerNonce > 0 {
		p.Transferred = transferred(partnerNonce)
	}
	r, err := f.net.Settle(f.tower, f.id, raidentest.Settlement{Participant: f.userAddr(), Transferred: big.NewInt(7)}, p)
	if err != nil {
		t.Fatalf("settle: %v", err)
	}
	return f.log(t, r, raiden.EventSettled)
}

// afterSettleTimeout moves the clock past settleable_after. The simulated
// backend refuses while its pool still lists a transaction it just mined
// (the pool catches up with the new head asynchronously), so it retries
// until the pool is empty.
func (f *fixture) afterSettleTimeout(t *testing.T) {
	t.Helper()
	d := time.Duration(f.net.SettleTimeout+1) * time.Second
	deadline := time.Now().Add(30 * time.Second)
	for {
		err := f.backend.AdjustTime(d)
		if err == nil {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("adjust time: %v", err)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// log returns the log of r the kind decodes as name.
func (f *fixture) log(t *testing.T, r *types.Receipt, name string) types.Log {
	t.Helper()
	for _, lg := range r.Logs {
		if got, _, ok, _ := f.kind.Decode(*lg); ok && got == name {
			return *lg
		}
	}
	t.Fatalf("no %s log in tx %s", name, r.TxHash.Hex())
	return types.Log{}
}
