public import Foundation

/// Builds the MIME message for each recipient of one send.
///
/// What is the same for every recipient (sender, send id, date, campaign headers) is
/// set once; ``build(_:)`` takes what differs. Every header value is checked, so a
/// CR or LF from the data fails that one recipient with ``MIMEError/headerInjection(header:)``
/// and never reaches the bytes. The result is 7-bit, CRLF throughout:
///
/// ```
/// From: Tailor Shop <news@shop.example>
/// To: =?utf-8?b?Wm/DqyDDhG10bWFubg==?= <zoe@example.com>
/// Subject: Your spring picks
/// Date: Thu, 13 Feb 2025 09:30:00 +0000
/// Message-ID: <…spring-2025@shop.example>
/// MIME-Version: 1.0
/// List-Unsubscribe: <https://shop.example/u/c-0042>
/// List-Unsubscribe-Post: List-Unsubscribe=One-Click
/// Feedback-ID: spring:tailor
/// Content-Type: multipart/alternative;
///  boundary="=_tailor_…"
/// ```
///
/// ```swift
/// let builder = try MessageBuilder(
///     from: MailAddress(parsing: "Tailor Shop <news@shop.example>", header: "From"),
///     sendID: "spring-2025", sendDate: sendDate,
///     headers: [HeaderField(name: "Feedback-ID", value: "spring:tailor")])
/// let message = try builder.build(MessageContent(
///     recipientID: "c-0042", to: to, subject: subject, preheader: preheader,
///     html: html, text: HTMLToText.convert(html),
///     unsubscribeURL: "https://shop.example/u/c-0042"))
/// message.bytes; message.messageID; message.sha256
/// ```
public struct MessageBuilder: Sendable {
    /// The sender.
    public let from: MailAddress
    /// Where replies go.
    public let replyTo: MailAddress?
    /// The send's id: with the recipient id, it determines the Message-ID.
    public let sendID: String
    /// The `Date` of every message of the send.
    public let sendDate: Date
    /// The zone the Date is written in.
    public let timeZone: TimeZone
    /// The Message-ID's right-hand side; the sender's domain by default.
    public let messageIDDomain: String
    /// Campaign-wide extra fields, such as `Feedback-ID`.
    public let headers: [HeaderField]
    /// Whether a message without an unsubscribe URL is an error.
    public let requireUnsubscribe: Bool

    /// The fields the builder writes itself; an extra header may not replace them.
    public static let reservedHeaders: Set<String> = [
        "from", "to", "cc", "bcc", "reply-to", "sender", "subject", "date", "message-id",
        "mime-version", "content-type", "content-transfer-encoding", "list-unsubscribe",
        "list-unsubscribe-post",
    ]

    /// The header lines every message of the send shares, each ending with CRLF.
    let fromLine: [UInt8]
    let replyToLine: [UInt8]
    let dateLine: [UInt8]
    let campaignLines: [UInt8]
    /// The `Date` field of every message, for ``MailMessage/headers``.
    let dateField: HeaderField
    /// What follows the digest in every Message-ID of the send.
    let messageIDSuffix: String

    /// A builder for one send; throws for a reserved extra header or a bad domain.
    ///
    /// What is the same for every message (the `From`, `Reply-To` and `Date` lines, the
    /// campaign's headers folded, the end of the Message-IDs) is formatted here, once.
    public init(
        from: MailAddress, replyTo: MailAddress? = nil, sendID: String, sendDate: Date,
        timeZone: TimeZone = TimeZone(secondsFromGMT: 0)!, messageIDDomain: String? = nil,
        headers: [HeaderField] = [], requireUnsubscribe: Bool = false
    ) throws(MIMEError) {
        for field in headers where Self.reservedHeaders.contains(field.name.lowercased()) {
            throw .reservedHeader(field.name)
        }
        let domain = messageIDDomain ?? from.domain
        guard MailAddress.isHostName(Substring(domain)) else { throw .invalidMessageIDDomain(domain) }
        self.from = from
        self.replyTo = replyTo
        self.sendID = sendID
        self.sendDate = sendDate
        self.timeZone = timeZone
        self.messageIDDomain = domain
        self.headers = headers
        self.requireUnsubscribe = requireUnsubscribe
        let date = MessageDate.format(sendDate, timeZone: timeZone)
        fromLine = try Self.addressLine("From", from)
        if let replyTo {
            replyToLine = try Self.addressLine("Reply-To", replyTo)
        } else {
            replyToLine = []
        }
        dateLine = Array("Date: \(date)\r\n".utf8)
        var campaignLines: [UInt8] = []
        for field in headers { campaignLines += try Self.unstructuredLine(field) }
        self.campaignLines = campaignLines
        dateField = try HeaderField(name: "Date", value: date)
        messageIDSuffix = MessageID.suffix(sendID: sendID, domain: domain)
    }
}
