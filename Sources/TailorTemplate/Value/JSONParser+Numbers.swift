extension JSONParser {
    // MARK: Numbers

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    ///
    /// The digits are gathered as they are checked. An integer of up to 18
    /// digits, and a decimal whose digits and power of ten are both exact as
    /// doubles, are built from them; anything longer or further out goes
    /// through the standard library's correctly rounded conversion. An
    /// integer beyond 64 bits is kept as its digits, a string, as a CSV cell
    /// of such a number is.
    mutating func parseNumber() throws(Failure) -> Value {
        let start = position
        let negative = bytes[position] == UInt8(ascii: "-")
        if negative { position += 1 }
        guard let first = peek(), isDigit(first) else {
            throw Failure(message: "invalid number: expected a digit after '-'", offset: position)
        }
        if first == UInt8(ascii: "0"), position + 1 < bytes.count, isDigit(bytes[position + 1]) {
            throw Failure(message: "invalid number: leading zeros are not allowed", offset: start)
        }
        var significand: UInt64 = 0
        var digits = 0
        accumulateDigits(into: &significand, counting: &digits)
        var isInteger = true
        var fractionDigits = 0
        if peek() == UInt8(ascii: ".") {
            isInteger = false
            position += 1
            guard let d = peek(), isDigit(d) else {
                throw Failure(message: "invalid number: expected a digit after '.'", offset: position)
            }
            let integerDigits = digits
            accumulateDigits(into: &significand, counting: &digits)
            fractionDigits = digits - integerDigits
        }
        var exponent = 0
        if let e = peek(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            isInteger = false
            position += 1
            var exponentIsNegative = false
            if let sign = peek(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                exponentIsNegative = sign == UInt8(ascii: "-")
                position += 1
            }
            guard let d = peek(), isDigit(d) else {
                throw Failure(message: "invalid number: expected a digit in the exponent", offset: position)
            }
            while let d = peek(), isDigit(d) {
                // Past this the value is 0 or infinite anyway; the slow path decides.
                if exponent < 100_000 { exponent = exponent * 10 + Int(d &- UInt8(ascii: "0")) }
                position += 1
            }
            if exponentIsNegative { exponent = -exponent }
        }
        if isInteger && digits <= 18 {
            let magnitude = Int(significand)
            return .int(negative ? -magnitude : magnitude)
        }
        let text = UnsafeBufferPointer(rebasing: bytes[start..<position])
        if isInteger {
            // Too long for 64 bits (an order or card number): every digit kept,
            // as text, where a float would print `1.2345678901234568e+19`.
            return Self.parseInt(text).map(Value.int) ?? .string(String(decoding: text, as: UTF8.self))
        }
        if !isInteger, digits <= 19, let magnitude = Self.exactDouble(significand, exponent - fractionDigits) {
            return .float(negative ? -magnitude : magnitude)
        }
        // Decimal text that passed the grammar above always converts.
        return .float(Double(String(decoding: text, as: UTF8.self)) ?? .nan)
    }

    /// Steps over the digits at `position`, appending them to `significand`
    /// while it has room (19 digits always fit in 64 bits) and counting all.
    @inline(__always) mutating func accumulateDigits(into significand: inout UInt64, counting digits: inout Int) {
        while position < bytes.count {
            let d = bytes[position] &- UInt8(ascii: "0")
            guard d < 10 else { return }
            if digits < 19 { significand = significand &* 10 &+ UInt64(d) }
            digits &+= 1
            position &+= 1
        }
    }

    /// `significand × 10^exponent` when the significand (at most 2^53) and the
    /// power of ten (at most 10^22) are both exact doubles: then the one
    /// multiplication or division rounds correctly, to the same double as
    /// reading the decimal text (Clinger's fast path). Nil otherwise.
    static func exactDouble(_ significand: UInt64, _ exponent: Int) -> Double? {
        guard significand <= 1 << 53, exponent >= -22, exponent <= 22 else { return nil }
        let value = Double(significand)
        let scale = exactPowerOfTen(exponent < 0 ? -exponent : exponent)
        return exponent < 0 ? value / scale : value * scale
    }

    /// 10^n for n in 0...22, every one exact in a double (a table the
    /// compiler builds from the switch).
    @inline(__always) static func exactPowerOfTen(_ n: Int) -> Double {
        switch n {
        case 0: return 1e0
        case 1: return 1e1
        case 2: return 1e2
        case 3: return 1e3
        case 4: return 1e4
        case 5: return 1e5
        case 6: return 1e6
        case 7: return 1e7
        case 8: return 1e8
        case 9: return 1e9
        case 10: return 1e10
        case 11: return 1e11
        case 12: return 1e12
        case 13: return 1e13
        case 14: return 1e14
        case 15: return 1e15
        case 16: return 1e16
        case 17: return 1e17
        case 18: return 1e18
        case 19: return 1e19
        case 20: return 1e20
        case 21: return 1e21
        default: return 1e22
        }
    }

    /// Accumulates decimal digits, or nil on overflow (the caller keeps the digits as text).
    static func parseInt(_ digits: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let negative = digits.first == UInt8(ascii: "-")
        if negative { i = 1 }
        var value = 0
        while i < digits.count {
            let d = Int(digits[i] &- UInt8(ascii: "0"))
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = negative ? m.subtractingReportingOverflow(d) : m.addingReportingOverflow(d)
            if o1 || o2 { return nil }
            value = s
            i += 1
        }
        return value
    }

    @inline(__always) func isDigit(_ b: UInt8) -> Bool { b &- UInt8(ascii: "0") < 10 }
}
