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

// TokenNetworkSettleInput is an auto generated low-level Go binding around an user-defined struct.
type TokenNetworkSettleInput struct {
	Participant       common.Address
	TransferredAmount *big.Int
	LockedAmount      *big.Int
	Locksroot         [32]byte
}

// TokenNetworkWithdrawInput is an auto generated low-level Go binding around an user-defined struct.
type TokenNetworkWithdrawInput struct {
	Participant          common.Address
	TotalWithdraw        *big.Int
	WithdrawableUntil    *big.Int
	ParticipantSignature []byte
	PartnerSignature     []byte
}

// TokenNetworkMetaData contains all meta data concerning the TokenNetwork contract.
var TokenNetworkMetaData = &bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_token_address\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"_secret_registry\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"_settle_timeout\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"_controller\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"_channel_participant_deposit_limit\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"_token_network_deposit_limit\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"channel_identifier\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"closing_participant\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"nonce\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"balance_hash\",\"type\":\"bytes32\"}],\"name\":\"ChannelClosed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"channel_identifier\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"participant\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"total_deposit\",\"type\":\"uint256\"}],\"name\":\"ChannelNewDeposit\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"channel_identifier\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"participant1\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"participant2\",\"type\":\"address\"}],\"name\":\"ChannelOpened\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"channel_identifier\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"participant1\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"participant1_amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"participant1_locksroot\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"participant2\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"participant2_amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"participant2_locksroot\",\"type\":\"bytes32\"}],\"name\":\"ChannelSettled\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"channel_identifier\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"receiver\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"locksroot\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"unlocked_amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"returned_tokens\",\"type\":\"uint256\"}],\"name\":\"ChannelUnlocked\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"channel_identifier\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"participant\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"total_withdraw\",\"type\":\"uint256\"}],\"name\":\"ChannelWithdraw\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"bool\",\"name\":\"new_value\",\"type\":\"bool\"}],\"name\":\"DeprecationSwitch\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"channel_identifier\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"closing_participant\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"nonce\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"balance_hash\",\"type\":\"bytes32\"}],\"name\":\"NonClosingBalanceProofUpdated\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"chain_id\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"new_controller\",\"type\":\"address\"}],\"name\":\"changeController\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"channel_counter\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"channel_participant_deposit_limit\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"name\":\"channels\",\"outputs\":[{\"internalType\":\"enumTokenNetwork.ChannelState\",\"name\":\"state\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"channel_identifier\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"non_closing_participant\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"closing_participant\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"balance_hash\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"nonce\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"additional_hash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes\",\"name\":\"non_closing_signature\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"closing_signature\",\"type\":\"bytes\"}],\"name\":\"closeChannel\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"contract_address\",\"type\":\"address\"}],\"name\":\"contractExists\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"controller\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"channel_identifier\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"participant\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"total_withdraw\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"withdrawable_until\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"participant_signature\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"partner_signature\",\"type\":\"bytes\"}],\"internalType\":\"structTokenNetwork.WithdrawInput\",\"name\":\"data1\",\"type\":\"tuple\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"participant\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"total_withdraw\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"withdrawable_until\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"participant_signature\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"partner_signature\",\"type\":\"bytes\"}],\"internalType\":\"structTokenNetwork.WithdrawInput\",\"name\":\"data2\",\"type\":\"tuple\"}],\"name\":\"cooperativeSettle\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"deprecate\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"a\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"b\",\"type\":\"uint256\"}],\"name\":\"failsafe_addition\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"a\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"b\",\"type\":\"uint256\"}],\"name\":\"failsafe_subtract\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"participant\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"partner\",\"type\":\"address\"}],\"name\":\"getChannelIdentifier\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"channel_identifier\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"participant\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"partner\",\"type\":\"address\"}],\"name\":\"getChannelParticipantInfo\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"},{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"},{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"channel_identifier\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"participant1\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"participant2\",\"type\":\"address\"}],\"name\":\"getChannelState\",\"outputs\":[{\"internalType\":\"enumTokenNetwork.ChannelState\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"participant1_deposit\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"participant1_withdrawn\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"participant1_transferred\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"participant1_locked\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"participant2_transferred\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"participant2_locked\",\"type\":\"uint256\"}],\"name\":\"getMaxPossibleReceivableAmount\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"participant\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"partner\",\"type\":\"address\"}],\"name\":\"getParticipantsHash\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"channel_identifier\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"receiver\",\"type\":\"address\"}],\"name\":\"getUnlockIdentifier\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"a\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"b\",\"type\":\"uint256\"}],\"name\":\"max\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"a\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"b\",\"type\":\"uint256\"}],\"name\":\"min\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"participant1\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"participant2\",\"type\":\"address\"}],\"name\":\"openChannel\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"participant1\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"participant2\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"participant1_total_deposit\",\"type\":\"uint256\"}],\"name\":\"openChannelWithDeposit\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"name\":\"participants_hash_to_channel_identifier\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"removeLimits\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"safety_deprecation_switch\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"secret_registry\",\"outputs\":[{\"internalType\":\"contractSecretRegistry\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"channel_identifier\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"participant\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"total_deposit\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"partner\",\"type\":\"address\"}],\"name\":\"setTotalDeposit\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"channel_identifier\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"participant\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"total_withdraw\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"withdrawable_until\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"participant_signature\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"partner_signature\",\"type\":\"bytes\"}],\"name\":\"setTotalWithdraw\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"channel_identifier\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"participant\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"total_withdraw\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"withdrawable_until\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"participant_signature\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"partner_signature\",\"type\":\"bytes\"}],\"internalType\":\"structTokenNetwork.WithdrawInput\",\"name\":\"withdraw_data\",\"type\":\"tuple\"}],\"name\":\"setTotalWithdraw2\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"channel_identifier\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"participant1\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"participant1_transferred_amount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"participant1_locked_amount\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"participant1_locksroot\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"participant2\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"participant2_transferred_amount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"participant2_locked_amount\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"participant2_locksroot\",\"type\":\"bytes32\"}],\"name\":\"settleChannel\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"channel_identifier\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"participant\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"transferred_amount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"locked_amount\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"locksroot\",\"type\":\"bytes32\"}],\"internalType\":\"structTokenNetwork.SettleInput\",\"name\":\"participant1_settlement\",\"type\":\"tuple\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"participant\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"transferred_amount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"locked_amount\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"locksroot\",\"type\":\"bytes32\"}],\"internalType\":\"structTokenNetwork.SettleInput\",\"name\":\"participant2_settlement\",\"type\":\"tuple\"}],\"name\":\"settleChannel2\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"settle_timeout\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"name\":\"settleable_after\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"signature_prefix\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"token\",\"outputs\":[{\"internalType\":\"contractToken\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"token_network_deposit_limit\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"channel_identifier\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"receiver\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"},{\"internalType\":\"bytes\",\"name\":\"locks\",\"type\":\"bytes\"}],\"name\":\"unlock\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"channel_identifier\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"closing_participant\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"non_closing_participant\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"balance_hash\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"nonce\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"additional_hash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes\",\"name\":\"closing_signature\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"non_closing_signature\",\"type\":\"bytes\"}],\"name\":\"updateNonClosingBalanceProof\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	Bin: "0x60806040526007805460ff191690553480156200001b57600080fd5b50604051620044e6380380620044e68339810160408190526200003e916200047c565b6001600160a01b0386166200009a5760405162461bcd60e51b815260206004820152601960248201527f544e3a20696e76616c696420746f6b656e20616464726573730000000000000060448201526064015b60405180910390fd5b6001600160a01b038516620000f25760405162461bcd60e51b815260206004820152601660248201527f544e3a20696e76616c6964205352206164647265737300000000000000000000604482015260640162000091565b6001600160a01b0383166200014a5760405162461bcd60e51b815260206004820152601e60248201527f544e3a20696e76616c696420636f6e74726f6c6c657220616464726573730000604482015260640162000091565b853b6200019a5760405162461bcd60e51b815260206004820152601a60248201527f544e3a20696e76616c696420746f6b656e20636f6e7472616374000000000000604482015260640162000091565b843b620001ea5760405162461bcd60e51b815260206004820152601760248201527f544e3a20696e76616c696420535220636f6e7472616374000000000000000000604482015260640162000091565b600082116200023c5760405162461bcd60e51b815260206004820152601d60248201527f544e3a20696e76616c6964207061727469636970616e74206c696d6974000000604482015260640162000091565b60008111620002985760405162461bcd60e51b815260206004820152602160248201527f544e3a20696e76616c6964206e6574776f726b206465706f736974206c696d696044820152601d60fa1b606482015260840162000091565b81811015620002ea5760405162461bcd60e51b815260206004820152601a60248201527f544e3a20696e76616c6964206465706f736974206c696d697473000000000000604482015260640162000091565b600180546001600160a01b038089166001600160a01b031992831617909255600280549288169290911691909117905583620003695760405162461bcd60e51b815260206004820152601b60248201527f544e523a20696e76616c696420736574746c652074696d656f75740000000000604482015260640162000091565b6003849055600154604080516318160ddd60e01b815290516000926001600160a01b0316916318160ddd9160048083019260209291908290030181865afa158015620003b9573d6000803e3d6000fd5b505050506040513d601f19601f82011682018060405250810190620003df9190620004e2565b116200042e5760405162461bcd60e51b815260206004820152601760248201527f544e3a206e6f20737570706c7920666f7220746f6b656e000000000000000000604482015260640162000091565b600080546001600160a01b0319166001600160a01b03949094169390931790925560045560055550620004fc915050565b80516001600160a01b03811681146200047757600080fd5b919050565b60008060008060008060c087890312156200049657600080fd5b620004a1876200045f565b9550620004b1602088016200045f565b945060408701519350620004c8606088016200045f565b92506080870151915060a087015190509295509295509295565b600060208284031215620004f557600080fd5b5051919050565b613fda806200050c6000396000f3fe608060405234801561001057600080fd5b50600436106102325760003560e01c80637c4734f411610130578063c2dfc650116100b8578063ee4516d91161007c578063ee4516d914610516578063f77c479114610564578063fadc554b14610577578063fc0c546a1461058a578063fe49ba1c1461059d57600080fd5b8063c2dfc6501461049a578063ca463cce146104ba578063d44403b7146104cd578063e1d1882b146104e0578063e5949b5d146104f357600080fd5b8063938bcd67116100ff578063938bcd67146104345780639cadb159146104475780639e67ca5f1461045a578063b7506d701461046d578063bb253ff61461047a57600080fd5b80637c4734f4146103b557806382fd7795146103c857806387234237146103db5780638e51d6241461042157600080fd5b80634845be76116101be5780636d5433e6116101825780636d5433e6146103505780637313b25a14610363578063751039fc146103765780637709bc781461037e5780637ae2b5c7146103a257600080fd5b80634845be7614610302578063524bef8a1461030b5780635d6e441b1461032b57806363ea014314610334578063679b37631461034757600080fd5b80631b0b3280116102055780631b0b32801461029457806324d73a93146102b55780632db91aaf146102e05780633af973b1146102e95780633cebb823146102ef57600080fd5b806303d9d253146102375780630d4dc17f1461024c5780630fcc0c281461025f578063187adf2e14610267575b600080fd5b61024a6102453660046134ca565b6105b0565b005b61024a61025a3660046135e1565b6109bd565b61024a610efb565b61027a610275366004613628565b610f8d565b604080519283526020830191909152015b60405180910390f35b6102a76102a236600461364a565b610fb0565b60405190815260200161028b565b6002546102c8906001600160a01b031681565b6040516001600160a01b03909116815260200161028b565b6102a760035481565b466102a7565b61024a6102fd366004613686565b610ff9565b6102a760055481565b6102a76103193660046136a1565b600a6020526000908152604090205481565b6102a760045481565b61024a6103423660046136ba565b611045565b6102a760065481565b6102a761035e366004613628565b6110bf565b61024a610371366004613700565b6110d9565b61024a6113d1565b61039261038c366004613686565b3b151590565b604051901515815260200161028b565b6102a76103b0366004613628565b611408565b6102a76103c336600461376d565b61141d565b61024a6103d63660046137a0565b6115a7565b6104146040518060400160405280601a8152602001790ca2ba3432b932bab69029b4b3b732b21026b2b9b9b0b3b29d0560311b81525081565b60405161028b91906138a8565b6102a761042f366004613628565b6117fe565b6102a761044236600461376d565b61181a565b61024a6104553660046138bb565b611942565b61024a610468366004613974565b61199f565b6007546103929060ff1681565b61048d610488366004613a11565b611aea565b60405161028b9190613a63565b6102a76104a83660046136a1565b60096020526000908152604090205481565b61024a6104c8366004613af6565b611b9c565b6102a76104db366004613b2c565b61203d565b6102a76104ee36600461376d565b6120ff565b61048d6105013660046136a1565b60086020526000908152604090205460ff1681565b610529610524366004613a11565b61231f565b604080519788526020880196909652931515948601949094526060850191909152608084015260a083019190915260c082015260e00161028b565b6000546102c8906001600160a01b031681565b61024a610585366004613b6f565b6123ae565b6001546102c8906001600160a01b031681565b6102a76105ab366004613a11565b612791565b6105ba838361181a565b8414156106195760405162461bcd60e51b815260206004820152602260248201527f544e2f756e6c6f636b3a206368616e6e656c206964207374696c6c2065786973604482015261747360f01b60648201526084015b60405180910390fd5b60008481526008602052604081205460ff16600481111561063c5761063c613a4d565b146106895760405162461bcd60e51b815260206004820152601e60248201527f544e2f756e6c6f636b3a206368616e6e656c206e6f7420736574746c656400006044820152606401610610565b600080600080600061069a8661284b565b90945092506106aa89888a612791565b6000818152600b602052604090206001810154815492975093509085146107135760405162461bcd60e51b815260206004820152601d60248201527f544e2f756e6c6f636b3a206c6f636b73726f6f74206d69736d617463680000006044820152606401610610565b600083116107635760405162461bcd60e51b815260206004820152601d60248201527f544e2f756e6c6f636b3a207a65726f206c6f636b656420616d6f756e740000006044820152606401610610565b61076d8484611408565b93506107798484613c40565b6000878152600b602090815260408083208381556001019290925581518881529081018790529081018290529092506001600160a01b0389811691908b16908c907f8c03cf01b3d4e6068cc494e6fe02aa9e3d4af069d37c32ecc3b241af5c37e6c09060600160405180910390a483156108bc5760015460405163a9059cbb60e01b81526001600160a01b038b81166004830152602482018790529091169063a9059cbb906044016020604051808303816000875af1158015610840573d6000803e3d6000fd5b505050506040513d601f19601f820116820180604052508101906108649190613c57565b6108bc5760405162461bcd60e51b815260206004820152602360248201527f544e2f756e6c6f636b3a20756e6c6f636b6564207472616e73666572206661696044820152621b195960ea1b6064820152608401610610565b81156109915760015460405163a9059cbb60e01b81526001600160a01b038a81166004830152602482018590529091169063a9059cbb906044016020604051808303816000875af1158015610915573d6000803e3d6000fd5b505050506040513d601f19601f820116820180604052508101906109399190613c57565b6109915760405162461bcd60e51b815260206004820152602360248201527f544e2f756e6c6f636b3a2072657475726e6564207472616e73666572206661696044820152621b195960ea1b6064820152608401610610565b818310156109a1576109a1613c79565b838310156109b1576109b1613c79565b50505050505050505050565b81600160008281526008602052604090205460ff1660048111156109e3576109e3613a4d565b14610a005760405162461bcd60e51b815260040161061090613c8f565b600080600080856020015111610a645760405162461bcd60e51b815260206004820152602360248201527f544e2f77697468647261773a20746f74616c207769746864726177206973207a60448201526265726f60e81b6064820152608401610610565b84604001514210610aae5760405162461bcd60e51b815260206004820152601460248201527315138bddda5d1a191c985dce88195e1c1a5c995960621b6044820152606401610610565b610acb8686600001518760200151886040015189606001516128f1565b6001600160a01b031685600001516001600160a01b031614610b3b5760405162461bcd60e51b8152602060048201526024808201527f544e2f77697468647261773a20696e76616c6964207061727469636970616e746044820152632073696760e01b6064820152608401610610565b610b588686600001518760200151886040015189608001516128f1565b9050610b6885600001518261181a565b8614610bb65760405162461bcd60e51b815260206004820181905260248201527f544e2f77697468647261773a206368616e6e656c206964206d69736d617463686044820152606401610610565b600086815260086020908152604080832088516001600160a01b039081168552600182019093528184209285168452922080548254610bf59190613cbd565b95508581600101548960200151610c0c9190613cbd565b1115610c5a5760405162461bcd60e51b815260206004820152601f60248201527f544e2f77697468647261773a207769746864726177203e206465706f736974006044820152606401610610565b80600101548860200151610c6e9190613cbd565b88602001511115610cb95760405162461bcd60e51b8152602060048201526015602482015274544e2f77697468647261773a206f766572666c6f7760581b6044820152606401610610565b81600101548860200151610ccd9190613c40565b94508760200151851115610d1c5760405162461bcd60e51b8152602060048201526016602482015275544e2f77697468647261773a20756e646572666c6f7760501b6044820152606401610610565b60008511610d6c5760405162461bcd60e51b815260206004820152601b60248201527f544e2f77697468647261773a20616d6f756e74206973207a65726f00000000006044820152606401610610565b8760200151858360010154610d819190613cbd565b14610d8e57610d8e613c79565b87600001516001600160a01b0316897f98ed0357b86b313fa9f968de5c9d2bcf591432355b34aa1ab7e3e9e92f4284088a60200151604051610dd291815260200190565b60405180910390a3602088015160018381019190915554885160405163a9059cbb60e01b81526001600160a01b0391821660048201526024810188905291169063a9059cbb906044016020604051808303816000875af1158015610e3a573d6000803e3d6000fd5b505050506040513d601f19601f82011682018060405250810190610e5e9190613c57565b610eaa5760405162461bcd60e51b815260206004820152601c60248201527f544e2f77697468647261773a207472616e73666572206661696c6564000000006044820152606401610610565b8154861015610ebb57610ebb613c79565b8054861015610ecc57610ecc613c79565b600482015415610ede57610ede613c79565b600481015415610ef057610ef0613c79565b505050505050505050565b60075460ff1615610f1e5760405162461bcd60e51b815260040161061090613cd5565b6000546001600160a01b03163314610f485760405162461bcd60e51b815260040161061090613d0c565b6007805460ff191660019081179091556040519081527f6151930a846a85f5e64d2dd1cc5deeafb010c63eec4b600458158edd0e33f15d9060200160405180910390a1565b600080828411610f9f57600084610fa4565b828403835b915091505b9250929050565b60075460009060ff1615610fd65760405162461bcd60e51b815260040161061090613cd5565b6000610fe285856120ff565b9050610ff181868587336129a7565b949350505050565b6000546001600160a01b031633146110235760405162461bcd60e51b815260040161061090613d0c565b600080546001600160a01b0319166001600160a01b0392909216919091179055565b60075460ff16156110685760405162461bcd60e51b815260040161061090613cd5565b83600160008281526008602052604090205460ff16600481111561108e5761108e613a4d565b146110ab5760405162461bcd60e51b815260040161061090613c8f565b6110b885858585336129a7565b5050505050565b60008183116110ce57816110d0565b825b90505b92915050565b82600160008281526008602052604090205460ff1660048111156110ff576110ff613a4d565b1461111c5760405162461bcd60e51b815260040161061090613c8f565b8251825160009161112c9161181a565b85146111855760405162461bcd60e51b815260206004820152602260248201527f544e2f636f6f70536574746c653a206368616e6e656c206964206d69736d61746044820152610c6d60f31b6064820152608401610610565b600085815260086020908152604080832087516001600160a01b03908116855260018201909352818420875190931684529220805482546111c69190613cbd565b935083866020015188602001516111dd9190613cbd565b146112345760405162461bcd60e51b815260206004820152602160248201527f544e2f636f6f70536574746c653a20696e636f6d706c65746520616d6f756e746044820152607360f81b6064820152608401610610565b856020015187602001516112489190613cbd565b8760200151111561129b5760405162461bcd60e51b815260206004820152601760248201527f544e2f636f6f70536574746c653a206f766572666c6f770000000000000000006044820152606401610610565b6020870151156112fd57604051630d4dc17f60e01b81523090630d4dc17f906112ca908b908b90600401613d41565b600060405180830381600087803b1580156112e457600080fd5b505af11580156112f8573d6000803e3d6000fd5b505050505b60208601511561135f57604051630d4dc17f60e01b81523090630d4dc17f9061132c908b908a90600401613d41565b600060405180830381600087803b15801561134657600080fd5b505af115801561135a573d6000803e3d6000fd5b505050505b611373838989600001518960000151612dd1565b877f5e973099ee6bae497f110b6b50e988c2a10decca1eb93982a42af12f297fc91c8860000151896020015160008a600001518b6020015160006040516113bf96959493929190613daf565b60405180910390a25050505050505050565b6000546001600160a01b031633146113fb5760405162461bcd60e51b815260040161061090613d0c565b6000196004819055600555565b600081831161141757826110d0565b50919050565b60006001600160a01b0383166114755760405162461bcd60e51b815260206004820152601c60248201527f544e3a207061727469636970616e742061646472657373207a65726f000000006044820152606401610610565b6001600160a01b0382166114c65760405162461bcd60e51b8152602060048201526018602482015277544e3a20706172746e65722061646472657373207a65726f60401b6044820152606401610610565b816001600160a01b0316836001600160a01b031614156115225760405162461bcd60e51b8152602060048201526017602482015276544e3a206964656e746963616c2061646472657373657360481b6044820152606401610610565b816001600160a01b0316836001600160a01b0316101561157e576040516001600160601b0319606085811b8216602084015284901b1660348201526048015b6040516020818303038152906040528051906020012090506110d3565b6040516001600160601b0319606084811b8216602084015285901b166034820152604801611561565b87600160008281526008602052604090205460ff1660048111156115cd576115cd613a4d565b146115ea5760405162461bcd60e51b815260040161061090613c8f565b6115f4878961181a565b89146116425760405162461bcd60e51b815260206004820152601d60248201527f544e2f636c6f73653a206368616e6e656c206964206d69736d617463680000006044820152606401610610565b60008981526008602052604081208054600290829060ff191660018302179055506001600160a01b038916600090815260018281016020526040909120600201805460ff1916909117905560035461169a9042613cbd565b60008c8152600960205260408120919091556116bc60018d8b8b8b8b8b612e7d565b9050806001600160a01b03168a6001600160a01b03161461171f5760405162461bcd60e51b815260206004820152601d60248201527f544e2f636c6f73653a20696e76616c696420636c6f73696e67207369670000006044820152606401610610565b87156117ab576117328c8a8a8a8a612f17565b9250826001600160a01b03168b6001600160a01b03161461179f5760405162461bcd60e51b815260206004820152602160248201527f544e2f636c6f73653a20696e76616c6964206e6f6e2d636c6f73696e672073696044820152606760f81b6064820152608401610610565b6117ab82848a8c612f83565b878a6001600160a01b03168d7f09d2f946e008c38931cd739dd20e35146deff8ab3134caee6d54fe50816a81b88c6040516117e891815260200190565b60405180910390a4505050505050505050505050565b60008282018381101561181357600019610ff1565b9392505050565b60006001600160a01b0383166118725760405162461bcd60e51b815260206004820152601c60248201527f544e3a207061727469636970616e742061646472657373207a65726f000000006044820152606401610610565b6001600160a01b0382166118c35760405162461bcd60e51b8152602060048201526018602482015277544e3a20706172746e65722061646472657373207a65726f60401b6044820152606401610610565b816001600160a01b0316836001600160a01b0316141561191f5760405162461bcd60e51b8152602060048201526017602482015276544e3a206964656e746963616c2061646472657373657360481b6044820152606401610610565b600061192b848461141d565b6000908152600a6020526040902054949350505050565b610ef08960405180608001604052808b6001600160a01b031681526020018a8152602001898152602001888152506040518060800160405280886001600160a01b0316815260200187815260200186815260200185815250611b9c565b87600160008281526008602052604090205460ff1660048111156119c5576119c5613a4d565b146119e25760405162461bcd60e51b815260040161061090613c8f565b306001600160a01b0316630d4dc17f8a6040518060a001604052808c6001600160a01b031681526020018b81526020018a815260200189898080601f016020809104026020016040519081016040528093929190818152602001838380828437600092019190915250505090825250604080516020601f8a018190048102820181019092528881529181019190899089908190840183828082843760009201919091525050509152506040516001600160e01b031960e085901b168152611aad929190600401613d41565b600060405180830381600087803b158015611ac757600080fd5b505af1158015611adb573d6000803e3d6000fd5b50505050505050505050505050565b600083815260086020526040812080548291829160ff1682816004811115611b1457611b14613a4d565b148015611b215750600088115b8015611b2f57506006548811155b15611b9157506003611b42888888612791565b6000818152600b60205260409020909450611b5e89888a612791565b6000818152600b60205260409020600183015491955090158015611b8457506001810154155b15611b8e57600492505b50505b979650505050505050565b81518151611baa828261181a565b8514611bf85760405162461bcd60e51b815260206004820152601e60248201527f544e2f736574746c653a206368616e6e656c206964206d69736d6174636800006044820152606401610610565b60008581526008602052604090206002815460ff166004811115611c1e57611c1e613a4d565b14611c6b5760405162461bcd60e51b815260206004820152601d60248201527f544e2f736574746c653a206368616e6e656c206e6f7420636c6f7365640000006044820152606401610610565b6000868152600960205260409020544211611cc85760405162461bcd60e51b815260206004820152601d60248201527f544e2f736574746c653a20736574746c656d656e742074696d656f75740000006044820152606401610610565b6001600160a01b03808416600090815260018301602052604080822092851682529020611cf58288612ff5565b611d535760405162461bcd60e51b815260206004820152602960248201527f544e2f736574746c653a20696e76616c6964206461746120666f72207061727460448201526869636970616e74203160b81b6064820152608401610610565b611d5d8187612ff5565b611dbb5760405162461bcd60e51b815260206004820152602960248201527f544e2f736574746c653a20696e76616c6964206461746120666f72207061727460448201526834b1b4b830b73a101960b91b6064820152608401610610565b611dd98288602001518960400151848a602001518b60400151613070565b6040808b01919091528a0152602088810191909152880152611dfd83898787612dd1565b611e088888866131fe565b611e138887876131fe565b877f5e973099ee6bae497f110b6b50e988c2a10decca1eb93982a42af12f297fc91c8689602001518a60600151888b602001518c60600151604051611e5d96959493929190613daf565b60405180910390a2602087015115611f4c57600154602088015160405163a9059cbb60e01b81526001600160a01b038881166004830152602482019290925291169063a9059cbb906044016020604051808303816000875af1158015611ec7573d6000803e3d6000fd5b505050506040513d601f19601f82011682018060405250810190611eeb9190613c57565b611f4c5760405162461bcd60e51b815260206004820152602c60248201527f544e2f736574746c653a207472616e7366657220666f7220706172746963697060448201526b185b9d080c4819985a5b195960a21b6064820152608401610610565b60208601511561203357600154602087015160405163a9059cbb60e01b81526001600160a01b038781166004830152602482019290925291169063a9059cbb906044016020604051808303816000875af1158015611fae573d6000803e3d6000fd5b505050506040513d601f19601f82011682018060405250810190611fd29190613c57565b6120335760405162461bcd60e51b815260206004820152602c60248201527f544e2f736574746c653a207472616e7366657220666f7220706172746963697060448201526b185b9d080c8819985a5b195960a21b6064820152608401610610565b5050505050505050565b600080600080600061204f89896117fe565b935061205b87876117fe565b9250838310156120ad5760405162461bcd60e51b815260206004820152601960248201527f544e3a207472616e7366657273206e6f74206f726465726564000000000000006044820152606401610610565b888410156120bd576120bd613c79565b868310156120cd576120cd613c79565b6120d78484613c40565b91506120e3828c6117fe565b90506120ef818b610f8d565b509b9a5050505050505050505050565b60075460009060ff16156121255760405162461bcd60e51b815260040161061090613cd5565b6005546001546040516370a0823160e01b8152306004820152600092839290916001600160a01b03909116906370a0823190602401602060405180830381865afa158015612177573d6000803e3d6000fd5b505050506040513d601f19601f8201168201806040525081019061219b9190613de9565b106121f75760405162461bcd60e51b815260206004820152602660248201527f544e2f6f70656e3a206e6574776f726b206465706f736974206c696d69742072604482015265195858da195960d21b6064820152608401610610565b60016006600082825461220a9190613cbd565b9091555050600654905061221e858561141d565b6000818152600a60205260409020549092501561228e5760405162461bcd60e51b815260206004820152602860248201527f544e2f6f70656e3a206368616e6e656c2065786973747320666f72207061727460448201526769636970616e747360c01b6064820152608401610610565b6000828152600a602090815260408083208490558383526008909152812090815460ff1660048111156122c3576122c3613a4d565b146122d0576122d0613c79565b805460ff191660011781556040516001600160a01b03808716919088169084907f55bc5cbdb280ba924235746821de33542a878e786d67a54fd0a95bd64019384490600090a450949350505050565b60008381526008602090815260408083206001600160a01b03861684526001019091528120819081908190819081908190819061235d8c8c8c612791565b6000908152600b6020526040902081546001808401546002850154600386015460049096015485549390950154939d50909b5060ff1699509297509095509093509150509397509397509397909450565b6123b8898961181a565b8a146124065760405162461bcd60e51b815260206004820152601e60248201527f544e2f7570646174653a206368616e6e656c206964206d69736d6174636800006044820152606401610610565b866124535760405162461bcd60e51b815260206004820152601f60248201527f544e2f7570646174653a2062616c616e63652068617368206973207a65726f006044820152606401610610565b600086116124a35760405162461bcd60e51b815260206004820152601860248201527f544e2f7570646174653a206e6f6e6365206973207a65726f00000000000000006044820152606401610610565b60008a815260086020526040812081906002815460ff1660048111156124cb576124cb613a4d565b146125185760405162461bcd60e51b815260206004820152601d60248201527f544e2f7570646174653a206368616e6e656c206e6f7420636c6f7365640000006044820152606401610610565b6125a260028e8c8c8c8c8c8080601f016020809104026020016040519081016040528093929190818152602001838380828437600081840152601f19601f820116905080830192505050505050508b8b8080601f016020809104026020016040519081016040528093929190818152602001838380828437600092019190915250612e7d92505050565b9250826001600160a01b03168b6001600160a01b0316146126105760405162461bcd60e51b815260206004820152602260248201527f544e2f7570646174653a20696e76616c6964206e6f6e2d636c6f73696e672073604482015261696760f01b6064820152608401610610565b6126538d8b8b8b8b8b8080601f016020809104026020016040519081016040528093929190818152602001838380828437600092019190915250612f1792505050565b9150816001600160a01b03168c6001600160a01b0316146126b65760405162461bcd60e51b815260206004820152601e60248201527f544e2f7570646174653a20696e76616c696420636c6f73696e672073696700006044820152606401610610565b6001600160a01b038c1660009081526001820160205260409020600281015460ff166127305760405162461bcd60e51b8152602060048201526024808201527f544e2f7570646174653a20696e636f7272656374207369676e6174757265206f604482015263393232b960e11b6064820152608401610610565b61273c828e8c8e612f83565b898d6001600160a01b03168f7f6fc5b4f4f9e65bfdc4c45456373906876cee8832b605478e281902468875eaed8e60405161277991815260200190565b60405180910390a45050505050505050505050505050565b6000816001600160a01b0316836001600160a01b031614156127f55760405162461bcd60e51b815260206004820152601c60248201527f544e3a2073656e6465722f7265636569766572206d69736d61746368000000006044820152606401610610565b83838360405160200161282c93929190928352606091821b6001600160601b03199081166020850152911b16603482015260480190565b6040516020818303038152906040528051906020012090509392505050565b8051600090819061285d606082613e02565b156128a35760405162461bcd60e51b8152602060048201526016602482015275544e3a20696e76616c6964206c6f636b732073697a6560501b6044820152606401610610565b6020600080805b848410156128dc576128bc8885613245565b91506128c88284613cbd565b92506128d5606085613cbd565b93506128aa565b50508551602090960195909520959350505050565b6000806040518060400160405280600381526020016203230360ec1b815250905060006040518060400160405280601a8152602001790ca2ba3432b932bab69029b4b3b732b21026b2b9b9b0b3b29d0560311b8152508230466003600681111561295d5761295d613a4d565b8c8c8c8c60405160200161297999989796959493929190613e24565b60405160208183030381529060405280519060200120905061299b8185613308565b98975050505050505050565b6129b1848361181a565b85146129ff5760405162461bcd60e51b815260206004820152601f60248201527f544e2f6465706f7369743a206368616e6e656c206964206d69736d61746368006044820152606401610610565b60008311612a595760405162461bcd60e51b815260206004820152602160248201527f544e2f6465706f7369743a20746f74616c5f6465706f736974206973207a65726044820152606f60f81b6064820152608401610610565b600454831115612ab55760405162461bcd60e51b815260206004820152602160248201527f544e2f6465706f7369743a206465706f736974206c696d6974207265616368656044820152601960fa1b6064820152608401610610565b60008581526008602090815260408083206001600160a01b038089168552600182019093528184209286168452908320825480880394939190881415612b3d5760405162461bcd60e51b815260206004820152601c60248201527f544e2f6465706f7369743a206e6f206465706f736974206164646564000000006044820152606401610610565b87851115612b8d5760405162461bcd60e51b815260206004820152601d60248201527f544e2f6465706f7369743a206465706f73697420756e646572666c6f770000006044820152606401610610565b815485018814612b9f57612b9f613c79565b6005546001546040516370a0823160e01b815230600482015287916001600160a01b0316906370a0823190602401602060405180830381865afa158015612bea573d6000803e3d6000fd5b505050506040513d601f19601f82011682018060405250810190612c0e9190613de9565b011115612c675760405162461bcd60e51b815260206004820152602160248201527f544e2f6465706f7369743a206e6574776f726b206c696d6974207265616368656044820152601960fa1b6064820152608401610610565b87825580548801935087841015612cc05760405162461bcd60e51b815260206004820152601c60248201527f544e2f6465706f7369743a206465706f736974206f766572666c6f77000000006044820152606401610610565b886001600160a01b03168a7f2b55547a3b586ab51f65ee9ce4927fa6d25191388299988e89e059a02f9dd4458460000154604051612d0091815260200190565b60405180910390a36001546040516323b872dd60e01b81526001600160a01b03888116600483015230602483015260448201889052909116906323b872dd906064016020604051808303816000875af1158015612d61573d6000803e3d6000fd5b505050506040513d601f19601f82011682018060405250810190612d859190613c57565b6109b15760405162461bcd60e51b815260206004820152601b60248201527f544e2f6465706f7369743a207472616e73666572206661696c656400000000006044820152606401610610565b6001600160a01b0380831660009081526001808701602090815260408084208481558084018590556002808201805460ff19908116909155600380840188905560049384018890559789168752838720878155958601879055908501805482169055958401859055929092018390558683526008815281832080549094169093556009909252908120819055612e67838361141d565b6000908152600a60205260408120555050505050565b60408051808201909152601d81527f19457468657265756d205369676e6564204d6573736167653a0a3237370000006020820152600090818130468c6006811115612eca57612eca613a4d565b8c8c8c8c8c604051602001612ee799989796959493929190613e9c565b604051602081830303815290604052805190602001209050612f098185613308565b9a9950505050505050505050565b604080518082018252600381526219189960e91b60208083019190915282518084018452601a8152790ca2ba3432b932bab69029b4b3b732b21026b2b9b9b0b3b29d0560311b8183015292516000938492612979928591309146916001918f918f918f918f9101613f12565b6001600160a01b0383166000908152600185016020526040902060048101548311612fe35760405162461bcd60e51b815260206004820152601060248201526f15138e881b9bdb98d9481c995d5cd95960821b6044820152606401610610565b60048101929092556003909101555050565b600382015460009015801561300c57506020820151155b801561301a57506040820151155b15613027575060016110d3565b6020808301516040808501516060808701518351958601949094529184015282015260800160405160208183030381529060405280519060200120836003015414905092915050565b60008060008060008060006130a66040518060800160405280600081526020016000815260200160008152602001600081525090565b6130d16040518060800160405280600081526020016000815260200160008152602001600081525090565b8e600001548260000181815250508e600101548260200181815250508d8260400181815250508c8260600181815250508b600001548160000181815250508b600101548160200181815250508a8160400181815250508981606001818152505061313b8f8d6133db565b925061316382600001518360200151846040015185606001518560400151866060015161203d565b945061316f8584611408565b945061317b8584613c40565b9350613187858b610f8d565b9a509450613195848e610f8d565b9d509350828511156131a9576131a9613c79565b828411156131b9576131b9613c79565b898d6131c58688613cbd565b6131cf9190613cbd565b6131d99190613cbd565b83146131e7576131e7613c79565b50929d919c50999a50959850949650505050505050565b604082015161320c57505050565b600061321d84846000015184612791565b6000908152600b60205260409081902060608501518155930151600190930192909255505050565b6000806000806000858751116132625760009450505050506110d3565b5084860180516020820151604092830151600254935163776a7d7560e11b815260048101829052929650909450916001600160a01b03169063eed4faea90602401602060405180830381865afa1580156132c0573d6000803e3d6000fd5b505050506040513d601f19601f820116820180604052508101906132e49190613de9565b91508115806132f35750818411155b156132fd57600092505b509095945050505050565b6000815160411461331857600080fd5b60208201516040830151606084015160001a601b8110156133415761333e601b82613f7f565b90505b8060ff16601b148061335657508060ff16601c145b61335f57600080fd5b60408051600081526020810180835288905260ff831691810191909152606081018490526080810183905260019060a0016020604051602081039080840390855afa1580156133b2573d6000803e3d6000fd5b5050604051601f1901519450506001600160a01b0384166133d257600080fd5b50505092915050565b600180820154908301548254845460009392916133f791613cbd565b6134019190613c40565b6110d09190613c40565b80356001600160a01b038116811461342257600080fd5b919050565b634e487b7160e01b600052604160045260246000fd5b600082601f83011261344e57600080fd5b813567ffffffffffffffff8082111561346957613469613427565b604051601f8301601f19908116603f0116810190828211818310171561349157613491613427565b816040528381528660208588010111156134aa57600080fd5b836020870160208301376000602085830101528094505050505092915050565b600080600080608085870312156134e057600080fd5b843593506134f06020860161340b565b92506134fe6040860161340b565b9150606085013567ffffffffffffffff81111561351a57600080fd5b6135268782880161343d565b91505092959194509250565b600060a0828403121561354457600080fd5b60405160a0810167ffffffffffffffff828210818311171561356857613568613427565b816040528293506135788561340b565b8352602085013560208401526040850135604084015260608501359150808211156135a257600080fd5b6135ae8683870161343d565b606084015260808501359150808211156135c757600080fd5b506135d48582860161343d565b6080830152505092915050565b600080604083850312156135f457600080fd5b82359150602083013567ffffffffffffffff81111561361257600080fd5b61361e85828601613532565b9150509250929050565b6000806040838503121561363b57600080fd5b50508035926020909101359150565b60008060006060848603121561365f57600080fd5b6136688461340b565b92506136766020850161340b565b9150604084013590509250925092565b60006020828403121561369857600080fd5b6110d08261340b565b6000602082840312156136b357600080fd5b5035919050565b600080600080608085870312156136d057600080fd5b843593506136e06020860161340b565b9250604085013591506136f56060860161340b565b905092959194509250565b60008060006060848603121561371557600080fd5b83359250602084013567ffffffffffffffff8082111561373457600080fd5b61374087838801613532565b9350604086013591508082111561375657600080fd5b5061376386828701613532565b9150509250925092565b6000806040838503121561378057600080fd5b6137898361340b565b91506137976020840161340b565b90509250929050565b600080600080600080600080610100898b0312156137bd57600080fd5b883597506137cd60208a0161340b565b96506137db60408a0161340b565b9550606089013594506080890135935060a0890135925060c089013567ffffffffffffffff8082111561380d57600080fd5b6138198c838d0161343d565b935060e08b013591508082111561382f57600080fd5b5061383c8b828c0161343d565b9150509295985092959890939650565b60005b8381101561386757818101518382015260200161384f565b83811115613876576000848401525b50505050565b6000815180845261389481602086016020860161384c565b601f01601f19169290920160200192915050565b6020815260006110d0602083018461387c565b60008060008060008060008060006101208a8c0312156138da57600080fd5b893598506138ea60208b0161340b565b975060408a0135965060608a0135955060808a0135945061390d60a08b0161340b565b935060c08a0135925060e08a013591506101008a013590509295985092959850929598565b60008083601f84011261394457600080fd5b50813567ffffffffffffffff81111561395c57600080fd5b602083019150836020828501011115610fa957600080fd5b60008060008060008060008060c0898b03121561399057600080fd5b883597506139a060208a0161340b565b96506040890135955060608901359450608089013567ffffffffffffffff808211156139cb57600080fd5b6139d78c838d01613932565b909650945060a08b01359150808211156139f057600080fd5b506139fd8b828c01613932565b999c989b5096995094979396929594505050565b600080600060608486031215613a2657600080fd5b83359250613a366020850161340b565b9150613a446040850161340b565b90509250925092565b634e487b7160e01b600052602160045260246000fd5b6020810160058310613a8557634e487b7160e01b600052602160045260246000fd5b91905290565b600060808284031215613a9d57600080fd5b6040516080810181811067ffffffffffffffff82111715613ac057613ac0613427565b604052905080613acf8361340b565b81526020830135602082015260408301356040820152606083013560608201525092915050565b60008060006101208486031215613b0c57600080fd5b83359250613b1d8560208601613a8b565b9150613a448560a08601613a8b565b60008060008060008060c08789031215613b4557600080fd5b505084359660208601359650604086013595606081013595506080810135945060a0013592509050565b6000806000806000806000806000806101008b8d031215613b8f57600080fd5b8a359950613b9f60208c0161340b565b9850613bad60408c0161340b565b975060608b0135965060808b0135955060a08b0135945060c08b013567ffffffffffffffff80821115613bdf57600080fd5b613beb8e838f01613932565b909650945060e08d0135915080821115613c0457600080fd5b50613c118d828e01613932565b915080935050809150509295989b9194979a5092959850565b634e487b7160e01b600052601160045260246000fd5b600082821015613c5257613c52613c2a565b500390565b600060208284031215613c6957600080fd5b8151801515811461181357600080fd5b634e487b7160e01b600052600160045260246000fd5b6020808252601490820152732a271d1031b430b73732b6103737ba1037b832b760611b604082015260600190565b60008219821115613cd057613cd0613c2a565b500190565b60208082526019908201527f544e3a206e6574776f726b206973206465707265636174656400000000000000604082015260600190565b6020808252818101527f43616e206f6e6c792062652063616c6c656420627920636f6e74726f6c6c6572604082015260600190565b8281526040602082015260018060a01b03825116604082015260208201516060820152604082015160808201526000606083015160a080840152613d8860e084018261387c565b90506080840151603f198483030160c0850152613da5828261387c565b9695505050505050565b6001600160a01b0396871681526020810195909552604085019390935293166060830152608082019290925260a081019190915260c00190565b600060208284031215613dfb57600080fd5b5051919050565b600082613e1f57634e487b7160e01b600052601260045260246000fd5b500690565b60008a51613e36818460208f0161384c565b8a5190830190613e4a818360208f0161384c565b60609a8b1b6001600160601b0319908116929091019182526014820199909952603481019790975250506054850193909352941b9092166074820152608881019290925260a882015260c80192915050565b60008a51613eae818460208f0161384c565b80830190506bffffffffffffffffffffffff198b60601b1681528960148201528860348201528760548201528660748201528560948201528460b48201528351613eff8160d484016020880161384c565b0160d4019b9a5050505050505050505050565b60008a51613f24818460208f0161384c565b8a5190830190613f38818360208f0161384c565b60609a909a1b6001600160601b031916990198895250506014870195909552603486019390935260548501919091526074840152609483015260b482015260d40192915050565b600060ff821660ff84168060ff03821115613f9c57613f9c613c2a565b01939250505056fea264697066735822122003149d36286f262a7ad5f80bff59298e33b6ca51a6307bac56f312581a1ba6ee64736f6c634300080a0033",
}

