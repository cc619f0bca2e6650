import Foundation
import Testing
import TailorBatch

/// Recipients whose HTML takes the same path through a macro share a
/// variant, whatever the engine remembered of earlier renders.
@Suite struct MacroVariantTests {
    static let files: [String: String] = [
        "campaign.yml": """
            name: macro_variant
            from: "Shop <news@shop.example>"
            subject: "Hello {{ first_name }}"
            html: email.html
            unsubscribe: {url: "https://shop.example/u/{{ recipient_id|urlencode }}"}
            send_date: "2026-01-15T09:00:00Z"
            data: {profiles: profiles.jsonl}
            """,
        "email.html": """
            {% macro badge(n) %}{% if n > 1 %}<b>{{ n }} items</b>{% endif %}{% endmacro %}
            <html lang="en"><head><title>Hi</title></head><body><p>Hi {{ first_name }} {{ badge(count) }}</p>
            <p><a href="{{ unsubscribe_url }}">Unsubscribe</a></p></body></html>
            """,
    ]

    @Test func identicalRecipientsShareTheirVariant() throws {
        let profiles = (1...4).map { "{\"recipient_id\":\"R\($0)\",\"email\":\"u\($0)@example.com\",\"first_name\":\"Ana\",\"count\":2}" }
        let workspace = try CampaignWorkspace("macro-variant", files: Self.files, profiles: profiles)
        defer { workspace.remove() }
        _ = try RenderRun(workspace.settings("out", jobs: 1, batchSize: 1)).run()
        let variants = try workspace.manifest("out").compactMap { $0["variant"] as? String }
        #expect(variants.count == 4)
        // The engine's macro memo replays a pure macro's output for arguments it
        // has seen; it replays the branches the macro took into the recorder too.
        #expect(Set(variants).count == 1, "\(variants)")
    }

    @Test func aMacroBranchTakenOrNotGivesDifferentVariants() throws {
        let counts = [2, 1, 2, 1, 3]
        let profiles = counts.enumerated().map { i, count in
            "{\"recipient_id\":\"R\(i)\",\"email\":\"u\(i)@example.com\",\"first_name\":\"Ana\",\"count\":\(count)}"
        }
        let workspace = try CampaignWorkspace("macro-variant-2", files: Self.files, profiles: profiles)
        defer { workspace.remove() }
        _ = try RenderRun(workspace.settings("out", jobs: 1, batchSize: 1)).run()
        let variants = try workspace.manifest("out").compactMap { $0["variant"] as? String }
        #expect(variants.count == 5)
        #expect(variants[0] == variants[2] && variants[0] == variants[4], "\(variants)")
        #expect(variants[1] == variants[3], "\(variants)")
        #expect(variants[0] != variants[1], "\(variants)")
    }
}
