package channelstate_test

import (
	"bytes"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/math"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"

	"github.com/watchtower-l2/watchtower/proofs/channelstate"
)

var (
	secpN      = crypto.S256().Params().N
	secpHalfN  = new(big.Int).Rsh(secpN, 1)
	maxUint256 = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))
)

// testKey returns a deterministic private key derived from label.
func testKey(t testing.TB, label string) *ecdsa.PrivateKey {
	t.Helper()
	key, err := crypto.ToECDSA(crypto.Keccak256([]byte("channelstate test key: " + label)))
	if err != nil {
		t.Fatalf("derive key %q: %v", label, err)
	}
	return key
}

func testDomain() channelstate.Domain {
	return channelstate.Domain{
		ChainID:  big.NewInt(1337),
		Contract: common.HexToAddress("0x5FbDB2315678afecb367f032d93F642f64180aa3"),
	}
}

func testState(nonce uint64) channelstate.State {
	return channelstate.State{
		ChannelID: crypto.Keccak256Hash([]byte("channel"), new(big.Int).SetUint64(nonce).Bytes()),
		Nonce:     nonce,
		BalanceA:  big.NewInt(int64(1_000_000 - nonce)),
		BalanceB:  big.NewInt(int64(nonce)),
	}
}

// withV returns a copy of sig with its last byte replaced.
func withV(sig []byte, v byte) []byte {
	out := bytes.Clone(sig)
	out[64] = v
	return out
}

// toHighS returns the malleated twin of a low-S signature: (r, N-s) with the
// recovery id flipped. It is a mathematically valid signature by the same key.
func toHighS(sig []byte) []byte {
	out := bytes.Clone(sig)
	s := new(big.Int).SetBytes(sig[32:64])
	copy(out[32:64], common.LeftPadBytes(new(big.Int).Sub(secpN, s).Bytes(), 32))
	switch out[64] {
	case 27:
		out[64] = 28
	case 28:
		out[64] = 27
	case 0:
		out[64] = 1
	case 1:
		out[64] = 0
	}
	return out
}

// typedDataDigest computes the digest with go-ethereum's independent EIP-712
// implementation (the one behind eth_signTypedData).
func typedDataDigest(t *testing.T, d channelstate.Domain, s channelstate.State) common.Hash {
	t.Helper()
	td := apitypes.TypedData{
		Types: apitypes.Types{
			"EIP712Domain": {
				{Name: "name", Type: "string"},
				{Name: "version", Type: "string"},
				{Name: "chainId", Type: "uint256"},
				{Name: "verifyingContract", Type: "address"},
			},
			"State": {
				{Name: "channelId", Type: "bytes32"},
				{Name: "nonce", Type: "uint64"},
				{Name: "balanceA", Type: "uint256"},
				{Name: "balanceB", Type: "uint256"},
			},
		},
		PrimaryType: "State",
		Domain: apitypes.TypedDataDomain{
			Name:              channelstate.DomainName,
			Version:           channelstate.DomainVersion,
			ChainId:           (*math.HexOrDecimal256)(new(big.Int).Set(d.ChainID)),
			VerifyingContract: d.Contract.Hex(),
		},
		Message: apitypes.TypedDataMessage{
			"channelId": s.ChannelID.Hex(),
			"nonce":     new(big.Int).SetUint64(s.Nonce).String(),
			"balanceA":  new(big.Int).Set(s.BalanceA),
			"balanceB":  new(big.Int).Set(s.BalanceB),
		},
	}
	hash, _, err := apitypes.TypedDataAndHash(td)
	if err != nil {
		t.Fatalf("TypedDataAndHash: %v", err)
	}
	sep, err := td.HashStruct("EIP712Domain", td.Domain.Map())
	if err != nil {
		t.Fatalf("hash domain: %v", err)
	}
	if got := d.Separator(); got != common.BytesToHash(sep) {
		t.Fatalf("Separator() = %s, EIP-712 reference = %x", got, sep)
	}
	return common.BytesToHash(hash)
}

