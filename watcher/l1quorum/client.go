// Package l1quorum makes several L1 JSON-RPC endpoints look like one client
// that only answers what enough of them agree on: a lagging, failing or
// lying endpoint can no longer make the tower act.
//
// Client satisfies the L1 interfaces of the tower (tower.L1: ingest.Client,
// txmgr.Client, challenge.Chain, l2.L1, preflight.L1, health.HeaderReader).
// Each call goes to every source with its own timeout (Config.CallTimeout)
// and is answered as follows.
//
// Agreed: k of n sources must return the same answer, otherwise the call
// fails wrapping ErrNoQuorum and nothing is acted on. The answer of a
// not-found or a reverted call counts as an answer (k sources saying "no
// such block" agree on that).
//   - eth_chainId (ChainID)
//   - eth_getBlockByNumber (HeaderByNumber): same block hash for a number.
//     For the latest head (nil number) every source is asked for its head,
//     the k-th highest head number is taken and its header agreed on (one
//     block lower once if that block is still propagating); concurrent
//     callers share one such read.
//   - eth_getLogs (FilterLogs): the same complete log set, compared field by
//     field; a source that adds, drops or alters one log disagrees. The
//     returned logs are the agreed set, never a union: a forged log can only
//     reach the tower if k sources forge it.
//   - eth_call and eth_getCode (CallContract, CodeAt): the kinds judge fraud
//     from contract state read this way (channel status and nonces, plasma
//     blocks, sidechain checkpoints), so it is evidence. A call at the
//     latest block (nil number) is pinned to the agreed head's number so
//     honest sources at different heads give the same answer (with a single
//     source it is passed through unpinned).
//   - eth_subscribe newHeads (SubscribeNewHead): subscribed on every source
//     that supports it (ws:// or .ipc); a head is emitted only once k sources
//     agree on the hash of its number (HeaderByNumber above). With fewer than
//     k subscriptions it fails, and the ingest role polls agreed heads.
//
// First healthy source (not fraud evidence; a wrong answer costs gas or a
// retry, never a wrong verdict), trying the others in turn on a failure or a
// not-found: eth_getTransactionCount (NonceAt, PendingNonceAt),
// eth_maxPriorityFeePerGas (SuggestGasTipCap), eth_estimateGas
// (EstimateGas), eth_getTransactionByHash (TransactionByHash),
// eth_getTransactionReceipt (TransactionReceipt), eth_getBalance (BalanceAt).
//
// Broadcast: eth_sendRawTransaction (SendTransaction) goes to every source;
// it succeeds when any accepts.
//
// Every source has a state (healthy, lagging, disagreeing, erroring), set
// by its latest call and its head (a source that disagreed stays
// disagreeing for Config.DisagreementHold, whatever it answers meanwhile): a source whose head is more than
// Config.MaxLag blocks behind the agreed head is lagging, and its answers
// about blocks it does not have yet are not counted as disagreements. State
// changes are logged and reported (Reporter, an alert through the sink given to AlertTo
// while a source disagrees), and Ready fails while fewer than k sources are
// healthy. Sources are named by scheme and host only (SourceName): URLs
// often carry credentials in their userinfo, path or query.
package l1quorum

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"
	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/alerts"
)

// Node is one L1 endpoint; *ethclient.Client implements it.
type Node interface {
	ChainID(ctx context.Context) (*big.Int, error)
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
	FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error)
	SubscribeNewHead(ctx context.Context, ch chan<- *types.Header) (ethereum.Subscription, error)
	CodeAt(ctx context.Context, account common.Address, blockNumber *big.Int) ([]byte, error)
	CallContract(ctx context.Context, msg ethereum.CallMsg, blockNumber *big.Int) ([]byte, error)
	PendingNonceAt(ctx context.Context, account common.Address) (uint64, error)
	NonceAt(ctx context.Context, account common.Address, blockNumber *big.Int) (uint64, error)
	SuggestGasTipCap(ctx context.Context) (*big.Int, error)
	EstimateGas(ctx context.Context, msg ethereum.CallMsg) (uint64, error)
	SendTransaction(ctx context.Context, tx *types.Transaction) error
	TransactionByHash(ctx context.Context, hash common.Hash) (tx *types.Transaction, isPending bool, err error)
	TransactionReceipt(ctx context.Context, txHash common.Hash) (*types.Receipt, error)
	BalanceAt(ctx context.Context, account common.Address, blockNumber *big.Int) (*big.Int, error)
}

