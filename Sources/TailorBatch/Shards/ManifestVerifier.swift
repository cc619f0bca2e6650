public import Foundation
public import TailorData
import TailorMIME

/// Proves that the shards of a send together account for every input row
/// exactly once (`tailor manifest verify DIR...`).
///
/// Each run leaves a ``RunRecord`` beside its manifest with fingerprints
/// (``RecipientDigest``) of the whole input and of its shard's rows. The
/// verifier checks that:
/// - every record is complete, and all agree on the input and the shard count;
/// - every shard index from 0 to N-1 is there exactly once;
/// - each manifest holds exactly its shard's input rows: same count, same
///   fingerprint, and every id belongs to that shard (so no two manifests
///   share a recipient);
/// - the shards' fingerprints add up to the input's, and, given the profiles
///   file, to the fingerprint of that file read again.
///
/// ```swift
/// let report = try ManifestVerifier.verify([URL(fileURLWithPath: "out/send")])
/// print(report.line)   // verified: 4 shards, 10000 input rows, each rendered exactly once ...
/// ```
public enum ManifestVerifier {
    /// What verification found.
    public struct Report: Sendable {
        /// Everything wrong, one sentence each; empty when the send is complete.
        public var problems: [String] = []
        public var shardCount = 0
        public var shardsFound = 0
        public var inputRows = 0
        /// Manifest lines by status, over all shards.
        public var byStatus: [String: Int] = [:]

        public var isComplete: Bool { problems.isEmpty && shardsFound > 0 }

        /// The one-line verdict.
        public var line: String {
            let statuses = byStatus.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            if isComplete {
                return "verified: \(shardsFound) shard\(shardsFound == 1 ? "" : "s") of \(shardCount), \(inputRows) input rows, "
                    + "each in exactly one manifest, exactly once (\(statuses.isEmpty ? "none" : statuses))"
            }
            return "not verified: \(problems.count) problem\(problems.count == 1 ? "" : "s")"
        }
    }

    /// Verifies the runs whose records are in `directories`. With `profiles`,
    /// also reads that file's ids (with `format`) and compares them to the input
    /// the runs recorded.
    public static func verify(_ directories: [URL], profiles: String? = nil, format: ProfileFormat = ProfileFormat())
        throws -> Report
    {
        var report = Report()
        var runs: [(url: URL, record: RunRecord)] = []
        for directory in directories {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            let found = names.filter { $0 == "run.json" || ($0.hasPrefix("run.shard-") && $0.hasSuffix(".json")) }.sorted()
            if found.isEmpty {
                report.problems.append("\(directory.path): no run record (run.json or run.shard-I-of-N.json)")
            }
            for name in found {
                let url = directory.appendingPathComponent(name)
                do {
                    runs.append((url, try RunRecord.read(from: url)))
                } catch {
                    report.problems.append("\(url.path): not a run record: \(error)")
                }
            }
        }
        guard let first = runs.first?.record else { return report }
        report.shardCount = first.shard.count
        let expectedInput = first.input?.digest
        report.inputRows = expectedInput?.count ?? 0

        var seen: [Int: [String]] = [:]
        var total = RecipientDigest()
        for (url, record) in runs {
            let label = "\(url.path) (shard \(record.shard.index)/\(record.shard.count))"
            seen[record.shard.index, default: []].append(url.path)
            guard record.complete, let shardInput = record.shardInput?.digest, let input = record.input?.digest else {
                report.problems.append("\(label): the run did not complete; finish it with --resume")
                continue
            }
            if record.shard.count != first.shard.count {
                report.problems.append("\(label): split into \(record.shard.count) shards, not \(first.shard.count)")
            }
            let differences = Self.differences(record, input: input, from: first, expectedInput: expectedInput)
            if !differences.isEmpty {
                report.problems.append("\(label): unlike \(runs[0].url.path), \(differences.joined(separator: "; "))")
            }
            total = total.combined(with: shardInput)
            let manifest = url.deletingLastPathComponent().appendingPathComponent(record.manifest).path
            check(manifest: manifest, shard: record.shard, expected: shardInput, label: label, into: &report)
        }
        for index in 0..<first.shard.count {
            switch seen[index]?.count ?? 0 {
            case 0: report.problems.append("shard \(index)/\(first.shard.count) is missing")
            case 1: report.shardsFound += 1
            default:
                report.problems.append("shard \(index)/\(first.shard.count) appears more than once: \(seen[index]!.joined(separator: ", "))")
            }
        }
        for index in seen.keys where index < 0 || index >= first.shard.count {
            report.problems.append("shard index \(index) is out of range for \(first.shard.count) shards")
        }
        if report.problems.isEmpty, let expectedInput, total != expectedInput {
            report.problems.append(
                "the shards hold \(total.count) rows but the input had \(expectedInput.count), or other ids")
        }
        if let profiles {
            let actual = try digest(of: profiles, format: format)
            if actual != expectedInput {
                report.problems.append(
                    "\(profiles) has \(actual.count) rows whose ids differ from the input the runs read (\(report.inputRows) rows)")
            }
        }
        return report
    }

