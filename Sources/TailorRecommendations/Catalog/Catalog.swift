public import TailorData

/// The products recommendations choose from, indexed by id.
///
/// Products keep the file's order; a product's position in ``products`` is
/// its index everywhere else in this module (indexes, picks), and breaks every
/// tie, so the same files always give the same picks.
///
/// ```swift
/// let catalog = try Catalog.load(path: "data/catalog.csv")
/// for row in catalog.badRows.rows { print(row) }   // data/catalog.csv:12: ...
/// let mug = catalog.index(of: "P00004").map { catalog.products[$0] }
/// ```
public struct Catalog: Sendable {
    public let products: [Product]
    /// Rows that could not become products, with their line and reason.
    public let badRows: BadRowLog
    /// The file it was read from ("" when built in memory).
    public let path: String
    private let positions: [String: Int32]

    /// A catalog of `products` (ids must be distinct; later duplicates are ignored).
    public init(products: [Product], badRows: BadRowLog = BadRowLog(), path: String = "") {
        var kept: [Product] = []
        var positions: [String: Int32] = [:]
        for product in products where positions[product.id] == nil {
            positions[product.id] = Int32(kept.count)
            kept.append(product)
        }
        self.products = kept
        self.positions = positions
        self.badRows = badRows
        self.path = path
    }

    public var count: Int { products.count }

    /// The index of the product with id `id`, nil when the catalog has none.
    public func index(of id: String) -> Int32? { positions[id] }

    public subscript(index: Int32) -> Product { products[Int(index)] }
}
