public import TailorTemplate

/// One recipient's events, oldest first, and what rules and templates derive
/// from them.
///
/// | name | value |
/// |---|---|
/// | `events` | every event: `{type, product_id, ts}` |
/// | `cart` | product ids added to the cart and not purchased since, latest add first |
/// | `viewed` | product ids viewed, latest first, each once |
/// | `purchased` | product ids purchased, latest first, each once |
/// | `last_activity` | the time of the latest event (undefined without events) |
public struct EventHistory: Sendable {
    /// Oldest first; ties keep the file's order.
    public private(set) var events: [Event]

    public init(_ events: [Event]) {
        self.events = events.enumerated().sorted {
            ($0.element.timestamp, $0.offset) < ($1.element.timestamp, $1.offset)
        }.map(\.element)
    }

    public static let empty = EventHistory([])

    /// Cart items: added, and no purchase of the same product at or after the add.
    public var cart: [String] {
        cartAdds.map(\.productId)
    }

    /// The latest add of each product still in the cart, latest first.
    public var cartAdds: [Event] {
        var lastPurchase: [String: Int] = [:]
        for e in events where e.type == .purchased { lastPurchase[e.productId] = e.timestamp }
        var seen = Set<String>()
        var out: [Event] = []
        for e in events.reversed() where e.type == .addedToCart && !seen.contains(e.productId) {
            seen.insert(e.productId)
            if let bought = lastPurchase[e.productId], bought >= e.timestamp { continue }
            out.append(e)
        }
        return out
    }

    public var viewed: [String] { distinctLatestFirst(.viewed) }
    public var purchased: [String] { distinctLatestFirst(.purchased) }

    /// Seconds since the epoch of the latest event.
    public var lastActivity: Int? { events.last?.timestamp }

    /// Cart items added at least `wait` seconds before `now` and at most
    /// `lookback` seconds before it, not purchased since: the abandoned cart.
    public func abandonedCart(now: Int, wait: Int, lookback: Int) -> [String] {
        cartAdds.filter { $0.timestamp <= now - wait && $0.timestamp >= now - lookback }.map(\.productId)
    }

    /// How often each product was viewed at or after `since`.
    public func viewCounts(since: Int) -> [String: Int] {
        var counts: [String: Int] = [:]
        for e in events where e.type == .viewed && e.timestamp >= since { counts[e.productId, default: 0] += 1 }
        return counts
    }

    private func distinctLatestFirst(_ type: EventType) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for e in events.reversed() where e.type == type && seen.insert(e.productId).inserted { out.append(e.productId) }
        return out
    }

    /// The derived values by name, as a template sees them (see the table above).
    public var contextValues: [String: Value] {
        var values: [String: Value] = [
            "events": .list(events.map { e in
                ["type": .string(e.type.rawValue), "product_id": .string(e.productId),
                 "ts": .object(TimestampValue(seconds: e.timestamp))]
            }),
            "cart": .list(cart.map(Value.string)),
            "viewed": .list(viewed.map(Value.string)),
            "purchased": .list(purchased.map(Value.string)),
        ]
        if let last = lastActivity { values["last_activity"] = .object(TimestampValue(seconds: last)) }
        return values
    }

    /// The names ``contextValues`` may define.
    public static let contextNames: Set<String> = ["events", "cart", "viewed", "purchased", "last_activity"]
}
