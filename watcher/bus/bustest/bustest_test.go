package bustest_test

import (
	"context"
	"testing"
	"time"

	"github.com/watchtower-l2/watchtower/watcher/bus"
	"github.com/watchtower-l2/watchtower/watcher/bus/bustest"
)

func TestStart(t *testing.T) {
	e, u := bustest.Start(t)
	if e == nil || u != e.ClientURL() {
		t.Fatalf("Start returned %v, %q", e, u)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	b, err := bus.Connect(ctx, u, bus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if err := b.EnsureStream(ctx, bus.StreamConfig{Name: "T", Subjects: []string{"t.>"}}); err != nil {
		t.Fatalf("JetStream not usable: %v", err)
	}
}
