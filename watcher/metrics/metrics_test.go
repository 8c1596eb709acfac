package metrics_test

import (
	"bufio"
	"context"
	"errors"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/prometheus/client_golang/prometheus"
	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/alerts"
	"github.com/watchtower-l2/watchtower/watcher/bus"
	"github.com/watchtower-l2/watchtower/watcher/metrics"
	"github.com/watchtower-l2/watchtower/watcher/store"
	"github.com/watchtower-l2/watchtower/watcher/store/pebblestore"
)

// scrape fetches /metrics and returns series ("name{labels}") -> value and the
// families announced by # TYPE lines.
func scrape(t *testing.T, url string) (map[string]float64, map[string]string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		b, _ := io.ReadAll(resp.Body)
		t.Fatalf("/metrics: %d %s", resp.StatusCode, b)
	}
	series := map[string]float64{}
	types := map[string]string{}
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "# TYPE ") {
			f := strings.Fields(line)
			types[f[2]] = f[3]
			continue
		}
		if line == "" || line[0] == '#' {
			continue
		}
		i := strings.LastIndexByte(line, ' ')
		v, err := strconv.ParseFloat(line[i+1:], 64)
		if err != nil {
			t.Fatalf("bad sample line %q", line)
		}
		series[line[:i]] = v
	}
	return series, types
}

func must(t *testing.T, series map[string]float64, key string) float64 {
	t.Helper()
	v, ok := series[key]
	if !ok {
		var near []string
		name := key
		if i := strings.IndexByte(key, '{'); i > 0 {
			name = key[:i]
		}
		for k := range series {
			if strings.HasPrefix(k, name) {
				near = append(near, k)
			}
		}
		t.Fatalf("series %s missing; have %v", key, near)
	}
	return v
}

type failingSink struct{}

func (failingSink) Notify(ctx context.Context, a alerts.Alert) error {
	return context.DeadlineExceeded
}

