/// How the cells of one column are read.
public enum ColumnType: String, Sendable, Equatable, CaseIterable {
    /// Numbers, booleans, ISO dates and timestamps are recognised; anything
    /// else is text (see ``CellTyping``).
    case auto
    /// Always text, even `007` or `true`.
    case string
    /// A `YYYY-MM-DD` date (a full timestamp is accepted too); anything else
    /// makes the row bad.
    case date
    /// A `YYYY-MM-DDTHH:MM:SSZ` timestamp (a plain date is accepted too);
    /// anything else makes the row bad.
    case timestamp

    /// The type a column's name implies: `segment` and `segments` are text
    /// (segment names as written, a cluster id `3` or a name `true` included);
    /// `*_date` and `*_on` are dates; `*_at`, `*_ts`, `*_time` and `timestamp`
    /// are timestamps; the rest auto.
    public static func implied(byName name: String) -> ColumnType {
        if name == "segment" || name == "segments" { return .string }
        let lower = name.lowercased()
        if lower.hasSuffix("_date") || lower == "date" || lower.hasSuffix("_on") { return .date }
        if lower.hasSuffix("_at") || lower.hasSuffix("_ts") || lower.hasSuffix("_time") || lower == "timestamp"
            || lower == "ts"
        {
            return .timestamp
        }
        return .auto
    }
}
