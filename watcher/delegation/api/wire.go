package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/watchtower-l2/watchtower/proofs/channelstate"
	"github.com/watchtower-l2/watchtower/proofs/eip712"
	"github.com/watchtower-l2/watchtower/proofs/merkle"
	"github.com/watchtower-l2/watchtower/proofs/wire"
)

// MaxBodyBytes bounds a request body.
const MaxBodyBytes = 16 << 10

// MaxBatch is the most states one POST /v1/channels/states may carry, and
// MaxBatchBodyBytes bounds its body.
const (
	MaxBatch          = 256
	MaxBatchBodyBytes = 256 << 10
)

// Headers that authenticate a request (see Request).
const (
	HeaderUser      = "X-Watchtower-User"
	HeaderNonce     = "X-Watchtower-Nonce"
	HeaderSignature = "X-Watchtower-Signature"
)

// HeaderRegistrationToken carries a private tower's registration token on
// POST /v1/users (see the README, "Private towers"). It is not part of the
// signed request: it only gates who may register.
const HeaderRegistrationToken = "X-Watchtower-Registration-Token"

// KindChannel is the kind of delegated channel states in items and receipts.
const KindChannel = "channel"

// ChannelState is the JSON body of POST /v1/channels/state (see
// channelstate.JSON).
type ChannelState = channelstate.JSON

// FromSigned converts a signed state to its wire form.
func FromSigned(s channelstate.Signed) ChannelState { return channelstate.ToJSON(s) }

// ParseHash parses a 0x-prefixed 32-byte hex value.
func ParseHash(field, v string) (common.Hash, error) { return wire.ParseHash(field, v) }

// ParseAddress parses a 0x-prefixed 20-byte hex address.
func ParseAddress(field, v string) (common.Address, error) { return wire.ParseAddress(field, v) }

// ParseWei parses a non-negative decimal uint256.
func ParseWei(field, v string) (*big.Int, error) { return wire.ParseWei(field, v) }

// ParseSig parses a 65-byte 0x-prefixed signature.
func ParseSig(field, v string) ([]byte, error) { return wire.ParseSig(field, v) }

// Truncate shortens v for an error message.
func Truncate(s string) string { return wire.Truncate(s) }

// Accepted is the answer to an accepted channel delegation.
type Accepted struct {
	ChannelID string `json:"channel_id"`
	Nonce     uint64 `json:"nonce"`
	// PreviousNonce is the nonce the tower held before (0: none). It equals
	// Nonce when the state was held already: the same state delegated again
	// (a retry after a lost answer) is accepted again, with a new receipt.
	PreviousNonce uint64 `json:"previous_nonce"`
	// PartyA and PartyB are the channel's parties (not repeated in a batch).
	PartyA string `json:"party_a,omitempty"`
	PartyB string `json:"party_b,omitempty"`
	// Challenging is true when the channel was already closing with an older
	// state and the tower queued a challenge at once.
	Challenging bool `json:"challenging"`
	// Receipt is the tower's signed promise to guard this state.
	Receipt Receipt `json:"receipt"`
}

// Receipt is a job the tower accepted, signed by its identity key (EIP-712,
// ReceiptType in the domain {Watchtower, 1, chain_id, tower}). Whoever holds
// it can prove the tower took the job: Verify checks it offline.
type Receipt struct {
	Tower         string `json:"tower"`
	ChainID       uint64 `json:"chain_id"`
	User          string `json:"user"`
	Kind          string `json:"kind"`
	Subject       string `json:"subject"`
	Nonce         uint64 `json:"nonce"`
	StateDigest   string `json:"state_digest"`
	AcceptedBlock uint64 `json:"accepted_block"`
	WatchUntil    uint64 `json:"watch_until"`
	Signature     string `json:"signature"`
	// Batch is set on a receipt issued with others in one call: Signature
	// then signs the root of a Merkle tree of their digests, and Batch proves
	// this receipt is in it.
	Batch *ReceiptProof `json:"batch,omitempty"`
}

