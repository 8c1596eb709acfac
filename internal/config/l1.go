package config

import (
	"fmt"
	"net/url"
	"strings"
)

// URLs returns the L1 endpoints: rpc_url, then rpc_urls, each once
// (surrounding spaces trimmed, empty entries dropped).
func (l L1) URLs() []string {
	var out []string
	seen := map[string]bool{}
	for _, u := range append([]string{l.RPCURL}, l.RPCURLs...) {
		u = strings.TrimSpace(u)
		if u == "" || seen[u] {
			continue
		}
		seen[u] = true
		out = append(out, u)
	}
	return out
}

// QuorumOf is how many of the L1 endpoints must agree: Quorum, or a
// majority of them when it is 0.
func (l L1) QuorumOf() int {
	if l.Quorum > 0 {
		return l.Quorum
	}
	return len(l.URLs())/2 + 1
}

// problems checks the endpoints and the quorum.
func (l L1) problems() Problems {
	var ps Problems
	add := func(path, format string, a ...any) {
		ps = append(ps, Problem{Path: path, Msg: fmt.Sprintf(format, a...)})
	}
	check := func(path, u string) {
		if !hasScheme(u, "ws", "wss", "http", "https") && !strings.HasSuffix(u, ".ipc") {
			add(path, "%q: want a ws://, wss://, http://, https:// URL or an .ipc path", redactURL(u))
		}
	}
	if u := strings.TrimSpace(l.RPCURL); u != "" {
		check("l1.rpc_url", u)
	}
	for i, u := range l.RPCURLs {
		if strings.TrimSpace(u) == "" {
			add("l1.rpc_urls", "entry %d is empty", i+1)
			continue
		}
		check("l1.rpc_urls", strings.TrimSpace(u))
	}
	n := len(l.URLs())
	switch {
	case l.Quorum < 0:
		add("l1.quorum", "%d: want 0 (a majority) or a number of endpoints from 1 to %d", l.Quorum, max(n, 1))
	case n > 0 && l.Quorum > n:
		add("l1.quorum", "%d but only %d L1 endpoint(s) are configured (l1.rpc_url and l1.rpc_urls): the tower could never act", l.Quorum, n)
	}
	return ps
}

// redactURL hides a URL's password for messages.
func redactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "(unparsable URL)"
	}
	return u.Redacted()
}
