package l1quorum

import (
	"context"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/ethereum/go-ethereum/ethclient"
)

// SourceName names an endpoint without what may be a credential:
// scheme://host[:port] for a URL (its userinfo, path and query are dropped:
// providers put API keys in all three), the file name of an IPC path.
func SourceName(raw string) string {
	raw = strings.TrimSpace(raw)
	if strings.HasSuffix(raw, ".ipc") && !strings.Contains(raw, "://") {
		return "ipc:" + filepath.Base(raw)
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return "unparsable-url"
	}
	return u.Scheme + "://" + u.Host
}

// Names returns the SourceName of each URL, numbering repeats (#2, #3...)
// so that every source has its own label.
func Names(urls []string) []string {
	seen := map[string]int{}
	out := make([]string, len(urls))
	for i, u := range urls {
		n := SourceName(u)
		seen[n]++
		if seen[n] > 1 {
			n = fmt.Sprintf("%s#%d", n, seen[n])
		}
		out[i] = n
	}
	return out
}

// Dial connects to every URL (ws://, wss://, http://, https://, .ipc) and
// returns the sources, named by Names, and a function closing them all.
// Errors name sources, never full URLs.
func Dial(ctx context.Context, urls []string) ([]Source, func(), error) {
	names := Names(urls)
	var clients []*ethclient.Client
	closeAll := func() {
		for _, c := range clients {
			c.Close()
		}
	}
	srcs := make([]Source, 0, len(urls))
	for i, u := range urls {
		c, err := ethclient.DialContext(ctx, strings.TrimSpace(u))
		if err != nil {
			closeAll()
			msg := strings.ReplaceAll(oneLine(err), strings.TrimSpace(u), names[i])
			return nil, nil, fmt.Errorf("l1quorum: dial %s: %s", names[i], msg)
		}
		clients = append(clients, c)
		srcs = append(srcs, Source{Name: names[i], Node: c})
	}
	return srcs, closeAll, nil
}
