package delegation

import (
	"context"
	"crypto/ecdsa"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/proofs/channelstate"
	"github.com/watchtower-l2/watchtower/watcher/delegation/api"
	"github.com/watchtower-l2/watchtower/watcher/l2/channel"
	"github.com/watchtower-l2/watchtower/watcher/store"
)

// OpenAPI is the API's OpenAPI 3.1 document, served at GET /v1/openapi.json.
//
//go:embed openapi.json
var OpenAPI []byte

// Channels is the channel plug-in's delegation side (*channel.Kind).
type Channels interface {
	DelegateMany(ctx context.Context, states []channelstate.Signed, opts channel.ManyOptions) ([]channel.Result, error)
	Latest(ctx context.Context, id common.Hash) (channel.Held, error)
	LatestNonce(ctx context.Context, id common.Hash) (uint64, error)
	Forget(ctx context.Context, id common.Hash) error
	Head(ctx context.Context) (uint64, error)
	ChainID() uint64
	Adjudicator() common.Address
	Domain() channelstate.Domain
}

// Rate is a token bucket: PerSecond requests on average, bursts of Burst.
// A zero PerSecond disables the limit.
type Rate struct {
	PerSecond float64
	Burst     int
}

// Config configures the delegation API.
type Config struct {
	Channels Channels
	Store    store.Store
	// Identity signs receipts and heartbeats; its address is the tower's
	// identity users check them against (and the verifying contract of the
	// EIP-712 domain their requests are signed in). Required.
	Identity *ecdsa.PrivateKey
	// Kinds are the subscription kinds accepted besides channel states
	// (default: plasma, sidechain).
	Kinds []string
	// Slots is how many jobs (channels or subscriptions) a registered user may
	// hold (default 100).
	Slots int
	// SubscriptionBlocks is how many L1 blocks a registration (or renewal)
	// lasts (default 216000, about 30 days of 12 s blocks).
	SubscriptionBlocks uint64
	// AnonymousBlocks is how long, in blocks, the receipt of an unauthenticated
	// delegation promises to watch (default 50400, about 7 days). The state is
	// in fact kept until the channel settles.
	AnonymousBlocks uint64
	// PerIP and PerUser limit request rates (defaults 20/s burst 40 and
	// 10/s burst 20); a negative PerSecond disables a limit.
	PerIP, PerUser Rate
	// HeadTTL is how long an L1 head read is reused (default 1s).
	HeadTTL time.Duration
	// PruneInterval is how often Run prunes expired subscriptions (default 1m).
	PruneInterval time.Duration
	// TrustProxy takes the client IP from X-Forwarded-For (behind a proxy you run).
	TrustProxy bool
}

// Server serves the delegation API.
type Server struct {
	cfg      Config
	channels Channels
	reg      *Registry
	domain   api.Domain
	log      *zap.Logger
	mux      *http.ServeMux
	ipLim    *limiter
	userLim  *limiter

	headMu sync.Mutex
	head   uint64
	headAt time.Time

	hbMu sync.Mutex
	hb   api.Heartbeat
	hbAt time.Time
}

// NewServer returns the API handler.
func NewServer(cfg Config, log *zap.Logger) (*Server, error) {
	if cfg.Channels == nil || cfg.Store == nil {
		return nil, errors.New("delegation: Channels and Store are required")
	}
	if cfg.Identity == nil {
		return nil, errors.New("delegation: an identity key is required to sign receipts and heartbeats")
	}
	if cfg.Kinds == nil {
		cfg.Kinds = []string{"plasma", "sidechain"}
	}
	for _, k := range cfg.Kinds {
		if !kindRE.MatchString(k) || k == api.KindChannel {
			return nil, fmt.Errorf("delegation: bad subscription kind %q", k)
		}
	}
	if cfg.Slots <= 0 {
		cfg.Slots = 100
	}
	if cfg.SubscriptionBlocks == 0 {
		cfg.SubscriptionBlocks = 216000
	}
	if cfg.AnonymousBlocks == 0 {
		cfg.AnonymousBlocks = 50400
	}
	if cfg.PerIP.PerSecond == 0 {
		cfg.PerIP = Rate{PerSecond: 20, Burst: 40}
	}
	if cfg.PerUser.PerSecond == 0 {
		cfg.PerUser = Rate{PerSecond: 10, Burst: 20}
	}
	if cfg.HeadTTL == 0 {
		cfg.HeadTTL = time.Second
	}
	if cfg.PruneInterval == 0 {
		cfg.PruneInterval = time.Minute
	}
	s := &Server{
		cfg:      cfg,
		channels: cfg.Channels,
		reg:      NewRegistry(cfg.Store),
		domain:   api.Domain{ChainID: cfg.Channels.ChainID(), Tower: crypto.PubkeyToAddress(cfg.Identity.PublicKey)},
		log:      log.Named("delegation"),
		mux:      http.NewServeMux(),
		ipLim:    newLimiter(cfg.PerIP),
		userLim:  newLimiter(cfg.PerUser),
	}
	s.mux.HandleFunc("GET /v1/openapi.json", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(OpenAPI)
	})
	s.mux.HandleFunc("GET /v1/info", s.getInfo)
	s.mux.HandleFunc("GET /v1/heartbeat", s.getHeartbeat)
	s.mux.HandleFunc("POST /v1/users", s.postUser)
	s.mux.HandleFunc("GET /v1/users/{address}", s.getUser)
	s.mux.HandleFunc("GET /v1/users/{address}/items", s.getItems)
	s.mux.HandleFunc("POST /v1/channels/state", s.postState)
	s.mux.HandleFunc("POST /v1/channels/states", s.postStates)
	s.mux.HandleFunc("GET /v1/channels/{id}", s.getState)
	s.mux.HandleFunc("DELETE /v1/channels/{id}", s.deleteState)
	s.mux.HandleFunc("POST /v1/subscriptions", s.postSubscription)
	s.mux.HandleFunc("DELETE /v1/subscriptions/{kind}/{subject...}", s.deleteSubscription)
	s.mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, fmt.Sprintf("no route %s %s; the API is described at GET /v1/openapi.json", r.Method, r.URL.Path))
	})
	return s, nil
}

