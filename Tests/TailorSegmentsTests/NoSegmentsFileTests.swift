import Testing

@testable import TailorSegments

@Suite struct NoSegmentsFileTests {
    @Test func everyoneIsInTheDefaultSegment() throws {
        let file = SegmentsFile.none(campaignPath: "templates/x/campaign.yml", now: 1_768_467_600)
        #expect(file.segments.isEmpty)
        #expect(file.defaultSegment == "default")
        #expect(file.namesByPriority.isEmpty)
        #expect(file.path == "templates/x/campaign.yml (no segments file)")
        #expect(file.now == 1_768_467_600)
    }
}
