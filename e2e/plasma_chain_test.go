//go:build linux

package e2e

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/watchtower-l2/watchtower/deployments/contracts/bindings"
	"github.com/watchtower-l2/watchtower/internal/plasmaop"
	"github.com/watchtower-l2/watchtower/internal/testutil/anviltest"
	"github.com/watchtower-l2/watchtower/proofs/merkle"
	"github.com/watchtower-l2/watchtower/proofs/plasmatx"
)

// JSON-RPC batching: transactions and reads go to anvil this many per HTTP
// request, a few requests at once.
const (
	rpcBatch       = 200
	rpcConcurrency = 4
)

// massUser is one account of the mass exit: its key and the outputs it
// spent on the child chain, each with what startExit needs.
type massUser struct {
	key   *ecdsa.PrivateKey
	addr  common.Address
	spent []exitData
}

// exitData is a spent output and the proof startExit takes for it.
type exitData struct {
	pos   plasmatx.Pos
	tx    []byte
	proof []byte
}

// feedServer serves the operator's block feed over HTTP and remembers the
// highest block it served, so the test knows the tower fetched it.
type feedServer struct {
	url    string
	served atomic.Uint64
}

// serveFeed serves op's GET /blocks/{n} on a free 127.0.0.1 port until the test ends.
func serveFeed(t *testing.T, op *plasmaop.Operator) *feedServer {
	t.Helper()
	f := &feedServer{}
	inner := op.Handler()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sw := &statusWriter{ResponseWriter: w, code: http.StatusOK}
		inner.ServeHTTP(sw, r)
		if n, err := strconv.ParseUint(strings.TrimPrefix(r.URL.Path, "/blocks/"), 10, 64); err == nil && sw.code == http.StatusOK {
			for {
				old := f.served.Load()
				if n <= old || f.served.CompareAndSwap(old, n) {
					break
				}
			}
		}
	}))
	t.Cleanup(srv.Close)
	f.url = srv.URL
	return f
}

type statusWriter struct {
	http.ResponseWriter
	code int
}

func (s *statusWriter) WriteHeader(code int) {
	s.code = code
	s.ResponseWriter.WriteHeader(code)
}

// buildSplitTrees plays the honest part of the child chain: in child block
// l (1..depth) every user spends each of its outputs of the level before,
// splitting it in two outputs of its own. After depth blocks each user has
// spent 2^depth-1 outputs (its deposit and every inner node of its tree),
// recorded in spent in level order; the last level stays unspent. It
// returns the last child block's number.
func buildSplitTrees(ctx context.Context, t *testing.T, op *plasmaop.Operator, users []*massUser, deposits []plasmatx.Pos, amount *big.Int, depth int) uint64 {
	t.Helper()
	type output struct {
		exitData
		amount *big.Int
	}
	level := make([][]output, len(users))
	for i := range users {
		txb, proof, err := op.ExitData(deposits[i])
		if err != nil {
			t.Fatalf("exit data of deposit %s: %v", deposits[i], err)
		}
		level[i] = []output{{exitData{deposits[i], txb, proof}, amount}}
	}
	var last uint64
	for l := 1; l <= depth; l++ {
		type made struct {
			user    int
			tx      []byte
			amounts [2]*big.Int
		}
		var txs []made
		for i, u := range users {
			for _, o := range level[i] {
				half := new(big.Int).Rsh(o.amount, 1)
				rest := new(big.Int).Sub(o.amount, half)
				s, err := plasmaop.SignTx(plasmatx.Tx{Inputs: [2]plasmatx.Pos{o.pos, 0},
					Outputs: [2]plasmatx.Output{{Owner: u.addr, Amount: half}, {Owner: u.addr, Amount: rest}}}, u.key)
				if err != nil {
					t.Fatal(err)
				}
				if err := op.Submit(s); err != nil {
					t.Fatalf("child block level %d: submit the spend of %s: %v", l, o.pos, err)
				}
				txs = append(txs, made{i, s.Tx, [2]*big.Int{half, rest}})
				u.spent = append(u.spent, o.exitData)
			}
		}
		body, err := op.Commit(ctx, plasmaop.CommitOptions{})
		if err != nil {
			t.Fatalf("commit child block level %d (%d txs): %v", l, len(txs), err)
		}
		tree, err := merkle.New(body.Leaves())
		if err != nil {
			t.Fatal(err)
		}
		next := make([][]output, len(users))
		for idx, m := range txs {
			proof, err := tree.Proof(idx)
			if err != nil {
				t.Fatal(err)
			}
			for o := range 2 {
				pos := plasmatx.NewPos(body.Blknum, uint64(idx), uint64(o))
				next[m.user] = append(next[m.user], output{exitData{pos, m.tx, proof}, m.amounts[o]})
			}
		}
		level, last = next, body.Blknum
	}
	return last
}

