/// `viewed`: what the recipient looked at recently and has not bought,
/// latest view first.
public struct ViewedStrategy: Strategy {
    public let name = "viewed"

    public init() {}

    public func propose(for recipient: RecipientSignals, _ offer: (Int32, Reason) -> Bool) {
        for item in recipient.viewed where !offer(item.product, .viewed(at: item.at)) { return }
    }
}
