package l1quorum

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"sort"
	"strings"
	"sync"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"
)

// question describes one agreed call.
type question struct {
	what string
	// need is the block the answer depends on (0: none): a source whose
	// head is below it is behind, and its answer is not held against it.
	need uint64
	// tip marks questions about the newest block, where honest sources may
	// briefly differ (a block still propagating, a one-block reorg):
	// disagreeing there is not reported.
	tip bool
}

type reply[T any] struct {
	val T
	err error
}

// fanout calls every source at once, each under the call timeout.
func fanout[T any](ctx context.Context, c *Client, call func(context.Context, Node) (T, error)) []reply[T] {
	replies := make([]reply[T], len(c.srcs))
	var wg sync.WaitGroup
	for i, s := range c.srcs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cctx, cancel := context.WithTimeout(ctx, c.cfg.CallTimeout)
			defer cancel()
			v, err := call(cctx, s.Node)
			replies[i] = reply[T]{val: v, err: err}
		}()
	}
	wg.Wait()
	return replies
}

// ask puts q to every source and returns the answer k of them give.
func ask[T any](ctx context.Context, c *Client, q question, call func(context.Context, Node) (T, error), key func(T) string) (T, error) {
	var zero T
	replies := fanout(ctx, c, call)
	if err := ctx.Err(); err != nil {
		return zero, err
	}
	answers := make([]Answer, len(replies))
	for i, r := range replies {
		switch {
		case r.err == nil:
			answers[i].Key = "ok:" + key(r.val)
		case isAnswer(r.err):
			answers[i].Key = "error:" + r.err.Error()
		default:
			answers[i].Err = r.err
		}
	}
	t, aerr := Agree(answers, c.k)
	for _, i := range t.Agreed {
		c.setState(i, agreed, q.what, nil)
	}
	for _, i := range t.Disagreed {
		o := disagreed
		if aerr != nil || q.tip || c.behind(i, q.need) {
			o = unjudged
		}
		c.setState(i, o, q.what, nil)
	}
	for _, i := range t.Failed {
		o := failed
		if c.behind(i, q.need) {
			o = unjudged
		}
		c.setState(i, o, q.what, replies[i].err)
	}
	if aerr != nil {
		err := fmt.Errorf("l1quorum: %s: %w: %s", q.what, aerr, c.describe(answers))
		if !q.tip { // the newest block may just be propagating: latest records its own failure
			c.quorumResult(err)
		}
		return zero, err
	}
	c.quorumResult(nil)
	r := replies[t.Agreed[0]]
	return r.val, r.err
}

// behind reports whether source i's last known head is below block need.
func (c *Client) behind(i int, need uint64) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	s := c.srcs[i]
	return need > 0 && s.headKnown && s.head < need
}

// describe names each source's answer: distinct answers are lettered A, B...
func (c *Client) describe(answers []Answer) string {
	letters := map[string]string{}
	parts := make([]string, len(answers))
	for i, a := range answers {
		if a.Err != nil {
			parts[i] = c.srcs[i].Name + " failed (" + oneLine(a.Err) + ")"
			continue
		}
		l, ok := letters[a.Key]
		if !ok {
			l = string(rune('A' + len(letters)))
			letters[a.Key] = l
		}
		parts[i] = c.srcs[i].Name + " answered " + l
	}
	return strings.Join(parts, ", ")
}

// ChainID returns the chain id k sources agree on.
func (c *Client) ChainID(ctx context.Context) (*big.Int, error) {
	return ask(ctx, c, question{what: "eth_chainId"}, func(ctx context.Context, n Node) (*big.Int, error) {
		return n.ChainID(ctx)
	}, func(v *big.Int) string { return v.String() })
}

// HeaderByNumber returns the header of block number that k sources agree
// on; nil asks for the agreed head (see the package comment).
func (c *Client) HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error) {
	if number == nil || number.Cmp(big.NewInt(int64(rpc.LatestBlockNumber))) == 0 {
		return c.sharedLatest(ctx)
	}
	if number.Sign() < 0 { // pending, safe, finalized: the sources' own views
		return ask(ctx, c, question{what: "header " + number.String(), tip: true}, func(ctx context.Context, n Node) (*types.Header, error) {
			return n.HeaderByNumber(ctx, number)
		}, headerKey)
	}
	return c.headerAt(ctx, number.Uint64(), false)
}