// Identity is the tower's identity address (receipts and heartbeats recover to it).
func (s *Server) Identity() common.Address { return s.domain.Tower }

// Registry returns the user and subscription registry.
func (s *Server) Registry() *Registry { return s.reg }

// ServeHTTP implements http.Handler: it applies the per-IP rate limit and
// turns any panic into a 500.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	defer func() {
		if p := recover(); p != nil {
			s.log.Error("handler panic", zap.Any("panic", p), zap.String("path", r.URL.Path))
			writeError(w, http.StatusInternalServerError, "internal error")
		}
	}()
	if wait, ok := s.ipLim.allow(s.clientIP(r)); !ok {
		tooMany(w, "this IP address", wait)
		return
	}
	s.mux.ServeHTTP(w, r)
}

func (s *Server) clientIP(r *http.Request) string {
	if s.cfg.TrustProxy {
		if f := r.Header.Get("X-Forwarded-For"); f != "" {
			ip, _, _ := strings.Cut(f, ",")
			return strings.TrimSpace(ip)
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

func tooMany(w http.ResponseWriter, who string, wait time.Duration) {
	secs := int(wait/time.Second) + 1
	w.Header().Set("Retry-After", strconv.Itoa(secs))
	writeError(w, http.StatusTooManyRequests, fmt.Sprintf("rate limit for %s exceeded; retry in %d s", who, secs))
}

// httpErr is a refusal with its status.
type httpErr struct {
	status int
	msg    string
}

func (e *httpErr) Error() string { return e.msg }

func refuse(status int, format string, a ...any) error {
	return &httpErr{status: status, msg: fmt.Sprintf(format, a...)}
}

// fail writes err: a refusal as is, anything else as a logged 503.
func (s *Server) fail(w http.ResponseWriter, what string, err error) {
	status, msg := s.refusal(what, err)
	writeError(w, status, msg)
}

// refusal is the status and message answering err: a refusal as is,
// anything else a logged 503.
func (s *Server) refusal(what string, err error) (int, string) {
	var he *httpErr
	if errors.As(err, &he) {
		return he.status, he.msg
	}
	var de *api.DecodeError
	if errors.As(err, &de) {
		return de.Status, de.Msg
	}
	if status := statusOf(err); status < 500 {
		return status, err.Error()
	}
	s.log.Error(what, zap.Error(err))
	return http.StatusServiceUnavailable, "the tower could not " + what + " right now; retry later"
}

// statusOf maps a channel delegation refusal to an HTTP status.
func statusOf(err error) int {
	switch {
	case errors.Is(err, channel.ErrInvalidState), errors.Is(err, channel.ErrBadSignature):
		return http.StatusBadRequest
	case errors.Is(err, channel.ErrUnknownChannel):
		return http.StatusNotFound
	case errors.Is(err, channel.ErrStaleNonce), errors.Is(err, channel.ErrChannelSettled), errors.Is(err, channel.ErrNotOpen):
		return http.StatusConflict
	case errors.Is(err, channel.ErrBalanceMismatch):
		return http.StatusUnprocessableEntity
	case errors.Is(err, channel.ErrNotParticipant):
		return http.StatusForbidden
	}
	return http.StatusInternalServerError
}

// readBody reads the raw body (at most api.MaxBodyBytes), checking the content type when there is one.
func readBody(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	return readBodyMax(w, r, api.MaxBodyBytes)
}

// readBodyMax is readBody for a body of at most limit bytes.
func readBodyMax(w http.ResponseWriter, r *http.Request, limit int) ([]byte, error) {
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(ct, "application/json") {
		return nil, refuse(http.StatusUnsupportedMediaType, "Content-Type must be application/json, got %q", api.Truncate(ct))
	}
	b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, int64(limit)))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return nil, refuse(http.StatusRequestEntityTooLarge, "request body larger than %d bytes", limit)
		}
		return nil, refuse(http.StatusBadRequest, "could not read the request body: %v", err)
	}
	return b, nil
}

// caller is an authenticated request's signer and nonce.
type caller struct {
	user  common.Address
	nonce uint64
}

