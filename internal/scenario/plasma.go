package scenario

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"slices"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/nats-io/nats.go"

	"github.com/watchtower-l2/watchtower/alerts"
	"github.com/watchtower-l2/watchtower/deployments/contracts/bindings"
	"github.com/watchtower-l2/watchtower/internal/devnet"
	"github.com/watchtower-l2/watchtower/internal/plasmaop"
	"github.com/watchtower-l2/watchtower/proofs/plasmatx"
	"github.com/watchtower-l2/watchtower/watcher/l2/plasma"
)

// Roles of Plasma subjects in the scenario.
const (
	PlasmaSpent    = "spent"    // exit of an output spent in a published block: must be challenged
	PlasmaHonest   = "honest"   // exit of an unspent output: must be left alone
	PlasmaInvalid  = "invalid"  // child block with a double spend and minted value: must be alerted
	PlasmaWithheld = "withheld" // root on L1, body never published: must be alerted
)

// PlasmaChain is a deployed PlasmaFramework with its operator serving blocks
// on NATS and HTTP.
type PlasmaChain struct {
	Contract   common.Address
	ExitPeriod uint64
	Bond       *big.Int
	Operator   *plasmaop.Operator
	FeedURL    string
	Subject    string
	srv        *http.Server
}

// DeployPlasma deploys a PlasmaFramework operated by operatorKey and starts its
// operator (bodies on nc and on an HTTP server on 127.0.0.1).
func DeployPlasma(ctx context.Context, n *devnet.Devnet, deployer, operatorKey *ecdsa.PrivateKey, nc *nats.Conn, exitPeriod uint64) (*PlasmaChain, error) {
	bond := big.NewInt(1e16)
	addr, tx, _, err := bindings.DeployPlasmaFramework(n.Transactor(ctx, deployer), n.Client, crypto.PubkeyToAddress(operatorKey.PublicKey), exitPeriod, bond)
	if err != nil {
		return nil, fmt.Errorf("scenario: deploy PlasmaFramework: %w", err)
	}
	wctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	if _, err := n.WaitDeployed(wctx, tx); err != nil {
		return nil, fmt.Errorf("scenario: deploy PlasmaFramework: %w", err)
	}
	pc := &PlasmaChain{Contract: addr, ExitPeriod: exitPeriod, Bond: bond, Subject: plasmaop.Subject(n.ChainID.Uint64(), addr)}
	pc.Operator, err = plasmaop.New(plasmaop.Config{Client: n.Client, ChainID: n.ChainID, Contract: addr, Key: operatorKey, NATS: nc, Subject: pc.Subject})
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("scenario: operator feed: %w", err)
	}
	pc.srv = &http.Server{Handler: pc.Operator.Handler(), ReadHeaderTimeout: 5 * time.Second}
	go pc.srv.Serve(ln) //nolint:errcheck // ErrServerClosed on Close
	pc.FeedURL = "http://" + ln.Addr().String()
	return pc, nil
}

// TowerConfig is the plug-in configuration guarding this chain.
func (pc *PlasmaChain) TowerConfig(poll time.Duration, withholdTimeout time.Duration) plasma.Config {
	return plasma.Config{
		Contract: pc.Contract, FeedURL: pc.FeedURL, FeedSubject: pc.Subject,
		WithholdTimeout: withholdTimeout, NearEndBlocks: 5, Poll: poll,
	}
}

// Close stops the operator's HTTP server.
func (pc *PlasmaChain) Close() error { return pc.srv.Close() }

// Plasma configures the Plasma scenario: Count users deposit, pay each other
// in a child block, half of them exit outputs they already spent and the
// receivers of the other half exit what they received; then the operator
// publishes an invalid block and withholds the next one.
type Plasma struct {
	Net   *devnet.Devnet
	Chain *PlasmaChain
	Kind  *plasma.Kind
	// TowerAddrs are the tower's signer keys.
	TowerAddrs []common.Address
	// Parties holds Count user keys (at least 2).
	Parties []*ecdsa.PrivateKey
	Count   int
	// Alerts returns the alerts raised so far.
	Alerts   func() []alerts.Alert
	Progress io.Writer
}

type plasmaExit struct {
	role     string
	owner    *ecdsa.PrivateKey
	pos      plasmatx.Pos
	spentIn  string
	block    uint64
	deadline uint64
}

