package ingest_test

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/watchtower-l2/watchtower/internal/testutil/redistest"
)

// TestIngestGoesOnWithoutAReplica: writes wait for a replica that is down,
// so the store confirms none of ingest's cursor and block writes; ingest
// publishes every block's events anyway and its cursor follows the chain
// (the events are durable in the stream), and once the replica is back the
// replica holds the cursor.
func TestIngestGoesOnWithoutAReplica(t *testing.T) {
	rep := redistest.StartReplicated(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	st := rep.Store(200 * time.Millisecond)
	f := newFixtureOn(t, st)
	c := f.chain
	ch1, ch2 := c.Open(20, 2), c.Open(20, 2)

	rep.Replica.Stop()
	in := f.ingester(t, 0)
	drain(t, in)
	if n := len(f.streamEvents(t)); n != 4 { // opened + joined for each channel
		t.Fatalf("%d events published with the replica down, want 4", n)
	}
	head, err := c.Net.Client.BlockNumber(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if cur, err := in.Cursor(ctx); err != nil || cur.Number != head {
		t.Fatalf("cursor %d (%v) with the replica down, want the head %d", cur.Number, err, head)
	}

	rep.Replica.Start()
	rep.WaitInSync()
	c.Close(ch1, ch1.Latest())
	c.Close(ch2, ch2.Latest())
	c.Net.Mine()
	drain(t, in)
	if n := len(f.streamEvents(t)); n != 6 {
		t.Fatalf("%d events once the replica is back, want 6", n)
	}
	// Every write goes through WAIT again: the replica has the latest cursor.
	cur, err := in.Cursor(ctx)
	if err != nil {
		t.Fatal(err)
	}
	key := "wt:ingest:" + c.Net.ChainID.String() + ":cursor"
	want := `"number":` + strconv.FormatUint(cur.Number, 10)
	got, err := rep.Replica.Command("GET " + key)
	if err != nil || !strings.Contains(got, want) {
		t.Fatalf("replica's cursor %q (%v), want one with %s", got, err, want)
	}
}
