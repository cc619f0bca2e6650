/// `affinity`: best sellers of the recipient's most engaged categories
/// (purchases count 3, cart adds 2, views 1; the profile's `top_category`
/// when there are no events), taken in turn: the top category's best seller,
/// then the second category's, and so on, so a grid mixes categories.
public struct AffinityStrategy: Strategy {
    public let name = "affinity"
    private let indexes: PurchaseIndexes

    public init(indexes: PurchaseIndexes) {
        self.indexes = indexes
    }

    public func propose(for recipient: RecipientSignals, _ offer: (Int32, Reason) -> Bool) {
        let lists = recipient.interests.map { indexes.categoryBestsellers[$0.category] ?? [] }
        let longest = lists.map(\.count).max() ?? 0
        for rank in 0..<longest {
            for (i, list) in lists.enumerated() where rank < list.count {
                let p = list[rank]
                let interest = recipient.interests[i]
                let reason = Reason.topCategory(
                    category: interest.category, interest: i + 1, score: interest.score, rank: rank + 1,
                    purchases: indexes.purchases[Int(p)])
                if !offer(p, reason) { return }
            }
        }
    }
}
