package bindings_test

import (
	"bytes"
	"crypto/ecdsa"
	"errors"
	"math/big"
	"slices"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/rlp"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/watchtower-l2/watchtower/deployments/contracts/bindings"
	"github.com/watchtower-l2/watchtower/proofs/header"
)

// Checkpoint statuses, as the contract's Status enum.
const (
	cpNone uint8 = iota
	cpPending
	cpFinal
	cpCancelled
)

const (
	cpSidechain      = 777
	cpPeriod         = 10
	cpResponseWindow = 5
)

var cpBond = new(big.Int).Mul(big.NewInt(2), big.NewInt(1e18))

// cpChain is a simulated L1 with a CheckpointManager, a registered sidechain of
// four validators (quorum 3), a proposer, a challenger (the tower) and mallory.
// The sidechain's headers are taken from a second simulated chain.
type cpChain struct {
	t          *testing.T
	backend    *simulated.Backend
	client     simulated.Client
	side       *simulated.Backend
	chainID    *big.Int
	abi        *abi.ABI
	addr       common.Address
	cm         *bindings.CheckpointManager
	domain     header.Domain
	validators []*ecdsa.PrivateKey
	deployer   *ecdsa.PrivateKey
	proposer   *ecdsa.PrivateKey
	tower      *ecdsa.PrivateKey
	mallory    *ecdsa.PrivateKey
}

