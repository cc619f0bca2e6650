/// The hidden preheader: the line inbox lists show after the subject.
///
/// It goes right after `<body ...>` (or at the very start when the HTML has no body
/// tag), in a `div` hidden from every client that honours `display:none` and from
/// Outlook through `mso-hide:all`. When the HTML already contains the preheader text,
/// the template placed it itself and nothing is inserted.
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
        if html.contains(escaped) || html.contains(text) { return html }
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

    /// The index just after the `>` of the first `<body` start tag, ignoring case.
    static func endOfBodyStartTag(in html: String) -> String.Index? {
        let utf8 = html.utf8
        let pattern = Array("<body".utf8)
        var i = utf8.startIndex
        while i != utf8.endIndex {
            if utf8[i] == UInt8(ascii: "<") {
                var j = i
                var k = 0
                while k < pattern.count, j != utf8.endIndex, utf8[j] | 0x20 == pattern[k] | 0x20 {
                    j = utf8.index(after: j)
                    k += 1
                }
                if k == pattern.count, j != utf8.endIndex,
                    [UInt8(ascii: ">"), 0x20, 0x09, 0x0a, 0x0d, UInt8(ascii: "/")].contains(utf8[j]),
                    let close = utf8[j...].firstIndex(of: UInt8(ascii: ">"))
                {
                    return utf8.index(after: close)
                }
            }
            i = utf8.index(after: i)
        }
        return nil
    }
}
