import Testing

@testable import TailorMIME
import TailorTestSupport

/// The message with its parts encoded in place is byte for byte the one built
/// from separately encoded parts, and a boundary found in a part sends the
/// builder back to that path.
@Suite struct MultipartMessageTests {
    static let head: [[UInt8]] = [Array("From: a@example.com\r\n".utf8), [], Array("Subject: Hi\r\n".utf8)]

    @Test func inPlaceMatchesSeparateParts() {
        var rng = SplitMix64(seed: 29)
        for round in 0..<300 {
            let text = QuotedPrintableDifferentialTests.randomText(&rng)
            let html = "<p>" + QuotedPrintableDifferentialTests.randomText(&rng) + "</p>"
            let recipient = "r-\(round)"
            let boundary = MultipartBoundary.candidate(sendID: "s", recipientID: recipient, salt: 0)
            let inPlace = MultipartAlternative.message(head: Self.head, text: text, html: html, boundary: boundary)
            let separate = MessageBuilder.saltedMessage(head: Self.head, text: text, html: html, sendID: "s", recipientID: recipient)
            #expect(inPlace == separate, "\(text.debugDescription) \(html.debugDescription)")
        }
    }

    @Test func emptyPartsMatch() {
        let boundary = MultipartBoundary.candidate(sendID: "s", recipientID: "r", salt: 0)
        let inPlace = MultipartAlternative.message(head: [], text: "", html: "", boundary: boundary)
        #expect(inPlace == MessageBuilder.saltedMessage(head: [], text: "", html: "", sendID: "s", recipientID: "r"))
    }

    @Test func aBoundaryInAPartIsRefused() {
        #expect(MultipartAlternative.message(head: Self.head, text: "see x_tail here", html: "<p></p>", boundary: "x_tail") == nil)
        #expect(MultipartAlternative.message(head: Self.head, text: "", html: "<p>x_tail</p>", boundary: "x_tail") == nil)
        #expect(MultipartAlternative.message(head: Self.head, text: "x", html: "<p>x</p>", boundary: "x_tail") != nil)
    }
}
