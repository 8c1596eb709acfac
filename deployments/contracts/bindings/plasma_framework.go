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

// PlasmaFrameworkExit is an auto generated low-level Go binding around an user-defined struct.
type PlasmaFrameworkExit struct {
	Owner    common.Address
	Amount   *big.Int
	Deadline uint64
	Status   uint8
}

// PlasmaFrameworkOutput is an auto generated low-level Go binding around an user-defined struct.
type PlasmaFrameworkOutput struct {
	Owner  common.Address
	Amount *big.Int
}

// PlasmaFrameworkMetaData contains all meta data concerning the PlasmaFramework contract.
var PlasmaFrameworkMetaData = &bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator_\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"exitPeriod_\",\"type\":\"uint64\"},{\"internalType\":\"uint256\",\"name\":\"exitBond_\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"utxoPos\",\"type\":\"uint256\"}],\"name\":\"BadPosition\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"BadProof\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"expected\",\"type\":\"address\"}],\"name\":\"BadSignature\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"}],\"name\":\"BadTxLength\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"EmptyOutput\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"utxoPos\",\"type\":\"uint256\"}],\"name\":\"ExitAlreadyChallenged\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"utxoPos\",\"type\":\"uint256\"}],\"name\":\"ExitAlreadyFinalized\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"utxoPos\",\"type\":\"uint256\"}],\"name\":\"ExitAlreadyStarted\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"deadline\",\"type\":\"uint64\"}],\"name\":\"ExitPeriodOver\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NotOperator\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"NotOutputOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"utxoPos\",\"type\":\"uint256\"}],\"name\":\"NotSpendingTx\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NothingToWithdraw\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"TooManyDeposits\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"TransferFailed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"blknum\",\"type\":\"uint256\"}],\"name\":\"UnknownBlock\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"utxoPos\",\"type\":\"uint256\"}],\"name\":\"UnknownExit\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"required\",\"type\":\"uint256\"}],\"name\":\"WrongBond\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroDeposit\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"blknum\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"}],\"name\":\"BlockSubmitted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"blknum\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"DepositCreated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"utxoPos\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"challenger\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"spendingTxHash\",\"type\":\"bytes32\"}],\"name\":\"ExitChallenged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"utxoPos\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"ExitFinalized\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"utxoPos\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"deadline\",\"type\":\"uint64\"}],\"name\":\"ExitStarted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Withdrawn\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"BLOCK_OFFSET\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"CHILD_BLOCK_INTERVAL\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"TREE_DEPTH\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"TX_LENGTH\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"TX_OFFSET\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"name\":\"blocks\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"submittedAt\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"utxoPos\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"spendingTx\",\"type\":\"bytes\"},{\"internalType\":\"uint8\",\"name\":\"inputIndex\",\"type\":\"uint8\"},{\"internalType\":\"bytes\",\"name\":\"sig\",\"type\":\"bytes\"}],\"name\":\"challengeExit\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"leaf\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"},{\"internalType\":\"bytes\",\"name\":\"proof\",\"type\":\"bytes\"}],\"name\":\"checkMembership\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"txBytes\",\"type\":\"bytes\"}],\"name\":\"decodeTx\",\"outputs\":[{\"internalType\":\"uint256[2]\",\"name\":\"\",\"type\":\"uint256[2]\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"internalType\":\"structPlasmaFramework.Output[2]\",\"name\":\"\",\"type\":\"tuple[2]\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"deposit\",\"outputs\":[],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"exitBond\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"exitPeriod\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"exitQueueLength\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"utxoPos\",\"type\":\"uint256\"}],\"name\":\"getExit\",\"outputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"deadline\",\"type\":\"uint64\"},{\"internalType\":\"enumPlasmaFramework.ExitStatus\",\"name\":\"status\",\"type\":\"uint8\"}],\"internalType\":\"structPlasmaFramework.Exit\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"nextChildBlock\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"nextDepositBlock\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"operator\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"max\",\"type\":\"uint256\"}],\"name\":\"processExits\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"processed\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"utxoPos\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"txBytes\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"proof\",\"type\":\"bytes\"}],\"name\":\"startExit\",\"outputs\":[],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"}],\"name\":\"submitBlock\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"withdraw\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"name\":\"withdrawable\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	Bin: "0x60e06040526103e85f5560018055348015610018575f5ffd5b50604051611cb4380380611cb483398101604081905261003791610059565b6001600160a01b039092166080526001600160401b031660a05260c0526100af565b5f5f5f6060848603121561006b575f5ffd5b83516001600160a01b0381168114610081575f5ffd5b60208501519093506001600160401b038116811461009d575f5ffd5b80925050604084015190509250925092565b60805160a05160c051611bb16101035f395f818161016601528181610683015281816109d301528181610bec0152610c2001525f81816102980152610ca001525f81816101d40152610e230152611bb15ff3fe608060405260043610610130575f3560e01c806395a32967116100a8578063d0e30db01161006d578063d0e30db01461036e578063dae029d314610376578063e60f1ff1146103a3578063f1650536146103cf578063f25b3f99146103e3578063fe376d531461043b575f5ffd5b806395a32967146102e7578063a831fa07146102fa578063baa476941461030f578063c4a27a041461032e578063ce513b6f14610343575f5ffd5b806360106156116100f9578063601061561461020e5780636c8f455c146102225780636fe13fc61461025157806374eb8ef314610268578063753d7445146102875780638701fc5d146102d2575f5ffd5b806256c6c31461013457806329c902aa146101555780633ccfd60b1461019b5780634ca8714f146101af578063570ca735146101c3575b5f5ffd5b34801561013f575f5ffd5b5061015361014e36600461164f565b61044f565b005b348015610160575f5ffd5b506101887f000000000000000000000000000000000000000000000000000000000000000081565b6040519081526020015b60405180910390f35b3480156101a6575f5ffd5b5061015361070c565b3480156101ba575f5ffd5b506101885f5481565b3480156101ce575f5ffd5b506101f67f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160a01b039091168152602001610192565b348015610219575f5ffd5b5061018860c081565b34801561022d575f5ffd5b5061024161023c3660046116dd565b6107f1565b6040519015158152602001610192565b34801561025c575f5ffd5b50610188633b9aca0081565b348015610273575f5ffd5b50610188610282366004611738565b6108e8565b348015610292575f5ffd5b506102ba7f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160401b039091168152602001610192565b3480156102dd575f5ffd5b5061018860015481565b6101536102f536600461174f565b610a86565b348015610305575f5ffd5b506101886103e881565b34801561031a575f5ffd5b50610153610329366004611738565b610e18565b348015610339575f5ffd5b5061018861271081565b34801561034e575f5ffd5b5061018861035d3660046117bf565b60046020525f908152604090205481565b610153610efa565b348015610381575f5ffd5b506103956103903660046117d8565b6110ba565b604051610192929190611816565b3480156103ae575f5ffd5b506103c26103bd366004611738565b6110e0565b6040516101929190611899565b3480156103da575f5ffd5b50610188601081565b3480156103ee575f5ffd5b5061041e6103fd366004611738565b60026020525f9081526040902080546001909101546001600160401b031682565b604080519283526001600160401b03909116602083015201610192565b348015610446575f5ffd5b50600554610188565b5f868152600360205260408120906002820154600160401b900460ff16600381111561047d5761047d611885565b036104a357604051638a95c87d60e01b8152600481018890526024015b60405180910390fd5b600280820154600160401b900460ff1660038111156104c4576104c4611885565b036104e55760405163e49651cf60e01b81526004810188905260240161049a565b60036002820154600160401b900460ff16600381111561050757610507611885565b036105285760405163171697ef60e31b81526004810188905260240161049a565b60028101546001600160401b03164311156105675760028101546040516304bcf21960e01b81526001600160401b03909116600482015260240161049a565b5f610572878761118c565b50905060018560ff1611806105a0575087818660ff1660028110610598576105986118f6565b602002015114155b156105c15760405163088e5e2560e21b81526004810189905260240161049a565b5f87876040516105d292919061190a565b60405190819003902083549091506001600160a01b03166105f48287876111d7565b6001600160a01b031614610629578254604051639a7d38d960e01b81526001600160a01b03909116600482015260240161049a565b60028301805460ff60401b19166802000000000000000017905560408051828152905133918b917fc92d1b779a43e70d3ae2d7234337c61da8aa56f1f6ece01925dbc8ba6ad4c03e9181900360200190a36040515f9033907f0000000000000000000000000000000000000000000000000000000000000000908381818185875af1925050503d805f81146106d9576040519150601f19603f3d011682016040523d82523d5f602084013e6106de565b606091505b5050905080610700576040516312171d8360e31b815260040160405180910390fd5b50505050505050505050565b335f908152600460205260408120549081900361073c57604051630686827b60e51b815260040160405180910390fd5b335f8181526004602052604080822091909155517f7084f5476618d8e60b11ef0d7d3f06914655adb8793e28ff7f018d4c76d505d59061077f9084815260200190565b60405180910390a26040515f90339083908381818185875af1925050503d805f81146107c6576040519150601f19603f3d011682016040523d82523d5f602084013e6107cb565b606091505b50509050806107ed576040516312171d8360e31b815260040160405180910390fd5b5050565b5f6107fe6010602061192d565b8214158061080f5750620100008510155b1561081b57505f6108df565b855f5b60108110156108d9575f858561083584602061192d565b9061084185600161194a565b61084c90602061192d565b926108599392919061195d565b61086291611984565b9050876001165f0361089f5760408051602081018590529081018290526060016040516020818303038152906040528051906020012092506108cc565b60408051602081018390529081018490526060016040516020818303038152906040528051906020012092505b50600196871c960161081e565b50841490505b95945050505050565b5f5b600554158015906108fa57508181105b15610a81575f60055f81548110610913576109136118f6565b5f9182526020808320909101548083526003909152604090912090915060016002820154600160401b900460ff16600381111561095257610952611885565b14801561096c575060028101546001600160401b03164311155b15610978575050919050565b610980611342565b60016002820154600160401b900460ff1660038111156109a2576109a2611885565b146109ae5750506108ea565b60028101805460ff60401b19166803000000000000000017905560018101546109f8907f00000000000000000000000000000000000000000000000000000000000000009061194a565b81546001600160a01b03165f9081526004602052604081208054909190610a2090849061194a565b90915550839050610a30816119a1565b825460018401546040519081529195506001600160a01b0316915083907ff1abb9934443e1e9a886d37d7d3ef064965ea488c217fb6defc2e1d94b68f8ce9060200160405180910390a350506108ea565b919050565b5f610a95633b9aca00876119cd565b90505f612710610aa9633b9aca00896119e0565b610ab391906119cd565b90505f610ac2612710896119e0565b90506001811180610ad65750620100008210155b15610af7576040516371649e3d60e11b81526004810189905260240161049a565b5f8381526002602052604090205480610b2657604051633563326160e21b81526004810185905260240161049a565b5f610b31898961118c565b9150505f818460028110610b4757610b476118f6565b6020020151905080602001515f03610b725760405163dd82139960e01b815260040160405180910390fd5b80516001600160a01b03163314610ba9578051604051627acf9160e31b81526001600160a01b03909116600482015260240161049a565b610bcd8a8a604051610bbc92919061190a565b604051809103902086858b8b6107f1565b610bea57604051637ca55c7760e01b815260040160405180910390fd5b7f00000000000000000000000000000000000000000000000000000000000000003414610c4c5760405163f17d47af60e01b81527f0000000000000000000000000000000000000000000000000000000000000000600482015260240161049a565b5f8b8152600360208190526040822060020154600160401b900460ff1690811115610c7957610c79611885565b14610c9a5760405163576ff0eb60e11b8152600481018c905260240161049a565b5f610cc57f0000000000000000000000000000000000000000000000000000000000000000436119f3565b90506040518060800160405280835f01516001600160a01b0316815260200183602001518152602001826001600160401b0316815260200160016003811115610d1057610d10611885565b90525f8d815260036020818152604092839020845181546001600160a01b039091166001600160a01b0319909116178155908401516001820155918301516002830180546001600160401b0390921667ffffffffffffffff19831681178255606086015193919268ffffffffffffffffff19161790600160401b908490811115610d9c57610d9c611885565b0217905550905050610dad8c6114ca565b815f01516001600160a01b03168c7ffb7d23a1f1b1f7389ecbc247bad7863f518dc0564382dde8004a2dc9a6854794846020015184604051610e029291909182526001600160401b0316602082015260400190565b60405180910390a3505050505050505050505050565b336001600160a01b037f00000000000000000000000000000000000000000000000000000000000000001614610e6157604051631f0853c160e21b815260040160405180910390fd5b5f8054604080518082018252848152436001600160401b03908116602080840191825285875260029052929094209051815590516001909101805467ffffffffffffffff19169190931617909155610ebb6103e88261194a565b5f556001805560405182815281907f77fa5e4d45afc267e3bb14d490b7ad476159f82dbfb82a3e0f1431168ff058479060200160405180910390a25050565b345f03610f1a576040516356316e8760e01b815260040160405180910390fd5b6103e860015410610f3e57604051632f31b33b60e01b815260040160405180910390fd5b5f6001546103e85f54610f519190611a12565b610f5b919061194a565b600180549192505f610f6c836119a1565b9190505550610f796115bc565b610f816115da565b6040805180820182523381523460208083019190915290835290515f91610fac918591859101611816565b60408051601f19818403018152919052805160209091012090505f805b601081101561103157604080516020810185905290810183905260600160408051601f198184030181528282528051602091820120908301859052908201849052935060600160408051601f1981840301815291905280516020909101209150600101610fc9565b50604080518082018252838152436001600160401b0390811660208084019182525f8a8152600282528590209351845590516001909301805467ffffffffffffffff1916939092169290921790559051348152869133917f72235260b946c311b2455bc3db7b029180adc32d36d49946ccb668abcd1a1a19910160405180910390a35050505050565b6110c26115bc565b6110ca6115da565b6110d4848461118c565b915091505b9250929050565b611107604080516080810182525f8082526020820181905291810182905290606082015290565b5f82815260036020818152604092839020835160808101855281546001600160a01b0316815260018201549281019290925260028101546001600160401b03811694830194909452909290916060840191600160401b900460ff169081111561117257611172611885565b600381111561118357611183611885565b90525092915050565b6111946115bc565b61119c6115da565b60c083146111c05760405163c81e521d60e01b81526004810184905260240161049a565b6111cc83850185611a91565b909590945092505050565b5f604182146111e757505f61133b565b6040517f19457468657265756d205369676e6564204d6573736167653a0a3332000000006020820152603c81018590525f90605c0160408051601f19818403018152919052805160209182012091505f906112449082868861195d565b61124d91611984565b90505f61125e60406020878961195d565b61126791611984565b90505f8686604081811061127d5761127d6118f6565b919091013560f81c9150507f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a08211806112c957508060ff16601b141580156112c957508060ff16601c14155b156112da575f94505050505061133b565b604080515f81526020810180835286905260ff831691810191909152606081018490526080810183905260019060a0016020604051602081039080840390855afa15801561132a573d5f5f3e3d5ffd5b505050602060405103519450505050505b9392505050565b600580545f919061135590600190611a12565b81548110611365576113656118f6565b905f5260205f2001549050600580548061138157611381611b67565b600190038181905f5260205f20015f905590555f6005805490509050805f036113a8575050565b5f5b5f6113b682600261192d565b6113c190600161194a565b90508281106113d057506114a6565b826113dc82600161194a565b10801561142a5750600581815481106113f7576113f76118f6565b905f5260205f200154600582600161140f919061194a565b8154811061141f5761141f6118f6565b905f5260205f200154105b1561143d5780611439816119a1565b9150505b8360058281548110611451576114516118f6565b905f5260205f2001541061146557506114a6565b60058181548110611478576114786118f6565b905f5260205f20015460058381548110611494576114946118f6565b5f9182526020909120015590506113aa565b82600582815481106114ba576114ba6118f6565b5f91825260209091200155505050565b60058054600181810183555f8381527f036b6384b5eca791c62761152d0c79bb0604c104a5fb6f4eb0703f3154bb3db09092018490559154909161150d91611a12565b90505b8015611599575f6002611524600184611a12565b61152e91906119cd565b90508260058281548110611544576115446118f6565b905f5260205f200154116115585750611599565b6005818154811061156b5761156b6118f6565b905f5260205f20015460058381548110611587576115876118f6565b5f918252602090912001559050611510565b81600582815481106115ad576115ad6118f6565b5f918252602090912001555050565b60405180604001604052806002906020820280368337509192915050565b60405180604001604052806002905b604080518082019091525f80825260208201528152602001906001900390816115e95790505090565b5f5f83601f840112611622575f5ffd5b5081356001600160401b03811115611638575f5ffd5b6020830191508360208285010111156110d9575f5ffd5b5f5f5f5f5f5f60808789031215611664575f5ffd5b8635955060208701356001600160401b03811115611680575f5ffd5b61168c89828a01611612565b909650945050604087013560ff811681146116a5575f5ffd5b925060608701356001600160401b038111156116bf575f5ffd5b6116cb89828a01611612565b979a9699509497509295939492505050565b5f5f5f5f5f608086880312156116f1575f5ffd5b85359450602086013593506040860135925060608601356001600160401b0381111561171b575f5ffd5b61172788828901611612565b969995985093965092949392505050565b5f60208284031215611748575f5ffd5b5035919050565b5f5f5f5f5f60608688031215611763575f5ffd5b8535945060208601356001600160401b0381111561177f575f5ffd5b61178b88828901611612565b90955093505060408601356001600160401b0381111561171b575f5ffd5b80356001600160a01b0381168114610a81575f5ffd5b5f602082840312156117cf575f5ffd5b61133b826117a9565b5f5f602083850312156117e9575f5ffd5b82356001600160401b038111156117fe575f5ffd5b61180a85828601611612565b90969095509350505050565b60c0810181845f5b600281101561183d57815183526020928301929091019060010161181e565b50505060408201835f5b600281101561187b57815180516001600160a01b031684526020908101518185015260409093019290910190600101611847565b5050509392505050565b634e487b7160e01b5f52602160045260245ffd5b81516001600160a01b03168152602080830151908201526040808301516001600160401b03169082015260608201516080820190600481106118e957634e487b7160e01b5f52602160045260245ffd5b8060608401525092915050565b634e487b7160e01b5f52603260045260245ffd5b818382375f9101908152919050565b634e487b7160e01b5f52601160045260245ffd5b808202811582820484141761194457611944611919565b92915050565b8082018082111561194457611944611919565b5f5f8585111561196b575f5ffd5b83861115611977575f5ffd5b5050820193919092039150565b80356020831015611944575f19602084900360031b1b1692915050565b5f600182016119b2576119b2611919565b5060010190565b634e487b7160e01b5f52601260045260245ffd5b5f826119db576119db6119b9565b500490565b5f826119ee576119ee6119b9565b500690565b6001600160401b03818116838216019081111561194457611944611919565b8181038181111561194457611944611919565b634e487b7160e01b5f52604160045260245ffd5b604080519081016001600160401b0381118282101715611a5b57611a5b611a25565b60405290565b604051601f8201601f191681016001600160401b0381118282101715611a8957611a89611a25565b604052919050565b5f5f60c08385031215611aa2575f5ffd5b83601f840112611ab0575f5ffd5b6040611abb81611a61565b8082860187811115611acb575f5ffd5b865b81811015611ae5578035845260209384019301611acd565b5081955087605f880112611af7575f5ffd5b611b0084611a61565b925082915060c0870188811115611b15575f5ffd5b80821015611b595784828a031215611b2b575f5ffd5b611b33611a39565b611b3c836117a9565b815260208381013581830152908552939093019290840190611b15565b509497909650945050505050565b634e487b7160e01b5f52603160045260245ffdfea2646970667358221220812eeb7a0f861af423f8c1ddae1c54309e62e73c54c992f32b77bff6f576510764736f6c634300081c0033",
}

