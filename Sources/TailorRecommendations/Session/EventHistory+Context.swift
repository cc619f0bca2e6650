public import TailorData
public import TailorTemplate

extension EventHistory {
    /// The history back from the `events` list of a render context (dicts of
    /// `type`, `product_id` and `ts`, as ``contextValues`` writes them).
    /// Entries that do not have that shape are left out.
    public init(contextEvents value: Value?) {
        guard let items = value?.arrayValue else {
            self.init([])
            return
        }
        var events: [Event] = []
        events.reserveCapacity(items.count)
        for case .dict(let entry) in items {
            guard let typeName = entry[string: "type"]?.stringValue, let type = EventType(rawValue: typeName),
                let product = entry[string: "product_id"]?.stringValue,
                case .object(let stamp as TimestampValue)? = entry[string: "ts"]
            else { continue }
            events.append(Event(recipientId: "", type: type, productId: product, timestamp: stamp.seconds))
        }
        self.init(events)
    }
}
