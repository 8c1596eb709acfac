package ingest

import (
	"errors"

	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/watcher/store"
)

// written sorts the error of one of ingest's store writes: nil for a write
// done, or done but not confirmed durable (store.ErrNotDurable: a Redis
// primary whose replicas did not acknowledge it in time); err otherwise.
//
// Ingest goes on past unconfirmed writes because its writes only save
// repeated work. The events are durable in the stream before their block is
// recorded, and a failover that loses some of the cursor and block records
// loses the newest of them (what one primary's replicas lack is a suffix of
// its writes), so ingest resumes from an older cursor and republishes events
// that the stream and verify deduplicate. Stopping instead would stop every
// event behind a failover until the new primary has a replica in sync.
func (in *Ingester) written(err error) error {
	if err == nil || !errors.Is(err, store.ErrNotDurable) {
		if err == nil && in.unconfirmed.CompareAndSwap(true, false) {
			in.log.Info("store writes confirmed durable again")
		}
		return err
	}
	if !in.unconfirmed.Swap(true) {
		in.log.Warn("store writes are not confirmed durable; ingest goes on (after a failover it may republish a few blocks)", zap.Error(err))
	}
	return nil
}
