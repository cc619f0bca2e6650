public import TailorMIME

/// One variant of a campaign, rendered for one sample recipient: what QA sees
/// in one section of the gallery.
public struct PreviewVariant: Sendable {
    /// What became of the sample's render.
    public enum Outcome: Sendable {
        case rendered(MailMessage)
        /// The template chose not to send (`skip`), with its reason.
        case skipped(String)
        /// A template, header or address error for this recipient.
        case failed(String)
        /// Nothing to render: no recipient and no fixture.
        case empty
    }

    /// The segment the variant stands for: a segment the templates branch on,
    /// the default segment, or the named recipient's segment.
    public var segment: String
    /// True for the default variant (recipients of segments with no branch of their own land here too).
    public var isDefault: Bool
    /// A file-name-safe name, unique in the gallery: `vip`, `default-everyone_else`.
    public var slug: String
    /// Recipients whose primary segment puts them in this variant.
    public var recipients: Int
    /// Recipients in the segment at all (primary or not).
    public var members: Int
    public var sample: PreviewSample
    public var outcome: Outcome
    /// The preheader as rendered, when the campaign has one.
    public var preheader: String?
    /// The structural variant (branches taken, loop counts) from the engine's recorder.
    public var structure: String?
    /// Findings of the validator, each with its template line; nil when no validator ran.
    public var findings: [PreviewFinding]?

    /// The message, when the sample rendered.
    public var message: MailMessage? {
        if case .rendered(let message) = outcome { return message }
        return nil
    }
}
