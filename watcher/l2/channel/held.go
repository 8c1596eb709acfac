package channel

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"github.com/watchtower-l2/watchtower/proofs/channelstate"
	"github.com/watchtower-l2/watchtower/watcher/store"
)

// Held is the latest co-signed state a user delegated for a channel, with the
// parties it was verified against.
type Held struct {
	channelstate.Signed
	PartyA common.Address
	PartyB common.Address
	// Anonymous is true when the channel was ever delegated without a
	// registered owner: the state is then kept until the channel settles, even
	// if every owner revokes it or their subscriptions end.
	Anonymous bool
}

// legacySize is the size of the first encoding: two uint256 balances, two
// 65-byte signatures, two addresses (still read, never written).
const legacySize = 32 + 32 + 65 + 65 + 20 + 20

// Format byte of the compact encoding: the high bit marks it (a legacy
// encoding starts with the top byte of balance A, always 0 for a real
// balance, below 2^248 wei); the low bits are flags.
const (
	formatCompact = 0x80
	flagAnonymous = 0x01
	// flagNoParties marks an encoding without the parties: they are recovered
	// from the two signatures when needed (see Kind.Latest).
	flagNoParties = 0x02
)

// stateKey is the store key of a channel's held state: the channel id in
// unpadded base64url, so that a held state fits in 300 bytes of Redis; the
// hash tag keeps all keys of one channel in one Redis Cluster slot.
func stateKey(id common.Hash) string {
	return "chan:{" + base64.RawURLEncoding.EncodeToString(id[:]) + "}"
}

// legacyStateKey is where earlier versions kept a channel's held state; it is
// still read, and removed once a newer state is stored under stateKey.
func legacyStateKey(id common.Hash) string { return "chan:{" + id.Hex() + "}:state" }

// encodeHeld packs a held state compactly (the nonce is the store version, the
// channel id is in the key): a format byte, each balance as a length byte and
// its minimal big-endian bytes and both 65-byte signatures; 149 bytes for
// balances below 2^64 wei, 197 at most. The parties are not stored: they are
// what the signatures recover to (the delegation verified it).
func encodeHeld(h Held) []byte {
	a, b := h.BalanceA.Bytes(), h.BalanceB.Bytes()
	out := make([]byte, 0, 3+len(a)+len(b)+65+65)
	f := byte(formatCompact | flagNoParties)
	if h.Anonymous {
		f |= flagAnonymous
	}
	out = append(out, f, byte(len(a)))
	out = append(out, a...)
	out = append(out, byte(len(b)))
	out = append(out, b...)
	out = append(out, h.SigA...)
	out = append(out, h.SigB...)
	return out
}

func decodeHeld(id common.Hash, nonce uint64, b []byte) (Held, error) {
	h := Held{Signed: channelstate.Signed{State: channelstate.State{ChannelID: id, Nonce: nonce}}}
	bad := func(why string) (Held, error) {
		return Held{}, fmt.Errorf("channel: held state of %s: %s (%d bytes)", id.Hex(), why, len(b))
	}
	parties := true
	if len(b) == legacySize && b[0] == 0 {
		h.BalanceA = new(big.Int).SetBytes(b[0:32])
		h.BalanceB = new(big.Int).SetBytes(b[32:64])
		b = b[64:]
	} else {
		if len(b) < 3 || b[0]&formatCompact == 0 {
			return bad("unknown encoding")
		}
		h.Anonymous = b[0]&flagAnonymous != 0
		parties = b[0]&flagNoParties == 0
		b = b[1:]
		for _, dst := range []**big.Int{&h.BalanceA, &h.BalanceB} {
			if len(b) < 1 || int(b[0]) > 32 || len(b) < 1+int(b[0]) {
				return bad("truncated balance")
			}
			*dst = new(big.Int).SetBytes(b[1 : 1+int(b[0])])
			b = b[1+int(b[0]):]
		}
	}
	if !parties {
		if len(b) != 65+65 {
			return bad("wrong length")
		}
	} else if len(b) != 65+65+20+20 {
		return bad("wrong length")
	}
	h.SigA = append([]byte(nil), b[0:65]...)
	h.SigB = append([]byte(nil), b[65:130]...)
	if parties {
		h.PartyA = common.BytesToAddress(b[130:150])
		h.PartyB = common.BytesToAddress(b[150:170])
	}
	return h, nil
}