// PlasmaFrameworkABI is the input ABI used to generate the binding from.
// Deprecated: Use PlasmaFrameworkMetaData.ABI instead.
var PlasmaFrameworkABI = PlasmaFrameworkMetaData.ABI

// PlasmaFrameworkBin is the compiled bytecode used for deploying new contracts.
// Deprecated: Use PlasmaFrameworkMetaData.Bin instead.
var PlasmaFrameworkBin = PlasmaFrameworkMetaData.Bin

// DeployPlasmaFramework deploys a new Ethereum contract, binding an instance of PlasmaFramework to it.
func DeployPlasmaFramework(auth *bind.TransactOpts, backend bind.ContractBackend, operator_ common.Address, exitPeriod_ uint64, exitBond_ *big.Int) (common.Address, *types.Transaction, *PlasmaFramework, error) {
	parsed, err := PlasmaFrameworkMetaData.GetAbi()
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	if parsed == nil {
		return common.Address{}, nil, nil, errors.New("GetABI returned nil")
	}

	address, tx, contract, err := bind.DeployContract(auth, *parsed, common.FromHex(PlasmaFrameworkBin), backend, operator_, exitPeriod_, exitBond_)
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	return address, tx, &PlasmaFramework{PlasmaFrameworkCaller: PlasmaFrameworkCaller{contract: contract}, PlasmaFrameworkTransactor: PlasmaFrameworkTransactor{contract: contract}, PlasmaFrameworkFilterer: PlasmaFrameworkFilterer{contract: contract}}, nil
}