func TestDigestMatchesReferenceEIP712(t *testing.T) {
	domains := []channelstate.Domain{
		testDomain(),
		{ChainID: big.NewInt(1), Contract: common.HexToAddress("0xffffffffffffffffffffffffffffffffffffffff")},
		{ChainID: new(big.Int).Set(maxUint256), Contract: common.Address{}},
	}
	states := []channelstate.State{
		testState(0),
		testState(42),
		{ChannelID: common.HexToHash("0x01"), Nonce: ^uint64(0), BalanceA: new(big.Int).Set(maxUint256), BalanceB: big.NewInt(0)},
		{ChannelID: common.MaxHash, Nonce: 1, BalanceA: big.NewInt(0), BalanceB: new(big.Int).Set(maxUint256)},
	}
	seen := map[common.Hash]string{}
	for i, d := range domains {
		for j, s := range states {
			got := d.Digest(s)
			if want := typedDataDigest(t, d, s); got != want {
				t.Errorf("domain %d state %d: Digest = %s, EIP-712 reference = %s", i, j, got, want)
			}
			id := fmt.Sprintf("domain %d state %d", i, j)
			if prev, dup := seen[got]; dup {
				t.Errorf("%s has the same digest as %s", id, prev)
			}
			seen[got] = id
		}
	}
}

func TestDigestCoversEveryField(t *testing.T) {
	d := testDomain()
	base := testState(7)
	want := d.Digest(base)
	mutations := map[string]func(*channelstate.State, *channelstate.Domain){
		"channel id": func(s *channelstate.State, _ *channelstate.Domain) { s.ChannelID[31] ^= 1 },
		"nonce":      func(s *channelstate.State, _ *channelstate.Domain) { s.Nonce++ },
		"balance a": func(s *channelstate.State, _ *channelstate.Domain) {
			s.BalanceA = new(big.Int).Add(s.BalanceA, big.NewInt(1))
		},
		"balance b": func(s *channelstate.State, _ *channelstate.Domain) {
			s.BalanceB = new(big.Int).Add(s.BalanceB, big.NewInt(1))
		},
		"swapped balances": func(s *channelstate.State, _ *channelstate.Domain) {
			s.BalanceA, s.BalanceB = s.BalanceB, s.BalanceA
		},
		"chain id": func(_ *channelstate.State, dd *channelstate.Domain) { dd.ChainID = big.NewInt(1) },
		"contract": func(_ *channelstate.State, dd *channelstate.Domain) { dd.Contract[0] ^= 1 },
	}
	for name, mutate := range mutations {
		s, dd := base, d
		mutate(&s, &dd)
		if dd.Digest(s) == want {
			t.Errorf("changing the %s does not change the digest", name)
		}
	}
	if d.Digest(base) != want {
		t.Fatal("Digest is not deterministic (or a mutation leaked into the base state)")
	}
}

func TestSignRecoverRoundTrip(t *testing.T) {
	d := testDomain()
	for i := range 20 {
		key := testKey(t, fmt.Sprint("party ", i))
		addr := crypto.PubkeyToAddress(key.PublicKey)
		s := testState(uint64(i) * 1000)
		sig, err := d.Sign(s, key)
		if err != nil {
			t.Fatalf("Sign: %v", err)
		}
		if len(sig) != 65 {
			t.Fatalf("signature length = %d, want 65", len(sig))
		}
		if v := sig[64]; v != 27 && v != 28 {
			t.Errorf("V = %d, want 27 or 28", v)
		}
		if new(big.Int).SetBytes(sig[32:64]).Cmp(secpHalfN) > 0 {
			t.Errorf("Sign produced a high-S signature: the contract would reject it")
		}
		got, err := d.Recover(s, sig)
		if err != nil {
			t.Fatalf("Recover: %v", err)
		}
		if got != addr {
			t.Fatalf("Recover = %s, want %s", got, addr)
		}
		if err := d.Verify(s, sig, addr); err != nil {
			t.Errorf("Verify with the signer: %v", err)
		}
		// The signature must be a plain secp256k1 signature over Digest.
		digest := d.Digest(s)
		if !crypto.VerifySignature(crypto.FromECDSAPub(&key.PublicKey), digest[:], sig[:64]) {
			t.Errorf("signature does not verify over Digest with crypto.VerifySignature")
		}
	}
}

