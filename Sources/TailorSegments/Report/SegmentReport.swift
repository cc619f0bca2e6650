import Foundation
public import TailorData
public import TailorTemplate

/// What `tailor segments` shows: sizes, overlaps, the nesting tree, an
/// attribute-by-segment matrix, and every bad row.
public struct SegmentReport: Sendable {
    /// One segment's line in the report.
    public struct Row: Sendable, Equatable {
        public var name: String
        public var priority: Int?
        public var parent: String?
        public var description: String?
        /// Recipients in the segment.
        public var members: Int
        /// Recipients whose primary segment it is.
        public var primary: Int
        /// Recipients for whom the rule failed (counted as not matching).
        public var ruleFailures: Int
        public var firstFailure: String?
    }

    /// Counts of an attribute's values (rows) by primary segment (columns).
    public struct Matrix: Sendable {
        public var attribute: String
        /// Primary segment names, in priority order, the default last.
        public var columns: [String]
        public var rows: [(label: String, counts: [Int])]
    }

    public var segmentsFile: String
    public var profilesFile: String
    public var eventsFile: String?
    public var asOf: Int
    public var totals: RunTotals
    /// In priority order.
    public var rows: [Row]
    public var defaultSegment: String
    public var defaultCount: Int
    /// `overlaps[i][j]`: recipients in both `rows[i]` and `rows[j]`.
    public var overlaps: [[Int]]
    public var matrix: Matrix?
    public var externalBadRows: BadRowLog
    /// Passes made over the profiles file.
    public var passes: Int
}

/// Builds a ``SegmentReport`` from the outcomes of an assigning pass, in
/// memory bounded by the number of segments and attribute values.
public struct SegmentReportBuilder {
    private let file: SegmentsFile
    private let by: String?
    private let names: [String]
    private var position: [String: Int] = [:]
    private var members: [Int]
    private var primary: [Int]
    private var defaultCount = 0
    private var overlaps: [[Int]]
    private var failures: [String: (count: Int, first: String)] = [:]
    private var matrixRows: [String: [Int]] = [:]
    private var matrixOrder: [String] = []
    static let maxMatrixRows = 30

    /// `by`: the attribute to tabulate (numbers are grouped in tens, dates by year).
    public init(file: SegmentsFile, by: String?) {
        self.file = file
        self.by = by
        names = file.namesByPriority
        for (i, n) in names.enumerated() { position[n] = i }
        members = Array(repeating: 0, count: names.count)
        primary = Array(repeating: 0, count: names.count)
        overlaps = Array(repeating: Array(repeating: 0, count: names.count), count: names.count)
    }

    public mutating func add(_ outcome: RecipientOutcome) {
        guard case .assigned(let profile, let assignment) = outcome else { return }
        let indices = assignment.segments.compactMap { position[$0] }
        for i in indices {
            members[i] += 1
            for j in indices { overlaps[i][j] += 1 }
        }
        let column = position[assignment.segment] ?? names.count
        if column < names.count { primary[column] += 1 } else { defaultCount += 1 }
        for failure in assignment.ruleFailures where failures[failure.segment] == nil {
            failures[failure.segment] = (0, "\(profile.id) (line \(profile.line)): \(failure.message)")
        }
        for failure in assignment.ruleFailures { failures[failure.segment]!.count += 1 }
        if let by {
            var label = Self.band(profile.attributes[by])
            if matrixRows[label] == nil, matrixRows.count >= Self.maxMatrixRows { label = "(other)" }
            if matrixRows[label] == nil {
                matrixRows[label] = Array(repeating: 0, count: names.count + 1)
                matrixOrder.append(label)
            }
            matrixRows[label]![column] += 1
        }
    }

    /// The label of an attribute value in the matrix: numbers in tens
    /// (`30-39`), dates by year, text as written, `(missing)` when absent.
    public static func band(_ value: Value?) -> String {
        switch value {
        case nil, .undefined?, .none?: return "(missing)"
        case .int(let i)?:
            let low = Int((Double(i) / 10).rounded(.down)) * 10
            return "\(low)-\(low + 9)"
        case .float(let d)?:
            let low = Int((d / 10).rounded(.down)) * 10
            return "\(low)-\(low + 9)"
        case .object(let d as DateValue)?: return String(CivilDate.components(ofDay: d.day).year)
        case .object(let t as TimestampValue)?: return String(CivilDate.components(ofDay: t.date.day).year)
        case let v?:
            let text = v.displayString
            return text.count > 30 ? String(text.prefix(30)) + "…" : text
        }
    }

    public func finish(totals: RunTotals, run: SegmentRun) -> SegmentReport {
        let rows = file.priorityOrder.enumerated().map { (i, index) in
            let s = file.segments[index]
            return SegmentReport.Row(
                name: s.name, priority: s.priority, parent: s.parent, description: s.description,
                members: members[i], primary: primary[i], ruleFailures: failures[s.name]?.count ?? 0,
                firstFailure: failures[s.name]?.first)
        }
        var matrix: SegmentReport.Matrix?
        if let by {
            let sorted = matrixOrder.sorted { a, b in
                let special = { (s: String) in s.hasPrefix("(") }
                if special(a) != special(b) { return !special(a) }
                return a.compare(b, options: .numeric) == .orderedAscending
            }
            matrix = SegmentReport.Matrix(
                attribute: by, columns: names + [file.defaultSegment],
                rows: sorted.map { ($0, matrixRows[$0]!) })
        }
        return SegmentReport(
            segmentsFile: file.path, profilesFile: run.profilesPath, eventsFile: run.eventsPath, asOf: file.now,
            totals: totals, rows: rows, defaultSegment: file.defaultSegment, defaultCount: defaultCount,
            overlaps: overlaps, matrix: matrix, externalBadRows: totals.externalBadRows, passes: run.passes)
    }
}
