//go:build linux

package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// maxRestarts is how often a container may exit before it is ready, as
// compose (restart: unless-stopped) and Kubernetes (restartPolicy Always)
// would restart it, before the test calls it a crash loop and fails. Each
// restart is logged with the exit's stderr.
const maxRestarts = 2

// readyAndStop waits until every tower answers /healthz and /readyz with
// 200, restarting a tower that exits meanwhile at most maxRestarts times
// (one exiting again fails the test with its log), runs check (while they
// run), then stops each with SIGTERM and requires exit status 0.
func readyAndStop(t *testing.T, towers []*tower, check func()) {
	t.Helper()
	for _, tw := range towers {
		for _, path := range []string{"/healthz", "/readyz"} {
			u := "http://" + tw.metrics + path
			awaitTowers(t, towers, fmt.Sprintf("%s (roles %s) %s to answer 200", tw.name, tw.roles, path), func() (bool, string) {
				code, body, err := httpStatus(u)
				return code == 200, fmt.Sprintf("%d %.300s %v", code, body, err)
			})
		}
		t.Logf("%s (roles %s) is ready on %s", tw.name, tw.roles, tw.metrics)
	}
	check()
	for _, tw := range towers {
		tw.p.stop(t)
	}
}

// awaitTowers polls cond until it holds, restarting (or, past maxRestarts,
// failing on) any tower that has exited.
func awaitTowers(t *testing.T, towers []*tower, what string, cond func() (bool, string)) {
	t.Helper()
	deadline := time.Now().Add(waitTimeout)
	var why string
	for {
		ok, reason := cond()
		if ok {
			return
		}
		why = reason
		for _, tw := range towers {
			done, err := tw.p.exited()
			if !done {
				continue
			}
			if tw.restarts >= maxRestarts {
				t.Fatalf("while waiting for %s, %s exited (%v), %d times in all: a crash loop (last: %s)\n%s",
					what, tw.name, err, tw.restarts+1, why, allTails(towers))
			}
			tw.restarts++
			t.Logf("%s exited (%v) before it was ready; restarting it (restart %d of at most %d), as its deployment would:\n%s",
				tw.name, err, tw.restarts, maxRestarts, tw.p.tail())
			tw.p = tw.relaunch(tw.restarts)
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s did not happen within %s (last: %s)\n%s", what, waitTimeout, why, allTails(towers))
		}
		time.Sleep(pollEvery) // pacing between polls of state, not a wait for an outcome
	}
}

func allTails(towers []*tower) string {
	var b strings.Builder
	for _, tw := range towers {
		b.WriteString(tw.p.tail())
		b.WriteString("\n")
	}
	return b.String()
}
