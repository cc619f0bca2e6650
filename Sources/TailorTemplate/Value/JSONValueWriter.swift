/// Writes ``Value``s as compact JSON (RFC 8259), for machine-readable output.
///
/// Strings escape `"`, `\` and every control character (`\n`, `\t`, ... or
/// `\u00XX`), DEL, U+0085, U+2028 and U+2029; everything else, non-ASCII
/// included, is written as UTF-8. Markup is written as its text. Integers
/// print as integers and finite floats in Python's shortest `repr` form
/// (`1.0`, `1e+16`), so the two stay apart when read back; NaN and
/// infinities, which JSON cannot express, become `null`, as do undefined
/// values. Tuples are arrays, dict keys that are not strings are
/// written as their string form, and host objects as their printed form.
///
/// ```swift
/// JSONValueWriter.string(["id": "a/1", "output": "Hi\n"])   // {"id":"a/1","output":"Hi\n"}
/// ```
public enum JSONValueWriter {
    /// The JSON text of `value`.
    public static func string(_ value: Value) -> String {
        var out: [UInt8] = []
        append(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the JSON text of `value` to a byte buffer.
    public static func append(_ value: Value, to out: inout [UInt8]) {
        switch value {
        case .undefined, .none:
            out.append(contentsOf: "null".utf8)
        case .bool(let b):
            out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i):
            out.append(contentsOf: String(i).utf8)
        case .float(let d):
            out.append(contentsOf: (d.isFinite ? Value.pythonFloatRepr(d) : "null").utf8)
        case .string(let s), .markup(let s):
            appendString(s, to: &out)
        case .list(let items), .tuple(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                append(item, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .dict(let dict):
            out.append(UInt8(ascii: "{"))
            for (i, (key, item)) in zip(dict.keys, dict.values).enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                appendString(key.stringValue ?? printed(key), to: &out)
                out.append(UInt8(ascii: ":"))
                append(item, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        case .object:
            appendString(printed(value), to: &out)
        }
    }

    /// Appends `s` as a quoted, escaped JSON string. Besides what JSON
    /// requires, DEL and the three line breaks outside ASCII (U+0085, U+2028,
    /// U+2029) are escaped, so that a reader splitting the output into lines
    /// the way Python's `str.splitlines` does, or JavaScript source, finds the
    /// lines this writer meant.
    public static func appendString(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { bytes in
            out.reserveCapacity(out.count + bytes.count + 2)
            out.append(UInt8(ascii: "\""))
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                switch byte {
                case UInt8(ascii: "\""): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "\\"))
                case 0x0A: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
                case 0x08: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "b"))
                case 0x0C: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "f"))
                case 0..<0x20, 0x7F:
                    appendEscape(UInt16(byte), to: &out)
                case 0xC2 where i + 1 < bytes.count && bytes[i + 1] == 0x85:
                    appendEscape(0x85, to: &out)
                    i += 1
                case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                    appendEscape(bytes[i + 2] == 0xA8 ? 0x2028 : 0x2029, to: &out)
                    i += 2
                default:
                    out.append(byte)
                }
                i += 1
            }
            out.append(UInt8(ascii: "\""))
        }
    }

    /// `\uXXXX`.
    private static func appendEscape(_ unit: UInt16, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\\"))
        out.append(UInt8(ascii: "u"))
        for shift in [12, 8, 4, 0] { out.append(hexDigits[Int((unit >> UInt16(shift)) & 0xF)]) }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    private static func printed(_ value: Value) -> String {
        value.displayString
    }
}
