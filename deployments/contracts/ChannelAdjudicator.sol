// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title ChannelAdjudicator
/// @notice Reference adjudicator for two-party ETH payment channels, the first L2 kind
/// the watchtower guards.
///
/// A channel is opened with a deposit by party A and joined, once, with a deposit by
/// party B (A may cancel and take its deposit back until B joins); deposits are then
/// fixed, so no one can invalidate co-signed states by topping up.
/// Off chain, both parties co-sign states (channelId, nonce, balanceA, balanceB) with
/// EIP-712. A participant may `close` with any co-signed state; that starts a dispute
/// window of `disputeWindow` blocks. During the window ANYONE may `challenge` with a
/// co-signed state of strictly higher nonce: the contract checks both signatures, so a
/// watchtower can defend a user with the user's latest state without holding the
/// user's keys and without being trusted. After the window, `settle` credits the
/// balances of the highest-nonce state the contract has seen, and each party pulls its
/// funds with `withdraw` (a party that refuses ETH cannot block the other's payout).
contract ChannelAdjudicator {
    enum Status {
        None,
        Opening,
        Open,
        Closing,
        Settled
    }

    struct Channel {
        address partyA;
        address partyB;
        uint256 total;
        uint64 disputeWindow;
        uint64 nonce;
        uint64 deadline;
        Status status;
        uint256 balanceA;
        uint256 balanceB;
    }

    /// @notice A co-signed off-chain state of a channel.
    struct State {
        bytes32 channelId;
        uint64 nonce;
        uint256 balanceA;
        uint256 balanceB;
    }

    bytes32 public constant STATE_TYPEHASH =
        keccak256("State(bytes32 channelId,uint64 nonce,uint256 balanceA,uint256 balanceB)");
    bytes32 private constant DOMAIN_TYPEHASH =
        keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");
    uint256 private constant SECP256K1_HALF_N =
        0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0;

    /// @notice Smallest dispute window, in blocks, a channel may be opened with.
    uint64 public constant MIN_DISPUTE_WINDOW = 2;
    /// @notice Largest dispute window, in blocks (about 12 weeks of 12 s blocks).
    uint64 public constant MAX_DISPUTE_WINDOW = 604_800;

    mapping(bytes32 => Channel) private channels;
    uint256 public channelCount;
    /// @notice Settled funds each address can pull with withdraw().
    mapping(address => uint256) public withdrawable;

    event ChannelOpened(
        bytes32 indexed channelId, address indexed partyA, address indexed partyB, uint256 deposit, uint64 disputeWindow
    );
    event ChannelJoined(bytes32 indexed channelId, address indexed partyB, uint256 deposit, uint256 total);
    event ChannelCancelled(bytes32 indexed channelId, uint256 refund);
    event Withdrawn(address indexed to, uint256 amount);
    event ChannelClosed(
        bytes32 indexed channelId, address indexed closer, uint64 nonce, uint256 balanceA, uint256 balanceB, uint64 deadline
    );
    event ChannelChallenged(
        bytes32 indexed channelId,
        address indexed challenger,
        uint64 nonce,
        uint256 balanceA,
        uint256 balanceB,
        uint64 deadline
    );
    event ChannelSettled(bytes32 indexed channelId, uint64 nonce, uint256 balanceA, uint256 balanceB);

    error InvalidParty();
    error WindowTooShort(uint64 minimum);
    error WindowTooLong(uint64 maximum);
    error UnknownChannel(bytes32 channelId);
    error WrongStatus(bytes32 channelId, Status status);
    error NotParticipant(address caller);
    error BadSignature(address expected);
    error BalanceMismatch(uint256 total, uint256 claimed);
    error StaleNonce(uint64 held, uint64 given);
    error DisputeWindowOver(uint64 deadline);
    error DisputeWindowOpen(uint64 deadline);
    error TransferFailed(address to);

    /// @notice Opens a channel between msg.sender (party A) and partyB with msg.value as A's deposit.
    function open(address partyB, uint64 disputeWindow) external payable returns (bytes32 channelId) {
        if (partyB == address(0) || partyB == msg.sender) revert InvalidParty();
        if (disputeWindow < MIN_DISPUTE_WINDOW) revert WindowTooShort(MIN_DISPUTE_WINDOW);
        if (disputeWindow > MAX_DISPUTE_WINDOW) revert WindowTooLong(MAX_DISPUTE_WINDOW);
        channelId = keccak256(abi.encode(block.chainid, address(this), msg.sender, partyB, channelCount));
        channelCount++;
        Channel storage c = channels[channelId];
        c.partyA = msg.sender;
        c.partyB = partyB;
        c.total = msg.value;
        c.disputeWindow = disputeWindow;
        c.status = Status.Opening;
        emit ChannelOpened(channelId, msg.sender, partyB, msg.value, disputeWindow);
    }

    /// @notice Party B joins with msg.value as its deposit; the channel is then open and
    /// its deposits final.
    function join(bytes32 channelId) external payable {
        Channel storage c = _channel(channelId);
        if (c.status != Status.Opening) revert WrongStatus(channelId, c.status);
        if (msg.sender != c.partyB) revert NotParticipant(msg.sender);
        c.total += msg.value;
        c.status = Status.Open;
        emit ChannelJoined(channelId, msg.sender, msg.value, c.total);
    }

    /// @notice Party A takes its deposit back while B has not joined.
    function cancel(bytes32 channelId) external {
        Channel storage c = _channel(channelId);
        if (c.status != Status.Opening) revert WrongStatus(channelId, c.status);
        if (msg.sender != c.partyA) revert NotParticipant(msg.sender);
        uint256 refund = c.total;
        c.total = 0;
        c.status = Status.Settled;
        withdrawable[c.partyA] += refund;
        emit ChannelCancelled(channelId, refund);
    }

    /// @notice Starts the dispute window with a co-signed state. Only a participant may close.
    function close(State calldata s, bytes calldata sigA, bytes calldata sigB) external {
        Channel storage c = _channel(s.channelId);
        if (c.status != Status.Open) revert WrongStatus(s.channelId, c.status);
        if (msg.sender != c.partyA && msg.sender != c.partyB) revert NotParticipant(msg.sender);
        _checkState(c, s, sigA, sigB);
        c.status = Status.Closing;
        c.nonce = s.nonce;
        c.balanceA = s.balanceA;
        c.balanceB = s.balanceB;
        c.deadline = uint64(block.number) + c.disputeWindow;
        emit ChannelClosed(s.channelId, msg.sender, s.nonce, s.balanceA, s.balanceB, c.deadline);
    }

    /// @notice Replaces the closing state with a co-signed state of strictly higher nonce.
    /// Anyone may call it (a watchtower does) up to and including the deadline block.
    function challenge(State calldata s, bytes calldata sigA, bytes calldata sigB) external {
        Channel storage c = _channel(s.channelId);
        if (c.status != Status.Closing) revert WrongStatus(s.channelId, c.status);
        if (block.number > c.deadline) revert DisputeWindowOver(c.deadline);
        if (s.nonce <= c.nonce) revert StaleNonce(c.nonce, s.nonce);
        _checkState(c, s, sigA, sigB);
        c.nonce = s.nonce;
        c.balanceA = s.balanceA;
        c.balanceB = s.balanceB;
        emit ChannelChallenged(s.channelId, msg.sender, s.nonce, s.balanceA, s.balanceB, c.deadline);
    }

    /// @notice Credits the final balances once the dispute window is over. Anyone may call it.
    function settle(bytes32 channelId) external {
        Channel storage c = _channel(channelId);
        if (c.status != Status.Closing) revert WrongStatus(channelId, c.status);
        if (block.number <= c.deadline) revert DisputeWindowOpen(c.deadline);
        c.status = Status.Settled;
        uint256 a = c.balanceA;
        uint256 b = c.balanceB;
        c.total = 0;
        withdrawable[c.partyA] += a;
        withdrawable[c.partyB] += b;
        emit ChannelSettled(channelId, c.nonce, a, b);
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

    /// @notice Returns a channel's on-chain record.
    function getChannel(bytes32 channelId) external view returns (Channel memory) {
        return channels[channelId];
    }

    /// @notice The EIP-712 digest both parties sign for a state.
    function stateDigest(State calldata s) public view returns (bytes32) {
        bytes32 structHash = keccak256(abi.encode(STATE_TYPEHASH, s.channelId, s.nonce, s.balanceA, s.balanceB));
        return keccak256(abi.encodePacked("\x19\x01", domainSeparator(), structHash));
    }

    /// @notice The EIP-712 domain separator (name "WatchtowerChannel", version "1").
    function domainSeparator() public view returns (bytes32) {
        return keccak256(
            abi.encode(
                DOMAIN_TYPEHASH, keccak256("WatchtowerChannel"), keccak256("1"), block.chainid, address(this)
            )
        );
    }

    function _channel(bytes32 channelId) private view returns (Channel storage c) {
        c = channels[channelId];
        if (c.status == Status.None) revert UnknownChannel(channelId);
    }

    function _checkState(Channel storage c, State calldata s, bytes calldata sigA, bytes calldata sigB) private view {
        if (s.balanceA > c.total || s.balanceB != c.total - s.balanceA) {
            // Report what the state claims without overflowing: balanceA alone when
            // it already exceeds the deposits, else the sum capped at 2^256-1.
            uint256 claimed = s.balanceA;
            if (s.balanceA <= c.total) {
                unchecked {
                    claimed = s.balanceA + s.balanceB;
                }
                if (claimed < s.balanceA) claimed = type(uint256).max;
            }
            revert BalanceMismatch(c.total, claimed);
        }
        bytes32 digest = stateDigest(s);
        if (_recover(digest, sigA) != c.partyA) revert BadSignature(c.partyA);
        if (_recover(digest, sigB) != c.partyB) revert BadSignature(c.partyB);
    }

    function _recover(bytes32 digest, bytes calldata sig) private pure returns (address) {
        if (sig.length != 65) return address(0);
        bytes32 r = bytes32(sig[0:32]);
        bytes32 s = bytes32(sig[32:64]);
        uint8 v = uint8(sig[64]);
        if (v < 27) v += 27;
        if (uint256(s) > SECP256K1_HALF_N) return address(0);
        return ecrecover(digest, v, r, s);
    }
}