// Source is one named endpoint.
type Source struct {
	// Name labels the source in logs, metrics and alerts (SourceName: no credentials).
	Name string
	Node Node
}

// State is what a source's latest answers say about it.
type State string

// The states of a source.
const (
	Healthy     State = "healthy"
	Lagging     State = "lagging"
	Disagreeing State = "disagreeing"
	Erroring    State = "erroring"
)

// States lists every state, in the order metrics export them.
var States = []State{Healthy, Lagging, Disagreeing, Erroring}

// Reporter records source states and disagreements (*metrics.Metrics).
type Reporter interface {
	L1SourceState(source, state string)
	L1SourceDisagreed(source string)
}

// Defaults applied by New to zero-valued Config fields.
const (
	DefaultCallTimeout = 10 * time.Second
	DefaultMaxLag      = 3
	// DefaultDisagreementHold is how long a source stays disagreeing after
	// its last disagreement, however often it agrees meanwhile: a source
	// that lies only now and then must not look healthy in between.
	DefaultDisagreementHold = 10 * time.Minute
)

// Config tunes a Client.
type Config struct {
	// Quorum is how many sources must agree (0: a majority of them).
	Quorum int
	// MaxLag is how many blocks a source's head may trail the agreed head
	// before it is reported lagging (0: DefaultMaxLag).
	MaxLag uint64
	// CallTimeout bounds each call to one source (0: DefaultCallTimeout).
	CallTimeout time.Duration
	// DisagreementHold keeps a source disagreeing this long after its last
	// disagreement (0: DefaultDisagreementHold).
	DisagreementHold time.Duration
	// Reporter records states (nil: none).
	Reporter Reporter
}

type source struct {
	Source
	// Guarded by Client.mu.
	state     State
	reason    string
	head      uint64
	headKnown bool
	// disagreedAt is when the source last disagreed, and why.
	disagreedAt time.Time
	disagreed   string
}

// Client answers for n sources what k of them agree on.
type Client struct {
	cfg  Config
	k    int
	srcs []*source
	log  *zap.Logger

	mu         sync.Mutex
	agreedHead uint64
	// noQuorum is the failure of the latest agreed question (nil once one is answered).
	noQuorum error
	// heading is the agreed-head read in flight, shared by concurrent callers.
	heading *headCall

	// Set by AlertTo.
	alertq   chan alerts.Check
	chainID  uint64
	stop     chan struct{}
	done     chan struct{}
	stopOnce sync.Once
}

// New returns a client over sources (at least one, names unique).
func New(sources []Source, cfg Config, log *zap.Logger) (*Client, error) {
	n := len(sources)
	if n == 0 {
		return nil, errors.New("l1quorum: no L1 source")
	}
	if cfg.Quorum == 0 {
		cfg.Quorum = Majority(n)
	}
	if cfg.Quorum < 1 || cfg.Quorum > n {
		return nil, fmt.Errorf("l1quorum: quorum %d of %d sources: want 1 to %d", cfg.Quorum, n, n)
	}
	if cfg.CallTimeout <= 0 {
		cfg.CallTimeout = DefaultCallTimeout
	}
	if cfg.MaxLag == 0 {
		cfg.MaxLag = DefaultMaxLag
	}
	if cfg.DisagreementHold <= 0 {
		cfg.DisagreementHold = DefaultDisagreementHold
	}
	if log == nil {
		log = zap.NewNop()
	}
	c := &Client{cfg: cfg, k: cfg.Quorum, log: log.Named("l1quorum"), stop: make(chan struct{}), done: make(chan struct{})}
	seen := map[string]bool{}
	for _, s := range sources {
		if s.Node == nil {
			return nil, fmt.Errorf("l1quorum: source %q has no node", s.Name)
		}
		if seen[s.Name] {
			return nil, fmt.Errorf("l1quorum: two sources are named %q", s.Name)
		}
		seen[s.Name] = true
		c.srcs = append(c.srcs, &source{Source: s, state: Healthy})
		if cfg.Reporter != nil {
			cfg.Reporter.L1SourceState(s.Name, string(Healthy))
		}
	}
	return c, nil
}

