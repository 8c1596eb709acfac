package scenario

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"io"
	"math/big"
	"math/rand/v2"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	raidenbindings "github.com/watchtower-l2/watchtower/deployments/contracts/bindings/raiden"
	"github.com/watchtower-l2/watchtower/internal/devnet"
	"github.com/watchtower-l2/watchtower/proofs/raidenbp"
	"github.com/watchtower-l2/watchtower/watcher/delegation"
)

// DefaultRaidenSettleTimeout is the settle timeout DeployRaiden gives the
// token network, in seconds. The devnet stamps each block at least one
// second after the previous one, so at a fast block time this is about as
// many blocks.
const DefaultRaidenSettleTimeout = 120

// raidenDeposit is each participant's deposit in every scenario channel, in
// token units.
const raidenDeposit = 1000

// RaidenChain is Raiden's TokenNetwork deployed on the devnet with its
// token and SecretRegistry.
type RaidenChain struct {
	TokenNetwork   common.Address
	Token          common.Address
	SecretRegistry common.Address
	// SettleTimeout is the token network's settle timeout in seconds.
	SettleTimeout uint64
	tn            *raidenbindings.TokenNetwork
	token         *raidenbindings.CustomToken
}

// DeployRaiden deploys a test token, a SecretRegistry and a TokenNetwork
// (settle timeout DefaultRaidenSettleTimeout) from deployer.
func DeployRaiden(ctx context.Context, net *devnet.Devnet, deployer *ecdsa.PrivateKey) (*RaidenChain, error) {
	return DeployRaidenTimeout(ctx, net, deployer, DefaultRaidenSettleTimeout)
}

// DeployRaidenTimeout is DeployRaiden with another settle timeout (seconds).
func DeployRaidenTimeout(ctx context.Context, net *devnet.Devnet, deployer *ecdsa.PrivateKey, settleTimeout uint64) (*RaidenChain, error) {
	rc := &RaidenChain{SettleTimeout: settleTimeout}
	participantLimit := big.NewInt(1_000_000)
	networkLimit := new(big.Int).Mul(participantLimit, big.NewInt(100_000))
	tokenAddr, tx, token, err := raidenbindings.DeployCustomToken(net.Transactor(ctx, deployer), net.Client, networkLimit, 18, "Dev Token", "DEV")
	if err == nil {
		_, err = net.WaitDeployed(ctx, tx)
	}
	if err != nil {
		return nil, fmt.Errorf("scenario: deploy CustomToken: %w", err)
	}
	srAddr, tx, _, err := raidenbindings.DeploySecretRegistry(net.Transactor(ctx, deployer), net.Client)
	if err == nil {
		_, err = net.WaitDeployed(ctx, tx)
	}
	if err != nil {
		return nil, fmt.Errorf("scenario: deploy SecretRegistry: %w", err)
	}
	tnAddr, tx, tn, err := raidenbindings.DeployTokenNetwork(net.Transactor(ctx, deployer), net.Client, tokenAddr, srAddr,
		new(big.Int).SetUint64(settleTimeout), crypto.PubkeyToAddress(deployer.PublicKey), participantLimit, networkLimit)
	if err == nil {
		_, err = net.WaitDeployed(ctx, tx)
	}
	if err != nil {
		return nil, fmt.Errorf("scenario: deploy TokenNetwork: %w", err)
	}
	rc.TokenNetwork, rc.Token, rc.SecretRegistry, rc.tn, rc.token = tnAddr, tokenAddr, srAddr, tn, token
	return rc, nil
}

