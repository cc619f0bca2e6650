public import TailorData

/// Bad lines of the files beside the profiles (events, catalog, segment
/// assignments), which a send reads but leaves out.
///
/// A bad profile row fails its recipient in the manifest; a bad line of these
/// files has no recipient to fail, so without this the send would go out with
/// an event, a product or an assignment missing and nothing said. The run
/// lists them after its summary, at most a few per file, each with its file,
/// line and reason:
///
/// ```
/// warning: 2 bad lines in the events file were left out:
///   data/events.jsonl:1202: unknown event type 'bogus' (expected viewed, added_to_cart or purchased)
///   data/events.jsonl:1203: invalid JSON at column 1: unexpected 'n'
/// ```
public struct DataFileWarnings: Sendable, Equatable {
    /// The bad lines of one kind of file.
    public struct Group: Sendable, Equatable {
        /// What the file is for: "events", "catalog", "segment assignments".
        public var role: String
        /// How many lines were bad, including those not kept in ``rows``.
        public var count: Int
        /// The first bad lines, in file order.
        public var rows: [BadRow]
    }

    /// One group per kind of file that had bad lines, in the order added.
    public private(set) var groups: [Group] = []

    public init() {}

    /// Adds the bad lines of `log`, read from a file for `role`.
    mutating func add(_ log: BadRowLog, role: String) {
        guard log.count > 0 else { return }
        groups.append(Group(role: role, count: log.count, rows: log.rows))
    }

    public var isEmpty: Bool { groups.isEmpty }

    /// How many bad lines, over every file.
    public var count: Int { groups.reduce(0) { $0 + $1.count } }

    /// Lines for the terminal: per kind of file, a heading with the count and
    /// at most `limit` bad lines, then how many more there are.
    public func lines(limit: Int = 5) -> [String] {
        var out: [String] = []
        for group in groups {
            let noun = group.count == 1 ? "1 bad line" : "\(group.count) bad lines"
            out.append("warning: \(noun) in the \(group.role) file\(Self.files(group)) \(group.count == 1 ? "was" : "were") left out:")
            for row in group.rows.prefix(limit) { out.append("  " + TerminalText.safe(row.description)) }
            let shown = min(limit, group.rows.count)
            if group.count > shown { out.append("  ... \(group.count - shown) more") }
        }
        return out
    }

    /// ` data/events.jsonl`, or nothing when the lines come from several files.
    private static func files(_ group: Group) -> String {
        let names = Set(group.rows.map(\.file))
        return names.count == 1 ? " " + TerminalText.safe(names.first!) : "s"
    }
}
