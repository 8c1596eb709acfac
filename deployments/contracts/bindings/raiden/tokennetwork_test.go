package raidenbindings_test

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	raidenbindings "github.com/watchtower-l2/watchtower/deployments/contracts/bindings/raiden"
	"github.com/watchtower-l2/watchtower/internal/testutil/raidentest"
	"github.com/watchtower-l2/watchtower/proofs/raidenbp"
)

// wantRevert requires err to be a revert with the given Error(string) reason.
func wantRevert(t *testing.T, what string, r *types.Receipt, err error, reason string) {
	t.Helper()
	if err == nil {
		t.Fatalf("%s succeeded (block %d), want revert %q", what, r.BlockNumber, reason)
	}
	got, ok := raidentest.RevertReason(err)
	if !ok || got != reason {
		t.Fatalf("%s: err %v, reason %q (ok %v); want %q", what, err, got, ok, reason)
	}
}

// mustOK returns a function that requires its (receipt, error) to be a success,
// so that it can wrap a call: mustOK(t, "close")(n.Close(...)).
func mustOK(t *testing.T, what string) func(*types.Receipt, error) *types.Receipt {
	return func(r *types.Receipt, err error) *types.Receipt {
		t.Helper()
		if err != nil {
			reason, _ := raidentest.RevertReason(err)
			t.Fatalf("%s: %v (revert reason %q)", what, err, reason)
		}
		return r
	}
}

func tokens(n int64) *big.Int { return big.NewInt(n) }

