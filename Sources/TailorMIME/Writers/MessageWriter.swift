public import Foundation

/// Where built messages go: one of the output formats, writing into a folder.
///
/// Call ``write(_:)`` once per message, then ``finish()`` once. A writer that throws
/// for one message (a size limit, a duplicate id) can still take the next one; the
/// caller records the failure in the manifest. Every file appears atomically: a
/// crash leaves no half-written file under a final name.
public protocol MessageWriter: AnyObject {
    /// Writes one message; returns the file it went to, relative to the output folder.
    func write(_ message: MailMessage) throws(MIMEError) -> String
    /// Completes the output: renames streamed files into place, writes the last batch.
    func finish() throws(MIMEError)
}

/// The output formats, as `tailor render --format` names them.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// One `.eml` file per recipient.
    case eml
    /// One mboxrd file, `messages.mbox`.
    case mbox
    /// `messages.jsonl`: one JSON object per message.
    case jsonl
    /// One Amazon SES v2 `SendEmail` request body (raw content) per recipient.
    case ses
    /// One SendGrid v3 `mail/send` request body per recipient.
    case sendgrid
    /// Postmark `/email/batch` request bodies of at most 500 messages.
    case postmark

    /// A writer of this format into `directory` (created when missing).
    public func makeWriter(directory: URL, options: OutputOptions = OutputOptions()) throws(MIMEError)
        -> any MessageWriter
    {
        try AtomicFile.ensureDirectory(directory)
        switch self {
        case .eml: return EMLWriter(directory: directory)
        case .mbox: return try MboxWriter(directory: directory, fileName: options.mboxFileName)
        case .jsonl:
            return try JSONLWriter(directory: directory, fileName: options.jsonlFileName, includeRaw: options.includeRaw)
        case .ses: return SESWriter(directory: directory, options: options)
        case .sendgrid: return SendGridWriter(directory: directory, options: options)
        case .postmark: return PostmarkWriter(directory: directory, options: options)
        }
    }
}

/// Settings of the writers; each has the documented default.
public struct OutputOptions: Sendable {
    /// JSONL: add `raw`, the whole message.
    public var includeRaw = false
    /// The mbox file's name.
    public var mboxFileName = "messages.mbox"
    /// The JSONL file's name.
    public var jsonlFileName = "messages.jsonl"
    /// SES: the configuration set to name in each request.
    public var sesConfigurationSet: String?
    /// SES v2: the largest message, counted after base64 encoding (40 MB).
    public var sesMaxMessageBytes = 40 * 1024 * 1024
    /// SendGrid: the largest request (30 MB, the documented total message size).
    public var sendGridMaxBytes = 30 * 1024 * 1024
    /// Postmark: the message stream (`outbound` when nil; broadcasts use their own).
    public var postmarkMessageStream: String?
    /// Postmark: messages per batch (at most 500).
    public var postmarkBatchSize = 500
    /// Postmark: the largest batch request (50 MB).
    public var postmarkMaxBatchBytes = 50 * 1024 * 1024
    /// Postmark: the largest single message (10 MB).
    public var postmarkMaxMessageBytes = 10 * 1024 * 1024
    /// Postmark: the largest TextBody or HtmlBody (5 MB each).
    public var postmarkMaxBodyBytes = 5 * 1024 * 1024

    /// The defaults.
    public init() {}
}

/// Remembers the file stems given out, so one id is never written twice.
struct UsedNames {
    private var stems: [String: String] = [:]

    mutating func claim(_ recipientID: String) throws(MIMEError) -> String {
        let stem = SafeFileName.make(for: recipientID)
        if stems[stem] != nil { throw .duplicateRecipient(recipientID) }
        stems[stem] = recipientID
        return stem
    }
}
