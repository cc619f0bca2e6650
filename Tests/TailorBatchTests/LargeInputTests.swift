import Foundation
import Testing
import TailorBatch
import TailorMIME
import TailorTestSupport

/// Large inputs: bad rows are reported where they are and the rest render;
/// profiles that carry their own segments keep them.
@Suite struct LargeInputTests {
    @Test func badRowsInTheMiddleAreReportedAndTheRestRender() throws {
        let workspace = try BatchWorkspace(rows: 5_000, badRows: [2_500, 2_501, 4_999])
        defer { workspace.remove() }
        let summary = try RenderRun(workspace.settings("out")).run()
        #expect(summary.recipients == 5_000)
        #expect(summary.byStatus[.rendered] == 4_997)
        #expect(summary.failed == 3)
        let lines = try manifestLines(workspace.url("out"))
        #expect(lines.count == 5_000)
        // In input order, each with its line and reason.
        #expect(lines[2_499].contains("\"id\":\"R2500\"") && lines[2_499].contains("profiles.jsonl:2500: invalid email"))
        #expect(lines[2_500].contains("\"status\":\"failed\"") && lines[2_500].contains("profiles.jsonl:2501: invalid JSON"))
        #expect(lines[4_998].contains("profiles.jsonl:4999"))
        #expect(lines[4_999].contains("\"id\":\"R5000\"") && lines[4_999].contains("rendered"))
        #expect(summary.line.contains("failures: 3"))
    }

    @Test func givenSegmentsAreKeptWithoutASegmentsFile() throws {
        let workspace = try BatchWorkspace(rows: 9)
        defer { workspace.remove() }
        let summary = try RenderRun(workspace.settings("out", format: .jsonl)).run()
        #expect(summary.bySegment == ["vip": 3, "default": 6])
        let text = try String(contentsOf: workspace.url("out").appendingPathComponent("messages.jsonl"), encoding: .utf8)
        #expect(text.contains("Early access, Zoë 3"))
        #expect(text.contains("(vip; vip)"))
        #expect(text.contains("(default; )"))
        // A JSON null is None, not undefined, even under strict undefined.
        #expect(text.contains("no nickname"))
    }

    @Test func outputIsTheSameWhateverTheThreads() throws {
        let workspace = try BatchWorkspace(rows: 700, badRows: [300])
        defer { workspace.remove() }
        var one = workspace.settings("one", format: .mbox, jobs: 1)
        one.batchSize = 1
        _ = try RenderRun(one).run()
        var many = workspace.settings("many", format: .mbox, jobs: 4)
        many.batchSize = 7
        _ = try RenderRun(many).run()
        let a = try contents(of: workspace.url("one")).filter { !$0.key.hasPrefix("run") }
        let b = try contents(of: workspace.url("many")).filter { !$0.key.hasPrefix("run") }
        #expect(a == b)
    }
}
