import Foundation
public import TailorMIME

/// The totals of a run, by status and by segment, and its speed.
public struct RenderSummary: Sendable {
    public let campaign: String
    public let outDirectory: String
    public private(set) var byStatus: [ManifestEntry.Status: Int] = [:]
    public private(set) var bySegment: [String: Int] = [:]
    /// Input rows that were not recipients (wrong columns, bad email, duplicates).
    public var badRows = 0
    /// The first few failures, for the summary.
    public private(set) var failures: [String] = []
    public var seconds: Double = 0

    init(campaign: String, outDirectory: String) {
        self.campaign = campaign
        self.outDirectory = outDirectory
    }

    public var recipients: Int { byStatus.values.reduce(0, +) }
    public var failed: Int { byStatus[.failed] ?? 0 }

    mutating func count(_ entry: ManifestEntry) {
        byStatus[entry.status, default: 0] += 1
        if let segment = entry.segment { bySegment[segment, default: 0] += 1 }
        if entry.status == .failed, failures.count < 5 {
            failures.append("\(entry.recipientID.isEmpty ? "(no id)" : entry.recipientID): \(entry.reason ?? "failed")")
        }
    }

    /// One line: counts by status and segment, the rate, where the manifest is.
    public var line: String {
        let statuses = [ManifestEntry.Status.rendered, .delivered, .skipped, .failed]
            .compactMap { status in byStatus[status].map { "\($0) \(status.rawValue)" } }
            .joined(separator: ", ")
        let segments = bySegment.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        let rate = seconds > 0 ? Double(recipients) / seconds : 0
        return "\(campaign): \(recipients) recipients (\(statuses.isEmpty ? "none" : statuses)) in "
            + "\(String(format: "%.2f", seconds)) s, \(Int(rate)) recipients/s; by segment: \(segments.isEmpty ? "-" : segments); "
            + "manifest: \(outDirectory)/manifest.jsonl"
    }
}
