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
        var digits = String(scaled)
        if precision > 0 {
            if digits.count <= precision {
                digits = String(repeating: "0", count: precision - digits.count + 1) + digits
            }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -precision))
        }
        return negative ? "-" + digits : digits
    }
}
