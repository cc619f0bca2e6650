import Foundation
import Testing

/// `tailor render` killed with SIGKILL half way, then run again with
/// `--resume`, leaves the same files as a run that was never killed; shards
/// from the scheduler's variable verify with `tailor manifest verify`.
@Suite struct RenderResumeTests {
    /// A campaign over `rows` generated profiles.
    private func workspaceFiles(rows: Int) -> [String: String] {
        var profiles = "recipient_id,email,first_name,segment\n"
        for row in 1...rows {
            profiles += "R\(row),user\(row)@example.com,Name \(row),\(row % 5 == 0 ? "vip" : "")\n"
        }
        return [
            "campaign/campaign.yml": """
                name: kill_test
                from: "Shop <news@shop.example>"
                subject: "Hello {{ first_name }}"
                html: email.html
                unsubscribe: {url: "https://shop.example/u/{{ recipient_id }}"}
                send_date: "2026-01-15T09:00:00Z"
                data: {profiles: ../profiles.csv}
                """,
            "campaign/email.html": """
                <html lang="en"><head><title>Hello</title></head><body>{% for i in range(40) %}<p>{{ first_name }} {{ segment }} {{ i }}</p>{% endfor %}
                <p><a href="{{ unsubscribe_url }}">Unsubscribe</a></p></body></html>
                """,
            "profiles.csv": profiles,
        ]
    }

    private func files(_ folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where !name.hasPrefix("run") {
            out[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return out
    }

    private func lineCount(_ path: URL) -> Int {
        guard let data = try? Data(contentsOf: path) else { return 0 }
        return data.reduce(0) { $0 + ($1 == 0x0a ? 1 : 0) }
    }

    @Test(arguments: ["eml", "mbox"])
    func killedThenResumedIsTheCleanRun(format: String) throws {
        let folder = try workspace(workspaceFiles(rows: 3_000))
        defer { try? FileManager.default.removeItem(at: folder) }
        let clean = try tailor(["render", "campaign", "--format", format, "--out", "clean", "--jobs", "2"], in: folder)
        #expect(clean.status == 0, "\(clean.stderr)")

        let process = Process()
        process.executableURL = Bundle.main.bundleURL.appendingPathComponent("tailor")
        process.arguments = ["render", "campaign", "--format", format, "--out", "killed", "--jobs", "2"]
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let journal = folder.appendingPathComponent("killed/manifest.jsonl.partial")
        let deadline = Date().addingTimeInterval(60)
        while lineCount(journal) < 300 && process.isRunning && Date() < deadline { usleep(2_000) }
        #expect(process.isRunning, "the run finished before it could be killed")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        let resumed = try tailor(["render", "campaign", "--format", format, "--out", "killed", "--resume"], in: folder)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("resumed"))
        #expect(try files(folder.appendingPathComponent("killed")) == files(folder.appendingPathComponent("clean")))
    }

    @Test func shardsFromTheSchedulerVerify() throws {
        let folder = try workspace(workspaceFiles(rows: 200))
        defer { try? FileManager.default.removeItem(at: folder) }
        for index in 0..<3 {
            let process = Process()
            process.executableURL = Bundle.main.bundleURL.appendingPathComponent("tailor")
            process.arguments = ["render", "campaign", "--shard-count", "3", "--out", "send"]
            process.environment = ["JOB_COMPLETION_INDEX": "\(index)"]
            process.currentDirectoryURL = folder
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        let verified = try tailor(["manifest", "verify", "send", "--profiles", "profiles.csv"], in: folder)
        #expect(verified.status == 0, "\(verified.stderr)")
        #expect(verified.stdout.contains("verified: 3 shards of 3, 200 input rows"))

        try FileManager.default.removeItem(at: folder.appendingPathComponent("send/run.shard-1-of-3.json"))
        let incomplete = try tailor(["manifest", "verify", "send"], in: folder)
        #expect(incomplete.status == 1)
        #expect(incomplete.stderr.contains("shard 1/3 is missing"))
    }

    @Test(arguments: [
        (["--shard", "4/4"], "out of range"), (["--shard", "x"], "not a shard"),
        (["--shard-count", "2"], "needs the shard index"), (["--validate", "some"], "not one of"),
        (["--shard", "0/2", "--shard-count", "2"], "not with --shard"),
    ])
    func badShardOptionsAreUsageErrors(arguments: [String], message: String) throws {
        let folder = try workspace(workspaceFiles(rows: 2))
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try tailor(["render", "campaign"] + arguments, in: folder)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
    }
}
