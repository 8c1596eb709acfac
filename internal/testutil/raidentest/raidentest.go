// Package raidentest is a test fixture for Raiden channels on Raiden's real
// TokenNetwork bytecode (deployments/contracts/bindings/raiden): it deploys
// the test token, SecretRegistry and TokenNetwork, and drives channels through
// open, deposit, close, update and settle, signing with proofs/raidenbp.
//
// It works on go-ethereum's simulated backend (NewSimulated) or any node whose
// client implements Client; Chain.Commit mines, Chain.AdjustTime moves the
// clock, since TokenNetwork's settle timeout is in seconds.
package raidentest

import (
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/params"
	"github.com/ethereum/go-ethereum/rpc"

	raidenbindings "github.com/watchtower-l2/watchtower/deployments/contracts/bindings/raiden"
	"github.com/watchtower-l2/watchtower/proofs/raidenbp"
)

// Defaults of Config, close to Raiden's test setup.
const (
	// DefaultSettleTimeout is TokenNetwork's settle_timeout in seconds
	// (raiden-contracts' TEST_SETTLE_TIMEOUT = 8 * 15).
	DefaultSettleTimeout = 120
	// DefaultDeposit is the per-participant deposit limit, in token units.
	DefaultDeposit = 1_000_000
)

// Client is what the fixture needs from a node; simulated.Client and
// *ethclient.Client implement it.
type Client interface {
	bind.ContractBackend
	bind.DeployBackend
}

// Chain is a node the fixture sends transactions to.
type Chain struct {
	Client  Client
	ChainID *big.Int
	// Commit mines the pending transactions; nil for a node that mines by itself.
	Commit func()
	// AdjustTime mines an empty block d later than the head; nil if the
	// node cannot (then AfterSettleTimeout fails the test).
	AdjustTime func(d time.Duration) error
}

// Key derives a deterministic test key from name.
func Key(t testing.TB, name string) *ecdsa.PrivateKey {
	t.Helper()
	k, err := crypto.ToECDSA(crypto.Keccak256([]byte("raidentest: " + name)))
	if err != nil {
		t.Fatalf("derive key %s: %v", name, err)
	}
	return k
}

// Addr is the address of key.
func Addr(key *ecdsa.PrivateKey) common.Address { return crypto.PubkeyToAddress(key.PublicKey) }

// NewSimulated starts a simulated backend with 1000 ETH for each key, closed
// when the test ends.
func NewSimulated(t testing.TB, keys ...*ecdsa.PrivateKey) (Chain, *simulated.Backend) {
	t.Helper()
	alloc := types.GenesisAlloc{}
	for _, k := range keys {
		alloc[Addr(k)] = types.Account{Balance: new(big.Int).Mul(big.NewInt(1000), big.NewInt(params.Ether))}
	}
	b := simulated.NewBackend(alloc)
	t.Cleanup(func() {
		if err := b.Close(); err != nil {
			t.Errorf("close simulated backend: %v", err)
		}
	})
	id, err := b.Client().ChainID(t.Context())
	if err != nil {
		t.Fatalf("chain id: %v", err)
	}
	return Chain{
		Client:     b.Client(),
		ChainID:    id,
		Commit:     func() { b.Commit() },
		AdjustTime: b.AdjustTime,
	}, b
}

// Config holds TokenNetwork's constructor arguments; zero fields take the defaults.
type Config struct {
	SettleTimeout      uint64         // seconds; DefaultSettleTimeout
	ParticipantLimit   *big.Int       // channel_participant_deposit_limit; DefaultDeposit
	NetworkLimit       *big.Int       // token_network_deposit_limit; 100 × ParticipantLimit
	Controller         common.Address // the deployer's address
	TokenInitialSupply *big.Int       // minted to the deployer; 10 × NetworkLimit
}

