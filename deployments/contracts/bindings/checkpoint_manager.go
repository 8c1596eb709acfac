// Code generated - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package bindings

import (
	"context"
	"errors"
	"math/big"
	"strings"
	"time"

	ethereum "github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/event"
)

// Reference imports to suppress errors if they are not otherwise used.
var (
	_ = errors.New
	_ = big.NewInt
	_ = strings.NewReader
	_ = ethereum.NotFound
	_ = bind.Bind
	_ = common.Big1
	_ = types.BloomLookup
	_ = event.NewSubscription
	_ = abi.ConvertType
	_ = time.Tick
	_ = context.Background
)

// CheckpointManagerCheckpoint is an auto generated low-level Go binding around an user-defined struct.
type CheckpointManagerCheckpoint struct {
	SidechainId      *big.Int
	Proposer         common.Address
	Number           uint64
	Deadline         uint64
	Status           uint8
	Proven           bool
	BlockHash        [32]byte
	StateRoot        [32]byte
	Bond             *big.Int
	Requester        common.Address
	ResponseDeadline uint64
}

// CheckpointManagerSidechain is an auto generated low-level Go binding around an user-defined struct.
type CheckpointManagerSidechain struct {
	Threshold       uint64
	ValidatorCount  uint64
	ChallengePeriod uint64
	ResponseWindow  uint64
	MinBond         *big.Int
}

