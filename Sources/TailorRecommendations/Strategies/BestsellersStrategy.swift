/// `bestsellers`: the most purchased products over all customers, the same
/// list for everyone (ties by catalog order).
public struct BestsellersStrategy: Strategy {
    public let name = "bestsellers"
    private let indexes: PurchaseIndexes

    public init(indexes: PurchaseIndexes) {
        self.indexes = indexes
    }

    public func propose(for recipient: RecipientSignals, _ offer: (Int32, Reason) -> Bool) {
        for (i, p) in indexes.bestsellers.enumerated()
        where !offer(p, .bestseller(rank: i + 1, purchases: indexes.purchases[Int(p)])) {
            return
        }
    }
}