// authenticate checks the request signature headers. It returns ok=false
// (and no error) when the request carries none of them.
func (s *Server) authenticate(r *http.Request, body []byte) (caller, bool, error) {
	hu, hn, hs := r.Header.Get(api.HeaderUser), r.Header.Get(api.HeaderNonce), r.Header.Get(api.HeaderSignature)
	if hu == "" && hn == "" && hs == "" {
		return caller{}, false, nil
	}
	c, err := CheckRequestAuth(s.domain, r.Method, r.URL.RequestURI(), body, hu, hn, hs)
	if err != nil {
		return caller{}, true, refuse(http.StatusUnauthorized, "%v", err)
	}
	if wait, ok := s.userLim.allow(c.user.Hex()); !ok {
		return caller{}, true, refuse(http.StatusTooManyRequests, "rate limit for user %s exceeded; retry in %d s", c.user.Hex(), int(wait/time.Second)+1)
	}
	// Refuse a replay before anything else; consume settles races atomically.
	last, err := s.reg.lastNonce(r.Context(), c.user)
	if err != nil {
		return caller{}, true, err
	}
	if c.nonce <= last {
		return caller{}, true, replayErr(c, last)
	}
	return c, true, nil
}

// CheckRequestAuth verifies the three authentication headers of a request
// against its method, path (with query) and exact body bytes.
func CheckRequestAuth(d api.Domain, method, path string, body []byte, user, nonce, sig string) (caller, error) {
	switch {
	case user == "":
		return caller{}, fmt.Errorf("missing %s header (the signing address)", api.HeaderUser)
	case nonce == "":
		return caller{}, fmt.Errorf("missing %s header (a number higher than your last request's, e.g. Unix milliseconds)", api.HeaderNonce)
	case sig == "":
		return caller{}, fmt.Errorf("missing %s header (EIP-712 signature of %s)", api.HeaderSignature, api.RequestType)
	}
	u, err := api.ParseAddress(api.HeaderUser, user)
	if err != nil {
		return caller{}, err
	}
	n, err := strconv.ParseUint(nonce, 10, 64)
	if err != nil || n == 0 {
		return caller{}, fmt.Errorf("%s: want a positive decimal integer, got %q", api.HeaderNonce, api.Truncate(nonce))
	}
	sb, err := api.ParseSig(api.HeaderSignature, sig)
	if err != nil {
		return caller{}, err
	}
	got, err := api.Recover(d.RequestDigest(api.NewRequest(method, path, body, n)), sb)
	if err != nil {
		return caller{}, fmt.Errorf("%s: %v", api.HeaderSignature, err)
	}
	if got != u {
		return caller{}, fmt.Errorf("wrong signature: it recovers to %s, not %s (sign %s over this method, path, body and nonce, in domain {%s, %s, chain %d, tower %s})",
			got.Hex(), u.Hex(), api.RequestType, api.DomainName, api.DomainVersion, d.ChainID, d.Tower.Hex())
	}
	return caller{user: u, nonce: n}, nil
}

// consume records c's nonce; a request whose nonce is not higher than the
// last accepted one is a replay (or arrived out of order) and is refused.
func (s *Server) consume(ctx context.Context, c caller) error {
	prev, ok, err := s.reg.consumeNonce(ctx, c.user, c.nonce)
	if err != nil {
		return err
	}
	if !ok {
		return replayErr(c, prev)
	}
	return nil
}

func replayErr(c caller, last uint64) error {
	return refuse(http.StatusUnauthorized, "replayed request: nonce %d is not higher than %d, the last nonce accepted from %s; sign again with a higher nonce", c.nonce, last, c.user.Hex())
}

// lockUser serialises the writes of one user (quota and nonce checks).
func (s *Server) lockUser(ctx context.Context, u common.Address) (func(), error) {
	owner := strconv.FormatInt(time.Now().UnixNano(), 36) + strconv.FormatUint(uint64(randUint()), 36)
	deadline := time.Now().Add(5 * time.Second)
	for {
		ok, err := s.cfg.Store.AcquireLease(ctx, lockKey(u), owner, 10*time.Second)
		if err != nil {
			return nil, err
		}
		if ok {
			return func() { _ = s.cfg.Store.ReleaseLease(context.WithoutCancel(ctx), lockKey(u), owner) }, nil
		}
		if time.Now().After(deadline) {
			return nil, refuse(http.StatusTooManyRequests, "another request of %s is in progress; retry", u.Hex())
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(2 * time.Millisecond):
		}
	}
}

// currentHead returns the L1 head, reused for HeadTTL.
func (s *Server) currentHead(ctx context.Context) (uint64, error) {
	s.headMu.Lock()
	defer s.headMu.Unlock()
	if !s.headAt.IsZero() && time.Since(s.headAt) < s.cfg.HeadTTL {
		return s.head, nil
	}
	h, err := s.channels.Head(ctx)
	if err != nil {
		return 0, fmt.Errorf("read L1 head: %w", err)
	}
	s.head, s.headAt = h, time.Now()
	return h, nil
}

