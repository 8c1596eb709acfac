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

// ChannelAdjudicatorChannel is an auto generated low-level Go binding around an user-defined struct.
type ChannelAdjudicatorChannel struct {
	PartyA        common.Address
	PartyB        common.Address
	Total         *big.Int
	DisputeWindow uint64
	Nonce         uint64
	Deadline      uint64
	Status        uint8
	BalanceA      *big.Int
	BalanceB      *big.Int
}

// ChannelAdjudicatorState is an auto generated low-level Go binding around an user-defined struct.
type ChannelAdjudicatorState struct {
	ChannelId [32]byte
	Nonce     uint64
	BalanceA  *big.Int
	BalanceB  *big.Int
}

// ChannelAdjudicatorMetaData contains all meta data concerning the ChannelAdjudicator contract.
var ChannelAdjudicatorMetaData = &bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"address\",\"name\":\"expected\",\"type\":\"address\"}],\"name\":\"BadSignature\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"total\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"claimed\",\"type\":\"uint256\"}],\"name\":\"BalanceMismatch\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"deadline\",\"type\":\"uint64\"}],\"name\":\"DisputeWindowOpen\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"deadline\",\"type\":\"uint64\"}],\"name\":\"DisputeWindowOver\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidParty\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotParticipant\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"held\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"given\",\"type\":\"uint64\"}],\"name\":\"StaleNonce\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"}],\"name\":\"TransferFailed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"channelId\",\"type\":\"bytes32\"}],\"name\":\"UnknownChannel\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"maximum\",\"type\":\"uint64\"}],\"name\":\"WindowTooLong\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"minimum\",\"type\":\"uint64\"}],\"name\":\"WindowTooShort\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"channelId\",\"type\":\"bytes32\"},{\"internalType\":\"enumChannelAdjudicator.Status\",\"name\":\"status\",\"type\":\"uint8\"}],\"name\":\"WrongStatus\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"channelId\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"refund\",\"type\":\"uint256\"}],\"name\":\"ChannelCancelled\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"channelId\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"challenger\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"nonce\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"balanceA\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"balanceB\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"deadline\",\"type\":\"uint64\"}],\"name\":\"ChannelChallenged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"channelId\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"closer\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"nonce\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"balanceA\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"balanceB\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"deadline\",\"type\":\"uint64\"}],\"name\":\"ChannelClosed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"channelId\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"partyB\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"deposit\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"total\",\"type\":\"uint256\"}],\"name\":\"ChannelJoined\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"channelId\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"partyA\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"partyB\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"deposit\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"disputeWindow\",\"type\":\"uint64\"}],\"name\":\"ChannelOpened\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"channelId\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"nonce\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"balanceA\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"balanceB\",\"type\":\"uint256\"}],\"name\":\"ChannelSettled\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Withdrawn\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"MAX_DISPUTE_WINDOW\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MIN_DISPUTE_WINDOW\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"STATE_TYPEHASH\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"channelId\",\"type\":\"bytes32\"}],\"name\":\"cancel\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"channelId\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"nonce\",\"type\":\"uint64\"},{\"internalType\":\"uint256\",\"name\":\"balanceA\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"balanceB\",\"type\":\"uint256\"}],\"internalType\":\"structChannelAdjudicator.State\",\"name\":\"s\",\"type\":\"tuple\"},{\"internalType\":\"bytes\",\"name\":\"sigA\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"sigB\",\"type\":\"bytes\"}],\"name\":\"challenge\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"channelCount\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"channelId\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"nonce\",\"type\":\"uint64\"},{\"internalType\":\"uint256\",\"name\":\"balanceA\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"balanceB\",\"type\":\"uint256\"}],\"internalType\":\"structChannelAdjudicator.State\",\"name\":\"s\",\"type\":\"tuple\"},{\"internalType\":\"bytes\",\"name\":\"sigA\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"sigB\",\"type\":\"bytes\"}],\"name\":\"close\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"domainSeparator\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"channelId\",\"type\":\"bytes32\"}],\"name\":\"getChannel\",\"outputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"partyA\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"partyB\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"total\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"disputeWindow\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"nonce\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"deadline\",\"type\":\"uint64\"},{\"internalType\":\"enumChannelAdjudicator.Status\",\"name\":\"status\",\"type\":\"uint8\"},{\"internalType\":\"uint256\",\"name\":\"balanceA\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"balanceB\",\"type\":\"uint256\"}],\"internalType\":\"structChannelAdjudicator.Channel\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"channelId\",\"type\":\"bytes32\"}],\"name\":\"join\",\"outputs\":[],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"partyB\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"disputeWindow\",\"type\":\"uint64\"}],\"name\":\"open\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"channelId\",\"type\":\"bytes32\"}],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"channelId\",\"type\":\"bytes32\"}],\"name\":\"settle\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"channelId\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"nonce\",\"type\":\"uint64\"},{\"internalType\":\"uint256\",\"name\":\"balanceA\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"balanceB\",\"type\":\"uint256\"}],\"internalType\":\"structChannelAdjudicator.State\",\"name\":\"s\",\"type\":\"tuple\"}],\"name\":\"stateDigest\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"withdraw\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"name\":\"withdrawable\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	Bin: "0x6080604052348015600e575f5ffd5b5061154c8061001c5f395ff3fe6080604052600436106100e4575f3560e01c80639bdfce3211610087578063c4d252f511610057578063c4d252f514610255578063cbeab51614610274578063ce513b6f14610288578063f698da25146102b3575f5ffd5b80639bdfce32146101fb578063acf8bf2a1461021a578063ad677d0b1461022f578063c0d045ff14610242575f5ffd5b806380cbc6fa116100c257806380cbc6fa1461014f578063831c2b821461017d578063928d506f146101a9578063987757dd146101dc575f5ffd5b80630212402e146100e85780633ccfd60b14610109578063594f3dc71461011d575b5f5ffd5b3480156100f3575f5ffd5b506101076101023660046111fb565b6102c7565b005b348015610114575f5ffd5b506101076104a9565b348015610128575f5ffd5b5061013c61013736600461127a565b610564565b6040519081526020015b60405180910390f35b34801561015a575f5ffd5b5061016562093a8081565b6040516001600160401b039091168152602001610146565b348015610188575f5ffd5b5061019c610197366004611294565b610630565b60405161014691906112df565b3480156101b4575f5ffd5b5061013c7fc6de2a263054cb45547d6dbd5945f39ce91446cfd812f4b516522d5dd459a77981565b3480156101e7575f5ffd5b506101076101f6366004611294565b61073e565b348015610206575f5ffd5b506101076102153660046111fb565b6108c7565b348015610225575f5ffd5b5061013c60015481565b61010761023d366004611294565b610a8c565b61013c6102503660046113b7565b610b90565b348015610260575f5ffd5b5061010761026f366004611294565b610d4b565b34801561027f575f5ffd5b50610165600281565b348015610293575f5ffd5b5061013c6102a23660046113e8565b60026020525f908152604090205481565b3480156102be575f5ffd5b5061013c610e5f565b5f6102d28635610f03565b905060026003820154600160c01b900460ff1660048111156102f6576102f66112ab565b1461033157600381015460405163276065d160e21b815261032891883591600160c01b90910460ff1690600401611401565b60405180910390fd5b80546001600160a01b03163314801590610358575060018101546001600160a01b03163314155b1561037857604051637e65d0e560e01b8152336004820152602401610328565b610386818787878787610f57565b60038101805460ff60c01b1916600360c01b1790556103ab6040870160208801611415565b6003820180546001600160401b03928316600160401b0267ffffffffffffffff60401b198216811790925560408901356004850155606089013560058501556103fa9291821691161743611442565b6003820180546001600160401b0392909216600160801b0267ffffffffffffffff60801b199092169190911790553386357f8cbfbc13af2fd32aa041e054fec7ddf5986e77a9517ef754f810b442835c138061045c60408a0160208b01611415565b6003850154604080516001600160401b0393841681528c82013560208201526060808e013582840152600160801b90930490931691830191909152519081900360800190a3505050505050565b335f8181526002602090815260408083208054939055518281529192917f7084f5476618d8e60b11ef0d7d3f06914655adb8793e28ff7f018d4c76d505d5910160405180910390a28015610561576040515f90339083908381818185875af1925050503d805f8114610536576040519150601f19603f3d011682016040523d82523d5f602084013e61053b565b606091505b505090508061055f576040516339f1c8d960e01b8152336004820152602401610328565b505b50565b5f807fc6de2a263054cb45547d6dbd5945f39ce91446cfd812f4b516522d5dd459a77983356105996040860160208701611415565b604080516020810194909452838101929092526001600160401b031660608381019190915290850135608083015284013560a082015260c0016040516020818303038152906040528051906020012090506105f2610e5f565b60405161190160f01b602082015260228101919091526042810182905260620160405160208183030381529060405280519060200120915050919050565b61067c60408051610120810182525f80825260208201819052918101829052606081018290526080810182905260a081018290529060c082019081526020015f81526020015f81525090565b5f828152602081815260409182902082516101208101845281546001600160a01b0390811682526001830154169281019290925260028101549282019290925260038201546001600160401b038082166060840152600160401b820481166080840152600160801b82041660a083015290919060c0830190600160c01b900460ff16600481111561070f5761070f6112ab565b6004811115610720576107206112ab565b81526004820154602082015260059091015460409091015292915050565b5f61074882610f03565b9050600380820154600160c01b900460ff16600481111561076b5761076b6112ab565b1461079e57818160030160189054906101000a900460ff1660405163276065d160e21b8152600401610328929190611401565b6003810154600160801b90046001600160401b031643116107e9576003810154604051630a5185c360e11b8152600160801b9091046001600160401b03166004820152602401610328565b60038101805460ff60c01b1916600160c21b179055600481015460058201545f600280850182905584546001600160a01b03168252602052604081208054849290610835908490611467565b909155505060018301546001600160a01b03165f9081526002602052604081208054839290610865908490611467565b9091555050600383015460408051600160401b9092046001600160401b0316825260208201849052810182905284907f594a3e080682a64870005e355d71b348bb3fb6aecb5c50d6746d4bff4f9fb9b29060600160405180910390a250505050565b5f6108d28635610f03565b9050600380820154600160c01b900460ff1660048111156108f5576108f56112ab565b1461092757600381015460405163276065d160e21b815261032891883591600160c01b90910460ff1690600401611401565b6003810154600160801b90046001600160401b031643111561097357600381015460405163bacfe26b60e01b8152600160801b9091046001600160401b03166004820152602401610328565b6003810154600160401b90046001600160401b03166109986040880160208901611415565b6001600160401b0316116109f7576003810154600160401b90046001600160401b03166109cb6040880160208901611415565b6040516315def3c560e31b81526001600160401b03928316600482015291166024820152604401610328565b610a05818787878787610f57565b610a156040870160208801611415565b6003820180546001600160401b0392909216600160401b0267ffffffffffffffff60401b1990921691909117905560408601803560048301556060870135600583015533908735907f046c0214497c2f5a2f8734270c21c2e5fd85403ea33a41b0be36caa67208b9ed9061045c9060208b01611415565b5f610a9682610f03565b905060016003820154600160c01b900460ff166004811115610aba57610aba6112ab565b14610aed57818160030160189054906101000a900460ff1660405163276065d160e21b8152600401610328929190611401565b60018101546001600160a01b03163314610b1c57604051637e65d0e560e01b8152336004820152602401610328565b34816002015f828254610b2f9190611467565b909155505060038101805460ff60c01b1916600160c11b17905560028101546040805134815260208101929092528051339285927f56a4a82a939937f8a42c7d9e5df81beb5afaf2b6a191a93a95b17880fb37369592918290030190a35050565b5f6001600160a01b0383161580610baf57506001600160a01b03831633145b15610bcd576040516352c97e0760e11b815260040160405180910390fd5b60026001600160401b0383161015610bfb576040516316a335ed60e31b815260026004820152602401610328565b62093a806001600160401b0383161115610c2d5760405163395d99a760e01b815262093a806004820152602401610328565b5060018054604080514660208083019190915230828401523360608301526001600160a01b038716608083015260a08083018590528351808403909101815260c09092019092528051910120915f610c848361147a565b90915550505f818152602081815260409182902080546001600160a01b03199081163390811783556001830180546001600160a01b038a169316831790553460028401819055600384018054600160c01b78ff00000000000000000000000000000000ffffffffffffffff199091166001600160401b038b16908117919091179091558651918252948101949094529193909285917f9872b10740b75c20e0eb3eebab184398d737141b8ba28f48c11db6632c608562910160405180910390a45092915050565b5f610d5582610f03565b905060016003820154600160c01b900460ff166004811115610d7957610d796112ab565b14610dac57818160030160189054906101000a900460ff1660405163276065d160e21b8152600401610328929190611401565b80546001600160a01b03163314610dd857604051637e65d0e560e01b8152336004820152602401610328565b600281810180545f9182905560038401805460ff60c01b1916600160c21b17905583546001600160a01b03168252602092909252604081208054839290610e20908490611467565b909155505060405181815283907fb7ec6217795bc1f74d51485d33232e239dfd9b14784fb30174492dee517ef2419060200160405180910390a2505050565b604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201527f027a00615c64e42e90f6254614e102297b4b9d5e756704fe213011ea364beeac918101919091527fc89efdaa54c0f20c7adf612882df0950f5a951637e0307cdcb4c672f298b8bc660608201524660808201523060a08201525f9060c00160405160208183030381529060405280519060200120905090565b5f818152602081905260408120906003820154600160c01b900460ff166004811115610f3157610f316112ab565b03610f525760405163b08fc1cb60e01b815260048101839052602401610328565b919050565b856002015485604001351180610f84575084604001358660020154610f7c9190611492565b856060013514155b15610fdc5760028601546040860135908111610fb3575060408501356060860135810190811015610fb357505f195b6002870154604051631b997b6160e21b8152600481019190915260248101829052604401610328565b5f610fe686610564565b87549091506001600160a01b0316610fff82878761108e565b6001600160a01b031614611034578654604051639a7d38d960e01b81526001600160a01b039091166004820152602401610328565b60018701546001600160a01b031661104d82858561108e565b6001600160a01b031614611085576001870154604051639a7d38d960e01b81526001600160a01b039091166004820152602401610328565b50505050505050565b5f6041821461109e57505f61119a565b5f6110ac60208285876114a5565b6110b5916114cc565b90505f6110c66040602086886114a5565b6110cf916114cc565b90505f858560408181106110e5576110e56114e9565b919091013560f81c915050601b81101561110757611104601b826114fd565b90505b7f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a082111561113a575f935050505061119a565b604080515f81526020810180835289905260ff831691810191909152606081018490526080810183905260019060a0016020604051602081039080840390855afa15801561118a573d5f5f3e3d5ffd5b5050506020604051035193505050505b9392505050565b5f608082840312156111b1575f5ffd5b50919050565b5f5f83601f8401126111c7575f5ffd5b5081356001600160401b038111156111dd575f5ffd5b6020830191508360208285010111156111f4575f5ffd5b9250929050565b5f5f5f5f5f60c0868803121561120f575f5ffd5b61121987876111a1565b945060808601356001600160401b03811115611233575f5ffd5b61123f888289016111b7565b90955093505060a08601356001600160401b0381111561125d575f5ffd5b611269888289016111b7565b969995985093965092949392505050565b5f6080828403121561128a575f5ffd5b61119a83836111a1565b5f602082840312156112a4575f5ffd5b5035919050565b634e487b7160e01b5f52602160045260245ffd5b600581106112db57634e487b7160e01b5f52602160045260245ffd5b9052565b81516001600160a01b0390811682526020808401519091169082015260408083015190820152606080830151610120830191611325908401826001600160401b03169052565b50608083015161134060808401826001600160401b03169052565b5060a083015161135b60a08401826001600160401b03169052565b5060c083015161136e60c08401826112bf565b5060e083015160e083015261010083015161010083015292915050565b80356001600160a01b0381168114610f52575f5ffd5b80356001600160401b0381168114610f52575f5ffd5b5f5f604083850312156113c8575f5ffd5b6113d18361138b565b91506113df602084016113a1565b90509250929050565b5f602082840312156113f8575f5ffd5b61119a8261138b565b8281526040810161119a60208301846112bf565b5f60208284031215611425575f5ffd5b61119a826113a1565b634e487b7160e01b5f52601160045260245ffd5b6001600160401b0381811683821601908111156114615761146161142e565b92915050565b808201808211156114615761146161142e565b5f6001820161148b5761148b61142e565b5060010190565b818103818111156114615761146161142e565b5f5f858511156114b3575f5ffd5b838611156114bf575f5ffd5b5050820193919092039150565b80356020831015611461575f19602084900360031b1b1692915050565b634e487b7160e01b5f52603260045260245ffd5b60ff81811683821601908111156114615761146161142e56fea264697066735822122036d705ebf90c21af77752887c28ad5e762d82c830db5483fda0a04d0f2710c2d64736f6c634300081c0033",
}

