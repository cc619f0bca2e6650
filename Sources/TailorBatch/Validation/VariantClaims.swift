import Foundation

/// Which recipient validates each variant under `--validate variant`, shared
/// by the rendering threads.
///
/// The variant's findings must be those of its first recipient in input
/// order, whichever thread gets there first, so that a re-run writes the same
/// bytes. Each variant remembers the earliest recipient that claimed it; a
/// recipient validates unless an earlier one of its variant already has (or
/// is doing so on another thread). A later recipient that happened to claim
/// first validated for nothing: the writer, which goes in input order, takes
/// the earliest one's findings (``ValidationLedger``). So no thread ever waits,
/// and the recipients after the first cost a dictionary lookup under a lock.
final class VariantClaims: @unchecked Sendable {
    private let lock = NSLock()
    private var earliest: [String: InputOrder] = [:]

    /// Whether the recipient at `order` validates its body for `variant`.
    func claim(_ variant: String, at order: InputOrder) -> Bool {
        lock.withLock {
            if let first = earliest[variant], first < order { return false }
            earliest[variant] = order
            return true
        }
    }
}

/// A recipient's place in the input: its chunk, then its place in the chunk.
struct InputOrder: Comparable, Sendable {
    var chunk: Int
    var item: Int

    static func < (a: InputOrder, b: InputOrder) -> Bool {
        (a.chunk, a.item) < (b.chunk, b.item)
    }
}