// TokenNetworkABI is the input ABI used to generate the binding from.
// Deprecated: Use TokenNetworkMetaData.ABI instead.
var TokenNetworkABI = TokenNetworkMetaData.ABI

// TokenNetworkBin is the compiled bytecode used for deploying new contracts.
// Deprecated: Use TokenNetworkMetaData.Bin instead.
var TokenNetworkBin = TokenNetworkMetaData.Bin

// DeployTokenNetwork deploys a new Ethereum contract, binding an instance of TokenNetwork to it.
func DeployTokenNetwork(auth *bind.TransactOpts, backend bind.ContractBackend, _token_address common.Address, _secret_registry common.Address, _settle_timeout *big.Int, _controller common.Address, _channel_participant_deposit_limit *big.Int, _token_network_deposit_limit *big.Int) (common.Address, *types.Transaction, *TokenNetwork, error) {
	parsed, err := TokenNetworkMetaData.GetAbi()
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	if parsed == nil {
		return common.Address{}, nil, nil, errors.New("GetABI returned nil")
	}

	address, tx, contract, err := bind.DeployContract(auth, *parsed, common.FromHex(TokenNetworkBin), backend, _token_address, _secret_registry, _settle_timeout, _controller, _channel_participant_deposit_limit, _token_network_deposit_limit)
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	return address, tx, &TokenNetwork{TokenNetworkCaller: TokenNetworkCaller{contract: contract}, TokenNetworkTransactor: TokenNetworkTransactor{contract: contract}, TokenNetworkFilterer: TokenNetworkFilterer{contract: contract}}, nil
}

