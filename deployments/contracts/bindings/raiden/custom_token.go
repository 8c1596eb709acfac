// Code generated - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package raidenbindings

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

// CustomTokenMetaData contains all meta data concerning the CustomToken contract.
var CustomTokenMetaData = &bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"initial_supply\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"decimal_units\",\"type\":\"uint8\"},{\"internalType\":\"string\",\"name\":\"token_name\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"token_symbol\",\"type\":\"string\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"_owner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"_spender\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"_value\",\"type\":\"uint256\"}],\"name\":\"Approval\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"_to\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"_num\",\"type\":\"uint256\"}],\"name\":\"Minted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"_from\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"_to\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"_value\",\"type\":\"uint256\"}],\"name\":\"Transfer\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"_decimals\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_owner\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"_spender\",\"type\":\"address\"}],\"name\":\"allowance\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"remaining\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_spender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"_value\",\"type\":\"uint256\"}],\"name\":\"approve\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"success\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_owner\",\"type\":\"address\"}],\"name\":\"balanceOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"balance\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"name\":\"balances\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"decimals\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"decimals\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"num\",\"type\":\"uint256\"}],\"name\":\"mint\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"num\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"target\",\"type\":\"address\"}],\"name\":\"mintFor\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"multiplier\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"name\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"owner_address\",\"outputs\":[{\"internalType\":\"addresspayable\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"symbol\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"totalSupply\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"supply\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"_value\",\"type\":\"uint256\"}],\"name\":\"transfer\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"success\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"_to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"_value\",\"type\":\"uint256\"}],\"name\":\"transferFrom\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"success\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"transferFunds\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"version\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	Bin: "0x60c0604052600460808190526348302e3160e01b60a0908152620000279160039190620000da565b503480156200003557600080fd5b5060405162000de138038062000de183398101604081905262000058916200024d565b81516200006d906004906020850190620000da565b506006805460ff191660ff85169081179091556200008d90600a620003f0565b6007558051620000a5906005906020840190620000da565b5050600880546001600160a01b0319163390811790915560009081526001602052604081208490559290925550620004429050565b828054620000e89062000405565b90600052602060002090601f0160209004810192826200010c576000855562000157565b82601f106200012757805160ff191683800117855562000157565b8280016001018555821562000157579182015b82811115620001575782518255916020019190600101906200013a565b506200016592915062000169565b5090565b5b808211156200016557600081556001016200016a565b634e487b7160e01b600052604160045260246000fd5b600082601f830112620001a857600080fd5b81516001600160401b0380821115620001c557620001c562000180565b604051601f8301601f19908116603f01168101908282118183101715620001f057620001f062000180565b816040528381526020925086838588010111156200020d57600080fd5b600091505b8382101562000231578582018301518183018401529082019062000212565b83821115620002435760008385830101525b9695505050505050565b600080600080608085870312156200026457600080fd5b84519350602085015160ff811681146200027d57600080fd5b60408601519093506001600160401b03808211156200029b57600080fd5b620002a98883890162000196565b93506060870151915080821115620002c057600080fd5b50620002cf8782880162000196565b91505092959194509250565b634e487b7160e01b600052601160045260246000fd5b600181815b8085111562000332578160001904821115620003165762000316620002db565b808516156200032457918102915b93841c9390800290620002f6565b509250929050565b6000826200034b57506001620003ea565b816200035a57506000620003ea565b81600181146200037357600281146200037e576200039e565b6001915050620003ea565b60ff841115620003925762000392620002db565b50506001821b620003ea565b5060208310610133831016604e8410600b8410161715620003c3575081810a620003ea565b620003cf8383620002f1565b8060001904821115620003e657620003e6620002db565b0290505b92915050565b6000620003fe83836200033a565b9392505050565b600181811c908216806200041a57607f821691505b602082108114156200043c57634e487b7160e01b600052602260045260246000fd5b50919050565b61098f80620004526000396000f3fe608060405234801561001057600080fd5b506004361061010b5760003560e01c80633c68eb81116100a257806395d89b411161007157806395d89b411461022b578063a0712d6814610233578063a9059cbb14610246578063ad62f1ca14610259578063dd62ed3e1461026c57600080fd5b80633c68eb81146101c557806354fd4d50146101cf57806370a08231146101d757806380edef8e1461020057600080fd5b806323b872dd116100de57806323b872dd1461016c57806327e235e31461017f578063313ce5671461019f57806332424aa3146101b857600080fd5b806306fdde0314610110578063095ea7b31461012e57806318160ddd146101515780631b3ed72214610163575b600080fd5b6101186102a5565b6040516101259190610762565b60405180910390f35b61014161013c3660046107d3565b610333565b6040519015158152602001610125565b6000545b604051908152602001610125565b61015560075481565b61014161017a3660046107fd565b6103a0565b61015561018d366004610839565b60016020526000908152604090205481565b60065460ff165b60405160ff9091168152602001610125565b6006546101a69060ff1681565b6101cd610552565b005b6101186105c0565b6101556101e5366004610839565b6001600160a01b031660009081526001602052604090205490565b600854610213906001600160a01b031681565b6040516001600160a01b039091168152602001610125565b6101186105cd565b6101cd610241366004610854565b6105da565b6101416102543660046107d3565b6105e7565b6101cd61026736600461086d565b6106ac565b61015561027a366004610899565b6001600160a01b03918216600090815260026020908152604080832093909416825291909152205490565b600480546102b2906108c3565b80601f01602080910402602001604051908101604052809291908181526020018280546102de906108c3565b801561032b5780601f106103005761010080835404028352916020019161032b565b820191906000526020600020905b81548152906001019060200180831161030e57829003601f168201915b505050505081565b3360008181526002602090815260408083206001600160a01b038716808552925280832085905551919290917f8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b9259061038e9086815260200190565b60405180910390a35060015b92915050565b6001600160a01b0383166000908152600160205260408120548211156103c557600080fd5b6001600160a01b03841660009081526002602090815260408083203384529091529020548211156103f557600080fd5b6000821161040257600080fd5b6001600160a01b038416600090815260016020526040902054821180159061044d57506001600160a01b03841660009081526002602090815260408083203384529091529020548211155b80156104595750600082115b15610547576001600160a01b03831660009081526001602052604081208054849290610486908490610914565b90915550506001600160a01b038416600090815260016020526040812080548492906104b390849061092c565b90915550506001600160a01b0384166000908152600260209081526040808320338452909152812080548492906104eb90849061092c565b92505081905550826001600160a01b0316846001600160a01b03167fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef8460405161053791815260200190565b60405180910390a350600161054b565b5060005b9392505050565b6008546001600160a01b0316331461056957600080fd5b6000471161057657600080fd5b6008546040516001600160a01b03909116904780156108fc02916000818181858888f193505050501580156105af573d6000803e3d6000fd5b5047156105be576105be610943565b565b600380546102b2906108c3565b600580546102b2906108c3565b6105e481336106ac565b50565b3360009081526001602052604081205482118015906106065750600082115b156106a457336000908152600160205260408120805484929061062a90849061092c565b90915550506001600160a01b03831660009081526001602052604081208054849290610657908490610914565b90915550506040518281526001600160a01b0384169033907fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef9060200160405180910390a350600161039a565b50600061039a565b6001600160a01b038116600090815260016020526040812080548492906106d4908490610914565b92505081905550816000808282546106ec9190610914565b909155505060405182906001600160a01b038316907f30385c845b448a36257a6a1716e6ad2e1bc2cbe333cde1e69fe849ad6511adfe90600090a36001600160a01b03811660009081526001602052604090205482111561074c57600080fd5b81600054101561075e5761075e610943565b5050565b600060208083528351808285015260005b8181101561078f57858101830151858201604001528201610773565b818111156107a1576000604083870101525b50601f01601f1916929092016040019392505050565b80356001600160a01b03811681146107ce57600080fd5b919050565b600080604083850312156107e657600080fd5b6107ef836107b7565b946020939093013593505050565b60008060006060848603121561081257600080fd5b61081b846107b7565b9250610829602085016107b7565b9150604084013590509250925092565b60006020828403121561084b57600080fd5b61054b826107b7565b60006020828403121561086657600080fd5b5035919050565b6000806040838503121561088057600080fd5b82359150610890602084016107b7565b90509250929050565b600080604083850312156108ac57600080fd5b6108b5836107b7565b9150610890602084016107b7565b600181811c908216806108d757607f821691505b602082108114156108f857634e487b7160e01b600052602260045260246000fd5b50919050565b634e487b7160e01b600052601160045260246000fd5b60008219821115610927576109276108fe565b500190565b60008282101561093e5761093e6108fe565b500390565b634e487b7160e01b600052600160045260246000fdfea2646970667358221220f06ece55ed9d716f57638b004b5ec2c5b722712a4f356704ec3ad4dea0aa0ee464736f6c634300080a0033",
}

