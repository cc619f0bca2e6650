import Foundation
import TailorHTML

/// `validation.jsonl` (`validation.shard-I-of-N.jsonl`) of a run under way:
/// the findings of every validated body, one line each (``FindingRecord``),
/// in manifest order. Like the manifest it grows as `.partial`, chunk by
/// chunk, each chunk's findings flushed before its manifest lines, and is
/// renamed when the run completes.
///
/// A resumed run keeps the lines of the recipients its manifest keeps (by
/// their `manifest_line`) and cuts the rest, so the file ends as an
/// uninterrupted run's would.
final class FindingsJournal {
    /// What the kept part of an interrupted run's file holds.
    struct Kept {
        /// With `--validate variant`: the findings of each variant validated so far.
        var byVariant: [String: [FindingRecord]] = [:]
        var errors = 0
        var warnings = 0
        var notices = 0
    }

    private let file: AppendFile
    private let target: String
    /// The file's name in the output folder.
    let name: String

    /// Starts the file, or, resuming, keeps the lines of the first
    /// `keepingRecipients` manifest lines; `kept` says what they hold.
    init(layout: OutputLayout, resuming: Bool, keepingRecipients recipients: Int, mode: ValidationMode, kept: inout Kept)
        throws
    {
        name = layout.validationName
        target = layout.path(name)
        let partial = OutputLayout.partial(target)
        var length = 0
        if resuming {
            let fm = FileManager.default
            if !fm.fileExists(atPath: partial), fm.fileExists(atPath: target) {
                guard rename(target, partial) == 0 else { throw BatchIOError(path: target, "cannot rename to \(partial)") }
            }
            if recipients > 0, let reader = LineReader(path: partial) {
                while let (line, complete) = reader.next(), complete, let record = FindingRecord.parse(line),
                    record.manifestLine <= recipients
                {
                    length = reader.offset
                    switch record.severity {
                    case .error: kept.errors += 1
                    case .warning: kept.warnings += 1
                    case .notice: kept.notices += 1
                    }
                    if mode == .variant { kept.byVariant[record.variant, default: []].append(record) }
                }
            }
        }
        file = try AppendFile(path: partial, truncatingTo: length)
    }

    func append(_ record: FindingRecord) throws {
        try file.append(record.jsonLine)
        try file.append(CollectionOfOne(0x0a))
    }

    func flush() throws { try file.flush() }

    /// Renames the complete file into place.
    func finish() throws { try file.commit(as: target) }
}
