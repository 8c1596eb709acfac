package main

import (
	"math/big"
	"slices"
	"testing"

	"github.com/watchtower-l2/watchtower/internal/config"
	"github.com/watchtower-l2/watchtower/watcher/health"
)

// TestReadinessPerRole: the api role's readiness depends on the store only,
// never on L1 freshness or ingest lag; the L1-following roles keep theirs.
func TestReadinessPerRole(t *testing.T) {
	for _, tc := range []struct {
		roles []string
		want  []string
	}{
		{[]string{"api"}, []string{"store"}},
		{[]string{"ingest"}, []string{"ingest", "l1", "store"}},
		{[]string{"verify", "challenge"}, []string{"l1", "store"}},
		{[]string{"ingest", "verify", "api"}, []string{"ingest", "l1", "store"}},
	} {
		chk := health.NewChecker()
		addReadiness(chk, config.Config{Roles: tc.roles}, opsDeps{}, big.NewInt(1))
		if got := chk.Names(); !slices.Equal(got, tc.want) {
			t.Errorf("roles %v: checks %v, want %v", tc.roles, got, tc.want)
		}
	}
}
