package scenario

import (
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/watchtower-l2/watchtower/proofs/raidenbp"
	"github.com/watchtower-l2/watchtower/watcher/delegation/api"
	"github.com/watchtower-l2/watchtower/watcher/l2/raiden"
)

// delegate hands the tower the partner's last two balance proofs, each
// counter-signed by the user, as a wallet would after every payment (one
// call each: a call may name a subject once). The unwatched user delegates
// nothing.
func (sc *Raiden) delegate(ctx context.Context, r *raidenRun) error {
	if r.role == Unwatched {
		return nil
	}
	for _, i := range []int{r.latest() - 1, r.latest()} {
		bp := r.proofs[i]
		upd, err := raidenbp.SignUpdate(r.user, bp, r.sigs[i])
		if err != nil {
			return err
		}
		raw, err := json.Marshal(raiden.ProofJSON{
			ChannelID: r.id.String(), ClosingParticipant: r.partnerAddr().Hex(), NonClosingParticipant: r.userAddr().Hex(),
			Nonce: bp.Nonce.String(), BalanceHash: hexutil.Encode(bp.BalanceHash[:]), AdditionalHash: hexutil.Encode(bp.AdditionalHash[:]),
			ClosingSignature: hexutil.Encode(r.sigs[i]), NonClosingSignature: hexutil.Encode(upd),
		})
		if err != nil {
			return err
		}
		digest, err := bp.Digest()
		if err != nil {
			return err
		}
		want := api.BatchItem{Subject: raiden.Subject(r.id, r.partnerAddr()), Nonce: bp.Nonce.Uint64(), StateDigest: digest}
		ans, err := sc.Tower.DelegateProofs(ctx, raiden.KindName, []json.RawMessage{raw}, func(int) (api.BatchItem, error) { return want, nil })
		if err != nil {
			return fmt.Errorf("delegate nonce %s: %w", bp.Nonce, err)
		}
		if ans.Accepted != 1 {
			return fmt.Errorf("delegate nonce %s: refused: %s", bp.Nonce, ans.Results[0].Error)
		}
	}
	return nil
}

// close closes the channel: a partner with the user's balance proof, its
// own payments to the user left off chain (stale and unwatched roles), or
// the user with the partner's latest proof (honest role).
func (sc *Raiden) close(ctx context.Context, r *raidenRun) error {
	closer, nonCloser := r.partner, r.userAddr()
	bp, sig := r.userBP, r.userSig
	if r.role == Honest {
		closer, nonCloser = r.user, r.partnerAddr()
		bp, sig = r.proofs[r.latest()], r.sigs[r.latest()]
	}
	closingSig, err := raidenbp.SignClose(closer, bp, sig)
	if err != nil {
		return err
	}
	opts := sc.Net.Transactor(ctx, closer)
	tx, err := sc.Chain.tn.CloseChannel(opts, r.id, nonCloser, opts.From, bp.BalanceHash, bp.Nonce, bp.AdditionalHash, sig, closingSig)
	if err != nil {
		return fmt.Errorf("closeChannel: %w", err)
	}
	rc, err := mined(ctx, sc.Net, tx.Hash())
	if err != nil {
		return fmt.Errorf("closeChannel: %w", err)
	}
	r.closeBlk = rc.BlockNumber.Uint64()
	sa, err := sc.Chain.tn.SettleableAfter(&bind.CallOpts{Context: ctx}, r.id)
	if err != nil {
		return fmt.Errorf("settleable_after: %w", err)
	}
	r.settleAt = sa.Uint64()
	return nil
}

// waitTime waits until the L1 head's timestamp reaches t.
func (sc *Raiden) waitTime(ctx context.Context, t uint64) error {
	if sc.Progress != nil {
		fmt.Fprintf(sc.Progress, "  waiting for the settle timeouts to end (L1 time %d)\n", t)
	}
	for {
		h, err := sc.Net.Client.HeaderByNumber(ctx, nil)
		if err != nil {
			return fmt.Errorf("scenario: read head: %w", err)
		}
		if h.Time >= t {
			return nil
		}
		if err := scSleep(ctx, 50*time.Millisecond); err != nil {
			return err
		}
	}
}

