import Foundation
import Testing
import TailorBatch
import TailorData
import TailorMIME
import TailorTestSupport

/// Inputs a real send meets that are not profile rows: bad lines in the events
/// and catalog files, and profile values that would drive the terminal the
/// summary is printed on.
@Suite struct HostileInputTests {
    /// A one-template campaign in a fresh folder, with a catalog and an events file.
    struct Send {
        let folder: URL

        init(
            _ label: String, profiles: [String], events: String, catalog: String, campaign extra: String = "",
            unsubscribe: String = "https://shop.example/u/{{ recipient_id|urlencode }}"
        ) throws {
            folder = TestFolder.path(label)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let files = [
                "campaign.yml": """
                    name: hostile
                    from: "Shop <news@shop.example>"
                    subject: "Hello {{ first_name }}"
                    html: email.html
                    text: email.txt
                    unsubscribe: {url: "\(unsubscribe)"}
                    send_date: "2026-01-15T09:00:00Z"
                    data: {profiles: profiles.jsonl, events: events.jsonl, catalog: catalog.csv}
                    """ + extra,
                "email.html": """
                    <!DOCTYPE html><html lang="en"><head><title>Hi</title></head><body>
                    <p>Dear {{ first_name }}</p><p><a href="{{ unsubscribe_url }}">Unsubscribe</a></p></body></html>
                    """,
                "email.txt": "Dear {{ first_name }}\n",
                "profiles.jsonl": profiles.joined(separator: "\n") + "\n",
                "events.jsonl": events,
                "catalog.csv": catalog,
            ]
            for (name, text) in files {
                try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
            }
        }

        func run() throws -> RenderSummary {
            var settings = RenderSettings(campaignFolder: folder.path)
            settings.outDirectory = folder.appendingPathComponent("out").path
            settings.jobs = 2
            return try RenderRun(settings).run()
        }

        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    static let profile = #"{"recipient_id":"R1","email":"r1@example.com","first_name":"Ann"}"#
    static let goodEvent = #"{"recipient_id":"R1","type":"viewed","product_id":"P1","ts":"2026-01-10T10:00:00Z"}"#
    static let catalogHeader = "id,name,category,price,url,image,in_stock\n"
    static let goodProduct = "P1,Tent,outdoor,10.00,https://shop.example/p/1,https://cdn.shop.example/1.jpg,true\n"

    /// Bad lines of the events and catalog files are left out of the send and
    /// listed after the summary, each with its file, line and reason; before,
    /// the send went out without them and said nothing.
    @Test(arguments: [
        (Self.goodEvent + "\n", Self.catalogHeader + Self.goodProduct, [String]()),
        (Self.goodEvent + "\n" + #"{"recipient_id":"R1","type":"clicked","product_id":"P1","ts":"2026-01-10T10:00:00Z"}"# + "\n"
            + "not json\n" + #"{"recipient_id":"R1","type":"viewed","product_id":"P1","ts":"yesterday"}"# + "\n",
         Self.catalogHeader + Self.goodProduct,
         ["warning: 3 bad lines in the events file EVENTS were left out:",
          "  EVENTS:2: unknown event type 'clicked' (expected viewed, added_to_cart or purchased)",
          "  EVENTS:3: invalid JSON at column 1: invalid literal, expected 'null'",
          "  EVENTS:4: 'ts': 'yesterday' is not a timestamp (write YYYY-MM-DDTHH:MM:SSZ)"]),
        (Self.goodEvent + "\n",
         Self.catalogHeader + Self.goodProduct + "P2,Cap,apparel,abc,https://shop.example/p/2,https://cdn.shop.example/2.jpg,true\n"
            + "P3,Ragged\n",
         ["warning: 2 bad lines in the catalog file CATALOG were left out:",
          "  CATALOG:3: product 'P2': price 'abc' is not a number of at least 0 (write 19.99)",
          "  CATALOG:4: expected 7 fields as in the header, found 2"]),
        (String(repeating: "{}\n", count: 7), Self.catalogHeader + Self.goodProduct,
         ["warning: 7 bad lines in the events file EVENTS were left out:"]
            + (1...5).map { "  EVENTS:\($0): missing 'recipient_id'" } + ["  ... 2 more"]),
    ])
    func badLinesOfTheOtherFilesAreListed(events: String, catalog: String, expected: [String]) throws {
        let send = try Send("data-files", profiles: [Self.profile], events: events, catalog: catalog)
        defer { send.remove() }
        let summary = try send.run()
        #expect(summary.byStatus[.rendered] == 1)
        let shown = expected.map {
            $0.replacingOccurrences(of: "EVENTS", with: send.folder.appendingPathComponent("events.jsonl").path)
                .replacingOccurrences(of: "CATALOG", with: send.folder.appendingPathComponent("catalog.csv").path)
        }
        #expect(summary.dataFileWarnings.lines() == shown)
    }

