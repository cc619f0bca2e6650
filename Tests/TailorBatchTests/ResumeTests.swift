import Foundation
import Testing
import TailorBatch
import TailorMIME

/// A run stopped half way, then resumed, ends with the same files as a run
/// that was never stopped: every message, the manifest, the single-file outputs.
@Suite struct ResumeTests {
    /// Everything but the run record (which holds timings).
    private func output(_ folder: URL) throws -> [String: Data] {
        try contents(of: folder).filter { !$0.key.hasPrefix("run") }
    }

    /// Stops the run once `chunks` chunks are written, as a kill would.
    private func interrupted(_ settings: RenderSettings, after chunks: Int) throws {
        let run = try RenderRun(settings)
        var seen = 0
        #expect(throws: RenderInterrupted.self) {
            _ = try run.run { _ in
                seen += 1
                if seen == chunks { run.cancel() }
            }
        }
    }

    @Test(arguments: [(OutputFormat.eml, 1), (.eml, 7), (.mbox, 3), (.jsonl, 5), (.ses, 2), (.mbox, 12)])
    func resumeAfterAnInterruptionGivesTheCleanOutput(format: OutputFormat, chunks: Int) throws {
        let workspace = try BatchWorkspace(rows: 200, badRows: [50, 101])
        defer { workspace.remove() }
        let clean = try RenderRun(workspace.settings("clean", format: format)).run()
        #expect(clean.recipients == 200)

        try interrupted(workspace.settings("resumed", format: format), after: chunks)
        let partial = try contents(of: workspace.url("resumed"))
        #expect(partial["manifest.jsonl"] == nil, "a stopped run leaves no complete-looking manifest")
        #expect(partial["manifest.jsonl.partial"] != nil)

        var again = workspace.settings("resumed", format: format)
        again.resume = true
        let resumed = try RenderRun(again).run()
        #expect(resumed.resumed == min(200, chunks * 16))
        #expect(resumed.recipients == 200)
        #expect(resumed.byStatus == clean.byStatus)
        #expect(try output(workspace.url("resumed")) == output(workspace.url("clean")))
    }

    @Test func tornFilesAreCutBackToTheLastCompleteRecord() throws {
        let workspace = try BatchWorkspace(rows: 120)
        defer { workspace.remove() }
        _ = try RenderRun(workspace.settings("clean", format: .mbox)).run()
        try interrupted(workspace.settings("torn", format: .mbox), after: 3)
        // A kill mid-write: half a manifest line, and a message beyond the manifest plus a torn one.
        let out = workspace.url("torn")
        let journal = try FileHandle(forWritingTo: out.appendingPathComponent("manifest.jsonl.partial"))
        try journal.seekToEnd()
        try journal.write(contentsOf: Data("{\"id\":\"R49\",\"status\":\"rend".utf8))
        try journal.close()
        let mbox = try FileHandle(forWritingTo: out.appendingPathComponent("messages.mbox.partial"))
        try mbox.seekToEnd()
        try mbox.write(contentsOf: Data("From news@shop.example Thu Jan 15 09:00:00 2026\nFrom: x\n\nhalf a mess".utf8))
        try mbox.write(contentsOf: Data("\n\nFro".utf8))
        try mbox.close()

        var again = workspace.settings("torn", format: .mbox)
        again.resume = true
        let summary = try RenderRun(again).run()
        #expect(summary.resumed == 48)
        #expect(try output(out) == output(workspace.url("clean")))
    }

    @Test func aMissingMessageIsRenderedAgain() throws {
        let workspace = try BatchWorkspace(rows: 80)
        defer { workspace.remove() }
        _ = try RenderRun(workspace.settings("clean")).run()
        try interrupted(workspace.settings("lost"), after: 3)
        // The 20th recipient's file is gone: the prefix ends before it.
        try FileManager.default.removeItem(at: workspace.url("lost").appendingPathComponent(SafeFileName.make(for: "R20") + ".eml"))
        var again = workspace.settings("lost")
        again.resume = true
        let summary = try RenderRun(again).run()
        #expect(summary.resumed == 19)
        #expect(try output(workspace.url("lost")) == output(workspace.url("clean")))
    }

    @Test func resumingACompleteRunChangesNothing() throws {
        let workspace = try BatchWorkspace(rows: 40)
        defer { workspace.remove() }
        _ = try RenderRun(workspace.settings("done", format: .jsonl)).run()
        let before = try output(workspace.url("done"))
        var again = workspace.settings("done", format: .jsonl)
        again.resume = true
        let summary = try RenderRun(again).run()
        #expect(summary.resumed == 40)
        #expect(try output(workspace.url("done")) == before)
    }

    @Test func resumeRefusesAChangedInput() throws {
        let workspace = try BatchWorkspace(rows: 60)
        defer { workspace.remove() }
        try interrupted(workspace.settings("changed"), after: 2)
        // Another input in the same order position: R1 becomes R1x.
        let text = try String(contentsOfFile: workspace.profiles, encoding: .utf8)
            .replacingOccurrences(of: "\"R1\"", with: "\"R1x\"")
        try text.write(toFile: workspace.profiles, atomically: true, encoding: .utf8)
        var again = workspace.settings("changed")
        again.resume = true
        #expect {
            _ = try RenderRun(again).run()
        } throws: { error in
            "\(error)".contains("'R1' but the input has 'R1x'")
        }
    }

    @Test func postmarkCannotResume() throws {
        let workspace = try BatchWorkspace(rows: 3)
        defer { workspace.remove() }
        var settings = workspace.settings("pm", format: .postmark)
        settings.resume = true
        #expect(throws: RenderSetupError.self) { _ = try RenderRun(settings) }
    }
}
