package raiden

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"strconv"

	"github.com/ethereum/go-ethereum/common"

	"github.com/watchtower-l2/watchtower/watcher/store"
)

// Held is the latest balance proof the tower holds for one direction of a channel.
type Held struct {
	Proof
	// Anonymous is true when the proof was ever delegated without a
	// registered owner: it is then kept until the channel settles.
	Anonymous bool
}

// heldRecord is the stored form of Held (the nonce is also the store version).
type heldRecord struct {
	Proof     ProofJSON `json:"proof"`
	Anonymous bool      `json:"anonymous,omitempty"`
}

// prefix is the kind's store key prefix: every key names the token network,
// since channel ids restart at 1 in each.
func (k *Kind) prefix() string { return "raiden:" + k.contract.Hex() + ":" }

// heldKey is the versioned key of the proof held for (id, closing).
func (k *Kind) heldKey(id *big.Int, closing common.Address) string {
	return k.prefix() + "bp:" + id.String() + ":" + closing.Hex()
}

// closeKey records the settleable_after of a close the verify role saw, by
// the close's block: a retraction names the dispute its challenge was
// queued under from it. One small key per close, kept after settlement.
func (k *Kind) closeKey(id *big.Int, closing common.Address, block common.Hash) string {
	return k.prefix() + "close:" + id.String() + ":" + closing.Hex() + ":" + block.Hex()
}

func encodeHeld(h Held) ([]byte, error) {
	b, err := json.Marshal(heldRecord{Proof: h.JSON(), Anonymous: h.Anonymous})
	if err != nil {
		return nil, fmt.Errorf("raiden: encode held proof %s: %w", h.Subject(), err)
	}
	return b, nil
}

func decodeHeld(key string, b []byte) (Held, error) {
	var r heldRecord
	if err := json.Unmarshal(b, &r); err != nil {
		return Held{}, fmt.Errorf("raiden: held proof at %s: %w", key, err)
	}
	p, err := r.Proof.Proof()
	if err != nil {
		return Held{}, fmt.Errorf("raiden: held proof at %s: %w", key, err)
	}
	return Held{Proof: p, Anonymous: r.Anonymous}, nil
}

// held returns the proof held for (id, closing), or an error wrapping
// store.ErrNotFound.
func (k *Kind) held(ctx context.Context, id *big.Int, closing common.Address) (Held, error) {
	key := k.heldKey(id, closing)
	_, b, err := k.store.GetVersioned(ctx, key)
	if errors.Is(err, store.ErrNotFound) {
		return Held{}, fmt.Errorf("raiden: no balance proof held for %s: %w", Subject(id, closing), err)
	}
	if err != nil {
		return Held{}, fmt.Errorf("raiden: load balance proof of %s: %w", Subject(id, closing), err)
	}
	return decodeHeld(key, b)
}

// heldNonce returns the nonce held for (id, closing); 0 and no error when
// nothing is held.
func (k *Kind) heldNonce(ctx context.Context, id *big.Int, closing common.Address) (uint64, bool, error) {
	v, _, err := k.store.GetVersioned(ctx, k.heldKey(id, closing))
	switch {
	case errors.Is(err, store.ErrNotFound):
		return 0, false, nil
	case err != nil:
		return 0, false, fmt.Errorf("raiden: load nonce of %s: %w", Subject(id, closing), err)
	}
	return v, true, nil
}

// forget drops the proofs held for both directions of a channel.
func (k *Kind) forget(ctx context.Context, id *big.Int, participants ...common.Address) error {
	for _, p := range participants {
		if err := k.store.Delete(ctx, k.heldKey(id, p)); err != nil {
			return fmt.Errorf("raiden: forget balance proof of %s: %w", Subject(id, p), err)
		}
	}
	return nil
}

// recordClose stores the settleable_after of a close seen in block.
func (k *Kind) recordClose(ctx context.Context, id *big.Int, closing common.Address, block common.Hash, settleableAfter uint64) error {
	if err := k.store.Put(ctx, k.closeKey(id, closing, block), []byte(strconv.FormatUint(settleableAfter, 10))); err != nil {
		return fmt.Errorf("raiden: record close of %s: %w", Subject(id, closing), err)
	}
	return nil
}

// closeRecord reads what recordClose stored; ok is false when nothing was.
func (k *Kind) closeRecord(ctx context.Context, id *big.Int, closing common.Address, block common.Hash) (uint64, bool, error) {
	b, err := k.store.Get(ctx, k.closeKey(id, closing, block))
	switch {
	case errors.Is(err, store.ErrNotFound):
		return 0, false, nil
	case err != nil:
		return 0, false, fmt.Errorf("raiden: read close record of %s: %w", Subject(id, closing), err)
	}
	sa, err := strconv.ParseUint(string(b), 10, 64)
	if err != nil {
		return 0, false, fmt.Errorf("raiden: close record of %s: %w", Subject(id, closing), err)
	}
	return sa, true, nil
}
