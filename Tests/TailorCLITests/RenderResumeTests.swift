import Foundation
import Testing

/// `tailor render` killed with SIGKILL half way, then run again with
/// `--resume`, leaves the same files as a run that was never killed; shards
/// from the scheduler's variable verify with `tailor manifest verify`.
@Suite struct RenderResumeTests {
    /// A campaign over `rows` generated profiles; without `sendDate` the send
    /// date comes from the clock.
    private func workspaceFiles(rows: Int, sendDate: String? = "2026-01-15T09:00:00Z") -> [String: String] {
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
                \(sendDate.map { "send_date: \"\($0)\"" } ?? "")
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

    /// An mbox run cut back to its first `keep` recipients, as a kill leaves it.
    private func interrupt(_ out: URL, keeping keep: Int) throws {
        let manifest = try String(contentsOf: out.appendingPathComponent("manifest.jsonl"), encoding: .utf8)
        let kept = manifest.split(separator: "\n").prefix(keep).map { $0 + "\n" }.joined()
        try kept.write(to: out.appendingPathComponent("manifest.jsonl.partial"), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: out.appendingPathComponent("manifest.jsonl"))
        try FileManager.default.moveItem(
            at: out.appendingPathComponent("messages.mbox"), to: out.appendingPathComponent("messages.mbox.partial"))
    }

    /// A send dated by the clock resumes with the date the interrupted run
    /// took, so its Date headers and Message-IDs match the first half's.
    @Test func clockDatedRunResumesWithItsOwnDate() throws {
        let folder = try workspace(workspaceFiles(rows: 40, sendDate: nil))
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("send")
        let first = try tailor(["render", "campaign", "--format", "mbox", "--out", "send"], in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        let clean = try files(out)
        try interrupt(out, keeping: 15)
        Thread.sleep(forTimeInterval: 1.1)  // a new clock reading would be a later second
        let resumed = try tailor(["render", "campaign", "--format", "mbox", "--out", "send", "--resume"], in: folder)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(try files(out) == clean)
    }

    /// Resuming with settings that change the output is refused with what
    /// the interrupted run used, before anything is written.
    @Test(arguments: [
        (["--format", "eml"], "the interrupted run used --format mbox, this one eml: resume it with --format mbox"),
        (["--format", "mbox", "--send-date", "2026-02-01T00:00:00Z"],
         "the interrupted run used the send date 2026-01-15T09:00:00Z, this one 2026-02-01T00:00:00Z"),
        (["--format", "mbox", "--validate", "off"], "the interrupted run used --validate variant"),
    ])
    func resumeWithOtherSettingsIsRefused(arguments: [String], message: String) throws {
        let folder = try workspace(workspaceFiles(rows: 20))
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("send")
        #expect(try tailor(["render", "campaign", "--format", "mbox", "--out", "send"], in: folder).status == 0)
        try interrupt(out, keeping: 5)
        let partial = try files(out)
        let refused = try tailor(["render", "campaign", "--out", "send", "--resume"] + arguments, in: folder)
        #expect(refused.status == 3)
        #expect(refused.stderr.contains("cannot resume: " + message), "\(refused.stderr)")
        #expect(try files(out) == partial)
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