// CheckpointManagerMetaData contains all meta data concerning the CheckpointManager contract.
var CheckpointManagerMetaData = &bind.MetaData{
	ABI: "[{\"inputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"checkpointId\",\"type\":\"uint256\"}],\"name\":\"AlreadyProven\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"sidechainId\",\"type\":\"uint256\"}],\"name\":\"AlreadyRegistered\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"BadHeader\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"BadPeriod\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"}],\"name\":\"BadSignature\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"threshold\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"validators\",\"type\":\"uint64\"}],\"name\":\"BadThreshold\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"BadValidatorSet\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"minimum\",\"type\":\"uint256\"}],\"name\":\"BondTooLow\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"deadline\",\"type\":\"uint64\"}],\"name\":\"ChallengePeriodOpen\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"deadline\",\"type\":\"uint64\"}],\"name\":\"ChallengePeriodOver\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"checkpointId\",\"type\":\"uint256\"}],\"name\":\"CheckpointMatches\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"given\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"threshold\",\"type\":\"uint64\"}],\"name\":\"NotEnoughSignatures\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NotOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"checkpointId\",\"type\":\"uint256\"},{\"internalType\":\"enumCheckpointManager.Status\",\"name\":\"status\",\"type\":\"uint8\"}],\"name\":\"NotPending\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"signer\",\"type\":\"address\"}],\"name\":\"NotValidator\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"checkpoint\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"header\",\"type\":\"uint64\"}],\"name\":\"NumberMismatch\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"checkpointId\",\"type\":\"uint256\"}],\"name\":\"ProofAlreadyRequested\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"checkpointId\",\"type\":\"uint256\"}],\"name\":\"ProofMismatch\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"responseDeadline\",\"type\":\"uint64\"}],\"name\":\"ResponseWindowOpen\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"responseDeadline\",\"type\":\"uint64\"}],\"name\":\"ResponseWindowOver\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"}],\"name\":\"SignersNotSorted\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"}],\"name\":\"TransferFailed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"checkpointId\",\"type\":\"uint256\"}],\"name\":\"UnknownCheckpoint\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"sidechainId\",\"type\":\"uint256\"}],\"name\":\"UnknownSidechain\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"checkpointId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"beneficiary\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"bond\",\"type\":\"uint256\"}],\"name\":\"CheckpointCancelled\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"checkpointId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"challenger\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"attestedHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"attestedStateRoot\",\"type\":\"bytes32\"}],\"name\":\"CheckpointChallenged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"checkpointId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"sidechainId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"number\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"blockHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"stateRoot\",\"type\":\"bytes32\"}],\"name\":\"CheckpointFinalized\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"checkpointId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"prover\",\"type\":\"address\"}],\"name\":\"CheckpointProven\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"checkpointId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"sidechainId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"proposer\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"number\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"blockHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"stateRoot\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"bond\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"deadline\",\"type\":\"uint64\"}],\"name\":\"CheckpointSubmitted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"checkpointId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"requester\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"responseDeadline\",\"type\":\"uint64\"}],\"name\":\"ProofRequested\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"sidechainId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"address[]\",\"name\":\"validators\",\"type\":\"address[]\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"threshold\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"challengePeriod\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"responseWindow\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"minBond\",\"type\":\"uint256\"}],\"name\":\"SidechainRegistered\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Withdrawn\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"ATTESTATION_TYPEHASH\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"sidechainId\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"number\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"blockHash\",\"type\":\"bytes32\"}],\"name\":\"attestationDigest\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"checkpointId\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"headerRLP\",\"type\":\"bytes\"},{\"internalType\":\"bytes[]\",\"name\":\"sigs\",\"type\":\"bytes[]\"}],\"name\":\"challenge\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"sidechainId\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"number\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"blockHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes[]\",\"name\":\"sigs\",\"type\":\"bytes[]\"}],\"name\":\"checkQuorum\",\"outputs\":[],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"checkpointCount\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"rlp\",\"type\":\"bytes\"}],\"name\":\"decodeHeader\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"stateRoot\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"number\",\"type\":\"uint64\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"domainSeparator\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"checkpointId\",\"type\":\"uint256\"}],\"name\":\"finalize\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"checkpointId\",\"type\":\"uint256\"}],\"name\":\"getCheckpoint\",\"outputs\":[{\"components\":[{\"internalType\":\"uint256\",\"name\":\"sidechainId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"proposer\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"number\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"deadline\",\"type\":\"uint64\"},{\"internalType\":\"enumCheckpointManager.Status\",\"name\":\"status\",\"type\":\"uint8\"},{\"internalType\":\"bool\",\"name\":\"proven\",\"type\":\"bool\"},{\"internalType\":\"bytes32\",\"name\":\"blockHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"stateRoot\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"bond\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"requester\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"responseDeadline\",\"type\":\"uint64\"}],\"internalType\":\"structCheckpointManager.Checkpoint\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"sidechainId\",\"type\":\"uint256\"}],\"name\":\"getSidechain\",\"outputs\":[{\"components\":[{\"internalType\":\"uint64\",\"name\":\"threshold\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"validatorCount\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"challengePeriod\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"responseWindow\",\"type\":\"uint64\"},{\"internalType\":\"uint256\",\"name\":\"minBond\",\"type\":\"uint256\"}],\"internalType\":\"structCheckpointManager.Sidechain\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"sidechainId\",\"type\":\"uint256\"}],\"name\":\"getValidators\",\"outputs\":[{\"internalType\":\"address[]\",\"name\":\"\",\"type\":\"address[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"name\":\"isValidator\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"name\":\"latestFinal\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"owner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"checkpointId\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"headerRLP\",\"type\":\"bytes\"},{\"internalType\":\"bytes[]\",\"name\":\"sigs\",\"type\":\"bytes[]\"}],\"name\":\"proveCheckpoint\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"sidechainId\",\"type\":\"uint256\"},{\"internalType\":\"address[]\",\"name\":\"validators\",\"type\":\"address[]\"},{\"internalType\":\"uint64\",\"name\":\"threshold\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"challengePeriod\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"responseWindow\",\"type\":\"uint64\"},{\"internalType\":\"uint256\",\"name\":\"minBond\",\"type\":\"uint256\"}],\"name\":\"registerSidechain\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"checkpointId\",\"type\":\"uint256\"}],\"name\":\"requestProof\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"sidechainId\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"number\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"blockHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"stateRoot\",\"type\":\"bytes32\"}],\"name\":\"submitCheckpoint\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"checkpointId\",\"type\":\"uint256\"}],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"sidechainId\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"headerRLP\",\"type\":\"bytes\"},{\"internalType\":\"bytes[]\",\"name\":\"sigs\",\"type\":\"bytes[]\"}],\"name\":\"submitProvenCheckpoint\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"checkpointId\",\"type\":\"uint256\"}],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"withdraw\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"name\":\"withdrawable\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	Bin: "0x60a0604052348015600e575f5ffd5b503360805260805161253f6100325f395f818161031701526109d8015261253f5ff3fe608060405260043610610126575f3560e01c80635de587ef116100a8578063a61e238e1161006d578063a61e238e1461047c578063a9126b1c1461049b578063ce513b6f146104ba578063e3c01797146104e5578063f1105f7e146104f8578063f698da2514610544575f5ffd5b80635de587ef146102ab57806364daf9d6146102ca5780638da5cb5b146103065780639308408614610351578063a183d3511461045d575f5ffd5b80631f618cd2116100ee5780631f618cd2146101e257806320fc4881146101f657806323f2a73f146102225780633ccfd60b1461026b578063471f40fb1461027f575f5ffd5b806305261aea1461012a57806307090c1f1461014b578063091e419e146101915780630f2770bd146101b05780631c68993b146101c3575b5f5ffd5b348015610135575f5ffd5b50610149610144366004611ec6565b610558565b005b348015610156575f5ffd5b5061017e7f27baa0e05182322944d7268c7ba46c8921b464308a12a71eae7d2f6cb16aa83781565b6040519081526020015b60405180910390f35b34801561019c575f5ffd5b506101496101ab366004611ec6565b6107d8565b61017e6101be366004611f61565b61092f565b3480156101ce575f5ffd5b506101496101dd366004611fee565b6109cd565b3480156101ed575f5ffd5b5061017e5f5481565b348015610201575f5ffd5b50610215610210366004611ec6565b610d68565b60405161018891906120a7565b34801561022d575f5ffd5b5061025b61023c36600461219f565b600360209081525f928352604080842090915290825290205460ff1681565b6040519015158152602001610188565b348015610276575f5ffd5b50610149610eb4565b34801561028a575f5ffd5b5061029e610299366004611ec6565b610f6f565b60405161018891906121c9565b3480156102b6575f5ffd5b506101496102c5366004611f61565b610fd8565b3480156102d5575f5ffd5b506102e96102e4366004612214565b6111a5565b604080519283526001600160401b03909116602083015201610188565b348015610311575f5ffd5b506103397f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160a01b039091168152602001610188565b34801561035c575f5ffd5b506103f861036b366004611ec6565b6040805160a0810182525f80825260208201819052918101829052606081018290526080810191909152505f90815260016020818152604092839020835160a08101855281546001600160401b038082168352600160401b8204811694830194909452600160801b8104841695820195909552600160c01b90940490911660608401520154608082015290565b60405161018891905f60a0820190506001600160401b0383511682526001600160401b0360208401511660208301526001600160401b0360408401511660408301526001600160401b0360608401511660608301526080830151608083015292915050565b348015610468575f5ffd5b50610149610477366004611f61565b611345565b348015610487575f5ffd5b5061017e610496366004612252565b61156b565b3480156104a6575f5ffd5b506101496104b5366004612285565b611619565b3480156104c5575f5ffd5b5061017e6104d43660046122ca565b60066020525f908152604090205481565b61017e6104f33660046122e3565b611770565b348015610503575f5ffd5b5061052c610512366004611ec6565b60056020525f90815260409020546001600160401b031681565b6040516001600160401b039091168152602001610188565b34801561054f575f5ffd5b5061017e611786565b5f6105628261182a565b60058101546006820154919250906001600160a01b03161580159061059357506002820154600160481b900460ff16155b1561067e576006820154600160a01b90046001600160401b031643116105e8576006820154604051637daf177760e01b8152600160a01b9091046001600160401b031660048201526024015b60405180910390fd5b60028201805460ff60401b1916600360401b1790555f600583018190556006808401546001600160a01b0316825260205260408120805483929061062d90849061232f565b909155505060068201546040518281526001600160a01b039091169084907f86fa46a02c683298a6258751e71aa1e0fa5d7be97a07bab3082c104d55013f8c906020015b60405180910390a3505050565b60028201546001600160401b031643116106bc576002820154604051637523175560e01b81526001600160401b0390911660048201526024016105df565b60028201805460ff60401b1916680200000000000000001790555f6005830181905560018301546001600160a01b03168152600660205260408120805483929061070790849061232f565b909155505081545f9081526005602052604090205460018301546001600160401b03918216600160a01b909104909116111561077857600182015482545f9081526005602052604090208054600160a01b9092046001600160401b031667ffffffffffffffff199092169190911790555b815460018301546003840154600485015460408051600160a01b9094046001600160401b0316845260208401929092529082015284907fd85ae8a258cd266d3508ba015b81a9f57154deb44374825475bd04d7661dc86190606001610671565b5f6107e28261182a565b60028101549091506001600160401b031643111561082457600281015460405163d97b135160e01b81526001600160401b0390911660048201526024016105df565b6002810154600160481b900460ff16156108545760405163397a427160e01b8152600481018390526024016105df565b60068101546001600160a01b03161561088357604051631d3465c360e31b8152600481018390526024016105df565b6006810180546001600160a01b0319163317905580545f908152600160205260409020546108c2906001600160401b03600160c01b9091041643612348565b60068201805467ffffffffffffffff60a01b1916600160a01b6001600160401b039384168102919091179182905560405191049091168152339083907f839e2dec4d43d7395f229e2a4d2e5e08aabc509bdccdc691a104596bb1c62d089060200160405180910390a35050565b5f5f8585604051610941929190612367565b604051809103902090505f5f61095788886111a5565b915091506109688982858989611619565b610974898285856118d3565b5f81815260046020526040808220600201805460ff60481b1916600160481b17905551919550339186917f6de8dd0d9a6f608ccb16ec63703d39484b58d1e1e16e68b70b28667b20b7535191a350505095945050505050565b336001600160a01b037f00000000000000000000000000000000000000000000000000000000000000001614610a16576040516330cd747160e01b815260040160405180910390fd5b5f878152600160205260409020546001600160401b031615610a4e5760405163392d9d9d60e21b8152600481018890526024016105df565b84801580610a5d575061010081115b15610a7b5760405163c866d68760e01b815260040160405180910390fd5b6001600160401b0385161580610a99575080856001600160401b0316115b80610ac15750610aaa816002612376565b610abe6001600160401b0387166003612376565b11155b15610af2576040516370fb9e6360e11b81526001600160401b038087166004830152821660248201526044016105df565b6001600160401b0384161580610b0f57506001600160401b038316155b15610b2d57604051633dee3b7160e11b815260040160405180910390fd5b5f5b81811015610beb575f888883818110610b4a57610b4a61238d565b9050602002016020810190610b5f91906122ca565b90506001600160a01b0381161580610b9857505f8a81526003602090815260408083206001600160a01b038516845290915290205460ff165b15610bb65760405163c866d68760e01b815260040160405180910390fd5b5f8a81526003602090815260408083206001600160a01b03909416835292905220805460ff1916600190811790915501610b2f565b505f888152600260205260409020610c04908888611e51565b506040518060a00160405280866001600160401b03168152602001826001600160401b03168152602001856001600160401b03168152602001846001600160401b031681526020018381525060015f8a81526020019081526020015f205f820151815f015f6101000a8154816001600160401b0302191690836001600160401b031602179055506020820151815f0160086101000a8154816001600160401b0302191690836001600160401b031602179055506040820151815f0160106101000a8154816001600160401b0302191690836001600160401b031602179055506060820151815f0160186101000a8154816001600160401b0302191690836001600160401b0316021790555060808201518160010155905050877fa94d87f05fa5b1ae9c5029f9efafa0c08eb28d3324b5300cf578bbc59fd40271888888888888604051610d56969594939291906123a1565b60405180910390a25050505050505050565b60408051610160810182525f80825260208201819052918101829052606081018290526080810182905260a0810182905260c0810182905260e08101829052610100810182905261012081018290526101408101919091525f828152600460209081526040918290208251610160810184528154815260018201546001600160a01b038116938201939093526001600160401b03600160a01b9093048316938101939093526002810154918216606084015290608083019060ff600160401b909104166003811115610e3c57610e3c612073565b6003811115610e4d57610e4d612073565b81526002820154600160481b900460ff16151560208201526003820154604082015260048201546060820152600582015460808201526006909101546001600160a01b03811660a0830152600160a01b90046001600160401b031660c09091015292915050565b335f8181526006602090815260408083208054939055518281529192917f7084f5476618d8e60b11ef0d7d3f06914655adb8793e28ff7f018d4c76d505d5910160405180910390a28015610f6c576040515f90339083908381818185875af1925050503d805f8114610f41576040519150601f19603f3d011682016040523d82523d5f602084013e610f46565b606091505b5050905080610f6a576040516339f1c8d960e01b81523360048201526024016105df565b505b50565b5f81815260026020908152604091829020805483518184028101840190945280845260609392830182828015610fcc57602002820191905f5260205f20905b81546001600160a01b03168152600190910190602001808311610fae575b50505050509050919050565b5f610fe28661182a565b6002810154909150600160481b900460ff16156110155760405163397a427160e01b8152600481018790526024016105df565b60068101546001600160a01b03161580159061104457506006810154600160a01b90046001600160401b031643115b15611079576006810154604051633618501760e11b8152600160a01b9091046001600160401b031660048201526024016105df565b5f858560405161108a929190612367565b60405180910390209050816003015481146110bb5760405163080763d760e31b8152600481018890526024016105df565b5f5f6110c788886111a5565b600186015491935091506001600160401b03808316600160a01b90920416146111235760018401546040516313bfc33960e21b8152600160a01b9091046001600160401b039081166004830152821660248201526044016105df565b8360040154821461114a5760405163080763d760e31b8152600481018a90526024016105df565b83546111599082858989611619565b60028401805460ff60481b1916600160481b17905560405133908a907f6de8dd0d9a6f608ccb16ec63703d39484b58d1e1e16e68b70b28667b20b75351905f90a3505050505050505050565b5f808080806111b687878381611a29565b9250925092508015806111d25750856111cf838561232f565b14155b156111f05760405163451b7cff60e01b815260040160405180910390fd5b855f80805b8387101561130e575f5f5f61120c8e8e8c8a611a29565b92509250925060038603611274578080611227575081602014155b156112455760405163451b7cff60e01b815260040160405180910390fd5b8d838e61125382602061232f565b9261126093929190612412565b61126991612439565b9b50600194506112ed565b600886036112ed5780806112885750600882115b806112bc57505f821180156112bc57508d8d848181106112aa576112aa61238d565b909101356001600160f81b0319161590505b156112da5760405163451b7cff60e01b815260040160405180910390fd5b6112e68e8e8585611bc5565b9a50600193505b6112f7828461232f565b99508561130381612456565b9650505050506111f5565b811580611319575080155b156113375760405163451b7cff60e01b815260040160405180910390fd5b505050505050509250929050565b5f61134f8661182a565b60028101549091506001600160401b031643111561139157600281015460405163d97b135160e01b81526001600160401b0390911660048201526024016105df565b5f85856040516113a2929190612367565b604051809103902090505f5f6113b888886111a5565b600186015491935091506001600160401b03808316600160a01b90920416146114145760018401546040516313bfc33960e21b8152600160a01b9091046001600160401b039081166004830152821660248201526044016105df565b83546114239082858989611619565b8360030154831480156114395750836004015482145b1561145a576040516303f0e85760e61b8152600481018a90526024016105df565b600284018054600360401b60ff60401b199091161790556005840180545f909155604080518581526020810185905233918c917f3f3eae42879c23fe80821a826f75206abc9684380fb2ac26bd8c3c5821675c80910160405180910390a360405181815233908b907f86fa46a02c683298a6258751e71aa1e0fa5d7be97a07bab3082c104d55013f8c9060200160405180910390a3801561155f576040515f90339083908381818185875af1925050503d805f8114611534576040519150601f19603f3d011682016040523d82523d5f602084013e611539565b606091505b505090508061155d576040516339f1c8d960e01b81523360048201526024016105df565b505b50505050505050505050565b604080517f27baa0e05182322944d7268c7ba46c8921b464308a12a71eae7d2f6cb16aa83760208201529081018490526001600160401b0383166060820152608081018290525f90819060a0016040516020818303038152906040528051906020012090506115d8611786565b60405161190160f01b6020820152602281019190915260428101829052606201604051602081830303815290604052805190602001209150505b9392505050565b5f61162386611c0d565b80549091506001600160401b03168210156116665780546040516339eafc7b60e21b8152600481018490526001600160401b0390911660248201526044016105df565b5f61167287878761156b565b90505f805b84811015611765575f6116ad848888858181106116965761169661238d565b90506020028101906116a8919061246e565b611c4b565b90506001600160a01b0381166116d95760405163a1c9731960e01b8152600481018390526024016105df565b826001600160a01b0316816001600160a01b03161161170e576040516302a3e21f60e31b8152600481018390526024016105df565b5f8a81526003602090815260408083206001600160a01b038516845290915290205460ff1661175b57604051633b4f6e2b60e21b81526001600160a01b03821660048201526024016105df565b9150600101611677565b505050505050505050565b5f61177d858585856118d3565b95945050505050565b604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201527f9404c68bf8fc2edbed9b423aa7396dcf984313c269683e12b2cca640fe8e0573918101919091527fc89efdaa54c0f20c7adf612882df0950f5a951637e0307cdcb4c672f298b8bc660608201524660808201523060a08201525f9060c00160405160208183030381529060405280519060200120905090565b5f818152600460205260408120906002820154600160401b900460ff16600381111561185857611858612073565b0361187957604051638a34303360e01b8152600481018390526024016105df565b60016002820154600160401b900460ff16600381111561189b5761189b612073565b146118ce57818160020160089054906101000a900460ff166040516345945c7d60e11b81526004016105df9291906124b0565b919050565b5f5f6118de86611c0d565b9050806001015434101561190d578060010154604051632b7c8c7560e01b81526004016105df91815260200190565b5f5f815461191a90612456565b918290555081549092505f9061194090600160801b90046001600160401b031643612348565b5f848152600460208181526040928390208b81556001810180546001600160401b038d8116600160a01b810267ffffffffffffffff60a01b19339081166001600160e01b03199095169490941717909355600284018054600160401b68ffffffffffffffffff19909116928a16928317179055600384018d90559483018b9055346005840181905586519283529382018c90529481018a90526060810192909252608082019290925292935091899086907f0baeb0ee4d2fb10981ba1f80ccbc0df7a3a8af3ec2d6892657c142f85307a5ae9060a00160405180910390a4505050949350505050565b5f5f5f838510611a4c5760405163451b7cff60e01b815260040160405180910390fd5b5f878787818110611a5f57611a5f61238d565b919091013560f81c9150506080811015611a83578560015f93509350935050611bbb565b60b78160ff1611611b0957611a9986600161232f565b9350611aa66080826124c4565b60ff169250826001148015611ae657508484101580611ae657506080888886818110611ad457611ad461238d565b9050013560f81c60f81b60f81c60ff16105b15611b045760405163451b7cff60e01b815260040160405180910390fd5b611b85565b60c08160ff161015611b3957611b2f888888611b2660b7866124c4565b60ff1689611d85565b9094509250611b85565b60f78160ff1611611b6a57611b4f86600161232f565b9350611b5c60c0826124c4565b60ff16925060019150611b85565b611b7b888888611b2660f7866124c4565b9094509250600191505b84841180611b9b5750611b9884866124dd565b83115b15611bb95760405163451b7cff60e01b815260040160405180910390fd5b505b9450945094915050565b5f805b82811015611c04578585611bdc838761232f565b818110611beb57611beb61238d565b60089490941b919093013560f81c179150600101611bc8565b50949350505050565b5f818152600160205260408120805490916001600160401b0390911690036118ce57604051633d62850560e11b8152600481018390526024016105df565b5f60418214611c5b57505f611612565b5f611c696020828587612412565b611c7291612439565b90505f611c83604060208688612412565b611c8c91612439565b90505f85856040818110611ca257611ca261238d565b919091013560f81c915050601b811015611cc457611cc1601b826124f0565b90505b8060ff16601b14158015611cdc57508060ff16601c14155b15611cec575f9350505050611612565b7f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0821115611d1f575f9350505050611612565b604080515f81526020810180835289905260ff831691810191909152606081018490526080810183905260019060a0016020604051602081039080840390855afa158015611d6f573d5f5f3e3d5ffd5b5050604051601f19015198975050505050505050565b5f5f6008841180611daa57508284611d9e87600161232f565b611da8919061232f565b115b80611dd857508686611dbd87600161232f565b818110611dcc57611dcc61238d565b919091013560f81c1590505b15611df65760405163451b7cff60e01b815260040160405180910390fd5b611e0c8787611e0688600161232f565b87611bc5565b905060378111611e2f5760405163451b7cff60e01b815260040160405180910390fd5b83611e3b86600161232f565b611e45919061232f565b91509550959350505050565b828054828255905f5260205f20908101928215611ea2579160200282015b82811115611ea25781546001600160a01b0319166001600160a01b03843516178255602090920191600190910190611e6f565b50611eae929150611eb2565b5090565b5b80821115611eae575f8155600101611eb3565b5f60208284031215611ed6575f5ffd5b5035919050565b5f5f83601f840112611eed575f5ffd5b5081356001600160401b03811115611f03575f5ffd5b602083019150836020828501011115611f1a575f5ffd5b9250929050565b5f5f83601f840112611f31575f5ffd5b5081356001600160401b03811115611f47575f5ffd5b6020830191508360208260051b8501011115611f1a575f5ffd5b5f5f5f5f5f60608688031215611f75575f5ffd5b8535945060208601356001600160401b03811115611f91575f5ffd5b611f9d88828901611edd565b90955093505060408601356001600160401b03811115611fbb575f5ffd5b611fc788828901611f21565b969995985093965092949392505050565b80356001600160401b03811681146118ce575f5ffd5b5f5f5f5f5f5f5f60c0888a031215612004575f5ffd5b8735965060208801356001600160401b03811115612020575f5ffd5b61202c8a828b01611f21565b909750955061203f905060408901611fd8565b935061204d60608901611fd8565b925061205b60808901611fd8565b96999598509396929591949193505060a09091013590565b634e487b7160e01b5f52602160045260245ffd5b600481106120a357634e487b7160e01b5f52602160045260245ffd5b9052565b815181526020808301516101608301916120cb908401826001600160a01b03169052565b5060408301516120e660408401826001600160401b03169052565b50606083015161210160608401826001600160401b03169052565b5060808301516121146080840182612087565b5060a083015161212860a084018215159052565b5060c083015160c083015260e083015160e08301526101008301516101008301526101208301516121656101208401826001600160a01b03169052565b506101408301516121826101408401826001600160401b03169052565b5092915050565b80356001600160a01b03811681146118ce575f5ffd5b5f5f604083850312156121b0575f5ffd5b823591506121c060208401612189565b90509250929050565b602080825282518282018190525f918401906040840190835b818110156122095783516001600160a01b03168352602093840193909201916001016121e2565b509095945050505050565b5f5f60208385031215612225575f5ffd5b82356001600160401b0381111561223a575f5ffd5b61224685828601611edd565b90969095509350505050565b5f5f5f60608486031215612264575f5ffd5b8335925061227460208501611fd8565b929592945050506040919091013590565b5f5f5f5f5f60808688031215612299575f5ffd5b853594506122a960208701611fd8565b93506040860135925060608601356001600160401b03811115611fbb575f5ffd5b5f602082840312156122da575f5ffd5b61161282612189565b5f5f5f5f608085870312156122f6575f5ffd5b8435935061230660208601611fd8565b93969395505050506040820135916060013590565b634e487b7160e01b5f52601160045260245ffd5b808201808211156123425761234261231b565b92915050565b6001600160401b0381811683821601908111156123425761234261231b565b818382375f9101908152919050565b80820281158282048414176123425761234261231b565b634e487b7160e01b5f52603260045260245ffd5b60a080825281018690525f8760c08301825b898110156123e1576001600160a01b036123cc84612189565b168252602092830192909101906001016123b3565b506001600160401b039788166020850152958716604084015250509190931660608201526080019190915292915050565b5f5f85851115612420575f5ffd5b8386111561242c575f5ffd5b5050820193919092039150565b80356020831015612342575f19602084900360031b1b1692915050565b5f600182016124675761246761231b565b5060010190565b5f5f8335601e19843603018112612483575f5ffd5b8301803591506001600160401b0382111561249c575f5ffd5b602001915036819003821315611f1a575f5ffd5b828152604081016116126020830184612087565b60ff82811682821603908111156123425761234261231b565b818103818111156123425761234261231b565b60ff81811683821601908111156123425761234261231b56fea264697066735822122034d0291a054e3635897a32d20a287a5fb62769624b933318e6b5b05e1c61234464736f6c634300081c0033",
}

