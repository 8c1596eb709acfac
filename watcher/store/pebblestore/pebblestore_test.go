package pebblestore_test

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest/observer"

	"github.com/watchtower-l2/watchtower/watcher/store"
	"github.com/watchtower-l2/watchtower/watcher/store/pebblestore"
	"github.com/watchtower-l2/watchtower/watcher/store/storetest"
)

// open opens a store in dir and closes it in t.Cleanup.
func open(t *testing.T, dir string) *pebblestore.Store {
	t.Helper()
	s, err := pebblestore.Open(dir, zap.NewNop())
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return open(t, t.TempDir()) })
}

func TestReopen(t *testing.T) {
	dir := t.TempDir()
	storetest.RunReopen(t,
		func(t *testing.T) store.Store { return open(t, dir) },
		func(t *testing.T, old store.Store) store.Store { return open(t, dir) })
}

func TestOpenLockedDir(t *testing.T) {
	dir := t.TempDir()
	first, err := pebblestore.Open(dir, nil)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	second, err := pebblestore.Open(dir, nil)
	if err == nil {
		_ = second.Close()
		_ = first.Close()
		t.Fatal("second Open of a held dir succeeded")
	}
	if msg := err.Error(); !strings.Contains(msg, dir) || !strings.Contains(msg, "in use by another open store") {
		t.Errorf("second Open error = %q; want it to name the dir and say it is in use", msg)
	}
	// The failed Open must not have disturbed the first store.
	ctx := context.Background()
	if err := first.Put(ctx, "k", []byte("v")); err != nil {
		t.Fatalf("Put on first store: %v", err)
	}
	if err := first.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	// Once released, the dir opens again with the data.
	s := open(t, dir)
	if got, err := s.Get(ctx, "k"); err != nil || string(got) != "v" {
		t.Fatalf("Get after reopen = %q, %v", got, err)
	}
}

func TestOpenBadDir(t *testing.T) {
	file := t.TempDir() + "/file"
	if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	if s, err := pebblestore.Open(file, nil); err == nil {
		_ = s.Close()
		t.Fatal("Open on a regular file succeeded")
	} else if !strings.Contains(err.Error(), file) {
		t.Errorf("error %q does not name the path", err)
	}
}