// ReceiptProof places a receipt in a batch: its digest is leaf Index of the
// keccak Merkle tree (proofs/merkle: node = keccak256(left || right), empty
// leaves zero) of the least depth that holds Count leaves, whose Root the
// tower signed as ReceiptBatchType with Count.
type ReceiptProof struct {
	Root  string `json:"root"`
	Count uint64 `json:"count"`
	Index uint64 `json:"index"`
	// Proof is the sibling hashes from the leaf up (ceil(log2(Count)) of
	// them), concatenated, as 0x-hex.
	Proof string `json:"proof"`
}

// NewReceipt signs body as the tower identified by key.
func NewReceipt(d Domain, body ReceiptBody, sign func(common.Hash) ([]byte, error)) (Receipt, error) {
	sig, err := sign(d.ReceiptDigest(body))
	if err != nil {
		return Receipt{}, err
	}
	r := unsigned(d, body, sig)
	r.Tower, r.User = d.Tower.Hex(), body.User.Hex()
	return r, nil
}

func unsigned(d Domain, body ReceiptBody, sig []byte) Receipt {
	return Receipt{
		ChainID: d.ChainID, Kind: body.Kind, Subject: body.Subject,
		Nonce: body.Nonce, StateDigest: body.StateDigest.Hex(), AcceptedBlock: body.AcceptedBlock, WatchUntil: body.WatchUntil,
		Signature: hexutil.Encode(sig),
	}
}

// NewReceipts issues one receipt per body with a single signature: over the
// root of the Merkle tree of their digests, each receipt carrying its proof.
// A single body gets a plain receipt. The bodies must share user, kind and
// blocks (see NewBatchReceipt).
func NewReceipts(d Domain, bodies []ReceiptBody, sign func(common.Hash) ([]byte, error)) ([]Receipt, error) {
	br, err := NewBatchReceipt(d, bodies, sign)
	if err != nil || br == nil {
		return nil, err
	}
	items := make([]BatchItem, len(bodies))
	for i, b := range bodies {
		items[i] = BatchItem{Subject: b.Subject, Nonce: b.Nonce, StateDigest: b.StateDigest}
	}
	return br.Receipts(items)
}

// Body parses the receipt's signed fields.
func (r Receipt) Body() (Domain, ReceiptBody, []byte, error) {
	tower, err := ParseAddress("tower", r.Tower)
	if err != nil {
		return Domain{}, ReceiptBody{}, nil, err
	}
	user, err := ParseAddress("user", r.User)
	if err != nil {
		return Domain{}, ReceiptBody{}, nil, err
	}
	digest, err := ParseHash("state_digest", r.StateDigest)
	if err != nil {
		return Domain{}, ReceiptBody{}, nil, err
	}
	sig, err := ParseSig("signature", r.Signature)
	if err != nil {
		return Domain{}, ReceiptBody{}, nil, err
	}
	if r.ChainID == 0 {
		return Domain{}, ReceiptBody{}, nil, errors.New("chain_id: required")
	}
	if r.Kind == "" || r.Subject == "" {
		return Domain{}, ReceiptBody{}, nil, errors.New("kind and subject: required")
	}
	return Domain{ChainID: r.ChainID, Tower: tower},
		ReceiptBody{User: user, Kind: r.Kind, Subject: r.Subject, Nonce: r.Nonce, StateDigest: digest, AcceptedBlock: r.AcceptedBlock, WatchUntil: r.WatchUntil},
		sig, nil
}

// VerifyReceipts is Verify for each receipt; the signature shared by the
// receipts of one batch is checked once.
func VerifyReceipts(expect common.Address, rs ...Receipt) error {
	checked := map[string]bool{}
	for i, r := range rs {
		if r.Batch == nil {
			if err := r.Verify(expect); err != nil {
				return err
			}
			continue
		}
		key := fmt.Sprint(r.ChainID, r.Tower, r.Batch.Root, r.Batch.Count, r.Signature)
		if err := r.verify(expect, !checked[key]); err != nil {
			return fmt.Errorf("receipt %d: %w", i, err)
		}
		checked[key] = true
	}
	return nil
}

