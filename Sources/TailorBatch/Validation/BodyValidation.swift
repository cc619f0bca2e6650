import TailorHTML
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

/// What validation made of one recipient's body.
struct RecipientValidation: Sendable {
    /// The structural variant of the HTML body (`RenderRecorder.variant`).
    var variant: String
    /// The body's findings; nil when an earlier recipient of the variant
    /// validates for it.
    var findings: [Finding]?
}
