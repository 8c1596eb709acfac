package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/alerts"
	"github.com/watchtower-l2/watchtower/internal/config"
	"github.com/watchtower-l2/watchtower/internal/preflight"
	"github.com/watchtower-l2/watchtower/watcher/l1quorum"
	"github.com/watchtower-l2/watchtower/watcher/l2/kinds"
	"github.com/watchtower-l2/watchtower/watcher/metrics"
)

const configUsage = `Usage:
  watchtower config check [--env] [--online] FILE
                                  validate FILE; print each problem with its key path
                                  (--env: apply WATCHTOWER_* variables first, as run does;
                                  --online: also run the preflight run does: L1 chain id,
                                  contract code and views, NATS version and JetStream)
  watchtower config example       print a complete, commented example configuration
`

// cmdConfig is `watchtower config check FILE` and `watchtower config example`.
func cmdConfig(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, configUsage)
		return &exitError{code: 2, err: errHelp}
	}
	switch args[0] {
	case "example":
		if len(args) > 1 {
			return usageErr("config example takes no arguments")
		}
		fmt.Fprint(stdout, config.Example(kinds.Builtin()))
		return nil
	case "check":
		fs := flag.NewFlagSet("config check", flag.ContinueOnError)
		fs.SetOutput(stderr)
		fs.Usage = func() { fmt.Fprint(stderr, configUsage) }
		withEnv := fs.Bool("env", false, "apply WATCHTOWER_* environment variables after the file, as run does")
		online := fs.Bool("online", false, "also check the L1 and NATS the file names, as run does before it starts")
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
		if *online {
			return checkConfigOnline(ctx, fs.Arg(0), env, stdout)
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
	"alerts": func(s config.Section) error {
		_, err := alerts.ParseConfigNode(s.Node())
		return err
	},
}

// checkConfigFile prints "FILE: OK" or every problem, and fails (exit 1) on any.
func checkConfigFile(path string, env func(string) (string, bool), out io.Writer) error {
	return reportProblems(path, config.CheckEnv(kinds.Builtin(), path, env, configSections), out)
}

// checkConfigOnline is checkConfigFile followed, when the file is valid, by
// the online preflight `run` applies: it dials the L1 endpoints (l1.rpc_url,
// l1.rpc_urls) and nats.url.
func checkConfigOnline(ctx context.Context, path string, env func(string) (string, bool), out io.Writer) error {
	if ps := config.CheckEnv(kinds.Builtin(), path, env, configSections); len(ps) > 0 {
		return reportProblems(path, ps, out)
	}
	cfg, err := config.Load(path, env, config.NoFlags(kinds.Builtin()))
	if err != nil {
		return reportProblems(path, config.Problems{{Msg: err.Error()}}, out)
	}
	ctx, cancel := context.WithTimeout(ctx, onlineCheckTimeout)
	defer cancel()
	var ps config.Problems
	deps := preflight.Deps{}
	// Every L1 endpoint is dialed; the chain id is read through their quorum.
	if srcs, closeNodes, err := l1quorum.Dial(ctx, cfg.L1.URLs()); err != nil {
		ps = append(ps, config.Problem{Path: "l1.rpc_url", Msg: err.Error()})
	} else if l1, err := l1quorum.New(srcs, l1quorum.Config{Quorum: cfg.L1.QuorumOf(), MaxLag: cfg.L1.MaxSourceLag}, nil); err != nil {
		closeNodes()
		ps = append(ps, config.Problem{Path: "l1.quorum", Msg: err.Error()})
	} else {
		defer closeNodes()
		deps.L1 = l1
	}
	if cfg.NATS.URL == "" {
		fmt.Fprintf(out, "%s: nats.url is empty: run starts the embedded JetStream server\n", path)
	} else if b, err := connectBus(ctx, cfg, cfg.NATS.URL, "watchtower-config-check", zap.NewNop()); err != nil {
		ps = append(ps, config.Problem{Path: "nats.url", Msg: err.Error()})
	} else {
		defer b.Close()
		deps.NATS = b.Conn()
	}
	ps = append(ps, preflight.Online(ctx, cfg, deps)...)
	return reportProblems(path, ps, out)
}

// onlineCheckTimeout bounds `config check --online` as a whole.
const onlineCheckTimeout = 60 * time.Second

// reportProblems prints "FILE: OK" or every problem, and fails (exit 1) on any.
func reportProblems(path string, ps config.Problems, out io.Writer) error {
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
