// Package anviltest runs private anvil (Foundry's local Ethereum node)
// processes for tests, so the tower is exercised against a node that is not
// go-ethereum and words its errors differently.
//
// Anvil comes from the npm registry (package @foundry-rs/anvil-OS-ARCH at a
// pinned version) and is installed once into the user cache directory; later
// runs reuse it. Set WATCHTOWER_ANVIL to the path of an anvil binary to use
// that one instead. If anvil cannot be installed the test fails, saying why:
// it is never skipped silently.
package anviltest

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"fmt"
	"net"
	"os"
	"os/exec"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/watchtower-l2/watchtower/internal/anvil"
)

// Version is the anvil release the tests pin.
const Version = anvil.Version

const (
	startTimeout = 60 * time.Second
	portAttempts = 5
	// ChainID is anvil's default chain id.
	ChainID = anvil.ChainID
)

// Node is a running anvil process.
type Node struct {
	// URL is its HTTP JSON-RPC endpoint (anvil answers websocket on the same port).
	URL string
	// WSURL is the websocket form of URL.
	WSURL string
	// Client is connected to URL and closed when the test ends. It keeps
	// working across Restart (each HTTP call dials anew).
	Client *ethclient.Client
	// RPC is the raw client behind Client, for anvil_* and evm_* methods.
	RPC *rpc.Client

	bin  string
	port int
	args []string
	out  *syncBuffer

	mu     sync.Mutex
	cmd    *exec.Cmd
	exited chan struct{}
}

// Options configure StartWith.
type Options struct {
	// Args are added to anvil's command line (for example "--no-mining").
	Args []string
	// StateFile, when set, makes anvil load its chain from this file at start
	// and dump it there (with historical states) when it stops, so Restart
	// brings back the same chain: blocks, receipts, logs and balances.
	StateFile string
}

// Key returns the private key of anvil's i-th funded default account (i < 10).
func (n *Node) Key(t testing.TB, i int) *ecdsa.PrivateKey {
	t.Helper()
	k, err := crypto.HexToECDSA(anvil.DevKeys[i])
	if err != nil {
		t.Fatalf("anviltest: dev key %d: %v", i, err)
	}
	return k
}

// Mine asks anvil to mine one block now (evm_mine).
func (n *Node) Mine(t testing.TB) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := n.RPC.CallContext(ctx, nil, "evm_mine"); err != nil {
		t.Fatalf("anviltest: evm_mine: %v", err)
	}
}

// Output returns what anvil has printed so far (all its runs), for failure messages.
func (n *Node) Output() string { return n.out.String() }

// Start installs anvil if needed and starts it on a free 127.0.0.1 port with
// args added to its command line (for example "--no-mining"). It returns once
// the node answers eth_chainId; the process is killed when the test ends.
func Start(t testing.TB, args ...string) *Node {
	t.Helper()
	return StartWith(t, Options{Args: args})
}

// StartWith is Start with options.
func StartWith(t testing.TB, o Options) *Node {
	t.Helper()
	bin := Binary(t)
	args := append([]string(nil), o.Args...)
	if o.StateFile != "" {
		args = append(args, "--state", o.StateFile, "--preserve-historical-states")
	}
	var lastErr error
	for range portAttempts {
		port, err := freePort()
		if err != nil {
			lastErr = err
			continue
		}
		n := &Node{URL: fmt.Sprintf("http://127.0.0.1:%d", port), WSURL: fmt.Sprintf("ws://127.0.0.1:%d", port),
			bin: bin, port: port, args: args, out: &syncBuffer{}}
		rc, err := rpc.Dial(n.URL)
		if err != nil {
			t.Fatalf("anviltest: dial %s: %v", n.URL, err)
		}
		n.RPC, n.Client = rc, ethclient.NewClient(rc)
		if err := n.launch(); err != nil {
			rc.Close()
			lastErr = err
			continue
		}
		t.Cleanup(func() {
			n.Client.Close()
			n.kill()
		})
		return n
	}
	t.Fatalf("anviltest: %v", lastErr)
	return nil
}

// Restart stops anvil gracefully (SIGINT, so a StateFile is dumped), waits
// for it to exit and starts it again on the same port with the same
// arguments, returning once it answers eth_chainId.
func (n *Node) Restart(t testing.TB) {
	t.Helper()
	n.mu.Lock()
	cmd, exited := n.cmd, n.exited
	n.mu.Unlock()
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatalf("anviltest: interrupt anvil on %s: %v", n.URL, err)
	}
	select {
	case <-exited:
	case <-time.After(startTimeout):
		t.Fatalf("anviltest: anvil on %s did not exit within %s of SIGINT\nanvil output:\n%s", n.URL, startTimeout, n.out.String())
	}
	// The port was anvil's a moment ago; a new listener may need a few tries.
	deadline := time.Now().Add(startTimeout)
	for {
		err := n.launch()
		if err == nil {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("anviltest: restart on %s: %v", n.URL, err)
		}
	}
}

// launch starts anvil on n.port and waits until it answers.
func (n *Node) launch() error {
	full := append([]string{"--host", "127.0.0.1", "--port", strconv.Itoa(n.port)}, n.args...)
	cmd := exec.Command(n.bin, full...)
	cmd.Stdout, cmd.Stderr = n.out, n.out
	cmd.SysProcAttr = sysProcAttr()
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start %s: %w", n.bin, err)
	}
	exited := make(chan struct{})
	go func() { _ = cmd.Wait(); close(exited) }()
	n.mu.Lock()
	n.cmd, n.exited = cmd, exited
	n.mu.Unlock()
	if err := n.waitReady(exited); err != nil {
		n.kill()
		return fmt.Errorf("%w\nanvil output:\n%s", err, n.out.String())
	}
	return nil
}

// kill ends the current anvil process, if any, and waits for it.
func (n *Node) kill() {
	n.mu.Lock()
	cmd, exited := n.cmd, n.exited
	n.mu.Unlock()
	if cmd == nil {
		return
	}
	_ = cmd.Process.Kill()
	<-exited
}

// waitReady polls eth_chainId until anvil answers, it exits, or startTimeout passes.
func (n *Node) waitReady(exited <-chan struct{}) error {
	deadline := time.Now().Add(startTimeout)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		id, err := n.Client.ChainID(ctx)
		cancel()
		if err == nil && id.Uint64() == ChainID {
			return nil
		}
		select {
		case <-exited:
			return fmt.Errorf("anvil on %s exited before answering eth_chainId", n.URL)
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("anvil on %s did not answer eth_chainId within %s (last: %v, %v)", n.URL, startTimeout, id, err)
		}
	}
}

// Binary returns the path of the pinned anvil binary (see anvil.Binary),
// installing it from npm into the user cache directory on first use. It
// fails the test if it cannot.
func Binary(t testing.TB) string {
	t.Helper()
	bin, err := anvil.Binary()
	if err != nil {
		t.Fatalf("anviltest: %v", err)
	}
	return bin
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("pick a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// syncBuffer collects the process output for failure messages.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
