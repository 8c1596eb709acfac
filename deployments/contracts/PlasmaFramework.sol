// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title PlasmaFramework
/// @notice Reference Plasma chain in the style of Plasma MVP (UTXO model), the second
/// L2 kind the watchtower guards.
///
/// Encoding (mirrored by proofs/plasmatx and proofs/merkle in Go):
/// - utxo position = blknum * 1e9 + txindex * 1e4 + oindex (oindex 0 or 1).
/// - a transaction is abi.encode(uint256[2] inputs, Output[2] outputs), exactly 192 bytes;
///   an input of 0 is empty, an output with amount 0 does not exist.
/// - a transaction is signed by the owner of each input over the EIP-191 personal
///   message of keccak256(txBytes): keccak256("\x19Ethereum Signed Message:\n32", keccak256(txBytes)).
///   Signatures are 65 bytes r || s || v with v in {27, 28} and s in the lower half order.
/// - a child block is a fixed-depth-16 keccak Merkle tree of leaves keccak256(txBytes) at
///   index txindex; empty leaves are zero; a node is keccak256(left || right).
/// - child blocks are numbered 1000, 2000, ...; deposits take the numbers in between
///   (nextChildBlock - 1000 + k) and are a block holding the one deposit transaction
///   (no inputs, output 0 = (depositor, value)) at index 0.
///
/// `startExit` of an output needs its transaction, the inclusion proof against the
/// submitted root and the bond; the exit can be processed `exitPeriod` blocks later.
/// Until then ANYONE may `challengeExit` with a transaction that spends the output,
/// signed by the output's owner: the exit is cancelled and its bond paid to the challenger.
/// Exits are processed oldest output first (lowest utxo position).
contract PlasmaFramework {
    uint256 public constant CHILD_BLOCK_INTERVAL = 1000;
    uint256 public constant BLOCK_OFFSET = 1_000_000_000;
    uint256 public constant TX_OFFSET = 10_000;
    uint256 public constant TREE_DEPTH = 16;
    uint256 public constant TX_LENGTH = 192;
    uint256 private constant SECP256K1_HALF_N =
        0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0;

    struct Output {
        address owner;
        uint256 amount;
    }

    struct ChildBlock {
        bytes32 root;
        uint64 submittedAt; // L1 block number
    }

    enum ExitStatus {
        None,
        Started,
        Challenged,
        Finalized
    }

    struct Exit {
        address owner;
        uint256 amount;
        uint64 deadline; // last L1 block at which the exit can be challenged
        ExitStatus status;
    }

    address public immutable operator;
    uint64 public immutable exitPeriod;
    uint256 public immutable exitBond;

    uint256 public nextChildBlock = CHILD_BLOCK_INTERVAL;
    uint256 public nextDepositBlock = 1;
    mapping(uint256 => ChildBlock) public blocks;
    mapping(uint256 => Exit) private exits;
    /// @notice Funds of processed exits, pulled with withdraw().
    mapping(address => uint256) public withdrawable;
    uint256[] private queue; // min-heap of utxo positions

    event BlockSubmitted(uint256 indexed blknum, bytes32 root);
    event DepositCreated(address indexed owner, uint256 indexed blknum, uint256 amount);
    event ExitStarted(uint256 indexed utxoPos, address indexed owner, uint256 amount, uint64 deadline);
    event ExitChallenged(uint256 indexed utxoPos, address indexed challenger, bytes32 spendingTxHash);
    event ExitFinalized(uint256 indexed utxoPos, address indexed owner, uint256 amount);
    event Withdrawn(address indexed to, uint256 amount);

    error NotOperator();
    error ZeroDeposit();
    error TooManyDeposits();
    error UnknownBlock(uint256 blknum);
    error BadPosition(uint256 utxoPos);
    error BadTxLength(uint256 length);
    error BadProof();
    error NotOutputOwner(address owner);
    error EmptyOutput();
    error WrongBond(uint256 required);
    error ExitAlreadyStarted(uint256 utxoPos);
    error UnknownExit(uint256 utxoPos);
    error ExitAlreadyChallenged(uint256 utxoPos);
    error ExitAlreadyFinalized(uint256 utxoPos);
    error ExitPeriodOver(uint64 deadline);
    error NotSpendingTx(uint256 utxoPos);
    error BadSignature(address expected);
    error NothingToWithdraw();
    error TransferFailed();

    constructor(address operator_, uint64 exitPeriod_, uint256 exitBond_) {
        operator = operator_;
        exitPeriod = exitPeriod_;
        exitBond = exitBond_;
    }

    /// @notice The operator commits the Merkle root of the next child block.
    function submitBlock(bytes32 root) external {
        if (msg.sender != operator) revert NotOperator();
        uint256 blknum = nextChildBlock;
        blocks[blknum] = ChildBlock(root, uint64(block.number));
        nextChildBlock = blknum + CHILD_BLOCK_INTERVAL;
        nextDepositBlock = 1;
        emit BlockSubmitted(blknum, root);
    }

    /// @notice Deposits msg.value as a new output owned by msg.sender, in its own deposit block.
    function deposit() external payable {
        if (msg.value == 0) revert ZeroDeposit();
        if (nextDepositBlock >= CHILD_BLOCK_INTERVAL) revert TooManyDeposits();
        uint256 blknum = nextChildBlock - CHILD_BLOCK_INTERVAL + nextDepositBlock;
        nextDepositBlock++;
        uint256[2] memory inputs;
        Output[2] memory outputs;
        outputs[0] = Output(msg.sender, msg.value);
        bytes32 node = keccak256(abi.encode(inputs, outputs));
        bytes32 zero;
        for (uint256 i = 0; i < TREE_DEPTH; i++) {
            node = keccak256(abi.encodePacked(node, zero));
            zero = keccak256(abi.encodePacked(zero, zero));
        }
        blocks[blknum] = ChildBlock(node, uint64(block.number));
        emit DepositCreated(msg.sender, blknum, msg.value);
    }

    /// @notice Starts the exit of the output at utxoPos, owned by msg.sender.
    /// @param txBytes the transaction creating the output
    /// @param proof the 16 sibling hashes (512 bytes) from the leaf up to the root
    function startExit(uint256 utxoPos, bytes calldata txBytes, bytes calldata proof) external payable {
        uint256 blknum = utxoPos / BLOCK_OFFSET;
        uint256 txindex = (utxoPos % BLOCK_OFFSET) / TX_OFFSET;
        uint256 oindex = utxoPos % TX_OFFSET;
        if (oindex > 1 || txindex >= (1 << TREE_DEPTH)) revert BadPosition(utxoPos);
        bytes32 root = blocks[blknum].root;
        if (root == bytes32(0)) revert UnknownBlock(blknum);
        (, Output[2] memory outputs) = _decode(txBytes);
        Output memory out = outputs[oindex];
        if (out.amount == 0) revert EmptyOutput();
        if (out.owner != msg.sender) revert NotOutputOwner(out.owner);
        if (!checkMembership(keccak256(txBytes), txindex, root, proof)) revert BadProof();
        if (msg.value != exitBond) revert WrongBond(exitBond);
        if (exits[utxoPos].status != ExitStatus.None) revert ExitAlreadyStarted(utxoPos);
        uint64 deadline = uint64(block.number) + exitPeriod;
        exits[utxoPos] = Exit(out.owner, out.amount, deadline, ExitStatus.Started);
        _push(utxoPos);
        emit ExitStarted(utxoPos, out.owner, out.amount, deadline);
    }

    /// @notice Cancels the exit of utxoPos with a transaction that spends it, signed by
    /// the exiting owner; the bond goes to the challenger.
    function challengeExit(uint256 utxoPos, bytes calldata spendingTx, uint8 inputIndex, bytes calldata sig) external {
        Exit storage e = exits[utxoPos];
        if (e.status == ExitStatus.None) revert UnknownExit(utxoPos);
        if (e.status == ExitStatus.Challenged) revert ExitAlreadyChallenged(utxoPos);
        if (e.status == ExitStatus.Finalized) revert ExitAlreadyFinalized(utxoPos);
        if (block.number > e.deadline) revert ExitPeriodOver(e.deadline);
        (uint256[2] memory inputs,) = _decode(spendingTx);
        if (inputIndex > 1 || inputs[inputIndex] != utxoPos) revert NotSpendingTx(utxoPos);
        bytes32 txHash = keccak256(spendingTx);
        if (_recover(txHash, sig) != e.owner) revert BadSignature(e.owner);
        e.status = ExitStatus.Challenged;
        emit ExitChallenged(utxoPos, msg.sender, txHash);
        (bool ok,) = msg.sender.call{value: exitBond}("");
        if (!ok) revert TransferFailed();
    }

    /// @notice Processes up to max exits whose period is over, lowest utxo position
    /// first; stops at the first exit still in its period.
    function processExits(uint256 max) external returns (uint256 processed) {
        while (queue.length > 0 && processed < max) {
            uint256 pos = queue[0];
            Exit storage e = exits[pos];
            if (e.status == ExitStatus.Started && block.number <= e.deadline) break;
            _pop();
            if (e.status != ExitStatus.Started) continue; // challenged
            e.status = ExitStatus.Finalized;
            withdrawable[e.owner] += e.amount + exitBond;
            processed++;
            emit ExitFinalized(pos, e.owner, e.amount);
        }
    }

    /// @notice Pays out the caller's processed exits.
    function withdraw() external {
        uint256 amount = withdrawable[msg.sender];
        if (amount == 0) revert NothingToWithdraw();
        withdrawable[msg.sender] = 0;
        emit Withdrawn(msg.sender, amount);
        (bool ok,) = msg.sender.call{value: amount}("");
        if (!ok) revert TransferFailed();
    }

    function getExit(uint256 utxoPos) external view returns (Exit memory) {
        return exits[utxoPos];
    }

    function exitQueueLength() external view returns (uint256) {
        return queue.length;
    }

    /// @notice Whether leaf sits at index in the depth-16 tree with root.
    function checkMembership(bytes32 leaf, uint256 index, bytes32 root, bytes calldata proof)
        public
        pure
        returns (bool)
    {
        if (proof.length != TREE_DEPTH * 32 || index >= (1 << TREE_DEPTH)) return false;
        bytes32 node = leaf;
        for (uint256 i = 0; i < TREE_DEPTH; i++) {
            bytes32 sibling = bytes32(proof[i * 32:(i + 1) * 32]);
            if (index & 1 == 0) {
                node = keccak256(abi.encodePacked(node, sibling));
            } else {
                node = keccak256(abi.encodePacked(sibling, node));
            }
            index >>= 1;
        }
        return node == root;
    }

    /// @notice Decodes a transaction (exactly TX_LENGTH bytes, canonical ABI encoding).
    function decodeTx(bytes calldata txBytes) external pure returns (uint256[2] memory, Output[2] memory) {
        return _decode(txBytes);
    }

    function _decode(bytes calldata txBytes) internal pure returns (uint256[2] memory inputs, Output[2] memory outputs) {
        if (txBytes.length != TX_LENGTH) revert BadTxLength(txBytes.length);
        (inputs, outputs) = abi.decode(txBytes, (uint256[2], Output[2]));
    }

    function _recover(bytes32 txHash, bytes calldata sig) internal pure returns (address) {
        if (sig.length != 65) return address(0);
        bytes32 digest = keccak256(abi.encodePacked("\x19Ethereum Signed Message:\n32", txHash));
        bytes32 r = bytes32(sig[0:32]);
        bytes32 s = bytes32(sig[32:64]);
        uint8 v = uint8(sig[64]);
        if (uint256(s) > SECP256K1_HALF_N || (v != 27 && v != 28)) return address(0);
        return ecrecover(digest, v, r, s);
    }

    function _push(uint256 pos) internal {
        queue.push(pos);
        uint256 i = queue.length - 1;
        while (i > 0) {
            uint256 parent = (i - 1) / 2;
            if (queue[parent] <= pos) break;
            queue[i] = queue[parent];
            i = parent;
        }
        queue[i] = pos;
    }

    function _pop() internal {
        uint256 last = queue[queue.length - 1];
        queue.pop();
        uint256 n = queue.length;
        if (n == 0) return;
        uint256 i = 0;
        while (true) {
            uint256 child = 2 * i + 1;
            if (child >= n) break;
            if (child + 1 < n && queue[child + 1] < queue[child]) child++;
            if (queue[child] >= last) break;
            queue[i] = queue[child];
            i = child;
        }
        queue[i] = last;
    }
}
