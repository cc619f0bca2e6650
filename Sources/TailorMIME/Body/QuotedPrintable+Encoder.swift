extension QuotedPrintable {
    /// The one-pass encoder: input bytes in, encoded bytes out, a column count between.
    ///
    /// A run of bytes that stand for themselves (`0x20...0x7E` but `=`) is copied
    /// sixteen at a time, as far as the line has room, with `=` and other single
    /// ASCII escapes put in between; everything else goes one character (a UTF-8
    /// sequence, or a single byte) at a time. A character's encoded width is
    /// known before anything is written, so a soft break goes in front of it when it
    /// would not fit: on the last character of a line the whole 76 columns are
    /// available, before that 75, leaving room for the `=` of a soft break.
    struct Encoder {
        let input: UnsafePointer<UInt8>
        let count: Int
        let output: UnsafeMutablePointer<UInt8>

        /// Where the encoder is: the next input byte, bytes written, and characters
        /// on the current encoded line.
        struct Cursor {
            var i = 0
            var written = 0
            var column = 0
        }

        /// A line may end with a soft break's `=` only if everything before it fits in 75.
        private static let softLimit = maxLineLength - 1
        private static let cr: UInt8 = 0x0d
        private static let lf: UInt8 = 0x0a
        private static let space: UInt8 = 0x20

        /// Encodes the whole input; returns the number of bytes written.
        func run() -> Int {
            var at = Cursor()
            escapeFromLine(&at)
            while at.i < count {
                copyLiterals(&at)
                guard at.i < count else { break }
                let byte = input[at.i]
                if byte == Self.cr || byte == Self.lf {
                    at.i += byte == Self.cr && at.i + 1 < count && input[at.i + 1] == Self.lf ? 2 : 1
                    output[at.written] = Self.cr
                    output[at.written + 1] = Self.lf
                    at.written += 2
                    at.column = 0
                    escapeFromLine(&at)
                } else {
                    encodeCharacter(&at)
                }
            }
            return at.written
        }

        /// Copies runs of bytes that stand for themselves, sixteen bytes a step, and
        /// puts in the soft breaks between them and the escapes of single ASCII bytes
        /// that need one; returns at anything else (a line break, tab, non-ASCII, an
        /// escape at the end of a line, the last sixteen bytes).
        ///
        /// A step stores all sixteen bytes and counts only the run; the rest is
        /// overwritten next (sixteen input bytes are left, so at least sixteen output
        /// bytes will follow: the store stays inside the buffer). When the line is full and the next two bytes are literal,
        /// the first is not the line's last character, so a soft break goes before it.
        @inline(__always) private func copyLiterals(_ at: inout Cursor) {
            var i = at.i
            var written = at.written
            var column = at.column
            defer { at = Cursor(i: i, written: written, column: column) }
            while i &+ 16 <= count {
                let bytes = UnsafeRawPointer(input + i).loadUnaligned(as: SIMD2<UInt64>.self)
                let marks = Self.marks(SIMD2(UInt64(littleEndian: bytes[0]), UInt64(littleEndian: bytes[1])))
                let run = marks[0] != 0 ? marks[0].trailingZeroBitCount &>> 3 : 8 &+ marks[1].trailingZeroBitCount &>> 3
                if column >= Self.softLimit {
                    guard run >= 2 else { return }
                    put(UInt8(ascii: "="), Self.cr, Self.lf, at: &written)
                    column = 0
                    continue
                }
                var take = min(run, Self.softLimit &- column)
                let trailingSpace = take > 0 && isTrailingSpace(i &+ take &- 1)
                if trailingSpace { take &-= 1 }
                if take > 0 {
                    UnsafeMutableRawPointer(output + written).storeBytes(of: bytes, as: SIMD2<UInt64>.self)
                    i &+= take
                    written &+= take
                    column &+= take
                }
                if trailingSpace { return }
                if take == 16 || take < run { continue }
                // The byte at `i` is marked: `=`, a control character or DEL escape
                // alike anywhere, so one that fits before the soft-break column goes in here.
                let byte = input[i]
                guard byte < 0x80, byte != Self.cr, byte != Self.lf, byte != 0x09, column <= Self.softLimit &- 3
                else { return }
                putEscape(byte, at: &written)
                i &+= 1
                column &+= 3
            }
        }

        /// Eight bytes in each lane tested together, SWAR fashion: the high bit of each
        /// byte that does not stand for itself, lowest first (little-endian).
        ///
        /// A byte's high bit is set by `word - 0x20` when it is below `0x20`, by
        /// `word + 1` or by itself when it is `0x7F` or above, by `(word ^ "=") - 1`
        /// when it is `=` (the `~word` such tests usually take is implied: a byte with
        /// its own high bit set is marked anyway). A borrow or carry can mark a byte
        /// falsely only above one marked rightly, so the lowest mark is exact.
        @inline(__always) private static func marks(_ words: SIMD2<UInt64>) -> SIMD2<UInt64> {
            let ones = SIMD2<UInt64>(repeating: 0x0101_0101_0101_0101)
            let notEquals = words ^ (ones &* 0x3d)
            return ((words &- ones &* 0x20) | (words &+ ones) | words | (notEquals &- ones)) & (ones &* 0x80)
        }

        /// Whether byte `j` is a space a line break follows: it must be escaped.
        @inline(__always) private func isTrailingSpace(_ j: Int) -> Bool {
            input[j] == Self.space && isLineEnd(j &+ 1)
        }

        /// Encodes the character at the cursor, with a soft break in front when it would not fit.
        private func encodeCharacter(_ at: inout Cursor) {
            let lead = input[at.i]
            var end = at.i + 1
            if lead >= 0xc2 {
                let limit = min(count, at.i + (lead >= 0xf5 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2))
                while end < limit, input[end] != Self.cr, input[end] != Self.lf { end += 1 }
            }
            var width = 0
            for j in at.i..<end { width += isLiteral(j) ? 1 : 3 }
            let limit = isLineEnd(end) ? maxLineLength : Self.softLimit
            if at.column > 0, at.column + width > limit {
                put(UInt8(ascii: "="), Self.cr, Self.lf, at: &at.written)
                at.column = 0
            }
            for j in at.i..<end {
                if isLiteral(j) {
                    output[at.written] = input[j]
                    at.written += 1
                } else {
                    putEscape(input[j], at: &at.written)
                }
            }
            at.column += width
            at.i = end
        }

        /// Escapes the `F` of a line starting with `From `.
        @inline(__always) private func escapeFromLine(_ at: inout Cursor) {
            guard count - at.i >= 5, input[at.i] == UInt8(ascii: "F"), input[at.i + 1] == UInt8(ascii: "r"),
                input[at.i + 2] == UInt8(ascii: "o"), input[at.i + 3] == UInt8(ascii: "m"),
                input[at.i + 4] == Self.space
            else { return }
            putEscape(input[at.i], at: &at.written)
            at.column = 3
            at.i += 1
        }

        /// Whether the byte at `j` stands for itself: printable ASCII but `=`, and space
        /// or tab unless a line ends right after it.
        @inline(__always) private func isLiteral(_ j: Int) -> Bool {
            switch input[j] {
            case 0x20, 0x09: return !isLineEnd(j + 1)
            case UInt8(ascii: "="): return false
            case 0x21...0x7e: return true
            default: return false
            }
        }

        /// Whether the line ends before byte `j`.
        @inline(__always) private func isLineEnd(_ j: Int) -> Bool {
            j == count || input[j] == Self.cr || input[j] == Self.lf
        }

        @inline(__always) private func put(_ a: UInt8, _ b: UInt8, _ c: UInt8, at written: inout Int) {
            output[written] = a
            output[written + 1] = b
            output[written + 2] = c
            written += 3
        }

        /// `=XX`, uppercase hex.
        @inline(__always) private func putEscape(_ byte: UInt8, at written: inout Int) {
            put(UInt8(ascii: "="), Self.hexDigit(byte >> 4), Self.hexDigit(byte & 0x0f), at: &written)
        }

        @inline(__always) private static func hexDigit(_ nibble: UInt8) -> UInt8 {
            nibble < 10 ? nibble + UInt8(ascii: "0") : nibble - 10 + UInt8(ascii: "A")
        }
    }
}
