import HTTPTypes
import Foundation
import TailorCampaign
import TailorMIME
import TailorRecommendations
import TailorTemplate

/// Turns a failed render into a typed answer.
///
/// `RecipientRenderer` (shared with batch sends, which need only a line for
/// the manifest) reports a failure as text. A caller of the service needs the
/// kind, the attribute and the template position as fields, so on the failure
/// path only the same steps are replayed in the renderer's order (unsubscribe
/// URL, subject, preheader, HTML, text, `To`, extra headers, the subject as a
/// header) and the first typed error they throw becomes the answer. Renders
/// that succeed never come here.
enum RenderDiagnosis {
    static func error(
        reason: String, templates: CampaignTemplates, recommender: Recommender?, context: [String: Value], email: String
    ) -> ServiceError {
        var context = context
        recommender?.attachSession(to: &context, idKey: templates.campaign.data.idColumn)
        do {
            let unsubscribe = try templates.unsubscribeURL.render(context).trimmingCharacters(in: .whitespacesAndNewlines)
            context["unsubscribe_url"] = .string(unsubscribe)
            let subject = try templates.subject.render(context).trimmingCharacters(in: .whitespacesAndNewlines)
            _ = try templates.preheader?.render(context)
            _ = try templates.html.render(context)
            _ = try templates.text?.render(context)
            if let to = templates.to {
                _ = try MailAddress(parsing: try to.render(context).trimmingCharacters(in: .whitespaces), header: "To")
            } else {
                _ = try MailAddress(address: email, header: "To")
            }
            for (name, template) in templates.headers {
                _ = try HeaderField(name: name, value: try template.render(context))
            }
            try HeaderField.validateValue(subject, header: "Subject")
        } catch let error as TemplateError {
            return templateError(error)
        } catch let error as MIMEError {
            return mimeError(error)
        } catch {
            return ServiceError(.unprocessableContent, "render_failed", "\(error)")
        }
        return ServiceError(.unprocessableContent, "render_failed", reason)
    }

    /// 422 naming the template position; `undefined_attribute` also names the attribute.
    static func templateError(_ error: TemplateError) -> ServiceError {
        var details: [(String, Value)] = [("kind", .string(error.kind.rawValue))]
        var where_ = ""
        if error.hasLocation {
            let template = error.templateName ?? "<template>"
            details += [("template", .string(template)), ("line", .int(error.line)), ("column", .int(error.column))]
            where_ = " (\(template) line \(error.line), column \(error.column))"
        }
        guard error.kind == .undefined else {
            return ServiceError(.unprocessableContent, "template_error", error.message + where_, details: details)
        }
        if let attribute = undefinedName(error.message) { details.insert(("attribute", .string(attribute)), at: 0) }
        return ServiceError(.unprocessableContent, "undefined_attribute", error.message + where_, details: details)
    }

    static func mimeError(_ error: MIMEError) -> ServiceError {
        switch error {
        case .headerInjection(let header), .controlCharacter(let header, _):
            return ServiceError(
                .unprocessableContent, "header_injection", error.description, details: [("header", .string(header))])
        case .invalidAddress(let header, _, _):
            return ServiceError(.unprocessableContent, "invalid_address", error.description, details: [("header", .string(header))])
        default:
            return ServiceError(.unprocessableContent, "render_failed", error.description)
        }
    }

    /// The name in `'x' is undefined`, or the attribute in `'owner' has no attribute 'x'`.
    static func undefinedName(_ message: String) -> String? {
        let parts = message.split(separator: "'", omittingEmptySubsequences: false)
        if message.hasSuffix("' is undefined"), parts.count == 3 { return String(parts[1]) }
        if message.contains("' has no attribute '"), parts.count == 5 { return String(parts[3]) }
        return nil
    }
}