func TestVerifyRejectsWrongParty(t *testing.T) {
	d := testDomain()
	alice, bob := testKey(t, "alice"), testKey(t, "bob")
	aliceAddr, bobAddr := crypto.PubkeyToAddress(alice.PublicKey), crypto.PubkeyToAddress(bob.PublicKey)
	s := testState(3)
	sigA, err := d.Sign(s, alice)
	if err != nil {
		t.Fatal(err)
	}
	sigB, err := d.Sign(s, bob)
	if err != nil {
		t.Fatal(err)
	}

	if err := d.Verify(s, sigA, bobAddr); !errors.Is(err, channelstate.ErrBadSignature) {
		t.Errorf("Verify(alice's sig, bob) = %v, want ErrBadSignature", err)
	}
	if err := d.Verify(s, sigA, common.Address{}); !errors.Is(err, channelstate.ErrBadSignature) {
		t.Errorf("Verify(alice's sig, zero address) = %v, want ErrBadSignature", err)
	}
	// Alice's signature on a different state, or under a different domain, is not hers on s.
	if err := d.Verify(testState(4), sigA, aliceAddr); !errors.Is(err, channelstate.ErrBadSignature) {
		t.Errorf("Verify(sig over nonce 3, state with nonce 4) = %v, want ErrBadSignature", err)
	}
	other := d
	other.ChainID = big.NewInt(10)
	if err := other.Verify(s, sigA, aliceAddr); !errors.Is(err, channelstate.ErrBadSignature) {
		t.Errorf("Verify under another chain id = %v, want ErrBadSignature", err)
	}

	signed := channelstate.Signed{State: s, SigA: sigA, SigB: sigB}
	if err := d.VerifyBoth(signed, aliceAddr, bobAddr); err != nil {
		t.Errorf("VerifyBoth(correct parties): %v", err)
	}
	if err := d.VerifyBoth(signed, bobAddr, aliceAddr); !errors.Is(err, channelstate.ErrBadSignature) {
		t.Errorf("VerifyBoth(swapped parties) = %v, want ErrBadSignature", err)
	}
	signed.SigB = sigA // alice signed twice
	if err := d.VerifyBoth(signed, aliceAddr, bobAddr); !errors.Is(err, channelstate.ErrBadSignature) {
		t.Errorf("VerifyBoth(sigB by alice) = %v, want ErrBadSignature", err)
	}
}

func TestRecoveryID(t *testing.T) {
	d := testDomain()
	key := testKey(t, "alice")
	addr := crypto.PubkeyToAddress(key.PublicKey)
	// Sign a few states so both recovery ids show up.
	seen := map[byte]bool{}
	for n := uint64(0); n < 16; n++ {
		s := testState(n)
		sig, err := d.Sign(s, key)
		if err != nil {
			t.Fatal(err)
		}
		seen[sig[64]] = true
		yParity := sig[64] - 27
		for _, v := range []byte{yParity, yParity + 27} {
			if err := d.Verify(s, withV(sig, v), addr); err != nil {
				t.Errorf("nonce %d: V=%d rejected: %v", n, v, err)
			}
		}
		// The other parity is a valid encoding but recovers another key.
		for _, v := range []byte{1 - yParity, 28 - yParity} {
			if err := d.Verify(s, withV(sig, v), addr); !errors.Is(err, channelstate.ErrBadSignature) {
				t.Errorf("nonce %d: flipped V=%d verified: %v", n, v, err)
			}
		}
		for v := 0; v < 256; v++ {
			if v == 0 || v == 1 || v == 27 || v == 28 {
				continue
			}
			if got, err := d.Recover(s, withV(sig, byte(v))); !errors.Is(err, channelstate.ErrBadSignature) {
				t.Fatalf("nonce %d: V=%d accepted (recovered %s), want ErrBadSignature", n, v, got)
			}
		}
	}
	if !seen[27] || !seen[28] {
		t.Fatalf("test did not exercise both recovery ids: %v", seen)
	}
}

func TestHighSRejected(t *testing.T) {
	d := testDomain()
	key := testKey(t, "alice")
	addr := crypto.PubkeyToAddress(key.PublicKey)
	s := testState(9)
	sig, err := d.Sign(s, key)
	if err != nil {
		t.Fatal(err)
	}
	high := toHighS(sig)
	// Precondition: the malleated signature is otherwise valid for the same key,
	// so only the low-S rule rejects it.
	digest := d.Digest(s)
	raw := withV(high, high[64]-27)
	pub, err := crypto.SigToPub(digest[:], raw)
	if err != nil || crypto.PubkeyToAddress(*pub) != addr {
		t.Fatalf("malleated signature does not recover to the signer (err %v): test is broken", err)
	}
	for _, v := range []byte{high[64], high[64] - 27} {
		if got, err := d.Recover(s, withV(high, v)); !errors.Is(err, channelstate.ErrBadSignature) {
			t.Errorf("high-S signature with V=%d accepted, recovered %s", v, got)
		}
	}

	// Boundary: S = N/2 passes the low-S rule, S = N/2 + 1 does not.
	atHalf := bytes.Clone(sig)
	copy(atHalf[32:64], common.LeftPadBytes(secpHalfN.Bytes(), 32))
	if _, err := d.Recover(s, atHalf); err != nil {
		t.Errorf("S = N/2 rejected: %v", err)
	}
	aboveHalf := bytes.Clone(sig)
	copy(aboveHalf[32:64], common.LeftPadBytes(new(big.Int).Add(secpHalfN, big.NewInt(1)).Bytes(), 32))
	if _, err := d.Recover(s, aboveHalf); !errors.Is(err, channelstate.ErrBadSignature) {
		t.Errorf("S = N/2+1 accepted")
	}
}

