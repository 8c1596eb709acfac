package delegation

// Metrics is what the delegation API reports about the subjects it accepts
// and releases; *metrics.Metrics implements it. Config.Metrics may be nil.
type Metrics interface {
	// DelegationAccepted counts an accepted state or subscription of kind;
	// isNew is true when the tower held nothing for the subject before.
	DelegationAccepted(kind string, isNew bool)
	// DelegationReleased counts a subject of kind the tower no longer holds
	// (revoked, or its last subscriber expired).
	DelegationReleased(kind string)
}

// nopMetrics is the Metrics of a server configured without any.
type nopMetrics struct{}

func (nopMetrics) DelegationAccepted(string, bool) {}
func (nopMetrics) DelegationReleased(string)       {}