// CheckpointManagerABI is the input ABI used to generate the binding from.
// Deprecated: Use CheckpointManagerMetaData.ABI instead.
var CheckpointManagerABI = CheckpointManagerMetaData.ABI

// CheckpointManagerBin is the compiled bytecode used for deploying new contracts.
// Deprecated: Use CheckpointManagerMetaData.Bin instead.
var CheckpointManagerBin = CheckpointManagerMetaData.Bin

// DeployCheckpointManager deploys a new Ethereum contract, binding an instance of CheckpointManager to it.
func DeployCheckpointManager(auth *bind.TransactOpts, backend bind.ContractBackend) (common.Address, *types.Transaction, *CheckpointManager, error) {
	parsed, err := CheckpointManagerMetaData.GetAbi()
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	if parsed == nil {
		return common.Address{}, nil, nil, errors.New("GetABI returned nil")
	}

	address, tx, contract, err := bind.DeployContract(auth, *parsed, common.FromHex(CheckpointManagerBin), backend)
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	return address, tx, &CheckpointManager{CheckpointManagerCaller: CheckpointManagerCaller{contract: contract}, CheckpointManagerTransactor: CheckpointManagerTransactor{contract: contract}, CheckpointManagerFilterer: CheckpointManagerFilterer{contract: contract}}, nil
}

// CheckpointManager is an auto generated Go binding around an Ethereum contract.
type CheckpointManager struct {
	CheckpointManagerCaller     // Read-only binding to the contract
	CheckpointManagerTransactor // Write-only binding to the contract
	CheckpointManagerFilterer   // Log filterer for contract events
}

// CheckpointManagerCaller is an auto generated read-only Go binding around an Ethereum contract.
type CheckpointManagerCaller struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// CheckpointManagerTransactor is an auto generated write-only Go binding around an Ethereum contract.
type CheckpointManagerTransactor struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// CheckpointManagerFilterer is an auto generated log filtering Go binding around an Ethereum contract events.
type CheckpointManagerFilterer struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// CheckpointManagerSession is an auto generated Go binding around an Ethereum contract,
// with pre-set call and transact options.
type CheckpointManagerSession struct {
	Contract     *CheckpointManager // Generic contract binding to set the session for
	CallOpts     bind.CallOpts      // Call options to use throughout this session
	TransactOpts bind.TransactOpts  // Transaction auth options to use throughout this session
}

// CheckpointManagerCallerSession is an auto generated read-only Go binding around an Ethereum contract,
// with pre-set call options.
type CheckpointManagerCallerSession struct {
	Contract *CheckpointManagerCaller // Generic contract caller binding to set the session for
	CallOpts bind.CallOpts            // Call options to use throughout this session
}

// CheckpointManagerTransactorSession is an auto generated write-only Go binding around an Ethereum contract,
// with pre-set transact options.
type CheckpointManagerTransactorSession struct {
	Contract     *CheckpointManagerTransactor // Generic contract transactor binding to set the session for
	TransactOpts bind.TransactOpts            // Transaction auth options to use throughout this session
}

// CheckpointManagerRaw is an auto generated low-level Go binding around an Ethereum contract.
type CheckpointManagerRaw struct {
	Contract *CheckpointManager // Generic contract binding to access the raw methods on
}

// CheckpointManagerCallerRaw is an auto generated low-level read-only Go binding around an Ethereum contract.
type CheckpointManagerCallerRaw struct {
	Contract *CheckpointManagerCaller // Generic read-only contract binding to access the raw methods on
}

// CheckpointManagerTransactorRaw is an auto generated low-level write-only Go binding around an Ethereum contract.
type CheckpointManagerTransactorRaw struct {
	Contract *CheckpointManagerTransactor // Generic write-only contract binding to access the raw methods on
}

// NewCheckpointManager creates a new instance of CheckpointManager, bound to a specific deployed contract.
func NewCheckpointManager(address common.Address, backend bind.ContractBackend) (*CheckpointManager, error) {
	contract, err := bindCheckpointManager(address, backend, backend, backend)
	if err != nil {
		return nil, err
	}
	return &CheckpointManager{CheckpointManagerCaller: CheckpointManagerCaller{contract: contract}, CheckpointManagerTransactor: CheckpointManagerTransactor{contract: contract}, CheckpointManagerFilterer: CheckpointManagerFilterer{contract: contract}}, nil
}

// NewCheckpointManagerCaller creates a new read-only instance of CheckpointManager, bound to a specific deployed contract.
func NewCheckpointManagerCaller(address common.Address, caller bind.ContractCaller) (*CheckpointManagerCaller, error) {
	contract, err := bindCheckpointManager(address, caller, nil, nil)
	if err != nil {
		return nil, err
	}
	return &CheckpointManagerCaller{contract: contract}, nil
}

// NewCheckpointManagerTransactor creates a new write-only instance of CheckpointManager, bound to a specific deployed contract.
func NewCheckpointManagerTransactor(address common.Address, transactor bind.ContractTransactor) (*CheckpointManagerTransactor, error) {
	contract, err := bindCheckpointManager(address, nil, transactor, nil)
	if err != nil {
		return nil, err
	}
	return &CheckpointManagerTransactor{contract: contract}, nil
}

// NewCheckpointManagerFilterer creates a new log filterer instance of CheckpointManager, bound to a specific deployed contract.
func NewCheckpointManagerFilterer(address common.Address, filterer bind.ContractFilterer) (*CheckpointManagerFilterer, error) {
	contract, err := bindCheckpointManager(address, nil, nil, filterer)
	if err != nil {
		return nil, err
	}
	return &CheckpointManagerFilterer{contract: contract}, nil
}

// bindCheckpointManager binds a generic wrapper to an already deployed contract.
func bindCheckpointManager(address common.Address, caller bind.ContractCaller, transactor bind.ContractTransactor, filterer bind.ContractFilterer) (*bind.BoundContract, error) {
	parsed, err := CheckpointManagerMetaData.GetAbi()
	if err != nil {
		return nil, err
	}
	return bind.NewBoundContract(address, *parsed, caller, transactor, filterer), nil
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_CheckpointManager *CheckpointManagerRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _CheckpointManager.Contract.CheckpointManagerCaller.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_CheckpointManager *CheckpointManagerRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _CheckpointManager.Contract.CheckpointManagerTransactor.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_CheckpointManager *CheckpointManagerRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _CheckpointManager.Contract.CheckpointManagerTransactor.contract.Transact(opts, method, params...)
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_CheckpointManager *CheckpointManagerCallerRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _CheckpointManager.Contract.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_CheckpointManager *CheckpointManagerTransactorRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _CheckpointManager.Contract.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_CheckpointManager *CheckpointManagerTransactorRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _CheckpointManager.Contract.contract.Transact(opts, method, params...)
}

