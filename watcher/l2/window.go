package l2

import (
	"context"
	"time"

	"github.com/ethereum/go-ethereum/core/types"
)

// Answerability is whether a dispute can still be answered on L1, and the
// estimated time left.
type Answerability struct {
	// Open is false once the contract no longer accepts the challenge (as
	// far as the kind can tell without simulating it).
	Open bool
	// Left is the estimated time left (0: unknown or none).
	Left time.Duration
}

// Window is implemented by kinds that judge for themselves whether a
// dispute can still be answered (reading the contract, or a window that
// depends on more than the recorded deadline). Kinds without it are judged
// by the challenge's recorded deadline (DeadlineWindow).
type Window interface {
	Answerable(ctx context.Context, c Challenge, head *types.Header) (Answerability, error)
}

// DeadlineWindow judges c by its recorded deadline at head: a timestamp,
// else a block number; a dispute open until settled, or without any
// deadline, stays open (the contract's refusal of the simulated challenge
// is then the only end). blockTime turns blocks left into time left.
func DeadlineWindow(c Challenge, head *types.Header, blockTime time.Duration) Answerability {
	switch {
	case c.UntilSettled:
		return Answerability{Open: true}
	case c.DeadlineTime != 0:
		if head.Time > c.DeadlineTime {
			return Answerability{}
		}
		return Answerability{Open: true, Left: time.Duration(c.DeadlineTime-head.Time) * time.Second}
	case c.DeadlineBlock != 0:
		n := head.Number.Uint64()
		if n > c.DeadlineBlock {
			return Answerability{}
		}
		return Answerability{Open: true, Left: time.Duration(c.DeadlineBlock-n) * blockTime}
	}
	return Answerability{Open: true}
}

// Answerable asks k whether c can still be answered at head: through its
// Window when it has one, else by the recorded deadline.
func Answerable(ctx context.Context, k Kind, c Challenge, head *types.Header, blockTime time.Duration) (Answerability, error) {
	if w, ok := k.(Window); ok {
		return w.Answerable(ctx, c, head)
	}
	return DeadlineWindow(c, head, blockTime), nil
}
