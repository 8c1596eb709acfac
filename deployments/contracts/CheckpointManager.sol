// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title CheckpointManager
/// @notice Reference L1 contract for sidechain checkpoints, the third L2 kind the
/// watchtower guards. See CHECKPOINTS.md next to this file for the full design.
///
/// A sidechain is a separate EVM chain whose blocks are attested by a fixed validator
/// set registered here (by the owner, once per sidechain id) with a quorum `threshold`
/// such that 3 * threshold > 2 * validators (any two quorums share an honest validator
/// as long as fewer than a third equivocate).
///
/// Attestation. A validator attests a sidechain block by signing, with EIP-712 in the
/// domain {name "WatchtowerCheckpoint", version "1", chainId = L1 chain id,
/// verifyingContract = this contract}, the struct
///     Attestation(uint256 sidechainId, uint64 number, bytes32 blockHash)
/// where blockHash is the block's hash on the sidechain, i.e. keccak256 of its RLP header.
/// An attestation therefore cannot be replayed on another L1, another manager or for
/// another sidechain.
///
/// Checkpoints are optimistic: anyone posts (sidechainId, number, blockHash, stateRoot)
/// with a bond of at least `minBond`; it becomes final `challengePeriod` L1 blocks later
/// unless it is cancelled. The contract never trusts a challenger; a checkpoint is
/// cancelled only in two ways, both checked here from data the contract verifies itself:
///
/// 1. `challenge(id, headerRLP, sigs)` — proof of a wrong checkpoint. The contract
///    computes h = keccak256(headerRLP), walks the RLP list (any number of fields, so
///    every post-London header layout works) and reads stateRoot (field 3) and number
///    (field 8); it requires number == checkpoint.number, and signatures of at least
///    `threshold` distinct registered validators on Attestation(sidechainId, number, h)
///    (signatures sorted by strictly increasing signer address, low-s, 65 bytes). If
///    h != checkpoint.blockHash or stateRoot != checkpoint.stateRoot, the quorum has
///    attested a different block (or the same block with a different state) at that
///    height: the checkpoint is cancelled at once and its bond sent to the challenger.
///    Keccak's collision resistance makes the header the one the validators signed, so
///    the decoded state root is the block's real state root.
///
/// 2. `requestProof(id)` then `finalize(id)` — a checkpoint of a block the validators
///    never attested (typically a "future" block the sidechain has not produced). No
///    header can show that a block does not exist, so the burden of proof flips: during
///    the challenge period anyone may request proof; the proposer (or anyone) must then
///    answer within `responseWindow` L1 blocks with `proveCheckpoint(id, headerRLP, sigs)`:
///    a header hashing to checkpoint.blockHash, with checkpoint.number and
///    checkpoint.stateRoot, attested by a quorum. Unanswered, `finalize` cancels the
///    checkpoint and credits its bond to the requester. An honest proposer can always
///    answer (its block is attested) and can pre-empt requests altogether by posting
///    with `submitProvenCheckpoint`, which checks the same proof at submission.
///
/// A proven checkpoint can still be cancelled by (1): two conflicting quorum
/// attestations for one height mean at least a third of the validators equivocated, and
/// the contract then refuses to make either final.
///
/// Payouts: the bond of a checkpoint cancelled by `challenge` is sent to msg.sender in
/// the same transaction; bonds credited by `finalize` (to the proposer or to the proof
/// requester) are pulled with `withdraw`, so a recipient refusing ETH cannot block
/// finalization.
contract CheckpointManager {
    enum Status {
        None,
        Pending,
        Final,
        Cancelled
    }

    struct Sidechain {
        uint64 threshold;
        uint64 validatorCount;
        uint64 challengePeriod;
        uint64 responseWindow;
        uint256 minBond;
    }

    struct Checkpoint {
        uint256 sidechainId;
        address proposer;
        uint64 number;
        /// @dev Last L1 block at which `challenge` and `requestProof` are accepted.
        uint64 deadline;
        Status status;
        bool proven;
        bytes32 blockHash;
        bytes32 stateRoot;
        uint256 bond;
        address requester;
        /// @dev Last L1 block at which a requested proof is accepted (0: none requested).
        uint64 responseDeadline;
    }

    bytes32 public constant ATTESTATION_TYPEHASH =
        keccak256("Attestation(uint256 sidechainId,uint64 number,bytes32 blockHash)");
    bytes32 private constant DOMAIN_TYPEHASH =
        keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");
    uint256 private constant SECP256K1_HALF_N =
        0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0;
    /// @notice Header fields the contract reads: stateRoot and number.
    uint256 private constant FIELD_STATE_ROOT = 3;
    uint256 private constant FIELD_NUMBER = 8;

    address public immutable owner;
    uint256 public checkpointCount;
    mapping(uint256 => Sidechain) private sidechains;
    mapping(uint256 => address[]) private validatorList;
    mapping(uint256 => mapping(address => bool)) public isValidator;
    mapping(uint256 => Checkpoint) private checkpoints;
    /// @notice Highest final checkpoint number per sidechain.
    mapping(uint256 => uint64) public latestFinal;
    mapping(address => uint256) public withdrawable;

    event SidechainRegistered(
        uint256 indexed sidechainId,
        address[] validators,
        uint64 threshold,
        uint64 challengePeriod,
        uint64 responseWindow,
        uint256 minBond
    );
    event CheckpointSubmitted(
        uint256 indexed checkpointId,
        uint256 indexed sidechainId,
        address indexed proposer,
        uint64 number,
        bytes32 blockHash,
        bytes32 stateRoot,
        uint256 bond,
        uint64 deadline
    );
    event CheckpointChallenged(
        uint256 indexed checkpointId, address indexed challenger, bytes32 attestedHash, bytes32 attestedStateRoot
    );
    event ProofRequested(uint256 indexed checkpointId, address indexed requester, uint64 responseDeadline);
    event CheckpointProven(uint256 indexed checkpointId, address indexed prover);
    event CheckpointCancelled(uint256 indexed checkpointId, address indexed beneficiary, uint256 bond);
    event CheckpointFinalized(
        uint256 indexed checkpointId, uint256 indexed sidechainId, uint64 number, bytes32 blockHash, bytes32 stateRoot
    );
    event Withdrawn(address indexed to, uint256 amount);

    error NotOwner();
    error AlreadyRegistered(uint256 sidechainId);
    error UnknownSidechain(uint256 sidechainId);
    error BadValidatorSet();
    error BadThreshold(uint64 threshold, uint64 validators);
    error BadPeriod();
    error BondTooLow(uint256 minimum);
    error UnknownCheckpoint(uint256 checkpointId);
    error NotPending(uint256 checkpointId, Status status);
    error ChallengePeriodOver(uint64 deadline);
    error ChallengePeriodOpen(uint64 deadline);
    error ResponseWindowOver(uint64 responseDeadline);
    error ResponseWindowOpen(uint64 responseDeadline);
    error ProofAlreadyRequested(uint256 checkpointId);
    error AlreadyProven(uint256 checkpointId);
    error BadHeader();
    error NumberMismatch(uint64 checkpoint, uint64 header);
    error NotEnoughSignatures(uint256 given, uint64 threshold);
    error BadSignature(uint256 index);
    error SignersNotSorted(uint256 index);
    error NotValidator(address signer);
    error CheckpointMatches(uint256 checkpointId);
    error ProofMismatch(uint256 checkpointId);
    error TransferFailed(address to);

    constructor() {
        owner = msg.sender;
    }

    // ---- registration ----

    /// @notice Registers a sidechain's validator set; a sidechain id is registered once.
    function registerSidechain(
        uint256 sidechainId,
        address[] calldata validators,
        uint64 threshold,
        uint64 challengePeriod,
        uint64 responseWindow,
        uint256 minBond
    ) external {
        if (msg.sender != owner) revert NotOwner();
        if (sidechains[sidechainId].threshold != 0) revert AlreadyRegistered(sidechainId);
        uint256 n = validators.length;
        if (n == 0 || n > 256) revert BadValidatorSet();
        if (threshold == 0 || threshold > n || 3 * uint256(threshold) <= 2 * n) revert BadThreshold(threshold, uint64(n));
        if (challengePeriod == 0 || responseWindow == 0) revert BadPeriod();
        for (uint256 i = 0; i < n; i++) {
            address v = validators[i];
            if (v == address(0) || isValidator[sidechainId][v]) revert BadValidatorSet();
            isValidator[sidechainId][v] = true;
        }
        validatorList[sidechainId] = validators;
        sidechains[sidechainId] = Sidechain(threshold, uint64(n), challengePeriod, responseWindow, minBond);
        emit SidechainRegistered(sidechainId, validators, threshold, challengePeriod, responseWindow, minBond);
    }

    // ---- proposer ----

    /// @notice Posts an optimistic checkpoint with a bond (msg.value).
    function submitCheckpoint(uint256 sidechainId, uint64 number, bytes32 blockHash, bytes32 stateRoot)
        external
        payable
        returns (uint256 checkpointId)
    {
        return _submit(sidechainId, number, blockHash, stateRoot);
    }

    /// @notice Posts a checkpoint derived from a quorum-attested header: it is proven at
    /// once, so `requestProof` cannot be used against it.
    function submitProvenCheckpoint(uint256 sidechainId, bytes calldata headerRLP, bytes[] calldata sigs)
        external
        payable
        returns (uint256 checkpointId)
    {
        bytes32 h = keccak256(headerRLP);
        (bytes32 root, uint64 number) = decodeHeader(headerRLP);
        checkQuorum(sidechainId, number, h, sigs);
        checkpointId = _submit(sidechainId, number, h, root);
        checkpoints[checkpointId].proven = true;
        emit CheckpointProven(checkpointId, msg.sender);
    }

    function _submit(uint256 sidechainId, uint64 number, bytes32 blockHash, bytes32 stateRoot)
        private
        returns (uint256 id)
    {
        Sidechain storage sc = _sidechain(sidechainId);
        if (msg.value < sc.minBond) revert BondTooLow(sc.minBond);
        id = ++checkpointCount;
        uint64 deadline = uint64(block.number) + sc.challengePeriod;
        Checkpoint storage c = checkpoints[id];
        c.sidechainId = sidechainId;
        c.proposer = msg.sender;
        c.number = number;
        c.deadline = deadline;
        c.status = Status.Pending;
        c.blockHash = blockHash;
        c.stateRoot = stateRoot;
        c.bond = msg.value;
        emit CheckpointSubmitted(id, sidechainId, msg.sender, number, blockHash, stateRoot, msg.value, deadline);
    }

    // ---- challenges ----

    /// @notice Cancels a checkpoint contradicted by a quorum-attested header at its
    /// height, and sends its bond to msg.sender.
    function challenge(uint256 checkpointId, bytes calldata headerRLP, bytes[] calldata sigs) external {
        Checkpoint storage c = _pending(checkpointId);
        if (block.number > c.deadline) revert ChallengePeriodOver(c.deadline);
        bytes32 h = keccak256(headerRLP);
        (bytes32 root, uint64 number) = decodeHeader(headerRLP);
        if (number != c.number) revert NumberMismatch(c.number, number);
        checkQuorum(c.sidechainId, number, h, sigs);
        if (h == c.blockHash && root == c.stateRoot) revert CheckpointMatches(checkpointId);
        c.status = Status.Cancelled;
        uint256 bond = c.bond;
        c.bond = 0;
        emit CheckpointChallenged(checkpointId, msg.sender, h, root);
        emit CheckpointCancelled(checkpointId, msg.sender, bond);
        if (bond > 0) {
            (bool ok,) = msg.sender.call{value: bond}("");
            if (!ok) revert TransferFailed(msg.sender);
        }
    }

    /// @notice Asks for the quorum proof of a checkpoint; unanswered within the response
    /// window, `finalize` cancels the checkpoint and credits its bond to msg.sender.
    function requestProof(uint256 checkpointId) external {
        Checkpoint storage c = _pending(checkpointId);
        if (block.number > c.deadline) revert ChallengePeriodOver(c.deadline);
        if (c.proven) revert AlreadyProven(checkpointId);
        if (c.requester != address(0)) revert ProofAlreadyRequested(checkpointId);
        c.requester = msg.sender;
        c.responseDeadline = uint64(block.number) + sidechains[c.sidechainId].responseWindow;
        emit ProofRequested(checkpointId, msg.sender, c.responseDeadline);
    }

    /// @notice Proves a checkpoint with its quorum-attested header.
    function proveCheckpoint(uint256 checkpointId, bytes calldata headerRLP, bytes[] calldata sigs) external {
        Checkpoint storage c = _pending(checkpointId);
        if (c.proven) revert AlreadyProven(checkpointId);
        if (c.requester != address(0) && block.number > c.responseDeadline) {
            revert ResponseWindowOver(c.responseDeadline);
        }
        bytes32 h = keccak256(headerRLP);
        if (h != c.blockHash) revert ProofMismatch(checkpointId);
        (bytes32 root, uint64 number) = decodeHeader(headerRLP);
        if (number != c.number) revert NumberMismatch(c.number, number);
        if (root != c.stateRoot) revert ProofMismatch(checkpointId);
        checkQuorum(c.sidechainId, number, h, sigs);
        c.proven = true;
        emit CheckpointProven(checkpointId, msg.sender);
    }

    /// @notice Ends a checkpoint: cancelled (bond to the requester) if a proof was
    /// requested and not given in time, otherwise final after the challenge period (bond
    /// back to the proposer).
    function finalize(uint256 checkpointId) external {
        Checkpoint storage c = _pending(checkpointId);
        uint256 bond = c.bond;
        if (c.requester != address(0) && !c.proven) {
            if (block.number <= c.responseDeadline) revert ResponseWindowOpen(c.responseDeadline);
            c.status = Status.Cancelled;
            c.bond = 0;
            withdrawable[c.requester] += bond;
            emit CheckpointCancelled(checkpointId, c.requester, bond);
            return;
        }
        if (block.number <= c.deadline) revert ChallengePeriodOpen(c.deadline);
        c.status = Status.Final;
        c.bond = 0;
        withdrawable[c.proposer] += bond;
        if (c.number > latestFinal[c.sidechainId]) latestFinal[c.sidechainId] = c.number;
        emit CheckpointFinalized(checkpointId, c.sidechainId, c.number, c.blockHash, c.stateRoot);
    }

    /// @notice Pays msg.sender everything credited to it.
    function withdraw() external {
        uint256 amount = withdrawable[msg.sender];
        withdrawable[msg.sender] = 0;
        emit Withdrawn(msg.sender, amount);
        if (amount > 0) {
            (bool ok,) = msg.sender.call{value: amount}("");
            if (!ok) revert TransferFailed(msg.sender);
        }
    }

    // ---- views ----

    function getCheckpoint(uint256 checkpointId) external view returns (Checkpoint memory) {
        return checkpoints[checkpointId];
    }

    function getSidechain(uint256 sidechainId) external view returns (Sidechain memory) {
        return sidechains[sidechainId];
    }

    function getValidators(uint256 sidechainId) external view returns (address[] memory) {
        return validatorList[sidechainId];
    }

    /// @notice The EIP-712 domain separator (name "WatchtowerCheckpoint", version "1").
    function domainSeparator() public view returns (bytes32) {
        return keccak256(
            abi.encode(DOMAIN_TYPEHASH, keccak256("WatchtowerCheckpoint"), keccak256("1"), block.chainid, address(this))
        );
    }

    /// @notice The EIP-712 digest validators sign to attest a sidechain block.
    function attestationDigest(uint256 sidechainId, uint64 number, bytes32 blockHash) public view returns (bytes32) {
        bytes32 structHash = keccak256(abi.encode(ATTESTATION_TYPEHASH, sidechainId, number, blockHash));
        return keccak256(abi.encodePacked("\x19\x01", domainSeparator(), structHash));
    }

    /// @notice Reverts unless sigs hold a quorum of distinct registered validators'
    /// attestations of (sidechainId, number, blockHash), sorted by signer address.
    function checkQuorum(uint256 sidechainId, uint64 number, bytes32 blockHash, bytes[] calldata sigs)
        public
        view
    {
        Sidechain storage sc = _sidechain(sidechainId);
        if (sigs.length < sc.threshold) revert NotEnoughSignatures(sigs.length, sc.threshold);
        bytes32 digest = attestationDigest(sidechainId, number, blockHash);
        address last;
        for (uint256 i = 0; i < sigs.length; i++) {
            address signer = _recover(digest, sigs[i]);
            if (signer == address(0)) revert BadSignature(i);
            if (signer <= last) revert SignersNotSorted(i);
            if (!isValidator[sidechainId][signer]) revert NotValidator(signer);
            last = signer;
        }
    }

    /// @notice Decodes an RLP-encoded block header: the whole input must be one
    /// canonical-length RLP list of at least 9 items; returns item 3 (stateRoot, 32
    /// bytes) and item 8 (number, at most 8 bytes, no leading zero).
    function decodeHeader(bytes calldata rlp) public pure returns (bytes32 stateRoot, uint64 number) {
        (uint256 off, uint256 len, bool isList) = _item(rlp, 0, rlp.length);
        if (!isList || off + len != rlp.length) revert BadHeader();
        uint256 end = rlp.length;
        uint256 index;
        bool haveRoot;
        bool haveNumber;
        while (off < end) {
            (uint256 dOff, uint256 dLen, bool list) = _item(rlp, off, end);
            if (index == FIELD_STATE_ROOT) {
                if (list || dLen != 32) revert BadHeader();
                stateRoot = bytes32(rlp[dOff:dOff + 32]);
                haveRoot = true;
            } else if (index == FIELD_NUMBER) {
                if (list || dLen > 8 || (dLen > 0 && rlp[dOff] == 0)) revert BadHeader();
                number = uint64(_be(rlp, dOff, dLen));
                haveNumber = true;
            }
            off = dOff + dLen;
            index++;
        }
        if (!haveRoot || !haveNumber) revert BadHeader();
    }

    // ---- internals ----

    /// @dev Reads the RLP item starting at off; the item must end at or before end.
    function _item(bytes calldata b, uint256 off, uint256 end)
        private
        pure
        returns (uint256 dataOff, uint256 dataLen, bool list)
    {
        if (off >= end) revert BadHeader();
        uint8 p = uint8(b[off]);
        if (p < 0x80) {
            return (off, 1, false);
        } else if (p <= 0xb7) {
            dataOff = off + 1;
            dataLen = p - 0x80;
            // A single byte below 0x80 must be encoded as itself.
            if (dataLen == 1 && (dataOff >= end || uint8(b[dataOff]) < 0x80)) revert BadHeader();
        } else if (p < 0xc0) {
            (dataOff, dataLen) = _long(b, off, p - 0xb7, end);
        } else if (p <= 0xf7) {
            dataOff = off + 1;
            dataLen = p - 0xc0;
            list = true;
        } else {
            (dataOff, dataLen) = _long(b, off, p - 0xf7, end);
            list = true;
        }
        if (dataOff > end || dataLen > end - dataOff) revert BadHeader();
    }

    function _long(bytes calldata b, uint256 off, uint256 lenOfLen, uint256 end)
        private
        pure
        returns (uint256 dataOff, uint256 dataLen)
    {
        if (lenOfLen > 8 || off + 1 + lenOfLen > end || uint8(b[off + 1]) == 0) revert BadHeader();
        dataLen = _be(b, off + 1, lenOfLen);
        if (dataLen <= 55) revert BadHeader();
        dataOff = off + 1 + lenOfLen;
    }

    function _be(bytes calldata b, uint256 off, uint256 len) private pure returns (uint256 v) {
        for (uint256 i = 0; i < len; i++) {
            v = (v << 8) | uint8(b[off + i]);
        }
    }

    function _sidechain(uint256 sidechainId) private view returns (Sidechain storage sc) {
        sc = sidechains[sidechainId];
        if (sc.threshold == 0) revert UnknownSidechain(sidechainId);
    }

    function _pending(uint256 checkpointId) private view returns (Checkpoint storage c) {
        c = checkpoints[checkpointId];
        if (c.status == Status.None) revert UnknownCheckpoint(checkpointId);
        if (c.status != Status.Pending) revert NotPending(checkpointId, c.status);
    }

    function _recover(bytes32 digest, bytes calldata sig) private pure returns (address) {
        if (sig.length != 65) return address(0);
        bytes32 r = bytes32(sig[0:32]);
        bytes32 s = bytes32(sig[32:64]);
        uint8 v = uint8(sig[64]);
        if (v < 27) v += 27;
        if (v != 27 && v != 28) return address(0);
        if (uint256(s) > SECP256K1_HALF_N) return address(0);
        return ecrecover(digest, v, r, s);
    }
}
