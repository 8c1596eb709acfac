package l1quorum

import (
	"errors"
	"slices"
	"testing"
)

func TestAgree(t *testing.T) {
	fail := errors.New("connection refused")
	for _, tc := range []struct {
		name                      string
		answers                   []Answer
		k                         int
		key                       string // "" : no quorum
		agreed, disagreed, failed []int
	}{
		{"all agree", []Answer{{Key: "a"}, {Key: "a"}, {Key: "a"}}, 2, "a", []int{0, 1, 2}, nil, nil},
		{"one liar", []Answer{{Key: "a"}, {Key: "forged"}, {Key: "a"}}, 2, "a", []int{0, 2}, []int{1}, nil},
		{"one liar, one down", []Answer{{Key: "a"}, {Key: "forged"}, {Err: fail}}, 2, "", nil, []int{0, 1}, []int{2}},
		{"one down", []Answer{{Err: fail}, {Key: "a"}, {Key: "a"}}, 2, "a", []int{1, 2}, nil, []int{0}},
		{"all down", []Answer{{Err: fail}, {Err: fail}}, 1, "", nil, nil, []int{0, 1}},
		{"split at a minority quorum", []Answer{{Key: "a"}, {Key: "b"}}, 1, "", nil, []int{0, 1}, nil},
		{"minority quorum, one answer", []Answer{{Key: "a"}, {Err: fail}}, 1, "a", []int{0}, nil, []int{1}},
		{"everyone different", []Answer{{Key: "a"}, {Key: "b"}, {Key: "c"}}, 2, "", nil, []int{0, 1, 2}, nil},
		{"unanimity required", []Answer{{Key: "a"}, {Key: "a"}, {Key: "b"}}, 3, "", nil, []int{0, 1, 2}, nil},
		{"error answers agree too", []Answer{{Key: "error:not found"}, {Key: "error:not found"}, {Key: "ok:0x1"}}, 2, "error:not found", []int{0, 1}, []int{2}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Agree(tc.answers, tc.k)
			if tc.key == "" {
				if !errors.Is(err, ErrNoQuorum) {
					t.Fatalf("want ErrNoQuorum, got %v (tally %+v)", err, got)
				}
			} else if err != nil {
				t.Fatal(err)
			}
			if got.Key != tc.key || !slices.Equal(got.Agreed, tc.agreed) || !slices.Equal(got.Disagreed, tc.disagreed) || !slices.Equal(got.Failed, tc.failed) {
				t.Fatalf("tally %+v, want key %q agreed %v disagreed %v failed %v", got, tc.key, tc.agreed, tc.disagreed, tc.failed)
			}
		})
	}
	if _, err := Agree([]Answer{{Key: "a"}}, 0); err == nil || errors.Is(err, ErrNoQuorum) {
		t.Fatalf("quorum 0: want a configuration error, got %v", err)
	}
}

func TestMajority(t *testing.T) {
	for n, want := range map[int]int{1: 1, 2: 2, 3: 2, 4: 3, 5: 3} {
		if got := Majority(n); got != want {
			t.Errorf("Majority(%d) = %d, want %d", n, got, want)
		}
	}
}

func TestSourceNamesCarryNoCredentials(t *testing.T) {
	got := Names([]string{
		"https://user:secret@mainnet.example:8545/v3/APIKEY?token=t0k",
		"wss://mainnet.example:8545/other-key",
		"https://mainnet.example:8545/v3/APIKEY2",
		"/var/run/geth/geth.ipc",
		"::not a url",
	})
	want := []string{"https://mainnet.example:8545", "wss://mainnet.example:8545", "https://mainnet.example:8545#2", "ipc:geth.ipc", "unparsable-url"}
	if !slices.Equal(got, want) {
		t.Fatalf("names %q, want %q", got, want)
	}
}
