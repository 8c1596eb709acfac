// Package stats summarises measurements for the project's reports (the dev
// summary, the chaos verdict).
package stats

import "slices"

// Percentiles returns the nearest-rank p50 and p99 and the maximum of xs
// (zeros when xs is empty); xs is not modified.
func Percentiles(xs []uint64) (p50, p99, maxv uint64) {
	if len(xs) == 0 {
		return 0, 0, 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	rank := func(p int) uint64 {
		i := (p*len(s)+99)/100 - 1
		return s[max(0, min(i, len(s)-1))]
	}
	return rank(50), rank(99), s[len(s)-1]
}