// CustomTokenABI is the input ABI used to generate the binding from.
// Deprecated: Use CustomTokenMetaData.ABI instead.
var CustomTokenABI = CustomTokenMetaData.ABI

// CustomTokenBin is the compiled bytecode used for deploying new contracts.
// Deprecated: Use CustomTokenMetaData.Bin instead.
var CustomTokenBin = CustomTokenMetaData.Bin

// DeployCustomToken deploys a new Ethereum contract, binding an instance of CustomToken to it.
func DeployCustomToken(auth *bind.TransactOpts, backend bind.ContractBackend, initial_supply *big.Int, decimal_units uint8, token_name string, token_symbol string) (common.Address, *types.Transaction, *CustomToken, error) {
	parsed, err := CustomTokenMetaData.GetAbi()
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	if parsed == nil {
		return common.Address{}, nil, nil, errors.New("GetABI returned nil")
	}

	address, tx, contract, err := bind.DeployContract(auth, *parsed, common.FromHex(CustomTokenBin), backend, initial_supply, decimal_units, token_name, token_symbol)
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	return address, tx, &CustomToken{CustomTokenCaller: CustomTokenCaller{contract: contract}, CustomTokenTransactor: CustomTokenTransactor{contract: contract}, CustomTokenFilterer: CustomTokenFilterer{contract: contract}}, nil
}

// CustomToken is an auto generated Go binding around an Ethereum contract.
type CustomToken struct {
	CustomTokenCaller     // Read-only binding to the contract
	CustomTokenTransactor // Write-only binding to the contract
	CustomTokenFilterer   // Log filterer for contract events
}

