package metrics

import (
	"regexp"
	"sort"
	"strings"
)

var metricRE = regexp.MustCompile(`\bwatchtower_[a-zA-Z0-9_]+`)

// Exprs collects every "expr" string of a decoded JSON or YAML document (a
// Grafana dashboard, a Prometheus rules file).
func Exprs(doc any) []string {
	var out []string
	exprs(doc, &out)
	return out
}

func exprs(v any, out *[]string) {
	switch x := v.(type) {
	case map[string]any:
		for k, c := range x {
			if s, ok := c.(string); ok && k == "expr" {
				*out = append(*out, s)
				continue
			}
			exprs(c, out)
		}
	case []any:
		for _, c := range x {
			exprs(c, out)
		}
	}
}

// Referenced returns the sorted metric families named in exprs; the
// _bucket, _sum and _count series of a histogram in known fold into its family.
func Referenced(exprs []string, known []string) []string {
	isKnown := make(map[string]bool, len(known))
	for _, n := range known {
		isKnown[n] = true
	}
	seen := map[string]bool{}
	for _, e := range exprs {
		for _, name := range metricRE.FindAllString(e, -1) {
			fam := name
			for _, suf := range []string{"_bucket", "_sum", "_count"} {
				if base, ok := strings.CutSuffix(name, suf); ok && isKnown[base] {
					fam = base
				}
			}
			seen[fam] = true
		}
	}
	out := make([]string, 0, len(seen))
	for n := range seen {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}
