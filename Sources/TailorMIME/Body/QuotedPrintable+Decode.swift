extension QuotedPrintable {
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
