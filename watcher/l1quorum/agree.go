package l1quorum

import (
	"errors"
	"fmt"
	"sort"
)

// Answer is one source's reply to one question, reduced to what agreement
// compares: Key identifies the answer (equal keys are the same answer) and
// Err is set when the source gave no answer at all (transport failure,
// timeout, an error that is not an answer about the chain).
type Answer struct {
	Key string
	Err error
}

// Tally is the outcome of comparing the answers of n sources.
type Tally struct {
	// Key is the answer at least k sources gave ("" when none reached k).
	Key string
	// Agreed, Disagreed and Failed are indexes of the sources that gave
	// Key, gave another answer, and gave none.
	Agreed, Disagreed, Failed []int
}

// ErrNoQuorum is wrapped by every error returned when fewer than k sources
// agree on an answer: nothing may be acted on.
var ErrNoQuorum = errors.New("l1 sources do not agree")

// Agree finds the answer at least k of answers share. It fails, wrapping
// ErrNoQuorum, when no answer reaches k or when two different answers both
// do (possible only with k <= n/2): a split is never resolved by picking
// one. The returned Tally is filled even on failure (with Key "" and every
// answering source in Disagreed) so the caller can report the sources.
func Agree(answers []Answer, k int) (Tally, error) {
	if k < 1 {
		return Tally{}, fmt.Errorf("l1quorum: quorum %d: want at least 1", k)
	}
	votes := map[string][]int{}
	var t Tally
	for i, a := range answers {
		if a.Err != nil {
			t.Failed = append(t.Failed, i)
			continue
		}
		votes[a.Key] = append(votes[a.Key], i)
	}
	var winners []string
	for key, idx := range votes {
		if len(idx) >= k {
			winners = append(winners, key)
		}
	}
	if len(winners) != 1 {
		for _, idx := range votes {
			t.Disagreed = append(t.Disagreed, idx...)
		}
		sort.Ints(t.Disagreed)
		sizes := make([]int, 0, len(votes))
		for _, idx := range votes {
			sizes = append(sizes, len(idx))
		}
		sort.Sort(sort.Reverse(sort.IntSlice(sizes)))
		what := "no answer is given by enough of them"
		if len(winners) > 1 {
			what = fmt.Sprintf("%d different answers each reach the quorum", len(winners))
		}
		return t, fmt.Errorf("%w: %s (quorum %d of %d; %d failed; sources per distinct answer: %v)",
			ErrNoQuorum, what, k, len(answers), len(t.Failed), sizes)
	}
	t.Key = winners[0]
	for key, idx := range votes {
		if key == t.Key {
			t.Agreed = append(t.Agreed, idx...)
		} else {
			t.Disagreed = append(t.Disagreed, idx...)
		}
	}
	sort.Ints(t.Agreed)
	sort.Ints(t.Disagreed)
	return t, nil
}

// Majority is the default quorum of n sources: more than half of them.
func Majority(n int) int { return n/2 + 1 }
