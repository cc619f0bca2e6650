import Testing

@testable import TailorData

/// A CSV saved as Windows-1252 or Latin-1 (a spreadsheet's plain "CSV") fails
/// each row with an accent: the reason shows the byte and says how to convert
/// the file, instead of only "field 4 is not valid UTF-8".
@Suite struct NotUTF8CSVTests {
    static let advice = "the file is probably Windows-1252 or Latin-1 (a spreadsheet's plain CSV); save it as CSV UTF-8, "
        + "or convert it with iconv -f WINDOWS-1252 -t UTF-8"

    @Test(arguments: [
        (Array("Sch".utf8) + [0xE4] + Array("fer".utf8), 4, "field 4 is not valid UTF-8 (byte 0xE4 at its byte 4): "),
        ([0x80], 1, "field 1 is not valid UTF-8 (byte 0x80 at its byte 1): "),
        (Array("Zoë ".utf8) + [0xC3], 2, "field 2 is not valid UTF-8 (byte 0xC3 at its byte 6): "),
    ] as [([UInt8], Int, String)])
    func theReasonShowsTheByteAndTheFix(field: [UInt8], number: Int, start: String) {
        #expect(CSVReader.notUTF8(field, number: number) == start + Self.advice)
    }

    @Test func aWindows1252ProfileRowSaysHowToConvert() throws {
        let bytes = Array("recipient_id,email,last_name\nR1,a@example.com,Sch".utf8) + [0xE4] + Array("fer\n".utf8)
        let reader = try ProfileReader(path: try temporaryFile("cp1252.csv", bytes))
        guard case .bad(let row)? = reader.next() else { Issue.record("expected a bad row"); return }
        #expect(row.reason == "field 3 is not valid UTF-8 (byte 0xE4 at its byte 4): " + Self.advice)
        #expect(row.line == 2)
    }
}
