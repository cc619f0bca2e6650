import Foundation
import Testing
import TailorBatch
import TailorMIME

/// A resume refused for a folder whose run record is gone leaves the folder as
/// it was: the completed manifest and output keep their names. Before, they
/// stayed under `.partial` names, which the run record's restoring could not
/// undo without the record.
@Suite struct ResumeWithoutRecordTests {
    @Test(arguments: [(OutputFormat.mbox, OutputFormat.jsonl), (.jsonl, .mbox)])
    func aRefusedResumeKeepsTheNames(written: OutputFormat, resumedAs: OutputFormat) throws {
        let send = try HostileInputTests.Send(
            "resume-no-record", profiles: [], events: "", catalog: HostileInputTests.catalogHeader)
        defer { send.remove() }
        let profiles = send.folder.appendingPathComponent("profiles.jsonl")
        try RefusedResumeTests.profiles(Array(1...12)).write(to: profiles, atomically: true, encoding: .utf8)
        let out = send.folder.appendingPathComponent("out")
        var settings = RenderSettings(campaignFolder: send.folder.path)
        settings.outDirectory = out.path
        settings.format = written
        _ = try RenderRun(settings).run()
        try FileManager.default.removeItem(at: out.appendingPathComponent("run.json"))
        let before = try RefusedResumeTests.contents(out)

        settings.format = resumedAs
        settings.resume = true
        #expect(throws: ResumeError.self) { _ = try RenderRun(settings).run() }
        #expect(try RefusedResumeTests.contents(out) == before)
    }
}
