import Testing

@testable import TailorMIME

/// Lines over the limit are broken at a space, or cut; everything else stays.
@Suite struct LongTextLinesTests {
    @Test(arguments: [
        // (text, limit, expected)
        ("short\nlines", 10, "short\nlines"),
        ("exactly ten", 11, "exactly ten"),
        ("one two three four", 9, "one two\nthree\nfour"),
        ("abcdefghijkl", 5, "abcde\nfghij\nkl"),
        ("ab cdefghijkl", 5, "ab\ncdefg\nhijkl"),
        ("ab\r\ncd ef gh\r\n", 5, "ab\r\ncd ef\ngh\r\n"),
        ("12345\r\n", 5, "12345\r\n"),
        ("ééééééé", 3, "ééé\nééé\né"),
        ("🎉🎉🎉 🎉🎉", 4, "🎉🎉🎉\n🎉🎉"),
        (" abcdef", 3, " ab\ncde\nf"),
        ("a\n\n" + "b b", 2, "a\n\nb\nb"),
        ("abcde\nfghij", 5, "abcde\nfghij"),
        ("abcde\nfghijk", 5, "abcde\nfghij\nk"),
        ("abcdef\nab", 5, "abcde\nf\nab"),
        ("ab\nabcdef\n", 5, "ab\nabcde\nf\n"),
        ("a\nb\nc\nd\ne\nfghijkl", 5, "a\nb\nc\nd\ne\nfghij\nkl"),
    ])
    func limited(_ text: String, _ limit: Int, _ expected: String) {
        #expect(LongTextLines.limited(text, to: limit) == expected)
    }

    /// A value of megabytes without a space (a pasted blob) is cut into full
    /// lines and a remainder; each piece is found without counting the rest.
    @Test func aLineOfMegabytesIsCutIntoFullLines() {
        let text = String(repeating: "ab€", count: 1_000_000) + "\r\nend"
        let lines = LongTextLines.limited(text).unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3_008)
        #expect(lines.dropLast(2).allSatisfy { $0.count == 998 })
        #expect(lines[lines.count - 2].count == 3_000_000 - 3_006 * 998 + 1)  // the rest, and its "\r"
        #expect(lines.last.map(String.init) == "end")
    }

    @Test func everyLineOfALongValueFitsTheRFCLimit() {
        let text = "Hi " + String(repeating: "A", count: 3000) + ",\n" + String(repeating: "word ", count: 500)
        let lines = LongTextLines.limited(text).unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.count <= 998 })
        // "Hi", three cuts of 998 A's and "AAAAAA,"; then 199 words, 199 words and 102.
        #expect(lines.map(\.count) == [2, 998, 998, 998, 7, 994, 994, 510])
        // Nothing but the broken spaces is lost.
        let kept = LongTextLines.limited(text).unicodeScalars.filter { $0 != "\n" && $0 != " " }.count
        #expect(kept == text.unicodeScalars.filter { $0 != "\n" && $0 != " " }.count)
    }
}