// ATTESTATIONTYPEHASH is a free data retrieval call binding the contract method 0x07090c1f.
//
// Solidity: function ATTESTATION_TYPEHASH() view returns(bytes32)
func (_CheckpointManager *CheckpointManagerCaller) ATTESTATIONTYPEHASH(opts *bind.CallOpts) ([32]byte, error) {
	var out []interface{}
	err := _CheckpointManager.contract.Call(opts, &out, "ATTESTATION_TYPEHASH")

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// ATTESTATIONTYPEHASH is a free data retrieval call binding the contract method 0x07090c1f.
//
// Solidity: function ATTESTATION_TYPEHASH() view returns(bytes32)
func (_CheckpointManager *CheckpointManagerSession) ATTESTATIONTYPEHASH() ([32]byte, error) {
	return _CheckpointManager.Contract.ATTESTATIONTYPEHASH(&_CheckpointManager.CallOpts)
}

// ATTESTATIONTYPEHASH is a free data retrieval call binding the contract method 0x07090c1f.
//
// Solidity: function ATTESTATION_TYPEHASH() view returns(bytes32)
func (_CheckpointManager *CheckpointManagerCallerSession) ATTESTATIONTYPEHASH() ([32]byte, error) {
	return _CheckpointManager.Contract.ATTESTATIONTYPEHASH(&_CheckpointManager.CallOpts)
}

// AttestationDigest is a free data retrieval call binding the contract method 0xa61e238e.
//
// Solidity: function attestationDigest(uint256 sidechainId, uint64 number, bytes32 blockHash) view returns(bytes32)
func (_CheckpointManager *CheckpointManagerCaller) AttestationDigest(opts *bind.CallOpts, sidechainId *big.Int, number uint64, blockHash [32]byte) ([32]byte, error) {
	var out []interface{}
	err := _CheckpointManager.contract.Call(opts, &out, "attestationDigest", sidechainId, number, blockHash)

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// AttestationDigest is a free data retrieval call binding the contract method 0xa61e238e.
//
// Solidity: function attestationDigest(uint256 sidechainId, uint64 number, bytes32 blockHash) view returns(bytes32)
func (_CheckpointManager *CheckpointManagerSession) AttestationDigest(sidechainId *big.Int, number uint64, blockHash [32]byte) ([32]byte, error) {
	return _CheckpointManager.Contract.AttestationDigest(&_CheckpointManager.CallOpts, sidechainId, number, blockHash)
}

// AttestationDigest is a free data retrieval call binding the contract method 0xa61e238e.
//
// Solidity: function attestationDigest(uint256 sidechainId, uint64 number, bytes32 blockHash) view returns(bytes32)
func (_CheckpointManager *CheckpointManagerCallerSession) AttestationDigest(sidechainId *big.Int, number uint64, blockHash [32]byte) ([32]byte, error) {
	return _CheckpointManager.Contract.AttestationDigest(&_CheckpointManager.CallOpts, sidechainId, number, blockHash)
}

// CheckQuorum is a free data retrieval call binding the contract method 0xa9126b1c.
//
// Solidity: function checkQuorum(uint256 sidechainId, uint64 number, bytes32 blockHash, bytes[] sigs) view returns()
func (_CheckpointManager *CheckpointManagerCaller) CheckQuorum(opts *bind.CallOpts, sidechainId *big.Int, number uint64, blockHash [32]byte, sigs [][]byte) error {
	var out []interface{}
	err := _CheckpointManager.contract.Call(opts, &out, "checkQuorum", sidechainId, number, blockHash, sigs)

	if err != nil {
		return err
	}

	return err

}

// CheckQuorum is a free data retrieval call binding the contract method 0xa9126b1c.
//
// Solidity: function checkQuorum(uint256 sidechainId, uint64 number, bytes32 blockHash, bytes[] sigs) view returns()
func (_CheckpointManager *CheckpointManagerSession) CheckQuorum(sidechainId *big.Int, number uint64, blockHash [32]byte, sigs [][]byte) error {
	return _CheckpointManager.Contract.CheckQuorum(&_CheckpointManager.CallOpts, sidechainId, number, blockHash, sigs)
}

// CheckQuorum is a free data retrieval call binding the contract method 0xa9126b1c.
//
// Solidity: function checkQuorum(uint256 sidechainId, uint64 number, bytes32 blockHash, bytes[] sigs) view returns()
func (_CheckpointManager *CheckpointManagerCallerSession) CheckQuorum(sidechainId *big.Int, number uint64, blockHash [32]byte, sigs [][]byte) error {
	return _CheckpointManager.Contract.CheckQuorum(&_CheckpointManager.CallOpts, sidechainId, number, blockHash, sigs)
}

// CheckpointCount is a free data retrieval call binding the contract method 0x1f618cd2.
//
// Solidity: function checkpointCount() view returns(uint256)
func (_CheckpointManager *CheckpointManagerCaller) CheckpointCount(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _CheckpointManager.contract.Call(opts, &out, "checkpointCount")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// CheckpointCount is a free data retrieval call binding the contract method 0x1f618cd2.
//
// Solidity: function checkpointCount() view returns(uint256)
func (_CheckpointManager *CheckpointManagerSession) CheckpointCount() (*big.Int, error) {
	return _CheckpointManager.Contract.CheckpointCount(&_CheckpointManager.CallOpts)
}

// CheckpointCount is a free data retrieval call binding the contract method 0x1f618cd2.
//
// Solidity: function checkpointCount() view returns(uint256)
func (_CheckpointManager *CheckpointManagerCallerSession) CheckpointCount() (*big.Int, error) {
	return _CheckpointManager.Contract.CheckpointCount(&_CheckpointManager.CallOpts)
}

// DecodeHeader is a free data retrieval call binding the contract method 0x64daf9d6.
//
// Solidity: function decodeHeader(bytes rlp) pure returns(bytes32 stateRoot, uint64 number)
func (_CheckpointManager *CheckpointManagerCaller) DecodeHeader(opts *bind.CallOpts, rlp []byte) (struct {
	StateRoot [32]byte
	Number    uint64
}, error) {
	var out []interface{}
	err := _CheckpointManager.contract.Call(opts, &out, "decodeHeader", rlp)

	outstruct := new(struct {
		StateRoot [32]byte
		Number    uint64
	})
	if err != nil {
		return *outstruct, err
	}

	outstruct.StateRoot = *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	outstruct.Number = *abi.ConvertType(out[1], new(uint64)).(*uint64)

	return *outstruct, err

}

// DecodeHeader is a free data retrieval call binding the contract method 0x64daf9d6.
//
// Solidity: function decodeHeader(bytes rlp) pure returns(bytes32 stateRoot, uint64 number)
func (_CheckpointManager *CheckpointManagerSession) DecodeHeader(rlp []byte) (struct {
	StateRoot [32]byte
	Number    uint64
}, error) {
	return _CheckpointManager.Contract.DecodeHeader(&_CheckpointManager.CallOpts, rlp)
}

// DecodeHeader is a free data retrieval call binding the contract method 0x64daf9d6.
//
// Solidity: function decodeHeader(bytes rlp) pure returns(bytes32 stateRoot, uint64 number)
func (_CheckpointManager *CheckpointManagerCallerSession) DecodeHeader(rlp []byte) (struct {
	StateRoot [32]byte
	Number    uint64
}, error) {
	return _CheckpointManager.Contract.DecodeHeader(&_CheckpointManager.CallOpts, rlp)
}

// DomainSeparator is a free data retrieval call binding the contract method 0xf698da25.
//
// Solidity: function domainSeparator() view returns(bytes32)
func (_CheckpointManager *CheckpointManagerCaller) DomainSeparator(opts *bind.CallOpts) ([32]byte, error) {
	var out []interface{}
	err := _CheckpointManager.contract.Call(opts, &out, "domainSeparator")

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// DomainSeparator is a free data retrieval call binding the contract method 0xf698da25.
//
// Solidity: function domainSeparator() view returns(bytes32)
func (_CheckpointManager *CheckpointManagerSession) DomainSeparator() ([32]byte, error) {
	return _CheckpointManager.Contract.DomainSeparator(&_CheckpointManager.CallOpts)
}

// DomainSeparator is a free data retrieval call binding the contract method 0xf698da25.
//
// Solidity: function domainSeparator() view returns(bytes32)
func (_CheckpointManager *CheckpointManagerCallerSession) DomainSeparator() ([32]byte, error) {
	return _CheckpointManager.Contract.DomainSeparator(&_CheckpointManager.CallOpts)
}

// GetCheckpoint is a free data retrieval call binding the contract method 0x20fc4881.
//
// Solidity: function getCheckpoint(uint256 checkpointId) view returns((uint256,address,uint64,uint64,uint8,bool,bytes32,bytes32,uint256,address,uint64))
func (_CheckpointManager *CheckpointManagerCaller) GetCheckpoint(opts *bind.CallOpts, checkpointId *big.Int) (CheckpointManagerCheckpoint, error) {
	var out []interface{}
	err := _CheckpointManager.contract.Call(opts, &out, "getCheckpoint", checkpointId)

	if err != nil {
		return *new(CheckpointManagerCheckpoint), err
	}

	out0 := *abi.ConvertType(out[0], new(CheckpointManagerCheckpoint)).(*CheckpointManagerCheckpoint)

	return out0, err

}

// GetCheckpoint is a free data retrieval call binding the contract method 0x20fc4881.
//
// Solidity: function getCheckpoint(uint256 checkpointId) view returns((uint256,address,uint64,uint64,uint8,bool,bytes32,bytes32,uint256,address,uint64))
func (_CheckpointManager *CheckpointManagerSession) GetCheckpoint(checkpointId *big.Int) (CheckpointManagerCheckpoint, error) {
	return _CheckpointManager.Contract.GetCheckpoint(&_CheckpointManager.CallOpts, checkpointId)
}

// GetCheckpoint is a free data retrieval call binding the contract method 0x20fc4881.
//
// Solidity: function getCheckpoint(uint256 checkpointId) view returns((uint256,address,uint64,uint64,uint8,bool,bytes32,bytes32,uint256,address,uint64))
func (_CheckpointManager *CheckpointManagerCallerSession) GetCheckpoint(checkpointId *big.Int) (CheckpointManagerCheckpoint, error) {
	return _CheckpointManager.Contract.GetCheckpoint(&_CheckpointManager.CallOpts, checkpointId)
}

// GetSidechain is a free data retrieval call binding the contract method 0x93084086.
//
// Solidity: function getSidechain(uint256 sidechainId) view returns((uint64,uint64,uint64,uint64,uint256))
func (_CheckpointManager *CheckpointManagerCaller) GetSidechain(opts *bind.CallOpts, sidechainId *big.Int) (CheckpointManagerSidechain, error) {
	var out []interface{}
	err := _CheckpointManager.contract.Call(opts, &out, "getSidechain", sidechainId)

	if err != nil {
		return *new(CheckpointManagerSidechain), err
	}

	out0 := *abi.ConvertType(out[0], new(CheckpointManagerSidechain)).(*CheckpointManagerSidechain)

	return out0, err

}

// GetSidechain is a free data retrieval call binding the contract method 0x93084086.
//
// Solidity: function getSidechain(uint256 sidechainId) view returns((uint64,uint64,uint64,uint64,uint256))
func (_CheckpointManager *CheckpointManagerSession) GetSidechain(sidechainId *big.Int) (CheckpointManagerSidechain, error) {
	return _CheckpointManager.Contract.GetSidechain(&_CheckpointManager.CallOpts, sidechainId)
}

// GetSidechain is a free data retrieval call binding the contract method 0x93084086.
//
// Solidity: function getSidechain(uint256 sidechainId) view returns((uint64,uint64,uint64,uint64,uint256))
func (_CheckpointManager *CheckpointManagerCallerSession) GetSidechain(sidechainId *big.Int) (CheckpointManagerSidechain, error) {
	return _CheckpointManager.Contract.GetSidechain(&_CheckpointManager.CallOpts, sidechainId)
}

// GetValidators is a free data retrieval call binding the contract method 0x471f40fb.
//
// Solidity: function getValidators(uint256 sidechainId) view returns(address[])
func (_CheckpointManager *CheckpointManagerCaller) GetValidators(opts *bind.CallOpts, sidechainId *big.Int) ([]common.Address, error) {
	var out []interface{}
	err := _CheckpointManager.contract.Call(opts, &out, "getValidators", sidechainId)

	if err != nil {
		return *new([]common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new([]common.Address)).(*[]common.Address)

	return out0, err

}

// GetValidators is a free data retrieval call binding the contract method 0x471f40fb.
//
// Solidity: function getValidators(uint256 sidechainId) view returns(address[])
func (_CheckpointManager *CheckpointManagerSession) GetValidators(sidechainId *big.Int) ([]common.Address, error) {
	return _CheckpointManager.Contract.GetValidators(&_CheckpointManager.CallOpts, sidechainId)
}

// GetValidators is a free data retrieval call binding the contract method 0x471f40fb.
//
// Solidity: function getValidators(uint256 sidechainId) view returns(address[])
func (_CheckpointManager *CheckpointManagerCallerSession) GetValidators(sidechainId *big.Int) ([]common.Address, error) {
	return _CheckpointManager.Contract.GetValidators(&_CheckpointManager.CallOpts, sidechainId)
}

// IsValidator is a free data retrieval call binding the contract method 0x23f2a73f.
//
// Solidity: function isValidator(uint256 , address ) view returns(bool)
func (_CheckpointManager *CheckpointManagerCaller) IsValidator(opts *bind.CallOpts, arg0 *big.Int, arg1 common.Address) (bool, error) {
	var out []interface{}
	err := _CheckpointManager.contract.Call(opts, &out, "isValidator", arg0, arg1)

	if err != nil {
		return *new(bool), err
	}

	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)

	return out0, err

}

// IsValidator is a free data retrieval call binding the contract method 0x23f2a73f.
//
// Solidity: function isValidator(uint256 , address ) view returns(bool)
func (_CheckpointManager *CheckpointManagerSession) IsValidator(arg0 *big.Int, arg1 common.Address) (bool, error) {
	return _CheckpointManager.Contract.IsValidator(&_CheckpointManager.CallOpts, arg0, arg1)
}

// IsValidator is a free data retrieval call binding the contract method 0x23f2a73f.
//
// Solidity: function isValidator(uint256 , address ) view returns(bool)
func (_CheckpointManager *CheckpointManagerCallerSession) IsValidator(arg0 *big.Int, arg1 common.Address) (bool, error) {
	return _CheckpointManager.Contract.IsValidator(&_CheckpointManager.CallOpts, arg0, arg1)
}

// LatestFinal is a free data retrieval call binding the contract method 0xf1105f7e.
//
// Solidity: function latestFinal(uint256 ) view returns(uint64)
func (_CheckpointManager *CheckpointManagerCaller) LatestFinal(opts *bind.CallOpts, arg0 *big.Int) (uint64, error) {
	var out []interface{}
	err := _CheckpointManager.contract.Call(opts, &out, "latestFinal", arg0)

	if err != nil {
		return *new(uint64), err
	}

	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)

	return out0, err

}

// LatestFinal is a free data retrieval call binding the contract method 0xf1105f7e.
//
// Solidity: function latestFinal(uint256 ) view returns(uint64)
func (_CheckpointManager *CheckpointManagerSession) LatestFinal(arg0 *big.Int) (uint64, error) {
	return _CheckpointManager.Contract.LatestFinal(&_CheckpointManager.CallOpts, arg0)
}

// LatestFinal is a free data retrieval call binding the contract method 0xf1105f7e.
//
// Solidity: function latestFinal(uint256 ) view returns(uint64)
func (_CheckpointManager *CheckpointManagerCallerSession) LatestFinal(arg0 *big.Int) (uint64, error) {
	return _CheckpointManager.Contract.LatestFinal(&_CheckpointManager.CallOpts, arg0)
}

// Owner is a free data retrieval call binding the contract method 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (_CheckpointManager *CheckpointManagerCaller) Owner(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _CheckpointManager.contract.Call(opts, &out, "owner")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// Owner is a free data retrieval call binding the contract method 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (_CheckpointManager *CheckpointManagerSession) Owner() (common.Address, error) {
	return _CheckpointManager.Contract.Owner(&_CheckpointManager.CallOpts)
}

// Owner is a free data retrieval call binding the contract method 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (_CheckpointManager *CheckpointManagerCallerSession) Owner() (common.Address, error) {
	return _CheckpointManager.Contract.Owner(&_CheckpointManager.CallOpts)
}

// Withdrawable is a free data retrieval call binding the contract method 0xce513b6f.
//
// Solidity: function withdrawable(address ) view returns(uint256)
func (_CheckpointManager *CheckpointManagerCaller) Withdrawable(opts *bind.CallOpts, arg0 common.Address) (*big.Int, error) {
	var out []interface{}
	err := _CheckpointManager.contract.Call(opts, &out, "withdrawable", arg0)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// Withdrawable is a free data retrieval call binding the contract method 0xce513b6f.
//
// Solidity: function withdrawable(address ) view returns(uint256)
func (_CheckpointManager *CheckpointManagerSession) Withdrawable(arg0 common.Address) (*big.Int, error) {
	return _CheckpointManager.Contract.Withdrawable(&_CheckpointManager.CallOpts, arg0)
}

// Withdrawable is a free data retrieval call binding the contract method 0xce513b6f.
//
// Solidity: function withdrawable(address ) view returns(uint256)
func (_CheckpointManager *CheckpointManagerCallerSession) Withdrawable(arg0 common.Address) (*big.Int, error) {
	return _CheckpointManager.Contract.Withdrawable(&_CheckpointManager.CallOpts, arg0)
}

// Challenge is a paid mutator transaction binding the contract method 0xa183d351.
//
// Solidity: function challenge(uint256 checkpointId, bytes headerRLP, bytes[] sigs) returns()
func (_CheckpointManager *CheckpointManagerTransactor) Challenge(opts *bind.TransactOpts, checkpointId *big.Int, headerRLP []byte, sigs [][]byte) (*types.Transaction, error) {
	return _CheckpointManager.contract.Transact(opts, "challenge", checkpointId, headerRLP, sigs)
}

// Challenge is a paid mutator transaction binding the contract method 0xa183d351.
//
// Solidity: function challenge(uint256 checkpointId, bytes headerRLP, bytes[] sigs) returns()
func (_CheckpointManager *CheckpointManagerSession) Challenge(checkpointId *big.Int, headerRLP []byte, sigs [][]byte) (*types.Transaction, error) {
	return _CheckpointManager.Contract.Challenge(&_CheckpointManager.TransactOpts, checkpointId, headerRLP, sigs)
}

// Challenge is a paid mutator transaction binding the contract method 0xa183d351.
//
// Solidity: function challenge(uint256 checkpointId, bytes headerRLP, bytes[] sigs) returns()
func (_CheckpointManager *CheckpointManagerTransactorSession) Challenge(checkpointId *big.Int, headerRLP []byte, sigs [][]byte) (*types.Transaction, error) {
	return _CheckpointManager.Contract.Challenge(&_CheckpointManager.TransactOpts, checkpointId, headerRLP, sigs)
}

// Finalize is a paid mutator transaction binding the contract method 0x05261aea.
//
// Solidity: function finalize(uint256 checkpointId) returns()
func (_CheckpointManager *CheckpointManagerTransactor) Finalize(opts *bind.TransactOpts, checkpointId *big.Int) (*types.Transaction, error) {
	return _CheckpointManager.contract.Transact(opts, "finalize", checkpointId)
}

// Finalize is a paid mutator transaction binding the contract method 0x05261aea.
//
// Solidity: function finalize(uint256 checkpointId) returns()
func (_CheckpointManager *CheckpointManagerSession) Finalize(checkpointId *big.Int) (*types.Transaction, error) {
	return _CheckpointManager.Contract.Finalize(&_CheckpointManager.TransactOpts, checkpointId)
}

// Finalize is a paid mutator transaction binding the contract method 0x05261aea.
//
// Solidity: function finalize(uint256 checkpointId) returns()
func (_CheckpointManager *CheckpointManagerTransactorSession) Finalize(checkpointId *big.Int) (*types.Transaction, error) {
	return _CheckpointManager.Contract.Finalize(&_CheckpointManager.TransactOpts, checkpointId)
}

// ProveCheckpoint is a paid mutator transaction binding the contract method 0x5de587ef.
//
// Solidity: function proveCheckpoint(uint256 checkpointId, bytes headerRLP, bytes[] sigs) returns()
func (_CheckpointManager *CheckpointManagerTransactor) ProveCheckpoint(opts *bind.TransactOpts, checkpointId *big.Int, headerRLP []byte, sigs [][]byte) (*types.Transaction, error) {
	return _CheckpointManager.contract.Transact(opts, "proveCheckpoint", checkpointId, headerRLP, sigs)
}

// ProveCheckpoint is a paid mutator transaction binding the contract method 0x5de587ef.
//
// Solidity: function proveCheckpoint(uint256 checkpointId, bytes headerRLP, bytes[] sigs) returns()
func (_CheckpointManager *CheckpointManagerSession) ProveCheckpoint(checkpointId *big.Int, headerRLP []byte, sigs [][]byte) (*types.Transaction, error) {
	return _CheckpointManager.Contract.ProveCheckpoint(&_CheckpointManager.TransactOpts, checkpointId, headerRLP, sigs)
}

// ProveCheckpoint is a paid mutator transaction binding the contract method 0x5de587ef.
//
// Solidity: function proveCheckpoint(uint256 checkpointId, bytes headerRLP, bytes[] sigs) returns()
func (_CheckpointManager *CheckpointManagerTransactorSession) ProveCheckpoint(checkpointId *big.Int, headerRLP []byte, sigs [][]byte) (*types.Transaction, error) {
	return _CheckpointManager.Contract.ProveCheckpoint(&_CheckpointManager.TransactOpts, checkpointId, headerRLP, sigs)
}

// RegisterSidechain is a paid mutator transaction binding the contract method 0x1c68993b.
//
// Solidity: function registerSidechain(uint256 sidechainId, address[] validators, uint64 threshold, uint64 challengePeriod, uint64 responseWindow, uint256 minBond) returns()
func (_CheckpointManager *CheckpointManagerTransactor) RegisterSidechain(opts *bind.TransactOpts, sidechainId *big.Int, validators []common.Address, threshold uint64, challengePeriod uint64, responseWindow uint64, minBond *big.Int) (*types.Transaction, error) {
	return _CheckpointManager.contract.Transact(opts, "registerSidechain", sidechainId, validators, threshold, challengePeriod, responseWindow, minBond)
}

// RegisterSidechain is a paid mutator transaction binding the contract method 0x1c68993b.
//
// Solidity: function registerSidechain(uint256 sidechainId, address[] validators, uint64 threshold, uint64 challengePeriod, uint64 responseWindow, uint256 minBond) returns()
func (_CheckpointManager *CheckpointManagerSession) RegisterSidechain(sidechainId *big.Int, validators []common.Address, threshold uint64, challengePeriod uint64, responseWindow uint64, minBond *big.Int) (*types.Transaction, error) {
	return _CheckpointManager.Contract.RegisterSidechain(&_CheckpointManager.TransactOpts, sidechainId, validators, threshold, challengePeriod, responseWindow, minBond)
}

// RegisterSidechain is a paid mutator transaction binding the contract method 0x1c68993b.
//
// Solidity: function registerSidechain(uint256 sidechainId, address[] validators, uint64 threshold, uint64 challengePeriod, uint64 responseWindow, uint256 minBond) returns()
func (_CheckpointManager *CheckpointManagerTransactorSession) RegisterSidechain(sidechainId *big.Int, validators []common.Address, threshold uint64, challengePeriod uint64, responseWindow uint64, minBond *big.Int) (*types.Transaction, error) {
	return _CheckpointManager.Contract.RegisterSidechain(&_CheckpointManager.TransactOpts, sidechainId, validators, threshold, challengePeriod, responseWindow, minBond)
}

// RequestProof is a paid mutator transaction binding the contract method 0x091e419e.
//
// Solidity: function requestProof(uint256 checkpointId) returns()
func (_CheckpointManager *CheckpointManagerTransactor) RequestProof(opts *bind.TransactOpts, checkpointId *big.Int) (*types.Transaction, error) {
	return _CheckpointManager.contract.Transact(opts, "requestProof", checkpointId)
}

// RequestProof is a paid mutator transaction binding the contract method 0x091e419e.
//
// Solidity: function requestProof(uint256 checkpointId) returns()
func (_CheckpointManager *CheckpointManagerSession) RequestProof(checkpointId *big.Int) (*types.Transaction, error) {
	return _CheckpointManager.Contract.RequestProof(&_CheckpointManager.TransactOpts, checkpointId)
}

// RequestProof is a paid mutator transaction binding the contract method 0x091e419e.
//
// Solidity: function requestProof(uint256 checkpointId) returns()
func (_CheckpointManager *CheckpointManagerTransactorSession) RequestProof(checkpointId *big.Int) (*types.Transaction, error) {
	return _CheckpointManager.Contract.RequestProof(&_CheckpointManager.TransactOpts, checkpointId)
}

// SubmitCheckpoint is a paid mutator transaction binding the contract method 0xe3c01797.
//
// Solidity: function submitCheckpoint(uint256 sidechainId, uint64 number, bytes32 blockHash, bytes32 stateRoot) payable returns(uint256 checkpointId)
func (_CheckpointManager *CheckpointManagerTransactor) SubmitCheckpoint(opts *bind.TransactOpts, sidechainId *big.Int, number uint64, blockHash [32]byte, stateRoot [32]byte) (*types.Transaction, error) {
	return _CheckpointManager.contract.Transact(opts, "submitCheckpoint", sidechainId, number, blockHash, stateRoot)
}

// SubmitCheckpoint is a paid mutator transaction binding the contract method 0xe3c01797.
//
// Solidity: function submitCheckpoint(uint256 sidechainId, uint64 number, bytes32 blockHash, bytes32 stateRoot) payable returns(uint256 checkpointId)
func (_CheckpointManager *CheckpointManagerSession) SubmitCheckpoint(sidechainId *big.Int, number uint64, blockHash [32]byte, stateRoot [32]byte) (*types.Transaction, error) {
	return _CheckpointManager.Contract.SubmitCheckpoint(&_CheckpointManager.TransactOpts, sidechainId, number, blockHash, stateRoot)
}

// SubmitCheckpoint is a paid mutator transaction binding the contract method 0xe3c01797.
//
// Solidity: function submitCheckpoint(uint256 sidechainId, uint64 number, bytes32 blockHash, bytes32 stateRoot) payable returns(uint256 checkpointId)
func (_CheckpointManager *CheckpointManagerTransactorSession) SubmitCheckpoint(sidechainId *big.Int, number uint64, blockHash [32]byte, stateRoot [32]byte) (*types.Transaction, error) {
	return _CheckpointManager.Contract.SubmitCheckpoint(&_CheckpointManager.TransactOpts, sidechainId, number, blockHash, stateRoot)
}

// SubmitProvenCheckpoint is a paid mutator transaction binding the contract method 0x0f2770bd.
//
// Solidity: function submitProvenCheckpoint(uint256 sidechainId, bytes headerRLP, bytes[] sigs) payable returns(uint256 checkpointId)
func (_CheckpointManager *CheckpointManagerTransactor) SubmitProvenCheckpoint(opts *bind.TransactOpts, sidechainId *big.Int, headerRLP []byte, sigs [][]byte) (*types.Transaction, error) {
	return _CheckpointManager.contract.Transact(opts, "submitProvenCheckpoint", sidechainId, headerRLP, sigs)
}

// SubmitProvenCheckpoint is a paid mutator transaction binding the contract method 0x0f2770bd.
//
// Solidity: function submitProvenCheckpoint(uint256 sidechainId, bytes headerRLP, bytes[] sigs) payable returns(uint256 checkpointId)
func (_CheckpointManager *CheckpointManagerSession) SubmitProvenCheckpoint(sidechainId *big.Int, headerRLP []byte, sigs [][]byte) (*types.Transaction, error) {
	return _CheckpointManager.Contract.SubmitProvenCheckpoint(&_CheckpointManager.TransactOpts, sidechainId, headerRLP, sigs)
}

// SubmitProvenCheckpoint is a paid mutator transaction binding the contract method 0x0f2770bd.
//
// Solidity: function submitProvenCheckpoint(uint256 sidechainId, bytes headerRLP, bytes[] sigs) payable returns(uint256 checkpointId)
func (_CheckpointManager *CheckpointManagerTransactorSession) SubmitProvenCheckpoint(sidechainId *big.Int, headerRLP []byte, sigs [][]byte) (*types.Transaction, error) {
	return _CheckpointManager.Contract.SubmitProvenCheckpoint(&_CheckpointManager.TransactOpts, sidechainId, headerRLP, sigs)
}

// Withdraw is a paid mutator transaction binding the contract method 0x3ccfd60b.
//
// Solidity: function withdraw() returns()
func (_CheckpointManager *CheckpointManagerTransactor) Withdraw(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _CheckpointManager.contract.Transact(opts, "withdraw")
}

// Withdraw is a paid mutator transaction binding the contract method 0x3ccfd60b.
//
// Solidity: function withdraw() returns()
func (_CheckpointManager *CheckpointManagerSession) Withdraw() (*types.Transaction, error) {
	return _CheckpointManager.Contract.Withdraw(&_CheckpointManager.TransactOpts)
}

// Withdraw is a paid mutator transaction binding the contract method 0x3ccfd60b.
//
// Solidity: function withdraw() returns()
func (_CheckpointManager *CheckpointManagerTransactorSession) Withdraw() (*types.Transaction, error) {
	return _CheckpointManager.Contract.Withdraw(&_CheckpointManager.TransactOpts)
}

// CheckpointManagerCheckpointCancelledIterator is returned from FilterCheckpointCancelled and is used to iterate over the raw logs and unpacked data for CheckpointCancelled events raised by the CheckpointManager contract.
type CheckpointManagerCheckpointCancelledIterator struct {
	Event *CheckpointManagerCheckpointCancelled // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *CheckpointManagerCheckpointCancelledIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(CheckpointManagerCheckpointCancelled)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(CheckpointManagerCheckpointCancelled)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *CheckpointManagerCheckpointCancelledIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *CheckpointManagerCheckpointCancelledIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// CheckpointManagerCheckpointCancelled represents a CheckpointCancelled event raised by the CheckpointManager contract.
type CheckpointManagerCheckpointCancelled struct {
	CheckpointId *big.Int
	Beneficiary  common.Address
	Bond         *big.Int
	Raw          types.Log // Blockchain specific contextual infos
}

// FilterCheckpointCancelled is a free log retrieval operation binding the contract event 0x86fa46a02c683298a6258751e71aa1e0fa5d7be97a07bab3082c104d55013f8c.
//
// Solidity: event CheckpointCancelled(uint256 indexed checkpointId, address indexed beneficiary, uint256 bond)
func (_CheckpointManager *CheckpointManagerFilterer) FilterCheckpointCancelled(opts *bind.FilterOpts, checkpointId []*big.Int, beneficiary []common.Address) (*CheckpointManagerCheckpointCancelledIterator, error) {

	var checkpointIdRule []interface{}
	for _, checkpointIdItem := range checkpointId {
		checkpointIdRule = append(checkpointIdRule, checkpointIdItem)
	}
	var beneficiaryRule []interface{}
	for _, beneficiaryItem := range beneficiary {
		beneficiaryRule = append(beneficiaryRule, beneficiaryItem)
	}

	logs, sub, err := _CheckpointManager.contract.FilterLogs(opts, "CheckpointCancelled", checkpointIdRule, beneficiaryRule)
	if err != nil {
		return nil, err
	}
	return &CheckpointManagerCheckpointCancelledIterator{contract: _CheckpointManager.contract, event: "CheckpointCancelled", logs: logs, sub: sub}, nil
}

// WatchCheckpointCancelled is a free log subscription operation binding the contract event 0x86fa46a02c683298a6258751e71aa1e0fa5d7be97a07bab3082c104d55013f8c.
//
// Solidity: event CheckpointCancelled(uint256 indexed checkpointId, address indexed beneficiary, uint256 bond)
func (_CheckpointManager *CheckpointManagerFilterer) WatchCheckpointCancelled(opts *bind.WatchOpts, sink chan<- *CheckpointManagerCheckpointCancelled, checkpointId []*big.Int, beneficiary []common.Address) (event.Subscription, error) {

	var checkpointIdRule []interface{}
	for _, checkpointIdItem := range checkpointId {
		checkpointIdRule = append(checkpointIdRule, checkpointIdItem)
	}
	var beneficiaryRule []interface{}
	for _, beneficiaryItem := range beneficiary {
		beneficiaryRule = append(beneficiaryRule, beneficiaryItem)
	}

	logs, sub, err := _CheckpointManager.contract.WatchLogs(opts, "CheckpointCancelled", checkpointIdRule, beneficiaryRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(CheckpointManagerCheckpointCancelled)
				if err := _CheckpointManager.contract.UnpackLog(event, "CheckpointCancelled", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseCheckpointCancelled is a log parse operation binding the contract event 0x86fa46a02c683298a6258751e71aa1e0fa5d7be97a07bab3082c104d55013f8c.
//
// Solidity: event CheckpointCancelled(uint256 indexed checkpointId, address indexed beneficiary, uint256 bond)
func (_CheckpointManager *CheckpointManagerFilterer) ParseCheckpointCancelled(log types.Log) (*CheckpointManagerCheckpointCancelled, error) {
	event := new(CheckpointManagerCheckpointCancelled)
	if err := _CheckpointManager.contract.UnpackLog(event, "CheckpointCancelled", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// CheckpointManagerCheckpointChallengedIterator is returned from FilterCheckpointChallenged and is used to iterate over the raw logs and unpacked data for CheckpointChallenged events raised by the CheckpointManager contract.
type CheckpointManagerCheckpointChallengedIterator struct {
	Event *CheckpointManagerCheckpointChallenged // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *CheckpointManagerCheckpointChallengedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(CheckpointManagerCheckpointChallenged)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(CheckpointManagerCheckpointChallenged)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *CheckpointManagerCheckpointChallengedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *CheckpointManagerCheckpointChallengedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// CheckpointManagerCheckpointChallenged represents a CheckpointChallenged event raised by the CheckpointManager contract.
type CheckpointManagerCheckpointChallenged struct {
	CheckpointId      *big.Int
	Challenger        common.Address
	AttestedHash      [32]byte
	AttestedStateRoot [32]byte
	Raw               types.Log // Blockchain specific contextual infos
}

// FilterCheckpointChallenged is a free log retrieval operation binding the contract event 0x3f3eae42879c23fe80821a826f75206abc9684380fb2ac26bd8c3c5821675c80.
//
// Solidity: event CheckpointChallenged(uint256 indexed checkpointId, address indexed challenger, bytes32 attestedHash, bytes32 attestedStateRoot)
func (_CheckpointManager *CheckpointManagerFilterer) FilterCheckpointChallenged(opts *bind.FilterOpts, checkpointId []*big.Int, challenger []common.Address) (*CheckpointManagerCheckpointChallengedIterator, error) {

	var checkpointIdRule []interface{}
	for _, checkpointIdItem := range checkpointId {
		checkpointIdRule = append(checkpointIdRule, checkpointIdItem)
	}
	var challengerRule []interface{}
	for _, challengerItem := range challenger {
		challengerRule = append(challengerRule, challengerItem)
	}

	logs, sub, err := _CheckpointManager.contract.FilterLogs(opts, "CheckpointChallenged", checkpointIdRule, challengerRule)
	if err != nil {
		return nil, err
	}
	return &CheckpointManagerCheckpointChallengedIterator{contract: _CheckpointManager.contract, event: "CheckpointChallenged", logs: logs, sub: sub}, nil
}

// WatchCheckpointChallenged is a free log subscription operation binding the contract event 0x3f3eae42879c23fe80821a826f75206abc9684380fb2ac26bd8c3c5821675c80.
//
// Solidity: event CheckpointChallenged(uint256 indexed checkpointId, address indexed challenger, bytes32 attestedHash, bytes32 attestedStateRoot)
func (_CheckpointManager *CheckpointManagerFilterer) WatchCheckpointChallenged(opts *bind.WatchOpts, sink chan<- *CheckpointManagerCheckpointChallenged, checkpointId []*big.Int, challenger []common.Address) (event.Subscription, error) {

	var checkpointIdRule []interface{}
	for _, checkpointIdItem := range checkpointId {
		checkpointIdRule = append(checkpointIdRule, checkpointIdItem)
	}
	var challengerRule []interface{}
	for _, challengerItem := range challenger {
		challengerRule = append(challengerRule, challengerItem)
	}

	logs, sub, err := _CheckpointManager.contract.WatchLogs(opts, "CheckpointChallenged", checkpointIdRule, challengerRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(CheckpointManagerCheckpointChallenged)
				if err := _CheckpointManager.contract.UnpackLog(event, "CheckpointChallenged", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseCheckpointChallenged is a log parse operation binding the contract event 0x3f3eae42879c23fe80821a826f75206abc9684380fb2ac26bd8c3c5821675c80.
//
// Solidity: event CheckpointChallenged(uint256 indexed checkpointId, address indexed challenger, bytes32 attestedHash, bytes32 attestedStateRoot)
func (_CheckpointManager *CheckpointManagerFilterer) ParseCheckpointChallenged(log types.Log) (*CheckpointManagerCheckpointChallenged, error) {
	event := new(CheckpointManagerCheckpointChallenged)
	if err := _CheckpointManager.contract.UnpackLog(event, "CheckpointChallenged", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// CheckpointManagerCheckpointFinalizedIterator is returned from FilterCheckpointFinalized and is used to iterate over the raw logs and unpacked data for CheckpointFinalized events raised by the CheckpointManager contract.
type CheckpointManagerCheckpointFinalizedIterator struct {
	Event *CheckpointManagerCheckpointFinalized // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *CheckpointManagerCheckpointFinalizedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(CheckpointManagerCheckpointFinalized)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(CheckpointManagerCheckpointFinalized)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *CheckpointManagerCheckpointFinalizedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *CheckpointManagerCheckpointFinalizedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// CheckpointManagerCheckpointFinalized represents a CheckpointFinalized event raised by the CheckpointManager contract.
type CheckpointManagerCheckpointFinalized struct {
	CheckpointId *big.Int
	SidechainId  *big.Int
	Number       uint64
	BlockHash    [32]byte
	StateRoot    [32]byte
	Raw          types.Log // Blockchain specific contextual infos
}

// FilterCheckpointFinalized is a free log retrieval operation binding the contract event 0xd85ae8a258cd266d3508ba015b81a9f57154deb44374825475bd04d7661dc861.
//
// Solidity: event CheckpointFinalized(uint256 indexed checkpointId, uint256 indexed sidechainId, uint64 number, bytes32 blockHash, bytes32 stateRoot)
func (_CheckpointManager *CheckpointManagerFilterer) FilterCheckpointFinalized(opts *bind.FilterOpts, checkpointId []*big.Int, sidechainId []*big.Int) (*CheckpointManagerCheckpointFinalizedIterator, error) {

	var checkpointIdRule []interface{}
	for _, checkpointIdItem := range checkpointId {
		checkpointIdRule = append(checkpointIdRule, checkpointIdItem)
	}
	var sidechainIdRule []interface{}
	for _, sidechainIdItem := range sidechainId {
		sidechainIdRule = append(sidechainIdRule, sidechainIdItem)
	}

	logs, sub, err := _CheckpointManager.contract.FilterLogs(opts, "CheckpointFinalized", checkpointIdRule, sidechainIdRule)
	if err != nil {
		return nil, err
	}
	return &CheckpointManagerCheckpointFinalizedIterator{contract: _CheckpointManager.contract, event: "CheckpointFinalized", logs: logs, sub: sub}, nil
}

// WatchCheckpointFinalized is a free log subscription operation binding the contract event 0xd85ae8a258cd266d3508ba015b81a9f57154deb44374825475bd04d7661dc861.
//
// Solidity: event CheckpointFinalized(uint256 indexed checkpointId, uint256 indexed sidechainId, uint64 number, bytes32 blockHash, bytes32 stateRoot)
func (_CheckpointManager *CheckpointManagerFilterer) WatchCheckpointFinalized(opts *bind.WatchOpts, sink chan<- *CheckpointManagerCheckpointFinalized, checkpointId []*big.Int, sidechainId []*big.Int) (event.Subscription, error) {

	var checkpointIdRule []interface{}
	for _, checkpointIdItem := range checkpointId {
		checkpointIdRule = append(checkpointIdRule, checkpointIdItem)
	}
	var sidechainIdRule []interface{}
	for _, sidechainIdItem := range sidechainId {
		sidechainIdRule = append(sidechainIdRule, sidechainIdItem)
	}

	logs, sub, err := _CheckpointManager.contract.WatchLogs(opts, "CheckpointFinalized", checkpointIdRule, sidechainIdRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(CheckpointManagerCheckpointFinalized)
				if err := _CheckpointManager.contract.UnpackLog(event, "CheckpointFinalized", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseCheckpointFinalized is a log parse operation binding the contract event 0xd85ae8a258cd266d3508ba015b81a9f57154deb44374825475bd04d7661dc861.
//
// Solidity: event CheckpointFinalized(uint256 indexed checkpointId, uint256 indexed sidechainId, uint64 number, bytes32 blockHash, bytes32 stateRoot)
func (_CheckpointManager *CheckpointManagerFilterer) ParseCheckpointFinalized(log types.Log) (*CheckpointManagerCheckpointFinalized, error) {
	event := new(CheckpointManagerCheckpointFinalized)
	if err := _CheckpointManager.contract.UnpackLog(event, "CheckpointFinalized", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// CheckpointManagerCheckpointProvenIterator is returned from FilterCheckpointProven and is used to iterate over the raw logs and unpacked data for CheckpointProven events raised by the CheckpointManager contract.
type CheckpointManagerCheckpointProvenIterator struct {
	Event *CheckpointManagerCheckpointProven // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *CheckpointManagerCheckpointProvenIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(CheckpointManagerCheckpointProven)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(CheckpointManagerCheckpointProven)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *CheckpointManagerCheckpointProvenIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *CheckpointManagerCheckpointProvenIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// CheckpointManagerCheckpointProven represents a CheckpointProven event raised by the CheckpointManager contract.
type CheckpointManagerCheckpointProven struct {
	CheckpointId *big.Int
	Prover       common.Address
	Raw          types.Log // Blockchain specific contextual infos
}

// FilterCheckpointProven is a free log retrieval operation binding the contract event 0x6de8dd0d9a6f608ccb16ec63703d39484b58d1e1e16e68b70b28667b20b75351.
//
// Solidity: event CheckpointProven(uint256 indexed checkpointId, address indexed prover)
func (_CheckpointManager *CheckpointManagerFilterer) FilterCheckpointProven(opts *bind.FilterOpts, checkpointId []*big.Int, prover []common.Address) (*CheckpointManagerCheckpointProvenIterator, error) {

	var checkpointIdRule []interface{}
	for _, checkpointIdItem := range checkpointId {
		checkpointIdRule = append(checkpointIdRule, checkpointIdItem)
	}
	var proverRule []interface{}
	for _, proverItem := range prover {
		proverRule = append(proverRule, proverItem)
	}

	logs, sub, err := _CheckpointManager.contract.FilterLogs(opts, "CheckpointProven", checkpointIdRule, proverRule)
	if err != nil {
		return nil, err
	}
	return &CheckpointManagerCheckpointProvenIterator{contract: _CheckpointManager.contract, event: "CheckpointProven", logs: logs, sub: sub}, nil
}

// WatchCheckpointProven is a free log subscription operation binding the contract event 0x6de8dd0d9a6f608ccb16ec63703d39484b58d1e1e16e68b70b28667b20b75351.
//
// Solidity: event CheckpointProven(uint256 indexed checkpointId, address indexed prover)
func (_CheckpointManager *CheckpointManagerFilterer) WatchCheckpointProven(opts *bind.WatchOpts, sink chan<- *CheckpointManagerCheckpointProven, checkpointId []*big.Int, prover []common.Address) (event.Subscription, error) {

	var checkpointIdRule []interface{}
	for _, checkpointIdItem := range checkpointId {
		checkpointIdRule = append(checkpointIdRule, checkpointIdItem)
	}
	var proverRule []interface{}
	for _, proverItem := range prover {
		proverRule = append(proverRule, proverItem)
	}

	logs, sub, err := _CheckpointManager.contract.WatchLogs(opts, "CheckpointProven", checkpointIdRule, proverRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(CheckpointManagerCheckpointProven)
				if err := _CheckpointManager.contract.UnpackLog(event, "CheckpointProven", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseCheckpointProven is a log parse operation binding the contract event 0x6de8dd0d9a6f608ccb16ec63703d39484b58d1e1e16e68b70b28667b20b75351.
//
// Solidity: event CheckpointProven(uint256 indexed checkpointId, address indexed prover)
func (_CheckpointManager *CheckpointManagerFilterer) ParseCheckpointProven(log types.Log) (*CheckpointManagerCheckpointProven, error) {
	event := new(CheckpointManagerCheckpointProven)
	if err := _CheckpointManager.contract.UnpackLog(event, "CheckpointProven", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// CheckpointManagerCheckpointSubmittedIterator is returned from FilterCheckpointSubmitted and is used to iterate over the raw logs and unpacked data for CheckpointSubmitted events raised by the CheckpointManager contract.
type CheckpointManagerCheckpointSubmittedIterator struct {
	Event *CheckpointManagerCheckpointSubmitted // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *CheckpointManagerCheckpointSubmittedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(CheckpointManagerCheckpointSubmitted)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(CheckpointManagerCheckpointSubmitted)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *CheckpointManagerCheckpointSubmittedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *CheckpointManagerCheckpointSubmittedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// CheckpointManagerCheckpointSubmitted represents a CheckpointSubmitted event raised by the CheckpointManager contract.
type CheckpointManagerCheckpointSubmitted struct {
	CheckpointId *big.Int
	SidechainId  *big.Int
	Proposer     common.Address
	Number       uint64
	BlockHash    [32]byte
	StateRoot    [32]byte
	Bond         *big.Int
	Deadline     uint64
	Raw          types.Log // Blockchain specific contextual infos
}

// FilterCheckpointSubmitted is a free log retrieval operation binding the contract event 0x0baeb0ee4d2fb10981ba1f80ccbc0df7a3a8af3ec2d6892657c142f85307a5ae.
//
// Solidity: event CheckpointSubmitted(uint256 indexed checkpointId, uint256 indexed sidechainId, address indexed proposer, uint64 number, bytes32 blockHash, bytes32 stateRoot, uint256 bond, uint64 deadline)
func (_CheckpointManager *CheckpointManagerFilterer) FilterCheckpointSubmitted(opts *bind.FilterOpts, checkpointId []*big.Int, sidechainId []*big.Int, proposer []common.Address) (*CheckpointManagerCheckpointSubmittedIterator, error) {

	var checkpointIdRule []interface{}
	for _, checkpointIdItem := range checkpointId {
		checkpointIdRule = append(checkpointIdRule, checkpointIdItem)
	}
	var sidechainIdRule []interface{}
	for _, sidechainIdItem := range sidechainId {
		sidechainIdRule = append(sidechainIdRule, sidechainIdItem)
	}
	var proposerRule []interface{}
	for _, proposerItem := range proposer {
		proposerRule = append(proposerRule, proposerItem)
	}

	logs, sub, err := _CheckpointManager.contract.FilterLogs(opts, "CheckpointSubmitted", checkpointIdRule, sidechainIdRule, proposerRule)
	if err != nil {
		return nil, err
	}
	return &CheckpointManagerCheckpointSubmittedIterator{contract: _CheckpointManager.contract, event: "CheckpointSubmitted", logs: logs, sub: sub}, nil
}

// WatchCheckpointSubmitted is a free log subscription operation binding the contract event 0x0baeb0ee4d2fb10981ba1f80ccbc0df7a3a8af3ec2d6892657c142f85307a5ae.
//
// Solidity: event CheckpointSubmitted(uint256 indexed checkpointId, uint256 indexed sidechainId, address indexed proposer, uint64 number, bytes32 blockHash, bytes32 stateRoot, uint256 bond, uint64 deadline)
func (_CheckpointManager *CheckpointManagerFilterer) WatchCheckpointSubmitted(opts *bind.WatchOpts, sink chan<- *CheckpointManagerCheckpointSubmitted, checkpointId []*big.Int, sidechainId []*big.Int, proposer []common.Address) (event.Subscription, error) {

	var checkpointIdRule []interface{}
	for _, checkpointIdItem := range checkpointId {
		checkpointIdRule = append(checkpointIdRule, checkpointIdItem)
	}
	var sidechainIdRule []interface{}
	for _, sidechainIdItem := range sidechainId {
		sidechainIdRule = append(sidechainIdRule, sidechainIdItem)
	}
	var proposerRule []interface{}
	for _, proposerItem := range proposer {
		proposerRule = append(proposerRule, proposerItem)
	}

	logs, sub, err := _CheckpointManager.contract.WatchLogs(opts, "CheckpointSubmitted", checkpointIdRule, sidechainIdRule, proposerRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(CheckpointManagerCheckpointSubmitted)
				if err := _CheckpointManager.contract.UnpackLog(event, "CheckpointSubmitted", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseCheckpointSubmitted is a log parse operation binding the contract event 0x0baeb0ee4d2fb10981ba1f80ccbc0df7a3a8af3ec2d6892657c142f85307a5ae.
//
// Solidity: event CheckpointSubmitted(uint256 indexed checkpointId, uint256 indexed sidechainId, address indexed proposer, uint64 number, bytes32 blockHash, bytes32 stateRoot, uint256 bond, uint64 deadline)
func (_CheckpointManager *CheckpointManagerFilterer) ParseCheckpointSubmitted(log types.Log) (*CheckpointManagerCheckpointSubmitted, error) {
	event := new(CheckpointManagerCheckpointSubmitted)
	if err := _CheckpointManager.contract.UnpackLog(event, "CheckpointSubmitted", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// CheckpointManagerProofRequestedIterator is returned from FilterProofRequested and is used to iterate over the raw logs and unpacked data for ProofRequested events raised by the CheckpointManager contract.
type CheckpointManagerProofRequestedIterator struct {
	Event *CheckpointManagerProofRequested // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *CheckpointManagerProofRequestedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(CheckpointManagerProofRequested)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(CheckpointManagerProofRequested)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *CheckpointManagerProofRequestedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *CheckpointManagerProofRequestedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// CheckpointManagerProofRequested represents a ProofRequested event raised by the CheckpointManager contract.
type CheckpointManagerProofRequested struct {
	CheckpointId     *big.Int
	Requester        common.Address
	ResponseDeadline uint64
	Raw              types.Log // Blockchain specific contextual infos
}

// FilterProofRequested is a free log retrieval operation binding the contract event 0x839e2dec4d43d7395f229e2a4d2e5e08aabc509bdccdc691a104596bb1c62d08.
//
// Solidity: event ProofRequested(uint256 indexed checkpointId, address indexed requester, uint64 responseDeadline)
func (_CheckpointManager *CheckpointManagerFilterer) FilterProofRequested(opts *bind.FilterOpts, checkpointId []*big.Int, requester []common.Address) (*CheckpointManagerProofRequestedIterator, error) {

	var checkpointIdRule []interface{}
	for _, checkpointIdItem := range checkpointId {
		checkpointIdRule = append(checkpointIdRule, checkpointIdItem)
	}
	var requesterRule []interface{}
	for _, requesterItem := range requester {
		requesterRule = append(requesterRule, requesterItem)
	}

	logs, sub, err := _CheckpointManager.contract.FilterLogs(opts, "ProofRequested", checkpointIdRule, requesterRule)
	if err != nil {
		return nil, err
	}
	return &CheckpointManagerProofRequestedIterator{contract: _CheckpointManager.contract, event: "ProofRequested", logs: logs, sub: sub}, nil
}

// WatchProofRequested is a free log subscription operation binding the contract event 0x839e2dec4d43d7395f229e2a4d2e5e08aabc509bdccdc691a104596bb1c62d08.
//
// Solidity: event ProofRequested(uint256 indexed checkpointId, address indexed requester, uint64 responseDeadline)
func (_CheckpointManager *CheckpointManagerFilterer) WatchProofRequested(opts *bind.WatchOpts, sink chan<- *CheckpointManagerProofRequested, checkpointId []*big.Int, requester []common.Address) (event.Subscription, error) {

	var checkpointIdRule []interface{}
	for _, checkpointIdItem := range checkpointId {
		checkpointIdRule = append(checkpointIdRule, checkpointIdItem)
	}
	var requesterRule []interface{}
	for _, requesterItem := range requester {
		requesterRule = append(requesterRule, requesterItem)
	}

	logs, sub, err := _CheckpointManager.contract.WatchLogs(opts, "ProofRequested", checkpointIdRule, requesterRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(CheckpointManagerProofRequested)
				if err := _CheckpointManager.contract.UnpackLog(event, "ProofRequested", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseProofRequested is a log parse operation binding the contract event 0x839e2dec4d43d7395f229e2a4d2e5e08aabc509bdccdc691a104596bb1c62d08.
//
// Solidity: event ProofRequested(uint256 indexed checkpointId, address indexed requester, uint64 responseDeadline)
func (_CheckpointManager *CheckpointManagerFilterer) ParseProofRequested(log types.Log) (*CheckpointManagerProofRequested, error) {
	event := new(CheckpointManagerProofRequested)
	if err := _CheckpointManager.contract.UnpackLog(event, "ProofRequested", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// CheckpointManagerSidechainRegisteredIterator is returned from FilterSidechainRegistered and is used to iterate over the raw logs and unpacked data for SidechainRegistered events raised by the CheckpointManager contract.
type CheckpointManagerSidechainRegisteredIterator struct {
	Event *CheckpointManagerSidechainRegistered // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *CheckpointManagerSidechainRegisteredIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(CheckpointManagerSidechainRegistered)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(CheckpointManagerSidechainRegistered)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *CheckpointManagerSidechainRegisteredIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *CheckpointManagerSidechainRegisteredIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// CheckpointManagerSidechainRegistered represents a SidechainRegistered event raised by the CheckpointManager contract.
type CheckpointManagerSidechainRegistered struct {
	SidechainId     *big.Int
	Validators      []common.Address
	Threshold       uint64
	ChallengePeriod uint64
	ResponseWindow  uint64
	MinBond         *big.Int
	Raw             types.Log // Blockchain specific contextual infos
}

// FilterSidechainRegistered is a free log retrieval operation binding the contract event 0xa94d87f05fa5b1ae9c5029f9efafa0c08eb28d3324b5300cf578bbc59fd40271.
//
// Solidity: event SidechainRegistered(uint256 indexed sidechainId, address[] validators, uint64 threshold, uint64 challengePeriod, uint64 responseWindow, uint256 minBond)
func (_CheckpointManager *CheckpointManagerFilterer) FilterSidechainRegistered(opts *bind.FilterOpts, sidechainId []*big.Int) (*CheckpointManagerSidechainRegisteredIterator, error) {

	var sidechainIdRule []interface{}
	for _, sidechainIdItem := range sidechainId {
		sidechainIdRule = append(sidechainIdRule, sidechainIdItem)
	}

	logs, sub, err := _CheckpointManager.contract.FilterLogs(opts, "SidechainRegistered", sidechainIdRule)
	if err != nil {
		return nil, err
	}
	return &CheckpointManagerSidechainRegisteredIterator{contract: _CheckpointManager.contract, event: "SidechainRegistered", logs: logs, sub: sub}, nil
}

// WatchSidechainRegistered is a free log subscription operation binding the contract event 0xa94d87f05fa5b1ae9c5029f9efafa0c08eb28d3324b5300cf578bbc59fd40271.
//
// Solidity: event SidechainRegistered(uint256 indexed sidechainId, address[] validators, uint64 threshold, uint64 challengePeriod, uint64 responseWindow, uint256 minBond)
func (_CheckpointManager *CheckpointManagerFilterer) WatchSidechainRegistered(opts *bind.WatchOpts, sink chan<- *CheckpointManagerSidechainRegistered, sidechainId []*big.Int) (event.Subscription, error) {

	var sidechainIdRule []interface{}
	for _, sidechainIdItem := range sidechainId {
		sidechainIdRule = append(sidechainIdRule, sidechainIdItem)
	}

	logs, sub, err := _CheckpointManager.contract.WatchLogs(opts, "SidechainRegistered", sidechainIdRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(CheckpointManagerSidechainRegistered)
				if err := _CheckpointManager.contract.UnpackLog(event, "SidechainRegistered", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseSidechainRegistered is a log parse operation binding the contract event 0xa94d87f05fa5b1ae9c5029f9efafa0c08eb28d3324b5300cf578bbc59fd40271.
//
// Solidity: event SidechainRegistered(uint256 indexed sidechainId, address[] validators, uint64 threshold, uint64 challengePeriod, uint64 responseWindow, uint256 minBond)
func (_CheckpointManager *CheckpointManagerFilterer) ParseSidechainRegistered(log types.Log) (*CheckpointManagerSidechainRegistered, error) {
	event := new(CheckpointManagerSidechainRegistered)
	if err := _CheckpointManager.contract.UnpackLog(event, "SidechainRegistered", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// CheckpointManagerWithdrawnIterator is returned from FilterWithdrawn and is used to iterate over the raw logs and unpacked data for Withdrawn events raised by the CheckpointManager contract.
type CheckpointManagerWithdrawnIterator struct {
	Event *CheckpointManagerWithdrawn // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *CheckpointManagerWithdrawnIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(CheckpointManagerWithdrawn)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(CheckpointManagerWithdrawn)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *CheckpointManagerWithdrawnIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *CheckpointManagerWithdrawnIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// CheckpointManagerWithdrawn represents a Withdrawn event raised by the CheckpointManager contract.
type CheckpointManagerWithdrawn struct {
	To     common.Address
	Amount *big.Int
	Raw    types.Log // Blockchain specific contextual infos
}

// FilterWithdrawn is a free log retrieval operation binding the contract event 0x7084f5476618d8e60b11ef0d7d3f06914655adb8793e28ff7f018d4c76d505d5.
//
// Solidity: event Withdrawn(address indexed to, uint256 amount)
func (_CheckpointManager *CheckpointManagerFilterer) FilterWithdrawn(opts *bind.FilterOpts, to []common.Address) (*CheckpointManagerWithdrawnIterator, error) {

	var toRule []interface{}
	for _, toItem := range to {
		toRule = append(toRule, toItem)
	}

	logs, sub, err := _CheckpointManager.contract.FilterLogs(opts, "Withdrawn", toRule)
	if err != nil {
		return nil, err
	}
	return &CheckpointManagerWithdrawnIterator{contract: _CheckpointManager.contract, event: "Withdrawn", logs: logs, sub: sub}, nil
}

// WatchWithdrawn is a free log subscription operation binding the contract event 0x7084f5476618d8e60b11ef0d7d3f06914655adb8793e28ff7f018d4c76d505d5.
//
// Solidity: event Withdrawn(address indexed to, uint256 amount)
func (_CheckpointManager *CheckpointManagerFilterer) WatchWithdrawn(opts *bind.WatchOpts, sink chan<- *CheckpointManagerWithdrawn, to []common.Address) (event.Subscription, error) {

	var toRule []interface{}
	for _, toItem := range to {
		toRule = append(toRule, toItem)
	}

	logs, sub, err := _CheckpointManager.contract.WatchLogs(opts, "Withdrawn", toRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(CheckpointManagerWithdrawn)
				if err := _CheckpointManager.contract.UnpackLog(event, "Withdrawn", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseWithdrawn is a log parse operation binding the contract event 0x7084f5476618d8e60b11ef0d7d3f06914655adb8793e28ff7f018d4c76d505d5.
//
// Solidity: event Withdrawn(address indexed to, uint256 amount)
func (_CheckpointManager *CheckpointManagerFilterer) ParseWithdrawn(log types.Log) (*CheckpointManagerWithdrawn, error) {
	event := new(CheckpointManagerWithdrawn)
	if err := _CheckpointManager.contract.UnpackLog(event, "Withdrawn", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}
