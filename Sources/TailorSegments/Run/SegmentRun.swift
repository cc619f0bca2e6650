import TailorConfig
public import TailorData
import TailorTemplate

/// What one read of the profiles gave, recipient by recipient.
public enum RecipientOutcome: Sendable {
    case assigned(Profile, Assignment)
    case bad(BadRow)
}

/// Totals of the assigning pass: every row accounted for.
public struct RunTotals: Sendable {
    /// Rows read (recipients plus bad rows).
    public var rows = 0
    public var recipients = 0
    public var badRows = BadRowLog()
    public var events = 0
    public var eventBadRows = BadRowLog()
    /// Events whose recipient is not among the profiles.
    public var unmatchedEvents = 0
    public var unmatchedExamples: [String] = []
    public var joinMode: EventJoin.Mode?
    /// Rows of the external assignment files: read, bad, and for recipients not in the profiles.
    public var externalRows = 0
    public var externalBadRows = BadRowLog()
    public var externalUnmatched = 0
}

/// Segments over files: reads the population for scores and percentiles,
/// then streams every recipient through a ``SegmentAssigner``.
///
/// The first passes keep numbers only (see ``OrderStatistic``), never
/// profiles; events are joined in one stream when the events file follows the
/// profiles' order, and by an in-memory index otherwise.
///
/// ```swift
/// let run = SegmentRun(profiles: "data/profiles.csv", events: "data/events.jsonl",
///                      segments: try SegmentsFile.load(path: "segments/segments.yml"))
/// let assigner = try run.prepare()
/// let totals = try run.assignEach(assigner) { outcome in ... }
/// ```
public final class SegmentRun {
    public let profilesPath: String
    public let eventsPath: String?
    public let file: SegmentsFile
    public let format: ProfileFormat
    /// How events join, known after ``prepare()``.
    public private(set) var joinMode: EventJoin.Mode = .aligned
    /// How each external assignments file joins, known after ``prepare()``.
    public private(set) var externalModes: [String: EventJoin.Mode] = [:]
    /// Passes made over the profiles file so far.
    public private(set) var passes = 0

    public init(profiles: String, events: String?, segments: SegmentsFile, format: ProfileFormat = ProfileFormat()) {
        profilesPath = profiles
        eventsPath = events
        file = segments
        self.format = format
    }

    /// Checks the rules against the profile columns, finds how events and
    /// external assignments join, and computes the population's scores.
    public func prepare() throws -> SegmentAssigner {
        let hasExternal = file.segments.contains { $0.externalFile != nil }
        _ = try ExternalAssignments(for: file)  // opens each file: a missing one fails here
        try checkNames(columns: ProfileReader(path: profilesPath, format: format).columns)

        var metrics = PopulationMetrics(file)
        let metricsNeedEvents = !metrics.names.isDisjoint(with: EventHistory.contextNames)
        if eventsPath != nil || !metrics.isEmpty || hasExternal {
            var census = metrics
            let join = try pass(events: eventsPath == nil ? nil : .aligned, external: hasExternal) { profile, history in
                guard !census.isEmpty else { return }
                let context = metricsNeedEvents ? SegmentAssigner.attributesAndEvents(profile, history: history) : profile.attributes
                census.observe(census.values(context))
            }
            if let join, !join.isAligned {
                joinMode = .indexed
                if metricsNeedEvents {
                    census = metrics
                    _ = try pass(events: .indexed) { profile, history in
                        census.observe(census.values(SegmentAssigner.attributesAndEvents(profile, history: history)))
                    }
                }
            }
            metrics = census
        }
        metrics.planRanks(file)
        while metrics.needsPass {
            _ = try pass(events: metricsNeedEvents && eventsPath != nil ? joinMode : nil) { profile, history in
                let context = metricsNeedEvents ? SegmentAssigner.attributesAndEvents(profile, history: history) : profile.attributes
                metrics.refine(metrics.values(context))
            }
            metrics.finishPass()
        }
        return SegmentAssigner(file: file, statistics: metrics.statistics)
    }

