// Package redistest runs private redis-server processes for tests.
//
// Each server listens on a free 127.0.0.1 port, keeps its files in a test temp
// dir and is killed in t.Cleanup. The redis-server binary is taken from PATH.
package redistest

import (
	"bufio"
	"bytes"
	"crypto/tls"
	"fmt"
	"io"
	"net"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

const (
	startTimeout = 15 * time.Second
	portAttempts = 5
)

// Start starts a non-persistent redis-server (no RDB snapshots, no AOF) and
// returns its URL, redis://127.0.0.1:PORT/0. The server is killed when the test ends.
func Start(t testing.TB) string {
	t.Helper()
	s := newServer(t, "--save", "", "--appendonly", "no")
	s.startFreePort()
	return s.URL()
}

// StartPersistent starts a redis-server that appends every write to an AOF in
// a test temp dir (appendfsync always), so Stop and Start simulate a crash and
// restart that keeps the data. The server is killed when the test ends.
func StartPersistent(t testing.TB) *Server {
	t.Helper()
	s := newServer(t, "--save", "", "--appendonly", "yes", "--appendfsync", "always")
	s.startFreePort()
	return s
}

// StartCluster starts a single-node Redis Cluster owning all 16384 slots and
// returns its URL, redis+cluster://127.0.0.1:PORT. The server is killed when
// the test ends.
func StartCluster(t testing.TB) string {
	t.Helper()
	s := newServer(t, "--save", "", "--appendonly", "no",
		"--cluster-enabled", "yes", "--cluster-announce-ip", "127.0.0.1")
	s.args = append(s.args, "--cluster-config-file", filepath.Join(s.dir, "nodes.conf"))
	s.startFreePort()
	s.formCluster()
	return "redis+cluster://" + s.Addr()
}

// formCluster gives the single node every slot and waits until the cluster
// reports itself ok.
func (s *Server) formCluster() {
	s.t.Helper()
	if reply, err := s.Command("CLUSTER ADDSLOTSRANGE 0 16383"); err != nil || reply != "+OK" {
		s.t.Fatalf("redistest: assign cluster slots on %s: reply %q, error %v\n%s", s.Addr(), reply, err, s.output())
	}
	deadline := time.Now().Add(startTimeout)
	for {
		info, err := s.Command("CLUSTER INFO")
		if err == nil && strings.Contains(info, "cluster_state:ok") {
			return
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("redistest: cluster on %s not ready: %q, %v\n%s", s.Addr(), info, err, s.output())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// Server is a private redis-server whose process can be stopped and restarted
// on the same port and data dir. Its methods must be called from the test's
// goroutine (they call t.Fatalf).
type Server struct {
	t    testing.TB
	bin  string
	dir  string
	args []string
	port int
	out  *syncBuffer
	// probe, when set, is the client TLS of a TLS-only server (see StartTLS);
	// auth is the user and password that readiness checks log in with.
	probe *tls.Config
	auth  []string
	// lead, when set, goes before every other argument (a config file and
	// --sentinel for a sentinel).
	lead []string

	mu     sync.Mutex
	cmd    *exec.Cmd
	exited chan struct{} // closed when cmd has been waited for
}

func newServer(t testing.TB, args ...string) *Server {
	t.Helper()
	bin, err := exec.LookPath("redis-server")
	if err != nil {
		t.Fatalf("redistest: redis-server not found in PATH (%v); run `make deps` or `apt-get install redis-server`", err)
	}
	s := &Server{t: t, bin: bin, dir: t.TempDir(), args: args, out: &syncBuffer{}}
	t.Cleanup(s.kill)
	return s
}

// URL returns redis://127.0.0.1:PORT/0, or rediss:// for a TLS server.
func (s *Server) URL() string {
	if s.probe != nil {
		return "rediss://" + s.Addr() + "/0"
	}
	return "redis://" + s.Addr() + "/0"
}

// Addr returns 127.0.0.1:PORT.
func (s *Server) Addr() string { return net.JoinHostPort("127.0.0.1", strconv.Itoa(s.port)) }

// Dir returns the server's data directory.
func (s *Server) Dir() string { return s.dir }

// Stop kills the server with SIGKILL, as a crash would, and waits for it to exit.
func (s *Server) Stop() {
	s.t.Helper()
	s.mu.Lock()
	running := s.cmd != nil
	s.mu.Unlock()
	if !running {
		s.t.Fatalf("redistest: Stop: server on %s is not running", s.Addr())
	}
	s.kill()
}

// Start restarts a stopped server on the same port and data dir and waits
// until it answers PING (after loading its data).
func (s *Server) Start() {
	s.t.Helper()
	s.mu.Lock()
	running := s.cmd != nil
	s.mu.Unlock()
	if running {
		s.t.Fatalf("redistest: Start: server on %s is already running", s.Addr())
	}
	if err := s.launch(); err != nil {
		s.t.Fatalf("redistest: restart redis-server on %s: %v\n%s", s.Addr(), err, s.output())
	}
}

// startFreePort launches the server on a free port, retrying when another
// process takes the port between choosing it and redis binding it.
func (s *Server) startFreePort() {
	s.t.Helper()
	var err error
	for range portAttempts {
		if s.port, err = freePort(); err != nil {
			s.t.Fatalf("redistest: find a free port: %v", err)
		}
		if err = s.launch(); err == nil {
			return
		}
	}
	s.t.Fatalf("redistest: start redis-server: %v\n%s", err, s.output())
}

// launch starts the process and waits until it answers PING. On failure the
// process is killed and the error returned.
func (s *Server) launch() error {
	ports := []string{"--port", strconv.Itoa(s.port)}
	if s.probe != nil {
		ports = []string{"--port", "0", "--tls-port", strconv.Itoa(s.port)}
	}
	args := append(append(append(append([]string{}, s.lead...), ports...),
		"--bind", "127.0.0.1",
		"--dir", s.dir,
		"--daemonize", "no",
		"--logfile", "",
		"--databases", "1"),
		s.args...)
	cmd := exec.Command(s.bin, args...)
	cmd.Dir = s.dir
	cmd.Stdout = s.out
	cmd.Stderr = s.out
	cmd.SysProcAttr = sysProcAttr()
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("exec %s: %w", s.bin, err)
	}
	exited := make(chan struct{})
	go func() {
		_ = cmd.Wait()
		close(exited)
	}()
	s.mu.Lock()
	s.cmd, s.exited = cmd, exited
	s.mu.Unlock()

	deadline := time.Now().Add(startTimeout)
	for {
		reply, err := s.Command("PING")
		if err == nil && reply == "+PONG" {
			return nil
		}
		select {
		case <-exited:
			s.kill()
			return fmt.Errorf("redis-server on port %d exited during startup (%s)", s.port, cmd.ProcessState)
		default:
		}
		if time.Now().After(deadline) {
			s.kill()
			return fmt.Errorf("redis-server on port %d did not answer PING within %v (last reply %q, error %v)",
				s.port, startTimeout, reply, err)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// kill stops the process, if any, and waits for it.
func (s *Server) kill() {
	s.mu.Lock()
	cmd, exited := s.cmd, s.exited
	s.cmd, s.exited = nil, nil
	s.mu.Unlock()
	if cmd == nil {
		return
	}
	_ = cmd.Process.Kill()
	<-exited
}

func (s *Server) output() string {
	const max = 4 << 10
	out := s.out.String()
	if len(out) > max {
		out = "..." + out[len(out)-max:]
	}
	return "redis-server output:\n" + out
}

// freePort asks the kernel for a free TCP port on 127.0.0.1.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// Command sends one inline command (over TLS and logged in as the server's
// user, if it has them) and returns the reply's first line, or for a bulk
// string its contents.
func (s *Server) Command(cmd string) (string, error) {
	if s.probe == nil && s.auth == nil {
		return command(s.Addr(), cmd)
	}
	d := &net.Dialer{Timeout: time.Second}
	var conn net.Conn
	var err error
	if s.probe != nil {
		conn, err = tls.DialWithDialer(d, "tcp", s.Addr(), s.probe)
	} else {
		conn, err = d.Dial("tcp", s.Addr())
	}
	if err != nil {
		return "", err
	}
	defer conn.Close()
	if err := conn.SetDeadline(time.Now().Add(2 * time.Second)); err != nil {
		return "", err
	}
	r := bufio.NewReader(conn)
	if s.auth != nil {
		// Arguments as a RESP array: passwords may hold spaces.
		if _, err := fmt.Fprintf(conn, "*3\r\n$4\r\nAUTH\r\n$%d\r\n%s\r\n$%d\r\n%s\r\n",
			len(s.auth[0]), s.auth[0], len(s.auth[1]), s.auth[1]); err != nil {
			return "", err
		}
		if line, err := r.ReadString('\n'); err != nil {
			return "", err
		} else if !strings.HasPrefix(line, "+OK") {
			return strings.TrimSpace(line), fmt.Errorf("AUTH refused: %s", strings.TrimSpace(line))
		}
	}
	return roundTrip(conn, r, cmd)
}

// command sends one inline command to addr and returns the reply's first
// line, or for a bulk string its contents.
func command(addr, cmd string) (string, error) {
	conn, err := net.DialTimeout("tcp", addr, time.Second)
	if err != nil {
		return "", err
	}
	defer conn.Close()
	if err := conn.SetDeadline(time.Now().Add(2 * time.Second)); err != nil {
		return "", err
	}
	return roundTrip(conn, bufio.NewReader(conn), cmd)
}

func roundTrip(conn net.Conn, r *bufio.Reader, cmd string) (string, error) {
	if _, err := io.WriteString(conn, cmd+"\r\n"); err != nil {
		return "", err
	}
	line, err := r.ReadString('\n')
	if err != nil {
		return "", err
	}
	line = strings.TrimRight(line, "\r\n")
	if !strings.HasPrefix(line, "$") {
		return line, nil
	}
	n, err := strconv.Atoi(line[1:])
	if err != nil || n < 0 {
		return line, nil
	}
	body := make([]byte, n+2)
	if _, err := io.ReadFull(r, body); err != nil {
		return "", err
	}
	return string(body[:n]), nil
}

// syncBuffer is a bytes.Buffer safe for the process's concurrent writes.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
