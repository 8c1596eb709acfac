package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/alerts"
	"github.com/watchtower-l2/watchtower/internal/config"
)

// matchFlag collects repeated --match k=v flags.
type matchFlag map[string]string

func (m matchFlag) String() string { return fmt.Sprint(map[string]string(m)) }

func (m matchFlag) Set(v string) error {
	k, val, ok := strings.Cut(v, "=")
	if !ok || k == "" {
		return fmt.Errorf("want label=value, got %q", v)
	}
	m[k] = val
	return nil
}

// cmdSilence implements `watchtower alerts silence add|list|expire`. It
// talks to the tower's NATS (nats.url of the config, or --nats), where the
// silences live, so every tower sharing the outbox honours them at once.
func cmdSilence(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return usageErr("usage: watchtower alerts silence add|list|expire --config FILE [flags]")
	}
	verb := args[0]
	fs := flag.NewFlagSet("alerts silence "+verb, flag.ContinueOnError)
	fs.SetOutput(stderr)
	file := fs.String("config", "", "the tower's config file (nats and the alerts section's delivery.stream)")
	natsURL := fs.String("nats", "", "NATS URL (default: nats.url of the config)")
	match, matchRE := matchFlag{}, matchFlag{}
	var (
		dur                 *time.Duration
		endsAt, comment, id *string
		author              *string
	)
	switch verb {
	case "add":
		fs.Var(match, "match", "label=value the alert must have (repeatable)")
		fs.Var(matchRE, "match-re", "label=regexp the label must fully match (repeatable)")
		dur = fs.Duration("duration", 2*time.Hour, "how long the silence lasts")
		endsAt = fs.String("ends-at", "", "end time (RFC 3339), instead of --duration")
		comment = fs.String("comment", "", "why (shown in the tower's log when an alert is silenced)")
		author = fs.String("author", os.Getenv("USER"), "who adds the silence")
	case "expire":
		id = fs.String("id", "", "the silence to end now (or give it as an argument)")
	case "list":
	default:
		return usageErr("alerts silence: unknown subcommand %q (want add, list or expire)", verb)
	}
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	st, closeBus, err := openSilenceStore(ctx, *file, *natsURL)
	if err != nil {
		return err
	}
	defer closeBus()
	switch verb {
	case "add":
		s := alerts.Silence{Match: match, MatchRE: matchRE, Comment: *comment, EndsAt: time.Now().Add(*dur)}
		if *endsAt != "" {
			if s.EndsAt, err = time.Parse(time.RFC3339, *endsAt); err != nil {
				return usageErr("--ends-at: %v", err)
			}
		}
		added, err := st.Add(ctx, s, *author)
		if err != nil {
			return &exitError{code: 1, err: err}
		}
		fmt.Fprintf(stdout, "silence %s added, ends %s\n", added.ID, added.EndsAt.UTC().Format(time.RFC3339))
	case "expire":
		target := *id
		if target == "" && fs.NArg() == 1 {
			target = fs.Arg(0)
		}
		if target == "" {
			return usageErr("alerts silence expire: give the silence id (--id ID)")
		}
		if err := st.Expire(ctx, target); err != nil {
			return &exitError{code: 1, err: err}
		}
		fmt.Fprintf(stdout, "silence %s expired\n", target)
	case "list":
		return listSilences(ctx, st, stdout)
	}
	return nil
}

func listSilences(ctx context.Context, st *alerts.SilenceStore, stdout io.Writer) error {
	all, err := st.List(ctx)
	if err != nil {
		return &exitError{code: 1, err: err}
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSTATE\tENDS\tMATCHERS\tBY\tCOMMENT")
	now := time.Now()
	for _, s := range all {
		state := "expired"
		switch {
		case s.Active(now):
			state = "active"
		case s.StartsAt.After(now):
			state = "pending"
		}
		var ms []string
		for k, v := range s.Match {
			ms = append(ms, k+"="+v)
		}
		for k, v := range s.MatchRE {
			ms = append(ms, k+"=~"+v)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", s.ID, state, s.EndsAt.UTC().Format(time.RFC3339), strings.Join(ms, ","), s.CreatedBy, s.Comment)
	}
	return tw.Flush()
}

// openSilenceStore connects to the tower's NATS and opens its silences.
func openSilenceStore(ctx context.Context, file, natsURL string) (*alerts.SilenceStore, func(), error) {
	cfg, err := config.Load(file, os.LookupEnv, nil)
	if err != nil {
		return nil, nil, &exitError{code: 2, err: err}
	}
	var d alerts.Delivery
	if raw := cfg.Alerts.Bytes(); len(raw) > 0 {
		acfg, err := alerts.ParseConfig(raw)
		if err != nil {
			return nil, nil, &exitError{code: 2, err: fmt.Errorf("alerts: %w", err)}
		}
		d = acfg.Delivery
	}
	if natsURL == "" {
		natsURL = cfg.NATS.URL
	}
	if natsURL == "" {
		return nil, nil, usageErr("alerts silence: the tower's NATS is needed (set nats.url in the config or --nats URL)")
	}
	b, err := connectBus(ctx, cfg, natsURL, "watchtower-alerts-silence", zap.NewNop())
	if err != nil {
		return nil, nil, &exitError{code: 1, err: err}
	}
	st, err := alerts.OpenSilences(ctx, b, d)
	if err != nil {
		b.Close()
		return nil, nil, &exitError{code: 1, err: err}
	}
	return st, b.Close, nil
}
