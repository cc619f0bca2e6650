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
        // has seen without telling the RenderRecorder which branches the macro
        // took, so the first call records the `if` and the later ones do not.
        // Until RenderRecorder hears of memoized branches, this is known.
        withKnownIssue("TailorTemplate's MacroMemo hides a memoized macro's decisions from RenderRecorder") {
            #expect(Set(variants).count == 1, "\(variants)")
        }
    }
}
