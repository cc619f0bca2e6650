import Foundation

/// Postmark `/email/batch` request bodies: JSON arrays of at most 500 messages.
///
/// ```json
/// [{"From":"Tailor Shop <news@shop.example>","To":"=?utf-8?q?Zo=C3=AB?= <zoe@example.com>",
///   "Subject":"…","HtmlBody":"…","TextBody":"…",
///   "Headers":[{"Name":"List-Unsubscribe","Value":"<https://…>"}, …]}, …]
/// ```
///
/// Postmark's documented limits: 500 messages and 50 MB per batch call, 10 MB per
/// message, 5 MB for each of TextBody and HtmlBody. A message over its own limits
/// throws ``MIMEError/limitExceeded(format:limit:)``; a batch is written out as
/// `postmark-batch-0001.json`, `-0002`, ... before it would pass either batch limit.
/// `From`, `To` and `ReplyTo` are the header forms, RFC 2047-encoded; `Date` and
/// `Message-ID` are Postmark's to write.
final class PostmarkWriter: MessageWriter {
    /// The output folder's path.
    private let folder: String
    private let options: OutputOptions
    private var names = UsedNames()
    private var batch: [String] = []
    private var batchBytes = 2
    private var batchNumber = 1

    init(directory: URL, options: OutputOptions) {
        folder = directory.path
        self.options = options
    }

    var currentFileName: String {
        let digits = String(batchNumber)
        return "postmark-batch-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits + ".json"
    }

    func write(_ message: MailMessage) throws(MIMEError) -> String {
        let element = try Self.element(for: message, options: options).serialized
        _ = try names.claim(message.recipientID)
        let size = element.utf8.count + 1
        if !batch.isEmpty,
            batch.count >= min(500, options.postmarkBatchSize) || batchBytes + size > options.postmarkMaxBatchBytes
        {
            try flush()
        }
        batch.append(element)
        batchBytes += size
        return currentFileName
    }

    func finish() throws(MIMEError) {
        if !batch.isEmpty { try flush() }
    }

    private func flush() throws(MIMEError) {
        let text = "[" + batch.joined(separator: ",") + "]"
        try AtomicFile.write(Array(text.utf8), toFolder: folder, name: currentFileName)
        batch.removeAll()
        batchBytes = 2
        batchNumber += 1
    }

    static func element(for message: MailMessage, options: OutputOptions) throws(MIMEError) -> JSONText {
        for (field, body) in [("TextBody", message.text), ("HtmlBody", message.html)]
        where body.utf8.count > options.postmarkMaxBodyBytes {
            throw .limitExceeded(
                format: "postmark", limit: "\(field) is \(body.utf8.count) bytes; Postmark allows \(options.postmarkMaxBodyBytes)")
        }
        var members: [(String, JSONText)] = [
            ("From", .string(message.from.encoded)),
            ("To", .string(message.to.encoded)),
        ]
        if let replyTo = message.replyTo { members.append(("ReplyTo", .string(replyTo.encoded))) }
        members += [
            ("Subject", .string(message.subject)),
            ("HtmlBody", .string(message.html)),
            ("TextBody", .string(message.text)),
        ]
        let headers = message.headers.filter { !SendGridWriter.omittedHeaders.contains($0.name.lowercased()) }
        members.append(
            ("Headers", .array(headers.map { .object([("Name", .string($0.name)), ("Value", .string(HeaderFolding.encodedValue($0.value)))]) })))
        if let stream = options.postmarkMessageStream { members.append(("MessageStream", .string(stream))) }
        let element = JSONText.object(members)
        let size = element.bytes.count
        guard size <= options.postmarkMaxMessageBytes else {
            throw .limitExceeded(
                format: "postmark", limit: "message is \(size) bytes; Postmark allows \(options.postmarkMaxMessageBytes)")
        }
        return element
    }
}
