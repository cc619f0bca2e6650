import Foundation
import TailorTestSupport
@testable import TailorServe

/// A temporary copy of the sample workspace (templates, segments, data) plus
/// two small campaigns of the tests' own, served on a free loopback port.
///
/// - `triggered`: strict undefined; `{{ city }}` on line 5 of `email.html`, an
///   `X-Note` header from `note`, a `spin` attribute that makes it slow.
final class ServeWorkspace: @unchecked Sendable {
    let root: URL
    var templates: URL { root.appendingPathComponent("templates") }

    init(_ label: String) throws {
        root = TestFolder.make("serve-\(label)")
        let manager = FileManager.default
        for folder in ["templates", "segments", "data"] {
            try manager.copyItem(
                at: URL(fileURLWithPath: SharedTools.packageRoot.path).appendingPathComponent(folder),
                to: root.appendingPathComponent(folder))
        }
        try write("templates/triggered/campaign.yml", Self.campaign)
        try write("templates/triggered/email.html", Self.html)
    }

    func write(_ relative: String, _ text: String) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func remove() { SharedTools.keepOrRemove(root) }

    /// Settings for this workspace: any free port, reload checks left to the test.
    func settings(token: String? = nil) -> ServeSettings {
        var settings = ServeSettings(templatesDirectory: templates.path)
        settings.port = 0
        settings.token = token
        settings.reloadInterval = .milliseconds(200)
        settings.renderThreads = 3
        return settings
    }

    static let campaign = """
        name: triggered
        from: "Acme Store <news@acme.example>"
        subject: "Your cart, {{ first_name|default('friend') }}"
        html: email.html
        unsubscribe:
          url: "https://acme.example/u/{{ recipient_id|urlencode }}"
        headers:
          X-Note: "{{ note|default('none') }}"
        undefined: strict
        data:
          segments: ../../segments/segments.yml
          profiles: ../../data/profiles.csv
          events: ../../data/events.jsonl
        send_date: "2026-01-15T09:00:00Z"
        """

    static let html = """
        <!DOCTYPE html>
        <html lang="en"><head><title>Your cart</title></head>
        <body>
        <p>Hello {{ first_name|default('friend') }}. {% for i in range(spin|default(0)) %}{% for j in range(1000) %}{% endfor %}{% endfor %}</p>
        <p>You are in {{ segment }}, in {{ city }}.</p>
        <p><a href="{{ unsubscribe_url }}">Unsubscribe</a></p>
        </body></html>
        """
}

/// A started service and what the tests ask of it.
struct Served: Sendable {
    let service: RenderService
    let running: RunningService
    var port: Int { running.port }

    static func start(_ settings: ServeSettings) async throws -> Served {
        let service = try RenderService(settings)
        return Served(service: service, running: try await service.start())
    }

    func get(_ path: String, headers: [(String, String)] = []) async throws -> HTTPReply {
        try await LoopbackHTTP.send(port: port, "GET", path, headers: headers)
    }

    /// A render of the `triggered` campaign.
    func render(_ body: String, query: String = "", headers: [(String, String)] = []) async throws -> HTTPReply {
        try await render("triggered", body, query: query, headers: headers)
    }

    func render(
        _ campaign: String, _ body: String, query: String = "", headers: [(String, String)] = []
    ) async throws -> HTTPReply {
        try await LoopbackHTTP.post(port: port, "/v1/campaigns/\(campaign)/render\(query)", json: body, headers: headers)
    }

    func stop() async throws { try await running.stop() }
}

/// Request bodies.
enum Bodies {
    static func profile(_ id: String = "R1", extra: String = #", "city": "Springfield""#) -> String {
        #"{"profile": {"recipient_id": "\#(id)", "email": "anna@example.com", "first_name": "Anna"\#(extra)}}"#
    }

    /// The first recipient of the sample's profiles.csv, as JSON.
    static let sampleRecipient = """
        {"profile": {"recipient_id": "R0000001", "email": "anna.schafer.1@example.com", "first_name": "Anna",
          "last_name": "Schäfer", "country": "DE", "city": "Düsseldorf", "language": "de",
          "signup_date": "2018-04-19", "last_purchase_date": "2025-12-24", "order_count": 9,
          "total_spent": 420.71, "opened_last_90d": 7, "clicked_last_90d": 3, "loyalty_tier": "silver",
          "predicted_churn": 0.075, "top_category": "outdoor", "age": 60, "predicted_value": 367.49},
         "events": [{"type": "added_to_cart", "product_id": "P00007", "ts": "2026-01-14T10:00:00Z"}],
         "segments": ["likely_to_churn"]}
        """
}
