//go:build linux

package e2e

import (
	"crypto/ecdsa"
	"encoding/hex"
	"fmt"
	"math/big"
	"math/bits"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/watchtower-l2/watchtower/deployments/contracts/bindings"
	"github.com/watchtower-l2/watchtower/internal/plasmaop"
	"github.com/watchtower-l2/watchtower/internal/testutil/anviltest"
	"github.com/watchtower-l2/watchtower/proofs/plasmatx"
)

// The mass exit's size and pacing.
const (
	// massExitsEnv sets how many fraudulent exits TestAnvilPlasmaMassExit
	// starts (WATCHTOWER_MASS_EXITS=10000 is the full run of issue #13).
	massExitsEnv = "WATCHTOWER_MASS_EXITS"
	// defaultMassExits keeps the test at about a minute on a loaded 2-core
	// machine (45 s measured, 2 minutes at worst in CI).
	defaultMassExits = 1000
	// exitsPerUser is how many spent outputs each user exits: users send
	// their exits with consecutive nonces, many users at once.
	exitsPerUser = 50
	// maxMassExits: every user deposits before the first child block, and
	// the contract takes 999 deposits per child block.
	maxMassExits = 999 * exitsPerUser
	// massBlockSeconds is anvil's interval mining (--block-time).
	massBlockSeconds = 1
	// windowBaseBlocks and windowExitsPerBlock give the exit period in L1
	// blocks: windowBaseBlocks for the exits to be mined and the tower to
	// notice them, plus one block per windowExitsPerBlock exits, a floor on
	// the tower's challenge rate ten times below the ~40 a block it sustains
	// (64 challenges in flight, each mined in about a block), so the
	// deadline catches a tower that stalls or slows down badly, not a loaded
	// CI machine. 1000 exits get 370 blocks (the last is challenged about 18
	// blocks after its exit), 10,000 get 2,620 (about 200).
	windowBaseBlocks    = 120
	windowExitsPerBlock = 4
	// siftGasPerLevel is an upper bound on the gas of one level of the contract's
	// exit-queue heap (a cold SLOAD and a warm SSTORE): an exit pushed
	// onto a heap of n exits pays at most bits.Len(n) of them more than the
	// first exit, whose gas is estimated on an empty heap.
	siftGasPerLevel = 6_000
	// towerKeys is how many signer keys the tower challenges with: 16 keys
	// of 16 pending each fill the 256 disputes one process has in flight.
	towerKeys = 16
)

// massPlan is the shape of one mass exit.
type massPlan struct {
	exits, users, perUser int
	// depth is how many child blocks the users' split trees take: each
	// user's tree spends 2^depth-1 >= perUser outputs.
	depth  int
	window uint64
}

func planMassExit(t *testing.T) massPlan {
	t.Helper()
	n := defaultMassExits
	if v := os.Getenv(massExitsEnv); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n < 1 || n > maxMassExits {
			t.Fatalf("%s=%q: want a whole number of exits from 1 to %d", massExitsEnv, v, maxMassExits)
		}
	}
	per := min(n, exitsPerUser)
	return massPlan{exits: n, users: (n + per - 1) / per, perUser: per, depth: bits.Len(uint(per)),
		window: windowBaseBlocks + uint64(n)/windowExitsPerBlock}
}

