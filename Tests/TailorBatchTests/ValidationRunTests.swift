import Foundation
import Testing
import TailorBatch
import TailorMIME

/// `--validate variant|every|off` on a campaign with one failing variant
/// (`vip`: an unclosed cell) and one with a warning (`new`: an image without
/// alt): which bodies are validated, which recipients fail and why, and what
/// `validation.jsonl` holds.
@Suite struct ValidationRunTests {
    static let rows = 40
    static var vipRows: [Int] { (1...rows).filter { ValidationCampaign.segment($0) == "vip" } }
    static var newRows: [Int] { (1...rows).filter { ValidationCampaign.segment($0) == "new" } }

    private func status(_ manifest: [[String: Any]]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: manifest.map { ($0["id"] as! String, $0["status"] as! String) })
    }

    @Test func variantModeValidatesTheFirstRecipientOfEachVariantAndFailsAFailingVariantWhole() throws {
        let workspace = try ValidationCampaign.workspace("validate-variant")
        defer { workspace.remove() }
        let summary = try RenderRun(workspace.settings("out", validate: .variant)).run()
        let manifest = try workspace.manifest("out")
        #expect(manifest.count == Self.rows)
        #expect(summary.failed == Self.vipRows.count)
        #expect(summary.validation?.bodies == 3)
        #expect(summary.validation?.variants == 3)
        #expect(summary.validation?.failed == Self.vipRows.count)
        #expect(summary.line.contains("validation (variant): 3 bodies, 1 error, 1 warning, 0 notices, 8 recipients failed by it in validation.jsonl"))

        // Every vip recipient fails with the first vip recipient's finding.
        let vip = try #require(manifest.first { $0["id"] as? String == "R5" })
        let variant = try #require(vip["variant"] as? String)
        let reason = "HTML validation: email.html:5:37: <td> is not closed before </tr> [unclosed-tag] "
            + "(1 error in variant \(variant), validated on recipient R5; all findings in validation.jsonl)"
        for line in manifest {
            let row = Int((line["id"] as! String).dropFirst())!
            let segment = ValidationCampaign.segment(row)
            #expect(line["status"] as? String == (segment == "vip" ? "failed" : "rendered"), "\(line)")
            if segment == "vip" {
                #expect(line["reason"] as? String == reason)
                #expect(line["variant"] as? String == variant)
            }
        }
        #expect(Set(manifest.compactMap { $0["variant"] as? String }).count == 3)

        // One line per finding of each variant's first recipient, in manifest order.
        let findings = try #require(try workspace.findings("out"))
        #expect(findings.count == 2)
        #expect(findings[0]["manifest_line"] as? Int == 5 && findings[0]["recipient"] as? String == "R5")
        #expect(findings[0]["variant"] as? String == variant)
        #expect(findings[0]["rule"] as? String == "unclosed-tag" && findings[0]["severity"] as? String == "error")
        #expect(findings[0]["file"] as? String == "email.html")
        #expect(findings[0]["line"] as? Int == 5 && findings[0]["column"] as? Int == 37)
        #expect(findings[0]["message"] as? String == "<td> is not closed before </tr>")
        #expect(findings[1]["manifest_line"] as? Int == 7 && findings[1]["recipient"] as? String == "R7")
        #expect(findings[1]["rule"] as? String == "img-alt" && findings[1]["severity"] as? String == "warning")
        #expect(findings[1]["line"] as? Int == 6 && findings[1]["column"] as? Int == 26)
    }

    @Test func everyModeValidatesAndJudgesEachMessage() throws {
        let workspace = try ValidationCampaign.workspace("validate-every")
        defer { workspace.remove() }
        let summary = try RenderRun(workspace.settings("out", validate: .every)).run()
        let manifest = try workspace.manifest("out")
        #expect(summary.validation?.bodies == Self.rows)
        #expect(summary.validation?.variants == 3)
        #expect(summary.validation?.errors == Self.vipRows.count)
        #expect(summary.validation?.warnings == Self.newRows.count)
        for line in manifest where line["status"] as? String == "failed" {
            #expect(line["reason"] as? String
                == "HTML validation: email.html:5:37: <td> is not closed before </tr> [unclosed-tag] (1 error; all findings in validation.jsonl)")
        }
        #expect(status(manifest).filter { $0.value == "failed" }.keys.sorted() == Self.vipRows.map { "R\($0)" }.sorted())
        let findings = try #require(try workspace.findings("out"))
        #expect(findings.compactMap { $0["recipient"] as? String } == (Self.vipRows + Self.newRows).sorted().map { "R\($0)" })
        #expect(findings.allSatisfy { line in
            let row = line["manifest_line"] as! Int
            return line["recipient"] as? String == "R\(row)"
                && line["rule"] as? String == (ValidationCampaign.segment(row) == "vip" ? "unclosed-tag" : "img-alt")
        })
    }

    @Test func offModeValidatesNothing() throws {
        let workspace = try ValidationCampaign.workspace("validate-off")
        defer { workspace.remove() }
        _ = try RenderRun(workspace.settings("out", validate: .every)).run()
        #expect(try workspace.findings("out") != nil)
        // Rendered again into the same folder: the earlier run's findings go.
        let summary = try RenderRun(workspace.settings("out", validate: .off)).run()
        #expect(summary.byStatus[.rendered] == Self.rows)
        #expect(summary.validation == nil)
        #expect(!summary.line.contains("validation ("))
        #expect(try workspace.findings("out") == nil)
        #expect(try workspace.manifest("out").allSatisfy { $0["variant"] == nil })
    }

    @Test(arguments: [ValidationMode.variant, .every])
    func theThreadsDoNotChangeAByte(mode: ValidationMode) throws {
        let workspace = try ValidationCampaign.workspace("validate-threads", rows: 300)
        defer { workspace.remove() }
        _ = try RenderRun(workspace.settings("one", validate: mode, jobs: 1, batchSize: 1)).run()
        _ = try RenderRun(workspace.settings("many", validate: mode, jobs: 4, batchSize: 1)).run()
        let one = try contents(of: workspace.url("one")).filter { !$0.key.hasPrefix("run") }
        let many = try contents(of: workspace.url("many")).filter { !$0.key.hasPrefix("run") }
        #expect(one["validation.jsonl"] != nil)
        #expect(one == many)
    }

    @Test func theCampaignsValidationFileSetsTheSeverities() throws {
        var files = ValidationCampaign.files
        files["validation.yml"] = "rules:\n  unclosed-tag: warning\n  img-alt: off\n"
        let workspace = try CampaignWorkspace("validate-policy", files: files, profiles: ValidationCampaign.profiles(20))
        defer { workspace.remove() }
        let summary = try RenderRun(workspace.settings("out")).run()
        #expect(summary.byStatus[.rendered] == 20)
        let findings = try #require(try workspace.findings("out"))
        #expect(findings.map { "\($0["rule"]!) \($0["severity"]!)" } == ["unclosed-tag warning"])
    }

    @Test(arguments: [
        ("rules:\n  unclosed-tags: off\n", ["unknown rule 'unclosed-tags'", "validation.yml:2:3", "did you mean 'unclosed-tag'?"]),
        ("rules:\n  img-alt: loud\n", ["must be off, notice, warning or error, not 'loud'", "validation.yml:2:12"]),
        ("checks: {}\n", ["validation.yml:1:1"]),
    ])
    func aBadValidationFileStopsTheRunBeforeAnythingIsWritten(text: String, message: [String]) throws {
        var files = ValidationCampaign.files
        files["validation.yml"] = text
        let workspace = try CampaignWorkspace("validate-bad-policy", files: files, profiles: ValidationCampaign.profiles(3))
        defer { workspace.remove() }
        #expect { _ = try RenderRun(workspace.settings("out")) } throws: { error in message.allSatisfy { "\(error)".contains($0) } }
        #expect(!FileManager.default.fileExists(atPath: workspace.url("out").path))
        // With validation off the file is not read.
        #expect(try RenderRun(workspace.settings("off", validate: .off)).run().byStatus[.rendered] == 3)
    }

    @Test func shardsJudgeEachVariantAsTheWholeRunDoes() throws {
        let workspace = try ValidationCampaign.workspace("validate-shards", rows: 120)
        defer { workspace.remove() }
        _ = try RenderRun(workspace.settings("whole")).run()
        var statuses: [String: String] = [:]
        for index in 0..<3 {
            var settings = workspace.settings("send")
            settings.shard = try Shard(index: index, count: 3)
            _ = try RenderRun(settings).run()
            let manifest = try workspace.manifest("send", name: "manifest.shard-\(index)-of-3.jsonl")
            statuses.merge(status(manifest)) { a, _ in a }
            let findings = try #require(try workspace.findings("send", name: "validation.shard-\(index)-of-3.jsonl"))
            // Each shard validated the first vip and new recipient of its own rows.
            #expect(Set(findings.compactMap { $0["rule"] as? String }) == ["unclosed-tag", "img-alt"])
        }
        #expect(statuses == status(try workspace.manifest("whole")))
    }
}
