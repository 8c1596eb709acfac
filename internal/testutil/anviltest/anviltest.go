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
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"
)

// Version is the anvil release the tests pin.
const Version = "1.7.1"

const (
	installTimeout = 5 * time.Minute
	startTimeout   = 60 * time.Second
	portAttempts   = 5
	// ChainID is anvil's default chain id.
	ChainID = 31337
)

// devKeys are the private keys of anvil's first default accounts (the
// well-known "test test ... junk" mnemonic), each funded with 10,000 ETH.
var devKeys = []string{
	"ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
	"59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
	"5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
}

// Node is a running anvil process.
type Node struct {
	// URL is its HTTP JSON-RPC endpoint (anvil answers websocket on the same port).
	URL string
	// Client is connected to URL and closed when the test ends.
	Client *ethclient.Client
	// RPC is the raw client behind Client, for anvil_* and evm_* methods.
	RPC *rpc.Client

	cmd *exec.Cmd
	out *syncBuffer
}

// Key returns the private key of anvil's i-th funded default account (i < 3).
func (n *Node) Key(t testing.TB, i int) *ecdsa.PrivateKey {
	t.Helper()
	k, err := crypto.HexToECDSA(devKeys[i])
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

// Start installs anvil if needed and starts it on a free 127.0.0.1 port with
// args added to its command line (for example "--no-mining"). It returns once
// the node answers eth_chainId; the process is killed when the test ends.
func Start(t testing.TB, args ...string) *Node {
	t.Helper()
	bin := Binary(t)
	var lastErr error
	for range portAttempts {
		n, err := start(t, bin, args)
		if err == nil {
			return n
		}
		lastErr = err
	}
	t.Fatalf("anviltest: %v", lastErr)
	return nil
}

func start(t testing.TB, bin string, args []string) (*Node, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	full := append([]string{"--host", "127.0.0.1", "--port", strconv.Itoa(port)}, args...)
	n := &Node{URL: fmt.Sprintf("http://127.0.0.1:%d", port), out: &syncBuffer{}}
	n.cmd = exec.Command(bin, full...)
	n.cmd.Stdout, n.cmd.Stderr = n.out, n.out
	n.cmd.SysProcAttr = sysProcAttr()
	if err := n.cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", bin, err)
	}
	exited := make(chan struct{})
	go func() { _ = n.cmd.Wait(); close(exited) }()
	stop := func() {
		_ = n.cmd.Process.Kill()
		<-exited
	}
	if err := n.waitReady(exited); err != nil {
		stop()
		return nil, fmt.Errorf("%w\nanvil output:\n%s", err, n.out.String())
	}
	t.Cleanup(func() {
		n.Client.Close()
		stop()
	})
	return n, nil
}

// waitReady polls eth_chainId until anvil answers, it exits, or startTimeout passes.
func (n *Node) waitReady(exited <-chan struct{}) error {
	rc, err := rpc.Dial(n.URL)
	if err != nil {
		return fmt.Errorf("dial %s: %w", n.URL, err)
	}
	deadline := time.Now().Add(startTimeout)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		id, err := ethclient.NewClient(rc).ChainID(ctx)
		cancel()
		if err == nil && id.Uint64() == ChainID {
			n.RPC, n.Client = rc, ethclient.NewClient(rc)
			return nil
		}
		select {
		case <-exited:
			rc.Close()
			return fmt.Errorf("anvil on %s exited before answering eth_chainId", n.URL)
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			rc.Close()
			return fmt.Errorf("anvil on %s did not answer eth_chainId within %s (last: %v, %v)", n.URL, startTimeout, id, err)
		}
	}
}

// Binary returns the path of the pinned anvil binary, installing it from npm
// into the user cache directory on first use. It fails the test if it cannot.
func Binary(t testing.TB) string {
	t.Helper()
	if p := os.Getenv("WATCHTOWER_ANVIL"); p != "" {
		return p
	}
	bin, err := install()
	if err != nil {
		t.Fatalf("anviltest: anvil %s is needed by this test and could not be installed "+
			"(npm and the npm registry must be reachable, or set WATCHTOWER_ANVIL to an anvil binary): %v", Version, err)
	}
	return bin
}

// install puts the npm package into <cache>/watchtower-test/anvil-<Version>
// unless it is there already. Concurrent installs (parallel test binaries)
// each work in a temporary directory and rename it into place; the first
// rename wins and the others use its result.
func install() (string, error) {
	cache, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("user cache dir: %w", err)
	}
	parent := filepath.Join(cache, "watchtower-test")
	dir := filepath.Join(parent, "anvil-"+Version)
	pkg := fmt.Sprintf("@foundry-rs/anvil-%s-%s", runtime.GOOS, runtime.GOARCH)
	bin := filepath.Join(dir, "node_modules", filepath.FromSlash(pkg), "bin", "anvil")
	if isExecutable(bin) {
		return bin, nil
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return "", fmt.Errorf("create %s: %w", parent, err)
	}
	tmp, err := os.MkdirTemp(parent, ".anvil-install-")
	if err != nil {
		return "", fmt.Errorf("temp dir: %w", err)
	}
	defer os.RemoveAll(tmp)
	ctx, cancel := context.WithTimeout(context.Background(), installTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "npm", "install", "--no-save", "--no-audit", "--no-fund",
		"--prefix", tmp, pkg+"@"+Version)
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("npm install %s@%s: %w\n%s", pkg, Version, err, out)
	}
	tmpBin := filepath.Join(tmp, "node_modules", filepath.FromSlash(pkg), "bin", "anvil")
	if !isExecutable(tmpBin) {
		return "", fmt.Errorf("npm installed %s@%s but %s is not an executable file", pkg, Version, tmpBin)
	}
	if err := os.Rename(tmp, dir); err != nil && !isExecutable(bin) {
		return "", fmt.Errorf("move anvil into %s: %w", dir, err)
	}
	return bin, nil
}

func isExecutable(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.Mode().IsRegular() && fi.Mode().Perm()&0o111 != 0
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
