package main

import (
	"bytes"
	"strings"
	"testing"
)

const sample = `goos: linux
pkg: github.com/watchtower-l2/watchtower/watcher/bus
BenchmarkRawJetStreamPublish-2   	   55238	     47745 ns/op	     20000 msgs/s	    3665 B/op
BenchmarkBusPublish-2            	   49712	     49290 ns/op	     15000 msgs/s	    3784 B/op
BenchmarkRawRedisSet-2         	   85940	     25000 ns/op	     291 B/op	       8 allocs/op
BenchmarkStorePutVersioned-2   	   75822	     50000 ns/op	     537 B/op	      17 allocs/op
BenchmarkMassExit-2   	       1	7311600209 ns/op	      1584 challenges/s	     15842 exits/s	    121973 rawjs-batch-msgs/s
--- BENCH: BenchmarkMassExit-2
    bench_test.go:123: BenchmarkMassExit state: 100000 outputs
PASS
`

// The table pairs each measurement with its baseline from the same run,
// derives ops/s from ns/op, and lists what did not run.
func TestTable(t *testing.T) {
	res, err := parse(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	write(&out, res)
	for _, want := range []string{
		"| bus publish (sealed event) | 15k/s | raw JetStream publish: 20k/s | 0.75× |",
		"| store PutVersioned (Redis) | 20k/s | raw Redis SET: 40k/s | 0.50× |",
		"| Plasma mass exit (100,000 exits) | 16k/s | raw JetStream batched consume: 122k/s | 0.13× |",
		"| verify, one event at a time | not run |",
	} {
		if !strings.Contains(out.String(), want) {
			t.Fatalf("table lacks %q:\n%s", want, out.String())
		}
	}
	if _, err := parse(strings.NewReader("BenchmarkX-2 10 abc ns/op\n")); err == nil {
		t.Fatal("a metric that is not a number was accepted")
	}
}
