package challenge

import (
	"context"
	"testing"

	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/watcher/l2"
	"github.com/watchtower-l2/watchtower/watcher/store/pebblestore"
)

// EnqueueMany opens new jobs and indexes them, leaves a mined job be, reopens
// a cancelled one, and wakes the runner.
func TestEnqueueMany(t *testing.T) {
	ctx := context.Background()
	st, err := pebblestore.Open(t.TempDir(), zap.NewNop())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	q := NewQueue(st, 1, "test")
	c := func(id string, deadline uint64) l2.Challenge {
		return l2.Challenge{DisputeID: id, Kind: "channel", DeadlineBlock: deadline}
	}
	for _, id := range []string{"mined", "cancelled"} {
		if err := q.Enqueue(ctx, c(id, 9)); err != nil {
			t.Fatal(err)
		}
	}
	<-q.Woken()
	if err := q.edit(ctx, "mined", func(j *Job) bool { j.Status = Mined; return true }); err != nil {
		t.Fatal(err)
	}
	if err := q.Cancel(ctx, "cancelled", "reorg"); err != nil {
		t.Fatal(err)
	}
	if err := q.st.IndexRemove(ctx, q.index, "cancelled"); err != nil {
		t.Fatal(err)
	}

	errs := q.EnqueueMany(ctx, []l2.Challenge{c("a", 30), c("mined", 9), c("b", 20), c("cancelled", 10)})
	for i, err := range errs {
		if err != nil {
			t.Fatalf("challenge %d: %v", i, err)
		}
	}
	select {
	case <-q.Woken():
	default:
		t.Fatal("EnqueueMany did not wake the runner")
	}
	open, err := q.Open(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"cancelled", "b", "a"} // earliest deadline first
	if len(open) != len(want) {
		t.Fatalf("open jobs %v, want %v", open, want)
	}
	for i := range want {
		if open[i] != want[i] {
			t.Fatalf("open jobs %v, want %v", open, want)
		}
	}
	for id, s := range map[string]Status{"a": Pending, "b": Pending, "cancelled": Pending, "mined": Mined} {
		j, err := q.Get(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if j.Status != s {
			t.Fatalf("job %s is %s, want %s", id, j.Status, s)
		}
	}
}
