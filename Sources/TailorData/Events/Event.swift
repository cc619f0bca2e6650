/// What a recipient did, as the events feed records it.
public enum EventType: String, Sendable, CaseIterable, Equatable {
    case viewed
    case addedToCart = "added_to_cart"
    case purchased
}

/// One behavioural event: who, what, which product, when.
///
/// Recommendations reuse this type: an event names its product by id, and the
/// catalog resolves it.
public struct Event: Sendable, Equatable {
    public var recipientId: String
    public var type: EventType
    public var productId: String
    /// Seconds since 1970-01-01T00:00:00Z.
    public var timestamp: Int
    /// The line of the events file it came from.
    public var line: Int

    public init(recipientId: String, type: EventType, productId: String, timestamp: Int, line: Int = 0) {
        self.recipientId = recipientId
        self.type = type
        self.productId = productId
        self.timestamp = timestamp
        self.line = line
    }
}
