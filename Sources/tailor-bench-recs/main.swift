// Benchmark of recommendations: building the indexes for 500 products and
// 1,000,000 orders, then picking for 100,000 recipients. Synthetic data from a
// fixed seed, so every run measures the same work.
//
//     swift run -c release tailor-bench-recs [--orders N] [--recipients N] [--no-file]

import Foundation
import TailorData
import TailorRecommendations
import TailorTemplate

/// SplitMix64: a small, fast, seeded generator.
struct Generator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    /// Skewed towards small values, like product popularity.
    mutating func popular(_ n: Int) -> Int {
        let u = Double(next() >> 11) / Double(1 << 53)
        return min(n - 1, Int(Double(n) * u * u * u))
    }
}

func option(_ name: String, _ fallback: Int) -> Int {
    let args = CommandLine.arguments
    guard let i = args.firstIndex(of: name), i + 1 < args.count, let n = Int(args[i + 1]) else { return fallback }
    return n
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func peakMemoryMB() -> Double {
    var usage = rusage()
    getrusage(0, &usage)  // RUSAGE_SELF
    return Double(usage.ru_maxrss) / 1024
}

func fmt(_ x: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", x) }

let productCount = option("--products", 500)
let orderCount = option("--orders", 1_000_000)
let recipientCount = option("--recipients", 100_000)
let customerCount = max(1, orderCount / 4)
let categories = ["apparel", "beauty", "books", "electronics", "home", "kitchen", "outdoor", "shoes", "sports", "toys"]
var random = Generator(state: 42)

let products = (0..<productCount).map { i in
    Product(
        id: "P\(100_000 + i)", name: "Product \(i)", category: categories[i % categories.count],
        price: Double(100 + random.below(20_000)) / 100, url: "https://shop.example/p/\(i)",
        image: "https://img.example/\(i).jpg", inStock: random.below(100) >= 15)
}
let catalog = Catalog(products: products)
let productIDs = products.map(\.id)
let t0 = 1_767_225_600  // 2026-01-01

print("tailor-bench-recs: \(productCount) products, \(orderCount) orders by \(customerCount) customers, \(recipientCount) recipients")

// 1. Indexes from purchases already in memory.
var orders: [Event] = []
orders.reserveCapacity(orderCount)
for i in 0..<orderCount {
    orders.append(Event(
        recipientId: "C\(random.below(customerCount))", type: .purchased,
        productId: productIDs[random.popular(productCount)], timestamp: t0 - 86_400 * 365 + i * 31))
}
var indexes = PurchaseIndexes.empty(for: catalog)
let buildTime = seconds {
    var builder = PurchaseIndexes.Builder(catalog: catalog)
    for event in orders { builder.add(event) }
    indexes = builder.finish()
}
print("indexes from memory:      \(fmt(buildTime)) s  (\(indexes.customers) customers, \(indexes.bestsellers.count) products sold)")

// 2. The same from a JSONL events file, as a run reads it.
if !CommandLine.arguments.contains("--no-file") {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("tailor-bench-recs-\(getpid()).jsonl").path
    var text: [UInt8] = []
    text.reserveCapacity(orderCount * 96)
    for e in orders {
        text += Array(#"{"recipient_id":"\#(e.recipientId)","type":"purchased","product_id":"\#(e.productId)","ts":"\#(CivilDate.isoString(ofSeconds: e.timestamp))"}"#.utf8)
        text.append(10)
    }
    FileManager.default.createFile(atPath: path, contents: Data(text))
    defer { try? FileManager.default.removeItem(atPath: path) }
    var fromFile = indexes
    let fileTime = try seconds { (fromFile, _) = try PurchaseIndexes.build(catalog: catalog, eventsPath: path) }
    precondition(fromFile.bestsellers == indexes.bestsellers)
    print("indexes from a JSONL file: \(fmt(fileTime)) s  (\(text.count / 1_000_000) MB read and parsed)")
}
orders = []

// 3. Picking for recipients: a cart block and a four-product grid, as the sample campaign has.
let recommender = Recommender(catalog: catalog, indexes: indexes)
var histories: [(String, EventHistory)] = []
histories.reserveCapacity(recipientCount)
for r in 0..<recipientCount {
    var events: [Event] = []
    for k in 0..<(2 + random.below(12)) {
        let type: EventType = switch random.below(10) { case 0..<6: .viewed; case 6..<8: .addedToCart; default: .purchased }
        events.append(Event(recipientId: "R\(r)", type: type, productId: productIDs[random.popular(productCount)], timestamp: t0 + k * 3600))
    }
    histories.append(("R\(r)", EventHistory(events)))
}
let cart = FallbackChain([recommender.strategies["cart"]!], limit: 3)
let grid = FallbackChain(["also_bought", "affinity", "bestsellers"].map { recommender.strategies[$0]! }, limit: 4)
var picked = 0
let pickTime = seconds {
    for (id, history) in histories {
        let session = recommender.session(recipientID: id, history: history)
        picked += session.pick(cart, minimum: 0, skipWhenShort: false, block: 1, in: nil).picks.count
        picked += session.pick(grid, minimum: 2, skipWhenShort: false, block: 2, in: nil).picks.count
    }
}
print("picks, 2 blocks each:     \(fmt(pickTime)) s  (\(fmt(pickTime / Double(recipientCount) * 1e6, 1)) µs per recipient, \(picked) products)")

// 4. The same blocks through a compiled template, product dicts and all.
let env = Environment(options: Options(autoescape: true, undefined: .strict))
recommender.register(in: env)
let template = try env.template(source: """
    {% recommend item using 'cart' limit 3 %}<p>{{ item.name }} {{ '%.2f'|format(item.price) }}</p>{% endrecommend %}
    {% recommend item using 'also_bought', 'affinity', 'bestsellers' limit 4 min 2 %}<a href="{{ item.url }}">{{ item.name }}</a>{% else %}sale{% endrecommend %}
    """)
var bytes = 0
var buffer: [UInt8] = []
let renderTime = try seconds {
    for (id, history) in histories {
        var context: [String: Value] = ["recipient_id": .string(id)]
        recommender.attachSession(to: &context, recipientID: id, history: history)
        buffer.removeAll(keepingCapacity: true)
        try template.render(context, into: &buffer)
        bytes += buffer.count
    }
}
print("picks + rendering blocks: \(fmt(renderTime)) s  (\(fmt(renderTime / Double(recipientCount) * 1e6, 1)) µs per recipient, \(bytes / 1_000_000) MB of HTML)")
print("peak memory: \(fmt(peakMemoryMB(), 0)) MB (the 1,000,000 orders and 100,000 histories are held in memory by the benchmark itself)")