// activeUser loads u's record and refuses an unregistered or expired user.
func (s *Server) activeUser(ctx context.Context, u common.Address, head uint64) (user, error) {
	rec, err := s.reg.user(ctx, u)
	if errors.Is(err, store.ErrNotFound) {
		return user{}, refuse(http.StatusForbidden, "%s is not registered; register first with a signed POST /v1/users", u.Hex())
	}
	if err != nil {
		return user{}, err
	}
	if rec.ExpiryBlock < head {
		return user{}, refuse(http.StatusForbidden, "the subscription of %s expired at block %d (head %d); renew it with a signed POST /v1/users", u.Hex(), rec.ExpiryBlock, head)
	}
	return rec, nil
}

func (s *Server) sign(digest common.Hash) ([]byte, error) {
	return api.SignDigest(digest, s.cfg.Identity)
}

func (s *Server) getInfo(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, api.Info{
		Tower:              s.domain.Tower.Hex(),
		ChainID:            s.domain.ChainID,
		Adjudicator:        s.channels.Adjudicator().Hex(),
		Kinds:              append([]string{api.KindChannel}, s.cfg.Kinds...),
		MaxBodyBytes:       api.MaxBodyBytes,
		Slots:              s.cfg.Slots,
		SubscriptionBlocks: s.cfg.SubscriptionBlocks,
		AnonymousBlocks:    s.cfg.AnonymousBlocks,
	})
}

// postUser registers the signer, or renews its subscription.
func (s *Server) postUser(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	body, err := readBody(w, r)
	if err != nil {
		s.fail(w, "read the request", err)
		return
	}
	c, ok, err := s.authenticate(r, body)
	if err != nil || !ok {
		s.fail(w, "register", orUnauth(err, "registration must be signed: send the "+api.HeaderUser+", "+api.HeaderNonce+" and "+api.HeaderSignature+" headers"))
		return
	}
	if len(strings.TrimSpace(string(body))) > 0 {
		var empty struct{}
		if err := api.Decode(body, &empty); err != nil {
			s.fail(w, "register", err)
			return
		}
	}
	head, err := s.currentHead(ctx)
	if err != nil {
		s.fail(w, "read L1", err)
		return
	}
	unlock, err := s.lockUser(ctx, c.user)
	if err != nil {
		s.fail(w, "register", err)
		return
	}
	defer unlock()
	rec, err := s.reg.user(ctx, c.user)
	if errors.Is(err, store.ErrNotFound) {
		rec, err = user{Slots: s.cfg.Slots, RegisteredAt: time.Now().Unix()}, nil
	}
	if err != nil {
		s.fail(w, "read the registry", err)
		return
	}
	if err := s.consume(ctx, c); err != nil {
		s.fail(w, "register", err)
		return
	}
	rec.ExpiryBlock = max(rec.ExpiryBlock, head+s.cfg.SubscriptionBlocks)
	if err := s.reg.putUser(ctx, c.user, rec); err != nil {
		s.fail(w, "store the registration", err)
		return
	}
	items, err := s.reg.items(ctx, c.user)
	if err != nil {
		s.fail(w, "read the registry", err)
		return
	}
	for _, e := range items {
		if k, subj := splitMember(e.Member); k != api.KindChannel {
			if err := s.cfg.Store.IndexAdd(ctx, subjectKey(k, subj), c.user.Hex(), clampScore(rec.ExpiryBlock)); err != nil {
				s.fail(w, "store the registration", err)
				return
			}
		}
	}
	writeJSON(w, http.StatusOK, subscription(c.user, rec, len(items), head))
}

func orUnauth(err error, msg string) error {
	if err != nil {
		return err
	}
	return refuse(http.StatusUnauthorized, "%s", msg)
}

func subscription(u common.Address, rec user, used int, head uint64) api.Subscription {
	return api.Subscription{User: u.Hex(), Slots: rec.Slots, Used: used, Free: max(rec.Slots-used, 0), ExpiryBlock: rec.ExpiryBlock,
		Head: head, Expired: rec.ExpiryBlock < head, RegisteredAt: rec.RegisteredAt}
}

// self authenticates a request about {address} and requires the signer to be it.
func (s *Server) self(w http.ResponseWriter, r *http.Request) (caller, []byte, bool) {
	body, err := readBody(w, r)
	if err != nil {
		s.fail(w, "read the request", err)
		return caller{}, nil, false
	}
	c, ok, err := s.authenticate(r, body)
	if err != nil || !ok {
		s.fail(w, "authenticate", orUnauth(err, "this request must be signed: send the "+api.HeaderUser+", "+api.HeaderNonce+" and "+api.HeaderSignature+" headers"))
		return caller{}, nil, false
	}
	if a := r.PathValue("address"); a != "" {
		u, err := api.ParseAddress("address", a)
		if err != nil {
			writeError(w, http.StatusBadRequest, err.Error())
			return caller{}, nil, false
		}
		if u != c.user {
			writeError(w, http.StatusForbidden, fmt.Sprintf("signed by %s: a user may only read its own subscription, not %s", c.user.Hex(), u.Hex()))
			return caller{}, nil, false
		}
	}
	return c, body, true
}

