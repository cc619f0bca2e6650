import TailorData
import Testing

/// Ids compare by canonical equivalence: the same name typed precomposed (NFC)
/// and with a combining accent (NFD) is one id, and since both print alike the
/// duplicate's reason says what differs.
@Suite struct DuplicateSpellingTests {
    @Test(arguments: [
        // In order (ascending ids): compared with the previous row.
        (["Jos\u{E9}", "Jose\u{301}"],
         ["3: duplicate recipient id 'Jose\u{301}' (first on line 2, with the same characters in another Unicode "
            + "normalization (NFC/NFD): normalize the ids)"]),
        // Out of order: found in the set of ids seen.
        (["Zed", "Jos\u{E9}", "Jose\u{301}"],
         ["4: duplicate recipient id 'Jose\u{301}' (first on line 3, with the same characters in another Unicode "
            + "normalization (NFC/NFD): normalize the ids)"]),
        (["B", "A", "B"], ["4: duplicate recipient id 'B' (first on line 2)"]),
        // The same bytes: a plain duplicate.
        (["Jos\u{E9}", "Jos\u{E9}"], ["3: duplicate recipient id 'Jos\u{E9}' (first on line 2)"]),
        // Case differs: two recipients.
        (["Ada", "ada"], []),
    ])
    func duplicateReasons(ids: [String], expected: [String]) throws {
        let body = ids.enumerated().map { "\($1),r\($0)@example.com\n" }.joined()
        let reader = try ProfileReader(path: try temporaryFile("ids.csv", "recipient_id,email\n" + body))
        var bad: [String] = []
        for case .bad(let row) in reader { bad.append("\(row.line): \(row.reason)") }
        #expect(bad == expected)
    }
}
