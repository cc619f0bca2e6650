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
    @inline(__always)
    public static func appendEscaped(_ s: String, to out: inout [UInt8]) {
        for b in s.utf8 {
            switch b {
            case 38: out.append(contentsOf: [38, 97, 109, 112, 59])  // &amp;
            case 60: out.append(contentsOf: [38, 108, 116, 59])  // &lt;
            case 62: out.append(contentsOf: [38, 103, 116, 59])  // &gt;
            case 34: out.append(contentsOf: [38, 35, 51, 52, 59])  // &#34;
            case 39: out.append(contentsOf: [38, 35, 51, 57, 59])  // &#39;
            default: out.append(b)
            }
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
