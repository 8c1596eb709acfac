package delegation

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/ethereum/go-ethereum/common"

	"github.com/watchtower-l2/watchtower/watcher/delegation/api"
	"github.com/watchtower-l2/watchtower/watcher/store"
)

// Subscriptions is what the plug-ins of other L2 kinds (Plasma, sidechains)
// read: the subjects users asked the tower to guard, by kind. Subjects are
// opaque strings the plug-in defines (an output id, an address, a chain id);
// a user's entry disappears when the user revokes it or their subscription
// ends.
type Subscriptions interface {
	// List returns every subject of kind at least one user subscribes to, sorted.
	List(ctx context.Context, kind string) ([]string, error)
	// UsersFor returns the users guarding subject of kind.
	UsersFor(ctx context.Context, kind, subject string) ([]common.Address, error)
}

// Registry keeps users, their subscriptions and what they delegated, in the
// tower's store. Every operation touches single keys, so it works on Redis
// Cluster. Keys (each user's and each subject's keys share a hash tag):
//
//	deleg:user:{0xADDR}           plain   user record (JSON: slots, expiry block, registration time)
//	deleg:user:{0xADDR}:auth      version last request nonce accepted (kept after expiry: no replay ever)
//	deleg:user:{0xADDR}:items     index   "<kind>:<subject>" -> accepted block
//	deleg:user:{0xADDR}:lock      lease   serialises a user's writes (quota, nonce)
//	deleg:expiry                  index   user -> expiry block (the pruner's queue)
//	deleg:kind:<kind>             index   subject -> 0 (List)
//	deleg:kind:<kind>:{<subject>} index   user -> expiry block (UsersFor)
type Registry struct {
	st store.Store
}

// NewSubscriptions returns the Subscriptions view of the registry kept in st;
// the Plasma and sidechain plug-ins call it with the store the tower gives them.
func NewSubscriptions(st store.Store) Subscriptions { return &Registry{st: st} }

// NewRegistry returns the registry kept in st.
func NewRegistry(st store.Store) *Registry { return &Registry{st: st} }

func userKey(u common.Address) string  { return "deleg:user:{" + u.Hex() + "}" }
func authKey(u common.Address) string  { return userKey(u) + ":auth" }
func itemsKey(u common.Address) string { return userKey(u) + ":items" }
func lockKey(u common.Address) string  { return userKey(u) + ":lock" }

const expiryIndex = "deleg:expiry"

func kindKey(kind string) string             { return "deleg:kind:" + kind }
func subjectKey(kind, subject string) string { return "deleg:kind:" + kind + ":{" + subject + "}" }

func itemMember(kind, subject string) string { return kind + ":" + subject }

func splitMember(m string) (kind, subject string) {
	kind, subject, _ = strings.Cut(m, ":")
	return kind, subject
}

// user is the stored record of a registered user.
type user struct {
	Slots        int    `json:"slots"`
	ExpiryBlock  uint64 `json:"expiry_block"`
	RegisteredAt int64  `json:"registered_at"`
}

// User returns the record of u, or store.ErrNotFound.
func (r *Registry) user(ctx context.Context, u common.Address) (user, error) {
	b, err := r.st.Get(ctx, userKey(u))
	if err != nil {
		return user{}, err
	}
	var rec user
	if err := json.Unmarshal(b, &rec); err != nil {
		return user{}, fmt.Errorf("delegation: decode user %s: %w", u.Hex(), err)
	}
	return rec, nil
}

func (r *Registry) putUser(ctx context.Context, u common.Address, rec user) error {
	b, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	if err := r.st.Put(ctx, userKey(u), b); err != nil {
		return err
	}
	return r.st.IndexAdd(ctx, expiryIndex, u.Hex(), clampScore(rec.ExpiryBlock))
}

func clampScore(n uint64) int64 {
	if n > 1<<52 {
		return 1 << 52
	}
	return int64(n)
}

// items returns every item of u.
func (r *Registry) items(ctx context.Context, u common.Address) ([]store.Entry, error) {
	return r.st.IndexRange(ctx, itemsKey(u), math.MaxInt64>>11, 0)
}

