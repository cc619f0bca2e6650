import Foundation
import Testing
import TailorBatch
import TailorTestSupport

/// `run.json` files that were truncated, overwritten or edited by hand: reading
/// one says what is wrong with it, and `tailor manifest verify` lists it as a
/// problem instead of trapping (a shard count below 1 made a range `0..<-1`).
@Suite struct RunRecordCorruptionTests {
    static let valid = #"""
        {"campaign":"c","profiles":"p.jsonl","format":"eml","send_date":1768467600,"shard":{"index":0,"count":1},"manifest":"manifest.jsonl","validate":"variant","complete":true,"input":{"rows":0,"sum":"0","sum2":"0"},"shard_input":{"rows":0,"sum":"0","sum2":"0"}}
        """#

    @Test(arguments: [
        (Self.valid.replacingOccurrences(of: #""count":1"#, with: #""count":-1"#), "shard 0/-1 is not a shard (0 <= index < count)"),
        (Self.valid.replacingOccurrences(of: #""count":1"#, with: #""count":0"#), "shard 0/0 is not a shard (0 <= index < count)"),
        (Self.valid.replacingOccurrences(of: #""index":0"#, with: #""index":-5"#), "shard -5/1 is not a shard (0 <= index < count)"),
        (Self.valid.replacingOccurrences(of: #""index":0"#, with: #""index":1"#), "shard 1/1 is not a shard (0 <= index < count)"),
        (String(Self.valid.prefix(40)), "not valid JSON (truncated or overwritten?)"),
        ("", "not valid JSON (truncated or overwritten?)"),
        (Self.valid.replacingOccurrences(of: #""campaign":"c","#, with: ""), "'campaign' is missing"),
        (Self.valid.replacingOccurrences(of: #""send_date":1768467600"#, with: #""send_date":"soon""#),
         "'send_date' has the wrong type"),
    ])
    func corruptRecordsAreProblemsNotCrashes(text: String, problem: String) throws {
        let folder = TestFolder.path("runrecord")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("run.json")
        try text.write(to: url, atomically: true, encoding: .utf8)
        try "".write(to: folder.appendingPathComponent("manifest.jsonl"), atomically: true, encoding: .utf8)

        #expect(throws: RunRecordError.self) { _ = try RunRecord.read(from: url) }
        do { _ = try RunRecord.read(from: url) } catch { #expect("\(error)" == problem) }
        let report = try ManifestVerifier.verify([folder])
        #expect(!report.isComplete)
        #expect(report.problems == ["\(url.path): not a run record: \(problem)"])
    }

    @Test func theValidRecordVerifies() throws {
        let folder = TestFolder.path("runrecord")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.valid.write(to: folder.appendingPathComponent("run.json"), atomically: true, encoding: .utf8)
        try "".write(to: folder.appendingPathComponent("manifest.jsonl"), atomically: true, encoding: .utf8)
        let report = try ManifestVerifier.verify([folder])
        #expect(report.problems == [])
    }
}
