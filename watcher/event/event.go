// Package event is the envelope every L1 event travels in, from ingest through
// JetStream to verify. Payloads are typed per L2 kind and carried as JSON.
package event

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// SubjectPrefix is the first token of every event subject.
const SubjectPrefix = "wt"

// Event is one decoded log of a watched contract, or its retraction after a reorg.
type Event struct {
	ChainID     uint64         `json:"chain_id"`
	Kind        string         `json:"kind"`
	Name        string         `json:"name"`
	Contract    common.Address `json:"contract"`
	BlockNumber uint64         `json:"block_number"`
	BlockHash   common.Hash    `json:"block_hash"`
	TxHash      common.Hash    `json:"tx_hash"`
	LogIndex    uint           `json:"log_index"`
	// Removed marks a retraction: the block holding the log left the canonical chain.
	Removed   bool            `json:"removed,omitempty"`
	Payload   json.RawMessage `json:"payload"`
	BlockTime time.Time       `json:"block_time"`
	// ReceivedAt is when ingest read the log (its clock): the start of the
	// tower's reaction to the event.
	ReceivedAt time.Time `json:"received_at,omitzero"`
}

// ID identifies the log uniquely (a log re-included in another block after a reorg gets a new ID).
func (e Event) ID() string {
	return fmt.Sprintf("%d-%s-%d", e.ChainID, e.BlockHash.Hex(), e.LogIndex)
}

// MsgID is the JetStream message id; republishing the same event is a no-op.
func (e Event) MsgID() string {
	if e.Removed {
		return e.ID() + "-removed"
	}
	return e.ID()
}

// Subject is the JetStream subject: wt.<chainid>.<kind>.<name>.
func (e Event) Subject() string { return Subject(e.ChainID, e.Kind, e.Name) }

// Subject builds the subject of an event kind and name on a chain.
func Subject(chainID uint64, kind, name string) string {
	return fmt.Sprintf("%s.%d.%s.%s", SubjectPrefix, chainID, kind, name)
}

// ChainSubjects is the wildcard matching every event of a chain.
func ChainSubjects(chainID uint64) string { return fmt.Sprintf("%s.%d.>", SubjectPrefix, chainID) }

// Encode marshals the event for the wire.
func (e Event) Encode() ([]byte, error) {
	b, err := json.Marshal(e)
	if err != nil {
		return nil, fmt.Errorf("encode event %s: %w", e.ID(), err)
	}
	return b, nil
}

// Decode parses an event from the wire and checks its required fields.
func Decode(data []byte) (Event, error) {
	var e Event
	if err := json.Unmarshal(data, &e); err != nil {
		return Event{}, fmt.Errorf("decode event: %w", err)
	}
	if e.Kind == "" || e.Name == "" || e.ChainID == 0 {
		return Event{}, fmt.Errorf("decode event: missing kind, name or chain id")
	}
	return e, nil
}
