import Testing
import TailorMIME

@testable import TailorBatch

/// The terminal's failure lines group recipients that failed for the same
/// reason, most frequent first, and say how many are left out.
@Suite struct RenderSummaryTests {
    static func summary(_ failures: [(id: String, reason: String)], rendered: Int = 0) -> RenderSummary {
        var summary = RenderSummary(campaign: "c", outDirectory: "out", manifest: "out/manifest.jsonl")
        for i in 0..<rendered {
            summary.count(ManifestEntry(recipientID: "OK\(i)", status: .rendered, segment: "s", reason: nil), resumed: false)
        }
        for (id, reason) in failures {
            summary.count(ManifestEntry(recipientID: id, status: .failed, segment: "s", reason: reason), resumed: false)
        }
        return summary
    }

    @Test func aTemplateErrorThatFailsEveryoneIsOneLine() {
        let undefined = "email.html:146:46: 'recommendations' is undefined"
        let summary = Self.summary((1...2000).map { ("R\($0)", undefined) }, rendered: 3)
        #expect(summary.failureLines() == ["failed: 2000 recipients (the first R1): \(undefined)"])
    }

    @Test func mostFrequentFirstThenTheRestCounted() {
        var failures = (1...7).map { (id: "B\($0)", reason: "bad row \($0)") }
        failures.insert(contentsOf: [(id: "T1", reason: "boom"), (id: "T2", reason: "boom"), (id: "", reason: "no id here")], at: 3)
        let lines = Self.summary(failures).failureLines(limit: 3)
        #expect(lines == [
            "failed: 2 recipients (the first T1): boom", "failed: B1: bad row 1", "failed: B2: bad row 2",
            "... 6 more in out/manifest.jsonl",
        ])
        #expect(Self.summary([("", "no id here")]).failureLines() == ["failed: (no id): no id here"])
    }

    @Test func reasonsPastTheLimitAreStillCounted() {
        let summary = Self.summary((0..<(RenderSummary.maxReasons + 50)).map { ("R\($0)", "reason \($0)") })
        #expect(summary.failureReasons.count == RenderSummary.maxReasons)
        #expect(summary.failed == RenderSummary.maxReasons + 50)
        #expect(summary.failureLines().last == "... \(RenderSummary.maxReasons + 45) more in out/manifest.jsonl")
    }
}