// AlertTo makes the client send sink a warning while a source disagrees
// with the quorum (and its resolution), labelled with chainID and instance.
// Call it once; Close stops the delivery.
func (c *Client) AlertTo(sink alerts.Sink, chainID uint64, instance string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.alertq != nil || sink == nil {
		return
	}
	c.alertq, c.chainID = make(chan alerts.Check, 64), chainID
	go c.deliver(alerts.NewHealth(sink, instance))
}

// Quorum is k, the number of sources that must agree.
func (c *Client) Quorum() int { return c.k }

// Close stops the alert delivery. It does not close the nodes: they belong
// to the caller.
func (c *Client) Close() {
	c.mu.Lock()
	started := c.alertq != nil
	c.mu.Unlock()
	c.stopOnce.Do(func() { close(c.stop) })
	if started {
		<-c.done
	}
}

// SourceStatus is one source's current state.
type SourceStatus struct {
	Name  string
	State State
	// Reason is the last disagreement or error seen ("" when healthy).
	Reason string
	// Head is the source's latest head, when known.
	Head uint64
}

// Sources returns the state of every source, in configuration order.
func (c *Client) Sources() []SourceStatus {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make([]SourceStatus, len(c.srcs))
	for i, s := range c.srcs {
		out[i] = SourceStatus{Name: s.Name, State: s.state, Reason: s.reason, Head: s.head}
	}
	return out
}

// Ready fails while fewer than k sources are healthy, naming each source's
// state, or while the latest agreed question found no quorum; it is a
// health.Check.
func (c *Client) Ready(context.Context) error {
	c.mu.Lock()
	nq := c.noQuorum
	c.mu.Unlock()
	if nq != nil {
		return fmt.Errorf("the L1 sources did not agree on the latest question: %w", nq)
	}
	healthy := 0
	var parts []string
	for _, s := range c.Sources() {
		if s.State == Healthy {
			healthy++
		}
		p := s.Name + " " + string(s.State)
		if s.Reason != "" {
			p += " (" + s.Reason + ")"
		}
		parts = append(parts, p)
	}
	if healthy >= c.k {
		return nil
	}
	return fmt.Errorf("%d of %d L1 sources healthy, quorum %d: %s", healthy, len(c.srcs), c.k, strings.Join(parts, "; "))
}

func (c *Client) deliver(h *alerts.Health) {
	defer close(c.done)
	for {
		select {
		case <-c.stop:
			return
		case chk := <-c.alertq:
			ctx, cancel := context.WithTimeout(context.Background(), c.cfg.CallTimeout)
			if err := h.Report(ctx, chk); err != nil {
				c.log.Warn("L1 source alert not delivered", zap.String("source", chk.Alert.Subject), zap.Error(err))
			}
			cancel()
		}
	}
}

// quorumResult records whether the latest agreed question was answered.
func (c *Client) quorumResult(err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.noQuorum = err
}

// outcome is what one call says about one source.
type outcome int

const (
	agreed    outcome = iota // gave the quorum's answer
	disagreed                // gave another answer
	failed                   // gave no answer
	answered                 // answered a question nobody else was asked
	unjudged                 // said nothing about its honesty (no quorum, or behind)
)