// Run plays the scenario and judges the tower.
func (sc *Plasma) Run(ctx context.Context) (Summary, error) {
	if sc.Count < 2 || len(sc.Parties) < sc.Count {
		return Summary{}, fmt.Errorf("scenario: plasma needs at least 2 and at most %d users, got %d", len(sc.Parties), sc.Count)
	}
	pf, err := bindings.NewPlasmaFramework(sc.Chain.Contract, sc.Net.Client)
	if err != nil {
		return Summary{}, err
	}
	op := sc.Chain.Operator
	users := sc.Parties[:sc.Count]
	addrs := make([]common.Address, len(users))
	for i, k := range users {
		addrs[i] = crypto.PubkeyToAddress(k.PublicKey)
	}
	if err := sc.Kind.Register(ctx, addrs, nil); err != nil {
		return Summary{}, err
	}
	// 1. Deposits.
	deposits := make([]plasmatx.Pos, len(users))
	if err := sc.each(ctx, "plasma deposits", len(users), func(i int) error {
		o := sc.Net.Transactor(ctx, users[i])
		o.Value = big.NewInt(1e18)
		tx, err := pf.Deposit(o)
		if err != nil {
			return err
		}
		rc, err := mined(ctx, sc.Net, tx.Hash())
		if err != nil {
			return err
		}
		for _, l := range rc.Logs {
			if e, err := pf.ParseDepositCreated(*l); err == nil {
				deposits[i] = plasmatx.NewPos(e.Blknum.Uint64(), 0, 0)
			}
		}
		return nil
	}); err != nil {
		return Summary{}, err
	}
	if err := op.SyncDeposits(ctx); err != nil {
		return Summary{}, err
	}
	// 2. Block 1: user i pays 0.4 ETH to user i+1, in transaction i.
	txIndex := map[int]uint64{}
	for i, k := range users {
		tx := plasmatx.Tx{Inputs: [2]plasmatx.Pos{deposits[i], 0}, Outputs: [2]plasmatx.Output{
			{Owner: addrs[(i+1)%len(users)], Amount: big.NewInt(4e17)},
			{Owner: addrs[i], Amount: big.NewInt(6e17)},
		}}
		s, err := plasmaop.SignTx(tx, k)
		if err != nil {
			return Summary{}, err
		}
		if err := op.Submit(s); err != nil {
			return Summary{}, err
		}
		txIndex[i] = uint64(i)
	}
	b1, err := op.Commit(ctx, plasmaop.CommitOptions{})
	if err != nil {
		return Summary{}, err
	}
	sc.say("  child block %d: %d payments\n", b1.Blknum, len(b1.Txs))
	if err := sc.waitCursor(ctx, b1.Blknum); err != nil {
		return Summary{}, err
	}
	// 3. Exits: even users exit their spent deposit; the receiver of each odd
	// user's payment exits it honestly.
	exits := make([]*plasmaExit, len(users))
	for i := range users {
		if i%2 == 0 {
			exits[i] = &plasmaExit{role: PlasmaSpent, owner: users[i], pos: deposits[i], spentIn: fmt.Sprintf("block %d tx %d", b1.Blknum, txIndex[i])}
		} else {
			exits[i] = &plasmaExit{role: PlasmaHonest, owner: users[(i+1)%len(users)], pos: plasmatx.NewPos(b1.Blknum, txIndex[i], 0), spentIn: "unspent"}
		}
	}
	// One pass per role: an owner never sends two exits at once (nonces).
	for _, role := range []string{PlasmaSpent, PlasmaHonest} {
		if err := sc.each(ctx, "plasma "+role+" exits", len(exits), func(i int) error {
			x := exits[i]
			if x.role != role {
				return nil
			}
			txb, proof, err := op.ExitData(x.pos)
			if err != nil {
				return err
			}
			o := sc.Net.Transactor(ctx, x.owner)
			o.Value = sc.Chain.Bond
			if o.GasLimit, err = sc.startExitGas(ctx, o.From, x.pos, txb, proof); err != nil {
				return err
			}
			tx, err := pf.StartExit(o, new(big.Int).SetUint64(uint64(x.pos)), txb, proof)
			if err != nil {
				return fmt.Errorf("start exit of %s: %w", x.pos, err)
			}
			rc, err := mined(ctx, sc.Net, tx.Hash())
			if err != nil {
				return err
			}
			for _, l := range rc.Logs {
				if e, err := pf.ParseExitStarted(*l); err == nil {
					x.block, x.deadline = l.BlockNumber, e.Deadline
				}
			}
			return nil
		}); err != nil {
			return Summary{}, err
		}
	}
	// 4. An invalid block: user 0 double-spends its deposit and user 1 mints value.
	double, err := plasmaop.SignTx(plasmatx.Tx{Inputs: [2]plasmatx.Pos{deposits[0], 0},
		Outputs: [2]plasmatx.Output{{Owner: addrs[0], Amount: big.NewInt(1e18)}, {Amount: new(big.Int)}}}, users[0])
	if err != nil {
		return Summary{}, err
	}
	minted, err := plasmaop.SignTx(plasmatx.Tx{Inputs: [2]plasmatx.Pos{plasmatx.NewPos(b1.Blknum, 1, 1), 0},
		Outputs: [2]plasmatx.Output{{Owner: addrs[1], Amount: new(big.Int).Mul(big.NewInt(100), big.NewInt(1e18))}, {Amount: new(big.Int)}}}, users[1])
	if err != nil {
		return Summary{}, err
	}
	b2, err := op.Commit(ctx, plasmaop.CommitOptions{Unchecked: []plasmatx.Signed{double, minted}})
	if err != nil {
		return Summary{}, err
	}
	sc.say("  child block %d: invalid (double spend, minted value)\n", b2.Blknum)
	// 5. Let every exit period end, then process the exits.
	var last uint64
	for _, x := range exits {
		last = max(last, x.deadline)
	}
	sc.say("  waiting for the exit periods to end (block %d)\n", last+1)
	if err := waitHead(ctx, sc.Net, last+1); err != nil {
		return Summary{}, err
	}
	ptx, err := pf.ProcessExits(sc.Net.Transactor(ctx, users[0]), big.NewInt(int64(len(exits))))
	if err != nil {
		return Summary{}, fmt.Errorf("scenario: process exits: %w", err)
	}
	if _, err := mined(ctx, sc.Net, ptx.Hash()); err != nil {
		return Summary{}, fmt.Errorf("scenario: process exits: %w", err)
	}
	// 6. A withheld block, after the exits so that it cannot hide their spends.
	change := plasmatx.NewPos(b1.Blknum, txIndex[2%len(users)], 1)
	wtx, err := plasmaop.SignTx(plasmatx.Tx{Inputs: [2]plasmatx.Pos{change, 0},
		Outputs: [2]plasmatx.Output{{Owner: addrs[0], Amount: big.NewInt(1e17)}, {Amount: new(big.Int)}}}, users[2%len(users)])
	if err != nil {
		return Summary{}, err
	}
	if err := op.Submit(wtx); err != nil {
		return Summary{}, err
	}
	b3, err := op.Commit(ctx, plasmaop.CommitOptions{Withhold: true})
	if err != nil {
		return Summary{}, err
	}
	sc.say("  child block %d: root submitted, body withheld\n", b3.Blknum)
	blocks := []struct {
		role, truth string
		n           uint64
	}{
		{PlasmaInvalid, "double spend, minted value", b2.Blknum},
		{PlasmaWithheld, "body withheld", b3.Blknum},
	}
	alerted := func(role string, n uint64) bool {
		fp := fmt.Sprintf("plasma-%s-%s-%d", role, sc.Chain.Contract.Hex(), n)
		for _, a := range sc.Alerts() {
			if a.Fingerprint == fp && a.Severity == alerts.Critical {
				return true
			}
		}
		return false
	}
	wctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	for !alerted(PlasmaWithheld, b3.Blknum) || !alerted(PlasmaInvalid, b2.Blknum) {
		select {
		case <-wctx.Done():
			goto judge
		case <-time.After(100 * time.Millisecond):
		}
	}
judge:
	s := Summary{Kind: plasma.KindName, Columns: [3]string{"EXIT (UTXO)", "EXITED BY", "SPENT IN"}, Subjects: len(exits) + len(blocks)}
	for _, x := range exits {
		res := Result{Subject: x.pos.String(), Role: x.role, Claimed: plasmaShort(crypto.PubkeyToAddress(x.owner.PublicKey).Hex()), Truth: x.spentIn, EventBlock: x.block, Deadline: x.deadline}
		it, err := pf.FilterExitChallenged(&bind.FilterOpts{Start: x.block, Context: ctx}, []*big.Int{new(big.Int).SetUint64(uint64(x.pos))}, nil)
		if err != nil {
			return Summary{}, err
		}
		var byTower, byOthers int
		for it.Next() {
			if slices.Contains(sc.TowerAddrs, it.Event.Challenger) {
				byTower++
				if res.ChallengeTx == "" {
					res.ChallengeTx, res.MinedBlock, res.BlocksToMined = it.Event.Raw.TxHash.Hex(), it.Event.Raw.BlockNumber, it.Event.Raw.BlockNumber-x.block
				}
			} else {
				byOthers++
			}
		}
		it.Close()
		ex, err := pf.GetExit(&bind.CallOpts{Context: ctx}, new(big.Int).SetUint64(uint64(x.pos)))
		if err != nil {
			return Summary{}, err
		}
		switch x.role {
		case PlasmaSpent:
			s.Frauds++
			if byTower == 1 && res.MinedBlock <= x.deadline && ex.Status == 2 {
				s.Challenged++
				res.Verdict, res.OK = "spent: challenged, bond to tower", true
			} else {
				s.Missed++
				res.Verdict = fmt.Sprintf("spent: MISSED (%d challenges, status %d)", byTower, ex.Status)
			}
		case PlasmaHonest:
			s.Honest++
			if byTower > 0 {
				s.FalseChallenges++
				res.Verdict = "honest: FALSE CHALLENGE"
			} else if ex.Status == 3 {
				res.Verdict, res.OK = "honest: left alone, paid out", true
			} else {
				res.Verdict, res.OK = fmt.Sprintf("honest: left alone (status %d)", ex.Status), true
			}
		}
		s.Results = append(s.Results, res)
	}
	for _, b := range blocks {
		res := Result{Subject: fmt.Sprintf("block %d", b.n), Role: b.role, Claimed: "operator", Truth: b.truth}
		s.Frauds++
		if alerted(b.role, b.n) {
			s.Challenged++
			res.Verdict, res.OK = b.role+": alerted", true
		} else {
			s.Missed++
			res.Verdict = b.role + ": NOT ALERTED"
		}
		s.Results = append(s.Results, res)
	}
	return s, nil
}