func (r *Registry) hasItem(ctx context.Context, u common.Address, member string) (bool, error) {
	es, err := r.items(ctx, u)
	if err != nil {
		return false, err
	}
	for _, e := range es {
		if e.Member == member {
			return true, nil
		}
	}
	return false, nil
}

// List implements Subscriptions.
func (r *Registry) List(ctx context.Context, kind string) ([]string, error) {
	es, err := r.st.IndexRange(ctx, kindKey(kind), 0, 0)
	if err != nil {
		return nil, fmt.Errorf("delegation: list %s subscriptions: %w", kind, err)
	}
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.Member
	}
	return out, nil
}

// UsersFor implements Subscriptions.
func (r *Registry) UsersFor(ctx context.Context, kind, subject string) ([]common.Address, error) {
	es, err := r.st.IndexRange(ctx, subjectKey(kind, subject), math.MaxInt64>>11, 0)
	if err != nil {
		return nil, fmt.Errorf("delegation: users of %s %s: %w", kind, subject, err)
	}
	out := make([]common.Address, 0, len(es))
	for _, e := range es {
		if common.IsHexAddress(e.Member) {
			out = append(out, common.HexToAddress(e.Member))
		}
	}
	return out, nil
}

// guarded reports whether any user guards subject of kind.
func (r *Registry) guarded(ctx context.Context, kind, subject string) (bool, error) {
	es, err := r.st.IndexRange(ctx, subjectKey(kind, subject), math.MaxInt64>>11, 1)
	if err != nil {
		return false, fmt.Errorf("delegation: users of %s %s: %w", kind, subject, err)
	}
	return len(es) > 0, nil
}

// subscribe records that u guards subject of kind until expiry.
func (r *Registry) subscribe(ctx context.Context, u common.Address, kind, subject string, expiry, block uint64) error {
	if err := r.st.IndexAdd(ctx, subjectKey(kind, subject), u.Hex(), clampScore(expiry)); err != nil {
		return err
	}
	if err := r.st.IndexAdd(ctx, kindKey(kind), subject, 0); err != nil {
		return err
	}
	return r.st.IndexAdd(ctx, itemsKey(u), itemMember(kind, subject), clampScore(block))
}

// unsubscribe removes u from subject of kind, and the subject when nobody is
// left; released reports the latter.
func (r *Registry) unsubscribe(ctx context.Context, u common.Address, kind, subject string) (released bool, err error) {
	if err := r.st.IndexRemove(ctx, itemsKey(u), itemMember(kind, subject)); err != nil {
		return false, err
	}
	if err := r.st.IndexRemove(ctx, subjectKey(kind, subject), u.Hex()); err != nil {
		return false, err
	}
	left, err := r.st.IndexRange(ctx, subjectKey(kind, subject), math.MaxInt64>>11, 1)
	if err != nil {
		return false, err
	}
	if len(left) > 0 {
		return false, nil
	}
	if err := r.st.IndexRemove(ctx, kindKey(kind), subject); err != nil {
		return false, err
	}
	return true, r.st.Delete(ctx, subjectKey(kind, subject))
}

// consumeNonce records nonce as u's latest request nonce; false when it is not
// higher than the last one (a replay or an out-of-order request).
func (r *Registry) consumeNonce(ctx context.Context, u common.Address, nonce uint64) (uint64, bool, error) {
	return r.st.PutVersioned(ctx, authKey(u), nonce, []byte{1})
}

// lastNonce returns the last nonce accepted from u (0 if none).
func (r *Registry) lastNonce(ctx context.Context, u common.Address) (uint64, error) {
	n, _, err := r.st.GetVersioned(ctx, authKey(u))
	if errors.Is(err, store.ErrNotFound) {
		return 0, nil
	}
	return n, err
}

func toItem(e store.Entry) api.Item {
	k, s := splitMember(e.Member)
	return api.Item{Kind: k, Subject: s, AcceptedBlock: uint64(e.Score)}
}
