import TailorData
import Testing

/// JSON Lines with CR line ends (classic Mac OS) read as one line holding
/// every object: that line fails, and its reason now says why and how to
/// convert the file, instead of only "unexpected '{' after the JSON value".
@Suite struct CRLineEndsTests {
    static let a = #"{"recipient_id":"R1","email":"a@example.com"}"#
    static let b = #"{"recipient_id":"R2","email":"b@example.com"}"#

    @Test(arguments: [
        (a + "\r" + b + "\r", [String](),
         ["1: invalid JSON at column 47: unexpected '{' after the JSON value; the line holds carriage returns: if the "
            + "file ends its lines with CR alone, convert them to LF (tr '\\r' '\\n' < old.jsonl > new.jsonl)"]),
        (a + "\r\n" + b + "\r\n", ["R1", "R2"], []),
        (a + "\n" + #"{"recipient_id":"#, ["R1"], ["2: invalid JSON at column 17: unexpected end of input, expected a value"]),
    ])
    func crLineEndsAreNamed(text: String, ids: [String], bad: [String]) throws {
        let reader = try ProfileReader(path: try temporaryFile("p.jsonl", text))
        var seen: [String] = []
        var problems: [String] = []
        for item in reader {
            switch item {
            case .profile(let p): seen.append(p.id)
            case .bad(let row): problems.append("\(row.line): \(row.reason)")
            }
        }
        #expect(seen == ids)
        #expect(problems == bad)
    }
}
