/// The markup of a rendered body as written, byte offsets and all: start and
/// end tags, comments, `<![...]>` markers, and the raw text of `<script>` and
/// `<style>`.
///
/// libxml2's tree says what a browser would build, but not where each piece
/// was written, and it repairs what it parses: an unclosed `<td>` or a
/// mangled `<![endif]-->` leaves no trace in it. The checks that need the
/// bytes (tag balance, conditional comments, leftover template syntax) and
/// the locating of tree nodes use this scan instead. It is a tokenizer, not a
/// parser: it builds no tree and recovers from nothing.
///
/// ```swift
/// let scan = MarkupScan(Array("<p>Hi <img src=a.png></p>".utf8))
/// scan.tags.map(\.name)   // ["p", "img", "p"]
/// ```
struct MarkupScan {
    /// A start or end tag.
    struct Tag: Equatable {
        /// Lowercase name.
        var name: String
        /// Offset of the `<`.
        var offset: Int
        /// Offset just past the `>` (the end of input when there is none).
        var end: Int
        var isEnd: Bool
        /// `<br/>`: written self-closed.
        var isSelfClosing: Bool
    }

    /// A `<!-- ... -->` comment, or a `<![ ... ]>` marker (the downlevel-revealed
    /// conditional form).
    struct Comment: Equatable {
        var offset: Int
        var end: Int
        /// What is between `<!--` and `-->` (or `<![` and `]>`... the whole marker).
        var text: String
        /// `<![if ...]>` / `<![endif]>` rather than `<!-- -->`.
        var isMarker: Bool
        /// No `-->` before the end of the input.
        var isUnterminated: Bool
    }

    private(set) var tags: [Tag] = []
    private(set) var comments: [Comment] = []
    /// The content of `<script>`, `<style>`, `<textarea>` and `<title>`, not markup.
    private(set) var rawText: [Range<Int>] = []

    static let rawTextElements: Set<String> = ["script", "style", "textarea", "title"]

    init(_ bytes: [UInt8]) {
        var i = 0
        let n = bytes.count
        while i < n {
            guard bytes[i] == UInt8(ascii: "<"), i + 1 < n else {
                i += 1
                continue
            }
            let next = bytes[i + 1]
            if next == UInt8(ascii: "!") {
                i = scanBang(bytes, at: i)
            } else if next == UInt8(ascii: "?") {
                i = (Self.find(UInt8(ascii: ">"), in: bytes, from: i) ?? n - 1) + 1
            } else if next == UInt8(ascii: "/"), i + 2 < n, Self.isNameStart(bytes[i + 2]) {
                let (name, after) = Self.name(bytes, at: i + 2)
                let close = Self.find(UInt8(ascii: ">"), in: bytes, from: after).map { $0 + 1 } ?? n
                tags.append(Tag(name: name, offset: i, end: close, isEnd: true, isSelfClosing: false))
                i = close
            } else if Self.isNameStart(next) {
                let (name, after) = Self.name(bytes, at: i + 1)
                let close = Self.endOfStartTag(bytes, from: after)
                let selfClosing = close <= n && close >= 2 && bytes[close - 2] == UInt8(ascii: "/")
                tags.append(Tag(name: name, offset: i, end: close, isEnd: false, isSelfClosing: selfClosing))
                i = close
                if Self.rawTextElements.contains(name), !selfClosing {
                    let stop = Self.findEndTag(name, in: bytes, from: i) ?? n
                    rawText.append(i..<stop)
                    i = stop
                }
            } else {
                i += 1
            }
        }
    }

    /// Whether `offset` falls in script or style text.
    func isRawText(_ offset: Int) -> Bool {
        rawText.contains { $0.contains(offset) }
    }

    /// `<!--...-->`, `<![...]>`, `<!DOCTYPE ...>`: returns the offset after it.
    private mutating func scanBang(_ bytes: [UInt8], at start: Int) -> Int {
        let n = bytes.count
        if Self.hasPrefix(bytes, at: start, "<!--") {
            let from = start + 4
            if let close = Self.find("-->", in: bytes, from: from) {
                comments.append(
                    Comment(offset: start, end: close + 3, text: Self.text(bytes, from..<close), isMarker: false, isUnterminated: false))
                return close + 3
            }
            comments.append(Comment(offset: start, end: n, text: Self.text(bytes, from..<n), isMarker: false, isUnterminated: true))
            return n
        }
        let close = (Self.find(UInt8(ascii: ">"), in: bytes, from: start) ?? n - 1) + 1
        if Self.hasPrefix(bytes, at: start, "<![") {
            comments.append(
                Comment(offset: start, end: close, text: Self.text(bytes, start..<close), isMarker: true, isUnterminated: false))
        }
        return close
    }

    // MARK: Byte helpers

    static func isNameStart(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        isNameStart(b) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "-")
            || b == UInt8(ascii: ":") || b == UInt8(ascii: "_") || b == UInt8(ascii: ".")
    }

    private static func name(_ bytes: [UInt8], at start: Int) -> (String, Int) {
        var i = start
        while i < bytes.count, isNameByte(bytes[i]) { i += 1 }
        return (String(decoding: bytes[start..<i], as: UTF8.self).lowercased(), i)
    }

    /// Past the `>` of a start tag, skipping quoted attribute values.
    private static func endOfStartTag(_ bytes: [UInt8], from start: Int) -> Int {
        var i = start
        var quote: UInt8? = nil
        while i < bytes.count {
            let b = bytes[i]
            if let q = quote {
                if b == q { quote = nil }
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                // A quote opens a value only after `=` (with optional spaces).
                var j = i - 1
                while j >= start, bytes[j] == 32 || bytes[j] == 9 || bytes[j] == 10 || bytes[j] == 13 { j -= 1 }
                if j >= start, bytes[j] == UInt8(ascii: "=") { quote = b }
            } else if b == UInt8(ascii: ">") {
                return i + 1
            }
            i += 1
        }
        return bytes.count
    }

    private static func findEndTag(_ name: String, in bytes: [UInt8], from start: Int) -> Int? {
        let pattern = Array("</\(name)".utf8)
        var i = start
        while let at = find(UInt8(ascii: "<"), in: bytes, from: i) {
            if at + pattern.count <= bytes.count,
                zip(pattern, bytes[at..<at + pattern.count]).allSatisfy({ $0 == $1 | ($1 >= 65 && $1 <= 90 ? 32 : 0) })
            {
                return at
            }
            i = at + 1
        }
        return nil
    }

    static func find(_ byte: UInt8, in bytes: [UInt8], from start: Int) -> Int? {
        var i = start
        while i < bytes.count {
            if bytes[i] == byte { return i }
            i += 1
        }
        return nil
    }

    static func find(_ needle: String, in bytes: [UInt8], from start: Int) -> Int? {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return start }
        var i = start
        while let at = find(first, in: bytes, from: i) {
            if hasPrefix(bytes, at: at, pattern) { return at }
            i = at + 1
        }
        return nil
    }

    static func hasPrefix(_ bytes: [UInt8], at start: Int, _ prefix: String) -> Bool {
        hasPrefix(bytes, at: start, Array(prefix.utf8))
    }

    static func hasPrefix(_ bytes: [UInt8], at start: Int, _ prefix: [UInt8]) -> Bool {
        guard start + prefix.count <= bytes.count else { return false }
        for (k, b) in prefix.enumerated() where bytes[start + k] != b { return false }
        return true
    }

    private static func text(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}
