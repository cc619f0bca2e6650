import Foundation
import Testing
import TailorBatch
import TailorMIME

/// `size-clipped` (an error by default) is checked on every message of a
/// send: a message's size comes with its recipient's data, so validating the
/// first recipient of each variant cannot see that another one's is over
/// Gmail's clipping limit. Before, such a message was written, and check-eml
/// failed it.
@Suite struct SizeClippedTests {
    static func profile(_ id: String, note: Int) -> String {
        #"{"recipient_id":"\#(id)","email":"\#(id.lowercased())@example.com","first_name":"Ann","note":"\#(String(repeating: "word ", count: note))"}"#
    }

    @Test(arguments: [
        // validation.yml, --validate, whether R2 (whose note is 150 KB) fails.
        ("", ValidationMode.variant, true),
        ("", .every, true),
        ("", .off, false),
        ("rules:\n  size-clipped: warning\n", .variant, false),
        ("size:\n  clip: 200KB\n", .variant, false),
    ])
    func aMessageOverTheClipLimitFails(validation: String, mode: ValidationMode, fails: Bool) throws {
        let send = try HostileInputTests.Send(
            "size", profiles: [Self.profile("R1", note: 10), Self.profile("R2", note: 30_000)], events: "",
            catalog: HostileInputTests.catalogHeader)
        defer { send.remove() }
        try """
            <!DOCTYPE html><html lang="en"><head><title>Hi</title></head><body>
            <p>{{ note }}</p><p><a href="{{ unsubscribe_url }}">Unsubscribe</a></p></body></html>
            """.write(to: send.folder.appendingPathComponent("email.html"), atomically: true, encoding: .utf8)
        if !validation.isEmpty {
            try validation.write(to: send.folder.appendingPathComponent("validation.yml"), atomically: true, encoding: .utf8)
        }
        var settings = RenderSettings(campaignFolder: send.folder.path)
        settings.outDirectory = send.folder.appendingPathComponent("out").path
        settings.validate = mode
        let summary = try RenderRun(settings).run()
        #expect(summary.byStatus[.rendered] == (fails ? 1 : 2))
        if fails {
            let reason = try #require(summary.failureReasons.first?.reason)
            #expect(reason.hasPrefix("HTML validation: the HTML is "))
            #expect(reason.contains("over the 102.0 KB Gmail clips at [size-clipped]"))
            #expect(summary.failureReasons.first?.firstRecipient == "R2")
        }
    }
}
