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
        scores.reserveCapacity(recipient.seeds.count * 16)
        for seed in recipient.seeds {
            for neighbor in indexes.alsoBought[Int(seed)] where !recipient.seeds.contains(neighbor.product) {
                var entry = scores[neighbor.product] ?? (0, 0, seed)
                entry.total += neighbor.customers
                if neighbor.customers > entry.best { entry.best = neighbor.customers; entry.seed = seed }
                scores[neighbor.product] = entry
            }
        }
        // Highest total first, then catalog order, as one integer key each: sorting
        // plain integers is several times faster than sorting dictionary entries.
        let ranked = scores.map { (UInt64(UInt32.max - $0.value.total) << 32) | UInt64(UInt32(bitPattern: $0.key)) }.sorted()
        for key in ranked {
            let product = Int32(bitPattern: UInt32(truncatingIfNeeded: key))
            let entry = scores[product]!
            if !offer(product, .boughtTogether(with: entry.seed, customers: entry.best)) { return }
        }
    }
}