// TestAnvilPlasmaMassExit is the mass exit of issue #13: users deposit on a
// PlasmaFramework deployed with `watchtower contracts deploy --kind
// plasma`, spend every output they own on the child chain, and then, the
// operator's chain turned bad, all exit outputs they already spent at once:
// WATCHTOWER_MASS_EXITS (default 1000) startExit transactions from many
// accounts, handed to anvil in JSON-RPC batches so they are mined in as few
// blocks as the block gas limit allows. One `watchtower run` guarding only
// the plasma: section, challenging from a pool of towerKeys signer keys,
// must challenge every one before its deadline, once. The outcome is read
// from L1 alone: ExitChallenged logs, each exit's status, the receipts of
// the tower keys' transactions (a reverted challenge fails the test) and
// their nonces (every transaction they sent is accounted for).
//
// Anvil keeps its default transaction pool, block gas limit and EIP-1559
// base fee; it mines a block every second (--block-time 1), so the tower
// races real time, as on a chain.
func TestAnvilPlasmaMassExit(t *testing.T) {
	plan := planMassExit(t)
	t.Logf("mass exit plan: %d exits by %d users (%d each), %d child blocks, exit period %d blocks",
		plan.exits, plan.users, plan.perUser, plan.depth, plan.window)
	ctx := t.Context()
	dir := t.TempDir()
	bin := buildTower(t, dir)
	node := anviltest.StartWith(t, anviltest.Options{Args: []string{"--block-time", strconv.Itoa(massBlockSeconds)}})
	w := &waiter{t: t, extra: func() string { return tailFile("anvil", writeOutput(dir, node.Output())) }}
	deployer := node.Key(t, 0)
	signers := []*ecdsa.PrivateKey{node.Key(t, 1)}
	for range towerKeys - 1 {
		signers = append(signers, newKey(t))
	}
	signerAddrs := make([]common.Address, len(signers))
	for i, k := range signers {
		signerAddrs[i] = crypto.PubkeyToAddress(k.PublicKey)
	}

	// 1. The PlasmaFramework, operated by the deployer; the test serves the
	// operator's block feed over HTTP.
	pfAddr := deployPlasmaCLI(t, w, dir, bin, node, deployer, plan.window)
	pf, err := bindings.NewPlasmaFramework(pfAddr, node.Client)
	if err != nil {
		t.Fatal(err)
	}
	op, err := plasmaop.New(plasmaop.Config{Client: node.Client, ChainID: big.NewInt(anviltest.ChainID), Contract: pfAddr, Key: deployer})
	if err != nil {
		t.Fatal(err)
	}
	feed := serveFeed(t, op)

	// 2. One tower with only the plasma: section. Its signer keys are funded
	// far beyond the mass exit's fees: their balance is not what is under test.
	fundAll(t, node, signerAddrs, new(big.Int).Mul(big.NewInt(1e18), big.NewInt(1_000_000)))
	tower := startPlasmaTower(t, w, dir, bin, node, pfAddr, feed.url, signers)

	// 3. Users deposit (one transaction each, batched) and split their
	// deposit in child blocks until each has spent perUser outputs.
	users := newUsers(t, plan.users)
	addrs := make([]common.Address, len(users))
	for i, u := range users {
		addrs[i] = u.addr
	}
	fundAll(t, node, addrs, new(big.Int).Mul(big.NewInt(1e18), big.NewInt(1000)))
	amount := big.NewInt(1e18)
	deposits := depositAll(t, w, node, pf, pfAddr, users, amount)
	if err := op.SyncDeposits(ctx); err != nil {
		t.Fatal(err)
	}
	last := buildSplitTrees(ctx, t, op, users, deposits, amount, plan.depth)
	w.until(fmt.Sprintf("the tower to fetch child block %d from the feed", last), func() (bool, string) {
		return feed.served.Load() >= last, fmt.Sprintf("highest block served %d", feed.served.Load())
	})

	// 4. The mass exit: every user exits perUser outputs it spent.
	bond, err := pf.ExitBond(nil)
	if err != nil {
		t.Fatal(err)
	}
	txs, exitPos := signExits(t, node, pfAddr, users, plan, bond)
	nonce0 := noncesOf(t, node, signerAddrs, nil)
	start := time.Now()
	sendRaw(t, node, "fraudulent exits", txs)
	w.timeout = waitTimeout + time.Duration(plan.window)*massBlockSeconds*time.Second
	exitRcpts := minedReceipts(t, w, node, "fraudulent exits", txs)
	exits := startedExits(t, pf, exitRcpts)
	if len(exits) != plan.exits {
		t.Fatalf("%d ExitStarted logs, want %d", len(exits), plan.exits)
	}
	run := massRun{plan: plan, pf: pf, pfAddr: pfAddr, signers: signerAddrs, pos: exitPos, exits: exits, rcpts: exitRcpts,
		nonce0: nonce0, start: start, minedIn: time.Since(start)}

	// 5. Wait until every exit is challenged or every deadline has passed,
	// then judge from L1.
	if r := run.judge(t, w, node); r.failed() {
		t.Errorf("%s\n%s", r.failure, tower.tail())
	}
	tower.stop(t)
}

