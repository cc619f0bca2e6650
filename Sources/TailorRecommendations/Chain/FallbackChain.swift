/// Strategies in order, each filling what the ones before left of `limit`.
///
/// A candidate is kept unless it is out of stock, bought by the recipient
/// (and not back in the cart since), shown by an earlier block of the same
/// message, or already in this block; the first strategy to offer a product
/// is the one credited for it. Strategies offer in a fixed order with ties
/// broken by catalog order, so a re-run picks the same products.
///
/// ```swift
/// let chain = FallbackChain([CartStrategy(), BestsellersStrategy(indexes: indexes)], limit: 4)
/// let picks = chain.pick(for: signals, catalog: catalog).picks
/// ```
public struct FallbackChain: Sendable {
    public let strategies: [any Strategy]
    public let limit: Int

    public init(_ strategies: [any Strategy], limit: Int) {
        self.strategies = strategies
        self.limit = limit
    }

    /// The picks, at most `limit`; with `trace`, also every candidate passed over and why.
    public func pick(
        for recipient: RecipientSignals, catalog: Catalog, shown: Set<Int32> = [], trace: Bool = false
    ) -> (picks: [Pick], rejections: [Rejection]) {
        var picks: [Pick] = []
        var rejections: [Rejection] = []
        guard limit > 0 else { return (picks, rejections) }
        picks.reserveCapacity(limit)
        for strategy in strategies {
            strategy.propose(for: recipient) { product, reason in
                let exclusion: Exclusion? =
                    if picks.contains(where: { $0.product == product }) { .pickedInBlock }
                    else if !catalog[product].inStock { .outOfStock }
                    else if recipient.purchased.contains(product) { .purchased }
                    else if shown.contains(product) { .shownEarlier }
                    else { nil }
                if let exclusion {
                    if trace { rejections.append(Rejection(product: product, strategy: strategy.name, exclusion: exclusion)) }
                    return true
                }
                picks.append(Pick(product: product, strategy: strategy.name, reason: reason))
                return picks.count < limit
            }
            if picks.count >= limit { break }
        }
        return (picks, rejections)
    }
}
