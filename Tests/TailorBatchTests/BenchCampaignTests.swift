import Foundation
import Testing
import TailorBatch
import TailorMIME
import TailorTestSupport

/// The reference campaign of `../shared/bench` over 2,000 generated contexts
/// (which carry their own segment, recommendations and cart), judged by check-eml.
@Suite struct BenchCampaignTests {
    static let bench = SharedTools.sharedDirectory.appendingPathComponent("bench")

    static let unavailable: String? = {
        if let reason = SharedTools.unavailableReason { return reason }
        guard FileManager.default.fileExists(atPath: bench.appendingPathComponent("gen_data.py").path) else {
            return "no gen_data.py in \(bench.path)"
        }
        return nil
    }()

    @Test(.enabled(if: unavailable == nil, "\(unavailable ?? "")"))
    func checkEMLPassesOnTwoThousandRecipients() throws {
        let folder = SharedTools.temporaryDirectory("bench-2000")
        defer { SharedTools.keepOrRemove(folder) }
        let data = folder.appendingPathComponent("data")
        let generated = SharedTools.run([
            "python3", Self.bench.appendingPathComponent("gen_data.py").path, "--n", "2000", "--out", data.path,
        ])
        try #require(generated.status == 0, "\(generated.stderr)")

        var settings = RenderSettings(campaignFolder: Self.bench.appendingPathComponent("campaign").path)
        settings.profiles = data.appendingPathComponent("contexts.jsonl").path
        settings.outDirectory = folder.appendingPathComponent("out").path
        let summary = try RenderRun(settings).run()
        #expect(summary.byStatus[.rendered] == 2_000, "\(summary.failures)")

        // gen_data.py gives two recipients the first name '{{ 7*7 }}' (a template
        // injection attempt). tailor prints it as data, unevaluated, and check-eml
        // flags the braces as leftover template syntax: those two messages are
        // the only ones allowed to fail, and only on that check.
        let hostile = try String(contentsOf: data.appendingPathComponent("contexts.jsonl"), encoding: .utf8)
            .split(separator: "\n").filter { $0.contains("\"first_name\":\"{{ 7*7 }}\"") }.count
        let result = SharedTools.run([SharedTools.checkEML.path, "--require-unsubscribe", "-q", settings.outDirectory!])
        #expect(result.stdout.contains("\(2_000 - hostile) passed, \(hostile) failed"), "\(result.stdout.suffix(2000))")
        let problems = result.stdout.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(problems.allSatisfy { $0.contains("template]") && $0.contains("{{ 7*7 }}") || $0.contains("'}}'") })
    }
}