// setState records what a call said about source i; what names the call.
func (c *Client) setState(i int, o outcome, what string, err error) {
	s := c.srcs[i]
	c.mu.Lock()
	prev := s.state
	held := !s.disagreedAt.IsZero() && time.Since(s.disagreedAt) < c.cfg.DisagreementHold
	switch o {
	case agreed:
		s.state, s.reason = Healthy, ""
		if held {
			s.state, s.reason = Disagreeing, s.disagreed
		}
	case disagreed:
		s.disagreedAt, s.disagreed = time.Now(), what+": answered differently from the quorum"
		s.state, s.reason = Disagreeing, s.disagreed
	case failed:
		s.state, s.reason = Erroring, what+": "+oneLine(err)
	case answered:
		if s.state == Erroring {
			s.state, s.reason = Healthy, ""
			if held {
				s.state, s.reason = Disagreeing, s.disagreed
			}
		}
	}
	if s.state == Healthy || s.state == Lagging {
		s.state, s.reason = Healthy, ""
		if s.headKnown && c.agreedHead > s.head+c.cfg.MaxLag {
			s.state, s.reason = Lagging, fmt.Sprintf("head %d is %d blocks behind the agreed head %d", s.head, c.agreedHead-s.head, c.agreedHead)
		}
	}
	state, reason := s.state, s.reason
	c.mu.Unlock()
	if o == disagreed && c.cfg.Reporter != nil {
		c.cfg.Reporter.L1SourceDisagreed(s.Name)
	}
	if state == prev {
		return
	}
	if c.cfg.Reporter != nil {
		c.cfg.Reporter.L1SourceState(s.Name, string(state))
	}
	log := c.log.Info
	if state != Healthy {
		log = c.log.Warn
	}
	log("L1 source state changed", zap.String("source", s.Name), zap.String("from", string(prev)),
		zap.String("to", string(state)), zap.String("reason", reason))
	if prev == Disagreeing || state == Disagreeing {
		c.alert(s.Name, state == Disagreeing, reason)
	}
}

func (c *Client) alert(name string, firing bool, reason string) {
	c.mu.Lock()
	q, chainID := c.alertq, c.chainID
	c.mu.Unlock()
	if q == nil {
		return
	}
	summary := "L1 source " + name + " agrees with the quorum again"
	if firing {
		summary = "L1 source " + name + " disagrees with the other sources: " + reason
	}
	a := alerts.Alert{
		Fingerprint: fmt.Sprintf("tower/l1_source_disagrees/%d/%s", chainID, name),
		Severity:    alerts.Warning,
		Kind:        alerts.KindTower,
		ChainID:     chainID,
		Subject:     name,
		State:       alerts.StateDetected,
		Summary:     summary,
		Action:      "Check this L1 endpoint: it returned blocks, logs or call results the other sources do not (a wrong chain, a broken or malicious provider). The tower ignores it while the others agree.",
		Labels:      map[string]string{"check": "l1_source_disagrees"},
	}
	select {
	case q <- alerts.Check{Alert: a, Firing: firing}:
	default:
		c.log.Warn("L1 source alert dropped: the alert queue is full", zap.String("source", name))
	}
}

// isAnswer reports whether err is an answer about the chain (not found, a
// revert) rather than a failure to answer.
func isAnswer(err error) bool {
	if errors.Is(err, ethereum.NotFound) {
		return true
	}
	var de rpc.DataError
	if errors.As(err, &de) {
		return true
	}
	return strings.Contains(err.Error(), "execution reverted")
}

// oneLine is err on one short line, without the URL a transport error
// names (it may hold credentials).
func oneLine(err error) string {
	if err == nil {
		return ""
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = fmt.Errorf("%s: %w", ue.Op, ue.Err)
	}
	s := strings.Join(strings.Fields(err.Error()), " ")
	if len(s) > 200 {
		s = s[:200] + "..."
	}
	return s
}
