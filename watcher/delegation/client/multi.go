package client

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/watchtower-l2/watchtower/proofs/channelstate"
	"github.com/watchtower-l2/watchtower/watcher/delegation/api"
)

// Multi delegates to several towers at once: a user should never rely on one.
type Multi struct {
	Towers []*Client
	// Min is how many towers must accept a state for DelegateState to succeed
	// (default 1).
	Min int
	// Backlog, when set, is a directory where a state a tower could not be
	// reached for is kept (the newest per tower and channel) until Flush
	// delivers it, across restarts.
	Backlog string
}

// Result is one tower's answer.
type Result struct {
	Tower    string
	Accepted api.Accepted
	Err      error
	// Queued is true when the state was kept in the backlog for a later Flush.
	Queued bool
}

// DelegateState hands s to every tower concurrently. It fails when fewer than
// Min accepted it; a tower that refused (4xx) is reported and not retried, a
// tower that could not be reached gets the state queued in the backlog.
func (m *Multi) DelegateState(ctx context.Context, s channelstate.Signed) ([]Result, error) {
	res := make([]Result, len(m.Towers))
	var wg sync.WaitGroup
	for i, t := range m.Towers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			a, err := t.DelegateState(ctx, s)
			res[i] = Result{Tower: t.URL(), Accepted: a, Err: err}
			if err != nil && !api.IsRefusal(err) && m.Backlog != "" {
				if qerr := m.queue(t, s); qerr == nil {
					res[i].Queued = true
				}
			}
		}()
	}
	wg.Wait()
	ok := 0
	var errs []error
	for _, r := range res {
		if r.Err == nil {
			ok++
		} else {
			errs = append(errs, fmt.Errorf("%s: %w", r.Tower, r.Err))
		}
	}
	if ok < max(m.Min, 1) {
		return res, fmt.Errorf("delegation: %d of %d towers accepted the state (need %d): %w", ok, len(m.Towers), max(m.Min, 1), errors.Join(errs...))
	}
	return res, nil
}

func (m *Multi) dir(t *Client) string {
	h := sha256.Sum256([]byte(t.URL()))
	return filepath.Join(m.Backlog, hex.EncodeToString(h[:8]))
}

func (m *Multi) queue(t *Client, s channelstate.Signed) error {
	dir := m.dir(t)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	path := filepath.Join(dir, s.ChannelID.Hex()+".json")
	if b, err := os.ReadFile(path); err == nil {
		var old api.ChannelState
		if json.Unmarshal(b, &old) == nil && old.Nonce >= s.Nonce {
			return nil
		}
	}
	b, err := json.Marshal(api.FromSigned(s))
	if err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// Pending counts the states waiting in the backlog.
func (m *Multi) Pending() int {
	n := 0
	for _, t := range m.Towers {
		es, _ := filepath.Glob(filepath.Join(m.dir(t), "*.json"))
		n += len(es)
	}
	return n
}

// Flush resends the backlog. A state a tower accepts, or refuses for good
// (it already holds a newer one, the channel settled), leaves the backlog.
func (m *Multi) Flush(ctx context.Context) error {
	if m.Backlog == "" {
		return nil
	}
	var errs []error
	for _, t := range m.Towers {
		files, _ := filepath.Glob(filepath.Join(m.dir(t), "*.json"))
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				continue
			}
			var w api.ChannelState
			if err := json.Unmarshal(b, &w); err != nil {
				_ = os.Remove(f)
				continue
			}
			s, err := w.Signed()
			if err != nil {
				_ = os.Remove(f)
				continue
			}
			if _, err := t.DelegateState(ctx, s); err != nil && !api.IsRefusal(err) {
				errs = append(errs, fmt.Errorf("%s: %w", t.URL(), err))
				continue
			}
			_ = os.Remove(f)
		}
	}
	return errors.Join(errs...)
}

// Live returns the towers whose heartbeat passes l, and why the others fail.
func (m *Multi) Live(ctx context.Context, l Liveness) ([]*Client, map[string]error) {
	type r struct {
		i   int
		err error
	}
	ch := make(chan r, len(m.Towers))
	for i, t := range m.Towers {
		go func() {
			_, err := t.CheckLive(ctx, l)
			ch <- r{i, err}
		}()
	}
	var live []*Client
	bad := map[string]error{}
	for range m.Towers {
		x := <-ch
		if x.err != nil {
			bad[m.Towers[x.i].URL()] = x.err
		} else {
			live = append(live, m.Towers[x.i])
		}
	}
	return live, bad
}
