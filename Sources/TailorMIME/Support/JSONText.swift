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

    private static func writeString(_ s: String, into out: inout String) {
        out += "\""
        defer { out += "\"" }
        // Most strings (ids, hashes, file names) need no escape: copied whole.
        var utf8 = s
        guard utf8.withUTF8({ bytes in bytes.indices.contains { needsEscape($0, in: bytes) } }) else {
            out += s
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
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
