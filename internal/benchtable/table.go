package main

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// results maps a benchmark's name (without the -GOMAXPROCS suffix) to its
// metrics by unit (ns/op, events/s, ...).
type results map[string]map[string]float64

var procSuffix = regexp.MustCompile(`-\d+$`)

// parse reads `go test -bench` output. Lines that are not benchmark results
// are skipped; a benchmark run twice keeps its last result.
func parse(r io.Reader) (results, error) {
	out := results{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") {
			continue
		}
		if _, err := strconv.Atoi(f[1]); err != nil {
			continue // a log line that starts with a benchmark's name
		}
		m := map[string]float64{}
		for i := 2; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				return nil, fmt.Errorf("benchtable: %s: metric %q is not a number", f[0], f[i])
			}
			m[f[i+1]] = v
		}
		out[procSuffix.ReplaceAllString(f[0], "")] = m
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("benchtable: read: %w", err)
	}
	return out, nil
}

// metric names one number of one benchmark.
type metric struct {
	Bench, Unit string
}

// row compares a measurement of ours with its baseline from the same run.
type row struct {
	What     string
	Ours     metric
	Baseline metric
	// BaseName says what the baseline is.
	BaseName string
}

// rows are the table's lines: each pairs what the project does with the
// raw operation it is built on, measured in the same `make bench` run.
var rows = []row{
	{"bus publish (sealed event)", metric{"BenchmarkBusPublish", "msgs/s"}, metric{"BenchmarkRawJetStreamPublish", "msgs/s"}, "raw JetStream publish"},
	{"bus consume, 8 workers", metric{"BenchmarkBusConsume/workers=8", "msgs/s"}, metric{"BenchmarkRawJetStreamConsume/doubleack", "msgs/s"}, "raw JetStream consume + confirmed ack"},
	{"store PutVersioned (Redis)", metric{"BenchmarkStorePutVersioned", "ops/s"}, metric{"BenchmarkRawRedisSet", "ops/s"}, "raw Redis SET"},
	{"store Get (Redis)", metric{"BenchmarkStoreGet", "ops/s"}, metric{"BenchmarkRawRedisSet", "ops/s"}, "raw Redis SET"},
	{"verify, one event at a time", metric{"BenchmarkVerifyPipeline/per-message/sealed", "events/s"}, metric{"BenchmarkVerifyPipeline/per-message/sealed", "raw-acksync-msgs/s"}, "raw JetStream consume + confirmed ack"},
	{"verify, batches of 256", metric{"BenchmarkVerifyPipeline/batch=256/sealed", "events/s"}, metric{"BenchmarkVerifyPipeline/batch=256/sealed", "raw-acksync-msgs/s"}, "raw JetStream consume + confirmed ack"},
	{"verify, batches of 256", metric{"BenchmarkVerifyPipeline/batch=256/sealed", "events/s"}, metric{"BenchmarkVerifyPipeline/batch=256/sealed", "raw-ack-msgs/s"}, "raw JetStream consume + async ack"},
	{"Plasma mass exit (100,000 exits)", metric{"BenchmarkMassExit", "exits/s"}, metric{"BenchmarkMassExit", "rawjs-batch-msgs/s"}, "raw JetStream batched consume"},
	{"Plasma mass exit (100,000 exits)", metric{"BenchmarkMassExit", "exits/s"}, metric{"BenchmarkMassExit", "rawredis-pipelined-gets/s"}, "pipelined Redis GETs"},
	{"delegate one state (signed)", metric{"BenchmarkDelegate/signed", "delegations/s"}, metric{"BenchmarkDelegate/signed", "bound/s"}, "bare ecrecover, 3 per state"},
	{"delegate 256 states per call (signed)", metric{"BenchmarkDelegateBatch/signed-256", "delegations/s"}, metric{"BenchmarkDelegateBatch/signed-256", "bound/s"}, "bare ecrecover, 2 per state + 1 per call"},
	{"challenges handed to L1, signer pool", metric{"BenchmarkPoolSend", "pool_tx/s"}, metric{"BenchmarkPoolSend", "baseline_tx/s"}, "raw SendTransaction, one key"},
}

// value returns m's value in res; a rate in ops/s is derived from ns/op.
func (m metric) value(res results) (float64, bool) {
	b, ok := res[m.Bench]
	if !ok {
		return 0, false
	}
	if v, ok := b[m.Unit]; ok {
		return v, true
	}
	if m.Unit == "ops/s" && b["ns/op"] > 0 {
		return 1e9 / b["ns/op"], true
	}
	return 0, false
}

// write prints the table in Markdown; rows whose benchmarks did not run are
// listed as such.
func write(w io.Writer, res results) {
	fmt.Fprintln(w, "| what | measured | baseline (same run) | ratio |")
	fmt.Fprintln(w, "|---|---:|---|---:|")
	for _, r := range rows {
		ours, ok1 := r.Ours.value(res)
		base, ok2 := r.Baseline.value(res)
		if !ok1 || !ok2 || base == 0 {
			fmt.Fprintf(w, "| %s | not run | %s | - |\n", r.What, r.BaseName)
			continue
		}
		fmt.Fprintf(w, "| %s | %s/s | %s: %s/s | %.2f× |\n", r.What, human(ours), r.BaseName, human(base), ours/base)
	}
}

// human formats a rate with three significant digits.
func human(v float64) string {
	switch {
	case v >= 1e6:
		return fmt.Sprintf("%.2fM", v/1e6)
	case v >= 1e4:
		return fmt.Sprintf("%.0fk", v/1e3)
	case v >= 1e3:
		return fmt.Sprintf("%.1fk", v/1e3)
	}
	return fmt.Sprintf("%.0f", v)
}
