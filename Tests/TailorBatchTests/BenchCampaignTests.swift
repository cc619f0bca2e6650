import Foundation
import Testing
import TailorBatch
import TailorMIME
import TailorTestSupport

/// The reference campaign of `../shared/bench` over 2,000 generated contexts
/// (which carry their own segment, recommendations and cart, and a few hostile
/// values), judged by check-eml: every message handed off passes, and every
/// recipient is in the manifest.
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
        let folder = TestFolder.make("bench-2000")
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

        // gen_data.py gives some recipients the first name '{{ 7*7 }}' (a template
        // injection attempt). tailor prints it as data, never evaluated; such a
        // message would show the braces, so it fails with a reason instead of
        // being handed off, and check-eml passes every message that is.
        let contexts = try String(contentsOf: data.appendingPathComponent("contexts.jsonl"), encoding: .utf8)
            .split(separator: "\n")
        let hostile = contexts.filter { $0.contains("\"first_name\":\"{{ 7*7 }}\"") }.count
        #expect(hostile > 0, "gen_data.py no longer writes the injection attempt")
        #expect(summary.byStatus[.rendered] == 2_000 - hostile, "\(summary.failureLines())")
        #expect(summary.failed == hostile)
        #expect(summary.validation?.errors == 0)

        // Every input recipient is in the manifest, in input order; the failures say why.
        let manifest = try manifestLines(URL(fileURLWithPath: settings.outDirectory!)).map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        let inputIDs = try contexts.map {
            try #require((try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["recipient_id"] as? String)
        }
        #expect(manifest.compactMap { $0["id"] as? String } == inputIDs)
        let failed = manifest.filter { $0["status"] as? String == "failed" }
        #expect(failed.count == hostile)
        #expect(failed.allSatisfy {
            ($0["reason"] as? String)?.hasPrefix("profile attribute 'first_name' holds template syntax '{{ 7*7 }}'") == true
        })

        let result = SharedTools.run([SharedTools.checkEML.path, "--require-unsubscribe", "-q", settings.outDirectory!])
        #expect(result.status == 0, "\(result.stdout.suffix(2000))")
        #expect(result.stdout.contains("\(2_000 - hostile) passed, 0 failed"), "\(result.stdout.suffix(2000))")
    }
}
