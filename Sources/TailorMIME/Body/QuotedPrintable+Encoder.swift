extension QuotedPrintable {
    /// The one-pass encoder: input bytes in, encoded bytes out, a column count between.
    ///
    /// A run of bytes that stand for themselves (`0x20...0x7E` but `=`) is copied eight
    /// at a time, as far as the line has room; everything else goes one character (a
    /// UTF-8 sequence, or a single byte) at a time. A character's encoded width is
    /// known before anything is written, so a soft break goes in front of it when it
    /// would not fit: on the last character of a line the whole 76 columns are
    /// available, before that 75, leaving room for the `=` of a soft break.
    struct Encoder {
        private let input: UnsafePointer<UInt8>
        private let count: Int
        private let output: UnsafeMutablePointer<UInt8>
        /// The next input byte.
        private var i = 0
        /// Bytes written so far.
        private(set) var written = 0
        /// Characters on the current encoded line.
        private var column = 0

        init(input: UnsafePointer<UInt8>, count: Int, output: UnsafeMutablePointer<UInt8>) {
            self.input = input
            self.count = count
            self.output = output
        }

        /// A line may end with a soft break's `=` only if everything before it fits in 75.
        private static let softLimit = maxLineLength - 1
        private static let cr: UInt8 = 0x0d
        private static let lf: UInt8 = 0x0a
        private static let space: UInt8 = 0x20

        mutating func run() {
            var atLineStart = true
            while i < count {
                if atLineStart {
                    atLineStart = false
                    if startsWithFrom() {
                        putEscape(input[i])
                        column = 3
                        i += 1
                        continue
                    }
                }
                if column < Self.softLimit, i + 8 <= count, copyLiteralRun() { continue }
                let byte = input[i]
                if byte == Self.cr || byte == Self.lf {
                    i += byte == Self.cr && i + 1 < count && input[i + 1] == Self.lf ? 2 : 1
                    put(Self.cr, Self.lf)
                    column = 0
                    atLineStart = true
                } else {
                    encodeCharacter()
                }
            }
        }

        /// Copies the bytes at `i` that stand for themselves, up to eight and as many as
        /// the line has room for; false when there is none.
        ///
        /// The eight bytes are tested together, SWAR fashion: a byte's high bit is set in
        /// `control` when it is below `0x20`, in `upper` when it is `0x7F` or above, in
        /// `equals` when it is `=`. A borrow or carry can mark a byte falsely only above
        /// one marked rightly, so the lowest mark is exact. All eight bytes are stored,
        /// and only the run counted: the rest is overwritten next.
        private mutating func copyLiteralRun() -> Bool {
            let raw = UnsafeRawPointer(input + i).loadUnaligned(as: UInt64.self)
            let word = UInt64(littleEndian: raw)
            let ones: UInt64 = 0x0101_0101_0101_0101
            let high = ones &* 0x80
            let control = (word &- ones &* 0x20) & ~word & high
            let upper = (word &+ ones | word) & high
            let notEquals = word ^ (ones &* 0x3d)
            let equals = (notEquals &- ones) & ~notEquals & high
            let literal = (control | upper | equals).trailingZeroBitCount >> 3
            var take = min(literal, Self.softLimit - column)
            // A space right before a line break must be escaped.
            if take > 0, input[i + take - 1] == Self.space, isLineEnd(i + take) { take -= 1 }
            guard take > 0 else { return false }
            UnsafeMutableRawPointer(output + written).storeBytes(of: raw, as: UInt64.self)
            written += take
            column += take
            i += take
            return true
        }

        /// Encodes the character at `i`, with a soft break in front when it would not fit.
        private mutating func encodeCharacter() {
            let lead = input[i]
            var end = i + 1
            if lead >= 0xc2 {
                let limit = min(count, i + (lead >= 0xf5 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2))
                while end < limit, input[end] != Self.cr, input[end] != Self.lf { end += 1 }
            }
            var width = 0
            for j in i..<end { width += isLiteral(j) ? 1 : 3 }
            let limit = isLineEnd(end) ? maxLineLength : Self.softLimit
            if column > 0, column + width > limit {
                put(UInt8(ascii: "="), Self.cr, Self.lf)
                column = 0
            }
            for j in i..<end {
                if isLiteral(j) { put(input[j]) } else { putEscape(input[j]) }
            }
            column += width
            i = end
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

        /// Whether the line at `i` starts with `From `.
        private func startsWithFrom() -> Bool {
            guard count - i >= 5 else { return false }
            return input[i] == UInt8(ascii: "F") && input[i + 1] == UInt8(ascii: "r")
                && input[i + 2] == UInt8(ascii: "o") && input[i + 3] == UInt8(ascii: "m")
                && input[i + 4] == Self.space
        }

        @inline(__always) private mutating func put(_ byte: UInt8) {
            output[written] = byte
            written += 1
        }

        @inline(__always) private mutating func put(_ a: UInt8, _ b: UInt8) {
            output[written] = a
            output[written + 1] = b
            written += 2
        }

        @inline(__always) private mutating func put(_ a: UInt8, _ b: UInt8, _ c: UInt8) {
            output[written] = a
            output[written + 1] = b
            output[written + 2] = c
            written += 3
        }

        /// `=XX`, uppercase hex.
        @inline(__always) private mutating func putEscape(_ byte: UInt8) {
            put(UInt8(ascii: "="), Self.hexDigit(byte >> 4), Self.hexDigit(byte & 0x0f))
        }

        @inline(__always) private static func hexDigit(_ nibble: UInt8) -> UInt8 {
            nibble < 10 ? nibble + UInt8(ascii: "0") : nibble - 10 + UInt8(ascii: "A")
        }
    }
}
