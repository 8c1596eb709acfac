package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/watchtower-l2/watchtower/alerts"
	"github.com/watchtower-l2/watchtower/internal/config"
	"github.com/watchtower-l2/watchtower/watcher/l2/kinds"
)

const alertsUsage = "usage: watchtower alerts test --receiver NAME --config FILE\n" +
	"       watchtower alerts silence add|list|expire --config FILE [flags]"

// cmdAlerts implements `watchtower alerts test --receiver NAME --config FILE`
// and `watchtower alerts silence ...`.
func cmdAlerts(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 && args[0] == "silence" {
		return cmdSilence(ctx, args[1:], stdout, stderr)
	}
	if len(args) == 0 || args[0] != "test" {
		return usageErr(alertsUsage)
	}
	fs := flag.NewFlagSet("alerts test", flag.ContinueOnError)
	fs.SetOutput(stderr)
	file := fs.String("config", "", "the tower's config file (its alerts section names the receivers)")
	name := fs.String("receiver", "", "receiver to send a test alert to")
	timeout := fs.Duration("timeout", 30*time.Second, "give up after this long")
	hold := fs.Duration("hold", alerts.DefaultTestHold, "how long an Alertmanager test alert fires (it must outlast Alertmanager's group_wait to be notified)")
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	if *name == "" {
		return usageErr("--receiver is required")
	}
	cfg, err := config.Load(*file, os.LookupEnv, config.NoFlags(kinds.Builtin()))
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	raw := cfg.Alerts.Bytes()
	if len(raw) == 0 {
		return usageErr("no alerts section in the config (set --config FILE or WATCHTOWER_ALERTS)")
	}
	acfg, err := alerts.ParseConfig(raw)
	if err != nil {
		return &exitError{code: 2, err: fmt.Errorf("alerts: %w", err)}
	}
	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	res, err := alerts.SendTestWith(ctx, acfg, *name, *hold)
	if err != nil {
		return &exitError{code: 1, err: err}
	}
	fmt.Fprintf(stdout, "test alert delivered to %s\n", *name)
	if res.Held > 0 {
		fmt.Fprintf(stdout, "it fires for %s, then ends by itself; Alertmanager notifies once its group_wait has passed\n", res.Held)
	}
	return nil
}
