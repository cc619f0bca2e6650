import Foundation
import TailorCampaign
import TailorData
import TailorRecommendations
import TailorSegments
import TailorTemplate
import Testing

@Suite struct SampleCampaignTests {
    @Test func everySampleRecipientRendersWithStrictUndefined() throws {
        let campaign = try Campaign.load(folder: samplePath("templates/spring_sale"))
        #expect(campaign.undefined == .strict)
        let recommender = try Recommender.load(catalog: campaign.data.catalog!, events: campaign.data.events)
        let templates = try CampaignTemplates.compile(campaign, environmentSetup: recommender.register(in:))
        let file = try SegmentsFile.load(path: campaign.data.segments!)
        let run = SegmentRun(profiles: campaign.data.profiles!, events: campaign.data.events, segments: file)
        let assigner = try run.prepare()
        var rendered = 0
        var variants = Set<String>()
        var failures: [String] = []
        var grids = 0
        _ = try run.assignEach(assigner) { outcome in
            guard case .assigned(let profile, var assignment) = outcome else { return }
            recommender.attachSession(to: &assignment.context)
            do {
                let html = try templates.html.render(assignment.context)
                let text = try templates.text!.render(assignment.context)
                if html.contains("Picked for you") {
                    grids += 1
                    // The text part picks what the HTML part did, in the same order.
                    let links = text.split(separator: "\n").filter { $0.hasPrefix("- ") }.compactMap { $0.split(separator: " ").last }
                    #expect(links.count >= 2 && links.allSatisfy { html.contains("href=\"\($0)\"") }, "\(profile.id)")
                }
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
        #expect(grids > 250)
    }
}
