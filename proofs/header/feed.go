package header

import (
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
)

// FeedPath is the HTTP path of a validator set's attestation feed:
// GET <base>/v1/attestations?sidechain=<id>&from=<n>&to=<m> returns a Feed with
// every attestation of blocks n..m (inclusive) the validators have published.
const FeedPath = "/v1/attestations"

// MaxFeedRange bounds to-from+1 in one feed request.
const MaxFeedRange = 1024

// Record is one validator's attestation in the feed.
type Record struct {
	Number    uint64         `json:"number"`
	BlockHash common.Hash    `json:"block_hash"`
	Validator common.Address `json:"validator"`
	Signature hexutil.Bytes  `json:"signature"`
}

// Feed is the body of a feed response.
type Feed struct {
	SidechainID  uint64   `json:"sidechain_id"`
	Attestations []Record `json:"attestations"`
}