// signTx signs a dynamic-fee call to `to` with key at nonce.
func signTx(t *testing.T, key *ecdsa.PrivateKey, nonce uint64, to common.Address, value *big.Int, data []byte, gas uint64, tip, feeCap *big.Int) *types.Transaction {
	t.Helper()
	chainID := big.NewInt(anviltest.ChainID)
	tx, err := types.SignNewTx(key, types.LatestSignerForChainID(chainID), &types.DynamicFeeTx{
		ChainID: chainID, Nonce: nonce, To: &to, Value: value, Data: data, Gas: gas, GasTipCap: tip, GasFeeCap: feeCap,
	})
	if err != nil {
		t.Fatalf("sign tx: %v", err)
	}
	return tx
}

// batchCall runs elems against anvil in JSON-RPC batches of rpcBatch,
// rpcConcurrency batches at a time, and returns the first transport or
// per-call error with how many calls failed.
func batchCall(node *anviltest.Node, elems []rpc.BatchElem) error {
	var (
		mu       sync.Mutex
		first    error
		failures int
		wg       sync.WaitGroup
	)
	sem := make(chan struct{}, rpcConcurrency)
	for start := 0; start < len(elems); start += rpcBatch {
		part := elems[start:min(start+rpcBatch, len(elems))]
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			ctx, cancel := context.WithTimeout(context.Background(), rpcTimeout)
			defer cancel()
			err := node.RPC.BatchCallContext(ctx, part)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				failures += len(part)
				first = cmpErr(first, fmt.Errorf("batch of %d %s: %w", len(part), part[0].Method, err))
				return
			}
			for _, e := range part {
				if e.Error != nil {
					failures++
					first = cmpErr(first, fmt.Errorf("%s: %w", e.Method, e.Error))
				}
			}
		}()
	}
	wg.Wait()
	if first != nil {
		return fmt.Errorf("%d of %d calls failed; first: %w", failures, len(elems), first)
	}
	return nil
}

func cmpErr(first, err error) error {
	if first != nil {
		return first
	}
	return err
}

// sendRaw hands txs (ordered by sender, then nonce) to anvil in batches.
func sendRaw(t *testing.T, node *anviltest.Node, what string, txs []*types.Transaction) {
	t.Helper()
	elems := make([]rpc.BatchElem, len(txs))
	for i, tx := range txs {
		raw, err := tx.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		elems[i] = rpc.BatchElem{Method: "eth_sendRawTransaction", Args: []any{hexutil.Encode(raw)}, Result: new(common.Hash)}
	}
	if err := batchCall(node, elems); err != nil {
		t.Fatalf("send %d %s: %v", len(txs), what, err)
	}
}

// minedReceipts waits until every transaction of txs has a receipt and
// returns them in order; each must show success.
func minedReceipts(t *testing.T, w *waiter, node *anviltest.Node, what string, txs []*types.Transaction) []*types.Receipt {
	t.Helper()
	out := make([]*types.Receipt, len(txs))
	w.until(fmt.Sprintf("%d %s to be mined", len(txs), what), func() (bool, string) {
		var elems []rpc.BatchElem
		for i := range out {
			if out[i] == nil && len(elems) < 5*rpcBatch {
				elems = append(elems, rpc.BatchElem{Method: "eth_getTransactionReceipt", Args: []any{txs[i].Hash()}, Result: &out[i]})
			}
		}
		if err := batchCall(node, elems); err != nil {
			return false, err.Error()
		}
		missing := 0
		for _, r := range out {
			if r == nil {
				missing++
			}
		}
		return missing == 0, fmt.Sprintf("%d of %d mined", len(txs)-missing, len(txs))
	})
	for i, r := range out {
		if r.Status != types.ReceiptStatusSuccessful {
			reverted := 0
			for _, r := range out {
				if r.Status != types.ReceiptStatusSuccessful {
					reverted++
				}
			}
			t.Fatalf("%d of %d %s reverted; the first is tx %d (%s) in block %d, gas used %d of %d",
				reverted, len(txs), what, i, r.TxHash, r.BlockNumber, r.GasUsed, txs[i].Gas())
		}
	}
	return out
}