// TokenNetwork is an auto generated Go binding around an Ethereum contract.
type TokenNetwork struct {
	TokenNetworkCaller     // Read-only binding to the contract
	TokenNetworkTransactor // Write-only binding to the contract
	TokenNetworkFilterer   // Log filterer for contract events
}

// TokenNetworkCaller is an auto generated read-only Go binding around an Ethereum contract.
type TokenNetworkCaller struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// TokenNetworkTransactor is an auto generated write-only Go binding around an Ethereum contract.
type TokenNetworkTransactor struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// TokenNetworkFilterer is an auto generated log filtering Go binding around an Ethereum contract events.
type TokenNetworkFilterer struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// TokenNetworkSession is an auto generated Go binding around an Ethereum contract,
// with pre-set call and transact options.
type TokenNetworkSession struct {
	Contract     *TokenNetwork     // Generic contract binding to set the session for
	CallOpts     bind.CallOpts     // Call options to use throughout this session
	TransactOpts bind.TransactOpts // Transaction auth options to use throughout this session
}

// TokenNetworkCallerSession is an auto generated read-only Go binding around an Ethereum contract,
// with pre-set call options.
type TokenNetworkCallerSession struct {
	Contract *TokenNetworkCaller // Generic contract caller binding to set the session for
	CallOpts bind.CallOpts       // Call options to use throughout this session
}

// TokenNetworkTransactorSession is an auto generated write-only Go binding around an Ethereum contract,
// with pre-set transact options.
type TokenNetworkTransactorSession struct {
	Contract     *TokenNetworkTransactor // Generic contract transactor binding to set the session for
	TransactOpts bind.TransactOpts       // Transaction auth options to use throughout this session
}

// TokenNetworkRaw is an auto generated low-level Go binding around an Ethereum contract.
type TokenNetworkRaw struct {
	Contract *TokenNetwork // Generic contract binding to access the raw methods on
}

// TokenNetworkCallerRaw is an auto generated low-level read-only Go binding around an Ethereum contract.
type TokenNetworkCallerRaw struct {
	Contract *TokenNetworkCaller // Generic read-only contract binding to access the raw methods on
}

// TokenNetworkTransactorRaw is an auto generated low-level write-only Go binding around an Ethereum contract.
type TokenNetworkTransactorRaw struct {
	Contract *TokenNetworkTransactor // Generic write-only contract binding to access the raw methods on
}

// NewTokenNetwork creates a new instance of TokenNetwork, bound to a specific deployed contract.
func NewTokenNetwork(address common.Address, backend bind.ContractBackend) (*TokenNetwork, error) {
	contract, err := bindTokenNetwork(address, backend, backend, backend)
	if err != nil {
		return nil, err
	}
	return &TokenNetwork{TokenNetworkCaller: TokenNetworkCaller{contract: contract}, TokenNetworkTransactor: TokenNetworkTransactor{contract: contract}, TokenNetworkFilterer: TokenNetworkFilterer{contract: contract}}, nil
}

// NewTokenNetworkCaller creates a new read-only instance of TokenNetwork, bound to a specific deployed contract.
func NewTokenNetworkCaller(address common.Address, caller bind.ContractCaller) (*TokenNetworkCaller, error) {
	contract, err := bindTokenNetwork(address, caller, nil, nil)
	if err != nil {
		return nil, err
	}
	return &TokenNetworkCaller{contract: contract}, nil
}

// NewTokenNetworkTransactor creates a new write-only instance of TokenNetwork, bound to a specific deployed contract.
func NewTokenNetworkTransactor(address common.Address, transactor bind.ContractTransactor) (*TokenNetworkTransactor, error) {
	contract, err := bindTokenNetwork(address, nil, transactor, nil)
	if err != nil {
		return nil, err
	}
	return &TokenNetworkTransactor{contract: contract}, nil
}

// NewTokenNetworkFilterer creates a new log filterer instance of TokenNetwork, bound to a specific deployed contract.
func NewTokenNetworkFilterer(address common.Address, filterer bind.ContractFilterer) (*TokenNetworkFilterer, error) {
	contract, err := bindTokenNetwork(address, nil, nil, filterer)
	if err != nil {
		return nil, err
	}
	return &TokenNetworkFilterer{contract: contract}, nil
}

// bindTokenNetwork binds a generic wrapper to an already deployed contract.
func bindTokenNetwork(address common.Address, caller bind.ContractCaller, transactor bind.ContractTransactor, filterer bind.ContractFilterer) (*bind.BoundContract, error) {
	parsed, err := TokenNetworkMetaData.GetAbi()
	if err != nil {
		return nil, err
	}
	return bind.NewBoundContract(address, *parsed, caller, transactor, filterer), nil
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_TokenNetwork *TokenNetworkRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _TokenNetwork.Contract.TokenNetworkCaller.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_TokenNetwork *TokenNetworkRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _TokenNetwork.Contract.TokenNetworkTransactor.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_TokenNetwork *TokenNetworkRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _TokenNetwork.Contract.TokenNetworkTransactor.contract.Transact(opts, method, params...)
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_TokenNetwork *TokenNetworkCallerRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _TokenNetwork.Contract.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_TokenNetwork *TokenNetworkTransactorRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _TokenNetwork.Contract.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_TokenNetwork *TokenNetworkTransactorRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _TokenNetwork.Contract.contract.Transact(opts, method, params...)
}

