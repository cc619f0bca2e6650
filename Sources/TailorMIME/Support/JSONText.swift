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
        String(decoding: bytes, as: UTF8.self)
    }

    /// The compact serialization as UTF-8.
    public var bytes: [UInt8] {
        var out: [UInt8] = []
        write(into: &out)
        return out
    }

    /// Appends the serialization's UTF-8 to `out`.
    public func write(into out: inout [UInt8]) {
        switch self {
        case .string(let s): Self.writeString(s, into: &out)
        case .int(let n): out += String(n).utf8
        case .bool(let b): out += (b ? "true" : "false").utf8
        case .null: out += "null".utf8
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                item.write(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                Self.writeString(key, into: &out)
                out.append(UInt8(ascii: ":"))
                value.write(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// A string or `null`.
    public static func optional(_ s: String?) -> JSONText {
        s.map(JSONText.string) ?? .null
    }

    /// Escapes what JSON and JavaScript readers need escaped and copies the runs
    /// between escapes whole: a 25 KB HTML body has a few hundred of them.
    static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            out.reserveCapacity(out.count + bytes.count + 2)
            var runStart = 0
            var i = 0
            while i < bytes.count {
                if i &+ 8 <= bytes.count {
                    let marks = candidates(UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self))
                    if marks == 0 {
                        i &+= 8
                        continue
                    }
                    i &+= marks.trailingZeroBitCount &>> 3
                }
                guard needsEscape(i, in: bytes) else {
                    i += 1
                    continue
                }
                if i > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
                let width = bytes[i] == 0xe2 ? 3 : 1
                appendEscape(bytes[i] == 0xe2 ? (bytes[i + 2] == 0xa8 ? 0x2028 : 0x2029) : UInt32(bytes[i]), to: &out)
                i += width
                runStart = i
            }
            if bytes.count > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Appends the escape for one character that ``needsEscape(_:in:)`` picked out.
    private static func appendEscape(_ scalar: UInt32, to out: inout [UInt8]) {
        let short: UInt8? =
            switch scalar {
            case 0x22: UInt8(ascii: "\"")
            case 0x5c: UInt8(ascii: "\\")
            case 0x0a: UInt8(ascii: "n")
            case 0x0d: UInt8(ascii: "r")
            case 0x09: UInt8(ascii: "t")
            default: nil
            }
        out.append(UInt8(ascii: "\\"))
        if let short {
            out.append(short)
            return
        }
        out.append(UInt8(ascii: "u"))
        for shift in stride(from: 12, through: 0, by: -4) {
            let digit = UInt8((scalar >> UInt32(shift)) & 0xf)
            out.append(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10)
        }
    }

    /// Eight bytes tested together, SWAR fashion: the high bit of each byte that
    /// may start an escape (below `0x20`, `"`, `\`, `0x7F` and above), lowest
    /// first. A borrow or carry can mark a byte falsely only above one marked
    /// rightly, so the lowest mark is exact; ``needsEscape(_:in:)`` decides.
    @inline(__always) private static func candidates(_ loaded: UInt64) -> UInt64 {
        let word = UInt64(littleEndian: loaded)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5c)
        return ((word &- ones &* 0x20) | (quote &- ones) | (backslash &- ones) | (word &+ ones) | word) & (ones &* 0x80)
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
        lhs.bytes == rhs.bytes
    }
}
