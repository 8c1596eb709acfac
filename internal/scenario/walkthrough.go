package scenario

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/watchtower-l2/watchtower/deployments/contracts/bindings"
	"github.com/watchtower-l2/watchtower/internal/devnet"
	"github.com/watchtower-l2/watchtower/proofs/channelstate"
	"github.com/watchtower-l2/watchtower/watcher/delegation/api"
)

// DevExample is what `watchtower dev --keep-running` leaves for the README's
// walkthrough: an open channel with its parties' keys, a co-signed state,
// and an env file pointing the CLI at the tower.
type DevExample struct {
	Dir         string
	TowerURL    string
	ChainID     *big.Int
	Adjudicator common.Address
	Tower       common.Address
	ChannelID   common.Hash
	A, B        *ecdsa.PrivateKey
	Total       *big.Int
}

// Write writes DIR/env, DIR/party-a.key, DIR/party-b.key and DIR/state.json
// (nonce 1: party A holds 0.6 of the deposits).
func (e DevExample) Write() error {
	if err := os.MkdirAll(e.Dir, 0o700); err != nil {
		return err
	}
	for name, k := range map[string]*ecdsa.PrivateKey{"party-a.key": e.A, "party-b.key": e.B} {
		if err := os.WriteFile(filepath.Join(e.Dir, name), []byte(hexutil.Encode(crypto.FromECDSA(k))[2:]+"\n"), 0o600); err != nil {
			return err
		}
	}
	balA := new(big.Int).Div(new(big.Int).Mul(e.Total, big.NewInt(6)), big.NewInt(10))
	d := channelstate.Domain{ChainID: e.ChainID, Contract: e.Adjudicator}
	st := channelstate.State{ChannelID: e.ChannelID, Nonce: 1, BalanceA: balA, BalanceB: new(big.Int).Sub(e.Total, balA)}
	sigA, err := d.Sign(st, e.A)
	if err != nil {
		return err
	}
	sigB, err := d.Sign(st, e.B)
	if err != nil {
		return err
	}
	b, err := json.MarshalIndent(api.FromSigned(channelstate.Signed{State: st, SigA: sigA, SigB: sigB}), "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(e.Dir, "state.json"), append(b, '\n'), 0o600); err != nil {
		return err
	}
	env := fmt.Sprintf(`export WATCHTOWER_TOWER_URL=%s
export WATCHTOWER_USER_KEY=%s
export WT_EXAMPLE=%s
export WT_CHAIN_ID=%s
export WT_ADJUDICATOR=%s
export WT_TOWER=%s
export WT_CHANNEL=%s
`, e.TowerURL, filepath.Join(e.Dir, "party-a.key"), e.Dir, e.ChainID, e.Adjudicator.Hex(), e.Tower.Hex(), e.ChannelID.Hex())
	return os.WriteFile(filepath.Join(e.Dir, "env"), []byte(env), 0o600)
}

// devExampleDir is where `watchtower dev --keep-running` writes the walkthrough's files.
func DevExampleDir() string { return filepath.Join(os.TempDir(), "watchtower-dev-example") }

// writeDevExample opens a fresh channel between two new funded keys on the
// dev L1 and writes the walkthrough's files; it returns their directory.
func writeDevExample(ctx context.Context, net1 *devnet.Devnet, adj common.Address, towerURL string, tower common.Address) (string, error) {
	a, err := crypto.GenerateKey()
	if err != nil {
		return "", err
	}
	b, err := crypto.GenerateKey()
	if err != nil {
		return "", err
	}
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	fund := new(big.Int).Mul(big.NewInt(10), big.NewInt(1e18))
	for _, k := range []*ecdsa.PrivateKey{a, b} {
		from := net1.Address(0)
		nonce, err := net1.Client.PendingNonceAt(ctx, from)
		if err != nil {
			return "", fmt.Errorf("fund example party: %w", err)
		}
		tip, err := net1.Client.SuggestGasTipCap(ctx)
		if err != nil {
			return "", fmt.Errorf("fund example party: %w", err)
		}
		head, err := net1.Client.HeaderByNumber(ctx, nil)
		if err != nil {
			return "", fmt.Errorf("fund example party: %w", err)
		}
		to := crypto.PubkeyToAddress(k.PublicKey)
		tx, err := types.SignNewTx(net1.Keys[0], types.LatestSignerForChainID(net1.ChainID), &types.DynamicFeeTx{
			ChainID: net1.ChainID, Nonce: nonce, GasTipCap: tip, GasFeeCap: new(big.Int).Add(tip, new(big.Int).Mul(head.BaseFee, big.NewInt(2))),
			Gas: 21000, To: &to, Value: fund,
		})
		if err != nil {
			return "", fmt.Errorf("fund example party: %w", err)
		}
		if err := net1.Client.SendTransaction(ctx, tx); err != nil {
			return "", fmt.Errorf("fund example party: %w", err)
		}
		if _, err := net1.WaitSucceeded(ctx, tx.Hash()); err != nil {
			return "", fmt.Errorf("fund example party: %w", err)
		}
	}
	adjc, err := bindings.NewChannelAdjudicator(adj, net1.Client)
	if err != nil {
		return "", err
	}
	deposit := big.NewInt(1e18)
	opts := net1.Transactor(ctx, a)
	opts.Value = deposit
	tx, err := adjc.Open(opts, crypto.PubkeyToAddress(b.PublicKey), 60)
	if err != nil {
		return "", fmt.Errorf("open example channel: %w", err)
	}
	rc, err := net1.WaitSucceeded(ctx, tx.Hash())
	if err != nil {
		return "", fmt.Errorf("open example channel: %w", err)
	}
	var id common.Hash
	for _, l := range rc.Logs {
		if ev, err := adjc.ParseChannelOpened(*l); err == nil {
			id = ev.ChannelId
		}
	}
	opts = net1.Transactor(ctx, b)
	opts.Value = deposit
	if tx, err = adjc.Join(opts, id); err != nil {
		return "", fmt.Errorf("join example channel: %w", err)
	}
	if _, err := net1.WaitSucceeded(ctx, tx.Hash()); err != nil {
		return "", fmt.Errorf("join example channel: %w", err)
	}
	ex := DevExample{Dir: DevExampleDir(), TowerURL: towerURL, ChainID: net1.ChainID, Adjudicator: adj, Tower: tower,
		ChannelID: id, A: a, B: b, Total: new(big.Int).Mul(deposit, big.NewInt(2))}
	return ex.Dir, ex.Write()
}
