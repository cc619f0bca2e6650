import Foundation

/// What an input file is, from its type and first bytes, so that a file
/// tailor cannot read gets an error that says what it is and what to do,
/// instead of a parse error at line 1.
///
/// | first bytes or type | kind |
/// |---|---|
/// | `1F 8B` | gzip-compressed |
/// | `PK 03 04` | a zip archive |
/// | `FF FE`, `FE FF`, or an ASCII byte beside a NUL | UTF-16 text (a spreadsheet's "Unicode text") |
/// | `{` (after a byte-order mark and blanks) | a JSON object: JSON Lines |
/// | `[` | a JSON array (one document, not a line per record) |
/// | a pipe, socket or device | not a regular file (cannot be read twice) |
/// | anything else | text |
enum InputFileKind: Equatable {
    case gzip, zip, utf16, jsonObject, jsonArray, notRegular, text

    /// The kind of the file at `path`; `.text` when it cannot be opened (the
    /// reader then says why).
    init(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { self = .text; return }
        guard info.st_mode & S_IFMT == S_IFREG else {
            self = info.st_mode & S_IFMT == S_IFDIR ? .text : .notRegular
            return
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { self = .text; return }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 512)) ?? Data())
        self.init(head: head[...])
    }

    /// The kind the first bytes of a regular file show.
    init(head: ArraySlice<UInt8>) {
        if head.starts(with: [0x1F, 0x8B]) { self = .gzip; return }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { self = .zip; return }
        if Self.isUTF16(head) { self = .utf16; return }
        var rest = head
        if rest.starts(with: [0xEF, 0xBB, 0xBF]) { rest = rest.dropFirst(3) }
        switch rest.first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) {
        case UInt8(ascii: "{"): self = .jsonObject
        case UInt8(ascii: "["): self = .jsonArray
        default: self = .text
        }
    }

    /// UTF-16 by its byte order mark, or without one by its first character:
    /// ASCII text in UTF-16 has a NUL beside every byte, which UTF-8 text never has.
    private static func isUTF16(_ head: ArraySlice<UInt8>) -> Bool {
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) { return true }
        guard head.count >= 2 else { return false }
        let first = head[head.startIndex], second = head[head.startIndex + 1]
        return (first == 0) != (second == 0) && max(first, second) < 0x80
    }

    /// Why a file of this kind cannot be read as `role` input, with what to
    /// do; nil for the kinds a reader takes. `readTwice` says whether the
    /// caller reads the file more than once, so that a pipe cannot serve.
    func problem(path: String, readTwice: Bool) -> String? {
        switch self {
        case .gzip:
            return "the file is gzip-compressed: tailor reads plain CSV and JSON Lines; decompress it first "
                + "(gunzip -k \(path))"
        case .zip:
            return "the file is a zip archive: tailor reads plain CSV and JSON Lines; unzip it first"
        case .utf16:
            return "the file is UTF-16 text (as a spreadsheet saves \"Unicode text\"): tailor reads UTF-8; convert "
                + "it first (iconv -f UTF-16 -t UTF-8 \(path) > utf8-\((path as NSString).lastPathComponent))"
        case .jsonArray:
            return "the file holds a JSON array: tailor reads JSON Lines, one object per line; convert it first "
                + "(jq -c '.[]' \(path) > records.jsonl)"
        case .notRegular where readTwice:
            return "it is a pipe or device, not a regular file: tailor reads this file more than once (checks, "
                + "segment statistics, then the send); write it to a file first"
        case .notRegular, .jsonObject, .text:
            return nil
        }
    }
}