// ChannelCounter is a free data retrieval call binding the contract method 0x679b3763.
//
// Solidity: function channel_counter() view returns(uint256)
func (_TokenNetwork *TokenNetworkCaller) ChannelCounter(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _TokenNetwork.contract.Call(opts, &out, "channel_counter")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// ChannelCounter is a free data retrieval call binding the contract method 0x679b3763.
//
// Solidity: function channel_counter() view returns(uint256)
func (_TokenNetwork *TokenNetworkSession) ChannelCounter() (*big.Int, error) {
	return _TokenNetwork.Contract.ChannelCounter(&_TokenNetwork.CallOpts)
}

// ChannelCounter is a free data retrieval call binding the contract method 0x679b3763.
//
// Solidity: function channel_counter() view returns(uint256)
func (_TokenNetwork *TokenNetworkCallerSession) ChannelCounter() (*big.Int, error) {
	return _TokenNetwork.Contract.ChannelCounter(&_TokenNetwork.CallOpts)
}

// ChannelParticipantDepositLimit is a free data retrieval call binding the contract method 0x5d6e441b.
//
// Solidity: function channel_participant_deposit_limit() view returns(uint256)
func (_TokenNetwork *TokenNetworkCaller) ChannelParticipantDepositLimit(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _TokenNetwork.contract.Call(opts, &out, "channel_participant_deposit_limit")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// ChannelParticipantDepositLimit is a free data retrieval call binding the contract method 0x5d6e441b.
//
// Solidity: function channel_participant_deposit_limit() view returns(uint256)
func (_TokenNetwork *TokenNetworkSession) ChannelParticipantDepositLimit() (*big.Int, error) {
	return _TokenNetwork.Contract.ChannelParticipantDepositLimit(&_TokenNetwork.CallOpts)
}

// ChannelParticipantDepositLimit is a free data retrieval call binding the contract method 0x5d6e441b.
//
// Solidity: function channel_participant_deposit_limit() view returns(uint256)
func (_TokenNetwork *TokenNetworkCallerSession) ChannelParticipantDepositLimit() (*big.Int, error) {
	return _TokenNetwork.Contract.ChannelParticipantDepositLimit(&_TokenNetwork.CallOpts)
}

// Channels is a free data retrieval call binding the contract method 0xe5949b5d.
//
// Solidity: function channels(uint256 ) view returns(uint8 state)
func (_TokenNetwork *TokenNetworkCaller) Channels(opts *bind.CallOpts, arg0 *big.Int) (uint8, error) {
	var out []interface{}
	err := _TokenNetwork.contract.Call(opts, &out, "channels", arg0)

	if err != nil {
		return *new(uint8), err
	}

	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)

	return out0, err

}

// Channels is a free data retrieval call binding the contract method 0xe5949b5d.
//
// Solidity: function channels(uint256 ) view returns(uint8 state)
func (_TokenNetwork *TokenNetworkSession) Channels(arg0 *big.Int) (uint8, error) {
	return _TokenNetwork.Contract.Channels(&_TokenNetwork.CallOpts, arg0)
}

// Channels is a free data retrieval call binding the contract method 0xe5949b5d.
//
// Solidity: function channels(uint256 ) view returns(uint8 state)
func (_TokenNetwork *TokenNetworkCallerSession) Channels(arg0 *big.Int) (uint8, error) {
	return _TokenNetwork.Contract.Channels(&_TokenNetwork.CallOpts, arg0)
}

// ContractExists is a free data retrieval call binding the contract method 0x7709bc78.
//
// Solidity: function contractExists(address contract_address) view returns(bool)
func (_TokenNetwork *TokenNetworkCaller) ContractExists(opts *bind.CallOpts, contract_address common.Address) (bool, error) {
	var out []interface{}
	err := _TokenNetwork.contract.Call(opts, &out, "contractExists", contract_address)

	if err != nil {
		return *new(bool), err
	}

	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)

	return out0, err

}

// ContractExists is a free data retrieval call binding the contract method 0x7709bc78.
//
// Solidity: function contractExists(address contract_address) view returns(bool)
func (_TokenNetwork *TokenNetworkSession) ContractExists(contract_address common.Address) (bool, error) {
	return _TokenNetwork.Contract.ContractExists(&_TokenNetwork.CallOpts, contract_address)
}

// ContractExists is a free data retrieval call binding the contract method 0x7709bc78.
//
// Solidity: function contractExists(address contract_address) view returns(bool)
func (_TokenNetwork *TokenNetworkCallerSession) ContractExists(contract_address common.Address) (bool, error) {
	return _TokenNetwork.Contract.ContractExists(&_TokenNetwork.CallOpts, contract_address)
}

