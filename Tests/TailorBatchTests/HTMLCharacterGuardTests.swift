import Foundation
import TailorMIME
import Testing

@testable import TailorBatch

/// Characters HTML forbids are found wherever they sit, and a send fails the
/// recipient whose data carries one, naming the attribute.
@Suite struct HTMLCharacterGuardTests {
    /// Each forbidden class, and its neighbours that are allowed.
    @Test(arguments: [
        (0x00, true), (0x01, true), (0x08, true), (0x0b, true), (0x0e, true), (0x1f, true), (0x7f, true), (0x80, true),
        (0x85, true), (0x9f, true), (0xfdd0, true), (0xfdef, true), (0xfffe, true), (0xffff, true), (0x1fffe, true),
        (0x10ffff, true), (0x09, false), (0x0a, false), (0x0c, false), (0x0d, false), (0x20, false), (0x7e, false),
        (0xa0, false), (0xe9, false), (0xfdcf, false), (0xfdf0, false), (0xfffd, false), (0x2028, false),
        (0x1f389, false), (0x1fffd, false), (0x10fffd, false),
    ] as [(UInt32, Bool)])
    func classes(_ codePoint: UInt32, _ forbidden: Bool) {
        let scalar = Unicode.Scalar(codePoint)!
        // At every offset from an eight-byte boundary, after ASCII and after non-ASCII text.
        for prefix in 0..<17 {
            for filler in ["<p>abcde", "Zoë € ü"] {
                let before = String(String(repeating: filler, count: 3).prefix(prefix))
                let text = before + String(scalar) + "</p>" + filler
                let expected = forbidden ? HTMLCharacterScan.Hit(offset: before.utf8.count, scalar: scalar) : nil
                #expect(HTMLCharacterScan.first(in: text) == expected, "\(prefix) \(filler)")
            }
        }
    }

    @Test func theFirstOfSeveralIsReported() {
        #expect(HTMLCharacterScan.first(in: "ok\u{85}then\u{1}") == HTMLCharacterScan.Hit(offset: 2, scalar: "\u{85}"))
        #expect(HTMLCharacterScan.first(in: "") == nil)
    }

    static let files: [String: String] = [
        "campaign.yml": """
            name: characters_test
            from: "Shop <news@shop.example>"
            subject: "Hello"
            html: email.html
            unsubscribe: {url: "https://shop.example/u/{{ recipient_id|urlencode }}"}
            send_date: "2026-01-15T09:00:00Z"
            data: {profiles: profiles.jsonl}
            """,
        "email.html": """
            <!DOCTYPE html>
            <html lang="en"><head><title>Offer</title></head><body>
            <p>Hi {{ first_name }}</p>
            {% for item in cart|default([]) %}<p>{{ item.name }}</p>{% endfor %}
            <p><a href="{{ unsubscribe_url }}">Unsubscribe</a></p>
            </body></html>
            """,
    ]

    static let advice = "the HTML body cannot carry (HTML parsers reject it): remove it from the data"

    /// Each row's extra profile fields, and the reason it fails with (nil: rendered).
    static let rows: [(fields: String, reason: String?)] = [
        (#""first_name":"Ana""#, nil),
        (#""first_name":"An\u0001a""#, "profile attribute 'first_name' holds U+0001, a control character \(advice)"),
        (#""first_name":"Ana","cart":[{"name":"Mug"},{"name":"Mug\u0085"}]"#,
         "profile attribute 'cart[1].name' holds U+0085, a control character \(advice)"),
        (#""first_name":"Ana\uFDD0""#, "profile attribute 'first_name' holds U+FDD0, a noncharacter \(advice)"),
        (#""first_name":"Ana\tB\u2028""#, nil),
    ]

    @Test(arguments: [ValidationMode.variant, .every])
    func aRecipientWhoseDataHoldsOneFailsWithTheAttribute(mode: ValidationMode) throws {
        let profiles = Self.rows.enumerated().map { index, row in
            "{\"recipient_id\":\"R\(index + 1)\",\"email\":\"user\(index + 1)@example.com\",\(row.fields)}"
        }
        let workspace = try CampaignWorkspace("html-characters", files: Self.files, profiles: profiles)
        defer { workspace.remove() }
        _ = try RenderRun(workspace.settings("out", validate: mode)).run()
        let manifest = try workspace.manifest("out")
        #expect(manifest.count == Self.rows.count)
        for (line, row) in zip(manifest, Self.rows) {
            #expect(line["status"] as? String == (row.reason == nil ? "rendered" : "failed"), "\(row.fields)")
            #expect(line["reason"] as? String == row.reason)
        }
    }

    @Test func validateOffLetsThemThrough() throws {
        let profiles = [#"{"recipient_id":"R1","email":"user1@example.com","first_name":"An\u0001a"}"#]
        let workspace = try CampaignWorkspace("html-characters-off", files: Self.files, profiles: profiles)
        defer { workspace.remove() }
        let summary = try RenderRun(workspace.settings("out", validate: .off)).run()
        #expect(summary.byStatus[.rendered] == 1)
    }
}
