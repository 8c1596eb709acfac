// Package plasma is the Plasma plug-in: it guards the exits of a
// PlasmaFramework chain (Plasma MVP, UTXO model). It follows the operator's
// child block bodies, checks each against the root on L1 and indexes which
// transaction spent which output; an exit of a spent output is challenged with
// the signed spending transaction, which the contract verifies by itself. It
// alerts on withheld and invalid blocks and on exits it cannot judge.
package plasma

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"strconv"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/alerts"
	"github.com/watchtower-l2/watchtower/deployments/contracts/bindings"
	"github.com/watchtower-l2/watchtower/proofs/plasmatx"
	"github.com/watchtower-l2/watchtower/watcher/bus"
	"github.com/watchtower-l2/watchtower/watcher/event"
	"github.com/watchtower-l2/watchtower/watcher/l2"
	"github.com/watchtower-l2/watchtower/watcher/store"
)

// KindName is the subject token of this kind.
const KindName = "plasma"

var plasmaABI = l2.GeneratedABI(KindName, bindings.PlasmaFrameworkMetaData)

// Config configures the plug-in.
type Config struct {
	// Contract is the PlasmaFramework on L1.
	Contract common.Address
	// FeedURL is the operator's HTTP base URL; block n is GET FeedURL/blocks/n.
	FeedURL string
	// FeedSubject is the core NATS subject the operator publishes bodies on
	// ("" : HTTP only). The tower's own NATS connection is used.
	FeedSubject string
	// WithholdTimeout is how long after its root is seen on L1 a body may stay
	// unpublished before the block is reported withheld (default 30s).
	WithholdTimeout time.Duration
	// NearEndBlocks: an exit the tower could not judge is alerted this many L1
	// blocks before its period ends (default 5).
	NearEndBlocks uint64
	// Poll is how often the runner looks for work (default 500ms).
	Poll time.Duration
	// HTTPClient fetches bodies (default: 10s timeout).
	HTTPClient *http.Client
}

func (c *Config) defaults() {
	if c.WithholdTimeout <= 0 {
		c.WithholdTimeout = 30 * time.Second
	}
	if c.NearEndBlocks == 0 {
		c.NearEndBlocks = 5
	}
	if c.Poll <= 0 {
		c.Poll = 500 * time.Millisecond
	}
	if c.HTTPClient == nil {
		c.HTTPClient = &http.Client{Timeout: 10 * time.Second}
	}
}

// Backend is what the plug-in reads from L1.
type Backend interface {
	bind.ContractCaller
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
}

// Kind implements l2.Kind and l2.Runner for one PlasmaFramework.
type Kind struct {
	cfg     Config
	chainID uint64
	keys    keys
	store   store.Store
	l1      Backend
	caller  *bindings.PlasmaFrameworkCaller
	bus     *bus.Bus
	queue   l2.Enqueuer
	alerts  alerts.Sink
	dec     *decoder
	log     *zap.Logger
	bodies  *bodyCache
}

var (
	_ l2.Kind   = (*Kind)(nil)
	_ l2.Runner = (*Kind)(nil)
)

// Factory returns the factory of the kind for cfg (for a tower assembled
// in code; the configuration file goes through Plugin).
func Factory(cfg Config) l2.Factory {
	return func(_ context.Context, d l2.Deps) (l2.Kind, error) {
		return New(cfg, d)
	}
}

// New builds the kind from the tower's dependencies. d.Bus may be nil when
// cfg.FeedSubject is empty.
func New(cfg Config, d l2.Deps) (*Kind, error) {
	if cfg.Contract == (common.Address{}) {
		return nil, errors.New("plasma: contract address is required")
	}
	if d.ChainID == nil || d.ChainID.Sign() <= 0 {
		return nil, errors.New("plasma: chain id is required")
	}
	cfg.defaults()
	dec, err := newDecoder()
	if err != nil {
		return nil, err
	}
	k := &Kind{
		cfg: cfg, chainID: d.ChainID.Uint64(), keys: newKeys(cfg.Contract), store: d.Store,
		bus: d.Bus, queue: d.Queue, alerts: d.Alerts, dec: dec, bodies: newBodyCache(256),
	}
	if d.L1 != nil {
		k.l1 = d.L1
		if k.caller, err = bindings.NewPlasmaFrameworkCaller(cfg.Contract, d.L1); err != nil {
			return nil, fmt.Errorf("plasma: bind %s: %w", cfg.Contract.Hex(), err)
		}
	}
	if k.alerts == nil {
		k.alerts = alerts.Fanout{}
	}
	log := d.Log
	if log == nil {
		log = zap.NewNop()
	}
	k.log = log.Named("plasma")
	return k, nil
}

// Name implements l2.Kind.
func (k *Kind) Name() string { return KindName }