// CustomTokenCaller is an auto generated read-only Go binding around an Ethereum contract.
type CustomTokenCaller struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// CustomTokenTransactor is an auto generated write-only Go binding around an Ethereum contract.
type CustomTokenTransactor struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// CustomTokenFilterer is an auto generated log filtering Go binding around an Ethereum contract events.
type CustomTokenFilterer struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// CustomTokenSession is an auto generated Go binding around an Ethereum contract,
// with pre-set call and transact options.
type CustomTokenSession struct {
	Contract     *CustomToken      // Generic contract binding to set the session for
	CallOpts     bind.CallOpts     // Call options to use throughout this session
	TransactOpts bind.TransactOpts // Transaction auth options to use throughout this session
}

// CustomTokenCallerSession is an auto generated read-only Go binding around an Ethereum contract,
// with pre-set call options.
type CustomTokenCallerSession struct {
	Contract *CustomTokenCaller // Generic contract caller binding to set the session for
	CallOpts bind.CallOpts      // Call options to use throughout this session
}

// CustomTokenTransactorSession is an auto generated write-only Go binding around an Ethereum contract,
// with pre-set transact options.
type CustomTokenTransactorSession struct {
	Contract     *CustomTokenTransactor // Generic contract transactor binding to set the session for
	TransactOpts bind.TransactOpts      // Transaction auth options to use throughout this session
}

// CustomTokenRaw is an auto generated low-level Go binding around an Ethereum contract.
type CustomTokenRaw struct {
	Contract *CustomToken // Generic contract binding to access the raw methods on
}

// CustomTokenCallerRaw is an auto generated low-level read-only Go binding around an Ethereum contract.
type CustomTokenCallerRaw struct {
	Contract *CustomTokenCaller // Generic read-only contract binding to access the raw methods on
}

// CustomTokenTransactorRaw is an auto generated low-level write-only Go binding around an Ethereum contract.
type CustomTokenTransactorRaw struct {
	Contract *CustomTokenTransactor // Generic write-only contract binding to access the raw methods on
}

// NewCustomToken creates a new instance of CustomToken, bound to a specific deployed contract.
func NewCustomToken(address common.Address, backend bind.ContractBackend) (*CustomToken, error) {
	contract, err := bindCustomToken(address, backend, backend, backend)
	if err != nil {
		return nil, err
	}
	return &CustomToken{CustomTokenCaller: CustomTokenCaller{contract: contract}, CustomTokenTransactor: CustomTokenTransactor{contract: contract}, CustomTokenFilterer: CustomTokenFilterer{contract: contract}}, nil
}

// NewCustomTokenCaller creates a new read-only instance of CustomToken, bound to a specific deployed contract.
func NewCustomTokenCaller(address common.Address, caller bind.ContractCaller) (*CustomTokenCaller, error) {
	contract, err := bindCustomToken(address, caller, nil, nil)
	if err != nil {
		return nil, err
	}
	return &CustomTokenCaller{contract: contract}, nil
}

// NewCustomTokenTransactor creates a new write-only instance of CustomToken, bound to a specific deployed contract.
func NewCustomTokenTransactor(address common.Address, transactor bind.ContractTransactor) (*CustomTokenTransactor, error) {
	contract, err := bindCustomToken(address, nil, transactor, nil)
	if err != nil {
		return nil, err
	}
	return &CustomTokenTransactor{contract: contract}, nil
}

// NewCustomTokenFilterer creates a new log filterer instance of CustomToken, bound to a specific deployed contract.
func NewCustomTokenFilterer(address common.Address, filterer bind.ContractFilterer) (*CustomTokenFilterer, error) {
	contract, err := bindCustomToken(address, nil, nil, filterer)
	if err != nil {
		return nil, err
	}
	return &CustomTokenFilterer{contract: contract}, nil
}

// bindCustomToken binds a generic wrapper to an already deployed contract.
func bindCustomToken(address common.Address, caller bind.ContractCaller, transactor bind.ContractTransactor, filterer bind.ContractFilterer) (*bind.BoundContract, error) {
	parsed, err := CustomTokenMetaData.GetAbi()
	if err != nil {
		return nil, err
	}
	return bind.NewBoundContract(address, *parsed, caller, transactor, filterer), nil
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_CustomToken *CustomTokenRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _CustomToken.Contract.CustomTokenCaller.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_CustomToken *CustomTokenRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _CustomToken.Contract.CustomTokenTransactor.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_CustomToken *CustomTokenRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _CustomToken.Contract.CustomTokenTransactor.contract.Transact(opts, method, params...)
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_CustomToken *CustomTokenCallerRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _CustomToken.Contract.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_CustomToken *CustomTokenTransactorRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _CustomToken.Contract.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_CustomToken *CustomTokenTransactorRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _CustomToken.Contract.contract.Transact(opts, method, params...)
}

// StoredDecimals is a free data retrieval call binding the contract method 0x32424aa3.
//
// Solidity: function _decimals() view returns(uint8)
func (_CustomToken *CustomTokenCaller) StoredDecimals(opts *bind.CallOpts) (uint8, error) {
	var out []interface{}
	err := _CustomToken.contract.Call(opts, &out, "_decimals")

	if err != nil {
		return *new(uint8), err
	}

	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)

	return out0, err

}

// StoredDecimals is a free data retrieval call binding the contract method 0x32424aa3.
//
// Solidity: function _decimals() view returns(uint8)
func (_CustomToken *CustomTokenSession) StoredDecimals() (uint8, error) {
	return _CustomToken.Contract.StoredDecimals(&_CustomToken.CallOpts)
}

