package alerts

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/watchtower-l2/watchtower/watcher/bus"
)

// SilenceStore keeps silences added at run time in a JetStream KV bucket
// (<stream>_silences), so every tower process sharing the outbox honours
// them and they survive restarts. Expired silences stay listed (with their
// end time) until the bucket's retention removes them.
type SilenceStore struct {
	kv  jetstream.KeyValue
	now func() time.Time
}

// OpenSilences opens (creating if needed) the silences bucket of the outbox
// described by d (defaults applied as in Config.Validate).
func OpenSilences(ctx context.Context, b *bus.Bus, d Delivery) (*SilenceStore, error) {
	c := Config{Delivery: d}
	c.defaults()
	d = c.Delivery
	kv, err := b.JetStream().CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{
		Bucket: d.Stream + "_silences", TTL: d.Retention, Storage: jetstream.FileStorage, Replicas: d.Replicas, History: 1,
	})
	if err != nil {
		return nil, fmt.Errorf("alerts: silences bucket: %w", err)
	}
	return &SilenceStore{kv: kv, now: time.Now}, nil
}

// silenceRecord is a stored silence.
type silenceRecord struct {
	ID        string            `json:"id"`
	Match     map[string]string `json:"match,omitempty"`
	MatchRE   map[string]string `json:"match_re,omitempty"`
	StartsAt  time.Time         `json:"starts_at"`
	EndsAt    time.Time         `json:"ends_at"`
	CreatedBy string            `json:"created_by,omitempty"`
	Comment   string            `json:"comment,omitempty"`
}

// ActiveSilence is a silence added at run time.
type ActiveSilence struct {
	// ID names the silence for Expire.
	ID string
	Silence
	CreatedBy string
}

// Active reports whether the silence mutes alerts at now.
func (s ActiveSilence) Active(now time.Time) bool {
	return (s.StartsAt.IsZero() || !now.Before(s.StartsAt)) && now.Before(s.EndsAt)
}

// Add stores a silence and returns it with its id. EndsAt is required (a
// silence must end); StartsAt defaults to now.
func (st *SilenceStore) Add(ctx context.Context, s Silence, createdBy string) (ActiveSilence, error) {
	if len(s.Match)+len(s.MatchRE) == 0 {
		return ActiveSilence{}, errors.New("alerts: a silence needs match or match_re")
	}
	if _, err := compileRE("match_re", s.MatchRE); err != nil {
		return ActiveSilence{}, fmt.Errorf("alerts: silence: %w", err)
	}
	now := st.now()
	if s.StartsAt.IsZero() {
		s.StartsAt = now
	}
	if s.EndsAt.IsZero() || !s.EndsAt.After(s.StartsAt) || !s.EndsAt.After(now) {
		return ActiveSilence{}, errors.New("alerts: a silence needs an end time in the future, after its start")
	}
	var raw [8]byte
	if _, err := rand.Read(raw[:]); err != nil {
		return ActiveSilence{}, fmt.Errorf("alerts: silence id: %w", err)
	}
	rec := silenceRecord{ID: hex.EncodeToString(raw[:]), Match: s.Match, MatchRE: s.MatchRE, StartsAt: s.StartsAt, EndsAt: s.EndsAt, CreatedBy: createdBy, Comment: s.Comment}
	if err := st.put(ctx, rec, true); err != nil {
		return ActiveSilence{}, err
	}
	return rec.active(), nil
}

func (r silenceRecord) active() ActiveSilence {
	re, _ := compileRE("match_re", r.MatchRE)
	return ActiveSilence{ID: r.ID, CreatedBy: r.CreatedBy, Silence: Silence{Match: r.Match, MatchRE: r.MatchRE, StartsAt: r.StartsAt, EndsAt: r.EndsAt, Comment: r.Comment, re: re}}
}

func (st *SilenceStore) put(ctx context.Context, rec silenceRecord, create bool) error {
	b, err := json.Marshal(rec)
	if err != nil {
		return fmt.Errorf("alerts: encode silence: %w", err)
	}
	if create {
		_, err = st.kv.Create(ctx, rec.ID, b)
	} else {
		_, err = st.kv.Put(ctx, rec.ID, b)
	}
	if err != nil {
		return fmt.Errorf("alerts: store silence %s: %w", rec.ID, err)
	}
	return nil
}

// List returns every stored silence, active or expired, newest end first.
func (st *SilenceStore) List(ctx context.Context) ([]ActiveSilence, error) {
	lister, err := st.kv.ListKeys(ctx)
	if err != nil {
		return nil, fmt.Errorf("alerts: list silences: %w", err)
	}
	var keys []string
	for k := range lister.Keys() {
		keys = append(keys, k)
	}
	var out []ActiveSilence
	for _, k := range keys {
		e, err := st.kv.Get(ctx, k)
		if err != nil {
			continue // expired or deleted meanwhile
		}
		var rec silenceRecord
		if json.Unmarshal(e.Value(), &rec) == nil {
			out = append(out, rec.active())
		}
	}
	slices.SortFunc(out, func(a, b ActiveSilence) int { return b.EndsAt.Compare(a.EndsAt) })
	return out, nil
}

// Expire ends the silence id now.
func (st *SilenceStore) Expire(ctx context.Context, id string) error {
	e, err := st.kv.Get(ctx, id)
	if errors.Is(err, jetstream.ErrKeyNotFound) || errors.Is(err, jetstream.ErrInvalidKey) {
		return fmt.Errorf("alerts: no silence %q", id)
	}
	if err != nil {
		return fmt.Errorf("alerts: expire silence %s: %w", id, err)
	}
	var rec silenceRecord
	if err := json.Unmarshal(e.Value(), &rec); err != nil {
		return fmt.Errorf("alerts: decode silence %s: %w", id, err)
	}
	if now := st.now(); rec.EndsAt.After(now) {
		rec.EndsAt = now
		if rec.StartsAt.After(now) {
			rec.StartsAt = now
		}
	}
	return st.put(ctx, rec, false)
}

// Silenced reports whether an active stored silence matches a at now.
func (st *SilenceStore) Silenced(ctx context.Context, a Alert, now time.Time) (bool, string, error) {
	all, err := st.List(ctx)
	if err != nil {
		return false, "", err
	}
	labels := a.LabelSet()
	for _, s := range all {
		if s.Active(now) && matches(labels, s.Match, s.re) {
			return true, strings.TrimSpace("silence " + s.ID + " " + s.Comment), nil
		}
	}
	return false, "", nil
}
