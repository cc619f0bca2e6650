/// Quoted-printable body encoding (RFC 2045 6.7), with CRLF line ends.
///
/// RFC 2045 6.7:
///
/// > (3) [...] Octets with values of 9 and 32 MAY be represented as US-ASCII TAB (HT)
/// > and SPACE characters, respectively, but MUST NOT be so represented at the end
/// > of an encoded line.
/// >
/// > (5) (Soft Line Breaks) The Quoted-Printable encoding REQUIRES that encoded lines
/// > be no more than 76 characters long. If longer lines are to be encoded with the
/// > Quoted-Printable encoding, "soft" line breaks must be used. An equal sign as the
/// > last character on a encoded line indicates such a non-significant ("soft") line
/// > break in the encoded text.
///
/// Line breaks in the text (CRLF, LF or a lone CR) become CRLF hard breaks. `=` is
/// always escaped, escapes use uppercase hex, and a soft break never falls inside an
/// `=XX` escape nor between the escapes of one UTF-8 character, so every encoded line
/// decodes to whole characters. A line starting with `From ` gets its `F` escaped,
/// so a naive mbox reader cannot mistake it for a separator.
///
/// ```swift
/// QuotedPrintable.encode("Grüße = 1 \n")   // "Gr=C3=BC=C3=9Fe =3D 1=20\r\n"
/// ```
public enum QuotedPrintable {
    /// The most characters RFC 2045 allows on an encoded line, CRLF excluded.
    public static let maxLineLength = 76

    /// Encodes the UTF-8 of `text`.
    public static func encode(_ text: String) -> String {
        String(decoding: encode(bytes: Array(text.utf8)), as: UTF8.self)
    }

    /// Encodes bytes holding text; the result is ASCII.
    public static func encode(bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        var lineStart = 0
        var i = 0
        var first = true
        while i <= bytes.count {
            let atEnd = i == bytes.count
            if atEnd || bytes[i] == 0x0d || bytes[i] == 0x0a {
                if !first { out += [0x0d, 0x0a] }
                first = false
                encodeLine(bytes[lineStart..<i], into: &out)
                if atEnd { break }
                if bytes[i] == 0x0d, i + 1 < bytes.count, bytes[i + 1] == 0x0a { i += 1 }
                i += 1
                lineStart = i
            } else {
                i += 1
            }
        }
        return out
    }

    private static let hex = Array("0123456789ABCDEF".utf8)

    /// Encodes one line of text (no line break in it), adding soft breaks as needed.
    private static func encodeLine(_ line: ArraySlice<UInt8>, into out: inout [UInt8]) {
        let startsWithFrom = line.starts(with: Array("From ".utf8))
        var column = 0
        var token: [UInt8] = []
        var i = line.startIndex
        while i < line.endIndex {
            // One token per UTF-8 character, so a soft break never splits one.
            let length = sequenceLength(line[i])
            let end = min(line.endIndex, i + length)
            token.removeAll(keepingCapacity: true)
            for j in i..<end {
                let byte = line[j]
                let isLastByte = j == line.endIndex - 1
                let literal: Bool
                switch byte {
                case 0x20, 0x09: literal = !isLastByte
                case UInt8(ascii: "="): literal = false
                case 0x21...0x7e: literal = !(startsWithFrom && j == line.startIndex)
                default: literal = false
                }
                if literal {
                    token.append(byte)
                } else {
                    token += [UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 0x0f)]]
                }
            }
            let isLastToken = end == line.endIndex
            let limit = isLastToken ? maxLineLength : maxLineLength - 1
            if column > 0, column + token.count > limit {
                out += [UInt8(ascii: "="), 0x0d, 0x0a]
                column = 0
            }
            out += token
            column += token.count
            i = end
        }
    }

    /// The length of the UTF-8 sequence a lead byte starts (1 for anything invalid).
    private static func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xc2...0xdf: return 2
        case 0xe0...0xef: return 3
        case 0xf0...0xf4: return 4
        default: return 1
        }
    }

    /// Strict decoding: nil for a bad escape, a literal 8-bit byte, or trailing space.
    /// Hard breaks come back as CRLF.
    public static func decode(_ encoded: String) -> [UInt8]? {
        var out: [UInt8] = []
        let lines = encoded.utf8.split(separator: 0x0a, omittingEmptySubsequences: false)
        for (n, rawLine) in lines.enumerated() {
            var line = Array(rawLine)
            if n < lines.count - 1 {
                guard line.last == 0x0d else { return nil }
                line.removeLast()
            }
            guard line.last != 0x20, line.last != 0x09 else { return nil }
            var soft = false
            var k = 0
            while k < line.count {
                let byte = line[k]
                if byte == UInt8(ascii: "=") {
                    if k == line.count - 1 {
                        soft = true
                        break
                    }
                    guard k + 2 < line.count, let v = hexValue(line[k + 1], line[k + 2])
                    else { return nil }
                    out.append(v)
                    k += 3
                } else {
                    guard byte < 0x80 else { return nil }
                    out.append(byte)
                    k += 1
                }
            }
            if !soft, n < lines.count - 1 { out += [0x0d, 0x0a] }
        }
        return out
    }

    private static func hexValue(_ a: UInt8, _ b: UInt8) -> UInt8? {
        func digit(_ c: UInt8) -> UInt8? {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
            default: return nil
            }
        }
        guard let hi = digit(a), let lo = digit(b) else { return nil }
        return hi << 4 | lo
    }
}