// settle reads both balance proofs on chain (what the tower is judged by)
// and settles the channel with the amounts behind them.
func (sc *Raiden) settle(ctx context.Context, r *raidenRun) error {
	o := &bind.CallOpts{Context: ctx}
	_, _, _, partnerHash, partnerNonce, _, _, err := sc.Chain.tn.GetChannelParticipantInfo(o, r.id, r.partnerAddr(), r.userAddr())
	if err != nil {
		return fmt.Errorf("read the partner's balance proof: %w", err)
	}
	_, _, _, userHash, _, _, _, err := sc.Chain.tn.GetChannelParticipantInfo(o, r.id, r.userAddr(), r.partnerAddr())
	if err != nil {
		return fmt.Errorf("read the user's balance proof: %w", err)
	}
	r.partnerNonce = partnerNonce.Uint64()
	partnerAmount, userAmount := new(big.Int), new(big.Int)
	if partnerHash != ([32]byte{}) {
		i := r.proofIndex(partnerHash)
		if i < 0 {
			return fmt.Errorf("the partner's balance hash on chain %x is none the partner signed", partnerHash)
		}
		partnerAmount = r.amounts[i]
	}
	switch userHash {
	case [32]byte{}:
	case r.userBP.BalanceHash:
		userAmount = r.userAmount
	default:
		return fmt.Errorf("the user's balance hash on chain %x is not the user's", userHash)
	}
	p1, a1, p2, a2 := r.userAddr(), userAmount, r.partnerAddr(), partnerAmount
	if a1.Cmp(a2) > 0 {
		p1, a1, p2, a2 = p2, a2, p1, a1
	}
	tx, err := sc.Chain.tn.SettleChannel(sc.Net.Transactor(ctx, r.user), r.id, p1, a1, new(big.Int), [32]byte{}, p2, a2, new(big.Int), [32]byte{})
	if err != nil {
		return fmt.Errorf("settleChannel: %w", err)
	}
	rc, err := mined(ctx, sc.Net, tx.Hash())
	if err != nil {
		return fmt.Errorf("settleChannel: %w", err)
	}
	r.settleBlk = rc.BlockNumber.Uint64()
	return nil
}

func (r *raidenRun) proofIndex(hash [32]byte) int {
	for i, bp := range r.proofs {
		if bp.BalanceHash == hash {
			return i
		}
	}
	return -1
}

// raidenUpdate is one NonClosingBalanceProofUpdated on chain.
type raidenUpdate struct {
	nonce uint64
	block uint64
	tx    common.Hash
}

// judge scores the tower from L1: nobody but the tower submits updates in
// this scenario, so every NonClosingBalanceProofUpdated is its work. A
// fraud is answered when the partner's latest nonce was on chain before
// the settlement; any update of an honest or unwatched channel is a false
// challenge.
func (sc *Raiden) judge(ctx context.Context, runs []*raidenRun) (Summary, error) {
	updates := map[string][]raidenUpdate{}
	it, err := sc.Chain.tn.FilterNonClosingBalanceProofUpdated(&bind.FilterOpts{Start: 0, Context: ctx}, nil, nil, nil)
	if err != nil {
		return Summary{}, fmt.Errorf("scenario: read updates: %w", err)
	}
	for it.Next() {
		e := it.Event
		updates[e.ChannelIdentifier.String()] = append(updates[e.ChannelIdentifier.String()],
			raidenUpdate{e.Nonce.Uint64(), e.Raw.BlockNumber, e.Raw.TxHash})
	}
	if err := it.Error(); err != nil {
		return Summary{}, fmt.Errorf("scenario: read updates: %w", err)
	}
	s := Summary{Kind: raiden.KindName, Columns: [3]string{"CHANNEL-PARTNER", "PARTNER NONCE AT CLOSE", "LATEST NONCE"}, Subjects: len(runs)}
	for _, r := range runs {
		s.Results = append(s.Results, sc.judgeOne(&s, r, updates[r.id.String()]))
	}
	return s, nil
}

func (sc *Raiden) judgeOne(s *Summary, r *raidenRun, ups []raidenUpdate) Result {
	latest := r.proofs[r.latest()].Nonce.Uint64()
	claimed := "0"
	if r.role == Honest {
		claimed = fmt.Sprint(latest) // the user's close put it on chain
	}
	res := Result{Subject: raiden.Subject(r.id, r.partnerAddr()), Role: r.role, Claimed: claimed, Truth: fmt.Sprint(latest),
		EventBlock: r.closeBlk, Deadline: r.settleBlk}
	if len(ups) > 0 {
		u := ups[len(ups)-1]
		res.ChallengeTx, res.MinedBlock, res.BlocksToMined = u.tx.Hex(), u.block, u.block-r.closeBlk
	}
	switch r.role {
	case Stale:
		s.Frauds++
		if len(ups) > 0 && r.partnerNonce == latest && ups[len(ups)-1].nonce == latest && ups[len(ups)-1].block < r.settleBlk {
			s.Challenged++
			res.Verdict, res.OK = "fraud: updated", true
		} else {
			s.Missed++
			res.Verdict = fmt.Sprintf("fraud: MISSED (partner nonce %d on chain, %d updates)", r.partnerNonce, len(ups))
		}
	case Honest, Unwatched:
		what := "honest"
		if r.role == Honest {
			s.Honest++
		} else {
			s.Unwatched++
			what = "not delegated"
		}
		if len(ups) > 0 {
			s.FalseChallenges++
			res.Verdict = what + ": FALSE CHALLENGE"
		} else {
			res.Verdict, res.OK = what+": left alone", true
		}
	}
	return res
}
