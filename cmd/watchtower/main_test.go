package main

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/watchtower-l2/watchtower/alerts"
	"github.com/watchtower-l2/watchtower/deployments/contracts/bindings"

	"github.com/watchtower-l2/watchtower/internal/devnet"
	"github.com/watchtower-l2/watchtower/internal/testutil/chantest"
	"github.com/watchtower-l2/watchtower/proofs/channelstate"
	"github.com/watchtower-l2/watchtower/watcher/delegation"
)

func runCLI(ctx context.Context, args ...string) (int, string, string) {
	var out, errw bytes.Buffer
	code := run(ctx, args, &out, &errw)
	return code, out.String(), errw.String()
}

// Every bad invocation exits non-zero with a one-line reason, never a panic.
func TestBadInvocations(t *testing.T) {
	dir := t.TempDir()
	unknownKey := filepath.Join(dir, "unknown.yaml")
	os.WriteFile(unknownKey, []byte("l1:\n  rpc_url: ws://x\n  confirmation: 3\n"), 0o600)
	badValue := filepath.Join(dir, "bad.yaml")
	os.WriteFile(badValue, []byte("l1:\n  rpc_url: ws://x\nchannel:\n  adjudicator: nope\nsigner:\n  key_file: k\n"), 0o600)
	cases := []struct {
		args []string
		code int
		want string
	}{
		{nil, 2, "Usage"},
		{[]string{"bogus"}, 2, `unknown command "bogus"`},
		{[]string{"delegate"}, 2, "--tower is required"},
		{[]string{"delegate", "--tower", "http://127.0.0.1:1", "--channel", "0x12"}, 2, "channel_id: want 0x followed by 64 hex digits"},
		{[]string{"delegate", "--tower", "http://127.0.0.1:1", "--file", filepath.Join(dir, "none.json")}, 2, "no such file"},
		{[]string{"delegate", "--nonce", "x"}, 2, "invalid value"},
		{[]string{"run", "--config", filepath.Join(dir, "missing.yaml")}, 2, "no such file"},
		{[]string{"run", "--config", unknownKey}, 2, `l1.confirmation: unknown key; did you mean "l1.confirmations"?`},
		{[]string{"run", "--config", badValue}, 2, `channel.adjudicator: "nope" is not a 0x-prefixed 20-byte hex address`},
		{[]string{"run", "--l1.confirmations", "many"}, 2, "l1.confirmations"},
		{[]string{"run", "--roles", "ingest,bake"}, 2, `unknown role "bake"`},
		{[]string{"run", "--plasma.contract", "0x00000000000000000000000000000000000000aa"}, 2, "plasma.feed_url: required"},
		{[]string{"run", "--sidechain.manager", "0x00000000000000000000000000000000000000bb", "--sidechain.id", "7"}, 2, "sidechain.rpc_url: required"},
		{[]string{"dev", "--channels", "-1"}, 2, "--channels must be 0 or between 1 and 5000"},
		{[]string{"dev", "--kinds", "channel", "--channels", "0"}, 2, "every scenario is skipped"},
		{[]string{"dev", "--kinds", "rollup"}, 2, `unknown kind "rollup"`},
		{[]string{"dev", "--plasma-users", "2"}, 2, "--plasma-users must be 0 or between 4 and 2000"},
	}
	for _, tc := range cases {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			code, _, stderr := runCLI(context.Background(), tc.args...)
			if code != tc.code || !strings.Contains(stderr, tc.want) {
				t.Fatalf("exit %d, stderr %q; want exit %d mentioning %q", code, stderr, tc.code, tc.want)
			}
		})
	}
}

