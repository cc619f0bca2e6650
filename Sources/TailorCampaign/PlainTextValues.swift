public import TailorTemplate

/// What a value prints as in a plain-text part, subject or header: its text
/// with markup taken out. A profile field holding `<b>Ann</b>`, `&amp;` or a
/// control character would otherwise put HTML, entities or invisible bytes
/// into a text/plain body. Tags are dropped, the common entities decoded,
/// and C0/C1 controls (but tab and newline) removed; plain text is untouched.
public enum PlainTextValues {
    /// The `finalize` hook for the text environment.
    public static let finalize: @Sendable (Value) -> Value = { value in
        switch value {
        case .string(let s), .markup(let s):
            return needsCleaning(s) ? .string(clean(s)) : value
        default:
            return value
        }
    }

    /// Whether `s` holds a byte ``clean(_:)`` may change: `<`, `&`, a C0 control
    /// but tab and newline, DEL, or `0xC2` (which starts every C1 control). Most
    /// values hold none, and the text template prints dozens per recipient, so
    /// eight bytes are ruled out at a time (``candidates(_:)``); only a word with a
    /// candidate is looked at byte by byte.
    static func needsCleaning(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            var i = 0
            while i &+ 8 <= bytes.count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                if candidates(word) != 0, UnsafeBufferPointer(start: base + i, count: 8).contains(where: isMarked) {
                    return true
                }
                i &+= 8
            }
            return UnsafeBufferPointer(rebasing: bytes[i...]).contains(where: isMarked)
        }
    }

    @inline(__always) private static func isMarked(_ b: UInt8) -> Bool {
        b == 0x3C || b == 0x26 || (b < 0x20 && b != 0x0A && b != 0x09) || b == 0x7F || b == 0xC2
    }

    /// Nonzero when some byte of `word` may be marked: a high bit for each `<` or
    /// `&`, each byte below `0x20`, and each from `0x7F` up, SWAR fashion. A borrow
    /// or carry can mark a byte falsely only above one marked rightly, so zero means
    /// none.
    @inline(__always) private static func candidates(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let lessThan = word ^ (ones &* 0x3C)
        let ampersand = word ^ (ones &* 0x26)
        return ((lessThan &- ones) | (ampersand &- ones) | (word &- ones &* 0x20) | (word &+ ones) | word)
            & (ones &* 0x80)
    }

    static func clean(_ s: String) -> String {
        // Decoding can reveal markup (`&lt;b&gt;`), so repeat until nothing changes.
        var current = s
        for _ in 0..<4 {
            let next = cleanOnce(current)
            if next == current { break }
            current = next
        }
        return current
    }

    private static func cleanOnce(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        let scalars = Array(s.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == "<", let end = tagEnd(scalars, from: i) {
                i = end + 1
                continue
            }
            if c == "&", let (decoded, end) = entity(scalars, from: i) {
                out.append(contentsOf: decoded.unicodeScalars)
                i = end + 1
                continue
            }
            let v = c.value
            let control = (v < 0x20 && v != 0x0A && v != 0x09) || (v >= 0x7F && v <= 0x9F) || v == 0x2028 || v == 0x2029
            if !control { out.append(c) }
            i += 1
        }
        return String(out)
    }

    /// The end of an HTML-like tag starting at `start` (`<b>`, `</p>`, `<br/>`,
    /// `<!-- -->`, `<!doctype>`), or nil when `<` is just a less-than sign.
    private static func tagEnd(_ s: [Unicode.Scalar], from start: Int) -> Int? {
        guard start + 1 < s.count else { return nil }
        let next = s[start + 1]
        guard next == "/" || next == "!" || next.properties.isAlphabetic else { return nil }
        var j = start + 1
        while j < s.count {
            if s[j] == ">" { return j }
            if s[j] == "<" { return nil }
            j += 1
        }
        return nil
    }

    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}", "copy": "©", "reg": "®",
        "trade": "™", "hellip": "…", "mdash": "—", "ndash": "–", "euro": "€", "pound": "£",
    ]

    /// A character reference at `start` and where it ends; unknown names stay as they are.
    private static func entity(_ s: [Unicode.Scalar], from start: Int) -> (String, Int)? {
        var j = start + 1
        var body = ""
        while j < s.count, j - start <= 32 {
            if s[j] == ";" {
                if body.hasPrefix("#x") || body.hasPrefix("#X"), let v = UInt32(body.dropFirst(2), radix: 16),
                    let scalar = Unicode.Scalar(v)
                {
                    return (String(scalar), j)
                }
                if body.hasPrefix("#"), let v = UInt32(body.dropFirst()), let scalar = Unicode.Scalar(v) {
                    return (String(scalar), j)
                }
                if let text = named[body.lowercased()] { return (text, j) }
                return nil
            }
            body.unicodeScalars.append(s[j])
            j += 1
        }
        return nil
    }
}
