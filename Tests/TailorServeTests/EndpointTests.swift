import Foundation
import Testing
import TailorTemplate
import TailorTestSupport
@testable import TailorServe

/// Every endpoint, on a server started on a free loopback port.
@Suite struct EndpointTests {
    @Test func healthz() async throws {
        let workspace = try ServeWorkspace("healthz")
        defer { workspace.remove() }
        let served = try await Served.start(workspace.settings())
        let reply = try await served.get("/healthz")
        try await served.stop()
        #expect(reply.status == 200)
        #expect(try reply.json()["status"] as? String == "ok")
    }

    @Test func campaignsLists() async throws {
        let workspace = try ServeWorkspace("list")
        defer { workspace.remove() }
        let served = try await Served.start(workspace.settings())
        let reply = try await served.get("/v1/campaigns")
        try await served.stop()
        #expect(reply.status == 200)
        let json = try reply.json()
        let campaigns = try #require(json["campaigns"] as? [[String: Any]])
        #expect(campaigns.compactMap { $0["name"] as? String } == ["spring_sale", "triggered"])
        #expect((campaigns[0]["external_segments"] as? [String])?.contains("likely_to_churn") == true)
        #expect((json["errors"] as? [Any])?.isEmpty == true)
        #expect(json["generation"] as? Int == 1)
    }