// Raiden configures the Raiden scenario: per channel, a user (the first key
// of its pair) and a partner (the second) who pays the user off chain.
// Every ten channels, six partners close leaving their latest balance proof
// off chain after the user delegated it (frauds the tower must answer with
// updateNonClosingBalanceProof), three users close themselves with the
// partner's latest proof (honest: the tower must not act), and one partner
// closes stale on a user who delegated nothing (unwatched).
type Raiden struct {
	Net   *devnet.Devnet
	Chain *RaidenChain
	// Tower is the tower's delegation API client.
	Tower *delegation.Client
	// Parties holds two keys per channel.
	Parties []*ecdsa.PrivateKey
	Count   int
	// Progress receives one-line progress updates (nil: none).
	Progress io.Writer
	Seed     int64
}

// raidenRun is one channel of the scenario.
type raidenRun struct {
	id            *big.Int
	user, partner *ecdsa.PrivateKey
	role          string
	// The partner's balance proofs (nonce i+1), its signatures and the
	// amounts they transfer to the user.
	proofs  []raidenbp.BalanceProof
	sigs    [][]byte
	amounts []*big.Int
	// The user's own balance proof (what a partner's close submits).
	userBP     raidenbp.BalanceProof
	userSig    []byte
	userAmount *big.Int
	closeBlk   uint64
	settleAt   uint64 // settleable_after
	// The partner's balance proof on chain just before settlement, and the block that settled.
	partnerNonce uint64
	settleBlk    uint64
}

func (r *raidenRun) userAddr() common.Address    { return crypto.PubkeyToAddress(r.user.PublicKey) }
func (r *raidenRun) partnerAddr() common.Address { return crypto.PubkeyToAddress(r.partner.PublicKey) }
func (r *raidenRun) latest() int                 { return len(r.proofs) - 1 }

// Run plays the scenario and judges the tower from L1.
func (sc *Raiden) Run(ctx context.Context) (Summary, error) {
	if len(sc.Parties) < 2*sc.Count {
		return Summary{}, fmt.Errorf("scenario: need %d party keys, have %d", 2*sc.Count, len(sc.Parties))
	}
	if sc.Chain == nil || sc.Tower == nil {
		return Summary{}, errors.New("scenario: the Raiden scenario needs its chain and the tower's API client")
	}
	pattern := [10]string{Stale, Honest, Stale, Stale, Honest, Stale, Unwatched, Stale, Honest, Stale}
	runs := make([]*raidenRun, sc.Count)
	for i := range runs {
		runs[i] = &raidenRun{user: sc.Parties[2*i], partner: sc.Parties[2*i+1], role: pattern[i%10]}
	}
	steps := []struct {
		what string
		f    func(context.Context, *raidenRun) error
	}{
		{"opening Raiden channels", sc.open},
		{"depositing", sc.deposit},
	}
	for _, s := range steps {
		if err := sc.each(ctx, s.what, runs, s.f); err != nil {
			return Summary{}, err
		}
	}
	if err := sc.sign(runs); err != nil {
		return Summary{}, err
	}
	for _, s := range []struct {
		what string
		f    func(context.Context, *raidenRun) error
	}{{"delegating balance proofs", sc.delegate}, {"closing Raiden channels", sc.close}} {
		if err := sc.each(ctx, s.what, runs, s.f); err != nil {
			return Summary{}, err
		}
	}
	var last uint64
	for _, r := range runs {
		last = max(last, r.settleAt)
	}
	if err := sc.waitTime(ctx, last+1); err != nil {
		return Summary{}, err
	}
	if err := sc.each(ctx, "settling Raiden channels", runs, sc.settle); err != nil {
		return Summary{}, err
	}
	return sc.judge(ctx, runs)
}

// open opens the channel between the user and the partner.
func (sc *Raiden) open(ctx context.Context, r *raidenRun) error {
	tx, err := sc.Chain.tn.OpenChannel(sc.Net.Transactor(ctx, r.user), r.userAddr(), r.partnerAddr())
	if err != nil {
		return fmt.Errorf("openChannel: %w", err)
	}
	rc, err := mined(ctx, sc.Net, tx.Hash())
	if err != nil {
		return fmt.Errorf("openChannel: %w", err)
	}
	for _, l := range rc.Logs {
		if ev, err := sc.Chain.tn.ParseChannelOpened(*l); err == nil {
			r.id = ev.ChannelIdentifier
		}
	}
	if r.id == nil {
		return errors.New("openChannel: no ChannelOpened event")
	}
	return nil
}

