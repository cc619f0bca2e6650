/// `'%.2f' % x` without going through C's printf: the exact binary value of
/// `x` scaled by 10^precision in 128-bit integers, rounded half to even on that
/// exact value, which is what Python (and a correct printf) does. Prices and
/// percentages, the common case in email, take this path; anything out of its
/// range returns nil and goes to printf.
enum FixedPoint {
    private static let powersOfFive: [UInt128] = (0...9).map { n in
        var p: UInt128 = 1
        for _ in 0..<n { p *= 5 }
        return p
    }

    static func format(_ x: Double, precision: Int) -> String? {
        withText(x, precision: precision) { String(decoding: $0, as: UTF8.self) }
    }

    /// `body` over the UTF-8 of `format(x, precision:)`, read from a stack
    /// buffer (a printed price goes to the output with no string made), or
    /// nil when `x` is out of range.
    @inline(__always)
    static func withText<R>(_ x: Double, precision: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R? {
        guard x.isFinite, precision >= 0, precision <= 9 else { return nil }
        let negative = x.sign == .minus
        let magnitude = Swift.abs(x)
        var scaled: UInt128
        if magnitude == 0 {
            scaled = 0
        } else {
            // magnitude = significand × 2^exponent, with an integer significand.
            let exponent = Int(magnitude.exponent) - Double.significandBitCount
            let significand = UInt128(magnitude.significandBitPattern | (magnitude.isNormal ? 1 << 52 : 0))
            let exponentOfTwo = magnitude.isNormal ? exponent : -1074
            // × 10^p = × 5^p × 2^p
            let product = significand * powersOfFive[precision]
            let shift = exponentOfTwo + precision
            if shift >= 0 {
                guard shift < 60 else { return nil }
                scaled = product << UInt128(shift)
            } else {
                let right = -shift
                guard right < 127 else { return nil }
                let quotient = product >> UInt128(right)
                let remainder = product - (quotient << UInt128(right))
                let half = UInt128(1) << UInt128(right - 1)
                scaled = quotient
                if remainder > half || (remainder == half && quotient & 1 == 1) { scaled += 1 }
            }
        }
        // Prices scale to well under 2^64: dividing by ten in 64 bits is a
        // multiply, in 128 bits a call.
        if scaled <= UInt128(UInt64.max) {
            return try text(UInt64(scaled), precision: precision, negative: negative, body)
        }
        return try text(scaled, precision: precision, negative: negative, body)
    }

    /// `scaled` in decimal with a point `precision` digits from the right, at
    /// least one digit before it, and a minus sign when `negative`: written
    /// right to left into a stack buffer, with no intermediate string for the
    /// digits and no insertion of the point, and given to `body`.
    @inline(__always)
    private static func text<T: FixedWidthInteger & UnsignedInteger, R>(
        _ scaled: T, precision: Int, negative: Bool, _ body: (UnsafeBufferPointer<UInt8>) throws -> R
    ) rethrows -> R {
        // 39 digits of a UInt128, a point and a sign; precision adds no more
        // than the ten digits a UInt64 already has room for.
        let capacity = 48
        return try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            var start = capacity
            var remaining = scaled
            var written = 0
            while remaining != 0 || written <= precision {
                if written == precision && precision > 0 {
                    start -= 1
                    buffer[start] = UInt8(ascii: ".")
                }
                let (quotient, digit) = remaining.quotientAndRemainder(dividingBy: 10)
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: digit)
                remaining = quotient
                written += 1
            }
            if negative {
                start -= 1
                buffer[start] = UInt8(ascii: "-")
            }
            return try body(UnsafeBufferPointer(rebasing: buffer[start..<capacity]))
        }
    }
}
