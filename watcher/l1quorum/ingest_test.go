package l1quorum_test

import (
	"encoding/json"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"go.uber.org/zap"
	"go.uber.org/zap/zaptest"

	"github.com/watchtower-l2/watchtower/deployments/contracts/bindings"
	"github.com/watchtower-l2/watchtower/internal/testutil/anviltest"
	"github.com/watchtower-l2/watchtower/watcher/bus"
	"github.com/watchtower-l2/watchtower/watcher/bus/bustest"
	"github.com/watchtower-l2/watchtower/watcher/challenge"
	"github.com/watchtower-l2/watchtower/watcher/event"
	"github.com/watchtower-l2/watchtower/watcher/eventauth"
	"github.com/watchtower-l2/watchtower/watcher/ingest"
	"github.com/watchtower-l2/watchtower/watcher/l1quorum"
	"github.com/watchtower-l2/watchtower/watcher/l2"
	"github.com/watchtower-l2/watchtower/watcher/l2/channel"
	"github.com/watchtower-l2/watchtower/watcher/store/pebblestore"
)

// forgedClose is a well-formed ChannelClosed log of adjudicator in block
// blk: what a lying endpoint would invent to make the tower challenge.
func forgedClose(t *testing.T, adjudicator common.Address, blk *types.Header) json.RawMessage {
	t.Helper()
	parsed, err := bindings.ChannelAdjudicatorMetaData.GetAbi()
	if err != nil {
		t.Fatal(err)
	}
	ev := parsed.Events["ChannelClosed"]
	topics := []common.Hash{ev.ID}
	var data []any
	var plain abi.Arguments
	for _, in := range ev.Inputs {
		var v any
		switch in.Type.T {
		case abi.FixedBytesTy:
			v = [32]byte{0xc1, 0x05, 0xed}
		case abi.AddressTy:
			v = common.HexToAddress("0x000000000000000000000000000000000000bad1")
		case abi.UintTy:
			if in.Type.Size == 64 {
				v = uint64(7)
			} else {
				v = big.NewInt(7)
			}
		default:
			t.Fatalf("ChannelClosed input %s has type %s: extend forgedClose", in.Name, in.Type)
		}
		if in.Indexed {
			packed, err := abi.Arguments{{Type: in.Type}}.Pack(v)
			if err != nil {
				t.Fatal(err)
			}
			topics = append(topics, common.BytesToHash(packed))
			continue
		}
		plain, data = append(plain, in), append(data, v)
	}
	packed, err := plain.Pack(data...)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := json.Marshal(&types.Log{Address: adjudicator, Topics: topics, Data: packed, BlockNumber: blk.Number.Uint64(),
		BlockHash: blk.Hash(), TxHash: common.HexToHash("0xf0f0"), TxIndex: 0, Index: 0})
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// TestForgedCloseNeverIngested runs the real ingest role over a lying
// endpoint that adds a well-formed close event of the watched adjudicator
// to every log answer: alone, the liar gets it published (the forgery is
// real); outvoted by two honest endpoints, nothing is published.
func TestForgedCloseNeverIngested(t *testing.T) {
	ctx := ctxT(t)
	node := anviltest.Start(t)
	opts, err := bind.NewKeyedTransactorWithChainID(node.Key(t, 0), big.NewInt(anviltest.ChainID))
	if err != nil {
		t.Fatal(err)
	}
	adjudicator, _, _, err := bindings.DeployChannelAdjudicator(opts, node.Client)
	if err != nil {
		t.Fatal(err)
	}
	for range 4 {
		node.Mine(t)
	}
	blk, err := node.Client.HeaderByNumber(ctx, big.NewInt(3))
	if err != nil {
		t.Fatal(err)
	}
	liar := newProxy(t, node.URL, forging)
	forged := forgedClose(t, adjudicator, blk)
	liar.forged.Store(&forged)
	honestProxy := newProxy(t, node.URL, honest)

	_, natsURL := bustest.Start(t)
	log := zaptest.NewLogger(t, zaptest.Level(zap.WarnLevel))
	b, err := bus.Connect(ctx, natsURL, bus.Options{Logger: log})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(b.Close)
	const stream = "WT"
	if err := b.EnsureStream(ctx, bus.StreamConfig{Name: stream, Subjects: []string{event.ChainSubjects(anviltest.ChainID)}}); err != nil {
		t.Fatal(err)
	}
	published := func() uint64 {
		info, err := b.JetStream().Stream(ctx, stream)
		if err != nil {
			t.Fatal(err)
		}
		return info.CachedInfo().State.Msgs
	}
	signer, err := eventauth.GenerateSigner()
	if err != nil {
		t.Fatal(err)
	}
	// ingestAll runs one ingest role over client from block 1 to the head.
	ingestAll := func(client ingest.Client, l1 channel.Backend) error {
		st, err := pebblestore.Open(t.TempDir(), log)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		chain, err := channel.NewChain(l1, adjudicator)
		if err != nil {
			t.Fatal(err)
		}
		q := challenge.NewQueue(st, anviltest.ChainID, "test")
		kind, err := channel.New(channel.Config{ChainID: big.NewInt(anviltest.ChainID), Adjudicator: adjudicator}, st, chain, q, log)
		if err != nil {
			t.Fatal(err)
		}
		kinds, err := l2.NewRegistry(kind)
		if err != nil {
			t.Fatal(err)
		}
		in, err := ingest.New(client, b, st, kinds, ingest.Config{ChainID: anviltest.ChainID, StartBlock: 1, Signer: signer}, log)
		if err != nil {
			t.Fatal(err)
		}
		for range 100 {
			more, err := in.Step(ctx)
			if err != nil || !more {
				return err
			}
		}
		t.Fatal("ingest never caught up")
		return nil
	}

	srcs := []l1quorum.Source{
		{Name: "anvil", Node: dial(t, node.URL)},
		{Name: "honest", Node: dial(t, honestProxy.srv.URL)},
		{Name: "liar", Node: dial(t, liar.srv.URL)},
	}
	c, err := l1quorum.New(srcs, l1quorum.Config{}, log)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := ingestAll(c, c); err != nil {
		t.Fatal(err)
	}
	if n := published(); n != 0 {
		t.Fatalf("%d events published through the quorum: the forged close got through", n)
	}
	if st := c.Sources()[2].State; st != l1quorum.Disagreeing {
		t.Fatalf("liar state %q", st)
	}

	// The control: the same ingest over the liar alone publishes the forgery.
	liarOnly := dial(t, liar.srv.URL)
	if err := ingestAll(liarOnly, liarOnly); err != nil {
		t.Fatal(err)
	}
	if n := published(); n != 1 {
		t.Fatalf("the liar alone got %d events published, want its 1 forged close (the forgery is not realistic)", n)
	}
}