func headerKey(h *types.Header) string {
	if h == nil {
		return "nil"
	}
	return h.Hash().Hex()
}

func (c *Client) headerAt(ctx context.Context, n uint64, tip bool) (*types.Header, error) {
	num := new(big.Int).SetUint64(n)
	return ask(ctx, c, question{what: fmt.Sprintf("header of block %d", n), need: n, tip: tip}, func(ctx context.Context, nd Node) (*types.Header, error) {
		h, err := nd.HeaderByNumber(ctx, num)
		if err == nil && (h == nil || h.Number == nil || h.Number.Cmp(num) != 0) {
			err = fmt.Errorf("asked for block %d, got another", n)
		}
		return h, err
	}, headerKey)
}

// latest asks every source for its head, takes the k-th highest number (k
// sources have that block) and returns the header k agree on there, or one
// block lower when that block is still propagating.
func (c *Client) latest(ctx context.Context) (*types.Header, error) {
	replies := fanout(ctx, c, func(ctx context.Context, n Node) (*types.Header, error) {
		h, err := n.HeaderByNumber(ctx, nil)
		if err == nil && (h == nil || h.Number == nil) {
			err = errors.New("no head")
		}
		return h, err
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var nums []uint64
	var errs []string
	c.mu.Lock()
	for i, r := range replies {
		if r.err == nil {
			c.srcs[i].head, c.srcs[i].headKnown = r.val.Number.Uint64(), true
			nums = append(nums, r.val.Number.Uint64())
		}
	}
	c.mu.Unlock()
	for i, r := range replies {
		if r.err != nil {
			c.setState(i, failed, "head", r.err)
			errs = append(errs, c.srcs[i].Name+": "+oneLine(r.err))
		}
	}
	if len(nums) < c.k {
		err := fmt.Errorf("l1quorum: head: %w: %d of %d sources answered, quorum %d: %s",
			ErrNoQuorum, len(nums), len(c.srcs), c.k, strings.Join(errs, "; "))
		c.quorumResult(err)
		return nil, err
	}
	sort.Slice(nums, func(a, b int) bool { return nums[a] > nums[b] })
	n := nums[c.k-1]
	h, err := c.headerAt(ctx, n, true)
	if err != nil && n > 0 && ctx.Err() == nil {
		n--
		h, err = c.headerAt(ctx, n, true)
	}
	if err != nil {
		if ctx.Err() == nil {
			c.quorumResult(err)
		}
		return nil, err
	}
	c.mu.Lock()
	c.agreedHead = n
	c.mu.Unlock()
	for i, r := range replies {
		if r.err == nil {
			c.setState(i, answered, "head", nil)
		}
	}
	return h, nil
}

// headCall is one agreed-head read shared by the calls that need it at once.
type headCall struct {
	done chan struct{}
	head *types.Header
	err  error
}

// sharedLatest is latest, shared by concurrent callers (the api role reads
// the head per request, ingest, health and the pins of eth_calls as well):
// a caller may get the answer of a read started just before its call.
func (c *Client) sharedLatest(ctx context.Context) (*types.Header, error) {
	c.mu.Lock()
	hc := c.heading
	if hc == nil {
		hc = &headCall{done: make(chan struct{})}
		c.heading = hc
		c.mu.Unlock()
		go func() {
			// The read outlives a caller that gives up; the call timeouts bound it.
			h, err := c.latest(context.WithoutCancel(ctx))
			hc.head, hc.err = h, err
			c.mu.Lock()
			c.heading = nil
			c.mu.Unlock()
			close(hc.done)
		}()
	} else {
		c.mu.Unlock()
	}
	select {
	case <-hc.done:
		if hc.err != nil {
			return nil, hc.err
		}
		return types.CopyHeader(hc.head), nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// pin turns "latest" into the agreed head's number, so that sources at
// different heads answer about the same block; with one source it keeps nil.
// It never answers a block below the agreed head known when it was called
// (an event ingested through this client is never judged at a block before
// it, even through a shared head read started earlier).
func (c *Client) pin(ctx context.Context, number *big.Int) (*big.Int, error) {
	if len(c.srcs) == 1 || (number != nil && number.Cmp(big.NewInt(int64(rpc.LatestBlockNumber))) != 0) {
		return number, nil
	}
	c.mu.Lock()
	floor := c.agreedHead
	c.mu.Unlock()
	h, err := c.sharedLatest(ctx)
	if err != nil {
		return nil, err
	}
	if h.Number.Uint64() < floor {
		return new(big.Int).SetUint64(floor), nil
	}
	return h.Number, nil
}

// FilterLogs returns the logs k sources agree on, as a whole set.
func (c *Client) FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	what, need := "logs", uint64(0)
	if q.BlockHash != nil {
		what = "logs of block " + q.BlockHash.Hex()
	} else {
		var err error
		if q.FromBlock == nil {
			// A nil FromBlock means latest as well: pin both ends together.
			if q.FromBlock, err = c.pin(ctx, nil); err != nil {
				return nil, err
			}
			if q.ToBlock == nil {
				q.ToBlock = q.FromBlock
			}
		}
		if q.ToBlock, err = c.pin(ctx, q.ToBlock); err != nil {
			return nil, err
		}
		if q.ToBlock != nil && q.ToBlock.Sign() > 0 {
			need = q.ToBlock.Uint64()
		}
		what = fmt.Sprintf("logs of blocks %v-%v", q.FromBlock, q.ToBlock)
	}
	return ask(ctx, c, question{what: what, need: need}, func(ctx context.Context, n Node) ([]types.Log, error) {
		return n.FilterLogs(ctx, q)
	}, logsKey)
}

// logsKey identifies a log set by every field of every log, in the order
// of the chain.
func logsKey(logs []types.Log) string {
	sorted := append([]types.Log(nil), logs...)
	sort.SliceStable(sorted, func(a, b int) bool {
		if sorted[a].BlockNumber != sorted[b].BlockNumber {
			return sorted[a].BlockNumber < sorted[b].BlockNumber
		}
		return sorted[a].Index < sorted[b].Index
	})
	h := sha256.New()
	for _, l := range sorted {
		b, err := json.Marshal(l)
		if err != nil { // cannot happen for a decoded log; never let it agree
			return "unencodable:" + err.Error()
		}
		h.Write(b)
		h.Write([]byte{'\n'})
	}
	return fmt.Sprintf("%d:%s", len(logs), hex.EncodeToString(h.Sum(nil)))
}

// CallContract runs an eth_call on every source and returns the result (or
// revert) k agree on; a call at the latest block is pinned to the agreed head.
func (c *Client) CallContract(ctx context.Context, msg ethereum.CallMsg, blockNumber *big.Int) ([]byte, error) {
	at, err := c.pin(ctx, blockNumber)
	if err != nil {
		return nil, err
	}
	return ask(ctx, c, question{what: fmt.Sprintf("eth_call to %v at block %v", msg.To, at), need: blockNum(at)}, func(ctx context.Context, n Node) ([]byte, error) {
		return n.CallContract(ctx, msg, at)
	}, bytesKey)
}

// CodeAt returns the code k sources agree on.
func (c *Client) CodeAt(ctx context.Context, account common.Address, blockNumber *big.Int) ([]byte, error) {
	at, err := c.pin(ctx, blockNumber)
	if err != nil {
		return nil, err
	}
	return ask(ctx, c, question{what: fmt.Sprintf("code of %s at block %v", account.Hex(), at), need: blockNum(at)}, func(ctx context.Context, n Node) ([]byte, error) {
		return n.CodeAt(ctx, account, at)
	}, bytesKey)
}

func bytesKey(b []byte) string { return hex.EncodeToString(b) }

func blockNum(n *big.Int) uint64 {
	if n == nil || n.Sign() <= 0 {
		return 0
	}
	return n.Uint64()
}