// deployPlasmaCLI deploys a PlasmaFramework with `watchtower contracts
// deploy --kind plasma` and the given exit period.
func deployPlasmaCLI(t *testing.T, w *waiter, dir, bin string, node *anviltest.Node, deployer *ecdsa.PrivateKey, window uint64) common.Address {
	t.Helper()
	key := writeSecret(t, dir, "deployer.key", hex.EncodeToString(crypto.FromECDSA(deployer)))
	deploy := startProc(t, dir, "deploy", bin, "contracts", "deploy", "--rpc-url", node.URL, "--key-file", key,
		"--kind", "plasma", "--plasma-exit-period", strconv.FormatUint(window, 10), "--json")
	w.until("`watchtower contracts deploy --kind plasma` to exit", func() (bool, string) {
		done, _ := deploy.exited()
		return done, "deploy still running"
	})
	if _, err := deploy.exited(); err != nil {
		t.Fatalf("contracts deploy: %v\n%s", err, deploy.tail())
	}
	addr, ok := deployedAddresses(t, deploy)["PlasmaFramework"]
	if !ok {
		t.Fatalf("contracts deploy printed no PlasmaFramework\n%s", deploy.tail())
	}
	return addr
}

// startPlasmaTower starts `watchtower run` (ingest, verify, challenge;
// embedded NATS and store) guarding only pf, and waits until it is ready.
func startPlasmaTower(t *testing.T, w *waiter, dir, bin string, node *anviltest.Node, pf common.Address, feedURL string, signers []*ecdsa.PrivateKey) *proc {
	t.Helper()
	signerKey := writeSecret(t, dir, "signer.key", "0x"+hex.EncodeToString(crypto.FromECDSA(signers[0])))
	var more []string
	for i, k := range signers[1:] {
		more = append(more, strconv.Quote(writeSecret(t, dir, fmt.Sprintf("signer-%d.key", i+1), "0x"+hex.EncodeToString(crypto.FromECDSA(k)))))
	}
	signerYAML := "signer:\n  key_file: " + signerKey + "\n"
	if len(more) > 0 {
		signerYAML += "  key_files: [" + strings.Join(more, ", ") + "]\n"
	}
	metrics := freeAddr(t)
	cfg := filepath.Join(dir, "plasma-tower.yaml")
	yaml := fmt.Sprintf("data_dir: %s\nroles: [ingest, verify, challenge]\nl1:\n  rpc_url: %s\n  chain_id: %d\n  confirmations: 1\n  poll_interval: 100ms\n"+
		"plasma:\n  contract: %q\n  feed_url: %s\n  withhold_timeout: 10m\n%s"+
		"challenge:\n  poll: 100ms\nmetrics:\n  listen: %s\nlog:\n  level: info\n",
		filepath.Join(dir, "data"), node.WSURL, anviltest.ChainID, pf.Hex(), feedURL, signerYAML, metrics)
	if err := os.WriteFile(cfg, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := runCLI(t, bin, "config", "check", cfg); code != 0 {
		t.Fatalf("config check of a plasma-only tower: exit %d: %s", code, errOut)
	}
	tower := startProc(t, dir, "tower", bin, "run", "--config", cfg)
	w.procs = []*proc{tower}
	w.until("/readyz to answer 200", func() (bool, string) {
		code, body, err := httpStatus("http://" + metrics + "/readyz")
		return code == 200, fmt.Sprintf("%d %.300s %v", code, body, err)
	})
	return tower
}

// Fees of the users' transactions: a tip at anvil's suggestion and a fee
// cap far above the base fee, so a rising base fee slows the exits rather
// than stranding them.
var (
	userTip    = big.NewInt(1e9)
	userFeeCap = new(big.Int).Mul(big.NewInt(1e9), big.NewInt(1000))
)

// depositAll has every user deposit amount (nonce 0) and returns the
// deposits' positions.
func depositAll(t *testing.T, w *waiter, node *anviltest.Node, pf *bindings.PlasmaFramework, pfAddr common.Address, users []*massUser, amount *big.Int) []plasmatx.Pos {
	t.Helper()
	data := mustPack(t, "deposit")
	gas, err := node.Client.EstimateGas(t.Context(), ethereum.CallMsg{From: users[0].addr, To: &pfAddr, Value: amount, Data: data})
	if err != nil {
		t.Fatalf("estimate deposit: %v", err)
	}
	txs := make([]*types.Transaction, len(users))
	for i, u := range users {
		txs[i] = signTx(t, u.key, 0, pfAddr, amount, data, gas*2, userTip, userFeeCap)
	}
	sendRaw(t, node, "deposits", txs)
	out := make([]plasmatx.Pos, len(users))
	for i, r := range minedReceipts(t, w, node, "deposits", txs) {
		for _, l := range r.Logs {
			if e, err := pf.ParseDepositCreated(*l); err == nil {
				out[i] = plasmatx.Pos(e.Blknum.Uint64() * plasmatx.BlockOffset)
			}
		}
		if out[i] == 0 {
			t.Fatalf("deposit %d: no DepositCreated log", i)
		}
	}
	return out
}

// signExits signs each user's startExit of its first perUser spent outputs
// (nonces 1..), ordered by user then nonce, and returns them with the
// exited positions.
func signExits(t *testing.T, node *anviltest.Node, pfAddr common.Address, users []*massUser, plan massPlan, bond *big.Int) ([]*types.Transaction, []plasmatx.Pos) {
	t.Helper()
	data := func(e exitData) []byte {
		return mustPack(t, "startExit", new(big.Int).SetUint64(uint64(e.pos)), e.tx, e.proof)
	}
	first := users[0].spent[0]
	est, err := node.Client.EstimateGas(t.Context(), ethereum.CallMsg{From: users[0].addr, To: &pfAddr, Value: bond, Data: data(first)})
	if err != nil {
		t.Fatalf("estimate startExit: %v", err)
	}
	gas := est + est/10 + siftGasPerLevel*uint64(bits.Len(uint(plan.exits)))
	t.Logf("startExit: estimated %d gas on an empty exit queue, sent with %d", est, gas)
	var txs []*types.Transaction
	var pos []plasmatx.Pos
	left := plan.exits
	for _, u := range users {
		k := min(left, plan.perUser)
		if len(u.spent) < k {
			t.Fatalf("user %s spent %d outputs, want %d", u.addr, len(u.spent), k)
		}
		for j, e := range u.spent[:k] {
			txs = append(txs, signTx(t, u.key, uint64(1+j), pfAddr, bond, data(e), gas, userTip, userFeeCap))
			pos = append(pos, e.pos)
		}
		left -= k
	}
	return txs, pos
}

func mustPack(t *testing.T, method string, args ...any) []byte {
	t.Helper()
	a, err := bindings.PlasmaFrameworkMetaData.GetAbi()
	if err != nil {
		t.Fatal(err)
	}
	b, err := a.Pack(method, args...)
	if err != nil {
		t.Fatalf("pack %s: %v", method, err)
	}
	return b
}