// Verify checks the receipt's signature offline: it must recover to the tower
// named in it. When expect is not the zero address, the tower must also be expect.
func (r Receipt) Verify(expect common.Address) error { return r.verify(expect, true) }

// verify is Verify; it skips recovering the signature unless recoverSig is set
// (VerifyReceipts checked it already for another receipt of the batch).
func (r Receipt) verify(expect common.Address, recoverSig bool) error {
	d, body, sig, err := r.Body()
	if err != nil {
		return fmt.Errorf("receipt: %w", err)
	}
	if expect != (common.Address{}) && d.Tower != expect {
		return fmt.Errorf("receipt: issued by tower %s, not %s", d.Tower.Hex(), expect.Hex())
	}
	signed := d.ReceiptDigest(body)
	if r.Batch != nil {
		root, err := ParseHash("batch.root", r.Batch.Root)
		if err != nil {
			return fmt.Errorf("receipt: %w", err)
		}
		proof, err := hexutil.Decode(r.Batch.Proof)
		if err != nil || r.Batch.Count < 2 || len(proof) != 32*merkle.DepthFor(int(min(r.Batch.Count, merkle.MaxLeaves))) {
			return fmt.Errorf("receipt: batch.proof: want the %d sibling hashes of a batch of %d as 0x-prefixed hex", merkle.DepthFor(int(min(r.Batch.Count, merkle.MaxLeaves))), r.Batch.Count)
		}
		if r.Batch.Index >= r.Batch.Count || !merkle.VerifyDepth(signed, r.Batch.Index, root, proof) {
			return fmt.Errorf("receipt: %w: not leaf %d of the batch with root %s", ErrBadSignature, r.Batch.Index, root.Hex())
		}
		signed = d.ReceiptBatchDigest(root, r.Batch.Count)
	}
	if !recoverSig {
		return nil
	}
	got, err := Recover(signed, sig)
	if err != nil {
		return fmt.Errorf("receipt: %w", err)
	}
	if got != d.Tower {
		return fmt.Errorf("receipt: %w: signed by %s, not by the tower %s it names", ErrBadSignature, got.Hex(), d.Tower.Hex())
	}
	return nil
}

// HeldState is the body of GET /v1/channels/{id} signed by a party of the
// channel: the full co-signed state the tower holds.
type HeldState struct {
	ChannelState
	PartyA string `json:"party_a"`
	PartyB string `json:"party_b"`
}

// HeldNonce is the body of an unsigned GET /v1/channels/{id}: only what is
// not private (which channel, and the nonce the tower holds). Balances and
// signatures go only to a party of the channel, in a signed request.
type HeldNonce struct {
	ChannelID string `json:"channel_id"`
	Nonce     uint64 `json:"nonce"`
}

// Subscription is the body of POST /v1/users and GET /v1/users/{address}.
type Subscription struct {
	User        string `json:"user"`
	Slots       int    `json:"slots"`
	Used        int    `json:"used"`
	Free        int    `json:"free"`
	ExpiryBlock uint64 `json:"expiry_block"`
	Head        uint64 `json:"head"`
	Expired     bool   `json:"expired"`
	// RegisteredAt is the Unix time of the first registration.
	RegisteredAt int64 `json:"registered_at"`
}

// Item is one job the tower holds for a user.
type Item struct {
	Kind    string `json:"kind"`
	Subject string `json:"subject"`
	// Nonce is the held channel state's nonce (channels only; 0 if the state
	// was pruned because the channel settled).
	Nonce         uint64 `json:"nonce,omitempty"`
	AcceptedBlock uint64 `json:"accepted_block"`
}

// Items is the body of GET /v1/users/{address}/items.
type Items struct {
	User  string `json:"user"`
	Items []Item `json:"items"`
}

// Subscribe is the body of POST /v1/subscriptions: guard subject of kind
// (a Plasma output or address, a sidechain, ...) for the user.
type Subscribe struct {
	Kind    string `json:"kind"`
	Subject string `json:"subject"`
}

