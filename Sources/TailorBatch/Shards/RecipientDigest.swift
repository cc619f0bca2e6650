/// A fingerprint of a multiset of recipient ids that does not depend on their
/// order: how many, and two wrapping sums of independent 64-bit hashes of each.
/// Two digests are equal when the same ids occur the same number of times
/// (up to a hash collision on both sums at once), so shards can be checked
/// against the input without keeping any id in memory.
///
/// ```swift
/// var input = RecipientDigest()
/// for id in ["a", "b"] { input.add(id) }
/// var shard0 = RecipientDigest(), shard1 = RecipientDigest()
/// shard0.add("b"); shard1.add("a")
/// shard0.combined(with: shard1) == input   // true
/// ```
public struct RecipientDigest: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// Ids added.
    public private(set) var count = 0
    /// Sum of ``StableHash`` of each id.
    public private(set) var sum: UInt64 = 0
    /// Sum of a second, independent hash of each id.
    public private(set) var sum2: UInt64 = 0

    /// The digest of no ids.
    public init() {}

    /// A digest from its parts, as a run file stores them.
    public init(count: Int, sum: UInt64, sum2: UInt64) {
        self.count = count
        self.sum = sum
        self.sum2 = sum2
    }

    /// Adds one occurrence of `id`.
    public mutating func add(_ id: String) {
        let h = StableHash.of(id)
        count += 1
        sum &+= h
        sum2 &+= StableHash.mix(h ^ 0x9e37_79b9_7f4a_7c15)
    }

    /// The digest of both multisets together.
    public func combined(with other: RecipientDigest) -> RecipientDigest {
        RecipientDigest(count: count + other.count, sum: sum &+ other.sum, sum2: sum2 &+ other.sum2)
    }

    /// `12 ids, 9f…:03…`.
    public var description: String {
        "\(count) ids, \(String(sum, radix: 16)):\(String(sum2, radix: 16))"
    }
}
