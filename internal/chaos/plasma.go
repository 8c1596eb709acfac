package chaos

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"net"
	"net/http"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/watchtower-l2/watchtower/deployments/contracts/bindings"
	"github.com/watchtower-l2/watchtower/internal/anvil"
	"github.com/watchtower-l2/watchtower/internal/plasmaop"
	"github.com/watchtower-l2/watchtower/internal/scenario"
	"github.com/watchtower-l2/watchtower/proofs/plasmatx"
)

// startExitGas is the gas limit of every startExit: far above its cost
// (about 150k, a little more as the exit queue's heap deepens), so exits
// mined in the same block never run out of gas on a heap grown since the
// estimate.
const startExitGas = 500_000

// recommitAfter is how long a user waits for its spend's child block
// before asking for a commit again (one failed).
const recommitAfter = 5 * time.Second

// Exit is one Plasma exit of the storm, as the harness played it.
type Exit struct {
	Index int
	// Role is scenario.PlasmaSpent (a fraud: the output was spent on the
	// child chain) or scenario.PlasmaHonest (an unspent output).
	Role  string
	Pos   plasmatx.Pos
	Owner common.Address
	// Err is why the harness could not play the exit to its startExit.
	Err error
}

// exitRole is the role of the i-th exit: the channels' six stale closes in
// ten are the spent outputs, the four others honest exits.
func exitRole(i int) string {
	if scenario.ChannelRole(i) == scenario.Stale {
		return scenario.PlasmaSpent
	}
	return scenario.PlasmaHonest
}

// plasmaChain is a PlasmaFramework deployed with `watchtower contracts
// deploy --kind plasma` and its child-chain operator, run in the harness
// (anvil's first account, the deployer, operates it) and serving block
// bodies over HTTP. The harness never kills it: the towers are under test.
type plasmaChain struct {
	addr    common.Address
	deployB uint64
	pf      *bindings.PlasmaFramework
	op      *plasmaop.Operator
	bond    *big.Int
	feedURL string
	srv     *http.Server
	// wake asks the committer for a child block.
	wake    chan struct{}
	commits atomic.Int64
}

// startPlasma deploys the PlasmaFramework (exit period window blocks) and
// starts its operator's feed; run commits the child blocks.
func startPlasma(ctx context.Context, l1 *L1, bin, dir string, window uint64) (*plasmaChain, error) {
	addr, block, err := deployKind(ctx, bin, dir, l1.URL, "plasma", "--plasma-exit-period", strconv.FormatUint(window, 10))
	if err != nil {
		return nil, err
	}
	pc := &plasmaChain{addr: addr, deployB: block, wake: make(chan struct{}, 1)}
	if pc.pf, err = bindings.NewPlasmaFramework(addr, l1.Client); err != nil {
		return nil, fmt.Errorf("chaos: bind PlasmaFramework: %w", err)
	}
	if pc.bond, err = pc.pf.ExitBond(nil); err != nil {
		return nil, fmt.Errorf("chaos: read the exit bond: %w", err)
	}
	key, err := devKey(0)
	if err != nil {
		return nil, err
	}
	pc.op, err = plasmaop.New(plasmaop.Config{Client: l1.Client, ChainID: big.NewInt(anvil.ChainID), Contract: addr, Key: key})
	if err != nil {
		return nil, fmt.Errorf("chaos: %w", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("chaos: operator feed: %w", err)
	}
	pc.srv = &http.Server{Handler: pc.op.Handler(), ReadHeaderTimeout: 5 * time.Second}
	go pc.srv.Serve(ln) //nolint:errcheck // ErrServerClosed on Close
	pc.feedURL = "http://" + ln.Addr().String()
	return pc, nil
}

// run commits a child block of the pending transactions whenever a user
// asks, until ctx ends. A failed commit leaves them pending for the next.
func (pc *plasmaChain) run(ctx context.Context, say func(string, ...any)) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-pc.wake:
		}
		if _, err := pc.op.Commit(ctx, plasmaop.CommitOptions{}); err != nil {
			if ctx.Err() == nil {
				say("plasma operator: commit: %v (retried on the next request)", err)
			}
			continue
		}
		pc.commits.Add(1)
	}
}

// commit asks the committer for a child block of the pending transactions.
func (pc *plasmaChain) commit() {
	select {
	case pc.wake <- struct{}{}:
	default: // a commit is already asked for
	}
}

// Close stops the operator's feed.
func (pc *plasmaChain) Close() error { return pc.srv.Close() }

// plasmaStorm plays the exits with the channel storm's accounts and
// transaction helpers.
type plasmaStorm struct {
	*storm
	chain *plasmaChain
	// started counts exits mined on L1.
	started, failed atomic.Int64
}

// run plays n exits, starting one every 1/rate seconds.
func (ps *plasmaStorm) run(ctx context.Context, n int, rate float64) []*Exit {
	exits := make([]*Exit, n)
	for i := range exits {
		exits[i] = &Exit{Index: i, Role: exitRole(i)}
	}
	pace(ctx, n, rate, func(i int) {
		if err := ps.play(ctx, exits[i]); err != nil {
			exits[i].Err = err
			ps.failed.Add(1)
		}
	})
	return exits
}

