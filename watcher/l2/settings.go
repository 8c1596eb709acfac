package l2

import (
	"strings"

	"github.com/ethereum/go-ethereum/common"
)

// AddressProblems checks the contract address a kind's section names under
// key: malformed, or the zero address (which holds no contract on any chain).
func AddressProblems(key, a string) []Problem {
	switch {
	case !IsAddress(a):
		return []Problem{{Key: key, Msg: "\"" + a + "\" is not a 0x-prefixed 20-byte hex address"}}
	case strings.Trim(a[2:], "0") == "":
		return []Problem{{Key: key, Msg: "is the zero address: set the deployed contract's address ('watchtower contracts deploy' prints it)"}}
	}
	return nil
}

// Address parses a checked contract address (see AddressProblems).
func Address(a string) common.Address { return common.HexToAddress(a) }

// IsAddress reports whether s is a 0x-prefixed 20-byte hex address.
func IsAddress(s string) bool {
	if len(s) != 42 || !strings.HasPrefix(s, "0x") {
		return false
	}
	for _, c := range s[2:] {
		if !strings.ContainsRune("0123456789abcdefABCDEF", c) {
			return false
		}
	}
	return true
}
