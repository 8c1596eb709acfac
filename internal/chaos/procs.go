package chaos

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"
)

// stopWait bounds how long a killed process may take to be reaped.
const stopWait = 30 * time.Second

// Procs starts the harness's child processes, each in its own process group
// with its output in a log file, and kills every one of them on Close.
type Procs struct {
	dir string

	mu    sync.Mutex
	procs []*Proc
}

// NewProcs keeps the processes' logs in dir.
func NewProcs(dir string) *Procs { return &Procs{dir: dir} }

// Proc is one restartable child process: the same command line each start.
type Proc struct {
	name string
	bin  string
	args []string
	log  string

	mu     sync.Mutex
	cmd    *exec.Cmd
	exited chan struct{}
	starts int
}

// Add registers a process (not started) named name running bin with args;
// its stdout and stderr are appended to <dir>/<name>.log.
func (ps *Procs) Add(name, bin string, args ...string) *Proc {
	p := &Proc{name: name, bin: bin, args: args, log: filepath.Join(ps.dir, name+".log")}
	ps.mu.Lock()
	ps.procs = append(ps.procs, p)
	ps.mu.Unlock()
	return p
}

// Close SIGKILLs every process group still running and waits for them.
func (ps *Procs) Close() {
	ps.mu.Lock()
	procs := append([]*Proc(nil), ps.procs...)
	ps.mu.Unlock()
	for _, p := range procs {
		p.Kill()
	}
}

// Name is the process's name in logs and reports.
func (p *Proc) Name() string { return p.name }

// Log is the path of its log file.
func (p *Proc) Log() string { return p.log }

// Start starts the process unless it is running.
func (p *Proc) Start() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.cmd != nil {
		return nil
	}
	f, err := os.OpenFile(p.log, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return fmt.Errorf("chaos: %s: open log: %w", p.name, err)
	}
	fmt.Fprintf(f, "==== chaos: start %d at %s: %s %s\n", p.starts+1, time.Now().UTC().Format(time.RFC3339Nano), p.bin, strings.Join(p.args, " "))
	cmd := exec.Command(p.bin, p.args...)
	cmd.Stdout, cmd.Stderr = f, f
	cmd.SysProcAttr = sysProcAttr()
	if err := cmd.Start(); err != nil {
		f.Close()
		return fmt.Errorf("chaos: start %s (%s): %w", p.name, p.bin, err)
	}
	exited := make(chan struct{})
	go func() {
		_ = cmd.Wait()
		f.Close()
		close(exited)
	}()
	p.cmd, p.exited = cmd, exited
	p.starts++
	return nil
}

// Exited returns a channel closed when the current run of the process ends
// (nil when it is not started).
func (p *Proc) Exited() <-chan struct{} {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.exited
}

// Running reports whether the process is started and has not exited.
func (p *Proc) Running() bool {
	p.mu.Lock()
	exited := p.exited
	p.mu.Unlock()
	if exited == nil {
		return false
	}
	select {
	case <-exited:
		return false
	default:
		return true
	}
}

// Kill SIGKILLs the process's group (a crash, no clean shutdown) and waits
// until it is reaped. Killing a stopped process does nothing.
func (p *Proc) Kill() {
	p.mu.Lock()
	cmd, exited := p.cmd, p.exited
	p.cmd, p.exited = nil, nil
	p.mu.Unlock()
	if cmd == nil {
		return
	}
	_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	_ = cmd.Process.Kill()
	select {
	case <-exited:
	case <-time.After(stopWait):
	}
}

// Tail returns the last n lines of the process's log.
func (p *Proc) Tail(n int) string {
	b, err := os.ReadFile(p.log)
	if err != nil {
		return fmt.Sprintf("(%s: %v)", p.log, err)
	}
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return fmt.Sprintf("--- last lines of %s ---\n%s", p.log, strings.Join(lines, "\n"))
}

// freePorts returns n distinct free ports.
func freePorts(n int) ([]int, error) {
	var ls []net.Listener
	defer func() {
		for _, l := range ls {
			l.Close()
		}
	}()
	out := make([]int, 0, n)
	for range n {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return nil, fmt.Errorf("chaos: pick a free port: %w", err)
		}
		ls = append(ls, l)
		out = append(out, l.Addr().(*net.TCPAddr).Port)
	}
	return out, nil
}
