/// Decoding of the Punycode in an IDNA A-label (`xn--bcher-kva` is `bücher`),
/// to tell a real internationalized domain label from `xn--` followed by
/// anything: mail to a label that does not decode cannot be delivered, and
/// checkers (email-validator, so check-eml) refuse it.
///
/// RFC 3492 6.2, the decoding procedure, with its parameters (section 5):
///
/// > base = 36, tmin = 1, tmax = 26, skew = 38, damp = 700,
/// > initial_bias = 72, initial_n = 128 = 0x80
///
/// ```swift
/// Punycode.decode("bcher-kva")   // "bücher"
/// Punycode.decode("zz")          // nil
/// ```
enum Punycode {
    private static let base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700

    /// The Unicode text of `encoded` (the part after `xn--`), or nil when it is
    /// not Punycode: a bad digit, a truncated number, an overflow, or a code
    /// point that is not a Unicode scalar.
    static func decode<S: Collection>(_ encoded: S) -> String? where S.Element == UInt8 {
        let input = Array(encoded)
        var output: [Unicode.Scalar] = []
        // Basic code points come before the last delimiter.
        let delimiter = input.lastIndex(of: UInt8(ascii: "-"))
        if let delimiter {
            for byte in input[..<delimiter] {
                guard byte < 0x80 else { return nil }
                output.append(Unicode.Scalar(byte))
            }
        }
        var position = delimiter.map { $0 + 1 } ?? 0
        var n = 0x80
        var i = 0
        var bias = 72
        while position < input.count {
            let oldI = i
            var weight = 1
            var k = base
            while true {
                guard position < input.count, let digit = digit(input[position]) else { return nil }
                position += 1
                let (step, overflow) = digit.multipliedReportingOverflow(by: weight)
                guard !overflow, i <= Int(UInt32.max) - step else { return nil }
                i += step
                let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                if digit < t { break }
                guard weight <= Int(UInt32.max) / (base - t) else { return nil }
                weight *= base - t
                k += base
            }
            bias = adapt(i - oldI, points: output.count + 1, first: oldI == 0)
            n += i / (output.count + 1)
            i %= output.count + 1
            guard n <= 0x10FFFF, let scalar = Unicode.Scalar(n) else { return nil }
            output.insert(scalar, at: i)
            i += 1
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: output)
        return text
    }

    private static func digit(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"): Int(byte - UInt8(ascii: "a"))
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): Int(byte - UInt8(ascii: "A"))
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0")) + 26
        default: nil
        }
    }

    private static func adapt(_ delta: Int, points: Int, first: Bool) -> Int {
        var delta = first ? delta / damp : delta / 2
        delta += delta / points
        var k = 0
        while delta > ((base - tMin) * tMax) / 2 {
            delta /= base - tMin
            k += base
        }
        return k + (base - tMin + 1) * delta / (delta + skew)
    }
}
