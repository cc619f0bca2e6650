import Foundation
import Testing
import TailorBatch
import TailorMIME

/// A `--resume` of a completed run that is refused because the input changed
/// (as a Kubernetes Job re-run with `--resume` after the list was updated
/// does) leaves the completed send exactly as it was. Before, its manifest and
/// output stayed under `.partial` names and its run record said incomplete, so
/// `tailor manifest verify` told to finish it with `--resume`, which could not.
@Suite struct RefusedResumeTests {
    static func profiles(_ ids: [Int]) -> String {
        ids.map { #"{"recipient_id":"R\#($0)","email":"r\#($0)@example.com","first_name":"Ann"}"# }.joined(separator: "\n") + "\n"
    }

    @Test(arguments: [
        (OutputFormat.eml, Array(1...20)),
        (.mbox, Array(1...20)),
        (.jsonl, Array(1...20)),
        (.eml, Array(1...10)),
        (.mbox, Array(1...7) + [99] + Array(9...40)),
    ])
    func aRefusedResumeLeavesTheCompletedRunAsItWas(format: OutputFormat, changed: [Int]) throws {
        let send = try HostileInputTests.Send(
            "refused-resume", profiles: [], events: "", catalog: HostileInputTests.catalogHeader)
        defer { send.remove() }
        let profiles = send.folder.appendingPathComponent("profiles.jsonl")
        try Self.profiles(Array(1...30)).write(to: profiles, atomically: true, encoding: .utf8)
        let out = send.folder.appendingPathComponent("out")
        var settings = RenderSettings(campaignFolder: send.folder.path)
        settings.outDirectory = out.path
        settings.format = format
        settings.batchSize = 4
        _ = try RenderRun(settings).run()
        let before = try Self.contents(out)

        try Self.profiles(changed).write(to: profiles, atomically: true, encoding: .utf8)
        settings.resume = true
        #expect(throws: ResumeError.self) { _ = try RenderRun(settings).run() }
        #expect(try Self.contents(out) == before)
        #expect(try ManifestVerifier.verify([out]).isComplete)
    }

    static func contents(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }
}
