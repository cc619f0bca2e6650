/// One record of a CSV file: its fields, the line it starts on, and what is
/// wrong with it, if anything (the fields are then a best effort).
public struct CSVRecord: Sendable, Equatable {
    public var fields: [String]
    /// 1-based physical line the record starts on (the header is line 1).
    public var line: Int
    /// Why the record is malformed, nil when it is well formed.
    public var problem: String?

    public init(fields: [String], line: Int, problem: String? = nil) {
        self.fields = fields
        self.line = line
        self.problem = problem
    }
}

/// Reads RFC 4180 CSV one record at a time, in constant memory.
///
/// Fields may be quoted (`"Smith, Jr."`), with `""` for a quote and line
/// breaks inside quotes; records end with CRLF, LF or CR; a UTF-8 byte order
/// mark at the start is skipped; blank lines are skipped. Deviations do not
/// stop the reader: the record comes back with a ``CSVRecord/problem`` and the
/// next record is read as usual.
///
/// ```swift
/// let reader = try CSVReader(path: "data/profiles.csv")
/// while let record = reader.next() { print(record.line, record.fields) }
/// ```
public final class CSVReader: Sequence, IteratorProtocol {
    private let bytes: ByteStream
    private var line = 1
    private var field: [UInt8] = []
    private var started = false

    /// Opens `path`; `role` names the file in errors ("profiles").
    public init(path: String, role: String = "CSV") throws(DataFileError) {
        bytes = try ByteStream(path: path, role: role)
    }

    /// The next record, or nil at the end of the file.
    public func next() -> CSVRecord? {
        if !started {
            started = true
            skipByteOrderMark()
        }
        while true {
            guard bytes.peek() != nil else { return nil }
            let record = readRecord()
            if record.fields.count == 1, record.fields[0].isEmpty, record.problem == nil, !lastFieldQuoted {
                continue  // a blank line
            }
            return record
        }
    }

    private var lastFieldQuoted = false

    /// Line breaks in quoted text: LF, CRLF and a lone CR each count once.
    static func lineBreaks(in bytes: ArraySlice<UInt8>) -> Int {
        var count = 0
        var previous: UInt8 = 0
        for b in bytes {
            if b == UInt8(ascii: "\n") {
                if previous != UInt8(ascii: "\r") { count += 1 }
            } else if b == UInt8(ascii: "\r") {
                count += 1
            }
            previous = b
        }
        return count
    }

    /// Why field `number` does not read as UTF-8, and what to do: most often the
    /// file was saved as Windows-1252 or Latin-1 (a spreadsheet's plain "CSV").
    static func notUTF8(_ field: [UInt8], number: Int) -> String {
        var offset = 0
        var iterator = field.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput, .error: break loop
            }
        }
        let byte = field.indices.contains(offset) ? field[offset] : field.last ?? 0
        let hex = String(byte, radix: 16, uppercase: true)
        return "field \(number) is not valid UTF-8 (byte 0x\(hex.count == 1 ? "0" + hex : hex) at its byte \(offset + 1)): "
            + "the file is probably Windows-1252 or Latin-1 (a spreadsheet's plain CSV); save it as CSV UTF-8, or "
            + "convert it with iconv -f WINDOWS-1252 -t UTF-8"
    }

    private func skipByteOrderMark() {
        guard bytes.peek() == 0xEF else { return }
        var consumed: [UInt8] = []
        for expected: UInt8 in [0xEF, 0xBB, 0xBF] {
            guard bytes.peek() == expected, let b = bytes.next() else { break }
            consumed.append(b)
        }
        if consumed.count < 3 { field = consumed }  // not a BOM after all: keep the bytes
    }

    private func readRecord() -> CSVRecord {
        let startLine = line
        var fields: [String] = []
        var problem: String?
        func note(_ text: String) { if problem == nil { problem = text } }

        while true {
            var quoted = false
            var ended = false  // the record ended with this field
            if field.isEmpty, bytes.peek() == UInt8(ascii: "\"") {
                _ = bytes.next()
                quoted = true
                let openedOn = line
                var closed = false
                while true {
                    let before = field.count
                    let stop = bytes.append(into: &field) { $0 == UInt8(ascii: "\"") }
                    line += Self.lineBreaks(in: field[before...])
                    guard stop != nil else { break }
                    _ = bytes.next()  // the quote
                    if bytes.peek() == UInt8(ascii: "\"") {
                        _ = bytes.next()
                        field.append(UInt8(ascii: "\""))
                        continue
                    }
                    closed = true
                    break
                }
                if !closed {
                    note("unterminated quoted field (the quote opens on line \(openedOn))")
                    ended = true
                }
            }
            // The unquoted part (or what follows a closing quote, which should be nothing).
            if !ended, !quoted {
                _ = bytes.append(into: &field) { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
            }
            while !ended, let b = bytes.peek() {
                if b == UInt8(ascii: ",") {
                    _ = bytes.next()
                    break
                }
                if b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") {
                    _ = bytes.next()
                    if b == UInt8(ascii: "\r"), bytes.peek() == UInt8(ascii: "\n") { _ = bytes.next() }
                    line += 1
                    ended = true
                    break
                }
                if quoted {
                    note("unexpected text after the closing quote of field \(fields.count + 1)")
                    quoted = false
                }
                field.append(b)
                _ = bytes.next()
            }
            if bytes.peek() == nil { ended = true }
            if let text = String(validating: field, as: UTF8.self) {
                fields.append(text)
            } else {
                note(Self.notUTF8(field, number: fields.count + 1))
                fields.append(String(decoding: field, as: UTF8.self))
            }
            lastFieldQuoted = quoted
            field.removeAll(keepingCapacity: true)
            if ended { return CSVRecord(fields: fields, line: startLine, problem: problem) }
        }
    }
}