// PlasmaFramework is an auto generated Go binding around an Ethereum contract.
type PlasmaFramework struct {
	PlasmaFrameworkCaller     // Read-only binding to the contract
	PlasmaFrameworkTransactor // Write-only binding to the contract
	PlasmaFrameworkFilterer   // Log filterer for contract events
}

// PlasmaFrameworkCaller is an auto generated read-only Go binding around an Ethereum contract.
type PlasmaFrameworkCaller struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// PlasmaFrameworkTransactor is an auto generated write-only Go binding around an Ethereum contract.
type PlasmaFrameworkTransactor struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// PlasmaFrameworkFilterer is an auto generated log filtering Go binding around an Ethereum contract events.
type PlasmaFrameworkFilterer struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// PlasmaFrameworkSession is an auto generated Go binding around an Ethereum contract,
// with pre-set call and transact options.
type PlasmaFrameworkSession struct {
	Contract     *PlasmaFramework  // Generic contract binding to set the session for
	CallOpts     bind.CallOpts     // Call options to use throughout this session
	TransactOpts bind.TransactOpts // Transaction auth options to use throughout this session
}

// PlasmaFrameworkCallerSession is an auto generated read-only Go binding around an Ethereum contract,
// with pre-set call options.
type PlasmaFrameworkCallerSession struct {
	Contract *PlasmaFrameworkCaller // Generic contract caller binding to set the session for
	CallOpts bind.CallOpts          // Call options to use throughout this session
}

// PlasmaFrameworkTransactorSession is an auto generated write-only Go binding around an Ethereum contract,
// with pre-set transact options.
type PlasmaFrameworkTransactorSession struct {
	Contract     *PlasmaFrameworkTransactor // Generic contract transactor binding to set the session for
	TransactOpts bind.TransactOpts          // Transaction auth options to use throughout this session
}

// PlasmaFrameworkRaw is an auto generated low-level Go binding around an Ethereum contract.
type PlasmaFrameworkRaw struct {
	Contract *PlasmaFramework // Generic contract binding to access the raw methods on
}

// PlasmaFrameworkCallerRaw is an auto generated low-level read-only Go binding around an Ethereum contract.
type PlasmaFrameworkCallerRaw struct {
	Contract *PlasmaFrameworkCaller // Generic read-only contract binding to access the raw methods on
}

// PlasmaFrameworkTransactorRaw is an auto generated low-level write-only Go binding around an Ethereum contract.
type PlasmaFrameworkTransactorRaw struct {
	Contract *PlasmaFrameworkTransactor // Generic write-only contract binding to access the raw methods on
}

// NewPlasmaFramework creates a new instance of PlasmaFramework, bound to a specific deployed contract.
func NewPlasmaFramework(address common.Address, backend bind.ContractBackend) (*PlasmaFramework, error) {
	contract, err := bindPlasmaFramework(address, backend, backend, backend)
	if err != nil {
		return nil, err
	}
	return &PlasmaFramework{PlasmaFrameworkCaller: PlasmaFrameworkCaller{contract: contract}, PlasmaFrameworkTransactor: PlasmaFrameworkTransactor{contract: contract}, PlasmaFrameworkFilterer: PlasmaFrameworkFilterer{contract: contract}}, nil
}

// NewPlasmaFrameworkCaller creates a new read-only instance of PlasmaFramework, bound to a specific deployed contract.
func NewPlasmaFrameworkCaller(address common.Address, caller bind.ContractCaller) (*PlasmaFrameworkCaller, error) {
	contract, err := bindPlasmaFramework(address, caller, nil, nil)
	if err != nil {
		return nil, err
	}
	return &PlasmaFrameworkCaller{contract: contract}, nil
}

// NewPlasmaFrameworkTransactor creates a new write-only instance of PlasmaFramework, bound to a specific deployed contract.
func NewPlasmaFrameworkTransactor(address common.Address, transactor bind.ContractTransactor) (*PlasmaFrameworkTransactor, error) {
	contract, err := bindPlasmaFramework(address, nil, transactor, nil)
	if err != nil {
		return nil, err
	}
	return &PlasmaFrameworkTransactor{contract: contract}, nil
}

// NewPlasmaFrameworkFilterer creates a new log filterer instance of PlasmaFramework, bound to a specific deployed contract.
func NewPlasmaFrameworkFilterer(address common.Address, filterer bind.ContractFilterer) (*PlasmaFrameworkFilterer, error) {
	contract, err := bindPlasmaFramework(address, nil, nil, filterer)
	if err != nil {
		return nil, err
	}
	return &PlasmaFrameworkFilterer{contract: contract}, nil
}

// bindPlasmaFramework binds a generic wrapper to an already deployed contract.
func bindPlasmaFramework(address common.Address, caller bind.ContractCaller, transactor bind.ContractTransactor, filterer bind.ContractFilterer) (*bind.BoundContract, error) {
	parsed, err := PlasmaFrameworkMetaData.GetAbi()
	if err != nil {
		return nil, err
	}
	return bind.NewBoundContract(address, *parsed, caller, transactor, filterer), nil
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_PlasmaFramework *PlasmaFrameworkRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _PlasmaFramework.Contract.PlasmaFrameworkCaller.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_PlasmaFramework *PlasmaFrameworkRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _PlasmaFramework.Contract.PlasmaFrameworkTransactor.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_PlasmaFramework *PlasmaFrameworkRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _PlasmaFramework.Contract.PlasmaFrameworkTransactor.contract.Transact(opts, method, params...)
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_PlasmaFramework *PlasmaFrameworkCallerRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _PlasmaFramework.Contract.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_PlasmaFramework *PlasmaFrameworkTransactorRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _PlasmaFramework.Contract.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_PlasmaFramework *PlasmaFrameworkTransactorRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _PlasmaFramework.Contract.contract.Transact(opts, method, params...)
}

