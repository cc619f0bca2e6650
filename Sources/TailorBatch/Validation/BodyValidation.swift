import TailorHTML
import TailorMIME
import TailorTemplate

/// The rendering threads' side of `--validate`: runs TailorHTML's
/// ``Validator`` (with the campaign's `validation.yml`) on the HTML bodies
/// the mode asks for and notes every body's structural variant.
final class BodyValidation: Sendable {
    let mode: ValidationMode
    let validator: Validator
    private let claims = VariantClaims()

    init(mode: ValidationMode, policy: ValidationPolicy) {
        precondition(mode != .off, "validation off needs no BodyValidation")
        self.mode = mode
        validator = Validator(policy: policy)
    }

    /// The variant of a body recorded by `recorder`, and its findings when
    /// this recipient validates: always with `every`, with `variant` when it
    /// is the first of its variant so far (see ``VariantClaims``).
    func check(_ parts: RenderedParts, recorder: RenderRecorder, at order: InputOrder) -> RecipientValidation {
        let variant = recorder.variant
        guard mode == .every || claims.claim(variant, at: order) else {
            return RecipientValidation(variant: variant, findings: nil)
        }
        let findings = validator.validate(
            html: Array(parts.html.utf8), recorder: recorder, unsubscribeURL: parts.unsubscribeURL)
        return RecipientValidation(variant: variant, findings: findings)
    }
}

extension BodyValidation {
    /// Why `message` must not go out because of its size, or nil: over the
    /// clipping limit when the campaign's `size-clipped` rule is an error (the
    /// default). Checked on every message, whatever the mode: the size comes
    /// with each recipient's data (names, picks, the preheader put in after
    /// validation), not with the variant. A message no larger than the limit
    /// in all cannot have an HTML part over it, so most cost one comparison.
    func sizeRefusal(_ message: MailMessage) -> String? {
        let policy = validator.policy
        guard message.size > policy.clipLimit, policy.severity(of: TailorHTML.Rule.sizeClipped) == .error else { return nil }
        let size = SizeBudgetCheck.encodedSize(ofMessage: message.bytes, html: message.html)
        guard let finding = SizeBudgetCheck.check(encodedSize: size, policy: policy), finding.rule == TailorHTML.Rule.sizeClipped.id else {
            return nil
        }
        return "HTML validation: \(finding.message) [\(TailorHTML.Rule.sizeClipped.id)]: \(finding.help ?? "make it smaller") "
            + "(the size of this recipient's message, with its data and preheader)"
    }
}

/// What validation made of one recipient's body.
struct RecipientValidation: Sendable {
    /// The structural variant of the HTML body (`RenderRecorder.variant`).
    var variant: String
    /// The body's findings; nil when an earlier recipient of the variant
    /// validates for it.
    var findings: [Finding]?
}