func TestScrapeKeySeriesMove(t *testing.T) {
	reg := prometheus.NewRegistry()
	m, err := metrics.New(reg)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(m.Handler())
	defer srv.Close()
	url := srv.URL

	// Real dependencies behind the scrape-time sources.
	key, _ := crypto.GenerateKey()
	signer := crypto.PubkeyToAddress(key.PublicKey)
	backend := simulated.NewBackend(types.GenesisAlloc{signer: {Balance: big.NewInt(2e18)}})
	defer backend.Close()
	m.WatchSignerBalance(signer.Hex(), func(ctx context.Context) (*big.Int, error) {
		return backend.Client().BalanceAt(ctx, signer, nil)
	})
	emb, err := bus.StartEmbedded(bus.EmbeddedOptions{Dir: t.TempDir(), Logger: zap.NewNop()})
	if err != nil {
		t.Fatal(err)
	}
	defer emb.Shutdown()
	ctx := context.Background()
	b, err := bus.Connect(ctx, emb.ClientURL(), bus.Options{Name: "metrics-test"})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if err := b.EnsureStream(ctx, bus.StreamConfig{Name: "WT", Subjects: []string{"wt.>"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := b.JetStream().CreateOrUpdateConsumer(ctx, "WT", jetstream.ConsumerConfig{Durable: "verify", AckPolicy: jetstream.AckExplicitPolicy}); err != nil {
		t.Fatal(err)
	}
	m.WatchConsumer("WT", "verify", b.ConsumerPending)
	head := uint64(100)
	m.WatchDeadlines(func(ctx context.Context) (uint64, []metrics.Deadline, error) {
		return head, []metrics.Deadline{
			{Kind: "channel", Dispute: "d1", Status: "pending", DeadlineBlock: 130},
			{Kind: "channel", Dispute: "d2", Status: "sent", DeadlineBlock: 105},
		}, nil
	})
	st, err := pebblestore.Open(t.TempDir(), zap.NewNop())
	if err != nil {
		t.Fatal(err)
	}
	ist := m.InstrumentStore(st)
	defer ist.Close()
	rec := &alerts.Recorder{}
	chat := m.InstrumentSink("chat", rec)
	pager := m.InstrumentSink("pager", failingSink{})

	// First round of activity.
	m.BuildInfo("test", "ingest,verify")
	m.IngestHead(100, 90)
	m.EventIngested("channel", "closed", false)
	m.EventVerified("channel", "fraud")
	m.EventVerified("channel", "honest")
	if err := ist.Put(ctx, "k", []byte("v")); err != nil {
		t.Fatal(err)
	}
	if _, err := ist.Get(ctx, "missing"); !errors.Is(err, store.ErrNotFound) {
		t.Fatal(err)
	}
	tok, ok, err := ist.AcquireLeaseToken(ctx, "lease:{j}", "me", time.Minute)
	if err != nil || !ok {
		t.Fatalf("AcquireLeaseToken: %v %v", ok, err)
	}
	if ok, err := ist.PutFenced(ctx, "job:{j}", []byte("v"), "lease:{j}", "me", tok); err != nil || !ok {
		t.Fatalf("PutFenced: %v %v", ok, err)
	}
	_ = chat.Notify(ctx, alerts.Alert{Subject: "x"})
	_ = pager.Notify(ctx, alerts.Alert{Subject: "x"})
	m.ChallengeSent("channel", time.Now().Add(-20*time.Second))
	m.ChallengeReaction("channel", time.Now().Add(-20*time.Millisecond))
	m.DelegationAccepted("channel", true)
	m.L1SourceState("https://a.example", "healthy")
	m.L1SourceState("https://b.example", "healthy")
	m.L1SourceState("https://b.example", "disagreeing")
	m.L1SourceDisagreed("https://b.example")
	if _, err := b.Publish(ctx, "wt.1.channel.closed", "m1", []byte("{}")); err != nil {
		t.Fatal(err)
	}
	// The server counts a stored message in the consumer's backlog shortly
	// after acking its publish: wait for it, so the scrape sees it.
	waitPending(t, b, 1)

	s1, typ := scrape(t, url)
	checks := map[string]float64{
		`watchtower_l1_head_block`:                                                              100,
		`watchtower_ingest_processed_block`:                                                     90,
		`watchtower_ingest_lag_blocks`:                                                          10,
		`watchtower_l1_source_state{source="https://a.example",state="healthy"}`:                1,
		`watchtower_l1_source_state{source="https://b.example",state="healthy"}`:                0,
		`watchtower_l1_source_state{source="https://b.example",state="disagreeing"}`:            1,
		`watchtower_l1_source_disagreements_total{source="https://b.example"}`:                  1,
		`watchtower_ingest_events_total{event="closed",kind="channel",removed="false"}`:         1,
		`watchtower_verify_verdicts_total{kind="channel",outcome="fraud"}`:                      1,
		`watchtower_verify_verdicts_total{kind="channel",outcome="honest"}`:                     1,
		`watchtower_store_operation_duration_seconds_count{operation="put"}`:                    1,
		`watchtower_store_operation_duration_seconds_count{operation="get"}`:                    1,
		`watchtower_store_operation_duration_seconds_count{operation="acquire_lease_token"}`:    1,
		`watchtower_store_operation_duration_seconds_count{operation="put_fenced"}`:             1,
		`watchtower_challenges_sent_total{kind="channel"}`:                                      1,
		`watchtower_challenge_event_to_broadcast_seconds_count{kind="channel"}`:                 1,
		`watchtower_jetstream_consumer_pending_messages{consumer="verify",stream="WT"}`:         1,
		`watchtower_signer_balance_wei{address="` + signer.Hex() + `"}`:                         2e18,
		`watchtower_dispute_deadline_blocks_left{dispute="d1",kind="channel",status="pending"}`: 30,
		`watchtower_dispute_deadline_blocks_left{dispute="d2",kind="channel",status="sent"}`:    5,
		`watchtower_disputes_open{kind="channel",status="pending"}`:                             1,
		`watchtower_alerts_sent_total{receiver="chat"}`:                                         1,
		`watchtower_alerts_failed_total{reason="timeout",receiver="pager"}`:                     1,
		`watchtower_delegations_held{kind="channel"}`:                                           1,
		`watchtower_delegations_accepted_total{kind="channel",type="new"}`:                      1,
		`watchtower_build_info{roles="ingest,verify",version="test"}`:                           1,
	}
	for k, want := range checks {
		if got := must(t, s1, k); got != want {
			t.Errorf("%s = %v, want %v", k, got, want)
		}
	}
	if _, bad := s1[`watchtower_store_errors_total{operation="get"}`]; bad {
		t.Error("not-found counted as a store error")
	}
	if s := must(t, s1, `watchtower_challenge_event_to_broadcast_seconds_sum{kind="channel"}`); s < 19 || s > 60 {
		t.Errorf("event-to-broadcast sum %v, want about 20s", s)
	}
	if must(t, s1, "watchtower_l1_head_updated_timestamp_seconds") < float64(time.Now().Add(-time.Minute).Unix()) {
		t.Error("head timestamp not set")
	}

	// Second round: the key series move.
	m.IngestHead(110, 108)
	m.EventVerified("channel", "fraud")
	m.ChallengeMined("channel", time.Now().Add(-40*time.Second))
	m.ChallengeFailed("channel", metrics.FailMissed)
	head = 104 // d2 has one block left
	for i := range 3 {
		if _, err := b.Publish(ctx, "wt.1.channel.closed", "m"+strconv.Itoa(i+2), []byte("{}")); err != nil {
			t.Fatal(err)
		}
	}
	_ = ist.Put(ctx, "k2", []byte("v"))
	st.Close() // the store goes down: failures are counted
	if err := ist.Put(ctx, "k3", []byte("v")); err == nil {
		t.Fatal("put on a closed store succeeded")
	}
	_ = chat.Notify(ctx, alerts.Alert{Subject: "y"})
	m.VerifyFailed("channel")
	m.EventRejected("unsigned")
	m.ConfigReloaded(nil)
	m.WatchConsumer("WT", "gone", b.ConsumerPending) // no such consumer: a source error
	waitPending(t, b, 4)

	s2, typ2 := scrape(t, url)
	for k, v := range typ2 {
		typ[k] = v
	}
	// The failure is counted during the scrape that met it: visible on the next.
	s3, typ3 := scrape(t, url)
	for k, v := range typ3 {
		typ[k] = v
	}
	if must(t, s3, `watchtower_metrics_source_errors_total{source="consumer"}`) < 1 {
		t.Error("source error not counted")
	}
	moved := map[string]float64{
		`watchtower_l1_head_block`:                                                           110,
		`watchtower_ingest_lag_blocks`:                                                       2,
		`watchtower_verify_verdicts_total{kind="channel",outcome="fraud"}`:                   2,
		`watchtower_challenges_mined_total{kind="channel"}`:                                  1,
		`watchtower_challenges_failed_total{kind="channel",reason="missed"}`:                 1,
		`watchtower_challenge_event_to_inclusion_seconds_count{kind="channel"}`:              1,
		`watchtower_jetstream_consumer_pending_messages{consumer="verify",stream="WT"}`:      4,
		`watchtower_dispute_deadline_blocks_left{dispute="d2",kind="channel",status="sent"}`: 1,
		`watchtower_store_operation_duration_seconds_count{operation="put"}`:                 3,
		`watchtower_store_errors_total{operation="put"}`:                                     1,
		`watchtower_alerts_sent_total{receiver="chat"}`:                                      2,
		`watchtower_verify_events_rejected_total{reason="unsigned"}`:                         1,
	}
	for k, want := range moved {
		if got := must(t, s2, k); got != want {
			t.Errorf("after activity: %s = %v, want %v", k, got, want)
		}
	}

	// Naming rules, and Names() is exactly what is exported.
	exported := map[string]bool{}
	for name, kind := range typ {
		if !strings.HasPrefix(name, "watchtower_") {
			continue
		}
		exported[name] = true
		if strings.HasSuffix(name, "_total") != (kind == "counter") {
			t.Errorf("%s is a %s: _total is for counters only", name, kind)
		}
		if strings.Count(name, "watchtower_") != 1 {
			t.Errorf("%s: one watchtower_ prefix", name)
		}
		for _, bad := range []string{"_ms", "_milliseconds", "_minutes", "_hours", "_gwei", "_ether"} {
			if strings.Contains(name, bad) {
				t.Errorf("%s: use base units", name)
			}
		}
	}
	for _, n := range m.Names() {
		if !exported[n] {
			// Counters exposed in OpenMetrics-less text keep their _total name.
			t.Errorf("Names() lists %s but the scrape has no such family", n)
		}
	}
	names := map[string]bool{}
	for _, n := range m.Names() {
		names[n] = true
	}
	for n := range exported {
		if !names[n] {
			t.Errorf("%s is exported but missing from Names()", n)
		}
	}
}

func TestNilMetricsIsANoOp(t *testing.T) {
	var m *metrics.Metrics
	m.IngestHead(1, 1)
	m.EventVerified("k", "fraud")
	m.ChallengeSent("k", time.Now())
	m.ChallengeReaction("k", time.Now())
	m.WatchConsumer("s", "d", nil)
	m.L1SourceState("https://a", "healthy")
	m.L1SourceDisagreed("https://a")
	if m.InstrumentSink("r", nil) != nil || m.Head() != 0 {
		t.Fatal("nil metrics did something")
	}
}

func TestTwoTowersInOneProcess(t *testing.T) {
	for range 2 {
		if _, err := metrics.New(prometheus.NewRegistry()); err != nil {
			t.Fatal(err)
		}
	}
	reg := prometheus.NewRegistry()
	if _, err := metrics.New(reg); err != nil {
		t.Fatal(err)
	}
	if _, err := metrics.New(reg); err == nil {
		t.Fatal("registering twice on one registry should fail")
	}
}

// The reaction histogram resolves below a millisecond and skips an unknown
// start.
func TestChallengeReactionBuckets(t *testing.T) {
	reg := prometheus.NewRegistry()
	m, err := metrics.New(reg)
	if err != nil {
		t.Fatal(err)
	}
	m.ChallengeReaction("channel", time.Now().Add(-30*time.Second))
	m.ChallengeReaction("channel", time.Time{})
	fams, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fams {
		if f.GetName() != "watchtower_challenge_reaction_seconds" {
			continue
		}
		h := f.GetMetric()[0].GetHistogram()
		if h.GetSampleCount() != 1 {
			t.Fatalf("%d samples, want the one with a start", h.GetSampleCount())
		}
		if b := h.GetBucket(); b[0].GetUpperBound() > 0.001 || b[len(b)-1].GetUpperBound() < 10 {
			t.Fatalf("buckets from %g to %g s, want sub-millisecond to tens of seconds", b[0].GetUpperBound(), b[len(b)-1].GetUpperBound())
		}
		return
	}
	t.Fatal("no watchtower_challenge_reaction_seconds family")
}

// ReactionOf estimates p50 and p99 from the buckets: 98 reactions of about
// 26 ms and 2 of about 7 s put p50 in the 25-50 ms bucket and p99 in the
// 5-10 s one; a kind never observed has none.
func TestReactionOf(t *testing.T) {
	m, err := metrics.New(prometheus.NewRegistry())
	if err != nil {
		t.Fatal(err)
	}
	if _, ok, err := m.ReactionOf("channel"); ok || err != nil {
		t.Fatalf("nothing observed: ok %v, err %v", ok, err)
	}
	for range 98 {
		m.ChallengeReaction("channel", time.Now().Add(-26*time.Millisecond))
	}
	for range 2 {
		m.ChallengeReaction("channel", time.Now().Add(-7*time.Second))
	}
	r, ok, err := m.ReactionOf("channel")
	if err != nil || !ok {
		t.Fatalf("ok %v, err %v", ok, err)
	}
	if r.Count != 100 || r.P50 < 0.025 || r.P50 > 0.05 || r.P99 < 5 || r.P99 > 10 {
		t.Fatalf("count %d, p50 %gs, p99 %gs; want 100, 25-50 ms, 5-10 s", r.Count, r.P50, r.P99)
	}
}

// waitPending waits until the verify consumer of stream WT reports want
// messages not yet delivered.
func waitPending(t *testing.T, b *bus.Bus, want uint64) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		got, _, err := b.ConsumerPending(context.Background(), "WT", "verify")
		if err == nil && got == want {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the consumer reports %d pending (err %v), want %d", got, err, want)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
