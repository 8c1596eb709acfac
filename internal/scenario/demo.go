package scenario

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"io"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/nats-io/nats.go"

	"github.com/watchtower-l2/watchtower/alerts"
	"github.com/watchtower-l2/watchtower/internal/devnet"
	"github.com/watchtower-l2/watchtower/watcher/delegation/client"
	"github.com/watchtower-l2/watchtower/watcher/l2"
)

// Env is what `watchtower dev` gives each kind's demo.
type Env struct {
	Net      *devnet.Devnet
	Deployer *ecdsa.PrivateKey
	// Keys are the funded L1 accounts reserved for this demo (Accounts(n)).
	Keys      []*ecdsa.PrivateKey
	NATS      *nats.Conn
	BlockTime time.Duration
	// Window is the dispute window the demo's contracts use, in blocks
	// (a time window is Window block times).
	Window   uint64
	Seed     uint64
	Progress io.Writer
}

// Tower is the running tower the demos play against.
type Tower struct {
	Kinds l2.Registry
	// API is a client of its delegation API.
	API    *client.Client
	APIURL string
	// Identity signs its receipts; Signers send its challenges (the tower's
	// pool of signer keys).
	Identity common.Address
	Signers  []common.Address
	// Alerts returns the alerts raised so far.
	Alerts func() []alerts.Alert
}

// Count is a demo's command-line count of subjects (--channels 50).
type Count struct {
	Flag    string
	Default int
	// Max bounds the count; 0 skips the demo, and a count below Min is refused.
	Min, Max int
	Usage    string
}

// Demo is one kind's part of `watchtower dev`: it deploys the kind's
// contracts on the in-process L1, gives the tower its factory, then plays a
// scenario of frauds and honest events and judges the tower from L1.
type Demo interface {
	Kind() string
	Count() Count
	// Accounts is how many funded accounts it needs for n subjects.
	Accounts(n int) int
	Deploy(ctx context.Context, env Env, n int) (l2.Factory, error)
	Play(ctx context.Context, env Env, tw Tower, n int) (Summary, error)
	// Close releases what Deploy started.
	Close()
}

// Walkthrough is implemented by demos that leave a hands-on example for
// `watchtower dev --keep-running`; it returns the example's directory.
type Walkthrough interface {
	Walkthrough(ctx context.Context, env Env, tw Tower) (string, error)
}

// Demos are the kinds' demos, in the order `watchtower dev` plays them.
func Demos() []Demo {
	return []Demo{
		&ChannelDemo{},
		&SidechainDemo{},
		&PlasmaDemo{},
		&RaidenDemo{},
	}
}

// say writes a progress line when w is set.
func say(w io.Writer, format string, args ...any) {
	if w != nil {
		fmt.Fprintf(w, format, args...)
	}
}