// BLOCKOFFSET is a free data retrieval call binding the contract method 0x6fe13fc6.
//
// Solidity: function BLOCK_OFFSET() view returns(uint256)
func (_PlasmaFramework *PlasmaFrameworkCaller) BLOCKOFFSET(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _PlasmaFramework.contract.Call(opts, &out, "BLOCK_OFFSET")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// BLOCKOFFSET is a free data retrieval call binding the contract method 0x6fe13fc6.
//
// Solidity: function BLOCK_OFFSET() view returns(uint256)
func (_PlasmaFramework *PlasmaFrameworkSession) BLOCKOFFSET() (*big.Int, error) {
	return _PlasmaFramework.Contract.BLOCKOFFSET(&_PlasmaFramework.CallOpts)
}

// BLOCKOFFSET is a free data retrieval call binding the contract method 0x6fe13fc6.
//
// Solidity: function BLOCK_OFFSET() view returns(uint256)
func (_PlasmaFramework *PlasmaFrameworkCallerSession) BLOCKOFFSET() (*big.Int, error) {
	return _PlasmaFramework.Contract.BLOCKOFFSET(&_PlasmaFramework.CallOpts)
}

// CHILDBLOCKINTERVAL is a free data retrieval call binding the contract method 0xa831fa07.
//
// Solidity: function CHILD_BLOCK_INTERVAL() view returns(uint256)
func (_PlasmaFramework *PlasmaFrameworkCaller) CHILDBLOCKINTERVAL(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _PlasmaFramework.contract.Call(opts, &out, "CHILD_BLOCK_INTERVAL")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// CHILDBLOCKINTERVAL is a free data retrieval call binding the contract method 0xa831fa07.
//
// Solidity: function CHILD_BLOCK_INTERVAL() view returns(uint256)
func (_PlasmaFramework *PlasmaFrameworkSession) CHILDBLOCKINTERVAL() (*big.Int, error) {
	return _PlasmaFramework.Contract.CHILDBLOCKINTERVAL(&_PlasmaFramework.CallOpts)
}

// CHILDBLOCKINTERVAL is a free data retrieval call binding the contract method 0xa831fa07.
//
// Solidity: function CHILD_BLOCK_INTERVAL() view returns(uint256)
func (_PlasmaFramework *PlasmaFrameworkCallerSession) CHILDBLOCKINTERVAL() (*big.Int, error) {
	return _PlasmaFramework.Contract.CHILDBLOCKINTERVAL(&_PlasmaFramework.CallOpts)
}

// TREEDEPTH is a free data retrieval call binding the contract method 0xf1650536.
//
// Solidity: function TREE_DEPTH() view returns(uint256)
func (_PlasmaFramework *PlasmaFrameworkCaller) TREEDEPTH(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _PlasmaFramework.contract.Call(opts, &out, "TREE_DEPTH")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// TREEDEPTH is a free data retrieval call binding the contract method 0xf1650536.
//
// Solidity: function TREE_DEPTH() view returns(uint256)
func (_PlasmaFramework *PlasmaFrameworkSession) TREEDEPTH() (*big.Int, error) {
	return _PlasmaFramework.Contract.TREEDEPTH(&_PlasmaFramework.CallOpts)
}

// TREEDEPTH is a free data retrieval call binding the contract method 0xf1650536.
//
// Solidity: function TREE_DEPTH() view returns(uint256)
func (_PlasmaFramework *PlasmaFrameworkCallerSession) TREEDEPTH() (*big.Int, error) {
	return _PlasmaFramework.Contract.TREEDEPTH(&_PlasmaFramework.CallOpts)
}

// TXLENGTH is a free data retrieval call binding the contract method 0x60106156.
//
// Solidity: function TX_LENGTH() view returns(uint256)
func (_PlasmaFramework *PlasmaFrameworkCaller) TXLENGTH(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _PlasmaFramework.contract.Call(opts, &out, "TX_LENGTH")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// TXLENGTH is a free data retrieval call binding the contract method 0x60106156.
//
// Solidity: function TX_LENGTH() view returns(uint256)
func (_PlasmaFramework *PlasmaFrameworkSession) TXLENGTH() (*big.Int, error) {
	return _PlasmaFramework.Contract.TXLENGTH(&_PlasmaFramework.CallOpts)
}

// TXLENGTH is a free data retrieval call binding the contract method 0x60106156.
//
// Solidity: function TX_LENGTH() view returns(uint256)
func (_PlasmaFramework *PlasmaFrameworkCallerSession) TXLENGTH() (*big.Int, error) {
	return _PlasmaFramework.Contract.TXLENGTH(&_PlasmaFramework.CallOpts)
}

// TXOFFSET is a free data retrieval call binding the contract method 0xc4a27a04.
//
// Solidity: function TX_OFFSET() view returns(uint256)
func (_PlasmaFramework *PlasmaFrameworkCaller) TXOFFSET(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _PlasmaFramework.contract.Call(opts, &out, "TX_OFFSET")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// TXOFFSET is a free data retrieval call binding the contract method 0xc4a27a04.
//
// Solidity: function TX_OFFSET() view returns(uint256)
func (_PlasmaFramework *PlasmaFrameworkSession) TXOFFSET() (*big.Int, error) {
	return _PlasmaFramework.Contract.TXOFFSET(&_PlasmaFramework.CallOpts)
}

// TXOFFSET is a free data retrieval call binding the contract method 0xc4a27a04.
//
// Solidity: function TX_OFFSET() view returns(uint256)
func (_PlasmaFramework *PlasmaFrameworkCallerSession) TXOFFSET() (*big.Int, error) {
	return _PlasmaFramework.Contract.TXOFFSET(&_PlasmaFramework.CallOpts)
}

// Blocks is a free data retrieval call binding the contract method 0xf25b3f99.
//
// Solidity: function blocks(uint256 ) view returns(bytes32 root, uint64 submittedAt)
func (_PlasmaFramework *PlasmaFrameworkCaller) Blocks(opts *bind.CallOpts, arg0 *big.Int) (struct {
	Root        [32]byte
	SubmittedAt uint64
}, error) {
	var out []interface{}
	err := _PlasmaFramework.contract.Call(opts, &out, "blocks", arg0)

	outstruct := new(struct {
		Root        [32]byte
		SubmittedAt uint64
	})
	if err != nil {
		return *outstruct, err
	}

	outstruct.Root = *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	outstruct.SubmittedAt = *abi.ConvertType(out[1], new(uint64)).(*uint64)

	return *outstruct, err

}

// Blocks is a free data retrieval call binding the contract method 0xf25b3f99.
//
// Solidity: function blocks(uint256 ) view returns(bytes32 root, uint64 submittedAt)
func (_PlasmaFramework *PlasmaFrameworkSession) Blocks(arg0 *big.Int) (struct {
	Root        [32]byte
	SubmittedAt uint64
}, error) {
	return _PlasmaFramework.Contract.Blocks(&_PlasmaFramework.CallOpts, arg0)
}

// Blocks is a free data retrieval call binding the contract method 0xf25b3f99.
//
// Solidity: function blocks(uint256 ) view returns(bytes32 root, uint64 submittedAt)
func (_PlasmaFramework *PlasmaFrameworkCallerSession) Blocks(arg0 *big.Int) (struct {
	Root        [32]byte
	SubmittedAt uint64
}, error) {
	return _PlasmaFramework.Contract.Blocks(&_PlasmaFramework.CallOpts, arg0)
}

// CheckMembership is a free data retrieval call binding the contract method 0x6c8f455c.
//
// Solidity: function checkMembership(bytes32 leaf, uint256 index, bytes32 root, bytes proof) pure returns(bool)
func (_PlasmaFramework *PlasmaFrameworkCaller) CheckMembership(opts *bind.CallOpts, leaf [32]byte, index *big.Int, root [32]byte, proof []byte) (bool, error) {
	var out []interface{}
	err := _PlasmaFramework.contract.Call(opts, &out, "checkMembership", leaf, index, root, proof)

	if err != nil {
		return *new(bool), err
	}

	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)

	return out0, err

}

// CheckMembership is a free data retrieval call binding the contract method 0x6c8f455c.
//
// Solidity: function checkMembership(bytes32 leaf, uint256 index, bytes32 root, bytes proof) pure returns(bool)
func (_PlasmaFramework *PlasmaFrameworkSession) CheckMembership(leaf [32]byte, index *big.Int, root [32]byte, proof []byte) (bool, error) {
	return _PlasmaFramework.Contract.CheckMembership(&_PlasmaFramework.CallOpts, leaf, index, root, proof)
}

// CheckMembership is a free data retrieval call binding the contract method 0x6c8f455c.
//
// Solidity: function checkMembership(bytes32 leaf, uint256 index, bytes32 root, bytes proof) pure returns(bool)
func (_PlasmaFramework *PlasmaFrameworkCallerSession) CheckMembership(leaf [32]byte, index *big.Int, root [32]byte, proof []byte) (bool, error) {
	return _PlasmaFramework.Contract.CheckMembership(&_PlasmaFramework.CallOpts, leaf, index, root, proof)
}

// DecodeTx is a free data retrieval call binding the contract method 0xdae029d3.
//
// Solidity: function decodeTx(bytes txBytes) pure returns(uint256[2], (address,uint256)[2])
func (_PlasmaFramework *PlasmaFrameworkCaller) DecodeTx(opts *bind.CallOpts, txBytes []byte) ([2]*big.Int, [2]PlasmaFrameworkOutput, error) {
	var out []interface{}
	err := _PlasmaFramework.contract.Call(opts, &out, "decodeTx", txBytes)

	if err != nil {
		return *new([2]*big.Int), *new([2]PlasmaFrameworkOutput), err
	}

	out0 := *abi.ConvertType(out[0], new([2]*big.Int)).(*[2]*big.Int)
	out1 := *abi.ConvertType(out[1], new([2]PlasmaFrameworkOutput)).(*[2]PlasmaFrameworkOutput)

	return out0, out1, err

}

// DecodeTx is a free data retrieval call binding the contract method 0xdae029d3.
//
// Solidity: function decodeTx(bytes txBytes) pure returns(uint256[2], (address,uint256)[2])
func (_PlasmaFramework *PlasmaFrameworkSession) DecodeTx(txBytes []byte) ([2]*big.Int, [2]PlasmaFrameworkOutput, error) {
	return _PlasmaFramework.Contract.DecodeTx(&_PlasmaFramework.CallOpts, txBytes)
}

// DecodeTx is a free data retrieval call binding the contract method 0xdae029d3.
//
// Solidity: function decodeTx(bytes txBytes) pure returns(uint256[2], (address,uint256)[2])
func (_PlasmaFramework *PlasmaFrameworkCallerSession) DecodeTx(txBytes []byte) ([2]*big.Int, [2]PlasmaFrameworkOutput, error) {
	return _PlasmaFramework.Contract.DecodeTx(&_PlasmaFramework.CallOpts, txBytes)
}

// ExitBond is a free data retrieval call binding the contract method 0x29c902aa.
//
// Solidity: function exitBond() view returns(uint256)
func (_PlasmaFramework *PlasmaFrameworkCaller) ExitBond(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _PlasmaFramework.contract.Call(opts, &out, "exitBond")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// ExitBond is a free data retrieval call binding the contract method 0x29c902aa.
//
// Solidity: function exitBond() view returns(uint256)
func (_PlasmaFramework *PlasmaFrameworkSession) ExitBond() (*big.Int, error) {
	return _PlasmaFramework.Contract.ExitBond(&_PlasmaFramework.CallOpts)
}

// ExitBond is a free data retrieval call binding the contract method 0x29c902aa.
//
// Solidity: function exitBond() view returns(uint256)
func (_PlasmaFramework *PlasmaFrameworkCallerSession) ExitBond() (*big.Int, error) {
	return _PlasmaFramework.Contract.ExitBond(&_PlasmaFramework.CallOpts)
}

// ExitPeriod is a free data retrieval call binding the contract method 0x753d7445.
//
// Solidity: function exitPeriod() view returns(uint64)
func (_PlasmaFramework *PlasmaFrameworkCaller) ExitPeriod(opts *bind.CallOpts) (uint64, error) {
	var out []interface{}
	err := _PlasmaFramework.contract.Call(opts, &out, "exitPeriod")

	if err != nil {
		return *new(uint64), err
	}

	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)

	return out0, err

}

// ExitPeriod is a free data retrieval call binding the contract method 0x753d7445.
//
// Solidity: function exitPeriod() view returns(uint64)
func (_PlasmaFramework *PlasmaFrameworkSession) ExitPeriod() (uint64, error) {
	return _PlasmaFramework.Contract.ExitPeriod(&_PlasmaFramework.CallOpts)
}

// ExitPeriod is a free data retrieval call binding the contract method 0x753d7445.
//
// Solidity: function exitPeriod() view returns(uint64)
func (_PlasmaFramework *PlasmaFrameworkCallerSession) ExitPeriod() (uint64, error) {
	return _PlasmaFramework.Contract.ExitPeriod(&_PlasmaFramework.CallOpts)
}

// ExitQueueLength is a free data retrieval call binding the contract method 0xfe376d53.
//
// Solidity: function exitQueueLength() view returns(uint256)
func (_PlasmaFramework *PlasmaFrameworkCaller) ExitQueueLength(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _PlasmaFramework.contract.Call(opts, &out, "exitQueueLength")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// ExitQueueLength is a free data retrieval call binding the contract method 0xfe376d53.
//
// Solidity: function exitQueueLength() view returns(uint256)
func (_PlasmaFramework *PlasmaFrameworkSession) ExitQueueLength() (*big.Int, error) {
	return _PlasmaFramework.Contract.ExitQueueLength(&_PlasmaFramework.CallOpts)
}

// ExitQueueLength is a free data retrieval call binding the contract method 0xfe376d53.
//
// Solidity: function exitQueueLength() view returns(uint256)
func (_PlasmaFramework *PlasmaFrameworkCallerSession) ExitQueueLength() (*big.Int, error) {
	return _PlasmaFramework.Contract.ExitQueueLength(&_PlasmaFramework.CallOpts)
}

// GetExit is a free data retrieval call binding the contract method 0xe60f1ff1.
//
// Solidity: function getExit(uint256 utxoPos) view returns((address,uint256,uint64,uint8))
func (_PlasmaFramework *PlasmaFrameworkCaller) GetExit(opts *bind.CallOpts, utxoPos *big.Int) (PlasmaFrameworkExit, error) {
	var out []interface{}
	err := _PlasmaFramework.contract.Call(opts, &out, "getExit", utxoPos)

	if err != nil {
		return *new(PlasmaFrameworkExit), err
	}

	out0 := *abi.ConvertType(out[0], new(PlasmaFrameworkExit)).(*PlasmaFrameworkExit)

	return out0, err

}

// GetExit is a free data retrieval call binding the contract method 0xe60f1ff1.
//
// Solidity: function getExit(uint256 utxoPos) view returns((address,uint256,uint64,uint8))
func (_PlasmaFramework *PlasmaFrameworkSession) GetExit(utxoPos *big.Int) (PlasmaFrameworkExit, error) {
	return _PlasmaFramework.Contract.GetExit(&_PlasmaFramework.CallOpts, utxoPos)
}

// GetExit is a free data retrieval call binding the contract method 0xe60f1ff1.
//
// Solidity: function getExit(uint256 utxoPos) view returns((address,uint256,uint64,uint8))
func (_PlasmaFramework *PlasmaFrameworkCallerSession) GetExit(utxoPos *big.Int) (PlasmaFrameworkExit, error) {
	return _PlasmaFramework.Contract.GetExit(&_PlasmaFramework.CallOpts, utxoPos)
}

// NextChildBlock is a free data retrieval call binding the contract method 0x4ca8714f.
//
// Solidity: function nextChildBlock() view returns(uint256)
func (_PlasmaFramework *PlasmaFrameworkCaller) NextChildBlock(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _PlasmaFramework.contract.Call(opts, &out, "nextChildBlock")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// NextChildBlock is a free data retrieval call binding the contract method 0x4ca8714f.
//
// Solidity: function nextChildBlock() view returns(uint256)
func (_PlasmaFramework *PlasmaFrameworkSession) NextChildBlock() (*big.Int, error) {
	return _PlasmaFramework.Contract.NextChildBlock(&_PlasmaFramework.CallOpts)
}

// NextChildBlock is a free data retrieval call binding the contract method 0x4ca8714f.
//
// Solidity: function nextChildBlock() view returns(uint256)
func (_PlasmaFramework *PlasmaFrameworkCallerSession) NextChildBlock() (*big.Int, error) {
	return _PlasmaFramework.Contract.NextChildBlock(&_PlasmaFramework.CallOpts)
}

// NextDepositBlock is a free data retrieval call binding the contract method 0x8701fc5d.
//
// Solidity: function nextDepositBlock() view returns(uint256)
func (_PlasmaFramework *PlasmaFrameworkCaller) NextDepositBlock(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _PlasmaFramework.contract.Call(opts, &out, "nextDepositBlock")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// NextDepositBlock is a free data retrieval call binding the contract method 0x8701fc5d.
//
// Solidity: function nextDepositBlock() view returns(uint256)
func (_PlasmaFramework *PlasmaFrameworkSession) NextDepositBlock() (*big.Int, error) {
	return _PlasmaFramework.Contract.NextDepositBlock(&_PlasmaFramework.CallOpts)
}

// NextDepositBlock is a free data retrieval call binding the contract method 0x8701fc5d.
//
// Solidity: function nextDepositBlock() view returns(uint256)
func (_PlasmaFramework *PlasmaFrameworkCallerSession) NextDepositBlock() (*big.Int, error) {
	return _PlasmaFramework.Contract.NextDepositBlock(&_PlasmaFramework.CallOpts)
}

// Operator is a free data retrieval call binding the contract method 0x570ca735.
//
// Solidity: function operator() view returns(address)
func (_PlasmaFramework *PlasmaFrameworkCaller) Operator(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _PlasmaFramework.contract.Call(opts, &out, "operator")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// Operator is a free data retrieval call binding the contract method 0x570ca735.
//
// Solidity: function operator() view returns(address)
func (_PlasmaFramework *PlasmaFrameworkSession) Operator() (common.Address, error) {
	return _PlasmaFramework.Contract.Operator(&_PlasmaFramework.CallOpts)
}

// Operator is a free data retrieval call binding the contract method 0x570ca735.
//
// Solidity: function operator() view returns(address)
func (_PlasmaFramework *PlasmaFrameworkCallerSession) Operator() (common.Address, error) {
	return _PlasmaFramework.Contract.Operator(&_PlasmaFramework.CallOpts)
}

// Withdrawable is a free data retrieval call binding the contract method 0xce513b6f.
//
// Solidity: function withdrawable(address ) view returns(uint256)
func (_PlasmaFramework *PlasmaFrameworkCaller) Withdrawable(opts *bind.CallOpts, arg0 common.Address) (*big.Int, error) {
	var out []interface{}
	err := _PlasmaFramework.contract.Call(opts, &out, "withdrawable", arg0)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// Withdrawable is a free data retrieval call binding the contract method 0xce513b6f.
//
// Solidity: function withdrawable(address ) view returns(uint256)
func (_PlasmaFramework *PlasmaFrameworkSession) Withdrawable(arg0 common.Address) (*big.Int, error) {
	return _PlasmaFramework.Contract.Withdrawable(&_PlasmaFramework.CallOpts, arg0)
}

// Withdrawable is a free data retrieval call binding the contract method 0xce513b6f.
//
// Solidity: function withdrawable(address ) view returns(uint256)
func (_PlasmaFramework *PlasmaFrameworkCallerSession) Withdrawable(arg0 common.Address) (*big.Int, error) {
	return _PlasmaFramework.Contract.Withdrawable(&_PlasmaFramework.CallOpts, arg0)
}

// ChallengeExit is a paid mutator transaction binding the contract method 0x0056c6c3.
//
// Solidity: function challengeExit(uint256 utxoPos, bytes spendingTx, uint8 inputIndex, bytes sig) returns()
func (_PlasmaFramework *PlasmaFrameworkTransactor) ChallengeExit(opts *bind.TransactOpts, utxoPos *big.Int, spendingTx []byte, inputIndex uint8, sig []byte) (*types.Transaction, error) {
	return _PlasmaFramework.contract.Transact(opts, "challengeExit", utxoPos, spendingTx, inputIndex, sig)
}

// ChallengeExit is a paid mutator transaction binding the contract method 0x0056c6c3.
//
// Solidity: function challengeExit(uint256 utxoPos, bytes spendingTx, uint8 inputIndex, bytes sig) returns()
func (_PlasmaFramework *PlasmaFrameworkSession) ChallengeExit(utxoPos *big.Int, spendingTx []byte, inputIndex uint8, sig []byte) (*types.Transaction, error) {
	return _PlasmaFramework.Contract.ChallengeExit(&_PlasmaFramework.TransactOpts, utxoPos, spendingTx, inputIndex, sig)
}

// ChallengeExit is a paid mutator transaction binding the contract method 0x0056c6c3.
//
// Solidity: function challengeExit(uint256 utxoPos, bytes spendingTx, uint8 inputIndex, bytes sig) returns()
func (_PlasmaFramework *PlasmaFrameworkTransactorSession) ChallengeExit(utxoPos *big.Int, spendingTx []byte, inputIndex uint8, sig []byte) (*types.Transaction, error) {
	return _PlasmaFramework.Contract.ChallengeExit(&_PlasmaFramework.TransactOpts, utxoPos, spendingTx, inputIndex, sig)
}

// Deposit is a paid mutator transaction binding the contract method 0xd0e30db0.
//
// Solidity: function deposit() payable returns()
func (_PlasmaFramework *PlasmaFrameworkTransactor) Deposit(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _PlasmaFramework.contract.Transact(opts, "deposit")
}

// Deposit is a paid mutator transaction binding the contract method 0xd0e30db0.
//
// Solidity: function deposit() payable returns()
func (_PlasmaFramework *PlasmaFrameworkSession) Deposit() (*types.Transaction, error) {
	return _PlasmaFramework.Contract.Deposit(&_PlasmaFramework.TransactOpts)
}

// Deposit is a paid mutator transaction binding the contract method 0xd0e30db0.
//
// Solidity: function deposit() payable returns()
func (_PlasmaFramework *PlasmaFrameworkTransactorSession) Deposit() (*types.Transaction, error) {
	return _PlasmaFramework.Contract.Deposit(&_PlasmaFramework.TransactOpts)
}

// ProcessExits is a paid mutator transaction binding the contract method 0x74eb8ef3.
//
// Solidity: function processExits(uint256 max) returns(uint256 processed)
func (_PlasmaFramework *PlasmaFrameworkTransactor) ProcessExits(opts *bind.TransactOpts, max *big.Int) (*types.Transaction, error) {
	return _PlasmaFramework.contract.Transact(opts, "processExits", max)
}

// ProcessExits is a paid mutator transaction binding the contract method 0x74eb8ef3.
//
// Solidity: function processExits(uint256 max) returns(uint256 processed)
func (_PlasmaFramework *PlasmaFrameworkSession) ProcessExits(max *big.Int) (*types.Transaction, error) {
	return _PlasmaFramework.Contract.ProcessExits(&_PlasmaFramework.TransactOpts, max)
}

// ProcessExits is a paid mutator transaction binding the contract method 0x74eb8ef3.
//
// Solidity: function processExits(uint256 max) returns(uint256 processed)
func (_PlasmaFramework *PlasmaFrameworkTransactorSession) ProcessExits(max *big.Int) (*types.Transaction, error) {
	return _PlasmaFramework.Contract.ProcessExits(&_PlasmaFramework.TransactOpts, max)
}

// StartExit is a paid mutator transaction binding the contract method 0x95a32967.
//
// Solidity: function startExit(uint256 utxoPos, bytes txBytes, bytes proof) payable returns()
func (_PlasmaFramework *PlasmaFrameworkTransactor) StartExit(opts *bind.TransactOpts, utxoPos *big.Int, txBytes []byte, proof []byte) (*types.Transaction, error) {
	return _PlasmaFramework.contract.Transact(opts, "startExit", utxoPos, txBytes, proof)
}

// StartExit is a paid mutator transaction binding the contract method 0x95a32967.
//
// Solidity: function startExit(uint256 utxoPos, bytes txBytes, bytes proof) payable returns()
func (_PlasmaFramework *PlasmaFrameworkSession) StartExit(utxoPos *big.Int, txBytes []byte, proof []byte) (*types.Transaction, error) {
	return _PlasmaFramework.Contract.StartExit(&_PlasmaFramework.TransactOpts, utxoPos, txBytes, proof)
}

// StartExit is a paid mutator transaction binding the contract method 0x95a32967.
//
// Solidity: function startExit(uint256 utxoPos, bytes txBytes, bytes proof) payable returns()
func (_PlasmaFramework *PlasmaFrameworkTransactorSession) StartExit(utxoPos *big.Int, txBytes []byte, proof []byte) (*types.Transaction, error) {
	return _PlasmaFramework.Contract.StartExit(&_PlasmaFramework.TransactOpts, utxoPos, txBytes, proof)
}

// SubmitBlock is a paid mutator transaction binding the contract method 0xbaa47694.
//
// Solidity: function submitBlock(bytes32 root) returns()
func (_PlasmaFramework *PlasmaFrameworkTransactor) SubmitBlock(opts *bind.TransactOpts, root [32]byte) (*types.Transaction, error) {
	return _PlasmaFramework.contract.Transact(opts, "submitBlock", root)
}

// SubmitBlock is a paid mutator transaction binding the contract method 0xbaa47694.
//
// Solidity: function submitBlock(bytes32 root) returns()
func (_PlasmaFramework *PlasmaFrameworkSession) SubmitBlock(root [32]byte) (*types.Transaction, error) {
	return _PlasmaFramework.Contract.SubmitBlock(&_PlasmaFramework.TransactOpts, root)
}

// SubmitBlock is a paid mutator transaction binding the contract method 0xbaa47694.
//
// Solidity: function submitBlock(bytes32 root) returns()
func (_PlasmaFramework *PlasmaFrameworkTransactorSession) SubmitBlock(root [32]byte) (*types.Transaction, error) {
	return _PlasmaFramework.Contract.SubmitBlock(&_PlasmaFramework.TransactOpts, root)
}

// Withdraw is a paid mutator transaction binding the contract method 0x3ccfd60b.
//
// Solidity: function withdraw() returns()
func (_PlasmaFramework *PlasmaFrameworkTransactor) Withdraw(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _PlasmaFramework.contract.Transact(opts, "withdraw")
}

// Withdraw is a paid mutator transaction binding the contract method 0x3ccfd60b.
//
// Solidity: function withdraw() returns()
func (_PlasmaFramework *PlasmaFrameworkSession) Withdraw() (*types.Transaction, error) {
	return _PlasmaFramework.Contract.Withdraw(&_PlasmaFramework.TransactOpts)
}

// Withdraw is a paid mutator transaction binding the contract method 0x3ccfd60b.
//
// Solidity: function withdraw() returns()
func (_PlasmaFramework *PlasmaFrameworkTransactorSession) Withdraw() (*types.Transaction, error) {
	return _PlasmaFramework.Contract.Withdraw(&_PlasmaFramework.TransactOpts)
}

// PlasmaFrameworkBlockSubmittedIterator is returned from FilterBlockSubmitted and is used to iterate over the raw logs and unpacked data for BlockSubmitted events raised by the PlasmaFramework contract.
type PlasmaFrameworkBlockSubmittedIterator struct {
	Event *PlasmaFrameworkBlockSubmitted // Event containing the contract specifics and raw log

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
func (it *PlasmaFrameworkBlockSubmittedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(PlasmaFrameworkBlockSubmitted)
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
		it.Event = new(PlasmaFrameworkBlockSubmitted)
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
func (it *PlasmaFrameworkBlockSubmittedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *PlasmaFrameworkBlockSubmittedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// PlasmaFrameworkBlockSubmitted represents a BlockSubmitted event raised by the PlasmaFramework contract.
type PlasmaFrameworkBlockSubmitted struct {
	Blknum *big.Int
	Root   [32]byte
	Raw    types.Log // Blockchain specific contextual infos
}

// FilterBlockSubmitted is a free log retrieval operation binding the contract event 0x77fa5e4d45afc267e3bb14d490b7ad476159f82dbfb82a3e0f1431168ff05847.
//
// Solidity: event BlockSubmitted(uint256 indexed blknum, bytes32 root)
func (_PlasmaFramework *PlasmaFrameworkFilterer) FilterBlockSubmitted(opts *bind.FilterOpts, blknum []*big.Int) (*PlasmaFrameworkBlockSubmittedIterator, error) {

	var blknumRule []interface{}
	for _, blknumItem := range blknum {
		blknumRule = append(blknumRule, blknumItem)
	}

	logs, sub, err := _PlasmaFramework.contract.FilterLogs(opts, "BlockSubmitted", blknumRule)
	if err != nil {
		return nil, err
	}
	return &PlasmaFrameworkBlockSubmittedIterator{contract: _PlasmaFramework.contract, event: "BlockSubmitted", logs: logs, sub: sub}, nil
}

// WatchBlockSubmitted is a free log subscription operation binding the contract event 0x77fa5e4d45afc267e3bb14d490b7ad476159f82dbfb82a3e0f1431168ff05847.
//
// Solidity: event BlockSubmitted(uint256 indexed blknum, bytes32 root)
func (_PlasmaFramework *PlasmaFrameworkFilterer) WatchBlockSubmitted(opts *bind.WatchOpts, sink chan<- *PlasmaFrameworkBlockSubmitted, blknum []*big.Int) (event.Subscription, error) {

	var blknumRule []interface{}
	for _, blknumItem := range blknum {
		blknumRule = append(blknumRule, blknumItem)
	}

	logs, sub, err := _PlasmaFramework.contract.WatchLogs(opts, "BlockSubmitted", blknumRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(PlasmaFrameworkBlockSubmitted)
				if err := _PlasmaFramework.contract.UnpackLog(event, "BlockSubmitted", log); err != nil {
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

// ParseBlockSubmitted is a log parse operation binding the contract event 0x77fa5e4d45afc267e3bb14d490b7ad476159f82dbfb82a3e0f1431168ff05847.
//
// Solidity: event BlockSubmitted(uint256 indexed blknum, bytes32 root)
func (_PlasmaFramework *PlasmaFrameworkFilterer) ParseBlockSubmitted(log types.Log) (*PlasmaFrameworkBlockSubmitted, error) {
	event := new(PlasmaFrameworkBlockSubmitted)
	if err := _PlasmaFramework.contract.UnpackLog(event, "BlockSubmitted", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// PlasmaFrameworkDepositCreatedIterator is returned from FilterDepositCreated and is used to iterate over the raw logs and unpacked data for DepositCreated events raised by the PlasmaFramework contract.
type PlasmaFrameworkDepositCreatedIterator struct {
	Event *PlasmaFrameworkDepositCreated // Event containing the contract specifics and raw log

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
func (it *PlasmaFrameworkDepositCreatedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(PlasmaFrameworkDepositCreated)
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
		it.Event = new(PlasmaFrameworkDepositCreated)
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
func (it *PlasmaFrameworkDepositCreatedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *PlasmaFrameworkDepositCreatedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// PlasmaFrameworkDepositCreated represents a DepositCreated event raised by the PlasmaFramework contract.
type PlasmaFrameworkDepositCreated struct {
	Owner  common.Address
	Blknum *big.Int
	Amount *big.Int
	Raw    types.Log // Blockchain specific contextual infos
}

// FilterDepositCreated is a free log retrieval operation binding the contract event 0x72235260b946c311b2455bc3db7b029180adc32d36d49946ccb668abcd1a1a19.
//
// Solidity: event DepositCreated(address indexed owner, uint256 indexed blknum, uint256 amount)
func (_PlasmaFramework *PlasmaFrameworkFilterer) FilterDepositCreated(opts *bind.FilterOpts, owner []common.Address, blknum []*big.Int) (*PlasmaFrameworkDepositCreatedIterator, error) {

	var ownerRule []interface{}
	for _, ownerItem := range owner {
		ownerRule = append(ownerRule, ownerItem)
	}
	var blknumRule []interface{}
	for _, blknumItem := range blknum {
		blknumRule = append(blknumRule, blknumItem)
	}

	logs, sub, err := _PlasmaFramework.contract.FilterLogs(opts, "DepositCreated", ownerRule, blknumRule)
	if err != nil {
		return nil, err
	}
	return &PlasmaFrameworkDepositCreatedIterator{contract: _PlasmaFramework.contract, event: "DepositCreated", logs: logs, sub: sub}, nil
}

// WatchDepositCreated is a free log subscription operation binding the contract event 0x72235260b946c311b2455bc3db7b029180adc32d36d49946ccb668abcd1a1a19.
//
// Solidity: event DepositCreated(address indexed owner, uint256 indexed blknum, uint256 amount)
func (_PlasmaFramework *PlasmaFrameworkFilterer) WatchDepositCreated(opts *bind.WatchOpts, sink chan<- *PlasmaFrameworkDepositCreated, owner []common.Address, blknum []*big.Int) (event.Subscription, error) {

	var ownerRule []interface{}
	for _, ownerItem := range owner {
		ownerRule = append(ownerRule, ownerItem)
	}
	var blknumRule []interface{}
	for _, blknumItem := range blknum {
		blknumRule = append(blknumRule, blknumItem)
	}

	logs, sub, err := _PlasmaFramework.contract.WatchLogs(opts, "DepositCreated", ownerRule, blknumRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(PlasmaFrameworkDepositCreated)
				if err := _PlasmaFramework.contract.UnpackLog(event, "DepositCreated", log); err != nil {
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

// ParseDepositCreated is a log parse operation binding the contract event 0x72235260b946c311b2455bc3db7b029180adc32d36d49946ccb668abcd1a1a19.
//
// Solidity: event DepositCreated(address indexed owner, uint256 indexed blknum, uint256 amount)
func (_PlasmaFramework *PlasmaFrameworkFilterer) ParseDepositCreated(log types.Log) (*PlasmaFrameworkDepositCreated, error) {
	event := new(PlasmaFrameworkDepositCreated)
	if err := _PlasmaFramework.contract.UnpackLog(event, "DepositCreated", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// PlasmaFrameworkExitChallengedIterator is returned from FilterExitChallenged and is used to iterate over the raw logs and unpacked data for ExitChallenged events raised by the PlasmaFramework contract.
type PlasmaFrameworkExitChallengedIterator struct {
	Event *PlasmaFrameworkExitChallenged // Event containing the contract specifics and raw log

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
func (it *PlasmaFrameworkExitChallengedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(PlasmaFrameworkExitChallenged)
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
		it.Event = new(PlasmaFrameworkExitChallenged)
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
func (it *PlasmaFrameworkExitChallengedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *PlasmaFrameworkExitChallengedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// PlasmaFrameworkExitChallenged represents a ExitChallenged event raised by the PlasmaFramework contract.
type PlasmaFrameworkExitChallenged struct {
	UtxoPos        *big.Int
	Challenger     common.Address
	SpendingTxHash [32]byte
	Raw            types.Log // Blockchain specific contextual infos
}

// FilterExitChallenged is a free log retrieval operation binding the contract event 0xc92d1b779a43e70d3ae2d7234337c61da8aa56f1f6ece01925dbc8ba6ad4c03e.
//
// Solidity: event ExitChallenged(uint256 indexed utxoPos, address indexed challenger, bytes32 spendingTxHash)
func (_PlasmaFramework *PlasmaFrameworkFilterer) FilterExitChallenged(opts *bind.FilterOpts, utxoPos []*big.Int, challenger []common.Address) (*PlasmaFrameworkExitChallengedIterator, error) {

	var utxoPosRule []interface{}
	for _, utxoPosItem := range utxoPos {
		utxoPosRule = append(utxoPosRule, utxoPosItem)
	}
	var challengerRule []interface{}
	for _, challengerItem := range challenger {
		challengerRule = append(challengerRule, challengerItem)
	}

	logs, sub, err := _PlasmaFramework.contract.FilterLogs(opts, "ExitChallenged", utxoPosRule, challengerRule)
	if err != nil {
		return nil, err
	}
	return &PlasmaFrameworkExitChallengedIterator{contract: _PlasmaFramework.contract, event: "ExitChallenged", logs: logs, sub: sub}, nil
}

// WatchExitChallenged is a free log subscription operation binding the contract event 0xc92d1b779a43e70d3ae2d7234337c61da8aa56f1f6ece01925dbc8ba6ad4c03e.
//
// Solidity: event ExitChallenged(uint256 indexed utxoPos, address indexed challenger, bytes32 spendingTxHash)
func (_PlasmaFramework *PlasmaFrameworkFilterer) WatchExitChallenged(opts *bind.WatchOpts, sink chan<- *PlasmaFrameworkExitChallenged, utxoPos []*big.Int, challenger []common.Address) (event.Subscription, error) {

	var utxoPosRule []interface{}
	for _, utxoPosItem := range utxoPos {
		utxoPosRule = append(utxoPosRule, utxoPosItem)
	}
	var challengerRule []interface{}
	for _, challengerItem := range challenger {
		challengerRule = append(challengerRule, challengerItem)
	}

	logs, sub, err := _PlasmaFramework.contract.WatchLogs(opts, "ExitChallenged", utxoPosRule, challengerRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(PlasmaFrameworkExitChallenged)
				if err := _PlasmaFramework.contract.UnpackLog(event, "ExitChallenged", log); err != nil {
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

// ParseExitChallenged is a log parse operation binding the contract event 0xc92d1b779a43e70d3ae2d7234337c61da8aa56f1f6ece01925dbc8ba6ad4c03e.
//
// Solidity: event ExitChallenged(uint256 indexed utxoPos, address indexed challenger, bytes32 spendingTxHash)
func (_PlasmaFramework *PlasmaFrameworkFilterer) ParseExitChallenged(log types.Log) (*PlasmaFrameworkExitChallenged, error) {
	event := new(PlasmaFrameworkExitChallenged)
	if err := _PlasmaFramework.contract.UnpackLog(event, "ExitChallenged", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// PlasmaFrameworkExitFinalizedIterator is returned from FilterExitFinalized and is used to iterate over the raw logs and unpacked data for ExitFinalized events raised by the PlasmaFramework contract.
type PlasmaFrameworkExitFinalizedIterator struct {
	Event *PlasmaFrameworkExitFinalized // Event containing the contract specifics and raw log

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
func (it *PlasmaFrameworkExitFinalizedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(PlasmaFrameworkExitFinalized)
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
		it.Event = new(PlasmaFrameworkExitFinalized)
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
func (it *PlasmaFrameworkExitFinalizedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *PlasmaFrameworkExitFinalizedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// PlasmaFrameworkExitFinalized represents a ExitFinalized event raised by the PlasmaFramework contract.
type PlasmaFrameworkExitFinalized struct {
	UtxoPos *big.Int
	Owner   common.Address
	Amount  *big.Int
	Raw     types.Log // Blockchain specific contextual infos
}

// FilterExitFinalized is a free log retrieval operation binding the contract event 0xf1abb9934443e1e9a886d37d7d3ef064965ea488c217fb6defc2e1d94b68f8ce.
//
// Solidity: event ExitFinalized(uint256 indexed utxoPos, address indexed owner, uint256 amount)
func (_PlasmaFramework *PlasmaFrameworkFilterer) FilterExitFinalized(opts *bind.FilterOpts, utxoPos []*big.Int, owner []common.Address) (*PlasmaFrameworkExitFinalizedIterator, error) {

	var utxoPosRule []interface{}
	for _, utxoPosItem := range utxoPos {
		utxoPosRule = append(utxoPosRule, utxoPosItem)
	}
	var ownerRule []interface{}
	for _, ownerItem := range owner {
		ownerRule = append(ownerRule, ownerItem)
	}

	logs, sub, err := _PlasmaFramework.contract.FilterLogs(opts, "ExitFinalized", utxoPosRule, ownerRule)
	if err != nil {
		return nil, err
	}
	return &PlasmaFrameworkExitFinalizedIterator{contract: _PlasmaFramework.contract, event: "ExitFinalized", logs: logs, sub: sub}, nil
}

// WatchExitFinalized is a free log subscription operation binding the contract event 0xf1abb9934443e1e9a886d37d7d3ef064965ea488c217fb6defc2e1d94b68f8ce.
//
// Solidity: event ExitFinalized(uint256 indexed utxoPos, address indexed owner, uint256 amount)
func (_PlasmaFramework *PlasmaFrameworkFilterer) WatchExitFinalized(opts *bind.WatchOpts, sink chan<- *PlasmaFrameworkExitFinalized, utxoPos []*big.Int, owner []common.Address) (event.Subscription, error) {

	var utxoPosRule []interface{}
	for _, utxoPosItem := range utxoPos {
		utxoPosRule = append(utxoPosRule, utxoPosItem)
	}
	var ownerRule []interface{}
	for _, ownerItem := range owner {
		ownerRule = append(ownerRule, ownerItem)
	}

	logs, sub, err := _PlasmaFramework.contract.WatchLogs(opts, "ExitFinalized", utxoPosRule, ownerRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(PlasmaFrameworkExitFinalized)
				if err := _PlasmaFramework.contract.UnpackLog(event, "ExitFinalized", log); err != nil {
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

// ParseExitFinalized is a log parse operation binding the contract event 0xf1abb9934443e1e9a886d37d7d3ef064965ea488c217fb6defc2e1d94b68f8ce.
//
// Solidity: event ExitFinalized(uint256 indexed utxoPos, address indexed owner, uint256 amount)
func (_PlasmaFramework *PlasmaFrameworkFilterer) ParseExitFinalized(log types.Log) (*PlasmaFrameworkExitFinalized, error) {
	event := new(PlasmaFrameworkExitFinalized)
	if err := _PlasmaFramework.contract.UnpackLog(event, "ExitFinalized", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// PlasmaFrameworkExitStartedIterator is returned from FilterExitStarted and is used to iterate over the raw logs and unpacked data for ExitStarted events raised by the PlasmaFramework contract.
type PlasmaFrameworkExitStartedIterator struct {
	Event *PlasmaFrameworkExitStarted // Event containing the contract specifics and raw log

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
func (it *PlasmaFrameworkExitStartedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(PlasmaFrameworkExitStarted)
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
		it.Event = new(PlasmaFrameworkExitStarted)
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
func (it *PlasmaFrameworkExitStartedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *PlasmaFrameworkExitStartedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// PlasmaFrameworkExitStarted represents a ExitStarted event raised by the PlasmaFramework contract.
type PlasmaFrameworkExitStarted struct {
	UtxoPos  *big.Int
	Owner    common.Address
	Amount   *big.Int
	Deadline uint64
	Raw      types.Log // Blockchain specific contextual infos
}

// FilterExitStarted is a free log retrieval operation binding the contract event 0xfb7d23a1f1b1f7389ecbc247bad7863f518dc0564382dde8004a2dc9a6854794.
//
// Solidity: event ExitStarted(uint256 indexed utxoPos, address indexed owner, uint256 amount, uint64 deadline)
func (_PlasmaFramework *PlasmaFrameworkFilterer) FilterExitStarted(opts *bind.FilterOpts, utxoPos []*big.Int, owner []common.Address) (*PlasmaFrameworkExitStartedIterator, error) {

	var utxoPosRule []interface{}
	for _, utxoPosItem := range utxoPos {
		utxoPosRule = append(utxoPosRule, utxoPosItem)
	}
	var ownerRule []interface{}
	for _, ownerItem := range owner {
		ownerRule = append(ownerRule, ownerItem)
	}

	logs, sub, err := _PlasmaFramework.contract.FilterLogs(opts, "ExitStarted", utxoPosRule, ownerRule)
	if err != nil {
		return nil, err
	}
	return &PlasmaFrameworkExitStartedIterator{contract: _PlasmaFramework.contract, event: "ExitStarted", logs: logs, sub: sub}, nil
}

// WatchExitStarted is a free log subscription operation binding the contract event 0xfb7d23a1f1b1f7389ecbc247bad7863f518dc0564382dde8004a2dc9a6854794.
//
// Solidity: event ExitStarted(uint256 indexed utxoPos, address indexed owner, uint256 amount, uint64 deadline)
func (_PlasmaFramework *PlasmaFrameworkFilterer) WatchExitStarted(opts *bind.WatchOpts, sink chan<- *PlasmaFrameworkExitStarted, utxoPos []*big.Int, owner []common.Address) (event.Subscription, error) {

	var utxoPosRule []interface{}
	for _, utxoPosItem := range utxoPos {
		utxoPosRule = append(utxoPosRule, utxoPosItem)
	}
	var ownerRule []interface{}
	for _, ownerItem := range owner {
		ownerRule = append(ownerRule, ownerItem)
	}

	logs, sub, err := _PlasmaFramework.contract.WatchLogs(opts, "ExitStarted", utxoPosRule, ownerRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(PlasmaFrameworkExitStarted)
				if err := _PlasmaFramework.contract.UnpackLog(event, "ExitStarted", log); err != nil {
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

// ParseExitStarted is a log parse operation binding the contract event 0xfb7d23a1f1b1f7389ecbc247bad7863f518dc0564382dde8004a2dc9a6854794.
//
// Solidity: event ExitStarted(uint256 indexed utxoPos, address indexed owner, uint256 amount, uint64 deadline)
func (_PlasmaFramework *PlasmaFrameworkFilterer) ParseExitStarted(log types.Log) (*PlasmaFrameworkExitStarted, error) {
	event := new(PlasmaFrameworkExitStarted)
	if err := _PlasmaFramework.contract.UnpackLog(event, "ExitStarted", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// PlasmaFrameworkWithdrawnIterator is returned from FilterWithdrawn and is used to iterate over the raw logs and unpacked data for Withdrawn events raised by the PlasmaFramework contract.
type PlasmaFrameworkWithdrawnIterator struct {
	Event *PlasmaFrameworkWithdrawn // Event containing the contract specifics and raw log

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
func (it *PlasmaFrameworkWithdrawnIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(PlasmaFrameworkWithdrawn)
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
		it.Event = new(PlasmaFrameworkWithdrawn)
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
func (it *PlasmaFrameworkWithdrawnIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *PlasmaFrameworkWithdrawnIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// PlasmaFrameworkWithdrawn represents a Withdrawn event raised by the PlasmaFramework contract.
type PlasmaFrameworkWithdrawn struct {
	To     common.Address
	Amount *big.Int
	Raw    types.Log // Blockchain specific contextual infos
}

// FilterWithdrawn is a free log retrieval operation binding the contract event 0x7084f5476618d8e60b11ef0d7d3f06914655adb8793e28ff7f018d4c76d505d5.
//
// Solidity: event Withdrawn(address indexed to, uint256 amount)
func (_PlasmaFramework *PlasmaFrameworkFilterer) FilterWithdrawn(opts *bind.FilterOpts, to []common.Address) (*PlasmaFrameworkWithdrawnIterator, error) {

	var toRule []interface{}
	for _, toItem := range to {
		toRule = append(toRule, toItem)
	}

	logs, sub, err := _PlasmaFramework.contract.FilterLogs(opts, "Withdrawn", toRule)
	if err != nil {
		return nil, err
	}
	return &PlasmaFrameworkWithdrawnIterator{contract: _PlasmaFramework.contract, event: "Withdrawn", logs: logs, sub: sub}, nil
}

// WatchWithdrawn is a free log subscription operation binding the contract event 0x7084f5476618d8e60b11ef0d7d3f06914655adb8793e28ff7f018d4c76d505d5.
//
// Solidity: event Withdrawn(address indexed to, uint256 amount)
func (_PlasmaFramework *PlasmaFrameworkFilterer) WatchWithdrawn(opts *bind.WatchOpts, sink chan<- *PlasmaFrameworkWithdrawn, to []common.Address) (event.Subscription, error) {

	var toRule []interface{}
	for _, toItem := range to {
		toRule = append(toRule, toItem)
	}

	logs, sub, err := _PlasmaFramework.contract.WatchLogs(opts, "Withdrawn", toRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(PlasmaFrameworkWithdrawn)
				if err := _PlasmaFramework.contract.UnpackLog(event, "Withdrawn", log); err != nil {
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
func (_PlasmaFramework *PlasmaFrameworkFilterer) ParseWithdrawn(log types.Log) (*PlasmaFrameworkWithdrawn, error) {
	event := new(PlasmaFrameworkWithdrawn)
	if err := _PlasmaFramework.contract.UnpackLog(event, "Withdrawn", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}
