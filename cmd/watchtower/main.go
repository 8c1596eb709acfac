// Command watchtower runs the fraud-proof watchtower: `dev` plays a full demo
// on an in-process L1, `run` runs the tower against a real L1, and `delegate`
// hands a co-signed channel state to a tower.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/redis/go-redis/v9"
)

// exitError carries a process exit code with its one-line reason.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// usageErr is a bad invocation (exit status 2).
func usageErr(format string, a ...any) error {
	return &exitError{code: 2, err: fmt.Errorf(format, a...)}
}

const usage = `watchtower: a fraud-proof watchtower for Ethereum L2

Usage:
  watchtower dev [--channels N] [--json]       run the demo on an in-process L1
  watchtower run [--config FILE] [flags]       run the tower against a real L1
  watchtower delegate --tower URL [flags]      hand a co-signed channel state (or --kind K proofs) to one or more towers
  watchtower delegate status|register|subscribe|revoke|heartbeat|sign ...
                                               manage what a tower guards for you
  watchtower receipt verify [--tower ADDR] FILE
                                               check a tower's signed receipt offline
  watchtower alerts test --receiver NAME --config FILE [--hold 5m]
                                               send a test alert to check a receiver's wiring
  watchtower alerts silence add|list|expire --config FILE [flags]
                                               silence alerts at run time, on every tower of the bus
  watchtower keys events --out FILE            make the Ed25519 key ingest seals events with; prints its public key
  watchtower contracts deploy --rpc-url URL --key-file F [--kind channel,plasma,sidechain,raiden]
                                               deploy the reference contracts on an L1; prints a config snippet
  watchtower config check [--env] [--online] FILE
                                               validate a config file, naming each bad key
                                               (--online: also the L1, contracts and NATS, as run does)
  watchtower config example                    print a commented full config
  watchtower status [--config FILE] [--url URL] [--json]
                                               what a tower watches, its lag, open disputes
  watchtower version [--json]                  print the version, VCS revision and Go version
  watchtower help COMMAND                      show a command's flags
`

func main() {
	// go-redis prints connection failures on its own (a second line after
	// the one-line reason run exits with); every such failure also reaches
	// the tower as an error it reports with context.
	redis.SetLogger(silentRedisLog{})
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ctx.Done()
		stop() // a second signal kills the process at once
	}()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	var err error
	switch args[0] {
	case "dev":
		err = cmdDev(ctx, args[1:], stdout, stderr)
	case "run":
		err = cmdRun(ctx, args[1:], stdout, stderr)
	case "config":
		err = cmdConfig(ctx, args[1:], stdout, stderr)
	case "contracts":
		err = cmdContracts(ctx, args[1:], stdout, stderr)
	case "status":
		err = cmdStatus(ctx, args[1:], stdout, stderr)
	case "delegate":
		err = cmdDelegate(ctx, args[1:], stdout, stderr)
	case "receipt":
		err = cmdReceipt(ctx, args[1:], stdout, stderr)
	case "alerts":
		err = cmdAlerts(ctx, args[1:], stdout, stderr)
	case "keys":
		err = cmdKeys(ctx, args[1:], stdout, stderr)
	case "version", "--version", "-version":
		err = cmdVersion(ctx, args[1:], stdout, stderr)
	case "help", "-h", "--help":
		if len(args) > 1 {
			return run(ctx, []string{args[1], "-h"}, stdout, stderr)
		}
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "watchtower: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
	if err == nil {
		return 0
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil && !errors.Is(ee.err, errHelp) {
			fmt.Fprintf(stderr, "watchtower %s: %v\n", args[0], ee.err)
		}
		return ee.code
	}
	fmt.Fprintf(stderr, "watchtower %s: %v\n", args[0], err)
	return 1
}

var errHelp = errors.New("help requested")

// silentRedisLog drops go-redis's own log lines.
type silentRedisLog struct{}

func (silentRedisLog) Printf(context.Context, string, ...any) {}

// parseFlags parses a command's flags: -h exits 0 (flag printed the usage), a
// bad flag exits 2 with flag's one-line reason.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return &exitError{code: 0, err: errHelp}
		}
		return &exitError{code: 2, err: err}
	}
	return nil
}