    /// Ids and values from the data reach the terminal escaped and cut: an
    /// escape sequence in an id printed raw would drive the terminal.
    @Test(arguments: [
        ("a\u{1B}]0;owned\u{07}b", "a\\u{1B}]0;owned\\u{7}b"),
        ("nul\u{0}id", "nul\\u{0}id"),
        ("c1\u{85}\u{9B}31m", "c1\\u{85}\\u{9B}31m"),
        ("bidi\u{202E}cba", "bidi\\u{202E}cba"),
        ("tab\there\r\nx", "tab\\there\\r\\nx"),
        ("Zoë 王芳 😀", "Zoë 王芳 😀"),
        (String(repeating: "L", count: 90), String(repeating: "L", count: 80) + "…"),
    ])
    func idsPrintSafelyInTheSummary(id: String, shown: String) throws {
        #expect(TerminalText.safe(id, limit: 80) == shown)
        let line = #"{"recipient_id":"# + jsonString(id) + #","email":"not-an-address","first_name":"Ann"}"#
        let send = try Send("terminal", profiles: [Self.profile, line], events: "", catalog: Self.catalogHeader)
        defer { send.remove() }
        let summary = try send.run()
        #expect(summary.failed == 1)
        let printed = summary.failureLines().joined(separator: "\n")
        #expect(printed.hasPrefix("failed: \(shown): "), "\(printed)")
        #expect(!printed.unicodeScalars.contains { $0.properties.generalCategory == .control || $0 == "\u{202E}" })
    }

    /// The preheader goes into the HTML body after the render, so the scan for
    /// characters HTML forbids covers it too; before, a noncharacter in a value
    /// only the preheader printed reached the body (finalize drops control
    /// characters, not noncharacters) and check-eml failed the message.
    @Test(arguments: [
        (Self.scalar(0xFFFE), "profile attribute 'first_name' holds U+FFFE, a noncharacter the HTML body cannot carry (HTML parsers reject it), in the preheader: remove it from the data"),
        ("a" + Self.scalar(0x10FFFF), "profile attribute 'first_name' holds U+10FFFF, a noncharacter the HTML body cannot carry (HTML parsers reject it), in the preheader: remove it from the data"),
        (Self.scalar(0xFDD0), "profile attribute 'first_name' holds U+FDD0, a noncharacter the HTML body cannot carry (HTML parsers reject it), in the preheader: remove it from the data"),
        ("Zoë \u{1F600}", nil),
    ])
    func noncharactersInThePreheaderFailTheMessage(name: String, reason: String?) throws {
        let line = #"{"recipient_id":"R2","email":"r2@example.com","first_name":"# + jsonString(name) + "}"
        let send = try Send(
            "preheader", profiles: [line], events: "", catalog: Self.catalogHeader,
            campaign: "\npreheader: \"Just for you, {{ first_name }}\"\n")
        defer { send.remove() }
        // The body does not print first_name: only the preheader does.
        try """
            <!DOCTYPE html><html lang="en"><head><title>Hi</title></head><body>
            <p>Dear customer</p><p><a href="{{ unsubscribe_url }}">Unsubscribe</a></p></body></html>
            """.write(to: send.folder.appendingPathComponent("email.html"), atomically: true, encoding: .utf8)
        let summary = try send.run()
        if let reason {
            #expect(summary.failureReasons.map(\.reason) == [reason])
        } else {
            #expect(summary.byStatus[.rendered] == 1, "\(summary.failureLines())")
        }
    }

    private static func scalar(_ value: UInt32) -> String { String(Unicode.Scalar(value)!) }

    private func jsonString(_ text: String) -> String {
        let data = try! JSONSerialization.data(withJSONObject: [text], options: [.fragmentsAllowed])
        return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)
    }
}