    @Test func allowTemplateSyntaxAnswersWithTheMessage() async throws {
        let workspace = try ServeWorkspace("allow-syntax")
        defer { workspace.remove() }
        var settings = workspace.settings()
        settings.allowTemplateSyntax = true
        let served = try await Served.start(settings)
        let reply = try await served.render(Bodies.profile(extra: #", "city": "{{ merge_tag }}""#))
        try await served.stop()
        #expect(reply.status == 200, "\(reply.text)")
        #expect((try reply.json()["html"] as? String)?.contains("in {{ merge_tag }}.") == true)
    }

    @Test func renderAsJSON() async throws {
        let workspace = try ServeWorkspace("json")
        defer { workspace.remove() }
        let served = try await Served.start(workspace.settings())
        let reply = try await served.render("spring_sale", Bodies.sampleRecipient)
        try await served.stop()
        #expect(reply.status == 200)
        #expect(reply.headers["content-type"]?.hasPrefix("application/json") == true)
        let json = try reply.json()
        #expect(json["status"] as? String == "rendered")
        #expect(json["campaign"] as? String == "spring_sale")
        #expect(json["recipient_id"] as? String == "R0000001")
        // The cart add is 23 hours old: the abandoned_cart trigger fires, and the
        // external segment from the body joins the list.
        #expect(json["segment"] as? String == "abandoned_cart")
        #expect((json["segments"] as? [String])?.contains("likely_to_churn") == true)
        #expect(json["subject"] as? String == "Still thinking it over, Anna?")
        #expect((json["html"] as? String)?.contains("Your cart misses you") == true)
        // The cart block recommends the product from the request's own event.
        #expect((json["html"] as? String)?.contains("Premium Crimson Headlamp") == true)
        #expect((json["text"] as? String)?.isEmpty == false)
        let headers = try #require(json["headers"] as? [String: String])
        #expect(headers["Feedback-ID"] == "spring:abandoned_cart:acme")
        #expect(headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click")
        let raw = try #require(json["raw"] as? String)
        #expect(raw.contains("Message-ID: \(json["message_id"] as? String ?? "?")"))
        #expect(json["bytes"] as? Int == raw.utf8.count)
        #expect(reply.headers["tailor-segment"] == "abandoned_cart")
        // Validation findings are not reported until validation exists.
        #expect(json["validation"] == nil)
    }

    @Test(arguments: [("", [("Accept", "message/rfc822")]), ("?format=eml", []), ("?format=rfc822", [("Accept", "application/json")])])
    func renderAsMessage(query: String, headers: [(String, String)]) async throws {
        let workspace = try ServeWorkspace("eml")
        defer { workspace.remove() }
        let served = try await Served.start(workspace.settings())
        let reply = try await served.render("spring_sale", Bodies.sampleRecipient, query: query, headers: headers)
        try await served.stop()
        #expect(reply.status == 200)
        #expect(reply.headers["content-type"] == "message/rfc822")
        #expect(reply.text.hasPrefix("From: Acme Store <news@acme.example>\r\n"))
        #expect(reply.text.contains("\r\nMessage-ID: \(reply.headers["tailor-message-id"] ?? "?")\r\n"))
    }

    @Test(.enabled(if: SharedTools.available, "\(SharedTools.unavailableReason ?? "")"))
    func messagesPassCheckEML() async throws {
        let workspace = try ServeWorkspace("check")
        defer { workspace.remove() }
        let served = try await Served.start(workspace.settings())
        let out = workspace.root.appendingPathComponent("eml")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let bodies = [
            ("spring_sale", Bodies.sampleRecipient),
            ("spring_sale", Bodies.profile("R2", extra: "")),
            ("triggered", Bodies.profile("R3")),
            ("triggered", Bodies.profile("R4", extra: #", "city": "Zürich", "note": "größer als 40 Zeichen, mit Umlauten und noch mehr Text damit gefaltet wird""#)),
        ]
        for (i, (campaign, body)) in bodies.enumerated() {
            let reply = try await served.render(campaign, body, query: "?format=eml")
            #expect(reply.status == 200, "\(reply.text)")
            try Data(reply.body).write(to: out.appendingPathComponent("m\(i).eml"))
        }
        try await served.stop()
        let result = SharedTools.run([SharedTools.checkEML.path, "--require-unsubscribe", "-q", out.path])
        #expect(result.status == 0, "\(result.stdout.suffix(2000))")
        #expect(result.stdout.contains("4 passed, 0 failed"))
    }

    @Test func metricsCountRendersFailuresAndLatency() async throws {
        let workspace = try ServeWorkspace("metrics")
        defer { workspace.remove() }
        let served = try await Served.start(workspace.settings())
        _ = try await served.render(Bodies.profile("R1"))
        _ = try await served.render(Bodies.profile("R2"))
        _ = try await served.render(Bodies.profile("R3", extra: ""))  // no city: undefined
        _ = try await served.render("{")
        let reply = try await served.get("/metrics")
        try await served.stop()
        #expect(reply.status == 200)
        #expect(reply.headers["content-type"]?.hasPrefix("text/plain; version=0.0.4") == true)
        let text = reply.text
        #expect(text.contains("tailor_renders_total{campaign=\"triggered\"} 2\n"))
        #expect(text.contains("tailor_render_failures_total{reason=\"undefined_attribute\"} 1\n"))
        #expect(text.contains("tailor_render_failures_total{reason=\"malformed_json\"} 1\n"))
        #expect(text.contains("# TYPE tailor_render_duration_seconds histogram\n"))
        #expect(text.contains("tailor_render_duration_seconds_bucket{le=\"+Inf\"} 4\n"))
        #expect(text.contains("tailor_render_duration_seconds_count 4\n"))
        #expect(text.contains("tailor_campaigns 2\n"))
        #expect(text.contains("tailor_http_responses_total{status=\"200\"} 2\n"))
        #expect(text.contains("tailor_http_responses_total{status=\"422\"} 1\n"))
    }

    @Test func theStartRefusesWhatCannotBeServed() throws {
        let workspace = try ServeWorkspace("start")
        defer { workspace.remove() }
        try workspace.write("templates/triggered/email.html", "<p>{% if city %}</p>\n")
        #expect(throws: TemplateError.self) { try RenderService(workspace.settings()) }
        let empty = workspace.root.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        var settings = workspace.settings()
        settings.templatesDirectory = empty.path
        #expect(throws: ServeSetupError.self) { try RenderService(settings) }
    }
}
