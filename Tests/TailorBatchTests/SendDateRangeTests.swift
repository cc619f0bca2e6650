import Foundation
import Testing
import TailorBatch
import TailorData
import TailorTemplate

/// A send date outside the years RFC 5322 dates can carry (1900 to 9999) stops
/// the run before anything is written; before, `--send-date 0026-01-15` (a typo
/// for 2026) wrote `Date: ..., 15 Jan 26 00:00:00 +0000` on every message and
/// check-eml failed them all.
@Suite struct SendDateRangeTests {
    @Test(arguments: [
        ("0026-01-15T00:00:00Z", false),
        ("0001-01-01T00:00:00Z", false),
        ("1899-12-31T23:59:59Z", false),
        ("1900-01-01T00:00:00Z", true),
        ("2026-01-15T09:00:00Z", true),
        ("9999-12-31T23:59:59Z", true),
    ])
    func sendDatesOutsideRFC5322AreRefused(date: String, accepted: Bool) throws {
        let send = try HostileInputTests.Send(
            "send-date", profiles: [HostileInputTests.profile], events: "", catalog: HostileInputTests.catalogHeader)
        defer { send.remove() }
        var settings = RenderSettings(campaignFolder: send.folder.path)
        settings.outDirectory = send.folder.appendingPathComponent("out").path
        settings.sendDate = try #require(Temporal.seconds(of: .string(date)))
        if accepted {
            #expect(try RenderRun(settings).run().recipients == 1)
        } else {
            #expect {
                _ = try RenderRun(settings)
            } throws: { error in
                "\(error)" == "--send-date \(date) is outside the years 1900 to 9999 a Date header can carry (RFC 5322 3.3): "
                    + "give a date such as 2026-01-15T09:00:00Z (a typo in the year?)"
            }
            #expect(!FileManager.default.fileExists(atPath: settings.outDirectory!))
        }
    }
}
