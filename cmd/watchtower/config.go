package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/alerts"
	"github.com/watchtower-l2/watchtower/internal/config"
	"github.com/watchtower-l2/watchtower/watcher/metrics"
)

const configUsage = `Usage:
  watchtower config check [--env] FILE
                                  validate FILE; print each problem with its key path
                                  (--env: apply WATCHTOWER_* variables first, as run does)
  watchtower config example       print a complete, commented example configuration
`

// cmdConfig is `watchtower config check FILE` and `watchtower config example`.
func cmdConfig(_ context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, configUsage)
		return &exitError{code: 2, err: errHelp}
	}
	switch args[0] {
	case "example":
		if len(args) > 1 {
			return usageErr("config example takes no arguments")
		}
		fmt.Fprint(stdout, config.Example())
		return nil
	case "check":
		fs := flag.NewFlagSet("config check", flag.ContinueOnError)
		fs.SetOutput(stderr)
		fs.Usage = func() { fmt.Fprint(stderr, configUsage) }
		withEnv := fs.Bool("env", false, "apply WATCHTOWER_* environment variables after the file, as run does")
		if err := parseFlags(fs, args[1:]); err != nil {
			return err
		}
		if fs.NArg() != 1 {
			return usageErr("config check needs exactly one FILE")
		}
		env := func(string) (string, bool) { return "", false }
		if *withEnv {
			env = os.LookupEnv
		}
		return checkConfigFile(fs.Arg(0), env, stdout)
	case "-h", "--help", "help":
		fmt.Fprint(stdout, configUsage)
		return nil
	}
	return usageErr("config: unknown subcommand %q (want check or example)", args[0])
}

// configSections validates the parts of the file owned by other packages.
var configSections = map[string]config.SectionCheck{
	"alerts": func(b []byte) error {
		_, err := alerts.ParseConfig(b)
		return err
	},
}

// checkConfigFile prints "FILE: OK" or every problem, and fails (exit 1) on any.
func checkConfigFile(path string, env func(string) (string, bool), out io.Writer) error {
	ps := config.CheckEnv(path, env, configSections)
	if len(ps) == 0 {
		fmt.Fprintf(out, "%s: OK\n", path)
		return nil
	}
	fmt.Fprintf(out, "%s: %d problem(s)\n", path, len(ps))
	for _, p := range ps {
		fmt.Fprintf(out, "  %s\n", p.Error())
	}
	return &exitError{code: 1, err: fmt.Errorf("%s is not a valid configuration", path)}
}

// reloadReporter logs each SIGHUP reload and counts it in
// watchtower_config_reloads_total: register it with (*config.Watcher).OnResult.
func reloadReporter(log *zap.Logger, m *metrics.Metrics) func(config.Result) {
	return func(r config.Result) {
		m.ConfigReloaded(r.Err)
		switch {
		case r.Err != nil:
			log.Error("configuration reload failed; the running configuration stays in force", zap.Error(r.Err),
				zap.Strings("applied", r.Applied))
		case len(r.Changed) == 0:
			log.Info("configuration reloaded: nothing changed")
		default:
			log.Info("configuration reloaded", zap.Strings("applied", r.Applied))
		}
		if len(r.NeedRestart) > 0 {
			log.Warn("changed keys take effect only after a restart", zap.Strings("keys", r.NeedRestart))
		}
	}
}