// Controller is a free data retrieval call binding the contract method 0xf77c4791.
//
// Solidity: function controller() view returns(address)
func (_TokenNetwork *TokenNetworkCaller) Controller(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _TokenNetwork.contract.Call(opts, &out, "controller")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// Controller is a free data retrieval call binding the contract method 0xf77c4791.
//
// Solidity: function controller() view returns(address)
func (_TokenNetwork *TokenNetworkSession) Controller() (common.Address, error) {
	return _TokenNetwork.Contract.Controller(&_TokenNetwork.CallOpts)
}

// Controller is a free data retrieval call binding the contract method 0xf77c4791.
//
// Solidity: function controller() view returns(address)
func (_TokenNetwork *TokenNetworkCallerSession) Controller() (common.Address, error) {
	return _TokenNetwork.Contract.Controller(&_TokenNetwork.CallOpts)
}

// FailsafeAddition is a free data retrieval call binding the contract method 0x8e51d624.
//
// Solidity: function failsafe_addition(uint256 a, uint256 b) pure returns(uint256)
func (_TokenNetwork *TokenNetworkCaller) FailsafeAddition(opts *bind.CallOpts, a *big.Int, b *big.Int) (*big.Int, error) {
	var out []interface{}
	err := _TokenNetwork.contract.Call(opts, &out, "failsafe_addition", a, b)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// FailsafeAddition is a free data retrieval call binding the contract method 0x8e51d624.
//
// Solidity: function failsafe_addition(uint256 a, uint256 b) pure returns(uint256)
func (_TokenNetwork *TokenNetworkSession) FailsafeAddition(a *big.Int, b *big.Int) (*big.Int, error) {
	return _TokenNetwork.Contract.FailsafeAddition(&_TokenNetwork.CallOpts, a, b)
}

// FailsafeAddition is a free data retrieval call binding the contract method 0x8e51d624.
//
// Solidity: function failsafe_addition(uint256 a, uint256 b) pure returns(uint256)
func (_TokenNetwork *TokenNetworkCallerSession) FailsafeAddition(a *big.Int, b *big.Int) (*big.Int, error) {
	return _TokenNetwork.Contract.FailsafeAddition(&_TokenNetwork.CallOpts, a, b)
}

// FailsafeSubtract is a free data retrieval call binding the contract method 0x187adf2e.
//
// Solidity: function failsafe_subtract(uint256 a, uint256 b) pure returns(uint256, uint256)
func (_TokenNetwork *TokenNetworkCaller) FailsafeSubtract(opts *bind.CallOpts, a *big.Int, b *big.Int) (*big.Int, *big.Int, error) {
	var out []interface{}
	err := _TokenNetwork.contract.Call(opts, &out, "failsafe_subtract", a, b)

	if err != nil {
		return *new(*big.Int), *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)
	out1 := *abi.ConvertType(out[1], new(*big.Int)).(**big.Int)

	return out0, out1, err

}

// FailsafeSubtract is a free data retrieval call binding the contract method 0x187adf2e.
//
// Solidity: function failsafe_subtract(uint256 a, uint256 b) pure returns(uint256, uint256)
func (_TokenNetwork *TokenNetworkSession) FailsafeSubtract(a *big.Int, b *big.Int) (*big.Int, *big.Int, error) {
	return _TokenNetwork.Contract.FailsafeSubtract(&_TokenNetwork.CallOpts, a, b)
}

// FailsafeSubtract is a free data retrieval call binding the contract method 0x187adf2e.
//
// Solidity: function failsafe_subtract(uint256 a, uint256 b) pure returns(uint256, uint256)
func (_TokenNetwork *TokenNetworkCallerSession) FailsafeSubtract(a *big.Int, b *big.Int) (*big.Int, *big.Int, error) {
	return _TokenNetwork.Contract.FailsafeSubtract(&_TokenNetwork.CallOpts, a, b)
}

// GetChannelIdentifier is a free data retrieval call binding the contract method 0x938bcd67.
//
// Solidity: function getChannelIdentifier(address participant, address partner) view returns(uint256)
func (_TokenNetwork *TokenNetworkCaller) GetChannelIdentifier(opts *bind.CallOpts, participant common.Address, partner common.Address) (*big.Int, error) {
	var out []interface{}
	err := _TokenNetwork.contract.Call(opts, &out, "getChannelIdentifier", participant, partner)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// GetChannelIdentifier is a free data retrieval call binding the contract method 0x938bcd67.
//
// Solidity: function getChannelIdentifier(address participant, address partner) view returns(uint256)
func (_TokenNetwork *TokenNetworkSession) GetChannelIdentifier(participant common.Address, partner common.Address) (*big.Int, error) {
	return _TokenNetwork.Contract.GetChannelIdentifier(&_TokenNetwork.CallOpts, participant, partner)
}

// GetChannelIdentifier is a free data retrieval call binding the contract method 0x938bcd67.
//
// Solidity: function getChannelIdentifier(address participant, address partner) view returns(uint256)
func (_TokenNetwork *TokenNetworkCallerSession) GetChannelIdentifier(participant common.Address, partner common.Address) (*big.Int, error) {
	return _TokenNetwork.Contract.GetChannelIdentifier(&_TokenNetwork.CallOpts, participant, partner)
}

// GetChannelParticipantInfo is a free data retrieval call binding the contract method 0xee4516d9.
//
// Solidity: function getChannelParticipantInfo(uint256 channel_identifier, address participant, address partner) view returns(uint256, uint256, bool, bytes32, uint256, bytes32, uint256)
func (_TokenNetwork *TokenNetworkCaller) GetChannelParticipantInfo(opts *bind.CallOpts, channel_identifier *big.Int, participant common.Address, partner common.Address) (*big.Int, *big.Int, bool, [32]byte, *big.Int, [32]byte, *big.Int, error) {
	var out []interface{}
	err := _TokenNetwork.contract.Call(opts, &out, "getChannelParticipantInfo", channel_identifier, participant, partner)

	if err != nil {
		return *new(*big.Int), *new(*big.Int), *new(bool), *new([32]byte), *new(*big.Int), *new([32]byte), *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)
	out1 := *abi.ConvertType(out[1], new(*big.Int)).(**big.Int)
	out2 := *abi.ConvertType(out[2], new(bool)).(*bool)
	out3 := *abi.ConvertType(out[3], new([32]byte)).(*[32]byte)
	out4 := *abi.ConvertType(out[4], new(*big.Int)).(**big.Int)
	out5 := *abi.ConvertType(out[5], new([32]byte)).(*[32]byte)
	out6 := *abi.ConvertType(out[6], new(*big.Int)).(**big.Int)

	return out0, out1, out2, out3, out4, out5, out6, err

}

// GetChannelParticipantInfo is a free data retrieval call binding the contract method 0xee4516d9.
//
// Solidity: function getChannelParticipantInfo(uint256 channel_identifier, address participant, address partner) view returns(uint256, uint256, bool, bytes32, uint256, bytes32, uint256)
func (_TokenNetwork *TokenNetworkSession) GetChannelParticipantInfo(channel_identifier *big.Int, participant common.Address, partner common.Address) (*big.Int, *big.Int, bool, [32]byte, *big.Int, [32]byte, *big.Int, error) {
	return _TokenNetwork.Contract.GetChannelParticipantInfo(&_TokenNetwork.CallOpts, channel_identifier, participant, partner)
}

// GetChannelParticipantInfo is a free data retrieval call binding the contract method 0xee4516d9.
//
// Solidity: function getChannelParticipantInfo(uint256 channel_identifier, address participant, address partner) view returns(uint256, uint256, bool, bytes32, uint256, bytes32, uint256)
func (_TokenNetwork *TokenNetworkCallerSession) GetChannelParticipantInfo(channel_identifier *big.Int, participant common.Address, partner common.Address) (*big.Int, *big.Int, bool, [32]byte, *big.Int, [32]byte, *big.Int, error) {
	return _TokenNetwork.Contract.GetChannelParticipantInfo(&_TokenNetwork.CallOpts, channel_identifier, participant, partner)
}

// GetChannelState is a free data retrieval call binding the contract method 0xbb253ff6.
//
// Solidity: function getChannelState(uint256 channel_identifier, address participant1, address participant2) view returns(uint8)
func (_TokenNetwork *TokenNetworkCaller) GetChannelState(opts *bind.CallOpts, channel_identifier *big.Int, participant1 common.Address, participant2 common.Address) (uint8, error) {
	var out []interface{}
	err := _TokenNetwork.contract.Call(opts, &out, "getChannelState", channel_identifier, participant1, participant2)

	if err != nil {
		return *new(uint8), err
	}

	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)

	return out0, err

}

// GetChannelState is a free data retrieval call binding the contract method 0xbb253ff6.
//
// Solidity: function getChannelState(uint256 channel_identifier, address participant1, address participant2) view returns(uint8)
func (_TokenNetwork *TokenNetworkSession) GetChannelState(channel_identifier *big.Int, participant1 common.Address, participant2 common.Address) (uint8, error) {
	return _TokenNetwork.Contract.GetChannelState(&_TokenNetwork.CallOpts, channel_identifier, participant1, participant2)
}

// GetChannelState is a free data retrieval call binding the contract method 0xbb253ff6.
//
// Solidity: function getChannelState(uint256 channel_identifier, address participant1, address participant2) view returns(uint8)
func (_TokenNetwork *TokenNetworkCallerSession) GetChannelState(channel_identifier *big.Int, participant1 common.Address, participant2 common.Address) (uint8, error) {
	return _TokenNetwork.Contract.GetChannelState(&_TokenNetwork.CallOpts, channel_identifier, participant1, participant2)
}

// GetMaxPossibleReceivableAmount is a free data retrieval call binding the contract method 0xd44403b7.
//
// Solidity: function getMaxPossibleReceivableAmount(uint256 participant1_deposit, uint256 participant1_withdrawn, uint256 participant1_transferred, uint256 participant1_locked, uint256 participant2_transferred, uint256 participant2_locked) pure returns(uint256)
func (_TokenNetwork *TokenNetworkCaller) GetMaxPossibleReceivableAmount(opts *bind.CallOpts, participant1_deposit *big.Int, participant1_withdrawn *big.Int, participant1_transferred *big.Int, participant1_locked *big.Int, participant2_transferred *big.Int, participant2_locked *big.Int) (*big.Int, error) {
	var out []interface{}
	err := _TokenNetwork.contract.Call(opts, &out, "getMaxPossibleReceivableAmount", participant1_deposit, participant1_withdrawn, participant1_transferred, participant1_locked, participant2_transferred, participant2_locked)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// GetMaxPossibleReceivableAmount is a free data retrieval call binding the contract method 0xd44403b7.
//
// Solidity: function getMaxPossibleReceivableAmount(uint256 participant1_deposit, uint256 participant1_withdrawn, uint256 participant1_transferred, uint256 participant1_locked, uint256 participant2_transferred, uint256 participant2_locked) pure returns(uint256)
func (_TokenNetwork *TokenNetworkSession) GetMaxPossibleReceivableAmount(participant1_deposit *big.Int, participant1_withdrawn *big.Int, participant1_transferred *big.Int, participant1_locked *big.Int, participant2_transferred *big.Int, participant2_locked *big.Int) (*big.Int, error) {
	return _TokenNetwork.Contract.GetMaxPossibleReceivableAmount(&_TokenNetwork.CallOpts, participant1_deposit, participant1_withdrawn, participant1_transferred, participant1_locked, participant2_transferred, participant2_locked)
}

// GetMaxPossibleReceivableAmount is a free data retrieval call binding the contract method 0xd44403b7.
//
// Solidity: function getMaxPossibleReceivableAmount(uint256 participant1_deposit, uint256 participant1_withdrawn, uint256 participant1_transferred, uint256 participant1_locked, uint256 participant2_transferred, uint256 participant2_locked) pure returns(uint256)
func (_TokenNetwork *TokenNetworkCallerSession) GetMaxPossibleReceivableAmount(participant1_deposit *big.Int, participant1_withdrawn *big.Int, participant1_transferred *big.Int, participant1_locked *big.Int, participant2_transferred *big.Int, participant2_locked *big.Int) (*big.Int, error) {
	return _TokenNetwork.Contract.GetMaxPossibleReceivableAmount(&_TokenNetwork.CallOpts, participant1_deposit, participant1_withdrawn, participant1_transferred, participant1_locked, participant2_transferred, participant2_locked)
}

// GetParticipantsHash is a free data retrieval call binding the contract method 0x7c4734f4.
//
// Solidity: function getParticipantsHash(address participant, address partner) pure returns(bytes32)
func (_TokenNetwork *TokenNetworkCaller) GetParticipantsHash(opts *bind.CallOpts, participant common.Address, partner common.Address) ([32]byte, error) {
	var out []interface{}
	err := _TokenNetwork.contract.Call(opts, &out, "getParticipantsHash", participant, partner)

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// GetParticipantsHash is a free data retrieval call binding the contract method 0x7c4734f4.
//
// Solidity: function getParticipantsHash(address participant, address partner) pure returns(bytes32)
func (_TokenNetwork *TokenNetworkSession) GetParticipantsHash(participant common.Address, partner common.Address) ([32]byte, error) {
	return _TokenNetwork.Contract.GetParticipantsHash(&_TokenNetwork.CallOpts, participant, partner)
}

// GetParticipantsHash is a free data retrieval call binding the contract method 0x7c4734f4.
//
// Solidity: function getParticipantsHash(address participant, address partner) pure returns(bytes32)
func (_TokenNetwork *TokenNetworkCallerSession) GetParticipantsHash(participant common.Address, partner common.Address) ([32]byte, error) {
	return _TokenNetwork.Contract.GetParticipantsHash(&_TokenNetwork.CallOpts, participant, partner)
}

// GetUnlockIdentifier is a free data retrieval call binding the contract method 0xfe49ba1c.
//
// Solidity: function getUnlockIdentifier(uint256 channel_identifier, address sender, address receiver) pure returns(bytes32)
func (_TokenNetwork *TokenNetworkCaller) GetUnlockIdentifier(opts *bind.CallOpts, channel_identifier *big.Int, sender common.Address, receiver common.Address) ([32]byte, error) {
	var out []interface{}
	err := _TokenNetwork.contract.Call(opts, &out, "getUnlockIdentifier", channel_identifier, sender, receiver)

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// GetUnlockIdentifier is a free data retrieval call binding the contract method 0xfe49ba1c.
//
// Solidity: function getUnlockIdentifier(uint256 channel_identifier, address sender, address receiver) pure returns(bytes32)
func (_TokenNetwork *TokenNetworkSession) GetUnlockIdentifier(channel_identifier *big.Int, sender common.Address, receiver common.Address) ([32]byte, error) {
	return _TokenNetwork.Contract.GetUnlockIdentifier(&_TokenNetwork.CallOpts, channel_identifier, sender, receiver)
}

// GetUnlockIdentifier is a free data retrieval call binding the contract method 0xfe49ba1c.
//
// Solidity: function getUnlockIdentifier(uint256 channel_identifier, address sender, address receiver) pure returns(bytes32)
func (_TokenNetwork *TokenNetworkCallerSession) GetUnlockIdentifier(channel_identifier *big.Int, sender common.Address, receiver common.Address) ([32]byte, error) {
	return _TokenNetwork.Contract.GetUnlockIdentifier(&_TokenNetwork.CallOpts, channel_identifier, sender, receiver)
}

// Max is a free data retrieval call binding the contract method 0x6d5433e6.
//
// Solidity: function max(uint256 a, uint256 b) pure returns(uint256)
func (_TokenNetwork *TokenNetworkCaller) Max(opts *bind.CallOpts, a *big.Int, b *big.Int) (*big.Int, error) {
	var out []interface{}
	err := _TokenNetwork.contract.Call(opts, &out, "max", a, b)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// Max is a free data retrieval call binding the contract method 0x6d5433e6.
//
// Solidity: function max(uint256 a, uint256 b) pure returns(uint256)
func (_TokenNetwork *TokenNetworkSession) Max(a *big.Int, b *big.Int) (*big.Int, error) {
	return _TokenNetwork.Contract.Max(&_TokenNetwork.CallOpts, a, b)
}

// Max is a free data retrieval call binding the contract method 0x6d5433e6.
//
// Solidity: function max(uint256 a, uint256 b) pure returns(uint256)
func (_TokenNetwork *TokenNetworkCallerSession) Max(a *big.Int, b *big.Int) (*big.Int, error) {
	return _TokenNetwork.Contract.Max(&_TokenNetwork.CallOpts, a, b)
}

// Min is a free data retrieval call binding the contract method 0x7ae2b5c7.
//
// Solidity: function min(uint256 a, uint256 b) pure returns(uint256)
func (_TokenNetwork *TokenNetworkCaller) Min(opts *bind.CallOpts, a *big.Int, b *big.Int) (*big.Int, error) {
	var out []interface{}
	err := _TokenNetwork.contract.Call(opts, &out, "min", a, b)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// Min is a free data retrieval call binding the contract method 0x7ae2b5c7.
//
// Solidity: function min(uint256 a, uint256 b) pure returns(uint256)
func (_TokenNetwork *TokenNetworkSession) Min(a *big.Int, b *big.Int) (*big.Int, error) {
	return _TokenNetwork.Contract.Min(&_TokenNetwork.CallOpts, a, b)
}

// Min is a free data retrieval call binding the contract method 0x7ae2b5c7.
//
// Solidity: function min(uint256 a, uint256 b) pure returns(uint256)
func (_TokenNetwork *TokenNetworkCallerSession) Min(a *big.Int, b *big.Int) (*big.Int, error) {
	return _TokenNetwork.Contract.Min(&_TokenNetwork.CallOpts, a, b)
}

// ParticipantsHashToChannelIdentifier is a free data retrieval call binding the contract method 0x524bef8a.
//
// Solidity: function participants_hash_to_channel_identifier(bytes32 ) view returns(uint256)
func (_TokenNetwork *TokenNetworkCaller) ParticipantsHashToChannelIdentifier(opts *bind.CallOpts, arg0 [32]byte) (*big.Int, error) {
	var out []interface{}
	err := _TokenNetwork.contract.Call(opts, &out, "participants_hash_to_channel_identifier", arg0)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// ParticipantsHashToChannelIdentifier is a free data retrieval call binding the contract method 0x524bef8a.
//
// Solidity: function participants_hash_to_channel_identifier(bytes32 ) view returns(uint256)
func (_TokenNetwork *TokenNetworkSession) ParticipantsHashToChannelIdentifier(arg0 [32]byte) (*big.Int, error) {
	return _TokenNetwork.Contract.ParticipantsHashToChannelIdentifier(&_TokenNetwork.CallOpts, arg0)
}

// ParticipantsHashToChannelIdentifier is a free data retrieval call binding the contract method 0x524bef8a.
//
// Solidity: function participants_hash_to_channel_identifier(bytes32 ) view returns(uint256)
func (_TokenNetwork *TokenNetworkCallerSession) ParticipantsHashToChannelIdentifier(arg0 [32]byte) (*big.Int, error) {
	return _TokenNetwork.Contract.ParticipantsHashToChannelIdentifier(&_TokenNetwork.CallOpts, arg0)
}

// SafetyDeprecationSwitch is a free data retrieval call binding the contract method 0xb7506d70.
//
// Solidity: function safety_deprecation_switch() view returns(bool)
func (_TokenNetwork *TokenNetworkCaller) SafetyDeprecationSwitch(opts *bind.CallOpts) (bool, error) {
	var out []interface{}
	err := _TokenNetwork.contract.Call(opts, &out, "safety_deprecation_switch")

	if err != nil {
		return *new(bool), err
	}

	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)

	return out0, err

}

// SafetyDeprecationSwitch is a free data retrieval call binding the contract method 0xb7506d70.
//
// Solidity: function safety_deprecation_switch() view returns(bool)
func (_TokenNetwork *TokenNetworkSession) SafetyDeprecationSwitch() (bool, error) {
	return _TokenNetwork.Contract.SafetyDeprecationSwitch(&_TokenNetwork.CallOpts)
}

// SafetyDeprecationSwitch is a free data retrieval call binding the contract method 0xb7506d70.
//
// Solidity: function safety_deprecation_switch() view returns(bool)
func (_TokenNetwork *TokenNetworkCallerSession) SafetyDeprecationSwitch() (bool, error) {
	return _TokenNetwork.Contract.SafetyDeprecationSwitch(&_TokenNetwork.CallOpts)
}

// SecretRegistry is a free data retrieval call binding the contract method 0x24d73a93.
//
// Solidity: function secret_registry() view returns(address)
func (_TokenNetwork *TokenNetworkCaller) SecretRegistry(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _TokenNetwork.contract.Call(opts, &out, "secret_registry")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// SecretRegistry is a free data retrieval call binding the contract method 0x24d73a93.
//
// Solidity: function secret_registry() view returns(address)
func (_TokenNetwork *TokenNetworkSession) SecretRegistry() (common.Address, error) {
	return _TokenNetwork.Contract.SecretRegistry(&_TokenNetwork.CallOpts)
}

// SecretRegistry is a free data retrieval call binding the contract method 0x24d73a93.
//
// Solidity: function secret_registry() view returns(address)
func (_TokenNetwork *TokenNetworkCallerSession) SecretRegistry() (common.Address, error) {
	return _TokenNetwork.Contract.SecretRegistry(&_TokenNetwork.CallOpts)
}

// SettleTimeout is a free data retrieval call binding the contract method 0x2db91aaf.
//
// Solidity: function settle_timeout() view returns(uint256)
func (_TokenNetwork *TokenNetworkCaller) SettleTimeout(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _TokenNetwork.contract.Call(opts, &out, "settle_timeout")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// SettleTimeout is a free data retrieval call binding the contract method 0x2db91aaf.
//
// Solidity: function settle_timeout() view returns(uint256)
func (_TokenNetwork *TokenNetworkSession) SettleTimeout() (*big.Int, error) {
	return _TokenNetwork.Contract.SettleTimeout(&_TokenNetwork.CallOpts)
}

// SettleTimeout is a free data retrieval call binding the contract method 0x2db91aaf.
//
// Solidity: function settle_timeout() view returns(uint256)
func (_TokenNetwork *TokenNetworkCallerSession) SettleTimeout() (*big.Int, error) {
	return _TokenNetwork.Contract.SettleTimeout(&_TokenNetwork.CallOpts)
}

// SettleableAfter is a free data retrieval call binding the contract method 0xc2dfc650.
//
// Solidity: function settleable_after(uint256 ) view returns(uint256)
func (_TokenNetwork *TokenNetworkCaller) SettleableAfter(opts *bind.CallOpts, arg0 *big.Int) (*big.Int, error) {
	var out []interface{}
	err := _TokenNetwork.contract.Call(opts, &out, "settleable_after", arg0)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// SettleableAfter is a free data retrieval call binding the contract method 0xc2dfc650.
//
// Solidity: function settleable_after(uint256 ) view returns(uint256)
func (_TokenNetwork *TokenNetworkSession) SettleableAfter(arg0 *big.Int) (*big.Int, error) {
	return _TokenNetwork.Contract.SettleableAfter(&_TokenNetwork.CallOpts, arg0)
}

// SettleableAfter is a free data retrieval call binding the contract method 0xc2dfc650.
//
// Solidity: function settleable_after(uint256 ) view returns(uint256)
func (_TokenNetwork *TokenNetworkCallerSession) SettleableAfter(arg0 *big.Int) (*big.Int, error) {
	return _TokenNetwork.Contract.SettleableAfter(&_TokenNetwork.CallOpts, arg0)
}

// SignaturePrefix is a free data retrieval call binding the contract method 0x87234237.
//
// Solidity: function signature_prefix() view returns(string)
func (_TokenNetwork *TokenNetworkCaller) SignaturePrefix(opts *bind.CallOpts) (string, error) {
	var out []interface{}
	err := _TokenNetwork.contract.Call(opts, &out, "signature_prefix")

	if err != nil {
		return *new(string), err
	}

	out0 := *abi.ConvertType(out[0], new(string)).(*string)

	return out0, err

}

// SignaturePrefix is a free data retrieval call binding the contract method 0x87234237.
//
// Solidity: function signature_prefix() view returns(string)
func (_TokenNetwork *TokenNetworkSession) SignaturePrefix() (string, error) {
	return _TokenNetwork.Contract.SignaturePrefix(&_TokenNetwork.CallOpts)
}

// SignaturePrefix is a free data retrieval call binding the contract method 0x87234237.
//
// Solidity: function signature_prefix() view returns(string)
func (_TokenNetwork *TokenNetworkCallerSession) SignaturePrefix() (string, error) {
	return _TokenNetwork.Contract.SignaturePrefix(&_TokenNetwork.CallOpts)
}

// Token is a free data retrieval call binding the contract method 0xfc0c546a.
//
// Solidity: function token() view returns(address)
func (_TokenNetwork *TokenNetworkCaller) Token(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _TokenNetwork.contract.Call(opts, &out, "token")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// Token is a free data retrieval call binding the contract method 0xfc0c546a.
//
// Solidity: function token() view returns(address)
func (_TokenNetwork *TokenNetworkSession) Token() (common.Address, error) {
	return _TokenNetwork.Contract.Token(&_TokenNetwork.CallOpts)
}

// Token is a free data retrieval call binding the contract method 0xfc0c546a.
//
// Solidity: function token() view returns(address)
func (_TokenNetwork *TokenNetworkCallerSession) Token() (common.Address, error) {
	return _TokenNetwork.Contract.Token(&_TokenNetwork.CallOpts)
}

// TokenNetworkDepositLimit is a free data retrieval call binding the contract method 0x4845be76.
//
// Solidity: function token_network_deposit_limit() view returns(uint256)
func (_TokenNetwork *TokenNetworkCaller) TokenNetworkDepositLimit(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _TokenNetwork.contract.Call(opts, &out, "token_network_deposit_limit")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// TokenNetworkDepositLimit is a free data retrieval call binding the contract method 0x4845be76.
//
// Solidity: function token_network_deposit_limit() view returns(uint256)
func (_TokenNetwork *TokenNetworkSession) TokenNetworkDepositLimit() (*big.Int, error) {
	return _TokenNetwork.Contract.TokenNetworkDepositLimit(&_TokenNetwork.CallOpts)
}

// TokenNetworkDepositLimit is a free data retrieval call binding the contract method 0x4845be76.
//
// Solidity: function token_network_deposit_limit() view returns(uint256)
func (_TokenNetwork *TokenNetworkCallerSession) TokenNetworkDepositLimit() (*big.Int, error) {
	return _TokenNetwork.Contract.TokenNetworkDepositLimit(&_TokenNetwork.CallOpts)
}

// ChainId is a paid mutator transaction binding the contract method 0x3af973b1.
//
// Solidity: function chain_id() returns(uint256)
func (_TokenNetwork *TokenNetworkTransactor) ChainId(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _TokenNetwork.contract.Transact(opts, "chain_id")
}

// ChainId is a paid mutator transaction binding the contract method 0x3af973b1.
//
// Solidity: function chain_id() returns(uint256)
func (_TokenNetwork *TokenNetworkSession) ChainId() (*types.Transaction, error) {
	return _TokenNetwork.Contract.ChainId(&_TokenNetwork.TransactOpts)
}

// ChainId is a paid mutator transaction binding the contract method 0x3af973b1.
//
// Solidity: function chain_id() returns(uint256)
func (_TokenNetwork *TokenNetworkTransactorSession) ChainId() (*types.Transaction, error) {
	return _TokenNetwork.Contract.ChainId(&_TokenNetwork.TransactOpts)
}

// ChangeController is a paid mutator transaction binding the contract method 0x3cebb823.
//
// Solidity: function changeController(address new_controller) returns()
func (_TokenNetwork *TokenNetworkTransactor) ChangeController(opts *bind.TransactOpts, new_controller common.Address) (*types.Transaction, error) {
	return _TokenNetwork.contract.Transact(opts, "changeController", new_controller)
}

// ChangeController is a paid mutator transaction binding the contract method 0x3cebb823.
//
// Solidity: function changeController(address new_controller) returns()
func (_TokenNetwork *TokenNetworkSession) ChangeController(new_controller common.Address) (*types.Transaction, error) {
	return _TokenNetwork.Contract.ChangeController(&_TokenNetwork.TransactOpts, new_controller)
}

// ChangeController is a paid mutator transaction binding the contract method 0x3cebb823.
//
// Solidity: function changeController(address new_controller) returns()
func (_TokenNetwork *TokenNetworkTransactorSession) ChangeController(new_controller common.Address) (*types.Transaction, error) {
	return _TokenNetwork.Contract.ChangeController(&_TokenNetwork.TransactOpts, new_controller)
}

// CloseChannel is a paid mutator transaction binding the contract method 0x82fd7795.
//
// Solidity: function closeChannel(uint256 channel_identifier, address non_closing_participant, address closing_participant, bytes32 balance_hash, uint256 nonce, bytes32 additional_hash, bytes non_closing_signature, bytes closing_signature) returns()
func (_TokenNetwork *TokenNetworkTransactor) CloseChannel(opts *bind.TransactOpts, channel_identifier *big.Int, non_closing_participant common.Address, closing_participant common.Address, balance_hash [32]byte, nonce *big.Int, additional_hash [32]byte, non_closing_signature []byte, closing_signature []byte) (*types.Transaction, error) {
	return _TokenNetwork.contract.Transact(opts, "closeChannel", channel_identifier, non_closing_participant, closing_participant, balance_hash, nonce, additional_hash, non_closing_signature, closing_signature)
}

// CloseChannel is a paid mutator transaction binding the contract method 0x82fd7795.
//
// Solidity: function closeChannel(uint256 channel_identifier, address non_closing_participant, address closing_participant, bytes32 balance_hash, uint256 nonce, bytes32 additional_hash, bytes non_closing_signature, bytes closing_signature) returns()
func (_TokenNetwork *TokenNetworkSession) CloseChannel(channel_identifier *big.Int, non_closing_participant common.Address, closing_participant common.Address, balance_hash [32]byte, nonce *big.Int, additional_hash [32]byte, non_closing_signature []byte, closing_signature []byte) (*types.Transaction, error) {
	return _TokenNetwork.Contract.CloseChannel(&_TokenNetwork.TransactOpts, channel_identifier, non_closing_participant, closing_participant, balance_hash, nonce, additional_hash, non_closing_signature, closing_signature)
}

// CloseChannel is a paid mutator transaction binding the contract method 0x82fd7795.
//
// Solidity: function closeChannel(uint256 channel_identifier, address non_closing_participant, address closing_participant, bytes32 balance_hash, uint256 nonce, bytes32 additional_hash, bytes non_closing_signature, bytes closing_signature) returns()
func (_TokenNetwork *TokenNetworkTransactorSession) CloseChannel(channel_identifier *big.Int, non_closing_participant common.Address, closing_participant common.Address, balance_hash [32]byte, nonce *big.Int, additional_hash [32]byte, non_closing_signature []byte, closing_signature []byte) (*types.Transaction, error) {
	return _TokenNetwork.Contract.CloseChannel(&_TokenNetwork.TransactOpts, channel_identifier, non_closing_participant, closing_participant, balance_hash, nonce, additional_hash, non_closing_signature, closing_signature)
}

// CooperativeSettle is a paid mutator transaction binding the contract method 0x7313b25a.
//
// Solidity: function cooperativeSettle(uint256 channel_identifier, (address,uint256,uint256,bytes,bytes) data1, (address,uint256,uint256,bytes,bytes) data2) returns()
func (_TokenNetwork *TokenNetworkTransactor) CooperativeSettle(opts *bind.TransactOpts, channel_identifier *big.Int, data1 TokenNetworkWithdrawInput, data2 TokenNetworkWithdrawInput) (*types.Transaction, error) {
	return _TokenNetwork.contract.Transact(opts, "cooperativeSettle", channel_identifier, data1, data2)
}

// CooperativeSettle is a paid mutator transaction binding the contract method 0x7313b25a.
//
// Solidity: function cooperativeSettle(uint256 channel_identifier, (address,uint256,uint256,bytes,bytes) data1, (address,uint256,uint256,bytes,bytes) data2) returns()
func (_TokenNetwork *TokenNetworkSession) CooperativeSettle(channel_identifier *big.Int, data1 TokenNetworkWithdrawInput, data2 TokenNetworkWithdrawInput) (*types.Transaction, error) {
	return _TokenNetwork.Contract.CooperativeSettle(&_TokenNetwork.TransactOpts, channel_identifier, data1, data2)
}

// CooperativeSettle is a paid mutator transaction binding the contract method 0x7313b25a.
//
// Solidity: function cooperativeSettle(uint256 channel_identifier, (address,uint256,uint256,bytes,bytes) data1, (address,uint256,uint256,bytes,bytes) data2) returns()
func (_TokenNetwork *TokenNetworkTransactorSession) CooperativeSettle(channel_identifier *big.Int, data1 TokenNetworkWithdrawInput, data2 TokenNetworkWithdrawInput) (*types.Transaction, error) {
	return _TokenNetwork.Contract.CooperativeSettle(&_TokenNetwork.TransactOpts, channel_identifier, data1, data2)
}

// Deprecate is a paid mutator transaction binding the contract method 0x0fcc0c28.
//
// Solidity: function deprecate() returns()
func (_TokenNetwork *TokenNetworkTransactor) Deprecate(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _TokenNetwork.contract.Transact(opts, "deprecate")
}

// Deprecate is a paid mutator transaction binding the contract method 0x0fcc0c28.
//
// Solidity: function deprecate() returns()
func (_TokenNetwork *TokenNetworkSession) Deprecate() (*types.Transaction, error) {
	return _TokenNetwork.Contract.Deprecate(&_TokenNetwork.TransactOpts)
}

// Deprecate is a paid mutator transaction binding the contract method 0x0fcc0c28.
//
// Solidity: function deprecate() returns()
func (_TokenNetwork *TokenNetworkTransactorSession) Deprecate() (*types.Transaction, error) {
	return _TokenNetwork.Contract.Deprecate(&_TokenNetwork.TransactOpts)
}

// OpenChannel is a paid mutator transaction binding the contract method 0xe1d1882b.
//
// Solidity: function openChannel(address participant1, address participant2) returns(uint256)
func (_TokenNetwork *TokenNetworkTransactor) OpenChannel(opts *bind.TransactOpts, participant1 common.Address, participant2 common.Address) (*types.Transaction, error) {
	return _TokenNetwork.contract.Transact(opts, "openChannel", participant1, participant2)
}

// OpenChannel is a paid mutator transaction binding the contract method 0xe1d1882b.
//
// Solidity: function openChannel(address participant1, address participant2) returns(uint256)
func (_TokenNetwork *TokenNetworkSession) OpenChannel(participant1 common.Address, participant2 common.Address) (*types.Transaction, error) {
	return _TokenNetwork.Contract.OpenChannel(&_TokenNetwork.TransactOpts, participant1, participant2)
}

// OpenChannel is a paid mutator transaction binding the contract method 0xe1d1882b.
//
// Solidity: function openChannel(address participant1, address participant2) returns(uint256)
func (_TokenNetwork *TokenNetworkTransactorSession) OpenChannel(participant1 common.Address, participant2 common.Address) (*types.Transaction, error) {
	return _TokenNetwork.Contract.OpenChannel(&_TokenNetwork.TransactOpts, participant1, participant2)
}

// OpenChannelWithDeposit is a paid mutator transaction binding the contract method 0x1b0b3280.
//
// Solidity: function openChannelWithDeposit(address participant1, address participant2, uint256 participant1_total_deposit) returns(uint256)
func (_TokenNetwork *TokenNetworkTransactor) OpenChannelWithDeposit(opts *bind.TransactOpts, participant1 common.Address, participant2 common.Address, participant1_total_deposit *big.Int) (*types.Transaction, error) {
	return _TokenNetwork.contract.Transact(opts, "openChannelWithDeposit", participant1, participant2, participant1_total_deposit)
}

// OpenChannelWithDeposit is a paid mutator transaction binding the contract method 0x1b0b3280.
//
// Solidity: function openChannelWithDeposit(address participant1, address participant2, uint256 participant1_total_deposit) returns(uint256)
func (_TokenNetwork *TokenNetworkSession) OpenChannelWithDeposit(participant1 common.Address, participant2 common.Address, participant1_total_deposit *big.Int) (*types.Transaction, error) {
	return _TokenNetwork.Contract.OpenChannelWithDeposit(&_TokenNetwork.TransactOpts, participant1, participant2, participant1_total_deposit)
}

// OpenChannelWithDeposit is a paid mutator transaction binding the contract method 0x1b0b3280.
//
// Solidity: function openChannelWithDeposit(address participant1, address participant2, uint256 participant1_total_deposit) returns(uint256)
func (_TokenNetwork *TokenNetworkTransactorSession) OpenChannelWithDeposit(participant1 common.Address, participant2 common.Address, participant1_total_deposit *big.Int) (*types.Transaction, error) {
	return _TokenNetwork.Contract.OpenChannelWithDeposit(&_TokenNetwork.TransactOpts, participant1, participant2, participant1_total_deposit)
}

// RemoveLimits is a paid mutator transaction binding the contract method 0x751039fc.
//
// Solidity: function removeLimits() returns()
func (_TokenNetwork *TokenNetworkTransactor) RemoveLimits(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _TokenNetwork.contract.Transact(opts, "removeLimits")
}

// RemoveLimits is a paid mutator transaction binding the contract method 0x751039fc.
//
// Solidity: function removeLimits() returns()
func (_TokenNetwork *TokenNetworkSession) RemoveLimits() (*types.Transaction, error) {
	return _TokenNetwork.Contract.RemoveLimits(&_TokenNetwork.TransactOpts)
}

// RemoveLimits is a paid mutator transaction binding the contract method 0x751039fc.
//
// Solidity: function removeLimits() returns()
func (_TokenNetwork *TokenNetworkTransactorSession) RemoveLimits() (*types.Transaction, error) {
	return _TokenNetwork.Contract.RemoveLimits(&_TokenNetwork.TransactOpts)
}

// SetTotalDeposit is a paid mutator transaction binding the contract method 0x63ea0143.
//
// Solidity: function setTotalDeposit(uint256 channel_identifier, address participant, uint256 total_deposit, address partner) returns()
func (_TokenNetwork *TokenNetworkTransactor) SetTotalDeposit(opts *bind.TransactOpts, channel_identifier *big.Int, participant common.Address, total_deposit *big.Int, partner common.Address) (*types.Transaction, error) {
	return _TokenNetwork.contract.Transact(opts, "setTotalDeposit", channel_identifier, participant, total_deposit, partner)
}

// SetTotalDeposit is a paid mutator transaction binding the contract method 0x63ea0143.
//
// Solidity: function setTotalDeposit(uint256 channel_identifier, address participant, uint256 total_deposit, address partner) returns()
func (_TokenNetwork *TokenNetworkSession) SetTotalDeposit(channel_identifier *big.Int, participant common.Address, total_deposit *big.Int, partner common.Address) (*types.Transaction, error) {
	return _TokenNetwork.Contract.SetTotalDeposit(&_TokenNetwork.TransactOpts, channel_identifier, participant, total_deposit, partner)
}

// SetTotalDeposit is a paid mutator transaction binding the contract method 0x63ea0143.
//
// Solidity: function setTotalDeposit(uint256 channel_identifier, address participant, uint256 total_deposit, address partner) returns()
func (_TokenNetwork *TokenNetworkTransactorSession) SetTotalDeposit(channel_identifier *big.Int, participant common.Address, total_deposit *big.Int, partner common.Address) (*types.Transaction, error) {
	return _TokenNetwork.Contract.SetTotalDeposit(&_TokenNetwork.TransactOpts, channel_identifier, participant, total_deposit, partner)
}

// SetTotalWithdraw is a paid mutator transaction binding the contract method 0x9e67ca5f.
//
// Solidity: function setTotalWithdraw(uint256 channel_identifier, address participant, uint256 total_withdraw, uint256 withdrawable_until, bytes participant_signature, bytes partner_signature) returns()
func (_TokenNetwork *TokenNetworkTransactor) SetTotalWithdraw(opts *bind.TransactOpts, channel_identifier *big.Int, participant common.Address, total_withdraw *big.Int, withdrawable_until *big.Int, participant_signature []byte, partner_signature []byte) (*types.Transaction, error) {
	return _TokenNetwork.contract.Transact(opts, "setTotalWithdraw", channel_identifier, participant, total_withdraw, withdrawable_until, participant_signature, partner_signature)
}

// SetTotalWithdraw is a paid mutator transaction binding the contract method 0x9e67ca5f.
//
// Solidity: function setTotalWithdraw(uint256 channel_identifier, address participant, uint256 total_withdraw, uint256 withdrawable_until, bytes participant_signature, bytes partner_signature) returns()
func (_TokenNetwork *TokenNetworkSession) SetTotalWithdraw(channel_identifier *big.Int, participant common.Address, total_withdraw *big.Int, withdrawable_until *big.Int, participant_signature []byte, partner_signature []byte) (*types.Transaction, error) {
	return _TokenNetwork.Contract.SetTotalWithdraw(&_TokenNetwork.TransactOpts, channel_identifier, participant, total_withdraw, withdrawable_until, participant_signature, partner_signature)
}

// SetTotalWithdraw is a paid mutator transaction binding the contract method 0x9e67ca5f.
//
// Solidity: function setTotalWithdraw(uint256 channel_identifier, address participant, uint256 total_withdraw, uint256 withdrawable_until, bytes participant_signature, bytes partner_signature) returns()
func (_TokenNetwork *TokenNetworkTransactorSession) SetTotalWithdraw(channel_identifier *big.Int, participant common.Address, total_withdraw *big.Int, withdrawable_until *big.Int, participant_signature []byte, partner_signature []byte) (*types.Transaction, error) {
	return _TokenNetwork.Contract.SetTotalWithdraw(&_TokenNetwork.TransactOpts, channel_identifier, participant, total_withdraw, withdrawable_until, participant_signature, partner_signature)
}

// SetTotalWithdraw2 is a paid mutator transaction binding the contract method 0x0d4dc17f.
//
// Solidity: function setTotalWithdraw2(uint256 channel_identifier, (address,uint256,uint256,bytes,bytes) withdraw_data) returns()
func (_TokenNetwork *TokenNetworkTransactor) SetTotalWithdraw2(opts *bind.TransactOpts, channel_identifier *big.Int, withdraw_data TokenNetworkWithdrawInput) (*types.Transaction, error) {
	return _TokenNetwork.contract.Transact(opts, "setTotalWithdraw2", channel_identifier, withdraw_data)
}

// SetTotalWithdraw2 is a paid mutator transaction binding the contract method 0x0d4dc17f.
//
// Solidity: function setTotalWithdraw2(uint256 channel_identifier, (address,uint256,uint256,bytes,bytes) withdraw_data) returns()
func (_TokenNetwork *TokenNetworkSession) SetTotalWithdraw2(channel_identifier *big.Int, withdraw_data TokenNetworkWithdrawInput) (*types.Transaction, error) {
	return _TokenNetwork.Contract.SetTotalWithdraw2(&_TokenNetwork.TransactOpts, channel_identifier, withdraw_data)
}

// SetTotalWithdraw2 is a paid mutator transaction binding the contract method 0x0d4dc17f.
//
// Solidity: function setTotalWithdraw2(uint256 channel_identifier, (address,uint256,uint256,bytes,bytes) withdraw_data) returns()
func (_TokenNetwork *TokenNetworkTransactorSession) SetTotalWithdraw2(channel_identifier *big.Int, withdraw_data TokenNetworkWithdrawInput) (*types.Transaction, error) {
	return _TokenNetwork.Contract.SetTotalWithdraw2(&_TokenNetwork.TransactOpts, channel_identifier, withdraw_data)
}

// SettleChannel is a paid mutator transaction binding the contract method 0x9cadb159.
//
// Solidity: function settleChannel(uint256 channel_identifier, address participant1, uint256 participant1_transferred_amount, uint256 participant1_locked_amount, bytes32 participant1_locksroot, address participant2, uint256 participant2_transferred_amount, uint256 participant2_locked_amount, bytes32 participant2_locksroot) returns()
func (_TokenNetwork *TokenNetworkTransactor) SettleChannel(opts *bind.TransactOpts, channel_identifier *big.Int, participant1 common.Address, participant1_transferred_amount *big.Int, participant1_locked_amount *big.Int, participant1_locksroot [32]byte, participant2 common.Address, participant2_transferred_amount *big.Int, participant2_locked_amount *big.Int, participant2_locksroot [32]byte) (*types.Transaction, error) {
	return _TokenNetwork.contract.Transact(opts, "settleChannel", channel_identifier, participant1, participant1_transferred_amount, participant1_locked_amount, participant1_locksroot, participant2, participant2_transferred_amount, participant2_locked_amount, participant2_locksroot)
}

// SettleChannel is a paid mutator transaction binding the contract method 0x9cadb159.
//
// Solidity: function settleChannel(uint256 channel_identifier, address participant1, uint256 participant1_transferred_amount, uint256 participant1_locked_amount, bytes32 participant1_locksroot, address participant2, uint256 participant2_transferred_amount, uint256 participant2_locked_amount, bytes32 participant2_locksroot) returns()
func (_TokenNetwork *TokenNetworkSession) SettleChannel(channel_identifier *big.Int, participant1 common.Address, participant1_transferred_amount *big.Int, participant1_locked_amount *big.Int, participant1_locksroot [32]byte, participant2 common.Address, participant2_transferred_amount *big.Int, participant2_locked_amount *big.Int, participant2_locksroot [32]byte) (*types.Transaction, error) {
	return _TokenNetwork.Contract.SettleChannel(&_TokenNetwork.TransactOpts, channel_identifier, participant1, participant1_transferred_amount, participant1_locked_amount, participant1_locksroot, participant2, participant2_transferred_amount, participant2_locked_amount, participant2_locksroot)
}

// SettleChannel is a paid mutator transaction binding the contract method 0x9cadb159.
//
// Solidity: function settleChannel(uint256 channel_identifier, address participant1, uint256 participant1_transferred_amount, uint256 participant1_locked_amount, bytes32 participant1_locksroot, address participant2, uint256 participant2_transferred_amount, uint256 participant2_locked_amount, bytes32 participant2_locksroot) returns()
func (_TokenNetwork *TokenNetworkTransactorSession) SettleChannel(channel_identifier *big.Int, participant1 common.Address, participant1_transferred_amount *big.Int, participant1_locked_amount *big.Int, participant1_locksroot [32]byte, participant2 common.Address, participant2_transferred_amount *big.Int, participant2_locked_amount *big.Int, participant2_locksroot [32]byte) (*types.Transaction, error) {
	return _TokenNetwork.Contract.SettleChannel(&_TokenNetwork.TransactOpts, channel_identifier, participant1, participant1_transferred_amount, participant1_locked_amount, participant1_locksroot, participant2, participant2_transferred_amount, participant2_locked_amount, participant2_locksroot)
}

// SettleChannel2 is a paid mutator transaction binding the contract method 0xca463cce.
//
// Solidity: function settleChannel2(uint256 channel_identifier, (address,uint256,uint256,bytes32) participant1_settlement, (address,uint256,uint256,bytes32) participant2_settlement) returns()
func (_TokenNetwork *TokenNetworkTransactor) SettleChannel2(opts *bind.TransactOpts, channel_identifier *big.Int, participant1_settlement TokenNetworkSettleInput, participant2_settlement TokenNetworkSettleInput) (*types.Transaction, error) {
	return _TokenNetwork.contract.Transact(opts, "settleChannel2", channel_identifier, participant1_settlement, participant2_settlement)
}

// SettleChannel2 is a paid mutator transaction binding the contract method 0xca463cce.
//
// Solidity: function settleChannel2(uint256 channel_identifier, (address,uint256,uint256,bytes32) participant1_settlement, (address,uint256,uint256,bytes32) participant2_settlement) returns()
func (_TokenNetwork *TokenNetworkSession) SettleChannel2(channel_identifier *big.Int, participant1_settlement TokenNetworkSettleInput, participant2_settlement TokenNetworkSettleInput) (*types.Transaction, error) {
	return _TokenNetwork.Contract.SettleChannel2(&_TokenNetwork.TransactOpts, channel_identifier, participant1_settlement, participant2_settlement)
}

// SettleChannel2 is a paid mutator transaction binding the contract method 0xca463cce.
//
// Solidity: function settleChannel2(uint256 channel_identifier, (address,uint256,uint256,bytes32) participant1_settlement, (address,uint256,uint256,bytes32) participant2_settlement) returns()
func (_TokenNetwork *TokenNetworkTransactorSession) SettleChannel2(channel_identifier *big.Int, participant1_settlement TokenNetworkSettleInput, participant2_settlement TokenNetworkSettleInput) (*types.Transaction, error) {
	return _TokenNetwork.Contract.SettleChannel2(&_TokenNetwork.TransactOpts, channel_identifier, participant1_settlement, participant2_settlement)
}

// Unlock is a paid mutator transaction binding the contract method 0x03d9d253.
//
// Solidity: function unlock(uint256 channel_identifier, address receiver, address sender, bytes locks) returns()
func (_TokenNetwork *TokenNetworkTransactor) Unlock(opts *bind.TransactOpts, channel_identifier *big.Int, receiver common.Address, sender common.Address, locks []byte) (*types.Transaction, error) {
	return _TokenNetwork.contract.Transact(opts, "unlock", channel_identifier, receiver, sender, locks)
}

// Unlock is a paid mutator transaction binding the contract method 0x03d9d253.
//
// Solidity: function unlock(uint256 channel_identifier, address receiver, address sender, bytes locks) returns()
func (_TokenNetwork *TokenNetworkSession) Unlock(channel_identifier *big.Int, receiver common.Address, sender common.Address, locks []byte) (*types.Transaction, error) {
	return _TokenNetwork.Contract.Unlock(&_TokenNetwork.TransactOpts, channel_identifier, receiver, sender, locks)
}

// Unlock is a paid mutator transaction binding the contract method 0x03d9d253.
//
// Solidity: function unlock(uint256 channel_identifier, address receiver, address sender, bytes locks) returns()
func (_TokenNetwork *TokenNetworkTransactorSession) Unlock(channel_identifier *big.Int, receiver common.Address, sender common.Address, locks []byte) (*types.Transaction, error) {
	return _TokenNetwork.Contract.Unlock(&_TokenNetwork.TransactOpts, channel_identifier, receiver, sender, locks)
}

// UpdateNonClosingBalanceProof is a paid mutator transaction binding the contract method 0xfadc554b.
//
// Solidity: function updateNonClosingBalanceProof(uint256 channel_identifier, address closing_participant, address non_closing_participant, bytes32 balance_hash, uint256 nonce, bytes32 additional_hash, bytes closing_signature, bytes non_closing_signature) returns()
func (_TokenNetwork *TokenNetworkTransactor) UpdateNonClosingBalanceProof(opts *bind.TransactOpts, channel_identifier *big.Int, closing_participant common.Address, non_closing_participant common.Address, balance_hash [32]byte, nonce *big.Int, additional_hash [32]byte, closing_signature []byte, non_closing_signature []byte) (*types.Transaction, error) {
	return _TokenNetwork.contract.Transact(opts, "updateNonClosingBalanceProof", channel_identifier, closing_participant, non_closing_participant, balance_hash, nonce, additional_hash, closing_signature, non_closing_signature)
}

// UpdateNonClosingBalanceProof is a paid mutator transaction binding the contract method 0xfadc554b.
//
// Solidity: function updateNonClosingBalanceProof(uint256 channel_identifier, address closing_participant, address non_closing_participant, bytes32 balance_hash, uint256 nonce, bytes32 additional_hash, bytes closing_signature, bytes non_closing_signature) returns()
func (_TokenNetwork *TokenNetworkSession) UpdateNonClosingBalanceProof(channel_identifier *big.Int, closing_participant common.Address, non_closing_participant common.Address, balance_hash [32]byte, nonce *big.Int, additional_hash [32]byte, closing_signature []byte, non_closing_signature []byte) (*types.Transaction, error) {
	return _TokenNetwork.Contract.UpdateNonClosingBalanceProof(&_TokenNetwork.TransactOpts, channel_identifier, closing_participant, non_closing_participant, balance_hash, nonce, additional_hash, closing_signature, non_closing_signature)
}

// UpdateNonClosingBalanceProof is a paid mutator transaction binding the contract method 0xfadc554b.
//
// Solidity: function updateNonClosingBalanceProof(uint256 channel_identifier, address closing_participant, address non_closing_participant, bytes32 balance_hash, uint256 nonce, bytes32 additional_hash, bytes closing_signature, bytes non_closing_signature) returns()
func (_TokenNetwork *TokenNetworkTransactorSession) UpdateNonClosingBalanceProof(channel_identifier *big.Int, closing_participant common.Address, non_closing_participant common.Address, balance_hash [32]byte, nonce *big.Int, additional_hash [32]byte, closing_signature []byte, non_closing_signature []byte) (*types.Transaction, error) {
	return _TokenNetwork.Contract.UpdateNonClosingBalanceProof(&_TokenNetwork.TransactOpts, channel_identifier, closing_participant, non_closing_participant, balance_hash, nonce, additional_hash, closing_signature, non_closing_signature)
}

// TokenNetworkChannelClosedIterator is returned from FilterChannelClosed and is used to iterate over the raw logs and unpacked data for ChannelClosed events raised by the TokenNetwork contract.
type TokenNetworkChannelClosedIterator struct {
	Event *TokenNetworkChannelClosed // Event containing the contract specifics and raw log

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
func (it *TokenNetworkChannelClosedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(TokenNetworkChannelClosed)
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
		it.Event = new(TokenNetworkChannelClosed)
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
func (it *TokenNetworkChannelClosedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *TokenNetworkChannelClosedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// TokenNetworkChannelClosed represents a ChannelClosed event raised by the TokenNetwork contract.
type TokenNetworkChannelClosed struct {
	ChannelIdentifier  *big.Int
	ClosingParticipant common.Address
	Nonce              *big.Int
	BalanceHash        [32]byte
	Raw                types.Log // Blockchain specific contextual infos
}

// FilterChannelClosed is a free log retrieval operation binding the contract event 0x09d2f946e008c38931cd739dd20e35146deff8ab3134caee6d54fe50816a81b8.
//
// Solidity: event ChannelClosed(uint256 indexed channel_identifier, address indexed closing_participant, uint256 indexed nonce, bytes32 balance_hash)
func (_TokenNetwork *TokenNetworkFilterer) FilterChannelClosed(opts *bind.FilterOpts, channel_identifier []*big.Int, closing_participant []common.Address, nonce []*big.Int) (*TokenNetworkChannelClosedIterator, error) {

	var channel_identifierRule []interface{}
	for _, channel_identifierItem := range channel_identifier {
		channel_identifierRule = append(channel_identifierRule, channel_identifierItem)
	}
	var closing_participantRule []interface{}
	for _, closing_participantItem := range closing_participant {
		closing_participantRule = append(closing_participantRule, closing_participantItem)
	}
	var nonceRule []interface{}
	for _, nonceItem := range nonce {
		nonceRule = append(nonceRule, nonceItem)
	}

	logs, sub, err := _TokenNetwork.contract.FilterLogs(opts, "ChannelClosed", channel_identifierRule, closing_participantRule, nonceRule)
	if err != nil {
		return nil, err
	}
	return &TokenNetworkChannelClosedIterator{contract: _TokenNetwork.contract, event: "ChannelClosed", logs: logs, sub: sub}, nil
}

// WatchChannelClosed is a free log subscription operation binding the contract event 0x09d2f946e008c38931cd739dd20e35146deff8ab3134caee6d54fe50816a81b8.
//
// Solidity: event ChannelClosed(uint256 indexed channel_identifier, address indexed closing_participant, uint256 indexed nonce, bytes32 balance_hash)
func (_TokenNetwork *TokenNetworkFilterer) WatchChannelClosed(opts *bind.WatchOpts, sink chan<- *TokenNetworkChannelClosed, channel_identifier []*big.Int, closing_participant []common.Address, nonce []*big.Int) (event.Subscription, error) {

	var channel_identifierRule []interface{}
	for _, channel_identifierItem := range channel_identifier {
		channel_identifierRule = append(channel_identifierRule, channel_identifierItem)
	}
	var closing_participantRule []interface{}
	for _, closing_participantItem := range closing_participant {
		closing_participantRule = append(closing_participantRule, closing_participantItem)
	}
	var nonceRule []interface{}
	for _, nonceItem := range nonce {
		nonceRule = append(nonceRule, nonceItem)
	}

	logs, sub, err := _TokenNetwork.contract.WatchLogs(opts, "ChannelClosed", channel_identifierRule, closing_participantRule, nonceRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(TokenNetworkChannelClosed)
				if err := _TokenNetwork.contract.UnpackLog(event, "ChannelClosed", log); err != nil {
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

// ParseChannelClosed is a log parse operation binding the contract event 0x09d2f946e008c38931cd739dd20e35146deff8ab3134caee6d54fe50816a81b8.
//
// Solidity: event ChannelClosed(uint256 indexed channel_identifier, address indexed closing_participant, uint256 indexed nonce, bytes32 balance_hash)
func (_TokenNetwork *TokenNetworkFilterer) ParseChannelClosed(log types.Log) (*TokenNetworkChannelClosed, error) {
	event := new(TokenNetworkChannelClosed)
	if err := _TokenNetwork.contract.UnpackLog(event, "ChannelClosed", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// TokenNetworkChannelNewDepositIterator is returned from FilterChannelNewDeposit and is used to iterate over the raw logs and unpacked data for ChannelNewDeposit events raised by the TokenNetwork contract.
type TokenNetworkChannelNewDepositIterator struct {
	Event *TokenNetworkChannelNewDeposit // Event containing the contract specifics and raw log

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
func (it *TokenNetworkChannelNewDepositIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(TokenNetworkChannelNewDeposit)
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
		it.Event = new(TokenNetworkChannelNewDeposit)
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
func (it *TokenNetworkChannelNewDepositIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *TokenNetworkChannelNewDepositIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// TokenNetworkChannelNewDeposit represents a ChannelNewDeposit event raised by the TokenNetwork contract.
type TokenNetworkChannelNewDeposit struct {
	ChannelIdentifier *big.Int
	Participant       common.Address
	TotalDeposit      *big.Int
	Raw               types.Log // Blockchain specific contextual infos
}

// FilterChannelNewDeposit is a free log retrieval operation binding the contract event 0x2b55547a3b586ab51f65ee9ce4927fa6d25191388299988e89e059a02f9dd445.
//
// Solidity: event ChannelNewDeposit(uint256 indexed channel_identifier, address indexed participant, uint256 total_deposit)
func (_TokenNetwork *TokenNetworkFilterer) FilterChannelNewDeposit(opts *bind.FilterOpts, channel_identifier []*big.Int, participant []common.Address) (*TokenNetworkChannelNewDepositIterator, error) {

	var channel_identifierRule []interface{}
	for _, channel_identifierItem := range channel_identifier {
		channel_identifierRule = append(channel_identifierRule, channel_identifierItem)
	}
	var participantRule []interface{}
	for _, participantItem := range participant {
		participantRule = append(participantRule, participantItem)
	}

	logs, sub, err := _TokenNetwork.contract.FilterLogs(opts, "ChannelNewDeposit", channel_identifierRule, participantRule)
	if err != nil {
		return nil, err
	}
	return &TokenNetworkChannelNewDepositIterator{contract: _TokenNetwork.contract, event: "ChannelNewDeposit", logs: logs, sub: sub}, nil
}

// WatchChannelNewDeposit is a free log subscription operation binding the contract event 0x2b55547a3b586ab51f65ee9ce4927fa6d25191388299988e89e059a02f9dd445.
//
// Solidity: event ChannelNewDeposit(uint256 indexed channel_identifier, address indexed participant, uint256 total_deposit)
func (_TokenNetwork *TokenNetworkFilterer) WatchChannelNewDeposit(opts *bind.WatchOpts, sink chan<- *TokenNetworkChannelNewDeposit, channel_identifier []*big.Int, participant []common.Address) (event.Subscription, error) {

	var channel_identifierRule []interface{}
	for _, channel_identifierItem := range channel_identifier {
		channel_identifierRule = append(channel_identifierRule, channel_identifierItem)
	}
	var participantRule []interface{}
	for _, participantItem := range participant {
		participantRule = append(participantRule, participantItem)
	}

	logs, sub, err := _TokenNetwork.contract.WatchLogs(opts, "ChannelNewDeposit", channel_identifierRule, participantRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(TokenNetworkChannelNewDeposit)
				if err := _TokenNetwork.contract.UnpackLog(event, "ChannelNewDeposit", log); err != nil {
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

// ParseChannelNewDeposit is a log parse operation binding the contract event 0x2b55547a3b586ab51f65ee9ce4927fa6d25191388299988e89e059a02f9dd445.
//
// Solidity: event ChannelNewDeposit(uint256 indexed channel_identifier, address indexed participant, uint256 total_deposit)
func (_TokenNetwork *TokenNetworkFilterer) ParseChannelNewDeposit(log types.Log) (*TokenNetworkChannelNewDeposit, error) {
	event := new(TokenNetworkChannelNewDeposit)
	if err := _TokenNetwork.contract.UnpackLog(event, "ChannelNewDeposit", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// TokenNetworkChannelOpenedIterator is returned from FilterChannelOpened and is used to iterate over the raw logs and unpacked data for ChannelOpened events raised by the TokenNetwork contract.
type TokenNetworkChannelOpenedIterator struct {
	Event *TokenNetworkChannelOpened // Event containing the contract specifics and raw log

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
func (it *TokenNetworkChannelOpenedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(TokenNetworkChannelOpened)
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
		it.Event = new(TokenNetworkChannelOpened)
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
func (it *TokenNetworkChannelOpenedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *TokenNetworkChannelOpenedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// TokenNetworkChannelOpened represents a ChannelOpened event raised by the TokenNetwork contract.
type TokenNetworkChannelOpened struct {
	ChannelIdentifier *big.Int
	Participant1      common.Address
	Participant2      common.Address
	Raw               types.Log // Blockchain specific contextual infos
}

// FilterChannelOpened is a free log retrieval operation binding the contract event 0x55bc5cbdb280ba924235746821de33542a878e786d67a54fd0a95bd640193844.
//
// Solidity: event ChannelOpened(uint256 indexed channel_identifier, address indexed participant1, address indexed participant2)
func (_TokenNetwork *TokenNetworkFilterer) FilterChannelOpened(opts *bind.FilterOpts, channel_identifier []*big.Int, participant1 []common.Address, participant2 []common.Address) (*TokenNetworkChannelOpenedIterator, error) {

	var channel_identifierRule []interface{}
	for _, channel_identifierItem := range channel_identifier {
		channel_identifierRule = append(channel_identifierRule, channel_identifierItem)
	}
	var participant1Rule []interface{}
	for _, participant1Item := range participant1 {
		participant1Rule = append(participant1Rule, participant1Item)
	}
	var participant2Rule []interface{}
	for _, participant2Item := range participant2 {
		participant2Rule = append(participant2Rule, participant2Item)
	}

	logs, sub, err := _TokenNetwork.contract.FilterLogs(opts, "ChannelOpened", channel_identifierRule, participant1Rule, participant2Rule)
	if err != nil {
		return nil, err
	}
	return &TokenNetworkChannelOpenedIterator{contract: _TokenNetwork.contract, event: "ChannelOpened", logs: logs, sub: sub}, nil
}

// WatchChannelOpened is a free log subscription operation binding the contract event 0x55bc5cbdb280ba924235746821de33542a878e786d67a54fd0a95bd640193844.
//
// Solidity: event ChannelOpened(uint256 indexed channel_identifier, address indexed participant1, address indexed participant2)
func (_TokenNetwork *TokenNetworkFilterer) WatchChannelOpened(opts *bind.WatchOpts, sink chan<- *TokenNetworkChannelOpened, channel_identifier []*big.Int, participant1 []common.Address, participant2 []common.Address) (event.Subscription, error) {

	var channel_identifierRule []interface{}
	for _, channel_identifierItem := range channel_identifier {
		channel_identifierRule = append(channel_identifierRule, channel_identifierItem)
	}
	var participant1Rule []interface{}
	for _, participant1Item := range participant1 {
		participant1Rule = append(participant1Rule, participant1Item)
	}
	var participant2Rule []interface{}
	for _, participant2Item := range participant2 {
		participant2Rule = append(participant2Rule, participant2Item)
	}

	logs, sub, err := _TokenNetwork.contract.WatchLogs(opts, "ChannelOpened", channel_identifierRule, participant1Rule, participant2Rule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(TokenNetworkChannelOpened)
				if err := _TokenNetwork.contract.UnpackLog(event, "ChannelOpened", log); err != nil {
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

// ParseChannelOpened is a log parse operation binding the contract event 0x55bc5cbdb280ba924235746821de33542a878e786d67a54fd0a95bd640193844.
//
// Solidity: event ChannelOpened(uint256 indexed channel_identifier, address indexed participant1, address indexed participant2)
func (_TokenNetwork *TokenNetworkFilterer) ParseChannelOpened(log types.Log) (*TokenNetworkChannelOpened, error) {
	event := new(TokenNetworkChannelOpened)
	if err := _TokenNetwork.contract.UnpackLog(event, "ChannelOpened", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// TokenNetworkChannelSettledIterator is returned from FilterChannelSettled and is used to iterate over the raw logs and unpacked data for ChannelSettled events raised by the TokenNetwork contract.
type TokenNetworkChannelSettledIterator struct {
	Event *TokenNetworkChannelSettled // Event containing the contract specifics and raw log

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
func (it *TokenNetworkChannelSettledIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(TokenNetworkChannelSettled)
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
		it.Event = new(TokenNetworkChannelSettled)
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
func (it *TokenNetworkChannelSettledIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *TokenNetworkChannelSettledIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// TokenNetworkChannelSettled represents a ChannelSettled event raised by the TokenNetwork contract.
type TokenNetworkChannelSettled struct {
	ChannelIdentifier     *big.Int
	Participant1          common.Address
	Participant1Amount    *big.Int
	Participant1Locksroot [32]byte
	Participant2          common.Address
	Participant2Amount    *big.Int
	Participant2Locksroot [32]byte
	Raw                   types.Log // Blockchain specific contextual infos
}

// FilterChannelSettled is a free log retrieval operation binding the contract event 0x5e973099ee6bae497f110b6b50e988c2a10decca1eb93982a42af12f297fc91c.
//
// Solidity: event ChannelSettled(uint256 indexed channel_identifier, address participant1, uint256 participant1_amount, bytes32 participant1_locksroot, address participant2, uint256 participant2_amount, bytes32 participant2_locksroot)
func (_TokenNetwork *TokenNetworkFilterer) FilterChannelSettled(opts *bind.FilterOpts, channel_identifier []*big.Int) (*TokenNetworkChannelSettledIterator, error) {

	var channel_identifierRule []interface{}
	for _, channel_identifierItem := range channel_identifier {
		channel_identifierRule = append(channel_identifierRule, channel_identifierItem)
	}

	logs, sub, err := _TokenNetwork.contract.FilterLogs(opts, "ChannelSettled", channel_identifierRule)
	if err != nil {
		return nil, err
	}
	return &TokenNetworkChannelSettledIterator{contract: _TokenNetwork.contract, event: "ChannelSettled", logs: logs, sub: sub}, nil
}

// WatchChannelSettled is a free log subscription operation binding the contract event 0x5e973099ee6bae497f110b6b50e988c2a10decca1eb93982a42af12f297fc91c.
//
// Solidity: event ChannelSettled(uint256 indexed channel_identifier, address participant1, uint256 participant1_amount, bytes32 participant1_locksroot, address participant2, uint256 participant2_amount, bytes32 participant2_locksroot)
func (_TokenNetwork *TokenNetworkFilterer) WatchChannelSettled(opts *bind.WatchOpts, sink chan<- *TokenNetworkChannelSettled, channel_identifier []*big.Int) (event.Subscription, error) {

	var channel_identifierRule []interface{}
	for _, channel_identifierItem := range channel_identifier {
		channel_identifierRule = append(channel_identifierRule, channel_identifierItem)
	}

	logs, sub, err := _TokenNetwork.contract.WatchLogs(opts, "ChannelSettled", channel_identifierRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(TokenNetworkChannelSettled)
				if err := _TokenNetwork.contract.UnpackLog(event, "ChannelSettled", log); err != nil {
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

// ParseChannelSettled is a log parse operation binding the contract event 0x5e973099ee6bae497f110b6b50e988c2a10decca1eb93982a42af12f297fc91c.
//
// Solidity: event ChannelSettled(uint256 indexed channel_identifier, address participant1, uint256 participant1_amount, bytes32 participant1_locksroot, address participant2, uint256 participant2_amount, bytes32 participant2_locksroot)
func (_TokenNetwork *TokenNetworkFilterer) ParseChannelSettled(log types.Log) (*TokenNetworkChannelSettled, error) {
	event := new(TokenNetworkChannelSettled)
	if err := _TokenNetwork.contract.UnpackLog(event, "ChannelSettled", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// TokenNetworkChannelUnlockedIterator is returned from FilterChannelUnlocked and is used to iterate over the raw logs and unpacked data for ChannelUnlocked events raised by the TokenNetwork contract.
type TokenNetworkChannelUnlockedIterator struct {
	Event *TokenNetworkChannelUnlocked // Event containing the contract specifics and raw log

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
func (it *TokenNetworkChannelUnlockedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(TokenNetworkChannelUnlocked)
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
		it.Event = new(TokenNetworkChannelUnlocked)
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
func (it *TokenNetworkChannelUnlockedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *TokenNetworkChannelUnlockedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// TokenNetworkChannelUnlocked represents a ChannelUnlocked event raised by the TokenNetwork contract.
type TokenNetworkChannelUnlocked struct {
	ChannelIdentifier *big.Int
	Receiver          common.Address
	Sender            common.Address
	Locksroot         [32]byte
	UnlockedAmount    *big.Int
	ReturnedTokens    *big.Int
	Raw               types.Log // Blockchain specific contextual infos
}

// FilterChannelUnlocked is a free log retrieval operation binding the contract event 0x8c03cf01b3d4e6068cc494e6fe02aa9e3d4af069d37c32ecc3b241af5c37e6c0.
//
// Solidity: event ChannelUnlocked(uint256 indexed channel_identifier, address indexed receiver, address indexed sender, bytes32 locksroot, uint256 unlocked_amount, uint256 returned_tokens)
func (_TokenNetwork *TokenNetworkFilterer) FilterChannelUnlocked(opts *bind.FilterOpts, channel_identifier []*big.Int, receiver []common.Address, sender []common.Address) (*TokenNetworkChannelUnlockedIterator, error) {

	var channel_identifierRule []interface{}
	for _, channel_identifierItem := range channel_identifier {
		channel_identifierRule = append(channel_identifierRule, channel_identifierItem)
	}
	var receiverRule []interface{}
	for _, receiverItem := range receiver {
		receiverRule = append(receiverRule, receiverItem)
	}
	var senderRule []interface{}
	for _, senderItem := range sender {
		senderRule = append(senderRule, senderItem)
	}

	logs, sub, err := _TokenNetwork.contract.FilterLogs(opts, "ChannelUnlocked", channel_identifierRule, receiverRule, senderRule)
	if err != nil {
		return nil, err
	}
	return &TokenNetworkChannelUnlockedIterator{contract: _TokenNetwork.contract, event: "ChannelUnlocked", logs: logs, sub: sub}, nil
}

// WatchChannelUnlocked is a free log subscription operation binding the contract event 0x8c03cf01b3d4e6068cc494e6fe02aa9e3d4af069d37c32ecc3b241af5c37e6c0.
//
// Solidity: event ChannelUnlocked(uint256 indexed channel_identifier, address indexed receiver, address indexed sender, bytes32 locksroot, uint256 unlocked_amount, uint256 returned_tokens)
func (_TokenNetwork *TokenNetworkFilterer) WatchChannelUnlocked(opts *bind.WatchOpts, sink chan<- *TokenNetworkChannelUnlocked, channel_identifier []*big.Int, receiver []common.Address, sender []common.Address) (event.Subscription, error) {

	var channel_identifierRule []interface{}
	for _, channel_identifierItem := range channel_identifier {
		channel_identifierRule = append(channel_identifierRule, channel_identifierItem)
	}
	var receiverRule []interface{}
	for _, receiverItem := range receiver {
		receiverRule = append(receiverRule, receiverItem)
	}
	var senderRule []interface{}
	for _, senderItem := range sender {
		senderRule = append(senderRule, senderItem)
	}

	logs, sub, err := _TokenNetwork.contract.WatchLogs(opts, "ChannelUnlocked", channel_identifierRule, receiverRule, senderRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(TokenNetworkChannelUnlocked)
				if err := _TokenNetwork.contract.UnpackLog(event, "ChannelUnlocked", log); err != nil {
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

// ParseChannelUnlocked is a log parse operation binding the contract event 0x8c03cf01b3d4e6068cc494e6fe02aa9e3d4af069d37c32ecc3b241af5c37e6c0.
//
// Solidity: event ChannelUnlocked(uint256 indexed channel_identifier, address indexed receiver, address indexed sender, bytes32 locksroot, uint256 unlocked_amount, uint256 returned_tokens)
func (_TokenNetwork *TokenNetworkFilterer) ParseChannelUnlocked(log types.Log) (*TokenNetworkChannelUnlocked, error) {
	event := new(TokenNetworkChannelUnlocked)
	if err := _TokenNetwork.contract.UnpackLog(event, "ChannelUnlocked", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// TokenNetworkChannelWithdrawIterator is returned from FilterChannelWithdraw and is used to iterate over the raw logs and unpacked data for ChannelWithdraw events raised by the TokenNetwork contract.
type TokenNetworkChannelWithdrawIterator struct {
	Event *TokenNetworkChannelWithdraw // Event containing the contract specifics and raw log

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
func (it *TokenNetworkChannelWithdrawIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(TokenNetworkChannelWithdraw)
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
		it.Event = new(TokenNetworkChannelWithdraw)
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
func (it *TokenNetworkChannelWithdrawIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *TokenNetworkChannelWithdrawIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// TokenNetworkChannelWithdraw represents a ChannelWithdraw event raised by the TokenNetwork contract.
type TokenNetworkChannelWithdraw struct {
	ChannelIdentifier *big.Int
	Participant       common.Address
	TotalWithdraw     *big.Int
	Raw               types.Log // Blockchain specific contextual infos
}

// FilterChannelWithdraw is a free log retrieval operation binding the contract event 0x98ed0357b86b313fa9f968de5c9d2bcf591432355b34aa1ab7e3e9e92f428408.
//
// Solidity: event ChannelWithdraw(uint256 indexed channel_identifier, address indexed participant, uint256 total_withdraw)
func (_TokenNetwork *TokenNetworkFilterer) FilterChannelWithdraw(opts *bind.FilterOpts, channel_identifier []*big.Int, participant []common.Address) (*TokenNetworkChannelWithdrawIterator, error) {

	var channel_identifierRule []interface{}
	for _, channel_identifierItem := range channel_identifier {
		channel_identifierRule = append(channel_identifierRule, channel_identifierItem)
	}
	var participantRule []interface{}
	for _, participantItem := range participant {
		participantRule = append(participantRule, participantItem)
	}

	logs, sub, err := _TokenNetwork.contract.FilterLogs(opts, "ChannelWithdraw", channel_identifierRule, participantRule)
	if err != nil {
		return nil, err
	}
	return &TokenNetworkChannelWithdrawIterator{contract: _TokenNetwork.contract, event: "ChannelWithdraw", logs: logs, sub: sub}, nil
}

// WatchChannelWithdraw is a free log subscription operation binding the contract event 0x98ed0357b86b313fa9f968de5c9d2bcf591432355b34aa1ab7e3e9e92f428408.
//
// Solidity: event ChannelWithdraw(uint256 indexed channel_identifier, address indexed participant, uint256 total_withdraw)
func (_TokenNetwork *TokenNetworkFilterer) WatchChannelWithdraw(opts *bind.WatchOpts, sink chan<- *TokenNetworkChannelWithdraw, channel_identifier []*big.Int, participant []common.Address) (event.Subscription, error) {

	var channel_identifierRule []interface{}
	for _, channel_identifierItem := range channel_identifier {
		channel_identifierRule = append(channel_identifierRule, channel_identifierItem)
	}
	var participantRule []interface{}
	for _, participantItem := range participant {
		participantRule = append(participantRule, participantItem)
	}

	logs, sub, err := _TokenNetwork.contract.WatchLogs(opts, "ChannelWithdraw", channel_identifierRule, participantRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(TokenNetworkChannelWithdraw)
				if err := _TokenNetwork.contract.UnpackLog(event, "ChannelWithdraw", log); err != nil {
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

// ParseChannelWithdraw is a log parse operation binding the contract event 0x98ed0357b86b313fa9f968de5c9d2bcf591432355b34aa1ab7e3e9e92f428408.
//
// Solidity: event ChannelWithdraw(uint256 indexed channel_identifier, address indexed participant, uint256 total_withdraw)
func (_TokenNetwork *TokenNetworkFilterer) ParseChannelWithdraw(log types.Log) (*TokenNetworkChannelWithdraw, error) {
	event := new(TokenNetworkChannelWithdraw)
	if err := _TokenNetwork.contract.UnpackLog(event, "ChannelWithdraw", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// TokenNetworkDeprecationSwitchIterator is returned from FilterDeprecationSwitch and is used to iterate over the raw logs and unpacked data for DeprecationSwitch events raised by the TokenNetwork contract.
type TokenNetworkDeprecationSwitchIterator struct {
	Event *TokenNetworkDeprecationSwitch // Event containing the contract specifics and raw log

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
func (it *TokenNetworkDeprecationSwitchIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(TokenNetworkDeprecationSwitch)
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
		it.Event = new(TokenNetworkDeprecationSwitch)
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
func (it *TokenNetworkDeprecationSwitchIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *TokenNetworkDeprecationSwitchIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// TokenNetworkDeprecationSwitch represents a DeprecationSwitch event raised by the TokenNetwork contract.
type TokenNetworkDeprecationSwitch struct {
	NewValue bool
	Raw      types.Log // Blockchain specific contextual infos
}

// FilterDeprecationSwitch is a free log retrieval operation binding the contract event 0x6151930a846a85f5e64d2dd1cc5deeafb010c63eec4b600458158edd0e33f15d.
//
// Solidity: event DeprecationSwitch(bool new_value)
func (_TokenNetwork *TokenNetworkFilterer) FilterDeprecationSwitch(opts *bind.FilterOpts) (*TokenNetworkDeprecationSwitchIterator, error) {

	logs, sub, err := _TokenNetwork.contract.FilterLogs(opts, "DeprecationSwitch")
	if err != nil {
		return nil, err
	}
	return &TokenNetworkDeprecationSwitchIterator{contract: _TokenNetwork.contract, event: "DeprecationSwitch", logs: logs, sub: sub}, nil
}

// WatchDeprecationSwitch is a free log subscription operation binding the contract event 0x6151930a846a85f5e64d2dd1cc5deeafb010c63eec4b600458158edd0e33f15d.
//
// Solidity: event DeprecationSwitch(bool new_value)
func (_TokenNetwork *TokenNetworkFilterer) WatchDeprecationSwitch(opts *bind.WatchOpts, sink chan<- *TokenNetworkDeprecationSwitch) (event.Subscription, error) {

	logs, sub, err := _TokenNetwork.contract.WatchLogs(opts, "DeprecationSwitch")
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(TokenNetworkDeprecationSwitch)
				if err := _TokenNetwork.contract.UnpackLog(event, "DeprecationSwitch", log); err != nil {
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

// ParseDeprecationSwitch is a log parse operation binding the contract event 0x6151930a846a85f5e64d2dd1cc5deeafb010c63eec4b600458158edd0e33f15d.
//
// Solidity: event DeprecationSwitch(bool new_value)
func (_TokenNetwork *TokenNetworkFilterer) ParseDeprecationSwitch(log types.Log) (*TokenNetworkDeprecationSwitch, error) {
	event := new(TokenNetworkDeprecationSwitch)
	if err := _TokenNetwork.contract.UnpackLog(event, "DeprecationSwitch", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// TokenNetworkNonClosingBalanceProofUpdatedIterator is returned from FilterNonClosingBalanceProofUpdated and is used to iterate over the raw logs and unpacked data for NonClosingBalanceProofUpdated events raised by the TokenNetwork contract.
type TokenNetworkNonClosingBalanceProofUpdatedIterator struct {
	Event *TokenNetworkNonClosingBalanceProofUpdated // Event containing the contract specifics and raw log

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
func (it *TokenNetworkNonClosingBalanceProofUpdatedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(TokenNetworkNonClosingBalanceProofUpdated)
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
		it.Event = new(TokenNetworkNonClosingBalanceProofUpdated)
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
func (it *TokenNetworkNonClosingBalanceProofUpdatedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *TokenNetworkNonClosingBalanceProofUpdatedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// TokenNetworkNonClosingBalanceProofUpdated represents a NonClosingBalanceProofUpdated event raised by the TokenNetwork contract.
type TokenNetworkNonClosingBalanceProofUpdated struct {
	ChannelIdentifier  *big.Int
	ClosingParticipant common.Address
	Nonce              *big.Int
	BalanceHash        [32]byte
	Raw                types.Log // Blockchain specific contextual infos
}

// FilterNonClosingBalanceProofUpdated is a free log retrieval operation binding the contract event 0x6fc5b4f4f9e65bfdc4c45456373906876cee8832b605478e281902468875eaed.
//
// Solidity: event NonClosingBalanceProofUpdated(uint256 indexed channel_identifier, address indexed closing_participant, uint256 indexed nonce, bytes32 balance_hash)
func (_TokenNetwork *TokenNetworkFilterer) FilterNonClosingBalanceProofUpdated(opts *bind.FilterOpts, channel_identifier []*big.Int, closing_participant []common.Address, nonce []*big.Int) (*TokenNetworkNonClosingBalanceProofUpdatedIterator, error) {

	var channel_identifierRule []interface{}
	for _, channel_identifierItem := range channel_identifier {
		channel_identifierRule = append(channel_identifierRule, channel_identifierItem)
	}
	var closing_participantRule []interface{}
	for _, closing_participantItem := range closing_participant {
		closing_participantRule = append(closing_participantRule, closing_participantItem)
	}
	var nonceRule []interface{}
	for _, nonceItem := range nonce {
		nonceRule = append(nonceRule, nonceItem)
	}

	logs, sub, err := _TokenNetwork.contract.FilterLogs(opts, "NonClosingBalanceProofUpdated", channel_identifierRule, closing_participantRule, nonceRule)
	if err != nil {
		return nil, err
	}
	return &TokenNetworkNonClosingBalanceProofUpdatedIterator{contract: _TokenNetwork.contract, event: "NonClosingBalanceProofUpdated", logs: logs, sub: sub}, nil
}

// WatchNonClosingBalanceProofUpdated is a free log subscription operation binding the contract event 0x6fc5b4f4f9e65bfdc4c45456373906876cee8832b605478e281902468875eaed.
//
// Solidity: event NonClosingBalanceProofUpdated(uint256 indexed channel_identifier, address indexed closing_participant, uint256 indexed nonce, bytes32 balance_hash)
func (_TokenNetwork *TokenNetworkFilterer) WatchNonClosingBalanceProofUpdated(opts *bind.WatchOpts, sink chan<- *TokenNetworkNonClosingBalanceProofUpdated, channel_identifier []*big.Int, closing_participant []common.Address, nonce []*big.Int) (event.Subscription, error) {

	var channel_identifierRule []interface{}
	for _, channel_identifierItem := range channel_identifier {
		channel_identifierRule = append(channel_identifierRule, channel_identifierItem)
	}
	var closing_participantRule []interface{}
	for _, closing_participantItem := range closing_participant {
		closing_participantRule = append(closing_participantRule, closing_participantItem)
	}
	var nonceRule []interface{}
	for _, nonceItem := range nonce {
		nonceRule = append(nonceRule, nonceItem)
	}

	logs, sub, err := _TokenNetwork.contract.WatchLogs(opts, "NonClosingBalanceProofUpdated", channel_identifierRule, closing_participantRule, nonceRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(TokenNetworkNonClosingBalanceProofUpdated)
				if err := _TokenNetwork.contract.UnpackLog(event, "NonClosingBalanceProofUpdated", log); err != nil {
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

// ParseNonClosingBalanceProofUpdated is a log parse operation binding the contract event 0x6fc5b4f4f9e65bfdc4c45456373906876cee8832b605478e281902468875eaed.
//
// Solidity: event NonClosingBalanceProofUpdated(uint256 indexed channel_identifier, address indexed closing_participant, uint256 indexed nonce, bytes32 balance_hash)
func (_TokenNetwork *TokenNetworkFilterer) ParseNonClosingBalanceProofUpdated(log types.Log) (*TokenNetworkNonClosingBalanceProofUpdated, error) {
	event := new(TokenNetworkNonClosingBalanceProofUpdated)
	if err := _TokenNetwork.contract.UnpackLog(event, "NonClosingBalanceProofUpdated", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}
