import TailorMIME

/// One recipient's answer: a message, or the template's decision to send none.
struct RenderedMessage: Sendable {
    var campaign: String
    var recipientID: String
    /// The primary segment, and every segment the recipient is in.
    var segment: String
    var segments: [String]
    /// Nil when the template skipped the recipient.
    var message: MailMessage?
    var skipReason: String?
}

/// What a render request gave: an answer, or the error to answer with.
typealias RenderResult = Result<RenderedMessage, ServiceError>