// Subscribed is the answer to an accepted subscription.
type Subscribed struct {
	Kind    string  `json:"kind"`
	Subject string  `json:"subject"`
	Receipt Receipt `json:"receipt"`
}

// Revoked is the answer to a revocation.
type Revoked struct {
	Kind    string `json:"kind"`
	Subject string `json:"subject"`
	// Pruned is true when the tower no longer holds the data at all (nobody
	// else relies on it).
	Pruned bool `json:"pruned"`
}

// Info is the body of GET /v1/info: who the tower is and what it accepts.
type Info struct {
	Tower       string   `json:"tower"`
	ChainID     uint64   `json:"chain_id"`
	Adjudicator string   `json:"adjudicator"`
	Kinds       []string `json:"kinds"`
	// Proofs are the kinds whose proofs POST /v1/kinds/{kind}/proofs takes.
	Proofs []string `json:"proofs"`
	// Subscriptions are the kinds POST /v1/subscriptions takes.
	Subscriptions []string `json:"subscriptions"`
	// Contracts are the L1 contracts each kind watches.
	Contracts          map[string][]string `json:"contracts"`
	MaxBodyBytes       int                 `json:"max_body_bytes"`
	Slots              int                 `json:"slots"`
	SubscriptionBlocks uint64              `json:"subscription_blocks"`
	AnonymousBlocks    uint64              `json:"anonymous_blocks"`
}

// Heartbeat is the body of GET /v1/heartbeat: the last L1 block whose events
// the tower processed, signed by its identity key.
type Heartbeat struct {
	Tower       string `json:"tower"`
	ChainID     uint64 `json:"chain_id"`
	BlockNumber uint64 `json:"block_number"`
	BlockHash   string `json:"block_hash"`
	Timestamp   uint64 `json:"timestamp"`
	Signature   string `json:"signature"`
}

// Verify checks the heartbeat's signature against the tower named in it and,
// when expect is set, that the tower is expect.
func (h Heartbeat) Verify(expect common.Address) error {
	tower, err := ParseAddress("tower", h.Tower)
	if err != nil {
		return fmt.Errorf("heartbeat: %w", err)
	}
	if expect != (common.Address{}) && tower != expect {
		return fmt.Errorf("heartbeat: signed by tower %s, not %s", tower.Hex(), expect.Hex())
	}
	hash, err := ParseHash("block_hash", h.BlockHash)
	if err != nil {
		return fmt.Errorf("heartbeat: %w", err)
	}
	sig, err := ParseSig("signature", h.Signature)
	if err != nil {
		return fmt.Errorf("heartbeat: %w", err)
	}
	d := Domain{ChainID: h.ChainID, Tower: tower}
	got, err := Recover(d.HeartbeatDigest(HeartbeatBody{BlockNumber: h.BlockNumber, BlockHash: hash, Timestamp: h.Timestamp}), sig)
	if err != nil {
		return fmt.Errorf("heartbeat: %w", err)
	}
	if got != tower {
		return fmt.Errorf("heartbeat: %w: signed by %s, not %s", ErrBadSignature, got.Hex(), tower.Hex())
	}
	return nil
}

// ErrorBody is the JSON body of every 4xx/5xx answer.
type ErrorBody struct {
	Error string `json:"error"`
}

// APIError is a refusal returned by the server.
type APIError struct {
	Status  int
	Message string
	// RetryAfter is the server's Retry-After (429), if any.
	RetryAfter time.Duration
}

func (e *APIError) Error() string {
	return fmt.Sprintf("tower refused (HTTP %d): %s", e.Status, e.Message)
}

// IsRefusal reports whether err is a 4xx answer other than 429: retrying the
// same request will not help.
func IsRefusal(err error) bool {
	var ae *APIError
	return errors.As(err, &ae) && ae.Status >= 400 && ae.Status < 500 && ae.Status != 429
}

// DecodeError is a body that could not be decoded; Status is 400 or 413.
type DecodeError struct {
	Status int
	Msg    string
}

func (e *DecodeError) Error() string { return e.Msg }