// ChannelAdjudicatorABI is the input ABI used to generate the binding from.
// Deprecated: Use ChannelAdjudicatorMetaData.ABI instead.
var ChannelAdjudicatorABI = ChannelAdjudicatorMetaData.ABI

// ChannelAdjudicatorBin is the compiled bytecode used for deploying new contracts.
// Deprecated: Use ChannelAdjudicatorMetaData.Bin instead.
var ChannelAdjudicatorBin = ChannelAdjudicatorMetaData.Bin

// DeployChannelAdjudicator deploys a new Ethereum contract, binding an instance of ChannelAdjudicator to it.
func DeployChannelAdjudicator(auth *bind.TransactOpts, backend bind.ContractBackend) (common.Address, *types.Transaction, *ChannelAdjudicator, error) {
	parsed, err := ChannelAdjudicatorMetaData.GetAbi()
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	if parsed == nil {
		return common.Address{}, nil, nil, errors.New("GetABI returned nil")
	}

	address, tx, contract, err := bind.DeployContract(auth, *parsed, common.FromHex(ChannelAdjudicatorBin), backend)
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	return address, tx, &ChannelAdjudicator{ChannelAdjudicatorCaller: ChannelAdjudicatorCaller{contract: contract}, ChannelAdjudicatorTransactor: ChannelAdjudicatorTransactor{contract: contract}, ChannelAdjudicatorFilterer: ChannelAdjudicatorFilterer{contract: contract}}, nil
}

