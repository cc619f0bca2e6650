public import TailorMIME
public import TailorTemplate

/// What one recipient's templates wrote, before it becomes a MIME message:
/// the step between ``RecipientRenderer/renderParts(_:_:recorder:)`` and
/// ``RecipientRenderer/build(_:)``, where a send validates the HTML and looks
/// for template syntax the recipient would see.
public struct RenderedParts: Sendable {
    public var recipientID: String
    /// The context the templates saw (with `unsubscribe_url`, without the
    /// recommendation session, which is made afresh for each render).
    public var context: [String: Value]
    /// The rendered one-click unsubscribe URL.
    public var unsubscribeURL: String
    public var subject: String
    public var preheader: String?
    /// The HTML body as the template wrote it, before the preheader is put in:
    /// the bytes a ``RenderRecorder`` of the render has offsets into.
    public var html: String
    /// The text part: the text template's output, or the HTML's text.
    public var text: String
    /// Whether ``text`` came from the text template (or was derived from the HTML).
    public var textFromTemplate: Bool
    public var to: MailAddress
    /// The campaign's extra headers, rendered, in campaign order.
    public var headers: [HeaderField]
}
