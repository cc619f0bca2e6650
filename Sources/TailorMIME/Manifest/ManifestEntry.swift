/// One recipient's line in `manifest.jsonl`.
///
/// ```json
/// {"id":"c-0042","status":"rendered","segment":"vip","variant":"b","bytes":18234,
///  "sha256":"…","message_id":"<…>","file":"c-0042.eml"}
/// {"id":"c-0043","status":"failed","segment":"vip","reason":"header 'To': value contains CR or LF (header injection refused)"}
/// {"id":"c-0044","status":"delivered","bytes":18190,"sha256":"…","message_id":"<…>","attempts":2,"smtp":"250 2.0.0 OK"}
/// ```
///
/// Fields without a value are left out; `reason` is present for every status but
/// `rendered` and `delivered`.
public struct ManifestEntry: Sendable, Equatable {
    /// What happened to the recipient.
    public enum Status: String, Sendable {
        /// The message was built and written.
        case rendered
        /// The recipient was deliberately left out (no segment, suppressed...).
        case skipped
        /// Rendering, building, writing or delivery failed.
        case failed
        /// The SMTP server accepted the message.
        case delivered
    }

    /// The recipient id.
    public var recipientID: String
    /// The outcome.
    public var status: Status
    /// The recipient's primary segment.
    public var segment: String?
    /// The template variant rendered.
    public var variant: String?
    /// The message size in bytes.
    public var bytes: Int?
    /// SHA-256 of the message bytes.
    public var sha256: String?
    /// The Message-ID.
    public var messageID: String?
    /// The output file, relative to the output folder.
    public var file: String?
    /// Why the recipient was skipped or failed.
    public var reason: String?
    /// SMTP: how many attempts were made.
    public var attempts: Int?
    /// SMTP: the server's last reply.
    public var smtpReply: String?

    /// An entry with only the required fields set.
    public init(
        recipientID: String, status: Status, segment: String? = nil, variant: String? = nil,
        bytes: Int? = nil, sha256: String? = nil, messageID: String? = nil, file: String? = nil,
        reason: String? = nil, attempts: Int? = nil, smtpReply: String? = nil
    ) {
        self.recipientID = recipientID
        self.status = status
        self.segment = segment
        self.variant = variant
        self.bytes = bytes
        self.sha256 = sha256
        self.messageID = messageID
        self.file = file
        self.reason = reason
        self.attempts = attempts
        self.smtpReply = smtpReply
    }

    /// A `rendered` entry for a built and written message.
    public static func rendered(
        _ message: MailMessage, file: String?, segment: String? = nil, variant: String? = nil
    ) -> ManifestEntry {
        ManifestEntry(
            recipientID: message.recipientID, status: .rendered, segment: segment, variant: variant,
            bytes: message.size, sha256: message.sha256, messageID: message.messageID, file: file)
    }

    /// The JSON line, without its newline.
    ///
    /// Written straight into one byte buffer, member by member, in the order and
    /// spelling ``JSONText/object(_:)`` would give (keys need no escaping): one line
    /// per recipient, so no tree of `JSONText` values is built for it.
    public var jsonLine: String {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        out += #"{"id":"#.utf8
        JSONText.writeString(recipientID, into: &out)
        out += #","status":"#.utf8
        JSONText.writeString(status.rawValue, into: &out)
        func add(_ key: String, _ value: String?) {
            guard let value else { return }
            out += key.utf8
            JSONText.writeString(value, into: &out)
        }
        func add(_ key: String, _ value: Int?) {
            guard let value else { return }
            out += key.utf8
            out += String(value).utf8
        }
        add(#","segment":"#, segment)
        add(#","variant":"#, variant)
        add(#","bytes":"#, bytes)
        add(#","sha256":"#, sha256)
        add(#","message_id":"#, messageID)
        add(#","file":"#, file)
        add(#","reason":"#, reason)
        add(#","attempts":"#, attempts)
        add(#","smtp":"#, smtpReply)
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }
}
