import Foundation
import Testing
import TailorBatch
import TailorMIME
import TailorTestSupport

/// `tailor render` on the sample workspace: every recipient accounted for,
/// the output judged by check-eml, deliveries through smtp-sink.
@Suite(.serialized) struct RenderRunTests {
    /// Runs from the package root, where the sample's relative paths hold.
    static let root = SharedTools.packageRoot.path

    private func settings(_ format: OutputFormat, _ label: String) -> (RenderSettings, URL) {
        let out = TestFolder.make(label)
        var settings = RenderSettings(campaignFolder: "\(Self.root)/templates/spring_sale")
        settings.format = format
        settings.outDirectory = out.path
        settings.jobs = 2
        settings.batchSize = 64
        return (settings, out)
    }

    private func manifest(_ out: URL) throws -> [[String: Any]] {
        let text = try String(contentsOf: out.appendingPathComponent("manifest.jsonl"), encoding: .utf8)
        return try text.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test func everyRowOfTheSampleIsAccountedFor() throws {
        let (settings, out) = settings(.eml, "eml")
        defer { SharedTools.keepOrRemove(out) }
        let summary = try RenderRun(settings).run()
        let lines = try manifest(out)
        // 305 data rows: 299 messages, the CR/LF name refused, 5 bad rows.
        #expect(lines.count == 305)
        #expect(summary.recipients == 305)
        #expect(lines.filter { $0["status"] as? String == "rendered" }.count == 299)
        let failed = lines.filter { $0["status"] as? String == "failed" }
        #expect(failed.count == 6)
        #expect(failed.allSatisfy { ($0["reason"] as? String)?.isEmpty == false })
        #expect(failed.contains { ($0["reason"] as? String)?.contains("header injection") == true })
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".eml") }
        #expect(files.count == 299)
        // Input order is kept whatever the threads did.
        let ids = lines.compactMap { $0["id"] as? String }.prefix(5)
        #expect(Array(ids) == ["R0000001", "R0000002", "R0000003", "R0000004", "R0000005"])
    }

    @Test func aReRunGivesTheSameBytes() throws {
        let (first, a) = settings(.eml, "again-a")
        let (second, b) = settings(.eml, "again-b")
        defer {
            SharedTools.keepOrRemove(a)
            SharedTools.keepOrRemove(b)
        }
        _ = try RenderRun(first).run()
        var single = second
        single.jobs = 1
        _ = try RenderRun(single).run()
        let hashesA = try manifest(a).compactMap { $0["sha256"] as? String }
        let hashesB = try manifest(b).compactMap { $0["sha256"] as? String }
        #expect(hashesA.count == 299)
        #expect(hashesA == hashesB)
    }

    @Test(.enabled(if: SharedTools.available, "\(SharedTools.unavailableReason ?? "")"))
    func checkEMLPassesOnEveryMessage() throws {
        let (settings, out) = settings(.eml, "check")
        defer { SharedTools.keepOrRemove(out) }
        _ = try RenderRun(settings).run()
        let result = SharedTools.run([SharedTools.checkEML.path, "--require-unsubscribe", "-q", out.path])
        #expect(result.status == 0, "\(result.stdout.suffix(2000))")
        #expect(result.stdout.contains("299 passed, 0 failed"))
    }

    @Test(.enabled(if: SharedTools.available, "\(SharedTools.unavailableReason ?? "")"))
    func checkEMLPassesOnTheMbox() throws {
        let (settings, out) = settings(.mbox, "mbox")
        defer { SharedTools.keepOrRemove(out) }
        _ = try RenderRun(settings).run()
        let mbox = out.appendingPathComponent("messages.mbox").path
        let result = SharedTools.run([SharedTools.checkEML.path, "--mbox", "--require-unsubscribe", "-q", mbox])
        #expect(result.status == 0, "\(result.stdout.suffix(2000))")
        #expect(result.stdout.contains("299 passed, 0 failed"))
    }

    @Test(arguments: [OutputFormat.jsonl, .ses, .sendgrid, .postmark])
    func espFormatsWriteEveryMessage(format: OutputFormat) throws {
        var (settings, out) = settings(format, format.rawValue)
        settings.includeRaw = format == .jsonl
        defer { SharedTools.keepOrRemove(out) }
        let summary = try RenderRun(settings).run()
        #expect(summary.byStatus[.rendered] == 299)
        let written = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0 != "manifest.jsonl" }
        #expect(!written.isEmpty)
        if format == .jsonl {
            let text = try String(contentsOf: out.appendingPathComponent("messages.jsonl"), encoding: .utf8)
            let first = try #require(
                try JSONSerialization.jsonObject(with: Data(text.split(separator: "\n")[0].utf8)) as? [String: Any])
            for key in ["to", "from", "subject", "html", "text", "headers", "raw"] { #expect(first[key] != nil, "\(key)") }
        }
    }

    @Test(.enabled(if: SharedTools.available, "\(SharedTools.unavailableReason ?? "")"))
    func deliveryThroughTemporaryFailuresAndRejects() throws {
        // Every second DATA gets a 451; two recipients are refused with 550.
        let sink = try SMTPSink([
            "--fail-every", "2", "--reject-rcpt", "^olivia\\.brown\\.3@", "--reject-rcpt", "^emma\\.smith\\.7@",
            "--timeout", "120",
        ])
        defer { sink.stop() }
        try #require(sink.port > 0)
        var (settings, out) = settings(.eml, "deliver")
        defer { SharedTools.keepOrRemove(out) }
        var smtp = SMTPConfiguration(host: "127.0.0.1", port: sink.port)
        smtp.initialBackoff = 0.01
        smtp.maxBackoff = 0.05
        settings.deliver = smtp
        let summary = try RenderRun(settings).run()
        let lines = try manifest(out)
        let delivered = lines.filter { $0["status"] as? String == "delivered" }
        #expect(summary.byStatus[.delivered] == delivered.count)
        let accepted = try sink.events().filter { $0["event"] as? String == "accepted" }
        // Exactly once each: as many accepted messages as delivered recipients, no id twice.
        #expect(accepted.count == delivered.count)
        let rejected = lines.filter { ($0["reason"] as? String)?.contains("550") == true }
        #expect(rejected.allSatisfy { $0["status"] as? String == "failed" })
        #expect(delivered.count + rejected.count == 299)
    }

    /// A server that takes nothing stops the send before the chunk it refused
    /// is recorded; `--resume` against a live server then delivers every
    /// message exactly once.
    @Test(.enabled(if: SharedTools.available, "\(SharedTools.unavailableReason ?? "")"))
    func deadServerStopsTheSendAndResumeDeliversTheRest() throws {
        let gone = try SMTPSink(["--timeout", "120"])
        try #require(gone.port > 0)
        gone.stop()  // nothing listens on its port any more
        var (settings, out) = settings(.eml, "deliver-dead")
        defer { SharedTools.keepOrRemove(out) }
        var smtp = SMTPConfiguration(host: "127.0.0.1", port: gone.port)
        smtp.initialBackoff = 0.01
        smtp.maxBackoff = 0.02
        settings.deliver = smtp
        #expect {
            _ = try RenderRun(settings).run()
        } throws: { error in
            (error as? DeliveryStopped)?.description.contains("accepted none of the last 64 messages") == true
        }
        let journal = out.appendingPathComponent("manifest.jsonl.partial")
        #expect(try Data(contentsOf: journal).isEmpty)

        let live = try SMTPSink(["--timeout", "120"])
        defer { live.stop() }
        try #require(live.port > 0)
        smtp.port = live.port
        settings.deliver = smtp
        settings.resume = true
        let summary = try RenderRun(settings).run()
        let lines = try manifest(out)
        let delivered = lines.compactMap { $0["status"] as? String == "delivered" ? $0["id"] as? String : nil }
        #expect(summary.byStatus[.delivered] == 299 && delivered.count == 299)
        let accepted = try live.events().filter { $0["event"] as? String == "accepted" }
        #expect(accepted.count == 299)
    }
}
