import Foundation
import Testing
import TailorBatch
import TailorMIME

/// Messages that would show template syntax fail with a reason naming the
/// profile attribute that holds it, or the template line that wrote it;
/// `allowTemplateSyntax` lets them through.
@Suite struct TemplateSyntaxGuardTests {
    static let files: [String: String] = [
        "campaign.yml": """
            name: syntax_test
            from: "Shop <news@shop.example>"
            subject: "Hello {{ first_name }}"
            html: email.html
            text: email.txt
            unsubscribe: {url: "https://shop.example/u/{{ recipient_id|urlencode }}"}
            headers:
              X-Tag: "{{ tag|default('none') }}"
            send_date: "2026-01-15T09:00:00Z"
            data: {profiles: profiles.jsonl}
            """,
        "email.html": """
            <!DOCTYPE html>
            <html lang="en"><head><title>Offer</title>
            {% raw %}<style>@media(max-width:600px){#hero{width:100%}}</style>{% endraw %}</head><body>
            <p id="hero" style="color:{{ color|default('red') }}">Hi {{ first_name }}</p>
            {% for item in cart|default([]) %}<p>{{ item.name }}</p>{% endfor %}
            {% if show_raw|default(false) %}<p>{% raw %}{{ merge_tag }}{% endraw %}</p>{% endif %}
            <p><a href="{{ unsubscribe_url }}">Unsubscribe</a></p>
            </body></html>
            """,
        "email.txt": "Hi {{ first_name }}\n{{ note|default('') }}\n",
    ]

    static let advice = "fix the value, or render with --allow-template-syntax"

    /// Each row's extra profile fields, and the reason it fails with (nil: rendered).
    static let rows: [(fields: String, reason: String?)] = [
        (#""first_name":"{{ 7*7 }}""#,
         "profile attribute 'first_name' holds template syntax '{{ 7*7 }}' (not evaluated); the message would show it verbatim in the subject: \(advice)"),
        (#""first_name":"Ana","tag":"{% now %}""#,
         "profile attribute 'tag' holds template syntax '{% now %}' (not evaluated); the message would show it verbatim in header 'X-Tag': \(advice)"),
        (#""first_name":"Ana","cart":[{"name":"Mug"},{"name":"Mug }}"}]"#,
         "profile attribute 'cart[1].name' holds template syntax 'Mug }}' (not evaluated); the message would show it verbatim in the HTML body: \(advice)"),
        (#""first_name":"Ana","note":"{# not a comment""#,
         "profile attribute 'note' holds template syntax '{# not a comment' (not evaluated); the message would show it verbatim in the text part: \(advice)"),
        (#""first_name":"50%}""#,
         "profile attribute 'first_name' holds template syntax '50%}' (not evaluated); the message would show it verbatim in the subject: \(advice)"),
        // The engine places a raw block's text at its `{% raw %}` tag (6:36).
        (#""first_name":"Ana","show_raw":true"#,
         "template syntax '<p>{{ merge_tag }}</p>' in the HTML body, written at email.html:6:36, is not from a profile attribute; "
            + "the message would show it verbatim: fix the template or the value it prints, or render with --allow-template-syntax"),
        // Braces CSS writes too, in a style attribute: not template syntax there.
        (#""first_name":"Ana","color":"red}}""#, nil),
        (#""first_name":"Ana {x}","note":"100% {sure}""#, nil),
    ]

    static func workspace(_ label: String) throws -> CampaignWorkspace {
        let profiles = rows.enumerated().map { index, row in
            "{\"recipient_id\":\"R\(index + 1)\",\"email\":\"user\(index + 1)@example.com\",\(row.fields)}"
        }
        return try CampaignWorkspace(label, files: files, profiles: profiles)
    }

    @Test(arguments: [ValidationMode.off, .variant, .every])
    func hostileValuesFailTheirRecipientWithTheAttributeThatHoldsThem(mode: ValidationMode) throws {
        let workspace = try Self.workspace("syntax-guard")
        defer { workspace.remove() }
        let summary = try RenderRun(workspace.settings("out", validate: mode)).run()
        let manifest = try workspace.manifest("out")
        #expect(manifest.count == Self.rows.count)
        for (line, row) in zip(manifest, Self.rows) {
            #expect(line["status"] as? String == (row.reason == nil ? "rendered" : "failed"), "\(row.fields)")
            #expect(line["reason"] as? String == row.reason)
            // A refused message never stands for its variant.
            if row.reason != nil { #expect(line["variant"] == nil) }
        }
        #expect(summary.validation?.errors ?? 0 == 0)
    }

    @Test func allowTemplateSyntaxRendersThemAndTurnsTheRuleOff() throws {
        let workspace = try Self.workspace("syntax-allowed")
        defer { workspace.remove() }
        var settings = workspace.settings("out", validate: .every, batchSize: 64)
        settings.format = .jsonl
        settings.allowTemplateSyntax = true
        let summary = try RenderRun(settings).run()
        #expect(summary.byStatus[.rendered] == Self.rows.count)
        let messages = try String(contentsOf: workspace.url("out").appendingPathComponent("messages.jsonl"), encoding: .utf8)
            .split(separator: "\n").map { try jsonObject(String($0)) }
        #expect(messages[0]["subject"] as? String == "Hello {{ 7*7 }}")
        #expect((messages[5]["html"] as? String)?.contains("<p>{{ merge_tag }}</p>") == true)
        #expect(try workspace.findings("out")?.contains { $0["rule"] as? String == "template-syntax" } == false)
    }
}
