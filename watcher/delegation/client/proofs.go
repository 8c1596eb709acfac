package client

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/ethereum/go-ethereum/common"

	"github.com/watchtower-l2/watchtower/watcher/delegation/api"
)

// ProofResult is the outcome of one proof of DelegateProofs: Receipt is set
// when Status is 200, and verifies on its own.
type ProofResult struct {
	Status        int          `json:"status"`
	Error         string       `json:"error,omitempty"`
	Subject       string       `json:"subject,omitempty"`
	Nonce         uint64       `json:"nonce,omitempty"`
	PreviousNonce uint64       `json:"previous_nonce,omitempty"`
	Challenging   bool         `json:"challenging,omitempty"`
	Receipt       *api.Receipt `json:"receipt,omitempty"`
}

// ProofsAccepted is the answer to DelegateProofs, one result per proof.
type ProofsAccepted struct {
	Kind     string        `json:"kind"`
	Results  []ProofResult `json:"results"`
	Accepted int           `json:"accepted"`
	Refused  int           `json:"refused"`
}

// Expect says what the receipt of proof i must hold (its subject, nonce and
// the digest its parties signed), for a caller able to compute it; nil
// checks only that the tower signed what it answered.
type Expect func(i int) (api.BatchItem, error)

// DelegateProofs hands the tower up to api.MaxBatch proofs of kind, each in
// the kind's JSON form (GET /v1/openapi.json documents them): signed by the
// client's key when it has one (a registered party), anonymously otherwise.
// Each proof is accepted or refused on its own; each accepted one comes
// back with its own receipt, rebuilt from the answer and verified against
// the tower's identity (and against expect, when given).
func (c *Client) DelegateProofs(ctx context.Context, kind string, proofs []json.RawMessage, expect Expect) (ProofsAccepted, error) {
	var ans api.BatchAnswer
	if err := c.do(ctx, http.MethodPost, "/v1/kinds/"+url.PathEscape(kind)+"/proofs", api.Proofs{Proofs: proofs}, c.key != nil, &ans); err != nil {
		return ProofsAccepted{}, err
	}
	if len(ans.Results) != len(proofs) {
		return ProofsAccepted{}, fmt.Errorf("delegation: %s answered %d results for %d proofs", c.base, len(ans.Results), len(proofs))
	}
	out := ProofsAccepted{Kind: kind, Results: make([]ProofResult, len(proofs))}
	var items []api.BatchItem
	var at []int
	for i, r := range ans.Results {
		out.Results[i] = ProofResult{Status: r.Status, Error: r.Error, Subject: r.Subject, Nonce: r.Nonce,
			PreviousNonce: r.PreviousNonce, Challenging: r.Challenging}
		if r.Status != http.StatusOK {
			out.Refused++
			continue
		}
		out.Accepted++
		item := api.BatchItem{Subject: r.Subject, Nonce: r.Nonce, StateDigest: common.HexToHash(r.Digest)}
		if expect != nil {
			want, err := expect(i)
			if err != nil {
				return out, err
			}
			if want.Subject != item.Subject || want.Nonce != item.Nonce || want.StateDigest != item.StateDigest {
				return out, fmt.Errorf("delegation: %s accepted proof %d as %+v, it is %+v", c.base, i, item, want)
			}
		}
		items, at = append(items, item), append(at, i)
	}
	if out.Accepted != ans.Accepted || out.Refused != ans.Refused {
		return out, fmt.Errorf("delegation: %s counts %d accepted and %d refused, its results %d and %d", c.base, ans.Accepted, ans.Refused, out.Accepted, out.Refused)
	}
	if len(items) == 0 {
		return out, nil
	}
	if ans.Receipt == nil {
		return out, fmt.Errorf("delegation: %s accepted %d proofs without a receipt", c.base, len(items))
	}
	rs, err := ans.Receipt.Receipts(items)
	if err != nil {
		return out, fmt.Errorf("delegation: %s answered a batch that does not match its results: %w", c.base, err)
	}
	if err := c.checkReceipts(ctx, kind, rs); err != nil {
		return out, err
	}
	for j, i := range at {
		r := rs[j]
		out.Results[i].Receipt = &r
	}
	return out, nil
}

// checkReceipts checks that rs are signed by the tower, for this client's
// user, chain and kind.
func (c *Client) checkReceipts(ctx context.Context, kind string, rs []api.Receipt) error {
	in, err := c.Info(ctx)
	if err != nil {
		return err
	}
	if err := api.VerifyReceipts(common.HexToAddress(in.Tower), rs...); err != nil {
		return fmt.Errorf("delegation: %s answered with a bad receipt: %w", c.base, err)
	}
	for _, r := range rs {
		if r.Kind != kind || r.ChainID != in.ChainID || !strings.EqualFold(r.User, c.User().Hex()) {
			return fmt.Errorf("delegation: %s answered with a receipt for something else: %+v", c.base, r)
		}
	}
	return nil
}

// HeldProof returns what the tower holds for subject of kind: the nonce
// for anybody, and, when the client has a key of one of its parties (the
// request is signed), the parties and the proof itself.
func (c *Client) HeldProof(ctx context.Context, kind, subject string) (api.HeldProof, error) {
	var h api.HeldProof
	err := c.do(ctx, http.MethodGet, "/v1/kinds/"+url.PathEscape(kind)+"/proofs/"+url.PathEscape(subject), nil, c.key != nil, &h)
	return h, err
}

// RevokeProof withdraws the client's delegation of subject of kind.
func (c *Client) RevokeProof(ctx context.Context, kind, subject string) (api.Revoked, error) {
	var r api.Revoked
	err := c.do(ctx, http.MethodDelete, "/v1/kinds/"+url.PathEscape(kind)+"/proofs/"+url.PathEscape(subject), nil, true, &r)
	return r, err
}