// exitStatuses reads getExit(pos).status of each position with batched eth_calls.
func exitStatuses(t *testing.T, node *anviltest.Node, pf common.Address, pos []plasmatx.Pos) []uint8 {
	t.Helper()
	pfABI, err := bindings.PlasmaFrameworkMetaData.GetAbi()
	if err != nil {
		t.Fatal(err)
	}
	raw := make([]hexutil.Bytes, len(pos))
	elems := make([]rpc.BatchElem, len(pos))
	for i, p := range pos {
		data, err := pfABI.Pack("getExit", new(big.Int).SetUint64(uint64(p)))
		if err != nil {
			t.Fatal(err)
		}
		elems[i] = rpc.BatchElem{Method: "eth_call", Args: []any{map[string]any{"to": pf, "data": hexutil.Bytes(data)}, "latest"}, Result: &raw[i]}
	}
	if err := batchCall(node, elems); err != nil {
		t.Fatalf("getExit of %d exits: %v", len(pos), err)
	}
	out := make([]uint8, len(pos))
	for i, b := range raw {
		vals, err := pfABI.Unpack("getExit", b)
		if err != nil || len(vals) != 1 {
			t.Fatalf("decode getExit(%s): %v", pos[i], err)
		}
		ex := *abi.ConvertType(vals[0], new(bindings.PlasmaFrameworkExit)).(*bindings.PlasmaFrameworkExit)
		out[i] = ex.Status
	}
	return out
}

// fundAll sets the balance of every address to wei with batched anvil_setBalance.
func fundAll(t *testing.T, node *anviltest.Node, addrs []common.Address, wei *big.Int) {
	t.Helper()
	elems := make([]rpc.BatchElem, len(addrs))
	for i, a := range addrs {
		elems[i] = rpc.BatchElem{Method: "anvil_setBalance", Args: []any{a, hexutil.EncodeBig(wei)}, Result: new(any)}
	}
	if err := batchCall(node, elems); err != nil {
		t.Fatalf("fund %d accounts: %v", len(addrs), err)
	}
}

// newUsers makes n fresh users.
func newUsers(t *testing.T, n int) []*massUser {
	t.Helper()
	out := make([]*massUser, n)
	for i := range out {
		k := newKey(t)
		out[i] = &massUser{key: k, addr: crypto.PubkeyToAddress(k.PublicKey)}
	}
	return out
}

// towerTx is what the mass exit's judge reads of a receipt.
type towerTx struct {
	From   common.Address  `json:"from"`
	To     *common.Address `json:"to"`
	Status hexutil.Uint64  `json:"status"`
}

// txsFrom counts the transactions mined in blocks from..to that one of
// senders sent: to contract and successful, to contract and reverted, and
// to anything else.
func txsFrom(t *testing.T, node *anviltest.Node, from, to uint64, senders []common.Address, contract common.Address) (ok, reverted, other int) {
	t.Helper()
	blocks := make([][]towerTx, to-from+1)
	elems := make([]rpc.BatchElem, len(blocks))
	for i := range blocks {
		elems[i] = rpc.BatchElem{Method: "eth_getBlockReceipts", Args: []any{hexutil.EncodeUint64(from + uint64(i))}, Result: &blocks[i]}
	}
	if err := batchCall(node, elems); err != nil {
		t.Fatalf("receipts of blocks %d..%d: %v", from, to, err)
	}
	for _, rs := range blocks {
		for _, r := range rs {
			switch {
			case !slices.Contains(senders, r.From):
			case r.To == nil || *r.To != contract:
				other++
			case r.Status == 1:
				ok++
			default:
				reverted++
			}
		}
	}
	return ok, reverted, other
}
