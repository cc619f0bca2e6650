@testable import TailorBatch

/// The HTML character scan as it was before it visited flagged bytes in place (a
/// copy kept as the oracle the new one is compared with): it decoded every control
/// and non-ASCII character.
enum PreviousHTMLCharacterScan {
    typealias Hit = HTMLCharacterScan.Hit

    /// The first forbidden character of `text`, or nil.
    static func first(in text: String) -> Hit? {
        var text = text
        return text.withUTF8 { first(in: $0) }
    }

    /// The first forbidden character of valid UTF-8 `bytes`, or nil.
    static func first(in bytes: UnsafeBufferPointer<UInt8>) -> Hit? {
        let n = bytes.count
        guard let base = bytes.baseAddress else { return nil }
        var i = 0
        while i < n {
            // Sixteen bytes a step through plain ASCII text and markup.
            while i &+ 16 <= n {
                let words = UnsafeRawPointer(base + i).loadUnaligned(as: SIMD2<UInt64>.self)
                if candidates(UInt64(littleEndian: words[0])) | candidates(UInt64(littleEndian: words[1])) != 0 { break }
                i &+= 16
            }
            guard i < n else { break }
            if i &+ 8 <= n {
                let marks = candidates(UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)))
                if marks == 0 {
                    i &+= 8
                    continue
                }
                i &+= marks.trailingZeroBitCount &>> 3
            }
            let (scalar, width) = decode(bytes, at: i)
            if isForbidden(scalar) { return Hit(offset: i, scalar: scalar) }
            i &+= width
        }
        return nil
    }

    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool { HTMLCharacterScan.isForbidden(scalar) }

    /// The high bit of each byte below `0x20` or from `0x7F` up, lowest first;
    /// a borrow or carry can mark a byte falsely only above one marked rightly,
    /// so the lowest mark is exact.
    @inline(__always) private static func candidates(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        return ((word &- ones &* 0x20) | (word &+ ones) | word) & (ones &* 0x80)
    }

    /// The scalar that starts at `i` (a character boundary) and its length in bytes.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[i]
        let width = lead < 0x80 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4
        guard width > 1, i + width <= bytes.count else { return (Unicode.Scalar(lead), 1) }
        var value = UInt32(lead) & (0x7f >> UInt32(width))
        for j in 1..<width { value = value << 6 | UInt32(bytes[i + j] & 0x3f) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", width)
    }
}
