/// HTML escaping as MarkupSafe does it: `& < > " '` become entities.
public enum Escaping {
    /// Escapes the five HTML-special characters (`'` as `&#39;`, `"` as `&#34;`).
    public static func escapeHTML(_ s: String) -> String {
        // Read in place, a word at a time: most printed values (names, email
        // addresses) hold no special character and come back as they are.
        let needs = s.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.isEmpty ? false : nextSpecial(in: bytes, from: 0) < bytes.count
        } ?? s.utf8.contains { entity(for: $0) != nil }
        guard needs else { return s }
        var out = [UInt8]()
        out.reserveCapacity(s.utf8.count + 16)
        appendEscaped(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `s` HTML-escaped to a byte buffer.
    public static func appendEscaped(_ s: String, to out: inout [UInt8]) {
        var text = s
        text.withUTF8 { bytes in
            // Copy runs of ordinary bytes at once; only the specials are replaced.
            var runStart = 0
            for i in 0..<bytes.count {
                guard let entity = entity(for: bytes[i]) else { continue }
                if i > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
                out.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                runStart = i + 1
            }
            if runStart < bytes.count {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
            }
        }
    }

    /// The offset of the first of `& < > " '` in `bytes` from `start` on, or
    /// `bytes.count`. Eight bytes at a time: printed values (URLs, names)
    /// rarely hold one, and testing a word costs about what testing two
    /// bytes does.
    @inline(__always)
    static func nextSpecial(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let base = UnsafeRawPointer(bytes.baseAddress!)
        var i = start
        while bytes.count - i >= 8 {
            if hasSpecial(base.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { break }
            i += 8
        }
        while i < bytes.count {
            switch bytes[i] {
            case 38, 60, 62, 34, 39: return i
            default: i += 1
            }
        }
        return i
    }

    /// Whether a byte of `word` is one of `& < > " '`. Setting bit 0 makes
    /// `&` and `'` both 0x27, setting bit 1 makes `<` and `>` both 0x3E (and
    /// nothing else either); then each is a test for a zero byte, which
    /// `(x - 0x01...) & ~x & 0x80...` answers exactly.
    @inline(__always)
    private static func hasSpecial(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let a = (word | ones) ^ (0x27 &* ones)
        let b = (word | (2 &* ones)) ^ (0x3E &* ones)
        let c = word ^ (0x22 &* ones)
        let zeros = ((a &- ones) & ~a) | ((b &- ones) & ~b) | ((c &- ones) & ~c)
        return zeros & highs != 0
    }

    /// The entity that stands for `byte` when it is one of `& < > " '`.
    @inline(__always)
    static func entity(for byte: UInt8) -> StaticString? {
        switch byte {
        case 38: "&amp;"
        case 60: "&lt;"
        case 62: "&gt;"
        case 34: "&#34;"
        case 39: "&#39;"
        default: nil
        }
    }

    /// `Markup(value)` / `escape(value)`: markup stays, anything else is printed and escaped.
    public static func escape(_ value: Value) throws -> Value {
        switch value {
        case .markup: return value
        default: return .markup(escapeHTML(try value.stringify()))
        }
    }
}
