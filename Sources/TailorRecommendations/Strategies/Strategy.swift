import TailorData

/// A way of choosing products for one recipient, such as `cart` or
/// `bestsellers`: a template names it in `{% recommend item using 'cart' %}`.
///
/// A strategy offers candidates best first, each with the reason it was
/// chosen; the ``FallbackChain`` decides which to keep (in stock, not bought,
/// not shown yet) and stops asking once the block is full. Shared data such as
/// best sellers is built once per run and held by the strategy; per-recipient
/// data comes in ``RecipientSignals``.
///
/// ```swift
/// struct NewArrivals: Strategy {
///     let name = "new_arrivals"
///     let newest: [Int32]
///     func propose(for recipient: RecipientSignals, _ offer: (Int32, Reason) -> Bool) {
///         for (i, p) in newest.enumerated() where !offer(p, .external(position: i + 1, source: "new arrivals")) { return }
///     }
/// }
/// ```
public protocol Strategy: Sendable {
    /// The name templates use.
    var name: String { get }
    /// Calls `offer` with candidates, best first, until it returns false or
    /// the strategy has no more.
    func propose(for recipient: RecipientSignals, _ offer: (_ product: Int32, _ reason: Reason) -> Bool)
}

/// Why a strategy chose a product, for QA (`tailor recommend`).
public enum Reason: Sendable, Equatable {
    /// In the cart since `at`, not bought.
    case inCart(at: Int)
    /// Last viewed at `at`, not bought.
    case viewed(at: Int)
    /// The `rank`-th best seller (`purchases` sales) of `category`, the
    /// recipient's `interest`-th category (engagement `score`; 0: from the profile).
    case topCategory(category: String, interest: Int, score: Int, rank: Int, purchases: UInt32)
    /// Bought by `customers` customers who also bought `with` (a cart item or a purchase).
    case boughtTogether(with: Int32, customers: UInt32)
    /// The `rank`-th best seller overall, with `purchases` sales.
    case bestseller(rank: Int, purchases: UInt32)
    /// The `position`-th externally supplied id, from `source`.
    case external(position: Int, source: String)

    /// The reason in words, naming products by id and name.
    public func describe(in catalog: Catalog) -> String {
        switch self {
        case .inCart(let at):
            return "in the cart since \(Self.time(at)), not bought"
        case .viewed(let at):
            return "viewed \(Self.time(at)), not bought"
        case .topCategory(let category, let interest, let score, let rank, let purchases):
            let why = score > 0 ? "engagement score \(score)" : "the profile's top category"
            return "best seller #\(rank) in \(category) (\(Self.sales(purchases))), the recipient's category #\(interest) (\(why))"
        case .boughtTogether(let with, let customers):
            let seed = catalog[with]
            return "bought by \(customers) customer\(customers == 1 ? "" : "s") who also bought \(seed.id) \(seed.name)"
        case .bestseller(let rank, let purchases):
            return "best seller #\(rank) overall (\(Self.sales(purchases)))"
        case .external(let position, let source):
            return "#\(position) from \(source)"
        }
    }

    private static func sales(_ n: UInt32) -> String { n == 1 ? "1 sale" : "\(n) sales" }

    private static func time(_ seconds: Int) -> String { CivilDate.isoString(ofSeconds: seconds) }
}