func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// `watchtower run` against a real JSON-RPC endpoint (WebSocket), with the
// embedded NATS server and store, challenges a stale close delegated through
// `watchtower delegate`, and refuses a lower nonce with exit status 1.
func TestRunAgainstJSONRPC(t *testing.T) {
	c := chantest.New(t, 2, devnet.Options{RPCPort: 0, WSPort: 0})
	ch := c.Open(40, 4)
	c.Net.AutoMine(50 * time.Millisecond)
	dir := t.TempDir()
	keyFile := filepath.Join(dir, "tower.key")
	if err := os.WriteFile(keyFile, []byte("0x"+hex.EncodeToString(crypto.FromECDSA(c.TowerKey(0)))+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	idKey, idFile := writeIdentityKey(t, dir)
	api, metricsAddr := freeAddr(t), freeAddr(t)
	cfg := filepath.Join(dir, "watchtower.yaml")
	yaml := fmt.Sprintf(`data_dir: %s
l1:
  rpc_url: %s
  confirmations: 1
  poll_interval: 100ms
signer:
  key_file: %s
channel:
  adjudicator: %s
api:
  listen: %s
  identity_key_file: %s
metrics:
  listen: %s
log:
  level: info
`, filepath.Join(dir, "data"), c.Net.WSURL, keyFile, c.Addr.Hex(), api, idFile, metricsAddr)
	if err := os.WriteFile(cfg, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	var stderr bytes.Buffer
	logs := &lockedWriter{w: &stderr} // the roles log from several goroutines
	go func() {
		done <- run(ctx, []string{"run", "--config", cfg, "--challenge.poll", "50ms"}, &bytes.Buffer{}, logs)
	}()
	// Neither key, nor a delegated state's signatures or balances, may show
	// in the logs or /metrics.
	secrets := []string{hex.EncodeToString(crypto.FromECDSA(c.TowerKey(0))), hex.EncodeToString(crypto.FromECDSA(idKey))}
	for _, st := range ch.States {
		w := delegation.FromSigned(st)
		secrets = append(secrets, w.SigA[2:], w.SigB[2:], w.BalanceA, w.BalanceB)
	}
	defer func() {
		cancel()
		select {
		case code := <-done:
			if code != 0 {
				t.Errorf("run exited %d: %s", code, stderr.String())
			}
			assertNoSecrets(t, "the logs", stderr.String(), secrets)
			checkShutdownLogs(t, stderr.String())
		case <-time.After(20 * time.Second):
			t.Error("run did not stop after cancel")
		}
	}()

	towerURL := "http://" + api
	waitUntil(t, "the API to answer", func() bool {
		_, err := delegation.NewClient(towerURL, nil).HeldNonce(context.Background(), ch.ID)
		return err != nil && delegation.IsRefusal(err)
	})
	file := filepath.Join(dir, "state.json")
	writeState := func(i int) {
		b := mustJSON(t, delegation.FromSigned(ch.States[i]))
		if err := os.WriteFile(file, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	// A {"states": [...]} file goes through the batch endpoint; its receipts verify offline.
	batch := filepath.Join(dir, "states.json")
	writeBatch := func(i int) {
		b := mustJSON(t, delegation.ChannelStates{States: []delegation.ChannelState{delegation.FromSigned(ch.States[i])}})
		if err := os.WriteFile(batch, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	writeBatch(2)
	rcpts := filepath.Join(dir, "receipts.json")
	code, out, errOut := runCLI(context.Background(), "delegate", "--tower", towerURL, "--file", batch, "--receipt-out", rcpts)
	if code != 0 || !strings.Contains(out, `"accepted": 1`) {
		t.Fatalf("delegate a batch: exit %d, out %s, err %s", code, out, errOut)
	}
	code, out, errOut = runCLI(context.Background(), "receipt", "verify", rcpts)
	if code != 0 || !strings.Contains(out, "at nonce 3") {
		t.Fatalf("receipt verify of a batch's receipts: exit %d, out %s, err %s", code, out, errOut)
	}
	writeBatch(1)
	code, _, errOut = runCLI(context.Background(), "delegate", "--tower", towerURL, "--file", batch)
	if code != 1 || !strings.Contains(errOut, "refused 1 of 1 states") {
		t.Fatalf("a refused batch: exit %d, stderr %q; want exit 1", code, errOut)
	}
	writeState(3)
	code, out, errOut = runCLI(context.Background(), "delegate", "--tower", towerURL, "--file", file)
	if code != 0 || !strings.Contains(out, `"nonce": 4`) {
		t.Fatalf("delegate: exit %d, out %s, err %s", code, out, errOut)
	}
	// --kind goes through the kind-generic intake: the same state again is
	// a retry, accepted with previous_nonce 4; an older one is refused as
	// stale, an unknown kind is refused, show reads the nonce.
	code, out, errOut = runCLI(context.Background(), "delegate", "--kind", "channel", "--tower", towerURL, "--file", file)
	if code != 0 || !strings.Contains(out, `"previous_nonce": 4`) || !strings.Contains(out, `"receipt"`) {
		t.Fatalf("delegate --kind with the state held: exit %d, out %s, err %s", code, out, errOut)
	}
	writeState(2)
	code, out, errOut = runCLI(context.Background(), "delegate", "--kind", "channel", "--tower", towerURL, "--file", file)
	if code != 1 || !strings.Contains(errOut, "refused 1 of 1 proofs") || !strings.Contains(out, "holds nonce 4") {
		t.Fatalf("delegate --kind with a stale state: exit %d, out %s, err %s", code, out, errOut)
	}
	writeState(3)
	code, _, errOut = runCLI(context.Background(), "delegate", "--kind", "nosuch", "--tower", towerURL, "--file", file)
	if code != 1 || !strings.Contains(errOut, `takes no proofs of kind "nosuch"`) {
		t.Fatalf("delegate --kind nosuch: exit %d, err %s", code, errOut)
	}
	code, out, errOut = runCLI(context.Background(), "delegate", "show", "--kind", "channel", "--subject", ch.ID.Hex(), "--tower", towerURL)
	if code != 0 || !strings.Contains(out, `"nonce": 4`) || strings.Contains(out, "sig_a") {
		t.Fatalf("delegate show --kind unsigned: exit %d, out %s, err %s", code, out, errOut)
	}
	// `delegate show`: the nonce for anybody, the full state for a party's signed read.
	code, out, errOut = runCLI(context.Background(), "delegate", "show", "--tower", towerURL, "--channel", ch.ID.Hex())
	if code != 0 || !strings.Contains(out, `"nonce": 4`) || strings.Contains(out, "sig_a") {
		t.Fatalf("delegate show unsigned: exit %d, out %s, err %s", code, out, errOut)
	}
	partyKey := filepath.Join(dir, "party-a.key")
	if err := os.WriteFile(partyKey, []byte(hex.EncodeToString(crypto.FromECDSA(ch.A))), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut = runCLI(context.Background(), "delegate", "show", "--tower", towerURL, "--key", partyKey, "--channel", ch.ID.Hex())
	if code != 0 || !strings.Contains(out, `"sig_a"`) || !strings.Contains(out, `"nonce": 4`) {
		t.Fatalf("delegate show by party A: exit %d, out %s, err %s", code, out, errOut)
	}
	writeState(1)
	code, _, errOut = runCLI(context.Background(), "delegate", "--tower", towerURL, "--file", file)
	if code != 1 || !strings.Contains(errOut, "holds nonce 4") || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
		t.Fatalf("lower nonce: exit %d, stderr %q; want exit 1 and one line", code, errOut)
	}
	c.Close(ch, ch.States[0])
	waitUntil(t, "the stale close to be challenged", func() bool { return len(c.Challenges(ch)) == 1 })
	// A single node on the embedded NATS server sealed its events with a key
	// it made for itself.
	if st, err := os.Stat(filepath.Join(dir, "data", "events.key")); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("local event sealing key: %v %v, want a 0600 file in data_dir", st, err)
	}
	if got := c.OnChain(ch).Nonce; got != 4 {
		t.Fatalf("on-chain nonce %d, want 4", got)
	}
	// The API signs with its own identity, not the challenge key.
	var info struct{ Tower string }
	if err := json.Unmarshal([]byte(httpGet(t, towerURL+"/v1/info")), &info); err != nil || info.Tower != crypto.PubkeyToAddress(idKey.PublicKey).Hex() {
		t.Fatalf("API identity %q (%v), want the identity key's %s", info.Tower, err, crypto.PubkeyToAddress(idKey.PublicKey).Hex())
	}
	// The challenge's inclusion is recorded once its receipt is read.
	var metrics string
	waitUntil(t, "the challenge's inclusion in /metrics", func() bool {
		metrics = httpGet(t, "http://"+metricsAddr+"/metrics")
		return strings.Contains(metrics, "watchtower_challenges_mined_total{")
	})
	if !strings.Contains(metrics, "# TYPE") {
		t.Fatalf("/metrics answered no metrics: %.200s", metrics)
	}
	assertNoSecrets(t, "/metrics", metrics, secrets)
	checkDeploymentMetrics(t, metrics)
	// The reaction (ingest reading the close to the broadcast) was measured
	// on the tower's own clock for the one challenge.
	if !regexp.MustCompile(`(?m)^watchtower_challenge_reaction_seconds_count\{kind="channel"\} [1-9]`).MatchString(metrics) {
		t.Errorf("/metrics has no reaction time for the challenge:\n%s", grepLines(metrics, "challenge_reaction"))
	}
}

// grepLines keeps the lines of s that contain sub.
func grepLines(s, sub string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// writeIdentityKey writes a new API identity key to dir and returns it and its file.
func writeIdentityKey(t *testing.T, dir string) (*ecdsa.PrivateKey, string) {
	t.Helper()
	k, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "identity.key")
	if err := os.WriteFile(file, []byte(hex.EncodeToString(crypto.FromECDSA(k))+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return k, file
}

func httpGet(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// assertNoSecrets fails the test when text (named where) contains any of secrets.
func assertNoSecrets(t *testing.T, where, text string, secrets []string) {
	t.Helper()
	low := strings.ToLower(text)
	for _, s := range secrets {
		if strings.Contains(low, strings.ToLower(s)) {
			t.Errorf("%s carry a secret (%s...)", where, s[:8])
		}
	}
}

func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The demo passes and its JSON summary has the documented fields.
func TestDevScenarioJSON(t *testing.T) {
	code, out, errOut := runCLI(context.Background(), "dev", "--kinds", "channel", "--channels", "10", "--json", "--block-time", "40ms", "--window", "30")
	if code != 0 {
		t.Fatalf("dev exited %d: %s", code, errOut)
	}
	var r struct {
		OK              bool `json:"ok"`
		Frauds          int  `json:"frauds"`
		Challenged      int  `json:"challenged"`
		Missed          int  `json:"missed"`
		FalseChallenges int  `json:"false_challenges"`
		Honest          int  `json:"honest"`
		Kinds           []struct {
			Kind    string `json:"kind"`
			Results []struct {
				Verdict     string `json:"verdict"`
				ChallengeTx string `json:"challenge_tx"`
			} `json:"results"`
		} `json:"kinds"`
		Speed []struct {
			Kind          string  `json:"kind"`
			Samples       uint64  `json:"reaction_samples"`
			ReactionP50   float64 `json:"reaction_p50_ms"`
			ReactionP99   float64 `json:"reaction_p99_ms"`
			BlocksP50     uint64  `json:"blocks_to_challenge_p50"`
			FirstBlockPct float64 `json:"mined_first_possible_block_pct"`
		} `json:"speed"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("stdout is not the JSON summary: %v\n%s", err, out)
	}
	// Every broadcast challenge was timed from its event's receipt; a
	// challenge is mined no earlier than the block after the confirmation
	// (how many make that first block depends on the machine's load).
	if sp := r.Speed; len(sp) != 1 || sp[0].Kind != "channel" || sp[0].Samples < 6 || sp[0].ReactionP50 <= 0 ||
		sp[0].ReactionP99 < sp[0].ReactionP50 || sp[0].BlocksP50 < 2 || sp[0].FirstBlockPct < 0 || sp[0].FirstBlockPct > 100 {
		t.Fatalf("speed summary %+v", sp)
	}
	if !r.OK || r.Frauds != 6 || r.Challenged != 6 || r.Missed != 0 || r.FalseChallenges != 0 || r.Honest != 3 {
		t.Fatalf("summary %+v", r)
	}
	if len(r.Kinds) == 0 || r.Kinds[0].Kind != "channel" || len(r.Kinds[0].Results) != 10 {
		t.Fatalf("per-kind results missing: %+v", r.Kinds)
	}
	if !strings.Contains(errOut, "challenge_mined") {
		t.Fatalf("progress output shows no mined challenge:\n%s", errOut)
	}
}

// `dev --alert-webhook` delivers each dispute's lifecycle to the URL.
func TestDevAlertWebhook(t *testing.T) {
	var mu sync.Mutex
	seen := map[string]map[string]bool{} // subject -> states
	const secret = "dev-webhook-secret"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		// Every delivery is signed with the secret given to dev.
		if err := alerts.VerifyWebhook([]byte(secret), r.Header, body, time.Now(), time.Hour); err != nil {
			t.Errorf("webhook signature: %v", err)
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		var p alerts.WebhookPayload
		if err := json.Unmarshal(body, &p); err != nil {
			t.Errorf("webhook body: %v", err)
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		mu.Lock()
		for _, a := range p.Alerts {
			if seen[a.Subject] == nil {
				seen[a.Subject] = map[string]bool{}
			}
			seen[a.Subject][a.State] = true
		}
		mu.Unlock()
	}))
	defer srv.Close()
	code, _, errOut := runCLI(context.Background(), "dev", "--kinds", "channel", "--channels", "3", "--block-time", "40ms", "--window", "30", "--alert-webhook", srv.URL, "--alert-webhook-secret", secret)
	if code != 0 {
		t.Fatalf("dev exited %d: %s", code, errOut)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(seen) != 2 {
		t.Fatalf("webhook heard of %d disputes, want the 2 stale closes: %v", len(seen), seen)
	}
	for subject, states := range seen {
		for _, s := range []string{alerts.StateDetected, alerts.StateChallengeSent, alerts.StateChallengeMined} {
			if !states[s] {
				t.Errorf("%s: no %q alert delivered (got %v)", subject, s, states)
			}
		}
	}
}

// `alerts test` sends a test alert through the configured receiver and
// reports a failing receiver with exit status 1.
func TestAlertsTestCommand(t *testing.T) {
	var got atomic.Int32
	ok := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var p alerts.WebhookPayload
		if err := json.NewDecoder(r.Body).Decode(&p); err == nil && len(p.Alerts) > 0 {
			got.Add(1)
		}
	}))
	defer ok.Close()
	broken := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusForbidden)
	}))
	defer broken.Close()
	dir := t.TempDir()
	cfg := filepath.Join(dir, "tower.yaml")
	yaml := fmt.Sprintf("alerts:\n  receivers:\n    - name: hook\n      webhook:\n        url: %s\n    - name: dead\n      webhook:\n        url: %s\n  route:\n    receiver: hook\n", ok.URL, broken.URL)
	if err := os.WriteFile(cfg, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(context.Background(), "alerts", "test", "--receiver", "hook", "--config", cfg)
	if code != 0 || got.Load() == 0 || !strings.Contains(out, "delivered to hook") {
		t.Fatalf("exit %d, out %q, err %q, %d payloads", code, out, errOut, got.Load())
	}
	code, _, errOut = runCLI(context.Background(), "alerts", "test", "--receiver", "dead", "--config", cfg, "--timeout", "5s")
	if code != 1 || !strings.Contains(errOut, "403") {
		t.Fatalf("broken receiver: exit %d, stderr %q", code, errOut)
	}
	code, _, errOut = runCLI(context.Background(), "alerts", "test", "--receiver", "nobody", "--config", cfg)
	if code == 0 || !strings.Contains(errOut, "nobody") {
		t.Fatalf("unknown receiver: exit %d, stderr %q", code, errOut)
	}
}

// SIGHUP with another adjudicator in the config file restarts the roles on the
// new contract: a stale close there is challenged, nothing is dropped.
func TestRunReloadsWatchedContracts(t *testing.T) {
	c := chantest.New(t, 4, devnet.Options{RPCPort: 0, WSPort: 0})
	c.Net.AutoMine(50 * time.Millisecond)
	// A second adjudicator, the one the operator switches to.
	addr2, tx, adj2, err := bindings.DeployChannelAdjudicator(c.Net.Transactor(context.Background(), c.Net.Keys[0]), c.Net.Client)
	if err != nil {
		t.Fatal(err)
	}
	c.Receipt(tx)
	dir := t.TempDir()
	keyFile := filepath.Join(dir, "tower.key")
	if err := os.WriteFile(keyFile, []byte(hex.EncodeToString(crypto.FromECDSA(c.TowerKey(0)))), 0o600); err != nil {
		t.Fatal(err)
	}
	api := freeAddr(t)
	_, idFile := writeIdentityKey(t, dir)
	cfg := filepath.Join(dir, "watchtower.yaml")
	write := func(adj string) {
		yaml := fmt.Sprintf("data_dir: %s\nl1:\n  rpc_url: %s\n  confirmations: 1\n  poll_interval: 100ms\nsigner:\n  key_file: %s\nchannel:\n  adjudicator: %s\napi:\n  listen: %s\n  identity_key_file: %s\nmetrics:\n  enabled: false\nlog:\n  level: warn\n",
			filepath.Join(dir, "data"), c.Net.WSURL, keyFile, adj, api, idFile)
		if err := os.WriteFile(cfg, []byte(yaml), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write(c.Addr.Hex())
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	var stderr bytes.Buffer
	go func() {
		done <- run(ctx, []string{"run", "--config", cfg, "--challenge.poll", "50ms"}, &bytes.Buffer{}, &stderr)
	}()
	defer func() {
		cancel()
		if code := <-done; code != 0 {
			t.Errorf("run exited %d: %s", code, stderr.String())
		}
	}()
	towerURL := "http://" + api
	info := func() string {
		resp, err := http.Get(towerURL + "/v1/info")
		if err != nil {
			return ""
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	waitUntil(t, "the API on the first adjudicator", func() bool { return strings.Contains(strings.ToLower(info()), strings.ToLower(c.Addr.Hex())) })

	write(addr2.Hex())
	if err := syscall.Kill(os.Getpid(), syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, "the API on the second adjudicator", func() bool { return strings.Contains(strings.ToLower(info()), strings.ToLower(addr2.Hex())) })

	c2 := *c
	c2.Addr, c2.Adj, c2.Domain = addr2, adj2, channelstate.Domain{ChainID: c.Net.ChainID, Contract: addr2}
	ch := c2.Open(40, 3)
	if _, err := delegation.NewClient(towerURL, nil).DelegateState(context.Background(), ch.Latest()); err != nil {
		t.Fatal(err)
	}
	c2.Close(ch, ch.States[0])
	waitUntil(t, "the stale close on the new adjudicator to be challenged", func() bool { return len(c2.Challenges(ch)) == 1 })
}

// `dev --alerts-config` routes the demo's alerts with a full alerts
// configuration (here a signed webhook receiver and escalation
// thresholds), and refuses to be combined with --alert-webhook.
func TestDevAlertsConfig(t *testing.T) {
	var mu sync.Mutex
	states := map[string]bool{}
	const secret = "cfg-webhook-secret"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if err := alerts.VerifyWebhook([]byte(secret), r.Header, body, time.Now(), time.Hour); err != nil {
			t.Errorf("webhook signature: %v", err)
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		var p alerts.WebhookPayload
		if err := json.Unmarshal(body, &p); err != nil {
			t.Errorf("webhook body: %v", err)
			return
		}
		mu.Lock()
		for _, a := range p.Alerts {
			states[a.State] = true
		}
		mu.Unlock()
	}))
	defer srv.Close()
	cfg := filepath.Join(t.TempDir(), "alerts.yaml")
	body := fmt.Sprintf("receivers:\n  - name: hook\n    webhook:\n      url: %s\n      secret: %s\nroute:\n  receiver: hook\n"+
		"escalation:\n  thresholds:\n    - blocks_left: 20\n      severity: critical\n", srv.URL, secret)
	if err := os.WriteFile(cfg, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCLI(context.Background(), "dev", "--kinds", "channel", "--channels", "3", "--block-time", "40ms", "--window", "30", "--alerts-config", cfg)
	if code != 0 {
		t.Fatalf("dev exited %d: %s", code, errOut)
	}
	mu.Lock()
	defer mu.Unlock()
	for _, s := range []string{alerts.StateDetected, alerts.StateChallengeSent, alerts.StateChallengeMined} {
		if !states[s] {
			t.Errorf("no %q alert routed to the configured receiver (got %v)", s, states)
		}
	}
	code, _, errOut = runCLI(context.Background(), "dev", "--alerts-config", cfg, "--alert-webhook", srv.URL)
	if code != 2 || !strings.Contains(errOut, "not both") {
		t.Fatalf("both flags: exit %d, %s", code, errOut)
	}
}
