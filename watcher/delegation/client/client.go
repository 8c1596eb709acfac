// Package client is the Go client of a watchtower's delegation API, for
// wallets and channel nodes: register, delegate every new co-signed state,
// subscribe to Plasma and sidechain subjects, read and revoke, with retries
// and backoff; every receipt and heartbeat is verified against the tower's
// identity. Multi delegates to several towers at once and keeps what it could
// not deliver in a backlog on disk.
package client

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/watchtower-l2/watchtower/proofs/channelstate"
	"github.com/watchtower-l2/watchtower/watcher/delegation/api"
)

// Client talks to one tower.
type Client struct {
	base string
	http *http.Client
	key  *ecdsa.PrivateKey
	// Retries is how many times a transport error, 5xx or 429 is retried (default 3).
	Retries int
	// Backoff is the first retry delay, doubled each time up to MaxBackoff
	// (defaults 200ms and 5s), with jitter; a 429's Retry-After is honoured.
	Backoff, MaxBackoff time.Duration
	// RateLimitWaits is how many 429 answers are waited out (their
	// Retry-After, or the backoff without one) besides Retries (default 10).
	RateLimitWaits int
	// MaxRetryAfter bounds one wait for a 429: a tower asking for longer is
	// not waited for, its 429 is returned (default 1m).
	MaxRetryAfter time.Duration
	// Tower, when set, is the identity the tower must have: its info,
	// receipts and heartbeats are refused otherwise (pin it from a source you trust).
	Tower common.Address
	// RegistrationToken is sent with Register to a private tower that
	// requires one (api.HeaderRegistrationToken).
	RegistrationToken string

	mu        sync.Mutex
	info      *api.Info
	lastNonce uint64
}

// New returns a client for the tower at baseURL (e.g. http://127.0.0.1:8080).
func New(baseURL string, hc *http.Client) *Client {
	if hc == nil {
		hc = &http.Client{Timeout: 15 * time.Second}
	}
	return &Client{base: strings.TrimRight(baseURL, "/"), http: hc, Retries: 3, Backoff: 200 * time.Millisecond, MaxBackoff: 5 * time.Second,
		RateLimitWaits: 10, MaxRetryAfter: time.Minute}
}

// WithKey returns c signing its requests with key (the user's account).
func (c *Client) WithKey(key *ecdsa.PrivateKey) *Client {
	c.key = key
	return c
}

// URL is the tower's base URL.
func (c *Client) URL() string { return c.base }

// User is the address requests are signed by (zero without a key).
func (c *Client) User() common.Address {
	if c.key == nil {
		return common.Address{}
	}
	return crypto.PubkeyToAddress(c.key.PublicKey)
}

// Info returns (and caches) what the tower says about itself.
func (c *Client) Info(ctx context.Context) (api.Info, error) {
	c.mu.Lock()
	if c.info != nil {
		defer c.mu.Unlock()
		return *c.info, nil
	}
	c.mu.Unlock()
	var in api.Info
	if err := c.do(ctx, http.MethodGet, "/v1/info", nil, false, &in); err != nil {
		return in, err
	}
	tower, err := api.ParseAddress("tower", in.Tower)
	if err != nil {
		return in, fmt.Errorf("delegation: tower info: %w", err)
	}
	if c.Tower != (common.Address{}) && tower != c.Tower {
		return in, fmt.Errorf("delegation: %s has identity %s, not the pinned %s", c.base, tower.Hex(), c.Tower.Hex())
	}
	c.mu.Lock()
	c.info = &in
	c.mu.Unlock()
	return in, nil
}

func (c *Client) domain(ctx context.Context) (api.Domain, error) {
	in, err := c.Info(ctx)
	if err != nil {
		return api.Domain{}, err
	}
	return api.Domain{ChainID: in.ChainID, Tower: common.HexToAddress(in.Tower)}, nil
}

// Register registers the client's key with the tower, or renews its subscription.
func (c *Client) Register(ctx context.Context) (api.Subscription, error) {
	var s api.Subscription
	err := c.doWith(ctx, http.MethodPost, "/v1/users", nil, true, c.registrationHeader(), &s)
	return s, err
}

// Status returns the subscription: slots used and free, expiry block.
func (c *Client) Status(ctx context.Context) (api.Subscription, error) {
	var s api.Subscription
	err := c.do(ctx, http.MethodGet, "/v1/users/"+c.User().Hex(), nil, true, &s)
	return s, err
}