// deposit has both participants mint, approve and deposit raidenDeposit.
func (sc *Raiden) deposit(ctx context.Context, r *raidenRun) error {
	amount := big.NewInt(raidenDeposit)
	for _, p := range []struct {
		key     *ecdsa.PrivateKey
		partner common.Address
	}{{r.user, r.partnerAddr()}, {r.partner, r.userAddr()}} {
		self := crypto.PubkeyToAddress(p.key.PublicKey)
		for _, send := range []func(*bind.TransactOpts) (*types.Transaction, error){
			func(o *bind.TransactOpts) (*types.Transaction, error) { return sc.Chain.token.Mint(o, amount) },
			func(o *bind.TransactOpts) (*types.Transaction, error) {
				return sc.Chain.token.Approve(o, sc.Chain.TokenNetwork, amount)
			},
			func(o *bind.TransactOpts) (*types.Transaction, error) {
				return sc.Chain.tn.SetTotalDeposit(o, r.id, self, amount, p.partner)
			},
		} {
			tx, err := send(sc.Net.Transactor(ctx, p.key))
			if err != nil {
				return fmt.Errorf("deposit: %w", err)
			}
			if _, err := mined(ctx, sc.Net, tx.Hash()); err != nil {
				return fmt.Errorf("deposit: %w", err)
			}
		}
	}
	return nil
}

// sign makes each partner's off-chain payments (3 to 8 balance proofs) and
// each user's one payment back.
func (sc *Raiden) sign(runs []*raidenRun) error {
	rng := rand.New(rand.NewPCG(uint64(sc.Seed), 11))
	for _, r := range runs {
		total := new(big.Int)
		n := uint64(3 + rng.IntN(6))
		for nonce := uint64(1); nonce <= n; nonce++ {
			total = new(big.Int).Add(total, big.NewInt(int64(1+rng.IntN(50))))
			bp := sc.balanceProof(r.id, nonce, total)
			sig, err := raidenbp.Sign(r.partner, bp)
			if err != nil {
				return fmt.Errorf("scenario: channel %s: %w", r.id, err)
			}
			r.proofs, r.sigs, r.amounts = append(r.proofs, bp), append(r.sigs, sig), append(r.amounts, total)
		}
		r.userAmount = big.NewInt(int64(1 + rng.IntN(20)))
		r.userBP = sc.balanceProof(r.id, 1, r.userAmount)
		var err error
		if r.userSig, err = raidenbp.Sign(r.user, r.userBP); err != nil {
			return fmt.Errorf("scenario: channel %s: %w", r.id, err)
		}
	}
	return nil
}

func (sc *Raiden) balanceProof(id *big.Int, nonce uint64, transferred *big.Int) raidenbp.BalanceProof {
	return raidenbp.BalanceProof{
		TokenNetwork: sc.Chain.TokenNetwork, ChainID: sc.Net.ChainID, ChannelID: id, Nonce: new(big.Int).SetUint64(nonce),
		BalanceHash:    raidenbp.BalanceHash(transferred, new(big.Int), [32]byte{}),
		AdditionalHash: crypto.Keccak256Hash([]byte(fmt.Sprintf("scenario transfer %s/%d", id, nonce))),
	}
}

// each runs f for every channel, 32 at a time, showing progress.
func (sc *Raiden) each(ctx context.Context, what string, runs []*raidenRun, f func(context.Context, *raidenRun) error) error {
	return forEach(ctx, sc.Progress, what, len(runs), func(i int) error {
		if err := f(ctx, runs[i]); err != nil {
			return fmt.Errorf("raiden channel %v: %w", runs[i].id, err)
		}
		return nil
	})
}
