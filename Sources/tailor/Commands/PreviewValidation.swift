import TailorHTML
import TailorPreview

/// The gallery's findings come from the same validator `tailor check` and
/// `tailor render --validate` use, with the campaign's `validation.yml`.
struct CampaignPreviewValidator: PreviewValidator {
    let validator: Validator

    init(campaignFolder: String) throws {
        validator = Validator(policy: try ValidationPolicy.load(campaignFolder: campaignFolder))
    }

    func findings(for input: PreviewValidationInput) -> [PreviewFinding] {
        validator.validate(html: Array(input.html.utf8)).map { finding in
            let severity: PreviewFinding.Severity
            switch finding.severity {
            case .error: severity = .error
            case .warning: severity = .warning
            case .notice: severity = .note
            }
            return PreviewFinding(
                severity: severity, message: finding.message, check: finding.rule, outputOffset: finding.outputOffset)
        }
    }
}