// ChannelAdjudicator is an auto generated Go binding around an Ethereum contract.
type ChannelAdjudicator struct {
	ChannelAdjudicatorCaller     // Read-only binding to the contract
	ChannelAdjudicatorTransactor // Write-only binding to the contract
	ChannelAdjudicatorFilterer   // Log filterer for contract events
}

// ChannelAdjudicatorCaller is an auto generated read-only Go binding around an Ethereum contract.
type ChannelAdjudicatorCaller struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// ChannelAdjudicatorTransactor is an auto generated write-only Go binding around an Ethereum contract.
type ChannelAdjudicatorTransactor struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// ChannelAdjudicatorFilterer is an auto generated log filtering Go binding around an Ethereum contract events.
type ChannelAdjudicatorFilterer struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// ChannelAdjudicatorSession is an auto generated Go binding around an Ethereum contract,
// with pre-set call and transact options.
type ChannelAdjudicatorSession struct {
	Contract     *ChannelAdjudicator // Generic contract binding to set the session for
	CallOpts     bind.CallOpts       // Call options to use throughout this session
	TransactOpts bind.TransactOpts   // Transaction auth options to use throughout this session
}

// ChannelAdjudicatorCallerSession is an auto generated read-only Go binding around an Ethereum contract,
// with pre-set call options.
type ChannelAdjudicatorCallerSession struct {
	Contract *ChannelAdjudicatorCaller // Generic contract caller binding to set the session for
	CallOpts bind.CallOpts             // Call options to use throughout this session
}

// ChannelAdjudicatorTransactorSession is an auto generated write-only Go binding around an Ethereum contract,
// with pre-set transact options.
type ChannelAdjudicatorTransactorSession struct {
	Contract     *ChannelAdjudicatorTransactor // Generic contract transactor binding to set the session for
	TransactOpts bind.TransactOpts             // Transaction auth options to use throughout this session
}

// ChannelAdjudicatorRaw is an auto generated low-level Go binding around an Ethereum contract.
type ChannelAdjudicatorRaw struct {
	Contract *ChannelAdjudicator // Generic contract binding to access the raw methods on
}

// ChannelAdjudicatorCallerRaw is an auto generated low-level read-only Go binding around an Ethereum contract.
type ChannelAdjudicatorCallerRaw struct {
	Contract *ChannelAdjudicatorCaller // Generic read-only contract binding to access the raw methods on
}

// ChannelAdjudicatorTransactorRaw is an auto generated low-level write-only Go binding around an Ethereum contract.
type ChannelAdjudicatorTransactorRaw struct {
	Contract *ChannelAdjudicatorTransactor // Generic write-only contract binding to access the raw methods on
}

// NewChannelAdjudicator creates a new instance of ChannelAdjudicator, bound to a specific deployed contract.
func NewChannelAdjudicator(address common.Address, backend bind.ContractBackend) (*ChannelAdjudicator, error) {
	contract, err := bindChannelAdjudicator(address, backend, backend, backend)
	if err != nil {
		return nil, err
	}
	return &ChannelAdjudicator{ChannelAdjudicatorCaller: ChannelAdjudicatorCaller{contract: contract}, ChannelAdjudicatorTransactor: ChannelAdjudicatorTransactor{contract: contract}, ChannelAdjudicatorFilterer: ChannelAdjudicatorFilterer{contract: contract}}, nil
}

// NewChannelAdjudicatorCaller creates a new read-only instance of ChannelAdjudicator, bound to a specific deployed contract.
func NewChannelAdjudicatorCaller(address common.Address, caller bind.ContractCaller) (*ChannelAdjudicatorCaller, error) {
	contract, err := bindChannelAdjudicator(address, caller, nil, nil)
	if err != nil {
		return nil, err
	}
	return &ChannelAdjudicatorCaller{contract: contract}, nil
}

// NewChannelAdjudicatorTransactor creates a new write-only instance of ChannelAdjudicator, bound to a specific deployed contract.
func NewChannelAdjudicatorTransactor(address common.Address, transactor bind.ContractTransactor) (*ChannelAdjudicatorTransactor, error) {
	contract, err := bindChannelAdjudicator(address, nil, transactor, nil)
	if err != nil {
		return nil, err
	}
	return &ChannelAdjudicatorTransactor{contract: contract}, nil
}

// NewChannelAdjudicatorFilterer creates a new log filterer instance of ChannelAdjudicator, bound to a specific deployed contract.
func NewChannelAdjudicatorFilterer(address common.Address, filterer bind.ContractFilterer) (*ChannelAdjudicatorFilterer, error) {
	contract, err := bindChannelAdjudicator(address, nil, nil, filterer)
	if err != nil {
		return nil, err
	}
	return &ChannelAdjudicatorFilterer{contract: contract}, nil
}

// bindChannelAdjudicator binds a generic wrapper to an already deployed contract.
func bindChannelAdjudicator(address common.Address, caller bind.ContractCaller, transactor bind.ContractTransactor, filterer bind.ContractFilterer) (*bind.BoundContract, error) {
	parsed, err := ChannelAdjudicatorMetaData.GetAbi()
	if err != nil {
		return nil, err
	}
	return bind.NewBoundContract(address, *parsed, caller, transactor, filterer), nil
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_ChannelAdjudicator *ChannelAdjudicatorRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _ChannelAdjudicator.Contract.ChannelAdjudicatorCaller.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_ChannelAdjudicator *ChannelAdjudicatorRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _ChannelAdjudicator.Contract.ChannelAdjudicatorTransactor.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_ChannelAdjudicator *ChannelAdjudicatorRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _ChannelAdjudicator.Contract.ChannelAdjudicatorTransactor.contract.Transact(opts, method, params...)
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_ChannelAdjudicator *ChannelAdjudicatorCallerRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _ChannelAdjudicator.Contract.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_ChannelAdjudicator *ChannelAdjudicatorTransactorRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _ChannelAdjudicator.Contract.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_ChannelAdjudicator *ChannelAdjudicatorTransactorRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _ChannelAdjudicator.Contract.contract.Transact(opts, method, params...)
}

// MAXDISPUTEWINDOW is a free data retrieval call binding the contract method 0x80cbc6fa.
//
// Solidity: function MAX_DISPUTE_WINDOW() view returns(uint64)
func (_ChannelAdjudicator *ChannelAdjudicatorCaller) MAXDISPUTEWINDOW(opts *bind.CallOpts) (uint64, error) {
	var out []interface{}
	err := _ChannelAdjudicator.contract.Call(opts, &out, "MAX_DISPUTE_WINDOW")

	if err != nil {
		return *new(uint64), err
	}

	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)

	return out0, err

}

// MAXDISPUTEWINDOW is a free data retrieval call binding the contract method 0x80cbc6fa.
//
// Solidity: function MAX_DISPUTE_WINDOW() view returns(uint64)
func (_ChannelAdjudicator *ChannelAdjudicatorSession) MAXDISPUTEWINDOW() (uint64, error) {
	return _ChannelAdjudicator.Contract.MAXDISPUTEWINDOW(&_ChannelAdjudicator.CallOpts)
}

// MAXDISPUTEWINDOW is a free data retrieval call binding the contract method 0x80cbc6fa.
//
// Solidity: function MAX_DISPUTE_WINDOW() view returns(uint64)
func (_ChannelAdjudicator *ChannelAdjudicatorCallerSession) MAXDISPUTEWINDOW() (uint64, error) {
	return _ChannelAdjudicator.Contract.MAXDISPUTEWINDOW(&_ChannelAdjudicator.CallOpts)
}

// MINDISPUTEWINDOW is a free data retrieval call binding the contract method 0xcbeab516.
//
// Solidity: function MIN_DISPUTE_WINDOW() view returns(uint64)
func (_ChannelAdjudicator *ChannelAdjudicatorCaller) MINDISPUTEWINDOW(opts *bind.CallOpts) (uint64, error) {
	var out []interface{}
	err := _ChannelAdjudicator.contract.Call(opts, &out, "MIN_DISPUTE_WINDOW")

	if err != nil {
		return *new(uint64), err
	}

	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)

	return out0, err

}

