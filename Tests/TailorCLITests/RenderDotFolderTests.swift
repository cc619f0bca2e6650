import Foundation
import TailorTestSupport
import Testing

/// `tailor render .` from inside a campaign folder renders it like the folder's path does.
@Suite struct RenderDotFolderTests {
    static let sample = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("templates/spring_sale")

    @Test func theCampaignFolderGivenAsDot() throws {
        let out = TestFolder.path("dot")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try tailor(["render", ".", "--out", out.path], in: Self.sample)
        #expect(result.status == 1 || result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("299 rendered"), "\(result.stdout)\(result.stderr)")
    }
}
