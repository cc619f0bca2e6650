/// Keeps every line of a plain-text part within RFC 5322's 998 characters.
///
/// Quoted-printable lets the encoded lines stay short whatever the text, but
/// strict readers (check-eml among them) hold the decoded text to the same
/// limit: a line that long has come from data (a pasted description, a 3,000
/// character name), not from the template. Such a line is broken at its last
/// space within the limit, the space giving way to the line break, or, with
/// no space there, cut at the limit. Shorter lines are untouched, and text
/// without a long line is returned as it is without being copied.
///
/// ```swift
/// LongTextLines.limited("Hi Ana,\n" + String(repeating: "word ", count: 300))
/// // "Hi Ana,\n" + 199 words + "word\n" + the other 100, each line at most 998 characters
/// ```
public enum LongTextLines {
    /// RFC 5322 2.1.1: at most 998 characters on a line, excluding CRLF.
    public static let maxLength = 998

    /// `text` with each line longer than `limit` characters broken.
    public static func limited(_ text: String, to limit: Int = maxLength) -> String {
        guard hasLongLine(text, limit: limit) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + text.utf8.count / limit + 1)
        var first = true
        for line in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            if !first { out += "\n" }
            first = false
            append(line, limit: limit, to: &out)
        }
        return out
    }

    /// Whether a line has more than `limit` bytes, so perhaps more than `limit`
    /// characters (a character is at least one byte). Each search for the next
    /// line feed looks at most `limit + 1` bytes ahead: not finding one there
    /// is the answer.
    private static func hasLongLine(_ text: String, limit: Int) -> Bool {
        guard text.utf8.count > limit else { return false }
        var text = text
        return text.withUTF8 { bytes in
            var start = 0
            while bytes.count - start > limit {
                let window = UnsafeBufferPointer(rebasing: bytes[..<(start + limit + 1)])
                guard let feed = ByteSearch.firstOffset(of: 0x0a, in: window, from: start) else { return true }
                start = feed + 1
            }
            return false
        }
    }

    /// Appends one line, broken into pieces of at most `limit` characters.
    /// A carriage return before the line feed is not counted, as readers strip it.
    ///
    /// Each piece walks at most `limit + 1` characters ahead (the rest is never
    /// counted whole), so a line of megabytes from the data costs its length.
    private static func append(_ line: Substring.UnicodeScalarView, limit: Int, to out: inout String) {
        var rest = line
        while true {
            // More than `limit` characters: one stands at offset `limit`, and
            // it is not a final carriage return.
            guard let cut = rest.index(rest.startIndex, offsetBy: limit, limitedBy: rest.endIndex),
                cut != rest.endIndex, rest[cut] != "\r" || rest.index(after: cut) != rest.endIndex
            else {
                out.unicodeScalars.append(contentsOf: rest)
                return
            }
            if let space = rest[rest.startIndex...cut].lastIndex(of: " "), space > rest.startIndex {
                out.unicodeScalars.append(contentsOf: rest[..<space])
                rest = rest[rest.index(after: space)...]
            } else {
                out.unicodeScalars.append(contentsOf: rest[..<cut])
                rest = rest[cut...]
            }
            out += "\n"
        }
    }
}
