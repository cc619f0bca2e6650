public import Foundation

/// One built message: its bytes, what went into them, and the metadata the manifest
/// and the writers need.
public struct MailMessage: Sendable {
    /// The recipient's id, from the profile data.
    public let recipientID: String
    /// The sender.
    public let from: MailAddress
    /// The recipient.
    public let to: MailAddress
    /// Where replies go, when set.
    public let replyTo: MailAddress?
    /// The subject as rendered (unencoded).
    public let subject: String
    /// The HTML part as sent (with the preheader).
    public let html: String
    /// The text part as sent.
    public let text: String
    /// The Message-ID with its angle brackets.
    public let messageID: String
    /// The `Date` value.
    public let date: String
    /// The send date the `Date` value was written from.
    public let sendDate: Date
    /// The fields besides the address, subject and MIME fields, in message order:
    /// `Date`, `Message-ID`, `List-Unsubscribe`, `List-Unsubscribe-Post`, the extra headers.
    public let headers: [HeaderField]
    /// The whole message, CRLF line ends, 7-bit.
    public let bytes: [UInt8]
    /// SHA-256 of `bytes`, lowercase hex.
    public let sha256: String

    /// The size of the message in bytes.
    public var size: Int { bytes.count }

    /// The message as text (it is all ASCII).
    public var raw: String { String(decoding: bytes, as: UTF8.self) }
}
