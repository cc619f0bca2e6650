import Foundation
import Testing
@testable import TailorServe

/// The bearer token: every endpoint but /healthz refuses without it.
@Suite struct AuthTests {
    static let token = "s3cret-token-value"

    @Test(arguments: [
        ("GET", "/v1/campaigns"), ("GET", "/metrics"), ("POST", "/v1/campaigns/triggered/render"), ("GET", "/nowhere"),
    ])
    func everyEndpointButHealthzAsksForTheToken(method: String, path: String) async throws {
        let workspace = try ServeWorkspace("auth")
        defer { workspace.remove() }
        let served = try await Served.start(workspace.settings(token: Self.token))
        let body = Array(Bodies.profile().utf8)
        let json = [("Content-Type", "application/json")]
        let none = try await LoopbackHTTP.send(port: served.port, method, path, headers: json, body: body)
        let wrong = try await LoopbackHTTP.send(
            port: served.port, method, path, headers: json + [("Authorization", "Bearer s3cret-token-valuf")], body: body)
        let basic = try await LoopbackHTTP.send(
            port: served.port, method, path, headers: json + [("Authorization", "Basic \(Self.token)")], body: body)
        let right = try await LoopbackHTTP.send(
            port: served.port, method, path, headers: json + [("Authorization", "Bearer \(Self.token)")], body: body)
        let health = try await served.get("/healthz")
        try await served.stop()
        for reply in [none, wrong, basic] {
            #expect(reply.status == 401, "\(reply.text)")
            #expect(try reply.errorField("code") as? String == "unauthorized")
            #expect(reply.headers["www-authenticate"]?.hasPrefix("Bearer") == true)
        }
        #expect(right.status == (path == "/nowhere" ? 404 : 200), "\(right.text)")
        #expect(health.status == 200)
    }

    @Test(arguments: [
        ("Bearer s3cret-token-value", true),
        ("bearer s3cret-token-value", true),
        ("Bearer  s3cret-token-value ", true),
        ("Bearer s3cret-token-valu", false),
        ("Bearer s3cret-token-value2", false),
        ("Bearer ", false),
        ("Bearer", false),
        ("s3cret-token-value", false),
        ("", false),
    ])
    func tokenMatching(header: String, accepted: Bool) {
        #expect(BearerToken(Self.token).accepts(authorization: header) == accepted)
    }

    @Test func constantTimeComparison() {
        #expect(BearerToken.constantTimeEqual([1, 2, 3], [1, 2, 3]))
        #expect(!BearerToken.constantTimeEqual([1, 2, 3], [1, 2, 4]))
        #expect(!BearerToken.constantTimeEqual([1, 2], [1, 2, 3]))
    }

    @Test func tokenFiles() throws {
        let workspace = try ServeWorkspace("tokenfile")
        defer { workspace.remove() }
        try workspace.write("token", "  abc123  \nignored\n")
        try workspace.write("empty", "\n")
        #expect(try ServeSettings.readToken(path: workspace.root.appendingPathComponent("token").path) == "abc123")
        #expect(throws: ServeSetupError.self) { try ServeSettings.readToken(path: workspace.root.appendingPathComponent("empty").path) }
        #expect(throws: ServeSetupError.self) { try ServeSettings.readToken(path: workspace.root.appendingPathComponent("missing").path) }
    }
}