func TestWrongLengthRejected(t *testing.T) {
	d := testDomain()
	key := testKey(t, "alice")
	addr := crypto.PubkeyToAddress(key.PublicKey)
	s := testState(1)
	sig, err := d.Sign(s, key)
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string][]byte{
		"nil":                nil,
		"empty":              {},
		"64 bytes (r||s)":    sig[:64],
		"64 bytes (no r[0])": sig[1:],
		"66 bytes":           append(bytes.Clone(sig), 0),
		"130 bytes":          append(bytes.Clone(sig), sig...),
	}
	for name, bad := range cases {
		if got, err := d.Recover(s, bad); !errors.Is(err, channelstate.ErrBadSignature) {
			t.Errorf("%s: Recover = %s, %v; want ErrBadSignature", name, got, err)
		}
		if err := d.Verify(s, bad, addr); err == nil {
			t.Errorf("%s: Verify accepted", name)
		}
	}
}

func TestValidate(t *testing.T) {
	two256 := new(big.Int).Lsh(big.NewInt(1), 256)
	valid := testState(5)
	if err := valid.Validate(); err != nil {
		t.Fatalf("valid state rejected: %v", err)
	}
	edge := channelstate.State{ChannelID: common.HexToHash("0x01"), BalanceA: big.NewInt(0), BalanceB: new(big.Int).Set(maxUint256)}
	if err := edge.Validate(); err != nil {
		t.Errorf("balances 0 and 2^256-1 rejected: %v", err)
	}
	cases := map[string]func(*channelstate.State){
		"missing channel id": func(s *channelstate.State) { s.ChannelID = common.Hash{} },
		"nil balance a":      func(s *channelstate.State) { s.BalanceA = nil },
		"nil balance b":      func(s *channelstate.State) { s.BalanceB = nil },
		"negative balance a": func(s *channelstate.State) { s.BalanceA = big.NewInt(-1) },
		"negative balance b": func(s *channelstate.State) { s.BalanceB = big.NewInt(-1) },
		"balance a = 2^256":  func(s *channelstate.State) { s.BalanceA = new(big.Int).Set(two256) },
		"balance b = 2^256":  func(s *channelstate.State) { s.BalanceB = new(big.Int).Set(two256) },
		"balance a 300 bits": func(s *channelstate.State) { s.BalanceA = new(big.Int).Lsh(big.NewInt(1), 299) },
	}
	for name, mutate := range cases {
		s := testState(5)
		mutate(&s)
		if err := s.Validate(); err == nil {
			t.Errorf("%s: Validate accepted %+v", name, s)
		}
	}
}

// A state whose balances are not uint256 has no digest the contract could check,
// so no signature may verify for it, and verifying it must not panic.
func TestRecoverRejectsUnrepresentableState(t *testing.T) {
	d := testDomain()
	key := testKey(t, "alice")
	addr := crypto.PubkeyToAddress(key.PublicKey)
	honest := testState(2)
	honest.BalanceA = big.NewInt(5)
	sig, err := d.Sign(honest, key)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Verify(honest, sig, addr); err != nil {
		t.Fatalf("honest state: %v", err)
	}
	cases := map[string]func(*channelstate.State){
		"negated balance a": func(s *channelstate.State) { s.BalanceA = big.NewInt(-5) },
		"nil balance a":     func(s *channelstate.State) { s.BalanceA = nil },
		"nil balance b":     func(s *channelstate.State) { s.BalanceB = nil },
		"balance b 2^256":   func(s *channelstate.State) { s.BalanceB = new(big.Int).Lsh(big.NewInt(1), 256) },
	}
	for name, mutate := range cases {
		s := honest
		mutate(&s)
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("%s: Verify panicked: %v", name, r)
				}
			}()
			if err := d.Verify(s, sig, addr); !errors.Is(err, channelstate.ErrBadSignature) {
				t.Errorf("%s: Verify = %v, want ErrBadSignature", name, err)
			}
		}()
	}
}

