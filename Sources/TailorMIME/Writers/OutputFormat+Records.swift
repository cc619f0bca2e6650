/// The single-file formats as records: what one message adds to the file.
/// A caller that appends these itself (to resume an interrupted send, say)
/// writes exactly what ``MboxWriter`` and ``JSONLWriter`` write.
extension OutputFormat {
    /// Whether every message goes into one file (mbox, JSONL).
    public var isSingleFile: Bool { self == .mbox || self == .jsonl }

    /// The bytes `message` adds to an mbox or JSONL file (separator line and
    /// quoted message; one JSON object and its newline); nil for the formats
    /// that write a file per message or per batch.
    public func record(for message: MailMessage, options: OutputOptions = OutputOptions()) -> [UInt8]? {
        switch self {
        case .mbox:
            return MboxWriter.entry(for: message)
        case .jsonl:
            return JSONLWriter.line(for: message, includeRaw: options.includeRaw)
        case .eml, .ses, .sendgrid, .postmark:
            return nil
        }
    }
}