// Network is a deployed TokenNetwork with its token and SecretRegistry.
type Network struct {
	T              testing.TB
	Chain          Chain
	Address        common.Address // TokenNetwork
	TN             *raidenbindings.TokenNetwork
	ABI            *abi.ABI // TokenNetwork's ABI
	TokenAddress   common.Address
	Token          *raidenbindings.CustomToken
	SecretRegistry common.Address
	SettleTimeout  uint64 // seconds
}

// Deploy deploys CustomToken, SecretRegistry and TokenNetwork from deployer.
func Deploy(t testing.TB, c Chain, deployer *ecdsa.PrivateKey, cfg Config) *Network {
	t.Helper()
	if cfg.SettleTimeout == 0 {
		cfg.SettleTimeout = DefaultSettleTimeout
	}
	if cfg.ParticipantLimit == nil {
		cfg.ParticipantLimit = big.NewInt(DefaultDeposit)
	}
	if cfg.NetworkLimit == nil {
		cfg.NetworkLimit = new(big.Int).Mul(cfg.ParticipantLimit, big.NewInt(100))
	}
	if cfg.Controller == (common.Address{}) {
		cfg.Controller = Addr(deployer)
	}
	if cfg.TokenInitialSupply == nil {
		cfg.TokenInitialSupply = new(big.Int).Mul(cfg.NetworkLimit, big.NewInt(10))
	}
	n := &Network{T: t, Chain: c, SettleTimeout: cfg.SettleTimeout}
	var err error
	if n.ABI, err = raidenbindings.TokenNetworkMetaData.GetAbi(); err != nil {
		t.Fatalf("TokenNetwork ABI: %v", err)
	}
	var tx *types.Transaction
	n.TokenAddress, tx, n.Token, err = raidenbindings.DeployCustomToken(n.Opts(deployer), c.Client, cfg.TokenInitialSupply, 18, "Test Token", "TTT")
	n.mustMine("deploy CustomToken", tx, err)
	n.SecretRegistry, tx, _, err = raidenbindings.DeploySecretRegistry(n.Opts(deployer), c.Client)
	n.mustMine("deploy SecretRegistry", tx, err)
	n.Address, tx, n.TN, err = raidenbindings.DeployTokenNetwork(n.Opts(deployer), c.Client, n.TokenAddress, n.SecretRegistry,
		new(big.Int).SetUint64(cfg.SettleTimeout), cfg.Controller, cfg.ParticipantLimit, cfg.NetworkLimit)
	n.mustMine("deploy TokenNetwork", tx, err)
	return n
}

// Opts returns transact options for key, bound to the test's context.
func (n *Network) Opts(key *ecdsa.PrivateKey) *bind.TransactOpts {
	n.T.Helper()
	o, err := bind.NewKeyedTransactorWithChainID(key, n.Chain.ChainID)
	if err != nil {
		n.T.Fatalf("transactor: %v", err)
	}
	o.Context = n.T.Context()
	return o
}

// Mine mines tx (when the chain needs Commit) and returns its receipt. A
// receipt with a failed status is an error.
func (n *Network) Mine(tx *types.Transaction) (*types.Receipt, error) {
	if n.Chain.Commit != nil {
		n.Chain.Commit()
	}
	r, err := bind.WaitMined(n.T.Context(), n.Chain.Client, tx)
	if err != nil {
		return nil, fmt.Errorf("wait for %s: %w", tx.Hash(), err)
	}
	if r.Status != types.ReceiptStatusSuccessful {
		return r, fmt.Errorf("transaction %s reverted in block %d", tx.Hash(), r.BlockNumber)
	}
	return r, nil
}

func (n *Network) mustMine(what string, tx *types.Transaction, err error) *types.Receipt {
	n.T.Helper()
	if err != nil {
		reason, _ := RevertReason(err)
		n.T.Fatalf("%s: %v (revert reason %q)", what, err, reason)
	}
	r, err := n.Mine(tx)
	if err != nil {
		n.T.Fatalf("%s: %v", what, err)
	}
	return r
}

