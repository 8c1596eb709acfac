package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/watchtower-l2/watchtower/watcher/delegation/api"
	"github.com/watchtower-l2/watchtower/watcher/delegation/client"
)

// readProofs reads --file: one proof JSON object, or {"proofs": [...]}.
func readProofs(file string) ([]json.RawMessage, error) {
	if file == "" {
		return nil, usageErr("--kind needs --file: the proof as JSON (one object, or {\"proofs\": [...]}); GET /v1/openapi.json documents each kind's form")
	}
	var r io.Reader = os.Stdin
	if file != "-" {
		f, err := os.Open(file)
		if err != nil {
			return nil, usageErr("--file: %v", err)
		}
		defer f.Close()
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, api.MaxBatchBodyBytes+1))
	if err != nil {
		return nil, usageErr("--file: %v", err)
	}
	if len(b) > api.MaxBatchBodyBytes {
		return nil, usageErr("--file: larger than %d bytes", api.MaxBatchBodyBytes)
	}
	var batch api.Proofs
	if api.DecodeMax(b, &batch, api.MaxBatchBodyBytes) == nil && batch.Proofs != nil {
		if len(batch.Proofs) == 0 || len(batch.Proofs) > api.MaxBatch {
			return nil, usageErr("--file: %d proofs; send 1 to %d per call", len(batch.Proofs), api.MaxBatch)
		}
		return batch.Proofs, nil
	}
	trimmed := bytes.TrimSpace(b)
	if !json.Valid(trimmed) || len(trimmed) == 0 || trimmed[0] != '{' {
		return nil, usageErr("--file: not a JSON object (one proof, or {\"proofs\": [...]})")
	}
	return []json.RawMessage{trimmed}, nil
}

// delegateKind is `watchtower delegate --kind K --file F`: hand every tower
// the proofs of F for kind K through the kind-generic intake. It fails
// (exit 1) when a call fails or a proof is refused.
func delegateKind(ctx context.Context, clients []*client.Client, kind, file string, timeout time.Duration, receiptOut string, stdout io.Writer) error {
	proofs, err := readProofs(file)
	if err != nil {
		return err
	}
	return delegateEach(ctx, clients, timeout, "proofs", len(proofs), receiptOut, stdout,
		func(ctx context.Context, c *client.Client) (client.ProofsAccepted, []api.Receipt, int, error) {
			out, err := c.DelegateProofs(ctx, kind, proofs, nil)
			var receipts []api.Receipt
			for _, r := range out.Results {
				if r.Receipt != nil {
					receipts = append(receipts, *r.Receipt)
				}
			}
			return out, receipts, out.Refused, err
		})
}

// towerAnswer is one tower's answer to a batch delegation.
type towerAnswer[A any] struct {
	Tower  string `json:"tower"`
	Answer *A     `json:"answer,omitempty"`
	Error  string `json:"error,omitempty"`
}

// delegateEach hands every tower a batch of n items (what names them)
// through call, which returns the tower's answer, the receipts it holds and
// how many items it refused. It prints the answer (alone for one tower),
// writes the receipts to receiptOut, and fails (exit 1) when a call fails
// or an item is refused.
func delegateEach[A any](ctx context.Context, clients []*client.Client, timeout time.Duration, what string, n int, receiptOut string, stdout io.Writer,
	call func(context.Context, *client.Client) (A, []api.Receipt, int, error)) error {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	rows := make([]towerAnswer[A], len(clients))
	var receipts []api.Receipt
	var failed []string
	for i, c := range clients {
		rows[i].Tower = c.URL()
		out, rs, refused, err := call(ctx, c)
		if err != nil {
			rows[i].Error = err.Error()
			failed = append(failed, fmt.Sprintf("%s: %v", c.URL(), err))
			continue
		}
		rows[i].Answer = &out
		if refused > 0 {
			failed = append(failed, fmt.Sprintf("%s refused %d of %d %s", c.URL(), refused, n, what))
		}
		receipts = append(receipts, rs...)
	}
	var err error
	if len(rows) == 1 && rows[0].Answer != nil {
		err = printJSON(stdout, rows[0].Answer)
	} else {
		err = printJSON(stdout, rows)
	}
	if err != nil {
		return err
	}
	if receiptOut != "" && len(receipts) > 0 {
		if err := writeJSONFile(receiptOut, receipts); err != nil {
			return err
		}
	}
	if len(failed) > 0 {
		return &exitError{code: 1, err: errors.New(strings.Join(failed, "; "))}
	}
	return nil
}