func TestClosedStore(t *testing.T) {
	s, err := pebblestore.Open(t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
	ctx := context.Background()
	check := func(op string, err error) {
		t.Helper()
		if !errors.Is(err, pebblestore.ErrClosed) {
			t.Errorf("%s on closed store: error = %v, want ErrClosed", op, err)
		}
	}
	_, err = s.Get(ctx, "k")
	check("Get", err)
	check("Put", s.Put(ctx, "k", nil))
	_, _, err = s.PutVersioned(ctx, "k", 1, nil)
	check("PutVersioned", err)
	_, err = s.AcquireLease(ctx, "k", "a", time.Second)
	check("AcquireLease", err)
	check("IndexAdd", s.IndexAdd(ctx, "i", "m", 1))
	_, err = s.IndexRange(ctx, "i", 0, 0)
	check("IndexRange", err)
	check("Delete", s.Delete(ctx, "k"))
	check("Ping", s.Ping(ctx))
}

// TestFullScoreRange: unlike Redis, Pebble stores every int64 score exactly.
func TestFullScoreRange(t *testing.T) {
	s := open(t, t.TempDir())
	ctx := context.Background()
	for _, e := range []store.Entry{{Member: "max", Score: math.MaxInt64}, {Member: "min", Score: math.MinInt64}, {Member: "big", Score: 1<<53 + 1}} {
		if err := s.IndexAdd(ctx, "i", e.Member, e.Score); err != nil {
			t.Fatalf("IndexAdd(%v): %v", e, err)
		}
	}
	got, err := s.IndexRange(ctx, "i", math.MaxInt64, 0)
	want := fmt.Sprint([]store.Entry{{Member: "min", Score: math.MinInt64}, {Member: "big", Score: 1<<53 + 1}, {Member: "max", Score: math.MaxInt64}})
	if err != nil || fmt.Sprint(got) != want {
		t.Fatalf("IndexRange = %v, %v; want %v", got, err, want)
	}
	got, err = s.IndexRange(ctx, "i", math.MaxInt64-1, 0)
	if err != nil || len(got) != 2 {
		t.Fatalf("IndexRange(MaxInt64-1) = %v, %v; want 2 entries", got, err)
	}
	got, err = s.IndexRange(ctx, "i", math.MinInt64, 0)
	if err != nil || len(got) != 1 || got[0].Member != "min" {
		t.Fatalf("IndexRange(MinInt64) = %v, %v; want [min]", got, err)
	}
}

func TestIndexNameWithNUL(t *testing.T) {
	s := open(t, t.TempDir())
	ctx := context.Background()
	if err := s.IndexAdd(ctx, "a\x00b", "m", 1); err == nil {
		t.Error("IndexAdd with a NUL in the index name succeeded")
	}
	if _, err := s.IndexRange(ctx, "a\x00b", 1, 0); err == nil {
		t.Error("IndexRange with a NUL in the index name succeeded")
	}
	if err := s.IndexRemove(ctx, "a\x00b", "m"); err == nil {
		t.Error("IndexRemove with a NUL in the index name succeeded")
	}
	// Plain keys may hold NULs; Delete of such a key leaves indexes alone.
	if err := s.IndexAdd(ctx, "a", "m", 1); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(ctx, "a\x00"); err != nil {
		t.Fatal(err)
	}
	if got, err := s.IndexRange(ctx, "a", 1, 0); err != nil || len(got) != 1 {
		t.Fatalf("IndexRange(a) = %v, %v; want [m]", got, err)
	}
}

// TestPebbleLogsAtDebug checks Pebble's messages reach zap at debug level only.
func TestPebbleLogsAtDebug(t *testing.T) {
	core, logs := observer.New(zapcore.DebugLevel)
	dir := t.TempDir()
	for range 2 { // the second open replays the first one's WAL
		s, err := pebblestore.Open(dir, zap.New(core))
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Put(context.Background(), "k", []byte("v")); err != nil {
			t.Fatal(err)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if logs.Len() == 0 {
		t.Fatal("no Pebble log messages reached zap")
	}
	for _, e := range logs.All() {
		if e.Level != zapcore.DebugLevel {
			t.Errorf("Pebble message logged at %v: %q", e.Level, e.Message)
		}
	}
}

// TestSurvivesCrash writes from a child process that exits without closing
// the store, as a crash would, and checks every acknowledged write is there.
func TestSurvivesCrash(t *testing.T) {
	if dir := os.Getenv("PEBBLESTORE_CRASH_DIR"); dir != "" {
		crashChild(dir)
		return
	}
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestSurvivesCrash$", "-test.count=1")
	cmd.Env = append(os.Environ(), "PEBBLESTORE_CRASH_DIR="+dir)
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 7 {
		t.Fatalf("child: %v, want exit status 7\n%s", err, out)
	}
	s := open(t, dir)
	ctx := context.Background()
	for i := range 100 {
		got, err := s.Get(ctx, fmt.Sprint("k", i))
		if err != nil || string(got) != fmt.Sprint("v", i) {
			t.Fatalf("Get(k%d) after crash = %q, %v", i, got, err)
		}
	}
	if v, data, err := s.GetVersioned(ctx, "ver"); err != nil || v != 100 || string(data) != "last" {
		t.Fatalf("GetVersioned after crash = %d, %q, %v", v, data, err)
	}
	if got, err := s.IndexRange(ctx, "idx", math.MaxInt64, 0); err != nil || len(got) != 100 {
		t.Fatalf("IndexRange after crash: %d entries, %v; want 100", len(got), err)
	}
}

func crashChild(dir string) {
	s, err := pebblestore.Open(dir, nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	ctx := context.Background()
	for i := range 100 {
		err := errors.Join(
			s.Put(ctx, fmt.Sprint("k", i), []byte(fmt.Sprint("v", i))),
			s.IndexAdd(ctx, "idx", fmt.Sprint("m", i), int64(i)),
		)
		if _, _, perr := s.PutVersioned(ctx, "ver", uint64(i+1), []byte("last")); perr != nil {
			err = errors.Join(err, perr)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	os.Exit(7) // no Close: simulate a crash right after the last acknowledged write
}
