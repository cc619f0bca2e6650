import TailorData
import Testing

@Suite struct CSVReaderTests {
    struct Row: CustomTestStringConvertible, Sendable {
        var name: String
        var input: [UInt8]
        var expected: [CSVRecord]
        var testDescription: String { name }
        init(_ name: String, _ input: String, _ expected: [CSVRecord]) {
            self.init(name, Array(input.utf8), expected)
        }
        init(_ name: String, _ input: [UInt8], _ expected: [CSVRecord]) {
            self.name = name
            self.input = input
            self.expected = expected
        }
    }

    static let rows: [Row] = [
        Row("LF", "a,b\n1,2\n", [CSVRecord(fields: ["a", "b"], line: 1), CSVRecord(fields: ["1", "2"], line: 2)]),
        Row("CRLF", "a,b\r\n1,2\r\n", [CSVRecord(fields: ["a", "b"], line: 1), CSVRecord(fields: ["1", "2"], line: 2)]),
        Row("lone CR", "a\r1\r", [CSVRecord(fields: ["a"], line: 1), CSVRecord(fields: ["1"], line: 2)]),
        Row("no final line break", "a,b\n1,2", [CSVRecord(fields: ["a", "b"], line: 1), CSVRecord(fields: ["1", "2"], line: 2)]),
        Row("byte order mark", [0xEF, 0xBB, 0xBF] + Array("id\nx\n".utf8),
            [CSVRecord(fields: ["id"], line: 1), CSVRecord(fields: ["x"], line: 2)]),
        Row("quoted comma", "\"Smith, Jr.\",2\n", [CSVRecord(fields: ["Smith, Jr.", "2"], line: 1)]),
        Row("doubled quote", "\"say \"\"hi\"\"\",x\n", [CSVRecord(fields: ["say \"hi\"", "x"], line: 1)]),
        Row("line break in quotes", "\"a\nb\",c\nd,e\n",
            [CSVRecord(fields: ["a\nb", "c"], line: 1), CSVRecord(fields: ["d", "e"], line: 3)]),
        Row("CRLF in quotes", "\"a\r\nb\",c\r\nd,e\r\n",
            [CSVRecord(fields: ["a\r\nb", "c"], line: 1), CSVRecord(fields: ["d", "e"], line: 3)]),
        Row("empty fields", ",,\n", [CSVRecord(fields: ["", "", ""], line: 1)]),
        Row("quoted empty field", "\"\"\n", [CSVRecord(fields: [""], line: 1)]),
        Row("blank lines skipped", "a\n\n\nb\n", [CSVRecord(fields: ["a"], line: 1), CSVRecord(fields: ["b"], line: 4)]),
        Row("non-ASCII", "Zoë,王芳\n", [CSVRecord(fields: ["Zoë", "王芳"], line: 1)]),
        Row("quote inside an unquoted field is kept", "a\"b,c\n", [CSVRecord(fields: ["a\"b", "c"], line: 1)]),
        Row("unterminated quote", "a,\"bc\nd\n",
            [CSVRecord(fields: ["a", "bc\nd\n"], line: 1, problem: "unterminated quoted field (the quote opens on line 1)")]),
        Row("text after the closing quote", "\"ab\"c,d\ne,f\n",
            [CSVRecord(fields: ["abc", "d"], line: 1, problem: "unexpected text after the closing quote of field 1"),
             CSVRecord(fields: ["e", "f"], line: 2)]),
        Row("invalid UTF-8", [0x61, 0x2C, 0xE9, 0x0A, 0x62, 0x0A],
            [CSVRecord(fields: ["a", "\u{FFFD}"], line: 1, problem: "field 2 is not valid UTF-8 (byte 0xE9 at its byte 1): the file is probably Windows-1252 or Latin-1 (a spreadsheet's plain CSV); save it as CSV UTF-8, or convert it with iconv -f WINDOWS-1252 -t UTF-8"),
             CSVRecord(fields: ["b"], line: 2)]),
    ]

    @Test(arguments: rows)
    func reads(row: Row) throws {
        let reader = try CSVReader(path: try temporaryFile("t.csv", row.input))
        #expect(Array(reader) == row.expected)
    }

    @Test func readsAcrossChunkBoundaries() throws {
        // Long quoted fields with quotes and line breaks, longer than a read chunk.
        let long = String(repeating: "x\"\"y\n", count: 400_000)
        let reader = try CSVReader(path: try temporaryFile("long.csv", "a,\"\(long)\",b\nc,d,e\n"))
        let records = Array(reader)
        #expect(records.count == 2)
        #expect(records[0].fields[1].count == 400_000 * 4)
        #expect(records[1] == CSVRecord(fields: ["c", "d", "e"], line: 400_002))
    }

    @Test(arguments: [
        ("missing.csv", "error: cannot read CSV file %FOLDER%/missing.csv: no such file"),
    ])
    func missingFile(name: String, message: String) throws {
        let folder = FileManager.default.temporaryDirectory.path
        #expect(throws: DataFileError(path: folder + "/" + name, role: "CSV", reason: "no such file")) {
            _ = try CSVReader(path: folder + "/" + name)
        }
        #expect(DataFileError(path: folder + "/" + name, role: "CSV", reason: "no such file").description
            == message.replacingOccurrences(of: "%FOLDER%", with: folder))
    }
}

import Foundation
