import Foundation

/// `messages.jsonl`: one JSON object per message, in the shape ESP send APIs take.
///
/// ```json
/// {"id":"c-0042","to":{"email":"zoe@example.com","name":"Zoë Ämtmann"},
///  "from":{"email":"news@shop.example","name":"Tailor Shop"},"subject":"…",
///  "html":"…","text":"…","headers":{"Date":"…","Message-ID":"<…>",
///  "List-Unsubscribe":"<https://…>","List-Unsubscribe-Post":"List-Unsubscribe=One-Click"},
///  "message_id":"<…>","sha256":"…","raw":"…"}
/// ```
///
/// Values are Unicode, unencoded; `reply_to` appears only when set and `raw` (the whole
/// message) only on request.
final class JSONLWriter: MessageWriter {
    private let file: StreamingFile
    private let name: String
    private let includeRaw: Bool
    private var names = UsedNames()

    init(directory: URL, fileName: String, includeRaw: Bool) throws(MIMEError) {
        name = fileName
        self.includeRaw = includeRaw
        file = try StreamingFile(directory: directory, name: fileName)
    }

    func write(_ message: MailMessage) throws(MIMEError) -> String {
        _ = try names.claim(message.recipientID)
        try file.append(Self.line(for: message, includeRaw: includeRaw))
        return name
    }

    func finish() throws(MIMEError) {
        try file.commit()
    }

    /// The message's JSON object and its newline.
    static func line(for message: MailMessage, includeRaw: Bool) -> [UInt8] {
        var line: [UInt8] = []
        line.reserveCapacity(message.html.utf8.count + message.text.utf8.count + 1024)
        object(for: message, includeRaw: includeRaw).write(into: &line)
        line.append(0x0a)
        return line
    }

    static func object(for message: MailMessage, includeRaw: Bool) -> JSONText {
        var members: [(String, JSONText)] = [
            ("id", .string(message.recipientID)),
            ("to", .mailbox(message.to)),
            ("from", .mailbox(message.from)),
        ]
        if let replyTo = message.replyTo { members.append(("reply_to", .mailbox(replyTo))) }
        members += [
            ("subject", .string(message.subject)),
            ("html", .string(message.html)),
            ("text", .string(message.text)),
            ("headers", .object(message.headers.map { ($0.name, .string($0.value)) })),
            ("message_id", .string(message.messageID)),
            ("sha256", .string(message.sha256)),
        ]
        if includeRaw { members.append(("raw", .string(message.raw))) }
        return .object(members)
    }
}

extension JSONText {
    /// `{"email": ..., "name": ...}`, the name only when there is one.
    static func mailbox(_ address: MailAddress) -> JSONText {
        var members: [(String, JSONText)] = [("email", .string(address.address))]
        if !address.name.isEmpty { members.append(("name", .string(address.name))) }
        return .object(members)
    }
}
