package delegation_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/watchtower-l2/watchtower/watcher/l2"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/redis/go-redis/v9"
	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/internal/testutil/chantest"
	"github.com/watchtower-l2/watchtower/internal/testutil/redistest"
	"github.com/watchtower-l2/watchtower/watcher/challenge"
	"github.com/watchtower-l2/watchtower/watcher/delegation"
	"github.com/watchtower-l2/watchtower/watcher/delegation/api"
	"github.com/watchtower-l2/watchtower/watcher/delegation/client"
	"github.com/watchtower-l2/watchtower/watcher/l2/channel"
	"github.com/watchtower-l2/watchtower/watcher/store/redisstore"
)

type fixture struct {
	chain    *chantest.Chain
	kind     *channel.Kind
	queue    *challenge.Queue
	st       *redisstore.Store
	rdb      *redis.Client
	server   *delegation.Server
	srv      *httptest.Server
	client   *delegation.Client
	identity *ecdsa.PrivateKey
	domain   api.Domain
}

// newFixture starts a devnet with the adjudicator, a private Redis, the channel
// plug-in and the API over real HTTP. cfg's Channels, Store and Identity are filled in.
func newFixture(t testing.TB, parties int, cfg delegation.Config) *fixture {
	t.Helper()
	return newFixtureLog(t, parties, cfg, zap.NewNop())
}

// newFixtureLog is newFixture with the API and the channel plug-in logging to log.
func newFixtureLog(t testing.TB, parties int, cfg delegation.Config, log *zap.Logger) *fixture {
	t.Helper()
	c := chantest.New(t, parties)
	url := redistest.Start(t)
	st, err := redisstore.Open(context.Background(), url, "wt:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	opts, _ := redis.ParseURL(url)
	rdb := redis.NewClient(opts)
	t.Cleanup(func() { rdb.Close() })
	q := challenge.NewQueue(st, c.Net.ChainID.Uint64(), "api")
	kind := c.Plugin(st, q, log)
	cfg.Store = st
	cfg.Intakes = map[string]l2.Intake{api.KindChannel: kind}
	cfg.Contracts = map[string][]common.Address{api.KindChannel: kind.Addresses()}
	cfg.ChainID, cfg.Head = c.Net.ChainID.Uint64(), kind.Head
	if cfg.Kinds == nil {
		cfg.Kinds = []string{"plasma", "sidechain"}
	}
	if cfg.Identity == nil {
		cfg.Identity = c.TowerKey(0)
	}
	if cfg.PerIP.PerSecond == 0 {
		cfg.PerIP.PerSecond = -1
	}
	if cfg.PerUser.PerSecond == 0 {
		cfg.PerUser.PerSecond = -1
	}
	if cfg.HeadTTL == 0 {
		cfg.HeadTTL = time.Nanosecond
	}
	server, err := delegation.NewServer(cfg, log)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(server)
	t.Cleanup(srv.Close)
	cl := delegation.NewClient(srv.URL, nil)
	cl.Retries, cl.RateLimitWaits = 0, 0
	return &fixture{chain: c, kind: kind, queue: q, st: st, rdb: rdb, server: server, srv: srv, client: cl, identity: cfg.Identity,
		domain: api.Domain{ChainID: c.Net.ChainID.Uint64(), Tower: crypto.PubkeyToAddress(cfg.Identity.PublicKey)}}
}

// user returns a client signing with key.
func (f *fixture) user(key *ecdsa.PrivateKey) *client.Client {
	c := client.New(f.srv.URL, nil).WithKey(key)
	c.Retries, c.RateLimitWaits = 0, 0
	return c
}

func (f *fixture) post(t testing.TB, body string) (int, string) {
	t.Helper()
	return f.raw(t, http.MethodPost, "/v1/channels/state", body, nil)
}

// raw sends a request with the given headers and returns status and body.
func (f *fixture) raw(t testing.TB, method, path, body string, hdr http.Header) (int, string) {
	t.Helper()
	status, b, _ := f.rawHeader(t, method, path, body, hdr)
	return status, b
}

// rawHeader is raw that also returns the answer's headers.
func (f *fixture) rawHeader(t testing.TB, method, path, body string, hdr http.Header) (int, string, http.Header) {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, f.srv.URL+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for k, v := range hdr {
		req.Header[k] = v
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp.Header
}

// auth signs method+path+body with key and nonce, as the user header says who.
func (f *fixture) auth(key *ecdsa.PrivateKey, method, path, body string, nonce uint64) http.Header {
	sig, err := api.SignDigest(f.domain.RequestDigest(api.NewRequest(method, path, []byte(body), nonce)), key)
	if err != nil {
		panic(err)
	}
	h := http.Header{}
	h.Set(api.HeaderUser, crypto.PubkeyToAddress(key.PublicKey).Hex())
	h.Set(api.HeaderNonce, strconv.FormatUint(nonce, 10))
	h.Set(api.HeaderSignature, hexutil.Encode(sig))
	return h
}

func (f *fixture) heldNonce(t testing.TB, id common.Hash) uint64 {
	t.Helper()
	h, err := f.client.HeldNonce(context.Background(), id)
	if err != nil {
		var ae *delegation.APIError
		if errors.As(err, &ae) && ae.Status == http.StatusNotFound {
			return 0
		}
		t.Fatal(err)
	}
	return h.Nonce
}

// snapshot dumps every key of Redis with its value, to prove a refused request changed nothing.
func (f *fixture) snapshot(t testing.TB) string {
	t.Helper()
	ctx := context.Background()
	keys, err := f.rdb.Keys(ctx, "*").Result()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	for _, k := range sortStrings(keys) {
		typ, _ := f.rdb.Type(ctx, k).Result()
		var v any
		switch typ {
		case "string":
			v, _ = f.rdb.Get(ctx, k).Result()
		case "hash":
			v, _ = f.rdb.HGetAll(ctx, k).Result()
		case "zset":
			v, _ = f.rdb.ZRangeWithScores(ctx, k, 0, -1).Result()
		}
		b, _ := json.Marshal(v)
		buf.WriteString(k + "=" + string(b) + "\n")
	}
	return buf.String()
}

func sortStrings(s []string) []string {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
	return s
}

func addr(k *ecdsa.PrivateKey) common.Address { return crypto.PubkeyToAddress(k.PublicKey) }

func mustJSON(v delegation.ChannelState) string {
	return `{"channel_id":"` + v.ChannelID + `","nonce":` + itoa(v.Nonce) + `,"balance_a":"` + v.BalanceA + `","balance_b":"` + v.BalanceB + `","sig_a":"` + v.SigA + `","sig_b":"` + v.SigB + `"}`
}

func itoa(n uint64) string { return new(big.Int).SetUint64(n).String() }

func errorOf(t testing.TB, body string) string {
	t.Helper()
	var eb api.ErrorBody
	if err := json.Unmarshal([]byte(body), &eb); err != nil || eb.Error == "" {
		t.Fatalf("answer is not a JSON error: %s", body)
	}
	return eb.Error
}

func common2hex(b []byte) string { return hexutil.Encode(b)[2:] }
