import Foundation
import Testing

@testable import TailorData

/// A file saved as UTF-16 (a spreadsheet's "Unicode text") is refused up
/// front with what to do. Before, a CSV stopped at "bad header: field 1 is not
/// valid UTF-8", and a JSONL file failed every recipient, one by one, with
/// "unexpected character U+0000".
@Suite struct UTF16InputTests {
    @Test(arguments: [
        ([0xFF, 0xFE, 0x72, 0x00], InputFileKind.utf16),
        ([0xFE, 0xFF, 0x00, 0x72], .utf16),
        ([0x72, 0x00, 0x65, 0x00], .utf16),
        ([0x00, 0x7B, 0x00, 0x22], .utf16),
        ([0xEF, 0xBB, 0xBF, 0x72, 0x65], .text),
        (Array("Zoë,1\n".utf8), .text),
        ([0x72], .text),
    ] as [([UInt8], InputFileKind)])
    func kindFromTheFirstBytes(head: [UInt8], kind: InputFileKind) {
        #expect(InputFileKind(head: head[...]) == kind)
    }

    static let csv = "recipient_id,email\nR1,a@example.com\n"
    static let jsonl = #"{"recipient_id":"R1","email":"a@example.com"}"# + "\n"

    @Test(arguments: [
        ("p.csv", csv, String.Encoding.utf16),
        ("p.csv", csv, .utf16LittleEndian),
        ("p.csv", csv, .utf16BigEndian),
        ("p.jsonl", jsonl, .utf16),
        ("p.jsonl", jsonl, .utf16LittleEndian),
    ])
    func utf16ProfilesSayConvertFirst(name: String, text: String, encoding: String.Encoding) throws {
        let path = try temporaryFile(name, [UInt8](text.data(using: encoding)!))
        #expect {
            _ = try ProfileReader(path: path)
        } throws: { error in
            (error as? DataFileError)?.reason.hasPrefix(
                "the file is UTF-16 text (as a spreadsheet saves \"Unicode text\"): tailor reads UTF-8; convert it first "
                    + "(iconv -f UTF-16 -t UTF-8 \(path) > utf8-\(name))") == true
        }
    }

    /// Every reader goes through the same check: events, catalog CSV.
    @Test func utf16EventsAndCSVAreRefused() throws {
        let events = try temporaryFile("e.jsonl", [UInt8](Self.jsonl.data(using: .utf16)!))
        #expect(throws: DataFileError.self) { _ = try EventReader(path: events) }
        let catalog = try temporaryFile("c.csv", [UInt8](Self.csv.data(using: .utf16LittleEndian)!))
        #expect(throws: DataFileError.self) { _ = try CSVReader(path: catalog, role: "catalog") }
    }
}
