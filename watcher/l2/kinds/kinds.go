// Package kinds lists the L2 kinds built into the watchtower binary. Adding
// a kind is one line here; everything else (configuration, flags, the
// roles, the delegation API, status, reload, the demo) loops over the list.
package kinds

import (
	"github.com/watchtower-l2/watchtower/watcher/l2"
	"github.com/watchtower-l2/watchtower/watcher/l2/channel"
	"github.com/watchtower-l2/watchtower/watcher/l2/plasma"
	"github.com/watchtower-l2/watchtower/watcher/l2/raiden"
	"github.com/watchtower-l2/watchtower/watcher/l2/sidechain"
)

// Builtin returns the kinds of this binary, in configuration order.
func Builtin() l2.Plugins {
	return l2.Plugins{
		channel.Plugin(),
		plasma.Plugin(),
		sidechain.Plugin(),
		raiden.Plugin(),
	}
}
