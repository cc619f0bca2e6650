/// One part of a send split over `count` machines: recipient `id` belongs to
/// shard `StableHash.of(id) % count`, so every machine that reads the same
/// profiles agrees on the split without talking to the others.
///
/// ```swift
/// let shard = try Shard(parsing: "2/8")   // the third of eight, 0-based
/// shard.contains("R0000001")
/// ```
///
/// Rows without a recipient id (bad rows) belong to shard 0, so they are
/// reported exactly once.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    /// 0-based index, below `count`.
    public let index: Int
    /// How many shards the send is split into.
    public let count: Int

    /// The whole send as one shard.
    public static let whole = Shard(uncheckedIndex: 0, count: 1)

    /// A shard; throws unless `0 <= index < count`.
    public init(index: Int, count: Int) throws(ShardError) {
        guard count >= 1 else { throw ShardError("the shard count must be at least 1, not \(count)") }
        guard index >= 0, index < count else {
            throw ShardError("shard index \(index) is out of range for \(count) shards (0 to \(count - 1))")
        }
        self.index = index
        self.count = count
    }

    private init(uncheckedIndex: Int, count: Int) {
        self.index = uncheckedIndex
        self.count = count
    }

    /// Parses `I/N` (0-based index, count), as `--shard` takes it.
    public init(parsing text: String) throws(ShardError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw ShardError("'\(text)' is not a shard like 0/4 (0-based index / count)")
        }
        try self.init(index: index, count: count)
    }

    /// Whether the send is split at all.
    public var isWhole: Bool { count == 1 }

    /// The shard a recipient id belongs to.
    public static func index(of id: String, count: Int) -> Int {
        guard count > 1, !id.isEmpty else { return 0 }
        return Int(StableHash.of(id) % UInt64(count))
    }

    /// Whether recipient `id` is this shard's to render.
    public func contains(_ id: String) -> Bool {
        Self.index(of: id, count: count) == index
    }

    /// `2/8`.
    public var description: String { "\(index)/\(count)" }

    /// `shard-2-of-8`: the part of file names that tells shards apart.
    public var fileTag: String { "shard-\(index)-of-\(count)" }
}

/// A shard that cannot be used: the message says why.
public struct ShardError: Error, Sendable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
