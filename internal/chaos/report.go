package chaos

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
)

// WriteTable prints the verdict as the README's table.
func (v Verdict) WriteTable(w io.Writer) {
	kills := make([]string, 0, len(v.Kills))
	for kind, n := range v.Kills {
		kills = append(kills, fmt.Sprintf("%s %d", kind, n))
	}
	sort.Strings(kills)
	rows := [][2]string{
		{"setup", v.Setup},
		{"closes (stale / honest / undelegated)", fmt.Sprintf("%d (%d / %d / %d)", v.Closes, v.Frauds, v.Honest, v.Unwatched)},
		{"frauds", fmt.Sprint(v.Frauds)},
		{"challenged in time", fmt.Sprint(v.Challenged)},
		{"missed", fmt.Sprint(v.Missed)},
		{"duplicate challenges mined", fmt.Sprint(v.Duplicates)},
		{"reverted challenge txs", fmt.Sprint(v.Reverted)},
		{"false challenges", fmt.Sprint(v.FalseChallenges)},
		{"challenge txs mined", fmt.Sprint(v.ChallengeTxs)},
		{"close -> challenge, blocks p50 / p99 / max", fmt.Sprintf("%d / %d / %d", v.P50, v.P99, v.Max)},
	}
	rows = append(rows, v.Plasma.rows()...)
	rows = append(rows, [][2]string{
		{"kills", strings.Join(kills, ", ")},
		{"storm errors", fmt.Sprint(v.StormErrors)},
		{"delegations stored without an answer, receipt on retry", fmt.Sprint(v.HeldRetries)},
		{"L1 blocks", fmt.Sprintf("%d..%d", v.FromBlock, v.ToBlock)},
		{"duration", fmt.Sprintf("%.0f s", v.Seconds)},
	}...)
	fmt.Fprintln(w, "| chaos storm | |")
	fmt.Fprintln(w, "| --- | --- |")
	for _, r := range rows {
		fmt.Fprintf(w, "| %s | %s |\n", r[0], r[1])
	}
	for _, s := range v.Slowest {
		fmt.Fprintf(w, "slowest: %s\n", s)
	}
	for _, k := range v.Unkilled {
		fmt.Fprintf(w, "NOT KILLED: %s was never killed during the storm\n", k)
	}
	for _, p := range v.Problems {
		fmt.Fprintf(w, "  %s\n", p)
	}
	if v.OK() {
		fmt.Fprintln(w, "OK: every fraud challenged in time, once; nothing else challenged")
	} else {
		fmt.Fprintln(w, "FAILED")
	}
}

// WriteJSON prints the verdict as one JSON object with "ok".
func (v Verdict) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		OK bool `json:"ok"`
		Verdict
	}{v.OK(), v})
}

// rows are the Plasma exits' rows of the table (none without exits).
func (p *PlasmaVerdict) rows() [][2]string {
	if p == nil {
		return nil
	}
	return [][2]string{
		{"plasma exits (spent / honest)", fmt.Sprintf("%d (%d / %d)", p.Exits, p.Frauds, p.Honest)},
		{"exits of spent outputs challenged in time", fmt.Sprint(p.Challenged)},
		{"exits missed", fmt.Sprint(p.Missed)},
		{"exits challenged more than once", fmt.Sprint(p.Duplicates)},
		{"reverted challengeExit txs", fmt.Sprint(p.Reverted)},
		{"honest exits challenged", fmt.Sprint(p.FalseChallenges)},
		{"challengeExit txs mined", fmt.Sprint(p.ChallengeTxs)},
		{"startExit -> challenge, blocks p50 / p99 / max", fmt.Sprintf("%d / %d / %d", p.P50, p.P99, p.Max)},
		{"exit storm errors", fmt.Sprint(p.StormErrors)},
	}
}