func FuzzRecover(f *testing.F) {
	d := testDomain()
	key := testKey(f, "fuzz")
	s := testState(77)
	sig, err := d.Sign(s, key)
	if err != nil {
		f.Fatal(err)
	}
	id, a, b := s.ChannelID.Bytes(), s.BalanceA.Bytes(), s.BalanceB.Bytes()
	f.Add(sig, id, s.Nonce, a, b, uint8(0))                    // valid
	f.Add(withV(sig, sig[64]-27), id, s.Nonce, a, b, uint8(0)) // valid, V in {0,1}
	f.Add(toHighS(sig), id, s.Nonce, a, b, uint8(0))           // high S
	f.Add(sig[:64], id, s.Nonce, a, b, uint8(0))               // 64 bytes
	f.Add(sig, id, s.Nonce+1, a, b, uint8(0))                  // other state
	f.Add(sig, id, s.Nonce, a, b, uint8(1))                    // negative balance A
	f.Add(sig, id, s.Nonce, a, b, uint8(4))                    // nil balance A
	f.Add(sig, id, s.Nonce, maxUint256.Bytes(), append([]byte{1}, make([]byte, 32)...), uint8(0))
	f.Add(make([]byte, 65), []byte{}, uint64(0), []byte{}, []byte{}, uint8(0))
	f.Add(bytes.Repeat([]byte{0xff}, 65), []byte{1}, ^uint64(0), []byte{0}, []byte{0}, uint8(0))

	f.Fuzz(func(t *testing.T, sig, id []byte, nonce uint64, balA, balB []byte, flags uint8) {
		if len(id) > 32 {
			id = id[len(id)-32:]
		}
		st := channelstate.State{ChannelID: common.BytesToHash(id), Nonce: nonce}
		if flags&4 == 0 {
			st.BalanceA = new(big.Int).SetBytes(balA)
			if flags&1 != 0 {
				st.BalanceA.Neg(st.BalanceA)
			}
		}
		if flags&8 == 0 {
			st.BalanceB = new(big.Int).SetBytes(balB)
			if flags&2 != 0 {
				st.BalanceB.Neg(st.BalanceB)
			}
		}
		validateErr := st.Validate() // must not panic either

		got, err := d.Recover(st, sig)
		if err != nil {
			if !errors.Is(err, channelstate.ErrBadSignature) {
				t.Fatalf("Recover error does not wrap ErrBadSignature: %v", err)
			}
			return
		}
		// Recover succeeded: it must have enforced the contract's rules.
		if len(sig) != 65 {
			t.Fatalf("accepted a %d-byte signature", len(sig))
		}
		if v := sig[64]; v != 0 && v != 1 && v != 27 && v != 28 {
			t.Fatalf("accepted V = %d", v)
		}
		if new(big.Int).SetBytes(sig[32:64]).Cmp(secpHalfN) > 0 {
			t.Fatalf("accepted high S")
		}
		if st.BalanceA == nil || st.BalanceB == nil || st.BalanceA.Sign() < 0 || st.BalanceB.Sign() < 0 ||
			st.BalanceA.BitLen() > 256 || st.BalanceB.BitLen() > 256 {
			t.Fatalf("recovered a signer for an unrepresentable state %+v", st)
		}
		if validateErr != nil && st.ChannelID != (common.Hash{}) {
			t.Fatalf("Recover accepted a state Validate rejects for a reason other than the channel id: %v", validateErr)
		}
		if err := d.Verify(st, sig, got); err != nil {
			t.Fatalf("Recover = %s but Verify with it fails: %v", got, err)
		}
		wrong := got
		wrong[19] ^= 1
		if err := d.Verify(st, sig, wrong); err == nil {
			t.Fatalf("Verify accepted an address other than the recovered one")
		}
		// Both encodings of the recovery id name the same signer.
		yParity := sig[64]
		if yParity >= 27 {
			yParity -= 27
		}
		for _, v := range []byte{yParity, yParity + 27} {
			if err := d.Verify(st, withV(sig, v), got); err != nil {
				t.Fatalf("V=%d encoding of the same signature fails: %v", v, err)
			}
		}
		// Independent check with go-ethereum's recovery.
		digest := d.Digest(st)
		pub, err := crypto.SigToPub(digest[:], withV(sig, yParity))
		if err != nil || crypto.PubkeyToAddress(*pub) != got {
			t.Fatalf("crypto.SigToPub disagrees: %v", err)
		}
	})
}
