import Foundation

/// The largest messages of a send: the encoded HTML size of every message
/// offered, kept as the few largest recipients and the largest per variant,
/// so a report can say which recipients and which variants come near the
/// clipping limit. Safe to share between rendering threads.
///
/// ```swift
/// let ledger = SizeLedger(keep: 5)
/// ledger.record(recipientID: "R1", variant: recorder.variant, segment: "vip",
///               encodedSize: SizeBudgetCheck.encodedSize(ofHTML: message.html))
/// ledger.largestRecipients   // biggest first
/// ```
public final class SizeLedger: @unchecked Sendable {
    /// One message's size.
    public struct Entry: Sendable, Equatable {
        public var recipientID: String
        public var variant: String
        public var segment: String?
        public var encodedSize: Int
    }

    /// How many of the largest recipients to keep.
    public let keep: Int
    private let lock = NSLock()
    private var top: [Entry] = []
    private var variants: [String: Entry] = [:]
    private var count = 0
    private var total = 0

    public init(keep: Int = 5) {
        self.keep = keep
    }

    /// Notes one message.
    public func record(recipientID: String, variant: String, segment: String?, encodedSize: Int) {
        let entry = Entry(recipientID: recipientID, variant: variant, segment: segment, encodedSize: encodedSize)
        lock.withLock {
            count += 1
            total += encodedSize
            if (variants[variant]?.encodedSize ?? -1) < encodedSize { variants[variant] = entry }
            guard top.count < keep || encodedSize > top[top.count - 1].encodedSize else { return }
            let at = top.firstIndex { $0.encodedSize < encodedSize } ?? top.count
            top.insert(entry, at: at)
            if top.count > keep { top.removeLast() }
        }
    }

    /// The largest messages, biggest first.
    public var largestRecipients: [Entry] { lock.withLock { top } }

    /// The largest message of each variant, biggest first.
    public var largestByVariant: [Entry] {
        lock.withLock { variants.values.sorted { ($0.encodedSize, $1.variant) > ($1.encodedSize, $0.variant) } }
    }

    /// Messages recorded, and their mean encoded size.
    public var summary: (messages: Int, meanSize: Int) {
        lock.withLock { (count, count == 0 ? 0 : total / count) }
    }
}
