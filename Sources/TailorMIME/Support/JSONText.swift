/// A small JSON value that serializes with its keys in the order given.
///
/// Output files are compared byte for byte between runs, so key order is part of the
/// format; Foundation's encoders do not promise one.
public indirect enum JSONText: Sendable, Equatable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case array([JSONText])
    case object([(String, JSONText)])

    /// The compact serialization, on one line (no raw newline can appear in it).
    public var serialized: String {
        var out = ""
        write(into: &out)
        return out
    }

    /// Appends the serialization to `out`.
    public func write(into out: inout String) {
        switch self {
        case .string(let s): Self.writeString(s, into: &out)
        case .int(let n): out += String(n)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.write(into: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out += "," }
                Self.writeString(key, into: &out)
                out += ":"
                value.write(into: &out)
            }
            out += "}"
        }
    }

    /// A string or `null`.
    public static func optional(_ s: String?) -> JSONText {
        s.map(JSONText.string) ?? .null
    }

    /// Escapes what JSON and JavaScript readers need escaped and copies the runs
    /// between escapes whole: a 25 KB HTML body has a few hundred of them.
    private static func writeString(_ s: String, into out: inout String) {
        out += "\""
        defer { out += "\"" }
        var s = s
        s.withUTF8 { bytes in
            var runStart = 0
            var i = 0
            while i < bytes.count {
                guard needsEscape(i, in: bytes) else {
                    i += 1
                    continue
                }
                if i > runStart {
                    out += String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<i]), as: UTF8.self)
                }
                let width = bytes[i] == 0xe2 ? 3 : 1
                out += escape(bytes[i] == 0xe2 ? (bytes[i + 2] == 0xa8 ? 0x2028 : 0x2029) : UInt32(bytes[i]))
                i += width
                runStart = i
            }
            if bytes.count > runStart {
                out += String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart...]), as: UTF8.self)
            }
        }
    }

    /// The escape for one character that ``needsEscape(_:in:)`` picked out.
    private static func escape(_ scalar: UInt32) -> String {
        switch scalar {
        case 0x22: return "\\\""
        case 0x5c: return "\\\\"
        case 0x0a: return "\\n"
        case 0x0d: return "\\r"
        case 0x09: return "\\t"
        default:
            let hex = String(scalar, radix: 16)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }
    }

    /// Whether the byte at `i` starts something ``writeString(_:into:)`` escapes: `"`,
    /// `\`, a control character, DEL, or U+2028 or U+2029 (`E2 80 A8`, `E2 80 A9`).
    private static func needsEscape(_ i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch bytes[i] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), 0x00..<0x20, 0x7f: return true
        case 0xe2: return i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xa8 || bytes[i + 2] == 0xa9)
        default: return false
        }
    }

    public static func == (lhs: JSONText, rhs: JSONText) -> Bool {
        lhs.serialized == rhs.serialized
    }
}
