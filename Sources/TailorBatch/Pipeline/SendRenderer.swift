import TailorData
import TailorMIME
import TailorSegments
import TailorTemplate

/// One recipient of a send, rendered and checked before its message exists:
/// the templates render (the HTML recorded when validation is on), the
/// ``MessageGuards`` refuse a message that would show template syntax or
/// whose HTML holds a character HTML forbids, the body is validated when
/// ``BodyValidation`` says so, and the MIME message is built, with the record
/// it adds to an mbox or JSONL file. Shared by the rendering threads, so the
/// writer only appends.
final class SendRenderer: Sendable {
    let renderer: RecipientRenderer
    /// Nil with `--validate off`.
    let validation: BodyValidation?
    let guards: MessageGuards
    /// The single-file format (mbox, JSONL) whose records the threads prepare;
    /// nil for the formats that write a file per message or batch.
    let records: (format: OutputFormat, options: OutputOptions)?

    init(
        renderer: RecipientRenderer, validation: BodyValidation?, guardsTemplateSyntax: Bool,
        records: (format: OutputFormat, options: OutputOptions)?
    ) {
        self.renderer = renderer
        self.validation = validation
        self.records = records
        guards = MessageGuards(renderer: renderer, templateSyntax: guardsTemplateSyntax, htmlCharacters: validation != nil)
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
        if let refusal = guards.refusal(parts, profile: profile, recorder: recorder) {
            return RenderedRecipient(outcome: .failed(recipientID: profile.id, segment: assignment.segment, reason: refusal))
        }
        var checked: RecipientValidation?
        if let validation, let recorder { checked = validation.check(parts, recorder: recorder, at: order) }
        do {
            let message = try renderer.build(parts)
            if let refusal = validation?.sizeRefusal(message) {
                return RenderedRecipient(
                    outcome: .failed(recipientID: profile.id, segment: assignment.segment, reason: refusal),
                    validation: checked)
            }
            let record = records.flatMap { $0.format.record(for: message, options: $0.options) }
            return RenderedRecipient(
                outcome: .rendered(message, segment: assignment.segment), validation: checked, record: record)
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
    /// What the message adds to a single-file output, when the run writes one.
    var record: [UInt8]? = nil
}