// Contract is the watched PlasmaFramework.
func (k *Kind) Contract() common.Address { return k.cfg.Contract }

// Addresses implements l2.Kind.
func (k *Kind) Addresses() []common.Address { return []common.Address{k.cfg.Contract} }

// Decode implements l2.Kind.
func (k *Kind) Decode(log types.Log) (string, []byte, bool, error) {
	return l2.DecodeLog(KindName, k.cfg.Contract, log, k.dec.decode)
}

// DisputeID names the challenge of one exit of an output. The exit is
// identified by its deadline (set by the contract when it started), so an
// output exited again after a challenged exit is a new dispute, not a job
// already done.
func DisputeID(contract common.Address, p plasmatx.Pos, deadline uint64) string {
	return "plasma-" + contract.Hex() + "-" + strconv.FormatUint(uint64(p), 10) + "-d" + strconv.FormatUint(deadline, 10)
}

// Irrevocable implements l2.Irrevocable: the end of an exit makes the tower
// forget it, so verify confirms it on L1 first.
func (k *Kind) Irrevocable(ev event.Event) bool {
	return ev.Name == EventExitChallenged || ev.Name == EventExitFinalized
}

// Verify implements l2.Kind.
func (k *Kind) Verify(ctx context.Context, ev event.Event) (l2.Verdict, error) {
	v := l2.NewVerdict(ev)
	switch ev.Name {
	case EventExitStarted:
		e, err := l2.Payload[ExitStarted](ev)
		if err != nil {
			return v, err
		}
		return k.verifyExit(ctx, ev, e, v)
	case EventBlockSubmitted:
		b, err := l2.Payload[BlockSubmitted](ev)
		if err != nil {
			return v, err
		}
		v.Subject = "block " + strconv.FormatUint(b.Blknum, 10)
		if ev.Removed {
			v.Outcome, v.Detail = l2.Retracted, "root submission removed by a reorg"
			return v, nil
		}
		rec, _ := json.Marshal(rootRecord{Root: b.Root, L1Block: ev.BlockNumber, Seen: time.Now().UTC()})
		if _, err := k.store.PutIfAbsent(ctx, k.keys.root(b.Blknum), rec); err != nil {
			return v, fmt.Errorf("plasma: store root of block %d: %w", b.Blknum, err)
		}
		v.Detail = "root " + b.Root.Hex() + " submitted"
		return v, nil
	case EventDeposit:
		d, err := l2.Payload[Deposit](ev)
		if err != nil {
			return v, err
		}
		p := plasmatx.NewPos(d.Blknum, 0, 0)
		v.Subject, v.Users = p.String(), []string{d.Owner.Hex()}
		if ev.Removed {
			v.Outcome, v.Detail = l2.Retracted, "deposit removed by a reorg"
			return v, nil
		}
		if err := k.putOutput(ctx, p, plasmatx.Output{Owner: d.Owner, Amount: d.Amount}); err != nil {
			return v, err
		}
		v.Detail = fmt.Sprintf("deposit of %s wei", d.Amount)
		return v, nil
	case EventExitChallenged, EventExitFinalized:
		e, err := l2.Payload[ExitEnded](ev)
		if err != nil {
			return v, err
		}
		p := plasmatx.Pos(e.UtxoPos)
		v.Subject = p.String()
		if ev.Removed {
			v.Outcome, v.Detail = l2.Retracted, ev.Name+" removed by a reorg"
			return v, nil
		}
		if err := k.store.IndexRemove(ctx, k.keys.exits(), strconv.FormatUint(e.UtxoPos, 10)); err != nil {
			return v, fmt.Errorf("plasma: unindex exit %s: %w", p, err)
		}
		if err := k.store.Delete(ctx, k.keys.exit(p)); err != nil {
			return v, fmt.Errorf("plasma: drop exit %s: %w", p, err)
		}
		v.Detail = fmt.Sprintf("exit ended (%s by %s)", ev.Name, e.By.Hex())
		return v, nil
	}
	return v, fmt.Errorf("plasma: unknown event %q", ev.Name)
}

