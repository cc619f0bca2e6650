/// What a streaming join knows about the recipient ids it has been asked for,
/// in order: whether they ascend, and (in a fixed-size Bloom filter) which
/// ones came already.
///
/// When profile ids ascend (an export sorted by key), a row of a side file
/// (events, external assignments) whose recipient sorts before the current
/// profile can never be taken later. If the filter has not seen that id, no
/// profile has it: the row is for an unknown recipient and is counted as such,
/// and the stream goes on in constant memory. If the filter may have seen it,
/// the side file is out of order and the join must fall back to an index.
///
/// The filter is 4 MiB whatever the number of recipients; a false positive
/// only ever causes that fallback, never a wrong answer.
public struct ProfileOrder: Sendable {
    private var words: [UInt64] = []
    public private(set) var last: String?
    public private(set) var ascending = true

    static let bitCount = 1 << 25

    public init() {}

    /// Notes that the join is now at recipient `id`.
    public mutating func visit(_ id: String) {
        if let last, id <= last { ascending = false }
        last = id
        if words.isEmpty { words = Array(repeating: 0, count: Self.bitCount / 64) }
        for bit in Self.bits(of: id) { words[bit >> 6] |= 1 << UInt64(bit & 63) }
    }

    /// Whether a row for `id` can no longer be taken by a later profile.
    public func isBehind(_ id: String) -> Bool {
        guard ascending, let last else { return false }
        return id < last
    }

    /// Whether recipient `id` may have been visited (false means certainly not).
    public func mayHaveVisited(_ id: String) -> Bool {
        guard !words.isEmpty else { return false }
        return Self.bits(of: id).allSatisfy { words[$0 >> 6] & (1 << UInt64($0 & 63)) != 0 }
    }

    /// What to make of a row for `id` left over at the end, or passed by.
    public enum Verdict: Sendable, Equatable {
        /// No profile has this id.
        case unknownRecipient
        /// A profile may have it, earlier: the side file is not in profile order.
        case outOfOrder
    }

    /// The verdict on a row for `id` that the join could not use (at the end, or behind).
    public func verdict(on id: String) -> Verdict {
        guard ascending, last != nil else { return .outOfOrder }
        if let last, id > last { return .unknownRecipient }
        return mayHaveVisited(id) ? .outOfOrder : .unknownRecipient
    }

    /// Four bit positions by double hashing two FNV-1a hashes (deterministic across runs).
    static func bits(of id: String) -> [Int] {
        var h1: UInt64 = 0xcbf2_9ce4_8422_2325
        var h2: UInt64 = 0x84222325_cbf29ce4
        for byte in id.utf8 {
            h1 = (h1 ^ UInt64(byte)) &* 0x100_0000_01b3
            h2 = (h2 ^ UInt64(byte)) &* 0x100_0000_01b3 &+ 0x9e37_79b9
        }
        let mask = UInt64(bitCount - 1)
        return (0..<4).map { Int((h1 &+ UInt64($0) &* (h2 | 1)) & mask) }
    }
}
