/// `external`: product ids supplied per recipient from outside, e.g. by a
/// model: a profile column (`recommended_products` unless configured) or a
/// CSV file of recipient ids and product ids (``ExternalRecommendations``),
/// in the order given.
public struct ExternalStrategy: Strategy {
    public let name = "external"

    public init() {}

    public func propose(for recipient: RecipientSignals, _ offer: (Int32, Reason) -> Bool) {
        for (i, p) in recipient.external.enumerated()
        where !offer(p, .external(position: i + 1, source: recipient.externalSource)) {
            return
        }
    }
}
