/// Bad rows of one read: all of them counted, the first ``limit`` kept with
/// their reasons, so a file of a million bad rows still reads in bounded memory.
public struct BadRowLog: Sendable {
    /// How many rows are kept in ``rows``.
    public var limit: Int
    public private(set) var count = 0
    public private(set) var rows: [BadRow] = []

    public init(limit: Int = 1000) {
        self.limit = limit
    }

    public mutating func append(_ row: BadRow) {
        count += 1
        if rows.count < limit { rows.append(row) }
    }

    /// Rows counted but not kept.
    public var omitted: Int { count - rows.count }
}
