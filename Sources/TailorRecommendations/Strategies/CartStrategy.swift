/// `cart`: what the recipient added to the cart and has not bought since,
/// latest add first: the abandoned-cart block.
public struct CartStrategy: Strategy {
    public let name = "cart"

    public init() {}

    public func propose(for recipient: RecipientSignals, _ offer: (Int32, Reason) -> Bool) {
        for item in recipient.cart where !offer(item.product, .inCart(at: item.at)) { return }
    }
}
