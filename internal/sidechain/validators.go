package sidechain

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/watchtower-l2/watchtower/proofs/header"
)

// ValidatorOptions configures a validator set.
type ValidatorOptions struct {
	SidechainID uint64
	Domain      header.Domain
	// Keys are the validators' keys; Count random keys are made when empty (default 4).
	Keys  []*ecdsa.PrivateKey
	Count int
	// RPCURL is the sidechain endpoint the validators follow.
	RPCURL string
	// Confirmations is how deep a block must be before it is attested (default 2):
	// validators never attest a tip that may still be reorganised.
	Confirmations uint64
	// Poll is how often the validators look for new blocks (default 50ms).
	Poll time.Duration
}

// Validators attest the sidechain's blocks and serve their attestations.
type Validators struct {
	Keys []*ecdsa.PrivateKey
	// URL is the base URL of the attestation feed (header.FeedPath).
	URL string

	opts   ValidatorOptions
	client *ethclient.Client
	srv    *http.Server
	ln     net.Listener

	mu     sync.Mutex
	att    map[uint64][]header.Record
	next   uint64
	paused bool
	stop   context.CancelFunc
	wg     sync.WaitGroup
}

// StartValidators starts the attesting loop and the feed on 127.0.0.1.
func StartValidators(opts ValidatorOptions) (*Validators, error) {
	if opts.Confirmations == 0 {
		opts.Confirmations = 2
	}
	if opts.Poll <= 0 {
		opts.Poll = 50 * time.Millisecond
	}
	if opts.Count <= 0 {
		opts.Count = 4
	}
	v := &Validators{Keys: opts.Keys, opts: opts, att: map[uint64][]header.Record{}, next: 1}
	for len(opts.Keys) == 0 && len(v.Keys) < opts.Count {
		k, err := crypto.GenerateKey()
		if err != nil {
			return nil, err
		}
		v.Keys = append(v.Keys, k)
	}
	c, err := ethclient.Dial(opts.RPCURL)
	if err != nil {
		return nil, fmt.Errorf("sidechain validators: dial %s: %w", opts.RPCURL, err)
	}
	v.client = c
	v.ln, err = net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		c.Close()
		return nil, fmt.Errorf("sidechain validators: listen: %w", err)
	}
	v.URL = "http://" + v.ln.Addr().String()
	mux := http.NewServeMux()
	mux.HandleFunc("GET "+header.FeedPath, v.serveFeed)
	v.srv = &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	ctx, cancel := context.WithCancel(context.Background())
	v.stop = cancel
	v.wg.Add(2)
	go func() {
		defer v.wg.Done()
		_ = v.srv.Serve(v.ln)
	}()
	go func() {
		defer v.wg.Done()
		v.loop(ctx)
	}()
	return v, nil
}

// Addresses are the validators' addresses, in key order.
func (v *Validators) Addresses() []common.Address {
	out := make([]common.Address, len(v.Keys))
	for i, k := range v.Keys {
		out[i] = crypto.PubkeyToAddress(k.PublicKey)
	}
	return out
}

// Threshold is the smallest quorum with 3 * threshold > 2 * validators.
func (v *Validators) Threshold() uint64 { return uint64(2*len(v.Keys)/3 + 1) }

// Pause stops attesting new blocks (attestations go missing); Resume restarts.
func (v *Validators) Pause() { v.mu.Lock(); v.paused = true; v.mu.Unlock() }

// Resume restarts attesting, catching up from where it stopped.
func (v *Validators) Resume() { v.mu.Lock(); v.paused = false; v.mu.Unlock() }

// Attested is the highest block number attested so far (0: none).
func (v *Validators) Attested() uint64 {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.next - 1
}

// WaitAttested waits until block n is attested.
func (v *Validators) WaitAttested(ctx context.Context, n uint64) error {
	for v.Attested() < n {
		select {
		case <-ctx.Done():
			return fmt.Errorf("sidechain validators: block %d not attested: %w", n, ctx.Err())
		case <-time.After(10 * time.Millisecond):
		}
	}
	return nil
}

func (v *Validators) loop(ctx context.Context) {
	t := time.NewTicker(v.opts.Poll)
	defer t.Stop()
	for {
		if err := v.attest(ctx); err != nil && ctx.Err() == nil {
			// The sidechain may be briefly unreachable; try again next tick.
			_ = err
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// attest signs every block at least Confirmations deep not attested yet.
func (v *Validators) attest(ctx context.Context) error {
	v.mu.Lock()
	paused, next := v.paused, v.next
	v.mu.Unlock()
	if paused {
		return nil
	}
	head, err := v.client.BlockNumber(ctx)
	if err != nil {
		return err
	}
	for n := next; n+v.opts.Confirmations <= head; n++ {
		h, err := v.client.HeaderByNumber(ctx, new(big.Int).SetUint64(n))
		if err != nil {
			return err
		}
		a := header.Attestation{SidechainID: new(big.Int).SetUint64(v.opts.SidechainID), Number: n, BlockHash: h.Hash()}
		recs := make([]header.Record, 0, len(v.Keys))
		for _, k := range v.Keys {
			sig, err := v.opts.Domain.Sign(a, k)
			if err != nil {
				return err
			}
			recs = append(recs, header.Record{Number: n, BlockHash: a.BlockHash, Validator: crypto.PubkeyToAddress(k.PublicKey), Signature: sig})
		}
		v.mu.Lock()
		if v.paused {
			v.mu.Unlock()
			return nil
		}
		v.att[n] = recs
		v.next = n + 1
		v.mu.Unlock()
	}
	return nil
}

func (v *Validators) serveFeed(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	from, err1 := strconv.ParseUint(q.Get("from"), 10, 64)
	to, err2 := strconv.ParseUint(q.Get("to"), 10, 64)
	if err := errors.Join(err1, err2); err != nil || to < from || to-from >= header.MaxFeedRange {
		http.Error(w, "from and to must be block numbers with from <= to and at most 1024 blocks", http.StatusBadRequest)
		return
	}
	if s := q.Get("sidechain"); s != "" && s != strconv.FormatUint(v.opts.SidechainID, 10) {
		http.Error(w, "unknown sidechain "+s, http.StatusNotFound)
		return
	}
	feed := header.Feed{SidechainID: v.opts.SidechainID, Attestations: []header.Record{}}
	v.mu.Lock()
	for n := from; n <= to; n++ {
		feed.Attestations = append(feed.Attestations, v.att[n]...)
	}
	v.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(feed)
}

// Close stops attesting and the feed.
func (v *Validators) Close() error {
	v.stop()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	err := v.srv.Shutdown(ctx)
	v.wg.Wait()
	v.client.Close()
	return err
}
