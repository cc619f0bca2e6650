import Foundation
import Testing
import TailorBatch
import TailorMIME

/// A run without `--resume` into a folder an earlier run wrote starts over:
/// the earlier run's message files go, so the folder holds exactly what the
/// new manifest lists. Before, the `.eml` of a recipient who had left the
/// list (or now failed) stayed beside the new files, and a folder upload sent it.
@Suite struct StartOverTests {
    static func profiles(_ ids: ClosedRange<Int>, badEmail: Set<Int> = []) -> [String] {
        ids.map { #"{"recipient_id":"R\#($0)","email":"\#(badEmail.contains($0) ? "nope" : "r\($0)@example.com")","first_name":"Ann"}"# }
    }

    func messageFiles(_ out: URL) throws -> Set<String> {
        let own = ["manifest", "run", "validation"]
        return Set(try FileManager.default.contentsOfDirectory(atPath: out.path).filter { name in
            !own.contains { name.hasPrefix($0 + ".") }
        })
    }

    func listedFiles(_ out: URL, manifest: String = "manifest.jsonl") throws -> Set<String> {
        let text = try String(contentsOf: out.appendingPathComponent(manifest), encoding: .utf8)
        return Set(try text.split(separator: "\n").compactMap {
            (try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["file"] as? String
        })
    }

    @Test(arguments: [OutputFormat.eml, .ses, .sendgrid, .postmark, .mbox, .jsonl])
    func aRunThatStartsOverLeavesOnlyItsOwnFiles(format: OutputFormat) throws {
        let send = try HostileInputTests.Send(
            "start-over", profiles: Self.profiles(1...150), events: "", catalog: HostileInputTests.catalogHeader)
        defer { send.remove() }
        var settings = RenderSettings(campaignFolder: send.folder.path)
        let out = send.folder.appendingPathComponent("out")
        settings.outDirectory = out.path
        settings.format = format
        settings.batchSize = 16
        _ = try RenderRun(settings).run()
        #expect(try messageFiles(out).count >= 1)

        // R2 now fails and R101-R150 left the list.
        let profiles = Self.profiles(1...100, badEmail: [2]).joined(separator: "\n") + "\n"
        try profiles.write(to: send.folder.appendingPathComponent("profiles.jsonl"), atomically: true, encoding: .utf8)
        let summary = try RenderRun(settings).run()
        #expect(summary.recipients == 100 && summary.failed == 1)
        #expect(try messageFiles(out) == (try listedFiles(out)))
    }

    /// Shards sharing a folder: a shard that starts over removes its own files only.
    @Test func aShardStartingOverLeavesTheOtherShardsFiles() throws {
        let send = try HostileInputTests.Send(
            "start-over-shards", profiles: Self.profiles(1...40), events: "", catalog: HostileInputTests.catalogHeader)
        defer { send.remove() }
        let out = send.folder.appendingPathComponent("out")
        func run(_ index: Int) throws {
            var settings = RenderSettings(campaignFolder: send.folder.path)
            settings.outDirectory = out.path
            settings.shard = try Shard(index: index, count: 2)
            _ = try RenderRun(settings).run()
        }
        try run(0)
        try run(1)
        let shardOne = try listedFiles(out, manifest: "manifest.shard-1-of-2.jsonl")
        try (Self.profiles(1...20).joined(separator: "\n") + "\n")
            .write(to: send.folder.appendingPathComponent("profiles.jsonl"), atomically: true, encoding: .utf8)
        try run(0)
        let shardZero = try listedFiles(out, manifest: "manifest.shard-0-of-2.jsonl")
        #expect(try messageFiles(out) == shardZero.union(shardOne))
    }
}
