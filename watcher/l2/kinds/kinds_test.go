package kinds_test

import (
	"testing"

	"github.com/watchtower-l2/watchtower/watcher/l2/kinds"
)

// Every built-in kind registers a well-formed, unique name with a
// configuration and a factory, and its configuration starts disabled.
func TestBuiltinKindsAreWellFormed(t *testing.T) {
	ps := kinds.Builtin()
	if err := ps.Check(); err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if p.NewConfig().Enabled() {
			t.Errorf("kind %s is enabled by default: a tower would guard it unasked", p.Name)
		}
	}
}
