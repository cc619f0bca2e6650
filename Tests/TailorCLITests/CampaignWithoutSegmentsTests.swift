import Foundation
import TailorTestSupport
import Testing

/// A campaign with no segments file (a newsletter, a receipt) puts everyone
/// in the default segment, for every command that loads a campaign. `check`
/// and `preview` used to stop at "'segments:' defines no segment", pointing
/// at a file that does not exist.
@Suite struct CampaignWithoutSegmentsTests {
    @Test(arguments: [
        (["render", "templates/welcome", "--out", "out/send"], "welcome: 1 recipients (1 rendered)"),
        (["check", "templates/welcome"], "0 errors"),
        (["preview", "templates/welcome", "--out", "out/preview"], "welcome: 1 variants, 1 recipients"),
    ])
    func everyCommandTakesIt(arguments: [String], summary: String) throws {
        let folder = try CampaignArgumentTests.workspaceWithACampaign()
        let result = try tailor(arguments, in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(summary), "\(result.stdout)\n\(result.stderr)")
        #expect(!result.stderr.contains("segment"), "\(result.stderr)")
    }
}