func TestDeployedCodeFitsEIP170(t *testing.T) {
	deployer := raidentest.Key(t, "deployer")
	chain, _ := raidentest.NewSimulated(t, deployer)
	n := raidentest.Deploy(t, chain, deployer, raidentest.Config{})
	code, err := chain.Client.CodeAt(t.Context(), n.Address, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(code) == 0 || len(code) > 24576 {
		t.Fatalf("TokenNetwork runtime code is %d bytes", len(code))
	}
	prefix, err := n.TN.SignaturePrefix(&bind.CallOpts{Context: t.Context()})
	if err != nil || prefix != "\x19Ethereum Signed Message:\n" {
		t.Fatalf("signature_prefix = %q, %v", prefix, err)
	}
}

// TestTowerUpdatesStaleClose runs the attack a tower guards against: B closes
// the channel with a balance proof of A's (nonce 1), leaving out B's own
// transfers to A. A's tower, a third party, then submits B's latest balance
// proof (signed by B, the closing participant) with A's counter-signature.
func TestTowerUpdatesStaleClose(t *testing.T) {
	deployer, alice, bob, tower := raidentest.Key(t, "deployer"), raidentest.Key(t, "alice"), raidentest.Key(t, "bob"), raidentest.Key(t, "tower")
	a, b := raidentest.Addr(alice), raidentest.Addr(bob)
	chain, _ := raidentest.NewSimulated(t, deployer, alice, bob, tower)
	n := raidentest.Deploy(t, chain, deployer, raidentest.Config{SettleTimeout: 600})

	id := n.OpenChannel(alice, a, b)
	n.Deposit(alice, id, b, tokens(100))
	n.Deposit(bob, id, a, tokens(100))

	// A's balance proof: A has sent 10 to B.
	aBP := n.BalanceProof(id, 1, tokens(10), tokens(0), [32]byte{})
	aSig := n.Sign(alice, aBP)
	// B's balance proofs: B has sent 20, then 50, then 60 to A.
	bBP3, bBP5, bBP6 := n.BalanceProof(id, 3, tokens(20), tokens(0), [32]byte{}),
		n.BalanceProof(id, 5, tokens(50), tokens(0), [32]byte{}),
		n.BalanceProof(id, 6, tokens(60), tokens(0), [32]byte{})
	bSig3, bSig5, bSig6 := n.Sign(bob, bBP3), n.Sign(bob, bBP5), n.Sign(bob, bBP6)

	// The balance proof must be signed by the non-closing participant.
	r, err := n.Close(bob, a, bBP5, bSig5)
	wantRevert(t, "close with the closer's own proof", r, err, "TN/close: invalid non-closing sig")

	r = mustOK(t, "close")(n.Close(bob, a, aBP, aSig))
	closed, err := n.TN.ParseChannelClosed(*r.Logs[0])
	if err != nil || closed.ChannelIdentifier.Cmp(id) != 0 || closed.ClosingParticipant != b ||
		closed.Nonce.Uint64() != 1 || closed.BalanceHash != aBP.BalanceHash {
		t.Fatalf("ChannelClosed = %+v, %v", closed, err)
	}
	closeBlock, err := chain.Client.HeaderByNumber(t.Context(), r.BlockNumber)
	if err != nil {
		t.Fatal(err)
	}
	after, err := n.TN.SettleableAfter(&bind.CallOpts{Context: t.Context()}, id)
	if err != nil || after.Uint64() != closeBlock.Time+600 {
		t.Fatalf("settleable_after = %v, %v; want close block time %d + 600", after, err, closeBlock.Time)
	}
	if info := n.Participant(id, a, b); info.Nonce.Uint64() != 1 || info.BalanceHash != aBP.BalanceHash || info.IsTheCloser {
		t.Fatalf("A after close: %+v", info)
	}
	if info := n.Participant(id, b, a); info.Nonce.Sign() != 0 || !info.IsTheCloser {
		t.Fatalf("B after close: %+v", info)
	}

	// The tower's update: B's proof, B's signature, A's counter-signature.
	aUpd5, err := raidenbp.SignUpdate(alice, bBP5, bSig5)
	if err != nil {
		t.Fatal(err)
	}
	// A counter-signature by anyone but A is rejected, and so is A's own proof.
	towerUpd, _ := raidenbp.SignUpdate(tower, bBP5, bSig5)
	r, err = n.Update(tower, b, a, bBP5, bSig5, towerUpd)
	wantRevert(t, "update counter-signed by the tower", r, err, "TN/update: invalid non-closing sig")
	aUpdOwn, _ := raidenbp.SignUpdate(alice, aBP, aSig)
	r, err = n.Update(tower, b, a, aBP, aSig, aUpdOwn)
	wantRevert(t, "update with the non-closer's own proof", r, err, "TN/update: invalid closing sig")

	// ECVerify rejects a malformed signature with a bare require: no reason.
	r, err = n.Update(tower, b, a, bBP5, bSig5, aUpd5[:64])
	if reason, ok := raidentest.RevertReason(err); err == nil || ok {
		t.Fatalf("update with a 64-byte signature: err %v, reason %q; want a revert without reason", err, reason)
	}

	r = mustOK(t, "tower update")(n.Update(tower, b, a, bBP5, bSig5, aUpd5))
	upd, err := n.TN.ParseNonClosingBalanceProofUpdated(*r.Logs[0])
	if err != nil || upd.ClosingParticipant != b || upd.Nonce.Uint64() != 5 || upd.BalanceHash != bBP5.BalanceHash {
		t.Fatalf("NonClosingBalanceProofUpdated = %+v, %v", upd, err)
	}
	if info := n.Participant(id, b, a); info.Nonce.Uint64() != 5 || info.BalanceHash != bBP5.BalanceHash {
		t.Fatalf("B after update: %+v", info)
	}

	// An older or equal nonce is obsolete.
	aUpd3, _ := raidenbp.SignUpdate(alice, bBP3, bSig3)
	r, err = n.Update(tower, b, a, bBP3, bSig3, aUpd3)
	wantRevert(t, "update with nonce 3", r, err, "TN: nonce reused")
	r, err = n.Update(tower, b, a, bBP5, bSig5, aUpd5)
	wantRevert(t, "replayed update", r, err, "TN: nonce reused")

	settle := func() (*types.Receipt, error) {
		return n.Settle(deployer, id,
			raidentest.Settlement{Participant: a, Transferred: tokens(10)},
			raidentest.Settlement{Participant: b, Transferred: tokens(60)})
	}
	r, err = settle()
	wantRevert(t, "settle before the timeout", r, err, "TN/settle: settlement timeout")

	// Past settleable_after this version still takes updates, until someone settles.
	n.AfterSettleTimeout()
	aUpd6, _ := raidenbp.SignUpdate(alice, bBP6, bSig6)
	mustOK(t, "update after the timeout, before settlement")(n.Update(tower, b, a, bBP6, bSig6, aUpd6))

	r = mustOK(t, "settle")(settle())
	var settled *raidenbindings.TokenNetworkChannelSettled
	for _, l := range r.Logs {
		if l.Address == n.Address {
			if settled, err = n.TN.ParseChannelSettled(*l); err == nil {
				break
			}
		}
	}
	if settled == nil || settled.Participant1 != a || settled.Participant1Amount.Int64() != 150 ||
		settled.Participant2 != b || settled.Participant2Amount.Int64() != 50 {
		t.Fatalf("ChannelSettled = %+v", settled)
	}
	for who, want := range map[common.Address]int64{a: 150, b: 50} {
		got, err := n.Token.BalanceOf(&bind.CallOpts{Context: t.Context()}, who)
		if err != nil || got.Int64() != want {
			t.Fatalf("token balance of %s = %v, %v; want %d", who, got, err, want)
		}
	}

	// Settlement deletes the channel: updates are too late.
	bBP7 := n.BalanceProof(id, 7, tokens(70), tokens(0), [32]byte{})
	bSig7 := n.Sign(bob, bBP7)
	aUpd7, _ := raidenbp.SignUpdate(alice, bBP7, bSig7)
	r, err = n.Update(tower, b, a, bBP7, bSig7, aUpd7)
	wantRevert(t, "update after settlement", r, err, "TN/update: channel id mismatch")
	r, err = settle()
	wantRevert(t, "second settle", r, err, "TN/settle: channel id mismatch")
}

// TestUpdateOnOpenChannel checks the reasons an update gets before any close.
func TestUpdateOnOpenChannel(t *testing.T) {
	deployer, alice, bob := raidentest.Key(t, "deployer"), raidentest.Key(t, "alice"), raidentest.Key(t, "bob")
	a, b := raidentest.Addr(alice), raidentest.Addr(bob)
	chain, _ := raidentest.NewSimulated(t, deployer, alice, bob)
	n := raidentest.Deploy(t, chain, deployer, raidentest.Config{})
	id := n.OpenChannel(deployer, a, b)

	bp := n.BalanceProof(id, 2, tokens(5), tokens(0), [32]byte{})
	bSig := n.Sign(bob, bp)
	aUpd, _ := raidenbp.SignUpdate(alice, bp, bSig)
	r, err := n.Update(deployer, b, a, bp, bSig, aUpd)
	wantRevert(t, "update on an open channel", r, err, "TN/update: channel not closed")

	// A close without a balance proof (nonce 0), with 65 zero bytes as the partner signature.
	empty := raidenbp.BalanceProof{TokenNetwork: n.Address, ChainID: chain.ChainID, ChannelID: id, Nonce: new(big.Int)}
	mustOK(t, "close with nonce 0")(n.Close(alice, b, empty, make([]byte, 65)))
	r, err = n.Close(bob, a, bp, bSig)
	wantRevert(t, "second close", r, err, "TN: channel not open")
	// A closed; the counter-signature must come from B, the non-closer, over A's proof.
	aBP := n.BalanceProof(id, 1, tokens(3), tokens(0), [32]byte{})
	aSig := n.Sign(alice, aBP)
	bUpd, _ := raidenbp.SignUpdate(bob, aBP, aSig)
	mustOK(t, "update of A's proof by B's counter-signature")(n.Update(deployer, a, b, aBP, aSig, bUpd))
}
