/// What differs per recipient: the rendered subject, bodies and unsubscribe links.
public struct MessageContent: Sendable {
    /// The recipient's id (Message-ID input, file names, manifest).
    public var recipientID: String
    /// The recipient's mailbox.
    public var to: MailAddress
    /// The rendered subject.
    public var subject: String
    /// The rendered preheader; inserted hidden at the start of the HTML body unless the
    /// HTML already holds it.
    public var preheader: String?
    /// The rendered HTML.
    public var html: String
    /// The text part: the rendered text template, or `HTMLToText` of the HTML.
    public var text: String
    /// The rendered one-click unsubscribe URL (https).
    public var unsubscribeURL: String?
    /// The rendered `mailto:` unsubscribe URI.
    public var unsubscribeMailto: String?
    /// Headers for this recipient only, after the campaign's.
    public var headers: [HeaderField]

    /// The content of one message.
    public init(
        recipientID: String, to: MailAddress, subject: String, preheader: String? = nil,
        html: String, text: String, unsubscribeURL: String? = nil, unsubscribeMailto: String? = nil,
        headers: [HeaderField] = []
    ) {
        self.recipientID = recipientID
        self.to = to
        self.subject = subject
        self.preheader = preheader
        self.html = html
        self.text = text
        self.unsubscribeURL = unsubscribeURL
        self.unsubscribeMailto = unsubscribeMailto
        self.headers = headers
    }
}
