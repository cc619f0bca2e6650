import Foundation

/// SendGrid v3 `mail/send` request bodies, one file per recipient.
///
/// ```json
/// {"personalizations":[{"to":[{"email":"zoe@example.com","name":"Zoë Ämtmann"}]}],
///  "from":{"email":"news@shop.example","name":"Tailor Shop"},"subject":"…",
///  "content":[{"type":"text/plain","value":"…"},{"type":"text/html","value":"…"}],
///  "headers":{"List-Unsubscribe":"<https://…>","List-Unsubscribe-Post":"List-Unsubscribe=One-Click"}}
/// ```
///
/// SendGrid builds the MIME message itself, so the rendered subject and bodies go
/// unchanged, `text/plain` first as the API requires. The API's documentation asks
/// that header values be encoded when they hold Unicode, so extra header values are
/// RFC 2047-encoded. Headers SendGrid reserves or writes itself (`Date`, `Message-ID`,
/// and the address, subject and content fields) are left out. A request over the
/// documented 30 MB total throws ``MIMEError/limitExceeded(format:limit:)``.
final class SendGridWriter: MessageWriter {
    /// The output folder's path.
    private let folder: String
    private let options: OutputOptions
    private var names = UsedNames()

    static let omittedHeaders: Set<String> = ["date", "message-id"]

    init(directory: URL, options: OutputOptions) {
        folder = directory.path
        self.options = options
    }

    func write(_ message: MailMessage) throws(MIMEError) -> String {
        let body = try Self.body(for: message, options: options)
        let name = try names.claim(message.recipientID) + ".json"
        try AtomicFile.write(body, toFolder: folder, name: name)
        return name
    }

    func finish() throws(MIMEError) {}

    static func body(for message: MailMessage, options: OutputOptions) throws(MIMEError) -> [UInt8] {
        var members: [(String, JSONText)] = [
            ("personalizations", .array([.object([("to", .array([.mailbox(message.to)]))])])),
            ("from", .mailbox(message.from)),
        ]
        if let replyTo = message.replyTo { members.append(("reply_to", .mailbox(replyTo))) }
        members += [
            ("subject", .string(message.subject)),
            (
                "content",
                .array([
                    .object([("type", .string("text/plain")), ("value", .string(message.text))]),
                    .object([("type", .string("text/html")), ("value", .string(message.html))]),
                ])
            ),
        ]
        let headers = message.headers.filter { !omittedHeaders.contains($0.name.lowercased()) }
        if !headers.isEmpty {
            members.append(
                ("headers", .object(headers.map { ($0.name, .string(HeaderFolding.encodedValue($0.value))) })))
        }
        let bytes = JSONText.object(members).bytes
        guard bytes.count <= options.sendGridMaxBytes else {
            throw .limitExceeded(
                format: "sendgrid", limit: "request is \(bytes.count) bytes; SendGrid allows \(options.sendGridMaxBytes)")
        }
        return bytes
    }
}