// Items lists what the tower holds for the client's key.
func (c *Client) Items(ctx context.Context) ([]api.Item, error) {
	var it api.Items
	err := c.do(ctx, http.MethodGet, "/v1/users/"+c.User().Hex()+"/items", nil, true, &it)
	return it.Items, err
}

// DelegateState hands the tower a co-signed channel state: signed by the
// client's key when it has one (a registered participant), anonymously
// otherwise. The receipt is verified: signed by the tower, for this state.
func (c *Client) DelegateState(ctx context.Context, s channelstate.Signed) (api.Accepted, error) {
	var a api.Accepted
	if err := c.do(ctx, http.MethodPost, "/v1/channels/state", api.FromSigned(s), c.key != nil, &a); err != nil {
		return a, err
	}
	return a, c.checkStateReceipt(ctx, a.Receipt, s)
}

// DelegateStates hands the tower up to api.MaxBatch states of different
// channels in one call (a channel node updating all its channels). Each state
// is accepted or refused on its own (see api.StateResult). The tower answers
// with one signature for all accepted states (api.BatchAnswer); the client
// rebuilds and verifies each accepted state's own receipt from the states it
// sent.
func (c *Client) DelegateStates(ctx context.Context, states []channelstate.Signed) (api.BatchAccepted, error) {
	body := api.ChannelStates{States: make([]api.ChannelState, len(states))}
	for i, s := range states {
		body.States[i] = api.FromSigned(s)
	}
	var ans api.BatchAnswer
	if err := c.do(ctx, http.MethodPost, "/v1/channels/states", body, c.key != nil, &ans); err != nil {
		return api.BatchAccepted{}, err
	}
	in, err := c.Info(ctx)
	if err != nil {
		return api.BatchAccepted{}, err
	}
	out, err := ans.Expand(channelDomain(in), states)
	if err != nil {
		return out, fmt.Errorf("delegation: %s answered a batch that does not match the states sent: %w", c.base, err)
	}
	// Expand built every receipt from the states sent and matched their tree
	// to the signed root; the receipts share tower, chain, user, kind and
	// signature. Checking one of them therefore checks them all.
	for i, r := range out.Results {
		if r.Accepted != nil {
			return out, c.checkStateReceipt(ctx, r.Receipt, states[i])
		}
	}
	return out, nil
}

func channelDomain(in api.Info) channelstate.Domain {
	return channelstate.Domain{ChainID: new(big.Int).SetUint64(in.ChainID), Contract: common.HexToAddress(in.Adjudicator)}
}

func (c *Client) checkStateReceipt(ctx context.Context, r api.Receipt, s channelstate.Signed) error {
	return c.checkStateReceipts(ctx, []api.Receipt{r}, []channelstate.Signed{s})
}

// checkStateReceipts checks that rs[i] is the tower's receipt for ss[i].
func (c *Client) checkStateReceipts(ctx context.Context, rs []api.Receipt, ss []channelstate.Signed) error {
	if len(rs) == 0 {
		return nil
	}
	in, err := c.Info(ctx)
	if err != nil {
		return err
	}
	tower := common.HexToAddress(in.Tower)
	if err := api.VerifyReceipts(tower, rs...); err != nil {
		return fmt.Errorf("delegation: %s answered with a bad receipt: %w", c.base, err)
	}
	cd := channelDomain(in)
	for i, r := range rs {
		s := ss[i]
		want := cd.Digest(s.State)
		if r.Kind != api.KindChannel || r.Subject != s.ChannelID.Hex() || r.Nonce != s.Nonce || !strings.EqualFold(r.StateDigest, want.Hex()) ||
			r.ChainID != in.ChainID || !strings.EqualFold(r.User, c.User().Hex()) {
			return fmt.Errorf("delegation: %s answered with a receipt for something else: %+v", c.base, r)
		}
	}
	return nil
}

// HeldState returns the full state the tower holds for a channel (balances
// and both signatures). The tower gives it only to a party of the channel:
// the request is signed with the client's key, which must be party A's or B's.
func (c *Client) HeldState(ctx context.Context, id common.Hash) (api.HeldState, error) {
	var h api.HeldState
	if c.key == nil {
		return h, errors.New("delegation: reading a channel's held state must be signed by a party of the channel; give the client its key (WithKey), or use HeldNonce")
	}
	err := c.do(ctx, http.MethodGet, "/v1/channels/"+id.Hex(), nil, true, &h)
	return h, err
}

