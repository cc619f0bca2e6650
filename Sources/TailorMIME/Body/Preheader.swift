/// The hidden preheader: the line inbox lists show after the subject.
///
/// It goes right after `<body ...>` (or at the very start when the HTML has no body
/// tag), in a `div` hidden from every client that honours `display:none` and from
/// Outlook through `mso-hide:all`. When the HTML already contains the preheader text,
/// the template placed it itself and nothing is inserted. "Contains" is decided on the
/// UTF-8 bytes, at character boundaries at both ends (so "Sale" is not found in
/// "Sale\u{301}"); text that only a Unicode normalization would make equal is not
/// found.
///
/// ```swift
/// Preheader.insert("Three picks for spring", into: "<html><body><p>Hi</p></body></html>")
/// // "<html><body><div style=\"display:none;...\">Three picks for spring</div><p>Hi</p>..."
/// ```
public enum Preheader {
    /// The style of the inserted element; HTMLToText drops elements styled this way.
    public static let hiddenStyle =
        "display:none;font-size:1px;line-height:1px;max-height:0;max-width:0;opacity:0;overflow:hidden;mso-hide:all"

    /// `html` with the preheader inserted, or unchanged when `preheader` is blank or
    /// already present.
    public static func insert(_ preheader: String, into html: String) -> String {
        let text = preheader.trimmingSpaces()
        guard !text.isEmpty else { return html }
        let escaped = escape(text)
        if contains(html, escaped) || (escaped != text && contains(html, text)) { return html }
        let element = "<div style=\"\(hiddenStyle)\">\(escaped)</div>"
        guard let insertAt = endOfBodyStartTag(in: html) else { return element + html }
        var out = html
        out.insert(contentsOf: element, at: insertAt)
        return out
    }

    /// Escapes `&`, `<`, `>` and `"` for HTML text.
    static func escape(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// Whether `html` holds `text` byte for byte, starting and ending on character boundaries.
    static func contains(_ html: String, _ text: String) -> Bool {
        let utf8 = html.utf8
        func isBoundary(_ offset: Int) -> Bool {
            utf8.index(utf8.startIndex, offsetBy: offset).samePosition(in: html) != nil
        }
        return withBytes(of: html) { haystack in
            withBytes(of: text) { needle in
                var from = 0
                while let offset = ByteSearch.firstOffset(of: needle, in: haystack, from: from) {
                    if isBoundary(offset), isBoundary(offset + needle.count) { return true }
                    from = offset + 1
                }
                return false
            }
        }
    }

    /// The index just after the `>` of the first `<body` start tag, ignoring case.
    static func endOfBodyStartTag(in html: String) -> String.Index? {
        let offset = withBytes(of: html) { bytes -> Int? in
            var from = 0
            while let open = ByteSearch.firstOffset(of: UInt8(ascii: "<"), in: bytes, from: from) {
                let next = open + 5
                if next < bytes.count, zip("body".utf8, bytes[(open + 1)...]).allSatisfy({ $1 | 0x20 == $0 }),
                    endsTagName(bytes[next]),
                    let close = ByteSearch.firstOffset(of: UInt8(ascii: ">"), in: bytes, from: next)
                {
                    return close + 1
                }
                from = open + 1
            }
            return nil
        }
        return offset.map { html.utf8.index(html.utf8.startIndex, offsetBy: $0) }
    }

    /// Whether `byte` may follow a tag name: `>`, `/` or white space.
    private static func endsTagName(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ">"), UInt8(ascii: "/"), 0x20, 0x09, 0x0a, 0x0d: return true
        default: return false
        }
    }

    /// Runs `body` on the UTF-8 of `text`, in place when the string is stored contiguously.
    private static func withBytes<R>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }
}
