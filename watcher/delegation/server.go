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
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/watcher/delegation/api"
	"github.com/watchtower-l2/watchtower/watcher/l2"
	"github.com/watchtower-l2/watchtower/watcher/store"
)

// OpenAPI is the API's OpenAPI 3.1 document, served at GET /v1/openapi.json.
//
//go:embed openapi.json
var OpenAPI []byte

// Rate is a token bucket: PerSecond requests on average, bursts of Burst.
// A zero PerSecond disables the limit.
type Rate struct {
	PerSecond float64
	Burst     int
}

// Config configures the delegation API.
type Config struct {
	// Intakes take the proofs of their kinds (the guarded kinds that
	// implement l2.Intake), by kind name.
	Intakes map[string]l2.Intake
	// Contracts are the L1 contracts each guarded kind watches, for GET /v1/info.
	Contracts map[string][]common.Address
	// ChainID is the L1 chain. Required.
	ChainID uint64
	// Head reads the L1 head block number. Required.
	Head  func(ctx context.Context) (uint64, error)
	Store store.Store
	// Identity signs receipts and heartbeats; its address is the tower's
	// identity users check them against (and the verifying contract of the
	// EIP-712 domain their requests are signed in). Required.
	Identity *ecdsa.PrivateKey
	// Kinds are the subscription kinds accepted (the guarded kinds that
	// take no proofs through this API).
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
	// NewUsersPerMinute bounds how many new users may register per minute,
	// whatever their IP (default 60; negative: no limit). Renewals do not
	// count. Like the other limits it is per API process.
	NewUsersPerMinute int
	// RegistrationToken, when set, makes the tower private: every POST
	// /v1/users must carry it in the X-Watchtower-Registration-Token header.
	RegistrationToken string
	// RegistrationAllowlist, when not empty, lists the only addresses that
	// may register (or renew).
	RegistrationAllowlist []common.Address
	// Metrics counts accepted and released delegations (nil: not counted).
	Metrics Metrics
}

// Server serves the delegation API.
type Server struct {
	cfg      Config
	reg      *Registry
	domain   api.Domain
	log      *zap.Logger
	mux      *http.ServeMux
	ipLim    *limiter
	userLim  *limiter
	newUsers *limiter
	gate     registrationGate

	headMu sync.Mutex
	head   uint64
	headAt time.Time

	hbMu sync.Mutex
	hb   api.Heartbeat
	hbAt time.Time
}

// NewServer returns the API handler.
func NewServer(cfg Config, log *zap.Logger) (*Server, error) {
	if cfg.Store == nil {
		return nil, errors.New("delegation: Store is required")
	}
	if cfg.ChainID == 0 || cfg.Head == nil {
		return nil, errors.New("delegation: the L1 chain id and head reader are required")
	}
	if cfg.Identity == nil {
		return nil, errors.New("delegation: an identity key is required to sign receipts and heartbeats")
	}
	for _, k := range cfg.Kinds {
		if _, proofs := cfg.Intakes[k]; !kindRE.MatchString(k) || proofs {
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
	if cfg.NewUsersPerMinute == 0 {
		cfg.NewUsersPerMinute = 60
	}
	if cfg.HeadTTL == 0 {
		cfg.HeadTTL = time.Second
	}
	if cfg.PruneInterval == 0 {
		cfg.PruneInterval = time.Minute
	}
	if cfg.Metrics == nil {
		cfg.Metrics = nopMetrics{}
	}
	s := &Server{
		cfg:      cfg,
		reg:      NewRegistry(cfg.Store),
		domain:   api.Domain{ChainID: cfg.ChainID, Tower: crypto.PubkeyToAddress(cfg.Identity.PublicKey)},
		log:      log.Named("delegation"),
		mux:      http.NewServeMux(),
		ipLim:    newLimiter(cfg.PerIP),
		userLim:  newLimiter(cfg.PerUser),
		newUsers: newLimiter(perMinute(cfg.NewUsersPerMinute)),
		gate:     newRegistrationGate(cfg.RegistrationToken, cfg.RegistrationAllowlist),
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
	s.mux.HandleFunc("POST /v1/kinds/{kind}/proofs", s.postProofs)
	s.mux.HandleFunc("GET /v1/kinds/{kind}/proofs/{subject}", s.getProof)
	s.mux.HandleFunc("DELETE /v1/kinds/{kind}/proofs/{subject}", s.deleteProof)
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
	if wait, ok := s.ipLim.allow(ipKey(s.clientIP(r))); !ok {
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
	e := tooManyErr(who, wait)
	w.Header().Set("Retry-After", strconv.Itoa(retrySecs(wait)))
	writeError(w, e.status, e.msg)
}

// tooManyErr is the 429 refusal of an exceeded rate limit for who.
func tooManyErr(who string, wait time.Duration) *httpErr {
	return &httpErr{status: http.StatusTooManyRequests, retryAfter: wait,
		msg: fmt.Sprintf("rate limit for %s exceeded; retry in %d s", who, retrySecs(wait))}
}

func retrySecs(wait time.Duration) int { return int(wait/time.Second) + 1 }

// httpErr is a refusal with its status (and, for a 429, when to retry).
type httpErr struct {
	status     int
	msg        string
	retryAfter time.Duration
}

func (e *httpErr) Error() string { return e.msg }

func refuse(status int, format string, a ...any) error {
	return &httpErr{status: status, msg: fmt.Sprintf(format, a...)}
}

// fail writes err: a refusal as is, anything else as a logged 503.
func (s *Server) fail(w http.ResponseWriter, what string, err error) {
	var he *httpErr
	if errors.As(err, &he) && he.retryAfter > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(retrySecs(he.retryAfter)))
	}
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

// statusOf maps a kind's refusal of a proof to an HTTP status.
func statusOf(err error) int {
	switch {
	case errors.Is(err, l2.ErrInvalidProof):
		return http.StatusBadRequest
	case errors.Is(err, l2.ErrUnknownSubject):
		return http.StatusNotFound
	case errors.Is(err, l2.ErrConflict):
		return http.StatusConflict
	case errors.Is(err, l2.ErrUnprocessable):
		return http.StatusUnprocessableEntity
	case errors.Is(err, l2.ErrNotParty):
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

func (s *Server) getInfo(w http.ResponseWriter, _ *http.Request) {
	proofs := []string{}
	for k := range s.cfg.Intakes {
		proofs = append(proofs, k)
	}
	slices.Sort(proofs)
	contracts := make(map[string][]string, len(s.cfg.Contracts))
	for k, as := range s.cfg.Contracts {
		for _, a := range as {
			contracts[k] = append(contracts[k], a.Hex())
		}
	}
	adj := ""
	if as := contracts[api.KindChannel]; len(as) > 0 {
		adj = as[0]
	}
	writeJSON(w, http.StatusOK, api.Info{
		Tower:              s.domain.Tower.Hex(),
		ChainID:            s.domain.ChainID,
		Adjudicator:        adj,
		Kinds:              append(slices.Clone(proofs), s.cfg.Kinds...),
		Proofs:             proofs,
		Subscriptions:      append([]string{}, s.cfg.Kinds...),
		Contracts:          contracts,
		MaxBodyBytes:       api.MaxBodyBytes,
		Slots:              s.cfg.Slots,
		SubscriptionBlocks: s.cfg.SubscriptionBlocks,
		AnonymousBlocks:    s.cfg.AnonymousBlocks,
	})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, api.ErrorBody{Error: msg})
}