// HeldNonce returns the nonce the tower holds for a channel: what anybody
// may read, unsigned.
func (c *Client) HeldNonce(ctx context.Context, id common.Hash) (api.HeldNonce, error) {
	var h api.HeldNonce
	err := c.do(ctx, http.MethodGet, "/v1/channels/"+id.Hex(), nil, false, &h)
	return h, err
}

// Revoke withdraws the client's delegation of a channel.
func (c *Client) Revoke(ctx context.Context, id common.Hash) (api.Revoked, error) {
	var r api.Revoked
	err := c.do(ctx, http.MethodDelete, "/v1/channels/"+id.Hex(), nil, true, &r)
	return r, err
}

// Subscribe asks the tower to guard subject of kind (plasma, sidechain, ...).
func (c *Client) Subscribe(ctx context.Context, kind, subject string) (api.Subscribed, error) {
	var s api.Subscribed
	if err := c.do(ctx, http.MethodPost, "/v1/subscriptions", api.Subscribe{Kind: kind, Subject: subject}, true, &s); err != nil {
		return s, err
	}
	d, err := c.domain(ctx)
	if err != nil {
		return s, err
	}
	if err := s.Receipt.Verify(d.Tower); err != nil {
		return s, fmt.Errorf("delegation: %s answered with a bad receipt: %w", c.base, err)
	}
	if s.Receipt.Kind != kind || s.Receipt.Subject != subject {
		return s, fmt.Errorf("delegation: %s answered with a receipt for %s %s", c.base, s.Receipt.Kind, s.Receipt.Subject)
	}
	return s, nil
}

// Unsubscribe withdraws a subscription.
func (c *Client) Unsubscribe(ctx context.Context, kind, subject string) (api.Revoked, error) {
	var r api.Revoked
	err := c.do(ctx, http.MethodDelete, "/v1/subscriptions/"+url.PathEscape(kind)+"/"+subject, nil, true, &r)
	return r, err
}

// Heartbeat fetches the tower's signed heartbeat and verifies its signature.
func (c *Client) Heartbeat(ctx context.Context) (api.Heartbeat, error) {
	var h api.Heartbeat
	if err := c.do(ctx, http.MethodGet, "/v1/heartbeat", nil, false, &h); err != nil {
		return h, err
	}
	d, err := c.domain(ctx)
	if err != nil {
		return h, err
	}
	if err := h.Verify(d.Tower); err != nil {
		return h, err
	}
	if h.ChainID != d.ChainID {
		return h, fmt.Errorf("heartbeat: chain %d, the tower serves chain %d", h.ChainID, d.ChainID)
	}
	return h, nil
}

// Liveness is what CheckLive requires of a heartbeat.
type Liveness struct {
	// MaxAge is how old the heartbeat's timestamp may be (default 2 minutes).
	MaxAge time.Duration
	// Head, when set, is the L1 head the caller sees; the tower must have
	// processed up to at least Head - MaxLag.
	Head   uint64
	MaxLag uint64
}

// ErrStalled is returned by CheckLive for a tower that is behind.
var ErrStalled = errors.New("tower stalled")

// CheckLive fetches a heartbeat and tells a live tower from a stalled one.
func (c *Client) CheckLive(ctx context.Context, l Liveness) (api.Heartbeat, error) {
	if l.MaxAge == 0 {
		l.MaxAge = 2 * time.Minute
	}
	h, err := c.Heartbeat(ctx)
	if err != nil {
		return h, err
	}
	age := time.Since(time.Unix(int64(h.Timestamp), 0))
	if age > l.MaxAge {
		return h, fmt.Errorf("%w: heartbeat signed %s ago (max %s)", ErrStalled, age.Round(time.Second), l.MaxAge)
	}
	if l.Head > 0 && h.BlockNumber+l.MaxLag < l.Head {
		return h, fmt.Errorf("%w: processed up to block %d, head is %d (max lag %d)", ErrStalled, h.BlockNumber, l.Head, l.MaxLag)
	}
	return h, nil
}

// nextNonce returns a request nonce: Unix milliseconds, strictly increasing.
func (c *Client) nextNonce() uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := uint64(time.Now().UnixMilli())
	if n <= c.lastNonce {
		n = c.lastNonce + 1
	}
	c.lastNonce = n
	return n
}

