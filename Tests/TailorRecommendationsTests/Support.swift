import Foundation
import TailorData
import TailorRecommendations
import TailorTemplate
import TailorTestSupport

/// The repository root (the sample workspace lives there).
let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

/// Writes `text` to a fresh temporary file called `name` and returns its path.
func temporaryFile(_ name: String, _ text: String) throws -> String {
    let folder = TestFolder.path("recs")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let url = folder.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
}

/// A hand-made shop: nine products in four categories (A3 out of stock), six
/// other customers' purchases, and one recipient, "me".
///
/// Purchases: A1 ×4, K1 ×3, then A2, A3, K2, H1, B1 once each. Bought
/// together: A1+K1 by 2 customers; A1+H1, K1+H1, A1+K2, K1+B1, A2+A3 by 1.
///
/// "me": bought K1; added H1 and bought it later; added A2 (still in the
/// cart); viewed H2, K3, K2. Interests: home 6, kitchen 5, apparel 2.
enum Shop {
    static let csv = """
        id,name,category,price,url,image,in_stock
        A1,Linen Shirt,apparel,40,https://shop.example/A1,https://img.example/A1.jpg,true
        A2,Wool Scarf,apparel,25.5,https://shop.example/A2,https://img.example/A2.jpg,true
        A3,Rain Jacket,apparel,90,https://shop.example/A3,https://img.example/A3.jpg,false
        K1,Chef Knife,kitchen,60,https://shop.example/K1,https://img.example/K1.jpg,true
        K2,Cutting Board,kitchen,20,https://shop.example/K2,https://img.example/K2.jpg,true
        K3,Pepper Mill,kitchen,18,https://shop.example/K3,https://img.example/K3.jpg,true
        H1,Table Lamp,home,55,https://shop.example/H1,https://img.example/H1.jpg,true
        H2,Throw Pillow,home,22,https://shop.example/H2,https://img.example/H2.jpg,true
        B1,Cookbook,books,30,https://shop.example/B1,https://img.example/B1.jpg,true

        """

    static let others: [Event] = [
        ("c1", "A1"), ("c1", "K1"), ("c2", "A1"), ("c2", "K1"), ("c2", "H1"), ("c3", "A1"), ("c3", "K2"),
        ("c4", "K1"), ("c4", "B1"), ("c5", "A3"), ("c5", "A2"), ("c6", "A1"),
    ].enumerated().map { Event(recipientId: $1.0, type: .purchased, productId: $1.1, timestamp: 100 + $0) }

    static let me: [Event] = [
        Event(recipientId: "me", type: .purchased, productId: "K1", timestamp: 5),
        Event(recipientId: "me", type: .viewed, productId: "H2", timestamp: 10),
        Event(recipientId: "me", type: .viewed, productId: "K3", timestamp: 20),
        Event(recipientId: "me", type: .viewed, productId: "K2", timestamp: 25),
        Event(recipientId: "me", type: .addedToCart, productId: "A2", timestamp: 30),
        Event(recipientId: "me", type: .addedToCart, productId: "H1", timestamp: 40),
        Event(recipientId: "me", type: .purchased, productId: "H1", timestamp: 50),
        Event(recipientId: "me", type: .viewed, productId: "NOPE", timestamp: 60),
    ]

    static func catalog() throws -> Catalog { try Catalog.load(path: temporaryFile("catalog.csv", csv)) }

    static func recommender(events: [Event] = others + me, external: ExternalRecommendations? = nil) throws -> Recommender {
        let catalog = try catalog()
        var builder = PurchaseIndexes.Builder(catalog: catalog)
        for event in events { builder.add(event) }
        return Recommender(catalog: catalog, indexes: builder.finish(), external: external)
    }

    static func signals(_ recommender: Recommender, attributes: [String: Value] = [:]) -> RecipientSignals {
        recommender.session(recipientID: "me", history: EventHistory(me), attributes: attributes).signals
    }

    /// Product ids picked by `strategies` for "me".
    static func picks(_ strategies: [String], limit: Int = 10, recommender: Recommender? = nil) throws -> [String] {
        let r = try recommender ?? Self.recommender()
        let chain = FallbackChain(strategies.map { r.strategies[$0]! }, limit: limit)
        return chain.pick(for: signals(r), catalog: r.catalog).picks.map { r.catalog[$0.product].id }
    }
}

/// An environment with `recommend` registered, rendering `source` for "me".
func render(
    _ source: String, recommender: Recommender, context: [String: Value] = [:], session: RecommendationSession? = nil
) throws -> String {
    let env = Environment(options: Options(autoescape: false, undefined: .strict))
    recommender.register(in: env)
    var context = context
    context[Recommender.contextKey] = .object(
        session ?? recommender.session(recipientID: "me", history: EventHistory(Shop.me)))
    return try env.template(source: source).render(context)
}