// Decode reads exactly one JSON object from b into v: no unknown fields, no
// trailing data, every field of the right JSON type. Errors say what is wrong.
func Decode(b []byte, v any) error { return DecodeMax(b, v, MaxBodyBytes) }

// DecodeMax is Decode for a body of at most limit bytes.
func DecodeMax(b []byte, v any, limit int) error {
	if len(b) > limit {
		return &DecodeError{Status: 413, Msg: fmt.Sprintf("request body larger than %d bytes", limit)}
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return &DecodeError{Status: 400, Msg: "request body is empty; send a JSON object"}
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var syn *json.SyntaxError
		var typ *json.UnmarshalTypeError
		switch {
		case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
			return &DecodeError{Status: 400, Msg: fmt.Sprintf("malformed JSON: the object is cut short (%v)", err)}
		case errors.As(err, &syn):
			return &DecodeError{Status: 400, Msg: fmt.Sprintf("malformed JSON at byte %d: %v", syn.Offset, err)}
		case errors.As(err, &typ):
			if typ.Field == "" {
				return &DecodeError{Status: 400, Msg: fmt.Sprintf("want a JSON object, got JSON %s", typ.Value)}
			}
			return &DecodeError{Status: 400, Msg: fmt.Sprintf("field %q: want %s, got JSON %s", typ.Field, typ.Type, typ.Value)}
		case strings.HasPrefix(err.Error(), "json: unknown field"):
			return &DecodeError{Status: 400, Msg: fmt.Sprintf("unknown field %s", strings.TrimPrefix(err.Error(), "json: unknown field "))}
		}
		return &DecodeError{Status: 400, Msg: fmt.Sprintf("malformed JSON: %v", err)}
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return &DecodeError{Status: 400, Msg: "trailing data after the JSON object"}
	}
	return nil
}

// Proofs is the JSON body of POST /v1/kinds/{kind}/proofs: up to MaxBatch
// proofs in the kind's JSON form, each of a different subject.
type Proofs struct {
	Proofs []json.RawMessage `json:"proofs"`
}

// HeldProof is the body of GET /v1/kinds/{kind}/proofs/{subject}: the
// subject and nonce held, and, for a request signed by one of its parties,
// the parties and the proof itself.
type HeldProof struct {
	Kind    string          `json:"kind"`
	Subject string          `json:"subject"`
	Nonce   uint64          `json:"nonce"`
	Parties []string        `json:"parties,omitempty"`
	Proof   json.RawMessage `json:"proof,omitempty"`
}

// ChannelStates is the JSON body of POST /v1/channels/states: up to MaxBatch
// states, each of a different channel.
type ChannelStates struct {
	States []ChannelState `json:"states"`
}

// BatchAnswer is the body of the answer to POST /v1/channels/states: one
// result per state, in order, and one receipt for all the accepted ones. It
// does not repeat what the caller sent; Expand (which client.DelegateStates
// calls) rebuilds from the states a receipt per accepted state that verifies
// on its own.
type BatchAnswer struct {
	Accepted int `json:"accepted"`
	Refused  int `json:"refused"`
	// Receipt covers the accepted states in request order; absent when no
	// state was accepted.
	Receipt *BatchReceipt `json:"receipt,omitempty"`
	Results []BatchResult `json:"results"`
}

// BatchResult is the outcome of one state of a batch: Status is 200 when it
// was accepted, else the status a single POST /v1/channels/state would have
// answered with, and Error says why.
type BatchResult struct {
	Status        int    `json:"status"`
	Error         string `json:"error,omitempty"`
	PreviousNonce uint64 `json:"previous_nonce,omitempty"`
	// Challenging is true when the channel was already closing with an older
	// state and the tower queued a challenge at once.
	Challenging bool `json:"challenging,omitempty"`
	// Subject, Nonce and Digest say what an accepted proof's receipt holds
	// (POST /v1/kinds/{kind}/proofs only: a client that cannot compute them
	// itself rebuilds the receipts from them, and checks the signature).
	Subject string `json:"subject,omitempty"`
	Nonce   uint64 `json:"nonce,omitempty"`
	Digest  string `json:"digest,omitempty"`
}