// MINDISPUTEWINDOW is a free data retrieval call binding the contract method 0xcbeab516.
//
// Solidity: function MIN_DISPUTE_WINDOW() view returns(uint64)
func (_ChannelAdjudicator *ChannelAdjudicatorSession) MINDISPUTEWINDOW() (uint64, error) {
	return _ChannelAdjudicator.Contract.MINDISPUTEWINDOW(&_ChannelAdjudicator.CallOpts)
}

// MINDISPUTEWINDOW is a free data retrieval call binding the contract method 0xcbeab516.
//
// Solidity: function MIN_DISPUTE_WINDOW() view returns(uint64)
func (_ChannelAdjudicator *ChannelAdjudicatorCallerSession) MINDISPUTEWINDOW() (uint64, error) {
	return _ChannelAdjudicator.Contract.MINDISPUTEWINDOW(&_ChannelAdjudicator.CallOpts)
}

// STATETYPEHASH is a free data retrieval call binding the contract method 0x928d506f.
//
// Solidity: function STATE_TYPEHASH() view returns(bytes32)
func (_ChannelAdjudicator *ChannelAdjudicatorCaller) STATETYPEHASH(opts *bind.CallOpts) ([32]byte, error) {
	var out []interface{}
	err := _ChannelAdjudicator.contract.Call(opts, &out, "STATE_TYPEHASH")

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// STATETYPEHASH is a free data retrieval call binding the contract method 0x928d506f.
//
// Solidity: function STATE_TYPEHASH() view returns(bytes32)
func (_ChannelAdjudicator *ChannelAdjudicatorSession) STATETYPEHASH() ([32]byte, error) {
	return _ChannelAdjudicator.Contract.STATETYPEHASH(&_ChannelAdjudicator.CallOpts)
}

// STATETYPEHASH is a free data retrieval call binding the contract method 0x928d506f.
//
// Solidity: function STATE_TYPEHASH() view returns(bytes32)
func (_ChannelAdjudicator *ChannelAdjudicatorCallerSession) STATETYPEHASH() ([32]byte, error) {
	return _ChannelAdjudicator.Contract.STATETYPEHASH(&_ChannelAdjudicator.CallOpts)
}

// ChannelCount is a free data retrieval call binding the contract method 0xacf8bf2a.
//
// Solidity: function channelCount() view returns(uint256)
func (_ChannelAdjudicator *ChannelAdjudicatorCaller) ChannelCount(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _ChannelAdjudicator.contract.Call(opts, &out, "channelCount")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// ChannelCount is a free data retrieval call binding the contract method 0xacf8bf2a.
//
// Solidity: function channelCount() view returns(uint256)
func (_ChannelAdjudicator *ChannelAdjudicatorSession) ChannelCount() (*big.Int, error) {
	return _ChannelAdjudicator.Contract.ChannelCount(&_ChannelAdjudicator.CallOpts)
}

// ChannelCount is a free data retrieval call binding the contract method 0xacf8bf2a.
//
// Solidity: function channelCount() view returns(uint256)
func (_ChannelAdjudicator *ChannelAdjudicatorCallerSession) ChannelCount() (*big.Int, error) {
	return _ChannelAdjudicator.Contract.ChannelCount(&_ChannelAdjudicator.CallOpts)
}

// DomainSeparator is a free data retrieval call binding the contract method 0xf698da25.
//
// Solidity: function domainSeparator() view returns(bytes32)
func (_ChannelAdjudicator *ChannelAdjudicatorCaller) DomainSeparator(opts *bind.CallOpts) ([32]byte, error) {
	var out []interface{}
	err := _ChannelAdjudicator.contract.Call(opts, &out, "domainSeparator")

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// DomainSeparator is a free data retrieval call binding the contract method 0xf698da25.
//
// Solidity: function domainSeparator() view returns(bytes32)
func (_ChannelAdjudicator *ChannelAdjudicatorSession) DomainSeparator() ([32]byte, error) {
	return _ChannelAdjudicator.Contract.DomainSeparator(&_ChannelAdjudicator.CallOpts)
}

// DomainSeparator is a free data retrieval call binding the contract method 0xf698da25.
//
// Solidity: function domainSeparator() view returns(bytes32)
func (_ChannelAdjudicator *ChannelAdjudicatorCallerSession) DomainSeparator() ([32]byte, error) {
	return _ChannelAdjudicator.Contract.DomainSeparator(&_ChannelAdjudicator.CallOpts)
}

// GetChannel is a free data retrieval call binding the contract method 0x831c2b82.
//
// Solidity: function getChannel(bytes32 channelId) view returns((address,address,uint256,uint64,uint64,uint64,uint8,uint256,uint256))
func (_ChannelAdjudicator *ChannelAdjudicatorCaller) GetChannel(opts *bind.CallOpts, channelId [32]byte) (ChannelAdjudicatorChannel, error) {
	var out []interface{}
	err := _ChannelAdjudicator.contract.Call(opts, &out, "getChannel", channelId)

	if err != nil {
		return *new(ChannelAdjudicatorChannel), err
	}

	out0 := *abi.ConvertType(out[0], new(ChannelAdjudicatorChannel)).(*ChannelAdjudicatorChannel)

	return out0, err

}

// GetChannel is a free data retrieval call binding the contract method 0x831c2b82.
//
// Solidity: function getChannel(bytes32 channelId) view returns((address,address,uint256,uint64,uint64,uint64,uint8,uint256,uint256))
func (_ChannelAdjudicator *ChannelAdjudicatorSession) GetChannel(channelId [32]byte) (ChannelAdjudicatorChannel, error) {
	return _ChannelAdjudicator.Contract.GetChannel(&_ChannelAdjudicator.CallOpts, channelId)
}

// GetChannel is a free data retrieval call binding the contract method 0x831c2b82.
//
// Solidity: function getChannel(bytes32 channelId) view returns((address,address,uint256,uint64,uint64,uint64,uint8,uint256,uint256))
func (_ChannelAdjudicator *ChannelAdjudicatorCallerSession) GetChannel(channelId [32]byte) (ChannelAdjudicatorChannel, error) {
	return _ChannelAdjudicator.Contract.GetChannel(&_ChannelAdjudicator.CallOpts, channelId)
}

// StateDigest is a free data retrieval call binding the contract method 0x594f3dc7.
//
// Solidity: function stateDigest((bytes32,uint64,uint256,uint256) s) view returns(bytes32)
func (_ChannelAdjudicator *ChannelAdjudicatorCaller) StateDigest(opts *bind.CallOpts, s ChannelAdjudicatorState) ([32]byte, error) {
	var out []interface{}
	err := _ChannelAdjudicator.contract.Call(opts, &out, "stateDigest", s)

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// StateDigest is a free data retrieval call binding the contract method 0x594f3dc7.
//
// Solidity: function stateDigest((bytes32,uint64,uint256,uint256) s) view returns(bytes32)
func (_ChannelAdjudicator *ChannelAdjudicatorSession) StateDigest(s ChannelAdjudicatorState) ([32]byte, error) {
	return _ChannelAdjudicator.Contract.StateDigest(&_ChannelAdjudicator.CallOpts, s)
}

// StateDigest is a free data retrieval call binding the contract method 0x594f3dc7.
//
// Solidity: function stateDigest((bytes32,uint64,uint256,uint256) s) view returns(bytes32)
func (_ChannelAdjudicator *ChannelAdjudicatorCallerSession) StateDigest(s ChannelAdjudicatorState) ([32]byte, error) {
	return _ChannelAdjudicator.Contract.StateDigest(&_ChannelAdjudicator.CallOpts, s)
}

// Withdrawable is a free data retrieval call binding the contract method 0xce513b6f.
//
// Solidity: function withdrawable(address ) view returns(uint256)
func (_ChannelAdjudicator *ChannelAdjudicatorCaller) Withdrawable(opts *bind.CallOpts, arg0 common.Address) (*big.Int, error) {
	var out []interface{}
	err := _ChannelAdjudicator.contract.Call(opts, &out, "withdrawable", arg0)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// Withdrawable is a free data retrieval call binding the contract method 0xce513b6f.
//
// Solidity: function withdrawable(address ) view returns(uint256)
func (_ChannelAdjudicator *ChannelAdjudicatorSession) Withdrawable(arg0 common.Address) (*big.Int, error) {
	return _ChannelAdjudicator.Contract.Withdrawable(&_ChannelAdjudicator.CallOpts, arg0)
}

// Withdrawable is a free data retrieval call binding the contract method 0xce513b6f.
//
// Solidity: function withdrawable(address ) view returns(uint256)
func (_ChannelAdjudicator *ChannelAdjudicatorCallerSession) Withdrawable(arg0 common.Address) (*big.Int, error) {
	return _ChannelAdjudicator.Contract.Withdrawable(&_ChannelAdjudicator.CallOpts, arg0)
}

// Cancel is a paid mutator transaction binding the contract method 0xc4d252f5.
//
// Solidity: function cancel(bytes32 channelId) returns()
func (_ChannelAdjudicator *ChannelAdjudicatorTransactor) Cancel(opts *bind.TransactOpts, channelId [32]byte) (*types.Transaction, error) {
	return _ChannelAdjudicator.contract.Transact(opts, "cancel", channelId)
}

// Cancel is a paid mutator transaction binding the contract method 0xc4d252f5.
//
// Solidity: function cancel(bytes32 channelId) returns()
func (_ChannelAdjudicator *ChannelAdjudicatorSession) Cancel(channelId [32]byte) (*types.Transaction, error) {
	return _ChannelAdjudicator.Contract.Cancel(&_ChannelAdjudicator.TransactOpts, channelId)
}

// Cancel is a paid mutator transaction binding the contract method 0xc4d252f5.
//
// Solidity: function cancel(bytes32 channelId) returns()
func (_ChannelAdjudicator *ChannelAdjudicatorTransactorSession) Cancel(channelId [32]byte) (*types.Transaction, error) {
	return _ChannelAdjudicator.Contract.Cancel(&_ChannelAdjudicator.TransactOpts, channelId)
}

// Challenge is a paid mutator transaction binding the contract method 0x9bdfce32.
//
// Solidity: function challenge((bytes32,uint64,uint256,uint256) s, bytes sigA, bytes sigB) returns()
func (_ChannelAdjudicator *ChannelAdjudicatorTransactor) Challenge(opts *bind.TransactOpts, s ChannelAdjudicatorState, sigA []byte, sigB []byte) (*types.Transaction, error) {
	return _ChannelAdjudicator.contract.Transact(opts, "challenge", s, sigA, sigB)
}

// Challenge is a paid mutator transaction binding the contract method 0x9bdfce32.
//
// Solidity: function challenge((bytes32,uint64,uint256,uint256) s, bytes sigA, bytes sigB) returns()
func (_ChannelAdjudicator *ChannelAdjudicatorSession) Challenge(s ChannelAdjudicatorState, sigA []byte, sigB []byte) (*types.Transaction, error) {
	return _ChannelAdjudicator.Contract.Challenge(&_ChannelAdjudicator.TransactOpts, s, sigA, sigB)
}

// Challenge is a paid mutator transaction binding the contract method 0x9bdfce32.
//
// Solidity: function challenge((bytes32,uint64,uint256,uint256) s, bytes sigA, bytes sigB) returns()
func (_ChannelAdjudicator *ChannelAdjudicatorTransactorSession) Challenge(s ChannelAdjudicatorState, sigA []byte, sigB []byte) (*types.Transaction, error) {
	return _ChannelAdjudicator.Contract.Challenge(&_ChannelAdjudicator.TransactOpts, s, sigA, sigB)
}

// Close is a paid mutator transaction binding the contract method 0x0212402e.
//
// Solidity: function close((bytes32,uint64,uint256,uint256) s, bytes sigA, bytes sigB) returns()
func (_ChannelAdjudicator *ChannelAdjudicatorTransactor) Close(opts *bind.TransactOpts, s ChannelAdjudicatorState, sigA []byte, sigB []byte) (*types.Transaction, error) {
	return _ChannelAdjudicator.contract.Transact(opts, "close", s, sigA, sigB)
}

// Close is a paid mutator transaction binding the contract method 0x0212402e.
//
// Solidity: function close((bytes32,uint64,uint256,uint256) s, bytes sigA, bytes sigB) returns()
func (_ChannelAdjudicator *ChannelAdjudicatorSession) Close(s ChannelAdjudicatorState, sigA []byte, sigB []byte) (*types.Transaction, error) {
	return _ChannelAdjudicator.Contract.Close(&_ChannelAdjudicator.TransactOpts, s, sigA, sigB)
}

// Close is a paid mutator transaction binding the contract method 0x0212402e.
//
// Solidity: function close((bytes32,uint64,uint256,uint256) s, bytes sigA, bytes sigB) returns()
func (_ChannelAdjudicator *ChannelAdjudicatorTransactorSession) Close(s ChannelAdjudicatorState, sigA []byte, sigB []byte) (*types.Transaction, error) {
	return _ChannelAdjudicator.Contract.Close(&_ChannelAdjudicator.TransactOpts, s, sigA, sigB)
}

// Join is a paid mutator transaction binding the contract method 0xad677d0b.
//
// Solidity: function join(bytes32 channelId) payable returns()
func (_ChannelAdjudicator *ChannelAdjudicatorTransactor) Join(opts *bind.TransactOpts, channelId [32]byte) (*types.Transaction, error) {
	return _ChannelAdjudicator.contract.Transact(opts, "join", channelId)
}

// Join is a paid mutator transaction binding the contract method 0xad677d0b.
//
// Solidity: function join(bytes32 channelId) payable returns()
func (_ChannelAdjudicator *ChannelAdjudicatorSession) Join(channelId [32]byte) (*types.Transaction, error) {
	return _ChannelAdjudicator.Contract.Join(&_ChannelAdjudicator.TransactOpts, channelId)
}

// Join is a paid mutator transaction binding the contract method 0xad677d0b.
//
// Solidity: function join(bytes32 channelId) payable returns()
func (_ChannelAdjudicator *ChannelAdjudicatorTransactorSession) Join(channelId [32]byte) (*types.Transaction, error) {
	return _ChannelAdjudicator.Contract.Join(&_ChannelAdjudicator.TransactOpts, channelId)
}

// Open is a paid mutator transaction binding the contract method 0xc0d045ff.
//
// Solidity: function open(address partyB, uint64 disputeWindow) payable returns(bytes32 channelId)
func (_ChannelAdjudicator *ChannelAdjudicatorTransactor) Open(opts *bind.TransactOpts, partyB common.Address, disputeWindow uint64) (*types.Transaction, error) {
	return _ChannelAdjudicator.contract.Transact(opts, "open", partyB, disputeWindow)
}

// Open is a paid mutator transaction binding the contract method 0xc0d045ff.
//
// Solidity: function open(address partyB, uint64 disputeWindow) payable returns(bytes32 channelId)
func (_ChannelAdjudicator *ChannelAdjudicatorSession) Open(partyB common.Address, disputeWindow uint64) (*types.Transaction, error) {
	return _ChannelAdjudicator.Contract.Open(&_ChannelAdjudicator.TransactOpts, partyB, disputeWindow)
}

// Open is a paid mutator transaction binding the contract method 0xc0d045ff.
//
// Solidity: function open(address partyB, uint64 disputeWindow) payable returns(bytes32 channelId)
func (_ChannelAdjudicator *ChannelAdjudicatorTransactorSession) Open(partyB common.Address, disputeWindow uint64) (*types.Transaction, error) {
	return _ChannelAdjudicator.Contract.Open(&_ChannelAdjudicator.TransactOpts, partyB, disputeWindow)
}

// Settle is a paid mutator transaction binding the contract method 0x987757dd.
//
// Solidity: function settle(bytes32 channelId) returns()
func (_ChannelAdjudicator *ChannelAdjudicatorTransactor) Settle(opts *bind.TransactOpts, channelId [32]byte) (*types.Transaction, error) {
	return _ChannelAdjudicator.contract.Transact(opts, "settle", channelId)
}

// Settle is a paid mutator transaction binding the contract method 0x987757dd.
//
// Solidity: function settle(bytes32 channelId) returns()
func (_ChannelAdjudicator *ChannelAdjudicatorSession) Settle(channelId [32]byte) (*types.Transaction, error) {
	return _ChannelAdjudicator.Contract.Settle(&_ChannelAdjudicator.TransactOpts, channelId)
}

// Settle is a paid mutator transaction binding the contract method 0x987757dd.
//
// Solidity: function settle(bytes32 channelId) returns()
func (_ChannelAdjudicator *ChannelAdjudicatorTransactorSession) Settle(channelId [32]byte) (*types.Transaction, error) {
	return _ChannelAdjudicator.Contract.Settle(&_ChannelAdjudicator.TransactOpts, channelId)
}

// Withdraw is a paid mutator transaction binding the contract method 0x3ccfd60b.
//
// Solidity: function withdraw() returns()
func (_ChannelAdjudicator *ChannelAdjudicatorTransactor) Withdraw(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _ChannelAdjudicator.contract.Transact(opts, "withdraw")
}

// Withdraw is a paid mutator transaction binding the contract method 0x3ccfd60b.
//
// Solidity: function withdraw() returns()
func (_ChannelAdjudicator *ChannelAdjudicatorSession) Withdraw() (*types.Transaction, error) {
	return _ChannelAdjudicator.Contract.Withdraw(&_ChannelAdjudicator.TransactOpts)
}

// Withdraw is a paid mutator transaction binding the contract method 0x3ccfd60b.
//
// Solidity: function withdraw() returns()
func (_ChannelAdjudicator *ChannelAdjudicatorTransactorSession) Withdraw() (*types.Transaction, error) {
	return _ChannelAdjudicator.Contract.Withdraw(&_ChannelAdjudicator.TransactOpts)
}

// ChannelAdjudicatorChannelCancelledIterator is returned from FilterChannelCancelled and is used to iterate over the raw logs and unpacked data for ChannelCancelled events raised by the ChannelAdjudicator contract.
type ChannelAdjudicatorChannelCancelledIterator struct {
	Event *ChannelAdjudicatorChannelCancelled // Event containing the contract specifics and raw log

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
func (it *ChannelAdjudicatorChannelCancelledIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(ChannelAdjudicatorChannelCancelled)
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
		it.Event = new(ChannelAdjudicatorChannelCancelled)
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
func (it *ChannelAdjudicatorChannelCancelledIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *ChannelAdjudicatorChannelCancelledIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// ChannelAdjudicatorChannelCancelled represents a ChannelCancelled event raised by the ChannelAdjudicator contract.
type ChannelAdjudicatorChannelCancelled struct {
	ChannelId [32]byte
	Refund    *big.Int
	Raw       types.Log // Blockchain specific contextual infos
}

// FilterChannelCancelled is a free log retrieval operation binding the contract event 0xb7ec6217795bc1f74d51485d33232e239dfd9b14784fb30174492dee517ef241.
//
// Solidity: event ChannelCancelled(bytes32 indexed channelId, uint256 refund)
func (_ChannelAdjudicator *ChannelAdjudicatorFilterer) FilterChannelCancelled(opts *bind.FilterOpts, channelId [][32]byte) (*ChannelAdjudicatorChannelCancelledIterator, error) {

	var channelIdRule []interface{}
	for _, channelIdItem := range channelId {
		channelIdRule = append(channelIdRule, channelIdItem)
	}

	logs, sub, err := _ChannelAdjudicator.contract.FilterLogs(opts, "ChannelCancelled", channelIdRule)
	if err != nil {
		return nil, err
	}
	return &ChannelAdjudicatorChannelCancelledIterator{contract: _ChannelAdjudicator.contract, event: "ChannelCancelled", logs: logs, sub: sub}, nil
}

// WatchChannelCancelled is a free log subscription operation binding the contract event 0xb7ec6217795bc1f74d51485d33232e239dfd9b14784fb30174492dee517ef241.
//
// Solidity: event ChannelCancelled(bytes32 indexed channelId, uint256 refund)
func (_ChannelAdjudicator *ChannelAdjudicatorFilterer) WatchChannelCancelled(opts *bind.WatchOpts, sink chan<- *ChannelAdjudicatorChannelCancelled, channelId [][32]byte) (event.Subscription, error) {

	var channelIdRule []interface{}
	for _, channelIdItem := range channelId {
		channelIdRule = append(channelIdRule, channelIdItem)
	}

	logs, sub, err := _ChannelAdjudicator.contract.WatchLogs(opts, "ChannelCancelled", channelIdRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(ChannelAdjudicatorChannelCancelled)
				if err := _ChannelAdjudicator.contract.UnpackLog(event, "ChannelCancelled", log); err != nil {
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

// ParseChannelCancelled is a log parse operation binding the contract event 0xb7ec6217795bc1f74d51485d33232e239dfd9b14784fb30174492dee517ef241.
//
// Solidity: event ChannelCancelled(bytes32 indexed channelId, uint256 refund)
func (_ChannelAdjudicator *ChannelAdjudicatorFilterer) ParseChannelCancelled(log types.Log) (*ChannelAdjudicatorChannelCancelled, error) {
	event := new(ChannelAdjudicatorChannelCancelled)
	if err := _ChannelAdjudicator.contract.UnpackLog(event, "ChannelCancelled", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// ChannelAdjudicatorChannelChallengedIterator is returned from FilterChannelChallenged and is used to iterate over the raw logs and unpacked data for ChannelChallenged events raised by the ChannelAdjudicator contract.
type ChannelAdjudicatorChannelChallengedIterator struct {
	Event *ChannelAdjudicatorChannelChallenged // Event containing the contract specifics and raw log

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
func (it *ChannelAdjudicatorChannelChallengedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(ChannelAdjudicatorChannelChallenged)
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
		it.Event = new(ChannelAdjudicatorChannelChallenged)
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
func (it *ChannelAdjudicatorChannelChallengedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *ChannelAdjudicatorChannelChallengedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// ChannelAdjudicatorChannelChallenged represents a ChannelChallenged event raised by the ChannelAdjudicator contract.
type ChannelAdjudicatorChannelChallenged struct {
	ChannelId  [32]byte
	Challenger common.Address
	Nonce      uint64
	BalanceA   *big.Int
	BalanceB   *big.Int
	Deadline   uint64
	Raw        types.Log // Blockchain specific contextual infos
}

// FilterChannelChallenged is a free log retrieval operation binding the contract event 0x046c0214497c2f5a2f8734270c21c2e5fd85403ea33a41b0be36caa67208b9ed.
//
// Solidity: event ChannelChallenged(bytes32 indexed channelId, address indexed challenger, uint64 nonce, uint256 balanceA, uint256 balanceB, uint64 deadline)
func (_ChannelAdjudicator *ChannelAdjudicatorFilterer) FilterChannelChallenged(opts *bind.FilterOpts, channelId [][32]byte, challenger []common.Address) (*ChannelAdjudicatorChannelChallengedIterator, error) {

	var channelIdRule []interface{}
	for _, channelIdItem := range channelId {
		channelIdRule = append(channelIdRule, channelIdItem)
	}
	var challengerRule []interface{}
	for _, challengerItem := range challenger {
		challengerRule = append(challengerRule, challengerItem)
	}

	logs, sub, err := _ChannelAdjudicator.contract.FilterLogs(opts, "ChannelChallenged", channelIdRule, challengerRule)
	if err != nil {
		return nil, err
	}
	return &ChannelAdjudicatorChannelChallengedIterator{contract: _ChannelAdjudicator.contract, event: "ChannelChallenged", logs: logs, sub: sub}, nil
}

// WatchChannelChallenged is a free log subscription operation binding the contract event 0x046c0214497c2f5a2f8734270c21c2e5fd85403ea33a41b0be36caa67208b9ed.
//
// Solidity: event ChannelChallenged(bytes32 indexed channelId, address indexed challenger, uint64 nonce, uint256 balanceA, uint256 balanceB, uint64 deadline)
func (_ChannelAdjudicator *ChannelAdjudicatorFilterer) WatchChannelChallenged(opts *bind.WatchOpts, sink chan<- *ChannelAdjudicatorChannelChallenged, channelId [][32]byte, challenger []common.Address) (event.Subscription, error) {

	var channelIdRule []interface{}
	for _, channelIdItem := range channelId {
		channelIdRule = append(channelIdRule, channelIdItem)
	}
	var challengerRule []interface{}
	for _, challengerItem := range challenger {
		challengerRule = append(challengerRule, challengerItem)
	}

	logs, sub, err := _ChannelAdjudicator.contract.WatchLogs(opts, "ChannelChallenged", channelIdRule, challengerRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(ChannelAdjudicatorChannelChallenged)
				if err := _ChannelAdjudicator.contract.UnpackLog(event, "ChannelChallenged", log); err != nil {
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

// ParseChannelChallenged is a log parse operation binding the contract event 0x046c0214497c2f5a2f8734270c21c2e5fd85403ea33a41b0be36caa67208b9ed.
//
// Solidity: event ChannelChallenged(bytes32 indexed channelId, address indexed challenger, uint64 nonce, uint256 balanceA, uint256 balanceB, uint64 deadline)
func (_ChannelAdjudicator *ChannelAdjudicatorFilterer) ParseChannelChallenged(log types.Log) (*ChannelAdjudicatorChannelChallenged, error) {
	event := new(ChannelAdjudicatorChannelChallenged)
	if err := _ChannelAdjudicator.contract.UnpackLog(event, "ChannelChallenged", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// ChannelAdjudicatorChannelClosedIterator is returned from FilterChannelClosed and is used to iterate over the raw logs and unpacked data for ChannelClosed events raised by the ChannelAdjudicator contract.
type ChannelAdjudicatorChannelClosedIterator struct {
	Event *ChannelAdjudicatorChannelClosed // Event containing the contract specifics and raw log

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
func (it *ChannelAdjudicatorChannelClosedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(ChannelAdjudicatorChannelClosed)
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
		it.Event = new(ChannelAdjudicatorChannelClosed)
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
func (it *ChannelAdjudicatorChannelClosedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *ChannelAdjudicatorChannelClosedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// ChannelAdjudicatorChannelClosed represents a ChannelClosed event raised by the ChannelAdjudicator contract.
type ChannelAdjudicatorChannelClosed struct {
	ChannelId [32]byte
	Closer    common.Address
	Nonce     uint64
	BalanceA  *big.Int
	BalanceB  *big.Int
	Deadline  uint64
	Raw       types.Log // Blockchain specific contextual infos
}

// FilterChannelClosed is a free log retrieval operation binding the contract event 0x8cbfbc13af2fd32aa041e054fec7ddf5986e77a9517ef754f810b442835c1380.
//
// Solidity: event ChannelClosed(bytes32 indexed channelId, address indexed closer, uint64 nonce, uint256 balanceA, uint256 balanceB, uint64 deadline)
func (_ChannelAdjudicator *ChannelAdjudicatorFilterer) FilterChannelClosed(opts *bind.FilterOpts, channelId [][32]byte, closer []common.Address) (*ChannelAdjudicatorChannelClosedIterator, error) {

	var channelIdRule []interface{}
	for _, channelIdItem := range channelId {
		channelIdRule = append(channelIdRule, channelIdItem)
	}
	var closerRule []interface{}
	for _, closerItem := range closer {
		closerRule = append(closerRule, closerItem)
	}

	logs, sub, err := _ChannelAdjudicator.contract.FilterLogs(opts, "ChannelClosed", channelIdRule, closerRule)
	if err != nil {
		return nil, err
	}
	return &ChannelAdjudicatorChannelClosedIterator{contract: _ChannelAdjudicator.contract, event: "ChannelClosed", logs: logs, sub: sub}, nil
}

// WatchChannelClosed is a free log subscription operation binding the contract event 0x8cbfbc13af2fd32aa041e054fec7ddf5986e77a9517ef754f810b442835c1380.
//
// Solidity: event ChannelClosed(bytes32 indexed channelId, address indexed closer, uint64 nonce, uint256 balanceA, uint256 balanceB, uint64 deadline)
func (_ChannelAdjudicator *ChannelAdjudicatorFilterer) WatchChannelClosed(opts *bind.WatchOpts, sink chan<- *ChannelAdjudicatorChannelClosed, channelId [][32]byte, closer []common.Address) (event.Subscription, error) {

	var channelIdRule []interface{}
	for _, channelIdItem := range channelId {
		channelIdRule = append(channelIdRule, channelIdItem)
	}
	var closerRule []interface{}
	for _, closerItem := range closer {
		closerRule = append(closerRule, closerItem)
	}

	logs, sub, err := _ChannelAdjudicator.contract.WatchLogs(opts, "ChannelClosed", channelIdRule, closerRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(ChannelAdjudicatorChannelClosed)
				if err := _ChannelAdjudicator.contract.UnpackLog(event, "ChannelClosed", log); err != nil {
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

// ParseChannelClosed is a log parse operation binding the contract event 0x8cbfbc13af2fd32aa041e054fec7ddf5986e77a9517ef754f810b442835c1380.
//
// Solidity: event ChannelClosed(bytes32 indexed channelId, address indexed closer, uint64 nonce, uint256 balanceA, uint256 balanceB, uint64 deadline)
func (_ChannelAdjudicator *ChannelAdjudicatorFilterer) ParseChannelClosed(log types.Log) (*ChannelAdjudicatorChannelClosed, error) {
	event := new(ChannelAdjudicatorChannelClosed)
	if err := _ChannelAdjudicator.contract.UnpackLog(event, "ChannelClosed", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// ChannelAdjudicatorChannelJoinedIterator is returned from FilterChannelJoined and is used to iterate over the raw logs and unpacked data for ChannelJoined events raised by the ChannelAdjudicator contract.
type ChannelAdjudicatorChannelJoinedIterator struct {
	Event *ChannelAdjudicatorChannelJoined // Event containing the contract specifics and raw log

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
func (it *ChannelAdjudicatorChannelJoinedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(ChannelAdjudicatorChannelJoined)
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
		it.Event = new(ChannelAdjudicatorChannelJoined)
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
func (it *ChannelAdjudicatorChannelJoinedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *ChannelAdjudicatorChannelJoinedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// ChannelAdjudicatorChannelJoined represents a ChannelJoined event raised by the ChannelAdjudicator contract.
type ChannelAdjudicatorChannelJoined struct {
	ChannelId [32]byte
	PartyB    common.Address
	Deposit   *big.Int
	Total     *big.Int
	Raw       types.Log // Blockchain specific contextual infos
}

// FilterChannelJoined is a free log retrieval operation binding the contract event 0x56a4a82a939937f8a42c7d9e5df81beb5afaf2b6a191a93a95b17880fb373695.
//
// Solidity: event ChannelJoined(bytes32 indexed channelId, address indexed partyB, uint256 deposit, uint256 total)
func (_ChannelAdjudicator *ChannelAdjudicatorFilterer) FilterChannelJoined(opts *bind.FilterOpts, channelId [][32]byte, partyB []common.Address) (*ChannelAdjudicatorChannelJoinedIterator, error) {

	var channelIdRule []interface{}
	for _, channelIdItem := range channelId {
		channelIdRule = append(channelIdRule, channelIdItem)
	}
	var partyBRule []interface{}
	for _, partyBItem := range partyB {
		partyBRule = append(partyBRule, partyBItem)
	}

	logs, sub, err := _ChannelAdjudicator.contract.FilterLogs(opts, "ChannelJoined", channelIdRule, partyBRule)
	if err != nil {
		return nil, err
	}
	return &ChannelAdjudicatorChannelJoinedIterator{contract: _ChannelAdjudicator.contract, event: "ChannelJoined", logs: logs, sub: sub}, nil
}

// WatchChannelJoined is a free log subscription operation binding the contract event 0x56a4a82a939937f8a42c7d9e5df81beb5afaf2b6a191a93a95b17880fb373695.
//
// Solidity: event ChannelJoined(bytes32 indexed channelId, address indexed partyB, uint256 deposit, uint256 total)
func (_ChannelAdjudicator *ChannelAdjudicatorFilterer) WatchChannelJoined(opts *bind.WatchOpts, sink chan<- *ChannelAdjudicatorChannelJoined, channelId [][32]byte, partyB []common.Address) (event.Subscription, error) {

	var channelIdRule []interface{}
	for _, channelIdItem := range channelId {
		channelIdRule = append(channelIdRule, channelIdItem)
	}
	var partyBRule []interface{}
	for _, partyBItem := range partyB {
		partyBRule = append(partyBRule, partyBItem)
	}

	logs, sub, err := _ChannelAdjudicator.contract.WatchLogs(opts, "ChannelJoined", channelIdRule, partyBRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(ChannelAdjudicatorChannelJoined)
				if err := _ChannelAdjudicator.contract.UnpackLog(event, "ChannelJoined", log); err != nil {
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

// ParseChannelJoined is a log parse operation binding the contract event 0x56a4a82a939937f8a42c7d9e5df81beb5afaf2b6a191a93a95b17880fb373695.
//
// Solidity: event ChannelJoined(bytes32 indexed channelId, address indexed partyB, uint256 deposit, uint256 total)
func (_ChannelAdjudicator *ChannelAdjudicatorFilterer) ParseChannelJoined(log types.Log) (*ChannelAdjudicatorChannelJoined, error) {
	event := new(ChannelAdjudicatorChannelJoined)
	if err := _ChannelAdjudicator.contract.UnpackLog(event, "ChannelJoined", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// ChannelAdjudicatorChannelOpenedIterator is returned from FilterChannelOpened and is used to iterate over the raw logs and unpacked data for ChannelOpened events raised by the ChannelAdjudicator contract.
type ChannelAdjudicatorChannelOpenedIterator struct {
	Event *ChannelAdjudicatorChannelOpened // Event containing the contract specifics and raw log

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
func (it *ChannelAdjudicatorChannelOpenedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(ChannelAdjudicatorChannelOpened)
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
		it.Event = new(ChannelAdjudicatorChannelOpened)
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
func (it *ChannelAdjudicatorChannelOpenedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *ChannelAdjudicatorChannelOpenedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// ChannelAdjudicatorChannelOpened represents a ChannelOpened event raised by the ChannelAdjudicator contract.
type ChannelAdjudicatorChannelOpened struct {
	ChannelId     [32]byte
	PartyA        common.Address
	PartyB        common.Address
	Deposit       *big.Int
	DisputeWindow uint64
	Raw           types.Log // Blockchain specific contextual infos
}

// FilterChannelOpened is a free log retrieval operation binding the contract event 0x9872b10740b75c20e0eb3eebab184398d737141b8ba28f48c11db6632c608562.
//
// Solidity: event ChannelOpened(bytes32 indexed channelId, address indexed partyA, address indexed partyB, uint256 deposit, uint64 disputeWindow)
func (_ChannelAdjudicator *ChannelAdjudicatorFilterer) FilterChannelOpened(opts *bind.FilterOpts, channelId [][32]byte, partyA []common.Address, partyB []common.Address) (*ChannelAdjudicatorChannelOpenedIterator, error) {

	var channelIdRule []interface{}
	for _, channelIdItem := range channelId {
		channelIdRule = append(channelIdRule, channelIdItem)
	}
	var partyARule []interface{}
	for _, partyAItem := range partyA {
		partyARule = append(partyARule, partyAItem)
	}
	var partyBRule []interface{}
	for _, partyBItem := range partyB {
		partyBRule = append(partyBRule, partyBItem)
	}

	logs, sub, err := _ChannelAdjudicator.contract.FilterLogs(opts, "ChannelOpened", channelIdRule, partyARule, partyBRule)
	if err != nil {
		return nil, err
	}
	return &ChannelAdjudicatorChannelOpenedIterator{contract: _ChannelAdjudicator.contract, event: "ChannelOpened", logs: logs, sub: sub}, nil
}

// WatchChannelOpened is a free log subscription operation binding the contract event 0x9872b10740b75c20e0eb3eebab184398d737141b8ba28f48c11db6632c608562.
//
// Solidity: event ChannelOpened(bytes32 indexed channelId, address indexed partyA, address indexed partyB, uint256 deposit, uint64 disputeWindow)
func (_ChannelAdjudicator *ChannelAdjudicatorFilterer) WatchChannelOpened(opts *bind.WatchOpts, sink chan<- *ChannelAdjudicatorChannelOpened, channelId [][32]byte, partyA []common.Address, partyB []common.Address) (event.Subscription, error) {

	var channelIdRule []interface{}
	for _, channelIdItem := range channelId {
		channelIdRule = append(channelIdRule, channelIdItem)
	}
	var partyARule []interface{}
	for _, partyAItem := range partyA {
		partyARule = append(partyARule, partyAItem)
	}
	var partyBRule []interface{}
	for _, partyBItem := range partyB {
		partyBRule = append(partyBRule, partyBItem)
	}

	logs, sub, err := _ChannelAdjudicator.contract.WatchLogs(opts, "ChannelOpened", channelIdRule, partyARule, partyBRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(ChannelAdjudicatorChannelOpened)
				if err := _ChannelAdjudicator.contract.UnpackLog(event, "ChannelOpened", log); err != nil {
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

// ParseChannelOpened is a log parse operation binding the contract event 0x9872b10740b75c20e0eb3eebab184398d737141b8ba28f48c11db6632c608562.
//
// Solidity: event ChannelOpened(bytes32 indexed channelId, address indexed partyA, address indexed partyB, uint256 deposit, uint64 disputeWindow)
func (_ChannelAdjudicator *ChannelAdjudicatorFilterer) ParseChannelOpened(log types.Log) (*ChannelAdjudicatorChannelOpened, error) {
	event := new(ChannelAdjudicatorChannelOpened)
	if err := _ChannelAdjudicator.contract.UnpackLog(event, "ChannelOpened", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// ChannelAdjudicatorChannelSettledIterator is returned from FilterChannelSettled and is used to iterate over the raw logs and unpacked data for ChannelSettled events raised by the ChannelAdjudicator contract.
type ChannelAdjudicatorChannelSettledIterator struct {
	Event *ChannelAdjudicatorChannelSettled // Event containing the contract specifics and raw log

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
func (it *ChannelAdjudicatorChannelSettledIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(ChannelAdjudicatorChannelSettled)
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
		it.Event = new(ChannelAdjudicatorChannelSettled)
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
func (it *ChannelAdjudicatorChannelSettledIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *ChannelAdjudicatorChannelSettledIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// ChannelAdjudicatorChannelSettled represents a ChannelSettled event raised by the ChannelAdjudicator contract.
type ChannelAdjudicatorChannelSettled struct {
	ChannelId [32]byte
	Nonce     uint64
	BalanceA  *big.Int
	BalanceB  *big.Int
	Raw       types.Log // Blockchain specific contextual infos
}

// FilterChannelSettled is a free log retrieval operation binding the contract event 0x594a3e080682a64870005e355d71b348bb3fb6aecb5c50d6746d4bff4f9fb9b2.
//
// Solidity: event ChannelSettled(bytes32 indexed channelId, uint64 nonce, uint256 balanceA, uint256 balanceB)
func (_ChannelAdjudicator *ChannelAdjudicatorFilterer) FilterChannelSettled(opts *bind.FilterOpts, channelId [][32]byte) (*ChannelAdjudicatorChannelSettledIterator, error) {

	var channelIdRule []interface{}
	for _, channelIdItem := range channelId {
		channelIdRule = append(channelIdRule, channelIdItem)
	}

	logs, sub, err := _ChannelAdjudicator.contract.FilterLogs(opts, "ChannelSettled", channelIdRule)
	if err != nil {
		return nil, err
	}
	return &ChannelAdjudicatorChannelSettledIterator{contract: _ChannelAdjudicator.contract, event: "ChannelSettled", logs: logs, sub: sub}, nil
}

// WatchChannelSettled is a free log subscription operation binding the contract event 0x594a3e080682a64870005e355d71b348bb3fb6aecb5c50d6746d4bff4f9fb9b2.
//
// Solidity: event ChannelSettled(bytes32 indexed channelId, uint64 nonce, uint256 balanceA, uint256 balanceB)
func (_ChannelAdjudicator *ChannelAdjudicatorFilterer) WatchChannelSettled(opts *bind.WatchOpts, sink chan<- *ChannelAdjudicatorChannelSettled, channelId [][32]byte) (event.Subscription, error) {

	var channelIdRule []interface{}
	for _, channelIdItem := range channelId {
		channelIdRule = append(channelIdRule, channelIdItem)
	}

	logs, sub, err := _ChannelAdjudicator.contract.WatchLogs(opts, "ChannelSettled", channelIdRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(ChannelAdjudicatorChannelSettled)
				if err := _ChannelAdjudicator.contract.UnpackLog(event, "ChannelSettled", log); err != nil {
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

// ParseChannelSettled is a log parse operation binding the contract event 0x594a3e080682a64870005e355d71b348bb3fb6aecb5c50d6746d4bff4f9fb9b2.
//
// Solidity: event ChannelSettled(bytes32 indexed channelId, uint64 nonce, uint256 balanceA, uint256 balanceB)
func (_ChannelAdjudicator *ChannelAdjudicatorFilterer) ParseChannelSettled(log types.Log) (*ChannelAdjudicatorChannelSettled, error) {
	event := new(ChannelAdjudicatorChannelSettled)
	if err := _ChannelAdjudicator.contract.UnpackLog(event, "ChannelSettled", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// ChannelAdjudicatorWithdrawnIterator is returned from FilterWithdrawn and is used to iterate over the raw logs and unpacked data for Withdrawn events raised by the ChannelAdjudicator contract.
type ChannelAdjudicatorWithdrawnIterator struct {
	Event *ChannelAdjudicatorWithdrawn // Event containing the contract specifics and raw log

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
func (it *ChannelAdjudicatorWithdrawnIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(ChannelAdjudicatorWithdrawn)
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
		it.Event = new(ChannelAdjudicatorWithdrawn)
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
func (it *ChannelAdjudicatorWithdrawnIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *ChannelAdjudicatorWithdrawnIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// ChannelAdjudicatorWithdrawn represents a Withdrawn event raised by the ChannelAdjudicator contract.
type ChannelAdjudicatorWithdrawn struct {
	To     common.Address
	Amount *big.Int
	Raw    types.Log // Blockchain specific contextual infos
}

// FilterWithdrawn is a free log retrieval operation binding the contract event 0x7084f5476618d8e60b11ef0d7d3f06914655adb8793e28ff7f018d4c76d505d5.
//
// Solidity: event Withdrawn(address indexed to, uint256 amount)
func (_ChannelAdjudicator *ChannelAdjudicatorFilterer) FilterWithdrawn(opts *bind.FilterOpts, to []common.Address) (*ChannelAdjudicatorWithdrawnIterator, error) {

	var toRule []interface{}
	for _, toItem := range to {
		toRule = append(toRule, toItem)
	}

	logs, sub, err := _ChannelAdjudicator.contract.FilterLogs(opts, "Withdrawn", toRule)
	if err != nil {
		return nil, err
	}
	return &ChannelAdjudicatorWithdrawnIterator{contract: _ChannelAdjudicator.contract, event: "Withdrawn", logs: logs, sub: sub}, nil
}

// WatchWithdrawn is a free log subscription operation binding the contract event 0x7084f5476618d8e60b11ef0d7d3f06914655adb8793e28ff7f018d4c76d505d5.
//
// Solidity: event Withdrawn(address indexed to, uint256 amount)
func (_ChannelAdjudicator *ChannelAdjudicatorFilterer) WatchWithdrawn(opts *bind.WatchOpts, sink chan<- *ChannelAdjudicatorWithdrawn, to []common.Address) (event.Subscription, error) {

	var toRule []interface{}
	for _, toItem := range to {
		toRule = append(toRule, toItem)
	}

	logs, sub, err := _ChannelAdjudicator.contract.WatchLogs(opts, "Withdrawn", toRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(ChannelAdjudicatorWithdrawn)
				if err := _ChannelAdjudicator.contract.UnpackLog(event, "Withdrawn", log); err != nil {
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
func (_ChannelAdjudicator *ChannelAdjudicatorFilterer) ParseWithdrawn(log types.Log) (*ChannelAdjudicatorWithdrawn, error) {
	event := new(ChannelAdjudicatorWithdrawn)
	if err := _ChannelAdjudicator.contract.UnpackLog(event, "Withdrawn", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}
