import Foundation
import TailorCampaign
import TailorData
import TailorSegments
import TailorTemplate
import Testing

@Suite struct SampleCampaignTests {
    @Test func everySampleRecipientRendersWithStrictUndefined() throws {
        let campaign = try Campaign.load(folder: samplePath("templates/spring_sale"))
        #expect(campaign.undefined == .strict)
        let templates = try CampaignTemplates.compile(campaign)
        let file = try SegmentsFile.load(path: campaign.data.segments!)
        let run = SegmentRun(profiles: campaign.data.profiles!, events: campaign.data.events, segments: file)
        let assigner = try run.prepare()
        var rendered = 0
        var variants = Set<String>()
        var failures: [String] = []
        _ = try run.assignEach(assigner) { outcome in
            guard case .assigned(let profile, let assignment) = outcome else { return }
            do {
                let html = try templates.html.render(assignment.context)
                let text = try templates.text!.render(assignment.context)
                let subject = try templates.subject.render(assignment.context)
                _ = try templates.preheader?.render(assignment.context)
                _ = try templates.to?.render(assignment.context)
                _ = try templates.from.render(assignment.context)
                _ = try templates.unsubscribeURL.render(assignment.context)
                for header in templates.headers { _ = try header.template.render(assignment.context) }
                #expect(html.contains("Unsubscribe"))
                #expect(text.contains("Unsubscribe: https://acme.example/u/"))
                #expect(!html.contains("<script>"), "\(profile.id): unescaped script")
                variants.insert(subject)
                rendered += 1
            } catch {
                failures.append("\(profile.id): \(error)")
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(3))")
        #expect(rendered == 300)
        #expect(variants.count > 4)
    }
}
