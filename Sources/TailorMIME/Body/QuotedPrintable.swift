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
        // At most 3 bytes per input byte, plus a 3-byte soft break per 73 of those.
        let capacity = 4 * bytes.count + 16
        return bytes.withUnsafeBufferPointer { input in
            [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                var out = Output(base: buffer.baseAddress!)
                var lineStart = 0
                var i = 0
                var first = true
                while i <= input.count {
                    let atEnd = i == input.count
                    if atEnd || input[i] == 0x0d || input[i] == 0x0a {
                        if !first { out.put(0x0d, 0x0a) }
                        first = false
                        encodeLine(UnsafeBufferPointer(rebasing: input[lineStart..<i]), into: &out)
                        if atEnd { break }
                        if input[i] == 0x0d, i + 1 < input.count, input[i + 1] == 0x0a { i += 1 }
                        i += 1
                        lineStart = i
                    } else {
                        i += 1
                    }
                }
                count = out.count
            }
        }
    }

    /// Where encoded bytes go: a buffer sized for the worst case, so no check per byte.
    private struct Output {
        let base: UnsafeMutablePointer<UInt8>
        var count = 0

        @inline(__always) mutating func put(_ byte: UInt8) {
            base[count] = byte
            count += 1
        }

        @inline(__always) mutating func put(_ a: UInt8, _ b: UInt8) {
            put(a)
            put(b)
        }

        @inline(__always) mutating func put(_ a: UInt8, _ b: UInt8, _ c: UInt8) {
            put(a)
            put(b)
            put(c)
        }
    }

    private static let hex = Array("0123456789ABCDEF".utf8)

    /// Encodes one line of text (no line break in it), adding soft breaks as needed.
    ///
    /// Works a UTF-8 character at a time: its encoded width is known before
    /// anything is written, so the soft break goes in front of it when it would
    /// not fit.
    private static func encodeLine(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout Output) {
        let count = bytes.count
        let startsWithFrom = bytes.starts(with: fromPrefix)
        @inline(__always) func literal(_ j: Int) -> Bool {
            switch bytes[j] {
            case 0x20, 0x09: return j != count - 1
            case UInt8(ascii: "="): return false
            case 0x21...0x7e: return !(startsWithFrom && j == 0)
            default: return false
            }
        }
        hex.withUnsafeBufferPointer { hex in
            var column = 0
            var i = 0
            while i < count {
                // One token per UTF-8 character, so a soft break never splits one.
                let end = min(count, i + sequenceLength(bytes[i]))
                var width = 0
                for j in i..<end { width += literal(j) ? 1 : 3 }
                let limit = end == count ? maxLineLength : maxLineLength - 1
                if column > 0, column + width > limit {
                    out.put(UInt8(ascii: "="), 0x0d, 0x0a)
                    column = 0
                }
                for j in i..<end {
                    let byte = bytes[j]
                    if literal(j) {
                        out.put(byte)
                    } else {
                        out.put(UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 0x0f)])
                    }
                }
                column += width
                i = end
            }
        }
    }

    private static let fromPrefix = Array("From ".utf8)

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
