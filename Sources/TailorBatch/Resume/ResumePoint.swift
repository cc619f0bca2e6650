import Foundation
import TailorMIME

/// How far an interrupted run got: the manifest's good prefix and, for mbox
/// and JSONL, the length of the output that prefix accounts for.
///
/// A recipient counts as done when its manifest line is complete and parses,
/// and, when its status says a file was written, that file is there (for
/// `.eml`, with the size the manifest records). Files appear whole (temporary
/// name, then rename) and each manifest line is written after its message, so
/// the first recipient that fails these checks ends the prefix; everything from
/// there on is rendered again, with the same bytes.
struct ResumePoint: Sendable {
    /// Manifest lines kept.
    var recipients = 0
    /// Their length in bytes.
    var manifestBytes = 0
    /// Of those, the ones with a record in the single output file.
    var records = 0
    /// The length of the single output file those records take.
    var streamBytes = 0

    /// A fresh start.
    static let none = ResumePoint()

    /// Finds what the run in `layout` left; cuts nothing yet (the writers do,
    /// when they open the files). A completed run's files go back to their
    /// `.partial` names first, so that resuming it re-checks and re-finishes it;
    /// when it turns out it cannot be resumed, they get their names back, so
    /// that a refused resume leaves the folder as it found it (even without the
    /// run record, which the caller's own restoring needs).
    static func find(in layout: OutputLayout) throws -> ResumePoint {
        let fm = FileManager.default
        let manifest = layout.path(layout.manifestName)
        let journal = OutputLayout.partial(manifest)
        var moved: [(from: String, to: String)] = []
        if !fm.fileExists(atPath: journal) {
            guard fm.fileExists(atPath: manifest) else { return .none }
            try move(manifest, to: journal)
            moved.append((manifest, journal))
            if let name = layout.streamName, fm.fileExists(atPath: layout.path(name)) {
                let stream = layout.path(name)
                try move(stream, to: OutputLayout.partial(stream))
                moved.append((stream, OutputLayout.partial(stream)))
            }
        }
        do {
            return try measure(journal: journal, layout: layout)
        } catch {
            for file in moved.reversed() { _ = rename(file.to, file.from) }
            throw error
        }
    }

    /// The good prefix of `journal` and, for one-file formats, of the output beside it.
    private static func measure(journal: String, layout: OutputLayout) throws -> ResumePoint {
        // Shards sharing a folder may be writing right now: only an unsharded run tidies it.
        if layout.shard.isWhole { removeTemporaryFiles(in: layout.directory) }
        var point = try scan(journal: journal, layout: layout)
        if let name = layout.streamName {
            let path = OutputLayout.partial(layout.path(name))
            let found = StreamRecords.lengthOf(records: point.records, in: path, format: layout.format)
            guard found.records == point.records else {
                throw ResumeError(
                    "\(path) holds \(found.records) complete messages but the manifest records \(point.records); "
                        + "render again without --resume")
            }
            point.streamBytes = found.bytes
        }
        return point
    }

    private static func scan(journal: String, layout: OutputLayout) throws -> ResumePoint {
        guard let reader = LineReader(path: journal) else { throw ResumeError("\(journal): cannot be read") }
        var point = ResumePoint()
        let fm = FileManager.default
        while let (line, complete) = reader.next(), complete, let entry = ManifestLine.parse(line) {
            if let file = entry.file, entry.status == .rendered || entry.status == .delivered {
                if layout.streamName != nil {
                    point.records += 1
                } else {
                    let path = layout.path(file)
                    guard let attributes = try? fm.attributesOfItem(atPath: path) else { break }
                    if layout.format == .eml, let bytes = entry.bytes,
                        (attributes[.size] as? NSNumber)?.intValue != bytes
                    {
                        break
                    }
                }
            }
            point.recipients += 1
            point.manifestBytes = reader.offset
        }
        return point
    }

    private static func move(_ from: String, to: String) throws {
        guard rename(from, to) == 0 else { throw BatchIOError(path: from, "cannot rename to \(to)") }
    }

    /// The `.NAME.tmp-PID` files a killed writer leaves behind.
    private static func removeTemporaryFiles(in directory: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in names where name.hasPrefix(".") && name.contains(".tmp-") {
            try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
        }
    }
}

/// A run that cannot be resumed: the message says why and what to do.
public struct ResumeError: Error, Sendable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
