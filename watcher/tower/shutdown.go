package tower

import (
	"fmt"
	"time"

	"go.uber.org/zap"
)

// apiShutdownTimeout bounds how long the api role waits for requests in flight.
const apiShutdownTimeout = 5 * time.Second

// logStopping logs, for each role of this process, what it drains and waits
// for now that it is asked to stop.
func (t *Tower) logStopping(roles []string) {
	t.log.Info("stopping: roles finish their work in flight", zap.Strings("roles", roles))
	for _, name := range roles {
		t.log.Info("stopping role", zap.String("role", name), zap.String("drains", t.drains(name)))
	}
}

// drains says what the role called name finishes before it returns.
func (t *Tower) drains(name string) string {
	switch name {
	case RoleIngest:
		return "stops at a block boundary; the cursor of the last published block is stored"
	case RoleVerify:
		workers := t.opts.VerifyWorkers
		if workers <= 0 {
			workers = 8
		}
		return fmt.Sprintf("finishes the verdicts in flight (up to %d workers) and acks them; unacked events are redelivered", workers)
	case RoleChallenge:
		n := 0
		if t.runner != nil {
			n = t.runner.InFlight()
		}
		return fmt.Sprintf("brings %d challenge job(s) in flight to a recorded state and releases their leases; pending jobs stay in the store", n)
	case RoleAPI:
		return fmt.Sprintf("stops accepting connections and waits up to %s for requests in flight", apiShutdownTimeout)
	case RoleAPI + "/prune":
		return "finishes the current prune pass"
	}
	return "stops its runner"
}
