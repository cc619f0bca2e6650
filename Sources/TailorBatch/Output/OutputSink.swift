import Foundation
import TailorMIME

/// Where a run's messages go, one at a time and in input order.
///
/// The run calls ``flush()`` after each chunk and before that chunk's manifest
/// lines, so a manifest line never names a message that is not on disk.
protocol OutputSink: AnyObject {
    /// Writes one message, or for a single-file format its `record` when the
    /// rendering thread prepared it; returns the file it went to, relative to
    /// the output folder. An I/O error stops the run; any other throw fails
    /// that recipient only (see ``RenderRun/stopsTheRun(_:)``).
    func write(_ message: MailMessage, record: [UInt8]?) throws -> String
    /// Makes everything written so far durable against a killed process.
    func flush() throws
    /// Completes the output.
    func finish() throws
}

/// The per-recipient formats (and Postmark's batches): TailorMIME's writer,
/// whose every file appears whole (temporary name, then rename).
final class WriterSink: OutputSink {
    private let writer: any MessageWriter

    init(_ writer: any MessageWriter) {
        self.writer = writer
    }

    func write(_ message: MailMessage, record: [UInt8]?) throws -> String { try writer.write(message) }
    func flush() throws {}
    func finish() throws { try writer.finish() }
}

/// mbox and JSONL: records appended to `NAME.partial`, renamed to `NAME`
/// when the run completes. A resumed run first cuts the partial file back to
/// the records its manifest accounts for.
final class StreamSink: OutputSink {
    private let file: AppendFile
    private let format: OutputFormat
    private let options: OutputOptions
    private let name: String
    private let target: String

    init(layout: OutputLayout, options: OutputOptions, startingAt offset: Int) throws {
        format = layout.format
        self.options = options
        name = layout.streamName!
        target = layout.path(name)
        file = try AppendFile(path: OutputLayout.partial(target), truncatingTo: offset)
    }

    func write(_ message: MailMessage, record: [UInt8]?) throws -> String {
        try file.append(record ?? format.record(for: message, options: options)!)
        return name
    }

    func flush() throws { try file.flush() }
    func finish() throws { try file.commit(as: target) }
}
