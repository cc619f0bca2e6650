public import TailorData
public import TailorTemplate

/// What one recipient's strategies start from: their events resolved against
/// the catalog, their top categories and any externally supplied picks.
///
/// Built once per recipient, on the first `recommend` of a render, from the
/// recipient's ``EventHistory`` and profile attributes.
public struct RecipientSignals: Sendable {
    /// A category the recipient engaged with, and how much.
    public struct Interest: Sendable, Equatable {
        public var category: String
        /// Purchases count 3, cart adds 2, views 1; 0 when it comes from the profile.
        public var score: Int

        public init(category: String, score: Int) {
            self.category = category
            self.score = score
        }
    }

    public var recipientID: String
    /// Products in the cart (added, not bought since), latest add first, with the add's time.
    public var cart: [(product: Int32, at: Int)] = []
    /// Products viewed, latest view first, each once, with the latest view's time.
    public var viewed: [(product: Int32, at: Int)] = []
    /// Products bought and not put back in the cart since: never recommended.
    public var purchased: Set<Int32> = []
    /// What `also_bought` starts from: cart items, then purchases, latest first.
    public var seeds: [Int32] = []
    /// The top categories, most engaged first.
    public var interests: [Interest] = []
    /// Externally supplied picks, in their order, and where they came from.
    public var external: [Int32] = []
    public var externalSource = ""
    /// Events naming products the catalog does not have (ignored).
    public var unknownProducts = 0

    /// How many categories `affinity` draws from.
    public static let maxInterests = 3
    /// How many seeds `also_bought` combines.
    public static let maxSeeds = 10

    public init(recipientID: String) {
        self.recipientID = recipientID
    }

    /// Resolves `history` against `catalog`. Without any catalog events the
    /// interests come from the profile attribute `categoryAttribute` (e.g.
    /// `top_category`), when present.
    public init(
        recipientID: String, history: EventHistory, attributes: [String: Value], catalog: Catalog,
        categoryAttribute: String? = "top_category"
    ) {
        self.recipientID = recipientID
        let cartAdds = history.cartAdds
        var inCart = Set<Int32>()
        for add in cartAdds {
            guard let p = catalog.index(of: add.productId) else { unknownProducts += 1; continue }
            cart.append((p, add.timestamp))
            inCart.insert(p)
        }
        var scores: [String: Int] = [:]
        var seenViews = Set<Int32>()
        var bought: [Int32] = []
        for event in history.events.reversed() {
            guard let p = catalog.index(of: event.productId) else {
                if event.type != .addedToCart { unknownProducts += 1 }
                continue
            }
            switch event.type {
            case .viewed:
                scores[catalog[p].category, default: 0] += 1
                if seenViews.insert(p).inserted { viewed.append((p, event.timestamp)) }
            case .addedToCart:
                scores[catalog[p].category, default: 0] += 2
            case .purchased:
                scores[catalog[p].category, default: 0] += 3
                if !inCart.contains(p) && purchased.insert(p).inserted { bought.append(p) }
            }
        }
        seeds = Array((cart.map(\.product) + bought).prefix(Self.maxSeeds))
        interests = scores.map { Interest(category: $0.key, score: $0.value) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.category < $1.category }
            .prefix(Self.maxInterests).map { $0 }
        if interests.isEmpty, let name = categoryAttribute, let category = attributes[name]?.stringValue, !category.isEmpty {
            interests = [Interest(category: category, score: 0)]
        }
    }
}
