import Foundation
import TailorMIME

/// The manifest of a run under way: `manifest.jsonl.partial`, one line per
/// recipient in input order, appended and flushed chunk by chunk, renamed to
/// `manifest.jsonl` when the run completes. What a killed run leaves is a
/// prefix of the complete manifest, possibly with a torn last line; a resumed
/// run cuts it back to its last good line and appends from there.
final class ManifestJournal {
    private let file: AppendFile
    private let target: String

    /// Opens the journal of `layout`, keeping its first `offset` bytes.
    init(layout: OutputLayout, keepingBytes offset: Int) throws {
        target = layout.path(layout.manifestName)
        file = try AppendFile(path: OutputLayout.partial(target), truncatingTo: offset)
    }

    func append(_ entry: ManifestEntry) throws {
        try file.append(entry.jsonLine)
        try file.append(CollectionOfOne(0x0a))
    }

    func flush() throws { try file.flush() }

    /// Renames the complete manifest into place.
    func finish() throws { try file.commit(as: target) }
}
