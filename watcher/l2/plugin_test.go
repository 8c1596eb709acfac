package l2_test

import (
	"context"
	"testing"

	"github.com/watchtower-l2/watchtower/watcher/l2"
)

// Check refuses a kind registered twice, a malformed name and a plug-in
// without its factory.
func TestPluginsCheck(t *testing.T) {
	ok := l2.Plugin{Name: "good", NewConfig: func() l2.Config { return nil }, New: func(context.Context, l2.Config, l2.Deps) (l2.Kind, error) { return nil, nil }}
	bad := map[string]l2.Plugins{
		"twice":      {ok, ok},
		"malformed":  {{Name: "Bad-Name", NewConfig: ok.NewConfig, New: ok.New}},
		"no factory": {{Name: "nofactory", NewConfig: ok.NewConfig}},
	}
	if err := (l2.Plugins{ok}).Check(); err != nil {
		t.Fatalf("a good plug-in refused: %v", err)
	}
	for name, ps := range bad {
		if err := ps.Check(); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