// play is one exit's life: a fresh user deposits 1 ETH, pays 0.4 of it to
// another on the child chain (0.6 back as change), and once that block is
// on L1 exits either the deposit it spent (a fraud) or its change (honest).
func (ps *plasmaStorm) play(ctx context.Context, x *Exit) error {
	user, payee, err := ps.fundedPair(ctx)
	if err != nil {
		return err
	}
	x.Owner = addrOf(user)
	dep, err := ps.deposit(ctx, user)
	if err != nil {
		return err
	}
	change, err := ps.spend(ctx, user, dep, addrOf(payee))
	if err != nil {
		return err
	}
	x.Pos = change
	if x.Role == scenario.PlasmaSpent {
		x.Pos = dep
	}
	return ps.startExit(ctx, user, x.Pos)
}

// deposit deposits 1 ETH from user and returns the deposit's position.
func (ps *plasmaStorm) deposit(ctx context.Context, user *ecdsa.PrivateKey) (plasmatx.Pos, error) {
	o := ps.opts(ctx, user)
	o.Value = deposit
	rc, err := ps.send(ctx, "deposit", func() (*types.Transaction, error) { return ps.chain.pf.Deposit(o) })
	if err != nil {
		return 0, err
	}
	for _, l := range rc.Logs {
		if e, err := ps.chain.pf.ParseDepositCreated(*l); err == nil {
			return plasmatx.NewPos(e.Blknum.Uint64(), 0, 0), nil
		}
	}
	return 0, errors.New("chaos: deposit: no DepositCreated log")
}

// spend has user pay 0.4 ETH of the deposit at dep to payee in a child
// block and returns the position of user's 0.6 ETH change once that block's
// root is on L1 and its body served.
func (ps *plasmaStorm) spend(ctx context.Context, user *ecdsa.PrivateKey, dep plasmatx.Pos, payee common.Address) (plasmatx.Pos, error) {
	op, me := ps.chain.op, addrOf(user)
	s, err := plasmaop.SignTx(plasmatx.Tx{Inputs: [2]plasmatx.Pos{dep, 0}, Outputs: [2]plasmatx.Output{
		{Owner: payee, Amount: big.NewInt(4e17)}, {Owner: me, Amount: big.NewInt(6e17)}}}, user)
	if err != nil {
		return 0, fmt.Errorf("chaos: sign child tx: %w", err)
	}
	// The operator learns of the deposit from L1 logs: sync until it takes the spend.
	if err := waitFor(ctx, "the operator to take the spend of "+dep.String(), txTimeout, func(ctx context.Context) error {
		if err := op.SyncDeposits(ctx); err != nil {
			return err
		}
		return op.Submit(s)
	}); err != nil {
		return 0, err
	}
	// A commit asked for now starts after the submit, so it takes the spend;
	// asking again every few seconds retries a commit that failed.
	var change plasmatx.Pos
	var asked time.Time
	err = waitFor(ctx, "the child block spending "+dep.String(), txTimeout, func(context.Context) error {
		if time.Since(asked) > recommitAfter {
			ps.chain.commit()
			asked = time.Now()
		}
		for _, p := range op.UTXOs(me) {
			if p.Block() != dep.Block() {
				change = p
				return nil
			}
		}
		return errors.New("not committed yet")
	})
	return change, err
}

// startExit has user exit the output at p and waits for it to be mined.
func (ps *plasmaStorm) startExit(ctx context.Context, user *ecdsa.PrivateKey, p plasmatx.Pos) error {
	txb, proof, err := ps.chain.op.ExitData(p)
	if err != nil {
		return fmt.Errorf("chaos: exit data of %s: %w", p, err)
	}
	o := ps.opts(ctx, user)
	o.Value, o.GasLimit = ps.chain.bond, startExitGas
	if _, err := ps.send(ctx, "startExit "+p.String(), func() (*types.Transaction, error) {
		return ps.chain.pf.StartExit(o, new(big.Int).SetUint64(uint64(p)), txb, proof)
	}); err != nil {
		return err
	}
	ps.started.Add(1)
	return nil
}

// playExits plays o.Exits exits in the background, paced over the period
// the channel storm takes, with the operator committing child blocks; the
// channel delivers them once every one is started (or failed). Without a
// PlasmaFramework (e.ps nil) it delivers none at once.
func (e *env) playExits(ctx context.Context, o Options, say func(string, ...any)) <-chan []*Exit {
	done := make(chan []*Exit, 1)
	if e.ps == nil {
		done <- nil
		return done
	}
	rate := o.Rate * float64(o.Exits) / float64(o.Closes)
	say("plasma: %d exits at %.2f/s (6 in 10 of spent outputs)", o.Exits, rate)
	go func() {
		cctx, stop := context.WithCancel(ctx)
		committed := make(chan struct{})
		go func() { defer close(committed); e.plasma.run(cctx, say) }()
		exits := e.ps.run(ctx, o.Exits, rate)
		stop()
		<-committed
		done <- exits
	}()
	return done
}

// exitProgress is the exits' part of a progress line ("" without exits).
func (e *env) exitProgress(ctx context.Context, o Options) string {
	if e.ps == nil {
		return ""
	}
	challenged := 0
	if it, err := e.plasma.pf.FilterExitChallenged(&bind.FilterOpts{Start: e.plasma.deployB, Context: ctx}, nil, nil); err == nil {
		for it.Next() {
			challenged++
		}
	}
	return fmt.Sprintf(" exits started %d/%d, failed %d, exit challenges on L1 %d;", e.ps.started.Load(), o.Exits, e.ps.failed.Load(), challenged)
}
