/// What every recipient would get: counts per segment and the recipients that
/// need a second look (matching none, or several).
public struct PreviewCoverage: Sendable {
    /// One segment of the segments file, with how many recipients it holds.
    public struct SegmentCount: Sendable, Equatable {
        public var name: String
        /// Recipients whose primary segment it is.
        public var primary: Int
        /// Recipients that match it at all.
        public var members: Int
        /// Whether a template branches on it; if not, its recipients get the default variant.
        public var hasBranch: Bool
    }

    /// How many ids the lists below keep; the counts are always complete.
    public static let listLimit = 50

    /// Every segment of the segments file in priority order, then the default.
    public var segments: [SegmentCount] = []
    public var recipients = 0
    /// Profile rows that could not be read (reported, never silently dropped).
    public var badRows = 0
    /// Recipients matching no segment (they get the default), first ``listLimit`` ids.
    public var noMatch: [String] = []
    public var noMatchCount = 0
    /// Recipients matching more than one segment, with the segments, first ``listLimit``.
    public var several: [(id: String, segments: [String])] = []
    public var severalCount = 0

    /// Segments defined in the segments file that no template branches on.
    public var withoutBranch: [SegmentCount] { segments.filter { !$0.hasBranch } }

    /// Counts one recipient's memberships.
    mutating func record(id: String, segments memberships: [String]) {
        recipients += 1
        if memberships.isEmpty {
            noMatchCount += 1
            if noMatch.count < Self.listLimit { noMatch.append(id) }
        } else if memberships.count > 1 {
            severalCount += 1
            if several.count < Self.listLimit { several.append((id, memberships)) }
        }
    }
}
