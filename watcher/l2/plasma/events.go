package plasma

import (
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/watchtower-l2/watchtower/deployments/contracts/bindings"
)

// Event names published on wt.<chainid>.plasma.<name>.
const (
	EventBlockSubmitted = "block_submitted"
	EventDeposit        = "deposit"
	EventExitStarted    = "exit_started"
	EventExitChallenged = "exit_challenged"
	EventExitFinalized  = "exit_finalized"
)

// BlockSubmitted is the payload of a BlockSubmitted log: a child block's root on L1.
type BlockSubmitted struct {
	Blknum uint64      `json:"blknum"`
	Root   common.Hash `json:"root"`
}

// Deposit is the payload of a DepositCreated log: a deposit block with one output.
type Deposit struct {
	Owner  common.Address `json:"owner"`
	Blknum uint64         `json:"blknum"`
	Amount *big.Int       `json:"amount"`
}

// ExitStarted is the payload of an ExitStarted log.
type ExitStarted struct {
	UtxoPos  uint64         `json:"utxo_pos"`
	Owner    common.Address `json:"owner"`
	Amount   *big.Int       `json:"amount"`
	Deadline uint64         `json:"deadline"`
}

// ExitEnded is the payload of ExitChallenged and ExitFinalized logs.
type ExitEnded struct {
	UtxoPos uint64         `json:"utxo_pos"`
	By      common.Address `json:"by"`
}

type decoder struct {
	f *bindings.PlasmaFrameworkFilterer
}

func newDecoder() (*decoder, error) {
	f, err := bindings.NewPlasmaFrameworkFilterer(common.Address{}, nil)
	if err != nil {
		return nil, fmt.Errorf("plasma: bind filterer: %w", err)
	}
	return &decoder{f: f}, nil
}

func u64(b *big.Int) (uint64, error) {
	if !b.IsUint64() {
		return 0, fmt.Errorf("plasma: value %s exceeds uint64", b)
	}
	return b.Uint64(), nil
}

func (d *decoder) decode(log types.Log) (string, any, bool, error) {
	if len(log.Topics) == 0 {
		return "", nil, false, nil
	}
	ev, err := plasmaABI.EventByID(log.Topics[0])
	if err != nil {
		return "", nil, false, nil
	}
	switch ev.Name {
	case "BlockSubmitted":
		e, err := d.f.ParseBlockSubmitted(log)
		if err != nil {
			return "", nil, false, fmt.Errorf("plasma: parse BlockSubmitted: %w", err)
		}
		n, err := u64(e.Blknum)
		if err != nil {
			return "", nil, false, err
		}
		return EventBlockSubmitted, BlockSubmitted{Blknum: n, Root: e.Root}, true, nil
	case "DepositCreated":
		e, err := d.f.ParseDepositCreated(log)
		if err != nil {
			return "", nil, false, fmt.Errorf("plasma: parse DepositCreated: %w", err)
		}
		n, err := u64(e.Blknum)
		if err != nil {
			return "", nil, false, err
		}
		return EventDeposit, Deposit{Owner: e.Owner, Blknum: n, Amount: e.Amount}, true, nil
	case "ExitStarted":
		e, err := d.f.ParseExitStarted(log)
		if err != nil {
			return "", nil, false, fmt.Errorf("plasma: parse ExitStarted: %w", err)
		}
		p, err := u64(e.UtxoPos)
		if err != nil {
			return "", nil, false, err
		}
		return EventExitStarted, ExitStarted{UtxoPos: p, Owner: e.Owner, Amount: e.Amount, Deadline: e.Deadline}, true, nil
	case "ExitChallenged":
		e, err := d.f.ParseExitChallenged(log)
		if err != nil {
			return "", nil, false, fmt.Errorf("plasma: parse ExitChallenged: %w", err)
		}
		p, err := u64(e.UtxoPos)
		if err != nil {
			return "", nil, false, err
		}
		return EventExitChallenged, ExitEnded{UtxoPos: p, By: e.Challenger}, true, nil
	case "ExitFinalized":
		e, err := d.f.ParseExitFinalized(log)
		if err != nil {
			return "", nil, false, fmt.Errorf("plasma: parse ExitFinalized: %w", err)
		}
		p, err := u64(e.UtxoPos)
		if err != nil {
			return "", nil, false, err
		}
		return EventExitFinalized, ExitEnded{UtxoPos: p, By: e.Owner}, true, nil
	}
	return "", nil, false, nil
}
