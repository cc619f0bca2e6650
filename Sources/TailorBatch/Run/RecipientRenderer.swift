public import Foundation
public import TailorCampaign
public import TailorData
import TailorHTML
public import TailorMIME
public import TailorRecommendations
public import TailorSegments
public import TailorTemplate

/// Renders one recipient's message from the campaign's compiled templates:
/// subject, preheader, HTML and text bodies, `To` and extra headers, built into
/// MIME. Shared by every rendering thread; holds no per-recipient state.
public final class RecipientRenderer: Sendable {
    public let templates: CampaignTemplates
    public let builder: MessageBuilder
    /// `unsubscribe.mailto` as a URI: the campaign gives an address.
    private let unsubscribeMailto: String?
    /// Picks products for `{% recommend %}` blocks; nil when the campaign has no catalog.
    public let recommender: Recommender?

    /// Renders the campaign-wide settings (`from`, `reply_to`, which see only
    /// the campaign's vars) and prepares the builder for one send.
    public init(templates: CampaignTemplates, sendID: String, sendDate: Date, recommender: Recommender? = nil) throws {
        self.templates = templates
        self.recommender = recommender
        let campaign = templates.campaign
        func address(_ template: Template, _ header: String) throws -> MailAddress {
            let text = try template.render([:]).trimmingCharacters(in: .whitespaces)
            do {
                return try MailAddress(parsing: text, header: header)
            } catch {
                throw RenderSetupError("\(campaign.path): the \(header) address '\(text)' is not valid: \(error)")
            }
        }
        unsubscribeMailto = campaign.unsubscribeMailto.map { $0.lowercased().hasPrefix("mailto:") ? $0 : "mailto:" + $0 }
        let from = try address(templates.from, "From")
        let replyTo = try templates.replyTo.map { try address($0, "Reply-To") }
        builder = try MessageBuilder(
            from: from, replyTo: replyTo, sendID: sendID, sendDate: sendDate, requireUnsubscribe: true)
    }

    /// The message for a recipient whose segments are assigned; with `guards`,
    /// a message they refuse fails with their reason.
    public func render(_ profile: Profile, _ assignment: Assignment, guards: MessageGuards? = nil) -> RenderOutcome {
        do {
            let parts = try renderParts(profile, assignment)
            if let refusal = guards?.refusal(parts, profile: profile) {
                return .failed(recipientID: profile.id, segment: assignment.segment, reason: refusal)
            }
            return .rendered(try build(parts), segment: assignment.segment)
        } catch {
            return Self.outcome(of: error, recipientID: profile.id, segment: assignment.segment)
        }
    }

    /// Renders every template of the message for one recipient; with
    /// `recorder`, the HTML body's render is recorded (template lines and
    /// structural variant). Throws the first template, address or header
    /// error; ``outcome(of:recipientID:segment:)`` says what it means.
    public func renderParts(_ profile: Profile, _ assignment: Assignment, recorder: RenderRecorder? = nil) throws
        -> RenderedParts
    {
        var context = session(for: assignment.context)
        let unsubscribe = ListUnsubscribe.encodingWhitespace(try templates.unsubscribeURL.render(context).trimmedOfWhitespace)
        context["unsubscribe_url"] = .string(unsubscribe)
        let subject = try templates.subject.render(context).trimmedOfWhitespace
        let preheader = try templates.preheader?.render(context).trimmedOfWhitespace
        let html: String
        if let recorder {
            var bytes: [UInt8] = []
            try templates.html.render(context, into: &bytes, recorder: recorder)
            html = RenderedText.string(bytes)
        } else {
            html = try templates.html.render(context)
        }
        let text = try templates.text?.render(context) ?? HTMLToText.convert(html)
        let to: MailAddress
        if let template = templates.to {
            to = try MailAddress(parsing: try template.render(context).trimmingCharacters(in: .whitespaces), header: "To")
        } else {
            to = try MailAddress(address: profile.email, header: "To")
        }
        var headers: [HeaderField] = []
        for (name, template) in templates.headers {
            headers.append(try HeaderField(name: name, value: try template.render(context)))
        }
        context[Recommender.contextKey] = nil
        return RenderedParts(
            recipientID: profile.id, context: context, unsubscribeURL: unsubscribe, subject: subject, preheader: preheader,
            html: html, text: text, textFromTemplate: templates.text != nil, to: to, headers: headers)
    }

    /// `context` with a fresh recommendation session attached, when the
    /// campaign has a catalog: a session remembers what it picked, so each
    /// render of a message needs its own to pick the same again.
    public func session(for context: [String: Value]) -> [String: Value] {
        var context = context
        recommender?.attachSession(to: &context, idKey: templates.campaign.data.idColumn)
        return context
    }

    /// The MIME message of rendered parts.
    public func build(_ parts: RenderedParts) throws(MIMEError) -> MailMessage {
        try builder.build(
            MessageContent(
                recipientID: parts.recipientID, to: parts.to, subject: parts.subject, preheader: parts.preheader,
                html: parts.html, text: parts.text, unsubscribeURL: parts.unsubscribeURL,
                unsubscribeMailto: unsubscribeMailto, headers: parts.headers))
    }

    /// What an error of ``renderParts(_:_:recorder:)`` or ``build(_:)`` means
    /// for the recipient: a template's `skip` skips it, anything else fails it.
    public static func outcome(of error: any Error, recipientID: String, segment: String) -> RenderOutcome {
        switch error {
        case let error as TemplateError where error.kind == .skipped:
            return .skipped(recipientID: recipientID, segment: segment, reason: error.message)
        case let error as TemplateError:
            return .failed(recipientID: recipientID, segment: segment, reason: oneLine(error))
        default:
            return .failed(recipientID: recipientID, segment: segment, reason: "\(error)")
        }
    }

    /// `file:line:column: message`, for the manifest and the summary.
    static func oneLine(_ error: TemplateError) -> String {
        guard error.hasLocation else { return error.message }
        return "\(error.templateName ?? "<template>"):\(error.line):\(error.column): \(error.message)"
    }
}

/// A campaign setting that cannot be used for a send; stops the run before anything is written.
public struct RenderSetupError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