func (c *Client) registrationHeader() http.Header {
	if c.RegistrationToken == "" {
		return nil
	}
	return http.Header{api.HeaderRegistrationToken: {c.RegistrationToken}}
}

func (c *Client) do(ctx context.Context, method, path string, body any, signed bool, out any) error {
	return c.doWith(ctx, method, path, body, signed, nil, out)
}

// doWith is do with extra request headers.
func (c *Client) doWith(ctx context.Context, method, path string, body any, signed bool, extra http.Header, out any) error {
	var payload []byte
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return fmt.Errorf("delegation: encode request: %w", err)
		}
		payload = b
	}
	if signed && c.key == nil {
		return errors.New("delegation: this request must be signed; give the client the user's key (WithKey)")
	}
	var d api.Domain
	if signed {
		var err error
		if d, err = c.domain(ctx); err != nil {
			return err
		}
	}
	delay, wait := c.Backoff, time.Duration(0)
	var lastErr error
	failures, limited := 0, 0 // failed attempts, and 429s waited out
	for try := 0; ; try++ {
		if try > 0 {
			select {
			case <-ctx.Done():
				return fmt.Errorf("delegation: %s %s: %w (last error: %v)", method, path, ctx.Err(), lastErr)
			case <-time.After(wait):
			}
		}
		hdr := extra.Clone()
		if signed {
			// A retry is signed again with a fresh nonce: the tower refuses a reused one.
			n := c.nextNonce()
			sig, err := api.SignDigest(d.RequestDigest(api.NewRequest(method, path, payload, n)), c.key)
			if err != nil {
				return err
			}
			if hdr == nil {
				hdr = http.Header{}
			}
			hdr.Set(api.HeaderUser, c.User().Hex())
			hdr.Set(api.HeaderNonce, strconv.FormatUint(n, 10))
			hdr.Set(api.HeaderSignature, hexutil.Encode(sig))
		}
		err := c.once(ctx, method, path, payload, hdr, out)
		if err == nil || api.IsRefusal(err) {
			return err
		}
		lastErr = err
		wait = delay/2 + time.Duration(rand.Int64N(int64(delay)+1))
		if ae, ok := rateLimited(err); ok {
			// A rate limit is waited out, not counted as a failure, unless
			// the tower asks for too long.
			if limited >= c.RateLimitWaits || ae.RetryAfter > c.MaxRetryAfter {
				return fmt.Errorf("delegation: %s %s: rate limited (Retry-After %s; waited out %d times already): %w",
					method, path, ae.RetryAfter, limited, err)
			}
			limited++
			if ae.RetryAfter > 0 {
				wait = ae.RetryAfter
			}
			continue
		}
		if failures++; failures > c.Retries {
			return lastErr
		}
		delay = min(delay*2, c.MaxBackoff)
	}
}

// rateLimited returns err's 429 answer, if it is one.
func rateLimited(err error) (*api.APIError, bool) {
	var ae *api.APIError
	if errors.As(err, &ae) && ae.Status == http.StatusTooManyRequests {
		return ae, true
	}
	return nil, false
}

func (c *Client) once(ctx context.Context, method, path string, payload []byte, hdr http.Header, out any) error {
	var rd io.Reader
	if payload != nil {
		rd = bytes.NewReader(payload)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, rd)
	if err != nil {
		return fmt.Errorf("delegation: build request: %w", err)
	}
	for k, v := range hdr {
		req.Header[k] = v
	}
	if payload != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("delegation: %s %s: %w", method, path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return fmt.Errorf("delegation: read answer: %w", err)
	}
	if resp.StatusCode != http.StatusOK {
		var eb api.ErrorBody
		if json.Unmarshal(b, &eb) != nil || eb.Error == "" {
			eb.Error = strings.TrimSpace(string(b))
		}
		ae := &api.APIError{Status: resp.StatusCode, Message: eb.Error}
		if s, err := strconv.Atoi(resp.Header.Get("Retry-After")); err == nil && s > 0 {
			ae.RetryAfter = time.Duration(s) * time.Second
		}
		return ae
	}
	if err := json.Unmarshal(b, out); err != nil {
		return fmt.Errorf("delegation: decode answer: %w", err)
	}
	return nil
}
