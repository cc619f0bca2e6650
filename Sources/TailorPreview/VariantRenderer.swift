import Foundation
import TailorCampaign
import TailorRecommendations
import TailorBatch
import TailorData
import TailorMIME
import TailorSegments
import TailorTemplate

/// Renders one variant's sample as a send would, then once more with the
/// engine's recorder, for the structural variant and for placing findings at
/// template lines.
struct VariantRenderer {
    let renderer: RecipientRenderer
    let validator: (any PreviewValidator)?

    func variant(
        segment: String, isDefault: Bool, slug: String, profile: Profile, assignment: Assignment, sample: PreviewSample
    ) -> PreviewVariant {
        var variant = PreviewVariant(
            segment: segment, isDefault: isDefault, slug: slug, recipients: 0, members: 0, sample: sample,
            outcome: .empty)
        switch renderer.render(profile, assignment) {
        case .rendered(let message, _):
            variant.outcome = .rendered(message)
        case .skipped(_, _, let reason):
            variant.outcome = .skipped(reason)
            return variant
        case .failed(_, _, let reason):
            variant.outcome = .failed(reason)
            return variant
        }
        let templates = renderer.templates
        var context = assignment.context
        renderer.recommender?.attachSession(to: &context, idKey: templates.campaign.data.idColumn)
        if let url = try? templates.unsubscribeURL.render(context) {
            context["unsubscribe_url"] = .string(url.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        variant.preheader = (try? templates.preheader?.render(context))?.trimmingCharacters(in: .whitespacesAndNewlines)
        let recorder = RenderRecorder()
        var bytes: [UInt8] = []
        guard (try? templates.html.render(context, into: &bytes, recorder: recorder)) != nil else { return variant }
        variant.structure = recorder.variant
        if let validator, let message = variant.message {
            let html = String(decoding: bytes, as: UTF8.self)
            variant.findings = validator.findings(for: PreviewValidationInput(html: html, message: message)).map {
                var finding = $0
                if let offset = finding.outputOffset {
                    finding.templateLocation = recorder.location(ofOutputOffset: offset)?.description
                }
                return finding
            }
        }
        return variant
    }
}
