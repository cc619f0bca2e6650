import Foundation
import Testing
import TailorBatch
import TailorMIME

/// Four shards rendered separately are complete and disjoint, and together
/// they are the unsharded run; `verify` catches what is missing or repeated.
@Suite struct ShardRunTests {
    private func renderShards(_ workspace: BatchWorkspace, format: OutputFormat, folders: (Int) -> String) throws {
        for index in 0..<4 {
            _ = try RenderRun(workspace.settings(folders(index), format: format, shard: try Shard(index: index, count: 4))).run()
        }
    }

    @Test func fourShardsInTheirOwnFoldersAreTheWholeRun() throws {
        let workspace = try BatchWorkspace(rows: 300, badRows: [77, 150])
        defer { workspace.remove() }
        _ = try RenderRun(workspace.settings("whole")).run()
        try renderShards(workspace, format: .eml) { "shard\($0)" }

        let report = try ManifestVerifier.verify((0..<4).map { workspace.url("shard\($0)") }, profiles: workspace.profiles)
        #expect(report.isComplete, "\(report.problems)")
        #expect(report.shardsFound == 4 && report.inputRows == 300)

        // The union of the shards' messages and manifest lines is the whole run's, each once.
        let whole = try contents(of: workspace.url("whole")).filter { $0.key.hasSuffix(".eml") }
        var union: [String: Data] = [:]
        var lines: [String] = []
        for index in 0..<4 {
            let folder = workspace.url("shard\(index)")
            for (name, data) in try contents(of: folder) where name.hasSuffix(".eml") {
                #expect(union[name] == nil, "\(name) in two shards")
                union[name] = data
            }
            let shardLines = try manifestLines(folder, name: "manifest.shard-\(index)-of-4.jsonl")
            #expect(!shardLines.isEmpty)
            lines += shardLines
        }
        #expect(union == whole)
        #expect(lines.sorted() == (try manifestLines(workspace.url("whole"))).sorted())
    }

    @Test func shardsCanShareAFolder() throws {
        let workspace = try BatchWorkspace(rows: 120, badRows: [5])
        defer { workspace.remove() }
        try renderShards(workspace, format: .mbox) { _ in "shared" }
        let names = try FileManager.default.contentsOfDirectory(atPath: workspace.url("shared").path)
        #expect(names.filter { $0.hasPrefix("messages.shard-") && $0.hasSuffix(".mbox") }.count == 4)
        let report = try ManifestVerifier.verify([workspace.url("shared")])
        #expect(report.isComplete, "\(report.problems)")
        #expect(report.byStatus["rendered"] == 119 && report.byStatus["failed"] == 1)
    }

    /// Bad inputs for `verify`: each breaks the proof in its own way.
    @Test(arguments: [
        "missing shard", "repeated shard", "unfinished", "dropped line", "foreign line", "other input", "other format",
        "other send date",
    ])
    func verifyFindsWhatIsWrong(damage: String) throws {
        let workspace = try BatchWorkspace(rows: 100)
        defer { workspace.remove() }
        try renderShards(workspace, format: .eml) { "s\($0)" }
        var folders = (0..<4).map { workspace.url("s\($0)") }
        let manifest1 = folders[1].appendingPathComponent("manifest.shard-1-of-4.jsonl")
        var profiles: String? = nil
        var expected = ""
        switch damage {
        case "missing shard":
            folders.removeLast()
            expected = "shard 3/4 is missing"
        case "repeated shard":
            folders.append(folders[0])
            expected = "appears more than once"
        case "unfinished":
            let record = folders[2].appendingPathComponent("run.shard-2-of-4.json")
            var run = try RunRecord.read(from: record)
            run.complete = false
            try run.write(to: record)
            expected = "did not complete"
        case "dropped line":
            let lines = try manifestLines(folders[1], name: "manifest.shard-1-of-4.jsonl")
            try (lines.dropLast().joined(separator: "\n") + "\n").write(to: manifest1, atomically: true, encoding: .utf8)
            expected = "lines for"
        case "foreign line":
            let other = try manifestLines(folders[0], name: "manifest.shard-0-of-4.jsonl")[0]
            var lines = try manifestLines(folders[1], name: "manifest.shard-1-of-4.jsonl")
            lines[0] = other
            try (lines.joined(separator: "\n") + "\n").write(to: manifest1, atomically: true, encoding: .utf8)
            expected = "belongs to shard 0, not 1"
        case "other format", "other send date":
            let record = folders[3].appendingPathComponent("run.shard-3-of-4.json")
            var run = try RunRecord.read(from: record)
            if damage == "other format" {
                run.format = "mbox"
                expected = "unlike \(folders[0].path)/run.shard-0-of-4.json, it wrote --format mbox, not eml"
            } else {
                run.sendDate += 86_400
                expected = "its send date is 2026-01-16T09:00:00Z, not 2026-01-15T09:00:00Z"
            }
            try run.write(to: record)
        default:
            let text = try String(contentsOfFile: workspace.profiles, encoding: .utf8)
            let other = workspace.folder.appendingPathComponent("other.jsonl").path
            try text.replacingOccurrences(of: "\"R7\"", with: "\"R7b\"").write(toFile: other, atomically: true, encoding: .utf8)
            profiles = other
            expected = "differ from the input"
        }
        let report = try ManifestVerifier.verify(folders, profiles: profiles)
        #expect(!report.isComplete)
        #expect(report.problems.contains { $0.contains(expected) }, "\(report.problems)")
    }
}
