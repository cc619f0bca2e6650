public import TailorMIME

/// What became of one recipient: a message, or why there is none.
public enum RenderOutcome: Sendable {
    case rendered(MailMessage, segment: String)
    /// The template chose to send nothing (a recommendation block with `skip`).
    case skipped(recipientID: String, segment: String?, reason: String)
    /// A template, header or address error for this recipient, or a bad input row.
    case failed(recipientID: String, segment: String?, reason: String)

    public var recipientID: String {
        switch self {
        case .rendered(let message, _): return message.recipientID
        case .skipped(let id, _, _), .failed(let id, _, _): return id
        }
    }

    public var segment: String? {
        switch self {
        case .rendered(_, let segment): return segment
        case .skipped(_, let segment, _), .failed(_, let segment, _): return segment
        }
    }
}
