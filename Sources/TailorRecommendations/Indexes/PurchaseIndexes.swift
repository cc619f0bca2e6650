/// What every recipient's picks share, built once per run from all purchases:
/// best sellers overall and per category, and which products the same
/// customers bought together.
///
/// Every list is ordered by its count, highest first, ties by catalog order,
/// so the same events always give the same lists.
///
/// ```swift
/// var builder = PurchaseIndexes.Builder(catalog: catalog)
/// for event in events { builder.add(event) }
/// let indexes = builder.finish()
/// indexes.bestsellers.prefix(3)   // the three most purchased products
/// ```
public struct PurchaseIndexes: Sendable {
    /// A product bought by customers who also bought another one.
    public struct CoPurchase: Sendable, Equatable {
        public var product: Int32
        /// How many customers bought both.
        public var customers: UInt32
    }

    /// Purchases of each product, by catalog index.
    public let purchases: [UInt32]
    /// Products purchased at least once, most purchased first.
    public let bestsellers: [Int32]
    /// ``bestsellers`` split by category.
    public let categoryBestsellers: [String: [Int32]]
    /// For each product, the products its buyers also bought, most shared
    /// customers first (at most ``Builder/maxNeighbors`` each).
    public let alsoBought: [[CoPurchase]]
    /// Customers with at least one purchase of a catalog product.
    public let customers: Int
    /// Purchase events of products the catalog does not have (ignored).
    public let unknownProductPurchases: Int

    /// The rank (1-based) of each product among ``bestsellers``; 0 when never bought.
    public let bestsellerRank: [Int32]
    /// The rank (1-based) of each product within its category's best sellers; 0 when never bought.
    public let categoryRank: [Int32]

    init(
        catalog: Catalog, purchases: [UInt32], alsoBought: [[CoPurchase]], customers: Int, unknownProductPurchases: Int
    ) {
        self.purchases = purchases
        self.alsoBought = alsoBought
        self.customers = customers
        self.unknownProductPurchases = unknownProductPurchases
        let sold = (0..<Int32(purchases.count)).filter { purchases[Int($0)] > 0 }
        let ranked = sold.sorted { a, b in
            purchases[Int(a)] != purchases[Int(b)] ? purchases[Int(a)] > purchases[Int(b)] : a < b
        }
        bestsellers = ranked
        var byCategory: [String: [Int32]] = [:]
        var rank = [Int32](repeating: 0, count: purchases.count)
        var inCategory = [Int32](repeating: 0, count: purchases.count)
        for (i, p) in ranked.enumerated() {
            rank[Int(p)] = Int32(i + 1)
            let category = catalog[p].category
            byCategory[category, default: []].append(p)
            inCategory[Int(p)] = Int32(byCategory[category]!.count)
        }
        categoryBestsellers = byCategory
        bestsellerRank = rank
        categoryRank = inCategory
    }

    /// Indexes with no purchases at all: every strategy that needs them comes up empty.
    public static func empty(for catalog: Catalog) -> PurchaseIndexes {
        Builder(catalog: catalog).finish()
    }
}
