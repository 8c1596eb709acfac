package l2_test

import (
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/watchtower-l2/watchtower/watcher/l2"
)

// encodeError is what require(cond, reason) reverts with.
func encodeError(t *testing.T, reason string) []byte {
	t.Helper()
	typ, _ := abi.NewType("string", "", nil)
	packed, err := abi.Arguments{{Type: typ}}.Pack(reason)
	if err != nil {
		t.Fatal(err)
	}
	return append(crypto.Keccak256([]byte("Error(string)"))[:4], packed...)
}

func encodePanic(code uint64) []byte {
	return append(crypto.Keccak256([]byte("Panic(uint256)"))[:4], common.LeftPadBytes(new(big.Int).SetUint64(code).Bytes(), 32)...)
}

func TestDecodeRevert(t *testing.T) {
	a, err := abi.JSON(strings.NewReader(`[{"type":"error","name":"StaleNonce","inputs":[{"name":"held","type":"uint64"}]}]`))
	if err != nil {
		t.Fatal(err)
	}
	stale, err := a.Errors["StaleNonce"].Inputs.Pack(uint64(7))
	if err != nil {
		t.Fatal(err)
	}
	id := a.Errors["StaleNonce"].ID
	stale = append(id[:4:4], stale...)
	cases := []struct {
		name  string
		data  []byte
		want  string
		known bool
	}{
		{"custom error", stale, "StaleNonce", true},
		{"Error(string)", encodeError(t, "nonce too low"), `Error("nonce too low")`, true},
		{"Panic(uint256)", encodePanic(0x11), "Panic(0x11: arithmetic overflow or underflow)", true},
		{"no data", nil, "revert without data", false},
		{"unknown selector", []byte{1, 2, 3, 4, 5}, "unknown error 0x01020304", false},
		{"truncated Error(string)", encodeError(t, "x")[:20], "malformed Error(string)", false},
		{"truncated Panic", encodePanic(1)[:10], "malformed Panic(uint256)", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := l2.DecodeRevert(&a, tc.data)
			if r.String() != tc.want || r.Known != tc.known {
				t.Fatalf("got %q known=%v, want %q known=%v", r.String(), r.Known, tc.want, tc.known)
			}
		})
	}
	if r := l2.DecodeRevert(&a, stale); len(r.Args) != 1 || r.Args[0] != uint64(7) {
		t.Fatalf("custom error args: %v", r.Args)
	}
	if r := l2.DecodeRevert(nil, stale); r.Known {
		t.Fatal("a custom error decoded without its ABI")
	}
}

func TestRevertTable(t *testing.T) {
	table := l2.RevertTable{
		"settle timeout not expired*": l2.RevertObsolete,
		"channel settled":             l2.RevertObsolete,
		"too late":                    l2.RevertTooLate,
	}
	cases := []struct {
		data []byte
		want l2.RevertClass
	}{
		{encodeError(t, "channel settled"), l2.RevertObsolete},
		{encodeError(t, "settle timeout not expired yet"), l2.RevertObsolete},
		{encodeError(t, "too late"), l2.RevertTooLate},
		{encodeError(t, "too late!"), l2.RevertUnknown},
		{encodePanic(0x01), l2.RevertUnknown},
		{[]byte{9, 9, 9, 9}, l2.RevertUnknown},
	}
	for _, tc := range cases {
		name, got := table.Classify(nil, tc.data)
		if got != tc.want {
			t.Errorf("%s: class %v, want %v", name, got, tc.want)
		}
	}
}
