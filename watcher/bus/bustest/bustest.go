// Package bustest starts embedded NATS JetStream servers for tests.
package bustest

import (
	"testing"

	"github.com/watchtower-l2/watchtower/watcher/bus"
)

// Start runs an embedded JetStream server storing in t.TempDir(), shut down
// via t.Cleanup, and returns it with its client URL.
func Start(t testing.TB) (*bus.Embedded, string) {
	t.Helper()
	e, err := bus.StartEmbedded(bus.EmbeddedOptions{Dir: t.TempDir()})
	if err != nil {
		t.Fatalf("bustest: %v", err)
	}
	t.Cleanup(e.Shutdown)
	return e, e.ClientURL()
}
