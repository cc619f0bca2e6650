import Foundation
import Testing
import TailorBatch
import TailorMIME

/// A run with validation failures stopped half way, then resumed, ends with
/// the files of a run never stopped: the manifest's verdicts for variants
/// first seen before the stop, and `validation.jsonl` cut and continued.
@Suite struct ValidationResumeTests {
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

    private func output(_ workspace: CampaignWorkspace, _ out: String) throws -> [String: Data] {
        try contents(of: workspace.url(out)).filter { !$0.key.hasPrefix("run") }
    }

    // Chunks of 4: the first vip recipient (R5) is in chunk 2, the first new one (R7) too.
    @Test(arguments: [
        (ValidationMode.variant, OutputFormat.eml, 1), (.variant, .eml, 2), (.variant, .mbox, 5), (.every, .jsonl, 3),
        (.variant, .eml, 10),
    ])
    func resumeAfterValidationFailuresGivesTheCleanOutput(mode: ValidationMode, format: OutputFormat, chunks: Int) throws {
        let workspace = try ValidationCampaign.workspace("validate-resume", rows: 40)
        defer { workspace.remove() }
        var clean = workspace.settings("clean", validate: mode)
        clean.format = format
        let cleanSummary = try RenderRun(clean).run()

        var stopped = workspace.settings("resumed", validate: mode)
        stopped.format = format
        try interrupted(stopped, after: chunks)
        let partial = try output(workspace, "resumed")
        #expect(partial["validation.jsonl"] == nil && partial["validation.jsonl.partial"] != nil)

        var again = stopped
        again.resume = true
        let summary = try RenderRun(again).run()
        #expect(summary.resumed == min(40, chunks * 4))
        #expect(summary.byStatus == cleanSummary.byStatus)
        #expect(summary.validation == cleanSummary.validation)
        #expect(try output(workspace, "resumed") == output(workspace, "clean"))
    }

    @Test func aTornFindingsFileIsCutBackToTheKeptRecipients() throws {
        let workspace = try ValidationCampaign.workspace("validate-torn", rows: 40)
        defer { workspace.remove() }
        _ = try RenderRun(workspace.settings("clean", validate: .every)).run()
        try interrupted(workspace.settings("torn", validate: .every), after: 3)
        // A finding of a recipient the manifest does not have yet, and half a line.
        let file = try FileHandle(forWritingTo: workspace.url("torn").appendingPathComponent("validation.jsonl.partial"))
        try file.seekToEnd()
        try file.write(contentsOf: Data(
            ("{\"manifest_line\":13,\"recipient\":\"R13\",\"variant\":\"x\",\"rule\":\"img-alt\",\"severity\":\"warning\","
                + "\"file\":\"email.html\",\"message\":\"m\"}\n{\"manifest_line\":14,\"reci").utf8))
        try file.close()
        var again = workspace.settings("torn", validate: .every)
        again.resume = true
        _ = try RenderRun(again).run()
        #expect(try output(workspace, "torn") == output(workspace, "clean"))
    }

    @Test(arguments: [(ValidationMode.every, false, "--validate variant"), (.variant, true, "without --allow-template-syntax")])
    func resumeRefusesOtherValidationSettings(mode: ValidationMode, allow: Bool, message: String) throws {
        let workspace = try ValidationCampaign.workspace("validate-resume-mode", rows: 40)
        defer { workspace.remove() }
        try interrupted(workspace.settings("out", validate: .variant), after: 2)
        var again = workspace.settings("out", validate: mode)
        again.allowTemplateSyntax = allow
        again.resume = true
        #expect { _ = try RenderRun(again).run() } throws: { error in
            error is ResumeError && "\(error)".contains(message)
        }
    }
}
