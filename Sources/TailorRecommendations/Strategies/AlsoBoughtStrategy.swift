/// `also_bought`: products that customers who bought the recipient's cart
/// items and purchases also bought (item-to-item co-purchase counts over all
/// customers). A product's score is the sum of its counts with each seed; the
/// reason names the seed that contributes most.
public struct AlsoBoughtStrategy: Strategy {
    public let name = "also_bought"
    private let indexes: PurchaseIndexes

    public init(indexes: PurchaseIndexes) {
        self.indexes = indexes
    }

    public func propose(for recipient: RecipientSignals, _ offer: (Int32, Reason) -> Bool) {
        guard !recipient.seeds.isEmpty else { return }
        var scores: [Int32: (total: UInt32, best: UInt32, seed: Int32)] = [:]
        for seed in recipient.seeds {
            for neighbor in indexes.alsoBought[Int(seed)] where !recipient.seeds.contains(neighbor.product) {
                var entry = scores[neighbor.product] ?? (0, 0, seed)
                entry.total += neighbor.customers
                if neighbor.customers > entry.best { entry.best = neighbor.customers; entry.seed = seed }
                scores[neighbor.product] = entry
            }
        }
        let ranked = scores.sorted { $0.value.total != $1.value.total ? $0.value.total > $1.value.total : $0.key < $1.key }
        for (product, entry) in ranked where !offer(product, .boughtTogether(with: entry.seed, customers: entry.best)) {
            return
        }
    }
}