// send mines the transaction fn sends; a revert during gas estimation comes
// back as fn's error (see RevertReason).
func (n *Network) send(fn func() (*types.Transaction, error)) (*types.Receipt, error) {
	tx, err := fn()
	if err != nil {
		return nil, err
	}
	return n.Mine(tx)
}

// OpenChannel opens a channel between a and b, sent by from, and returns its id.
func (n *Network) OpenChannel(from *ecdsa.PrivateKey, a, b common.Address) *big.Int {
	n.T.Helper()
	tx, err := n.TN.OpenChannel(n.Opts(from), a, b)
	r := n.mustMine("openChannel", tx, err)
	for _, l := range r.Logs {
		if ev, err := n.TN.ParseChannelOpened(*l); err == nil {
			return ev.ChannelIdentifier
		}
	}
	n.T.Fatalf("openChannel: no ChannelOpened event")
	return nil
}

// Deposit mints amount tokens to the owner of key, approves them to the
// TokenNetwork and sets the owner's total deposit in channel id to total.
func (n *Network) Deposit(key *ecdsa.PrivateKey, id *big.Int, partner common.Address, total *big.Int) {
	n.T.Helper()
	tx, err := n.Token.Mint(n.Opts(key), total)
	n.mustMine("mint", tx, err)
	tx, err = n.Token.Approve(n.Opts(key), n.Address, total)
	n.mustMine("approve", tx, err)
	tx, err = n.TN.SetTotalDeposit(n.Opts(key), id, Addr(key), total, partner)
	n.mustMine("setTotalDeposit", tx, err)
}

// BalanceProof returns the balance proof of channel id with the given nonce
// and amounts; its additional hash is derived from the nonce.
func (n *Network) BalanceProof(id *big.Int, nonce uint64, transferred, locked *big.Int, locksroot [32]byte) raidenbp.BalanceProof {
	return raidenbp.BalanceProof{
		TokenNetwork:   n.Address,
		ChainID:        n.Chain.ChainID,
		ChannelID:      id,
		Nonce:          new(big.Int).SetUint64(nonce),
		BalanceHash:    raidenbp.BalanceHash(transferred, locked, locksroot),
		AdditionalHash: crypto.Keccak256Hash([]byte(fmt.Sprintf("raidentest message %d", nonce))),
	}
}

// Sign signs bp with key (raidenbp.Sign), failing the test on error.
func (n *Network) Sign(key *ecdsa.PrivateKey, bp raidenbp.BalanceProof) []byte {
	n.T.Helper()
	sig, err := raidenbp.Sign(key, bp)
	if err != nil {
		n.T.Fatalf("sign balance proof: %v", err)
	}
	return sig
}

// Close closes channel id as the owner of closer, submitting the partner's
// balance proof bp and the partner's signature partnerSig (from Sign by the
// partner); the closer's counter-signature is computed here.
func (n *Network) Close(closer *ecdsa.PrivateKey, partner common.Address, bp raidenbp.BalanceProof, partnerSig []byte) (*types.Receipt, error) {
	closingSig, err := raidenbp.SignClose(closer, bp, partnerSig)
	if err != nil {
		return nil, fmt.Errorf("close: %w", err)
	}
	return n.send(func() (*types.Transaction, error) {
		return n.TN.CloseChannel(n.Opts(closer), bp.ChannelID, partner, Addr(closer), bp.BalanceHash, bp.Nonce, bp.AdditionalHash, partnerSig, closingSig)
	})
}

// Update sends updateNonClosingBalanceProof from sender (anyone, e.g. a
// tower): bp is the closing participant's balance proof, closingSig its
// signature by the closing participant, nonClosingSig the non-closing
// participant's raidenbp.SignUpdate counter-signature.
func (n *Network) Update(sender *ecdsa.PrivateKey, closing, nonClosing common.Address, bp raidenbp.BalanceProof, closingSig, nonClosingSig []byte) (*types.Receipt, error) {
	return n.send(func() (*types.Transaction, error) {
		return n.TN.UpdateNonClosingBalanceProof(n.Opts(sender), bp.ChannelID, closing, nonClosing, bp.BalanceHash, bp.Nonce, bp.AdditionalHash, closingSig, nonClosingSig)
	})
}