// gcItems drops channel items whose state the tower no longer holds (the
// channel settled and its state was pruned) and returns what is left.
func (s *Server) gcItems(ctx context.Context, u common.Address) ([]api.Item, error) {
	es, err := s.reg.items(ctx, u)
	if err != nil {
		return nil, err
	}
	out := make([]api.Item, 0, len(es))
	for _, e := range es {
		it := toItem(e)
		if it.Kind == api.KindChannel {
			id, err := api.ParseHash("subject", it.Subject)
			if err != nil {
				continue
			}
			n, err := s.channels.LatestNonce(ctx, id)
			if errors.Is(err, store.ErrNotFound) {
				if err := s.cfg.Store.IndexRemove(ctx, itemsKey(u), e.Member); err != nil {
					return nil, err
				}
				continue
			}
			if err != nil {
				return nil, err
			}
			it.Nonce = n
		}
		out = append(out, it)
	}
	return out, nil
}

func (s *Server) getUser(w http.ResponseWriter, r *http.Request) {
	c, _, ok := s.self(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	head, err := s.currentHead(ctx)
	if err != nil {
		s.fail(w, "read L1", err)
		return
	}
	rec, err := s.reg.user(ctx, c.user)
	if errors.Is(err, store.ErrNotFound) {
		writeError(w, http.StatusNotFound, fmt.Sprintf("%s is not registered (or its subscription ended and was pruned); register with a signed POST /v1/users", c.user.Hex()))
		return
	}
	if err != nil {
		s.fail(w, "read the registry", err)
		return
	}
	if err := s.consume(ctx, c); err != nil {
		s.fail(w, "authenticate", err)
		return
	}
	items, err := s.gcItems(ctx, c.user)
	if err != nil {
		s.fail(w, "read the registry", err)
		return
	}
	writeJSON(w, http.StatusOK, subscription(c.user, rec, len(items), head))
}

func (s *Server) getItems(w http.ResponseWriter, r *http.Request) {
	c, _, ok := s.self(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	if err := s.consume(ctx, c); err != nil {
		s.fail(w, "authenticate", err)
		return
	}
	items, err := s.gcItems(ctx, c.user)
	if err != nil {
		s.fail(w, "read the registry", err)
		return
	}
	writeJSON(w, http.StatusOK, api.Items{User: c.user.Hex(), Items: items})
}

// postState delegates (or updates) a channel state. Signed by a registered
// participant it counts against their slots and the receipt promises to watch
// until their subscription ends; unsigned, the co-signatures alone prove the
// sender is entitled to it (see README).
func (s *Server) postState(w http.ResponseWriter, r *http.Request) {
	var body api.ChannelState
	c, authed, ok := s.readDelegation(w, r, api.MaxBodyBytes, &body)
	if !ok {
		return
	}
	signed, err := body.Signed()
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	res, bodies, err := s.delegate(r.Context(), c, authed, []channelstate.Signed{signed})
	if err == nil {
		err = res[0].Err
	}
	if err != nil {
		s.fail(w, "store the state", err)
		return
	}
	rcpt, err := api.NewReceipt(s.domain, bodies[0], s.sign)
	if err != nil {
		s.fail(w, "sign the receipt", err)
		return
	}
	a := res[0].Accepted
	writeJSON(w, http.StatusOK, api.Accepted{ChannelID: a.ChannelID.Hex(), Nonce: a.Nonce, PreviousNonce: a.Previous,
		PartyA: a.PartyA.Hex(), PartyB: a.PartyB.Hex(), Challenging: a.Challenging, Receipt: rcpt})
}

// readDelegation reads a delegation body of at most limit bytes, checks its
// optional request signature and decodes it into v. On failure it answers
// the refusal itself and returns ok=false.
func (s *Server) readDelegation(w http.ResponseWriter, r *http.Request, limit int, v any) (c caller, authed, ok bool) {
	raw, err := readBodyMax(w, r, limit)
	if err != nil {
		s.fail(w, "read the request", err)
		return caller{}, false, false
	}
	if c, authed, err = s.authenticate(r, raw); err != nil {
		s.fail(w, "authenticate", err)
		return caller{}, false, false
	}
	if err := api.DecodeMax(raw, v, limit); err != nil {
		s.fail(w, "decode", err)
		return caller{}, false, false
	}
	return c, authed, true
}

// postStates delegates up to api.MaxBatch states in one call, each checked
// and answered on its own, as postState would.
func (s *Server) postStates(w http.ResponseWriter, r *http.Request) {
	var body api.ChannelStates
	c, authed, ok := s.readDelegation(w, r, api.MaxBatchBodyBytes, &body)
	if !ok {
		return
	}
	switch {
	case len(body.States) == 0:
		writeError(w, http.StatusBadRequest, `"states" is empty: send 1 to 256 channel states`)
		return
	case len(body.States) > api.MaxBatch:
		writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf(`"states" holds %d states, at most %d are accepted per call`, len(body.States), api.MaxBatch))
		return
	}
	out := api.BatchAnswer{Results: make([]api.BatchResult, len(body.States))}
	states := make([]channelstate.Signed, 0, len(body.States))
	at := make([]int, 0, len(body.States)) // states[j] is body.States[at[j]]
	for i, st := range body.States {
		signed, err := st.Signed()
		if err != nil {
			out.Results[i] = api.BatchResult{Status: http.StatusBadRequest, Error: fmt.Sprintf("states[%d]: %v", i, err)}
			continue
		}
		states, at = append(states, signed), append(at, i)
	}
	if len(states) > 0 {
		res, bodies, err := s.delegate(r.Context(), c, authed, states)
		if err != nil {
			s.fail(w, "store the states", err)
			return
		}
		if out.Receipt, err = api.NewBatchReceipt(s.domain, bodies, s.sign); err != nil {
			s.fail(w, "sign the receipt", err)
			return
		}
		for j, rs := range res {
			i := at[j]
			if rs.Err != nil {
				status, msg := s.refusal("store the state", rs.Err)
				out.Results[i] = api.BatchResult{Status: status, Error: fmt.Sprintf("states[%d]: %s", i, msg)}
				continue
			}
			out.Results[i] = api.BatchResult{Status: http.StatusOK, PreviousNonce: rs.Previous, Challenging: rs.Challenging}
		}
	}
	for _, rs := range out.Results {
		if rs.Status == http.StatusOK {
			out.Accepted++
		} else {
			out.Refused++
		}
	}
	writeJSON(w, http.StatusOK, out)
}

// delegate stores states for caller c (authed) or anonymously, returning each
// state's result and, in order, the receipt body of each accepted state, for
// the caller to sign. An error refuses the whole call.
func (s *Server) delegate(ctx context.Context, c caller, authed bool, states []channelstate.Signed) ([]channel.Result, []api.ReceiptBody, error) {
	head, err := s.currentHead(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("read L1 head: %w", err)
	}
	watchUntil := head + s.cfg.AnonymousBlocks
	opts := channel.ManyOptions{}
	unlock := func() {}
	defer func() { unlock() }()
	if authed {
		rec, err := s.activeUser(ctx, c.user, head)
		if err != nil {
			return nil, nil, err
		}
		watchUntil = rec.ExpiryBlock
		opts.Owned = true
		opts.Admit = func(ctx context.Context, cands []channel.Candidate) ([]error, error) {
			errs := make([]error, len(cands))
			var members []string
			for j, cd := range cands {
				if c.user != cd.Info.PartyA && c.user != cd.Info.PartyB {
					errs[j] = refuse(http.StatusForbidden, "%s is not a participant of channel %s (parties %s and %s); only a participant may delegate it",
						c.user.Hex(), cd.State.ChannelID.Hex(), cd.Info.PartyA.Hex(), cd.Info.PartyB.Hex())
					continue
				}
				members = append(members, itemMember(api.KindChannel, cd.State.ChannelID.Hex()))
			}
			if len(members) == 0 {
				return errs, nil
			}
			if unlock, err = s.lockUser(ctx, c.user); err != nil {
				return nil, err
			}
			if err := s.checkQuota(ctx, c.user, rec, members); err != nil {
				return nil, err
			}
			return errs, s.consume(ctx, c)
		}
	}
	res, err := s.channels.DelegateMany(ctx, states, opts)
	if err != nil {
		return nil, nil, err
	}
	var ops []store.Op
	var bodies []api.ReceiptBody
	for _, rs := range res {
		if rs.Err != nil {
			continue
		}
		subject := rs.ChannelID.Hex()
		if authed {
			ops = append(ops, store.IndexAddOp(itemsKey(c.user), itemMember(api.KindChannel, subject), clampScore(head)))
		}
		bodies = append(bodies, api.ReceiptBody{User: c.user, Kind: api.KindChannel, Subject: subject, Nonce: rs.Nonce,
			StateDigest: rs.StateDigest, AcceptedBlock: head, WatchUntil: watchUntil})
	}
	if len(ops) > 0 {
		if _, err := store.Apply(ctx, s.cfg.Store, ops); err != nil {
			return nil, nil, fmt.Errorf("record the delegations: %w", err)
		}
	}
	return res, bodies, nil
}

// checkQuota refuses adding members to u's jobs beyond rec.Slots. Items of
// channels that settled since are pruned first, only when they matter.
func (s *Server) checkQuota(ctx context.Context, u common.Address, rec user, members []string) error {
	es, err := s.reg.items(ctx, u)
	if err != nil {
		return err
	}
	have := make(map[string]bool, len(es))
	for _, e := range es {
		have[e.Member] = true
	}
	added := 0
	for _, m := range members {
		if !have[m] {
			added++
		}
	}
	if added == 0 || len(es)+added <= rec.Slots {
		return nil
	}
	items, err := s.gcItems(ctx, u)
	if err != nil {
		return err
	}
	if len(items)+added <= rec.Slots {
		return nil
	}
	if added == 1 {
		return refuse(http.StatusForbidden, "over quota: %s uses %d of %d slots; revoke a job (DELETE /v1/channels/{id} or /v1/subscriptions/{kind}/{subject}) first",
			u.Hex(), len(items), rec.Slots)
	}
	return refuse(http.StatusForbidden, "over quota: %s uses %d of %d slots and this call adds %d channels; revoke jobs (DELETE /v1/channels/{id} or /v1/subscriptions/{kind}/{subject}) or send fewer",
		u.Hex(), len(items), rec.Slots, added)
}

func (s *Server) getState(w http.ResponseWriter, r *http.Request) {
	id, err := api.ParseHash("channel id", r.PathValue("id"))
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	h, err := s.channels.Latest(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		writeError(w, http.StatusNotFound, fmt.Sprintf("the tower holds no state for channel %s", id.Hex()))
		return
	}
	if err != nil {
		s.fail(w, "read its store", err)
		return
	}
	writeJSON(w, http.StatusOK, api.HeldState{
		ChannelState: api.FromSigned(h.Signed),
		PartyA:       h.PartyA.Hex(),
		PartyB:       h.PartyB.Hex(),
	})
}

// deleteState revokes the caller's delegation of a channel. The state itself
// is forgotten only when nobody else relies on it: the other party does not
// hold it in an active subscription and it was never delegated anonymously.
func (s *Server) deleteState(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	c, _, ok := s.self(w, r)
	if !ok {
		return
	}
	id, err := api.ParseHash("channel id", r.PathValue("id"))
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	unlock, err := s.lockUser(ctx, c.user)
	if err != nil {
		s.fail(w, "revoke", err)
		return
	}
	defer unlock()
	member := itemMember(api.KindChannel, id.Hex())
	has, err := s.reg.hasItem(ctx, c.user, member)
	if err != nil {
		s.fail(w, "read the registry", err)
		return
	}
	if !has {
		writeError(w, http.StatusNotFound, fmt.Sprintf("%s holds no delegation of channel %s at this tower", c.user.Hex(), id.Hex()))
		return
	}
	if err := s.consume(ctx, c); err != nil {
		s.fail(w, "revoke", err)
		return
	}
	pruned, err := s.dropChannel(ctx, c.user, id)
	if err != nil {
		s.fail(w, "revoke", err)
		return
	}
	writeJSON(w, http.StatusOK, api.Revoked{Kind: api.KindChannel, Subject: id.Hex(), Pruned: pruned})
}

// dropChannel removes channel id from u's items and forgets the state when
// nobody else relies on it.
func (s *Server) dropChannel(ctx context.Context, u common.Address, id common.Hash) (bool, error) {
	member := itemMember(api.KindChannel, id.Hex())
	if err := s.cfg.Store.IndexRemove(ctx, itemsKey(u), member); err != nil {
		return false, err
	}
	h, err := s.channels.Latest(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return true, nil
	}
	if err != nil {
		return false, err
	}
	if h.Anonymous {
		return false, nil
	}
	other := h.PartyA
	if u == h.PartyA {
		other = h.PartyB
	}
	if other != u {
		head, err := s.currentHead(ctx)
		if err != nil {
			return false, err
		}
		if rec, err := s.reg.user(ctx, other); err == nil && rec.ExpiryBlock >= head {
			has, err := s.reg.hasItem(ctx, other, member)
			if err != nil {
				return false, err
			}
			if has {
				return false, nil
			}
		} else if err != nil && !errors.Is(err, store.ErrNotFound) {
			return false, err
		}
	}
	return true, s.channels.Forget(ctx, id)
}

var (
	kindRE    = regexp.MustCompile(`^[a-z][a-z0-9_-]{0,31}$`)
	subjectRE = regexp.MustCompile(`^[A-Za-z0-9._:/-]{1,128}$`)
)

func (s *Server) checkSubscribe(sub api.Subscribe) error {
	if !slices.Contains(s.cfg.Kinds, sub.Kind) {
		if sub.Kind == api.KindChannel {
			return refuse(http.StatusBadRequest, "kind: channels are delegated with POST /v1/channels/state, not subscribed to")
		}
		return refuse(http.StatusBadRequest, "kind: %q is not guarded by this tower; it accepts %s", api.Truncate(sub.Kind), strings.Join(s.cfg.Kinds, ", "))
	}
	if !subjectRE.MatchString(sub.Subject) {
		return refuse(http.StatusBadRequest, "subject: want 1 to 128 characters of A-Z a-z 0-9 . _ : / -, got %q", api.Truncate(sub.Subject))
	}
	return nil
}

// postSubscription registers a Plasma output or address, a sidechain, ... to guard.
func (s *Server) postSubscription(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	c, raw, ok := s.self(w, r)
	if !ok {
		return
	}
	var sub api.Subscribe
	if err := api.Decode(raw, &sub); err != nil {
		s.fail(w, "decode", err)
		return
	}
	if err := s.checkSubscribe(sub); err != nil {
		s.fail(w, "subscribe", err)
		return
	}
	head, err := s.currentHead(ctx)
	if err != nil {
		s.fail(w, "read L1", err)
		return
	}
	rec, err := s.activeUser(ctx, c.user, head)
	if err != nil {
		s.fail(w, "read the registry", err)
		return
	}
	unlock, err := s.lockUser(ctx, c.user)
	if err != nil {
		s.fail(w, "subscribe", err)
		return
	}
	defer unlock()
	member := itemMember(sub.Kind, sub.Subject)
	has, err := s.reg.hasItem(ctx, c.user, member)
	if err != nil {
		s.fail(w, "read the registry", err)
		return
	}
	if !has {
		items, err := s.gcItems(ctx, c.user)
		if err != nil {
			s.fail(w, "read the registry", err)
			return
		}
		if len(items) >= rec.Slots {
			writeError(w, http.StatusForbidden, fmt.Sprintf("over quota: %s uses %d of %d slots; revoke a job first", c.user.Hex(), len(items), rec.Slots))
			return
		}
	}
	if err := s.consume(ctx, c); err != nil {
		s.fail(w, "subscribe", err)
		return
	}
	if err := s.reg.subscribe(ctx, c.user, sub.Kind, sub.Subject, rec.ExpiryBlock, head); err != nil {
		s.fail(w, "store the subscription", err)
		return
	}
	rcpt, err := api.NewReceipt(s.domain, api.ReceiptBody{User: c.user, Kind: sub.Kind, Subject: sub.Subject, AcceptedBlock: head, WatchUntil: rec.ExpiryBlock}, s.sign)
	if err != nil {
		s.fail(w, "sign the receipt", err)
		return
	}
	writeJSON(w, http.StatusOK, api.Subscribed{Kind: sub.Kind, Subject: sub.Subject, Receipt: rcpt})
}

func (s *Server) deleteSubscription(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	c, _, ok := s.self(w, r)
	if !ok {
		return
	}
	sub := api.Subscribe{Kind: r.PathValue("kind"), Subject: r.PathValue("subject")}
	if err := s.checkSubscribe(sub); err != nil {
		s.fail(w, "revoke", err)
		return
	}
	unlock, err := s.lockUser(ctx, c.user)
	if err != nil {
		s.fail(w, "revoke", err)
		return
	}
	defer unlock()
	has, err := s.reg.hasItem(ctx, c.user, itemMember(sub.Kind, sub.Subject))
	if err != nil {
		s.fail(w, "read the registry", err)
		return
	}
	if !has {
		writeError(w, http.StatusNotFound, fmt.Sprintf("%s has no %s subscription to %s", c.user.Hex(), sub.Kind, sub.Subject))
		return
	}
	if err := s.consume(ctx, c); err != nil {
		s.fail(w, "revoke", err)
		return
	}
	if err := s.reg.unsubscribe(ctx, c.user, sub.Kind, sub.Subject); err != nil {
		s.fail(w, "revoke", err)
		return
	}
	users, err := s.reg.UsersFor(ctx, sub.Kind, sub.Subject)
	if err != nil {
		s.fail(w, "revoke", err)
		return
	}
	writeJSON(w, http.StatusOK, api.Revoked{Kind: sub.Kind, Subject: sub.Subject, Pruned: len(users) == 0})
}

// cursor mirrors ingest.Cursor (kept here so the API does not import the ingest role).
type cursor struct {
	Number uint64      `json:"number"`
	Hash   common.Hash `json:"hash"`
}

func (s *Server) getHeartbeat(w http.ResponseWriter, r *http.Request) {
	hb, err := s.Heartbeat(r.Context())
	if errors.Is(err, store.ErrNotFound) {
		writeError(w, http.StatusServiceUnavailable, "the tower has not processed any L1 block yet (no ingest cursor)")
		return
	}
	if err != nil {
		s.fail(w, "sign a heartbeat", err)
		return
	}
	writeJSON(w, http.StatusOK, hb)
}

// Heartbeat signs the last L1 block the ingest role processed (its cursor in
// the store). A signature is reused for one second while the cursor stays put.
func (s *Server) Heartbeat(ctx context.Context) (api.Heartbeat, error) {
	b, err := s.cfg.Store.Get(ctx, fmt.Sprintf("ingest:%d:cursor", s.domain.ChainID))
	if err != nil {
		return api.Heartbeat{}, err
	}
	var cur cursor
	if err := json.Unmarshal(b, &cur); err != nil {
		return api.Heartbeat{}, fmt.Errorf("decode ingest cursor: %w", err)
	}
	s.hbMu.Lock()
	defer s.hbMu.Unlock()
	if s.hb.BlockNumber == cur.Number && s.hb.BlockHash == cur.Hash.Hex() && time.Since(s.hbAt) < time.Second {
		return s.hb, nil
	}
	now := time.Now()
	body := api.HeartbeatBody{BlockNumber: cur.Number, BlockHash: cur.Hash, Timestamp: uint64(now.Unix())}
	sig, err := s.sign(s.domain.HeartbeatDigest(body))
	if err != nil {
		return api.Heartbeat{}, err
	}
	s.hb = api.Heartbeat{Tower: s.domain.Tower.Hex(), ChainID: s.domain.ChainID, BlockNumber: cur.Number, BlockHash: cur.Hash.Hex(),
		Timestamp: body.Timestamp, Signature: hexutil.Encode(sig)}
	s.hbAt = now
	return s.hb, nil
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, api.ErrorBody{Error: msg})
}
