import Foundation
import Testing
import TailorMIME
@testable import TailorPreview

/// What the sample campaign's previews hold, without a browser.
@Suite struct PreviewBuilderTests {
    @Test func aVariantPerBranchedSegmentAndTheDefault() throws {
        let gallery = try PreviewBuilder(PreviewSettings(campaignFolder: sampleCampaign)).build()
        #expect(gallery.branchedSegments == ["abandoned_cart", "vip", "champions", "dormant", "new", "likely_to_churn"])
        #expect(gallery.variants.map(\.slug) == gallery.branchedSegments + ["default-everyone_else"])
        for variant in gallery.variants {
            #expect(variant.message != nil, "\(variant.segment) did not render")
            #expect(variant.findings == nil)
            if case .recipient(_, _, let segments) = variant.sample, !variant.isDefault {
                #expect(segments.contains(variant.segment))
            }
        }
        #expect(gallery.variants.map(\.recipients).reduce(0, +) == gallery.coverage.recipients)
        #expect(gallery.coverage.withoutBranch.map(\.name).contains("loyal"))
        #expect(gallery.coverage.noMatchCount + gallery.coverage.severalCount <= gallery.coverage.recipients)
        let html = GalleryPage(gallery).html
        #expect(html.contains("Validation: not run."))
        #expect(html.contains("<svg"))
        #expect(!html.contains("<script src"))
    }

    @Test func oneNamedRecipient() throws {
        let gallery = try PreviewBuilder(PreviewSettings(campaignFolder: sampleCampaign, recipient: "R0000146")).build()
        #expect(gallery.variants.count == 1)
        #expect(gallery.variants[0].segment == "vip")
        #expect(gallery.variants[0].message?.recipientID == "R0000146")
        #expect(throws: PreviewProblem.self) {
            try PreviewBuilder(PreviewSettings(campaignFolder: sampleCampaign, recipient: "NOBODY")).build()
        }
    }

    @Test func validatorFindingsCarryTemplateLines() throws {
        struct FirstHeading: PreviewValidator {
            func findings(for input: PreviewValidationInput) -> [PreviewFinding] {
                guard let range = input.html.range(of: "<h1>") else { return [] }
                let offset = input.html.utf8.distance(from: input.html.startIndex, to: range.lowerBound)
                return [PreviewFinding(severity: .warning, message: "a heading", check: "test", outputOffset: offset)]
            }
        }
        let gallery = try PreviewBuilder(
            PreviewSettings(campaignFolder: sampleCampaign, recipient: "R0000146"), validator: FirstHeading()
        ).build()
        let finding = try #require(gallery.variants[0].findings?.first)
        #expect(finding.templateLocation == "email.html:12:3")
        #expect(GalleryPage(gallery).html.contains("<code>email.html:12:3</code> a heading"))
    }

    @Test func fixturesReplaceRealRecipients() throws {
        let folder = try temporaryFolder("fixtures")
        let path = folder.appendingPathComponent("previews.yml").path
        try """
            fixtures:
              new:
                recipient_id: FIXTURE-NEW
                email: nina@example.com
                first_name: Nina
                signup_date: 2026-01-10
                order_count: 0
                total_spent: 0
                opened_last_90d: 1
            """.write(toFile: path, atomically: true, encoding: .utf8)
        var settings = PreviewSettings(campaignFolder: sampleCampaign)
        settings.fixtures = path
        let gallery = try PreviewBuilder(settings).build()
        let new = try #require(gallery.variants.first { $0.segment == "new" })
        #expect(new.sample == .fixture(id: "FIXTURE-NEW", file: path))
        #expect(new.message?.html.contains("Nina") == true)
    }

    @Test func slugsAreSafeFileNames() {
        #expect(PreviewBuilder.slug("vip") == "vip")
        #expect(PreviewBuilder.slug("../x y") == "v---x-y")
    }
}
