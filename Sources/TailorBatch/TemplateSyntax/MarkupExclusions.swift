/// The parts of an HTML source where check-eml does not look for the tokens
/// that CSS writes too (`}}`, `%}`, `{#`): the content of `<style>` and
/// `<script>`, comments (conditional ones included) and other `<!...>` or
/// `<?...>` markup, and the values of `style` attributes.
///
/// A tokenizer's view, not a parser's: it builds no tree and repairs nothing,
/// which is enough to tell CSS from text the way a browser's parser would for
/// the markup templates write.
struct MarkupExclusions {
    /// Excluded byte ranges, in order, not overlapping.
    private(set) var ranges: [Range<Int>] = []

    /// Scans `bytes` far enough to classify every offset below `limit`.
    init(_ bytes: UnsafeBufferPointer<UInt8>, upTo limit: Int) {
        let n = bytes.count
        var i = 0
        while i < min(limit, n) {
            guard bytes[i] == UInt8(ascii: "<"), i + 1 < n else {
                i += 1
                continue
            }
            let next = bytes[i + 1]
            if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
                let end = Self.hasPrefix(bytes, at: i, "<!--")
                    ? (Self.find("-->", in: bytes, from: i + 4).map { $0 + 3 } ?? n)
                    : (Self.find(">", in: bytes, from: i + 2).map { $0 + 1 } ?? n)
                ranges.append(i..<end)
                i = end
            } else if Self.isLetter(next) {
                i = startTag(bytes, at: i)
            } else {
                i += 1
            }
        }
    }

    /// Whether the byte at `offset` is in an excluded part.
    func contains(_ offset: Int) -> Bool {
        var lo = 0
        var hi = ranges.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if ranges[mid].upperBound <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo < ranges.count && ranges[lo].contains(offset)
    }

    /// Reads the start tag at `start` (noting a `style` attribute's value) and,
    /// for `<style>` and `<script>`, skips their content; returns where to go on.
    private mutating func startTag(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int {
        let n = bytes.count
        var i = start + 1
        while i < n, Self.isNameByte(bytes[i]) { i += 1 }
        let name = Self.lowercased(bytes, start + 1..<i)
        while i < n, bytes[i] != UInt8(ascii: ">") {
            guard !Self.isSpace(bytes[i]), bytes[i] != UInt8(ascii: "/") else {
                i += 1
                continue
            }
            let nameStart = i
            while i < n, !Self.isSpace(bytes[i]), bytes[i] != UInt8(ascii: "="), bytes[i] != UInt8(ascii: ">") { i += 1 }
            let attribute = Self.lowercased(bytes, nameStart..<i)
            while i < n, Self.isSpace(bytes[i]) { i += 1 }
            guard i < n, bytes[i] == UInt8(ascii: "=") else { continue }
            i += 1
            while i < n, Self.isSpace(bytes[i]) { i += 1 }
            let value: Range<Int>
            if i < n, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") {
                let quote = bytes[i]
                var end = i + 1
                while end < n, bytes[end] != quote { end += 1 }
                value = i + 1..<end
                i = min(n, end + 1)
            } else {
                var end = i
                while end < n, !Self.isSpace(bytes[end]), bytes[end] != UInt8(ascii: ">") { end += 1 }
                value = i..<end
                i = end
            }
            if attribute == "style" { ranges.append(value) }
        }
        let afterTag = min(n, i + 1)
        guard name == "style" || name == "script", !(i > start && bytes[i - 1] == UInt8(ascii: "/")) else {
            return afterTag
        }
        let end = Self.findEndTag(name, in: bytes, from: afterTag) ?? n
        ranges.append(afterTag..<end)
        return end
    }

    // MARK: Bytes

    private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }

    private static func isNameByte(_ b: UInt8) -> Bool {
        isLetter(b) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "-") || b == UInt8(ascii: ":")
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0a || b == 0x0c || b == 0x0d }

    private static func lowercased(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: bytes[range].map { isLetter($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    private static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, _ prefix: String) -> Bool {
        let pattern = Array(prefix.utf8)
        guard start + pattern.count <= bytes.count else { return false }
        return pattern.indices.allSatisfy { bytes[start + $0] == pattern[$0] }
    }

    private static func find(_ needle: String, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var i = start
        while i < bytes.count {
            if hasPrefix(bytes, at: i, needle) { return i }
            i += 1
        }
        return nil
    }

    /// The `<` of `</name` (any case) from `start`.
    private static func findEndTag(_ name: String, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let pattern = Array("</\(name)".utf8)
        var i = start
        while i + pattern.count <= bytes.count {
            if bytes[i] == UInt8(ascii: "<"), pattern.indices.allSatisfy({ k in
                let b = bytes[i + k]
                return (isLetter(b) ? b | 0x20 : b) == pattern[k]
            }) {
                return i
            }
            i += 1
        }
        return nil
    }
}
