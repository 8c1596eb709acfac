package sidechain

import "context"

// Attestations is how many attestations the kind holds for its stored
// header n of sidechain sid (-1: no header stored).
func (k *Kind) Attestations(ctx context.Context, sid, n uint64) int {
	r, ok, err := k.loadHeader(ctx, sid, n)
	if err != nil || !ok {
		return -1
	}
	return len(r.Sigs)
}
