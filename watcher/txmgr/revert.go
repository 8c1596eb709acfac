package txmgr

import (
	"bytes"
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/rpc"
)

// RevertError is a call that reverted in simulation.
type RevertError struct {
	// Data is the raw revert data (may be empty).
	Data []byte
	// Reason is the decoded Error(string) message; for Panic(uint256)
	// "panic 0x..: <description>"; for custom errors the 4-byte selector in
	// hex (0x-prefixed); empty when there is no revert data.
	Reason string
}

// Error implements error.
func (e *RevertError) Error() string {
	if e.Reason == "" {
		return "execution reverted"
	}
	return "execution reverted: " + e.Reason
}

var (
	errorSelector = []byte{0x08, 0xc3, 0x79, 0xa0} // Error(string)
	panicSelector = []byte{0x4e, 0x48, 0x7b, 0x71} // Panic(uint256)
)

// newRevertError decodes revert data.
func newRevertError(data []byte) *RevertError {
	return &RevertError{Data: data, Reason: revertReason(data)}
}

func revertReason(data []byte) string {
	switch {
	case len(data) == 0:
		return ""
	case len(data) < 4:
		return hexutil.Encode(data)
	case bytes.Equal(data[:4], errorSelector):
		if s, err := abi.UnpackRevert(data); err == nil {
			return s
		}
	case bytes.Equal(data[:4], panicSelector):
		if desc, err := abi.UnpackRevert(data); err == nil && len(data) >= 36 {
			code := new(big.Int).SetBytes(data[4:36])
			return fmt.Sprintf("panic %#x: %s", code, desc)
		}
	}
	// Custom error (or malformed Error/Panic payload): the selector.
	return hexutil.Encode(data[:4])
}

// asRevertError extracts a revert from an eth_call / eth_estimateGas error,
// or returns nil if err is not a revert. geth reports reverts as JSON-RPC
// errors (code 3) whose data is the hex-encoded revert payload.
func asRevertError(err error) *RevertError {
	var de rpc.DataError
	if errors.As(err, &de) {
		if s, ok := de.ErrorData().(string); ok {
			if data, derr := hexutil.Decode(s); derr == nil {
				return newRevertError(data)
			}
		}
	}
	if strings.Contains(err.Error(), "execution reverted") {
		return newRevertError(nil)
	}
	return nil
}
