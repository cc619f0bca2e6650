import TailorCampaign
import TailorTemplate

/// What all of a campaign's templates read, merged: the HTML and text bodies
/// with what they extend, include and import, and the `campaign.yml` settings.
struct Analysis {
    var segments: [String] = []
    var variables: Set<String> = []
    /// Read at least once without `default` or `is defined`.
    var required: Set<String> = []
    /// Template names, bodies first, for finding where a name is used.
    var templateNames: [String] = []

    init(_ templates: CampaignTemplates) throws {
        let settings = [templates.subject, templates.preheader, templates.to, templates.unsubscribeURL].compactMap { $0 }
        for template in [templates.html, templates.text].compactMap({ $0 }) + settings + templates.headers.map(\.template) {
            let analysis = try template.analyze()
            segments += analysis.segments.filter { !segments.contains($0) }
            variables.formUnion(analysis.variables)
            required.formUnion(analysis.requiredVariables)
            templateNames += [template.name] + analysis.templates.filter { !templateNames.contains($0) }
        }
        // RecipientRenderer provides it before rendering the bodies.
        variables.remove("unsubscribe_url")
        required.remove("unsubscribe_url")
    }
}
