package l2

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi"
)

// Selectors of the errors Solidity itself emits.
var (
	errorSelector = [4]byte{0x08, 0xc3, 0x79, 0xa0} // Error(string): require(cond, "reason"), revert("reason")
	panicSelector = [4]byte{0x4e, 0x48, 0x7b, 0x71} // Panic(uint256): assert, overflow, division by zero...
)

// Revert is decoded revert data.
type Revert struct {
	// Name is the custom error's name, "Error" for Error(string), "Panic" for
	// Panic(uint256), or a description of undecodable data.
	Name string
	// Reason is the message of Error(string).
	Reason string
	// Code is the code of Panic(uint256).
	Code *big.Int
	// Args are a custom error's arguments.
	Args []any
	// Known is false when the data is none of the above.
	Known bool
}

// String names the revert as an operator reads it: StaleNonce,
// Error("nonce too low"), Panic(0x11: arithmetic overflow or underflow).
func (r Revert) String() string {
	switch {
	case !r.Known:
		return r.Name
	case r.Name == "Error":
		return fmt.Sprintf("Error(%q)", r.Reason)
	case r.Name == "Panic":
		return fmt.Sprintf("Panic(0x%x: %s)", r.Code, panicMeaning(r.Code))
	}
	return r.Name
}

// DecodeRevert decodes revert data as one of a's custom errors (a may be
// nil), Error(string) or Panic(uint256).
func DecodeRevert(a *abi.ABI, data []byte) Revert {
	if len(data) < 4 {
		return Revert{Name: "revert without data"}
	}
	sel := [4]byte(data[:4])
	switch sel {
	case errorSelector:
		if v, err := abi.UnpackRevert(data); err == nil {
			return Revert{Name: "Error", Reason: v, Known: true}
		}
		return Revert{Name: "malformed Error(string)"}
	case panicSelector:
		if len(data) == 4+32 {
			return Revert{Name: "Panic", Code: new(big.Int).SetBytes(data[4:]), Known: true}
		}
		return Revert{Name: "malformed Panic(uint256)"}
	}
	if a != nil {
		if e, err := a.ErrorByID(sel); err == nil {
			args, _ := e.Inputs.Unpack(data[4:])
			return Revert{Name: e.Name, Args: args, Known: true}
		}
	}
	return Revert{Name: fmt.Sprintf("unknown error 0x%x", data[:4])}
}

// panicMeaning explains the Panic codes Solidity documents.
func panicMeaning(code *big.Int) string {
	if code == nil || !code.IsUint64() {
		return "unknown panic"
	}
	switch code.Uint64() {
	case 0x00:
		return "generic compiler panic"
	case 0x01:
		return "assertion failed"
	case 0x11:
		return "arithmetic overflow or underflow"
	case 0x12:
		return "division or modulo by zero"
	case 0x21:
		return "invalid enum value"
	case 0x22:
		return "corrupt storage byte array"
	case 0x31:
		return "pop on an empty array"
	case 0x32:
		return "array index out of bounds"
	case 0x41:
		return "out of memory"
	case 0x51:
		return "call to an uninitialised function"
	}
	return "unknown panic"
}

// RevertTable classifies reverts: custom errors by name, Error(string) by
// its reason (exact, or a prefix ending in "*"). Panics and whatever is not
// listed are RevertUnknown (retried and alerted).
type RevertTable map[string]RevertClass

// Classify decodes data against a and looks the result up.
func (t RevertTable) Classify(a *abi.ABI, data []byte) (string, RevertClass) {
	r := DecodeRevert(a, data)
	if !r.Known || r.Name == "Panic" {
		return r.String(), RevertUnknown
	}
	key := r.Name
	if r.Name == "Error" {
		key = r.Reason
	}
	if c, ok := t[key]; ok {
		return r.String(), c
	}
	for k, c := range t {
		if p, ok := strings.CutSuffix(k, "*"); ok && strings.HasPrefix(key, p) {
			return r.String(), c
		}
	}
	return r.String(), RevertUnknown
}
