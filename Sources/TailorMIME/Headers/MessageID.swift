/// A Message-ID unique per recipient and send, and the same when a send is re-rendered.
///
/// RFC 5322 3.6.4:
///
/// > The "Message-ID:" field provides a unique message identifier that refers to a
/// > particular version of a particular message. [...] the generator of the message
/// > identifier MUST guarantee that the identifier is unique.
/// >
/// > msg-id          =   [CFWS] "<" id-left "@" id-right ">" [CFWS]
///
/// The id-left is a SHA-256 of the send id and the recipient id (128 bits shown, so a
/// collision among millions of recipients is not a practical concern), followed by a
/// readable slug of the send id, shortened so the header line fits in 78 characters; the id-right is the sender's domain. Nothing random
/// goes in: rendering the same send again gives the same ids, so an ESP or the
/// receiving side can recognise a duplicate.
///
/// ```swift
/// let id = try MessageID(sendID: "spring-2025", recipientID: "c-0042", domain: "shop.example")
/// id.value   // "<5b1c…e9.spring-2025@shop.example>"
/// ```
public struct MessageID: Sendable, Hashable, CustomStringConvertible {
    /// The field value with its angle brackets.
    public let value: String

    /// The id for one recipient of one send.
    public init(sendID: String, recipientID: String, domain: String) throws(MIMEError) {
        guard MailAddress.isHostName(Substring(domain)) else { throw .invalidMessageIDDomain(domain) }
        self.init(sendID: sendID, recipientID: recipientID, suffix: Self.suffix(sendID: sendID, domain: domain))
    }

    /// The id for one recipient, with the part after the digest made once per send by
    /// ``suffix(sendID:domain:)`` for a checked domain.
    init(sendID: String, recipientID: String, suffix: String) {
        var hasher = SHA256Hasher()
        hasher.update("tailor.message-id\u{0}")
        hasher.update(sendID)
        hasher.update("\u{0}")
        hasher.update(recipientID)
        value = "<" + SHA256Hasher.hex(hasher.finalize().prefix(16)) + suffix
    }

    /// `.slug@domain>`: the send id's slug, shortened so the header line fits in 78
    /// characters (RFC 5322 2.1.1: a msg-id cannot be folded), and the domain.
    static func suffix(sendID: String, domain: String) -> String {
        let room = 78 - "Message-ID: <".utf8.count - 32 - ".@>".utf8.count - domain.utf8.count
        let slug = String(Self.slug(sendID).prefix(max(0, room)))
        return (slug.isEmpty ? "" : "." + slug) + "@" + domain.lowercased() + ">"
    }

    public var description: String { value }

    /// Letters, digits and hyphens of the send id, at most 32: atext, so still a dot-atom.
    static func slug(_ sendID: String) -> String {
        var out: [UInt8] = []
        for byte in sendID.utf8 where out.count < 32 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
                out.append(byte)
            default: continue
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
