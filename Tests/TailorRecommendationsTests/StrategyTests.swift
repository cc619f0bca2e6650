import TailorData
import TailorRecommendations
import TailorTemplate
import Testing

/// Each strategy alone, and chained, over the hand-made shop (see ``Shop``).
@Suite struct StrategyTests {
    @Test(arguments: [
        // In the cart and not bought since: A2 (H1 was bought after it was added).
        ("cart", ["A2"]),
        // Latest view first; K3 and H2 were never bought, K2 neither.
        ("viewed", ["K2", "K3", "H2"]),
        // home (H1 bought), kitchen (K1 bought), apparel in turn: A1, K2, A2 (A3 out of stock).
        ("affinity", ["A1", "K2", "A2"]),
        // Seeds A2, H1, K1: A1 scores 1 + 2, then A3 (out of stock) and B1 with 1.
        ("also_bought", ["A1", "B1"]),
        // A1 and K1 (bought) tie at 4, H1 (bought) has 2, then the ties in catalog order: A2, A3 (out of stock), K2, B1.
        ("bestsellers", ["A1", "A2", "K2", "B1"]),
        ("external", []),
    ])
    func eachStrategyAlone(strategy: String, expected: [String]) throws {
        #expect(try Shop.picks([strategy]) == expected)
    }

    @Test func theChainFillsInOrderAndCreditsTheFirstStrategy() throws {
        let r = try Shop.recommender()
        let chain = FallbackChain(["cart", "affinity", "bestsellers"].map { r.strategies[$0]! }, limit: 4)
        let picks = chain.pick(for: Shop.signals(r), catalog: r.catalog).picks
        #expect(picks.map { r.catalog[$0.product].id } == ["A2", "A1", "K2", "B1"])
        #expect(picks.map(\.strategy) == ["cart", "affinity", "affinity", "bestsellers"])
        #expect(picks[0].reason == .inCart(at: 30))
        #expect(picks[1].reason == .topCategory(category: "apparel", interest: 3, score: 2, rank: 1, purchases: 4))
        #expect(picks[1].reason.describe(in: r.catalog)
            == "best seller #1 in apparel (4 sales), the recipient's category #3 (engagement score 2)")
        #expect(picks[3].reason == .bestseller(rank: 7, purchases: 1))
    }

    @Test(arguments: [1, 2, 3])
    func theChainStopsAtTheLimit(limit: Int) throws {
        #expect(try Shop.picks(["viewed", "bestsellers"], limit: limit) == Array(["K2", "K3", "H2"].prefix(limit)))
    }

    @Test func exclusionsAreTracedWithTheirReasons() throws {
        let r = try Shop.recommender()
        let chain = FallbackChain(["affinity", "bestsellers"].map { r.strategies[$0]! }, limit: 10)
        let rejected = chain.pick(for: Shop.signals(r), catalog: r.catalog, trace: true).rejections
        let described = rejected.map { "\(r.catalog[$0.product].id) \($0.strategy): \($0.exclusion.rawValue)" }
        #expect(described == [
            "H1 affinity: already bought", "K1 affinity: already bought", "A3 affinity: out of stock",
            // With "me"'s own purchases, K1 ties A1 at 4 and H1 has 2.
            "A1 bestsellers: already in this block", "K1 bestsellers: already bought", "H1 bestsellers: already bought",
            "A2 bestsellers: already in this block", "A3 bestsellers: out of stock", "K2 bestsellers: already in this block",
        ])
    }

    @Test func alsoBoughtNamesTheSeedThatCountsMost() throws {
        let r = try Shop.recommender()
        let chain = FallbackChain([r.strategies["also_bought"]!], limit: 1)
        let pick = try #require(chain.pick(for: Shop.signals(r), catalog: r.catalog).picks.first)
        #expect(pick.reason.describe(in: r.catalog) == "bought by 2 customers who also bought K1 Chef Knife")
    }

    @Test func signalsResolveTheHistory() throws {
        let s = Shop.signals(try Shop.recommender())
        #expect(s.interests == [.init(category: "home", score: 6), .init(category: "kitchen", score: 5), .init(category: "apparel", score: 2)])
        #expect(s.unknownProducts == 1)
        #expect(s.purchased.count == 2)
    }

    @Test func affinityFallsBackOnTheProfilesTopCategory() throws {
        let r = try Shop.recommender()
        let stranger = r.session(recipientID: "new", history: .empty, attributes: ["top_category": "kitchen"])
        let chain = FallbackChain([r.strategies["affinity"]!], limit: 4)
        let picks = chain.pick(for: stranger.signals, catalog: r.catalog).picks
        #expect(picks.map { r.catalog[$0.product].id } == ["K1", "K2"])
        #expect(picks[0].reason.describe(in: r.catalog).hasSuffix("(the profile's top category)"))
    }

    @Test func aProductBackInTheCartAfterAPurchaseIsNotExcluded() throws {
        let r = try Shop.recommender()
        let history = EventHistory([
            Event(recipientId: "x", type: .purchased, productId: "K2", timestamp: 1),
            Event(recipientId: "x", type: .addedToCart, productId: "K2", timestamp: 2),
        ])
        let signals = r.session(recipientID: "x", history: history).signals
        let chain = FallbackChain([r.strategies["cart"]!], limit: 4)
        #expect(chain.pick(for: signals, catalog: r.catalog).picks.map(\.product) == [r.catalog.index(of: "K2")!])
    }

    @Test func picksDoNotDependOnTheOrderEventsArrive() throws {
        let strategies = ["cart", "also_bought", "affinity", "bestsellers"]
        let expected = try Shop.picks(strategies)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            let shuffled = (Shop.others + Shop.me).shuffled(using: &generator)
            #expect(try Shop.picks(strategies, recommender: Shop.recommender(events: shuffled)) == expected)
        }
    }

    @Test func indexesCountPurchasesAndCoPurchases() throws {
        let r = try Shop.recommender(events: Shop.others)
        let id = { (p: Int32) in r.catalog[p].id }
        #expect(r.indexes.bestsellers.map(id) == ["A1", "K1", "A2", "A3", "K2", "H1", "B1"])
        #expect(r.indexes.categoryBestsellers["kitchen"]!.map(id) == ["K1", "K2"])
        #expect(r.indexes.customers == 6)
        let a1 = r.indexes.alsoBought[Int(r.catalog.index(of: "A1")!)]
        #expect(a1.map { "\(id($0.product))×\($0.customers)" } == ["K1×2", "K2×1", "H1×1"])
    }
}
