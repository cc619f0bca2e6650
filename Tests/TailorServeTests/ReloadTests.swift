import Foundation
import Testing
@testable import TailorServe

/// Templates change while serving: the new version is picked up; a broken one
/// keeps the old version serving and is reported.
@Suite struct ReloadTests {
    /// Asks until `check` holds or about five seconds pass.
    private func eventually(_ check: () async throws -> Bool) async throws -> Bool {
        for _ in 0..<50 {
            if try await check() { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }

    @Test func aTemplateChangeIsPickedUpWhileServing() async throws {
        let workspace = try ServeWorkspace("reload")
        defer { workspace.remove() }
        let served = try await Served.start(workspace.settings())  // looks every 200 ms
        let before = try await served.render(Bodies.profile())
        try workspace.write("templates/triggered/email.html", ServeWorkspace.html.replacingOccurrences(of: "Hello", with: "Welcome back"))
        let picked = try await eventually {
            let reply = try await served.render(Bodies.profile())
            return (try reply.json()["html"] as? String)?.contains("Welcome back") == true
        }
        let list = try await served.get("/v1/campaigns").json()
        let metrics = try await served.get("/metrics").text
        try await served.stop()
        #expect((try before.json()["html"] as? String)?.contains("Hello Anna") == true)
        #expect(picked)
        #expect((list["generation"] as? Int ?? 0) >= 2)
        #expect(metrics.contains("tailor_template_reloads_total{result=\"ok\"} "))
    }

    @Test func aBrokenTemplateKeepsTheOldVersionAndIsReported() async throws {
        let workspace = try ServeWorkspace("broken")
        defer { workspace.remove() }
        var settings = workspace.settings()
        settings.reloadInterval = nil  // the test decides when to look
        let served = try await Served.start(settings)
        try workspace.write("templates/triggered/email.html", "<p>line one</p>\n<p>{% if city %}unclosed</p>\n")
        await served.service.reloadNow()
        let during = try await served.render(Bodies.profile())
        let list = try await served.get("/v1/campaigns").json()
        let metrics = try await served.get("/metrics").text

        try workspace.write("templates/triggered/email.html", ServeWorkspace.html.replacingOccurrences(of: "Hello", with: "Fixed"))
        await served.service.reloadNow()
        let after = try await served.render(Bodies.profile())
        let listAfter = try await served.get("/v1/campaigns").json()
        try await served.stop()

        #expect(during.status == 200)
        #expect((try during.json()["html"] as? String)?.contains("Hello Anna") == true)
        let errors = try #require(list["errors"] as? [[String: Any]])
        #expect(errors.count == 1)
        #expect((errors.first?["folder"] as? String)?.hasSuffix("templates/triggered") == true)
        #expect(errors.first?["template"] as? String == "email.html")
        #expect(errors.first?["line"] as? Int != nil)
        #expect(errors.first?["serving_previous"] as? Bool == true)
        #expect((list["campaigns"] as? [[String: Any]])?.count == 2)
        #expect(metrics.contains("tailor_template_reloads_total{result=\"failed\"} 1\n"))
        #expect((try after.json()["html"] as? String)?.contains("Fixed Anna") == true)
        #expect((listAfter["errors"] as? [Any])?.isEmpty == true)
    }

    @Test func campaignsComeAndGo() async throws {
        let workspace = try ServeWorkspace("comego")
        defer { workspace.remove() }
        var settings = workspace.settings()
        settings.reloadInterval = nil
        let served = try await Served.start(settings)
        try workspace.write("templates/second/campaign.yml", ServeWorkspace.campaign.replacingOccurrences(of: "name: triggered", with: "name: second"))
        try workspace.write("templates/second/email.html", ServeWorkspace.html)
        await served.service.reloadNow()
        let added = try await served.render("second", Bodies.profile())
        try FileManager.default.removeItem(at: workspace.templates.appendingPathComponent("second"))
        await served.service.reloadNow()
        let removed = try await served.render("second", Bodies.profile())
        try await served.stop()
        #expect(added.status == 200, "\(added.text)")
        #expect(removed.status == 404)
    }

    @Test func aSnapshotIsNeverAMix() async throws {
        // Requests racing a stream of reloads each see one whole version: the
        // subject and the body always agree on the version number.
        let workspace = try ServeWorkspace("mix")
        defer { workspace.remove() }
        func version(_ n: Int) throws {
            try workspace.write(
                "templates/triggered/campaign.yml",
                ServeWorkspace.campaign.replacingOccurrences(of: "subject: \"Your cart", with: "subject: \"v\(n) Your cart"))
            try workspace.write("templates/triggered/email.html", ServeWorkspace.html.replacingOccurrences(of: "Hello", with: "v\(n) Hello"))
        }
        try version(0)
        var settings = workspace.settings()
        settings.reloadInterval = .milliseconds(20)
        let served = try await Served.start(settings)
        let mixed = try await withThrowingTaskGroup(of: Int.self) { group in
            group.addTask {
                for n in 1...8 {
                    try version(n)
                    try await Task.sleep(for: .milliseconds(60))
                }
                return 0
            }
            for _ in 0..<4 {
                group.addTask {
                    var mixes = 0
                    for _ in 0..<15 {
                        let json = try await served.render(Bodies.profile()).json()
                        let subject = (json["subject"] as? String) ?? ""
                        let tag = String(subject.prefix { $0 != " " })
                        if (json["html"] as? String)?.contains("\(tag) Hello") != true { mixes += 1 }
                    }
                    return mixes
                }
            }
            return try await group.reduce(0, +)
        }
        try await served.stop()
        #expect(mixed == 0)
    }
}
