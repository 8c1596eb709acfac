//go:build linux

package e2e

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// Deadlines are generous: CI runs on a loaded 2-core machine, and every wait
// ends as soon as its condition holds, so a long deadline costs nothing when
// things work.
const (
	buildTimeout = 5 * time.Minute
	waitTimeout  = 3 * time.Minute
	cliTimeout   = 2 * time.Minute
	stopTimeout  = time.Minute
	pollEvery    = 200 * time.Millisecond
	logTailLines = 40
)

// buildTower compiles ./cmd/watchtower from the module root into dir and
// returns the binary's path.
func buildTower(t *testing.T, dir string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), buildTimeout)
	defer cancel()
	out, err := exec.CommandContext(ctx, "go", "env", "GOMOD").Output()
	gomod := strings.TrimSpace(string(out))
	if err != nil || gomod == "" || gomod == os.DevNull {
		t.Fatalf("find the module root (go env GOMOD = %q): %v", gomod, err)
	}
	bin := filepath.Join(dir, "watchtower")
	cmd := exec.CommandContext(ctx, "go", "build", "-o", bin, "./cmd/watchtower")
	cmd.Dir = filepath.Dir(gomod)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/watchtower: %v\n%s", err, out)
	}
	return bin
}

// proc is a watchtower subprocess whose stderr (its log) and stdout go to files.
type proc struct {
	name string
	log  string
	out  string
	cmd  *exec.Cmd
	done chan struct{}

	mu   sync.Mutex
	err  error
	exit bool
}

// startProc runs bin with args, its stderr in <dir>/<name>.log and its
// stdout in <dir>/<name>.out. It is killed (and waited for) when the test ends.
func startProc(t *testing.T, dir, name, bin string, args ...string) *proc {
	t.Helper()
	p := &proc{name: name, log: filepath.Join(dir, name+".log"), out: filepath.Join(dir, name+".out"), done: make(chan struct{})}
	logf, err := os.Create(p.log)
	if err != nil {
		t.Fatalf("%s: create log: %v", name, err)
	}
	outf, err := os.Create(p.out)
	if err != nil {
		logf.Close()
		t.Fatalf("%s: create stdout file: %v", name, err)
	}
	p.cmd = exec.Command(bin, args...)
	p.cmd.Stdout, p.cmd.Stderr = outf, logf
	p.cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	if err := p.cmd.Start(); err != nil {
		logf.Close()
		outf.Close()
		t.Fatalf("%s: start %s: %v", name, bin, err)
	}
	go func() {
		err := p.cmd.Wait()
		logf.Close()
		outf.Close()
		p.mu.Lock()
		p.err, p.exit = err, true
		p.mu.Unlock()
		close(p.done)
	}()
	t.Cleanup(func() {
		_ = p.cmd.Process.Kill()
		<-p.done
	})
	return p
}

// exited reports whether the process has ended, and how.
func (p *proc) exited() (bool, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.exit, p.err
}

// stop asks the process to stop (SIGTERM) and waits for it, failing the
// test if it does not stop or exits non-zero.
func (p *proc) stop(t *testing.T) {
	t.Helper()
	if done, _ := p.exited(); done {
		return
	}
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.done:
	case <-time.After(stopTimeout):
		t.Errorf("%s did not stop within %s of SIGTERM\n%s", p.name, stopTimeout, p.tail())
		return
	}
	if _, err := p.exited(); err != nil {
		t.Errorf("%s exited with %v after SIGTERM\n%s", p.name, err, p.tail())
	}
}

// tail returns the last lines of the process's log and stdout.
func (p *proc) tail() string {
	return tailFile(p.name+" stderr", p.log) + "\n" + tailFile(p.name+" stdout", p.out)
}

// tailFile returns the last logTailLines lines of file, headed by what.
func tailFile(what, file string) string {
	b, err := os.ReadFile(file)
	if err != nil {
		return fmt.Sprintf("(%s: %v)", file, err)
	}
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(lines) > logTailLines {
		lines = lines[len(lines)-logTailLines:]
	}
	return fmt.Sprintf("--- last lines of %s (%s) ---\n%s", what, file, strings.Join(lines, "\n"))
}

// runCLI runs bin with args to completion and returns its exit code, stdout
// and stderr. A run that does not end within cliTimeout fails the test.
func runCLI(t *testing.T, bin string, args ...string) (int, string, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), cliTimeout)
	defer cancel()
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("watchtower %s did not end within %s\nstdout: %s\nstderr: %s", strings.Join(args, " "), cliTimeout, stdout.String(), stderr.String())
	}
	code := 0
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			t.Fatalf("watchtower %s: %v", strings.Join(args, " "), err)
		}
		code = ee.ExitCode()
	}
	return code, stdout.String(), stderr.String()
}

// waiter polls conditions, calling tick (for example mining a block) before
// each check, and fails the test with what was awaited, the last reason the
// condition gave and the tails of the logs when its deadline passes.
type waiter struct {
	t     *testing.T
	tick  func() error
	procs []*proc
	extra func() string
	// timeout bounds each wait (0: waitTimeout).
	timeout time.Duration
}

// until waits for cond, which returns whether it holds and, if not, why.
// A watched process exiting ends the wait at once.
func (w *waiter) until(what string, cond func() (bool, string)) {
	w.t.Helper()
	limit := waitTimeout
	if w.timeout > 0 {
		limit = w.timeout
	}
	deadline := time.Now().Add(limit)
	var why string
	for {
		if w.tick != nil {
			if err := w.tick(); err != nil {
				why = fmt.Sprintf("tick: %v", err)
			}
		}
		ok, reason := cond()
		if ok {
			return
		}
		if reason != "" {
			why = reason
		}
		for _, p := range w.procs {
			if done, err := p.exited(); done {
				w.fail(fmt.Sprintf("while waiting for %s, %s exited (%v)", what, p.name, err), why)
			}
		}
		if time.Now().After(deadline) {
			w.fail(fmt.Sprintf("%s did not happen within %s", what, limit), why)
		}
		time.Sleep(pollEvery) // pacing between polls of state, not a wait for an outcome
	}
}

func (w *waiter) fail(msg, why string) {
	w.t.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "%s (last: %s)\n", msg, why)
	for _, p := range w.procs {
		b.WriteString(p.tail())
		b.WriteString("\n")
	}
	if w.extra != nil {
		b.WriteString(w.extra())
	}
	w.t.Fatal(b.String())
}

// httpStatus GETs url and returns its status code and body.
func httpStatus(url string) (int, string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return 0, "", err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	return resp.StatusCode, string(b), err
}

// freeAddr returns a 127.0.0.1 address with a port free at the time of the call.
func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("pick a free port: %v", err)
	}
	defer l.Close()
	return l.Addr().String()
}

// writeSecret writes body to dir/name with mode 0600, as run requires.
func writeSecret(t *testing.T, dir, name, body string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(body+"\n"), 0o600); err != nil {
		t.Fatalf("write %s: %v", p, err)
	}
	return p
}
