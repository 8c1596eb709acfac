// Command benchtable reads the output of `make bench` (go test -bench) on
// standard input and prints one Markdown table: each of the project's hot
// paths beside the raw operation it is built on, measured in the same run,
// and their ratio. Ratios, not absolute rates, are what compare across
// machines and loads.
//
//	make bench            # runs the benchmarks, then this
//	go run ./internal/benchtable < bench.txt
package main

import (
	"fmt"
	"os"
)

func main() {
	res, err := parse(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if len(res) == 0 {
		fmt.Fprintln(os.Stderr, "benchtable: no benchmark results on standard input (pipe `go test -bench` output into it)")
		os.Exit(2)
	}
	write(os.Stdout, res)
}