// BatchReceipt is the tower's one signature over the receipts of a batch's
// accepted states. The receipt of the i-th accepted state is the Receipt of
// the shared fields here with subject the channel id, the state's nonce and
// its EIP-712 digest. With Count >= 2, receipt i's digest is leaf i of the
// Merkle tree (see ReceiptProof) whose Root the tower signed as
// ReceiptBatch(root, count); a batch of one is signed as that receipt alone.
type BatchReceipt struct {
	Tower         string `json:"tower"`
	ChainID       uint64 `json:"chain_id"`
	User          string `json:"user"`
	Kind          string `json:"kind"`
	AcceptedBlock uint64 `json:"accepted_block"`
	WatchUntil    uint64 `json:"watch_until"`
	Count         uint64 `json:"count"`
	Root          string `json:"root,omitempty"`
	Signature     string `json:"signature"`
}

// NewBatchReceipt signs bodies, which share user, kind, accepted block and
// watch-until, with one signature.
func NewBatchReceipt(d Domain, bodies []ReceiptBody, sign func(common.Hash) ([]byte, error)) (*BatchReceipt, error) {
	if len(bodies) == 0 {
		return nil, nil
	}
	b0 := bodies[0]
	for i, b := range bodies {
		if b.User != b0.User || b.Kind != b0.Kind || b.AcceptedBlock != b0.AcceptedBlock || b.WatchUntil != b0.WatchUntil {
			return nil, fmt.Errorf("receipts: body %d does not share user, kind and blocks with body 0", i)
		}
	}
	br := &BatchReceipt{Tower: d.Tower.Hex(), ChainID: d.ChainID, User: b0.User.Hex(), Kind: b0.Kind,
		AcceptedBlock: b0.AcceptedBlock, WatchUntil: b0.WatchUntil, Count: uint64(len(bodies))}
	var digest common.Hash
	if len(bodies) == 1 {
		digest = d.ReceiptDigest(b0)
	} else {
		tree, err := receiptTree(d, bodies)
		if err != nil {
			return nil, err
		}
		root := tree.Root()
		br.Root = root.Hex()
		digest = d.ReceiptBatchDigest(root, br.Count)
	}
	sig, err := sign(digest)
	if err != nil {
		return nil, err
	}
	br.Signature = hexutil.Encode(sig)
	return br, nil
}

// receiptTree is the Merkle tree of the receipts' digests.
func receiptTree(d Domain, bodies []ReceiptBody) (*merkle.Tree, error) {
	sep := d.Separator()
	leaves := make([]common.Hash, len(bodies))
	for i, b := range bodies {
		leaves[i] = eip712.Digest(sep, receiptStructHash(b))
	}
	tree, err := merkle.NewDepth(merkle.DepthFor(len(leaves)), leaves)
	if err != nil {
		return nil, fmt.Errorf("receipts: %w", err)
	}
	return tree, nil
}

// BatchItem is what a receipt of a batch says about one accepted state.
type BatchItem struct {
	Subject     string
	Nonce       uint64
	StateDigest common.Hash
}

