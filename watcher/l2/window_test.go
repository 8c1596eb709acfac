package l2_test

import (
	"context"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/core/types"

	"github.com/watchtower-l2/watchtower/watcher/l2"
)

func TestDeadlineWindow(t *testing.T) {
	head := &types.Header{Number: big.NewInt(100), Time: 1_000}
	cases := []struct {
		name string
		c    l2.Challenge
		want l2.Answerability
	}{
		{"block ahead", l2.Challenge{DeadlineBlock: 103}, l2.Answerability{Open: true, Left: 3 * 12 * time.Second}},
		{"block is the head", l2.Challenge{DeadlineBlock: 100}, l2.Answerability{Open: true}},
		{"block passed", l2.Challenge{DeadlineBlock: 99}, l2.Answerability{}},
		{"time ahead wins over an estimated block", l2.Challenge{DeadlineBlock: 99, DeadlineTime: 1_060}, l2.Answerability{Open: true, Left: time.Minute}},
		{"time passed", l2.Challenge{DeadlineBlock: 200, DeadlineTime: 999}, l2.Answerability{}},
		{"open until settled", l2.Challenge{UntilSettled: true, DeadlineBlock: 1}, l2.Answerability{Open: true}},
		{"no deadline at all", l2.Challenge{}, l2.Answerability{Open: true}},
	}
	for _, tc := range cases {
		if got := l2.DeadlineWindow(tc.c, head, 12*time.Second); got != tc.want {
			t.Errorf("%s: got %+v, want %+v", tc.name, got, tc.want)
		}
	}
}

// windowKind judges disputes itself.
type windowKind struct {
	l2.Kind
	open bool
}

func (w windowKind) Answerable(context.Context, l2.Challenge, *types.Header) (l2.Answerability, error) {
	return l2.Answerability{Open: w.open}, nil
}

func TestAnswerableAsksTheKind(t *testing.T) {
	head := &types.Header{Number: big.NewInt(100), Time: 1_000}
	past := l2.Challenge{DeadlineBlock: 1}
	if a, _ := l2.Answerable(context.Background(), windowKind{open: true}, past, head, time.Second); !a.Open {
		t.Fatal("the kind's own window was not asked")
	}
	if a, _ := l2.Answerable(context.Background(), struct{ l2.Kind }{}, past, head, time.Second); a.Open {
		t.Fatal("a kind without a window is not judged by the recorded deadline")
	}
}