// verifyExit records the exit, then judges it from the spent index. The exit is
// recorded before the lookup and the runner records a spend before looking for
// an exit, so a spend indexed concurrently is challenged by one side or both
// (the queue keeps one job per dispute id).
func (k *Kind) verifyExit(ctx context.Context, ev event.Event, e ExitStarted, v l2.Verdict) (l2.Verdict, error) {
	p := plasmatx.Pos(e.UtxoPos)
	v.Subject, v.DeadlineBlock = p.String(), e.Deadline
	member := strconv.FormatUint(e.UtxoPos, 10)
	if ev.Removed {
		if err := k.store.IndexRemove(ctx, k.keys.exits(), member); err != nil {
			return v, fmt.Errorf("plasma: unindex exit %s: %w", p, err)
		}
		if err := k.store.Delete(ctx, k.keys.exit(p)); err != nil {
			return v, fmt.Errorf("plasma: drop exit %s: %w", p, err)
		}
		v.Outcome, v.Detail = l2.Retracted, "exit removed by a reorg"
		v.Cancel = []string{DisputeID(k.cfg.Contract, p, e.Deadline)}
		return v, nil
	}
	rec, _ := json.Marshal(exitRecord{Owner: e.Owner, Amount: e.Amount, Deadline: e.Deadline, EventBlock: ev.BlockNumber})
	if err := k.store.Put(ctx, k.keys.exit(p), rec); err != nil {
		return v, fmt.Errorf("plasma: store exit %s: %w", p, err)
	}
	if err := k.store.IndexAdd(ctx, k.keys.exits(), member, int64(e.Deadline)); err != nil {
		return v, fmt.Errorf("plasma: index exit %s: %w", p, err)
	}
	sp, err := k.Spent(ctx, p)
	switch {
	case err == nil:
		ch, err := k.challengeFor(ctx, p, sp, e.Deadline, ev.BlockNumber)
		if err != nil {
			return v, err
		}
		v.Outcome, v.Challenge, v.Users = l2.Fraud, &ch, ch.Users
		v.Detail = fmt.Sprintf("exit of %s by %s: the output was spent in block %d", p, e.Owner.Hex(), sp.Blknum)
		return v, nil
	case !errors.Is(err, store.ErrNotFound):
		return v, err
	}
	v.Users = k.named(ctx, []common.Address{e.Owner}, []plasmatx.Pos{p})
	if _, err := k.Output(ctx, p); err == nil {
		v.Outcome = l2.Honest
		v.Detail = fmt.Sprintf("exit of unspent output %s by %s", p, e.Owner.Hex())
		return v, nil
	} else if !errors.Is(err, store.ErrNotFound) {
		return v, err
	}
	v.Outcome = l2.Unwatched
	v.Detail = fmt.Sprintf("exit of %s by %s: output unknown to the tower", p, e.Owner.Hex())
	return v, nil
}

// challengeFor builds challengeExit(utxoPos, spendingTx, inputIndex, sig).
func (k *Kind) challengeFor(ctx context.Context, p plasmatx.Pos, sp Spend, deadline, eventBlock uint64) (l2.Challenge, error) {
	// The victims are the receivers of the spending transaction.
	var victims []common.Address
	if tx, err := plasmatx.Decode(sp.Tx); err == nil {
		for _, o := range tx.Outputs {
			if o.Exists() {
				victims = append(victims, o.Owner)
			}
		}
	}
	return k.challengeWith(p, sp, deadline, eventBlock, k.named(ctx, victims, []plasmatx.Pos{p}))
}

// challengeWith builds the challenge naming users.
func (k *Kind) challengeWith(p plasmatx.Pos, sp Spend, deadline, eventBlock uint64, users []string) (l2.Challenge, error) {
	data, err := plasmaABI.Pack("challengeExit", new(big.Int).SetUint64(uint64(p)), sp.Tx, sp.Input, sp.Sig)
	if err != nil {
		return l2.Challenge{}, fmt.Errorf("plasma: pack challenge of %s: %w", p, err)
	}
	return l2.Challenge{
		DisputeID:     DisputeID(k.cfg.Contract, p, deadline),
		Kind:          KindName,
		Subject:       p.String(),
		To:            k.cfg.Contract,
		Data:          data,
		DeadlineBlock: deadline,
		Users:         users,
		EventBlock:    eventBlock,
	}, nil
}

// ClassifyRevert implements l2.Kind using the contract's custom errors.
func (k *Kind) ClassifyRevert(_ l2.Challenge, data []byte) (string, l2.RevertClass) {
	return revertTable.Classify(plasmaABI, data)
}

// revertTable: someone challenged first, the exit was processed, or a reorg
// removed it: obsolete.
var revertTable = l2.RevertTable{
	"ExitAlreadyChallenged": l2.RevertObsolete,
	"ExitAlreadyFinalized":  l2.RevertObsolete,
	"UnknownExit":           l2.RevertObsolete,
	"ExitPeriodOver":        l2.RevertTooLate,
}

func (k *Kind) notify(ctx context.Context, a alerts.Alert) {
	a.Kind, a.ChainID, a.Contract = KindName, k.chainID, k.cfg.Contract.Hex()
	if err := k.alerts.Notify(ctx, a); err != nil {
		k.log.Warn("alert delivery failed", zap.String("fingerprint", a.Fingerprint), zap.Error(err))
	}
}
