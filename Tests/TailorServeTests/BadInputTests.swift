import Foundation
import Testing
@testable import TailorServe

/// Every refused request: its status, its error code, and the detail that
/// tells the caller what to fix. The server answers each and keeps serving.
@Suite struct BadInputTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var label: String
        var campaign = "triggered"
        var body: String
        var query = ""
        var headers: [(String, String)] = []
        var status: Int
        var code: String
        /// Fields of the error object and their expected values.
        var fields: [String: String] = [:]
        var messageContains: String? = nil
        var testDescription: String { label }
    }

    static let cases: [Case] = [
        Case(
            label: "malformed JSON", body: "{\"profile\": {\"recipient_id\": \"R1\",\n  \"email\": }}", status: 400,
            code: "malformed_json", fields: ["line": "2", "column": "12"], messageContains: "line 2, column 12"),
        Case(label: "empty body", body: "", status: 400, code: "malformed_json", fields: ["line": "1", "column": "1"]),
        Case(label: "not an object", body: "[1, 2]", status: 422, code: "invalid_request"),
        Case(label: "unknown field", body: #"{"profile": {}, "extra": 1}"#, status: 422, code: "invalid_request", fields: ["field": "extra"]),
        Case(label: "no profile", body: "{}", status: 422, code: "invalid_request", fields: ["field": "profile"]),
        Case(
            label: "no recipient id", body: #"{"profile": {"email": "a@example.com"}}"#, status: 422, code: "invalid_request",
            fields: ["field": "profile.recipient_id"]),
        Case(
            label: "bad email", body: #"{"profile": {"recipient_id": "R1", "email": "not an address"}}"#, status: 422,
            code: "invalid_request", fields: ["field": "profile.email"]),
        Case(
            label: "bad event type", body: #"{"profile": {"recipient_id": "R1", "email": "a@example.com"}, "events": [{"type": "clicked", "product_id": "P1", "ts": "2026-01-01T00:00:00Z"}]}"#,
            status: 422, code: "invalid_request", fields: ["field": "events[0].type"]),
        Case(
            label: "someone else's event", body: #"{"profile": {"recipient_id": "R1", "email": "a@example.com"}, "events": [{"recipient_id": "R2", "type": "viewed", "product_id": "P1", "ts": "2026-01-01T00:00:00Z"}]}"#,
            status: 422, code: "invalid_request", fields: ["field": "events[0].recipient_id"]),
        Case(
            label: "bad event time", body: #"{"profile": {"recipient_id": "R1", "email": "a@example.com"}, "events": [{"type": "viewed", "product_id": "P1", "ts": "yesterday"}]}"#,
            status: 422, code: "invalid_request", fields: ["field": "events[0].ts"]),
        Case(
            label: "unknown segment", body: #"{"profile": {"recipient_id": "R1", "email": "a@example.com", "city": "X"}, "segments": ["martians"]}"#,
            status: 422, code: "invalid_request", fields: ["field": "segments[0]"], messageContains: "no segment 'martians'"),
        Case(
            label: "rule segment assigned", body: #"{"profile": {"recipient_id": "R1", "email": "a@example.com", "city": "X"}, "segments": ["vip"]}"#,
            status: 422, code: "invalid_request", fields: ["field": "segments[0]"], messageContains: "only 'external:' segments"),
        Case(
            label: "missing attribute under strict undefined", body: Bodies.profile(extra: ""), status: 422,
            code: "undefined_attribute",
            fields: ["attribute": "city", "template": "email.html", "line": "5", "kind": "UndefinedError"],
            messageContains: "'city' is undefined"),
        Case(
            label: "header injection", body: Bodies.profile(extra: #", "city": "X", "note": "hi\r\nBcc: victim@example.com""#),
            status: 422, code: "header_injection", fields: ["header": "X-Note"]),
        Case(
            label: "header injection in the subject", body: Bodies.profile(extra: #", "city": "X", "first_name": "Anna\nBcc: x@example.com""#),
            status: 422, code: "header_injection", fields: ["header": "Subject"]),
        Case(
            label: "template syntax from the data", body: Bodies.profile(extra: #", "city": "{{ 7*7 }}""#), status: 422,
            code: "render_failed", messageContains: "profile attribute 'city' holds template syntax '{{ 7*7 }}' (not evaluated)"),
        Case(
            label: "a control character for the HTML", body: Bodies.profile(extra: #", "city": "X\u0001""#), status: 422,
            code: "render_failed", messageContains: "profile attribute 'city' holds U+0001, a control character"),
        Case(label: "unknown campaign", campaign: "nope", body: Bodies.profile(), status: 404, code: "unknown_campaign"),
        Case(label: "unknown format", body: Bodies.profile(), query: "?format=pdf", status: 400, code: "invalid_format"),
        Case(label: "unacceptable Accept", body: Bodies.profile(), headers: [("Accept", "text/html")], status: 406, code: "not_acceptable"),
        Case(
            label: "bad idempotency key", body: Bodies.profile(), headers: [("Idempotency-Key", "has space")], status: 400,
            code: "invalid_idempotency_key"),
    ]

    @Test(arguments: cases)
    func refused(_ c: Case) async throws {
        let workspace = try ServeWorkspace("bad")
        defer { workspace.remove() }
        let served = try await Served.start(workspace.settings())
        let reply = try await served.render(c.campaign, c.body, query: c.query, headers: c.headers)
        let health = try await served.get("/healthz")
        try await served.stop()
        #expect(reply.status == c.status, "\(reply.text)")
        #expect(reply.headers["content-type"]?.hasPrefix("application/json") == true)
        #expect(try reply.errorField("code") as? String == c.code, "\(reply.text)")
        for (field, expected) in c.fields {
            let value = try reply.errorField(field)
            #expect(value.map { "\($0)" } == expected, "\(field) in \(reply.text)")
        }
        if let text = c.messageContains {
            #expect((try reply.errorField("message") as? String)?.contains(text) == true, "\(reply.text)")
        }
        #expect(health.status == 200)
    }

    @Test func aBodyOverTheLimitIs413() async throws {
        let workspace = try ServeWorkspace("large")
        defer { workspace.remove() }
        var settings = workspace.settings()
        settings.maxBodyBytes = 1024
        let served = try await Served.start(settings)
        let big = Bodies.profile(extra: #", "city": "X", "padding": ""# + String(repeating: "x", count: 4096) + "\"")
        let declared = try await served.render(big)
        // Without Content-Length: chunked, found out while reading.
        let head = "POST /v1/campaigns/triggered/render HTTP/1.1\r\nHost: x\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n"
        let chunk = String(big.utf8.count, radix: 16) + "\r\n" + big + "\r\n0\r\n\r\n"
        let chunked = try await LoopbackHTTP.raw(port: served.port, Array((head + chunk).utf8))
        let fine = try await served.render(Bodies.profile())
        try await served.stop()
        for reply in [declared, chunked] {
            #expect(reply.status == 413, "\(reply.text)")
            #expect(try reply.errorField("code") as? String == "body_too_large")
            #expect(try reply.errorField("limit") as? Int == 1024)
        }
        #expect(fine.status == 200)
    }

    @Test(arguments: [("GET", "/nowhere", 404, "not_found"), ("GET", "/v1/campaigns/triggered/render", 404, "not_found")])
    func unknownRoutes(method: String, path: String, status: Int, code: String) async throws {
        let workspace = try ServeWorkspace("route")
        defer { workspace.remove() }
        let served = try await Served.start(workspace.settings())
        let reply = try await LoopbackHTTP.send(port: served.port, method, path)
        try await served.stop()
        #expect(reply.status == status, "\(reply.text)")
        #expect(try reply.errorField("code") as? String == code)
    }
}