func cpKey(t *testing.T, name string) *ecdsa.PrivateKey {
	t.Helper()
	k, err := crypto.ToECDSA(crypto.Keccak256([]byte("checkpoint manager test: " + name)))
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func cpAddr(k *ecdsa.PrivateKey) common.Address { return crypto.PubkeyToAddress(k.PublicKey) }

func newCPChain(t *testing.T) *cpChain {
	t.Helper()
	c := &cpChain{t: t, deployer: cpKey(t, "deployer"), proposer: cpKey(t, "proposer"), tower: cpKey(t, "tower"), mallory: cpKey(t, "mallory")}
	for i := range 4 {
		c.validators = append(c.validators, cpKey(t, "validator"+string(rune('a'+i))))
	}
	funds := new(big.Int).Mul(big.NewInt(1000), big.NewInt(1e18))
	alloc := types.GenesisAlloc{}
	for _, k := range []*ecdsa.PrivateKey{c.deployer, c.proposer, c.tower, c.mallory} {
		alloc[cpAddr(k)] = types.Account{Balance: funds}
	}
	c.backend = simulated.NewBackend(alloc)
	c.side = simulated.NewBackend(types.GenesisAlloc{cpAddr(c.mallory): {Balance: funds}})
	t.Cleanup(func() { c.backend.Close(); c.side.Close() })
	c.client = c.backend.Client()
	var err error
	if c.chainID, err = c.client.ChainID(t.Context()); err != nil {
		t.Fatal(err)
	}
	if c.abi, err = bindings.CheckpointManagerMetaData.GetAbi(); err != nil {
		t.Fatal(err)
	}
	addr, tx, cm, err := bindings.DeployCheckpointManager(c.opts(c.deployer, nil), c.client)
	if err != nil {
		t.Fatal(err)
	}
	c.mine(tx)
	c.addr, c.cm = addr, cm
	c.domain = header.Domain{ChainID: c.chainID, Manager: addr}
	var vals []common.Address
	for _, v := range c.validators {
		vals = append(vals, cpAddr(v))
	}
	c.mine(c.must(c.cm.RegisterSidechain(c.opts(c.deployer, nil), big.NewInt(cpSidechain), vals, 3, cpPeriod, cpResponseWindow, cpBond)))
	// A few sidechain blocks, some with transactions so the headers differ in more than the number.
	for i := range 6 {
		if i%2 == 0 {
			signer := types.LatestSignerForChainID(big.NewInt(1337))
			nonce, _ := c.side.Client().PendingNonceAt(t.Context(), cpAddr(c.mallory))
			tx := types.MustSignNewTx(c.mallory, signer, &types.DynamicFeeTx{ChainID: big.NewInt(1337), Nonce: nonce, GasTipCap: big.NewInt(1), GasFeeCap: big.NewInt(1e10), Gas: 21000, To: &vals[0], Value: big.NewInt(1)})
			if err := c.side.Client().SendTransaction(t.Context(), tx); err != nil {
				t.Fatal(err)
			}
		}
		c.side.Commit()
	}
	return c
}

func (c *cpChain) opts(k *ecdsa.PrivateKey, value *big.Int) *bind.TransactOpts {
	o, err := bind.NewKeyedTransactorWithChainID(k, c.chainID)
	if err != nil {
		c.t.Fatal(err)
	}
	o.Context = c.t.Context()
	o.Value = value
	return o
}

func (c *cpChain) must(tx *types.Transaction, err error) *types.Transaction {
	c.t.Helper()
	if err != nil {
		c.t.Fatalf("send: %v (%s)", err, c.revert(err))
	}
	return tx
}

func (c *cpChain) mine(tx *types.Transaction) *types.Receipt {
	c.t.Helper()
	c.backend.Commit()
	r := minedReceipt(c.t, c.client, tx.Hash())
	if r.Status != types.ReceiptStatusSuccessful {
		c.t.Fatalf("tx %s reverted", tx.Hash())
	}
	return r
}

func (c *cpChain) head() uint64 {
	n, err := c.client.BlockNumber(c.t.Context())
	if err != nil {
		c.t.Fatal(err)
	}
	return n
}

func (c *cpChain) advanceTo(n uint64) {
	for c.head() < n {
		c.backend.Commit()
	}
}

// revert names the custom error carried by a failed call or gas estimation.
func (c *cpChain) revert(err error) string {
	if err == nil {
		return "<accepted>"
	}
	var de rpc.DataError
	if !errors.As(err, &de) {
		return "no revert data: " + err.Error()
	}
	s, _ := de.ErrorData().(string)
	data, derr := hexutil.Decode(s)
	if derr != nil || len(data) < 4 {
		return "undecodable revert " + s
	}
	e, err2 := c.abi.ErrorByID([4]byte(data[:4]))
	if err2 != nil {
		return "unknown error " + hexutil.Encode(data[:4])
	}
	return e.Name
}

func (c *cpChain) expect(err error, name string) {
	c.t.Helper()
	if got := c.revert(err); got != name {
		c.t.Fatalf("got %s, want revert %s", got, name)
	}
}

func (c *cpChain) sideHeader(n uint64) *types.Header {
	c.t.Helper()
	h, err := c.side.Client().HeaderByNumber(c.t.Context(), new(big.Int).SetUint64(n))
	if err != nil {
		c.t.Fatal(err)
	}
	return h
}

func (c *cpChain) rlpOf(h *types.Header) []byte {
	c.t.Helper()
	b, err := header.Encode(h)
	if err != nil {
		c.t.Fatal(err)
	}
	if crypto.Keccak256Hash(b) != h.Hash() {
		c.t.Fatal("header RLP does not hash to the block hash")
	}
	return b
}

// attest returns the signatures of keys on (sidechain, number, hash), sorted by signer.
func (c *cpChain) attest(number uint64, hash common.Hash, keys ...*ecdsa.PrivateKey) [][]byte {
	c.t.Helper()
	keys = slices.Clone(keys)
	slices.SortFunc(keys, func(a, b *ecdsa.PrivateKey) int { return bytes.Compare(cpAddr(a).Bytes(), cpAddr(b).Bytes()) })
	var sigs [][]byte
	for _, k := range keys {
		s, err := c.domain.Sign(header.Attestation{SidechainID: big.NewInt(cpSidechain), Number: number, BlockHash: hash}, k)
		if err != nil {
			c.t.Fatal(err)
		}
		sigs = append(sigs, s)
	}
	return sigs
}

func (c *cpChain) quorum(h *types.Header) [][]byte {
	return c.attest(h.Number.Uint64(), h.Hash(), c.validators[:3]...)
}

func (c *cpChain) submit(number uint64, hash, root common.Hash) (*big.Int, *bindings.CheckpointManagerCheckpointSubmitted) {
	c.t.Helper()
	r := c.mine(c.must(c.cm.SubmitCheckpoint(c.opts(c.proposer, cpBond), big.NewInt(cpSidechain), number, hash, root)))
	for _, l := range r.Logs {
		if ev, err := c.cm.ParseCheckpointSubmitted(*l); err == nil {
			return ev.CheckpointId, ev
		}
	}
	c.t.Fatal("no CheckpointSubmitted")
	return nil, nil
}

func (c *cpChain) checkpoint(id *big.Int) bindings.CheckpointManagerCheckpoint {
	cp, err := c.cm.GetCheckpoint(&bind.CallOpts{Context: c.t.Context()}, id)
	if err != nil {
		c.t.Fatal(err)
	}
	return cp
}

func (c *cpChain) balance(a common.Address) *big.Int {
	b, err := c.client.BalanceAt(c.t.Context(), a, nil)
	if err != nil {
		c.t.Fatal(err)
	}
	return b
}

func TestCheckpointDomainAndDigestMatchGo(t *testing.T) {
	c := newCPChain(t)
	sep, err := c.cm.DomainSeparator(&bind.CallOpts{})
	if err != nil {
		t.Fatal(err)
	}
	if common.Hash(sep) != c.domain.Separator() {
		t.Fatalf("domain separator %x, Go %s", sep, c.domain.Separator())
	}
	for _, a := range []header.Attestation{
		{SidechainID: big.NewInt(cpSidechain), Number: 5, BlockHash: common.HexToHash("0x01")},
		{SidechainID: new(big.Int).Lsh(big.NewInt(1), 200), Number: 1<<64 - 1, BlockHash: common.MaxHash},
	} {
		d, err := c.cm.AttestationDigest(&bind.CallOpts{}, a.SidechainID, a.Number, a.BlockHash)
		if err != nil {
			t.Fatal(err)
		}
		if common.Hash(d) != c.domain.Digest(a) {
			t.Fatalf("digest %x, Go %s", d, c.domain.Digest(a))
		}
	}
}

func TestCheckpointDecodeHeaderMatchesGo(t *testing.T) {
	c := newCPChain(t)
	var encs [][]byte
	for n := uint64(0); n <= 6; n++ {
		encs = append(encs, c.rlpOf(c.sideHeader(n)))
	}
	// A pre-London header (15 fields) with a large number.
	legacy := &types.Header{Root: common.HexToHash("0xabc"), Difficulty: big.NewInt(3), Number: new(big.Int).SetUint64(1<<63 + 5), GasLimit: 1, Extra: []byte("x")}
	encs = append(encs, c.rlpOf(legacy))
	for _, enc := range encs {
		want, err := header.Decode(enc)
		if err != nil {
			t.Fatal(err)
		}
		got, err := c.cm.DecodeHeader(&bind.CallOpts{}, enc)
		if err != nil {
			t.Fatalf("decodeHeader: %s", c.revert(err))
		}
		if common.Hash(got.StateRoot) != want.StateRoot || got.Number != want.Number {
			t.Fatalf("contract read root %x number %d, Go %s %d", got.StateRoot, got.Number, want.StateRoot, want.Number)
		}
	}
	good := encs[3]
	nine, _ := rlp.EncodeToBytes([]any{[]byte{1}, []byte{2}, []byte{3}, make([]byte, 32), []byte{}, []byte{}, []byte{}, []byte{}})
	withLeadingZero, _ := rlp.EncodeToBytes([]any{[]byte{1}, []byte{2}, []byte{3}, make([]byte, 32), []byte{}, []byte{}, []byte{}, []byte{}, []byte{0, 1}})
	shortRoot, _ := rlp.EncodeToBytes([]any{[]byte{1}, []byte{2}, []byte{3}, make([]byte, 31), []byte{}, []byte{}, []byte{}, []byte{}, []byte{1}})
	for name, bad := range map[string][]byte{
		"empty":              {},
		"truncated":          good[:len(good)-1],
		"trailing byte":      append(slices.Clone(good), 0x80),
		"not a list":         {0x83, 1, 2, 3},
		"eight fields":       nine,
		"number leading 0":   withLeadingZero,
		"31-byte state root": shortRoot,
	} {
		if _, err := c.cm.DecodeHeader(&bind.CallOpts{}, bad); c.revert(err) != "BadHeader" {
			t.Errorf("%s: contract said %s, want BadHeader", name, c.revert(err))
		}
		if _, err := header.Decode(bad); err == nil {
			t.Errorf("%s: Go decoder accepted it", name)
		}
	}
}

func TestCheckpointRegisterRules(t *testing.T) {
	c := newCPChain(t)
	vals := []common.Address{cpAddr(c.validators[0]), cpAddr(c.validators[1]), cpAddr(c.validators[2]), cpAddr(c.validators[3])}
	_, err := c.cm.RegisterSidechain(c.opts(c.mallory, nil), big.NewInt(1), vals, 3, 5, 5, cpBond)
	c.expect(err, "NotOwner")
	_, err = c.cm.RegisterSidechain(c.opts(c.deployer, nil), big.NewInt(cpSidechain), vals, 3, 5, 5, cpBond)
	c.expect(err, "AlreadyRegistered")
	_, err = c.cm.RegisterSidechain(c.opts(c.deployer, nil), big.NewInt(1), vals, 2, 5, 5, cpBond)
	c.expect(err, "BadThreshold") // 2 of 4 is not more than two thirds
	_, err = c.cm.RegisterSidechain(c.opts(c.deployer, nil), big.NewInt(1), []common.Address{vals[0], vals[0], vals[1]}, 3, 5, 5, cpBond)
	c.expect(err, "BadValidatorSet")
	_, err = c.cm.SubmitCheckpoint(c.opts(c.proposer, big.NewInt(1)), big.NewInt(cpSidechain), 1, common.Hash{1}, common.Hash{2})
	c.expect(err, "BondTooLow")
	_, err = c.cm.SubmitCheckpoint(c.opts(c.proposer, cpBond), big.NewInt(5), 1, common.Hash{1}, common.Hash{2})
	c.expect(err, "UnknownSidechain")
}

// TestCheckpointChallengeCancelsWrong: a wrong block hash and a wrong state
// root are cancelled by the quorum-attested header, the bond goes to the
// challenger in the same transaction; a correct checkpoint cannot be challenged
// and becomes final.
func TestCheckpointChallengeCancelsWrong(t *testing.T) {
	c := newCPChain(t)
	h := c.sideHeader(4)
	enc, sigs := c.rlpOf(h), c.quorum(h)
	wrongHash, _ := c.submit(4, common.HexToHash("0xbad"), h.Root)
	wrongRoot, _ := c.submit(4, h.Hash(), common.HexToHash("0xbad"))
	good, ev := c.submit(4, h.Hash(), h.Root)
	if ev.Deadline != c.head()+cpPeriod {
		t.Fatalf("deadline %d, want %d", ev.Deadline, c.head()+cpPeriod)
	}
	for _, id := range []*big.Int{wrongHash, wrongRoot} {
		before := c.balance(cpAddr(c.tower))
		r := c.mine(c.must(c.cm.Challenge(c.opts(c.tower, nil), id, enc, sigs)))
		paid := new(big.Int).Sub(c.balance(cpAddr(c.tower)), before)
		paid.Add(paid, new(big.Int).Mul(new(big.Int).SetUint64(r.GasUsed), r.EffectiveGasPrice))
		if paid.Cmp(cpBond) != 0 {
			t.Fatalf("challenger paid %s, want the bond %s", paid, cpBond)
		}
		cp := c.checkpoint(id)
		if cp.Status != cpCancelled || cp.Bond.Sign() != 0 {
			t.Fatalf("checkpoint %s: status %d bond %s after challenge", id, cp.Status, cp.Bond)
		}
		var challenged, cancelled bool
		for _, l := range r.Logs {
			if e, err := c.cm.ParseCheckpointChallenged(*l); err == nil {
				challenged = e.Challenger == cpAddr(c.tower) && e.AttestedHash == h.Hash() && e.AttestedStateRoot == h.Root
			}
			if e, err := c.cm.ParseCheckpointCancelled(*l); err == nil {
				cancelled = e.Beneficiary == cpAddr(c.tower) && e.Bond.Cmp(cpBond) == 0
			}
		}
		if !challenged || !cancelled {
			t.Fatalf("events: challenged %v cancelled %v", challenged, cancelled)
		}
		_, err := c.cm.Challenge(c.opts(c.mallory, nil), id, enc, sigs)
		c.expect(err, "NotPending")
	}
	_, err := c.cm.Challenge(c.opts(c.tower, nil), good, enc, sigs)
	c.expect(err, "CheckpointMatches")
	_, err = c.cm.Finalize(c.opts(c.proposer, nil), good)
	c.expect(err, "ChallengePeriodOpen")
	c.advanceTo(c.checkpoint(good).Deadline + 1)
	_, err = c.cm.Challenge(c.opts(c.tower, nil), good, enc, sigs)
	c.expect(err, "ChallengePeriodOver")
	c.mine(c.must(c.cm.Finalize(c.opts(c.mallory, nil), good)))
	if cp := c.checkpoint(good); cp.Status != cpFinal {
		t.Fatalf("good checkpoint status %d, want final", cp.Status)
	}
	if w, _ := c.cm.Withdrawable(&bind.CallOpts{}, cpAddr(c.proposer)); w.Cmp(cpBond) != 0 {
		t.Fatalf("proposer can withdraw %s, want its bond back", w)
	}
	if n, _ := c.cm.LatestFinal(&bind.CallOpts{}, big.NewInt(cpSidechain)); n != 4 {
		t.Fatalf("latestFinal %d, want 4", n)
	}
}

// TestCheckpointChallengeProofIsChecked: forged, too few, unsorted, duplicated and
// malformed attestations, a header that does not hash to what was signed and a
// header at another height are all rejected, and the checkpoint stays pending.
func TestCheckpointChallengeProofIsChecked(t *testing.T) {
	c := newCPChain(t)
	h := c.sideHeader(4)
	enc := c.rlpOf(h)
	id, _ := c.submit(4, common.HexToHash("0xbad"), h.Root)
	n, hash := h.Number.Uint64(), h.Hash()
	outsiders := []*ecdsa.PrivateKey{c.mallory, c.tower, c.proposer}
	sorted := c.attest(n, hash, c.validators[:3]...)
	unsorted := [][]byte{sorted[1], sorted[0], sorted[2]}
	highS := slices.Clone(sorted)
	{
		sig := slices.Clone(highS[0])
		s := new(big.Int).SetBytes(sig[32:64])
		s.Sub(crypto.S256().Params().N, s)
		copy(sig[32:64], common.LeftPadBytes(s.Bytes(), 32))
		sig[64] ^= 1 // 27 <-> 28
		highS[0] = sig
	}
	tampered := slices.Clone(enc)
	tampered[len(tampered)-1] ^= 0x01 // last field changed: the RLP no longer hashes to the attested hash
	other := c.sideHeader(5)
	cases := []struct {
		name string
		rlp  []byte
		sigs [][]byte
		want string
	}{
		{"signed by non-validators", enc, c.attest(n, hash, outsiders...), "NotValidator"},
		{"two validators and an outsider", enc, c.attest(n, hash, c.validators[0], c.validators[1], c.mallory), "NotValidator"},
		{"too few validators", enc, c.attest(n, hash, c.validators[:2]...), "NotEnoughSignatures"},
		{"one validator counted twice", enc, [][]byte{sorted[0], sorted[0], sorted[1]}, "SignersNotSorted"},
		{"unsorted signatures", enc, unsorted, "SignersNotSorted"},
		{"signed for another sidechain block", enc, c.attest(n, other.Hash(), c.validators[:3]...), "NotValidator"},
		{"signed for another height", enc, c.attest(n+1, hash, c.validators[:3]...), "NotValidator"},
		{"64-byte signature", enc, [][]byte{sorted[0][:64], sorted[1], sorted[2]}, "BadSignature"},
		{"high-s signature", enc, highS, "BadSignature"},
		{"header that does not hash to the attested value", tampered, sorted, "NotValidator"},
		{"quorum-attested header at another height", c.rlpOf(other), c.quorum(other), "NumberMismatch"},
		{"malformed header", enc[:40], sorted, "BadHeader"},
	}
	for _, tc := range cases {
		_, err := c.cm.Challenge(c.opts(c.tower, nil), id, tc.rlp, tc.sigs)
		if got := c.revert(err); got != tc.want {
			t.Errorf("%s: got %s, want %s", tc.name, got, tc.want)
		}
	}
	if cp := c.checkpoint(id); cp.Status != cpPending {
		t.Fatalf("status %d after rejected challenges", cp.Status)
	}
	// Four valid signatures (more than the quorum) are accepted.
	c.mine(c.must(c.cm.Challenge(c.opts(c.tower, nil), id, enc, c.attest(n, hash, c.validators...))))
	if cp := c.checkpoint(id); cp.Status != cpCancelled {
		t.Fatalf("status %d after a valid challenge", cp.Status)
	}
}

// TestCheckpointFutureBlockProofRequest: a checkpoint of a block the validators never
// attested is cancelled when its proposer cannot answer a proof request; an
// honest checkpoint is proven and becomes final.
func TestCheckpointFutureBlockProofRequest(t *testing.T) {
	c := newCPChain(t)
	future, _ := c.submit(1000, common.HexToHash("0xf00"), common.HexToHash("0xf01"))
	h := c.sideHeader(3)
	honest, _ := c.submit(3, h.Hash(), h.Root)

	r := c.mine(c.must(c.cm.RequestProof(c.opts(c.tower, nil), future)))
	var respDeadline uint64
	for _, l := range r.Logs {
		if e, err := c.cm.ParseProofRequested(*l); err == nil {
			respDeadline = e.ResponseDeadline
		}
	}
	if respDeadline != r.BlockNumber.Uint64()+cpResponseWindow {
		t.Fatalf("response deadline %d, want %d", respDeadline, r.BlockNumber.Uint64()+cpResponseWindow)
	}
	_, err := c.cm.RequestProof(c.opts(c.mallory, nil), future)
	c.expect(err, "ProofAlreadyRequested")
	// The proposer cannot prove a block that was never attested.
	_, err = c.cm.ProveCheckpoint(c.opts(c.proposer, nil), future, c.rlpOf(h), c.quorum(h))
	c.expect(err, "ProofMismatch")
	_, err = c.cm.Finalize(c.opts(c.tower, nil), future)
	c.expect(err, "ResponseWindowOpen")
	c.advanceTo(respDeadline + 1)
	c.mine(c.must(c.cm.Finalize(c.opts(c.mallory, nil), future)))
	if cp := c.checkpoint(future); cp.Status != cpCancelled {
		t.Fatalf("future checkpoint status %d, want cancelled", cp.Status)
	}
	if w, _ := c.cm.Withdrawable(&bind.CallOpts{}, cpAddr(c.tower)); w.Cmp(cpBond) != 0 {
		t.Fatalf("requester can withdraw %s, want the bond", w)
	}

	// The honest proposer answers a request with its attested header.
	c.mine(c.must(c.cm.RequestProof(c.opts(c.mallory, nil), honest)))
	_, err = c.cm.ProveCheckpoint(c.opts(c.proposer, nil), honest, c.rlpOf(h), c.attest(3, h.Hash(), c.validators[:2]...))
	c.expect(err, "NotEnoughSignatures")
	c.mine(c.must(c.cm.ProveCheckpoint(c.opts(c.proposer, nil), honest, c.rlpOf(h), c.quorum(h))))
	_, err = c.cm.RequestProof(c.opts(c.tower, nil), honest)
	c.expect(err, "AlreadyProven")
	c.advanceTo(c.checkpoint(honest).Deadline + 1)
	c.mine(c.must(c.cm.Finalize(c.opts(c.proposer, nil), honest)))
	if cp := c.checkpoint(honest); cp.Status != cpFinal {
		t.Fatalf("honest checkpoint status %d, want final", cp.Status)
	}

	// A proof arriving after the response window is refused: the cancellation is owed.
	late, _ := c.submit(3, h.Hash(), h.Root)
	r = c.mine(c.must(c.cm.RequestProof(c.opts(c.tower, nil), late)))
	c.advanceTo(r.BlockNumber.Uint64() + cpResponseWindow + 1)
	_, err = c.cm.ProveCheckpoint(c.opts(c.proposer, nil), late, c.rlpOf(h), c.quorum(h))
	c.expect(err, "ResponseWindowOver")
}

func TestCheckpointProvenFinalizes(t *testing.T) {
	c := newCPChain(t)
	h := c.sideHeader(3)
	// Proven at submission: no proof request possible, final after the period.
	r := c.mine(c.must(c.cm.SubmitProvenCheckpoint(c.opts(c.proposer, cpBond), big.NewInt(cpSidechain), c.rlpOf(h), c.quorum(h))))
	var id *big.Int
	for _, l := range r.Logs {
		if e, err := c.cm.ParseCheckpointSubmitted(*l); err == nil {
			id = e.CheckpointId
			if e.BlockHash != h.Hash() || e.StateRoot != h.Root || e.Number != 3 {
				t.Fatalf("submitted %x %x %d", e.BlockHash, e.StateRoot, e.Number)
			}
		}
	}
	_, err := c.cm.RequestProof(c.opts(c.tower, nil), id)
	c.expect(err, "AlreadyProven")
	_, err = c.cm.SubmitProvenCheckpoint(c.opts(c.proposer, cpBond), big.NewInt(cpSidechain), c.rlpOf(h), c.attest(3, h.Hash(), c.mallory, c.tower, c.proposer))
	c.expect(err, "NotValidator")
	c.advanceTo(c.checkpoint(id).Deadline + 1)
	c.mine(c.must(c.cm.Finalize(c.opts(c.proposer, nil), id)))
	if cp := c.checkpoint(id); cp.Status != cpFinal {
		t.Fatalf("status %d", cp.Status)
	}
	_, err = c.cm.Finalize(c.opts(c.proposer, nil), id)
	c.expect(err, "NotPending")
	_, err = c.cm.Finalize(c.opts(c.proposer, nil), big.NewInt(99))
	c.expect(err, "UnknownCheckpoint")
}