    /// Reads a manifest: its ids must belong to `shard` and add up to `expected`.
    private static func check(
        manifest: String, shard: RunRecord.ShardPart, expected: RecipientDigest, label: String, into report: inout Report
    ) {
        guard let reader = LineReader(path: manifest) else {
            report.problems.append("\(label): the manifest \(manifest) cannot be read")
            return
        }
        var digest = RecipientDigest()
        var lineNumber = 0
        var foreign = 0
        while let (line, _) = reader.next() {
            lineNumber += 1
            guard let entry = ManifestLine.parse(line) else {
                report.problems.append("\(manifest):\(lineNumber): not a manifest line")
                continue
            }
            digest.add(entry.recipientID)
            report.byStatus[entry.status.rawValue, default: 0] += 1
            let owner = Shard.index(of: entry.recipientID, count: shard.count)
            if owner != shard.index {
                foreign += 1
                if foreign <= 3 {
                    report.problems.append(
                        "\(manifest):\(lineNumber): '\(TerminalText.safe(entry.recipientID, limit: 80))' belongs to shard "
                            + "\(owner), not \(shard.index)")
                }
            }
        }
        if digest.count != expected.count {
            report.problems.append("\(label): the manifest has \(digest.count) lines for \(expected.count) input rows")
        } else if digest != expected {
            report.problems.append("\(label): the manifest's ids are not the shard's input rows (one missing and another repeated)")
        }
    }

    /// The fingerprint of every row of a profiles file, as a run takes it.
    public static func digest(of profiles: String, format: ProfileFormat) throws -> RecipientDigest {
        var digest = RecipientDigest()
        for item in try ProfileReader(path: profiles, format: format) {
            switch item {
            case .profile(let profile): digest.add(profile.id)
            case .bad(let row): digest.add(row.recipientId ?? "")
            }
        }
        return digest
    }
}

extension ManifestVerifier {
    /// What makes `record` another send than `first`, one phrase each: the
    /// shards of one send read the same input and render the same campaign,
    /// format and send date.
    static func differences(_ record: RunRecord, input: RecipientDigest, from first: RunRecord, expectedInput: RecipientDigest?)
        -> [String]
    {
        var out: [String] = []
        if input != expectedInput { out.append("it read another input") }
        if record.campaign != first.campaign { out.append("it rendered campaign '\(record.campaign)', not '\(first.campaign)'") }
        if record.format != first.format { out.append("it wrote --format \(record.format), not \(first.format)") }
        if record.sendDate != first.sendDate {
            out.append(
                "its send date is \(CivilDate.isoString(ofSeconds: record.sendDate)), not "
                    + CivilDate.isoString(ofSeconds: first.sendDate))
        }
        return out
    }
}
