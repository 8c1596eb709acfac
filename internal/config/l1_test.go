package config

import (
	"slices"
	"strings"
	"testing"
)

func TestL1SourcesAndQuorum(t *testing.T) {
	l := L1{RPCURL: "ws://a:8546", RPCURLs: []string{"https://b.example", " ws://a:8546 ", "https://c.example"}}
	if got, want := l.URLs(), []string{"ws://a:8546", "https://b.example", "https://c.example"}; !slices.Equal(got, want) {
		t.Fatalf("URLs %q, want %q (rpc_url and rpc_urls are a union, each endpoint once)", got, want)
	}
	if l.QuorumOf() != 2 {
		t.Fatalf("default quorum of 3: %d, want a majority (2)", l.QuorumOf())
	}
	if (L1{RPCURL: "ws://a"}).QuorumOf() != 1 {
		t.Fatal("one endpoint: quorum 1")
	}
	for _, tc := range []struct {
		l    L1
		path string
		frag string
	}{
		{L1{RPCURLs: []string{"ws://a", "ws://b"}, Quorum: 3}, "l1.quorum", "3 but only 2 L1 endpoint(s)"},
		{L1{RPCURL: "ws://a", Quorum: -1}, "l1.quorum", "want 0 (a majority)"},
		{L1{RPCURLs: []string{"ws://a", ""}}, "l1.rpc_urls", "entry 2 is empty"},
		{L1{RPCURLs: []string{"ftp://user:pw@a"}}, "l1.rpc_urls", "want a ws://"},
	} {
		ps := tc.l.problems()
		i := slices.IndexFunc(ps, func(p Problem) bool { return p.Path == tc.path })
		if i < 0 || !strings.Contains(ps[i].Msg, tc.frag) {
			t.Errorf("%+v: problems %v, want %s: ...%s...", tc.l, ps, tc.path, tc.frag)
		}
		for _, p := range ps {
			if strings.Contains(p.Msg, "pw@") {
				t.Errorf("a problem shows the password: %v", p)
			}
		}
	}
	if ps := (L1{RPCURL: "ws://a", RPCURLs: []string{"https://b", "https://c"}, Quorum: 3}).problems(); len(ps) != 0 {
		t.Fatalf("3 of 3 refused: %v", ps)
	}
}

func TestL1RPCURLsAloneSatisfyTheRequirement(t *testing.T) {
	cfg := Default(nil)
	cfg.L1.RPCURLs = []string{"ws://a", "ws://b", "ws://c"}
	for _, p := range cfg.Problems() {
		if strings.HasPrefix(p.Path, "l1.") {
			t.Errorf("unexpected problem: %v", p)
		}
	}
	cfg.L1.RPCURLs = nil
	if !slices.ContainsFunc(cfg.Problems(), func(p Problem) bool { return p.Path == "l1.rpc_url" }) {
		t.Error("no L1 endpoint accepted")
	}
}
