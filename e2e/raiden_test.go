//go:build linux

package e2e

import (
	"crypto/ecdsa"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	raidenbindings "github.com/watchtower-l2/watchtower/deployments/contracts/bindings/raiden"
	"github.com/watchtower-l2/watchtower/internal/testutil/anviltest"
	"github.com/watchtower-l2/watchtower/proofs/raidenbp"
	"github.com/watchtower-l2/watchtower/watcher/l2/raiden"
)

// TestAnvilRaiden guards a channel of Raiden's own TokenNetwork with a tower
// configured for nothing else: `watchtower contracts deploy --kind raiden`,
// one `watchtower run` (embedded NATS and store) whose only section is
// raiden:, the user delegating the partner's latest balance proof with
// `watchtower delegate --kind raiden`, the partner closing while hiding it,
// and L1 showing the tower's updateNonClosingBalanceProof.
func TestAnvilRaiden(t *testing.T) {
	dir := t.TempDir()
	bin := buildTower(t, dir)
	node := anviltest.StartWith(t, anviltest.Options{Args: []string{"--no-mining"}})
	w := &waiter{t: t, tick: func() error { return mine(node) }, extra: func() string {
		return tailFile("anvil", writeOutput(dir, node.Output()))
	}}
	deployer, signer := node.Key(t, 0), node.Key(t, 1)
	user, partner := newKey(t), newKey(t)
	for _, k := range []*ecdsa.PrivateKey{user, partner} {
		if err := node.RPC.Call(nil, "anvil_setBalance", crypto.PubkeyToAddress(k.PublicKey), hexutil.EncodeBig(new(big.Int).Mul(big.NewInt(1e18), big.NewInt(10)))); err != nil {
			t.Fatalf("anvil_setBalance: %v", err)
		}
	}

	// 1. Deploy a token, a secret registry and the TokenNetwork.
	deployKey := writeSecret(t, dir, "deployer.key", hex.EncodeToString(crypto.FromECDSA(deployer)))
	deploy := startProc(t, dir, "deploy", bin, "contracts", "deploy", "--rpc-url", node.URL, "--key-file", deployKey,
		"--kind", "raiden", "--raiden-settle-timeout", "1000000", "--json")
	w.until("`watchtower contracts deploy --kind raiden` to exit", func() (bool, string) {
		done, _ := deploy.exited()
		return done, "deploy still running"
	})
	if _, err := deploy.exited(); err != nil {
		t.Fatalf("contracts deploy: %v\n%s", err, deploy.tail())
	}
	addrs := deployedAddresses(t, deploy)
	tnAddr, tokenAddr := addrs["TokenNetwork"], addrs["CustomToken"]
	tn, err := raidenbindings.NewTokenNetwork(tnAddr, node.Client)
	if err != nil {
		t.Fatal(err)
	}
	token, err := raidenbindings.NewCustomToken(tokenAddr, node.Client)
	if err != nil {
		t.Fatal(err)
	}

	// 2. One tower, all roles, guarding only the token network.
	signerKey := writeSecret(t, dir, "signer.key", "0x"+hex.EncodeToString(crypto.FromECDSA(signer)))
	identity := writeSecret(t, dir, "identity.key", hex.EncodeToString(crypto.FromECDSA(newKey(t))))
	apiAddr, metrics := freeAddr(t), freeAddr(t)
	cfg := filepath.Join(dir, "raiden-tower.yaml")
	yaml := fmt.Sprintf("data_dir: %s\nl1:\n  rpc_url: %s\n  chain_id: %d\n  confirmations: 1\n  poll_interval: 100ms\n"+
		"raiden:\n  token_network: %q\nsigner:\n  key_file: %s\napi:\n  listen: %s\n  identity_key_file: %s\n"+
		"challenge:\n  poll: 100ms\nmetrics:\n  listen: %s\nlog:\n  level: debug\n",
		filepath.Join(dir, "data"), node.WSURL, anviltest.ChainID, tnAddr.Hex(), signerKey, apiAddr, identity, metrics)
	if err := os.WriteFile(cfg, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := runCLI(t, bin, "config", "check", cfg); code != 0 {
		t.Fatalf("config check of a raiden-only tower: exit %d: %s", code, errOut)
	}
	tower := startProc(t, dir, "tower", bin, "run", "--config", cfg)
	w.procs = []*proc{tower}
	w.until("/readyz to answer 200", func() (bool, string) {
		code, body, err := httpStatus("http://" + metrics + "/readyz")
		return code == 200, fmt.Sprintf("%d %.300s %v", code, body, err)
	})

	// 3. A channel between the user and the partner, both deposited.
	chainID := big.NewInt(anviltest.ChainID)
	userAddr, partnerAddr := crypto.PubkeyToAddress(user.PublicKey), crypto.PubkeyToAddress(partner.PublicKey)
	opened := send(t, w, node, "openChannel", func() (*types.Transaction, error) {
		return tn.OpenChannel(transactor(t, user, chainID), userAddr, partnerAddr)
	})
	var id *big.Int
	for _, l := range opened.Logs {
		if ev, err := tn.ParseChannelOpened(*l); err == nil {
			id = ev.ChannelIdentifier
		}
	}
	if id == nil {
		t.Fatal("no ChannelOpened log")
	}
	deposit := big.NewInt(1000)
	for _, k := range []*ecdsa.PrivateKey{user, partner} {
		other := partnerAddr
		if k == partner {
			other = userAddr
		}
		send(t, w, node, "mint", func() (*types.Transaction, error) { return token.Mint(transactor(t, k, chainID), deposit) })
		send(t, w, node, "approve", func() (*types.Transaction, error) { return token.Approve(transactor(t, k, chainID), tnAddr, deposit) })
		send(t, w, node, "setTotalDeposit", func() (*types.Transaction, error) {
			return tn.SetTotalDeposit(transactor(t, k, chainID), id, crypto.PubkeyToAddress(k.PublicKey), deposit, other)
		})
	}

	// 4. Off chain, the partner paid the user five times; the user delegates
	// the partner's latest balance proof with its own counter-signature.
	bp := func(nonce int64, transferred int64) raidenbp.BalanceProof {
		return raidenbp.BalanceProof{TokenNetwork: tnAddr, ChainID: chainID, ChannelID: id, Nonce: big.NewInt(nonce),
			BalanceHash:    raidenbp.BalanceHash(big.NewInt(transferred), new(big.Int), [32]byte{}),
			AdditionalHash: crypto.Keccak256Hash([]byte(fmt.Sprintf("e2e message %d", nonce)))}
	}
	latest := bp(5, 500)
	partnerSig, err := raidenbp.Sign(partner, latest)
	if err != nil {
		t.Fatal(err)
	}
	userSig, err := raidenbp.SignUpdate(user, latest, partnerSig)
	if err != nil {
		t.Fatal(err)
	}
	proof := raiden.ProofJSON{ChannelID: id.String(), ClosingParticipant: partnerAddr.Hex(), NonClosingParticipant: userAddr.Hex(),
		Nonce: "5", BalanceHash: hexutil.Encode(latest.BalanceHash[:]), AdditionalHash: hexutil.Encode(latest.AdditionalHash[:]),
		ClosingSignature: hexutil.Encode(partnerSig), NonClosingSignature: hexutil.Encode(userSig)}
	b, err := json.Marshal(proof)
	if err != nil {
		t.Fatal(err)
	}
	proofFile := filepath.Join(dir, "proof.json")
	if err := os.WriteFile(proofFile, b, 0o600); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := runCLI(t, bin, "delegate", "--kind", "raiden", "--tower", "http://"+apiAddr, "--file", proofFile); code != 0 || !strings.Contains(out, `"accepted": 1`) {
		t.Fatalf("delegate --kind raiden: exit %d\nstdout: %s\nstderr: %s\n%s", code, out, errOut, tower.tail())
	}

	// 5. The partner closes with the user's only balance proof to it
	// (nonce 1), hiding its own payments to the user.
	userBP := bp(1, 100)
	userSigOnIt, err := raidenbp.Sign(user, userBP)
	if err != nil {
		t.Fatal(err)
	}
	closingSig, err := raidenbp.SignClose(partner, userBP, userSigOnIt)
	if err != nil {
		t.Fatal(err)
	}
	send(t, w, node, "closeChannel", func() (*types.Transaction, error) {
		return tn.CloseChannel(transactor(t, partner, chainID), id, userAddr, partnerAddr, userBP.BalanceHash, userBP.Nonce,
			userBP.AdditionalHash, userSigOnIt, closingSig)
	})

	// 6. L1 shows the partner's latest balance proof, submitted by the tower.
	var nonce *big.Int
	var balanceHash [32]byte
	w.until("the tower's updateNonClosingBalanceProof on L1", func() (bool, string) {
		_, _, _, bh, n, _, _, err := tn.GetChannelParticipantInfo(&bind.CallOpts{}, id, partnerAddr, userAddr)
		nonce, balanceHash = n, bh
		return err == nil && n != nil && n.Int64() == 5, fmt.Sprintf("partner's nonce on chain %v (%v)", n, err)
	})
	if balanceHash != latest.BalanceHash {
		t.Fatalf("balance hash on chain %x, want the delegated %x", balanceHash, latest.BalanceHash)
	}
	updates := updatesOf(t, tn, id)
	if len(updates) != 1 || updates[0].Nonce.Int64() != 5 || updates[0].ClosingParticipant != partnerAddr {
		t.Fatalf("NonClosingBalanceProofUpdated logs: %+v, want one with nonce 5", updates)
	}
	sender := txSender(t, node, updates[0].Raw.TxHash)
	if sender != crypto.PubkeyToAddress(signer.PublicKey) {
		t.Fatalf("updated by %s, want the tower's signer", sender.Hex())
	}
	t.Logf("partner's nonce on chain %s, updated by the tower in block %d", nonce, updates[0].Raw.BlockNumber)
	tower.stop(t)
}

// deployedAddresses reads the contracts of deploy's --json output by name.
func deployedAddresses(t *testing.T, deploy *proc) map[string]common.Address {
	t.Helper()
	b, err := os.ReadFile(deploy.out)
	if err != nil {
		t.Fatal(err)
	}
	var res struct {
		Contracts []struct {
			Name    string `json:"name"`
			Address string `json:"address"`
		} `json:"contracts"`
	}
	if err := json.Unmarshal(b, &res); err != nil {
		t.Fatalf("contracts deploy --json: %v\n%s", err, b)
	}
	out := map[string]common.Address{}
	for _, c := range res.Contracts {
		out[c.Name] = common.HexToAddress(c.Address)
	}
	return out
}

// updatesOf lists the NonClosingBalanceProofUpdated logs of channel id.
func updatesOf(t *testing.T, tn *raidenbindings.TokenNetwork, id *big.Int) []*raidenbindings.TokenNetworkNonClosingBalanceProofUpdated {
	t.Helper()
	it, err := tn.FilterNonClosingBalanceProofUpdated(&bind.FilterOpts{}, []*big.Int{id}, nil, nil)
	if err != nil {
		t.Fatalf("filter updates: %v", err)
	}
	defer it.Close()
	var out []*raidenbindings.TokenNetworkNonClosingBalanceProofUpdated
	for it.Next() {
		out = append(out, it.Event)
	}
	return out
}

// txSender recovers the sender of a mined transaction.
func txSender(t *testing.T, n *anviltest.Node, hash common.Hash) common.Address {
	t.Helper()
	tx, _, err := n.Client.TransactionByHash(t.Context(), hash)
	if err != nil {
		t.Fatalf("transaction %s: %v", hash, err)
	}
	from, err := types.Sender(types.LatestSignerForChainID(tx.ChainId()), tx)
	if err != nil {
		t.Fatal(err)
	}
	return from
}
