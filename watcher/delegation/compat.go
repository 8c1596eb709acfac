// Package delegation is how users hand the tower what it must guard: an HTTP
// API (described by openapi.json, served at /v1/openapi.json) where users
// register with an Ethereum address, delegate co-signed channel states,
// subscribe to Plasma and sidechain subjects, list and revoke what the tower
// holds for them, and receive receipts signed by the tower's identity key.
//
// The wire types and EIP-712 messages live in delegation/api, the Go client a
// wallet imports in delegation/client; the names below keep the first form of
// this package working.
package delegation

import (
	"net/http"

	"github.com/watchtower-l2/watchtower/watcher/delegation/api"
	"github.com/watchtower-l2/watchtower/watcher/delegation/client"
)

// MaxBodyBytes bounds a request body.
const MaxBodyBytes = api.MaxBodyBytes

// Aliases of the api and client packages.
type (
	ChannelState  = api.ChannelState
	ChannelStates = api.ChannelStates
	HeldState     = api.HeldState
	Accepted      = api.Accepted
	Receipt       = api.Receipt
	ErrorBody     = api.ErrorBody
	APIError      = api.APIError
	Client        = client.Client
)

// FromSigned converts a signed state to its wire form.
var FromSigned = api.FromSigned

// IsRefusal reports whether err is a 4xx answer: retrying will not help.
var IsRefusal = api.IsRefusal

// NewClient returns an unauthenticated client for the tower at baseURL.
func NewClient(baseURL string, hc *http.Client) *Client { return client.New(baseURL, hc) }
