/// Finds a character an HTML body must not carry: the code points HTML's
/// parsers report as errors wherever they appear (the HTML standard's
/// "control" and "noncharacter" parse errors, html5lib's `invalid-codepoint`,
/// which check-eml applies).
///
/// They are NUL and the C0 controls but tab, line feed, form feed and carriage
/// return; DEL and the C1 controls (`U+007F`-`U+009F`); and the noncharacters
/// `U+FDD0`-`U+FDEF` and the last two code points of every plane. A character
/// reference cannot carry them either (`&#1;` is an error too), so a body that
/// holds one cannot be sent as it is.
///
/// The scan tests sixty-four bytes a step for an unusual byte: a control character
/// but LF, tab and CR, DEL, or non-ASCII. Line ends do not interrupt it, so an
/// ASCII body goes through in whole steps. In a step with one, the unusual bytes
/// are visited in order, and decoded only where one can start a forbidden
/// character (``mayStartForbidden(_:)``).
///
/// ```swift
/// HTMLCharacterScan.first(in: "<p>Zoë\u{1}</p>")  // Hit(offset: 7, scalar: "\u{1}")
/// HTMLCharacterScan.first(in: "<p>Zoë\t€</p>")     // nil
/// ```
enum HTMLCharacterScan {
    /// Where the character starts (a byte offset), and which it is.
    struct Hit: Sendable, Equatable {
        var offset: Int
        var scalar: Unicode.Scalar
    }

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
        while i &+ 64 <= n {
            let flags = unusual(base + i) | unusual(base + (i &+ 16)) | unusual(base + (i &+ 32))
                | unusual(base + (i &+ 48))
            if anyFlagged(flags), let hit = firstFlagged(in: bytes, from: i, blocks: 4) { return hit }
            i &+= 64
        }
        if i &+ 16 <= n {
            if let hit = firstFlagged(in: bytes, from: i, blocks: (n &- i) &>> 4) { return hit }
            i = n &- (n &- i) & 15
        }
        while i < n {
            if mayStartForbidden(base[i]), let hit = check(bytes, at: i) { return hit }
            i &+= 1
        }
        return nil
    }

    /// The first forbidden character in `blocks` blocks of sixteen bytes from
    /// `start`: in each block with an unusual byte, those bytes are visited in
    /// order, and decoded where one can start a forbidden character.
    @inline(never) private static func firstFlagged(
        in bytes: UnsafeBufferPointer<UInt8>, from start: Int, blocks: Int
    ) -> Hit? {
        let base = bytes.baseAddress!
        for block in 0..<blocks {
            let at = start &+ block &<< 4
            let flags = unusual(base + at)
            guard anyFlagged(flags) else { continue }
            var marks = gathered(flags)
            while marks != 0 {
                let i = at &+ marks.trailingZeroBitCount
                if mayStartForbidden(base[i]), let hit = check(bytes, at: i) { return hit }
                marks &= marks &- 1
            }
        }
        return nil
    }

    @inline(__always) private static func anyFlagged(_ flags: SIMD2<UInt64>) -> Bool {
        (flags[0] | flags[1]) & 0x8080_8080_8080_8080 != 0
    }

    /// The high bit of each of the sixteen bytes at `p` that is unusual in a body (the
    /// other bits are noise): a control character but LF, tab and CR, DEL, and any
    /// byte of a non-ASCII character. Every byte that can start a forbidden character
    /// is among them.
    ///
    /// Two lanes of eight bytes, SWAR fashion, on each byte's low seven bits `low` so
    /// that no sum carries into the next byte: the high bit of `low + 0x60` is set
    /// from `0x20` up, that of `low + 1` for `0x7F`, and that of `(low ^ k) + 0x7F`
    /// for any byte but `k`; tab and CR are the bytes whose `low | 4` is CR. Each
    /// byte is tested on its own, so byte order does not matter.
    @inline(__always) private static func unusual(_ p: UnsafePointer<UInt8>) -> SIMD2<UInt64> {
        let bytes = UnsafeRawPointer(p).loadUnaligned(as: SIMD2<UInt64>.self)
        let ones = SIMD2<UInt64>(repeating: 0x0101_0101_0101_0101)
        let low = bytes & (ones &* 0x7f)
        let notLineEnd = ((low ^ ones &* 0x0a) &+ ones &* 0x7f) & (((low | ones &* 0x04) ^ ones &* 0x0d) &+ ones &* 0x7f)
        let control = notLineEnd & ~(low &+ ones &* 0x60)
        return control | (low &+ ones) | bytes
    }

    /// The sixteen high bits of `flags` as bits 0 to 15 in memory order, by one
    /// multiplication per lane: bit `8k + 7` lands on bit `56 + k`, and no two
    /// partial products meet.
    @inline(__always) private static func gathered(_ flags: SIMD2<UInt64>) -> UInt32 {
        let gather: UInt64 = 0x0102_0408_1020_4080
        let low = ((UInt64(littleEndian: flags[0]) & 0x8080_8080_8080_8080) >> 7 &* gather) >> 56
        let high = ((UInt64(littleEndian: flags[1]) & 0x8080_8080_8080_8080) >> 7 &* gather) >> 56
        return UInt32(truncatingIfNeeded: low | high << 8)
    }

    /// Whether `byte` can start a forbidden character of valid UTF-8: a C0 control
    /// but tab, line feed, form feed and carriage return; DEL; `0xC2`, the lead of
    /// the C1 controls; `0xEF`, the lead of `U+FDD0`-`U+FDEF`, `U+FFFE` and `U+FFFF`;
    /// and the leads of four-byte characters, among which the other planes' last
    /// two code points. Continuation bytes and every other lead are passed over.
    @inline(__always) static func mayStartForbidden(_ byte: UInt8) -> Bool {
        if byte < 0x20 { return (0xffff_c9ff as UInt32) &>> UInt32(byte) & 1 != 0 }
        return byte == 0x7f || byte == 0xc2 || byte >= 0xef
    }

    /// The character at `i` (a character boundary), when it is forbidden.
    @inline(never) private static func check(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Hit? {
        let (scalar, _) = decode(bytes, at: i)
        return isForbidden(scalar) ? Hit(offset: i, scalar: scalar) : nil
    }

    /// Whether HTML's parsers reject `scalar` in a document.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0a, 0x0c, 0x0d: return false
        case 0x00..<0x20, 0x7f...0x9f, 0xfdd0...0xfdef: return true
        default: return scalar.value & 0xfffe == 0xfffe
        }
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
