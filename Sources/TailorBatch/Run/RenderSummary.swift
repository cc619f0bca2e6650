import Foundation
public import TailorMIME

/// The totals of a run, by status and by segment, and its speed.
public struct RenderSummary: Sendable {
    public let campaign: String
    public let outDirectory: String
    /// Where every recipient's line is.
    public let manifest: String
    public private(set) var byStatus: [ManifestEntry.Status: Int] = [:]
    public private(set) var bySegment: [String: Int] = [:]
    /// Input rows that were not recipients (wrong columns, bad email, duplicates).
    public var badRows = 0
    /// Bad lines of the events, catalog and segment assignment files, left out of the send.
    public var dataFileWarnings = DataFileWarnings()
    /// Recipients taken over from the manifest of the run this one resumed.
    public private(set) var resumed = 0
    /// The failures by reason, in the order each reason first came: a template
    /// error fails every recipient it reaches with the same reason. At most
    /// ``maxReasons`` reasons are kept; later ones are counted in the total only.
    public private(set) var failureReasons: [FailureReason] = []
    private var reasonIndex: [String: Int] = [:]
    static let maxReasons = 100

    /// One reason recipients failed for: how many, and the first of them.
    public struct FailureReason: Sendable, Equatable {
        public var reason: String
        public var count: Int
        public var firstRecipient: String
    }
    public var seconds: Double = 0
    /// The part of the send rendered.
    public var shard: Shard = .whole
    public var validate: ValidationMode = .variant
    /// What validation found so far; nil with `--validate off`.
    public var validation: ValidationTotals?
    /// The input line of the last recipient written (for progress).
    public var inputLine = 0

    init(campaign: String, outDirectory: String, manifest: String) {
        self.campaign = campaign
        self.outDirectory = outDirectory
        self.manifest = manifest
    }

    public var recipients: Int { byStatus.values.reduce(0, +) }
    public var failed: Int { byStatus[.failed] ?? 0 }

    /// Recipients per second rendered by this run (resumed ones left out).
    public var rate: Double { seconds > 0 ? Double(recipients - resumed) / seconds : 0 }

    mutating func count(_ entry: ManifestEntry, resumed: Bool) {
        byStatus[entry.status, default: 0] += 1
        if resumed { self.resumed += 1 }
        if let segment = entry.segment { bySegment[segment, default: 0] += 1 }
        if entry.status == .failed {
            let reason = entry.reason ?? "failed"
            if let i = reasonIndex[reason] {
                failureReasons[i].count += 1
            } else if failureReasons.count < Self.maxReasons {
                reasonIndex[reason] = failureReasons.count
                failureReasons.append(
                    FailureReason(reason: reason, count: 1, firstRecipient: entry.recipientID.isEmpty ? "(no id)" : entry.recipientID))
            }
        }
    }

    /// Lines for the terminal: the most frequent failure reasons, at most
    /// `limit`, a repeated one with its count and first recipient, and how many
    /// failures they leave out. Ids and reasons come from the data, so they
    /// are printed through ``TerminalText`` (the manifest has them whole).
    public func failureLines(limit: Int = 5) -> [String] {
        let top = failureReasons.enumerated()
            .sorted { $0.element.count != $1.element.count ? $0.element.count > $1.element.count : $0.offset < $1.offset }
            .prefix(limit).map(\.element)
        var lines = top.map { f in
            let id = TerminalText.safe(f.firstRecipient, limit: 80)
            let reason = TerminalText.safe(f.reason, limit: 400)
            return f.count == 1
                ? "failed: \(id): \(reason)"
                : "failed: \(f.count) recipients (the first \(id)): \(reason)"
        }
        let shown = top.reduce(0) { $0 + $1.count }
        if failed > shown { lines.append("... \(failed - shown) more in \(manifest)") }
        return lines
    }

    /// One line: counts by status and segment, the rate, where the manifest
    /// (and so every failure) is.
    public var line: String {
        let statuses = [ManifestEntry.Status.rendered, .delivered, .skipped, .failed]
            .compactMap { status in byStatus[status].map { "\($0) \(status.rawValue)" } }
            .joined(separator: ", ")
        let segments = bySegment.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { "\(TerminalText.safe($0.key, limit: 80)) \($0.value)" }.joined(separator: ", ")
        let part = shard.isWhole ? "" : " (shard \(shard))"
        let resumedNote = resumed > 0 ? ", \(resumed) resumed" : ""
        let failureNote = failed > 0 ? "failures: \(failed), listed with reasons in \(manifest)" : "manifest: \(manifest)"
        return "\(campaign)\(part): \(recipients) recipients (\(statuses.isEmpty ? "none" : statuses)\(resumedNote)) in "
            + "\(String(format: "%.2f", seconds)) s, \(Int(rate)) recipients/s; by segment: \(segments.isEmpty ? "-" : segments); "
            + validationNote + failureNote
    }

    /// `validation (variant): 7 bodies, 0 errors, 2 warnings, 0 notices in validation.jsonl; `, nothing when off.
    private var validationNote: String {
        guard let v = validation else { return "" }
        func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
        var parts = [
            count(v.bodies, "body", "bodies"), count(v.errors, "error", "errors"), count(v.warnings, "warning", "warnings"),
            count(v.notices, "notice", "notices"),
        ]
        if v.failed > 0 { parts.append(count(v.failed, "recipient", "recipients") + " failed by it") }
        return "validation (\(validate.rawValue)): \(parts.joined(separator: ", ")) in \(v.file); "
    }
}