// Settlement is one participant's settle input: the amounts and locksroot
// behind the balance hash stored for it (zero values when none was stored).
type Settlement struct {
	Participant common.Address
	Transferred *big.Int
	Locked      *big.Int
	Locksroot   [32]byte
}

// Settle settles channel id from sender. The contract wants the participant
// with the smaller transferred+locked first; Settle orders them.
func (n *Network) Settle(sender *ecdsa.PrivateKey, id *big.Int, p1, p2 Settlement) (*types.Receipt, error) {
	total := func(s Settlement) *big.Int { return new(big.Int).Add(orZero(s.Transferred), orZero(s.Locked)) }
	if total(p1).Cmp(total(p2)) > 0 {
		p1, p2 = p2, p1
	}
	return n.send(func() (*types.Transaction, error) {
		return n.TN.SettleChannel(n.Opts(sender), id, p1.Participant, orZero(p1.Transferred), orZero(p1.Locked), p1.Locksroot,
			p2.Participant, orZero(p2.Transferred), orZero(p2.Locked), p2.Locksroot)
	})
}

// ParticipantInfo is TokenNetwork.getChannelParticipantInfo's result.
type ParticipantInfo struct {
	Deposit, Withdrawn *big.Int
	IsTheCloser        bool
	BalanceHash        [32]byte
	Nonce              *big.Int
	Locksroot          [32]byte
	LockedAmount       *big.Int
}

// Participant reads participant's state in channel id.
func (n *Network) Participant(id *big.Int, participant, partner common.Address) ParticipantInfo {
	n.T.Helper()
	d, w, closer, bh, nonce, root, locked, err := n.TN.GetChannelParticipantInfo(&bind.CallOpts{Context: n.T.Context()}, id, participant, partner)
	if err != nil {
		n.T.Fatalf("getChannelParticipantInfo: %v", err)
	}
	return ParticipantInfo{d, w, closer, bh, nonce, root, locked}
}

// AfterSettleTimeout moves the chain's clock past settleable_after of channel
// id (by mining an empty block settle_timeout+1 seconds later), so that
// settleChannel is accepted.
func (n *Network) AfterSettleTimeout() {
	n.T.Helper()
	if n.Chain.AdjustTime == nil {
		n.T.Fatal("AfterSettleTimeout: the chain cannot adjust its time")
	}
	// The simulated backend refuses while its pool still lists a
	// transaction it just mined (the pool catches up with the new head
	// asynchronously): retry within a generous bound.
	deadline := time.Now().Add(time.Minute)
	for {
		err := n.Chain.AdjustTime(time.Duration(n.SettleTimeout+1) * time.Second)
		if err == nil {
			return
		}
		if time.Now().After(deadline) {
			n.T.Fatalf("adjust time: %v", err)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// errorSelector is the selector of Error(string), what require(cond, "reason") reverts with.
var errorSelector = crypto.Keccak256([]byte("Error(string)"))[:4]

// RevertReason extracts the Error(string) reason from err, the error of an
// eth_call or gas estimation that reverted (geth: JSON-RPC code 3 with the
// revert data). ok is false when err carries no revert data or no reason
// (ECVerify's bare require reverts with empty data).
func RevertReason(err error) (reason string, ok bool) {
	var de rpc.DataError
	if !errors.As(err, &de) {
		return "", false
	}
	s, isStr := de.ErrorData().(string)
	if !isStr {
		return "", false
	}
	data, derr := hexutil.Decode(s)
	if derr != nil || len(data) < 4 || string(data[:4]) != string(errorSelector) {
		return "", false
	}
	reason, uerr := abi.UnpackRevert(data)
	if uerr != nil {
		return "", false
	}
	return reason, true
}

func orZero(x *big.Int) *big.Int {
	if x == nil {
		return new(big.Int)
	}
	return x
}
