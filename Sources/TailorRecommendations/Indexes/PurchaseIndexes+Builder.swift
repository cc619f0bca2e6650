public import TailorData

extension PurchaseIndexes {
    /// Collects purchases, in any order, then builds the indexes in one go.
    ///
    /// A customer's basket is every catalog product they purchased (their
    /// ``maxBasket`` most recent distinct ones), and each pair of products in
    /// it counts one customer who bought both: "customers who bought this also
    /// bought". Events other than purchases are ignored; so are purchases of
    /// products the catalog does not have (counted).
    public struct Builder {
        public let catalog: Catalog
        /// Most recent distinct products per customer that pair up.
        public var maxBasket = 50
        /// Co-purchased products kept per product.
        public var maxNeighbors = 50

        private var customerIDs: [String: Int32] = [:]
        private var rows: [(customer: Int32, timestamp: Int, product: Int32)] = []
        private var purchases: [UInt32]
        private var unknown = 0

        public init(catalog: Catalog) {
            self.catalog = catalog
            purchases = [UInt32](repeating: 0, count: catalog.count)
        }

        /// Adds one event; only purchases count.
        public mutating func add(_ event: Event) {
            guard event.type == .purchased else { return }
            addPurchase(recipientID: event.recipientId, productID: event.productId, timestamp: event.timestamp)
        }

        /// Adds one purchase of `productID` by `recipientID` at `timestamp`.
        public mutating func addPurchase(recipientID: String, productID: String, timestamp: Int) {
            guard let product = catalog.index(of: productID) else {
                unknown += 1
                return
            }
            purchases[Int(product)] += 1
            let next = Int32(customerIDs.count)
            let customer = customerIDs[recipientID, default: next]
            if customer == next { customerIDs[recipientID] = next }
            rows.append((customer, timestamp, product))
        }

        /// The indexes over everything added.
        public func finish() -> PurchaseIndexes {
            // Group by customer, latest purchase first.
            let sorted = rows.sorted { a, b in
                if a.customer != b.customer { return a.customer < b.customer }
                if a.timestamp != b.timestamp { return a.timestamp > b.timestamp }
                return a.product < b.product
            }
            var pairs = [[Int32: UInt32]](repeating: [:], count: catalog.count)
            var basket: [Int32] = []
            var start = 0
            while start < sorted.count {
                var end = start
                basket.removeAll(keepingCapacity: true)
                while end < sorted.count && sorted[end].customer == sorted[start].customer {
                    let p = sorted[end].product
                    if basket.count < maxBasket && !basket.contains(p) { basket.append(p) }
                    end += 1
                }
                for i in basket.indices {
                    for j in basket.indices where j != i {
                        pairs[Int(basket[i])][basket[j], default: 0] += 1
                    }
                }
                start = end
            }
            let neighbors = pairs.map { counts in
                counts.map { CoPurchase(product: $0.key, customers: $0.value) }
                    .sorted { $0.customers != $1.customers ? $0.customers > $1.customers : $0.product < $1.product }
                    .prefix(maxNeighbors).map { $0 }
            }
            return PurchaseIndexes(
                catalog: catalog, purchases: purchases, alsoBought: neighbors, customers: customerIDs.count,
                unknownProductPurchases: unknown)
        }
    }

    /// Reads every purchase of an events file (JSONL) and builds the indexes.
    /// Bad lines are counted in the returned log, as the segments run does.
    public static func build(catalog: Catalog, eventsPath: String) throws(DataFileError) -> (PurchaseIndexes, BadRowLog) {
        var builder = Builder(catalog: catalog)
        var bad = BadRowLog()
        for item in try EventReader(path: eventsPath) {
            switch item {
            case .event(let event): builder.add(event)
            case .bad(let row): bad.append(row)
            }
        }
        return (builder.finish(), bad)
    }
}
