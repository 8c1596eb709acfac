package channel

// HeldKeys lists the store keys that may hold a channel's delegated state.
func HeldKeys(id [32]byte) []string { return []string{stateKey(id), legacyStateKey(id)} }

// DisputedKey is the key of a channel's dispute mark.
func DisputedKey(id [32]byte) string { return disputedKey(id) }
