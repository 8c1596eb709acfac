package config

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"reflect"
	"slices"
	"strings"
	"sync"
	"syscall"
)

// ReloadFunc applies a new configuration. It is called only when a key under
// its prefix changed; returning an error keeps the old values of those keys.
type ReloadFunc func(old, new Config) error

// Result is what one reload did.
type Result struct {
	// Changed lists every key whose value differs in the re-read configuration.
	Changed []string
	// Applied lists the changed keys a reload function took.
	Applied []string
	// NeedRestart lists changed keys nothing can apply while running; the
	// process keeps their old values.
	NeedRestart []string
	// Err is a configuration that failed to load or validate (nothing was
	// applied), or the joined errors of reload functions that refused.
	Err error
}

// Watcher re-reads the configuration on SIGHUP (or Reload) with the same
// file, environment and flags as at start, validates it, and hands the keys
// that changed to the functions registered for them. A file that fails to
// load or validate changes nothing. Current always reflects what is running.
type Watcher struct {
	file string
	env  func(string) (string, bool)
	fl   *Flags

	mu      sync.Mutex // serialises reloads
	current Config
	funcs   []reloadEntry
	notify  []func(Result)
}

type reloadEntry struct {
	prefix string
	fn     ReloadFunc
}

// NewWatcher returns a watcher for the configuration cur, resolved from file,
// env and fl.
func NewWatcher(file string, env func(string) (string, bool), fl *Flags, cur Config) *Watcher {
	if fl == nil {
		fl = NoFlags(cur.Kinds.Plugins())
	}
	return &Watcher{file: file, env: env, fl: fl, current: cur}
}

// OnReload registers fn for the keys at or under prefix ("alerts",
// "health", "channel.adjudicator"). Functions run in registration order.
func (w *Watcher) OnReload(prefix string, fn ReloadFunc) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.funcs = append(w.funcs, reloadEntry{prefix: prefix, fn: fn})
}

// OnResult registers fn to see the result of every reload (for logs and metrics).
func (w *Watcher) OnResult(fn func(Result)) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.notify = append(w.notify, fn)
}

// Current returns the configuration in force.
func (w *Watcher) Current() Config {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.current
}

// Run reloads on every SIGHUP until ctx is cancelled. While it runs, SIGHUP
// no longer terminates the process. Prefer Start, which catches SIGHUP
// before it returns.
func (w *Watcher) Run(ctx context.Context) error {
	stop := w.Start(ctx)
	<-ctx.Done()
	stop()
	return nil
}

// Start catches SIGHUP from now on and reloads on each until ctx is
// cancelled or stop is called; stop waits for a reload under way.
func (w *Watcher) Start(ctx context.Context) (stop func()) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGHUP)
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer signal.Stop(ch)
		for {
			select {
			case <-ctx.Done():
				return
			case <-ch:
				w.Reload()
			}
		}
	}()
	return func() {
		cancel()
		<-done
	}
}

// Reload re-reads the configuration now and applies what changed.
func (w *Watcher) Reload() Result {
	w.mu.Lock()
	res, notify := w.reloadLocked()
	w.mu.Unlock()
	for _, fn := range notify {
		fn(res)
	}
	return res
}

func (w *Watcher) reloadLocked() (Result, []func(Result)) {
	notify := slices.Clone(w.notify)
	next, err := Resolve(w.file, w.env, w.fl)
	if err != nil {
		return Result{Err: fmt.Errorf("reload: configuration rejected, nothing changed: %w", err)}, notify
	}
	old := w.current
	changed := Diff(old, next)
	res := Result{Changed: changed}
	if len(changed) == 0 {
		return res, notify
	}
	applied := map[string]bool{}
	running := old
	var errs []error
	for _, e := range w.funcs {
		var mine []string
		for _, k := range changed {
			if under(k, e.prefix) {
				mine = append(mine, k)
			}
		}
		if len(mine) == 0 {
			continue
		}
		// The function sees the running config with only its keys replaced.
		candidate := running.Clone()
		copyKeys(&candidate, &next, mine)
		if err := e.fn(running, candidate); err != nil {
			errs = append(errs, fmt.Errorf("reload %s: %w", e.prefix, err))
			continue
		}
		running = candidate
		for _, k := range mine {
			applied[k] = true
		}
	}
	for _, k := range changed {
		if applied[k] {
			res.Applied = append(res.Applied, k)
		} else if !slices.ContainsFunc(w.funcs, func(e reloadEntry) bool { return under(k, e.prefix) }) {
			res.NeedRestart = append(res.NeedRestart, k)
		}
	}
	w.current = running
	res.Err = errors.Join(errs...)
	return res, notify
}

func under(key, prefix string) bool {
	return prefix == "" || key == prefix || strings.HasPrefix(key, prefix+".")
}

// Diff returns the keys whose values differ between a and b, in file order.
func Diff(a, b Config) []string {
	fa, fb := fields(&a), fields(&b)
	var out []string
	for i := range fa {
		if !equalValue(fa[i].v, fb[i].v) {
			out = append(out, fa[i].path)
		}
	}
	return out
}

func equalValue(a, b reflect.Value) bool {
	if sa, ok := a.Interface().(Section); ok {
		return sa.Equal(b.Interface().(Section))
	}
	return reflect.DeepEqual(a.Interface(), b.Interface())
}

// copyKeys sets the listed keys of dst to their values in src.
func copyKeys(dst, src *Config, keys []string) {
	fd, fs := fields(dst), fields(src)
	for i := range fd {
		if slices.Contains(keys, fd[i].path) {
			fd[i].v.Set(fs[i].v)
		}
	}
}
