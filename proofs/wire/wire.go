// Package wire parses the JSON field forms the tower's proofs share: hashes,
// addresses and signatures as 0x-hex, amounts as decimal strings of wei. Each
// error names the field and shows (a truncated copy of) what was sent.
package wire

import (
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
)

// ParseHash parses a 0x-prefixed 32-byte hex value.
func ParseHash(field, v string) (common.Hash, error) {
	b, err := hexutil.Decode(v)
	if err != nil || len(b) != 32 {
		return common.Hash{}, fmt.Errorf("%s: want 0x followed by 64 hex digits, got %q", field, Truncate(v))
	}
	return common.BytesToHash(b), nil
}

// ParseAddress parses a 0x-prefixed 20-byte hex address.
func ParseAddress(field, v string) (common.Address, error) {
	b, err := hexutil.Decode(v)
	if err != nil || len(b) != 20 {
		return common.Address{}, fmt.Errorf("%s: want an address, 0x followed by 40 hex digits, got %q", field, Truncate(v))
	}
	return common.BytesToAddress(b), nil
}

// ParseWei parses a non-negative decimal uint256.
func ParseWei(field, v string) (*big.Int, error) {
	if v == "" {
		return nil, fmt.Errorf("%s: required (a decimal string of wei)", field)
	}
	if len(v) > 78 {
		return nil, fmt.Errorf("%s: want a non-negative decimal integer below 2^256, got %q", field, Truncate(v))
	}
	n, ok := new(big.Int).SetString(v, 10)
	if !ok || n.Sign() < 0 || n.BitLen() > 256 || v[0] == '+' {
		return nil, fmt.Errorf("%s: want a non-negative decimal integer below 2^256, got %q", field, Truncate(v))
	}
	return n, nil
}

// ParseSig parses a 65-byte 0x-prefixed signature.
func ParseSig(field, v string) ([]byte, error) {
	b, err := hexutil.Decode(v)
	if err != nil || len(b) != 65 {
		return nil, fmt.Errorf("%s: want a 65-byte signature as 0x-prefixed hex, got %q", field, Truncate(v))
	}
	return b, nil
}

// Truncate shortens v for an error message.
func Truncate(s string) string {
	if len(s) > 80 {
		return s[:80] + "..."
	}
	return s
}
