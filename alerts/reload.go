package alerts

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
)

// Reload swaps the routing tree, the silences and the escalation thresholds
// of a running manager (the tower calls it on SIGHUP); alerts routed from then
// on follow the new config. Receivers, delivery and global settings shape the
// outbox's consumers and need a restart: a config that changes them is
// refused and nothing changes.
func (m *Manager) Reload(cfg Config) error {
	if err := cfg.Validate(); err != nil {
		return fmt.Errorf("alerts: config: %w", err)
	}
	cur := m.routing.Load()
	switch {
	case !sameJSON(cur.Receivers, cfg.Receivers):
		return errors.New("alerts: receivers changed; restart the tower to apply them")
	case !reflect.DeepEqual(cur.Delivery, cfg.Delivery):
		return errors.New("alerts: delivery settings changed; restart the tower to apply them")
	case !reflect.DeepEqual(cur.Global, cfg.Global):
		return errors.New("alerts: global settings changed; restart the tower to apply them")
	}
	m.routing.Store(&cfg)
	m.log.Info("alert routing reloaded")
	return nil
}

// sameJSON compares settings by their exported fields (compiled templates
// and regular expressions are rebuilt by Validate and never equal).
func sameJSON(a, b any) bool {
	x, err1 := json.Marshal(a)
	y, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && bytes.Equal(x, y)
}