// Latest returns the held state of a channel with its parties, or
// store.ErrNotFound. States stored without their parties get them back from
// their signatures (two recoveries; Latest serves disputes and API reads, not
// the delegation path).
func (k *Kind) Latest(ctx context.Context, id common.Hash) (Held, error) {
	h, _, err := k.held(ctx, id)
	if err != nil {
		return Held{}, err
	}
	if h.PartyA == (common.Address{}) {
		if h.PartyA, err = k.domain.Recover(h.State, h.SigA); err == nil {
			h.PartyB, err = k.domain.Recover(h.State, h.SigB)
		}
		if err != nil {
			return Held{}, fmt.Errorf("channel: held state of %s: recover its parties: %w", id.Hex(), err)
		}
	}
	return h, nil
}

// LatestNonce returns the nonce of the held state of a channel, or store.ErrNotFound.
func (k *Kind) LatestNonce(ctx context.Context, id common.Hash) (uint64, error) {
	h, _, err := k.held(ctx, id)
	return h.Nonce, err
}

// held reads the held state without recovering its parties; legacy is true
// when it was found under legacyStateKey only.
func (k *Kind) held(ctx context.Context, id common.Hash) (Held, bool, error) {
	hs, err := k.heldMany(ctx, []common.Hash{id})
	if err != nil {
		return Held{}, false, err
	}
	if !hs[0].found {
		return Held{}, false, fmt.Errorf("channel: no state held for %s: %w", id.Hex(), store.ErrNotFound)
	}
	return hs[0].Held, hs[0].legacy, nil
}

// heldState is one answer of heldMany.
type heldState struct {
	Held
	found  bool // a state is held
	legacy bool // found under legacyStateKey only
}

// heldMany reads the held states of ids: one round trip on a Batcher store,
// and a second for the channels not found under stateKey (to look under
// legacyStateKey).
func (k *Kind) heldMany(ctx context.Context, ids []common.Hash) ([]heldState, error) {
	out := make([]heldState, len(ids))
	keys := make([]string, len(ids))
	for j, id := range ids {
		keys[j] = stateKey(id)
	}
	if err := k.readHeld(ctx, ids, keys, out, false); err != nil {
		return nil, err
	}
	var missing []int
	for j := range ids {
		if !out[j].found {
			missing = append(missing, j)
		}
	}
	if len(missing) == 0 {
		return out, nil
	}
	mids, mkeys := make([]common.Hash, len(missing)), make([]string, len(missing))
	for m, j := range missing {
		mids[m], mkeys[m] = ids[j], legacyStateKey(ids[j])
	}
	legacy := make([]heldState, len(missing))
	if err := k.readHeld(ctx, mids, mkeys, legacy, true); err != nil {
		return nil, err
	}
	for m, j := range missing {
		out[j] = legacy[m]
	}
	return out, nil
}

// readHeld reads keys (the held states of ids) into out.
func (k *Kind) readHeld(ctx context.Context, ids []common.Hash, keys []string, out []heldState, legacy bool) error {
	var versions []uint64
	var values [][]byte
	var err error
	if b, ok := k.store.(store.Batcher); ok {
		versions, values, err = b.GetVersionedMany(ctx, keys)
	} else {
		versions, values = make([]uint64, len(keys)), make([][]byte, len(keys))
		for i, key := range keys {
			versions[i], values[i], err = k.store.GetVersioned(ctx, key)
			if errors.Is(err, store.ErrNotFound) {
				versions[i], values[i], err = 0, nil, nil
			}
			if err != nil {
				break
			}
		}
	}
	if err != nil {
		if len(ids) == 1 {
			return fmt.Errorf("channel: load state of %s: %w", ids[0].Hex(), err)
		}
		return fmt.Errorf("channel: load the states of %d channels: %w", len(ids), err)
	}
	for j, id := range ids {
		if versions[j] == 0 {
			continue
		}
		h, err := decodeHeld(id, versions[j], values[j])
		if err != nil {
			return err
		}
		out[j] = heldState{Held: h, found: true, legacy: legacy}
	}
	return nil
}
