import Foundation

/// Amazon SES API v2 `SendEmail` request bodies with raw content, one file per recipient.
///
/// ```json
/// {"FromEmailAddress":"news@shop.example","Destination":{"ToAddresses":["zoe@example.com"]},
///  "Content":{"Raw":{"Data":"RnJvbTog…"}}}
/// ```
///
/// The message goes as built, base64-encoded, as the RawMessage documentation asks
/// when calling the HTTPS interface directly. Its requirements are met by
/// construction (a header and a body separated by one blank line, 7-bit content,
/// no line over 1,000 characters). SES v2 caps a message at 40 MB, counted after
/// base64 encoding; a larger one throws ``MIMEError/limitExceeded(format:limit:)``.
final class SESWriter: MessageWriter {
    /// The output folder's path.
    private let folder: String
    private let options: OutputOptions
    private var names = UsedNames()

    init(directory: URL, options: OutputOptions) {
        folder = directory.path
        self.options = options
    }

    func write(_ message: MailMessage) throws(MIMEError) -> String {
        let body = try Self.body(for: message, options: options)
        let name = try names.claim(message.recipientID) + ".json"
        try AtomicFile.write(body.bytes, toFolder: folder, name: name)
        return name
    }

    func finish() throws(MIMEError) {}

    static func body(for message: MailMessage, options: OutputOptions) throws(MIMEError) -> JSONText {
        let data = Base64.encode(message.bytes)
        guard data.utf8.count <= options.sesMaxMessageBytes else {
            throw .limitExceeded(
                format: "ses",
                limit: "message is \(data.utf8.count) bytes after base64 encoding; SES v2 allows \(options.sesMaxMessageBytes)")
        }
        var members: [(String, JSONText)] = [
            ("FromEmailAddress", .string(message.from.address)),
            ("Destination", .object([("ToAddresses", .array([.string(message.to.address)]))])),
            ("Content", .object([("Raw", .object([("Data", .string(data))]))])),
        ]
        if let set = options.sesConfigurationSet {
            members.append(("ConfigurationSetName", .string(set)))
        }
        return .object(members)
    }
}