func plasmaShort(h string) string {
	if len(h) <= 14 {
		return h
	}
	return h[:8] + ".." + h[len(h)-4:]
}

func (sc *Plasma) say(format string, args ...any) {
	if sc.Progress != nil {
		fmt.Fprintf(sc.Progress, format, args...)
	}
}

func (sc *Plasma) each(ctx context.Context, what string, n int, f func(i int) error) error {
	return forEach(ctx, sc.Progress, what, n, f)
}

// waitCursor waits until the tower verified child block n (its body is
// indexed), so the exits that follow can be judged at once.
func (sc *Plasma) waitCursor(ctx context.Context, n uint64) error {
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	for {
		c, err := sc.Kind.Cursor(ctx)
		if err == nil && c >= n {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("scenario: the tower did not verify child block %d: %w", n, errors.Join(err, ctx.Err()))
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// startExitGas estimates from's startExit of pos and adds half: the exits
// go out together, and an exact estimate falls short when others mined in
// the same block deepen the contract's exit queue (a heap) first.
func (sc *Plasma) startExitGas(ctx context.Context, from common.Address, pos plasmatx.Pos, txb, proof []byte) (uint64, error) {
	meta, err := bindings.PlasmaFrameworkMetaData.GetAbi()
	if err != nil {
		return 0, fmt.Errorf("plasma ABI: %w", err)
	}
	data, err := meta.Pack("startExit", new(big.Int).SetUint64(uint64(pos)), txb, proof)
	if err != nil {
		return 0, fmt.Errorf("pack startExit of %s: %w", pos, err)
	}
	to := sc.Chain.Contract
	est, err := sc.Net.Client.EstimateGas(ctx, ethereum.CallMsg{From: from, To: &to, Value: sc.Chain.Bond, Data: data})
	if err != nil {
		return 0, fmt.Errorf("estimate startExit of %s: %w", pos, err)
	}
	return est + est/2, nil
}