    /// The last pass: assigns every recipient and hands each outcome, in file order, to `body`.
    public func assignEach(_ assigner: SegmentAssigner, _ body: (RecipientOutcome) throws -> Void) throws -> RunTotals {
        var totals = RunTotals()
        let reader = try ProfileReader(path: profilesPath, format: format)
        let join = try eventsPath.map { path throws(DataFileError) in try EventJoin(path: path, mode: joinMode) }
        let external = try ExternalAssignments(for: file, modes: externalModes)
        passes += 1
        while let item = reader.next() {
            totals.rows += 1
            switch item {
            case .profile(let profile):
                totals.recipients += 1
                let history = join?.history(for: profile.id) ?? .empty
                let memberships = external.memberships(for: profile.id)
                try body(.assigned(profile, assigner.assign(profile, history: history, external: memberships)))
            case .bad(let row):
                totals.badRows.append(row)
                if let id = row.recipientId, !row.isDuplicate {
                    _ = join?.history(for: id)
                    _ = external.memberships(for: id)
                }
                try body(.bad(row))
            }
        }
        external.finish()
        totals.externalBadRows = external.badRows
        totals.externalRows = external.joins.reduce(0) { $0 + $1.rowCount }
        totals.externalUnmatched = external.joins.reduce(0) { $0 + $1.unmatched }
        if let join {
            join.finish()
            totals.events = join.eventCount
            totals.eventBadRows = join.badRows
            totals.unmatchedEvents = join.unmatched
            totals.unmatchedExamples = join.unmatchedExamples
            totals.joinMode = join.mode
        }
        return totals
    }

    /// One read of the profiles (and events, when `events` is given). With
    /// `external`, also checks whether each external assignments file follows
    /// the profiles' order, and notes the ones that do not.
    private func pass(
        events mode: EventJoin.Mode?, external checkExternal: Bool = false, _ body: (Profile, EventHistory) -> Void
    ) throws -> EventJoin? {
        passes += 1
        let reader = try ProfileReader(path: profilesPath, format: format)
        var join: EventJoin?
        if let mode, let eventsPath { join = try EventJoin(path: eventsPath, mode: mode) }
        let external = checkExternal ? try ExternalAssignments(for: file) : nil
        while let item = reader.next() {
            switch item {
            case .profile(let profile):
                _ = external?.memberships(for: profile.id)
                body(profile, join?.history(for: profile.id) ?? .empty)
            case .bad(let row):
                if let id = row.recipientId, !row.isDuplicate {
                    _ = join?.history(for: id)
                    _ = external?.memberships(for: id)
                }
            }
        }
        join?.finish()
        if let external {
            external.finish()
            for j in external.joins where !j.isAligned { externalModes[j.path] = .indexed }
        }
        return join
    }

    /// Every name a rule or score reads must be a profile column, an
    /// events-derived value, a score or a date helper (CSV profiles only: a
    /// JSONL file has no header to check against).
    func checkNames(columns: [String]) throws(ConfigError) {
        guard !columns.isEmpty else { return }
        var known = Set(columns).union(EventHistory.contextNames).union(file.environment.globals.keys)
        if file.rfm != nil { known.formUnion(["rfm_score", "rfm"]) }
        func check(_ expression: CompiledExpression, _ what: String, line: Int) throws(ConfigError) {
            for name in expression.names.sorted() where !known.contains(name) {
                let suggestion = Spelling.suggestion(for: name, among: known.sorted())
                throw ConfigError(
                    file: file.path,
                    message: "\(what) reads '\(name)', which is not a column of \(profilesPath)\(name == "rfm_score" ? " (there is no 'rfm:' section)" : "")",
                    line: line, column: 1,
                    help: suggestion.map { "did you mean '\($0)'?" }
                        ?? "the columns are: \(columns.joined(separator: ", "))")
            }
        }
        for segment in file.segments {
            if let rule = segment.rule { try check(rule, "the rule of segment '\(segment.name)'", line: segment.line) }
            if let top = segment.topPercent { try check(top.of, "'of' of segment '\(segment.name)'", line: segment.line) }
        }
        if let rfm = file.rfm {
            try check(rfm.recency, "rfm.recency", line: 0)
            try check(rfm.frequency, "rfm.frequency", line: 0)
            try check(rfm.monetary, "rfm.monetary", line: 0)
        }
    }
}
