import Foundation
import Testing
import TailorBatch
import TailorMIME

/// An unsubscribe URL the campaign builds without `urlencode` around an id
/// with a space made an HTML link with a raw space (check-eml: "URL contains
/// whitespace"), while the header encoded it. The URL the templates print is
/// now the header's: white space and control characters percent-encoded.
@Suite struct UnsubscribeURLTests {
    @Test(arguments: [
        ("https://x.example/u/R1", "https://x.example/u/R1"),
        ("https://x.example/u/a b", "https://x.example/u/a%20b"),
        ("https://x.example/u/a\tb\u{1}", "https://x.example/u/a%09b%01"),
        ("https://x.example/u/a\u{A0}b\u{3000}", "https://x.example/u/a%C2%A0b%E3%80%80"),
        ("https://x.example/u/Zoë?a=1,2", "https://x.example/u/Zoë?a=1,2"),
        ("https://x.example/u/a%20b", "https://x.example/u/a%20b"),
        // Line breaks stay, for the header to refuse as injection.
        ("https://x.example/u/a\r\nb", "https://x.example/u/a\r\nb"),
    ])
    func encodingWhitespace(url: String, encoded: String) {
        #expect(ListUnsubscribe.encodingWhitespace(url) == encoded)
    }

    @Test func anIdWithASpaceMakesALinkAndTheSameHeader() throws {
        let send = try HostileInputTests.Send(
            "unsubscribe", profiles: [#"{"recipient_id":"a b","email":"ab@example.com","first_name":"Ann"}"#],
            events: "", catalog: HostileInputTests.catalogHeader, unsubscribe: "https://shop.example/u/{{ recipient_id }}")
        defer { send.remove() }
        var settings = RenderSettings(campaignFolder: send.folder.path)
        settings.outDirectory = send.folder.appendingPathComponent("out").path
        settings.format = .jsonl
        let summary = try RenderRun(settings).run()
        #expect(summary.byStatus[.rendered] == 1, "\(summary.failureLines())")
        let record = try String(contentsOf: send.folder.appendingPathComponent("out/messages.jsonl"), encoding: .utf8)
        #expect(record.contains("https://shop.example/u/a%20b"))
        #expect(!record.contains("https://shop.example/u/a b"))
    }
}