// Receipts rebuilds the receipt of each item (the accepted states, in
// order), each with its proof when the batch holds several. It fails when
// the items are not what the tower signed: another count or another root.
// The signature itself is checked by Verify or VerifyReceipts.
func (b BatchReceipt) Receipts(items []BatchItem) ([]Receipt, error) {
	if b.Count != uint64(len(items)) {
		return nil, fmt.Errorf("batch receipt: covers %d states, the answer accepted %d", b.Count, len(items))
	}
	if b.Count == 0 {
		return nil, nil
	}
	tower, err := ParseAddress("tower", b.Tower)
	if err != nil {
		return nil, fmt.Errorf("batch receipt: %w", err)
	}
	user, err := ParseAddress("user", b.User)
	if err != nil {
		return nil, fmt.Errorf("batch receipt: %w", err)
	}
	d := Domain{ChainID: b.ChainID, Tower: tower}
	bodies := make([]ReceiptBody, len(items))
	for i, it := range items {
		bodies[i] = ReceiptBody{User: user, Kind: b.Kind, Subject: it.Subject, Nonce: it.Nonce, StateDigest: it.StateDigest,
			AcceptedBlock: b.AcceptedBlock, WatchUntil: b.WatchUntil}
	}
	out := make([]Receipt, len(bodies))
	if len(bodies) == 1 {
		out[0] = unsigned(d, bodies[0], nil)
		out[0].Tower, out[0].User, out[0].Signature = b.Tower, b.User, b.Signature
		return out, nil
	}
	tree, err := receiptTree(d, bodies)
	if err != nil {
		return nil, err
	}
	root := tree.Root()
	if !strings.EqualFold(root.Hex(), b.Root) {
		return nil, fmt.Errorf("batch receipt: %w: the accepted states have root %s, the tower signed %q", ErrBadSignature, root.Hex(), Truncate(b.Root))
	}
	for i, body := range bodies {
		proof, err := tree.Proof(i)
		if err != nil {
			return nil, fmt.Errorf("receipts: %w", err)
		}
		out[i] = unsigned(d, body, nil)
		out[i].Tower, out[i].User, out[i].Signature = b.Tower, b.User, b.Signature
		out[i].Batch = &ReceiptProof{Root: b.Root, Count: b.Count, Index: uint64(i), Proof: hexutil.Encode(proof)}
	}
	return out, nil
}

// StateResult is the outcome of one state of a batch as Expand rebuilds it:
// Accepted, with the state's own receipt, is set when Status is 200.
type StateResult struct {
	Status int    `json:"status"`
	Error  string `json:"error,omitempty"`
	*Accepted
}

// BatchAccepted is a BatchAnswer expanded (see Expand): one result per
// state, in order, each accepted one with a receipt that verifies on its own.
type BatchAccepted struct {
	Results  []StateResult `json:"results"`
	Accepted int           `json:"accepted"`
	Refused  int           `json:"refused"`
}

// Expand rebuilds the answer to states (sent in this order) as one result
// per state with its own receipt, the state digests computed in the
// channel's domain cd. It checks that the answer covers exactly the states
// sent and that the receipt's tree holds them; the signature is left to
// VerifyReceipts.
func (a BatchAnswer) Expand(cd channelstate.Domain, states []channelstate.Signed) (BatchAccepted, error) {
	if len(a.Results) != len(states) {
		return BatchAccepted{}, fmt.Errorf("batch answer: %d results for %d states", len(a.Results), len(states))
	}
	out := BatchAccepted{Results: make([]StateResult, len(states))}
	var items []BatchItem
	var at []int
	for i, r := range a.Results {
		out.Results[i] = StateResult{Status: r.Status, Error: r.Error}
		if r.Status != 200 {
			out.Refused++
			continue
		}
		s := states[i]
		items = append(items, BatchItem{Subject: s.ChannelID.Hex(), Nonce: s.Nonce, StateDigest: cd.Digest(s.State)})
		at = append(at, i)
		out.Results[i].Accepted = &Accepted{ChannelID: s.ChannelID.Hex(), Nonce: s.Nonce, PreviousNonce: r.PreviousNonce, Challenging: r.Challenging}
	}
	out.Accepted = len(items)
	if out.Accepted != a.Accepted || out.Refused != a.Refused {
		return BatchAccepted{}, fmt.Errorf("batch answer: counts %d accepted and %d refused, the results %d and %d", a.Accepted, a.Refused, out.Accepted, out.Refused)
	}
	if len(items) == 0 {
		return out, nil
	}
	if a.Receipt == nil {
		return BatchAccepted{}, fmt.Errorf("batch answer: %d states accepted without a receipt", len(items))
	}
	rs, err := a.Receipt.Receipts(items)
	if err != nil {
		return BatchAccepted{}, err
	}
	for j, i := range at {
		out.Results[i].Receipt = rs[j]
	}
	return out, nil
}
