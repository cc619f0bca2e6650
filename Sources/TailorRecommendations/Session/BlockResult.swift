/// What one `{% recommend %}` block (or `recommend()` call) of one render
/// picked for a recipient: the record `tailor recommend` prints.
public struct BlockResult: Sendable {
    /// How the block turned out.
    public enum Outcome: String, Sendable {
        /// `limit` products.
        case full
        /// Fewer than `limit`, but at least `min`.
        case partial
        /// Fewer than `min`: the block renders its `else` (the list is empty).
        case short
        /// Fewer than `min` with `skip`: the recipient gets no message.
        case skipped
    }

    /// Which render of the session it was in (1 for the first template rendered).
    public var render: Int
    /// The tag's number in its template (1, 2, ...); nil for `recommend()` called as a function.
    public var block: Int?
    public var strategies: [String]
    public var limit: Int
    public var minimum: Int
    /// Whether too few picks skip the recipient rather than render `else`.
    public var skipWhenShort: Bool
    /// The products picked, in slot order (before `min` applies).
    public var picks: [Pick]
    /// Candidates passed over, when the session traces.
    public var rejections: [Rejection]
    public var outcome: Outcome

    /// How the block is written: `using 'cart', 'bestsellers' limit 4 min 3 skip`.
    public var signature: String {
        var s = "using " + strategies.map { "'\($0)'" }.joined(separator: ", ") + " limit \(limit)"
        if minimum > 0 { s += " min \(minimum)" + (skipWhenShort ? " skip" : "") }
        return s
    }
}