// StoredDecimals is a free data retrieval call binding the contract method 0x32424aa3.
//
// Solidity: function _decimals() view returns(uint8)
func (_CustomToken *CustomTokenCallerSession) StoredDecimals() (uint8, error) {
	return _CustomToken.Contract.StoredDecimals(&_CustomToken.CallOpts)
}

// Allowance is a free data retrieval call binding the contract method 0xdd62ed3e.
//
// Solidity: function allowance(address _owner, address _spender) view returns(uint256 remaining)
func (_CustomToken *CustomTokenCaller) Allowance(opts *bind.CallOpts, _owner common.Address, _spender common.Address) (*big.Int, error) {
	var out []interface{}
	err := _CustomToken.contract.Call(opts, &out, "allowance", _owner, _spender)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// Allowance is a free data retrieval call binding the contract method 0xdd62ed3e.
//
// Solidity: function allowance(address _owner, address _spender) view returns(uint256 remaining)
func (_CustomToken *CustomTokenSession) Allowance(_owner common.Address, _spender common.Address) (*big.Int, error) {
	return _CustomToken.Contract.Allowance(&_CustomToken.CallOpts, _owner, _spender)
}

// Allowance is a free data retrieval call binding the contract method 0xdd62ed3e.
//
// Solidity: function allowance(address _owner, address _spender) view returns(uint256 remaining)
func (_CustomToken *CustomTokenCallerSession) Allowance(_owner common.Address, _spender common.Address) (*big.Int, error) {
	return _CustomToken.Contract.Allowance(&_CustomToken.CallOpts, _owner, _spender)
}

// BalanceOf is a free data retrieval call binding the contract method 0x70a08231.
//
// Solidity: function balanceOf(address _owner) view returns(uint256 balance)
func (_CustomToken *CustomTokenCaller) BalanceOf(opts *bind.CallOpts, _owner common.Address) (*big.Int, error) {
	var out []interface{}
	err := _CustomToken.contract.Call(opts, &out, "balanceOf", _owner)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// BalanceOf is a free data retrieval call binding the contract method 0x70a08231.
//
// Solidity: function balanceOf(address _owner) view returns(uint256 balance)
func (_CustomToken *CustomTokenSession) BalanceOf(_owner common.Address) (*big.Int, error) {
	return _CustomToken.Contract.BalanceOf(&_CustomToken.CallOpts, _owner)
}

// BalanceOf is a free data retrieval call binding the contract method 0x70a08231.
//
// Solidity: function balanceOf(address _owner) view returns(uint256 balance)
func (_CustomToken *CustomTokenCallerSession) BalanceOf(_owner common.Address) (*big.Int, error) {
	return _CustomToken.Contract.BalanceOf(&_CustomToken.CallOpts, _owner)
}

// Balances is a free data retrieval call binding the contract method 0x27e235e3.
//
// Solidity: function balances(address ) view returns(uint256)
func (_CustomToken *CustomTokenCaller) Balances(opts *bind.CallOpts, arg0 common.Address) (*big.Int, error) {
	var out []interface{}
	err := _CustomToken.contract.Call(opts, &out, "balances", arg0)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// Balances is a free data retrieval call binding the contract method 0x27e235e3.
//
// Solidity: function balances(address ) view returns(uint256)
func (_CustomToken *CustomTokenSession) Balances(arg0 common.Address) (*big.Int, error) {
	return _CustomToken.Contract.Balances(&_CustomToken.CallOpts, arg0)
}

// Balances is a free data retrieval call binding the contract method 0x27e235e3.
//
// Solidity: function balances(address ) view returns(uint256)
func (_CustomToken *CustomTokenCallerSession) Balances(arg0 common.Address) (*big.Int, error) {
	return _CustomToken.Contract.Balances(&_CustomToken.CallOpts, arg0)
}

// Decimals is a free data retrieval call binding the contract method 0x313ce567.
//
// Solidity: function decimals() view returns(uint8 decimals)
func (_CustomToken *CustomTokenCaller) Decimals(opts *bind.CallOpts) (uint8, error) {
	var out []interface{}
	err := _CustomToken.contract.Call(opts, &out, "decimals")

	if err != nil {
		return *new(uint8), err
	}

	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)

	return out0, err

}

// Decimals is a free data retrieval call binding the contract method 0x313ce567.
//
// Solidity: function decimals() view returns(uint8 decimals)
func (_CustomToken *CustomTokenSession) Decimals() (uint8, error) {
	return _CustomToken.Contract.Decimals(&_CustomToken.CallOpts)
}

// Decimals is a free data retrieval call binding the contract method 0x313ce567.
//
// Solidity: function decimals() view returns(uint8 decimals)
func (_CustomToken *CustomTokenCallerSession) Decimals() (uint8, error) {
	return _CustomToken.Contract.Decimals(&_CustomToken.CallOpts)
}

// Multiplier is a free data retrieval call binding the contract method 0x1b3ed722.
//
// Solidity: function multiplier() view returns(uint256)
func (_CustomToken *CustomTokenCaller) Multiplier(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _CustomToken.contract.Call(opts, &out, "multiplier")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// Multiplier is a free data retrieval call binding the contract method 0x1b3ed722.
//
// Solidity: function multiplier() view returns(uint256)
func (_CustomToken *CustomTokenSession) Multiplier() (*big.Int, error) {
	return _CustomToken.Contract.Multiplier(&_CustomToken.CallOpts)
}

// Multiplier is a free data retrieval call binding the contract method 0x1b3ed722.
//
// Solidity: function multiplier() view returns(uint256)
func (_CustomToken *CustomTokenCallerSession) Multiplier() (*big.Int, error) {
	return _CustomToken.Contract.Multiplier(&_CustomToken.CallOpts)
}

// Name is a free data retrieval call binding the contract method 0x06fdde03.
//
// Solidity: function name() view returns(string)
func (_CustomToken *CustomTokenCaller) Name(opts *bind.CallOpts) (string, error) {
	var out []interface{}
	err := _CustomToken.contract.Call(opts, &out, "name")

	if err != nil {
		return *new(string), err
	}

	out0 := *abi.ConvertType(out[0], new(string)).(*string)

	return out0, err

}

// Name is a free data retrieval call binding the contract method 0x06fdde03.
//
// Solidity: function name() view returns(string)
func (_CustomToken *CustomTokenSession) Name() (string, error) {
	return _CustomToken.Contract.Name(&_CustomToken.CallOpts)
}

// Name is a free data retrieval call binding the contract method 0x06fdde03.
//
// Solidity: function name() view returns(string)
func (_CustomToken *CustomTokenCallerSession) Name() (string, error) {
	return _CustomToken.Contract.Name(&_CustomToken.CallOpts)
}

// OwnerAddress is a free data retrieval call binding the contract method 0x80edef8e.
//
// Solidity: function owner_address() view returns(address)
func (_CustomToken *CustomTokenCaller) OwnerAddress(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _CustomToken.contract.Call(opts, &out, "owner_address")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// OwnerAddress is a free data retrieval call binding the contract method 0x80edef8e.
//
// Solidity: function owner_address() view returns(address)
func (_CustomToken *CustomTokenSession) OwnerAddress() (common.Address, error) {
	return _CustomToken.Contract.OwnerAddress(&_CustomToken.CallOpts)
}

// OwnerAddress is a free data retrieval call binding the contract method 0x80edef8e.
//
// Solidity: function owner_address() view returns(address)
func (_CustomToken *CustomTokenCallerSession) OwnerAddress() (common.Address, error) {
	return _CustomToken.Contract.OwnerAddress(&_CustomToken.CallOpts)
}

// Symbol is a free data retrieval call binding the contract method 0x95d89b41.
//
// Solidity: function symbol() view returns(string)
func (_CustomToken *CustomTokenCaller) Symbol(opts *bind.CallOpts) (string, error) {
	var out []interface{}
	err := _CustomToken.contract.Call(opts, &out, "symbol")

	if err != nil {
		return *new(string), err
	}

	out0 := *abi.ConvertType(out[0], new(string)).(*string)

	return out0, err

}

// Symbol is a free data retrieval call binding the contract method 0x95d89b41.
//
// Solidity: function symbol() view returns(string)
func (_CustomToken *CustomTokenSession) Symbol() (string, error) {
	return _CustomToken.Contract.Symbol(&_CustomToken.CallOpts)
}

// Symbol is a free data retrieval call binding the contract method 0x95d89b41.
//
// Solidity: function symbol() view returns(string)
func (_CustomToken *CustomTokenCallerSession) Symbol() (string, error) {
	return _CustomToken.Contract.Symbol(&_CustomToken.CallOpts)
}

// TotalSupply is a free data retrieval call binding the contract method 0x18160ddd.
//
// Solidity: function totalSupply() view returns(uint256 supply)
func (_CustomToken *CustomTokenCaller) TotalSupply(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _CustomToken.contract.Call(opts, &out, "totalSupply")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// TotalSupply is a free data retrieval call binding the contract method 0x18160ddd.
//
// Solidity: function totalSupply() view returns(uint256 supply)
func (_CustomToken *CustomTokenSession) TotalSupply() (*big.Int, error) {
	return _CustomToken.Contract.TotalSupply(&_CustomToken.CallOpts)
}

// TotalSupply is a free data retrieval call binding the contract method 0x18160ddd.
//
// Solidity: function totalSupply() view returns(uint256 supply)
func (_CustomToken *CustomTokenCallerSession) TotalSupply() (*big.Int, error) {
	return _CustomToken.Contract.TotalSupply(&_CustomToken.CallOpts)
}

// Version is a free data retrieval call binding the contract method 0x54fd4d50.
//
// Solidity: function version() view returns(string)
func (_CustomToken *CustomTokenCaller) Version(opts *bind.CallOpts) (string, error) {
	var out []interface{}
	err := _CustomToken.contract.Call(opts, &out, "version")

	if err != nil {
		return *new(string), err
	}

	out0 := *abi.ConvertType(out[0], new(string)).(*string)

	return out0, err

}

// Version is a free data retrieval call binding the contract method 0x54fd4d50.
//
// Solidity: function version() view returns(string)
func (_CustomToken *CustomTokenSession) Version() (string, error) {
	return _CustomToken.Contract.Version(&_CustomToken.CallOpts)
}

// Version is a free data retrieval call binding the contract method 0x54fd4d50.
//
// Solidity: function version() view returns(string)
func (_CustomToken *CustomTokenCallerSession) Version() (string, error) {
	return _CustomToken.Contract.Version(&_CustomToken.CallOpts)
}

// Approve is a paid mutator transaction binding the contract method 0x095ea7b3.
//
// Solidity: function approve(address _spender, uint256 _value) returns(bool success)
func (_CustomToken *CustomTokenTransactor) Approve(opts *bind.TransactOpts, _spender common.Address, _value *big.Int) (*types.Transaction, error) {
	return _CustomToken.contract.Transact(opts, "approve", _spender, _value)
}

// Approve is a paid mutator transaction binding the contract method 0x095ea7b3.
//
// Solidity: function approve(address _spender, uint256 _value) returns(bool success)
func (_CustomToken *CustomTokenSession) Approve(_spender common.Address, _value *big.Int) (*types.Transaction, error) {
	return _CustomToken.Contract.Approve(&_CustomToken.TransactOpts, _spender, _value)
}

// Approve is a paid mutator transaction binding the contract method 0x095ea7b3.
//
// Solidity: function approve(address _spender, uint256 _value) returns(bool success)
func (_CustomToken *CustomTokenTransactorSession) Approve(_spender common.Address, _value *big.Int) (*types.Transaction, error) {
	return _CustomToken.Contract.Approve(&_CustomToken.TransactOpts, _spender, _value)
}

// Mint is a paid mutator transaction binding the contract method 0xa0712d68.
//
// Solidity: function mint(uint256 num) returns()
func (_CustomToken *CustomTokenTransactor) Mint(opts *bind.TransactOpts, num *big.Int) (*types.Transaction, error) {
	return _CustomToken.contract.Transact(opts, "mint", num)
}

// Mint is a paid mutator transaction binding the contract method 0xa0712d68.
//
// Solidity: function mint(uint256 num) returns()
func (_CustomToken *CustomTokenSession) Mint(num *big.Int) (*types.Transaction, error) {
	return _CustomToken.Contract.Mint(&_CustomToken.TransactOpts, num)
}

// Mint is a paid mutator transaction binding the contract method 0xa0712d68.
//
// Solidity: function mint(uint256 num) returns()
func (_CustomToken *CustomTokenTransactorSession) Mint(num *big.Int) (*types.Transaction, error) {
	return _CustomToken.Contract.Mint(&_CustomToken.TransactOpts, num)
}

// MintFor is a paid mutator transaction binding the contract method 0xad62f1ca.
//
// Solidity: function mintFor(uint256 num, address target) returns()
func (_CustomToken *CustomTokenTransactor) MintFor(opts *bind.TransactOpts, num *big.Int, target common.Address) (*types.Transaction, error) {
	return _CustomToken.contract.Transact(opts, "mintFor", num, target)
}

// MintFor is a paid mutator transaction binding the contract method 0xad62f1ca.
//
// Solidity: function mintFor(uint256 num, address target) returns()
func (_CustomToken *CustomTokenSession) MintFor(num *big.Int, target common.Address) (*types.Transaction, error) {
	return _CustomToken.Contract.MintFor(&_CustomToken.TransactOpts, num, target)
}

// MintFor is a paid mutator transaction binding the contract method 0xad62f1ca.
//
// Solidity: function mintFor(uint256 num, address target) returns()
func (_CustomToken *CustomTokenTransactorSession) MintFor(num *big.Int, target common.Address) (*types.Transaction, error) {
	return _CustomToken.Contract.MintFor(&_CustomToken.TransactOpts, num, target)
}

// Transfer is a paid mutator transaction binding the contract method 0xa9059cbb.
//
// Solidity: function transfer(address _to, uint256 _value) returns(bool success)
func (_CustomToken *CustomTokenTransactor) Transfer(opts *bind.TransactOpts, _to common.Address, _value *big.Int) (*types.Transaction, error) {
	return _CustomToken.contract.Transact(opts, "transfer", _to, _value)
}

// Transfer is a paid mutator transaction binding the contract method 0xa9059cbb.
//
// Solidity: function transfer(address _to, uint256 _value) returns(bool success)
func (_CustomToken *CustomTokenSession) Transfer(_to common.Address, _value *big.Int) (*types.Transaction, error) {
	return _CustomToken.Contract.Transfer(&_CustomToken.TransactOpts, _to, _value)
}

// Transfer is a paid mutator transaction binding the contract method 0xa9059cbb.
//
// Solidity: function transfer(address _to, uint256 _value) returns(bool success)
func (_CustomToken *CustomTokenTransactorSession) Transfer(_to common.Address, _value *big.Int) (*types.Transaction, error) {
	return _CustomToken.Contract.Transfer(&_CustomToken.TransactOpts, _to, _value)
}

// TransferFrom is a paid mutator transaction binding the contract method 0x23b872dd.
//
// Solidity: function transferFrom(address _from, address _to, uint256 _value) returns(bool success)
func (_CustomToken *CustomTokenTransactor) TransferFrom(opts *bind.TransactOpts, _from common.Address, _to common.Address, _value *big.Int) (*types.Transaction, error) {
	return _CustomToken.contract.Transact(opts, "transferFrom", _from, _to, _value)
}

// TransferFrom is a paid mutator transaction binding the contract method 0x23b872dd.
//
// Solidity: function transferFrom(address _from, address _to, uint256 _value) returns(bool success)
func (_CustomToken *CustomTokenSession) TransferFrom(_from common.Address, _to common.Address, _value *big.Int) (*types.Transaction, error) {
	return _CustomToken.Contract.TransferFrom(&_CustomToken.TransactOpts, _from, _to, _value)
}

// TransferFrom is a paid mutator transaction binding the contract method 0x23b872dd.
//
// Solidity: function transferFrom(address _from, address _to, uint256 _value) returns(bool success)
func (_CustomToken *CustomTokenTransactorSession) TransferFrom(_from common.Address, _to common.Address, _value *big.Int) (*types.Transaction, error) {
	return _CustomToken.Contract.TransferFrom(&_CustomToken.TransactOpts, _from, _to, _value)
}

// TransferFunds is a paid mutator transaction binding the contract method 0x3c68eb81.
//
// Solidity: function transferFunds() returns()
func (_CustomToken *CustomTokenTransactor) TransferFunds(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _CustomToken.contract.Transact(opts, "transferFunds")
}

// TransferFunds is a paid mutator transaction binding the contract method 0x3c68eb81.
//
// Solidity: function transferFunds() returns()
func (_CustomToken *CustomTokenSession) TransferFunds() (*types.Transaction, error) {
	return _CustomToken.Contract.TransferFunds(&_CustomToken.TransactOpts)
}

// TransferFunds is a paid mutator transaction binding the contract method 0x3c68eb81.
//
// Solidity: function transferFunds() returns()
func (_CustomToken *CustomTokenTransactorSession) TransferFunds() (*types.Transaction, error) {
	return _CustomToken.Contract.TransferFunds(&_CustomToken.TransactOpts)
}

// CustomTokenApprovalIterator is returned from FilterApproval and is used to iterate over the raw logs and unpacked data for Approval events raised by the CustomToken contract.
type CustomTokenApprovalIterator struct {
	Event *CustomTokenApproval // Event containing the contract specifics and raw log

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
func (it *CustomTokenApprovalIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(CustomTokenApproval)
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
		it.Event = new(CustomTokenApproval)
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
func (it *CustomTokenApprovalIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *CustomTokenApprovalIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// CustomTokenApproval represents a Approval event raised by the CustomToken contract.
type CustomTokenApproval struct {
	Owner   common.Address
	Spender common.Address
	Value   *big.Int
	Raw     types.Log // Blockchain specific contextual infos
}

// FilterApproval is a free log retrieval operation binding the contract event 0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925.
//
// Solidity: event Approval(address indexed _owner, address indexed _spender, uint256 _value)
func (_CustomToken *CustomTokenFilterer) FilterApproval(opts *bind.FilterOpts, _owner []common.Address, _spender []common.Address) (*CustomTokenApprovalIterator, error) {

	var _ownerRule []interface{}
	for _, _ownerItem := range _owner {
		_ownerRule = append(_ownerRule, _ownerItem)
	}
	var _spenderRule []interface{}
	for _, _spenderItem := range _spender {
		_spenderRule = append(_spenderRule, _spenderItem)
	}

	logs, sub, err := _CustomToken.contract.FilterLogs(opts, "Approval", _ownerRule, _spenderRule)
	if err != nil {
		return nil, err
	}
	return &CustomTokenApprovalIterator{contract: _CustomToken.contract, event: "Approval", logs: logs, sub: sub}, nil
}

// WatchApproval is a free log subscription operation binding the contract event 0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925.
//
// Solidity: event Approval(address indexed _owner, address indexed _spender, uint256 _value)
func (_CustomToken *CustomTokenFilterer) WatchApproval(opts *bind.WatchOpts, sink chan<- *CustomTokenApproval, _owner []common.Address, _spender []common.Address) (event.Subscription, error) {

	var _ownerRule []interface{}
	for _, _ownerItem := range _owner {
		_ownerRule = append(_ownerRule, _ownerItem)
	}
	var _spenderRule []interface{}
	for _, _spenderItem := range _spender {
		_spenderRule = append(_spenderRule, _spenderItem)
	}

	logs, sub, err := _CustomToken.contract.WatchLogs(opts, "Approval", _ownerRule, _spenderRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(CustomTokenApproval)
				if err := _CustomToken.contract.UnpackLog(event, "Approval", log); err != nil {
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

// ParseApproval is a log parse operation binding the contract event 0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925.
//
// Solidity: event Approval(address indexed _owner, address indexed _spender, uint256 _value)
func (_CustomToken *CustomTokenFilterer) ParseApproval(log types.Log) (*CustomTokenApproval, error) {
	event := new(CustomTokenApproval)
	if err := _CustomToken.contract.UnpackLog(event, "Approval", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// CustomTokenMintedIterator is returned from FilterMinted and is used to iterate over the raw logs and unpacked data for Minted events raised by the CustomToken contract.
type CustomTokenMintedIterator struct {
	Event *CustomTokenMinted // Event containing the contract specifics and raw log

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
func (it *CustomTokenMintedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(CustomTokenMinted)
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
		it.Event = new(CustomTokenMinted)
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
func (it *CustomTokenMintedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *CustomTokenMintedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// CustomTokenMinted represents a Minted event raised by the CustomToken contract.
type CustomTokenMinted struct {
	To  common.Address
	Num *big.Int
	Raw types.Log // Blockchain specific contextual infos
}

// FilterMinted is a free log retrieval operation binding the contract event 0x30385c845b448a36257a6a1716e6ad2e1bc2cbe333cde1e69fe849ad6511adfe.
//
// Solidity: event Minted(address indexed _to, uint256 indexed _num)
func (_CustomToken *CustomTokenFilterer) FilterMinted(opts *bind.FilterOpts, _to []common.Address, _num []*big.Int) (*CustomTokenMintedIterator, error) {

	var _toRule []interface{}
	for _, _toItem := range _to {
		_toRule = append(_toRule, _toItem)
	}
	var _numRule []interface{}
	for _, _numItem := range _num {
		_numRule = append(_numRule, _numItem)
	}

	logs, sub, err := _CustomToken.contract.FilterLogs(opts, "Minted", _toRule, _numRule)
	if err != nil {
		return nil, err
	}
	return &CustomTokenMintedIterator{contract: _CustomToken.contract, event: "Minted", logs: logs, sub: sub}, nil
}

// WatchMinted is a free log subscription operation binding the contract event 0x30385c845b448a36257a6a1716e6ad2e1bc2cbe333cde1e69fe849ad6511adfe.
//
// Solidity: event Minted(address indexed _to, uint256 indexed _num)
func (_CustomToken *CustomTokenFilterer) WatchMinted(opts *bind.WatchOpts, sink chan<- *CustomTokenMinted, _to []common.Address, _num []*big.Int) (event.Subscription, error) {

	var _toRule []interface{}
	for _, _toItem := range _to {
		_toRule = append(_toRule, _toItem)
	}
	var _numRule []interface{}
	for _, _numItem := range _num {
		_numRule = append(_numRule, _numItem)
	}

	logs, sub, err := _CustomToken.contract.WatchLogs(opts, "Minted", _toRule, _numRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(CustomTokenMinted)
				if err := _CustomToken.contract.UnpackLog(event, "Minted", log); err != nil {
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

// ParseMinted is a log parse operation binding the contract event 0x30385c845b448a36257a6a1716e6ad2e1bc2cbe333cde1e69fe849ad6511adfe.
//
// Solidity: event Minted(address indexed _to, uint256 indexed _num)
func (_CustomToken *CustomTokenFilterer) ParseMinted(log types.Log) (*CustomTokenMinted, error) {
	event := new(CustomTokenMinted)
	if err := _CustomToken.contract.UnpackLog(event, "Minted", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// CustomTokenTransferIterator is returned from FilterTransfer and is used to iterate over the raw logs and unpacked data for Transfer events raised by the CustomToken contract.
type CustomTokenTransferIterator struct {
	Event *CustomTokenTransfer // Event containing the contract specifics and raw log

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
func (it *CustomTokenTransferIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(CustomTokenTransfer)
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
		it.Event = new(CustomTokenTransfer)
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
func (it *CustomTokenTransferIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *CustomTokenTransferIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// CustomTokenTransfer represents a Transfer event raised by the CustomToken contract.
type CustomTokenTransfer struct {
	From  common.Address
	To    common.Address
	Value *big.Int
	Raw   types.Log // Blockchain specific contextual infos
}

// FilterTransfer is a free log retrieval operation binding the contract event 0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef.
//
// Solidity: event Transfer(address indexed _from, address indexed _to, uint256 _value)
func (_CustomToken *CustomTokenFilterer) FilterTransfer(opts *bind.FilterOpts, _from []common.Address, _to []common.Address) (*CustomTokenTransferIterator, error) {

	var _fromRule []interface{}
	for _, _fromItem := range _from {
		_fromRule = append(_fromRule, _fromItem)
	}
	var _toRule []interface{}
	for _, _toItem := range _to {
		_toRule = append(_toRule, _toItem)
	}

	logs, sub, err := _CustomToken.contract.FilterLogs(opts, "Transfer", _fromRule, _toRule)
	if err != nil {
		return nil, err
	}
	return &CustomTokenTransferIterator{contract: _CustomToken.contract, event: "Transfer", logs: logs, sub: sub}, nil
}

// WatchTransfer is a free log subscription operation binding the contract event 0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef.
//
// Solidity: event Transfer(address indexed _from, address indexed _to, uint256 _value)
func (_CustomToken *CustomTokenFilterer) WatchTransfer(opts *bind.WatchOpts, sink chan<- *CustomTokenTransfer, _from []common.Address, _to []common.Address) (event.Subscription, error) {

	var _fromRule []interface{}
	for _, _fromItem := range _from {
		_fromRule = append(_fromRule, _fromItem)
	}
	var _toRule []interface{}
	for _, _toItem := range _to {
		_toRule = append(_toRule, _toItem)
	}

	logs, sub, err := _CustomToken.contract.WatchLogs(opts, "Transfer", _fromRule, _toRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(CustomTokenTransfer)
				if err := _CustomToken.contract.UnpackLog(event, "Transfer", log); err != nil {
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

// ParseTransfer is a log parse operation binding the contract event 0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef.
//
// Solidity: event Transfer(address indexed _from, address indexed _to, uint256 _value)
func (_CustomToken *CustomTokenFilterer) ParseTransfer(log types.Log) (*CustomTokenTransfer, error) {
	event := new(CustomTokenTransfer)
	if err := _CustomToken.contract.UnpackLog(event, "Transfer", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}
