/// HTML escaping as MarkupSafe does it: `& < > " '` become entities.
public enum Escaping {
    /// Escapes the five HTML-special characters (`'` as `&#39;`, `"` as `&#34;`).
    public static func escapeHTML(_ s: String) -> String {
        var needs = false
        for b in s.utf8 where b == 38 || b == 60 || b == 62 || b == 34 || b == 39 {
            needs = true
            break
        }
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
