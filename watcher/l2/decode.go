package l2

import (
	"encoding/json"
	"fmt"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/watchtower-l2/watchtower/watcher/event"
)

// DecodeLog is the Decode of a kind watching one contract: logs of other
// contracts and anonymous logs are ignored (ok=false, no error); decode
// names the contract's event and gives its payload (ok=false for events the
// kind does not act on), which is marshalled to JSON.
func DecodeLog(kind string, contract common.Address, log types.Log, decode func(types.Log) (name string, payload any, ok bool, err error)) (string, []byte, bool, error) {
	if log.Address != contract || len(log.Topics) == 0 {
		return "", nil, false, nil
	}
	name, payload, ok, err := decode(log)
	if err != nil || !ok {
		return "", nil, false, err
	}
	b, err := json.Marshal(payload)
	if err != nil {
		return "", nil, false, fmt.Errorf("%s: encode %s payload: %w", kind, name, err)
	}
	return name, b, true, nil
}

// Payload decodes an event's JSON payload into T.
func Payload[T any](ev event.Event) (T, error) {
	var v T
	if err := json.Unmarshal(ev.Payload, &v); err != nil {
		return v, fmt.Errorf("%s: decode %s payload: %w", ev.Kind, ev.Name, err)
	}
	return v, nil
}

// NewVerdict starts the verdict of ev: Noted until the kind judges otherwise.
func NewVerdict(ev event.Event) Verdict {
	return Verdict{EventID: ev.ID(), Kind: ev.Kind, Event: ev.Name, Block: ev.BlockNumber, Outcome: Noted}
}

// GeneratedABI parses the ABI of a committed abigen binding. Failing to
// parse it is a build defect, not an input error, so it panics naming the
// kind.
func GeneratedABI(kind string, meta *bind.MetaData) *abi.ABI {
	a, err := meta.GetAbi()
	if err != nil {
		panic(fmt.Sprintf("%s: parse generated ABI: %v", kind, err))
	}
	return a
}
