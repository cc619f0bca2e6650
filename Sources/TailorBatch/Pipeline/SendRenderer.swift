import TailorData
import TailorSegments
import TailorTemplate

/// One recipient of a send, rendered and checked before its message exists:
/// the templates render (the HTML recorded when validation is on), the
/// ``TemplateSyntaxGuard`` refuses a message that would show template
/// syntax, the body is validated when ``BodyValidation`` says so, and the
/// MIME message is built. Shared by the rendering threads.
final class SendRenderer: Sendable {
    let renderer: RecipientRenderer
    /// Nil with `--validate off`.
    let validation: BodyValidation?
    /// Nil with `--allow-template-syntax`.
    let syntaxGuard: TemplateSyntaxGuard?

    init(renderer: RecipientRenderer, validation: BodyValidation?, guardsTemplateSyntax: Bool) {
        self.renderer = renderer
        self.validation = validation
        syntaxGuard = guardsTemplateSyntax ? TemplateSyntaxGuard(renderer: renderer) : nil
    }

    /// The recipient at `order` in the input.
    func render(_ profile: Profile, _ assignment: Assignment, at order: InputOrder) -> RenderedRecipient {
        let recorder = validation == nil ? nil : RenderRecorder()
        let parts: RenderedParts
        do {
            parts = try renderer.renderParts(profile, assignment, recorder: recorder)
        } catch {
            return RenderedRecipient(
                outcome: RecipientRenderer.outcome(of: error, recipientID: profile.id, segment: assignment.segment))
        }
        if let refusal = syntaxGuard?.refusal(parts, profile: profile, recorder: recorder) {
            return RenderedRecipient(outcome: .failed(recipientID: profile.id, segment: assignment.segment, reason: refusal))
        }
        var checked: RecipientValidation?
        if let validation, let recorder { checked = validation.check(parts, recorder: recorder, at: order) }
        do {
            return RenderedRecipient(outcome: .rendered(try renderer.build(parts), segment: assignment.segment), validation: checked)
        } catch {
            return RenderedRecipient(
                outcome: RecipientRenderer.outcome(of: error, recipientID: profile.id, segment: assignment.segment),
                validation: checked)
        }
    }
}

/// A recipient's outcome, with what validation made of its body when it was
/// validated or stands for a validated variant.
struct RenderedRecipient: Sendable {
    var outcome: RenderOutcome
    var validation: RecipientValidation? = nil
}
