import Foundation
import TailorTestSupport
import Testing

/// `tailor segments`, run as a user runs it: in the repository root (the sample workspace).
@Suite struct SegmentsCLITests {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    @Test func sampleReport() throws {
        let result = try tailor(["segments"], in: Self.root)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.isEmpty)
        for line in [
            "Recipients: 305 rows read, 300 assigned, 5 bad rows skipped",
            "  high_value (18)\n  └─ vip (7)",
            "Bad rows in the profiles: 5",
            "data/profiles.csv:307: duplicate recipient id 'R0000005' (first on line 6)",
            "data/events.jsonl:1543: unknown event type 'clicked' (expected viewed, added_to_cart or purchased)",
            "age by primary segment",
        ] {
            #expect(result.stdout.contains(line), "missing: \(line)")
        }
    }

    @Test func jsonReportAndAssignments() throws {
        let out = TestFolder.path("assign").appendingPathExtension("csv")
        let result = try tailor(["segments", "--json", "--assign", out.path, "--by", "country"], in: Self.root)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["recipients"] as? Int == 300)
        #expect((json["segments"] as? [Any])?.count == 15)
        #expect((json["matrix"] as? [String: Any])?["attribute"] as? String == "country")
        let lines = try String(contentsOf: out, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 1 + 305)
        #expect(lines.first == "recipient_id,segment,segments,skipped_because")
        #expect(lines.last == "R0000005,,,line 307: duplicate recipient id 'R0000005' (first on line 6)")
    }

    @Test(arguments: [
        (["segments", "--segments", "missing.yml"], "error: no such file\n  --> missing.yml"),
        (["segments", "--segments", "typo.yml", "--profiles", "missing.csv"], "error: cannot read profiles file missing.csv: no such file"),
        (["segments", "--segments", "bad.yml"], "error: unknown key 'prority' in segment 'a'\n  --> bad.yml:4:5"),
        (["segments", "--segments", "typo.yml", "--profiles", "p.csv", "--no-events"],
         "error: the rule of segment 'a' reads 'totl_spent', which is not a column of p.csv\n  --> typo.yml:2:1"),
    ])
    func unreadableInputExitsThree(arguments: [String], message: String) throws {
        let folder = try workspace([
            "bad.yml": "segments:\n  a:\n    rule: x\n    prority: 1\n",
            "typo.yml": "segments:\n  a: {rule: totl_spent > 1}\n",
            "p.csv": "recipient_id,email,total_spent\nR1,a@x.io,3\n",
        ])
        let result = try tailor(arguments, in: folder)
        #expect(result.status == 3)
        #expect(result.stderr.hasPrefix(message), "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test(arguments: [
        (["segments", "--now", "tomorrow"], "--now 'tomorrow' is not a date or timestamp"),
        (["segments", "--events", "e.jsonl", "--no-events"], "--events and --no-events cannot be used together"),
    ])
    func usageErrorsExitTwo(arguments: [String], message: String) throws {
        let result = try tailor(arguments, in: try workspace([:]))
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "stderr: \(result.stderr)")
    }
}
