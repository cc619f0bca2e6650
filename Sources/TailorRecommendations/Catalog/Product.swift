public import TailorTemplate

/// One product of the catalog, as read from its row.
///
/// Templates see a product as a dict of the catalog fields plus the strategy
/// that picked it:
///
/// ```jinja
/// {% recommend item using 'affinity', 'bestsellers' limit 4 %}
///   <a href="{{ item.url }}"><img src="{{ item.image }}" alt="{{ item.name }}"></a>
///   {{ '%.2f'|format(item.price) }} ({{ item.strategy }})
/// {% endrecommend %}
/// ```
public struct Product: Sendable {
    public var id: String
    public var name: String
    public var category: String
    public var price: Double
    public var url: String
    public var image: String
    public var inStock: Bool
    /// Columns beyond the known ones, typed like profile cells.
    public var extra: [(name: String, value: Value)]
    /// The line of the catalog file the row starts on.
    public var line: Int

    public init(
        id: String, name: String, category: String, price: Double, url: String = "", image: String = "",
        inStock: Bool = true, extra: [(name: String, value: Value)] = [], line: Int = 0
    ) {
        self.id = id
        self.name = name
        self.category = category
        self.price = price
        self.url = url
        self.image = image
        self.inStock = inStock
        self.extra = extra
        self.line = line
    }

    /// The dict a template sees when `strategy` picked this product.
    public func value(strategy: String) -> Value {
        var pairs: [(Value, Value)] = [
            ("id", .string(id)), ("name", .string(name)), ("category", .string(category)),
            ("price", .float(price)), ("url", .string(url)), ("image", .string(image)),
            ("in_stock", .bool(inStock)),
        ]
        for (name, value) in extra { pairs.append((.string(name), value)) }
        pairs.append(("strategy", .string(strategy)))
        return .dict(Dict(pairs))
    }
}
