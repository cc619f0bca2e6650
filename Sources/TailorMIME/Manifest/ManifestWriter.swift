public import Foundation

/// Writes `manifest.jsonl` beside the output: one line per recipient, every recipient.
///
/// The file is streamed under a temporary name and renamed into place by ``finish()``,
/// so a manifest that exists is complete.
///
/// ```swift
/// let manifest = try ManifestWriter(directory: outDirectory)
/// try manifest.append(.rendered(message, file: file, segment: "vip", variant: "b"))
/// try manifest.append(ManifestEntry(recipientID: "c-9", status: .skipped, reason: "no segment matched"))
/// try manifest.finish()
/// ```
public final class ManifestWriter {
    /// The manifest's conventional name.
    public static let defaultFileName = "manifest.jsonl"

    private let file: StreamingFile
    /// Entries written so far, by status.
    public private(set) var counts: [ManifestEntry.Status: Int] = [:]

    /// Starts a manifest in `directory` (created when missing).
    public init(directory: URL, fileName: String = ManifestWriter.defaultFileName) throws(MIMEError) {
        try AtomicFile.ensureDirectory(directory)
        file = try StreamingFile(directory: directory, name: fileName)
    }

    /// Adds one line.
    public func append(_ entry: ManifestEntry) throws(MIMEError) {
        try file.append(entry.jsonLine + "\n")
        counts[entry.status, default: 0] += 1
    }

    /// Renames the manifest into place.
    public func finish() throws(MIMEError) {
        try file.commit()
    }
}
