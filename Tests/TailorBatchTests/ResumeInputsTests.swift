import Foundation
import Testing
import TailorBatch
import TailorMIME

/// A resume with other `--events` or `--segments` than the interrupted run's
/// is refused, as another `--catalog` is: the recipients kept from before and
/// those rendered now would have segments and picks from different inputs.
/// Before, it went ahead and the finished send mixed both.
@Suite struct ResumeInputsTests {
    @Test(arguments: [
        ("a", "a", nil, nil, nil as String?),
        (nil, nil, "s", "s", nil),
        ("a", "b", nil, nil,
         "the interrupted run used --events EVENTS-a, this one --events EVENTS-b: resume it with the same --events, or render again without --resume"),
        (nil, "b", nil, nil,
         "the interrupted run used no --events, this one --events EVENTS-b: resume it with the same --events, or render again without --resume"),
        (nil, nil, "s", nil,
         "the interrupted run used --segments SEGMENTS, this one no --segments: resume it with the same --segments, or render again without --resume"),
    ] as [(String?, String?, String?, String?, String?)])
    func resumeRefusesOtherEventsOrSegments(
        eventsThen: String?, eventsNow: String?, segmentsThen: String?, segmentsNow: String?, message: String?
    ) throws {
        let send = try HostileInputTests.Send(
            "resume-inputs", profiles: [HostileInputTests.profile], events: "", catalog: HostileInputTests.catalogHeader)
        defer { send.remove() }
        let event = #"{"recipient_id":"R1","type":"viewed","product_id":"P1","ts":"2026-01-10T10:00:00Z"}"# + "\n"
        for name in ["a", "b"] {
            try event.write(to: send.folder.appendingPathComponent("events-\(name).jsonl"), atomically: true, encoding: .utf8)
        }
        try "segments:\n  everyone:\n    rule: \"true\"\n"
            .write(to: send.folder.appendingPathComponent("segments.yml"), atomically: true, encoding: .utf8)
        func settings(events: String?, segments: String?, resume: Bool) -> RenderSettings {
            var settings = RenderSettings(campaignFolder: send.folder.path)
            settings.outDirectory = send.folder.appendingPathComponent("out").path
            settings.events = events.map { send.folder.appendingPathComponent("events-\($0).jsonl").path }
            settings.segments = segments.map { _ in send.folder.appendingPathComponent("segments.yml").path }
            settings.resume = resume
            return settings
        }
        _ = try RenderRun(settings(events: eventsThen, segments: segmentsThen, resume: false)).run()
        let resumed = settings(events: eventsNow, segments: segmentsNow, resume: true)
        if let message {
            let shown = message
                .replacingOccurrences(of: "EVENTS-a", with: send.folder.appendingPathComponent("events-a.jsonl").path)
                .replacingOccurrences(of: "EVENTS-b", with: send.folder.appendingPathComponent("events-b.jsonl").path)
                .replacingOccurrences(of: "SEGMENTS", with: send.folder.appendingPathComponent("segments.yml").path)
            #expect {
                _ = try RenderRun(resumed).run()
            } throws: { error in
                (error as? ResumeError)?.description == shown
            }
        } else {
            #expect(try RenderRun(resumed).run().byStatus[.rendered] == 1)
        }
    }
}
