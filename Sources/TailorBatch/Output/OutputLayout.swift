public import Foundation
public import TailorMIME

/// The names of a run's files in its output folder. A sharded run tags each
/// with its shard, so the shards of one send can share a folder:
///
/// | | unsharded | shard 2 of 8 |
/// | --- | --- | --- |
/// | manifest | `manifest.jsonl` | `manifest.shard-2-of-8.jsonl` |
/// | run record | `run.json` | `run.shard-2-of-8.json` |
/// | mbox | `messages.mbox` | `messages.shard-2-of-8.mbox` |
/// | JSONL | `messages.jsonl` | `messages.shard-2-of-8.jsonl` |
/// | findings | `validation.jsonl` | `validation.shard-2-of-8.jsonl` |
///
/// While a run is under way, the manifest, the findings and a single-file output grow under
/// their name plus `.partial`; they are renamed when the run completes, so a
/// file under its final name is complete.
public struct OutputLayout: Sendable {
    public let directory: URL
    public let format: OutputFormat
    public let shard: Shard

    public init(directory: URL, format: OutputFormat, shard: Shard) {
        self.directory = directory
        self.format = format
        self.shard = shard
    }

    private func tagged(_ stem: String, _ ext: String) -> String {
        shard.isWhole ? "\(stem).\(ext)" : "\(stem).\(shard.fileTag).\(ext)"
    }

    /// The manifest's file name.
    public var manifestName: String { tagged("manifest", "jsonl") }
    /// The validation findings' file name (without `--validate off`).
    public var validationName: String { tagged("validation", "jsonl") }
    /// The run record's file name.
    public var runRecordName: String { tagged("run", "json") }
    /// The single output file of mbox and JSONL; nil for the per-recipient formats.
    public var streamName: String? {
        switch format {
        case .mbox: return tagged("messages", "mbox")
        case .jsonl: return tagged("messages", "jsonl")
        default: return nil
        }
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
    static func partial(_ path: String) -> String { path + ".partial" }

    /// Writer options that put the single output file where this layout says.
    func writerOptions(includeRaw: Bool) -> OutputOptions {
        var options = OutputOptions()
        options.includeRaw = includeRaw
        if let streamName {
            options.mboxFileName = streamName
            options.jsonlFileName = streamName
        }
        return options
    }
}
