// Package anvil finds the pinned anvil binary (Foundry's local Ethereum node)
// that the end-to-end tests and the chaos harness run as L1, installing it
// from the npm registry into the user cache directory on first use.
package anvil

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"time"
)

// Version is the anvil release the project pins.
const Version = "1.7.1"

// ChainID is anvil's default chain id.
const ChainID = 31337

// EnvBinary names the environment variable that, when set, is the path of
// the anvil binary to use instead of the pinned one.
const EnvBinary = "WATCHTOWER_ANVIL"

const installTimeout = 5 * time.Minute

// DevKeys are the private keys (hex) of anvil's first default accounts (the
// well-known "test test ... junk" mnemonic), each funded with 10,000 ETH.
var DevKeys = []string{
	"ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
	"59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
	"5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
	"7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
	"47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a",
	"8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba",
	"92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e",
	"4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356",
	"dbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97",
	"2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6",
}

// Binary returns the path of the anvil to run: $WATCHTOWER_ANVIL when set,
// else the pinned release, installed from npm on first use.
func Binary() (string, error) {
	if p := os.Getenv(EnvBinary); p != "" {
		return p, nil
	}
	bin, err := Install()
	if err != nil {
		return "", fmt.Errorf("anvil %s is needed and could not be installed "+
			"(npm and the npm registry must be reachable, or set %s to an anvil binary): %w", Version, EnvBinary, err)
	}
	return bin, nil
}

// Install puts the npm package into <cache>/watchtower-test/anvil-<Version>
// unless it is there already, and returns the binary's path. Concurrent
// installs (parallel test binaries) each work in a temporary directory and
// rename it into place; the first rename wins and the others use its result.
func Install() (string, error) {
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
